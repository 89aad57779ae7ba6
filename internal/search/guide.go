package search

import "github.com/skinguide/skinguide/internal/content"

// ForGuide makes the index of a whole guide: every page, matched in the
// guide's language with its synonyms, and its warning signs leading to
// When to call us.
func ForGuide(g *content.Guide) *Index {
	return NewWith(g.All(), Options{
		Lang:     g.Lang,
		Synonyms: g.Synonyms,
		Signs:    guideSigns(g),
		Safety:   content.PageCallUs,
	})
}

// guideSigns is the guide's warning-signs data as search needs it.
func guideSigns(g *content.Guide) []Sign {
	if g.Signs == nil {
		return nil
	}
	return g.Signs.Signs
}
