package render

import "testing"

func TestTrimPadding(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"  text  ", "  text"},
		{"\x1b[38;5;252mtext\x1b[0m\x1b[38;5;252m \x1b[0m\x1b[38;5;252m \x1b[0m", "\x1b[38;5;252mtext\x1b[0m"},
		// A last word ending in "m" is text, not the end of a style: the
		// style before it must not be taken for one with it ("from").
		{"\x1b[38;2;208;208;208mStart sunscreen from\x1b[38;2;208;208;208m \x1b[0m\x1b[0m", "\x1b[38;2;208;208;208mStart sunscreen from\x1b[0m"},
		{"\x1b[38;5;252mthe gym\x1b[38;5;252m \x1b[0m", "\x1b[38;5;252mthe gym\x1b[0m"},
	} {
		if got := TrimPadding(c.in); got != c.want {
			t.Errorf("TrimPadding(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
