package cli

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// hangBound is how long a command may take before it counts as waiting for
// something. It detects a hang (termenv waits 5 s for a terminal's answer);
// it is not a performance figure: these commands take about 0.1 s.
const hangBound = 3 * time.Second

// noWaitEnv is the environment of these tests: TERM a terminal that
// termenv would ask (screen, tmux and dumb are never asked), and no CI
// variable (termenv never asks under CI either, which would hide a wait).
func noWaitEnv(term string) []string {
	var env []string
	for _, kv := range withoutColorVars(os.Environ()) {
		if name, _, _ := strings.Cut(kv, "="); name != "CI" {
			env = append(env, kv)
		}
	}
	return append(env, "TERM="+term)
}

// runBounded runs a command and reports how long it ran; past bound it is
// killed. cmd's input and output must be set.
func runBounded(t *testing.T, cmd *exec.Cmd, bound time.Duration) (elapsed time.Duration, finished bool) {
	t.Helper()
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("%v: %v", cmd.Args, err)
		}
		return time.Since(t0), true
	case <-time.After(bound):
		_ = cmd.Process.Kill()
		<-done
		return time.Since(t0), false
	}
}

// TestCommandsOnPipesNeverWait runs the real binary's non-interactive
// commands with stdin, stdout and stderr on pipes, as a script, a printer
// queue or a screen reader's wrapper runs them. bubbletea v1.3's package
// init asks the terminal for its background colour through termenv, which
// waits up to 5 s for an answer; it asks only when stdout is a terminal, so
// on pipes nothing may wait. Stdin is a pipe that stays open and silent,
// so a command that read it would hang too.
func TestCommandsOnPipesNeverWait(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	t.Parallel() // mostly waiting on the binary: the waits overlap
	bin := buildBinary(t)
	for _, args := range [][]string{
		{"--version"}, {"check"}, {"list"}, {"print", "aftercare"}, {"print", "--plain", "timeline"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			cmd := exec.Command(bin, args...)
			cmd.Env = noWaitEnv("xterm-256color")
			stdin, err := cmd.StdinPipe() // open and silent until the end
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			var out, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			elapsed, finished := runBounded(t, cmd, hangBound)
			if !finished {
				t.Fatalf("%v on pipes still running after %v: it waits for something; stderr:\n%s", args, elapsed, errOut.String())
			}
			if out.Len() == 0 {
				t.Fatalf("%v printed nothing; stderr:\n%s", args, errOut.String())
			}
			if bytes.Contains(out.Bytes(), []byte("\x1b]11;?")) || bytes.Contains(out.Bytes(), []byte("\x1b[6n")) {
				t.Fatalf("%v asked a pipe for the terminal's colours: %q", args, out.String())
			}
		})
	}
}

// TestSilentTerminal documents, with the real binary, what a terminal that
// never answers costs: on a pseudo-terminal that answers no query,
// `skinguide --version` waits termenv's 5 s in bubbletea's package init
// when TERM names an ordinary terminal, and does not wait when termenv
// skips the query (TERM dumb, screen*, tmux*, or CI set). If the first
// case stops waiting, bubbletea no longer asks at init: update the
// README's "Colours" paragraph and this test.
func TestSilentTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary, and waits 5 s")
	}
	t.Parallel() // its 5 s wait overlaps TestAutoThemeAsksOnce's
	bin := buildBinary(t)
	for _, tc := range []struct {
		name  string
		env   []string
		waits bool
	}{
		{"TERM=xterm-256color", noWaitEnv("xterm-256color"), true},
		{"TERM=linux", noWaitEnv("linux"), true},
		{"TERM=dumb", noWaitEnv("dumb"), false},
		{"TERM=screen", noWaitEnv("screen"), false},
		{"TERM=tmux-256color", noWaitEnv("tmux-256color"), false},
		{"CI=1", append(noWaitEnv("xterm-256color"), "CI=1"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // the waits overlap: about 5 s in all
			cmd := exec.Command(bin, "--version")
			cmd.Env = tc.env
			tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
			if err != nil {
				t.Fatalf("start in a pseudo-terminal: %v", err)
			}
			defer tty.Close()
			var mu sync.Mutex
			var out bytes.Buffer
			go func() { // read everything, answer nothing
				buf := make([]byte, 4096)
				for {
					n, err := tty.Read(buf)
					mu.Lock()
					out.Write(buf[:n])
					mu.Unlock()
					if err != nil {
						return
					}
				}
			}()
			t0 := time.Now()
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			var elapsed time.Duration
			select {
			case err := <-done:
				elapsed = time.Since(t0)
				if err != nil {
					t.Fatalf("--version: %v", err)
				}
			case <-time.After(15 * time.Second):
				_ = cmd.Process.Kill()
				<-done
				t.Fatal("--version on a silent terminal still running after 15 s")
			}
			mu.Lock()
			asked := bytes.Contains(out.Bytes(), []byte("\x1b]11;?"))
			mu.Unlock()
			switch {
			case tc.waits && (elapsed < 4*time.Second || !asked):
				t.Fatalf("expected bubbletea's init to ask (asked: %v) and wait about 5 s; it took %v: update the README's Colours paragraph", asked, elapsed)
			case !tc.waits && (elapsed >= hangBound || asked):
				t.Fatalf("expected no question and no wait; asked: %v, took %v", asked, elapsed)
			}
			t.Logf("%s: %v (asked the terminal: %v)", tc.name, elapsed.Round(10*time.Millisecond), asked)
		})
	}
}

