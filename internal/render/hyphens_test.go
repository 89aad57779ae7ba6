package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// Hyphenated words wrap like any other word: no line past the width, and
// no word left alone on a line when the next one would have fitted.
func TestHyphenatedWordsWrap(t *testing.T) {
	r := New(nil)
	para := "Call your clinic today. If it is closed or cannot see you, call its after-hours line, your own doctor or urgent care. In the UK you can call NHS 111 or 555-0199-22 at a well-known drop-in."
	md := para + "\n\n- " + para + "\n- A short one-liner.\n"
	for _, theme := range Themes() {
		for w := 30; w <= 100; w++ {
			out := r.Markdown(md, w, Style{Theme: theme, Profile: termenv.Ascii})
			lines := strings.Split(out, "\n")
			for i, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Fatalf("%v width %d: line %d is %d wide: %q", theme, w, i, ansi.StringWidth(l), l)
				}
				// Greedy wrapping: the next line's first word did not fit here.
				if i+1 < len(lines) && strings.TrimSpace(l) != "" && strings.TrimSpace(lines[i+1]) != "" {
					next := strings.Fields(lines[i+1])[0]
					if strings.HasPrefix(strings.TrimSpace(lines[i+1]), "•") {
						continue
					}
					if ansi.StringWidth(strings.TrimRight(l, " "))+1+ansi.StringWidth(next) <= w-2 {
						t.Fatalf("%v width %d: %q would have fitted after %q", theme, w, next, l)
					}
				}
			}
			if !strings.Contains(strings.Join(strings.Fields(out), " "), "after-hours line") || strings.ContainsRune(out, heldHyphen) {
				t.Fatalf("the hyphens did not come back:\n%s", out)
			}
		}
	}
}

func TestHoldHyphensKeepsMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"- item\n---\n| a | b |\n|---|---|": "- item\n---\n| a | b |\n|---|---|",
		"after-hours -x x- 555-0199":        "after\u2011hours -x x- 555\u20110199",
	} {
		if got := holdHyphens(in); got != want {
			t.Errorf("holdHyphens(%q) = %q, want %q", in, got, want)
		}
	}
}
