package tui

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/charmbracelet/bubbles/key"
)

// StaffKeyInUse says why a key cannot be the kiosk's staff exit key: the
// kiosk already uses it (a menu choice, scrolling, search), so patients
// would open the PIN box by accident, or lose the key's meaning. It reads
// the key map itself, so it stays true when keys change.
func StaffKeyInUse(k string) error {
	km := NewKeyMap(true)
	var uses []string
	walkBindings(reflect.ValueOf(km), "", func(where string, b key.Binding) {
		if b.Enabled() && slices.Contains(b.Keys(), k) {
			uses = append(uses, b.Help().Desc)
		}
	})
	if len(uses) > 0 {
		return fmt.Errorf("%q is already a key of the guide (%s); choose another, e.g. ctrl+x or f12", k, uses[0])
	}
	return nil
}

// walkBindings calls f for every key.Binding inside v, a struct of
// structs of bindings such as KeyMap.
func walkBindings(v reflect.Value, where string, f func(string, key.Binding)) {
	if b, ok := v.Interface().(key.Binding); ok {
		f(where, b)
		return
	}
	if v.Kind() != reflect.Struct {
		return
	}
	for i := range v.NumField() {
		if v.Type().Field(i).IsExported() {
			walkBindings(v.Field(i), where+"."+v.Type().Field(i).Name, f)
		}
	}
}
