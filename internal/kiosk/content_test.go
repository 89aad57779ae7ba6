package kiosk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skinguide/skinguide/internal/content"
)

// clinicFolder is a copy of the shipped content, as a clinic would start.
func clinicFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// edit rewrites a page of the folder, moving its time on so the change is
// seen even on file systems with coarse times.
func edit(t *testing.T, dir, page string, change func(string) string) {
	t.Helper()
	path := filepath.Join(dir, "en", "faq", page)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(change(string(src))), 0o644); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	later := info.ModTime().Add(time.Second)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
}

func breakSection(s string) string {
	return strings.Replace(s, "section: aftercare", "section: afterwards", 1)
}
func fixSection(s string) string {
	return strings.Replace(s, "section: afterwards", "section: aftercare", 1)
}

func retitle(title string) func(string) string {
	return func(s string) string {
		return strings.Replace(s, "title: When can I wear makeup again?", "title: "+title, 1)
	}
}

func TestContentFallsBackAtStart(t *testing.T) {
	builtin := os.DirFS("../../content")
	for name, setup := range map[string]func(t *testing.T) string{
		"missing folder": func(t *testing.T) string { return filepath.Join(t.TempDir(), "nope") },
		"errors": func(t *testing.T) string {
			dir := clinicFolder(t)
			edit(t, dir, "makeup.md", breakSection)
			return dir
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := setup(t)
			log, logs := testLogger()
			c, err := LoadContent(dir, "en", content.Numbers{}, builtin, log)
			if err != nil {
				t.Fatal(err)
			}
			g := c.Guide()
			if g == nil || len(g.FAQ) == 0 {
				t.Fatal("no content: the kiosk would be blank")
			}
			out := logs.String()
			if !strings.Contains(out, "level=ERROR") || !strings.Contains(out, dir) || !strings.Contains(out, "source=built-in") {
				t.Errorf("the log must say why the built-in content is shown:\n%s", out)
			}
			if name == "errors" && !strings.Contains(out, "makeup.md") {
				t.Errorf("the log must name the first problem:\n%s", out)
			}
			if c.Reload() != nil {
				t.Error("nothing changed: no reload")
			}
			if n := strings.Count(logs.String(), "level=ERROR"); n != 1 {
				t.Errorf("an unchanged problem is logged once, got %d:\n%s", n, logs)
			}
		})
	}
}

// A clinic folder that becomes invalid, then valid again: the last good
// content stays until a valid change comes.
func TestContentReload(t *testing.T) {
	dir := clinicFolder(t)
	log, logs := testLogger()
	c, err := LoadContent(dir, "en", content.Numbers{}, os.DirFS("../../content"), log)
	if err != nil {
		t.Fatal(err)
	}
	first := c.Guide()
	if !strings.Contains(logs.String(), "source="+dir) {
		t.Fatalf("the log must name the clinic's folder:\n%s", logs)
	}
	if c.Reload() != nil {
		t.Fatal("reloaded without a change")
	}

	edit(t, dir, "makeup.md", retitle("Makeup after treatment"))
	g := c.Reload()
	if g == nil || c.Guide() != g {
		t.Fatalf("a valid change is loaded:\n%s", logs)
	}
	if p, _ := g.Page("makeup"); p.Title != "Makeup after treatment" {
		t.Errorf("reloaded title %q", p.Title)
	}
	good := g

	edit(t, dir, "makeup.md", breakSection)
	if c.Reload() != nil || c.Guide() != good {
		t.Fatal("invalid content must not replace the last good content")
	}
	if !strings.Contains(logs.String(), "has errors; keeping the content shown") {
		t.Errorf("the log must say the new content was refused:\n%s", logs)
	}
	before := logs.String()
	if c.Reload() != nil || logs.String() != before {
		t.Error("the same bad content is neither loaded nor logged again")
	}

	edit(t, dir, "makeup.md", fixSection)
	if g := c.Reload(); g == nil || g == good || g == first {
		t.Fatal("valid content again is loaded")
	}
	if n := strings.Count(logs.String(), "content reloaded"); n != 2 {
		t.Errorf("%d reloads logged, want 2:\n%s", n, logs)
	}

	// Swapped away: the folder is gone; the kiosk keeps what it has.
	shown := c.Guide()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if c.Reload() != nil || c.Guide() != shown {
		t.Error("a vanished folder must not change what is shown")
	}
	// Privacy: the log says what an operator needs and nothing of patients.
	for _, l := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		if !strings.Contains(l, "msg=content ") && !strings.Contains(l, `msg="content reloaded"`) && !strings.Contains(l, "clinic's content") {
			t.Errorf("unexpected log line: %s", l)
		}
	}
}

func TestContentBuiltinOnly(t *testing.T) {
	log, logs := testLogger()
	c, err := LoadContent("", "en", content.Numbers{}, os.DirFS("../../content"), log)
	if err != nil || c.Guide() == nil || c.Reload() != nil {
		t.Fatalf("built-in content: %v", err)
	}
	if !strings.Contains(logs.String(), "source=built-in") || strings.Contains(logs.String(), "ERROR") {
		t.Errorf("log:\n%s", logs)
	}
	c, err = LoadContent("", "xx", content.Numbers{}, os.DirFS("../../content"), log)
	if err != nil || c.Guide().Lang != "en" {
		t.Errorf("a language the built-in content lacks falls back to English: %v", err)
	}
}
