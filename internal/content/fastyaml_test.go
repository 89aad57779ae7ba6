package content

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	embedded "github.com/skinguide/skinguide/content"
)

// sameNode says how two node trees differ, or "" when they do not.
func sameNode(path string, a, b *yaml.Node) string {
	if (a == nil) != (b == nil) {
		return fmt.Sprintf("%s: one is nil", path)
	}
	if a == nil {
		return ""
	}
	type shape struct {
		Kind                                  yaml.Kind
		Style                                 yaml.Style
		Tag, Value, Anchor                    string
		Line, Column                          int
		HeadComment, LineComment, FootComment string
		Content                               int
		Alias                                 bool
	}
	sa := shape{a.Kind, a.Style, a.Tag, a.Value, a.Anchor, a.Line, a.Column, a.HeadComment, a.LineComment, a.FootComment, len(a.Content), a.Alias != nil}
	sb := shape{b.Kind, b.Style, b.Tag, b.Value, b.Anchor, b.Line, b.Column, b.HeadComment, b.LineComment, b.FootComment, len(b.Content), b.Alias != nil}
	if sa != sb {
		return fmt.Sprintf("%s: fast %+v, library %+v", path, sa, sb)
	}
	for i := range a.Content {
		if d := sameNode(fmt.Sprintf("%s/%d", path, i), a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// checkFast fails when the fast path accepts src and its tree is not the
// library's; it reports whether the fast path took src. The nodes come
// from blocks that held another page's front matter just before, as a
// loader's do.
func checkFast(t *testing.T, src []byte) bool {
	t.Helper()
	var nodes nodeBlocks
	if fastFrontMatter(&nodes, "id: before\ntitle: A page before, with some words\nkeywords: [a, b, c, d, e, f, g]\nsources:\n  - x\n  - y\n") == nil {
		t.Fatal("the page before did not take the fast path")
	}
	fast := fastFrontMatter(&nodes, string(src))
	if fast == nil {
		return false
	}
	var lib yaml.Node
	if err := yaml.Unmarshal(src, &lib); err != nil {
		t.Fatalf("fast path accepts what the library refuses (%v):\n%s", err, src)
	}
	if d := sameNode("doc", fast, &lib); d != "" {
		t.Fatalf("fast path and library differ: %s\n%s", d, src)
	}
	return true
}

// Shipped pages' front matter takes the fast path (else loading gains
// nothing) and gives exactly the library's tree. A page of another shape
// is valid and only slower to load, so a few may be left to the library.
func TestFastFrontMatterTakesShippedPages(t *testing.T) {
	n := 0
	var slow []string
	err := fs.WalkDir(embedded.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := fs.ReadFile(embedded.FS(), p)
		if err != nil {
			return err
		}
		fm, _, _, err := splitFrontMatter(string(src))
		if err != nil {
			return err
		}
		if !checkFast(t, []byte(fm)) {
			slow = append(slow, p)
		}
		n++
		return nil
	})
	if err != nil || n < 100 {
		t.Fatalf("%d pages read, %v", n, err)
	}
	if len(slow) > n/20 {
		t.Errorf("%d of %d pages not taken by the fast path: %v", len(slow), n, slow)
	}
}

// Shapes the fast path must leave to the library (which then gives the
// errors and line numbers), and shapes it takes.
func TestFastFrontMatterShapes(t *testing.T) {
	for _, tc := range []struct {
		src  string
		fast bool
	}{
		{"id: a\ntitle: B c\n", true},
		{"id: a\n\ntitle: \"B \\\"c\\\"\"\nx: 'it''s'\n", true},
		{"keywords: [a, b c, \"d\", 'e']\nrelated: []\n", true},
		{"sources:\n  - a\n  - \"b\"\nid: x\n", true},
		{"sources:\n- a\n- b\n", true},
		{"order: 5\nreviewed: 2026-11-29\nfrom: 0\n", true},
		{"reviewed: 2026-02-30\n", true}, // not a real date: text
		{"title: a # comment\n", false},
		{"title: a\n  continued\n", false},
		{"title: \"a\\e\"\n", false},
		{"title: &x a\n", false},
		{"title: !!str a\n", false},
		{"title: yes\nb: true\n", false},
		{"order: 007\n", false},
		{"order: 99999999999999999999\n", false},
		{"order: 1_000\n", false},
		{"title: a: b\n", false},
		{"title:  two spaces\n", false},
		{"title: trailing \n", false},
		{"title:\n", false},
		{"keywords: [a, b\n  c]\n", false},
		{"keywords: [a, b,]\n", false},
		{"keywords: [{a: b}]\n", false},
		{"title: tab\there\n", false},
		{"title: a\r\n", false},
		{"sources:\n  - a\n    b\n", false},
		{"sources:\n  - a\n   - b\n", false},
		{"Title: a\n", false},
		{"", false},
	} {
		if got := checkFast(t, []byte(tc.src)); got != tc.fast {
			t.Errorf("%q: fast path %v, want %v", tc.src, got, tc.fast)
		}
	}
}

// Whatever the fast path accepts, it reads exactly as the library does.
func FuzzFastFrontMatter(f *testing.F) {
	_ = fs.WalkDir(embedded.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && strings.Contains(p, "/faq/c") {
			if src, err := fs.ReadFile(embedded.FS(), p); err == nil {
				if fm, _, _, err := splitFrontMatter(string(src)); err == nil {
					f.Add([]byte(fm))
				}
			}
		}
		return nil
	})
	for _, s := range []string{
		"id: a\ntitle: B c\n", "keywords: [a, b c, \"d\", 'e']\nrelated: []\n", "sources:\n  - a\n  - \"b\"\nid: x\n",
		"order: 5\nreviewed: 2026-11-29\n", "title: ¿Duele? Sí\n", "a: [can't breathe, \"x\\\\y\"]\n", "a: 0\nb: 2026-1-2\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkFast(t, src) })
}

// The same, with the shapes front matter has built around fuzzed text, so
// that the fuzzer spends its time on values the fast path may accept.
func FuzzFastFrontMatterValues(f *testing.F) {
	for _, s := range []string{"a", "B c", "¿Duele?", "can't", "2026-11-29", "0", "12", "x: y", "a #b", "\\\"", "''", "true", "[a]", "-a", "a,b"} {
		f.Add(s, "x y", uint8(0))
		f.Add("a b", s, uint8(1))
		f.Add(s, s, uint8(2))
		f.Add(s, "z", uint8(3))
	}
	f.Fuzz(func(t *testing.T, a, b string, shape uint8) {
		var src string
		switch shape % 5 {
		case 0:
			src = "id: " + a + "\ntitle: " + b + "\n"
		case 1:
			src = "keywords: [" + a + ", " + b + "]\nid: x\n"
		case 2:
			src = "sources:\n  - " + a + "\n  - " + b + "\nid: x\n"
		case 3:
			src = "title: \"" + a + "\"\nlabel: '" + b + "'\n"
		case 4:
			src = "related: [\"" + a + "\", '" + b + "']\nsources:\n- " + a + "\n"
		}
		checkFast(t, []byte(src))
	})
}
