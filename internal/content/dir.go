package content

import (
	"io/fs"
	"os"
)

// Dir is a content folder on disk, as os.DirFS(path) with the same
// paths, errors and refusals, except that Load reads its pages with fewer
// system calls where it can (see dir_unix.go): opening a file through
// os.File costs about twice the calls of reading it, and a folder of
// 1,000 pages is read at every start.
func Dir(path string) fs.FS { return dirFS{fsys: os.DirFS(path), root: path} }

type dirFS struct {
	fsys fs.FS
	root string
}

func (d dirFS) Open(name string) (fs.File, error) { return d.fsys.Open(name) }

// Stat and ReadDir keep os.DirFS's own: fs.Stat on a file system
// without Stat opens the file, and opening a FIFO blocks.
func (d dirFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(d.fsys, name) }
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.fsys, name) }
func (d dirFS) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(d.fsys, name) }
