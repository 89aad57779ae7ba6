package kiosk

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// logBuffer is a concurrency-safe buffer for a test logger.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func testLogger() (*slog.Logger, *logBuffer) {
	b := &logBuffer{}
	return slog.New(slog.NewTextHandler(b, nil)), b
}

//go:noinline
func explodeInUpdate() { panic("boom in update") }

func TestRunForeverRestartsAfterPanics(t *testing.T) {
	log, logs := testLogger()
	calls := 0
	err := RunForever(context.Background(), log, func(context.Context) error {
		calls++
		if calls <= 2 {
			explodeInUpdate()
		}
		return nil
	})
	if err != nil {
		t.Fatalf("RunForever = %v, want nil", err)
	}
	if calls != 3 {
		t.Errorf("run called %d times, want 3", calls)
	}
	out := logs.String()
	if n := strings.Count(out, "level=ERROR"); n != 2 {
		t.Errorf("%d error entries, want 2:\n%s", n, out)
	}
	for _, want := range []string{"restart=1", "restart=2", `panic="boom in update"`, "explodeInUpdate"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q (the stack must show where the panic began):\n%s", want, out)
		}
	}
}

func TestRunForeverRestartsOnErrPanic(t *testing.T) {
	log, logs := testLogger()
	calls := 0
	err := RunForever(context.Background(), log, func(context.Context) error {
		calls++
		if calls == 1 {
			return fmt.Errorf("%w: %w", ErrPanic, tea.ErrProgramPanic)
		}
		return nil
	})
	if err != nil || calls != 2 || strings.Count(logs.String(), "level=ERROR") != 1 {
		t.Errorf("err %v, %d calls, log:\n%s", err, calls, logs)
	}
}

func TestRunForeverReturnsOtherErrors(t *testing.T) {
	want := errors.New("could not open a new TTY")
	calls := 0
	err := RunForever(context.Background(), nil, func(context.Context) error {
		calls++
		return want
	})
	if !errors.Is(err, want) || calls != 1 {
		t.Errorf("got %v after %d calls, want %v after 1", err, calls, want)
	}
}

func TestRunForeverStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	done := make(chan error)
	go func() {
		done <- RunForever(ctx, nil, func(ctx context.Context) error {
			close(started)
			<-ctx.Done()
			// What bubbletea's Run returns when its context is cancelled.
			return fmt.Errorf("%w: %w", tea.ErrProgramKilled, ctx.Err())
		})
	}()
	<-started
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("RunForever = %v, want nil: cancelling is a clean stop", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("RunForever did not return after cancel")
	}
}

func TestRunForeverStopsOnCancelBetweenRuns(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	err := RunForever(ctx, nil, func(context.Context) error {
		calls++
		cancel() // as if SIGTERM came while the app was crashing
		panic("again")
	})
	if err != nil || calls != 1 {
		t.Errorf("got %v after %d calls, want nil after 1", err, calls)
	}
}

func TestRunForeverBacksOff(t *testing.T) {
	var starts []time.Time
	RunForever(context.Background(), nil, func(context.Context) error {
		starts = append(starts, time.Now())
		if len(starts) < 4 {
			panic("crash loop")
		}
		return nil
	})
	// Pauses of 100ms, 200ms, 400ms: each at least as long as planned.
	for i, min := range []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond} {
		if gap := starts[i+1].Sub(starts[i]); gap < min {
			t.Errorf("pause %d was %v, want at least %v", i+1, gap, min)
		}
	}
}

func TestRepairOnPanic(t *testing.T) {
	repaired := 0
	repair := func() { repaired++ }

	if err := RepairOnPanic(repair, func() error { return nil }); err != nil || repaired != 0 {
		t.Errorf("clean run: err %v, repaired %d times, want 0", err, repaired)
	}
	want := errors.New("plain error")
	if err := RepairOnPanic(repair, func() error { return want }); err != want || repaired != 0 {
		t.Errorf("error: err %v, repaired %d times, want 0", err, repaired)
	}

	// The panic goes on, with its stack, to RunForever.
	log, logs := testLogger()
	calls := 0
	RunForever(context.Background(), log, func(context.Context) error {
		calls++
		return RepairOnPanic(repair, func() error {
			if calls == 1 {
				explodeInUpdate()
			}
			return nil
		})
	})
	if repaired != 1 || calls != 2 {
		t.Errorf("repaired %d times in %d calls, want 1 in 2", repaired, calls)
	}
	if out := logs.String(); !strings.Contains(out, "explodeInUpdate") || !strings.Contains(out, "boom in update") {
		t.Errorf("the original panic and stack were lost:\n%s", out)
	}

	// A panic in repair does not replace the first one.
	got := func() (v any) {
		defer func() { v = recover() }()
		RepairOnPanic(func() { panic("repair failed") }, func() error { panic("first") })
		return nil
	}()
	if got != "first" {
		t.Errorf("recovered %v, want the first panic", got)
	}
}

func TestGuard(t *testing.T) {
	log, logs := testLogger()
	ran := false
	Guard(log, func() { ran = true })
	if !ran || logs.String() != "" {
		t.Errorf("clean call: ran %v, log %q", ran, logs)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Guard(log, func() { panic("in a goroutine") })
	}()
	<-done // the test process is still alive: the panic was caught
	if out := logs.String(); !strings.Contains(out, "in a goroutine") || !strings.Contains(out, "TestGuard") {
		t.Errorf("log lacks the panic or its stack:\n%s", out)
	}
}

type panickedMsg struct{}

func TestGuardCmd(t *testing.T) {
	log, logs := testLogger()
	var cmd tea.Cmd = func() tea.Msg { panic("render failed") }
	var guarded tea.Cmd = GuardCmd(log, cmd, tea.Msg(panickedMsg{}))
	if msg := guarded(); msg != (panickedMsg{}) {
		t.Errorf("guarded command returned %#v, want panickedMsg", msg)
	}
	if !strings.Contains(logs.String(), "render failed") {
		t.Errorf("panic not logged:\n%s", logs)
	}

	ok := GuardCmd(log, tea.Cmd(func() tea.Msg { return tea.QuitMsg{} }), tea.Msg(panickedMsg{}))
	if msg := ok(); msg != (tea.QuitMsg{}) {
		t.Errorf("command returned %#v, want its own message", msg)
	}
	var none tea.Cmd
	if GuardCmd(log, none, tea.Msg(panickedMsg{})) != nil {
		t.Error("a nil command must stay nil")
	}
}
