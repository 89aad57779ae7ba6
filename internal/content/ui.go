package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/timeline"
)

// UIFile is the file of a language that holds every word of the interface
// that is not a page: menus, hints, help, messages, date words.
const UIFile = "ui.yaml"

var uiKeyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// UI is the interface text of one language, read from LANG/ui.yaml. Each
// key holds a text or a list of texts. A content folder may leave the file
// or any key out: what is missing comes from the built-in pack of the same
// language, else from the built-in English.
type UI struct {
	text  map[string]string
	lists map[string][]string
	lines map[string]int
	file  string
}

func newUI(file string) *UI {
	return &UI{text: map[string]string{}, lists: map[string][]string{}, lines: map[string]int{}, file: file}
}

// Text returns the text of a key, or "" when there is none.
func (u *UI) Text(key string) string {
	if u == nil {
		return ""
	}
	return u.text[key]
}

// List returns the list of a key, or nil when there is none.
func (u *UI) List(key string) []string {
	if u == nil {
		return nil
	}
	return u.lists[key]
}

// Keys returns every key, sorted.
func (u *UI) Keys() []string {
	if u == nil {
		return nil
	}
	keys := make([]string, 0, len(u.text)+len(u.lists))
	for k := range u.text {
		keys = append(keys, k)
	}
	for k := range u.lists {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// has reports whether the file itself defined key.
func (u *UI) has(key string) bool {
	_, t := u.text[key]
	_, l := u.lists[key]
	return t || l
}

// fill adds every key of base that u lacks.
func (u *UI) fill(base *UI) {
	if base == nil {
		return
	}
	for k, v := range base.text {
		if !u.has(k) {
			u.text[k] = v
		}
	}
	for k, v := range base.lists {
		if !u.has(k) {
			u.lists[k] = v
		}
	}
}

// Dates returns the language's date words for the timeline.
func (u *UI) Dates() timeline.Words {
	var nums [][]string
	for _, n := range u.List("date_numbers") {
		nums = append(nums, strings.Fields(n))
	}
	return timeline.Words{
		Weekdays: u.List("date_weekdays"), Months: u.List("date_months"), Date: u.Text("date_long"),
		Short: u.Text("date_short"), Brief: u.Text("date_brief"),
		WeekdaysShort: u.List("date_weekdays_short"), MonthsShort: u.List("date_months_short"),
		Today: u.List("date_today"), Yesterday: u.List("date_yesterday"), TwoDays: u.List("date_two_days_ago"),
		Day: u.List("date_day"), Week: u.List("date_week"), Ago: u.List("date_ago"), Since: u.List("date_since"), Numbers: nums,
		Layouts: u.List("date_layouts"),
		Future:  u.Text("date_future"), TooOld: u.Text("date_too_old"), Empty: u.Text("date_empty"),
		NotADate: u.Text("date_not_a_date"),
	}
}

// loadUIFile reads LANG/ui.yaml when there is one, then fills what it
// lacks from the built-in pack.
func (l *loader) loadUIFile(g *Guide) {
	file := path.Join(l.lang, UIFile)
	g.UI = newUI(file)
	var src []byte
	if _, err := fs.Stat(l.fsys, file); err == nil {
		if src, _ = l.readChecked(file, false, nil); src != nil {
			parseUI(g.UI, src, func(line int, format string, args ...any) { l.errorf(file, line, format, args...) })
			if err := g.UI.Dates().Check(); err != nil && g.UI.has("date_weekdays") {
				l.errorf(file, g.UI.lines["date_weekdays"], "%v", err)
			}
		}
	}
	// A file that is the built-in one lacks none of its keys: parsing the
	// built-in file again to fill nothing was a sixth of loading the
	// shipped guide.
	if builtin, ok := builtinUIFile(l.lang); !ok || !bytes.Equal(src, builtin) {
		fillFromBuiltin(g.UI, l.lang)
	}
}

// BuiltinUI is the built-in pack's interface words for a language, with
// what it lacks taken from English: for what runs before content is loaded,
// such as reading --treated.
func BuiltinUI(lang string) *UI {
	u := newUI(path.Join(lang, UIFile))
	fillFromBuiltin(u, lang)
	return u
}

// fillFromBuiltin fills what u lacks from the built-in pack of lang, and
// what that lacks from the built-in English. A built-in language has
// every English key (TestBuiltinUIHasEveryEnglishKey), so English is read
// only for a language the pack does not have.
func fillFromBuiltin(u *UI, lang string) {
	if b := builtinUI(lang); b != nil {
		u.fill(b)
		return
	}
	u.fill(builtinUI(SourceLang))
}

// builtinUIFile is the built-in pack's ui.yaml of a language.
func builtinUIFile(lang string) ([]byte, bool) {
	src, err := fs.ReadFile(embedded.FS(), path.Join(lang, UIFile))
	return src, err == nil
}

// builtinUI is the built-in pack's ui.yaml of a language, parsed, or nil.
func builtinUI(lang string) *UI {
	src, ok := builtinUIFile(lang)
	if !ok {
		return nil
	}
	u := newUI(path.Join(lang, UIFile))
	parseUI(u, src, func(int, string, ...any) {})
	return u
}

// parseUI reads a flat YAML mapping of keys to texts or lists of texts.
func parseUI(u *UI, src []byte, report func(line int, format string, args ...any)) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := yamlError(err, 0)
		report(line, "%s", msg)
		return
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		report(m.Line, "the file must be a list of key: text lines")
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		switch {
		case !uiKeyPattern.MatchString(k.Value):
			report(k.Line, "key %q: use lower-case letters, digits and _", k.Value)
			continue
		case u.has(k.Value):
			report(k.Line, "key %q is already defined on line %d", k.Value, u.lines[k.Value])
			continue
		}
		u.lines[k.Value] = k.Line
		switch v.Kind {
		case yaml.ScalarNode:
			u.text[k.Value] = v.Value
		case yaml.SequenceNode:
			list := make([]string, 0, len(v.Content))
			for _, item := range v.Content {
				if item.Kind != yaml.ScalarNode {
					report(item.Line, "%s: each item must be text", k.Value)
					continue
				}
				list = append(list, item.Value)
			}
			u.lists[k.Value] = list
		default:
			report(v.Line, "%s: must be text or a list of text", k.Value)
		}
	}
}

