package search

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
)

func page(id, title, body string, keywords ...string) *content.Page {
	return &content.Page{ID: id, Title: title, Body: body, Keywords: keywords}
}

func ids(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Page.ID
	}
	return out
}

// checkResult holds every result to the promises Search makes about
// snippets and marks, whatever the query.
func checkResult(t *testing.T, query string, width int, r Result) {
	t.Helper()
	s := r.Snippet
	if !utf8.ValidString(s) {
		t.Errorf("%q: snippet %q is not valid UTF-8", query, s)
	}
	for _, c := range s {
		if c == '\n' || unicode.IsControl(c) || !unicode.IsPrint(c) {
			t.Errorf("%q: snippet %q holds %U", query, s, c)
		}
	}
	if w := ansi.StringWidth(s); w > max(width, 0) {
		t.Errorf("%q: snippet %q is %d cells, more than %d", query, s, w, width)
	}
	last := 0
	for _, m := range r.Marks {
		if m[0] < last || m[0] >= m[1] || m[1] > len(s) {
			t.Errorf("%q: mark %v out of order or outside snippet %q (%d bytes)", query, m, s, len(s))
			return
		}
		if !utf8.RuneStart(s[m[0]]) || m[1] < len(s) && !utf8.RuneStart(s[m[1]]) {
			t.Errorf("%q: mark %v splits a rune in %q", query, m, s)
		}
		last = m[1]
	}
}

// marked returns the highlighted parts of a snippet.
func marked(r Result) []string {
	var out []string
	for _, m := range r.Marks {
		out = append(out, r.Snippet[m[0]:m[1]])
	}
	return out
}

func TestRanking(t *testing.T) {
	pages := []*content.Page{
		page("body-once", "Caring for your skin", "Skip retinol for a while."),
		page("keyword", "Which creams to stop", "Some creams can sting.", "retinol"),
		page("body-twice", "Vitamins", "Retinol is vitamin A. Retinol can sting."),
		page("title", "Can I use retinol?", "Not for 3 days."),
		page("none", "Sun", "Wear sunscreen."),
		page("title-too", "Retinol and acids", "Wait 3 days.", "retinol"),
		page("body-once-later", "Other products", "Retinol: wait."),
	}
	ix := New(pages)
	tests := []struct {
		query string
		want  []string
	}{
		// Title first (more hits first), then keywords, then body by hits,
		// then the original order.
		{"retinol", []string{"title-too", "title", "keyword", "body-twice", "body-once", "body-once-later"}},
		{"RETINOL", []string{"title-too", "title", "keyword", "body-twice", "body-once", "body-once-later"}},
		{"  retinol  ", []string{"title-too", "title", "keyword", "body-twice", "body-once", "body-once-later"}},
		// Every word must match somewhere; a word in the title outranks the
		// same hits in the body.
		{"retinol sting", []string{"keyword", "body-twice"}},
		{"retinol days", []string{"title-too", "title"}}, // equal tiers and fields: more hits first
		{"wait retinol", []string{"title-too", "body-once-later"}},
		{"sun", []string{"none"}},
		{"retinol sun", nil},
		{"zzz", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rs := ix.Search(tt.query, 60)
			if got := ids(rs); !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			}
			for _, r := range rs {
				checkResult(t, tt.query, 60, r)
			}
		})
	}

	rs := ix.Search("retinol", 60)
	wantTitle := map[string]bool{"title": true, "title-too": true}
	for _, r := range rs {
		if r.InTitle != wantTitle[r.Page.ID] {
			t.Errorf("%s: InTitle = %v", r.Page.ID, r.InTitle)
		}
	}
	hits := map[string]int{"title-too": 2, "title": 1, "keyword": 1, "body-twice": 2, "body-once": 1, "body-once-later": 1}
	for _, r := range rs {
		if r.Hits != hits[r.Page.ID] {
			t.Errorf("%s: Hits = %d, want %d", r.Page.ID, r.Hits, hits[r.Page.ID])
		}
	}
}

