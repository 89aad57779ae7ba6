// Package search finds FAQ answers as the patient types: every word of the
// query must begin a word of a page's title, keywords or body. It returns
// ranked results with a one-line plain-text snippet and the byte ranges to
// highlight in it.
package search

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/skinguide/skinguide/internal/content"
)

// Index searches a fixed list of pages. It is immutable once prepared and
// safe for concurrent Search calls.
type Index struct {
	pages []*content.Page
	once  sync.Once
	docs  []doc // docs[i] describes pages[i]; filled once by prepare
}

// doc is the searchable form of one page.
type doc struct {
	title, keywords, body vocab
	text                  string // body as plain text on one line, printable runes only
	lower                 string // text folded; same byte offsets as text
}

// New makes an index of pages, in the order results should fall back to.
// It only copies the list: the Markdown is parsed on the first Search or
// by Prepare, so that starting the app stays fast with many pages.
func New(pages []*content.Page) *Index {
	return &Index{pages: slices.Clone(pages)}
}

// Prepare does the heavy preparation now instead of on the first Search.
// The app calls it from a background goroutine; calling it again, or
// concurrently with Search, is safe and does the work only once.
func (ix *Index) Prepare() {
	ix.once.Do(ix.prepare)
}

func (ix *Index) prepare() {
	p := newParser()
	var buf bytes.Buffer
	docs := make([]doc, len(ix.pages))
	for i, pg := range ix.pages {
		if pg == nil {
			continue // an empty doc matches nothing
		}
		_, title := clean(pg.Title)
		_, keywords := clean(strings.Join(pg.Keywords, " "))
		buf.Reset()
		plainMarkdown(p, []byte(pg.Body), &buf)
		text, lower := clean(buf.String())
		docs[i] = doc{
			title:    newVocab(title),
			keywords: newVocab(keywords),
			body:     newVocab(lower),
			text:     text,
			lower:    lower,
		}
	}
	ix.docs = docs
}

// vocab is the distinct words of a field, sorted, with their counts as
// running totals. All words that start with a prefix are then one
// contiguous run, found by two binary searches, and their occurrences are
// a subtraction: a keystroke costs O(log words) per page, not a scan.
type vocab struct {
	words []string // sorted, distinct; substrings of the folded field
	cum   []int32  // cum[i] = occurrences of words[:i]; len(words)+1 entries
}

func newVocab(folded string) vocab {
	var all []string
	words(folded, func(w string) { all = append(all, w) })
	if len(all) == 0 {
		return vocab{}
	}
	slices.Sort(all)
	v := vocab{cum: make([]int32, 1, len(all)+1)}
	for i, w := range all {
		if i == 0 || w != all[i-1] {
			v.words = append(v.words, w)
			v.cum = append(v.cum, v.cum[len(v.cum)-1])
		}
		v.cum[len(v.cum)-1]++
	}
	v.words = slices.Clip(v.words)
	return v
}

// count returns how many words of the field start with prefix.
func (v *vocab) count(prefix string) int {
	ws := v.words
	// lo: the first word >= prefix.
	lo, hi := 0, len(ws)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ws[m] < prefix {
			lo = m + 1
		} else {
			hi = m
		}
	}
	// end: the first word from lo on that does not start with prefix.
	end, hi := lo, len(ws)
	for end < hi {
		m := int(uint(end+hi) >> 1)
		if strings.HasPrefix(ws[m], prefix) {
			end = m + 1
		} else {
			hi = m
		}
	}
	if end == lo {
		return 0
	}
	return int(v.cum[end] - v.cum[lo])
}
