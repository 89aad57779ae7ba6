package tui

import (
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
		has := strings.Contains(view, enTxt.StillReading)
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
	if m.top() != screenFAQ || !m.faq().open {
		t.Fatalf("the countdown must not change the screen under it")
	}
	m = idleAt(m, clock, 3*time.Minute+30*time.Second)
	if m.top() != screenHome || !m.kiosk.attract || m.kiosk.countdown != 0 {
		t.Fatalf("when the countdown ends the app starts over at the attract screen")
	}
	if view := plain(m.View()); !strings.Contains(view, enTxt.FactTitle) || strings.Contains(view, enTxt.StillReading) {
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
	cursor := m.faq().list.cursor
	clock.set(3*time.Minute + 5*time.Second)
	m = drive(m, press("down"))
	if m.kiosk.countdown != 0 || strings.Contains(plain(m.View()), enTxt.StillReading) {
		t.Fatal("a key must take the countdown away")
	}
	if m.faq().list.cursor != cursor {
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
	facts := m.sh.guide.facts
	if len(facts) < 3 {
		t.Fatalf("the shipped content has %d facts", len(facts))
	}
	var cmd tea.Cmd
	seen := map[string]bool{}
	for i := 0; i < 3; i++ {
		view := plain(m.View())
		if !strings.Contains(view, enTxt.FactTitle) {
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
	lay := m.home().layout()
	m = drive(m, tea.MouseMsg{X: 10, Y: bodyTop + lay.factFrom + 1, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if m.top() != screenFAQ || m.faq().answer.page() != want {
		t.Fatalf("a click on the fact should open %s", want.ID)
	}
	// Someone is using the app: no more rotation, no fact on Home.
	m, cmd = m.update(factTickMsg{m.kiosk.factSeq})
	if cmd != nil || m.kiosk.attract {
		t.Error("fact ticks must stop once the app is in use")
	}
	m = drive(m, press("esc"), press("esc"))
	if m.top() != screenHome || strings.Contains(plain(m.View()), enTxt.FactTitle) {
		t.Errorf("Home after use shows no fact:\n%s", plain(m.View()))
	}
	// "f" opens the fact from the keyboard.
	m, _, _ = kioskModel(t, testOptions())
	want = m.currentFact()
	m = drive(m, press("f"))
	if m.faq().answer.page() != want || !m.faq().open {
		t.Errorf("f should open the fact's answer")
	}
}

// Newer content is taken at an idle reset, never in between.
func TestReloadOnlyAtIdleReset(t *testing.T) {
	newer, newest := NewGuide(loadGuide(t), nil), NewGuide(loadGuide(t), nil)
	calls := 0
	opts := testOptions()
	opts.Reload = func() *Guide {
		calls++
		switch calls {
		case 1:
			return newer
		case 3:
			return newest
		}
		return nil // no change
	}
	m, clock, tk := kioskModel(t, opts)
	m = drive(m, keys("1 enter / sun")...)
	m = idleAt(m, clock, time.Minute)
	m = idleAt(m, clock, 3*time.Minute+10*time.Second)
	if calls != 0 || m.sh.guide == newer {
		t.Fatalf("content was reloaded mid-read (%d calls)", calls)
	}
	m = idleAt(m, clock, 3*time.Minute+30*time.Second)
	if calls != 1 || m.sh.guide != newer || m.faq().list.guide != newer.content {
		t.Fatalf("the idle reset should take the newer content (%d calls)", calls)
	}
	// Nobody came: at the end of the next idle period the attract screen
	// looks for newer content again, with no countdown.
	fact := m.kiosk.fact
	m = idleAt(m, clock, 6*time.Minute+30*time.Second)
	if m.kiosk.countdown != 0 {
		t.Error("no countdown on the attract screen")
	}
	seq := m.idleSeq
	m = idleAt(m, clock, 7*time.Minute)
	if calls != 2 || !m.kiosk.attract || m.kiosk.fact != fact || m.sh.guide != newer {
		t.Errorf("attract screen: %d reload calls, fact %d -> %d", calls, fact, m.kiosk.fact)
	}
	if m.idleSeq != seq || tk.last() != 3*time.Minute {
		t.Errorf("without new content the same chain sleeps a whole idle period (next tick in %v)", tk.last())
	}
	// New content while nobody is there: taken, facts going on.
	m = idleAt(m, clock, 10*time.Minute+30*time.Second)
	if calls != 3 || m.sh.guide != newest || !m.kiosk.attract || m.kiosk.fact != fact {
		t.Errorf("attract screen with new content: %d calls, fact %d -> %d", calls, fact, m.kiosk.fact)
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
	src, err := kiosk.LoadContent(dir, "en", content.Numbers{}, os.DirFS("../../content"), nil)
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions()
	opts.Reload = func() *Guide { return sharedGuide(src.Reload()) }
	m, clock, _ := kioskModel(t, opts)
	m.sh = m.sh.withGuide(NewGuide(src.Guide(), nil))
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
	if !shows(m, "Makeup at Riverside") || m.sh.guide.content != src.Guide() {
		t.Fatal("invalid content must leave the last good content on screen")
	}
	rewrite("section: afterwards", "section: aftercare")
	rewrite("title: Makeup at Riverside", "title: Makeup, again")
	reset()
	if !shows(m, "Makeup, again") {
		t.Fatal("valid content again should show at the next idle reset")
	}
}

// sharedGuide is the shared guide for newer content, or nil for none, as
// the command line makes it.
func sharedGuide(g *content.Guide) *Guide {
	if g == nil {
		return nil
	}
	return NewGuide(g, nil)
}

// The countdown's hint bar reads as a sentence (issue 11: "any key or
// touch keep reading"), in every language.
func TestCountdownHintReads(t *testing.T) {
	m, clock, _ := kioskModel(t, testOptions())
	m = idleAt(drive(m, press("1")), clock, 3*time.Minute+5*time.Second)
	lines := strings.Split(plain(m.View()), "\n")
	if bar := strings.TrimSpace(lines[len(lines)-1]); bar != "press any key or touch to keep reading" {
		t.Errorf("countdown hint: %q", bar)
	}
	if es := esTxt.AnyKey + " " + esTxt.KeepReading; es != "pulse cualquier tecla o toque para seguir leyendo" {
		t.Errorf("countdown hint in Spanish: %q", es)
	}
}
