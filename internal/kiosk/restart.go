package kiosk

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"
)

// ErrPanic marks an error that stands for a panic already recovered
// elsewhere. A run function that lets bubbletea catch panics can return
// fmt.Errorf("%w: %w", kiosk.ErrPanic, err) for tea.ErrProgramPanic, and
// RunForever starts it again. (The kiosk does not do that: see RunForever.)
var ErrPanic = errors.New("panic")

// Pauses between restarts: short at first, so a one-off panic is barely
// seen, longer when run keeps failing at once, so a crash loop does not
// spin the CPU or flood the log.
const (
	firstPause = 100 * time.Millisecond
	maxPause   = time.Second
	// A run that lasted this long was healthy: the next pause starts short.
	healthyRun = time.Minute
)

// RunForever calls run until it returns cleanly or ctx is done. When run
// panics (or returns an error wrapping ErrPanic), RunForever logs the panic
// and its stack to log, never to the screen, and calls run again after a
// pause that grows from 100ms to at most 1s while panics follow each other.
// It returns nil when run returns nil or ctx is done (cancelling ctx is how
// the kiosk is stopped), and run's error when it fails without a panic.
//
// What bubbletea v1.3.10 does with a panic, and why the kiosk program uses
// tea.WithoutCatchPanics():
//   - By default Run recovers a panic in Init, Update or View (tea.go:634),
//     restores the terminal, prints "Caught panic:" and the value to stdout
//     with fmt.Printf and the stack to stderr with debug.PrintStack
//     (tea.go:840-848), and returns an error wrapping ErrProgramKilled and
//     ErrProgramPanic. On a kiosk console stdout is the screen: the patient
//     would see it. A panic in a command goroutine is caught the same way
//     (tea.go:355, 508, 534, 552; recoverFromGoPanic at tea.go:852).
//   - With WithoutCatchPanics the panic leaves Run as it is, so RunForever
//     recovers it here with its original stack. But Run then skips its
//     shutdown (tea.go:743): the terminal stays raw, in the alternate screen,
//     with mouse reporting on and the cursor hidden, and the input reader and
//     renderer goroutines keep running (the reader would swallow the next key
//     press). The run function must repair that before the panic reaches
//     RunForever: see RepairOnPanic. A panic in a command goroutine cannot be
//     recovered here at all (it ends the process), hence GuardCmd.
func RunForever(ctx context.Context, log *slog.Logger, run func(ctx context.Context) error) error {
	log = orDiscard(log)
	restarts, quick := 0, 0
	for ctx.Err() == nil {
		started := time.Now()
		err, p := runRecovered(ctx, run)
		if ctx.Err() != nil {
			return nil
		}
		switch {
		case p != nil:
			logPanic(log, "panic; starting the app again", p.value, p.stack, "restart", restarts+1)
		case errors.Is(err, ErrPanic):
			log.Error("panic; starting the app again", "restart", restarts+1, "err", err)
		default:
			return err
		}
		restarts++
		if time.Since(started) >= healthyRun {
			quick = 0
		}
		pause := min(firstPause<<min(quick, 4), maxPause)
		quick++
		t := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
	return nil
}

type recovered struct {
	value any
	stack []byte
}

//lint:ignore ST1008 the error of run and the panic are two outcomes, not a result and its error
func runRecovered(ctx context.Context, run func(ctx context.Context) error) (err error, p *recovered) {
	defer func() {
		if v := recover(); v != nil {
			// Still on the panicking stack: debug.Stack shows where it began.
			p = &recovered{v, debug.Stack()}
		}
	}()
	return run(ctx), nil
}

// orDiscard lets every function here take a nil logger.
func orDiscard(log *slog.Logger) *slog.Logger {
	if log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return log
}

func logPanic(log *slog.Logger, msg string, v any, stack []byte, args ...any) {
	orDiscard(log).Error(msg, append(args, "panic", fmt.Sprint(v), "stack", string(stack))...)
}

// RepairOnPanic calls run. If run panics, it calls repair and then lets the
// panic go on (to RunForever, which logs it with its original stack). A
// panic inside repair is dropped so that it cannot hide the first one.
//
// In the kiosk, repair is
//
//	func() { _ = p.ReleaseTerminal(); _ = saved.Restore() }
//
// Program.ReleaseTerminal (tea.go:864) does what Run's skipped shutdown
// would have done: it cancels the input reader (so the next program gets
// every key), stops the renderer goroutine, and restores the screen and
// tty modes bubbletea changed. saved.Restore (see SaveTerminal) covers a
// panic before bubbletea saved those modes.
func RepairOnPanic(repair func(), run func() error) error {
	finished := false
	defer func() {
		if !finished {
			func() {
				defer func() { _ = recover() }()
				repair()
			}()
		}
	}()
	err := run()
	finished = true
	return err
}

// Guard calls f and, if it panics, logs the panic and its stack instead of
// letting it end the process. Use it at the top of every goroutine the app
// starts: a panic in a goroutine cannot be recovered anywhere else.
func Guard(log *slog.Logger, f func()) {
	defer func() {
		if v := recover(); v != nil {
			logPanic(log, "panic in background work", v, debug.Stack())
		}
	}()
	f()
}

// GuardCmd wraps a bubbletea command (a tea.Cmd is a func() tea.Msg) so that
// a panic inside it is logged and turned into the message onPanic, which the
// root model handles by resetting to the attract screen. bubbletea runs
// commands on its own goroutines; with tea.WithoutCatchPanics a panic there
// would end the process. Wrap each command the app creates, including those
// inside tea.Batch and tea.Sequence, since bubbletea runs each of those on a
// goroutine of its own. A nil command stays nil.
//
//	return m, kiosk.GuardCmd(m.log, renderPage(id), tea.Msg(panickedMsg{}))
func GuardCmd[M any](log *slog.Logger, cmd func() M, onPanic M) func() M {
	if cmd == nil {
		return nil
	}
	return func() (msg M) {
		defer func() {
			if v := recover(); v != nil {
				logPanic(log, "panic in a command", v, debug.Stack())
				msg = onPanic
			}
		}()
		return cmd()
	}
}
