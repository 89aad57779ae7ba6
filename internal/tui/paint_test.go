package tui

import (
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/race"
	"github.com/skinguide/skinguide/internal/render"
)

// On the themes that paint their own background, every letter has a
// colour of its own: one left to the terminal's default is white on the
// light theme's white on a dark terminal (the packed related questions
// were, issue 11's screenshots).
func TestPaintedThemesColourEveryLetter(t *testing.T) {
	race.SkipSerial(t)
	for _, theme := range []render.Theme{render.Light, render.HighContrast} {
		for _, profile := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI} {
			for _, script := range []string{"", "1 enter", "2", "/ sun", "?"} {
				opts := testOptions()
				opts.Theme, opts.Profile = theme, profile
				opts.Treated = treatedDaysAgo(2)
				m := drive(newTestModel(t, opts), size(80, 24))
				m = drive(m, keys(script)...)
				if line, col, ok := uncoloured(m.View()); !ok {
					t.Errorf("%v %v %q: line %d, column %d has no colour of its own:\n%s", theme, profile, script, line, col, plain(m.View()))
				}
			}
		}
	}
}

// uncoloured finds the first printable letter drawn while no foreground
// colour is set, following the SGR sequences of a frame.
func uncoloured(frame string) (line, col int, ok bool) {
	for ln, l := range strings.Split(frame, "\n") {
		fg := false
		c := 0
		for i := 0; i < len(l); {
			if l[i] == 0x1b && i+1 < len(l) && l[i+1] == '[' {
				j := i + 2
				for j < len(l) && (l[j] < 0x40 || l[j] > 0x7e) {
					j++
				}
				if j < len(l) && l[j] == 'm' {
					fg = sgrForeground(l[i+2:j], fg)
				}
				i = j + 1
				continue
			}
			r := []rune(l[i:])[0]
			if !unicode.IsSpace(r) && !fg {
				return ln, c, false
			}
			i += len(string(r))
			c++
		}
	}
	return 0, 0, true
}

// sgrForeground is whether a foreground colour is set after the SGR
// parameters params, given whether one was before.
func sgrForeground(params string, fg bool) bool {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		n, _ := strconv.Atoi(ps[i])
		switch {
		case ps[i] == "" || n == 0 || n == 39:
			fg = false
		case n >= 30 && n <= 37, n >= 90 && n <= 97:
			fg = true
		case n == 38:
			fg = true
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		case n == 48:
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		}
	}
	return fg
}
