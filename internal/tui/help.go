package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// helpModel draws the hint bar and, when asked, the full list of keys of
// the current screen.
type helpModel struct {
	styles *Styles
	txt    *texts
	bubble help.Model
}

func newHelp(styles *Styles, txt *texts) helpModel {
	b := help.New()
	b.Styles = styles.Help // help.New's colours ask the terminal; ours do not
	b.ShortSeparator = " • "
	b.FullSeparator = "    "
	return helpModel{styles: styles, txt: txt, bubble: b}
}

// bar is the one-line hint at the bottom of every screen. It keeps the
// whole hints that fit, in order, and drops the rest (all of them are in
// the full help). help.Model's own cut would let a hint overflow when its
// "…" does not fit.
func (h helpModel) bar(keys helpKeys, w int) string {
	h.bubble.Width = 0
	sep := ansiWidth(h.bubble.ShortSeparator)
	var shown []key.Binding
	used := 0
	for _, b := range keys.ShortHelp() {
		if !b.Enabled() {
			continue
		}
		n := ansiWidth(b.Help().Key) + 1 + ansiWidth(b.Help().Desc)
		if len(shown) > 0 {
			n += sep
		}
		if used+n > w {
			break
		}
		shown = append(shown, b)
		used += n
	}
	return truncate(h.bubble.ShortHelpView(shown), w)
}

// full lists every key of a screen in w x hgt cells. Columns go side by
// side when they fit, otherwise one under another.
func (h helpModel) full(keys helpKeys, w, hgt int) []string {
	s := h.styles
	left, cw := column(w-4, 80)
	left += 2
	lines := []string{"", s.Heading.Render(h.txt.HelpTitle), ""}
	h.bubble.Width = 0
	side := h.bubble.FullHelpView(keys.FullHelp())
	if blockWidth(side) <= cw {
		lines = append(lines, strings.Split(side, "\n")...)
	} else {
		for _, group := range keys.FullHelp() {
			col := h.bubble.FullHelpView([][]key.Binding{group})
			if col == "" {
				continue
			}
			lines = append(lines, strings.Split(col, "\n")...)
			lines = append(lines, "")
		}
	}
	lines = append(lines, "", s.Dim.Render(h.txt.HelpClose))
	if len(lines) > hgt {
		// Keep the way out visible even when the list is cut.
		lines = append(lines[:max(0, hgt-1)], s.Dim.Render(h.txt.HelpClose))
	}
	return indent(fitLines(lines, cw, hgt), left)
}
