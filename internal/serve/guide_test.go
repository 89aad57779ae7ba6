//go:build !windows

package serve

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/render"
	"github.com/skinguide/skinguide/internal/serve/servetest"
	"github.com/skinguide/skinguide/internal/tui"
)

// guideSessions builds kiosk sessions of the built-in guide, as the serve
// command does: the content and its renderer shared, the rest per session.
func guideSessions(tb testing.TB, kiosk bool) func(Session) tea.Model {
	tb.Helper()
	g, problems := content.Load(embedded.FS(), "en")
	if g == nil || problems.Errors() > 0 {
		tb.Fatalf("built-in content: %v", problems.Err())
	}
	guide := tui.NewGuide(g, nil)
	return func(s Session) tea.Model {
		return tui.NewSession(guide, s.Renderer, tui.Options{
			Theme:   render.Dark,
			Profile: s.Profile,
			Kiosk:   kiosk,
			Served:  true,
			Clinic:  tui.Clinic{Name: "Riverside Skin Clinic"},
		}, tui.SystemClock{})
	}
}

// Two clients get two independent sessions of the guide: each sees the
// home screen at its own size and navigates on its own.
func TestGuideOverSSH(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: guideSessions(t, true)}})
	a := servetest.Open(t, srv.addr, 80, 24)
	b := servetest.Open(t, srv.addr, 120, 40)
	a.WaitFor("Riverside Skin Clinic", "Learn about microneedling", "Recovery day by day")
	b.WaitFor("Riverside Skin Clinic", "Learn about microneedling", "Recovery day by day")

	a.Send("2")
	a.WaitFor("Day 0", "What you may notice")
	b.Send("3")
	b.WaitFor("Emergency")
	if err := a.WaitWithin(0, "What you may notice"); err != nil {
		t.Errorf("b's keys moved a: %v", err)
	}

	// Keys that would leave a local app do nothing in a kiosk session.
	a.Send("\x1b") // esc: back home
	a.WaitFor("Learn about microneedling")
	a.Send("q\x03\x1a\x1c")
	a.Resize(100, 30)
	a.Send("1")
	a.WaitFor("About")
	if srv.Sessions() != 2 {
		t.Errorf("%d sessions, want 2", srv.Sessions())
	}
}

// A reader session (for patients at home) quits with q, with the
// terminal given back.
func TestReaderSessionQuits(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: guideSessions(t, false), Reader: true}})
	s := servetest.Open(t, srv.addr, 80, 24)
	s.WaitFor("Learn about microneedling")
	s.Send("q")
	if got := s.WaitExit(); got != 0 {
		t.Errorf("exit status %d, want 0", got)
	}
	if left := s.Restored(); len(left) > 0 {
		t.Errorf("the terminal still has %v", left)
	}
}

// The idle disconnect counts time on the guide's attract screen only: a
// session someone is reading stays.
func TestGuideIdleDisconnect(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: guideSessions(t, true), IdleDisconnect: 500 * time.Millisecond}})
	untouched := servetest.Open(t, srv.addr, 80, 24)
	reading := servetest.Open(t, srv.addr, 80, 24)
	reading.WaitFor("Learn about microneedling")
	reading.Send("2")
	reading.WaitFor("Day 0")

	untouched.WaitFor(IdleClosed)
	if left := untouched.Restored(); len(left) > 0 {
		t.Errorf("the terminal still has %v", left)
	}
	// A session opened after the last key is closed once it has been idle
	// the whole time: by then "reading" has had no key for that long.
	later := servetest.Open(t, srv.addr, 80, 24)
	later.WaitFor(IdleClosed)
	reading.Send("\x1b[C")
	reading.WaitFor("Day 1")
}
