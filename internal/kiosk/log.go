package kiosk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"

	"golang.org/x/term"
)

// NewLogger returns a text logger that appends to the file at path, or
// writes to stderr when path is "". Under systemd stderr is the journal.
//
// Logs must never reach the screen. When stderr is the terminal the TUI is
// drawing on, lines written there would break its frame, so the logger
// keeps warnings and errors (at most the last 64 KiB) and writes them to
// stderr when closed, after the TUI has given the terminal back; lower
// levels are dropped. Close the returned io.Closer last.
//
// What to log, and what never to log, is in the package comment.
func NewLogger(path string, stderr io.Writer) (*slog.Logger, io.Closer, error) {
	if path != "" {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
		if err != nil {
			return nil, nil, fmt.Errorf("open log file: %w", err)
		}
		lf := &logFile{f: f}
		return slog.New(slog.NewTextHandler(lf, nil)), lf, nil
	}
	if f, ok := stderr.(interface{ Fd() uintptr }); ok && term.IsTerminal(int(f.Fd())) {
		h := &heldWriter{out: stderr, limit: 64 << 10}
		return slog.New(slog.NewTextHandler(h, &slog.HandlerOptions{Level: slog.LevelWarn})), h, nil
	}
	return slog.New(slog.NewTextHandler(stderr, nil)), nopCloser{}, nil
}

// logFile is the log file, remembering the first write that failed: a
// file that opens but cannot be written (/dev/full, a full disk, a
// read-only mount) would otherwise drop every line without a word.
type logFile struct {
	f *os.File

	mu  sync.Mutex
	err error
}

func (l *logFile) Write(p []byte) (int, error) {
	n, err := l.f.Write(p)
	if err != nil {
		l.mu.Lock()
		if l.err == nil {
			l.err = err
		}
		l.mu.Unlock()
	}
	return n, err
}

func (l *logFile) Close() error { return l.f.Close() }

// WriteError reports the first failed write to the log file of a logger
// from NewLogger (the io.Closer it returned), or nil. Call it after the
// first line, before the screen is taken, to say once on stderr that the
// log is lost.
func WriteError(c io.Closer) error {
	if l, ok := c.(*logFile); ok {
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.err != nil {
			return fmt.Errorf("cannot write the log file %s: %w", l.f.Name(), unwrapPathErr(l.err))
		}
	}
	return nil
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

type nopCloser struct{}

func (nopCloser) Close() error { return nil }

// heldWriter keeps whole log lines until Close, dropping the oldest when
// more than limit bytes are held.
type heldWriter struct {
	mu      sync.Mutex
	out     io.Writer
	buf     bytes.Buffer
	limit   int
	dropped int
	closed  bool
}

func (h *heldWriter) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return h.out.Write(p)
	}
	h.buf.Write(p)
	for h.buf.Len() > h.limit {
		line, err := h.buf.ReadBytes('\n')
		if err != nil { // one line over the limit: drop it all
			h.buf.Reset()
		}
		if len(line) > 0 {
			h.dropped++
		}
	}
	return len(p), nil
}

// Close writes what was held to the real stderr; later lines go straight
// there.
func (h *heldWriter) Close() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil
	}
	h.closed = true
	if h.dropped > 0 {
		if _, err := fmt.Fprintf(h.out, "(%d earlier log lines dropped)\n", h.dropped); err != nil {
			return fmt.Errorf("write held log: %w", err)
		}
	}
	if _, err := h.out.Write(h.buf.Bytes()); err != nil {
		return fmt.Errorf("write held log: %w", err)
	}
	h.buf.Reset()
	return nil
}
