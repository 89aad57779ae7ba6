package search

import (
	"slices"
	"testing"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
)

// A symptom that lasts or gets worse past normal healing leads with When
// to call us and the sign that covers it; a question about normal healing
// leads with its answer and names no sign. Sign keywords are matched as
// phrases, so "not going away" in a keyword never makes "go away" a
// warning-sign word: "when does redness go away" is a normal question.
func TestLastingOrWorseningSymptoms(t *testing.T) {
	normal := []string{"what-is-normal", "downtime", "side-effects", "day-0", "day-1", "day-2", "day-3", "days-4-5", "days-6-7"}
	sore := append([]string{"does-it-hurt", "painkillers"}, normal...)
	checkFirst(t, []firstCase{
		{"en", "pain not going away", "getting-worse", "today", nil},
		{"en", "the pain is not going away", "getting-worse", "today", nil},
		{"en", "my pain won't go away", "getting-worse", "today", nil},
		{"en", "pain isnt getting better", "getting-worse", "today", nil},
		{"en", "pain getting worse", "getting-worse", "today", nil},
		{"en", "getting worse", "getting-worse", "today", nil},
		{"en", "worse pain", "getting-worse", "today", nil},
		{"en", "hurts more", "getting-worse", "today", nil},
		{"en", "it hurts more today", "getting-worse", "today", nil},
		{"en", "pain not getting better", "getting-worse", "today", nil},
		{"en", "not getting any better", "getting-worse", "today", nil},
		{"en", "the redness is not getting any better", "getting-worse", "today", nil},
		{"en", "it's not improving", "getting-worse", "today", nil},
		{"en", "swelling isn't improving", "getting-worse", "today", nil},
		{"en", "skin hot and getting worse", "getting-worse", "today", nil},
		{"en", "still swollen after a week", "still-red-day-7", "hours", nil},
		{"en", "it's not healing", "getting-worse", "today", nil},
		{"en", "the redness is getting bigger", "getting-worse", "today", nil},
		{"en", "still puffy after a week", "still-red-day-7", "hours", nil},
		{"en", "redness not going away", "still-red-day-7", "hours", nil},
		{"en", "swelling not going down", "still-red-day-7", "hours", nil},
		{"en", "redness spreading", "redness-spreading-fast", "emergency", nil},
		{"en", "when does redness go away", "", "", []string{"what-is-normal"}},
		{"en", "how long does swelling last", "", "", []string{"what-is-normal"}},
		{"en", "when will the swelling go down", "", "", normal},
		{"en", "is it normal to peel", "", "", []string{"what-is-normal"}},
		{"en", "does it hurt", "", "", []string{"does-it-hurt"}},
		{"en", "does the numbing cream hurt", "", "", []string{"does-it-hurt", "visit-steps"}},
		{"es", "dolor que no se va", "getting-worse", "today", nil},
		{"es", "el dolor no se va", "getting-worse", "today", nil},
		{"es", "el dolor no mejora", "getting-worse", "today", nil},
		{"es", "el dolor empeora", "getting-worse", "today", nil},
		{"es", "empeora", "getting-worse", "today", nil},
		{"es", "más dolor", "getting-worse", "today", nil},
		{"es", "mas dolor", "getting-worse", "today", nil},
		{"es", "me duele más", "getting-worse", "today", nil},
		{"es", "cada vez me duele más", "getting-worse", "today", nil},
		{"es", "piel caliente y empeora", "getting-worse", "today", nil},
		{"es", "sigue hinchada después de una semana", "still-red-day-7", "hours", nil},
		{"es", "el dolor no se me quita", "getting-worse", "today", nil},
		{"es", "no se cura", "getting-worse", "today", nil},
		{"es", "la rojez se hace cada vez más grande", "getting-worse", "today", nil},
		{"es", "la rojez no se va", "still-red-day-7", "hours", nil},
		{"es", "la hinchazón no baja", "still-red-day-7", "hours", nil},
		{"es", "la rojez se extiende", "redness-spreading-fast", "emergency", nil},
		{"es", "cuándo se va la rojez", "", "", []string{"what-is-normal"}},
		{"es", "cuánto dura la hinchazón", "", "", []string{"what-is-normal"}},
		{"es", "cuándo baja la hinchazón", "", "", normal},
		{"es", "es normal que se pele", "", "", []string{"what-is-normal"}},
		{"es", "duele", "", "", []string{"does-it-hurt"}},
		{"es", "la crema anestésica duele", "", "", []string{"does-it-hurt", "visit-steps"}},
		// Pain that is still there is not pain that gets worse (facts.md:
		// tender skin is normal in the first days; pain that gets worse
		// after the first day instead of better is a sign).
		{"en", "still sore", "", "", sore},
		{"en", "still hurts", "", "", sore},
		{"en", "it still hurts", "", "", sore},
		{"en", "still sore on day 1", "", "", sore},
		{"en", "it doesn't hurt more", "", "", nil},
		{"es", "sigue doliendo", "", "", sore},
		{"es", "me sigue doliendo", "", "", sore},
		{"es", "todavía duele", "", "", sore},
		{"es", "todavia duele", "", "", sore},
	})
	// Asked before treatment, more pain is what to expect, not a sign.
	checkNamesNothing(t, "en", "does it hurt more on the forehead", "is there more pain with deeper needles",
		"is it more painful than laser", "is rf microneedling more painful", "hurts more than a laser?", "more pain than a laser?")
	checkNamesNothing(t, "es", "¿duele más en la frente?", "¿da más dolor que el láser?")
}

