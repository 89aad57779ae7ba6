// Package servetest drives skinguide's SSH server as clients do, for
// tests and benchmarks: an SSH client from golang.org/x/crypto/ssh with a
// pty, whose output goes through the x/vt terminal emulator, so a test
// reads the screen a person would see rather than searching raw bytes
// (the terminal is termtest.Screen, which the pty tests use too).
package servetest

import (
	"io"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/skinguide/skinguide/internal/termtest"
)

// Dial connects as user with the given auth methods (none: no auth at all).
func Dial(tb testing.TB, addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	tb.Helper()
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         10 * time.Second,
	})
}

// Screen is one client terminal: an SSH session with a pty whose output
// goes through a terminal emulator (termtest.Screen), as a person would
// see it.
type Screen struct {
	*termtest.Screen
	tb     testing.TB
	client *gossh.Client
	Sess   *gossh.Session
	stdin  io.WriteCloser
	exited chan error
}

// Open connects and opens a w x h terminal running the guide.
func Open(tb testing.TB, addr string, w, h int) *Screen {
	tb.Helper()
	client, err := Dial(tb, addr, "guide")
	if err != nil {
		tb.Fatal(err)
	}
	s, err := NewScreen(tb, client, w, h)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func NewScreen(tb testing.TB, client *gossh.Client, w, h int) (*Screen, error) {
	sess, err := client.NewSession()
	if err != nil {
		client.Close()
		return nil, err
	}
	s := &Screen{
		tb: tb, client: client, Sess: sess,
		// The emulator's answers to queries are dropped: the server asks
		// nothing (its renderer is made from the session, not by asking).
		Screen: termtest.New(w, h, nil),
		exited: make(chan error, 1),
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		client.Close()
		return nil, err
	}
	s.stdin, _ = sess.StdinPipe()
	sess.Stdout = s.Screen
	sess.Stderr = s.Screen
	if err := sess.Shell(); err != nil {
		client.Close()
		return nil, err
	}
	go func() {
		err := sess.Wait() // after the last output is written
		s.CloseAnswers()
		s.exited <- err
	}()
	tb.Cleanup(func() { client.Close() })
	return s, nil
}

// WaitFor waits until the screen shows every one of want.
func (s *Screen) WaitFor(want ...string) {
	s.tb.Helper()
	s.Screen.WaitFor(s.tb, want...)
}

// WaitWithin waits at most d until the screen shows every one of want.
func (s *Screen) WaitWithin(d time.Duration, want ...string) error {
	return s.Within(d, want...)
}

// Send types keys as the client's terminal sends them.
func (s *Screen) Send(keys string) {
	s.tb.Helper()
	if _, err := io.WriteString(s.stdin, keys); err != nil {
		s.tb.Fatalf("send %q: %v", keys, err)
	}
}

// Resize changes the window, as a client's terminal does.
func (s *Screen) Resize(w, h int) {
	s.tb.Helper()
	s.Screen.Resize(w, h)
	if err := s.Sess.WindowChange(h, w); err != nil {
		s.tb.Fatalf("window change: %v", err)
	}
}

// WaitExit waits for the server to end the session and returns its exit
// status (-1 without one).
func (s *Screen) WaitExit() int {
	s.tb.Helper()
	select {
	case err := <-s.exited:
		if err == nil {
			return 0
		}
		if ee, ok := err.(*gossh.ExitError); ok {
			return ee.ExitStatus()
		}
		return -1
	case <-time.After(termtest.Deadline):
		s.tb.Fatalf("the session did not end; the screen shows:\n%s", s.Text())
		return -1
	}
}

// WindowChange tells the server of a new window size without resizing the
// emulator: a client may claim any size.
func (s *Screen) WindowChange(w, h int) error { return s.Sess.WindowChange(h, w) }

// Close goes away as a client does: the connection closes.
func (s *Screen) Close() { s.client.Close() }
