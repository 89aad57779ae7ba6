package kiosk

import (
	"errors"
	"fmt"
	"io"

	"golang.org/x/term"
)

// ResetSequence turns off what a full-screen TUI turns on: mouse reporting
// (1000, 1002, 1003, SGR 1006), bracketed paste (2004) and focus reports
// (1004); leaves the alternate screen (1049); and shows the cursor, last.
const ResetSequence = "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?2004l\x1b[?1004l\x1b[?1049l\x1b[?25h"

// Terminal is a terminal's tty modes, saved before a TUI starts, so the
// terminal can be repaired when the TUI ends without restoring it.
type Terminal struct {
	fd    int
	out   io.Writer
	state *term.State // nil when fd is not a terminal
}

// SaveTerminal saves the modes of the terminal fd (usually stdin's) and
// remembers out (usually stdout) for the escape sequences. When fd is not
// a terminal there are no modes to save, and Restore only writes out.
func SaveTerminal(fd int, out io.Writer) (*Terminal, error) {
	t := &Terminal{fd: fd, out: out}
	if term.IsTerminal(fd) {
		s, err := term.GetState(fd)
		if err != nil {
			return nil, fmt.Errorf("save terminal modes: %w", err)
		}
		t.state = s
	}
	return t, nil
}

// Restore writes ResetSequence to out and puts back the saved tty modes
// (cooked input, echo). It is safe on a nil *Terminal, and safe to repeat.
func (t *Terminal) Restore() error {
	if t == nil {
		return nil
	}
	var errs []error
	if t.out != nil {
		if _, err := io.WriteString(t.out, ResetSequence); err != nil {
			errs = append(errs, fmt.Errorf("reset terminal: %w", err))
		}
	}
	if t.state != nil {
		if err := term.Restore(t.fd, t.state); err != nil {
			errs = append(errs, fmt.Errorf("restore terminal modes: %w", err))
		}
	}
	return errors.Join(errs...)
}
