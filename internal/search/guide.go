package search

import "github.com/skinguide/skinguide/internal/content"

// ForGuide makes the index of a whole guide: every page, matched in the
// guide's language with its synonyms, and its warning signs leading to
// When to call us on the days they apply.
func ForGuide(g *content.Guide) *Index {
	opts := Options{
		Lang:     g.Lang,
		Synonyms: g.Synonyms,
		Signs:    guideSigns(g),
		Safety:   content.PageCallUs,
	}
	if g.UI != nil {
		opts.Days = g.UI.Dates().DayNamed
	}
	return NewWith(g.All(), opts)
}

// guideSigns is the guide's warning-signs data as search needs it.
func guideSigns(g *content.Guide) []Sign {
	if g.Signs == nil {
		return nil
	}
	return g.Signs.Signs
}
