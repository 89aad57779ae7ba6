package kiosk

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/term"

	"github.com/skinguide/skinguide/internal/termtest"
)

func TestTerminalRestore(t *testing.T) {
	p := openPTY(t)
	saved, err := SaveTerminal(int(p.tty.Fd()), p.tty)
	if err != nil {
		t.Fatal(err)
	}
	// What a full-screen app turns on: the alternate screen, a hidden
	// cursor, mouse reporting, bracketed paste.
	p.tty.WriteString("\x1b[?1049h\x1b[?25l\x1b[?1002h\x1b[?1006h\x1b[?2004h")
	p.WaitUntil(t, "the app's modes on", func() bool { return len(p.Restored()) == 5 })
	if _, err := term.MakeRaw(int(p.tty.Fd())); err != nil {
		t.Fatal(err)
	}
	if p.cooked(t) {
		t.Fatal("MakeRaw left the tty cooked")
	}
	if err := saved.Restore(); err != nil {
		t.Fatal(err)
	}
	if !p.cooked(t) {
		t.Error("Restore left the tty raw")
	}
	p.WaitRestored(t)

	var none *Terminal
	if err := none.Restore(); err != nil {
		t.Errorf("nil Terminal: %v", err)
	}
}

// panicky is a model that panics on "p", quits on "q" and counts the other
// keys.
type panicky struct{ keys int }

func (panicky) Init() tea.Cmd { return nil }
func (m panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.String() {
		case "p":
			explodeInUpdate()
		case "q":
			return m, tea.Quit
		}
		m.keys++
	}
	return m, nil
}
func (m panicky) View() string { return fmt.Sprintf("READY %d keys", m.keys) }

// The whole kiosk recipe with real bubbletea on a pseudo-terminal: a panic
// in Update is logged, not drawn; the terminal is repaired; bubbletea's
// goroutines do not pile up; and the next program gets every key.
func TestPanicRestartRepairsTerminal(t *testing.T) {
	p := openPTY(t)
	log, logs := testLogger()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	runs := 0
	rawDuringRun := false
	goroutines := make([]int, 0, 3)
	done := make(chan error, 1)
	go func() {
		done <- RunForever(ctx, log, func(ctx context.Context) error {
			runs++
			goroutines = append(goroutines, runtime.NumGoroutine())
			saved, err := SaveTerminal(int(p.tty.Fd()), p.tty)
			if err != nil {
				return err
			}
			prog := tea.NewProgram(panicky{},
				tea.WithContext(ctx),
				tea.WithInput(p.tty), tea.WithOutput(p.tty),
				tea.WithAltScreen(), tea.WithMouseCellMotion(),
				tea.WithoutSignalHandler(), tea.WithoutCatchPanics())
			return RepairOnPanic(func() { _ = prog.ReleaseTerminal(); _ = saved.Restore() },
				func() error { _, err := prog.Run(); return err })
		})
	}()

	// Each repair ends with ResetSequence. A program is up once it has
	// drawn READY on its alternate screen after the repairs before it;
	// the key is sent then, with no pause: the program must take it.
	up := func(repairs int) func() bool {
		return func() bool {
			return strings.Count(p.output(), ResetSequence) == repairs && p.AltScreen() && p.Shows("READY")
		}
	}
	for i := 0; i < 2; i++ { // two panics, two restarts
		p.WaitUntil(t, fmt.Sprintf("program %d drawn", i+1), up(i))
		rawDuringRun = rawDuringRun || !p.cooked(t)
		p.Send("p")
	}
	p.WaitUntil(t, "program 3 drawn", up(2))
	p.Send("q") // a stale reader would swallow this key
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("RunForever = %v", err)
		}
	case <-time.After(termtest.Deadline):
		t.Fatal("the third program never got the q key")
	}

	if runs != 3 {
		t.Errorf("%d runs, want 3", runs)
	}
	if !rawDuringRun {
		t.Error("the tty was never raw: the test does not exercise repair")
	}
	if !p.cooked(t) {
		t.Error("the tty is left raw")
	}
	out := logs.String()
	if strings.Count(out, "level=ERROR") != 2 || !strings.Contains(out, "explodeInUpdate") {
		t.Errorf("want two logged panics with stacks:\n%s", out)
	}
	if strings.Contains(p.output(), "boom") || strings.Contains(p.output(), "goroutine ") {
		t.Errorf("the panic reached the screen: %q", p.output())
	}
	if goroutines[2] > goroutines[0]+2 {
		t.Errorf("goroutines grew from %d to %d over two restarts: bubbletea's are leaking", goroutines[0], goroutines[2])
	}
}

// The SIGTERM recipe: HandleSignals cancels the context, the program on
// screen is told to quit (see the package comment: not tea.WithContext,
// whose shutdown races with bubbletea's input reader); bubbletea restores
// the terminal, and RunForever returns nil, so the process would exit 0.
func TestSigtermRestoresTerminal(t *testing.T) {
	p := openPTY(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stop := HandleSignals(ctx, cancel)
	defer stop()

	done := make(chan error, 1)
	go func() {
		done <- RunForever(ctx, nil, func(ctx context.Context) error {
			prog := tea.NewProgram(panicky{},
				tea.WithInput(p.tty), tea.WithOutput(p.tty),
				tea.WithAltScreen(), tea.WithMouseCellMotion(),
				tea.WithoutSignalHandler(), tea.WithoutCatchPanics())
			go func() {
				<-ctx.Done()
				prog.Quit()
			}()
			_, err := prog.Run()
			return err
		})
	}()
	p.WaitFor(t, "READY 0 keys")
	for _, key := range []string{"\x03", "\x1a", "\x1c"} { // ctrl+c, ctrl+z, ctrl+\ in raw mode: keys, not signals
		p.Send(key)
	}
	p.WaitFor(t, "READY 3 keys")
	termtest.Signal(t, os.Getpid(), syscall.SIGHUP)
	termtest.Signal(t, os.Getpid(), syscall.SIGINT)
	// Taken by the runtime, the two are dropped on HandleSignals' side; a
	// mistake there would end the program a moment later, with nothing on
	// the screen to wait for. This pause is that moment: a test that
	// something does NOT happen.
	time.Sleep(100 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("the program ended before SIGTERM: %v", err)
	default:
	}
	p.Send("k")
	p.WaitFor(t, "READY 4 keys")
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("RunForever = %v, want nil (exit 0)", err)
		}
	case <-time.After(termtest.Deadline):
		t.Fatal("SIGTERM did not end the program")
	}
	p.WaitRestored(t) // after SIGTERM
	if !p.cooked(t) {
		t.Error("after SIGTERM the tty is left raw")
	}
}
