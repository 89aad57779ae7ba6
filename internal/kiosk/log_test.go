package kiosk

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewLoggerFileAppends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.log")
	for _, msg := range []string{"first start", "second start"} {
		log, closer, err := NewLogger(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		log.Info(msg, "content", "built-in")
		if err := closer.Close(); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(b); !strings.Contains(got, "first start") || !strings.Contains(got, "second start") ||
		strings.Count(got, "\n") != 2 || !strings.Contains(got, "content=built-in") {
		t.Errorf("log file:\n%s", got)
	}
}

func TestNewLoggerBadPath(t *testing.T) {
	_, _, err := NewLogger(filepath.Join(t.TempDir(), "no", "such", "dir", "x.log"), nil)
	if err == nil || !strings.HasPrefix(err.Error(), "open log file: ") {
		t.Errorf("got %v", err)
	}
}

func TestNewLoggerStderr(t *testing.T) {
	var stderr bytes.Buffer
	log, closer, err := NewLogger("", &stderr)
	if err != nil {
		t.Fatal(err)
	}
	log.Info("started")
	if !strings.Contains(stderr.String(), "msg=started") {
		t.Errorf("stderr that is not a terminal gets lines at once; got %q", stderr.String())
	}
	closer.Close()
}

func TestHeldWriterLimit(t *testing.T) {
	var out bytes.Buffer
	h := &heldWriter{out: &out, limit: 20}
	for _, line := range []string{"one 000000\n", "two 000000\n", "three 0000\n"} {
		h.Write([]byte(line))
	}
	h.Close()
	if got, want := out.String(), "(2 earlier log lines dropped)\nthree 0000\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	h.Write([]byte("after\n"))
	if !strings.HasSuffix(out.String(), "after\n") {
		t.Errorf("after Close lines go straight out: %q", out.String())
	}
}

// A log path that opens but cannot be written (issue 12: /dev/full) used
// to drop every line without a word.
func TestWriteErrorReportsALostLog(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	log, c, err := NewLogger("/dev/full", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	log.Info("kiosk starting")
	if err := WriteError(c); err == nil || !strings.Contains(err.Error(), "cannot write the log file /dev/full: no space left on device") {
		t.Errorf("WriteError = %v", err)
	}
	good, c2, err := NewLogger(filepath.Join(t.TempDir(), "kiosk.log"), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	good.Info("kiosk starting")
	if err := WriteError(c2); err != nil {
		t.Errorf("a good log file: %v", err)
	}
}
