//go:build unix

package cli

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// gone reports whether process pid has ended (it may be a zombie waiting
// for its parent).
func gone(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i >= 0 && i+2 < len(s) && (s[i+2] == 'Z' || s[i+2] == 'X')
}

func goneWithin(pid int, d time.Duration) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if gone(pid) {
			return true
		}
	}
	return gone(pid)
}

// startClosable runs bin in an 80x24 pseudo-terminal whose master end
// really closes when r.tty is closed. (With a blocking master, as
// startWith makes, the close waits for the reading goroutine, and the
// terminal never hangs up.)
func startClosable(tb testing.TB, bin string, args ...string) *running {
	tb.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		tb.Fatal(err)
	}
	defer tty.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 80}); err != nil {
		tb.Fatal(err)
	}
	fd, err := syscall.Dup(int(ptmx.Fd()))
	_ = ptmx.Close()
	if err != nil {
		tb.Fatal(err)
	}
	syscall.CloseOnExec(fd) // or the child holds the master open itself
	if err := syscall.SetNonblock(fd, true); err != nil {
		tb.Fatal(err)
	}
	master := os.NewFile(uintptr(fd), "ptmx") // non-blocking: in Go's poller, so Close is immediate
	cmd := exec.Command(bin, args...)
	cmd.Env = append(withoutColorVars(os.Environ()), "TERM=xterm-256color", "XDG_CONFIG_HOME="+tb.TempDir())
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	r := &running{cmd: cmd, tty: master, scr: newScreen()}
	go func() { _, _ = io.Copy(answering{r.scr, master}, master) }()
	tb.Cleanup(r.stop)
	return r
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
	bin := buildBinary(t)

	t.Run("pty closed", func(t *testing.T) {
		logFile := filepath.Join(t.TempDir(), "kiosk.log")
		r := startClosable(t, bin, "--kiosk", "--log", logFile)
		r.scr.waitFor(t, 0, "Did you know?")
		time.Sleep(100 * time.Millisecond) // the input reader starts after the first frame
		pid := r.cmd.Process.Pid
		_ = r.tty.Close()
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
		for end := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			if strings.Contains(tmux("capture-pane", "-p", "-t", "kioskgone:0"), "Did you know?") {
				break
			}
			if time.Now().After(end) {
				t.Fatalf("the kiosk did not start in tmux:\n%s", tmux("capture-pane", "-p", "-t", "kioskgone:0"))
			}
		}
		time.Sleep(100 * time.Millisecond)
		tmux("kill-pane", "-t", "kioskgone:0")
		if !goneWithin(pid, 2*time.Second) {
			t.Fatal("the kiosk still runs 2 s after tmux kill-pane")
		}
	})
}