// A query names a sign by its words only when they are close together in
// it: "pain after treatment" is a normal question, though "eye pain ...
// after treatment near your eyes" holds its words. Signs still come first
// when the patient's words are in another order ("lips are blue").
func TestSignWordsCloseTogether(t *testing.T) {
	checkFirst(t, []firstCase{
		{"en", "pain after treatment", "", "", nil},
		{"en", "swelling after the first day", "", "", nil},
		{"en", "is it getting better", "", "", nil},
		{"en", "very painful", "severe-pain", "today", nil},
		{"en", "lips are blue", "colour-change", "emergency", nil},
		{"en", "skin is grey", "colour-change", "emergency", nil},
		{"en", "my lips are swollen", "throat-swelling", "emergency", nil},
		{"en", "pain in my chest", "heartbeat", "emergency", nil},
		{"en", "feel very unwell", "fever-very-unwell", "emergency", nil},
		{"en", "bleeding does not stop", "bleeding", "today", nil},
		{"es", "dolor después del tratamiento", "", "", nil},
		{"es", "se me hinchan los labios", "throat-swelling", "emergency", nil},
		{"es", "labios grises", "colour-change", "emergency", nil},
		{"es", "me duele el pecho", "heartbeat", "emergency", nil},
		{"es", "sangrado que no para", "bleeding", "today", nil},
	})
}

// A sign that starts on a later day than the query names is normal
// healing on that day: "still red on day 2" leads with the answer, not
// with redness still strong after about 7 days. A sign that has ended
// stays (the numbing-cream signs of days 0-1). A day after "since" names
// no day.
func TestSignsOnTheirDays(t *testing.T) {
	checkFirst(t, []firstCase{
		{"en", "is it normal to still be red on day 2", "", "", []string{"what-is-normal", "day-2"}},
		{"en", "still swollen after 3 days", "", "", nil},
		{"en", "still red after 10 days", "still-red-day-7", "hours", nil},
		{"en", "still swollen after 2 weeks", "still-red-day-7", "hours", nil},
		{"en", "pain getting worse on day 3", "getting-worse", "today", nil},
		{"en", "tingling mouth on day 3", "numbing-overdose", "emergency", nil},
		{"es", "sigue roja el día 2", "", "", nil},
		{"es", "sigue hinchada después de dos semanas", "still-red-day-7", "hours", nil},
		{"es", "me cuesta respirar el día 4", "breathing", "emergency", nil},
		// "since day 1" is not today: it may be day 10.
		{"en", "still red since day 1", "still-red-day-7", "hours", nil},
		{"es", "sigue roja desde el día 1", "still-red-day-7", "hours", nil},
	})
}

// firstCase is a query and what must lead its results.
type firstCase struct {
	lang, query string
	sign        string   // the first sign named, "" for none
	level       string   // its level
	answer      []string // with no sign: the pages that may lead; nil for any answer
}