// A word found only in another form than typed ranks after the word
// itself: a title that holds it so ranks as keywords do, and among equal
// pages the ones with the patient's own word come first. "peeling" is the
// skin's, "peels" a treatment.
func TestTypedFormFirst(t *testing.T) {
	ix := New([]*content.Page{
		page("peels", "Chemical peels and lasers", "Peels use acids."),
		page("flaking", "Days 4-5", "Your skin may flake.", "peeling"),
		page("flaking-body", "Day 3", "Some peeling is normal."),
	})
	tests := []struct {
		query string
		want  []string
	}{
		{"peeling", []string{"flaking", "peels", "flaking-body"}},
		{"peels", []string{"peels", "flaking", "flaking-body"}},
		{"peel", []string{"peels", "flaking", "flaking-body"}},
	}
	for _, tt := range tests {
		if got := ids(ix.Search(tt.query, 60)); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestMatching(t *testing.T) {
	pages := []*content.Page{
		page("retinol", "Creams", "Stop retinol for 3 days. Re-start slowly.", "Retin-A"),
		page("heat", "Heat", "No saunas, steam rooms or hot tubs for 48 to 72 hours."),
		page("french", "Soins", "Évitez le soleil. Crème légère après le traitement."),
		page("japanese", "日焼け止め", "毎日日焼け止めを使ってください。"),
		page("markdown", "Format", "## Heading here\n\n**Bold** words, a [link](https://example.com/x) and `code span`.\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n| cell | other |\n"),
	}
	ix := New(pages)
	tests := []struct {
		query string
		want  []string
	}{
		{"retin", []string{"retinol"}}, // a prefix finds the word
		{"retinol", []string{"retinol"}},
		{"retin-a", []string{"retinol"}}, // split into "retin" and "a"
		{"tinol", nil},                   // not the start of a word
		{"sauna", []string{"heat"}},
		{"steam room", []string{"heat"}},
		{"steam sauna hours", []string{"heat"}},
		{"steam retinol", nil},
		{"48", []string{"heat"}},
		{"évitez", []string{"french"}},
		{"ÉVITEZ", []string{"french"}},
		{"crème légère", []string{"french"}},
		{"creme", []string{"french"}}, // English keeps accents, but "crème" is one edit away: a typo
		{"日焼け", []string{"japanese"}},
		{"bold link", []string{"markdown"}},
		{"link", []string{"markdown"}}, // a link's label is text
		{"example", nil},               // its address is not
		{"cell", []string{"markdown"}},
		{"", nil},
		{"   ", nil},
		{"\t\n", nil},
		{"?!. ·", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rs := ix.Search(tt.query, 50)
			if got := ids(rs); !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			}
			for _, r := range rs {
				checkResult(t, tt.query, 50, r)
			}
		})
	}
	if rs := ix.Search("", 50); rs != nil {
		t.Errorf("empty query returned %v, want nil", rs)
	}
}

func TestPlainText(t *testing.T) {
	ix := New([]*content.Page{page("markdown", "Format",
		"Main message first.\n\n## Heading here\n\n**Bold** words, a [link](https://example.com/x), `code_span` and \\*stars\\* &amp; more.\n\n- item one\n- item two,\n- item three\n\n> quoted\n\n<b>raw html</b>\n")})
	ix.Prepare()
	want := "Main message first. Heading here · Bold words, a link, code_span and *stars* & more. item one · item two, item three · quoted · raw html"
	if got := ix.d.docs[0].text; !strings.HasPrefix(got, want) {
		t.Errorf("plain text\n got %q\nwant %q", got, want)
	}
}

