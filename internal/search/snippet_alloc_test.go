package search

import (
	"runtime"
	"slices"
	"strings"
	"testing"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
)

// A snippet costs the same memory on a long page as on a short one: the
// search screen makes one per row on screen at every keystroke, and words
// collected for a whole page (a long answer has a thousand), then a folded
// copy of the page, were half of what a walk through the app allocated.
func TestSnippetAllocationsDoNotGrowWithPage(t *testing.T) {
	filler := strings.Repeat("the skin heals over a few days ", 2000) // 14,000 words
	allocs := func(body string) (n, bytes float64) {
		ix := New([]*content.Page{page("p", "Aftercare", body)})
		for _, q := range []string{"retinol", "retinol sun"} {
			if rs := ix.Find(q); len(rs.Items) != 1 {
				t.Fatalf("Find(%q) on %d bytes: %d results", q, len(body), len(rs.Items))
			}
		}
		for _, q := range []string{"retinol", "retinol sun"} {
			rs := ix.Find(q)
			n += testing.AllocsPerRun(20, func() { rs.Snippets(0, 1, 60) })
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for range 20 {
				rs.Snippets(0, 1, 60)
			}
			runtime.ReadMemStats(&after)
			bytes += float64(after.TotalAlloc-before.TotalAlloc) / 20
		}
		return n, bytes
	}
	// Both snippets start with "…" and hold the same words.
	end := "Avoid retinol and sun for a week."
	short, shortBytes := allocs("Over the first few days the skin heals and feels tight. " + end)
	long, longBytes := allocs(filler + end)
	if long > short {
		t.Errorf("snippets of a 14,000-word page: %.0f allocations; of a short page: %.0f", long, short)
	}
	if longBytes > shortBytes+512 {
		t.Errorf("snippets of a 14,000-word page: %.0f bytes; of a short page: %.0f", longBytes, shortBytes)
	}
}

// Rows that have their snippet at a width are not made again: moving the
// selection through the rows on screen asks for the same rows at every
// key.
func TestSnippetsAreMadeOncePerWidth(t *testing.T) {
	ix := New([]*content.Page{
		page("a", "Aftercare", "Avoid retinol and sun for a week."),
		page("b", "Sun", "Wear sunscreen; retinol can wait."),
	})
	rs := ix.Find("retinol")
	rs.Snippets(0, 2, 40)
	first := rs.Items[0].Snippet
	if n := testing.AllocsPerRun(10, func() { rs.Snippets(0, 2, 40) }); n != 0 {
		t.Errorf("snippets made again at the same width: %.0f allocations", n)
	}
	if rs.Snippets(0, 2, 12); rs.Items[0].Snippet == first {
		t.Errorf("snippet at width 12 is still the one at width 40: %q", first)
	}
}

// Looking up only the words that start as a term's words can start
// changes no snippet and no mark: every query of a list over the shipped
// guide, in both languages, at two widths, with the filter and without.
func TestFirstBytesChangeNoSnippet(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		g, _ := content.Load(embedded.FS(), lang)
		ix := ForGuide(g)
		var filtered int
		for _, q := range strings.Fields("r re ret retinol sun sunscreen makeup make-up swelling swollen redness red " +
			"bleeding blood itch itchy scab peel peeling day dia día sol maquillaje hinchazón picor sangre retinl sunscren " +
			"how long does swelling last when wash face exercise gym alcohol pregnant pain fever pus") {
			rs := ix.Find(q)
			terms := rs.q.active()
			first, ok := rs.q.firstBytes(terms)
			if ok {
				filtered++
			}
			for _, r := range rs.Items {
				text := rs.q.d.docs[r.doc].text
				for _, w := range []int{30, 76} {
					var with, without snippets
					with.words.first, with.words.filter = first, ok
					a, b := with.add(rs.q, text, w), without.add(rs.q, text, w)
					if sa, sb := string(with.buf[a[0]:a[1]]), string(without.buf[b[0]:b[1]]); sa != sb ||
						!slices.Equal(with.marks[a[2]:a[3]], without.marks[b[2]:b[3]]) {
						t.Errorf("%s %q %s width %d: %q %v with the filter, %q %v without", lang, q, r.Page.ID, w,
							sa, with.marks[a[2]:a[3]], sb, without.marks[b[2]:b[3]])
					}
				}
			}
		}
		if filtered == 0 {
			t.Errorf("%s: no query used the filter", lang)
		}
	}
}
