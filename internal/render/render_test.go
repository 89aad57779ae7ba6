package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/race"
)

func shipped(t testing.TB) *content.Guide {
	t.Helper()
	g, ps := content.Load(embedded.FS(), "en")
	if ps.Errors() > 0 {
		t.Fatalf("shipped content: %v", ps.Err())
	}
	return g
}

// onlySGR fails unless every escape sequence in s is an SGR sequence and no
// other control character than newline and tab appears.
func onlySGR(t *testing.T, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 0x1b:
			if i+1 >= len(s) || s[i+1] != '[' {
				t.Fatalf("non-CSI escape at %d: %q", i, s[i:min(len(s), i+12)])
			}
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j >= len(s) || s[j] != 'm' {
				t.Fatalf("non-SGR sequence at %d: %q", i, s[i:min(len(s), j+1)])
			}
			i = j
		case c < 0x20 && c != '\n' && c != '\t', c == 0x7f:
			t.Fatalf("control character 0x%02x at %d", c, i)
		}
	}
	if strings.ContainsAny(s, "\u0080\u0081\u009b\u009d\u202e") {
		t.Fatalf("C1 control or bidi override in output")
	}
}

func pageFrom(body string) (*content.Guide, *content.Page) {
	p := &content.Page{ID: "x", Title: "Test", Body: body, Reviewed: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Sources: []string{"A"}}
	return &content.Guide{ClinicFirst: "Clinic first."}, p
}

func TestFilterKeepsOnlySGR(t *testing.T) {
	g, p := pageFrom("Hello &#27;[2J &#x1b;]0;title&#7; world \x1b[2J\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \x9b31m done")
	out := New(g).Page(p, 60, Style{Dark, termenv.ANSI256})
	onlySGR(t, out)
	if !strings.Contains(ansi.Strip(out), "Hello") || !strings.Contains(ansi.Strip(out), "done") {
		t.Fatalf("text lost: %q", out)
	}
}

func TestWidthIsClamped(t *testing.T) {
	g, p := pageFrom(strings.Repeat("word ", 400))
	r := New(g)
	for _, w := range []int{-5, 0, 5, 1000} {
		out := r.Page(p, w, Plain())
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > MaxWidth {
				t.Fatalf("width %d: line of %d cells", w, ansi.StringWidth(l))
			}
		}
	}
	if _, ok := r.Cached(p, 1000, Plain()); !ok {
		t.Fatal("width 1000 should share the cache entry of the clamped width")
	}
}

func TestCacheRendersOnce(t *testing.T) {
	g := shipped(t)
	r := New(g)
	p := g.FAQ[0]
	s := Style{Dark, termenv.ANSI256}
	first := r.Page(p, 80, s)
	for i := 0; i < 5; i++ {
		if r.Page(p, 80, s) != first {
			t.Fatal("cached page differs")
		}
	}
	if n := r.Renders(); n != 1 {
		t.Fatalf("%d renders for one page at one width, want 1", n)
	}
	r.Page(p, 100, s)
	r.Page(p, 80, Style{HighContrast, termenv.ANSI256})
	if n := r.Renders(); n != 3 {
		t.Fatalf("%d renders after a new width and a new theme, want 3", n)
	}
}

func TestEveryShippedPageFitsItsWidth(t *testing.T) {
	race.SkipSerial(t)
	g := shipped(t)
	r := New(g)
	for _, s := range []Style{Plain(), {Dark, termenv.ANSI256}, {Light, termenv.ANSI256}, {HighContrast, termenv.ANSI256}} {
		for _, w := range []int{40, 80} {
			for _, p := range g.All() {
				out := r.Page(p, w, s)
				onlySGR(t, out)
				for n, l := range strings.Split(out, "\n") {
					if lw := ansi.StringWidth(l); lw > w {
						t.Fatalf("%s (%s) at width %d: line %d is %d cells: %q", p.ID, s.Theme, w, n+1, lw, ansi.Strip(l))
					}
				}
				if s.Profile == termenv.Ascii && strings.Contains(out, "\x1b") {
					t.Fatalf("%s: plain output has escape codes", p.ID)
				}
			}
		}
	}
}

func TestHighContrastDiffersFromDark(t *testing.T) {
	g := shipped(t)
	r := New(g)
	p := g.FAQ[0]
	if r.Page(p, 80, Style{Dark, termenv.ANSI256}) == r.Page(p, 80, Style{HighContrast, termenv.ANSI256}) {
		t.Fatal("high-contrast renders exactly like dark")
	}
}

// TestPrintPlainGolden holds the take-home text of one page.
func TestPlainGolden(t *testing.T) {
	g := shipped(t)
	p, _ := g.Page("products-to-avoid")
	got := New(g).Page(p, 72, Plain()) + "\n"
	golden := filepath.Join("testdata", "products-to-avoid.plain.golden")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if got != string(want) {
		t.Errorf("plain output changed; run with UPDATE_GOLDEN=1 if that is intended.\n--- got\n%s", got)
	}
}

// FuzzRender checks the whole path from a content file to the screen:
// whatever a page holds, what reaches the terminal has no escape sequence
// other than SGR, and rendering never panics.
func FuzzRender(f *testing.F) {
	for _, seed := range []string{
		"plain text", "&#27;[2J", "&#x1b;]0;x&#7;", "\x1b[31mred\x1b[0m", "\x1b]8;;http://x\x1b\\y\x1b]8;;\x1b\\",
		"[link](http://example.com)", "`code \x1b[2J`", "```\n\x1b[H\n```", "> > > deep", "- a\n  - b\n    - c",
		"| a | b |\n|---|---|\n| \x1b[5n | &#155;31m |", "\u202eabc", "<script>\x07</script>", "![img](x \"\x1b[2J\")",
	} {
		f.Add(seed, 40)
	}
	r := New(&content.Guide{})
	f.Fuzz(func(t *testing.T, body string, width int) {
		if len(body) > 4096 {
			return // glamour is slow on huge inputs; content files are validated and size-limited anyway
		}
		out := r.Markdown(body, width%300, Style{Dark, termenv.ANSI256})
		onlySGR(t, out)
	})
}

// A page's sources line ends with one mark: no "." after a source that
// ends a sentence (issue 11: `improve skin?".`).
func TestSourcesLineEndsOnce(t *testing.T) {
	g := shipped(t)
	questions := 0
	for _, p := range g.All() {
		footer := Footer(g, p)
		line := footer[strings.LastIndex(footer, "\n")+1:]
		if strings.HasSuffix(line, `?"*`) {
			questions++
		}
		if strings.HasSuffix(line, `?".*`) || strings.HasSuffix(line, "..*") {
			t.Errorf("%s: %q", p.ID, line)
		}
	}
	if questions == 0 {
		t.Error("no shipped page ends its sources with a question: the test tests nothing")
	}
	plain := &content.Page{Sources: []string{"NHS: Microneedling"}}
	if got := SourcesLine(g, plain); got != "*Based on: NHS: Microneedling.*" {
		t.Errorf("a plain source ends with a full stop: %q", got)
	}
}