func TestSnippet(t *testing.T) {
	long := "Your skin needs time to heal after treatment. " +
		"Keep it clean and use only gentle products for the first days. " +
		"Avoid retinol creams for at least three days, because they can sting and irritate the skin. " +
		"After that, start again slowly and watch how your skin feels each morning."
	pages := []*content.Page{
		page("long", "Aftercare", long),
		page("short", "Short", "Avoid retinol for 3 days."),
		page("title-only", "Retinol and you", "Ask your provider first. Then read the label."),
		page("early", "Early", "Retinol is a form of vitamin A that many creams contain, and it can sting fresh skin."),
		page("empty", "Retinol, empty body", ""),
		page("wide", "Wide", "日焼け止めを毎日使ってください。レチノールは三日間やめてください。日光を避けてください。", "retinol"),
		page("controls", "Controls", "Bad \x1b[31mred\x1b[0m text\u202e with \x00 retinol\ttabs\r\nand lines.\x7f"),
	}
	ix := New(pages)
	tests := []struct {
		query   string
		width   int
		id      string
		snippet string
		marks   []string
	}{
		// The hit sits in the middle of a long body: both ends are cut, at words.
		{"retinol", 40, "long", "…Avoid retinol creams for at least…", []string{"retinol"}},
		{"three", 40, "long", "…at least three days, because they can…", []string{"three"}},
		{"retinol", 60, "short", "Avoid retinol for 3 days.", []string{"retinol"}},
		{"retinol", 12, "short", "…retinol…", []string{"retinol"}}, // no room for context before the hit
		{"retinol", 16, "short", "…retinol for 3…", []string{"retinol"}},
		{"retinol", 25, "short", "Avoid retinol for 3 days.", []string{"retinol"}},
		{"retinol", 24, "short", "Avoid retinol for 3…", []string{"retinol"}},
		{"retinol", 60, "title-only", "Ask your provider first.", nil},
		{"retinol", 10, "title-only", "Ask your…", nil},
		{"retinol", 60, "empty", "", nil},
		{"retinol", 0, "short", "", nil},
		{"retinol", -5, "short", "", nil},
		{"retinol", 1, "short", "…", nil},
		{"retinol", 30, "early", "Retinol is a form of vitamin…", []string{"Retinol"}},
		{"retinol vitamin", 60, "early", "Retinol is a form of vitamin A that many creams contain…", []string{"Retinol", "vitamin"}},
		{"retinol", 20, "wide", "日焼け止めを毎日使…", nil},
		{"retinol", 40, "wide", "日焼け止めを毎日使ってください。", nil},
		{"retinol", 60, "controls", "…text with retinol tabs and lines.", []string{"retinol"}},
	}

	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d/%s", tt.query, tt.width, tt.id), func(t *testing.T) {
			var r *Result
			rs := ix.Search(tt.query, tt.width)
			for i := range rs {
				if rs[i].Page.ID == tt.id {
					r = &rs[i]
				}
				checkResult(t, tt.query, tt.width, rs[i])
			}
			if r == nil {
				t.Fatalf("Search(%q) = %v, want %s among them", tt.query, ids(rs), tt.id)
			}
			if r.Snippet != tt.snippet {
				t.Errorf("snippet\n got %q\nwant %q", r.Snippet, tt.snippet)
			}
			if got := marked(*r); !slices.Equal(got, tt.marks) {
				t.Errorf("marked %q, want %q", got, tt.marks)
			}
		})
	}
}

// Marks cover every occurrence of every query word in the snippet, and
// nothing else.
func TestMarksPointAtMatches(t *testing.T) {
	body := "Sun and sunscreen: wear sunscreen on sunny days, even when the sun hides. Unsunny? Still SUN."
	ix := New([]*content.Page{page("p", "Title", body)})
	for width := 1; width <= 100; width++ {
		rs := ix.Search("sun", width)
		if len(rs) != 1 {
			t.Fatalf("width %d: %d results", width, len(rs))
		}
		r := rs[0]
		checkResult(t, "sun", width, r)
		for _, m := range marked(r) {
			if !strings.HasPrefix(strings.ToLower(m), "sun") && !strings.HasPrefix("sun", strings.ToLower(m)) {
				t.Errorf("width %d: mark %q in %q is not the query", width, m, r.Snippet)
			}
		}
		if width == 100 {
			if want := []string{"Sun", "sun", "sun", "sun", "sun", "SUN"}; !slices.Equal(marked(r), want) {
				t.Errorf("marked %q, want %q", marked(r), want)
			}
		}
	}
}

