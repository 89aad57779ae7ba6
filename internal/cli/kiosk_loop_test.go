//go:build unix

package cli

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/kiosk"
	"github.com/skinguide/skinguide/internal/render"
	"github.com/skinguide/skinguide/internal/termtest"
	"github.com/skinguide/skinguide/internal/tui"
)

// panicOnKey is the kiosk app with bugs: "P" panics in Update, and "V"
// makes View panic.
type panicOnKey struct {
	tui.Model
	broken bool
}

//go:noinline
func explodeOnP() { panic("boom on P") }

func (m panicOnKey) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.String() {
		case "P":
			explodeOnP()
		case "V":
			m.broken = true
			return m, nil
		}
	}
	next, cmd := m.Model.Update(msg)
	return panicOnKey{next.(tui.Model), m.broken}, cmd
}

func (m panicOnKey) View() string {
	if m.broken {
		panic("boom in View")
	}
	return m.Model.View()
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The kiosk loop with a model that panics on a key, on a pseudo-terminal:
// the panic is logged, never drawn, and the app comes back at its attract
// screen, taking keys again.
func TestKioskLoopRestartsAfterPanic(t *testing.T) {
	p := termtest.Open(t, 80, 24)
	tty := p.TTY

	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	g, problems := content.Load(embedded.FS(), "en")
	if problems.Errors() > 0 {
		t.Fatal(problems.Err())
	}
	r := render.New(g)
	lr := lipgloss.NewRenderer(io.Discard)
	opts := tui.Options{Kiosk: true, Theme: render.Dark, Profile: termenv.ANSI256, Log: log}
	runs := 0
	newModel := func() tea.Model {
		runs++
		return panicOnKey{Model: tui.New(g, r, lr, opts, nil)}
	}
	saved, err := kiosk.SaveTerminal(int(tty.Fd()), tty)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		staff bool
		err   error
	}
	done := make(chan result, 1)
	go func() {
		staff, err := kioskLoop(ctx, log, saved, tty, tty, newModel)
		done <- result{staff, err}
	}()

	// After each panic the next program must take the very next key: no
	// pause before it, or a reader of the program before that was left
	// running (and would swallow the key) could go unnoticed.
	p.WaitFor(t, "Did you know?", "About this guide")
	p.Send("1")
	p.WaitFor(t, "What is microneedling?")
	p.Send("P")
	p.WaitFor(t, "Did you know?", "About this guide")
	p.Send("3")
	p.WaitFor(t, "Emergency")
	p.Send("V")
	p.WaitFor(t, "Did you know?", "About this guide")
	p.Send("2")
	p.WaitFor(t, "Day 0", "Press t to enter")

	cancel() // as SIGTERM does
	select {
	case res := <-done:
		if res.err != nil || res.staff {
			t.Fatalf("kioskLoop = %v, staff %v; want nil after cancel", res.err, res.staff)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the loop did not end when cancelled")
	}
	if runs != 3 {
		t.Errorf("%d runs, want 3 (a restart after each panic)", runs)
	}
	p.WaitUntil(t, "the terminal restored", func() bool {
		return strings.HasSuffix(string(p.Bytes()), kiosk.ResetSequence)
	})
	out := string(p.Bytes())
	for _, bad := range []string{"boom", "goroutine", "panic"} {
		if strings.Contains(out, bad) {
			t.Errorf("%q reached the screen", bad)
		}
	}
	if !strings.Contains(logs.String(), "boom on P") || !strings.Contains(logs.String(), "explodeOnP") || !strings.Contains(logs.String(), "boom in View") {
		t.Errorf("the panic and where it began must be logged:\n%s", logs)
	}
	if left := p.Restored(); len(left) > 0 {
		t.Errorf("the terminal still has %v", left)
	}
}
