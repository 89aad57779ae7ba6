// Package termtest is a terminal for tests. What a program writes goes
// through the x/vt terminal emulator, so a test reads the screen a person
// would see, not raw bytes, and waits for a screen state (with a deadline
// that fails the test with the screen it shows) instead of sleeping.
//
// Screen is the terminal; PTY (unix) runs a program on a pseudo-terminal
// whose output feeds a Screen. servetest gives SSH clients the same Screen.
package termtest

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// Deadline is how long the waits without a duration of their own wait for
// a screen state. It is generous: a wait ends as soon as the state is there,
// so only a failing test waits this long, and a loaded machine (the race
// detector, six people testing at once on two cores) must not fail a test
// that is right.
const Deadline = 30 * time.Second

// Screen is one terminal: an emulator fed with what the program writes.
type Screen struct {
	mu      sync.Mutex
	emu     *vt.Emulator
	raw     bytes.Buffer    // everything received, to check what was ever drawn
	modes   map[string]bool // terminal modes the program turned on, by name
	alt     bool
	hidden  bool          // cursor hidden
	wake    chan struct{} // closed (and replaced) on every write
	answers io.Closer     // the pipe of the emulator's answers to queries
}

// New is a w x h terminal. The emulator answers the queries a real terminal
// answers (cursor position, background colour, modes); the answers are
// written to answers, the program's input, or dropped when it is nil.
func New(w, h int, answers io.Writer) *Screen {
	s := &Screen{
		emu:   vt.NewEmulator(w, h),
		modes: map[string]bool{},
		wake:  make(chan struct{}),
	}
	// The cursor's visibility comes from its mode (DECTCEM), which is one
	// for the terminal as in xterm: the emulator keeps one per screen, so
	// leaving the alternate screen would show the cursor again by itself
	// and hide a program that never shows it.
	s.emu.SetCallbacks(vt.Callbacks{
		AltScreen: func(on bool) { s.alt = on },
		EnableMode: func(m ansi.Mode) {
			s.modes[modeName(m)] = true
			if m == ansi.ModeTextCursorEnable {
				s.hidden = false
			}
		},
		DisableMode: func(m ansi.Mode) {
			delete(s.modes, modeName(m))
			if m == ansi.ModeTextCursorEnable {
				s.hidden = true
			}
		},
	})
	if answers == nil {
		answers = io.Discard
	}
	// The emulator writes its answers to a pipe while it parses a write:
	// something must read them until CloseAnswers, or Write blocks. So they
	// are read on even when answers fails (a closed terminal).
	s.answers, _ = s.emu.InputPipe().(io.Closer)
	go func() { _, _ = io.Copy(forgiving{answers}, s.emu) }()
	return s
}

// forgiving passes writes on and never fails.
type forgiving struct{ w io.Writer }

func (f forgiving) Write(p []byte) (int, error) {
	_, _ = f.w.Write(p)
	return len(p), nil
}

// CloseAnswers ends the goroutine that passes the emulator's answers on,
// once nothing more will be written. (The pipe, not the emulator:
// Emulator.Close is not safe beside Read.)
func (s *Screen) CloseAnswers() {
	if s.answers != nil {
		_ = s.answers.Close()
	}
}

func modeName(m ansi.Mode) string { return fmt.Sprintf("%T(%d)", m, m.Mode()) }

// Write takes what the program wrote to its terminal.
func (s *Screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.raw.Write(p)
	_, _ = s.emu.Write(p)
	close(s.wake)
	s.wake = make(chan struct{})
	s.mu.Unlock()
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

// LastLine is the last line of the screen with text on it.
func (s *Screen) LastLine() string {
	lines := strings.Split(s.Text(), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// Bytes is everything the program wrote, escape sequences and all: for
// checks that something was never drawn, even for a moment.
func (s *Screen) Bytes() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Clone(s.raw.Bytes())
}

// Drawn reports whether each of want was written at some time (escape
// sequences removed), even if the screen no longer shows it: for a state
// too short to wait for on a loaded machine, where the screen may have
// moved on before a waiting test looks (a countdown's first second), or
// two frames may arrive in one read.
func (s *Screen) Drawn(want ...string) bool {
	text := ansi.Strip(string(s.Bytes()))
	for _, w := range want {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// Received is how many bytes the program has written.
func (s *Screen) Received() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.raw.Len()
}

// Resize changes the emulator's size (the program is told separately).
func (s *Screen) Resize(w, h int) {
	s.mu.Lock()
	s.emu.Resize(w, h)
	s.mu.Unlock()
}

// AltScreen reports whether the alternate screen is on.
func (s *Screen) AltScreen() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.alt
}

// Restored reports what is still changed in the terminal: the alternate
// screen, a hidden cursor, mouse reporting, bracketed paste.
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

// missing is the first of want the screen does not show, or "".
func (s *Screen) missing(want []string) string {
	text := s.Text()
	for _, w := range want {
		if !strings.Contains(text, w) {
			return w
		}
	}
	return ""
}

// Shows reports whether the screen shows every one of want now.
func (s *Screen) Shows(want ...string) bool { return s.missing(want) == "" }

// Until waits at most d until cond holds, checking it after every write to
// the screen (and every 20 ms, for conditions outside the screen: a process
// that ended). Its error names what and shows the screen.
func (s *Screen) Until(d time.Duration, what string, cond func() bool) error {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	poll := time.NewTicker(20 * time.Millisecond)
	defer poll.Stop()
	for {
		s.mu.Lock()
		wake := s.wake
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-wake:
		case <-poll.C:
		case <-deadline.C:
			if cond() {
				return nil
			}
			return fmt.Errorf("the screen never showed %s within %v; it shows:\n%s", what, d, s.Text())
		}
	}
}

// Within waits at most d until the screen shows every one of want.
func (s *Screen) Within(d time.Duration, want ...string) error {
	var missing string
	err := s.Until(d, "", func() bool { missing = s.missing(want); return missing == "" })
	if err != nil {
		return fmt.Errorf("the screen never showed %q within %v; it shows:\n%s", missing, d, s.Text())
	}
	return nil
}

// WaitFor waits until the screen shows every one of want, or fails tb.
func (s *Screen) WaitFor(tb testing.TB, want ...string) {
	tb.Helper()
	if err := s.Within(Deadline, want...); err != nil {
		tb.Fatal(err)
	}
}

// WaitGone waits until the screen shows none of gone, or fails tb.
func (s *Screen) WaitGone(tb testing.TB, gone ...string) {
	tb.Helper()
	err := s.Until(Deadline, fmt.Sprintf("%q gone", gone), func() bool {
		text := s.Text()
		for _, g := range gone {
			if strings.Contains(text, g) {
				return false
			}
		}
		return true
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// WaitUntil waits until cond holds, or fails tb saying what it waited for.
func (s *Screen) WaitUntil(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	if err := s.Until(Deadline, what, cond); err != nil {
		tb.Fatal(err)
	}
}

// WaitRestored waits until nothing a full-screen program turns on is left
// on (see Restored), or fails tb naming what is.
func (s *Screen) WaitRestored(tb testing.TB) {
	tb.Helper()
	if err := s.Until(Deadline, "the terminal restored", func() bool { return len(s.Restored()) == 0 }); err != nil {
		tb.Fatalf("the terminal still has %v: %v", s.Restored(), err)
	}
}
