package search

import (
	"slices"

	"github.com/skinguide/skinguide/internal/content"
)

// synonyms is a language's synonyms.yaml, as stems.
type synonyms struct {
	groups  [][]pattern          // "same": each group's words and phrases
	groupOf map[string]int       // pattern -> its group
	also    map[string][]pattern // pattern typed -> patterns of the guide
	phrases map[string][]pattern // first stem -> every phrase of the file, longest first
	ignore  map[string]bool      // keys of the words to skip
	healing map[string]bool      // stems of the words of normal healing
	asking  [][]string           // the keys of each word or phrase that starts a question
	// negSkips are the keys of the small words a negation reaches over
	// ("don't have a fever"), mayCause the keys of the verbs of what a
	// treatment may do ("will it affect my vision?"), worry the stems of
	// the words that make a question one about now ("is it normal").
	negSkips map[string]bool
	mayCause map[string]bool
	worry    map[string]bool
	typed    []string // one-word keys a patient may type, for typo correction
}

func compileSynonyms(an analyzer, s *content.Synonyms) synonyms {
	syn := synonyms{groupOf: map[string]int{}, also: map[string][]pattern{}, phrases: map[string][]pattern{}, ignore: map[string]bool{}, healing: map[string]bool{},
		negSkips: map[string]bool{}, mayCause: map[string]bool{}, worry: map[string]bool{}}
	if s == nil {
		return syn
	}
	seen := map[string]bool{}
	note := func(text string, p pattern) {
		if len(p) > 1 && !seen[p.String()] {
			seen[p.String()] = true
			syn.phrases[p[0]] = append(syn.phrases[p[0]], p)
		}
		if len(p) == 1 {
			_, lower := clean(text)
			words(lower, func(w string) { syn.typed = append(syn.typed, an.key(w)) })
		}
	}
	for _, g := range s.Same {
		var group []pattern
		for _, w := range g.Words {
			p := an.compile(w)
			if len(p) == 0 {
				continue
			}
			if _, dup := syn.groupOf[p.String()]; dup {
				continue // check reports it; the first group keeps it
			}
			syn.groupOf[p.String()] = len(syn.groups)
			group = append(group, p)
			note(w, p)
		}
		syn.groups = append(syn.groups, group)
	}
	for _, l := range s.Also {
		from := an.compile(l.From)
		if len(from) == 0 {
			continue
		}
		note(l.From, from)
		for _, t := range l.To {
			if p := an.compile(t); len(p) > 0 {
				syn.also[from.String()] = append(syn.also[from.String()], p)
				note(t, p)
			}
		}
	}
	// Words as typed (their keys) and words in every form (one pattern).
	typed := func(set map[string]bool, words []string) {
		for _, w := range words {
			_, lower := clean(w)
			set[an.key(lower)] = true
		}
	}
	forms := func(set map[string]bool, words []string) {
		for _, w := range words {
			if p := an.compile(w); len(p) == 1 {
				set[p[0]] = true
			}
		}
	}
	typed(syn.ignore, s.Ignore)
	forms(syn.healing, s.Healing)
	typed(syn.negSkips, s.NegationSkips)
	typed(syn.mayCause, s.MayCause)
	forms(syn.worry, s.Worry)
	for _, w := range s.Asking {
		if keys, _ := keysAndStems(an, w); len(keys) > 0 {
			syn.asking = append(syn.asking, keys)
		}
	}
	for _, ps := range syn.phrases {
		slices.SortStableFunc(ps, func(a, b pattern) int { return len(b) - len(a) })
	}
	slices.Sort(syn.typed)
	syn.typed = slices.Compact(syn.typed)
	return syn
}

// sign is a warning sign with its words and keywords as units.
type sign struct {
	Sign
	// keywords are matched as phrases: each is a run of units that must
	// be a run of the query's. Their words are not the sign's words, so
	// "not going away" in a keyword never makes "go away" one.
	keywords []keyword
	words    []pattern   // the units of the sign's own words
	except   [][]pattern // the units of each of the sign's exceptions
}

// keyword is a sign's keyword as units, and the small word it starts
// with, if any.
type keyword struct {
	units []pattern
	// lead is the key of the small word right before the first unit when
	// the keyword starts with small words; the query must have it right
	// there. Small words are skipped everywhere else, but "me duele mucho"
	// (it hurts me a lot: pain now) is not "¿duele mucho?" (does it hurt
	// a lot?), asked before treatment.
	lead string
	// now marks a keyword of how the patient feels now (Sign.KeywordsNow):
	// in a question about what to expect, or right after a negation, it
	// names nothing.
	now bool
	// negative marks a keyword that starts with a negation ("can't
	// breathe", "not getting better", "no veo"): a negation never blocks
	// it. A phrase of synonyms.yaml may be one unit ("can't breathe" is
	// in a group with "breathing"), so this is read from its words.
	negative bool
}

