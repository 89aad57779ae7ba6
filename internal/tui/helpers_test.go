package tui

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/render"
)

// fakeClock is a clock that always says the same time.
type fakeClock struct{ t time.Time }

func (c fakeClock) Now() time.Time { return c.t }

// testNow is the fixed "now" of every test: 2026-11-22 12:00 UTC.
func testNow() time.Time { return time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) }

func loadGuide(tb testing.TB) *content.Guide {
	tb.Helper()
	g, problems := content.Load(embedded.FS(), "en")
	if problems.Errors() > 0 {
		tb.Fatalf("embedded content has errors: %v", problems.Err())
	}
	return g
}

// testOptions are ASCII colours (stable goldens), the dark theme and UTC.
func testOptions() Options {
	return Options{Theme: render.Dark, Profile: termenv.Ascii, Location: time.UTC}
}

func newTestModel(tb testing.TB, opts Options) Model {
	tb.Helper()
	g := loadGuide(tb)
	content.Expand(g, opts.Clinic.Numbers())
	return New(g, render.New(g), lipgloss.NewRenderer(io.Discard), opts, fakeClock{testNow()})
}

// instantTicks makes m's timers (the staff box's wait, idle and fact
// ticks) deliver their message as soon as the command runs, instead of
// after a real tea.Tick sleep: under the frozen test clock a locked staff
// box ticks on and on, and a random walk that ran those commands slept a
// second for each (100 s of TestRandomInputTextBoxes). The messages and
// their handling are the same.
func instantTicks(m Model) Model {
	m.sh.after = func(_ time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { return msg }
	}
	return m
}

// treatedDaysAgo is midnight UTC, n days before the test clock.
func treatedDaysAgo(n int) time.Time {
	y, mo, d := testNow().Date()
	return time.Date(y, mo, d-n, 0, 0, 0, 0, time.UTC)
}

// press makes a key message from a name ("enter", "esc", "up", ...) or text.
func press(s string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "up": tea.KeyUp, "down": tea.KeyDown,
		"left": tea.KeyLeft, "right": tea.KeyRight, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
		"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
		"ctrl+c": tea.KeyCtrlC, "shift+tab": tea.KeyShiftTab, "space": tea.KeySpace,
	}
	if t, ok := named[s]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// keys turns "1 enter / r e t" style scripts into key messages; a word
// that is not a key name is typed letter by letter.
func keys(script string) []tea.Msg {
	var out []tea.Msg
	for _, w := range strings.Fields(script) {
		if k := press(w); k.Type != tea.KeyRunes || len([]rune(w)) == 1 {
			out = append(out, k)
			continue
		}
		for _, r := range w {
			out = append(out, press(string(r)))
		}
	}
	return out
}

// drive sends messages to the model as the program would, running the
// commands they return at once (background renders included).
func drive(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		m = step(m, msg, true)
	}
	return m
}

// step is one Update; with run set the returned commands run too, and
// their messages are fed back in.
func step(m Model, msg tea.Msg, run bool) Model {
	queue := []tea.Msg{msg}
	for n := 0; len(queue) > 0 && n < 100; n++ {
		next := queue[0]
		queue = queue[1:]
		var cmd tea.Cmd
		m, cmd = m.update(next)
		if run {
			queue = append(queue, runCmd(cmd)...)
		}
	}
	return m
}

// runCmd runs a command and its batches, dropping quit and suspend.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil, tea.QuitMsg, tea.SuspendMsg:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, runCmd(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

func size(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// checkFits fails when a frame is wider or taller than the terminal.
func checkFits(tb testing.TB, view string, w, h int, what string) {
	tb.Helper()
	lines := strings.Split(view, "\n")
	if view == "" {
		lines = nil
	}
	if len(lines) > max(h, 0) {
		tb.Fatalf("%s at %dx%d: %d lines", what, w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			tb.Fatalf("%s at %dx%d: line %d is %d cells wide: %q", what, w, h, i, lw, l)
		}
	}
}

func plain(view string) string { return ansi.Strip(view) }

// quitsOrSuspends reports whether a key makes the program quit or suspend.
func quitsOrSuspends(m Model, msg tea.Msg) bool {
	_, cmd := m.update(msg)
	var check func(tea.Cmd) bool
	check = func(c tea.Cmd) bool {
		if c == nil {
			return false
		}
		switch msg := c().(type) {
		case tea.QuitMsg, tea.SuspendMsg:
			return true
		case tea.BatchMsg:
			for _, c := range msg {
				if check(c) {
					return true
				}
			}
		}
		return false
	}
	return check(cmd)
}

// The screens as they are now, for tests to look inside. The app itself
// knows them only through the screen interface.
func (m guideModel) home() homeModel         { return m.screens[screenHome].(homeModel) }
func (m guideModel) faq() faqModel           { return m.screens[screenFAQ].(faqModel) }
func (m guideModel) search() searchModel     { return m.screens[screenSearch].(searchModel) }
func (m guideModel) timeline() timelineModel { return m.screens[screenTimeline].(timelineModel) }
func (m guideModel) callUs() pageModel       { return m.screens[screenCallUs].(pageModel) }
func (m guideModel) page() pageModel         { return m.screens[screenPage].(pageModel) }
func (m guideModel) staff() staffModel       { return m.screens[screenStaff].(staffModel) }
func (m guideModel) normal() normalModel     { return m.screens[screenNormal].(normalModel) }
