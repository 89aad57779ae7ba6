package theme

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range Choices() {
		if got, err := Parse(string(c)); err != nil || got != c {
			t.Errorf("Parse(%q) = %q, %v", c, got, err)
		}
	}
	for _, bad := range []string{"", "Dark", "mono", "blue"} {
		_, err := Parse(bad)
		if err == nil || !strings.Contains(err.Error(), "auto, dark, light or high-contrast") {
			t.Errorf("Parse(%q): %v", bad, err)
		}
	}
}

func TestResolve(t *testing.T) {
	dark, light := func() bool { return true }, func() bool { return false }
	asked := func() bool { t.Error("only auto asks the terminal"); return true }
	for _, c := range []struct {
		t    Theme
		bg   func() bool
		want Theme
	}{
		{Auto, dark, Dark}, {Auto, light, Light}, {"", light, Light}, {Auto, nil, Dark},
		{Light, asked, Light}, {HighContrast, asked, HighContrast}, {Mono, asked, Mono},
	} {
		if got := c.t.Resolve(c.bg); got != c.want {
			t.Errorf("%q.Resolve = %q, want %q", c.t, got, c.want)
		}
	}
}
