package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/race"
	"github.com/skinguide/skinguide/internal/render"
)

// Trimming glamour's padding never takes text with it: every word of every
// page, in every colour form, is on the prepared lines the pager shows. (A
// last word ending in "m", as in "sunscreen from", once made the trim take
// the style before the word for one ending there, and drop the line's
// text.)
func TestPreparedPagesKeepEveryWord(t *testing.T) {
	race.SkipSerial(t)
	g := loadGuide(t)
	r := render.New(g)
	c := newPageCache(r, defaultPageCacheBytes)
	n := 0
	for _, pr := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI} {
		for _, th := range []render.Theme{render.Dark, render.Light, render.HighContrast} {
			s := render.Style{Theme: th, Profile: pr}
			n++
			for _, w := range []int{[]int{41, 57, 76}[n%3]} { // each style at one width, in turn
				for _, p := range g.All() {
					want := strings.Fields(ansi.Strip(r.Render(p, w, s)))
					got := strings.Fields(ansi.Strip(c.get(p, w, s).text))
					if !slices.Equal(got, want) {
						t.Fatalf("%s %v w%d: the prepared page lost words:\n%s", p.ID, s, w, ansi.Strip(c.get(p, w, s).text))
					}
				}
			}
		}
	}
}
