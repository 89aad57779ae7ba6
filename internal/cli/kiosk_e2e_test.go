//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/skinguide/skinguide/internal/termtest"
)

// TestKiosk runs the real binary with --kiosk in an 80x24 pseudo-terminal.
// The subtests run in parallel: the idle one waits 15 seconds.
func TestKiosk(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	t.Parallel() // mostly waiting on the binary: the waits overlap
	bin := buildBinary(t)

	t.Run("keys and signals do not leave", func(t *testing.T) {
		t.Parallel()
		r := startTerm(t, bin, nil, "--kiosk")
		r.WaitFor(t, "Did you know?", "About this guide")
		// Each key that must do nothing is followed by "1", which opens the
		// questions: once they show, the key before was taken (keys are
		// handled in order) and the kiosk still runs. esc takes it back
		// Home. WaitTaken keeps keys apart: "q" then "1" in one read would
		// be one key "q1", and esc then "1" would be alt+1.
		questions := "What is microneedling?"
		opened := func(t *testing.T) {
			t.Helper()
			r.WaitTaken()
			r.Send("1")
			r.WaitFor(t, questions)
			if !r.alive() {
				t.Fatalf("the kiosk is %s", r.state())
			}
			r.Send("\x1b")
			r.WaitGone(t, questions)
			r.WaitFor(t, "Learn about microneedling", "Recovery day by day")
		}
		// ctrl+c, ctrl+z, ctrl+\ (keys in raw mode), q, and esc at the top.
		for _, k := range []struct{ name, keys string }{
			{"ctrl+c", "\x03"}, {"ctrl+z", "\x1a"}, {"ctrl+backslash", "\x1c"}, {"q", "q"}, {"esc at the top", "\x1b"},
		} {
			if !t.Run(k.name, func(t *testing.T) { r.Send(k.keys); opened(t) }) {
				return
			}
		}
		// The kiosk here leads its own session, as on tty1 under systemd, so
		// the kernel drops a SIGTSTP sent to it (its process group is
		// orphaned) whether or not the kiosk catches it: that step cannot
		// fail. internal/kiosk's TestHandleSignals, whose helper is not a
		// session leader, fails when SIGTSTP is not caught.
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGQUIT, syscall.SIGHUP, syscall.SIGTSTP} {
			if !t.Run(sig.String(), func(t *testing.T) { termtest.Signal(t, r.cmd.Process.Pid, sig); opened(t) }) {
				return
			}
		}
		r.Send("2")
		r.WaitFor(t, "Day 0", "Press t to enter")
		if text := string(r.Bytes()); strings.Contains(text, "goroutine ") || strings.Contains(text, "SIGQUIT") {
			t.Fatal("a signal dumped goroutines on the screen")
		}

		if err := r.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if code := r.wait(t); code != 0 {
			t.Fatalf("after SIGTERM the exit status is %d, want 0", code)
		}
		r.WaitDone() // every byte it wrote has been read
		if left := r.Restored(); len(left) > 0 {
			t.Errorf("after SIGTERM the terminal still has %v", left)
		}
	})

	t.Run("idle reset", func(t *testing.T) {
		t.Parallel()
		// 10s and 5s are the shortest the config allows.
		r := startTerm(t, bin, nil, "--kiosk", "--idle", "10s", "--idle-warning", "5s")
		r.WaitFor(t, "Did you know?")
		r.Send("1")
		r.WaitFor(t, "What is microneedling?")
		r.Send("\r")
		r.WaitFor(t, "Related: ")
		start := time.Now()
		// The countdown's text changes every second: wait for what stays,
		// then look in what was written for its first second (a loaded
		// machine may not look at the screen during that second).
		r.WaitFor(t, "Still reading?", "Starting over in")
		if waited := time.Since(start); waited < 9*time.Second {
			t.Errorf("the countdown came after %v, before the idle time", waited)
		}
		if !r.Drawn("Starting over in 5 s") {
			t.Errorf("the countdown did not start at 5 s")
		}
		r.WaitFor(t, "Did you know?", "About this guide")
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
		r := startTerm(t, bin, nil, "--config", cfg)
		r.WaitFor(t, "Did you know?")
		r.Send("\x18")
		r.WaitFor(t, "type the PIN")
		r.Send("1111\r")
		r.WaitFor(t, "Wrong PIN") // in the box, which stays open for another try
		r.Send("2468\r")
		if code := r.wait(t); code != 3 {
			t.Fatalf("the staff exit ended with status %d, want 3", code)
		}
		if strings.Contains(string(r.Bytes()), "2468") || strings.Contains(string(r.Bytes()), "1111") {
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
			r := startTerm(t, bin, c.env, c.args...)
			r.WaitFor(t, "Your microneedling guide · "+c.want)
			r.Send("q")
			if code := r.wait(t); code != 0 {
				t.Errorf("%v: exit %d", c.args, code)
			}
		}
	})
}
