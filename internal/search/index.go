// Package search finds pages as the patient types, forgiving the way
// worried people type: word forms (breathe finds breathing), the
// language's spelling variants and synonyms (make-up finds makeup, scab
// finds flaking), and typos (retnol finds retinol, and says so). A query
// that names a warning sign puts the When to call us page first, with the
// sign and its level. Results come without snippets; the screen asks for
// the snippets of the rows it shows.
package search

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/skinguide/skinguide/internal/content"
)

// Sign is a warning sign of the guide's warning-signs data.
type Sign = content.Sign

// Options say how an index matches.
type Options struct {
	Lang     string            // the language of the pages: its stemmer, and accents for "es"
	Synonyms *content.Synonyms // the language's synonyms.yaml, or nil
	Signs    []Sign            // warning signs, any order
	Safety   string            // the id of the page a warning-sign query leads with
}

// Index searches a fixed list of pages. It is immutable once prepared and
// safe for concurrent use.
type Index struct {
	pages []*content.Page
	opts  Options
	once  sync.Once
	d     *dict // filled once by prepare
}

// dict is the prepared index: every distinct word of every page, sorted,
// with where it occurs.
type dict struct {
	an     analyzer
	words  []string    // sorted distinct keys; concepts (phrases) first
	stems  []string    // stems[i] is the stem of words[i]
	post   [][]posting // post[i]: the pages words[i] occurs in, by page
	byKey  map[string]int32
	byStem map[string][]int32
	docs   []doc // docs[i] describes pages[i]
	syn    synonyms
	signs  []sign
	safety int // index of the safety page, or -1
}

// posting counts one word in one page's title, keywords and body.
type posting struct {
	doc int32
	n   [3]uint16
}

const (
	fTitle = iota
	fKeywords
	fBody
)

// doc is what a snippet is cut from.
type doc struct {
	text  string // body as plain text on one line, printable runes only
	lower string // text folded; same byte offsets as text
}

// New makes an English index of pages, without synonyms or warning signs,
// in the order results should fall back to.
func New(pages []*content.Page) *Index { return NewWith(pages, Options{}) }

// NewWith makes an index of pages matched as opts say. It only copies the
// list: the work is done on the first search or by Prepare, so that
// starting the app stays fast with many pages.
func NewWith(pages []*content.Page, opts Options) *Index {
	return &Index{pages: slices.Clone(pages), opts: opts}
}

// Prepare does the heavy preparation now instead of on the first search.
// The app calls it from a background goroutine; calling it again, or
// concurrently with searches, is safe and does the work only once.
func (ix *Index) Prepare() {
	ix.once.Do(func() { ix.d = build(ix.pages, ix.opts) })
}

// builder collects words before they are sorted into a dict.
type builder struct {
	an    analyzer
	ids   map[string]int32 // key -> provisional id, in order of first sight
	keys  []string
	stems []string
	post  [][]posting
	syn   *synonyms
	seq   []int32 // the words of the field being indexed
}

// id returns the provisional id of a folded word w, or of a concept when
// w is empty.
func (b *builder) id(key, w string) int32 {
	if id, ok := b.ids[key]; ok {
		return id
	}
	id := int32(len(b.keys))
	b.ids[key] = id
	b.keys = append(b.keys, key)
	if strings.HasPrefix(key, conceptPrefix) {
		b.stems = append(b.stems, "")
	} else {
		b.stems = append(b.stems, b.an.stemOf(w))
	}
	b.post = append(b.post, nil)
	return id
}

// add counts one occurrence of a word in a field of page doc. Pages are
// indexed in order, so each posting list stays sorted by page.
func (b *builder) add(id int32, doc int32, field int) {
	ps := b.post[id]
	if len(ps) == 0 || ps[len(ps)-1].doc != doc {
		ps = append(ps, posting{doc: doc})
		b.post[id] = ps
	}
	if n := &ps[len(ps)-1].n[field]; *n < 0xffff {
		*n++
	}
}

// field indexes the words of one folded field, and the phrases of the
// synonyms that occur in it.
func (b *builder) field(lower string, doc int32, f int) {
	b.seq = b.seq[:0]
	words(lower, func(w string) {
		id := b.id(b.an.key(w), w)
		b.seq = append(b.seq, id)
		b.add(id, doc, f)
	})
	for i, id := range b.seq {
		for _, p := range b.syn.phrases[b.stems[id]] {
			if i+len(p) > len(b.seq) {
				continue
			}
			ok := true
			for j := 1; j < len(p); j++ {
				if b.stems[b.seq[i+j]] != p[j] {
					ok = false
					break
				}
			}
			if ok {
				b.add(b.id(concept(p), ""), doc, f)
			}
		}
	}
}

func build(pages []*content.Page, opts Options) *dict {
	an := newAnalyzer(opts.Lang)
	syn := compileSynonyms(an, opts.Synonyms)
	b := &builder{an: an, ids: map[string]int32{}, syn: &syn}
	p := newParser()
	var buf bytes.Buffer
	docs := make([]doc, len(pages))
	safety := -1
	for i, pg := range pages {
		if pg == nil {
			continue // an empty doc matches nothing
		}
		if opts.Safety != "" && pg.ID == opts.Safety && safety < 0 {
			safety = i
		}
		_, title := clean(pg.Title)
		b.field(title, int32(i), fTitle)
		for _, k := range pg.Keywords {
			_, kw := clean(k)
			b.field(kw, int32(i), fKeywords)
		}
		buf.Reset()
		plainMarkdown(p, []byte(pg.Body), &buf)
		text, lower := clean(buf.String())
		b.field(lower, int32(i), fBody)
		docs[i] = doc{text: text, lower: lower}
	}

	// Sort the words, so that all words with a prefix are one run.
	order := make([]int32, len(b.keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(b.keys[x], b.keys[y]) })
	d := &dict{
		an:     an,
		words:  make([]string, len(order)),
		stems:  make([]string, len(order)),
		post:   make([][]posting, len(order)),
		byKey:  make(map[string]int32, len(order)),
		byStem: map[string][]int32{},
		docs:   docs,
		syn:    syn,
		safety: safety,
	}
	for newID, old := range order {
		id := int32(newID)
		d.words[id], d.stems[id], d.post[id] = b.keys[old], b.stems[old], slices.Clip(b.post[old])
		d.byKey[d.words[id]] = id
		if s := d.stems[id]; s != "" {
			d.byStem[s] = append(d.byStem[s], id)
		}
	}
	d.signs = compileSigns(an, &syn, opts.Signs)
	return d
}

// prefixRange returns the ids of the words that start with prefix.
func (d *dict) prefixRange(prefix string) (lo, hi int32) {
	l, _ := slices.BinarySearch(d.words, prefix)
	h := l
	n := len(d.words)
	// Binary search for the end of the run.
	for h < n {
		m := int(uint(h+n) >> 1)
		if strings.HasPrefix(d.words[m], prefix) {
			h = m + 1
		} else {
			n = m
		}
	}
	return int32(l), int32(h)
}

// patternIDs returns the words that a pattern stands for: the words with
// its stem, or the concept of a phrase.
func (d *dict) patternIDs(p pattern, out []int32) []int32 {
	switch len(p) {
	case 0:
		return out
	case 1:
		return append(out, d.byStem[p[0]]...)
	}
	if id, ok := d.byKey[concept(p)]; ok {
		out = append(out, id)
	}
	return out
}
