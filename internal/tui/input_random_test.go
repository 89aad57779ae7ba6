package tui

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// chooser picks a number below n. *rand.Rand is one; byteChooser, driven by
// a fuzzer's bytes, is the other.
type chooser interface{ Intn(n int) int }

// byteChooser reads its choices from bytes; when they run out it answers 0.
type byteChooser struct{ b []byte }

func (c *byteChooser) Intn(n int) int {
	if n <= 1 {
		return 0
	}
	v := 0
	for range (n + 254) / 255 { // enough bytes for n
		if len(c.b) == 0 {
			break
		}
		v = v<<8 | int(c.b[0])
		c.b = c.b[1:]
	}
	return v % n
}

func (c *byteChooser) done() bool { return len(c.b) == 0 }

// allKeyTypes is every key bubbletea v1 can report: the control keys, the
// named keys (arrows, function keys F1-F20, ctrl+ and shift+ arrows, ...)
// and runes. Each can also come with alt.
func allKeyTypes() []tea.KeyType {
	var out []tea.KeyType
	for t := tea.KeyF20; t <= tea.KeyCtrlQuestionMark; t++ { // F20 is the lowest, DEL (127) the highest
		if t.String() != "" {
			out = append(out, t)
		}
	}
	return out
}

// randomRunes are what a person or a paste may type: ASCII, accents,
// combining marks, wide characters, emoji, right-to-left text, spaces of
// every kind and control characters.
var randomRunes = []rune("aZq09 /?!.-_tTdDnNpPjkhlgG[]{}()'\"\\é日本語👍🏽\u0301\u200bשל\t\n\r\x00\x1b\x7f\u00a0\u2028~`@#$%^&*+=|<>,;:")

func randomText(c chooser, n int) []rune {
	out := make([]rune, n)
	for i := range out {
		out[i] = randomRunes[c.Intn(len(randomRunes))]
	}
	return out
}

// cursorKeys move the cursor inside a text box, or delete around it: the
// keys that reach the parts of bubbles' text input a plain typist never
// does.
var cursorKeys = []tea.KeyMsg{
	{Type: tea.KeyLeft}, {Type: tea.KeyRight}, {Type: tea.KeyHome}, {Type: tea.KeyEnd},
	{Type: tea.KeyCtrlA}, {Type: tea.KeyCtrlE}, {Type: tea.KeyCtrlB}, {Type: tea.KeyCtrlF},
	{Type: tea.KeyLeft, Alt: true}, {Type: tea.KeyRight, Alt: true}, {Type: tea.KeyCtrlLeft}, {Type: tea.KeyCtrlRight},
	{Type: tea.KeyRunes, Runes: []rune("b"), Alt: true}, {Type: tea.KeyRunes, Runes: []rune("f"), Alt: true},
	{Type: tea.KeyRunes, Runes: []rune("d"), Alt: true}, {Type: tea.KeyDelete, Alt: true},
	{Type: tea.KeyBackspace, Alt: true}, {Type: tea.KeyCtrlW}, {Type: tea.KeyCtrlK}, {Type: tea.KeyCtrlU},
	{Type: tea.KeyDelete}, {Type: tea.KeyCtrlD}, {Type: tea.KeyBackspace}, {Type: tea.KeyCtrlH},
}

var (
	randomWidths  = []int{0, 1, 2, 10, 39, 40, 41, 60, 80, 99, 100, 101, 132, 160, 200, 250}
	randomHeights = []int{0, 1, 2, 5, 11, 12, 13, 16, 20, 24, 40, 48, 80}
)

// randomMsg is one input event of any kind bubbletea reports: a key of any
// type with or without alt, typed text, a paste (bracketed or not), a
// mouse event of any button, action and modifier, a resize, or focus.
// w and h are the current size, so that most clicks land on the screen.
func randomMsg(c chooser, w, h int) tea.Msg {
	switch r := c.Intn(100); {
	case r < 30: // any key, alt or not
		types := allKeyTypes()
		k := tea.KeyMsg{Type: types[c.Intn(len(types))], Alt: c.Intn(4) == 0}
		if k.Type == tea.KeyRunes {
			k.Runes = randomText(c, 1)
		}
		return k
	case r < 50: // the cursor inside a text box
		return cursorKeys[c.Intn(len(cursorKeys))]
	case r < 62: // typing
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: randomText(c, 1)}
	case r < 70: // a paste: bracketed (Paste set) or plain (runes in one message)
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: randomText(c, 1+c.Intn(200)), Paste: c.Intn(2) == 0}
	case r < 88:
		buttons := []tea.MouseButton{
			tea.MouseButtonNone, tea.MouseButtonLeft, tea.MouseButtonMiddle, tea.MouseButtonRight,
			tea.MouseButtonWheelUp, tea.MouseButtonWheelDown, tea.MouseButtonWheelLeft, tea.MouseButtonWheelRight,
			tea.MouseButtonBackward, tea.MouseButtonForward, tea.MouseButton10, tea.MouseButton11,
		}
		return tea.MouseMsg{
			X: c.Intn(w+4) - 2, Y: c.Intn(h+4) - 2,
			Action: []tea.MouseAction{tea.MouseActionPress, tea.MouseActionRelease, tea.MouseActionMotion}[c.Intn(3)],
			Button: buttons[c.Intn(len(buttons))],
			Shift:  c.Intn(4) == 0, Alt: c.Intn(4) == 0, Ctrl: c.Intn(4) == 0,
		}
	case r < 97:
		return size(randomWidths[c.Intn(len(randomWidths))], randomHeights[c.Intn(len(randomHeights))])
	case r < 98:
		return tea.FocusMsg{}
	default:
		return tea.BlurMsg{}
	}
}

