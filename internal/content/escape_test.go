package content

import (
	"strings"
	"testing"
)

// escapeMarkdownRuneByRune is EscapeMarkdown as it was first written: the
// reference for the faster one.
func escapeMarkdownRuneByRune(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// EscapeMarkdown's quick paths give what escaping rune by rune gives, on
// any bytes (text that is not UTF-8 included).
func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range []string{"", "Call 555-0199", "a*b_c", "\\`*_[]<>#|", "día *ñ*", "\xe2\x80*", "\xff", "ok\xc3", "#1 [x](y) <b>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := EscapeMarkdown(s), escapeMarkdownRuneByRune(s); got != want {
			t.Fatalf("EscapeMarkdown(%q) = %q, want %q", s, got, want)
		}
		var b strings.Builder
		writeSigns(&b, []Sign{{Words: s}})
		if got, want := b.String(), "- "+escapeMarkdownRuneByRune(sentence(s))+"\n\n"; got != want {
			t.Fatalf("writeSigns(%q) = %q, want %q", s, got, want)
		}
	})
}
