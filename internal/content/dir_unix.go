//go:build unix

package content

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// readRegular reads a page as readRegularFS does, with the file opened by
// the system call itself rather than as an os.File (which registers it
// with the poller and sets its flags: five calls a file that read
// nothing). The file is looked at before it is opened (opening a device
// can do things), unless listed says a folder listing has just shown it
// as a regular file (not a link), and again once open, with O_NONBLOCK so
// that a FIFO put in its place meanwhile cannot block the open. Anything
// unusual is left to readRegularFS, which says what it is. The bytes go
// into buf as readRegular says.
func (d dirFS) readRegular(file string, limit int64, listed bool, buf []byte) ([]byte, error) {
	if !fs.ValidPath(file) {
		return readRegularFS(d, file, limit, buf)
	}
	path := d.root + "/" + file // as os.DirFS joins them
	if !listed {
		info, err := os.Stat(path)
		if err != nil || !info.Mode().IsRegular() || info.Size() > limit {
			return readRegularFS(d, file, limit, buf)
		}
	}
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > limit {
		return readRegularFS(d, file, limit, buf)
	}
	// Read to the end, but never more than limit+1 bytes: the file may
	// grow while it is read.
	b := buf[:0]
	if size := min(st.Size, limit) + 1; int64(cap(b)) < size {
		b = make([]byte, 0, size)
	}
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		window := b[len(b):min(int64(cap(b)), limit+1)]
		n, err := syscall.Read(fd, window)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read: %w", err)
		}
		if n == 0 {
			return b, nil
		}
		b = b[:len(b)+n]
		if n < len(window) && int64(len(b)) == st.Size {
			// All the bytes Fstat counted, and fewer than asked for: the
			// end, without another call to hear it (a thousand pages,
			// a thousand calls). A file system that reads short before
			// the end gives fewer than that, and the loop goes on.
			return b, nil
		}
		if int64(len(b)) > limit {
			return nil, fmt.Errorf("file is over %d KiB; the limit is %d KiB", limit>>10, limit>>10)
		}
	}
}
