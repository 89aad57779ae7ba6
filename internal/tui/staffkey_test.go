package tui

import "testing"

func TestStaffKeyInUse(t *testing.T) {
	for _, k := range []string{"1", "4", "enter", "esc", "tab", "up", "pgdown", "ctrl+p", "/", "!", "?", "n", " "} {
		if err := StaffKeyInUse(k); err == nil {
			t.Errorf("%q is a key of the kiosk, but StaffKeyInUse allows it", k)
		}
	}
	for _, k := range []string{"ctrl+x", "f12", "alt+s", "ctrl+c", "ctrl+z"} { // ctrl+c and ctrl+z do nothing in a kiosk
		if err := StaffKeyInUse(k); err != nil {
			t.Errorf("StaffKeyInUse(%q) = %v, want free", k, err)
		}
	}
}
