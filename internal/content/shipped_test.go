package content_test

import (
	"os"
	"testing"
	"time"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
)

// The shipped pack must pass the strictest check: no errors, no warnings.
func TestShippedContentPassesStrict(t *testing.T) {
	g, ps := content.Load(embedded.FS(), "en")
	if g != nil {
		ps = append(ps, content.Lint(g, time.Now())...)
	}
	for _, p := range ps {
		t.Errorf("%s", p)
	}
	if g == nil {
		t.Fatal("no guide")
	}
	if len(g.FAQ) < 24 {
		t.Errorf("%d FAQ answers; the pack needs at least 24", len(g.FAQ))
	}
	for _, s := range g.Sections {
		if len(g.InSection(s.ID)) == 0 {
			t.Errorf("section %q has no answers", s.ID)
		}
	}
	if g.Timeline[0].From != 0 || g.Timeline[len(g.Timeline)-1].To < 90 {
		t.Errorf("timeline covers day %d to %d; want day 0 to months 3-6", g.Timeline[0].From, g.Timeline[len(g.Timeline)-1].To)
	}
	if len(g.Facts()) < 5 {
		t.Errorf("only %d \"Did you know?\" facts", len(g.Facts()))
	}
}

// The content folder on disk is the same content root as the embedded copy.
func TestContentFolderEqualsEmbedded(t *testing.T) {
	a, _ := content.Load(embedded.FS(), "en")
	b, ps := content.Load(os.DirFS("../../content"), "en")
	if ps.Errors() > 0 {
		t.Fatal(ps.Err())
	}
	if len(a.All()) != len(b.All()) {
		t.Fatalf("embedded has %d pages, folder has %d", len(a.All()), len(b.All()))
	}
	for i, p := range a.All() {
		q := b.All()[i]
		if p.ID != q.ID || p.Body != q.Body || p.Path != q.Path {
			t.Errorf("page %d differs: %s vs %s", i, p.Path, q.Path)
		}
	}
}
