package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// screen collects what a program writes to its terminal.
type screen struct {
	mu      sync.Mutex
	out     bytes.Buffer
	changed chan struct{} // wakes waitFor at once, so timings are not rounded to a poll
}

func newScreen() *screen { return &screen{changed: make(chan struct{}, 1)} }

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case s.changed <- struct{}{}:
	default:
	}
	return s.out.Write(p)
}

func (s *screen) bytes() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Clone(s.out.Bytes())
}

// waitFor polls the text written since mark (escape sequences removed)
// until it holds everything wanted, and returns the new mark.
func (s *screen) waitFor(t testing.TB, mark int, want ...string) int {
	t.Helper()
	return s.waitForWithin(t, mark, 10*time.Second, want...)
}

// waitForWithin is waitFor with its own deadline (longer, for timers).
func (s *screen) waitForWithin(t testing.TB, mark int, d time.Duration, want ...string) int {
	t.Helper()
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	for {
		out := s.bytes()
		text := ansi.Strip(string(out[mark:]))
		missing := ""
		for _, w := range want {
			if !strings.Contains(text, w) {
				missing = w
			}
		}
		if missing == "" {
			return len(out)
		}
		select {
		case <-s.changed:
		case <-deadline.C:
			t.Fatalf("the screen never showed %q within %v; it showed:\n%s", missing, d, text)
		}
	}
}

// TestGuideInPseudoTerminal runs the real binary in an 80x24 terminal,
// opens the FAQ and an answer as a patient would, and quits with q.
func TestGuideInPseudoTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := filepath.Join(t.TempDir(), "skinguide")
	build := exec.Command("go", "build", "-o", bin, "github.com/skinguide/skinguide/cmd/skinguide")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	cmd := exec.Command(bin)
	cmd.Env = append(withoutColorVars(os.Environ()), "TERM=xterm-256color")
	start := time.Now()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatalf("start in a pseudo-terminal: %v", err)
	}
	defer tty.Close()
	scr := newScreen()
	copied := make(chan struct{})
	go func() {
		_, _ = io.Copy(answering{scr, tty}, tty) // ends with EIO when the program exits
		close(copied)
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	mark := scr.waitFor(t, 0, "Learn about microneedling")
	t.Logf("first frame after %v (informational; budgets are benchmarks)", time.Since(start).Round(time.Millisecond))
	send := func(keys string) {
		if _, err := tty.Write([]byte(keys)); err != nil {
			t.Fatalf("type %q: %v", keys, err)
		}
	}
	send("1")
	mark = scr.waitFor(t, mark, "What is microneedling?", "Is it for me?", "Questions and answers")
	send("\r")
	scr.waitFor(t, mark, "very fine needles", "Related: ")
	send("q")

	select {
	case err := <-exited:
		var exit *exec.ExitError
		if errors.As(err, &exit) || err != nil {
			t.Fatalf("the guide exited with %v", err)
		}
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("the guide did not quit on q")
	}
	select {
	case <-copied:
	case <-time.After(2 * time.Second):
	}
	out := scr.bytes()
	tail := string(out[max(0, len(out)-200):])
	if !strings.Contains(tail, "\x1b[?1049l") {
		t.Errorf("the guide did not leave the alternate screen; last bytes: %q", tail)
	}
	if !strings.Contains(tail, "\x1b[?25h") {
		t.Errorf("the guide did not show the cursor again; last bytes: %q", tail)
	}
	if !strings.Contains(string(out), "\x1b[?1049h") {
		t.Errorf("the guide never used the alternate screen")
	}
}

// withoutColorVars drops variables that would change the colours or the
// language, so the run is the same on every machine.
func withoutColorVars(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "NO_COLOR", "COLORTERM", "TERM":
			continue
		case "LANG", "LC_ALL", "LC_MESSAGES", "SKINGUIDE_LANG":
			continue // the tests read English unless they ask for another language
		}
		out = append(out, kv)
	}
	return out
}
