package kiosk

import (
	"os"
	"syscall"
	"testing"
	"unsafe"

	"github.com/skinguide/skinguide/internal/termtest"
)

// pty is a pseudo-terminal for tests: the program under test gets tty, the
// test types through Send and reads the screen through a terminal emulator
// (termtest.PTY).
type pty struct {
	*termtest.PTY
	tty *os.File
}

func openPTY(t *testing.T) *pty {
	t.Helper()
	p := termtest.Open(t, 80, 24)
	return &pty{PTY: p, tty: p.TTY}
}

// output is every byte written to the terminal.
func (p *pty) output() string { return string(p.Bytes()) }

// termios reads the tty's modes.
func (p *pty) termios(t *testing.T) syscall.Termios {
	t.Helper()
	var tio syscall.Termios
	rc, err := p.tty.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var errno syscall.Errno
	rc.Control(func(fd uintptr) {
		_, _, errno = syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TCGETS, uintptr(unsafe.Pointer(&tio)))
	})
	if errno != 0 {
		t.Fatalf("TCGETS: %v", errno)
	}
	return tio
}

func (p *pty) cooked(t *testing.T) bool {
	tio := p.termios(t)
	return tio.Lflag&syscall.ICANON != 0 && tio.Lflag&syscall.ECHO != 0 && tio.Lflag&syscall.ISIG != 0
}
