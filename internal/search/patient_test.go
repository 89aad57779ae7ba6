package search

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/skinguide/skinguide/internal/content"
)

// patientIndex is the shipped guide as the app searches it, with the
// stand-in warning signs when the guide has none of its own.
func patientIndex(t testing.TB) (*Index, []Sign) {
	t.Helper()
	g := shippedGuide(t)
	signs := guideSigns(g)
	if len(signs) == 0 {
		signs = testSigns
	}
	return NewWith(g.All(), Options{Lang: g.Lang, Synonyms: g.Synonyms, Signs: signs, Safety: content.PageCallUs}), signs
}

// What worried patients type, and the page that must come first. Where
// several pages answer equally well, any of them may lead.
func TestPatientQueries(t *testing.T) {
	ix, _ := patientIndex(t)
	flaking := []string{"washing-and-moisturising", "what-is-normal", "day-2", "day-3", "days-4-5"}
	tests := []struct {
		query     string
		first     []string
		level     string // the level of the first sign named; "" for none, "any" for any level
		corrected string
	}{
		{"breathe", []string{"call-us"}, "emergency", ""},
		{"breathing", []string{"call-us"}, "emergency", ""},
		{"can't breathe", []string{"call-us"}, "emergency", ""},
		{"I can’t breathe", []string{"call-us"}, "emergency", ""},
		{"fever", []string{"call-us"}, "any", ""},
		{"cold sore", []string{"call-us"}, "any", ""},
		{"pus", []string{"call-us"}, "any", ""},
		{"make-up", []string{"makeup"}, "", ""},
		{"make up", []string{"makeup"}, "", ""},
		{"makeup tomorrow", []string{"makeup"}, "", ""},
		{"can I wear makeup tomorrow", []string{"makeup"}, "", ""},
		{"scab", flaking, "", ""},
		{"crust", flaking, "", ""},
		{"alcohol", []string{"products-to-avoid"}, "", ""},
		{"tomorrow", []string{"day-1"}, "", ""},
		{"retnol", []string{"products-to-avoid"}, "", "retinol"},
		{"retinol", []string{"products-to-avoid"}, "", ""},
		{"sunscreen", []string{"sun-protection"}, "", ""},
		{"sun cream", []string{"sun-protection"}, "", ""},
		{"sunscren", []string{"sun-protection"}, "", "sunscreen"},
		{"moisturize", []string{"washing-and-moisturising"}, "", ""},
		{"sauna", []string{"exercise-and-heat"}, "", ""},
		// Contractions typed without their apostrophe mean what they do
		// with it: never "Showing results for can breathe".
		{"cant breathe", []string{"call-us"}, "emergency", ""},
		{"I cant breathe", []string{"call-us"}, "emergency", ""},
		{"cant breath", []string{"call-us"}, "emergency", ""},
		{"cant swallow", []string{"call-us"}, "emergency", ""},
		{"couldnt breathe", []string{"call-us"}, "emergency", ""},
		{"dont stop bleeding", []string{"call-us"}, "today", ""},
		{"wont stop bleeding", []string{"call-us"}, "today", ""},
		{"bleeding wont stop", []string{"call-us"}, "today", ""},
		{"doesnt stop bleeding", []string{"call-us"}, "today", ""},
		{"it isnt getting better", []string{"call-us"}, "today", ""},
		{"it isn't getting better", []string{"call-us"}, "today", ""},
		{"swolen tounge", []string{"call-us"}, "emergency", "swollen tounge"},
		// A typo beside one: the correction keeps the patient's words.
		{"I cant brethe", []string{"call-us"}, "emergency", "I cant breathe"},
		{"bleding wont stop", []string{"call-us"}, "today", "bleeding wont stop"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rs := ix.Find(tt.query)
			if len(rs.Items) == 0 {
				t.Fatalf("Find(%q) found nothing", tt.query)
			}
			got := rs.Items[0].Page.ID
			if !slices.Contains(tt.first, got) {
				t.Errorf("Find(%q) leads with %s, want one of %v (all: %v)", tt.query, got, tt.first, ids(rs.Items))
			}
			level := ""
			if len(rs.Signs) > 0 {
				level = rs.Signs[0].Level
			}
			if level != tt.level && !(tt.level == "any" && level != "") {
				t.Errorf("Find(%q) names a sign of level %q, want %q (%v)", tt.query, level, tt.level, rs.Signs)
			}
			if (tt.level != "") != rs.Items[0].Safety {
				t.Errorf("Find(%q): first result Safety = %v", tt.query, rs.Items[0].Safety)
			}
			if rs.Correction != tt.corrected {
				t.Errorf("Find(%q) corrected to %q, want %q", tt.query, rs.Correction, tt.corrected)
			}
			rs.Snippets(0, len(rs.Items), 60)
			for _, r := range rs.Items {
				checkResult(t, tt.query, 60, r)
			}
		})
	}
}

