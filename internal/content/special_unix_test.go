//go:build unix

package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	embedded "github.com/skinguide/skinguide/content"
)

// writeFS writes validFS to a real folder, for what only a real file
// system has: FIFOs and devices.
func writeFS(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range validFS() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadRefusesSpecialFiles(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	tests := []struct {
		name, want string
		make       func(path string) error
	}{
		{"fifo", "en/faq/pipe.md: is a named pipe (FIFO), not a regular file", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
		{"symlink to /dev/zero", "en/faq/zero.md: is a character device, not a regular file", func(p string) error { return os.Symlink("/dev/zero", p) }},
		{"fifo guide file", "en/guide.yaml: is a named pipe (FIFO), not a regular file", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
	}
	for _, tt := range tests {
		for _, root := range roots {
			t.Run(tt.name+"/"+root.name, func(t *testing.T) {
				dir := writeFS(t)
				file := tt.want[:strings.Index(tt.want, ":")]
				p := filepath.Join(dir, filepath.FromSlash(file))
				_ = os.Remove(p)
				if err := tt.make(p); err != nil {
					t.Skip(err)
				}
				done := make(chan Problems, 1)
				go func() { _, ps := Load(root.open(dir), "en"); done <- ps }()
				select {
				case ps := <-done:
					for _, p := range ps {
						if strings.HasPrefix(p.String(), tt.want) {
							return
						}
					}
					t.Errorf("want %q, got %v", tt.want, ps)
				case <-time.After(10 * time.Second):
					t.Fatal("Load blocked on a special file")
				}
			})
		}
	}
}

// roots are the two ways a folder on disk is read: os.DirFS, and Dir,
// which cli and kiosk use and reads pages with its own system calls.
var roots = []struct {
	name string
	open func(dir string) fs.FS
}{{"os.DirFS", os.DirFS}, {"Dir", Dir}}

// Dir reads a folder exactly as os.DirFS does: the same guide, the same
// problems, for the shipped content and for hostile files.
func TestDirReadsAsDirFS(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, embedded.FS()); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("en/faq/big.md", "---\nid: big\n---\n"+strings.Repeat("word ", MaxFileSize/5+10))
	write("en/faq/esc.md", "---\nid: esc\ntitle: \"a\\e[2Jb\"\n---\nx\x1b]0;t\x07\n")
	write("en/faq/empty.md", "")
	if err := os.Symlink("/dev/null", filepath.Join(dir, "en/faq/null.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("missing.md", filepath.Join(dir, "en/faq/dangling.md")); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "es"} {
		want, wantPs := Load(os.DirFS(dir), lang)
		got, gotPs := Load(Dir(dir), lang)
		if fmt.Sprint(gotPs) != fmt.Sprint(wantPs) {
			t.Errorf("%s: problems through Dir:\n%v\nthrough os.DirFS:\n%v", lang, gotPs, wantPs)
		}
		if lang == "en" && len(wantPs) < 4 {
			t.Errorf("%s: the hostile files found no problems", lang)
		}
		if (got == nil) != (want == nil) || got != nil && len(got.All()) != len(want.All()) {
			t.Fatalf("%s: different guides", lang)
		}
		for i, p := range want.All() {
			if q := got.All()[i]; q.ID != p.ID || q.Body != p.Body || q.Title != p.Title {
				t.Errorf("%s: page %d differs: %s", lang, i, p.ID)
			}
		}
	}
}

// A page the folder listing showed as a regular file is opened without
// being looked at first; if it is something else by then (a FIFO, a link
// to a device), the open file is looked at and refused as before, with the
// same words, and the open does not block.
func TestDirListedFileThatChanged(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink("/dev/null", filepath.Join(dir, "null.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.md"), make([]byte, MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.md"), []byte("text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := Dir(dir).(regularReader)
	for _, name := range []string{"pipe.md", "null.md", "big.md", "ok.md", "gone.md"} {
		done := make(chan string, 1)
		go func() {
			b, err := d.readRegular(name, MaxFileSize, true, []byte("a buffer that held the page before"))
			done <- fmt.Sprintf("%q %v", b, err)
		}()
		select {
		case got := <-done:
			b, err := readRegularFS(os.DirFS(dir), name, MaxFileSize, nil)
			if want := fmt.Sprintf("%q %v", b, err); got != want {
				t.Errorf("%s: got %s, want %s", name, got, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: the open blocked", name)
		}
	}
}

// Dir reads every byte of a file of any size up to the limit, into
// buffers of any size, as os.ReadFile does, and refuses one byte more: it
// stops without a last read when it has all the bytes Fstat counted.
func TestDirReadsEveryByte(t *testing.T) {
	dir := t.TempDir()
	d := Dir(dir).(regularReader)
	for _, size := range []int{0, 1, 511, 512, 513, 4095, 4096, 4097, MaxFileSize - 1, MaxFileSize, MaxFileSize + 1} {
		src := make([]byte, size)
		for i := range src {
			src[i] = byte('a' + i%26)
		}
		name := fmt.Sprintf("f%d.md", size)
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, buf := range [][]byte{nil, make([]byte, 0, 16), make([]byte, 0, size), make([]byte, 0, size+1), make([]byte, 0, MaxFileSize+2)} {
			for _, listed := range []bool{true, false} {
				got, err := d.readRegular(name, MaxFileSize, listed, buf)
				if size > MaxFileSize {
					if err == nil {
						t.Errorf("%d bytes (buffer %d, listed %v): read, want refused", size, cap(buf), listed)
					}
					continue
				}
				if err != nil || !bytes.Equal(got, src) {
					t.Errorf("%d bytes (buffer %d, listed %v): got %d bytes, %v", size, cap(buf), listed, len(got), err)
				}
			}
		}
	}
}
