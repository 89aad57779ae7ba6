package render

import (
	"strings"
	"unicode"
)

// glamour v1.0 wraps with reflow's wordwrap, which treats "-" as a place
// to break but does not count the hyphen in the line's length. Every
// hyphenated word ("after-hours", "555-0199") then makes a line one column
// too wide, and the margin writer wraps it again: a word alone on a line,
// or a bullet line one column past the edge. A hyphen inside a word is
// swapped for a non-breaking hyphen (one column, not a breakpoint) while
// glamour wraps, and swapped back after, so the text is unchanged.
const heldHyphen = '\u2011'

// holdHyphens swaps each hyphen between two letters or digits.
func holdHyphens(md string) string {
	if !strings.Contains(md, "-") {
		return md
	}
	rs := []rune(md)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '-' && isWordRune(rs[i-1]) && isWordRune(rs[i+1]) {
			rs[i] = heldHyphen
		}
	}
	return string(rs)
}

// releaseHyphens puts the hyphens back.
func releaseHyphens(out string) string {
	return strings.ReplaceAll(out, string(heldHyphen), "-")
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
