//go:build unix

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/skinguide/skinguide/internal/termtest"
)

// gone reports whether process pid has ended (it may be a zombie waiting
// for its parent).
func gone(pid int) bool { return termtest.Describe(termtest.ProcState(pid)) == "gone" }

// goneWithin polls /proc (a process's end has no signal for a non-parent
// to wait on); d is the time the kiosk is allowed (issue 11: 2 s).
func goneWithin(pid int, d time.Duration) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if gone(pid) {
			return true
		}
	}
	return gone(pid)
}

// TestKioskExitsWhenTheTerminalGoes: a kiosk ignores SIGHUP, so when its
// terminal closes it must notice by itself (end of input, an I/O error, a
// failed write) and exit with status 1 and one log line, for systemd to
// start a fresh one on a live terminal. Issue 11: 15 kiosks piled up on
// dead ptys in one afternoon.
func TestKioskExitsWhenTheTerminalGoes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	t.Parallel() // mostly waiting on the binary: the waits overlap
	bin := buildBinary(t)

	t.Run("pty closed", func(t *testing.T) {
		logFile := filepath.Join(t.TempDir(), "kiosk.log")
		// The pty's master end really closes (termtest.Open puts it in Go's
		// poller; a blocking master's Close would wait for the read in
		// progress, and the terminal would never hang up).
		r := startTerm(t, bin, nil, "--kiosk", "--log", logFile)
		r.WaitFor(t, "Did you know?")
		pid := r.cmd.Process.Pid
		r.Close()
		if !goneWithin(pid, 2*time.Second) {
			t.Fatal("the kiosk still runs 2 s after its terminal closed")
		}
		if code := r.wait(t); code != ExitProblem {
			t.Errorf("exit status %d, want %d", code, ExitProblem)
		}
		log, _ := os.ReadFile(logFile)
		if n := strings.Count(string(log), "terminal is gone"); n != 1 {
			t.Errorf("want one log line saying the terminal is gone, got %d:\n%s", n, log)
		}
	})

	t.Run("tmux kill-pane", func(t *testing.T) {
		if _, err := exec.LookPath("tmux"); err != nil {
			t.Skip("no tmux")
		}
		sock := filepath.Join(t.TempDir(), "tmux.sock")
		tmux := func(args ...string) string {
			out, err := exec.Command("tmux", append([]string{"-S", sock}, args...)...).CombinedOutput()
			if err != nil {
				t.Fatalf("tmux %v: %v\n%s", args, err, out)
			}
			return strings.TrimSpace(string(out))
		}
		t.Cleanup(func() { _ = exec.Command("tmux", "-S", sock, "kill-server").Run() })
		tmux("new-session", "-d", "-s", "kioskgone", "-x", "80", "-y", "24",
			"env", "TERM=tmux-256color", "XDG_CONFIG_HOME="+t.TempDir(), bin, "--kiosk")
		// A second window keeps the server up when the kiosk's pane goes.
		tmux("new-window", "-d", "-t", "kioskgone", "sleep", "60")
		pid, err := strconv.Atoi(tmux("display-message", "-p", "-t", "kioskgone:0", "#{pane_pid}"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = syscall.Kill(pid, syscall.SIGKILL) })
		// tmux is the terminal emulator here: its capture of the pane is the
		// screen, polled (tmux cannot say when a pane changes).
		for end := time.Now().Add(termtest.Deadline); ; time.Sleep(50 * time.Millisecond) {
			if strings.Contains(tmux("capture-pane", "-p", "-t", "kioskgone:0"), "Did you know?") {
				break
			}
			if time.Now().After(end) {
				t.Fatalf("the kiosk did not start in tmux:\n%s", tmux("capture-pane", "-p", "-t", "kioskgone:0"))
			}
		}
		tmux("kill-pane", "-t", "kioskgone:0")
		if !goneWithin(pid, 2*time.Second) {
			t.Fatal("the kiosk still runs 2 s after tmux kill-pane")
		}
	})
}
