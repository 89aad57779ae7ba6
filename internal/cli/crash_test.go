package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// panicky panics where it is told to, after the key "x".
type panicky struct {
	where string // "update", "view" or "cmd"
	armed bool
}

func (m panicky) Init() tea.Cmd { return nil }

func (m panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "x" {
		switch m.where {
		case "update":
			panic("boom in Update")
		case "view":
			m.armed = true
		case "cmd":
			// In a batch, as the app's commands usually are.
			return m, tea.Batch(nil, func() tea.Msg { panic("boom in a command") })
		}
	}
	return m, nil
}

func (m panicky) View() string {
	if m.armed {
		panic("boom in View")
	}
	return "hello"
}

// TestPanicOutsideKiosk: a panic in Update, View or a command restores the
// terminal, prints one line naming a file under $XDG_STATE_HOME/skinguide,
// writes the panic and its stack there, and exits 70; no trace reaches
// the screen.
func TestPanicOutsideKiosk(t *testing.T) {
	for _, where := range []string{"update", "view", "cmd"} {
		t.Run(where, func(t *testing.T) {
			state := t.TempDir()
			in, typing := io.Pipe()
			defer typing.Close()
			var out, errOut bytes.Buffer
			env := Env{
				Stdin: in, Stdout: &out, Stderr: &errOut,
				Now:    func() time.Time { return time.Date(2026, 11, 29, 22, 30, 0, 0, time.UTC) },
				Getenv: func(k string) string { return map[string]string{"XDG_STATE_HOME": state}[k] },
			}
			go func() { _, _ = typing.Write([]byte("x")) }()
			done := make(chan error, 1)
			go func() {
				done <- runProgram(env, panicky{where: where}, tea.WithInput(in), tea.WithOutput(&out), tea.WithAltScreen())
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("the program did not end after the panic")
			}
			var ee *exitError
			if !errors.As(err, &ee) || ee.code != ExitInternal || !errors.Is(err, errAlreadySaid) {
				t.Fatalf("got %v, want exit %d", err, ExitInternal)
			}
			line := errOut.String()
			const say = "skinguide stopped because of an internal error; details in "
			if !strings.HasPrefix(line, say) || strings.Count(line, "\n") != 1 {
				t.Fatalf("stderr %q, want one line %q FILE", line, say)
			}
			file := strings.TrimSpace(strings.TrimPrefix(line, say))
			if filepath.Dir(file) != filepath.Join(state, "skinguide") {
				t.Errorf("the report is at %s, not in $XDG_STATE_HOME/skinguide", file)
			}
			report, rerr := os.ReadFile(file)
			if rerr != nil {
				t.Fatal(rerr)
			}
			if !strings.Contains(string(report), "boom in") || !strings.Contains(string(report), "goroutine") {
				t.Errorf("the report lacks the panic or its stack:\n%s", report)
			}
			if info, _ := os.Stat(file); info.Mode().Perm() != 0o600 {
				t.Errorf("the report is %v, want 0600", info.Mode().Perm())
			}
			screen := out.String()
			if strings.Contains(screen, "boom") || strings.Contains(screen, "goroutine") {
				t.Errorf("the panic reached the screen:\n%q", screen)
			}
			if !strings.HasSuffix(screen, "\x1b[?25h") || !strings.Contains(screen, "\x1b[?1049l") {
				t.Errorf("the terminal was not restored (alternate screen left, cursor shown last):\n%q", screen)
			}
		})
	}
}

// TestCrashReportWithoutXDG falls back to ~/.local/state/skinguide.
func TestCrashReportWithoutXDG(t *testing.T) {
	home := t.TempDir()
	env := Env{
		Now:    time.Now,
		Getenv: func(k string) string { return map[string]string{"HOME": home, "XDG_STATE_HOME": "relative/ignored"}[k] },
	}
	path, err := writeCrashReport(env, "boom", []byte("stack"))
	if err != nil || filepath.Dir(path) != filepath.Join(home, ".local", "state", "skinguide") {
		t.Fatalf("got %q, %v", path, err)
	}
}
