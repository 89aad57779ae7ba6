package content

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/skinguide/skinguide/internal/readability"
)

// Limits of the style checks. The readability limit depends on the page's
// language: Flesch-Kincaid grade 8 or below for English, INFLESZ 55 or
// above for Spanish (see internal/readability).
const (
	MaxGrade       = readability.MaxGrade
	MaxReviewedAge = 24 // months
)

// Lint runs the style checks that are warnings rather than errors:
// readability, with the formula of the guide's language, and review age.
// A reviewed date in the future is an error.
func Lint(g *Guide, now time.Time) Problems {
	var ps Problems
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	stale := today.AddDate(0, -MaxReviewedAge, 0)
	rule := readability.RuleFor(g.Lang)
	for _, p := range g.All() {
		if ok, why := rule.Check(pageStats(p, rule)); !ok {
			ps = append(ps, Problem{File: p.Path, Line: p.BodyLine, Severity: Warning,
				Msg: why + ": use shorter sentences and everyday words"})
		}
		ps = append(ps, lintHelp(p)...)
		ps = append(ps, lintClaims(p, g.Lang)...)
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

// Phrases that say when to get help outside the warning-signs data, and
// a citation that speaks for a whole health service.
var (
	helpInProse = regexp.MustCompile(`(?i)\b(911|999|112)\b|emergency services|call an ambulance`)
	nhsSays     = regexp.MustCompile(`(?i)\bthe NHS (says|recommends|advises)`)
)

// lintHelp warns about a page that lists emergency numbers in its own
// words (when to get help is said once, in warning-signs.yaml, so that
// no two pages can disagree) or says "the NHS says" for one hospital
// trust's leaflet.
func lintHelp(p *Page) Problems {
	var ps Problems
	body := p.RawBody
	if body == "" {
		body = p.Body
	}
	for i, line := range strings.Split(body, "\n") {
		n := p.BodyLine + i
		if helpInProse.MatchString(line) {
			ps = append(ps, Problem{File: p.Path, Line: n, Severity: Warning,
				Msg: fmt.Sprintf("emergency advice belongs in %s: put %s here instead of listing it", SignsFile, SignsDirective)})
		}
		if nhsSays.MatchString(line) {
			ps = append(ps, Problem{File: p.Path, Line: n, Severity: Warning,
				Msg: "name the source (the NHS trust's leaflet by name), not \"the NHS says\""})
		}
	}
	for i, src := range p.Sources {
		if nhsSays.MatchString(src) || strings.EqualFold(strings.TrimSpace(src), "NHS") {
			ps = append(ps, Problem{File: p.Path, Line: p.Line(fmt.Sprintf("sources#%d", i)), Severity: Warning,
				Msg: "name the source (the NHS trust's leaflet by name), not \"the NHS\""})
		}
	}
	return ps
}

// overclaim is a phrase the fact sheet forbids, with what to say instead.
type overclaim struct {
	re  *regexp.Regexp
	msg string
}

// overclaims lists, per language, what the guide must never claim: no
// downtime (redness can last days), full results (results vary), a sterile
// room (the needles are sterile, the room is not), and a lower price than
// other treatments (one clinic's sales claim).
func overclaims(lang string) []overclaim {
	switch lang {
	case "en":
		return []overclaim{
			{regexp.MustCompile(`(?i)\bno (down ?time|recovery time)\b`), `never say "no downtime": most people go back to normal activities the next day, and redness can last 2 to 3 days`},
			{regexp.MustCompile(`(?i)\bfull (results|effects?)\b`), `never promise "full results": say what many people notice, and that results vary`},
			{regexp.MustCompile(`(?i)\bsterile (room|conditions|environment|setting)s?\b`), `do not call the room sterile: the needles are sterile and single-use, and the skin is cleaned first`},
			{regexp.MustCompile(`(?i)\b(cheaper|costs? less|less expensive|more cost[- ]effective) than\b`), `do not say it costs less than other treatments: the cost varies by clinic, area and sessions`},
		}
	case "es":
		return []overclaim{
			{regexp.MustCompile(`(?i)\bsin (tiempo de (inactividad|recuperación|baja)|baja)\b`), `no diga "sin tiempo de recuperación": la mayoría vuelve a su vida normal al día siguiente, y la rojez puede durar de 2 a 3 días`},
			{regexp.MustCompile(`(?i)\b(resultados?|efectos?) (completos?|totales?)\b`), `no prometa "resultados completos": diga lo que notan muchas personas, y que los resultados varían`},
			{regexp.MustCompile(`(?i)\b(sala|condiciones|ambiente|entorno)s? estéril(es)?\b`), `no diga que la sala es estéril: las agujas son estériles y de un solo uso, y se limpia la piel antes`},
			{regexp.MustCompile(`(?i)\b(más barat[oa]s?|cuesta menos|más económic[oa]s?) que\b`), `no diga que cuesta menos que otros tratamientos: el precio varía según la clínica, la zona y las sesiones`},
		}
	}
	return nil
}

// lintClaims warns about a page (its title, fact line or body) that claims
// more than the fact sheet allows.
func lintClaims(p *Page, lang string) Problems {
	rules := overclaims(lang)
	if len(rules) == 0 {
		return nil
	}
	var ps Problems
	check := func(line int, text string) {
		for _, r := range rules {
			if r.re.MatchString(text) {
				ps = append(ps, Problem{File: p.Path, Line: line, Severity: Warning, Msg: r.msg})
			}
		}
	}
	check(p.Line("title"), p.Title)
	check(p.Line("fact"), p.Fact)
	check(p.Line("summary"), p.Summary)
	body := p.RawBody
	if body == "" {
		body = p.Body
	}
	for i, line := range strings.Split(body, "\n") {
		check(p.BodyLine+i, line)
	}
	return ps
}

// Grade is the Flesch-Kincaid grade of a page's prose: its paragraphs, list
// items and headings, each counted as ending a sentence.
func Grade(p *Page) float64 {
	return pageStats(p, readability.RuleFor("en")).Grade()
}

// Readability is a page's score by its language's rule (Flesch-Kincaid
// grade for English, INFLESZ for Spanish).
func Readability(p *Page, lang string) float64 {
	rule := readability.RuleFor(lang)
	return rule.Score(pageStats(p, rule))
}

// pageStats counts a page's prose: its paragraphs, list items and headings,
// each counted as ending a sentence.
func pageStats(p *Page, rule readability.Rule) readability.Stats {
	st := rule.Stats()
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
	return st
}