func TestNewIsLazy(t *testing.T) {
	ix := New([]*content.Page{page("a", "A", "Some text."), nil})
	if ix.d != nil {
		t.Fatal("New prepared the index; it must leave that to Prepare or the first Search")
	}
	if rs := ix.Search("some", 40); len(rs) != 1 {
		t.Fatalf("Search = %v", ids(rs))
	}
	if ix.d == nil {
		t.Fatal("Search did not prepare the index")
	}
	var nilIndex *Index
	if rs := nilIndex.Search("some", 40); rs != nil {
		t.Fatalf("nil index returned %v", rs)
	}
}

func TestConcurrentSearch(t *testing.T) {
	g := shippedGuide(t)
	ix := New(g.All())
	var wg sync.WaitGroup
	want := ids(New(g.All()).Search("sun", 50))
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				ix.Prepare()
			}
			for range 20 {
				if got := ids(ix.Search("sun", 50)); !slices.Equal(got, want) {
					t.Errorf("concurrent search = %v, want %v", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func shippedGuide(t testing.TB) *content.Guide {
	t.Helper()
	g, problems := content.Load(embedded.FS(), "en")
	if g == nil {
		t.Fatalf("load shipped content: %v", problems.Err())
	}
	return g
}

func TestShippedContent(t *testing.T) {
	g := shippedGuide(t)
	ix := New(g.All())
	tests := []struct {
		query, want string
		within      int
	}{
		{"retinol", "products-to-avoid", 3},
		{"Retinol", "products-to-avoid", 3},
		{"retin", "products-to-avoid", 3},
		{"sauna", "exercise-and-heat", 1},
	}
	for _, tt := range tests {
		rs := ix.Search(tt.query, 60)
		got := ids(rs)
		if i := slices.Index(got, tt.want); i < 0 || i >= tt.within {
			t.Errorf("Search(%q) = %v, want %s among the first %d", tt.query, got, tt.want, tt.within)
		}
		for _, r := range rs {
			checkResult(t, tt.query, 60, r)
			if r.Snippet == "" {
				t.Errorf("Search(%q): %s has an empty snippet", tt.query, r.Page.ID)
			}
		}
	}
	// Every page's plain text is free of Markdown syntax.
	ix.Prepare()
	for i, d := range ix.d.docs {
		for _, junk := range []string{"**", "](", "##", "\n", "`"} {
			if strings.Contains(d.text, junk) {
				t.Errorf("%s: plain text holds %q: %q", ix.pages[i].ID, junk, d.text)
			}
		}
	}
}

func FuzzSearch(f *testing.F) {
	f.Add("Avoid **retinol** for 3 days.\n\nThen [ask](x).", "Retinol", "retin", 40)
	f.Add("日焼け止めを毎日使ってください。", "日焼け", "日", 5)
	f.Add("e\u0301te\u0301 \U0001F469\u200D\U0001F4BB sun 🇬🇧🇬🇧 sun", "Sun", "sun", 7)
	f.Add("a\x1b[2Jb\u202e c\r\nd\x00", "\x1b]0;t\x07", "a b", 3)
	f.Add("# H\n\n- a\n- b\n\n| x | y |\n|--|--|\n| 1 | 2 |", "t", "x", 1)
	f.Add("\xff\xfe retinol \xc3", "x", "retinol", 0)
	f.Add(strings.Repeat("word ", 100)+"target", "T", "target wo", 20)
	f.Fuzz(func(t *testing.T, body, title, query string, width int) {
		width %= 300
		ix := New([]*content.Page{
			page("a", title, body, "kw "+query),
			page("b", body, title),
		})
		for _, r := range ix.Search(query, width) {
			checkResult(t, query, width, r)
		}
	})
}