// Every warning sign, in its own words or by any of its keywords, leads
// with When to call us and names the sign.
func TestEverySignLeadsWithCallUs(t *testing.T) {
	ix, signs := patientIndex(t)
	for _, s := range signs {
		for _, q := range slices.Concat([]string{s.Words}, s.Keywords, s.KeywordsNow) {
			rs := ix.Find(q)
			if len(rs.Items) == 0 || rs.Items[0].Page.ID != content.PageCallUs || !rs.Items[0].Safety {
				t.Errorf("sign %s: Find(%q) = %v, want call-us first", s.ID, q, ids(rs.Items))
				continue
			}
			if !slices.ContainsFunc(rs.Signs, func(m Sign) bool { return m.ID == s.ID }) {
				t.Errorf("sign %s: Find(%q) names %v, not the sign", s.ID, q, rs.Signs)
			}
			for i := 1; i < len(rs.Signs); i++ {
				if content.Rank(rs.Signs[i].Level) < content.Rank(rs.Signs[i-1].Level) {
					t.Errorf("Find(%q): signs not most urgent first: %v", q, rs.Signs)
				}
			}
		}
	}
}

// Everyday words that also appear in a sign's words must not raise it:
// "skin" is in "blue, grey or very pale lips or skin".
func TestNoFalseAlarms(t *testing.T) {
	ix, _ := patientIndex(t)
	for _, q := range []string{"skin", "sun", "day", "treatment", "makeup", "retinol", "sauna", "s", "sw", "swal", "fev", "area", "very", "after", "the", "a", "face", "numbing", "acne",
		// Normal healing and everyday questions: no alarm.
		"red", "redness", "swelling", "itchy", "itching", "warm", "pain", "scars", "acne scars", "eye", "eyes", "neck", "bumps", "lines", "blood", "pale"} {
		if rs := ix.Find(q); len(rs.Signs) > 0 || len(rs.Items) > 0 && rs.Items[0].Safety {
			t.Errorf("Find(%q) names signs %v", q, rs.Signs)
		}
	}
}

