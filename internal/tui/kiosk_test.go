package tui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/kiosk"
	"github.com/skinguide/skinguide/internal/render"
)

// movingClock is a fake clock that tests move by hand.
type movingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *movingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *movingClock) set(since time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = testNow().Add(since)
}

// ticks records what the model asked to be woken up with, instead of
// running timers.
type ticks struct{ d []time.Duration }

func (tk *ticks) last() time.Duration {
	if len(tk.d) == 0 {
		return 0
	}
	return tk.d[len(tk.d)-1]
}

// kioskModel is the app in kiosk mode (3m idle, 30s countdown) on a clock
// the test moves, at 80x24, after Init.
func kioskModel(t *testing.T, opts Options) (Model, *movingClock, *ticks) {
	t.Helper()
	opts.Kiosk = true
	clock := &movingClock{t: testNow()}
	g := loadGuide(t)
	m := New(g, render.New(g), lipgloss.NewRenderer(io.Discard), opts, clock)
	tk := &ticks{}
	m.sh.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		if _, ok := msg.(idleTickMsg); ok {
			tk.d = append(tk.d, d)
		}
		return nil
	}
	m.Init()
	return drive(m, size(80, 24)), clock, tk
}

// idleAt moves the clock to since the start and delivers the live idle tick.
func idleAt(m Model, clock *movingClock, since time.Duration) Model {
	clock.set(since)
	return drive(m, idleTickMsg{m.idleSeq})
}

func TestCountdownOnlyInWarningWindow(t *testing.T) {
	m, clock, tk := kioskModel(t, testOptions())
	if tk.last() != 3*time.Minute {
		t.Fatalf("Init asked to be woken after %v, want the idle time (3m)", tk.last())
	}
	m = drive(m, press("1"), press("enter")) // someone reads an answer
	for _, c := range []struct {
		at   time.Duration
		want string // "" for no countdown
		next time.Duration
	}{
		{2*time.Minute + 59*time.Second, "", time.Second},
		{3 * time.Minute, "Starting over in 30 s", time.Second},
		{3*time.Minute + 10*time.Second + 500*time.Millisecond, "Starting over in 20 s", 500 * time.Millisecond},
		{3*time.Minute + 29*time.Second, "Starting over in 1 s", time.Second},
	} {
		m = idleAt(m, clock, c.at)
		view := plain(m.View())
		has := strings.Contains(view, txtStillReading)
		if c.want == "" && has {
			t.Errorf("at %v the countdown shows already:\n%s", c.at, view)
		}
		if c.want != "" && (!has || !strings.Contains(view, c.want)) {
			t.Errorf("at %v want %q on screen:\n%s", c.at, c.want, view)
		}
		if tk.last() != c.next {
			t.Errorf("at %v the next tick is in %v, want %v", c.at, tk.last(), c.next)
		}
		checkFits(t, m.View(), 80, 24, "countdown")
	}
	if m.top() != screenFAQ || !m.faq.open {
		t.Fatalf("the countdown must not change the screen under it")
	}
	m = idleAt(m, clock, 3*time.Minute+30*time.Second)
	if m.top() != screenHome || !m.kiosk.attract || m.kiosk.countdown != 0 {
		t.Fatalf("when the countdown ends the app starts over at the attract screen")
	}
	if view := plain(m.View()); !strings.Contains(view, txtFactTitle) || strings.Contains(view, txtStillReading) {
		t.Errorf("after the reset: attract screen without countdown, got:\n%s", view)
	}
	if tk.last() != 3*time.Minute {
		t.Errorf("after the reset the next tick is in %v, want a whole idle period", tk.last())
	}
}

