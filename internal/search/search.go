package search

import (
	"slices"
	"strings"

	"github.com/skinguide/skinguide/internal/content"
)

// Result is one page that matches a query.
type Result struct {
	Page    *content.Page
	InTitle bool // every query word matched the title; these rank first
	Hits    int  // occurrences of the query words in title, keywords and body
	// Safety marks the safety page (When to call us) put first because
	// the query names a warning sign; Results.Signs says which.
	Safety bool

	// Snippet is one line of plain text around the first body hit, at most
	// the requested width in cells, with "…" where it was cut; when only
	// the title or keywords matched, the body's first sentence. It is
	// empty until Results.Snippets makes it.
	Snippet string
	// Marks are the byte ranges of Snippet to highlight, one per matching
	// word, sorted and merged where they overlap.
	Marks [][2]int

	doc          int
	snippetWidth int // the width Snippet was made for; 0: none made
}

// Results is what a query finds.
type Results struct {
	Items []Result
	// Correction is the query as search read it when a word was not in
	// the guide and a near spelling was used: "retinol" for "retnol".
	Correction string
	// Signs are the warning signs the query names, most urgent first.
	// When there are any, Items[0] is the safety page.
	Signs []Sign
	// DidYouMean offers words of the guide near the query's when nothing
	// matched.
	DidYouMean []string

	q *query
}

// Find returns the pages in which every word of the query matches a word
// of the title, the keywords or the body: the start of a word, a form of
// it (breathe, breathing), a synonym from synonyms.yaml, or, when the
// guide does not have the word at all, a near spelling. Pages whose title
// holds every word come first, then those whose title and keywords do,
// then the rest; within each, pages where more words hit the title or
// keywords, then pages with the words as typed rather than in another
// form, then more hits, then the order given to New. A title that holds a
// word only in another form ranks as keywords do: "peeling" is the
// skin's, the title's "peels" a treatment. Pages found only
// through synonyms.yaml's "also" come after pages with the words typed. A
// query naming a warning sign puts the safety page first. An empty query,
// or one with no words, finds nothing.
func (ix *Index) Find(text string) Results {
	if ix == nil || !hasWords(text) {
		// Nothing to find, so nothing to prepare: the search screen asks
		// with its empty box when the window is sized, before the first
		// frame, and building the index then held that frame back.
		return Results{}
	}
	ix.Prepare()
	d := ix.d
	q := d.compileQuery(text)
	active := q.active()
	if len(active) == 0 {
		return Results{}
	}
	res := Results{q: q}
	found := d.rank(active)
	res.Items = make([]Result, 0, len(found)+1)
	for _, m := range found {
		res.Items = append(res.Items, Result{Page: ix.pages[m.page], InTitle: m.tier == 0 && m.expOnly == 0, Hits: m.hits, doc: m.page})
	}
	res.Signs = q.signs()
	if ix.opts.Days != nil && len(res.Signs) > 0 {
		if day, ok := ix.opts.Days(text); ok {
			// A sign that has ended by that day stays: better a sign too
			// many than one too few.
			res.Signs = slices.DeleteFunc(res.Signs, func(s Sign) bool { return s.From > day })
		}
	}
	if len(res.Signs) > 0 && d.safety >= 0 {
		i := slices.IndexFunc(res.Items, func(r Result) bool { return r.doc == d.safety })
		var safe Result
		if i >= 0 {
			safe = res.Items[i]
			res.Items = slices.Delete(res.Items, i, i+1)
		} else {
			safe = Result{Page: ix.pages[d.safety], doc: d.safety}
		}
		safe.Safety = true
		res.Items = slices.Insert(res.Items, 0, safe)
	}
	if len(found) > 0 {
		res.Correction = q.corrected()
	}
	if len(res.Items) == 0 {
		res.DidYouMean = d.didYouMean(active)
	}
	return res
}

// corrected is the query as typed with its corrected words in place, or
// "" when no word was corrected. Only the corrected words change, so the
// patient's other words (and their apostrophes) read as they typed them.
func (q *query) corrected() string {
	var b strings.Builder
	last, fixed := 0, false
	for _, u := range q.uses {
		if u.t.fixed == "" || u.t.ignored || u.start < last {
			continue
		}
		b.WriteString(q.text[last:u.start])
		b.WriteString(u.t.fixed)
		last, fixed = u.end, true
	}
	if !fixed {
		return ""
	}
	b.WriteString(q.text[last:])
	return b.String()
}

