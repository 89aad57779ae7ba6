package search

import (
	"slices"

	"github.com/skinguide/skinguide/internal/content"
)

// Result is one page that matches a query.
type Result struct {
	Page    *content.Page
	InTitle bool // every query word matched the title; these rank first
	Hits    int  // occurrences of the query words in title, keywords and body

	// Snippet is one line of plain text around the first body hit, at most
	// the requested width in cells, with "…" where it was cut; when only
	// the title or keywords matched, the body's first sentence.
	Snippet string
	// Marks are the byte ranges of Snippet to highlight, one per query word
	// occurrence, sorted and merged where they overlap.
	Marks [][2]int
}

// match is a page that matched, with what ranks it.
type match struct {
	page   int
	tier   int // 0: all words in the title; 1: all in title or keywords; 2: some only in the body
	fields int // per word, 2 for the title, 1 for keywords, 0 for the body: ties within a tier
	hits   int
}

// Search returns the pages in which every word of query begins a word of
// the title, the keywords or the body, case-insensitively. Pages whose
// title holds every word come first, then those whose title and keywords
// do, then the rest; within each, pages where more words hit the title or
// keywords, then more hits, then the order given to New. Snippets are at
// most width cells wide. An empty query, or one with no words, returns nil.
func (ix *Index) Search(query string, width int) []Result {
	if ix == nil {
		return nil
	}
	terms := queryTerms(query)
	if len(terms) == 0 {
		return nil
	}
	ix.Prepare()

	var found []match
	for i := range ix.docs {
		if m, ok := ix.docs[i].match(terms); ok {
			m.page = i
			found = append(found, m)
		}
	}
	if len(found) == 0 {
		return nil
	}
	slices.SortFunc(found, func(a, b match) int {
		switch {
		case a.tier != b.tier:
			return a.tier - b.tier
		case a.fields != b.fields:
			return b.fields - a.fields
		case a.hits != b.hits:
			return b.hits - a.hits
		}
		return a.page - b.page
	})

	// All snippets share one string and all marks one array, so a keystroke
	// allocates a handful of times however many pages match.
	results := make([]Result, len(found))
	spans := make([][4]int, len(found)) // snippet start, end; marks start, end
	sb := snippets{buf: make([]byte, 0, len(found)*(min(max(width, 0), 160)+8))}
	for k, m := range found {
		d := &ix.docs[m.page]
		results[k] = Result{Page: ix.pages[m.page], InTitle: m.tier == 0, Hits: m.hits}
		spans[k] = sb.add(d, terms, width)
	}
	all := string(sb.buf)
	for k := range results {
		s := spans[k]
		results[k].Snippet = all[s[0]:s[1]]
		if s[3] > s[2] {
			results[k].Marks = sb.marks[s[2]:s[3]:s[3]]
		}
	}
	return results
}

// queryTerms folds the query like the pages and splits it into words,
// dropping repeats.
func queryTerms(query string) []string {
	_, lower := clean(query)
	var terms []string
	words(lower, func(w string) {
		if !slices.Contains(terms, w) {
			terms = append(terms, w)
		}
	})
	return terms
}

// match reports whether every term begins a word of the page, and how the
// page ranks.
func (d *doc) match(terms []string) (match, bool) {
	m := match{}
	for _, t := range terms {
		nt, nk, nb := d.title.count(t), d.keywords.count(t), d.body.count(t)
		if nt+nk+nb == 0 {
			return match{}, false
		}
		m.hits += nt + nk + nb
		switch {
		case nt > 0:
			m.fields += 2
		case nk > 0:
			m.fields++
			m.tier = max(m.tier, 1)
		default:
			m.tier = 2
		}
	}
	return m, true
}
