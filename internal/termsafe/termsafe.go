// Package termsafe keeps untrusted text from controlling the terminal: it
// finds dangerous characters in content files, and filters rendered output
// so that only colour and style sequences (SGR) reach the screen.
package termsafe

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Finding is one unsafe character or sequence, with its 1-based line.
type Finding struct {
	Line int
	Msg  string
}

// Unsafe reports whether a rune must never come from a content file:
// C0 and C1 control characters other than tab and newline, DEL, and the
// bidirectional overrides and isolates that can make text read differently
// from how it is stored.
func Unsafe(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func name(r rune) string {
	switch {
	case r == 0x1b:
		return "an escape character (U+001B), which can control the terminal"
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return fmt.Sprintf("a bidirectional override (U+%04X), which can hide what the text says", r)
	}
	return fmt.Sprintf("a control character (U+%04X)", r)
}

var entity = regexp.MustCompile(`&#([xX][0-9a-fA-F]+|[0-9]+);?`)

// Scan reports invalid UTF-8, control characters, escape sequences,
// bidirectional overrides and HTML entities that decode to any of them.
func Scan(src []byte) []Finding {
	var out []Finding
	line := 1
	for i := 0; i < len(src); {
		// Printable ASCII, most of any page: eight bytes at a time while
		// they all are, then a byte at a time.
		for i+8 <= len(src) && printable8(binary.LittleEndian.Uint64(src[i:])) {
			i += 8
		}
		if i == len(src) {
			break
		}
		if c := src[i]; c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			out = append(out, Finding{line, fmt.Sprintf("invalid UTF-8 (byte 0x%02x): save the file as UTF-8", src[i])})
		case r == '\n':
			line++
		case r == '\r' && (i+1 >= len(src) || src[i+1] != '\n'):
			out = append(out, Finding{line, "a lone carriage return (U+000D), which can overwrite text on screen"})
		case Unsafe(r):
			out = append(out, Finding{line, "contains " + name(r)})
		}
		i += size
	}
	if bytes.Contains(src, []byte("&#")) && entity.Match(src) {
		for n, l := range strings.Split(string(src), "\n") {
			for _, m := range entity.FindAllString(l, -1) {
				dec := html.UnescapeString(strings.TrimSuffix(m, ";") + ";")
				r, _ := utf8.DecodeRuneInString(dec)
				if Unsafe(r) || r == '\r' {
					out = append(out, Finding{n + 1, fmt.Sprintf("HTML entity %s stands for %s", m, name(r))})
				}
			}
		}
	}
	return out
}

// printable8 reports whether the eight bytes of w are all printable ASCII
// (0x20 to 0x7e). A byte under 0x20 borrows into its top bit when 0x20
// is taken from it (a byte of 0x80 or more is caught by its own top bit,
// and a borrow only ever follows a byte that is caught); a byte of 0x7f
// or more has its top bit set, or gets it when one is added.
func printable8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return ((w-0x20*ones)&^w|(w+ones)|w)&highs == 0
}

// Clean makes a short piece of untrusted text (a title, a section or rail
// label, a search result, a clinic name) safe to draw on one line: unsafe
// runes and invalid UTF-8 are removed, and line breaks and tabs become
// spaces. It is the one function every such text passes through before it
// reaches the terminal, whatever checked it before.
func Clean(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return Unsafe(r) || r == '\r' || r == '\n' || r == '\t' || r == utf8.RuneError }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case Unsafe(r) || r == '\r' || r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
}

// Filter keeps only SGR (colour and style) escape sequences, newlines and
// tabs from rendered output. Every other escape sequence - cursor moves,
// screen clears, title changes, OSC hyperlinks, device queries - and every
// other control character is dropped.
func Filter(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return Unsafe(r) || r == '\r' }) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			n, keep := escapeLen(s[i:])
			if keep {
				b.WriteString(s[i : i+n])
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(Unsafe(r) || r == '\r') && !(r == utf8.RuneError && size == 1) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// escapeLen returns the length of the escape sequence at the start of s and
// whether it is an SGR sequence (ESC [ params m) that may be kept.
func escapeLen(s string) (int, bool) {
	if len(s) < 2 {
		return len(s), false
	}
	switch s[1] {
	case '[': // CSI: parameters and intermediates, then a final byte 0x40-0x7e
		for j := 2; j < len(s); j++ {
			c := s[j]
			if c >= 0x40 && c <= 0x7e {
				return j + 1, c == 'm' && sgrParams(s[2:j])
			}
			if c < 0x20 || c > 0x3f {
				return j, false // malformed: drop what we saw
			}
		}
		return len(s), false
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: up to BEL or ST
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1, false
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2, false
			}
		}
		return len(s), false
	}
	return 2, false
}

func sgrParams(p string) bool {
	for i := 0; i < len(p); i++ {
		if (p[i] < '0' || p[i] > '9') && p[i] != ';' && p[i] != ':' {
			return false
		}
	}
	return true
}

// Check returns why a piece of decoded text (a YAML string, a config value)
// may not be shown, or "" when it may. It is as strict as Scan is for a
// file's bytes: a YAML escape such as "\e" or "\u009b" decodes to the very
// characters Scan refuses in raw text.
func Check(s string) string {
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		i++ // printable ASCII, most of any text: nothing to decode
	}
	s = s[i:]
	if !utf8.ValidString(s) {
		return "is not valid UTF-8"
	}
	for _, r := range s {
		if Unsafe(r) || r == '\r' {
			return "contains " + name(r)
		}
	}
	return ""
}

// Quote returns a name taken from outside (a file name, a config key) fit
// for a one-line message: as it is when it is plain printable text, else
// quoted Go-style, so an escape sequence in a name shows as \x1b rather
// than acting on the terminal.
func Quote(s string) string {
	for _, r := range s {
		if r == utf8.RuneError || Unsafe(r) || !unicode.IsPrint(r) || r == '"' {
			return strconv.Quote(s)
		}
	}
	return s
}