// verbs lists a text's formatting verbs (%s, %d, %q) in order: a
// translation must keep them, or the app would print garbage.
var verbPattern = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

func verbs(s string) string { return strings.Join(verbPattern.FindAllString(s, -1), " ") }

// uiParity compares a translation's ui.yaml with the source language's:
// the same keys, and in each text the same %s / %d in the same order.
func uiParity(s, t *Guide) Problems {
	if s.UI == nil || t.UI == nil {
		return nil
	}
	var ps Problems
	file := t.UI.file
	for _, k := range s.UI.Keys() {
		_, inSource := s.UI.lines[k]
		_, inTranslation := t.UI.lines[k]
		switch {
		case !inSource:
			continue // the source folder leaves it to the built-in pack
		case !inTranslation && len(t.UI.lines) > 0:
			ps = append(ps, Problem{File: file, Severity: Error, Msg: fmt.Sprintf("%s: missing: translate it from %s", k, s.UI.file)})
			continue
		case !inTranslation:
			continue // no ui.yaml here: the built-in pack's words are used
		}
		if a, b := verbs(s.UI.Text(k)), verbs(t.UI.Text(k)); a != b {
			ps = append(ps, Problem{File: file, Line: t.UI.lines[k], Severity: Error, Msg: fmt.Sprintf("%s: has %q where %s has %q: keep the same %%s and %%d, in the same order", k, b, s.UI.file, a)})
		}
	}
	for _, k := range t.UI.Keys() {
		if _, ok := t.UI.lines[k]; ok && !s.UI.has(k) {
			ps = append(ps, Problem{File: file, Line: t.UI.lines[k], Severity: Error, Msg: fmt.Sprintf("%s: not a key of %s (misspelt?)", k, s.UI.file)})
		}
	}
	return ps
}
