package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// FuzzWrapFastPath holds wrap's shortcut for text that fits on one line to
// what ansi.Wrap makes of the same text.
func FuzzWrapFastPath(f *testing.F) {
	for _, s := range []string{"", "How deep do the needles go?", "¿Duele?", "a  b ", " lead", "日本語のテキスト", "e\u0301", "\u009b31m", "tab\there", "x\x1b[1mbold", "\x8d0", "\u00a0nbsp", "\ufffd"} {
		for _, w := range []int{1, 5, 20, 80} {
			f.Add(s, w)
		}
	}
	f.Fuzz(func(t *testing.T, s string, w int) {
		if w <= 0 || w > 400 {
			return
		}
		want := strings.Split(ansi.Wrap(s, w, ""), "\n")
		if got := wrap(s, w); !slices.Equal(got, want) {
			t.Fatalf("wrap(%q, %d) = %q, ansi.Wrap gives %q", s, w, got, want)
		}
	})
}