// checkFirst searches the shipped guide of each case's language.
func checkFirst(t *testing.T, tests []firstCase) {
	t.Helper()
	index := map[string]*Index{}
	for _, lang := range []string{"en", "es"} {
		g, problems := content.Load(embedded.FS(), lang)
		if g == nil {
			t.Fatalf("load %s: %v", lang, problems.Err())
		}
		index[lang] = ForGuide(g)
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.query, func(t *testing.T) {
			rs := index[tt.lang].Find(tt.query)
			if len(rs.Items) == 0 {
				t.Fatalf("Find(%q) found nothing", tt.query)
			}
			first := rs.Items[0]
			if tt.sign == "" {
				if len(rs.Signs) > 0 || first.Safety {
					t.Errorf("Find(%q) names %v above the answer", tt.query, signIDs(rs.Signs))
				}
				if tt.answer != nil && !slices.Contains(tt.answer, first.Page.ID) {
					t.Errorf("Find(%q) leads with %s, want one of %v (all: %v)", tt.query, first.Page.ID, tt.answer, ids(rs.Items))
				}
				return
			}
			if !first.Safety || first.Page.ID != content.PageCallUs {
				t.Errorf("Find(%q) leads with %s, want %s", tt.query, first.Page.ID, content.PageCallUs)
			}
			if len(rs.Signs) == 0 || rs.Signs[0].ID != tt.sign || rs.Signs[0].Level != tt.level {
				t.Errorf("Find(%q) names %v first, want %s (%s)", tt.query, signIDs(rs.Signs), tt.sign, tt.level)
			}
		})
	}
}

func signIDs(signs []Sign) []string {
	var out []string
	for _, s := range signs {
		out = append(out, s.ID+"/"+s.Level)
	}
	return out
}

// A sign's keywords are phrases: in their order, small words skipped,
// every negation read the same. Their words are not the sign's words.
func TestSignKeywordsArePhrases(t *testing.T) {
	signs := []Sign{
		{ID: "still-red", Words: "Redness that is still strong after 7 days", Level: "hours", To: content.Forever,
			Keywords: []string{"redness not going away"}},
		{ID: "breathing", Words: "Trouble breathing", Level: "emergency", To: content.Forever, Keywords: []string{"can't breathe"}},
	}
	syn := &content.Synonyms{Ignore: []string{"does", "when", "is", "my", "the", "i", "t", "won", "isn", "can"}}
	ix := NewWith([]*content.Page{page("red", "Redness", "Redness fades and goes away. You can breathe.")},
		Options{Lang: "en", Synonyms: syn, Signs: signs})
	tests := []signCase{
		{"redness not going away", "still-red"},
		{"my redness is not going away", "still-red"},
		{"the redness isn't going away", "still-red"},
		{"redness won't go away", "still-red"},
		{"redness wont go away", "still-red"},
		{"when does redness go away", ""},
		{"redness going away", ""},
		{"not going away redness", ""},        // not the keyword's order
		{"redness still strong", "still-red"}, // the sign's own words, in any order
		{"i can't breathe", "breathing"},
		{"i cannot breathe", "breathing"},
		{"i can breathe", ""},
	}
	checkSignNamed(t, ix, tests)
}

// Whatever a patient types and whatever a content editor writes, a query
// that is a sign's keyword names the sign, and search does not fail.
func FuzzSignKeywords(f *testing.F) {
	f.Add("redness not going away", "redness isn't going away", "Redness that lasts")
	f.Add("can't breathe", "i cant breathe", "Trouble breathing")
	f.Add("no se va", "dolor que no se va", "Rojez")
	f.Add("won't t t", "nott", "")
	f.Fuzz(func(t *testing.T, keyword, query, words string) {
		syn := &content.Synonyms{
			Same:   []content.SynonymGroup{{Words: []string{"not going away", "won't go away"}}, {Words: []string{"swelling", "swollen"}}},
			Ignore: []string{"the", "is", "t", "won", "isn", "can", "my"},
		}
		ix := NewWith([]*content.Page{page("a", "Redness", "Redness goes away. "+words)},
			Options{Lang: "en", Synonyms: syn, Signs: []Sign{{ID: "s", Words: words, Level: "today", To: content.Forever, Keywords: []string{keyword}}}})
		ix.Find(query)
		ix.Prepare()
		if len(ix.d.signs[0].keywords) == 0 {
			return // only small words: no keyword
		}
		if rs := ix.Find(keyword); len(rs.Signs) == 0 {
			t.Errorf("Find(%q), the keyword itself, names no sign", keyword)
		}
	})
}

// signCase is a query and the sign it must name first ("" for none).
type signCase struct{ query, want string }

// checkSignNamed searches ix for each query and compares the first sign
// it names.
func checkSignNamed(t *testing.T, ix *Index, tests []signCase) {
	t.Helper()
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
