package kiosk

import (
	"strings"
	"testing"
)

// When stderr is the screen the TUI draws on, nothing is written until Close.
func TestNewLoggerHoldsWhileStderrIsTheScreen(t *testing.T) {
	p := openPTY(t)
	log, closer, err := NewLogger("", p.tty)
	if err != nil {
		t.Fatal(err)
	}
	log.Info("started")
	log.Error("content folder invalid; using the built-in content", "dir", "/srv/c")
	p.tty.Write([]byte("FRAME\r\n"))
	p.WaitFor(t, "FRAME")
	if out := p.output(); strings.Contains(out, "level=") {
		t.Fatalf("a log line reached the screen while the TUI owns it: %q", out)
	}
	if err := closer.Close(); err != nil {
		t.Fatal(err)
	}
	p.WaitFor(t, "content folder invalid")
	if strings.Contains(p.output(), "started") {
		t.Errorf("info lines should be dropped on a terminal: %q", p.output())
	}
}
