//go:build linux

package termtest

import (
	"testing"
	"time"

	"golang.org/x/term"
)

// WaitTaken returns once the program has read what was typed, not before:
// that is what keeps an esc apart from the next key (bubbletea tells esc
// from alt+key by the end of a read).
func TestWaitTakenWaitsForTheRead(t *testing.T) {
	p := Open(t, 80, 24)
	if _, err := term.MakeRaw(int(p.TTY.Fd())); err != nil {
		t.Fatal(err)
	}
	p.Send("\x1b")
	taken := make(chan struct{})
	go func() { p.WaitTaken(); close(taken) }()
	// Nothing reads the terminal yet: this pause is a test that WaitTaken
	// does NOT return meanwhile.
	select {
	case <-taken:
		t.Fatal("WaitTaken returned while the key was still unread")
	case <-time.After(300 * time.Millisecond):
	}
	buf := make([]byte, 8)
	n, err := p.TTY.Read(buf)
	if err != nil || string(buf[:n]) != "\x1b" {
		t.Fatalf("read %q, %v", buf[:n], err)
	}
	select {
	case <-taken:
	case <-time.After(Deadline):
		t.Fatal("WaitTaken did not return after the key was read")
	}
}
