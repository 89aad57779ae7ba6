package suggest

import (
	"slices"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"day-2", "day-2", 0}, {"day-22", "day-2", 1}, {"kitten", "sitting", 3}, {"", "abc", 3}} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	ids := []string{"day-2", "day-3", "days-4-5", "makeup", "glossary"}
	if got := Closest("day-22", ids, 2); !slices.Equal(got, []string{"day-2", "day-3"}) {
		t.Errorf("Closest(day-22) = %v", got)
	}
	if got := Closest("zzzzzz", ids, 3); len(got) != 0 {
		t.Errorf("Closest(zzzzzz) = %v, want nothing", got)
	}
}
