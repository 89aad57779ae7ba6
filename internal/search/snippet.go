package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

const (
	ellipsis = "…" // one cell wide
	maxLead  = 20  // most cells of context shown before the first hit

	ideographicStop = "。"
)

// snippets collects the snippets of one search into shared buffers.
type snippets struct {
	buf   []byte
	marks [][2]int
	words wordWindow // reused from row to row; its first is set by Snippets
}

// add appends the snippet of a page's text and its marks, and returns
// where they are: the snippet is buf[s[0]:s[1]], its marks
// marks[s[2]:s[3]].
func (sb *snippets) add(q *query, text string, width int) (s [4]int) {
	s[0], s[2] = len(sb.buf), len(sb.marks)
	s[1], s[3] = s[0], s[2]
	if width <= 0 || text == "" {
		return s
	}
	terms := q.active()

	var start, end int
	var cut bool
	if hit, hitEnd := q.firstBodyHit(&sb.words, text, terms); hit < 0 {
		// Only the title or keywords matched: the main message comes
		// first on every page, so its first sentence is the best preview.
		end, cut = fit(text, 0, firstSentence(text), width, 0)
	} else {
		start = leadStart(text, hit, width)
		budget := width
		if start > 0 {
			budget--
		}
		end, cut = fit(text, start, len(text), budget, hitEnd)
	}
	if !fits(text, start, end, cut, width) {
		start, end, cut = shrink(text, start, end, width)
	}

	if start > 0 {
		sb.buf = append(sb.buf, ellipsis...)
	}
	offset := len(sb.buf) - s[0] - start // snippet offset of a text offset
	sb.buf = append(sb.buf, text[start:end]...)
	if cut {
		sb.buf = append(sb.buf, ellipsis...)
	}
	s[1] = len(sb.buf)

	q.eachHit(&sb.words, text[:end], start, terms, func(_, p, e int, _ bool) bool {
		sb.marks = append(sb.marks, [2]int{p + offset, min(e, end) + offset})
		return true
	})
	s[3] = mergeMarks(sb.marks, s[2])
	sb.marks = sb.marks[:s[3]]
	return s
}

// eachHit calls f with each word (or phrase) of text from byte from on
// that a term matches: the term's index and the range to highlight (the
// typed prefix of a longer word, or the whole word or phrase), and
// whether it is the word typed or a form of it rather than a synonym. f
// returns false to stop. ws is where the words are read; its memory is
// used again.
func (q *query) eachHit(ws *wordWindow, text string, from int, terms []*term, f func(k, p, e int, own bool) bool) {
	d := q.d
	ws.reset(d, text, from)
	phraseAt := func(ps []pattern) (int, pattern) {
		for _, p := range ps {
			if !ws.ahead(len(p)) {
				continue
			}
			ok := true
			for j, st := range p {
				if id := ws.id(j); id < 0 || d.stems[id] != st {
					ok = false
					break
				}
			}
			if ok {
				return len(p), p
			}
		}
		return 0, nil
	}
	for ws.ahead(1) {
		ws.id(0)
		sp := ws.spans[0]
		step := 1
		for k, t := range terms {
			if n, p := phraseAt(t.phrases); n > 0 {
				if !f(k, sp.p, ws.spans[n-1].e, slices.Equal(p, t.pat)) {
					return
				}
				step = n
				break
			}
			if sp.id < 0 {
				continue
			}
			var set *wordSet
			switch {
			case t.direct.has(sp.id):
				set = &t.direct
			case t.expanded.has(sp.id):
				set = &t.expanded
			case t.direct.empty() && t.expanded.empty() && t.fuzzy.has(sp.id):
				set = &t.fuzzy
			default:
				continue
			}
			end := sp.e
			w := foldText(text[sp.p:sp.e])
			typed := set == &t.direct && t.prefix != "" && strings.HasPrefix(w, t.prefix)
			if typed && len(t.prefix) < len(w) {
				end = sp.p + len(t.prefix) // "sun" in "sunscreen": mark what was typed
			}
			own := typed || set == &t.direct && len(t.pat) == 1 && d.stems[sp.id] == t.pat[0]
			if !f(k, sp.p, end, own) {
				return
			}
			break
		}
		ws.drop(step)
	}
}

// wordWindow reads the words of a folded text as they are needed and keeps
// only those not yet passed: the word at hand and the few a phrase starting
// there looks ahead at. A snippet of a long page then allocates nothing,
// and a search stopped at its first hit reads no further.
type wordWindow struct {
	d      *dict
	text   string
	pos    int        // where reading goes on
	spans  []wordSpan // from the word at hand on
	buf    []byte     // a word folded; see lookup
	first  byteSet    // what the words the terms find can start with, when filter
	filter bool
}

// wordSpan is a word of the text, looked up in the dictionary when needed.
type wordSpan struct {
	p, e int
	id   int32 // -1: not in the dictionary; -2: not looked up yet
}