// hasWords reports whether a query has a word to search for.
func hasWords(text string) bool {
	_, lower := clean(text)
	found := false
	words(lower, func(string) { found = true })
	return found
}

// Search is Find with a snippet for every result, at most width cells
// wide. A screen that shows a few rows should use Find and Snippets.
func (ix *Index) Search(text string, width int) []Result {
	rs := ix.Find(text)
	rs.Snippets(0, len(rs.Items), width)
	return rs.Items
}

// Snippets makes the snippets of Items[from:to], at most width cells
// wide. Rows that already have one of this width are not made again.
func (rs *Results) Snippets(from, to, width int) {
	if rs.q == nil {
		return
	}
	from, to = max(from, 0), min(to, len(rs.Items))
	var sb snippets // one buffer for all the rows
	firstDone := false
	for i := from; i < to; i++ {
		r := &rs.Items[i]
		if r.snippetWidth == width && width > 0 {
			continue // made already: a move through the rows on screen
		}
		r.snippetWidth = width
		if !firstDone {
			sb.words.first, sb.words.filter = rs.q.firstBytes(rs.q.active())
			firstDone = true
		}
		sb.buf, sb.marks = sb.buf[:0], sb.marks[:0]
		text := rs.q.d.docs[r.doc].text
		s := sb.add(rs.q, text, width)
		r.Snippet = string(sb.buf[s[0]:s[1]])
		r.Marks = nil
		if s[3] > s[2] {
			r.Marks = slices.Clone(sb.marks[s[2]:s[3]])
		}
	}
}

// match is a page that matched, with what ranks it.
type match struct {
	page    int
	dist    int // edits of the typos corrected to find it; 0 for exact words
	expOnly int // words found only through "also"
	// formOnly counts the words found only in another form than typed
	// ("peels" for "peeling"): pages with the patient's own word come
	// first, as "peeling" means the skin's, not a chemical peel.
	formOnly int
	tier     int // 0: all words in the title; 1: all in title or keywords; 2: some only in the body
	fields   int // per word, 2 for the title, 1 for keywords, 0 for the body: ties within a tier
	// The tier and fields count the words as typed (or their synonyms);
	// words found only through "also" rank by expFields after them, so
	// "makeup tomorrow" leads with the makeup answer, not Day 1.
	expFields int
	hits      int
}

// acc is what one query word found in one page: bits 0-2 the fields it
// was found in directly, bits 3-5 the fields it was found in through
// "also".
type acc struct {
	mask  uint8
	dist  uint8
	typed uint8 // the fields it was found in as typed: a word that starts with what was typed
	hits  int32
}

