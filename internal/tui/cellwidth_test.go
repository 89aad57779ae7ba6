package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func FuzzCellWidth(f *testing.F) {
	for _, s := range []string{
		"", "abc", "\x1b[38;5;252mhello\x1b[0m", "日本語", "e\u0301", "a\x1b[1mé", "\x1b[", "\x1b[12", "\x1b]8;;x\x07y",
		"• item", "‹ Day 2 ›", "👍🏽 ok", "tab\there", "\x1b[38;2;1;2;3mrgb\x1b[m",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Fatalf("cellWidth(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	})
}

// Every rune narrowRune accepts is one cell alone, next to ASCII and next
// to another: exactly what ansi.StringWidth says.
func TestNarrowRunes(t *testing.T) {
	for r := rune(0x80); r < 0x3000; r++ {
		if !narrowRune(r) {
			continue
		}
		c := string(r)
		for _, s := range []string{c, "a" + c, c + "a", c + c, "\x1b[1m" + c + "\x1b[0m"} {
			if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
				t.Errorf("cellWidth(%q) = %d, ansi.StringWidth = %d", s, got, want)
			}
		}
	}
}
