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

// signs returns the warning signs the query names: one of a sign's
// keywords is in it, as a phrase, or every word of a query of two or
// more words is in the sign's own words ("chest pain", the sign read
// back). Both compare units (see synonyms.units): word forms and
// synonyms count, small words do not, and every negation is the same.
// A single word that is not a keyword ("skin") never raises a sign: it
// would alarm more patients than it helps, and nor does a query of only
// words of normal healing, unless by a keyword. The words of a keyword
// are not the sign's words: "not going away" is a keyword of a sign, "go
// away" alone names none. A keyword inside one of the sign's exceptions
// names nothing: "can't see" in "I can't see any difference". Nor does a
// keyword that a negation or a question about what the treatment may do
// reaches (see blocked): "no fever", "sin fiebre", "will it affect my
// vision?". A keyword of how the patient feels now names nothing in a
// question about what to expect (asking): "does it hurt so much?".
func (q *query) signs() []Sign {
	us := q.units()
	byWords := len(us) >= 2 && !q.healingOnly(us)
	asking := q.asking() && !q.worried()
	type found struct {
		sign, from, end int
		negative        bool // the keyword starts with a negation: "can't breathe"
	}
	var fs []found
	for si, s := range q.d.signs {
		for _, kw := range s.keywords {
			if kw.now && asking {
				continue
			}
			for i := range us {
				if (kw.lead == "" || us[i].after == kw.lead) && unitsMatch(us[i:], kw.units) &&
					!excepted(us, i, i+len(kw.units), s.except) {
					fs = append(fs, found{si, i, i + len(kw.units), kw.negative})
				}
			}
		}
	}
	// Longer keywords first where two start together, so that a keyword
	// inside a blocked one ("worse" in "not getting worse") is blocked
	// too.
	slices.SortStableFunc(fs, func(a, b found) int {
		if a.from != b.from {
			return a.from - b.from
		}
		return b.end - a.end
	})
	named := make([]bool, len(q.d.signs))
	var spans [][2]int // the keywords blocked
	for _, f := range fs {
		if !f.negative && q.blocked(us, f.from, f.end, spans, asking) {
			spans = append(spans, [2]int{f.from, f.end})
			continue
		}
		named[f.sign] = true
	}
	var out []Sign
	for si, s := range q.d.signs {
		if named[si] || byWords && inWords(us, s.words) && q.negationsAgree(us, s.words) {
			out = append(out, s.Sign)
		}
	}
	return out
}

// blocked reports whether the keyword found at units from to end of us
// names nothing, because
//   - a negation reaches it: "no fever", "without a fever", "I don't have
//     a fever", "no tengo fiebre", "sin fiebre" (see negated);
//   - it is inside a keyword blocked already (spans): "worse" in "not
//     getting worse";
//   - it comes right after one blocked, joined by words a negation
//     reaches over: "chills" in "no fever or chills";
//   - in a question about what to expect (asking), it is what the
//     treatment may do, right after a verb of synonyms.yaml's may_cause
//     or starting with one: "will it affect my vision?", "could it cause
//     a fever?", "¿puede causar fiebre?".
//
// A keyword that starts with a negation ("can't breathe", "not getting
// better", "no veo") is never blocked; nor is a symptom after a negation
// of something else ("fever won't go down", "no me baja la fiebre").
func (q *query) blocked(us []signUnit, from, end int, spans [][2]int, asking bool) bool {
	for _, s := range spans {
		if s[0] <= from && end <= s[1] || s[1] == from && q.joined(us, from-1, from, q.d.syn.negSkips) {
			return true
		}
	}
	if asking && (us[from].effect || from > 0 && us[from-1].effect && q.joined(us, from-1, from, q.d.syn.ignore)) {
		return true
	}
	return q.negated(us, from, spans)
}

// negated reports whether a negation reaches unit i of us: it comes
// before it with only words of synonyms.yaml's negation_skips between
// them, in the same clause (no punctuation between: "no, I have a
// fever" is a fever). A negation after another in the same clause
// reaches nothing ("can't eat without choking" is choking), unless it
// follows a symptom already negated: "sin fiebre ni escalofríos". Nor
// does a negation of being able: "can't swallow" is a sign.
func (q *query) negated(us []signUnit, i int, spans [][2]int) bool {
	for p := i - 1; p >= 0; p-- {
		if !us[p].not {
			if q.skippable(us[p]) {
				continue
			}
			return false
		}
		if us[p].unable || !q.joined(us, p, i, q.d.syn.negSkips) {
			return false
		}
		for m := p - 1; m >= 0; m-- {
			if us[m].not && q.sameClause(us, m, p) {
				return slices.ContainsFunc(spans, func(s [2]int) bool { return s[1] == p })
			}
		}
		return true
	}
	return false
}

// negationsAgree reports whether every word of us that a negation
// reaches is negated in words too: "won't stop bleeding" is "bleeding
// that does not stop", but "no rash" is not "a rash, without any
// emergency sign", nor "no empeora" "no deja de empeorar".
func (q *query) negationsAgree(us []signUnit, words []pattern) bool {
	for j := range us {
		if q.negated(us, j, nil) && !anyIndex(len(words)-1, func(k int) bool {
			return words[k][0] == notUnit && unitsMatch(us[j:j+1], words[k+1:k+2])
		}) {
			return false
		}
	}
	return true
}

// skippable reports whether every word of u is one a negation reaches
// over: "any" of "no tengo ningún", "feel" of "I don't feel very unwell".
func (q *query) skippable(u signUnit) bool {
	for j := u.first; j <= u.last; j++ {
		if !q.d.syn.negSkips[q.uses[j].t.typed] {
			return false
		}
	}
	return true
}

