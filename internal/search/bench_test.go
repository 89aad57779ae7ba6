package search

import (
	"fmt"
	"strings"
	"testing"

	"github.com/skinguide/skinguide/internal/content"
)

// Paragraphs in the voice of the shipped answers, with the Markdown they
// use, so the benchmark parses and searches text of a realistic shape.
var benchParagraphs = []string{
	"Skip strong skin products for at least 3 days after treatment.\nMany clinics advise waiting up to a week for a few others.",
	"## Products to stop, and for how long\n\n- AHAs: 3 days. These are acids that remove dead skin.\n- Retinol: 3 days. This is a form of vitamin A used in skin creams.\n- Vitamin C products: many clinics advise up to a week.",
	"Give your skin a short break from heat, sweat and pools.\nMany clinics advise waiting 48 to 72 hours, which is 2 to 3 days.",
	"## What you can do\n\n1. Wash with cool or lukewarm water, not hot.\n2. Keep your skin clean and moist.\n3. Protect your skin from the **sun** with a broad-spectrum sunscreen.",
	"Your skin may look pink or red, like a mild *sunburn*. It may feel tight, warm or tender.\nThis is normal and usually fades in 1 to 3 days.",
	"## When to call\n\nCall your clinic if the redness, warmth or pain gets worse instead of fading.\nThese can be signs of infection. See [when to call us](call-us) for the numbers.",
	"Microneedling uses very fine needles to make tiny holes in the top layers of your skin.\nYour skin then heals itself and makes new collagen, a protein that keeps skin firm.",
	"Most people need 3 to 6 sessions, about 4 to 6 weeks apart.\nResults build slowly over 3 to 6 months as new collagen forms.",
}

var benchWords = []string{"redness", "swelling", "peeling", "makeup", "serum", "moisturiser", "sunscreen", "collagen", "scars", "pores", "needles", "numbing"}

// benchPages makes n answers by rotating and mixing the paragraphs, and
// giving each page words of its own, so pages differ as real ones do.
func benchPages(n int) []*content.Page {
	pages := make([]*content.Page, n)
	for i := range pages {
		var b strings.Builder
		for j := 0; j < 6; j++ {
			b.WriteString(benchParagraphs[(i*5+j*3)%len(benchParagraphs)])
			if j == 2 {
				fmt.Fprintf(&b, " Ask about %s and topic%d at your visit.", benchWords[i%len(benchWords)], i)
			}
			b.WriteString("\n\n")
		}
		w := benchWords[(i*7)%len(benchWords)]
		pages[i] = &content.Page{
			ID:       fmt.Sprintf("answer-%d", i),
			Title:    fmt.Sprintf("What should I know about %s (part %d)?", w, i),
			Keywords: []string{w, benchWords[(i+3)%len(benchWords)], "aftercare"},
			Body:     b.String(),
		}
	}
	return pages
}

// benchIndex is 1,000 answers searched as the app searches the shipped
// guide: English word forms, the shipped synonyms, warning signs leading
// to When to call us.
func benchIndex(b *testing.B) *Index {
	g := shippedGuide(b)
	callUs, _ := g.Page(content.PageCallUs)
	pages := append(benchPages(1000), callUs)
	return NewWith(pages, Options{Lang: "en", Synonyms: g.Synonyms, Signs: testSigns, Safety: content.PageCallUs})
}

// BenchmarkSearch is one keystroke over 1,000 answers, as the search
// screen pays it: find and rank every match, then make the snippets of
// the rows on screen (10 at 80x24). The budget is 5 ms. The prefixes of
// "retinol" are what a patient types letter by letter; "s" matches
// almost every page; the rest exercise word forms, synonyms, phrases,
// typos, warning signs and a query that finds nothing.
func BenchmarkSearch(b *testing.B) {
	ix := benchIndex(b)
	ix.Prepare()
	const rows = 10
	for _, q := range []string{"s", "r", "re", "ret", "retin", "retinol", "sun cream", "topic999", "what redness",
		"zzzz", "peeled", "make-up", "can't breathe", "fever", "retnol", "sunscren", "makeup tomorrow", "snscrxxn"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				rs := ix.Find(q)
				rs.Snippets(0, rows, 60)
				n = len(rs.Items)
			}
			b.ReportMetric(float64(n), "results")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/key")
		})
	}
}

// BenchmarkSearchAllSnippets is the old way, a snippet for every result,
// kept as the reference for what building only the rows on screen saves.
func BenchmarkSearchAllSnippets(b *testing.B) {
	ix := benchIndex(b)
	ix.Prepare()
	for _, q := range []string{"s", "retinol"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				ix.Search(q, 60)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/key")
		})
	}
}

// BenchmarkPrepare is the one-time cost the app pays in the background.
func BenchmarkPrepare(b *testing.B) {
	g := shippedGuide(b)
	pages := benchPages(1000)
	b.ReportAllocs()
	for b.Loop() {
		NewWith(pages, Options{Lang: "en", Synonyms: g.Synonyms, Signs: testSigns}).Prepare()
	}
}

// BenchmarkNew is what starting the app pays: it must stay O(pages).
func BenchmarkNew(b *testing.B) {
	pages := benchPages(1000)
	b.ReportAllocs()
	for b.Loop() {
		New(pages)
	}
}
