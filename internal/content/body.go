package content

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// MaxNesting is the deepest nesting of block quotes and lists allowed.
// Deeper nesting makes glamour take seconds and megabytes to render.
const MaxNesting = 8

var markdown = goldmark.New()

// checkBody parses a page body as Markdown and checks its nesting depth and,
// for timeline steps, its four headings.
func checkBody(p *Page, report func(line int, format string, args ...any)) {
	if p.Kind != KindTimeline && nestingBound(p.Body) <= MaxNesting {
		return // cannot be too deep; skip the parse, which dominates start-up on big folders
	}
	src := []byte(p.Body)
	doc := markdown.Parser().Parse(text.NewReader(src))
	lineOf := func(n ast.Node) int {
		for ; n != nil; n = n.FirstChild() {
			if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
				return p.BodyLine + bytes.Count(src[:n.Lines().At(0).Start], []byte("\n"))
			}
		}
		return p.BodyLine
	}
	var headings []string
	var headingLines []int
	reported := false
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindList:
			depth++
			if depth > MaxNesting && !reported {
				reported = true
				report(lineOf(n), "block quotes and lists are nested %d deep here; the limit is %d", depth, MaxNesting)
				return
			}
		case ast.KindHeading:
			if h := n.(*ast.Heading); h.Level == 2 {
				headings = append(headings, strings.TrimSpace(string(plainText(n, src))))
				headingLines = append(headingLines, lineOf(n))
			}
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth)
		}
	}
	walk(doc, 0)
	if p.Kind == KindTimeline {
		p.headings, p.headingLines = headings, headingLines
	}
}

// plainText gathers the text of a node's inline children.
func plainText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(src))
				if t.SoftLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(t.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}

// checkHeadings checks that a timeline step has exactly the guide's four
// headings, in order.
func checkHeadings(p *Page, want []string, report func(line int, format string, args ...any)) {
	if len(want) == 0 {
		return
	}
	got := map[string]int{}
	for i, h := range p.headings {
		got[h] = i
		if !contains(want, h) {
			report(p.headingLines[i], "heading %q is not one of the four timeline headings (%s)", h, quoteAll(want))
		}
	}
	var missing []string
	for _, w := range want {
		if _, ok := got[w]; !ok {
			missing = append(missing, fmt.Sprintf("%q", w))
		}
	}
	if len(missing) > 0 {
		report(p.BodyLine, "missing timeline %s %s (each step needs: %s)", plural(len(missing), "heading"), strings.Join(missing, ", "), quoteAll(want))
		return
	}
	last := -1
	for _, w := range want {
		i := got[w]
		if i < last {
			report(p.headingLines[i], "heading %q is out of order (the order is: %s)", w, quoteAll(want))
			return
		}
		last = i
	}
	if len(p.headings) != len(want) {
		report(p.BodyLine, "a timeline step has exactly %d \"##\" headings; this one has %d", len(want), len(p.headings))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func quoteAll(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// nestingBound is a cheap upper bound of how deeply block quotes and lists
// nest in Markdown. A line can only open containers with markers at its
// start ("> ", "- ", "1. ") and stay inside earlier ones by indenting at
// least two columns per level, so a line's depth is at most its markers
// plus half its indentation.
func nestingBound(body string) int {
	deepest := 0
	for line := range strings.Lines(body) {
		indent, depth := 0, 0
		i := 0
	markers:
		for i < len(line) {
			switch c := line[i]; {
			case c == ' ':
				indent++
			case c == '\t':
				indent += 4
			case c == '>':
				depth++
			case c == '-' || c == '*' || c == '+':
				if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' && line[i+1] != '\n' {
					break markers
				}
				depth++
			case c >= '0' && c <= '9':
				j := i
				for j < len(line) && line[j] >= '0' && line[j] <= '9' {
					j++
				}
				if j >= len(line) || (line[j] != '.' && line[j] != ')') {
					break markers
				}
				depth++
				i = j
			default:
				break markers
			}
			i++
		}
		deepest = max(deepest, depth+indent/2)
	}
	return deepest
}
