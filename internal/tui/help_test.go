package tui

import (
	"strings"
	"testing"
)

// Help lists every key of a page, aliases included: f and space page down,
// b pages up (issue 11: help did not list f).
func TestHelpListsPageKeys(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 24))
	for _, script := range []string{"1 enter ?", "6 ?", "2 ?"} {
		v := plain(drive(m, keys(script)...).View())
		if !strings.Contains(v, "pgdn/f/space") || !strings.Contains(v, "pgup/b") {
			t.Errorf("%q: help does not list f, space and b:\n%s", script, v)
		}
	}
}

// The number keys help lists are as many as the menu has items.
func TestHelpNumbersMatchTheMenu(t *testing.T) {
	for _, kiosk := range []bool{false, true} {
		opts := testOptions()
		opts.Kiosk = kiosk
		m := drive(newTestModel(t, opts), size(80, 24))
		want := "1-" + string(rune('0'+len(m.home().items)))
		if v := plain(drive(m, press("?")).View()); !strings.Contains(v, want+" ") {
			t.Errorf("kiosk %v: help should say %q:\n%s", kiosk, want, v)
		}
	}
}
