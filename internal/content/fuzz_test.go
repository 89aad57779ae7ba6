package content

import (
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
