package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// glamour wraps a list item as one block of text and indents every line
// the same, so an item's second line starts under its bullet or number:
//
//   - Small spots or tiny white bumps (milia). These can appear in the first
//     week.
//
// hangItems wraps such items again so that their lines hang under the
// item's text, where a reader's eye expects the item to go on:
//
//   - Small spots or tiny white bumps (milia). These can appear in the
//     first week.
//
// limit is the widest a line may be (glamour's wrap width less the
// document's right margin). Styles that a wrapped line leaves open are
// closed at its end and opened again on the next line.
func hangItems(out string, limit int) string {
	if !strings.Contains(out, "• ") && !strings.Contains(out, ". ") {
		return out
	}
	lines := strings.Split(out, "\n")
	res := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		indent, mark, num := itemStart(ansi.Strip(lines[i]))
		j := i + 1
		for mark > 0 && j < len(lines) && continues(ansi.Strip(lines[j]), indent, num) {
			j++
		}
		hang := indent + mark
		if j == i+1 || limit-hang < 10 {
			res = append(res, lines[i])
			i++
			continue
		}
		parts := []string{TrimPadding(ansi.TruncateLeft(lines[i], hang, ""))}
		for _, l := range lines[i+1 : j] {
			parts = append(parts, TrimPadding(ansi.TruncateLeft(l, indent, "")))
		}
		wrapped := carrySGR(strings.Split(ansi.Wrap(strings.Join(parts, " "), limit-hang, ""), "\n"))
		res = append(res, ansi.Truncate(lines[i], hang, "")+wrapped[0])
		pad := strings.Repeat(" ", hang)
		for _, w := range wrapped[1:] {
			res = append(res, pad+w)
		}
		i = j
	}
	return strings.Join(res, "\n")
}

// itemStart reports the indent of a line that starts a list item, the
// width of its mark ("• " or "12. ") and its number (0 for a bullet);
// mark is 0 for any other line.
func itemStart(plain string) (indent, mark, num int) {
	plain = strings.TrimRight(plain, " ")
	indent = len(plain) - len(strings.TrimLeft(plain, " "))
	rest := plain[indent:]
	if strings.HasPrefix(rest, "• ") {
		return indent, 2, 0
	}
	d := 0
	for d < len(rest) && d < 3 && rest[d] >= '0' && rest[d] <= '9' {
		num = num*10 + int(rest[d]-'0')
		d++
	}
	if d > 0 && strings.HasPrefix(rest[d:], ". ") {
		return indent, d + 2, num
	}
	return indent, 0, 0
}

// continues reports whether a line carries on item number num (0 for a
// bullet) above it: text at exactly the item's indent that does not start
// the next item. A wrapped line may itself begin like an item ("111. ..."
// after "call NHS"): only a bullet, or the next number, starts one.
func continues(plain string, indent, num int) bool {
	if strings.TrimSpace(plain) == "" {
		return false
	}
	in, mark, n := itemStart(plain)
	if in != indent {
		return false
	}
	return mark == 0 || num > 0 && n != num+1 || num == 0 && n > 0
}

// carrySGR ends each line that leaves a style open with a reset and opens
// the same style at the start of the next line, so that a line reads the
// same wherever it is drawn (the TUI draws each line on its own).
func carrySGR(lines []string) []string {
	var open []string // SGR sequences since the last reset
	for i, l := range lines {
		if i > 0 && len(open) > 0 {
			lines[i] = strings.Join(open, "") + l
		}
		for k := 0; k < len(l); {
			start := strings.Index(l[k:], "\x1b[")
			if start < 0 {
				break
			}
			start += k
			end := strings.IndexByte(l[start:], 'm')
			if end < 0 {
				break
			}
			end += start
			if p := l[start+2 : end]; p == "" || p == "0" {
				open = open[:0]
			} else {
				open = append(open, l[start:end+1])
			}
			k = end + 1
		}
		if len(open) > 0 && i < len(lines)-1 {
			lines[i] += "\x1b[0m"
		}
	}
	if n := len(lines) - 1; len(open) > 0 {
		lines[n] += "\x1b[0m"
	}
	return lines
}
