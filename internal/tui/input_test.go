package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func altKey(s string) tea.KeyMsg {
	k := press(s)
	k.Alt = true
	return k
}

// TestDeleteWordForward: alt+d (and alt+delete) with the cursor anywhere
// in a text box deletes the next word, as in a shell. bubbles v1.0.0
// panicked with the cursor on the last character (issue 11).
func TestDeleteWordForward(t *testing.T) {
	for _, tc := range []struct {
		text   string
		left   int // presses of ←
		key    tea.KeyMsg
		want   string
		wantAt int
	}{
		{"sun", 1, altKey("d"), "su", 2},
		{"sun", 0, altKey("d"), "sun", 3},
		{"sun", 3, altKey("d"), "", 0},
		{"sun cream", 9, altKey("d"), " cream", 0},
		{"sun cream", 6, altKey("d"), "sun", 3},
		{"sun  cream", 7, altKey("d"), "sun", 3},
		{"sun cream", 1, tea.KeyMsg{Type: tea.KeyDelete, Alt: true}, "sun crea", 8},
		{"日本 語", 2, altKey("d"), "日本", 2},
	} {
		b := newTextBox(&Styles{}, false, "> ", "", 60)
		b, _ = b.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(tc.text)})
		for range tc.left {
			b, _ = b.update(press("left"))
		}
		b, _ = b.update(tc.key)
		if b.value() != tc.want || b.ti.Position() != tc.wantAt {
			t.Errorf("%q with %d× ← then %s: got %q at %d, want %q at %d",
				tc.text, tc.left, tc.key, b.value(), b.ti.Position(), tc.want, tc.wantAt)
		}
	}
	pin := newTextBox(&Styles{}, false, "PIN: ", "", 12)
	pin.mask = true
	pin, _ = pin.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("12 34")})
	pin, _ = pin.update(press("home"))
	pin, _ = pin.update(press("right"))
	pin, _ = pin.update(altKey("d"))
	if pin.value() != "1" {
		t.Errorf("a PIN box should delete to the end, not reveal word breaks: got %q", pin.value())
	}
}

// TestDeleteWordForwardOnScreens is issue 11's crash as a patient met it,
// in the search box and in the date box.
func TestDeleteWordForwardOnScreens(t *testing.T) {
	for _, script := range []string{"/ sun", "2 t 12"} {
		m := drive(newTestModel(t, testOptions()), size(80, 24))
		m = drive(m, keys(script)...)
		m = drive(m, press("left"), altKey("d"))
		if !m.focused() {
			t.Errorf("%s ← alt+d: the box lost the focus", script)
		}
	}
}

// TestNoClipboardPaste: ctrl+v must not read the clipboard of the machine
// the app runs on (over SSH, or a shared kiosk).
func TestNoClipboardPaste(t *testing.T) {
	b := newTextBox(&Styles{}, false, "> ", "", 60)
	if _, cmd := b.update(tea.KeyMsg{Type: tea.KeyCtrlV}); cmd != nil {
		t.Errorf("ctrl+v returned a command (bubbles reads the clipboard in it)")
	}
}

// A copy of a text box is a box of its own: the boxes share their input
// until one changes (see textBox.edit), and a change never shows in the
// other. Screens are values, and a model kept aside (the kiosk's, a
// test's) must not change when its copy is typed into.
func TestTextBoxCopiesAreIndependent(t *testing.T) {
	for name, change := range map[string]func(b *textBox){
		"type":       func(b *textBox) { *b, _ = b.update(press("x")) },
		"delete":     func(b *textBox) { *b, _ = b.update(press("backspace")) },
		"alt+d":      func(b *textBox) { *b, _ = b.update(press("home")); *b, _ = b.update(altKey("d")) },
		"set":        func(b *textBox) { b.setValue("other") },
		"reset":      func(b *textBox) { b.reset() },
		"select all": func(b *textBox) { *b, _ = b.update(press("home")); b.selectAll() },
		"view":       func(b *textBox) { b.mask = true; _ = b.view(5) },
		// In the middle of the text textinput changes its runes in place.
		"type inside":   func(b *textBox) { *b, _ = b.update(press("left")); *b, _ = b.update(press("x")) },
		"delete inside": func(b *textBox) { *b, _ = b.update(press("left")); *b, _ = b.update(press("backspace")) },
		"ctrl+w inside": func(b *textBox) { *b, _ = b.update(press("left")); *b, _ = b.update(press("ctrl+w")) },
	} {
		orig := newTextBox(&Styles{}, false, "> ", "", 60)
		orig.setValue("sun")
		b := orig
		change(&b)
		if orig.value() != "sun" || orig.ti.Position() != 3 || orig.ti.Width != 0 || orig.ti.EchoMode != 0 {
			t.Errorf("%s on a copy changed the box: %q, cursor at %d, width %d", name, orig.value(), orig.ti.Position(), orig.ti.Width)
		}
	}
}
