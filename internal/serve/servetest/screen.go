// Package servetest drives skinguide's SSH server as clients do, for
// tests and benchmarks: an SSH client from golang.org/x/crypto/ssh with a
// pty, whose output goes through the x/vt terminal emulator, so a test
// reads the screen a person would see rather than searching raw bytes.
package servetest

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
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
// goes through a terminal emulator, as a person would see it.
type Screen struct {
	tb     testing.TB
	client *gossh.Client
	Sess   *gossh.Session
	stdin  io.WriteCloser

	mu      sync.Mutex
	emu     *vt.Emulator
	modes   map[string]bool // terminal modes the server turned on, by name
	alt     bool
	hidden  bool // cursor hidden
	bytes   int  // everything received
	changed chan struct{}
	exited  chan error
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
		emu:     vt.NewEmulator(w, h),
		modes:   map[string]bool{},
		changed: make(chan struct{}, 1),
		exited:  make(chan error, 1),
	}
	s.emu.SetCallbacks(vt.Callbacks{
		AltScreen:        func(on bool) { s.alt = on },
		CursorVisibility: func(visible bool) { s.hidden = !visible },
		EnableMode:       func(m ansi.Mode) { s.modes[modeName(m)] = true },
		DisableMode:      func(m ansi.Mode) { delete(s.modes, modeName(m)) },
	})
	go io.Copy(io.Discard, s.emu) // the emulator's answers to queries
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		client.Close()
		return nil, err
	}
	s.stdin, _ = sess.StdinPipe()
	sess.Stdout = s
	sess.Stderr = s
	if err := sess.Shell(); err != nil {
		client.Close()
		return nil, err
	}
	go func() {
		err := sess.Wait() // after the last output is written
		// End the goroutine reading the emulator's answers. (Closing the
		// pipe, not the emulator: Emulator.Close is not safe beside Read.)
		if c, ok := s.emu.InputPipe().(io.Closer); ok {
			_ = c.Close()
		}
		s.exited <- err
	}()
	tb.Cleanup(func() { client.Close() })
	return s, nil
}

func modeName(m ansi.Mode) string { return fmt.Sprintf("%T(%d)", m, m.Mode()) }

// Write takes what the server sent.
func (s *Screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.bytes += len(p)
	_, _ = s.emu.Write(p)
	s.mu.Unlock()
	select {
	case s.changed <- struct{}{}:
	default:
	}
	return len(p), nil
}

// Text is the screen as plain text, one line per row, trailing spaces cut.
func (s *Screen) Text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	lines := strings.Split(s.emu.String(), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// Received is how many bytes the server has sent this client.
func (s *Screen) Received() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bytes
}

// WaitFor waits until the screen shows every one of want.
func (s *Screen) WaitFor(want ...string) {
	s.tb.Helper()
	if err := s.WaitWithin(10*time.Second, want...); err != nil {
		s.tb.Fatal(err)
	}
}

func (s *Screen) WaitWithin(d time.Duration, want ...string) error {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	for {
		text := s.Text()
		missing := ""
		for _, w := range want {
			if !strings.Contains(text, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return nil
		}
		select {
		case <-s.changed:
		case <-deadline.C:
			return fmt.Errorf("the screen never showed %q within %v; it showed:\n%s", missing, d, text)
		}
	}
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
	s.mu.Lock()
	s.emu.Resize(w, h)
	s.mu.Unlock()
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
	case <-time.After(10 * time.Second):
		s.tb.Fatalf("the session did not end; the screen shows:\n%s", s.Text())
		return -1
	}
}

// Restored reports what is still changed in the client's terminal: the
// alternate screen, a hidden cursor, mouse reporting, bracketed paste.
func (s *Screen) Restored() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var left []string
	if s.alt {
		left = append(left, "alternate screen")
	}
	if s.hidden {
		left = append(left, "hidden cursor")
	}
	for m := range s.modes {
		switch m {
		case modeName(ansi.ModeMouseButtonEvent), modeName(ansi.ModeMouseNormal),
			modeName(ansi.ModeMouseAnyEvent), modeName(ansi.ModeMouseExtSgr), modeName(ansi.ModeBracketedPaste):
			left = append(left, m)
		}
	}
	return left
}

// LastLine is the last line of the screen with text on it.
func (s *Screen) LastLine() string {
	lines := strings.Split(s.Text(), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// WindowChange tells the server of a new window size without resizing the
// emulator: a client may claim any size.
func (s *Screen) WindowChange(w, h int) error { return s.Sess.WindowChange(h, w) }

// Close goes away as a client does: the connection closes.
func (s *Screen) Close() { s.client.Close() }
