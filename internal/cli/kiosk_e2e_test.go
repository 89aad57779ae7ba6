//go:build unix

package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// startWith is start with extra environment variables, and with no config
// file of the machine or the user's in the way.
func startWith(tb testing.TB, bin string, env []string, args ...string) *running {
	tb.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(withoutColorVars(os.Environ()), "TERM=xterm-256color", "XDG_CONFIG_HOME="+tb.TempDir())
	cmd.Env = append(cmd.Env, env...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		tb.Fatalf("start in a pseudo-terminal: %v", err)
	}
	r := &running{cmd: cmd, tty: tty, scr: newScreen()}
	go func() { _, _ = io.Copy(answering{r.scr, tty}, tty) }()
	tb.Cleanup(r.stop)
	return r
}

func (r *running) send(tb testing.TB, keys string) {
	tb.Helper()
	if _, err := r.tty.Write([]byte(keys)); err != nil {
		tb.Fatalf("type %q: %v", keys, err)
	}
}

// alive reports whether the process runs (not stopped, not gone).
func (r *running) alive() bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", r.cmd.Process.Pid))
	if err != nil {
		return r.cmd.ProcessState == nil
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i >= 0 && i+2 < len(s) && (s[i+2] == 'S' || s[i+2] == 'R')
}

// wait waits for the process to end and returns its exit status.
func (r *running) wait(tb testing.TB) int {
	tb.Helper()
	done := make(chan error, 1)
	go func() { done <- r.cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			tb.Fatalf("wait: %v", err)
		}
		return 0
	case <-time.After(10 * time.Second):
		tb.Fatal("the program did not end")
		return -1
	}
}

// TestKiosk runs the real binary with --kiosk in an 80x24 pseudo-terminal.
// The subtests run in parallel: the idle one waits 15 seconds.
func TestKiosk(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)

	t.Run("keys and signals do not leave", func(t *testing.T) {
		t.Parallel()
		r := startWith(t, bin, nil, "--kiosk")
		mark := r.scr.waitFor(t, 0, "Did you know?", "About this guide")
		time.Sleep(100 * time.Millisecond) // the input reader starts after the first frame
		// ctrl+c, ctrl+z, ctrl+\ (keys in raw mode), q, and esc at the top.
		for _, k := range []string{"\x03", "\x1a", "\x1c", "q", "\x1b", "1", "\x1b", "\x1b", "\x03", "q"} {
			r.send(t, k)
			time.Sleep(60 * time.Millisecond) // a lone esc is a key only after a pause
		}
		if !r.alive() {
			t.Fatal("a key ended or stopped the kiosk")
		}
		r.send(t, "3")
		mark = r.scr.waitFor(t, mark, "When to call us")
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGQUIT, syscall.SIGHUP, syscall.SIGTSTP} {
			if err := r.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			time.Sleep(100 * time.Millisecond)
			if !r.alive() {
				t.Fatalf("%v ended or stopped the kiosk", sig)
			}
		}
		r.send(t, "\x1b")
		time.Sleep(60 * time.Millisecond)
		r.send(t, "2")
		r.scr.waitFor(t, mark, "Day 0")
		if text := string(r.scr.bytes()); strings.Contains(text, "goroutine ") || strings.Contains(text, "SIGQUIT") {
			t.Fatal("a signal dumped goroutines on the screen")
		}

		if err := r.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if code := r.wait(t); code != 0 {
			t.Fatalf("after SIGTERM the exit status is %d, want 0", code)
		}
		time.Sleep(100 * time.Millisecond) // the last bytes in flight
		out := string(r.scr.bytes())
		tail := out[max(0, len(out)-120):]
		if !strings.HasSuffix(out, "\x1b[?1049l\x1b[?25h") || !strings.Contains(tail, "\x1b[?1000l") {
			t.Errorf("the last bytes must leave the alternate screen, turn the mouse off and show the cursor: %q", tail)
		}
	})

	t.Run("idle reset", func(t *testing.T) {
		t.Parallel()
		// 10s and 5s are the shortest the config allows.
		r := startWith(t, bin, nil, "--kiosk", "--idle", "10s", "--idle-warning", "5s")
		mark := r.scr.waitFor(t, 0, "Did you know?")
		time.Sleep(100 * time.Millisecond)
		r.send(t, "1")
		mark = r.scr.waitFor(t, mark, "Questions and answers")
		r.send(t, "\r")
		mark = r.scr.waitFor(t, mark, "Related: ")
		start := time.Now()
		mark = r.scr.waitForWithin(t, mark, 15*time.Second, "Still reading?", "Starting over in 5 s")
		if waited := time.Since(start); waited < 9*time.Second {
			t.Errorf("the countdown came after %v, before the idle time", waited)
		}
		r.scr.waitForWithin(t, mark, 10*time.Second, "Did you know?", "About this guide")
		if waited := time.Since(start); waited < 14*time.Second {
			t.Errorf("the reset came after %v, before the end of the countdown", waited)
		}
		if !r.alive() {
			t.Fatal("the kiosk is not running")
		}
	})

	t.Run("staff exit", func(t *testing.T) {
		t.Parallel()
		cfg := filepath.Join(t.TempDir(), "config.toml")
		if err := os.WriteFile(cfg, []byte("[kiosk]\nenabled = true\nstaff_exit_key = \"ctrl+x\"\nstaff_pin = \"2468\"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		r := startWith(t, bin, nil, "--config", cfg)
		mark := r.scr.waitFor(t, 0, "Did you know?")
		time.Sleep(100 * time.Millisecond)
		r.send(t, "\x18")
		mark = r.scr.waitFor(t, mark, "type the PIN")
		r.send(t, "1111\r")
		r.scr.waitFor(t, mark, "Wrong PIN") // in the box, which stays open for another try
		r.send(t, "2468\r")
		if code := r.wait(t); code != 3 {
			t.Fatalf("the staff exit ended with status %d, want 3", code)
		}
		if strings.Contains(string(r.scr.bytes()), "2468") || strings.Contains(string(r.scr.bytes()), "1111") {
			t.Error("a PIN was drawn on the screen")
		}
	})

	// Flags beat SKINGUIDE_* variables, which beat the config file, all
	// the way to the screen.
	t.Run("clinic name precedence", func(t *testing.T) {
		t.Parallel()
		cfg := filepath.Join(t.TempDir(), "config.toml")
		if err := os.WriteFile(cfg, []byte("[clinic]\nname = \"File Clinic\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		env := []string{"SKINGUIDE_CLINIC_NAME=Env Clinic"}
		for _, c := range []struct {
			env  []string
			args []string
			want string
		}{
			{nil, []string{"--config", cfg}, "File Clinic"},
			{append(env, "SKINGUIDE_CONFIG="+cfg), nil, "Env Clinic"},
			{env, []string{"--config", cfg, "--clinic-name", "Flag Clinic"}, "Flag Clinic"},
		} {
			r := startWith(t, bin, c.env, c.args...)
			r.scr.waitFor(t, 0, "Your microneedling guide · "+c.want)
			r.send(t, "q")
			if code := r.wait(t); code != 0 {
				t.Errorf("%v: exit %d", c.args, code)
			}
		}
	})
}
