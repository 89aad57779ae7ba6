package kiosk

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

func TestFingerprint(t *testing.T) {
	day := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	base := func() fstest.MapFS {
		return fstest.MapFS{
			"en/guide.yaml":          {Data: []byte("title: x\n"), ModTime: day},
			"en/faq/what-is-it.md":   {Data: []byte("---\nid: what-is-it\n---\nBody\n"), ModTime: day},
			"en/timeline/day-0.md":   {Data: []byte("---\nid: day-0\n---\nBody\n"), ModTime: day},
			"en/pages/call-us.md":    {Data: []byte("Call\n"), ModTime: day},
			"en/pages/glossary.md":   {Data: []byte("Words\n"), ModTime: day},
			"en/pages/about.md":      {Data: []byte("About\n"), ModTime: day},
			"en/faq/how-it-works.md": {Data: []byte("---\nid: how-it-works\n---\nBody\n"), ModTime: day},
		}
	}
	want, err := Fingerprint(base())
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := Fingerprint(base()); again != want {
		t.Error("the same content gave two fingerprints")
	}
	changes := map[string]func(fstest.MapFS){
		"edited (size)": func(m fstest.MapFS) { m["en/pages/about.md"].Data = []byte("About us\n") },
		"edited (time)": func(m fstest.MapFS) { m["en/pages/about.md"].ModTime = day.Add(time.Second) },
		"added":         func(m fstest.MapFS) { m["en/faq/new.md"] = &fstest.MapFile{Data: []byte("x"), ModTime: day} },
		"removed":       func(m fstest.MapFS) { delete(m, "en/faq/how-it-works.md") },
		"renamed": func(m fstest.MapFS) {
			m["en/faq/how.md"] = m["en/faq/how-it-works.md"]
			delete(m, "en/faq/how-it-works.md")
		},
		"empty dir added":    func(m fstest.MapFS) { m["es"] = &fstest.MapFile{Mode: os.ModeDir | 0o755} },
		"mode changed":       func(m fstest.MapFS) { m["en/pages/about.md"].Mode = 0o600 },
		"same size and time": func(m fstest.MapFS) { m["en/pages/about.md"].Data = []byte("Tuoba\n") },
	}
	for name, change := range changes {
		m := base()
		change(m)
		got, err := Fingerprint(m)
		if err != nil {
			t.Fatal(err)
		}
		same := got == want
		// Same size and time: deliberately not detected (no file is read).
		if name == "same size and time" {
			if !same {
				t.Errorf("%s: fingerprint reads file contents; it should not", name)
			}
			continue
		}
		if same {
			t.Errorf("%s: fingerprint did not change", name)
		}
	}
}

func TestFingerprintFollowsSymlinkSwap(t *testing.T) {
	root := t.TempDir()
	// Different sizes: two writes can share a modification time.
	for _, v := range []string{"v1", "v2-longer"} {
		if err := os.MkdirAll(filepath.Join(root, v, "en"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, v, "en", "guide.yaml"), []byte("title: "+v+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(root, "content")
	if err := os.Symlink("v1", link); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(link)
	first, err := Fingerprint(fsys)
	if err != nil {
		t.Fatal(err)
	}
	// The documented update: a new symlink renamed over the old one.
	if err := os.Symlink("v2-longer", link+".new"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(link+".new", link); err != nil {
		t.Fatal(err)
	}
	second, err := Fingerprint(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if first == second {
		t.Error("swapping the symlink to a new copy did not change the fingerprint")
	}
	if _, err := Fingerprint(os.DirFS(filepath.Join(root, "missing"))); err == nil {
		t.Error("a missing folder gave no error")
	}
}
