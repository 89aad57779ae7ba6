package search

import (
	"testing"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
)

// A symptom the patient says they do not have names nothing: "no fever"
// must not tell them to call an emergency number. A symptom stated with
// a negation ("can't breathe", "not getting better", "no veo", "fever
// won't go down") still names its sign.
func TestNegatedSymptoms(t *testing.T) {
	checkNamesNothing(t, "en", "no fever", "I have no fever", "without a fever", "no temperature",
		"i don't have a fever", "i dont have a fever", "I haven't had a fever", "no fever or chills",
		"no fever and no chills", "no pus", "not infected", "no sign of infection", "no signs of infection",
		"no blisters", "no swollen lips", "no rash", "no hives", "i don't feel very unwell",
		"not getting worse", "it isn't getting worse", "no severe pain", "the pain is not unbearable",
		"no dark patches", "no trouble swallowing", "no chest pain", "without shivering",
		"no trouble breathing", "no problem breathing", "no problems breathing", "no difficulty breathing", "i have no trouble breathing",
		"no shortness of breath", "not short of breath")
	checkNamesNothing(t, "es", "sin fiebre", "no tengo fiebre", "no hay fiebre", "sin fiebre ni escalofríos",
		"no tengo fiebre ni escalofríos", "sin fiebre o escalofríos", "no tengo pus", "no hay signos de infección",
		"no me siento muy mal", "no me falta el aire", "no tengo sarpullido", "sin ronchas", "no empeora",
		"no se extiende", "no tengo dolor en el pecho", "no tengo mucho dolor", "no es insoportable",
		"no me cuesta respirar", "no tengo problemas para respirar", "no tengo dificultad para respirar", "no me ahogo")
	checkFirst(t, []firstCase{
		// Stated with a negation, a sign is still a sign.
		{"en", "not getting better", "getting-worse", "today", nil},
		{"en", "pain not going away", "getting-worse", "today", nil},
		{"en", "can't breathe", "breathing", "emergency", nil},
		{"en", "not breathing well", "breathing", "emergency", nil},
		{"en", "i'm not breathing properly", "breathing", "emergency", nil},
		{"en", "trouble breathing", "breathing", "emergency", nil},
		{"en", "i have trouble breathing", "breathing", "emergency", nil},
		{"en", "problems breathing", "breathing", "emergency", nil},
		{"en", "hard to breathe", "breathing", "emergency", nil},
		{"en", "cannot breathe", "breathing", "emergency", nil},
		{"en", "cant swallow", "breathing", "emergency", nil},
		{"en", "i can't swallow", "breathing", "emergency", nil},
		{"en", "trouble swallowing", "breathing", "emergency", nil},
		{"en", "fever won't go down", "fever-very-unwell", "emergency", nil},
		{"en", "my fever is not going down", "fever-very-unwell", "emergency", nil},
		{"en", "bleeding that does not stop", "bleeding", "today", nil},
		{"en", "won't stop bleeding", "bleeding", "today", nil},
		{"en", "why can't I see properly", "eye-problem", "emergency", nil},
		{"es", "no puedo respirar", "breathing", "emergency", nil},
		{"es", "no respiro bien", "breathing", "emergency", nil},
		{"es", "me cuesta respirar", "breathing", "emergency", nil},
		{"es", "tengo dificultad para respirar", "breathing", "emergency", nil},
		{"es", "tengo problemas para respirar", "breathing", "emergency", nil},
		{"es", "me ahogo", "breathing", "emergency", nil},
		{"es", "no puedo tragar", "breathing", "emergency", nil},
		{"es", "me cuesta tragar", "breathing", "emergency", nil},
		{"es", "no veo", "eye-problem", "emergency", nil},
		{"es", "no me baja la fiebre", "fever-very-unwell", "emergency", nil},
		{"es", "no ha bajado la fiebre", "fever-very-unwell", "emergency", nil},
		{"es", "no mejora", "getting-worse", "today", nil},
		{"es", "no para de sangrar", "bleeding", "today", nil},
		// A negation reaches only its own symptom, in its own clause.
		{"en", "no fever but i can't breathe", "breathing", "emergency", nil},
		{"en", "no pain but a fever", "fever-very-unwell", "emergency", nil},
		{"en", "no, i have a fever", "fever-very-unwell", "emergency", nil},
		{"en", "no rash, fever", "fever-very-unwell", "emergency", nil},
		{"es", "no, tengo fiebre", "fever-very-unwell", "emergency", nil},
		{"es", "no sé si tengo fiebre", "fever-very-unwell", "emergency", nil},
		{"es", "no tengo fiebre pero me duele mucho", "severe-pain", "today", nil},
		// "can't ... without" is always: the second negation reaches
		// nothing.
		{"en", "can't eat without choking", "breathing", "emergency", nil},
		{"es", "no puedo comer sin ahogarme", "breathing", "emergency", nil},
	})
}

