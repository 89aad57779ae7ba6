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
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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
	// Days finds the day after treatment a query names ("day 2", "3
	// days"), or nil: a sign that starts later than that day is not named
	// ("still red on day 2" is normal healing, not the sign for redness
	// still strong after about 7 days).
	Days func(query string) (day int, ok bool)
}

// Index searches a fixed list of pages. It is immutable once prepared and
// safe for concurrent use.
type Index struct {
	pages []*content.Page
	opts  Options
	once  sync.Once
	d     *dict // filled once by prepare
	ready atomic.Bool
}

// dict is the prepared index: every distinct word of every page, sorted,
// with where it occurs.
type dict struct {
	an     analyzer
	words  []string // sorted distinct keys; concepts (phrases) first
	stems  []string // stems[i] is the stem of words[i]
	post   postings // the pages each word occurs in
	byKey  map[string]int32
	byStem map[string][]int32
	docs   []doc // docs[i] describes pages[i]
	syn    synonyms
	signs  []sign
	// accented maps the stem of a word of the signs typed without its
	// accents to the stem of the word as written, where they differ.
	accented map[string][]string
	safety   int // index of the safety page, or -1
}

// posting counts one word in one page's title, keywords and body.
type posting struct {
	doc int32
	n   [3]uint16
}

// postings holds the posting lists of every word in one block of bytes,
// as small as they go, because they are most of an index's memory (12
// bytes a posting as structs; about 2 encoded). Word i's list is
// data[off[i]:off[i+1]]: for each page, in page order, a uvarint of the
// gap from the previous page (less one) shifted left by three, or'ed with
// a bit per field that holds the word, then a uvarint count for each of
// those fields. pages[i] is the length of word i's list.
type postings struct {
	data  []byte
	off   []uint32
	pages []int32
}

// encode appends the posting list of the next word.
func (ps *postings) encode(list []posting) {
	if len(ps.off) == 0 {
		ps.off = append(ps.off, 0)
	}
	prev := int32(-1)
	for _, p := range list {
		var mask uint64
		for f, c := range p.n {
			if c > 0 {
				mask |= 1 << f
			}
		}
		ps.data = binary.AppendUvarint(ps.data, uint64(p.doc-prev-1)<<3|mask)
		for _, c := range p.n {
			if c > 0 {
				ps.data = binary.AppendUvarint(ps.data, uint64(c))
			}
		}
		prev = p.doc
	}
	ps.off = append(ps.off, uint32(len(ps.data)))
	ps.pages = append(ps.pages, int32(len(list)))
}

// seal drops the spare capacity appending left.
func (ps *postings) seal() {
	ps.data = append(make([]byte, 0, len(ps.data)), ps.data...)
}

// list returns the posting list of word id, to read with next.
func (ps *postings) list(id int32) postingList {
	return postingList{b: ps.data[ps.off[id]:ps.off[id+1]], doc: -1}
}

// postingList reads one word's postings in page order.
type postingList struct {
	b   []byte
	doc int32
}

// next returns the next posting, or false at the end of the list.
func (l *postingList) next() (posting, bool) {
	if len(l.b) == 0 {
		return posting{}, false
	}
	h := l.uvarint()
	l.doc += int32(h>>3) + 1
	p := posting{doc: l.doc}
	for f := range p.n {
		if h&(1<<f) != 0 {
			p.n[f] = uint16(l.uvarint())
		}
	}
	return p, true
}

func (l *postingList) uvarint() uint64 {
	if c := l.b[0]; c < 0x80 {
		l.b = l.b[1:]
		return uint64(c)
	}
	v, n := binary.Uvarint(l.b)
	l.b = l.b[n:]
	return v
}

const (
	fTitle = iota
	fKeywords
	fBody
)

// doc is what a snippet is cut from: the body as plain text on one line,
// printable runes only. Its folded form, in which hits are found, is made
// only for the rows that get a snippet (foldText): kept for every page
// it doubled the text an index holds.
type doc struct {
	text string
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
	ix.once.Do(func() {
		ix.d = build(ix.pages, ix.opts)
		ix.ready.Store(true)
	})
}

// Prepared reports whether the heavy preparation has been done.
func (ix *Index) Prepared() bool { return ix.ready.Load() }

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
		docs[i] = doc{text: text}
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
		byKey:  make(map[string]int32, len(order)),
		byStem: map[string][]int32{},
		post:   postings{off: make([]uint32, 0, len(order)+1), pages: make([]int32, 0, len(order))},
		docs:   docs,
		syn:    syn,
		safety: safety,
	}
	for newID, old := range order {
		id := int32(newID)
		d.words[id], d.stems[id] = b.keys[old], b.stems[old]
		d.post.encode(b.post[old])
		d.byKey[d.words[id]] = id
		if s := d.stems[id]; s != "" {
			d.byStem[s] = append(d.byStem[s], id)
		}
	}
	d.post.seal()
	d.signs, d.accented = compileSigns(an, &syn, opts.Signs)
	d.syn.addTyped(an, opts.Signs)
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
