package kiosk

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
)

// Fingerprint returns a hash of the names, sizes and modification times of
// everything under fsys (usually os.DirFS of the clinic's content folder),
// without reading any file. The TUI compares it at each idle reset, and
// reloads the content only when it changed: a reload never happens
// mid-read, and costs nothing when nothing changed.
//
// When the folder is a symlink that is swapped to a new copy (the safe way
// to update content, see docs/kiosk.md), os.DirFS follows the new target.
func Fingerprint(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// A directory's own time changes with every temporary file an
			// editor makes; its entries are enough.
			fmt.Fprintf(h, "d %q\n", path)
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "f %q %v %d %d\n", path, info.Mode(), info.Size(), info.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("fingerprint content: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