// joined reports whether units a and b of us are in the same clause and
// every word typed between them is in words.
func (q *query) joined(us []signUnit, a, b int, words map[string]bool) bool {
	for j := us[a].last + 1; j < us[b].first; j++ {
		if !words[q.uses[j].t.typed] {
			return false
		}
	}
	return q.sameClause(us, a, b)
}

// sameClause reports whether no punctuation that ends a clause comes
// between units a and b of us.
func (q *query) sameClause(us []signUnit, a, b int) bool {
	from, to := q.uses[us[a].last].end, q.uses[us[b].first].start
	// The halves of "cant" share one span: a unit may start where the
	// one before it ends, or inside it.
	return to <= from || !strings.ContainsAny(q.text[from:to], ",.;:!?¿¡…")
}

// asking reports whether the query starts with a word or phrase of
// synonyms.yaml's asking ("does", "is there"): a question about what to
// expect, as "does it hurt so much?" is before treatment. "can" of
// "can't" is a negation, not a question.
func (q *query) asking() bool {
	if len(q.d.syn.asking) == 0 {
		return false
	}
	keys, _ := keysAndStems(q.d.an, q.text)
	for _, a := range q.d.syn.asking {
		if len(a) > len(keys) || !slices.Equal(keys[:len(a)], a) {
			continue
		}
		if len(a) == len(keys) || q.d.an.negation(keys[len(a)-1], keys[len(a)]) == 0 {
			return true
		}
	}
	return false
}

// worried reports whether the query holds a word of synonyms.yaml's
// worry ("normal", "bad", "supposed"): "is it normal that it hurts so
// much?" asks about now, not about what to expect.
func (q *query) worried() bool {
	return slices.ContainsFunc(q.stems, func(st string) bool { return q.d.syn.worry[st] })
}

// excepted reports whether units from to end of us are inside one of a
// sign's exceptions, found in us where it overlaps them: "can't see" in
// "I can't see any difference" is inside "see any difference".
func excepted(us []signUnit, from, end int, except [][]pattern) bool {
	for _, e := range except {
		for i := max(0, from-len(e)+1); i < end && i < len(us); i++ {
			if unitsMatch(us[i:], e) {
				return true
			}
		}
	}
	return false
}

// healingOnly reports whether every unit of us is a word of normal
// healing (synonyms.yaml's healing: red, swollen, warm, skin). Such a
// query names no sign by the signs' own words: "la piel roja" is in "rayas
// rojas que salen de la piel tratada", and "red and swollen" in "redness,
// warmth, swelling or pain that gets worse", yet normal healing is on none
// of the levels. A keyword ("still red") still names its sign.
func (q *query) healingOnly(us []signUnit) bool {
	for _, u := range us {
		if u.not || !slices.ContainsFunc(u.means, func(m pattern) bool { return len(m) == 1 && q.d.syn.healing[m[0]] }) {
			return false
		}
	}
	return true
}

// signUnit is one unit of a query as warning signs read it: a negation, or
// what a word or phrase means.
type signUnit struct {
	not    bool
	unable bool // a negation of being able: "can't", "cannot"
	means  []pattern
	after  string // the key of the word typed right before it, small or not
	// effect marks a verb of what a treatment may do (synonyms.yaml's
	// may_cause): "affect", "cause".
	effect bool
	// first and last are the indexes in query.uses of its words.
	first, last int
}

// units is the query as synonyms.units splits a sign's text, each unit
// with what its term means.
func (q *query) units() []signUnit {
	var out []signUnit
	for i := 0; i < len(q.uses); i++ {
		t := q.uses[i].t
		if len(t.pat) == 1 {
			next := ""
			if i+1 < len(q.uses) {
				next = q.uses[i+1].t.typed
			}
			if n := q.d.an.negation(t.typed, next); n > 0 {
				out = append(out, signUnit{not: true, unable: q.d.an.unable[t.typed], first: i, last: i + n - 1})
				i += n - 1
				continue
			}
		}
		if !t.ignored {
			after := ""
			if i > 0 {
				after = q.uses[i-1].t.typed
			}
			means := q.means(t)
			for _, m := range means {
				if len(m) == 1 {
					for _, st := range q.d.accented[m[0]] {
						means = append(means, pattern{st})
					}
				}
			}
			out = append(out, signUnit{means: means, after: after, effect: len(t.pat) == 1 && q.d.syn.mayCause[t.typed], first: i, last: i})
		}
	}
	return out
}

// unitsMatch reports whether us starts with the units of want.
func unitsMatch(us []signUnit, want []pattern) bool {
	if len(want) > len(us) {
		return false
	}
	for i, w := range want {
		u := us[i]
		if len(w) == 1 && w[0] == notUnit {
			if !u.not {
				return false
			}
			continue
		}
		if u.not || !slices.ContainsFunc(u.means, func(m pattern) bool { return slices.Equal(m, w) }) {
			return false
		}
	}
	return true
}

// inWords reports whether every unit of us is among words, all of them
// close together: within len(us)+1 units, in any order. Words far apart
// in a sign are not the sign: "pain after treatment" is in "eye pain or
// a change in your sight after treatment near your eyes", and "is it
// getting better" in "gets worse instead of better".
func inWords(us []signUnit, words []pattern) bool {
	span := min(len(us)+1, len(words))
	return anyIndex(len(words)-span+1, func(at int) bool {
		window := words[at : at+span]
		for _, u := range us {
			if !anyIndex(len(window), func(i int) bool { return unitsMatch([]signUnit{u}, window[i:i+1]) }) {
				return false
			}
		}
		return true
	})
}

// anyIndex reports whether match is true for some index from 0 to n-1.
func anyIndex(n int, match func(i int) bool) bool {
	for i := range n {
		if match(i) {
			return true
		}
	}
	return false
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
