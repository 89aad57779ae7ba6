package search

import (
	"slices"
	"testing"

	"github.com/skinguide/skinguide/internal/content"
)

// An exception matters only if a keyword of its sign can be inside it or
// overlap it in a query; CheckSigns warns, at its line, about one that
// cannot.
func TestCheckSigns(t *testing.T) {
	g := &content.Guide{Lang: "en",
		Synonyms: &content.Synonyms{Same: []content.SynonymGroup{{Words: []string{"swelling", "swollen"}}}, Ignore: []string{"i", "the", "of", "a"}},
		Signs: &content.Signs{Path: "en/warning-signs.yaml", Signs: []content.Sign{{
			ID: "eye", Keywords: []string{"can't see", "sight", "swollen lips"}, KeywordsNow: []string{"hurts so much"},
			Except: []string{
				"see any difference", // overlaps the end of "can't see"
				"out of sight",       // holds "sight"
				"sights",             // another form of it
				"lips swelling",      // overlaps the end of "swollen lips"
				"swelling",           // inside "swollen lips", by a synonym
				"it hurts so much more than laser",
				"i can't",           // overlaps the start of "can't see"
				"results take time", // holds no keyword: a warning
				"seen",              // nor does this ("seen" is not a form of "see" to the stemmer)
			},
			ExceptLines: []int{10, 11, 12, 13, 14, 15, 16, 17, 18},
		}}},
	}
	var got []int
	for _, p := range CheckSigns(g) {
		if p.File != "en/warning-signs.yaml" || p.Severity != content.Warning {
			t.Errorf("problem %v", p)
		}
		got = append(got, p.Line)
	}
	if want := []int{17, 18}; !slices.Equal(got, want) {
		t.Errorf("warnings at lines %v, want %v: %v", got, want, CheckSigns(g))
	}
}
