package termtest

import (
	"io"
	"slices"
	"testing"
	"time"
)

func TestScreenText(t *testing.T) {
	s := New(20, 3, nil)
	defer s.CloseAnswers()
	_, _ = s.Write([]byte("hello\r\n\x1b[1mworld\x1b[m   "))
	if got, want := s.Text(), "hello\nworld"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
	if s.LastLine() != "world" || !s.Shows("hello", "world") || s.Shows("bye") {
		t.Errorf("LastLine %q, Shows wrong", s.LastLine())
	}
	if err := s.Within(10*time.Millisecond, "bye"); err == nil {
		t.Error("Within found text that is not there")
	}
}

// A cursor hidden on the alternate screen stays hidden after leaving it,
// as in xterm (the mode is the terminal's, not the screen's): a program
// that never shows the cursor again must be caught.
func TestRestoredCursorIsTheTerminals(t *testing.T) {
	s := New(20, 3, nil)
	defer s.CloseAnswers()
	_, _ = s.Write([]byte("\x1b[?1049h\x1b[?25l\x1b[?1002h\x1b[?1006h\x1b[?2004h"))
	if got := s.Restored(); len(got) != 5 || !s.AltScreen() {
		t.Fatalf("Restored() = %v, want 5 things on", got)
	}
	_, _ = s.Write([]byte("\x1b[?1002l\x1b[?1006l\x1b[?2004l\x1b[?1049l"))
	if got := s.Restored(); !slices.Equal(got, []string{"hidden cursor"}) {
		t.Errorf("Restored() = %v, want [hidden cursor]", got)
	}
	_, _ = s.Write([]byte("\x1b[?25h"))
	if got := s.Restored(); len(got) != 0 {
		t.Errorf("Restored() = %v, want nothing", got)
	}
}

// An answer that cannot be delivered (the terminal closed) must not stop
// the screen: the emulator writes answers while it parses.
func TestScreenOutlivesItsAnswers(t *testing.T) {
	s := New(20, 3, failing{})
	defer s.CloseAnswers()
	done := make(chan struct{})
	go func() {
		for range 3 {
			_, _ = s.Write([]byte("\x1b[6n")) // where is the cursor?
		}
		_, _ = s.Write([]byte("still here"))
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(Deadline):
		t.Fatal("Write blocked after an answer could not be delivered")
	}
	if !s.Shows("still here") {
		t.Errorf("the screen shows %q", s.Text())
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestDrawnRemembersWhatTheScreenNoLongerShows(t *testing.T) {
	s := New(20, 3, nil)
	defer s.CloseAnswers()
	_, _ = s.Write([]byte("in \x1b[1m5\x1b[m s\rin 4 s"))
	if s.Shows("in 5 s") || !s.Shows("in 4 s") {
		t.Fatalf("the screen shows %q", s.Text())
	}
	if !s.Drawn("in 5 s", "in 4 s") || s.Drawn("in 3 s") {
		t.Error("Drawn is wrong")
	}
}
