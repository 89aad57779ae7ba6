package render

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/ansi"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
)

// longestRun is the longest run of characters without a space in s.
func longestRun(s string) int {
	best, n := 0, 0
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			n = 0
			continue
		}
		n++
		best = max(best, n)
	}
	return best
}

func TestLongRunsAreCutBeforeGlamour(t *testing.T) {
	r := New(shipped(t))
	// 16 KB took glamour about 3 s to wrap; 64 KB, 35 s.
	md := "# Title\n\nSee ![x](data:image/png;base64," + strings.Repeat("A", 16<<10) + ") here.\n"
	out := ansi.Strip(r.Markdown(md, 80, Plain()))
	if n := longestRun(out); n > content.MaxRun+1 {
		t.Errorf("a run of %d characters reached the screen; want at most %d", n, content.MaxRun+1)
	}
	if !strings.Contains(out, "…") || !strings.Contains(out, "here.") {
		t.Errorf("the long run should end in … and the text go on after it:\n%s", out)
	}
}

func TestTextTheCheckerAllowsIsNotChanged(t *testing.T) {
	md := "# Title\n\n" + strings.Repeat("x", content.MaxRun) + " and\t" + strings.Repeat("é", content.MaxRun) + "\nend\n"
	if got := cutLongRuns(md); got != md {
		t.Errorf("cutLongRuns changed text within the limit:\n%q", got)
	}
	if got := cutLongRuns("a " + strings.Repeat("é", content.MaxRun+5) + " b"); got != "a "+strings.Repeat("é", content.MaxRun)+"… b" {
		t.Errorf("cutLongRuns counts runes, not bytes: %q", got)
	}
}

// worstAllowedFS is the shipped content plus one FAQ page as costly to
// render as the checker allows: the largest file, made of runs of the
// longest length, each longer than a narrow screen.
func worstAllowedFS(tb testing.TB) fs.FS {
	tb.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(embedded.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(embedded.FS(), p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	head := "---\nid: worst-case\ntitle: Worst case\nsection: about\norder: 999\nreviewed: 2026-11-01\nsources: [Test]\n---\n"
	var b strings.Builder
	b.WriteString(head)
	run := strings.Repeat("w", content.MaxRun)
	for b.Len()+len(run)+1 <= content.MaxFileSize {
		b.WriteString(run)
		b.WriteByte('\n')
	}
	m["en/faq/worst-case.md"] = &fstest.MapFile{Data: []byte(b.String())}
	return m
}

// BenchmarkWorstAllowedPage renders the costliest page `skinguide check`
// accepts (256 KiB of 100-character runs) at the narrowest and a usual
// width; the checker's limits exist to keep this bounded.
func BenchmarkWorstAllowedPage(b *testing.B) {
	g, ps := content.Load(worstAllowedFS(b), "en")
	var errs []string
	for _, p := range ps {
		if p.Severity == content.Error {
			errs = append(errs, p.String())
		}
	}
	if len(errs) > 0 {
		b.Fatalf("the checker refuses the worst case, so it is not the worst allowed: %v", errs)
	}
	p, _ := g.Page("worst-case")
	for _, w := range []int{MinWidth, 80} {
		b.Run(fmt.Sprintf("width=%d", w), func(b *testing.B) {
			r := New(g)
			for b.Loop() {
				r.Markdown(Source(g, p), w, Plain())
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/render")
			b.ReportMetric(float64(len(p.Body))/1024, "KiB")
		})
	}
}

// BenchmarkRefusedLongRun renders what the checker refuses: a 64 KB
// inline image on one line, which glamour alone took 35 s to wrap.
func BenchmarkRefusedLongRun(b *testing.B) {
	g := shipped(b)
	md := "# Title\n\n![x](data:image/png;base64," + strings.Repeat("A", 64<<10) + ")\n"
	r := New(g)
	for b.Loop() {
		r.Markdown(md, 80, Plain())
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/render")
}