func TestInputDuringCountdownRestartsIdlePeriod(t *testing.T) {
	m, clock, tk := kioskModel(t, testOptions())
	m = drive(m, press("1"))
	m = idleAt(m, clock, 3*time.Minute+5*time.Second)
	if m.kiosk.countdown == 0 {
		t.Fatal("no countdown at 3m05s")
	}
	cursor := m.faq.list.cursor
	clock.set(3*time.Minute + 5*time.Second)
	m = drive(m, press("down"))
	if m.kiosk.countdown != 0 || strings.Contains(plain(m.View()), txtStillReading) {
		t.Fatal("a key must take the countdown away")
	}
	if m.faq.list.cursor != cursor {
		t.Error("the key that answers the countdown must only keep the page, not also move")
	}
	// The tick already scheduled comes a second later: back to sleep for
	// the rest of a whole new idle period.
	m = idleAt(m, clock, 3*time.Minute+6*time.Second)
	if tk.last() != 3*time.Minute-time.Second {
		t.Errorf("after input the next tick is in %v, want 2m59s", tk.last())
	}
	m = idleAt(m, clock, 6*time.Minute+4*time.Second)
	if m.kiosk.countdown != 0 {
		t.Error("the countdown came back before a whole idle period had passed since the key")
	}
	m = idleAt(m, clock, 6*time.Minute+5*time.Second)
	if m.kiosk.countdown != 30*time.Second {
		t.Errorf("countdown %v a whole idle period after the key, want 30s", m.kiosk.countdown)
	}
	// A click answers it too.
	m = drive(m, tea.MouseMsg{X: 10, Y: 10, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if m.kiosk.countdown != 0 || m.top() != screenFAQ {
		t.Error("a click must take the countdown away and press nothing")
	}
}

func TestStaleIdleTicksAreDropped(t *testing.T) {
	m, clock, tk := kioskModel(t, testOptions())
	m = drive(m, press("2"))
	old := m.idleSeq
	m = m.Reset()
	n := len(tk.d)
	clock.set(10 * time.Minute)
	m = drive(m, press("1"), idleTickMsg{old})
	if len(tk.d) != n || m.top() != screenFAQ || m.kiosk.countdown != 0 {
		t.Error("a tick of a replaced chain must be dropped, not act nor schedule another")
	}
}

func TestAttractScreenRotatesFacts(t *testing.T) {
	m, _, _ := kioskModel(t, testOptions())
	facts := m.sh.facts
	if len(facts) < 3 {
		t.Fatalf("the shipped content has %d facts", len(facts))
	}
	var cmd tea.Cmd
	seen := map[string]bool{}
	for i := 0; i < 3; i++ {
		view := plain(m.View())
		if !strings.Contains(view, txtFactTitle) {
			t.Fatalf("no fact on the attract screen:\n%s", view)
		}
		seen[m.currentFact().ID] = true
		m, cmd = m.update(factTickMsg{m.kiosk.factSeq})
		_ = cmd
	}
	if len(seen) != 3 {
		t.Errorf("three ticks showed %d different facts", len(seen))
	}
	before := m.kiosk.fact
	m, _ = m.update(factTickMsg{m.kiosk.factSeq - 1})
	if m.kiosk.fact != before {
		t.Error("a stale fact tick must be dropped")
	}
	// A click on the fact opens its answer.
	want := m.currentFact()
	lay := m.homeNow().layout()
	m = drive(m, tea.MouseMsg{X: 10, Y: bodyTop + lay.factFrom + 1, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if m.top() != screenFAQ || m.faq.answer.page() != want {
		t.Fatalf("a click on the fact should open %s", want.ID)
	}
	// Someone is using the app: no more rotation, no fact on Home.
	m, cmd = m.update(factTickMsg{m.kiosk.factSeq})
	if cmd != nil || m.kiosk.attract {
		t.Error("fact ticks must stop once the app is in use")
	}
	m = drive(m, press("esc"), press("esc"))
	if m.top() != screenHome || strings.Contains(plain(m.View()), txtFactTitle) {
		t.Errorf("Home after use shows no fact:\n%s", plain(m.View()))
	}
	// "f" opens the fact from the keyboard.
	m, _, _ = kioskModel(t, testOptions())
	want = m.currentFact()
	m = drive(m, press("f"))
	if m.faq.answer.page() != want || !m.faq.open {
		t.Errorf("f should open the fact's answer")
	}
}

// Reset forgets every piece of state a patient can leave: each is set,
// then Reset, then every screen must look exactly as in a fresh app.
func TestResetForgetsEverything(t *testing.T) {
	opts := testOptions()
	opts.StaffKey, opts.StaffPIN = "ctrl+x", "2468"
	fresh, _, _ := kioskModel(t, opts)
	m := fresh

	// Leaving a screen with esc undoes some of what it keeps (the trail of
	// related questions), so the test leaves by cutting the stack.
	m = drive(m, keys("1 down down down enter pgdown pgdown 2 pgdown")...) // an answer, scrolled, and a trail
	m.stack = m.stack[:1]
	m = drive(m, keys("/ retinol down")...) // search text and cursor
	m.stack = m.stack[:1]
	m = drive(m, keys("2 t 3 enter right right t 2026-13")...)           // a treatment date, a step, the date box half typed
	m = drive(m, press("!"), press("pgdown"))                            // call us, scrolled
	m = drive(m, tea.KeyMsg{Type: tea.KeyCtrlX}, press("1"), press("2")) // the staff box half typed
	m.showHelp = true
	m.kiosk.countdown = 12 * time.Second
	m.kiosk.notice = txtStaffWrong

	// Everything is set.
	switch {
	case len(m.stack) < 3, m.search.box.value() == "", m.timeline.treated.IsZero(),
		!m.timeline.asking, m.timeline.input.value() == "", m.faq.list.cursor == 0,
		m.faq.answer.pager.yOffset() == 0, len(m.faq.trail) == 0, m.callUs.answer.pager.yOffset() == 0,
		m.staff.box.value() == "", m.kiosk.attract:
		t.Fatalf("the test did not set everything up: stack %v, search %q, treated %v, asking %v, list %d, trail %d",
			m.stack, m.search.box.value(), m.timeline.treated, m.timeline.asking, m.faq.list.cursor, len(m.faq.trail))
	}

	m = m.Reset()
	if m.top() != screenHome || len(m.stack) != 1 || m.showHelp || !m.kiosk.attract ||
		m.kiosk.countdown != 0 || m.kiosk.notice != "" || m.staffExit {
		t.Fatalf("Reset: stack %v, help %v, attract %v, countdown %v, notice %q",
			m.stack, m.showHelp, m.kiosk.attract, m.kiosk.countdown, m.kiosk.notice)
	}
	for what, left := range map[string]bool{
		"search text":    m.search.box.value() != "" || m.search.query != "" || len(m.search.results) != 0,
		"treatment date": !m.timeline.treated.IsZero() || m.timeline.state.Today != -1,
		"date box":       m.timeline.asking || m.timeline.input.value() != "" || m.timeline.inputErr != "",
		"timeline step":  m.timeline.state.Current != 0,
		"faq answer":     m.faq.open || len(m.faq.trail) != 0,
		"faq list":       m.faq.list.cursor != 0 || m.faq.list.offset != 0,
		"scroll":         m.faq.answer.pager.yOffset() != 0 || m.callUs.answer.pager.yOffset() != 0,
		"staff PIN box":  m.staff.box.value() != "",
	} {
		if left {
			t.Errorf("Reset left the %s behind", what)
		}
	}
	fresh.kiosk.fact = m.kiosk.fact // Reset moves on to the next fact, on purpose
	for _, sc := range append(screenScripts, struct{ name, script string }{"staff", ""}) {
		script := keys(sc.script)
		if sc.name == "staff" {
			script = []tea.Msg{tea.KeyMsg{Type: tea.KeyCtrlX}}
		}
		got, want := drive(m, script...).View(), drive(fresh, script...).View()
		if got != want {
			t.Errorf("%s after Reset differs from a fresh start:\n%s\n---- fresh:\n%s", sc.name, plain(got), plain(want))
		}
	}
}

func TestKioskKeyMap(t *testing.T) {
	kiosk, home := NewKeyMap(true), NewKeyMap(false)
	for name, b := range map[string][2]bool{
		"quit":       {kiosk.Global.Quit.Enabled(), home.Global.Quit.Enabled()},
		"force quit": {kiosk.Global.ForceQuit.Enabled(), home.Global.ForceQuit.Enabled()},
		"suspend":    {kiosk.Global.Suspend.Enabled(), home.Global.Suspend.Enabled()},
	} {
		if b[0] || !b[1] {
			t.Errorf("%s: enabled %v in kiosk mode and %v outside, want false and true", name, b[0], b[1])
		}
	}
	if kiosk.Global.StaffExit.Enabled() || home.Global.StaffExit.Enabled() {
		t.Error("the staff key exists only when configured")
	}

	m, _, _ := kioskModel(t, testOptions())
	out := drive(newTestModel(t, testOptions()), size(80, 24))
	leaving := []tea.KeyMsg{
		press("q"), press("esc"), {Type: tea.KeyCtrlC}, {Type: tea.KeyCtrlZ}, {Type: tea.KeyCtrlBackslash},
	}
	for _, screen := range []string{"", "1", "1 enter", "2", "3", "4", "/", "?"} {
		at := drive(m, keys(screen)...)
		for _, k := range leaving {
			if quitsOrSuspends(at, k) {
				t.Errorf("kiosk, screen %q: %s quits or suspends", screen, k)
			}
		}
		if strings.Contains(plain(at.View()), "quit") || strings.Contains(plain(at.View()), "pause") {
			t.Errorf("kiosk, screen %q: help offers a way out:\n%s", screen, plain(at.View()))
		}
	}
	for _, k := range []tea.KeyMsg{press("q"), {Type: tea.KeyCtrlC}, {Type: tea.KeyCtrlZ}} {
		if !quitsOrSuspends(out, k) {
			t.Errorf("outside kiosk mode %s should quit or suspend", k)
		}
	}
}

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

func TestStaffExit(t *testing.T) {
	opts := testOptions()
	opts.StaffKey, opts.StaffPIN = "ctrl+x", "2468"
	m, _, _ := kioskModel(t, opts)
	staffKey := tea.KeyMsg{Type: tea.KeyCtrlX}

	// From inside the search box too, and without a trace in help.
	m = drive(m, press("/"), press("s"), staffKey)
	if m.top() != screenStaff {
		t.Fatal("the staff key should open the PIN box from search")
	}
	m = drive(m, keys("1357")...)
	if v := plain(m.View()); strings.Contains(v, "1357") || !strings.Contains(v, "****") {
		t.Errorf("the PIN must be masked:\n%s", v)
	}
	m, cmd := m.update(press("enter"))
	if cmd != nil || m.StaffExit() {
		t.Fatal("a wrong PIN must not quit")
	}
	if m.top() != screenHome || !strings.Contains(plain(m.View()), txtStaffWrong) || m.staff.box.value() != "" {
		t.Fatalf("a wrong PIN says so, clears and goes Home:\n%s", plain(m.View()))
	}
	m = drive(m, press("down"))
	if strings.Contains(plain(m.View()), txtStaffWrong) {
		t.Error("the notice goes with the next key")
	}
	m = drive(m, staffKey, press("esc"))
	if m.top() != screenHome {
		t.Error("esc leaves the PIN box")
	}
	m = drive(m, staffKey)
	m = drive(m, keys("2468")...)
	if !quitsOrSuspends(m, press("enter")) {
		t.Fatal("the right PIN should quit")
	}
	m, _ = m.update(press("enter"))
	if !m.StaffExit() {
		t.Error("StaffExit should report the staff exit")
	}

	// Without a PIN configured the key does nothing.
	m, _, _ = kioskModel(t, testOptions())
	if m = drive(m, staffKey); m.top() == screenStaff {
		t.Error("no staff box without a configured key and PIN")
	}
}

// A panic in a background command is logged and starts the app over.
func TestGuardedCommands(t *testing.T) {
	m, _, _ := kioskModel(t, testOptions())
	m = drive(m, press("2"))
	boom := func() tea.Msg { panic("render failed") }
	fine := func() tea.Msg { return renderedMsg{} }
	msg := m.guard(tea.Batch(fine, boom))()
	batch, ok := msg.(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		t.Fatalf("a guarded batch stays a batch, got %#v", msg)
	}
	if _, ok := batch[0]().(renderedMsg); !ok {
		t.Error("a command that does not panic keeps its message")
	}
	got := batch[1]()
	if _, ok := got.(panickedMsg); !ok {
		t.Fatalf("a panicking command inside a batch should give panickedMsg, got %#v", got)
	}
	m = drive(m, got)
	if m.top() != screenHome || !m.kiosk.attract {
		t.Error("after a panic in a command the app starts over at the attract screen")
	}
	outside := drive(newTestModel(t, testOptions()), size(80, 24))
	if outside.guard(nil) != nil {
		t.Error("nil stays nil")
	}
}

// Newer content is taken at an idle reset, never in between.
func TestReloadOnlyAtIdleReset(t *testing.T) {
	newer := loadGuide(t)
	calls := 0
	opts := testOptions()
	opts.Reload = func() *content.Guide { calls++; return newer }
	m, clock, _ := kioskModel(t, opts)
	m = drive(m, keys("1 enter / sun")...)
	m = idleAt(m, clock, time.Minute)
	m = idleAt(m, clock, 3*time.Minute+10*time.Second)
	if calls != 0 || m.sh.guide == newer {
		t.Fatalf("content was reloaded mid-read (%d calls)", calls)
	}
	m = idleAt(m, clock, 3*time.Minute+30*time.Second)
	if calls != 1 || m.sh.guide != newer || m.faq.list.guide != newer {
		t.Fatalf("the idle reset should take the newer content (%d calls)", calls)
	}
	// Nobody came: at the end of the next idle period the attract screen
	// looks for newer content again, with no countdown.
	fact := m.kiosk.fact
	m = idleAt(m, clock, 6*time.Minute+30*time.Second)
	if m.kiosk.countdown != 0 {
		t.Error("no countdown on the attract screen")
	}
	m = idleAt(m, clock, 7*time.Minute)
	if calls != 2 || !m.kiosk.attract || m.kiosk.fact != fact {
		t.Errorf("attract screen: %d reload calls, fact %d -> %d", calls, fact, m.kiosk.fact)
	}
}

func TestTouchTargets(t *testing.T) {
	click := func(x, y int) tea.MouseMsg {
		return tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft}
	}
	m, _, _ := kioskModel(t, testOptions())
	if strings.Contains(plain(m.View()), txtBack) {
		t.Error("Home has no Back button")
	}
	for _, script := range []string{"1", "1 enter", "2", "3", "4", "/", "?", "2 t"} {
		at := drive(m, keys(script)...)
		top := at.top()
		if !strings.HasPrefix(plain(at.View()), " "+txtBack) {
			t.Errorf("%q: no Back button in the header:\n%s", script, plain(at.View()))
		}
		after := drive(at, click(2, 0))
		if after.top() == top && after.showHelp == at.showHelp && after.timeline.asking == at.timeline.asking &&
			after.faq.open == at.faq.open {
			t.Errorf("%q: a click on Back did nothing", script)
		}
	}

	// The answer's Up and Down buttons scroll it.
	m = drive(m, press("1"), press("enter"))
	a := m.faq.answer
	up, down, _, ok := a.buttons()
	if !ok {
		t.Fatal("a long answer has Up and Down buttons")
	}
	y := bodyTop + a.pager.height
	x := m.faq.answerLeft
	m = drive(m, click(x+down+1, y))
	if m.faq.answer.pager.yOffset() == 0 {
		t.Error("Down should scroll the answer")
	}
	m = drive(m, click(x+up+1, y))
	if m.faq.answer.pager.yOffset() != 0 {
		t.Error("Up should scroll back")
	}

	// The list's "More questions" line scrolls it.
	m = drive(m, press("esc"))
	if !m.faq.list.arrows() {
		t.Fatal("the list does not fit 80x24: it has scroll targets")
	}
	m = drive(m, click(6, bodyTop+m.faq.list.height-1))
	if m.faq.list.offset == 0 {
		t.Fatal("More questions should scroll the list")
	}
	q := m.faq.list.questionAt(5)
	m = drive(m, click(6, bodyTop+5))
	if m.faq.answer.page() != m.faq.list.questions[q] {
		t.Error("a click on a scrolled list opens the question under it")
	}
	m = drive(m, press("esc"), click(6, bodyTop))
	if m.faq.list.offset != 0 {
		t.Error("Earlier questions should scroll back")
	}
}

// Related questions on one line (short screens) can be clicked too.
func TestRelatedOnOneLineClick(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 16), press("1"), press("enter"))
	a := m.faq.answer
	if a.relatedLines() != 1 {
		t.Fatalf("want related questions on one line at 80x16, got %d lines", a.relatedLines())
	}
	line := plain(a.view()[a.height-1])
	want := a.related[1]
	x := strings.Index(line, "2 "+want.Title)
	if x < 0 {
		t.Fatalf("no second related question in %q", line)
	}
	m = drive(m, tea.MouseMsg{X: m.faq.answerLeft + x + 3, Y: bodyTop + a.height - 1, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if m.faq.answer.page() != want {
		t.Errorf("a click on %q should open it, got %s", want.Title, m.faq.answer.page().ID)
	}
}

// Every kiosk screen fits at every size, with the countdown over it too.
func TestKioskScreensFit(t *testing.T) {
	opts := testOptions()
	opts.Clinic = Clinic{Name: "Riverside Skin Clinic", Phone: "555-0100", Hours: "Mon-Fri 9am-5pm", Website: testSite}
	opts.StaffKey, opts.StaffPIN = "ctrl+x", "2468"
	base, _, _ := kioskModel(t, opts)
	scripts := append(screenScripts, struct{ name, script string }{"staff", "ctrl+x"})
	for _, sc := range scripts {
		m := base
		if sc.script == "ctrl+x" {
			m = drive(m, tea.KeyMsg{Type: tea.KeyCtrlX})
		} else {
			m = drive(m, keys(sc.script)...)
		}
		for _, sz := range fitSizes() {
			m = drive(m, size(sz[0], sz[1]))
			m.kiosk.countdown = 0
			checkFits(t, m.View(), sz[0], sz[1], sc.name)
			m.kiosk.countdown = 27 * time.Second
			checkFits(t, m.View(), sz[0], sz[1], sc.name+" with countdown")
			if !strings.Contains(plain(m.View()), "Starting over in 27 s") {
				t.Fatalf("%s at %dx%d: the countdown is cut:\n%s", sc.name, sz[0], sz[1], plain(m.View()))
			}
		}
	}
}

// TestKioskGolden: the kiosk's screens, with a clinic and its website, as
// a program (teatest) draws them. Refresh with: go test ./internal/tui -update
func TestKioskGolden(t *testing.T) {
	opts := testOptions()
	opts.Kiosk = true
	opts.Clinic = Clinic{Name: "Riverside Skin Clinic", Phone: "555-0100", Hours: "Mon-Fri 9am-5pm", Website: testSite}
	opts.StaffKey, opts.StaffPIN = "ctrl+x", "2468"
	for _, c := range []struct {
		name, script string
		w, h         int
		wait         string
	}{
		{"attract", "", 80, 24, "Did you know?"},
		{"attract", "", 120, 40, "Did you know?"},
		{"faq", "1", 80, 24, "More questions"},
		{"faq-answer", "1 enter", 80, 24, "Down"},
		{"call-us", "3", 120, 40, "Scan to take"},
		{"about", "4", 160, 48, "Scan to take"},
		{"help", "1 ?", 80, 24, "Keys you can use here"},
	} {
		t.Run(fmt.Sprintf("%s_%dx%d", c.name, c.w, c.h), func(t *testing.T) {
			t.Parallel()
			goldenRun(t, opts, c.w, c.h, c.script, c.wait)
		})
	}
}

// A clinic folder that turns invalid, then valid again, while the kiosk
// runs: each change shows only at an idle reset, and never the invalid one.
func TestClinicContentAtIdleReset(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "en", "faq", "makeup.md")
	const title = "When can I wear makeup again?"
	rewrite := func(from, to string) {
		src, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(page, []byte(strings.Replace(string(src), from, to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		info, _ := os.Stat(page)
		later := info.ModTime().Add(time.Second) // coarse file times must still see a change
		os.Chtimes(page, later, later)
	}
	src, err := kiosk.LoadContent(dir, "en", os.DirFS("../../content"), nil)
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions()
	opts.Reload = src.Reload
	m, clock, _ := kioskModel(t, opts)
	m.sh = m.sh.withGuide(src.Guide())
	m = m.Reset()
	shows := func(m Model, s string) bool {
		return strings.Contains(plain(drive(m, keys("/ makeup")...).View()), s)
	}
	idle := 3*time.Minute + 30*time.Second
	at := time.Duration(0)
	reset := func() {
		m = drive(m, press("1")) // someone uses it, then leaves
		at += time.Second
		clock.set(at)
		m = drive(m, press("down"))
		at += idle
		m = idleAt(m, clock, at)
		if m.top() != screenHome || !m.kiosk.attract {
			t.Fatal("no idle reset")
		}
	}

	rewrite("title: "+title, "title: Makeup at Riverside")
	if !shows(m, title) {
		t.Fatal("a change must wait for the idle reset")
	}
	reset()
	if !shows(m, "Makeup at Riverside") {
		t.Fatal("the idle reset should show the clinic's change")
	}
	rewrite("section: aftercare", "section: afterwards") // now invalid
	reset()
	if !shows(m, "Makeup at Riverside") || m.sh.guide != src.Guide() {
		t.Fatal("invalid content must leave the last good content on screen")
	}
	rewrite("section: afterwards", "section: aftercare")
	rewrite("title: Makeup at Riverside", "title: Makeup, again")
	reset()
	if !shows(m, "Makeup, again") {
		t.Fatal("valid content again should show at the next idle reset")
	}
}
