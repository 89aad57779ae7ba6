package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/render"
)

// painter puts a theme's background behind a whole frame, for the themes
// that cannot trust the terminal's (light text would vanish on white, dark
// on black), with the theme's text colour on it: text drawn without a
// colour of its own would otherwise take the terminal's (white on the
// light theme's white). Every line is filled to the width, and every reset
// inside a line sets both again.
type painter struct {
	bg string // the SGR sequence of the background and text colour; "" paints nothing
}

func newPainter(pal render.Palette, profile termenv.Profile) painter {
	c := pal.Bg.For(profile)
	if c == "" {
		return painter{}
	}
	seq := profile.Color(c).Sequence(true)
	if seq == "" {
		return painter{}
	}
	if fg := pal.Text.For(profile); fg != "" {
		if f := profile.Color(fg).Sequence(false); f != "" {
			seq += ";" + f
		}
	}
	return painter{bg: "\x1b[" + seq + "m"}
}

// frame paints lines of at most width cells.
func (p painter) frame(view string, width int) string {
	if p.bg == "" || view == "" {
		return view
	}
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		l = strings.ReplaceAll(l, "\x1b[0m", "\x1b[0m"+p.bg)
		l = strings.ReplaceAll(l, "\x1b[m", "\x1b[m"+p.bg)
		lines[i] = p.bg + l + strings.Repeat(" ", max(0, width-lipgloss.Width(l))) + "\x1b[0m"
	}
	return strings.Join(lines, "\n")
}
