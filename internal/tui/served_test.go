package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// A served session never suspends, in reader mode too, and its help does
// not offer to; q still quits a reader session.
func TestServedSessionNeverSuspends(t *testing.T) {
	opts := testOptions()
	opts.Served = true
	m := newTestModel(t, opts)
	if m.sh.keys.Global.Suspend.Enabled() {
		t.Error("suspend is enabled in a served session")
	}
	if quitsOrSuspends(m, tea.KeyMsg{Type: tea.KeyCtrlZ}) {
		t.Error("ctrl+z suspends a served reader session")
	}
	if !quitsOrSuspends(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")}) {
		t.Error("q does not quit a served reader session")
	}
}

// Attract is true on a kiosk's untouched start screen only.
func TestAttract(t *testing.T) {
	opts := testOptions()
	if newTestModel(t, opts).Attract() {
		t.Error("a reader session says it is on an attract screen")
	}
	opts.Kiosk = true
	m := newTestModel(t, opts)
	if !m.Attract() {
		t.Error("a new kiosk session is not on its attract screen")
	}
	m = drive(m, tea.KeyMsg{Type: tea.KeyDown})
	if m.Attract() {
		t.Error("a touched kiosk session still says attract")
	}
	if !m.Reset().Attract() {
		t.Error("after a reset the kiosk is not on its attract screen")
	}
}
