package termtest

import (
	"os"
	"syscall"
	"unsafe"
)

// pending is how many bytes wait in a terminal's input queue, unread.
func pending(f *os.File) (int, bool) {
	var n int32
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TIOCINQ, uintptr(unsafe.Pointer(&n)))
	return int(n), errno == 0
}