// ahead reports whether n words are there from the one at hand, reading
// them if need be.
func (w *wordWindow) ahead(n int) bool {
	for len(w.spans) < n {
		if !w.read() {
			return false
		}
	}
	return true
}

// read reads the next word; false at the end of the text.
func (w *wordWindow) read() bool {
	start := -1
	for i, r := range w.text[w.pos:] {
		i += w.pos
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			w.spans = append(w.spans, wordSpan{p: start, e: i, id: -2})
			w.pos = i
			return true
		}
	}
	w.pos = len(w.text)
	if start < 0 {
		return false
	}
	w.spans = append(w.spans, wordSpan{p: start, e: len(w.text), id: -2})
	return true
}

// reset starts reading text at byte from.
func (w *wordWindow) reset(d *dict, text string, from int) {
	w.d, w.text, w.pos, w.spans = d, text, from, w.spans[:0]
}

// id looks the i-th word from the one at hand up, once.
func (w *wordWindow) id(i int) int32 {
	sp := &w.spans[i]
	if sp.id == -2 {
		sp.id = w.lookup(w.text[sp.p:sp.e])
	}
	return sp.id
}

// lookup finds a word of the text in the dictionary, folding it in a
// buffer used again: folding only the words read, and without making a
// string of each, costs much less than folding the whole page for each
// row of results.
func (w *wordWindow) lookup(word string) int32 {
	if c := word[0]; c < utf8.RuneSelf && w.filter {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !w.first.has(c) {
			return -1 // no word of the terms starts so: not worth a look
		}
	}
	key := word
	if !folded(word) {
		w.buf = appendFold(w.buf[:0], word)
		if !w.d.an.foldAccents {
			if id, ok := w.d.byKey[string(w.buf)]; ok { // no string is made
				return id
			}
			return -1
		}
		key = string(w.buf)
	}
	if id, ok := w.d.byKey[w.d.an.key(key)]; ok {
		return id
	}
	return -1
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(c byte)      { s[c>>6] |= 1 << (c & 63) }
func (s *byteSet) has(c byte) bool { return s[c>>6]&(1<<(c&63)) != 0 }

// maxFirstScan bounds the words firstBytes looks at.
const maxFirstScan = 4096

// firstBytes returns the bytes the dictionary words that terms find start
// with, or false (any byte) when that is not worth knowing or not enough:
// a term with phrases matches words by their stems (see eachHit), and a
// very short prefix finds words of every kind. A word of a page that
// starts with ASCII starts with the same byte folded and as a key, so a
// word whose first byte is not in the set is in none of the terms' sets.
func (q *query) firstBytes(terms []*term) (s byteSet, ok bool) {
	n := 0
	for _, t := range terms {
		if len(t.phrases) > 0 {
			return s, false
		}
		for _, set := range []*wordSet{&t.direct, &t.expanded, &t.fuzzy} {
			n += max(0, int(set.hi-set.lo)) + len(set.extra)
			if n > maxFirstScan {
				return s, false
			}
			set.each(func(id int32) {
				if w := q.d.words[id]; w != "" {
					s.add(w[0])
				}
			})
		}
	}
	return s, true
}

// drop passes n words.
func (w *wordWindow) drop(n int) {
	w.spans = w.spans[:copy(w.spans, w.spans[n:])]
}

// firstBodyHit returns the byte range of the first place in the body where
// the query's most telling word matches, or -1, -1. The most telling word
// is the one with the fewest hits in this body: for "retin a" the snippet
// should show "Retin-A", not the first word that starts with "a". The word
// as typed is shown before its synonyms: "retinol", then "retinoid".
func (q *query) firstBodyHit(ws *wordWindow, text string, terms []*term) (hit, hitEnd int) {
	if len(terms) == 0 {
		return -1, -1
	}
	type first struct {
		n, p, e int
		own     bool
	}
	var small [8]first
	seen := small[:0]
	if len(terms) > len(small) {
		seen = make([]first, 0, len(terms))
	}
	seen = seen[:len(terms)]
	q.eachHit(ws, text, 0, terms, func(k, p, e int, own bool) bool {
		if s := &seen[k]; s.n == 0 || own && !s.own {
			s.p, s.e, s.own = p, e, own
		}
		seen[k].n++
		// One word: nothing to compare, so the first hit as typed will do.
		return len(terms) > 1 || !seen[k].own
	})
	best := -1
	for k, s := range seen {
		if s.n > 0 && (best < 0 || s.n < seen[best].n || s.n == seen[best].n && len(terms[k].typed) > len(terms[best].typed)) {
			best = k
		}
	}
	if best < 0 {
		return -1, -1
	}
	return seen[best].p, seen[best].e
}

// firstSentence returns where the first sentence of text ends: after its
// full stop (or "。", which needs no space after it), or before the " · "
// that ends a heading.
func firstSentence(text string) int {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '.', '!', '?':
			if i+1 == len(text) || text[i+1] == ' ' {
				return i + 1
			}
		case ' ':
			if strings.HasPrefix(text[i+1:], blockSep+" ") {
				return i
			}
		case ideographicStop[0]:
			if strings.HasPrefix(text[i:], ideographicStop) {
				return i + len(ideographicStop)
			}
		}
	}
	return len(text)
}