// textBoxScreens are the screens with a text box, and how to reach it
// with some text in it.
func textBoxScreens() []struct {
	name, script string
	opts         Options
} {
	staff := testOptions()
	staff.Kiosk, staff.StaffKey, staff.StaffPIN = true, "ctrl+x", "2468"
	dated := testOptions()
	dated.Treated = treatedDaysAgo(5)
	return []struct {
		name, script string
		opts         Options
	}{
		{"search", "/ sun screen", dated},
		{"timeline-date", "2 t 12", testOptions()},
		{"timeline-date-dated", "2 t 2026-11-20", dated},
		{"staff-pin", "1357", staff},
	}
}

// reach opens a screen's text box: the staff box by its key, the others
// by their script.
func reach(m Model, name, script string) Model {
	if name == "staff-pin" {
		m = drive(m, tea.KeyMsg{Type: tea.KeyCtrlX})
	}
	return drive(m, keys(script)...)
}

// walk sends msgs to a model that keeps returning to the text box, and
// fails on a panic or a frame that does not fit.
func walk(t testing.TB, m Model, name, script string, next func(w, h int) (tea.Msg, bool), runCmds func() bool) {
	t.Helper()
	w, h := 80, 24
	for i := 0; ; i++ {
		msg, ok := next(w, h)
		if !ok {
			return
		}
		if sz, isSize := msg.(tea.WindowSizeMsg); isSize {
			w, h = sz.Width, sz.Height
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("%s, step %d (%s): panic: %v", name, i, describe(msg), p)
				}
			}()
			m = step(m, msg, runCmds())
			checkFits(t, m.View(), w, h, name)
		}()
		// Most of the time, go back to the text box once it is gone.
		if !m.focused() && i%8 == 0 {
			m = reach(m, name, script)
		}
	}
}

func describe(msg tea.Msg) string {
	if k, ok := msg.(tea.KeyMsg); ok {
		return fmt.Sprintf("key %q type %d alt %v paste %v", k.String(), k.Type, k.Alt, k.Paste)
	}
	return fmt.Sprintf("%#v", msg)
}

// TestRandomInputTextBoxes throws random input of every kind at every
// screen with a text box, going back to the box whenever it closes, with
// the cursor moved inside the text often.
func TestRandomInputTextBoxes(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 400
	}
	for i, sc := range textBoxScreens() {
		t.Run(sc.name, func(t *testing.T) {
			rng := rand.New(rand.NewSource(int64(20261129 + i)))
			m := reach(drive(instantTicks(newTestModel(t, sc.opts)), size(80, 24)), sc.name, sc.script)
			if !m.focused() {
				t.Fatalf("%q does not reach the text box:\n%s", sc.script, plain(m.View()))
			}
			left := n
			walk(t, m, sc.name, sc.script, func(w, h int) (tea.Msg, bool) {
				left--
				return randomMsg(rng, w, h), left >= 0
			}, func() bool { return rng.Intn(3) == 0 })
		})
	}
}

// TestAllKeyTypes: the generator really covers bubbletea's key types,
// F20 to the last control key, with a name for each.
func TestAllKeyTypes(t *testing.T) {
	types := allKeyTypes()
	if len(types) < 80 {
		t.Fatalf("only %d key types", len(types))
	}
	var names []string
	for _, k := range types {
		names = append(names, k.String())
	}
	all := " " + strings.Join(names, " ") + " "
	for _, want := range []string{"f20", "ctrl+@", "ctrl+c", "runes", "shift+tab", "ctrl+shift+end", "delete", "backspace", "insert"} {
		if !strings.Contains(all, " "+want+" ") {
			t.Errorf("no %q among %s", want, all)
		}
	}
}

// FuzzTextBoxes drives the screens with a text box with input chosen by
// the fuzzer's bytes. go test -fuzz FuzzTextBoxes ./internal/tui
func FuzzTextBoxes(f *testing.F) {
	f.Add(uint8(0), []byte("sun\x14\x00\x00"))
	f.Add(uint8(1), []byte{25, 3, 25, 0, 25, 60, 25, 14, 10, 0})
	f.Add(uint8(3), []byte{65, 200, 10, 40, 99, 7, 0, 1, 2, 3, 4, 5})
	screens := textBoxScreens()
	base := make([]Model, len(screens))
	for i, sc := range screens {
		base[i] = reach(drive(instantTicks(newTestModel(f, sc.opts)), size(80, 24)), sc.name, sc.script)
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		i := int(which) % len(screens)
		c := &byteChooser{b: data}
		walk(t, base[i], screens[i].name, screens[i].script, func(w, h int) (tea.Msg, bool) {
			if c.done() {
				return nil, false
			}
			return randomMsg(c, w, h), true
		}, func() bool { return true })
	})
}
