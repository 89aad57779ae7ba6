package search

import (
	"fmt"
	"slices"

	"github.com/skinguide/skinguide/internal/content"
)

// CheckSigns warns about what in a guide's warning signs search can never
// use: an exception (a sign's except) that holds none of the sign's
// keywords, nor overlaps one, so that no query's keyword is ever inside
// it. Its words would have to hold one ("see any difference" holds the
// "see" of "can't see"); word forms and synonyms.yaml's groups count, as
// they do in a search.
func CheckSigns(g *content.Guide) content.Problems {
	if g == nil || g.Signs == nil {
		return nil
	}
	an := newAnalyzer(g.Lang)
	syn := compileSynonyms(an, g.Synonyms)
	var ps content.Problems
	for _, s := range g.Signs.Signs {
		var kws [][]pattern
		for _, k := range slices.Concat(s.Keywords, s.KeywordsNow) {
			if us := syn.units(an, k); len(us) > 0 {
				kws = append(kws, us)
			}
		}
		for i, e := range s.Except {
			eu := syn.units(an, e)
			if slices.ContainsFunc(kws, func(k []pattern) bool { return syn.overlap(k, eu) }) {
				continue
			}
			line := s.Line
			if i < len(s.ExceptLines) {
				line = s.ExceptLines[i]
			}
			ps = append(ps, content.Problem{File: g.Signs.Path, Line: line, Severity: content.Warning,
				Msg: fmt.Sprintf("except %q holds none of the keywords of sign %q: it never keeps a search from naming the sign", e, s.ID)})
		}
	}
	return ps
}

// overlap reports whether a keyword and an exception can overlap in a
// query: placed somewhere against each other, they share at least one
// unit and agree on every unit they share.
func (syn *synonyms) overlap(kw, except []pattern) bool {
	for d := -(len(except) - 1); d < len(kw); d++ {
		from, to := max(0, d), min(len(kw), d+len(except))
		if from < to && !anyIndex(to-from, func(j int) bool { return !syn.sameUnit(kw[from+j], except[from+j-d]) }) {
			return true
		}
	}
	return false
}

// sameUnit reports whether two units can match the same word of a query:
// they are the same, or in one group of synonyms.yaml's same.
func (syn *synonyms) sameUnit(a, b pattern) bool {
	if slices.Equal(a, b) {
		return true
	}
	ga, okA := syn.groupOf[a.String()]
	gb, okB := syn.groupOf[b.String()]
	return okA && okB && ga == gb
}
