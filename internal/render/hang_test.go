package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/race"
	"github.com/skinguide/skinguide/internal/termsafe"
)

func TestListItemsHangUnderTheirText(t *testing.T) {
	g, p := pageFrom("Intro.\n\n" +
		"- One short item.\n" +
		"- A much longer item that will surely need to wrap onto a second line at this width, maybe a third.\n" +
		"  - A nested item that is also quite long and will wrap around the edge of the screen here.\n\n" +
		"9. Ninth step that is long enough to wrap onto the next line at this width for sure.\n" +
		"10. Tenth step, long enough to wrap onto the next line at this width as well.\n\n" +
		"After the list, a paragraph long enough to wrap, which must not hang at all, not one bit.")
	got := New(g).Markdown(p.Body, 50, Plain())
	want := `  Intro.

  • One short item.
  • A much longer item that will surely need to
    wrap onto a second line at this width, maybe
    a third.
      • A nested item that is also quite long
        and will wrap around the edge of the
        screen here.


  9. Ninth step that is long enough to wrap onto
     the next line at this width for sure.
  10. Tenth step, long enough to wrap onto the
      next line at this width as well.

  After the list, a paragraph long enough to
  wrap, which must not hang at all, not one bit.`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Every shipped page, in every theme and colour form, at three widths:
// hanging the items keeps every word in order, keeps every line inside the
// width, leaves no word unstyled in colour, and leaves no item line
// starting under its bullet.
func TestHangingKeepsTextWidthAndStyle(t *testing.T) {
	race.SkipSerial(t)
	g := shipped(t)
	r := New(g)
	styles := []Style{Plain()}
	for _, th := range []Theme{Dark, Light, HighContrast} {
		for _, pr := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI} {
			styles = append(styles, Style{Theme: th, Profile: pr})
		}
	}
	for i, s := range styles {
		// Each style at one width, the widths in turn: every style and
		// every width is covered at a third of the cost (the race
		// detector's run in CI renders every page for each).
		for _, w := range []int{[]int{40, 57, 80}[i%3]} {
			gr, err := r.renderer(w, s)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range g.All() {
				raw, err := gr.tr.Render(holdHyphens(cutLongRuns(Source(g, p))))
				if err != nil {
					t.Fatal(err)
				}
				raw = termsafe.Filter(raw)
				hung := hangItems(raw, gr.limit)
				if a, b := strings.Fields(ansi.Strip(raw)), strings.Fields(ansi.Strip(hung)); !slices.Equal(a, b) {
					t.Fatalf("%s %v w%d: words changed:\n%s\n----\n%s", p.ID, s, w, ansi.Strip(raw), ansi.Strip(hung))
				}
				widest := gr.limit // glamour itself may end a line one past it on a breakpoint
				for _, l := range strings.Split(raw, "\n") {
					widest = max(widest, ansi.StringWidth(strings.TrimRight(ansi.Strip(l), " ")))
				}
				lines := strings.Split(hung, "\n")
				for i, l := range lines {
					plain := strings.TrimRight(ansi.Strip(l), " ")
					if n := ansi.StringWidth(plain); n > widest {
						t.Fatalf("%s %v w%d: line %d is %d wide (limit %d): %q", p.ID, s, w, i, n, widest, plain)
					}
					if s.Profile != termenv.Ascii && unstyledText(l) {
						t.Fatalf("%s %v w%d: line %d has text outside any style: %q", p.ID, s, w, i, l)
					}
					if i > 0 {
						in, mark, num := itemStart(ansi.Strip(lines[i-1]))
						if mark > 0 && continues(plain, in, num) {
							t.Fatalf("%s %v w%d: line %d starts under its bullet: %q", p.ID, s, w, i, plain)
						}
					}
				}
			}
		}
	}
}

// unstyledText reports whether a line shows a non-space character while no
// style is open.
func unstyledText(l string) bool {
	open := false
	for i := 0; i < len(l); i++ {
		switch {
		case l[i] == 0x1b:
			end := strings.IndexByte(l[i:], 'm')
			p := l[i+2 : i+end]
			open = p != "" && p != "0"
			i += end
		case l[i] != ' ' && !open:
			return true
		}
	}
	return false
}
