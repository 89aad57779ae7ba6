package termsafe

import (
	"encoding/binary"
	"fmt"
	"html"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestScan(t *testing.T) {
	tests := []struct {
		in   string
		line int
		want string // "" means no finding
	}{
		{"plain text\nsecond line\n", 0, ""},
		{"tab\tis fine\r\n", 0, ""},
		{"a\nb \x1b[2J", 2, "escape character"},
		{"bell \x07", 1, "control character (U+0007)"},
		{"del \x7f", 1, "control character (U+007F)"},
		{"c1 \u009b31m", 1, "control character (U+009B)"},
		{"x\n\ny \u202e z", 3, "bidirectional override (U+202E)"},
		{"isolate \u2066", 1, "bidirectional override (U+2066)"},
		{"bad \xff", 1, "invalid UTF-8"},
		{"over\rwrite", 1, "lone carriage return"},
		{"entity &#27;[2J", 1, "HTML entity &#27; stands for an escape character"},
		{"entity &#x1B;", 1, "HTML entity &#x1B; stands for an escape"},
		{"entity &#8238;", 1, "HTML entity &#8238; stands for a bidirectional override"},
		{"fine entity &#233; &amp; &#65;", 0, ""},
	}
	for _, tt := range tests {
		got := Scan([]byte(tt.in))
		if tt.want == "" {
			if len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want nothing", tt.in, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Line != tt.line || !strings.Contains(got[0].Msg, tt.want) {
			t.Errorf("Scan(%q) = %v, want line %d %q", tt.in, got, tt.line, tt.want)
		}
	}
}

func TestFilter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"\x1b[1;38;5;228mbold\x1b[0m", "\x1b[1;38;5;228mbold\x1b[0m"},
		{"a\x1b[2Jb", "ab"},
		{"a\x1b[?1049hb", "ab"},
		{"a\x1b]0;title\x07b", "ab"},
		{"a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb"},
		{"a\x1bPq#0\x1b\\b", "ab"},
		{"a\x1bcb", "ab"},
		{"a\x07\x08\x7f\u009b\u202eb", "ab"},
		{"line\r\nnext", "line\nnext"},
		{"cut \x1b[31", "cut "},
		{"tab\tok\n", "tab\tok\n"},
	}
	for _, tt := range tests {
		if got := Filter(tt.in); got != tt.want {
			t.Errorf("Filter(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Riverside\x1b[2J Clinic\u202e", "Riverside[2J Clinic"},
		{"How deep\x1b]0;PWNED\a\x1b[2J do the needles go?", "How deep]0;PWNED[2J do the needles go?"},
		{"c1 \u009b2J and \u009d0;x\u009c", "c1 2J and 0;x"},
		{"two\nlines\tand tab\r", "two lines and tab"},
		{"bad \xff byte", "bad  byte"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct{ in, want string }{
		{"How deep do the needles go?", ""},
		{"tab\tand\nnewline", ""},
		{"How deep\x1b]0;PWNED\a", "escape character"},
		{"csi \u009b2J", "control character (U+009B)"},
		{"bidi \u202e", "bidirectional override"},
		{"bell \a", "control character (U+0007)"},
		{"cr \r", "control character (U+000D)"},
		{"bad \xff", "not valid UTF-8"},
	}
	for _, tt := range tests {
		got := Check(tt.in)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("Check(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en/faq/cost.md", "en/faq/cost.md"},
		{"en/faq/caf\u00e9 au lait.md", "en/faq/caf\u00e9 au lait.md"},
		{"en/faq/\x1b]0;PWN\a.md", `"en/faq/\x1b]0;PWN\a.md"`},
		{"\x1b]0;PWN\x07", `"\x1b]0;PWN\a"`},
		{"line\nbreak", `"line\nbreak"`},
		{"bidi\u202e", `"bidi\u202e"`},
	}
	for _, tt := range tests {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFilter(f *testing.F) {
	for _, s := range []string{"\x1b[31mx", "\x1b]0;t\x07", "\x1b[", "\x1b", "a\u009bb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Filter(s)
		for i := 0; i < len(out); i++ {
			if out[i] == 0x1b {
				j := i + 2
				if i+1 >= len(out) || out[i+1] != '[' {
					t.Fatalf("non-CSI escape survived in %q", out)
				}
				for j < len(out) && (out[j] >= '0' && out[j] <= '9' || out[j] == ';' || out[j] == ':') {
					j++
				}
				if j >= len(out) || out[j] != 'm' {
					t.Fatalf("non-SGR sequence survived in %q", out)
				}
			}
		}
		if strings.ContainsFunc(out, func(r rune) bool { return Unsafe(r) && r != 0x1b || r == '\r' }) {
			t.Fatalf("control character survived in %q", out)
		}
	})
}

// Scan skips printable ASCII without decoding it and looks for entities
// only where "&#" occurs; it must find exactly what decoding every rune
// found (scanEveryRune, the code before those shortcuts).
func FuzzScanShortcuts(f *testing.F) {
	for _, seed := range []string{
		"", "plain text\n", "a\x1b[2Jb", "\r\n", "x\ry", "\xff\xfe", "caf\u00e9 \u202e", "&#27;", "&#x1b", "&#38;#27;",
		"tab\there", "\x7f", "\u0085", "ok &amp; fine", "line\n&#x202E;\n",
		"eight ok\x1b", "sixteen bytes ok\x7fand more", "0123456\x80", "a longer line of text\nand the next\tone\r\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, want := Scan(src), scanEveryRune(src)
		if !slices.Equal(got, want) {
			t.Fatalf("Scan(%q) = %v, want %v", src, got, want)
		}
	})
}

func scanEveryRune(src []byte) []Finding {
	var out []Finding
	line := 1
	for i := 0; i < len(src); {
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
	if entity.Match(src) {
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

// printable8 is true exactly when each of the eight bytes is printable
// ASCII: every byte value in every place, beside printable bytes and
// beside the edges of the range.
func TestPrintable8(t *testing.T) {
	for _, fill := range []byte{'a', 0x20, 0x7e, 0x1f, 0x7f, 0x80, 0xff, 0x00} {
		for pos := range 8 {
			for b := range 256 {
				var w [8]byte
				for i := range w {
					w[i] = fill
				}
				w[pos] = byte(b)
				want := true
				for _, c := range w {
					want = want && c >= 0x20 && c < 0x7f
				}
				if got := printable8(binary.LittleEndian.Uint64(w[:])); got != want {
					t.Fatalf("printable8(%q) = %v", w, got)
				}
			}
		}
	}
}

// checkEveryRune is Check before it skipped printable ASCII undecoded.
func checkEveryRune(s string) string {
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

// Check says what checkEveryRune says of any text.
func FuzzCheckShortcut(f *testing.F) {
	for _, seed := range []string{"", "plain", "caf\u00e9", "a\x1bb", "\xff", "ok\r", "x \u202e", "\u0085", "tab\t", "\x7f", "abc\xe2\x80"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Check(s), checkEveryRune(s); got != want {
			t.Fatalf("Check(%q) = %q, want %q", s, got, want)
		}
	})
}
