package kiosk

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
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
		time.Sleep(20 * time.Second)
		os.Exit(3)
	case "unhandled":
		fmt.Println("ready")
		time.Sleep(20 * time.Second)
		os.Exit(3)
	}
}

func startHelper(t *testing.T, mode string) (*exec.Cmd, *strings.Builder) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "KIOSK_SIGNAL_HELPER="+mode)
	stderr := &strings.Builder{}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("helper said %q, %v", line, err)
	}
	return cmd, stderr
}

// state is the process state letter from /proc: R, S, T (stopped), Z...
func state(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return "gone"
	}
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2 : i+3]
	}
	return "?"
}

func TestHandleSignals(t *testing.T) {
	cmd, stderr := startHelper(t, "handled")
	pid := cmd.Process.Pid
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGQUIT, syscall.SIGHUP, syscall.SIGTSTP, syscall.SIGINT, syscall.SIGTSTP} {
		if err := syscall.Kill(pid, sig); err != nil {
			t.Fatal(err)
		}
		time.Sleep(30 * time.Millisecond)
		if st := state(pid); st != "S" && st != "R" {
			t.Fatalf("after %v the process is %q, want running", sig, st)
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
		cmd, _ := startHelper(t, mode)
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
	syscall.Kill(os.Getpid(), syscall.SIGHUP) // caught and dropped
	time.Sleep(20 * time.Millisecond)
	stop()
	stop() // twice is fine
}
