package render

import (
	"strconv"
	"strings"
)

// TrimPadding removes trailing spaces and the style sequences around them
// from a line (glamour pads every line to its wrap width), as long as none of those sequences sets a background colour
// (then the spaces are visible). A reset ends a line that keeps styles.
func TrimPadding(s string) string {
	end := len(s)
	for end > 0 {
		if s[end-1] == ' ' {
			end--
			continue
		}
		if s[end-1] != 'm' {
			break
		}
		j := strings.LastIndex(s[:end], "\x1b[")
		if j < 0 || !plainSGR(s[j+2:end-1]) {
			break
		}
		end = j
	}
	if end == len(s) {
		return s
	}
	out := s[:end]
	if strings.Contains(out, "\x1b[") {
		out += "\x1b[0m"
	}
	return out
}

// plainSGR reports whether SGR parameters are valid and set no background
// (and no reverse video, which would show one).
func plainSGR(params string) bool {
	if params == "" {
		return true
	}
	if strings.Trim(params, "0123456789;:") != "" {
		return false // not a style: text that ends in "m" ("from"), back to an earlier style
	}
	codes := strings.FieldsFunc(params, func(r rune) bool { return r == ';' || r == ':' })
	for i := 0; i < len(codes); i++ {
		n, err := strconv.Atoi(codes[i])
		if err != nil {
			return false
		}
		switch {
		case n == 38: // extended foreground: skip its arguments
			if i+1 < len(codes) && codes[i+1] == "5" {
				i += 2
			} else if i+1 < len(codes) && codes[i+1] == "2" {
				i += 4
			}
		case n == 48, n >= 40 && n <= 47, n >= 100 && n <= 107,
			n == 7, n == 4, n == 9, n == 21, n == 53: // reverse and lines show on spaces too
			return false
		}
	}
	return true
}
