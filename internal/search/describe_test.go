package search

import (
	"testing"

	"github.com/skinguide/skinguide/internal/content"
)

// Words of normal healing alone (red, swollen, warm, itchy, flaking
// skin) name no sign, though a sign's words hold them ("red streaks ...
// from the treated skin"): they are on none of the levels. A keyword
// still names its sign ("still red after a week").
func TestNormalHealingWordsNameNoSign(t *testing.T) {
	checkFirst(t, []firstCase{
		{"en", "red skin", "", "", nil},
		{"en", "my skin is red and warm", "", "", nil},
		{"en", "swollen red skin", "", "", nil},
		{"en", "red and swollen", "", "", nil},
		{"en", "redness warmth swelling", "", "", nil},
		{"en", "itchy flaky skin", "", "", nil},
		{"en", "treated skin is hot", "", "", nil},
		{"es", "la piel roja", "", "", nil},
		{"es", "piel roja e hinchada", "", "", nil},
		{"es", "la piel caliente", "", "", nil},
		{"es", "rojez calor hinchazón", "", "", nil},
		{"es", "piel tratada roja", "", "", nil},
		{"es", "me pica la piel y se pela", "", "", nil},
		{"en", "still red after a week", "still-red-day-7", "hours", nil},
		{"en", "red skin getting worse", "getting-worse", "today", nil},
		{"en", "red streaks from the treated skin", "red-streaks", "today", nil},
		{"es", "la piel sigue roja después de 10 días", "still-red-day-7", "hours", nil},
		{"es", "rayas rojas en la piel", "red-streaks", "today", nil},
		{"es", "la piel roja empeora", "getting-worse", "today", nil},
	})
}

// A query of only words of normal healing names no sign by the sign's
// words, only by a keyword.
func TestHealingWordsAlone(t *testing.T) {
	signs := []Sign{
		{ID: "streaks", Words: "Rayas rojas que salen de la piel tratada", Level: "today", To: content.Forever, Keywords: []string{"sigue roja"}},
	}
	syn := &content.Synonyms{
		Ignore:  []string{"me", "la", "que", "de", "el"},
		Healing: []string{"piel", "roja", "tratada"},
	}
	ix := NewWith([]*content.Page{page("a", "Rojez", "La piel roja sigue roja.")},
		Options{Lang: "es", Synonyms: syn, Signs: signs})
	tests := []struct {
		query string
		want  string
	}{
		{"la piel roja", ""},
		{"piel tratada roja", ""},
		{"rayas rojas", "streaks"},        // not only healing words
		{"la piel sigue roja", "streaks"}, // a keyword
	}
	for _, tt := range tests {
		got := ""
		if rs := ix.Find(tt.query); len(rs.Signs) > 0 {
			got = rs.Signs[0].ID
		}
		if got != tt.want {
			t.Errorf("Find(%q) names %q, want %q", tt.query, got, tt.want)
		}
	}
}

// A keyword that starts with a small word needs it right before its next
// word, though small words are skipped everywhere else: "me duele mucho"
// is pain now, "¿duele mucho?" a question before treatment.
func TestKeywordLeadingSmallWord(t *testing.T) {
	signs := []Sign{{ID: "severe", Words: "Dolor fuerte", Level: "today", To: content.Forever, Keywords: []string{"me duele mucho", "se extiende"}}}
	syn := &content.Synonyms{Ignore: []string{"me", "la", "a", "se", "lo"}}
	ix := NewWith([]*content.Page{page("a", "Dolor", "Duele mucho. Se extiende.")},
		Options{Lang: "es", Synonyms: syn, Signs: signs})
	tests := []struct {
		query string
		want  string
	}{
		{"me duele mucho", "severe"},
		{"a mí me duele mucho la cara", "severe"},
		{"la rojez se extiende", "severe"},
		{"duele mucho", ""},
		{"¿duele mucho?", ""},
		{"me va a doler mucho", ""},
		{"la rojez lo extiende", ""},
	}
	for _, tt := range tests {
		got := ""
		if rs := ix.Find(tt.query); len(rs.Signs) > 0 {
			got = rs.Signs[0].ID
		}
		if got != tt.want {
			t.Errorf("Find(%q) names %q, want %q", tt.query, got, tt.want)
		}
	}
}