func TestWordForms(t *testing.T) {
	ix := New([]*content.Page{
		page("breath", "Air", "Trouble breathing is an emergency."),
		page("swell", "Puffiness", "Some swelling is normal."),
		page("peel", "Flakes", "Your skin may peel on day 3."),
	})
	tests := []struct {
		query string
		want  []string
	}{
		{"breathe", []string{"breath"}},
		{"breath", []string{"breath"}},
		{"breathes", []string{"breath"}},
		{"swell", []string{"swell"}},
		{"swells", []string{"swell"}},
		{"peeling", []string{"peel"}},
		{"peeled", []string{"peel"}},
		{"emergencies", []string{"breath"}},
	}
	for _, tt := range tests {
		if got := ids(ix.Search(tt.query, 40)); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
	rs := ix.Search("breathe", 40)
	if got := marked(rs[0]); !slices.Equal(got, []string{"breathing"}) {
		t.Errorf("breathe marks %q, want the whole word breathing", got)
	}
}

func TestSynonyms(t *testing.T) {
	syn := &content.Synonyms{
		Same: []content.SynonymGroup{{Words: []string{"makeup", "make-up"}}, {Words: []string{"scab", "crust"}},
			{Words: []string{"breathing", "can't breathe"}}},
		Also:   []content.SynonymLink{{From: "tomorrow", To: []string{"day 1"}}, {From: "scab", To: []string{"flaking"}}},
		Ignore: []string{"i", "can", "t", "my"},
	}
	ix := NewWith([]*content.Page{
		page("makeup", "Makeup", "No makeup for a day."),
		page("ukmakeup", "Cosmetics", "No make-up for a day."),
		page("day-1", "Day 1", "Skin calms down."),
		page("flakes", "Flakes", "Flaking is normal. A crust may form."),
		page("breath", "Air", "Trouble breathing is an emergency."),
		page("days", "Days", "Day 2 and day 10 are not day one."),
	}, Options{Synonyms: syn})
	tests := []struct {
		query string
		want  []string
		marks []string // of the first result
	}{
		{"makeup", []string{"makeup", "ukmakeup"}, []string{"makeup"}},
		{"make-up", []string{"makeup", "ukmakeup"}, []string{"makeup"}},
		{"make up", []string{"makeup", "ukmakeup"}, []string{"makeup"}},
		{"tomorrow", []string{"day-1"}, nil},
		{"makeup tomorrow", nil, nil},
		{"scab", []string{"flakes"}, []string{"Flaking", "crust"}},
		{"crust", []string{"flakes"}, []string{"crust"}}, // the word typed leads the snippet
		{"I can't breathe", []string{"breath"}, []string{"breathing"}},
		{"my makeup", []string{"makeup", "ukmakeup"}, []string{"makeup"}},
		{"my", nil, nil}, // only small words: searched for after all
	}
	for _, tt := range tests {
		rs := ix.Search(tt.query, 60)
		if got := ids(rs); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			continue
		}
		if len(rs) > 0 && !slices.Equal(marked(rs[0]), tt.marks) {
			t.Errorf("Search(%q) marks %q in %q, want %q", tt.query, marked(rs[0]), rs[0].Snippet, tt.marks)
		}
	}
}

func TestTypos(t *testing.T) {
	ix := New([]*content.Page{
		page("retinol", "Creams", "Stop retinol for 3 days."),
		page("sunscreen", "Sun", "Wear sunscreen every day."),
		page("sun", "Shade", "Stay in the shade and avoid the sun."),
		page("tomorrow", "Later", "Tomorrow your skin is calmer."),
		page("near", "Near", "A tomorow typo in the text."),
	})
	tests := []struct {
		query, corrected string
		want             []string
	}{
		{"retnol", "retinol", []string{"retinol"}},       // 6 letters: one edit
		{"rtenol", "", nil},                              // two edits is too many for 6 letters
		{"retinlo", "retinol", []string{"retinol"}},      // swapped letters are one edit
		{"sunscren", "sunscreen", []string{"sunscreen"}}, // 8 letters: two edits allowed
		{"snscren", "", nil},                             // 7 letters, two edits
		{"sunscrn", "", nil},                             // 7 letters, two edits
		{"shda", "", nil},                                // 4 letters, but a swap plus a change is two
		{"shdae", "shade", []string{"sun"}},
		{"snu", "", nil}, // 3 letters: no typos
		{"retnol sunscreen", "", nil},
		{"retnol stop", "retinol stop", []string{"retinol"}},
		// The word exists: no correction, even when a nearer one is common.
		{"tomorow", "", []string{"near"}},
		// Two edits from tomorrow, one from tomorow: the nearer ranks first.
		{"tomorroe", "tomorrow", []string{"tomorrow", "near"}},
	}
	for _, tt := range tests {
		rs := ix.Find(tt.query)
		if got := ids(rs.Items); !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q) = %v, want %v", tt.query, got, tt.want)
		}
		if rs.Correction != tt.corrected {
			t.Errorf("Find(%q) corrected to %q, want %q", tt.query, rs.Correction, tt.corrected)
		}
	}
	rs := ix.Search("retnol", 40)
	if got := marked(rs[0]); !slices.Equal(got, []string{"retinol"}) {
		t.Errorf("retnol marks %q, want retinol", got)
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"retnol", "retinol", 2, 1},
		{"retinol", "retinol", 2, 0},
		{"ab", "ba", 2, 1},
		{"abc", "xyz", 1, 2}, // more than the limit: limit+1
		{"crème", "creme", 2, 1},
		{"", "abc", 5, 3},
		{"sunscren", "sunscreen", 2, 1},
		{strings.Repeat("a", 40), strings.Repeat("a", 40), 2, 0},
		{strings.Repeat("a", 40), strings.Repeat("a", 39) + "b", 2, 3},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

