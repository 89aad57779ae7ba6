package kiosk

import (
	"errors"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/skinguide/skinguide/internal/termtest"
)

type failing struct{ err error }

func (f failing) Read([]byte) (int, error)  { return 0, f.err }
func (f failing) Write([]byte) (int, error) { return 0, f.err }

func TestGone(t *testing.T) {
	for _, tc := range []struct {
		name string
		use  func(g *Gone)
		want string
	}{
		{"end of input", func(g *Gone) { _, _ = io.ReadAll(g.Input(strings.NewReader("abc"))) }, "end of input"},
		{"read error", func(g *Gone) { _, _ = g.Input(failing{errors.New("EIO")}).Read(make([]byte, 1)) }, "reading input: EIO"},
		{"write error", func(g *Gone) { _, _ = g.Output(failing{errors.New("EIO")}).Write([]byte("x")) }, "writing the screen: EIO"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			called := make(chan struct{}, 2)
			g := NewGone(func() { calls.Add(1); called <- struct{}{} })
			if g.Err() != nil {
				t.Fatal("gone before anything happened")
			}
			tc.use(g)
			tc.use(g)
			if g.Err() == nil || g.Err().Error() != tc.want {
				t.Fatalf("Err() = %v, want %q", g.Err(), tc.want)
			}
			select {
			case <-called:
			case <-time.After(termtest.Deadline):
				t.Fatal("onGone was never called")
			}
			// A second call would come on a goroutine of its own, with
			// nothing to wait for: this pause is a test that it does NOT.
			time.Sleep(50 * time.Millisecond)
			if calls.Load() != 1 {
				t.Errorf("onGone called %d times, want once", calls.Load())
			}
		})
	}
	// Reads that work change nothing; a read error reaches the reader as
	// end of input, so bubbletea's input loop ends quietly.
	g := NewGone(func() {})
	b, err := io.ReadAll(g.Input(strings.NewReader("keys")))
	if string(b) != "keys" || err != nil {
		t.Errorf("got %q, %v", b, err)
	}
	if _, err := g.Input(failing{errors.New("EIO")}).Read(make([]byte, 1)); err != io.EOF {
		t.Errorf("a read error should read as io.EOF, got %v", err)
	}
}

// TestGoneKeepsFiles: a terminal must still look like one to bubbletea
// (raw mode, cancellable reads), so files stay files.
func TestGoneKeepsFiles(t *testing.T) {
	g := NewGone(func() {})
	for _, v := range []any{g.Input(os.Stdin), g.Output(os.Stdout)} {
		f, ok := v.(interface {
			io.ReadWriteCloser
			Fd() uintptr
			Name() string
		})
		if !ok {
			t.Fatalf("%T is not a file any more", v)
		}
		if f.Name() == "" {
			t.Error("no name")
		}
	}
}
