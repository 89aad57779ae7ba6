//go:build unix

package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFS(t)
			file := tt.want[:strings.Index(tt.want, ":")]
			p := filepath.Join(dir, filepath.FromSlash(file))
			_ = os.Remove(p)
			if err := tt.make(p); err != nil {
				t.Skip(err)
			}
			done := make(chan Problems, 1)
			go func() { _, ps := Load(os.DirFS(dir), "en"); done <- ps }()
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
