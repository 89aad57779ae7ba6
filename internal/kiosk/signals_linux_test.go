package kiosk

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/skinguide/skinguide/internal/termtest"
)

// The helper process: with HandleSignals on (or off, to prove the test can
// fail), it says "ready" and waits for onTerm.
func TestMain(m *testing.M) {
	switch os.Getenv("KIOSK_SIGNAL_HELPER") {
	case "":
		os.Exit(m.Run())
	case "handled":
		ctx, cancel := context.WithCancel(context.Background())
		stop := HandleSignals(ctx, cancel)
		fmt.Println("ready")
		go func() { // each line in is answered: the process runs
			sc := bufio.NewScanner(os.Stdin)
			for sc.Scan() {
				fmt.Println("pong")
			}
		}()
		select {
		case <-ctx.Done():
			stop()
			os.Exit(0)
		case <-time.After(20 * time.Second):
			os.Exit(3)
		}
	case "stopped":
		stop := HandleSignals(context.Background(), func() {})
		stop()
		fmt.Println("ready")
		time.Sleep(20 * time.Second) // the helper waits to be signalled, or gives up
		os.Exit(3)
	case "unhandled":
		fmt.Println("ready")
		time.Sleep(20 * time.Second) // the helper waits to be signalled, or gives up
		os.Exit(3)
	}
}

// helper is the helper process; ping has it answer a line, which a process
// that is stopped or gone cannot do.
type helper struct {
	cmd    *exec.Cmd
	stderr *strings.Builder
	stdin  io.Writer
	stdout *bufio.Reader
}

func startHelper(t *testing.T, mode string) *helper {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "KIOSK_SIGNAL_HELPER="+mode)
	h := &helper{cmd: cmd, stderr: &strings.Builder{}}
	cmd.Stderr = h.stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if h.stdin, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	h.stdout = bufio.NewReader(stdout)
	line, err := h.stdout.ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("helper said %q, %v", line, err)
	}
	return h
}

// ping reports whether the helper answers a line within the deadline.
func (h *helper) ping() bool {
	answer := make(chan string, 1)
	go func() {
		_, _ = io.WriteString(h.stdin, "ping\n")
		line, _ := h.stdout.ReadString('\n')
		answer <- line
	}()
	select {
	case line := <-answer:
		return line == "pong\n"
	case <-time.After(termtest.Deadline):
		return false
	}
}

func TestHandleSignals(t *testing.T) {
	h := startHelper(t, "handled")
	cmd, stderr, pid := h.cmd, h.stderr, h.cmd.Process.Pid
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGQUIT, syscall.SIGHUP, syscall.SIGTSTP, syscall.SIGINT, syscall.SIGTSTP} {
		termtest.Signal(t, pid, sig) // taken: a stop or an end has begun
		// A stopped process cannot answer, nor a dead one.
		if !h.ping() || !termtest.Running(pid) {
			t.Fatalf("after %v the process is %s, want running", sig, termtest.Describe(termtest.ProcState(pid)))
		}
	}
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() { errc <- cmd.Wait() }()
	select {
	case err := <-errc:
		if err != nil {
			t.Errorf("after SIGTERM: %v, want exit 0 (stderr %q)", err, stderr)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("SIGTERM did not end the process")
	}
	if strings.Contains(stderr.String(), "goroutine ") {
		t.Errorf("SIGQUIT dumped goroutines: %q", stderr)
	}
}

// Without HandleSignals, or after its stop, SIGHUP kills: the test above
// means something, and stop really gives the default handling back.
func TestHangupKillsWhenNotHandled(t *testing.T) {
	for _, mode := range []string{"unhandled", "stopped"} {
		cmd := startHelper(t, mode).cmd
		syscall.Kill(cmd.Process.Pid, syscall.SIGHUP)
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGHUP {
			t.Errorf("%s: after SIGHUP %v, want death by SIGHUP", mode, err)
		}
	}
}

// stop gives the signals their default handling back, in this process.
func TestHandleSignalsStop(t *testing.T) {
	terms := make(chan struct{}, 4)
	stop := HandleSignals(context.Background(), func() { terms <- struct{}{} })
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case <-terms:
	case <-time.After(5 * time.Second):
		t.Fatal("onTerm was not called on SIGTERM")
	}
	// Caught and dropped; taken before stop gives it its default action back.
	termtest.Signal(t, os.Getpid(), syscall.SIGHUP)
	stop()
	stop() // twice is fine
}
