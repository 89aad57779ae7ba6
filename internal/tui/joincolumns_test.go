package tui

import (
	"strings"
	"testing"
)

// joinColumns is the left line padded to its width, the separator and the
// right line, with the spaces at the end dropped.
func TestJoinColumns(t *testing.T) {
	left := []string{"", "short", "exactly ten", "a line much longer than the column", "\x1b[1mbold\x1b[0m", "日本語", "trailing   "}
	right := []string{"", "r", "  r  ", "\x1b[2mdim\x1b[0m   "}
	for _, lw := range []int{0, 1, 5, 10, 20} {
		for _, sep := range []string{"", " │ ", "  "} {
			got := joinColumns(left, lw, sep, right)
			if len(got) != len(left) {
				t.Fatalf("%d lines for %d", len(got), len(left))
			}
			for i, l := range left {
				r := ""
				if i < len(right) {
					r = right[i]
				}
				if want := strings.TrimRight(pad(l, lw)+sep+r, " "); got[i] != want {
					t.Errorf("lw %d sep %q line %d: %q, want %q", lw, sep, i, got[i], want)
				}
			}
		}
	}
	if got := joinColumns([]string{"a"}, 3, "|", []string{"b", "c"}); len(got) != 2 || got[1] != "   |c" {
		t.Errorf("right longer than left: %q", got)
	}
}