func TestSpanish(t *testing.T) {
	ix := NewWith([]*content.Page{
		page("sol", "Protección solar", "Use protector solar cada día. Evite el sol."),
		page("respirar", "Cuándo llamar", "Si le cuesta respirar, llame al 112."),
		page("mañana", "Mañana", "Mañana la piel estará más calmada."),
	}, Options{Lang: "es"})
	tests := []struct {
		query string
		want  []string
	}{
		{"proteccion", []string{"sol"}},
		{"protección", []string{"sol"}},
		{"PROTECCIÓN", []string{"sol"}},
		{"cuando", []string{"respirar"}},
		{"respiración", []string{"respirar"}}, // word forms, in Spanish
		{"manana", []string{"mañana"}},
		{"calmado", []string{"mañana"}},
	}
	for _, tt := range tests {
		rs := ix.Search(tt.query, 40)
		if got := ids(rs); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
		for _, r := range rs {
			checkResult(t, tt.query, 40, r)
			if len(r.Marks) == 0 && r.Page.ID == "respirar" && tt.query != "cuando" {
				t.Errorf("Search(%q) marks nothing in %q", tt.query, r.Snippet)
			}
		}
	}
}

func TestDidYouMean(t *testing.T) {
	ix, _ := patientIndex(t)
	tests := []struct {
		query string
		want  []string // among the suggestions
	}{
		{"snscrxxn", []string{"sunscreen"}}, // three edits: not corrected, but offered
		{"rettinnoll", []string{"retinol"}},
		{"collagn retinol", nil}, // a typo, corrected: results
		{"zzzzzz", nil},
	}
	for _, tt := range tests {
		rs := ix.Find(tt.query)
		if tt.want == nil {
			if len(rs.DidYouMean) > 0 && len(rs.Items) > 0 {
				t.Errorf("Find(%q) has results and suggestions %v", tt.query, rs.DidYouMean)
			}
			continue
		}
		if len(rs.Items) > 0 {
			t.Errorf("Find(%q) = %v, want nothing", tt.query, ids(rs.Items))
		}
		for _, w := range tt.want {
			if !slices.Contains(rs.DidYouMean, w) {
				t.Errorf("Find(%q) suggests %v, want %q among them", tt.query, rs.DidYouMean, w)
			}
		}
	}
	// Words that each find pages, but no page has both: offered alone.
	rs := ix.Find("sauna pregnancy")
	if len(rs.Items) == 0 {
		if !slices.Equal(rs.DidYouMean, []string{"sauna", "pregnancy"}) {
			t.Errorf("sauna pregnancy: suggests %v", rs.DidYouMean)
		}
	}
}