// TestAutoThemeAsksOnce: the guide with the auto theme needs the terminal's
// background, which bubbletea's package init has already asked for. It
// must not ask a second time: on a terminal that never answers that was a
// second 5 s wait (10 s before the first frame).
func TestAutoThemeAsksOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary, and waits 5 s")
	}
	t.Parallel()
	bin := buildBinary(t)
	tty := startAuto(t, bin)
	scr := newScreen()
	go func() { _, _ = io.Copy(scr, tty) }() // answers nothing
	t0 := time.Now()
	scr.waitForWithin(t, 0, 20*time.Second, homeDone...)
	elapsed := time.Since(t0)
	if n := bytes.Count(scr.bytes(), []byte("\x1b]11;?")); n != 1 {
		t.Fatalf("asked the terminal for its background %d times before the first frame (after %v), want once", n, elapsed)
	}
	t.Logf("first frame on a silent terminal after %v", elapsed.Round(10*time.Millisecond))
}

// startAuto starts the binary with the auto theme at 80x24 in a
// pseudo-terminal, ended when the test ends.
func startAuto(t *testing.T, bin string) *os.File {
	t.Helper()
	cmd := exec.Command(bin, "--theme", "auto")
	cmd.Env = append(noWaitEnv("xterm-256color"), "XDG_CONFIG_HOME="+t.TempDir())
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatalf("start in a pseudo-terminal: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_ = tty.Close()
	})
	return tty
}

// TestAutoThemeFollowsTheTerminal: with the one question asked at init,
// the auto theme still follows the answer: a terminal that says its
// background is white gets the light theme (which paints its background,
// colour 231), one that says black gets the dark theme.
func TestAutoThemeFollowsTheTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	t.Parallel() // mostly waiting on the binary: the waits overlap
	bin := buildBinary(t)
	for _, tc := range []struct {
		name, rgb string
		light     bool
	}{{"white", "ffff/ffff/ffff", true}, {"black", "0000/0000/0000", false}} {
		t.Run(tc.name, func(t *testing.T) {
			tty := startAuto(t, bin)
			scr := newScreen()
			go func() { _, _ = io.Copy(backgroundAnswer{scr, tty, tc.rgb}, tty) }()
			scr.waitFor(t, 0, homeDone...)
			if painted := bytes.Contains(scr.bytes(), []byte("48;5;231")); painted != tc.light {
				t.Fatalf("background %s: light theme's painted background shown: %v, want %v", tc.rgb, painted, tc.light)
			}
		})
	}
}

// backgroundAnswer is a terminal whose background is rgb (xterm's form).
type backgroundAnswer struct {
	scr *screen
	tty io.Writer
	rgb string
}

func (a backgroundAnswer) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("\x1b]11;?")) {
		_, _ = a.tty.Write([]byte("\x1b]11;rgb:" + a.rgb + "\x1b\\"))
	}
	if bytes.Contains(p, []byte("\x1b[6n")) {
		_, _ = a.tty.Write([]byte("\x1b[1;1R"))
	}
	return a.scr.Write(p)
}
