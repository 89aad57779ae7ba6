package tui

import (
	"io"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/render"
)

// Two programs built from one guide, in one process, at different sizes
// and themes, driven at the same time: each ends exactly where the same
// keys take a program that runs alone. Run it under -race: the guide's
// search index and rendered pages are shared, nothing else is.
func TestTwoSessionsOneGuide(t *testing.T) {
	shared := NewGuide(loadGuide(t), nil)
	type run struct {
		name      string
		opts      Options
		w, h      int
		script    string
		wantAlone string
	}
	dark, light := testOptions(), testOptions()
	dark.Profile = termenv.ANSI256
	light.Theme, light.Profile = render.Light, termenv.TrueColor
	light.Treated = treatedDaysAgo(2)
	runs := []*run{
		{name: "dark 80x24", opts: dark, w: 80, h: 24, script: "1 down enter pgdown / sun"},
		{name: "light 132x40", opts: light, w: 132, h: 40, script: "2 right pgdown"},
	}
	for _, r := range runs {
		alone := NewSession(NewGuide(loadGuide(t), nil), lipgloss.NewRenderer(io.Discard), r.opts, fakeClock{testNow()})
		r.wantAlone = drive(alone, append([]tea.Msg{size(r.w, r.h)}, keys(r.script)...)...).View()
	}
	tms := make([]*teatest.TestModel, len(runs))
	var wg sync.WaitGroup
	for i, r := range runs {
		m := NewSession(shared, lipgloss.NewRenderer(io.Discard), r.opts, fakeClock{testNow()})
		tms[i] = teatest.NewTestModel(t, m, teatest.WithInitialTermSize(r.w, r.h))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, msg := range keys(r.script) {
				tms[i].Send(msg)
			}
		}()
	}
	wg.Wait()
	for i, r := range runs {
		// Quit goes through the same queue as the keys: it comes after them.
		if err := tms[i].Quit(); err != nil {
			t.Fatal(err)
		}
		final := tms[i].FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
		if got := final.View(); got != r.wantAlone {
			t.Errorf("%s: the shared program differs from one run alone:\n%s\n---- alone:\n%s", r.name, got, r.wantAlone)
		}
	}
}

// A reload that hangs (a folder on a dead network share) does not keep
// the last patient's page on screen: after the timeout the app starts
// over with the content it has.
func TestReloadTimesOut(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	hung := func() *Guide { <-release; return nil }
	start := time.Now()
	msg := reloadCmd(hung, 7, 50*time.Millisecond, nil)()
	if got, ok := msg.(reloadedMsg); !ok || got.seq != 7 || got.guide != nil {
		t.Fatalf("a hung reload answered %#v", msg)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the reload took %v to give up", d)
	}
}

// A reload that panics is logged and leaves the content as it is.
func TestReloadPanics(t *testing.T) {
	msg := reloadCmd(func() *Guide { panic("broken folder") }, 3, time.Minute, nil)()
	if got, ok := msg.(reloadedMsg); !ok || got.guide != nil {
		t.Fatalf("a panicking reload answered %#v", msg)
	}
}

// Someone who comes back while newer content is looked for keeps their
// page; the newer content waits for the next reset.
func TestReloadAnswerAfterSomeoneCame(t *testing.T) {
	newer := NewGuide(loadGuide(t), nil)
	opts := testOptions()
	opts.Reload = func() *Guide { return nil } // the answer is delivered by hand below
	m, clock, _ := kioskModel(t, opts)
	m = drive(m, keys("1 enter")...)
	clock.set(3*time.Minute + 30*time.Second) // the idle period ran out ...
	m = step(m, idleTickMsg{m.idleSeq}, false)
	m = drive(m, press("down")) // ... and someone touched the screen before the answer came
	m = drive(m, reloadedMsg{seq: m.idleSeq, guide: newer})
	if m.top() != screenFAQ || !m.faq().open || m.sh.guide == newer {
		t.Fatalf("the page was taken away (top %d) or the content changed under the reader", m.top())
	}
	clock.set(7*time.Minute + time.Second)
	m = drive(m, idleTickMsg{m.idleSeq})
	if m.top() != screenHome || m.sh.guide != newer {
		t.Errorf("the next reset should show the newer content")
	}
}
