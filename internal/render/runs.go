package render

import (
	"strings"
	"unicode/utf8"

	"github.com/skinguide/skinguide/internal/content"
)

// cutLongRuns bounds glamour's cost whatever the checker let through.
// glamour wraps a long unbroken word in time that grows with the square of
// its length (64 KB took over a minute), so every run of more than
// content.MaxRun characters without a space is cut there and ends in "…".
// Content that passes `skinguide check` has no such run and is returned
// unchanged; a run that long is never readable text anyway (an inline
// image, a pasted blob).
func cutLongRuns(md string) string {
	if !hasLongRun(md) {
		return md
	}
	var b strings.Builder
	b.Grow(len(md))
	n := 0
	for i := 0; i < len(md); {
		c := md[i]
		if content.IsRunBreak(c) {
			n = 0
			b.WriteByte(c)
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(md[i:])
		n++
		switch {
		case n <= content.MaxRun:
			b.WriteString(md[i : i+size])
		case n == content.MaxRun+1:
			b.WriteString("…")
		}
		i += size
	}
	return b.String()
}

func hasLongRun(md string) bool {
	n := 0
	for i := 0; i < len(md); i++ {
		if content.IsRunBreak(md[i]) {
			n = 0
			continue
		}
		if md[i]&0xC0 != 0x80 { // count runes, not continuation bytes
			n++
		}
		if n > content.MaxRun {
			return true
		}
	}
	return false
}
