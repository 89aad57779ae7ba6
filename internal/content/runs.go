package content

import (
	"bytes"
	"fmt"
	"regexp"
	"unicode/utf8"

	"github.com/skinguide/skinguide/internal/termsafe"
)

// MaxRun is the longest run of characters without a space, tab or line
// break that a content file may hold. glamour wraps one long unbroken word
// in time that grows with the square of its length (a 64 KB inline image
// took over a minute on one key), while no word or web address a patient
// reads is anywhere near this long. Only ASCII spaces, tabs and line
// breaks count as breaks: glamour does not wrap at a no-break space.
const MaxRun = 100

// IsRunBreak reports whether a byte ends a run for MaxRun.
func IsRunBreak(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// dataURI finds inline data: URIs (images or files written into the page).
var dataURI = regexp.MustCompile(`(?i)\bdata:[a-z]+/[a-z0-9.+-]+[;,]`)

// longRuns reports every run longer than MaxRun characters, and every
// inline data: URI, with its line.
func longRuns(src []byte) []termsafe.Finding {
	var out []termsafe.Finding
	line, counted := 1, 0 // line is the line of src[counted]
	// A run of more than MaxRun characters has more than MaxRun bytes. So
	// rather than look at every byte (a sixth of loading 1,000 pages),
	// look at the MaxRun+1 bytes from start, last first: text breaks every
	// few bytes, so the last break among them is found at once, and every
	// run before it is short. Without one, the run from start is long in
	// bytes and is counted in characters (an invalid byte counts as one).
	for start := 0; start+MaxRun < len(src); {
		k := start + MaxRun
		for k >= start && !IsRunBreak(src[k]) {
			k--
		}
		if k >= start {
			start = k + 1
			continue
		}
		end := start + MaxRun + 1
		for end < len(src) && !IsRunBreak(src[end]) {
			end++
		}
		if n := utf8.RuneCount(src[start:end]); n > MaxRun {
			line += bytes.Count(src[counted:start], []byte("\n"))
			counted = start
			out = append(out, termsafe.Finding{Line: line, Msg: fmt.Sprintf(
				"%d characters without a space (starting %q); the limit is %d: break up long words and web addresses, and link to images rather than putting them in the page",
				n, preview(src[start:end]), MaxRun)})
		}
		start = end + 1
	}
	if mayHaveDataURI(src) && dataURI.Match(src) {
		lineOf := 1
		last := 0
		for _, loc := range dataURI.FindAllIndex(src, -1) {
			for _, c := range src[last:loc[0]] {
				if c == '\n' {
					lineOf++
				}
			}
			last = loc[0]
			out = append(out, termsafe.Finding{Line: lineOf, Msg: "an inline data: URI; a terminal cannot show it, and it makes the page slow to draw: link to a web page instead"})
		}
	}
	return out
}

// mayHaveDataURI is a cheap test that is true whenever dataURI matches:
// every match holds "data:", its letters in either case ((?i) folds d, a
// and t only to their ASCII capitals). The regular expression is slow on
// a whole page (it was a third of loading 1,000 pages), and almost no page
// has "data:" at all.
func mayHaveDataURI(src []byte) bool {
	for i := 4; i < len(src); {
		j := bytes.IndexByte(src[i:], ':')
		if j < 0 {
			return false
		}
		i += j
		if w := src[i-4 : i]; (w[0]|0x20) == 'd' && (w[1]|0x20) == 'a' && (w[2]|0x20) == 't' && (w[3]|0x20) == 'a' {
			return true
		}
		i++
	}
	return false
}

// preview is the first few characters of a long run, for a message.
func preview(b []byte) string {
	const n = 20
	s := string(b)
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "..."
		}
		i++
	}
	return s
}
