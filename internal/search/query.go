package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// wordSet is a set of dictionary words: a run of ids (the words that
// start with what was typed) and a sorted list of others.
type wordSet struct {
	lo, hi int32
	extra  []int32
}

func (s *wordSet) has(id int32) bool {
	if id >= s.lo && id < s.hi {
		return true
	}
	_, ok := slices.BinarySearch(s.extra, id)
	return ok
}

func (s *wordSet) empty() bool { return s.lo >= s.hi && len(s.extra) == 0 }

// seal sorts the extra ids and drops repeats and those in the run.
func (s *wordSet) seal() {
	slices.Sort(s.extra)
	s.extra = slices.Compact(s.extra)
	s.extra = slices.DeleteFunc(s.extra, func(id int32) bool { return id >= s.lo && id < s.hi })
}

// each calls f with every word of the set once.
func (s *wordSet) each(f func(id int32)) {
	for id := s.lo; id < s.hi; id++ {
		f(id)
	}
	for _, id := range s.extra {
		f(id)
	}
}

// term is one word (or phrase) of a query and the words it finds.
type term struct {
	typed   string  // what the patient typed, folded: "retnol", "make up"
	prefix  string  // the key whose prefixes match ("" for a phrase)
	pat     pattern // its stems
	ignored bool    // a small word skipped because the query has others

	direct   wordSet // the word, its forms and its synonyms
	expanded wordSet // what synonyms.yaml's "also" adds
	fuzzy    wordSet // near spellings, used only when nothing else matches
	dist     map[int32]int
	phrases  []pattern // the phrases among what it finds, to highlight
	fixed    string    // the correction of a typo, when fuzzy is used
}

// query is a compiled query, shared read-only by its results.
type query struct {
	d     *dict
	terms []*term
	stems pattern // every word of the query, ignored ones too, in order
	// text is the query as typed, cleaned, and uses are where each term
	// was typed in it (a term typed twice has two), so that a correction
	// keeps the patient's own words: "bleeding wont stop", not "won t".
	text string
	uses []use
}

// use is where in query.text a term was typed.
type use struct {
	start, end int
	t          *term
}

// active returns the terms that must match.
func (q *query) active() []*term {
	out := make([]*term, 0, len(q.terms))
	for _, t := range q.terms {
		if !t.ignored {
			out = append(out, t)
		}
	}
	return out
}

func (d *dict) compileQuery(text string) *query {
	text, lower := clean(text)
	var keys []string
	var spans [][2]int // of each key in lower: both halves of "cant" have all of it
	q := &query{d: d, text: text}
	at := 0
	words(lower, func(w string) {
		start := at + strings.Index(lower[at:], w)
		at = start + len(w)
		d.an.eachWord(w, func(part string) {
			keys = append(keys, d.an.key(part))
			q.stems = append(q.stems, d.an.stemOf(part))
			spans = append(spans, [2]int{start, at})
		})
	})
	seen := map[string]*term{}
	for i := 0; i < len(keys); {
		t := &term{}
		// The longest phrase of synonyms.yaml that starts here.
		if p := d.syn.phraseAt(q.stems, i); p != nil {
			t.pat = p
			t.typed = strings.Join(keys[i:i+len(p)], " ")
		} else {
			t.pat = pattern{q.stems[i]}
			t.typed, t.prefix = keys[i], keys[i]
			t.ignored = d.syn.ignore[keys[i]]
		}
		u := use{start: spans[i][0], end: spans[i+len(t.pat)-1][1], t: t}
		i += len(t.pat)
		if first, ok := seen[t.typed]; ok {
			u.t = first
			q.uses = append(q.uses, u)
			continue
		}
		seen[t.typed] = t
		q.terms = append(q.terms, t)
		q.uses = append(q.uses, u)
	}
	if len(q.active()) == 0 {
		for _, t := range q.terms {
			t.ignored = false // only small words: search for them after all
		}
	}
	for _, t := range q.terms {
		d.resolve(t)
	}
	return q
}

