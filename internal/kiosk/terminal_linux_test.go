package kiosk

import (
	"context"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/term"
)

func TestTerminalRestore(t *testing.T) {
	p := openPTY(t)
	saved, err := SaveTerminal(int(p.tty.Fd()), p.tty)
	if err != nil {
		t.Fatal(err)
	}
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
	p.waitFor(t, "\x1b[?1049l\x1b[?25h")

	var none *Terminal
	if err := none.Restore(); err != nil {
		t.Errorf("nil Terminal: %v", err)
	}
}

// panicky is a model that panics on "p" and quits on "q".
type panicky struct{}

func (panicky) Init() tea.Cmd { return nil }
func (m panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.String() {
		case "p":
			explodeInUpdate()
		case "q":
			return m, tea.Quit
		}
	}
	return m, nil
}
func (panicky) View() string { return "READY" }

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

	for i := 0; i < 2; i++ { // two panics, two restarts
		p.waitFor(t, "READY")
		time.Sleep(50 * time.Millisecond) // let the input reader start
		rawDuringRun = rawDuringRun || !p.cooked(t)
		before := len(p.output())
		p.master.Write([]byte("p"))
		deadline := time.Now().Add(5 * time.Second)
		for !strings.Contains(p.output()[before:], "\x1b[?25h") && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		p.mu.Lock()
		p.out.Reset()
		p.mu.Unlock()
	}
	p.waitFor(t, "READY")
	time.Sleep(50 * time.Millisecond)
	p.master.Write([]byte("q")) // a stale reader would swallow this key
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("RunForever = %v", err)
		}
	case <-time.After(5 * time.Second):
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
	p.waitFor(t, "READY")
	time.Sleep(50 * time.Millisecond)
	for _, key := range []string{"\x03", "\x1a", "\x1c"} { // ctrl+c, ctrl+z, ctrl+\ in raw mode: keys, not signals
		p.master.Write([]byte(key))
	}
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	time.Sleep(100 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("the program ended before SIGTERM: %v", err)
	default:
	}
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("RunForever = %v, want nil (exit 0)", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("SIGTERM did not end the program")
	}
	p.waitFor(t, "\x1b[?1049l")
	out := p.output()
	tail := out[strings.LastIndex(out, "READY"):]
	for _, seq := range []string{"\x1b[?1049l", "\x1b[?25h", "\x1b[?1002l", "\x1b[?1006l"} {
		if !strings.Contains(tail, seq) {
			t.Errorf("after SIGTERM the terminal did not get %q; last bytes %q", seq, tail)
		}
	}
	if !p.cooked(t) {
		t.Error("after SIGTERM the tty is left raw")
	}
}
