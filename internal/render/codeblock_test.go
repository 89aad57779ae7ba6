package render

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2/styles"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// TestNoStyleAsksForHighlighting holds the reason go.mod can replace
// chroma with internal/nochroma: glamour highlights a code block only when
// its style names a chroma theme or chroma colours (ansi/codeblock.go), and
// no style of ours does, so chroma is never called.
func TestNoStyleAsksForHighlighting(t *testing.T) {
	profiles := []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI, termenv.Ascii}
	for _, theme := range Themes() {
		for _, profile := range profiles {
			c := glamourStyle(Style{Theme: theme, Profile: profile}).CodeBlock
			if c.Chroma != nil || c.Theme != "" {
				t.Errorf("%v/%v: the code block style asks glamour for highlighting (theme %q, chroma %v); "+
					"chroma is replaced by a stand-in that cannot highlight (internal/nochroma)", theme, profile, c.Theme, c.Chroma != nil)
			}
		}
	}
}

// TestCodeBlocksArePlain renders a code block in every theme and profile:
// its text comes through whole, in the code block's colour, on every line.
func TestCodeBlocksArePlain(t *testing.T) {
	g, _ := pageFrom("")
	r := New(g)
	md := "Before.\n\n```go\nfunc main() { println(\"hi\") }\nx := 2 // two\n```\n\nAfter.\n"
	for _, theme := range Themes() {
		for _, profile := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI, termenv.Ascii} {
			out := ansi.Strip(r.Markdown(md, 60, Style{Theme: theme, Profile: profile}))
			for _, want := range []string{`func main() { println("hi") }`, "x := 2 // two", "Before.", "After."} {
				if !strings.Contains(out, want) {
					t.Errorf("%v/%v: %q missing from\n%s", theme, profile, want, out)
				}
			}
		}
	}
}

// TestChromaIsTheStandIn fails if go.mod's replace directive for chroma
// goes: chroma's package init (reading its embedded lexers and styles)
// cost every start 22-28 ms (docs/performance.md, "The start"). Real
// chroma's style registry holds its 70-odd built-in styles from the start;
// the stand-in's is empty.
func TestChromaIsTheStandIn(t *testing.T) {
	if n := len(styles.Registry); n != 0 {
		t.Fatalf("chroma's style registry holds %d styles at start: this is the real chroma, not internal/nochroma (see go.mod)", n)
	}
}
