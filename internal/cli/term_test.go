//go:build unix

package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/skinguide/skinguide/internal/termtest"
)

// term is the real binary in an 80x24 pseudo-terminal, its output read
// through a terminal emulator: tests wait for what a person would see
// before they press the next key.
type term struct {
	*termtest.PTY
	cmd    *exec.Cmd
	exited chan struct{} // closed when the process has ended
	err    error         // cmd.Wait's, once exited is closed
}

// startTerm runs bin with args and extra environment variables, with no
// config file of the machine or the user's in the way.
func startTerm(tb testing.TB, bin string, env []string, args ...string) *term {
	tb.Helper()
	p := termtest.Open(tb, 80, 24)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(withoutColorVars(os.Environ()), "TERM=xterm-256color", "XDG_CONFIG_HOME="+tb.TempDir())
	cmd.Env = append(cmd.Env, env...)
	if err := p.Start(cmd); err != nil {
		tb.Fatalf("start in a pseudo-terminal: %v", err)
	}
	r := &term{PTY: p, cmd: cmd, exited: make(chan struct{})}
	go func() { r.err = cmd.Wait(); close(r.exited) }()
	tb.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-r.exited
	})
	return r
}

// WaitFor waits until the screen shows every one of want. It fails at
// once, saying so, when the process ends or stops on the way.
func (r *term) WaitFor(tb testing.TB, want ...string) {
	tb.Helper()
	r.waitScreen(tb, fmt.Sprintf("%q", want), func() bool { return r.Shows(want...) })
}

// WaitGone waits until the screen shows none of gone, as WaitFor does.
func (r *term) WaitGone(tb testing.TB, gone ...string) {
	tb.Helper()
	r.waitScreen(tb, fmt.Sprintf("%q gone", gone), func() bool {
		for _, g := range gone {
			if r.Shows(g) {
				return false
			}
		}
		return true
	})
}

func (r *term) waitScreen(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	err := r.Until(termtest.Deadline, what, func() bool { return cond() || !r.alive() })
	switch {
	case err != nil:
		tb.Fatal(err)
	case !cond():
		tb.Fatalf("the program is %s while waiting for %s; the screen shows:\n%s", r.state(), what, r.Text())
	}
}

// alive reports whether the process runs (not stopped, not gone).
func (r *term) alive() bool { return termtest.Running(r.cmd.Process.Pid) }

// state says what became of the process, for a failure message.
func (r *term) state() string { return termtest.Describe(termtest.ProcState(r.cmd.Process.Pid)) }

// wait waits for the process to end and returns its exit status.
func (r *term) wait(tb testing.TB) int {
	tb.Helper()
	select {
	case <-r.exited:
	case <-time.After(termtest.Deadline):
		tb.Fatalf("the program did not end; the screen shows:\n%s", r.Text())
	}
	var ee *exec.ExitError
	if errors.As(r.err, &ee) {
		return ee.ExitCode()
	}
	if r.err != nil {
		tb.Fatalf("wait: %v", r.err)
	}
	return 0
}

// TestGuideInPseudoTerminal runs the real binary in an 80x24 terminal,
// opens the FAQ and an answer as a patient would, and quits with q.
func TestGuideInPseudoTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	t.Parallel() // mostly waiting on the binary: the waits overlap
	bin := buildBinary(t)
	start := time.Now()
	r := startTerm(t, bin, nil)
	r.WaitFor(t, "Learn about microneedling")
	t.Logf("first frame after %v (informational; budgets are benchmarks)", time.Since(start).Round(time.Millisecond))
	r.Send("1")
	r.WaitFor(t, "What is microneedling?", "Is it for me?", "Questions and answers")
	r.Send("\r")
	r.WaitFor(t, "very fine needles", "Related: ")
	if !r.AltScreen() {
		t.Errorf("the guide does not use the alternate screen")
	}
	r.Send("q")
	if code := r.wait(t); code != 0 {
		t.Fatalf("the guide exited with status %d", code)
	}
	r.WaitDone()
	if left := r.Restored(); len(left) > 0 {
		t.Errorf("after q the terminal still has %v; the screen shows:\n%s", left, r.Text())
	}
}