// resolve finds the words of a term: exactly, then by typo.
func (d *dict) resolve(t *term) {
	if t.prefix != "" {
		t.direct.lo, t.direct.hi = d.prefixRange(t.prefix)
	}
	d.meaning(t.pat, &t.direct, &t.expanded, &t.phrases)
	t.direct.seal()
	t.expanded.seal()
	if !t.direct.empty() || !t.expanded.empty() || t.prefix == "" {
		return
	}
	// Nothing has this word: try words one or two edits away.
	limit := typoLimit(t.prefix)
	// A correction never adds or drops a negation: a negation ("not",
	// "isnt") or a word a typo away from one ("nott") is never changed,
	// and nothing becomes one. Never "can" for "cant", "note" for "nott".
	if limit == 0 || d.an.negates(t.prefix) || d.an.nearNegation(t.prefix, limit) {
		return
	}
	best, bestDist, bestFreq := "", limit+1, -1
	try := func(cand string) {
		if d.an.negates(cand) {
			return
		}
		dist := editDistance(t.prefix, cand, limit)
		if dist > limit {
			return
		}
		var ids []int32
		if id, ok := d.byKey[cand]; ok {
			ids = append(ids, id)
		}
		before := len(t.fuzzy.extra)
		var exp wordSet
		d.meaning(pattern{d.an.stemOf(cand)}, &t.fuzzy, &exp, &t.phrases)
		t.fuzzy.extra = append(t.fuzzy.extra, ids...)
		t.fuzzy.extra = append(t.fuzzy.extra, exp.extra...)
		if len(t.fuzzy.extra) == before {
			return
		}
		if t.dist == nil {
			t.dist = map[int32]int{}
		}
		for _, id := range t.fuzzy.extra[before:] {
			if old, ok := t.dist[id]; !ok || dist < old {
				t.dist[id] = dist
			}
		}
		freq := 0
		if id, ok := d.byKey[cand]; ok {
			freq = int(d.post.pages[id])
		}
		if dist < bestDist || dist == bestDist && (freq > bestFreq || freq == bestFreq && cand < best) {
			best, bestDist, bestFreq = cand, dist, freq
		}
	}
	for _, w := range d.words {
		if !strings.HasPrefix(w, conceptPrefix) {
			try(w)
		}
	}
	for _, w := range d.syn.typed {
		if _, inDict := d.byKey[w]; !inDict {
			try(w)
		}
	}
	t.fuzzy.seal()
	t.fixed = best
}

// meaning adds the words a pattern means: its forms and its group go to
// direct, what "also" names to expanded.
func (d *dict) meaning(p pattern, direct, expanded *wordSet, phrases *[]pattern) {
	add := func(set *wordSet, p pattern) {
		set.extra = d.patternIDs(p, set.extra)
		if len(p) > 1 {
			*phrases = append(*phrases, p)
		}
	}
	add(direct, p)
	pats := []pattern{p}
	if g, ok := d.syn.groupOf[p.String()]; ok {
		for _, m := range d.syn.groups[g] {
			add(direct, m)
		}
		pats = d.syn.groups[g]
	}
	for _, m := range pats {
		for _, to := range d.syn.also[m.String()] {
			add(expanded, to)
			if g, ok := d.syn.groupOf[to.String()]; ok {
				for _, gm := range d.syn.groups[g] {
					add(expanded, gm)
				}
			}
		}
	}
}

// typoLimit is how many edits a word may be from what was meant: one for
// words of 4 to 7 letters, two for longer ones, none for short words,
// where one edit reaches too many others.
func typoLimit(w string) int {
	switch n := utf8.RuneCountInString(w); {
	case n >= 8:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// editDistance is the optimal string alignment distance between a and b
// in runes (insertions, deletions, substitutions and swaps of neighbours
// each cost one), or limit+1 once it is sure to be more than limit.
func editDistance(a, b string, limit int) int {
	if a == b {
		return 0
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if la-lb > limit || lb-la > limit {
		return limit + 1
	}
	var ab, bb [32]rune
	ra, rb := ab[:0], bb[:0]
	for _, r := range a {
		ra = append(ra, r)
	}
	for _, r := range b {
		rb = append(rb, r)
	}
	var rows [3][33]int
	if len(rb) > 32 {
		return limit + 1 // no word that long is a typo worth correcting
	}
	prev2, prev, cur := rows[0][:len(rb)+1], rows[1][:len(rb)+1], rows[2][:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit+1)
}
