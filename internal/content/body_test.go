package content

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// nestingBound must never be below the real depth, or deep pages would
// slip past the check.
func TestNestingBoundIsAnUpperBound(t *testing.T) {
	for _, body := range []string{
		"plain\n", "> a\n> > b\n", "- a\n  - b\n    - c\n", "- - - - - - - - - x\n", "1. a\n   1) b\n",
		"> - > - > - > - > x\n", "\t- a\n\t\t- b\n", "* a\n\n  > b\n  > > c\n", strings.Repeat("> ", 12) + "x\n",
		"-not a list\n", "10. ten\n    - nested\n",
	} {
		if real, bound := realDepth(body), nestingBound(body); bound < real {
			t.Errorf("%q: bound %d below real depth %d", body, bound, real)
		}
	}
}

func FuzzNestingBound(f *testing.F) {
	f.Add("- a\n  - b\n")
	f.Add("> > - 1. x")
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 2000 {
			return
		}
		if real, bound := realDepth(body), nestingBound(body); bound < real {
			t.Fatalf("%q: bound %d below real depth %d", body, bound, real)
		}
	})
}

func realDepth(body string) int {
	src := []byte(body)
	doc := markdown.Parser().Parse(text.NewReader(src))
	deepest := 0
	var walk func(n ast.Node, d int)
	walk = func(n ast.Node, d int) {
		if n.Kind() == ast.KindBlockquote || n.Kind() == ast.KindList {
			d++
		}
		deepest = max(deepest, d)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, d)
		}
	}
	walk(doc, 0)
	return deepest
}
