//go:build unix

package termtest

import (
	"io"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// PTY is a pseudo-terminal whose output is read into a Screen. The test
// types through Send, as a person at the keyboard; the program under test
// gets TTY (Start gives it to a child process as its controlling terminal).
type PTY struct {
	*Screen
	Master *os.File
	TTY    *os.File // nil once Start gave it away
	name   string   // of TTY, to look at its input queue
	tb     testing.TB
	done   chan struct{} // closed when all the output is read
}

// Open makes a w x h pseudo-terminal, closed when the test ends. The
// emulator's answers to queries go back to the program, as a real
// terminal's do. Its master is in Go's poller, so closing it is immediate
// and the terminal hangs up (a blocking master's Close waits for the read
// in progress).
func Open(tb testing.TB, w, h int) *PTY {
	tb.Helper()
	master, tty, err := pty.Open()
	if err != nil {
		tb.Skipf("no pseudo-terminals here: %v", err)
	}
	if err := pty.Setsize(master, &pty.Winsize{Rows: uint16(h), Cols: uint16(w)}); err != nil {
		tb.Fatal(err)
	}
	fd, err := syscall.Dup(int(master.Fd()))
	_ = master.Close()
	if err != nil {
		tb.Fatal(err)
	}
	syscall.CloseOnExec(fd) // or a child would hold the master open itself
	if err := syscall.SetNonblock(fd, true); err != nil {
		tb.Fatal(err)
	}
	m := os.NewFile(uintptr(fd), "ptmx")
	p := &PTY{Master: m, TTY: tty, name: tty.Name(), tb: tb, done: make(chan struct{})}
	p.Screen = New(w, h, m)
	go func() {
		defer close(p.done)
		_, _ = io.Copy(p.Screen, m) // until the terminal hangs up or is closed
	}()
	tb.Cleanup(p.Close)
	return p
}

// Start runs cmd with the terminal as its stdin, stdout, stderr and
// controlling terminal, and lets go of the test's own copy of it, so that
// the master reads end of file once the program has ended.
func (p *PTY) Start(cmd *exec.Cmd) error {
	cmd.Stdin, cmd.Stdout, cmd.Stderr = p.TTY, p.TTY, p.TTY
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setsid, cmd.SysProcAttr.Setctty = true, true
	err := cmd.Start()
	_ = p.TTY.Close()
	p.TTY = nil
	return err
}

// Close closes the terminal and waits until its output is read.
func (p *PTY) Close() {
	_ = p.Master.Close()
	<-p.done
	if p.TTY != nil {
		_ = p.TTY.Close()
	}
	p.CloseAnswers()
}

// Send types keys.
func (p *PTY) Send(keys string) {
	p.tb.Helper()
	if _, err := p.Master.Write([]byte(keys)); err != nil {
		p.tb.Fatalf("type %q: %v", keys, err)
	}
}

// Resize changes the window, as a person resizing a terminal does.
func (p *PTY) Resize(w, h int) {
	p.tb.Helper()
	p.Screen.Resize(w, h)
	if err := pty.Setsize(p.Master, &pty.Winsize{Rows: uint16(h), Cols: uint16(w)}); err != nil {
		p.tb.Fatal(err)
	}
}

// Done is closed once the program's output has all been read: it ended (and
// nothing else holds the terminal), or the terminal was closed.
func (p *PTY) Done() <-chan struct{} { return p.done }

// WaitDone waits for Done, or fails the test.
func (p *PTY) WaitDone() {
	p.tb.Helper()
	select {
	case <-p.done:
	case <-time.After(Deadline):
		p.tb.Fatalf("the terminal's output never ended; it shows:\n%s", p.Text())
	}
}

// WaitTaken waits until the program has read everything typed so far. A key
// with nothing to see on the screen needs it before the next key is sent:
// bubbletea tells a lone esc from alt+key only by the end of a read, so an
// esc still unread when the next key comes would arrive as alt+key.
//
// It watches the terminal's input queue. A write reaches that queue from
// the kernel's buffer a moment later, so a queue seen empty may not have
// been filled yet: once it has held the bytes and is empty again they were
// read; if it is never seen holding them, it must stay empty for 50 ms.
// Where the queue cannot be read (not Linux) that 50 ms is all it waits.
func (p *PTY) WaitTaken() {
	p.tb.Helper()
	f, err := os.OpenFile(p.name, os.O_RDWR|syscall.O_NOCTTY|syscall.O_NONBLOCK, 0)
	if err != nil {
		p.tb.Fatalf("open %s to look at its input queue: %v", p.name, err)
	}
	defer f.Close()
	deadline := time.Now().Add(Deadline)
	seen := false // the queue was seen holding what was typed
	var emptySince time.Time
	for time.Now().Before(deadline) {
		n, ok := pending(f)
		switch {
		case !ok:
			time.Sleep(50 * time.Millisecond)
			return
		case n > 0:
			seen, emptySince = true, time.Time{}
		case seen:
			return
		case emptySince.IsZero():
			emptySince = time.Now()
		case time.Since(emptySince) >= 50*time.Millisecond:
			return
		}
		time.Sleep(time.Millisecond)
	}
	p.tb.Fatalf("the program never read what was typed; the screen shows:\n%s", p.Text())
}
