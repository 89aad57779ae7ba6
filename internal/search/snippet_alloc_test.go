package search

import (
	"runtime"
	"strings"
	"testing"

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
