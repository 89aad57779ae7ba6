package kiosk

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
)

// Gone notices that the terminal a kiosk runs on has gone away: reading
// it reaches the end of input or fails, or writing to it fails. A kiosk
// ignores SIGHUP (nobody may end it with a signal), so without this it
// would keep running on a dead pseudo-terminal; with it, the kiosk stops
// and systemd starts a fresh one on a live terminal.
//
// On Linux a hung-up tty reads as end of input and fails writes with EIO.
// bubbletea v1.3.10 takes end of input as "no more keys" and goes on, and
// ignores write errors, so the terminal is watched here, below it.
type Gone struct {
	once   sync.Once
	mu     sync.Mutex
	err    error
	onGone func()
}

// NewGone calls onGone once, on its own goroutine, when the terminal is
// gone.
func NewGone(onGone func()) *Gone { return &Gone{onGone: onGone} }

// Err says why the terminal is gone, or nil while it is not.
func (g *Gone) Err() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.err
}

func (g *Gone) saw(err error) {
	g.once.Do(func() {
		g.mu.Lock()
		g.err = err
		g.mu.Unlock()
		go g.onGone()
	})
}

// Input watches r. Reads are passed on unchanged; at the end of input or
// on an error the terminal is gone, and the reader then reports io.EOF so
// that bubbletea's input loop ends quietly. An *os.File stays a file (its
// descriptor and name are kept), so bubbletea still puts the terminal in
// raw mode and can cancel reads.
func (g *Gone) Input(r io.Reader) io.Reader {
	if f, ok := r.(*os.File); ok {
		return &goneFile{File: f, g: g}
	}
	return &goneReader{r: r, g: g}
}

// Output watches w: a failed write means the terminal is gone.
func (g *Gone) Output(w io.Writer) io.Writer {
	if f, ok := w.(*os.File); ok {
		return &goneFile{File: f, g: g}
	}
	return &goneWriter{w: w, g: g}
}

func (g *Gone) read(n int, err error) (int, error) {
	switch {
	case err == nil:
		return n, nil
	case errors.Is(err, io.EOF):
		g.saw(errors.New("end of input"))
	default:
		g.saw(fmt.Errorf("reading input: %w", err))
	}
	return n, io.EOF
}

func (g *Gone) write(n int, err error) (int, error) {
	if err != nil {
		g.saw(fmt.Errorf("writing the screen: %w", err))
	}
	return n, err
}

type goneFile struct {
	*os.File
	g *Gone
}

func (f *goneFile) Read(p []byte) (int, error)  { return f.g.read(f.File.Read(p)) }
func (f *goneFile) Write(p []byte) (int, error) { return f.g.write(f.File.Write(p)) }

type goneReader struct {
	r io.Reader
	g *Gone
}

func (r *goneReader) Read(p []byte) (int, error) { return r.g.read(r.r.Read(p)) }

type goneWriter struct {
	w io.Writer
	g *Gone
}

func (w *goneWriter) Write(p []byte) (int, error) { return w.g.write(w.w.Write(p)) }
