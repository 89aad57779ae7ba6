package content

import (
	"fmt"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/skinguide/skinguide/internal/readability"
)

// Limits of the style checks.
const (
	MaxGrade       = 8.0
	MaxReviewedAge = 24 // months
)

// Lint runs the style checks that are warnings rather than errors: reading
// grade and review age. A reviewed date in the future is an error.
func Lint(g *Guide, now time.Time) Problems {
	var ps Problems
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	stale := today.AddDate(0, -MaxReviewedAge, 0)
	for _, p := range g.All() {
		if grade := Grade(p); grade > MaxGrade {
			ps = append(ps, Problem{File: p.Path, Line: p.BodyLine, Severity: Warning,
				Msg: fmt.Sprintf("reading grade %.1f is above %.0f: use shorter sentences and everyday words", grade, MaxGrade)})
		}
		switch {
		case p.Reviewed.IsZero():
		case p.Reviewed.After(today):
			ps = append(ps, Problem{File: p.Path, Line: p.Line("reviewed"), Severity: Error,
				Msg: fmt.Sprintf("reviewed date %s is in the future", p.Reviewed.Format(time.DateOnly))})
		case p.Reviewed.Before(stale):
			ps = append(ps, Problem{File: p.Path, Line: p.Line("reviewed"), Severity: Warning,
				Msg: fmt.Sprintf("last reviewed %s, more than %d months ago: check the page and update the date", p.Reviewed.Format(time.DateOnly), MaxReviewedAge)})
		}
	}
	ps.Sort()
	return ps
}

// Grade is the Flesch-Kincaid grade of a page's prose: its paragraphs, list
// items and headings, each counted as ending a sentence.
func Grade(p *Page) float64 {
	var st readability.Stats
	src := []byte(p.Body)
	doc := markdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			st.Add(string(plainText(n, src)))
			return ast.WalkSkipChildren, nil
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return st.Grade()
}