func (d *dict) rank(terms []*term) []match {
	n := len(d.docs)
	accs := make([]acc, len(terms)*n)
	for k, t := range terms {
		a := accs[k*n : (k+1)*n]
		add := func(set *wordSet, shift uint8, fuzzy bool) {
			set.each(func(id int32) {
				dist := uint8(0)
				if fuzzy {
					dist = uint8(t.dist[id])
				}
				asTyped := !fuzzy && shift == 0 && id >= set.lo && id < set.hi
				for l := d.post.list(id); ; {
					p, ok := l.next()
					if !ok {
						break
					}
					x := &a[p.doc]
					if fuzzy && (x.mask == 0 || dist < x.dist) {
						x.dist = dist
					}
					for f, c := range p.n {
						if c > 0 {
							x.mask |= 1 << (uint8(f) + shift)
							x.hits += int32(c)
							if asTyped {
								x.typed |= 1 << uint8(f)
							}
						}
					}
				}
			})
		}
		if t.direct.empty() && t.expanded.empty() {
			add(&t.fuzzy, 0, true)
			continue
		}
		add(&t.direct, 0, false)
		add(&t.expanded, 3, false)
	}

	found := make([]match, 0, 64)
docs:
	for doc := 0; doc < n; doc++ {
		m := match{page: doc}
		for k := range terms {
			x := accs[k*n+doc]
			if x.mask == 0 {
				continue docs
			}
			m.dist += int(x.dist)
			m.hits += int(x.hits)
			if mask := x.mask & 7; mask != 0 {
				if t := terms[k]; t.direct.lo < t.direct.hi {
					if x.typed == 0 {
						m.formOnly++
					}
					// A title holds the word only in another form
					// ("chemical peels" for "peeling"): it ranks as a
					// keyword would.
					if mask&(1<<fTitle) != 0 && x.typed&(1<<fTitle) == 0 {
						mask = mask&^(1<<fTitle) | 1<<fKeywords
					}
				}
				m.fields += fieldWeight(mask)
				m.tier = max(m.tier, fieldTier(mask))
			} else {
				m.expOnly++
				m.expFields += fieldWeight(x.mask >> 3)
			}
		}
		found = append(found, m)
	}
	slices.SortFunc(found, func(a, b match) int {
		switch {
		case a.dist != b.dist:
			return a.dist - b.dist
		case a.expOnly != b.expOnly:
			return a.expOnly - b.expOnly
		case a.tier != b.tier:
			return a.tier - b.tier
		case a.fields != b.fields:
			return b.fields - a.fields
		case a.expFields != b.expFields:
			return b.expFields - a.expFields
		case a.formOnly != b.formOnly:
			return a.formOnly - b.formOnly
		case a.hits != b.hits:
			return b.hits - a.hits
		}
		return a.page - b.page
	})
	return found
}

// fieldWeight ranks the best field of a mask: 2 for the title, 1 for
// keywords, 0 for the body.
func fieldWeight(mask uint8) int {
	switch {
	case mask&(1<<fTitle) != 0:
		return 2
	case mask&(1<<fKeywords) != 0:
		return 1
	}
	return 0
}

// fieldTier is the tier a word found in the fields of mask allows.
func fieldTier(mask uint8) int { return 2 - fieldWeight(mask) }

// means lists what a term stands for, as patterns: itself, its synonyms,
// and the correction of a typo.
func (q *query) means(t *term) []pattern {
	ps := []pattern{t.pat}
	if t.fixed != "" {
		ps = append(ps, pattern{q.d.an.stemOf(t.fixed)})
	}
	for _, p := range slices.Clone(ps) {
		if g, ok := q.d.syn.groupOf[p.String()]; ok {
			ps = append(ps, q.d.syn.groups[g]...)
		}
	}
	return ps
}

// didYouMean offers, for each word that found nothing, the nearest words
// of the guide; when each word finds pages but no page has all of them,
// the words on their own.
func (d *dict) didYouMean(terms []*term) []string {
	var out []string
	alone := true
	for _, t := range terms {
		if !t.direct.empty() || !t.expanded.empty() || !t.fuzzy.empty() || t.prefix == "" {
			continue
		}
		alone = false
		out = append(out, d.nearest(t.prefix, 3-len(out))...)
		if len(out) >= 3 {
			break
		}
	}
	if alone && len(terms) > 1 {
		for _, t := range terms[:min(len(terms), 3)] {
			w := t.typed
			if t.fixed != "" {
				w = t.fixed
			}
			out = append(out, w)
		}
	}
	return out
}

// nearest returns up to n words of the guide closest to w, a little
// further than a typo may be.
func (d *dict) nearest(w string, n int) []string {
	limit := 2
	if len(w) >= 7 {
		limit = 3
	}
	limit = min(limit, max(1, len([]rune(w))/2))
	if d.an.negates(w) || d.an.nearNegation(w, typoLimit(w)) {
		return nil // as for typos: "can" for "cant", "note" for "nott" would drop a "not"
	}
	type cand struct {
		w          string
		dist, freq int
	}
	var cs []cand
	for id, c := range d.words {
		if strings.HasPrefix(c, conceptPrefix) || len(c) < 3 || d.an.negates(c) {
			continue
		}
		if dist := editDistance(w, c, limit); dist <= limit {
			cs = append(cs, cand{c, dist, int(d.post.pages[id])})
		}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		if a.freq != b.freq {
			return b.freq - a.freq
		}
		return strings.Compare(a.w, b.w)
	})
	var out []string
	for _, c := range cs[:min(len(cs), n)] {
		out = append(out, c.w)
	}
	return out
}
