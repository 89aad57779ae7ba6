//go:build unix

package termtest

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// ProcState is a process's state letter from /proc (Linux): R, S, T
// (stopped), Z..., or "gone".
func ProcState(pid int) string {
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

// Running reports whether a process runs: not stopped, not gone. A
// process waiting on the disk (D) runs: on a loaded machine a kiosk is
// caught in that state now and then, and counting it as not running made
// TestKiosk fail while nothing was wrong.
func Running(pid int) bool {
	switch ProcState(pid) {
	case "T", "t", "Z", "X", "gone", "?":
		return false
	}
	return true
}

// Describe says a process state in words, for a failure message.
func Describe(st string) string {
	switch st {
	case "T", "t":
		return "stopped"
	case "Z", "X", "gone":
		return "gone"
	case "S", "R":
		return "running"
	}
	return "in state " + st
}

// pendingSignals reads the signals pending for a process, for one of its
// threads or for the whole process; ok is false once it is gone.
func pendingSignals(pid int) (mask uint64, ok bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		name, v, _ := strings.Cut(line, ":")
		if name == "SigPnd" || name == "ShdPnd" {
			n, err := strconv.ParseUint(strings.TrimSpace(v), 16, 64)
			if err != nil {
				return 0, false
			}
			mask |= n
		}
	}
	return mask, true
}

// Signal sends sig to pid and waits until the process has taken it: it is
// no longer pending. By then a caught signal is with the Go runtime, and a
// signal left to its default action has ended or is stopping the process.
// (Without /proc, not Linux, it waits 50 ms.)
func Signal(tb testing.TB, pid int, sig syscall.Signal) {
	tb.Helper()
	if _, ok := pendingSignals(pid); !ok {
		if err := syscall.Kill(pid, sig); err != nil {
			tb.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
		return
	}
	if err := syscall.Kill(pid, sig); err != nil {
		tb.Fatal(err)
	}
	deadline := time.Now().Add(Deadline)
	for {
		mask, ok := pendingSignals(pid)
		if !ok || mask&(1<<(uint(sig)-1)) == 0 {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%v is still pending for process %d after %v", sig, pid, Deadline)
		}
		time.Sleep(time.Millisecond)
	}
}
