package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Size limits of the layout.
const (
	MinWidth  = 40 // below this (or MinHeight) only a "bigger window" line is shown
	MinHeight = 12

	readingWidth = 90  // pages never get wider than this, even on a kiosk screen
	pageMargin   = 2   // glamour's left margin: text around a page lines up with it
	splitWidth   = 100 // from this width the FAQ shows list and answer side by side
)

// chrome is the number of lines the frame takes around a screen's body:
// the header, the rule under it and the hint bar. The body starts on line
// bodyTop.
const (
	chrome  = 3
	bodyTop = 2
)

// truncate cuts a line to at most w cells, keeping escape sequences intact.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// pad fills a line with spaces up to w cells; longer lines are truncated.
func pad(s string, w int) string {
	s = truncate(s, w)
	if n := w - ansi.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// block turns text into exactly h lines of at most w cells each.
func block(s string, w, h int) []string {
	var lines []string
	if s != "" {
		lines = strings.Split(s, "\n")
	}
	return fitLines(lines, w, h)
}

// fitLines truncates lines to w cells and pads or cuts the list to h lines.
func fitLines(lines []string, w, h int) []string {
	if h <= 0 {
		return nil
	}
	out := make([]string, h)
	for i := 0; i < h && i < len(lines); i++ {
		out[i] = truncate(lines[i], w)
	}
	return out
}

// column returns the left offset and width of a text column of at most max
// cells centred in w cells.
func column(w, max int) (left, width int) {
	width = min(w, max)
	return (w - width) / 2, width
}

// indent prefixes every line with n spaces.
func indent(lines []string, n int) []string {
	if n <= 0 {
		return lines
	}
	sp := strings.Repeat(" ", n)
	out := make([]string, len(lines))
	for i, l := range lines {
		if l == "" {
			continue
		}
		out[i] = sp + l
	}
	return out
}

// wrap word-wraps plain text to w cells.
func wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	return strings.Split(ansi.Wrap(s, w, ""), "\n")
}

// joinColumns puts two blocks of lines side by side, the left one padded
// to lw cells, with a separator between them.
func joinColumns(left []string, lw int, sep string, right []string) []string {
	n := max(len(left), len(right))
	out := make([]string, n)
	for i := range n {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = strings.TrimRight(pad(l, lw)+sep+r, " ")
	}
	return out
}

func ansiWidth(s string) int { return ansi.StringWidth(s) }

// blockWidth is the width of the widest line of s.
func blockWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}
