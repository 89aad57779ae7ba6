package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/config"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/kiosk"
	"github.com/skinguide/skinguide/internal/render"
	"github.com/skinguide/skinguide/internal/tui"
)

// runKiosk runs the guide as a waiting-room kiosk (see docs/kiosk.md and
// package kiosk): deaf to the keys and signals that would leave the
// screen, started again at its attract screen after a panic, on the
// built-in content when the clinic's is broken. It returns nil on SIGTERM
// (exit 0) and an error with kiosk.StaffExitStatus after the staff exit.
func runKiosk(env Env, cfg config.Config, opts tui.Options) error {
	log, closeLog, err := kiosk.NewLogger(cfg.Log, env.Stderr)
	if err != nil {
		return fail(ExitUsage, "%v", err)
	}
	// Held log lines reach a terminal stderr only once the app has let go
	// of the screen: this runs last.
	defer closeLog.Close()
	log.Info("kiosk starting", "version", shortVersion(), "config", orNone(cfg.Source))
	if err := kiosk.WriteError(closeLog); err != nil {
		// Said once, before the screen is taken: every later line is lost too.
		fmt.Fprintf(env.Stderr, "skinguide: %v; log lines will be lost\n", err)
	}

	src, err := kiosk.LoadContent(cfg.Content, cfg.Lang, numbers(cfg), embedded.FS(), log)
	if err != nil {
		log.Error("cannot start", "err", err)
		return fail(ExitProblem, "%v", err)
	}
	opts.Kiosk = true
	if opts.Theme == render.Auto {
		// A console does not say what its background is; it is black.
		opts.Theme = render.Dark
	}
	opts.Treated = time.Time{} // a kiosk starts with nobody's treatment date
	opts.Idle, opts.IdleWarning = cfg.Idle, cfg.Warning
	opts.StaffKey, opts.StaffPIN = cfg.StaffExitKey, cfg.StaffPIN
	opts.Log = log
	opts.Reload = func() *tui.Guide { return sharedGuide(src.Reload()) }

	// Saved before bubbletea changes anything, to repair after a panic.
	saved, err := kiosk.SaveTerminal(fdOf(env.Stdin), env.Stdout)
	if err != nil {
		return fail(ExitProblem, "%v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stop := kiosk.HandleSignals(ctx, cancel) // SIGTERM cancels ctx
	defer stop()
	// A closed terminal (end of input, a read or write error) cancels ctx
	// too, and the kiosk exits with status 1 for a fresh start.
	gone := kiosk.NewGone(cancel)
	in, out := gone.Input(env.Stdin), gone.Output(env.Stdout)

	// systemd's watchdog (WatchdogSec= in the unit), fed from the UI loop.
	wd := kiosk.NewWatchdog(log)
	if wd != nil {
		log.Info("systemd watchdog", "notify_every", wd.Every().String())
	}

	lr := lipgloss.NewRenderer(env.Stdout)
	// One shared guide per content version, so that a restart after a
	// panic finds the pages it had already rendered.
	var shown *tui.Guide
	newModel := func() tea.Model {
		if g := src.Guide(); shown == nil || g != shown.Content() {
			shown = tui.NewGuide(g, nil)
		}
		return wd.Wrap(tui.NewSession(shown, lr, opts, envClock{env.Now}))
	}
	wd.Ready()
	collectSooner()
	staff, runErr := kioskLoop(ctx, log, saved, in, out, newModel)
	switch {
	case gone.Err() != nil:
		log.Error("kiosk stopped: the terminal is gone", "err", gone.Err())
		return fail(ExitProblem, "the terminal is gone: %v", gone.Err())
	case runErr != nil:
		log.Error("kiosk stopped", "err", runErr)
		return fail(ExitProblem, "the kiosk stopped: %v", runErr)
	case staff:
		log.Info("kiosk stopped with the staff PIN")
		return &exitError{kiosk.StaffExitStatus, errors.New("stopped with the staff PIN")}
	}
	log.Info("kiosk stopped")
	return nil
}

// kioskLoop runs a fresh model from newModel until ctx is cancelled (nil
// error), a model ends with the staff exit (staff true), or the program
// fails without a panic. After a panic anywhere in the app the terminal is
// repaired, the panic logged (never drawn) and a fresh model starts: the
// attract screen again. The last bytes written restore the terminal.
//
// When ctx is cancelled (SIGTERM) the program on screen is asked to quit,
// rather than given ctx with tea.WithContext: bubbletea v1.3.10 ends a
// program whose context is cancelled by closing its input reader without
// waiting for the goroutine still reading it (tea.go shutdown with kill,
// a data race the race detector reports), and skips the last frame. A
// quit waits for the reader and restores the terminal the same way.
func kioskLoop(ctx context.Context, log *slog.Logger, saved *kiosk.Terminal, in io.Reader, out io.Writer, newModel func() tea.Model) (staff bool, err error) {
	var cur onScreen
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-ctx.Done():
			cur.quit()
		case <-done:
		}
	}()
	err = kiosk.RunForever(ctx, log, func(ctx context.Context) error {
		p := tea.NewProgram(newModel(),
			tea.WithAltScreen(),
			tea.WithMouseCellMotion(),
			tea.WithInput(in),
			tea.WithOutput(out),
			tea.WithFPS(maxFPS),
			tea.WithoutSignalHandler(), // HandleSignals owns them; bubbletea's would quit on SIGINT
			tea.WithoutCatchPanics(),   // bubbletea would print the panic on the screen
		)
		if !cur.set(p) {
			return nil // stopping: RunForever sees ctx and returns
		}
		return kiosk.RepairOnPanic(func() { _ = p.ReleaseTerminal(); _ = saved.Restore() }, func() error {
			final, err := p.Run()
			if m, ok := final.(interface{ StaffExit() bool }); ok && m.StaffExit() {
				staff = true
			}
			return err
		})
	})
	// bubbletea has restored the terminal; say it once more as the last
	// bytes, whatever ended the run.
	_ = saved.Restore()
	return staff, err
}

// onScreen is the program the kiosk runs now, for a SIGTERM to quit.
type onScreen struct {
	mu       sync.Mutex
	p        *tea.Program
	stopping bool
}

// set records the next program; false means the kiosk is stopping and the
// program must not start.
func (o *onScreen) set(p *tea.Program) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.p = p
	return !o.stopping
}

// quit asks the program on screen to quit, and any later one not to start.
// It does not wait: Quit waits for the program's event loop.
func (o *onScreen) quit() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.stopping = true
	if p := o.p; p != nil {
		go p.Quit()
	}
}

// fdOf is the file descriptor of the terminal the kiosk reads, or -1.
func fdOf(r io.Reader) int {
	if f, ok := r.(interface{ Fd() uintptr }); ok {
		return int(f.Fd())
	}
	return -1
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// sharedGuide is the app's shared guide for newer content, or nil for none.
func sharedGuide(g *content.Guide) *tui.Guide {
	if g == nil {
		return nil
	}
	return tui.NewGuide(g, nil)
}
