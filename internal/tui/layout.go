package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Size limits of the layout.
const (
	MinWidth  = 40 // below this (or MinHeight) only a "bigger window" line is shown
	MinHeight = 12

	readingWidth = 90  // pages never get wider than this, even on a kiosk screen
	pageMargin   = 2   // glamour's left margin: text around a page lines up with it
	splitWidth   = 100 // from this width the FAQ shows list and answer side by side
	maxListWidth = 64  // the question list beside an answer: most questions on one line, still easy to scan
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
	if cellWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// pad fills a line with spaces up to w cells; longer lines are truncated.
func pad(s string, w int) string {
	s = truncate(s, w)
	if n := w - cellWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
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
	if fitsOneLine(s, w) {
		// Most titles and labels: ansi.Wrap would give them back as they
		// are, after a walk through its state machine (1,000 questions at
		// the first window size).
		return []string{s}
	}
	return strings.Split(ansi.Wrap(s, w, ""), "\n")
}

// fitsOneLine reports whether wrap gives s back whole: one line of valid,
// printable UTF-8 (no control characters, so no escape sequences, tabs or
// line breaks) no wider than w.
func fitsOneLine(s string, w int) bool {
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r <= 0x9f || r == utf8.RuneError {
			return false
		}
	}
	return ansi.StringWidth(s) <= w
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
		// pad(l, lw)+sep+r, built once: the split FAQ view joins every
		// line of its body at every key.
		l = truncate(l, lw)
		fill := max(0, lw-cellWidth(l))
		var b strings.Builder
		b.Grow(len(l) + fill + len(sep) + len(r))
		b.WriteString(l)
		for range fill {
			b.WriteByte(' ')
		}
		b.WriteString(sep)
		b.WriteString(r)
		out[i] = strings.TrimRight(b.String(), " ")
	}
	return out
}

func ansiWidth(s string) int { return cellWidth(s) }

// cellWidth is ansi.StringWidth with a fast path for what the app draws:
// ASCII text and SGR sequences are counted here byte by byte; anything else
// (wide or combining runes, other sequences) is measured by ansi itself.
// Every frame measures every line, so this is most of a frame's cost.
func cellWidth(s string) int {
	if !utf8.ValidString(s) {
		return ansi.StringWidth(s)
	}
	w := 0
	text := false // the byte before i was a counted ASCII character
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			n := sgrLen(s[i:])
			if n == 0 {
				return ansi.StringWidth(s)
			}
			i += n
			text = false
		case c >= 0x80:
			j := i + 1
			for j < len(s) && s[j] >= 0x80 {
				j++
			}
			if n, ok := narrowRun(s[i:j]); ok {
				w += n
				i, text = j, false
				continue
			}
			// Measure the run with its ASCII neighbours, which it may form
			// one character with (a letter and a combining accent), then
			// take back what the neighbours count on their own.
			from, to, counted := i, j, 0
			if text {
				from, counted = i-1, counted+1
			}
			if j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
				to, counted = j+1, counted+1
			}
			w += ansi.StringWidth(s[from:to]) - counted
			i, text = j, false
		case c < 0x20 || c == 0x7f:
			return ansi.StringWidth(s)
		default:
			w++
			i++
			text = true
		}
	}
	return w
}

// sgrLen is the length of the SGR sequence (ESC [ digits ; : m) at the
// start of s, or 0 if there is none.
func sgrLen(s string) int {
	if len(s) < 3 || s[1] != '[' {
		return 0
	}
	for j := 2; j < len(s); j++ {
		switch c := s[j]; {
		case c == 'm':
			return j + 1
		case (c < '0' || c > '9') && c != ';' && c != ':':
			return 0
		}
	}
	return 0
}

// blockWidth is the width of the widest line of s.
func blockWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}

// narrowRun counts the runes of a run made only of characters that are one
// cell wide and never join others into one character: the rules, arrows,
// bullets and accented letters the app draws all the time.
func narrowRun(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if !narrowRune(r) {
			return 0, false
		}
		n++
	}
	return n, true
}

func narrowRune(r rune) bool {
	switch {
	case r >= 0xa0 && r <= 0x2ff && r != 0xad: // Latin-1 and Latin Extended (not the soft hyphen)
	case r >= 0x2010 && r <= 0x2027: // dashes, quotes, bullets, "…"
	case r == 0x2039 || r == 0x203a: // "‹" and "›"
	case r >= 0x2190 && r <= 0x21ff: // arrows
	case r >= 0x2500 && r <= 0x259f: // box drawing and blocks
	case r == 0x25b2 || r == 0x25bc: // "▲" and "▼"
	default:
		return false
	}
	return true
}
