package kiosk

import (
	"bytes"
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
		return slog.New(slog.NewTextHandler(f, nil)), f, nil
	}
	if f, ok := stderr.(interface{ Fd() uintptr }); ok && term.IsTerminal(int(f.Fd())) {
		h := &heldWriter{out: stderr, limit: 64 << 10}
		return slog.New(slog.NewTextHandler(h, &slog.HandlerOptions{Level: slog.LevelWarn})), h, nil
	}
	return slog.New(slog.NewTextHandler(stderr, nil)), nopCloser{}, nil
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