// negative reports whether text starts with a negation.
func negative(an analyzer, text string) bool {
	keys, _ := keysAndStems(an, text)
	switch len(keys) {
	case 0:
		return false
	case 1:
		return an.negation(keys[0], "") > 0
	}
	return an.negation(keys[0], keys[1]) > 0
}

// compileSigns compiles the warning signs, and maps the stem of each of
// their words typed without its accents to the stem of the word as
// written, where the two differ: the stemmer reads "respiración" as
// "respir" but "respiracion", as many keyboards type it, as itself.
func compileSigns(an analyzer, syn *synonyms, signs []Sign) ([]sign, map[string][]string) {
	out := make([]sign, 0, len(signs))
	accented := map[string][]string{}
	addAccented := func(text string) {
		keys, stems := keysAndStems(an, text)
		for i, k := range keys {
			if plain := an.stemOf(k); plain != stems[i] && !slices.Contains(accented[plain], stems[i]) {
				accented[plain] = append(accented[plain], stems[i])
			}
		}
	}
	for _, s := range signs {
		cs := sign{Sign: s, words: syn.units(an, s.Words)}
		addAccented(s.Words)
		for i, k := range slices.Concat(s.Keywords, s.KeywordsNow) {
			if us := syn.units(an, k); len(us) > 0 {
				cs.keywords = append(cs.keywords, keyword{units: us, lead: syn.lead(an, k), now: i >= len(s.Keywords), negative: negative(an, k)})
				addAccented(k)
			}
		}
		for _, e := range s.Except {
			if us := syn.units(an, e); len(us) > 0 {
				cs.except = append(cs.except, us)
				addAccented(e)
			}
		}
		out = append(out, cs)
	}
	slices.SortStableFunc(out, func(a, b sign) int { return content.Rank(a.Level) - content.Rank(b.Level) })
	return out, accented
}

// notUnit is the stem of every negation: "not", "won't", "isnt" and
// Spanish "no" read the same to warning signs, so a keyword written with
// one covers the others, and a small word that is ignored elsewhere still
// keeps "pain not going away" apart from "pain going away". No word can
// start with it (clean drops control characters).
const notUnit = "\x00not"

// units splits text into what warning signs are matched on: the longest
// phrase of synonyms.yaml at each place, or one word's stem; small words
// are left out, and a negation is notUnit.
func (syn *synonyms) units(an analyzer, text string) []pattern {
	keys, stems := keysAndStems(an, text)
	var out []pattern
	for i := 0; i < len(keys); i++ {
		if p := syn.phraseAt(stems, i); p != nil {
			out = append(out, p)
			i += len(p) - 1
			continue
		}
		next := ""
		if i+1 < len(keys) {
			next = keys[i+1]
		}
		switch n := an.negation(keys[i], next); {
		case n > 0:
			out = append(out, pattern{notUnit})
			i += n - 1
		case !syn.ignore[keys[i]]:
			out = append(out, pattern{stems[i]})
		}
	}
	return out
}

// lead returns the key of the small word right before the first unit of
// text, when text starts with small words: "me" of "me duele mucho". It
// is "" when text starts with a unit (a word, a phrase of synonyms.yaml
// or a negation).
func (syn *synonyms) lead(an analyzer, text string) string {
	keys, stems := keysAndStems(an, text)
	for i := range keys {
		next := ""
		if i+1 < len(keys) {
			next = keys[i+1]
		}
		if syn.phraseAt(stems, i) != nil || an.negation(keys[i], next) > 0 || !syn.ignore[keys[i]] {
			if i == 0 {
				return ""
			}
			return keys[i-1]
		}
	}
	return ""
}

// keysAndStems returns the key and the stem of each word of text.
func keysAndStems(an analyzer, text string) (keys, stems []string) {
	_, lower := clean(text)
	an.eachWord(lower, func(w string) {
		keys = append(keys, an.key(w))
		stems = append(stems, an.stemOf(w))
	})
	return keys, stems
}

// phraseAt returns the longest phrase of synonyms.yaml that starts at
// stems[i], or nil.
func (syn *synonyms) phraseAt(stems []string, i int) pattern {
	for _, p := range syn.phrases[stems[i]] {
		if i+len(p) <= len(stems) && slices.Equal(stems[i:i+len(p)], p) {
			return p
		}
	}
	return nil
}

// addTyped adds the one-word keywords of the warning signs to the words a
// typo may be meant as: a frightened patient's "brethe" is "breathe" even
// when no page says "breathe".
func (syn *synonyms) addTyped(an analyzer, signs []Sign) {
	n := len(syn.typed)
	for _, s := range signs {
		for _, k := range slices.Concat(s.Keywords, s.KeywordsNow) {
			if p := an.compile(k); len(p) == 1 {
				_, lower := clean(k)
				words(lower, func(w string) { syn.typed = append(syn.typed, an.key(w)) })
			}
		}
	}
	if len(syn.typed) > n {
		slices.Sort(syn.typed)
		syn.typed = slices.Compact(syn.typed)
	}
}
