package content

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// FuzzLoadPage feeds arbitrary bytes as one FAQ file: loading and linting
// must never panic, and every problem must name a file.
func FuzzLoadPage(f *testing.F) {
	for _, seed := range []string{
		faqPage, carePage, step("x", 0, 0), "", "---\n", "---\n---\n", "---\n: :\n---\n",
		"---\nid: [\n---\n", "---\nid: care\nrelated: [a, b, {c: d}]\n---\n> > > > > > > > > >x\n",
		"---\nid: care\ntitle: \"\\u001b[2J\"\n---\n&#27;[2J \u202e\n", "---\n*a\n---\n", "---\nid: &a x\ntitle: *a\n---\nx\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := validFS()
		fsys["en/faq/care.md"] = &fstest.MapFile{Data: data}
		g, ps := Load(fsys, "en")
		for _, p := range ps {
			if p.File == "" || p.Msg == "" {
				t.Fatalf("problem without file or message: %#v", p)
			}
		}
		if g != nil {
			Lint(g, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
		}
	})
}

// splitFrontMatterBytes is splitFrontMatter as it was when pages were
// read as bytes, before they became one string each.
func splitFrontMatterBytes(src []byte) (fm, body []byte, bodyLine int, err error) {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if strings.TrimRight(string(first), " \r") != "---" {
		return nil, nil, 0, fmt.Errorf("no front matter: the file must start with a line of three dashes (---)")
	}
	line := 2
	start := rest
	for len(rest) > 0 {
		l, next, _ := bytes.Cut(rest, []byte("\n"))
		if strings.TrimRight(string(l), " \r") == "---" {
			fm = start[:len(start)-len(rest)]
			return fm, next, line + 1, nil
		}
		rest = next
		line++
	}
	return nil, nil, 0, fmt.Errorf("front matter is not closed: add a line of three dashes (---) after it")
}

// splitFrontMatter on a string splits as it did on bytes.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{faqPage, carePage, step("x", 0, 0), "", "---", "---\n", "---\n---", "---\n---\n", "--- \r\nid: a\n---  \nx",
		"\n---\n", "----\n---\n", "---\nid: a\n", "---\r\n---\r\n", "---\n\n---\n\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, body, line, err := splitFrontMatter(string(src))
		wfm, wbody, wline, werr := splitFrontMatterBytes(src)
		if fm != string(wfm) || body != string(wbody) || line != wline || fmt.Sprint(err) != fmt.Sprint(werr) {
			t.Errorf("%q: got %q %q %d %v, want %q %q %d %v", src, fm, body, line, err, wfm, wbody, wline, werr)
		}
	})
}
