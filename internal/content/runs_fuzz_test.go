package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/skinguide/skinguide/internal/termsafe"
)

// The cheap test in front of the data: URI expression must never hide a
// match: whenever the expression matches, mayHaveDataURI is true.
func FuzzDataURIPrefilter(f *testing.F) {
	for _, seed := range []string{
		"", "data:", "![x](data:image/png;base64,AAAA)", "DATA:TEXT/HTML,x", "DaTa:image/svg+xml;x",
		"metadata:image/png;", "data : image/png;", "data:image/png", "x\ndata:a/b,", "data:\u212a/b;",
		"ｄata:image/png;", "a:b:c:data:x/y;",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if dataURI.Match(src) && !mayHaveDataURI(src) {
			t.Fatalf("the prefilter hides a data: URI in %q", src)
		}
	})
}

// longRuns looks at only some bytes, and counts characters only in runs
// longer than MaxRun bytes; it must find exactly what decoding every rune
// found (runsEveryRune, the count before those shortcuts).
func FuzzLongRunsShortcut(f *testing.F) {
	long := strings.Repeat("a", MaxRun+1)
	for _, seed := range []string{
		"", "short words only\n", long, strings.Repeat("é", MaxRun) + "x",
		strings.Repeat("\xff", MaxRun+2), "x\n" + strings.Repeat("ü", MaxRun+1) + " y",
		long[1:], " " + long[1:] + " ", long + "\n", "\n\n" + long + "\t" + long + "\r\n" + long[2:] + "é",
		strings.Repeat("é", MaxRun/2+1), strings.Repeat("ab ", MaxRun) + long + strings.Repeat("\n", MaxRun+2) + long,
		"\xe2\x82" + long[3:], strings.Repeat(" ", MaxRun+5),
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var got []termsafe.Finding // the runs; data: URIs are looked for as before
		for _, f := range longRuns(src) {
			if strings.Contains(f.Msg, "characters without a space") {
				got = append(got, f)
			}
		}
		want := runsEveryRune(src)
		if !slices.Equal(got, want) {
			t.Fatalf("longRuns(%q) = %v, want %v", src, got, want)
		}
	})
}

// runsEveryRune is longRuns' count of runs, decoding every rune.
func runsEveryRune(src []byte) []termsafe.Finding {
	var out []termsafe.Finding
	line, start, startLine, n := 1, 0, 1, 0
	flush := func(end int) {
		if n > MaxRun {
			out = append(out, termsafe.Finding{Line: startLine, Msg: fmt.Sprintf(
				"%d characters without a space (starting %q); the limit is %d: break up long words and web addresses, and link to images rather than putting them in the page",
				n, preview(src[start:end]), MaxRun)})
		}
		n = 0
	}
	for i := 0; i < len(src); {
		c := src[i]
		if IsRunBreak(c) {
			flush(i)
			if c == '\n' {
				line++
			}
			i++
			continue
		}
		if n == 0 {
			start, startLine = i, line
		}
		_, size := utf8.DecodeRune(src[i:])
		n++
		i += size
	}
	flush(len(src))
	return out
}