// Find makes no snippets; Snippets makes only the rows asked for.
func TestSnippetsOnlyForRows(t *testing.T) {
	ix, _ := patientIndex(t)
	rs := ix.Find("sun")
	if len(rs.Items) < 5 {
		t.Fatalf("only %d results", len(rs.Items))
	}
	for _, r := range rs.Items {
		if r.Snippet != "" || r.Marks != nil {
			t.Fatalf("Find made a snippet for %s", r.Page.ID)
		}
	}
	rs.Snippets(1, 3, 50)
	for i, r := range rs.Items {
		if (r.Snippet != "") != (i >= 1 && i < 3) {
			t.Errorf("row %d: snippet %q", i, r.Snippet)
		}
	}
	rs.Snippets(-5, 1000, 50) // clamped
	var zero Results
	zero.Snippets(0, 10, 50)
}

// Snippets of the shipped pages never end with punctuation twice: a cut
// after a sentence needs no "…", and one after a comma or colon drops it
// (issue 11: snippets ended ".…").
func TestSnippetsEndCleanly(t *testing.T) {
	ix, _ := patientIndex(t)
	doubled := regexp.MustCompile(`[.!?,;:][.!?,;:…]$`)
	for _, q := range strings.Fields("sun redness retinol makeup wash results day how skin") {
		rs := ix.Find(q)
		for w := 20; w <= 110; w += 3 {
			rs.Snippets(0, len(rs.Items), w)
			for _, it := range rs.Items {
				if doubled.MatchString(it.Snippet) {
					t.Errorf("%q at %d, %s: %q", q, w, it.Page.ID, it.Snippet)
				}
			}
		}
	}
}

// A contraction typed without its apostrophe, or with a typographic one,
// finds exactly what it finds with one.
func TestContractionsWithoutApostrophe(t *testing.T) {
	ix, _ := patientIndex(t)
	for _, q := range []string{"can't breathe", "don't stop bleeding", "won't stop bleeding", "it isn't getting better", "doesn't stop bleeding", "didn't heal", "shouldn't hurt", "wasn't expecting this", "aren't normal", "haven't healed", "couldn't breathe"} {
		want := ix.Find(q)
		for _, other := range []string{strings.ReplaceAll(q, "'", ""), strings.ReplaceAll(q, "'", "’")} {
			got := ix.Find(other)
			if !slices.Equal(ids(got.Items), ids(want.Items)) || !slices.EqualFunc(got.Signs, want.Signs, func(a, b Sign) bool { return a.ID == b.ID }) {
				t.Errorf("Find(%q) = %v %v, want what Find(%q) finds: %v %v", other, ids(got.Items), got.Signs, q, ids(want.Items), want.Signs)
			}
			if got.Correction != "" || len(got.DidYouMean) > 0 {
				t.Errorf("Find(%q) corrects to %q, offers %v", other, got.Correction, got.DidYouMean)
			}
		}
	}
}

// Typo correction never adds or drops a negation: not "can" for "cant",
// "does" for "doesn", "should" for "shouldnt", nor "note" for "nott".
func TestTyposKeepNegation(t *testing.T) {
	ix := NewWith([]*content.Page{
		page("a", "Can you", "You can do it. Does it work? Take a note. Should you? It will, he won. Nothing is known. Never mind. Not now."),
	}, Options{Lang: "en"})
	ix.Prepare()
	d := ix.d
	for _, w := range []string{"cant", "doesn", "doesnt", "shouldnt", "wont", "isnt", "wasnt", "nott", "cnat", "nevr", "nothng", "knot"} {
		tm := &term{typed: w, prefix: w, pat: pattern{d.an.stemOf(w)}}
		d.resolve(tm)
		if tm.fixed != "" {
			t.Errorf("%q corrected to %q", w, tm.fixed)
		}
		if ns := d.nearest(w, 3); len(ns) > 0 {
			t.Errorf("%q: did you mean %v?", w, ns)
		}
	}
	// Words near no negation are still corrected.
	if rs := ix.Find("shuld"); rs.Correction != "should" {
		t.Errorf("Find(shuld) corrected to %q, want should", rs.Correction)
	}
}
