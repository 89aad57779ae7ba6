package search

import (
	"slices"
	"strings"
)

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
					// A keyword that starts with a negation is one only
					// where the query has the negation: through a synonym,
					// "breathing" finds "can't breathe", and "no trouble
					// breathing" is no trouble.
					fs = append(fs, found{si, i, i + len(kw.units), kw.negative && us[i].not})
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