// How far a negation reaches, on a guide of its own: over the words of
// negation_skips, to one symptom or a list of them joined by those words,
// never past punctuation or a word of something else.
func TestNegationReach(t *testing.T) {
	syn := &content.Synonyms{
		Ignore:        []string{"i", "a", "have", "don", "t", "or", "and", "my", "is", "it", "if", "but"},
		NegationSkips: []string{"a", "have", "any", "or"},
	}
	ix := NewWith([]*content.Page{page("a", "Fever", "A fever. Chills. Worse.")},
		Options{Lang: "en", Synonyms: syn, Signs: testSigns})
	checkSignNamed(t, ix, []signCase{
		{"fever", "fever"},
		{"no fever", ""},
		{"i don't have a fever", ""},
		{"i don't have any fever", ""},
		{"no fever or shivering", ""},
		{"no fever and no shivering", ""},
		{"no fever and shivering", "fever-unwell"}, // "and" is not in negation_skips
		{"no, fever", "fever"},
		{"no i have a fever", "fever"}, // "i" is not in negation_skips
		{"not getting worse", ""},
		{"it is not getting worse", ""},
		{"getting worse", "infection"},
		{"can't breathe", "breathing"},
		{"can't swallow", "breathing"}, // not being able to is no negation of a symptom
		{"cannot swallow", "breathing"},
		{"couldn't swallow", "breathing"},
		{"no fever but can't breathe", "breathing"},
		{"can't eat without shivering", "fever-unwell"},
	})
}

// Every keyword of every shipped sign that does not hold a negation
// itself, said with a negation before it, names nothing. The breathing
// sign is left out: its words are in a synonyms.yaml group with "can't
// breathe" and "no puedo respirar", so "not breathing" names it, and so
// does "no trouble breathing"; better a sign too many there.
func TestNegatedKeywordsNameNothing(t *testing.T) {
	// "not seeing double" holds "can't see", "no veo mal" "no veo":
	// keywords of their own.
	skip := map[string]bool{"seeing double": true, "can barely see": true, "veo borroso": true, "veo mal": true, "veo doble": true,
		// "no para de sangrar" (it does not stop bleeding) is "no ... sangrar"
		// once "para" (for) is skipped as a small word, so "no sangra"
		// names the bleeding sign too: better a sign too many there.
		"sangrado abundante": true, "sangra muchísimo": true}
	negations := map[string][]string{"en": {"no ", "without ", "i don't have ", "not "}, "es": {"no ", "sin ", "no tengo "}}
	for _, lang := range []string{"en", "es"} {
		g, problems := content.Load(embedded.FS(), lang)
		if g == nil {
			t.Fatalf("load %s: %v", lang, problems.Err())
		}
		ix, an := ForGuide(g), newAnalyzer(lang)
		for _, s := range g.Signs.Signs {
			if s.ID == "breathing" {
				continue
			}
			for _, k := range append(append([]string{}, s.Keywords...), s.KeywordsNow...) {
				if holdsNegation(an, k) || skip[k] {
					continue
				}
				for _, n := range negations[lang] {
					if rs := ix.Find(n + k); len(rs.Signs) > 0 {
						t.Errorf("%s: Find(%q) names %v", lang, n+k, signIDs(rs.Signs))
					}
				}
			}
		}
	}
}

// holdsNegation reports whether text has a negation anywhere.
func holdsNegation(an analyzer, text string) bool {
	keys, _ := keysAndStems(an, text)
	for i, k := range keys {
		next := ""
		if i+1 < len(keys) {
			next = keys[i+1]
		}
		if an.negation(k, next) > 0 {
			return true
		}
	}
	return false
}

// Any query on the shipped guides: the warning-sign rules (negations,
// questions, clauses) never panic, and a query names no sign twice.
func FuzzShippedSigns(f *testing.F) {
	for _, q := range []string{"no fever", "i don't have a fever, or chills", "sin fiebre ni escalofríos",
		"will it affect my vision? my eyes hurt", "¿afecta a la visión?", "cant eat without choking",
		"no, tengo fiebre", "is it normal that it hurts so much", "tin cant breathe", "nott can't t t no"} {
		f.Add(q)
	}
	ix := map[string]*Index{}
	for _, lang := range []string{"en", "es"} {
		g, problems := content.Load(embedded.FS(), lang)
		if g == nil {
			f.Fatalf("load %s: %v", lang, problems.Err())
		}
		ix[lang] = ForGuide(g)
	}
	f.Fuzz(func(t *testing.T, query string) {
		for _, lang := range []string{"en", "es"} {
			seen := map[string]bool{}
			for _, s := range ix[lang].Find(query).Signs {
				if seen[s.ID] {
					t.Errorf("%s: Find(%q) names %s twice", lang, query, s.ID)
				}
				seen[s.ID] = true
			}
		}
	})
}

// The halves of "cant" share one span of the query, so a unit can start
// before the one before it ends: a phrase that ends with "can" ("tin
// can"), then "t".
func TestNegationOverSplitContraction(t *testing.T) {
	syn := &content.Synonyms{Same: []content.SynonymGroup{{Words: []string{"tin can", "tin cans"}}}}
	signs := []Sign{{ID: "s", Words: "S", Level: "today", To: content.Forever, Keywords: []string{"tin can", "t fever"}}}
	ix := NewWith([]*content.Page{page("a", "Tin", "A tin can. A fever.")}, Options{Lang: "en", Synonyms: syn, Signs: signs})
	checkSignNamed(t, ix, []signCase{{"no tin cant fever", ""}, {"tin cant fever", "s"}})
}