// unit returns the length in bytes and the width in cells of the grapheme
// cluster at text[i:limit]. Plain ASCII, almost all of the English text,
// is measured without the grapheme machinery.
func unit(text string, i, limit int) (n, w int) {
	if text[i] < utf8.RuneSelf && (i+1 >= limit || text[i+1] < utf8.RuneSelf) {
		return 1, 1
	}
	cluster, w := ansi.FirstGraphemeCluster(text[i:limit], ansi.GraphemeWidth)
	if len(cluster) == 0 {
		return 1, 1
	}
	return len(cluster), w
}

// leadStart chooses where a snippet starts so that a little context comes
// before the hit: at most a quarter of the width (and maxLead cells),
// starting at a word.
func leadStart(text string, hit, width int) int {
	lead := min(width/4, maxLead)
	if lead <= 0 || hit == 0 {
		return hit
	}
	// Look back far enough for lead cells of ASCII (more bytes for
	// anything wider), starting on a rune.
	lo := max(0, hit-4*lead)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	total := 0
	for i := lo; i < hit; {
		n, w := unit(text, i, hit)
		total += w
		i += n
	}
	if lo == 0 && total <= lead {
		return 0
	}
	for i, w := lo, 0; i < hit; {
		if total-w <= lead && (i == 0 || text[i-1] == ' ') {
			return i
		}
		n, cw := unit(text, i, hit)
		w += cw
		i += n
	}
	return hit
}

// fit returns how much of text from start (up to limit) fits in budget
// cells. When it all fits, cut is false. Otherwise one cell is kept for
// the "…", and the cut moves back to a space when one is near, but never
// before keep, the end of the hit.
func fit(text string, start, limit, budget, keep int) (end int, cut bool) {
	w, lastFit, i := 0, start, start
	for i < limit {
		n, cw := unit(text, i, limit)
		if w+cw > budget {
			break
		}
		w += cw
		i += n
		if w <= budget-1 {
			lastFit = i
		}
	}
	if i >= limit {
		return limit, false
	}
	end = lastFit
	const nearSpace = 15 // bytes: give up a few cells to end on a whole word
	if sp := strings.LastIndexByte(text[start:end], ' '); sp > 0 && start+sp >= keep && end-(start+sp) <= nearSpace {
		end = start + sp
	}
	// A cut after a comma or a colon drops it, and a cut after a whole
	// sentence needs no "…": ",…" and ".…" read as punctuation twice.
	end = start + len(strings.TrimRight(text[start:end], " "+blockSep+",;:"))
	return end, !endsSentence(text[start:end])
}

// endsSentence reports whether s ends with a full stop, "!", "?" or "。".
func endsSentence(s string) bool {
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, ideographicStop)
}

// fits checks the snippet's width as ansi.StringWidth measures it. Plain
// ASCII fits by construction; other text is measured once more, because
// grapheme clusters split at a cut can measure differently.
func fits(text string, start, end int, cut bool, width int) bool {
	part := text[start:end]
	w := 0
	if start > 0 {
		w++
	}
	if cut {
		w++
	}
	ascii := true
	for i := 0; i < len(part); i++ {
		if part[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return w+len(part) <= width
	}
	return snippetWidth(text, start, end, cut) <= width
}

func snippetWidth(text string, start, end int, cut bool) int {
	s := text[start:end]
	if start > 0 {
		s = ellipsis + s
	}
	if cut {
		s += ellipsis
	}
	return ansi.StringWidth(s)
}

// shrink drops runes from the end until the snippet fits, and shows only
// "…" if nothing does. It is the rare path for unusual grapheme clusters
// and very narrow widths.
func shrink(text string, start, end, width int) (int, int, bool) {
	for end > start {
		_, size := utf8.DecodeLastRuneInString(text[start:end])
		end -= size
		if snippetWidth(text, start, end, true) <= width {
			return start, end, true
		}
	}
	// Nothing of the text fits beside the ellipses: show one "…" alone.
	return 0, 0, true
}

// mergeMarks sorts marks[from:] and merges overlapping ranges in place,
// returning the new end of the slice.
func mergeMarks(marks [][2]int, from int) int {
	ms := marks[from:]
	if len(ms) < 2 {
		return len(marks)
	}
	slices.SortFunc(ms, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	n := 1
	for _, m := range ms[1:] {
		if last := &ms[n-1]; m[0] <= last[1] {
			last[1] = max(last[1], m[1])
		} else {
			ms[n] = m
			n++
		}
	}
	return from + n
}
