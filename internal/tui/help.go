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
	top    int // the first line of the full help shown; see full
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
// "…" does not fit. It draws what help.Model's ShortHelpView draws, with
// the styles' sequences worked out once: the bar is in every frame.
func (h helpModel) bar(keys helpKeys, w int) string {
	s := h.styles
	sepWidth := ansiWidth(h.bubble.ShortSeparator)
	var b strings.Builder
	used := 0
	for _, k := range keys.ShortHelp() {
		if !k.Enabled() {
			continue
		}
		n := ansiWidth(k.Help().Key) + 1 + ansiWidth(k.Help().Desc)
		if used > 0 {
			n += sepWidth
		}
		if used+n > w {
			break
		}
		if used > 0 {
			b.WriteString(s.HelpSep.inline(h.bubble.ShortSeparator))
		}
		b.WriteString(s.HelpKey.inline(k.Help().Key))
		b.WriteByte(' ')
		b.WriteString(s.HelpDesc.inline(k.Help().Desc))
		used += n
	}
	return truncate(b.String(), w)
}

// full lists every key of a screen in w x hgt cells, from line h.top on.
// Columns go side by side when they fit, otherwise one under another.
// When the list is longer than the window, "▲ More above" and "▼ More
// below" say so, and the arrows, PgUp/PgDn, Home/End, the wheel and a
// touch on those lines scroll it (see scroll).
func (h helpModel) full(keys helpKeys, w, hgt int) []string {
	s := h.styles
	lines, left, cw := h.lines(keys, w)
	from, to, above, below := helpWindow(len(lines), hgt, h.top)
	var out []string
	if above {
		out = append(out, s.Button.Render(" "+h.txt.HelpAbove+" "))
	}
	out = append(out, lines[from:to]...)
	if below {
		out = append(out, s.Button.Render(" "+h.txt.HelpBelow+" "))
	}
	return indent(fitLines(out, cw, hgt), left)
}

// lines are every line of the full help, before the window cuts them, with
// the column they are drawn in.
func (h helpModel) lines(keys helpKeys, w int) (lines []string, left, cw int) {
	s := h.styles
	left, cw = column(w-4, 80)
	left += 2
	lines = []string{"", s.Heading.Render(h.txt.HelpTitle), ""}
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
	if lines[len(lines)-1] != "" {
		lines = append(lines, "")
	}
	return append(lines, s.Dim.Render(h.txt.HelpClose)), left, cw
}

// helpWindow is the part of n lines of help shown in hgt rows from line
// top (kept in range): lines[from:to], with a row for "▲ More above" and
// one for "▼ More below" when there is more that way.
func helpWindow(n, hgt, top int) (from, to int, above, below bool) {
	if n <= hgt || hgt < 3 {
		return 0, min(n, max(hgt, 0)), false, false
	}
	top = max(0, min(top, n-(hgt-1)))
	above = top > 0
	rows := hgt
	if above {
		rows--
	}
	if top+rows < n {
		below = true
		rows--
	}
	return top, top + rows, above, below
}

// scrollable reports whether the help is longer than its window.
func (h helpModel) scrollable(keys helpKeys, w, hgt int) bool {
	lines, _, _ := h.lines(keys, w)
	return len(lines) > hgt
}

// scroll moves the window by delta lines, kept in range.
func (h helpModel) scroll(keys helpKeys, w, hgt, delta int) helpModel {
	lines, _, _ := h.lines(keys, w)
	from, _, _, _ := helpWindow(len(lines), hgt, h.top)
	h.top = from + delta
	if from, _, _, _ = helpWindow(len(lines), hgt, h.top); from != h.top {
		h.top = from
	}
	return h
}

// cueAt tells whether body row y is "▲ More above" (-1) or "▼ More below"
// (1), for a touch; 0 otherwise.
func (h helpModel) cueAt(keys helpKeys, w, hgt, y int) int {
	lines, _, _ := h.lines(keys, w)
	from, to, above, below := helpWindow(len(lines), hgt, h.top)
	switch {
	case above && y == 0:
		return -1
	case below && y == to-from+btoi(above):
		return 1
	}
	return 0
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
