package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/spanish"
	"golang.org/x/text/unicode/norm"
)

// analyzer turns the words of one language into what search compares:
// a key (the folded word, without accents where the language's readers
// leave them out) and a stem (the key's word form: breathe, breathing and
// breath share "breath").
type analyzer struct {
	stem        func(word string, stemStopWords bool) string
	foldAccents bool
	// negStubs are what comes before "n't" in the language's negative
	// contractions, split on the apostrophe as all text is: "can't" is
	// "can" and "t". Patients type them without it ("cant", "dont"), and
	// a query word that is a stub and "t" is split the same way.
	negStubs map[string]bool
	// negWords are the words that turn a sentence into its opposite.
	// Typo correction never adds or drops one (nor a stub, nor a
	// contraction): "cant breathe" must never read "can breathe".
	negWords map[string]bool
	// unable are the negations of being able ("can't", "cannot"), as
	// keys of their first word: "can't swallow" is a sign, not the
	// absence of one, so they negate no symptom. Spanish says it with a
	// word of its own ("no puedo tragar"), which no negation reaches
	// over.
	unable map[string]bool
}

// newAnalyzer chooses the stemmer of a language. A language without one
// still matches whole words and prefixes: its stem is the word itself.
func newAnalyzer(lang string) analyzer {
	switch strings.ToLower(lang) {
	case "", "en":
		return analyzer{
			stem: english.Stem,
			negStubs: set("can", "don", "won", "isn", "aren", "wasn", "weren", "doesn", "didn",
				"hasn", "haven", "hadn", "couldn", "shouldn", "wouldn", "mustn", "needn", "mightn", "shan", "ain"),
			negWords: set("not", "no", "never", "nor", "cannot", "none", "nothing", "nobody", "nowhere", "neither", "without"),
			unable:   set("can", "cannot", "couldn"),
		}
	case "es":
		// Patients often type Spanish without accents ("informacion"),
		// so keys drop them; "ñ" becomes "n" too, as on many keyboards.
		// Spanish has no negative contractions; keys drop accents.
		return analyzer{stem: spanish.Stem, foldAccents: true,
			negWords: set("no", "nunca", "jamas", "ni", "sin", "nada", "nadie", "tampoco", "ningun", "ninguno", "ninguna", "ningunos", "ningunas")}
	}
	return analyzer{}
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// contraction returns the stub of a negative contraction typed without
// its apostrophe ("cant" -> "can"), or "".
func (a analyzer) contraction(w string) string {
	if len(w) > 2 && strings.HasSuffix(w, "nt") && a.negStubs[w[:len(w)-1]] {
		return w[:len(w)-1]
	}
	return ""
}

// eachWord calls f with each word of a folded string as words does,
// except that a contraction typed without its apostrophe is the two words
// it is with one: "cant" is "can" and "t", as "can't" and "can’t" are.
func (a analyzer) eachWord(s string, f func(w string)) {
	words(s, func(w string) {
		if stub := a.contraction(w); stub != "" {
			f(stub)
			f("t")
			return
		}
		f(w)
	})
}

// negates reports whether a key carries a negation: a negative word
// ("not", "no"), the stub of a negative contraction ("isn" of "isn't"),
// or such a contraction typed without its apostrophe ("isnt").
func (a analyzer) negates(k string) bool {
	return a.negWords[k] || a.negStubs[k] || a.contraction(k) != ""
}

// negation reports how many words, from key k followed by next, make a
// negation: 1 for a negative word ("not", "no"), 2 for the stub of a
// contraction and its "t" ("isn" "t"), 0 for none. A stub alone is not
// one: "can" is "can" unless "t" follows.
func (a analyzer) negation(k, next string) int {
	switch {
	case a.negWords[k]:
		return 1
	case a.negStubs[k] && next == "t":
		return 2
	}
	return 0
}

// nearNegation reports whether a key that is not a negation is within
// limit edits of one ("nott", "cnat", "dosent"): it may be a misspelt one,
// so correcting it either way could add or drop a negation.
func (a analyzer) nearNegation(k string, limit int) bool {
	if limit == 0 || a.negates(k) {
		return false
	}
	for w := range a.negWords {
		if editDistance(k, w, limit) <= limit {
			return true
		}
	}
	for stub := range a.negStubs {
		if editDistance(k, stub+"t", limit) <= limit {
			return true
		}
	}
	return false
}

// key is the form of a folded word that the dictionary holds.
func (a analyzer) key(w string) string {
	if !a.foldAccents {
		return w
	}
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// stemOf returns the stem of a folded word, as a key: stemmers know the
// accents of their language ("respiración" and "respirar" share
// "respir"), so the accents go after stemming. Short words are their own
// stems.
func (a analyzer) stemOf(w string) string {
	if a.stem == nil || len(w) < 3 {
		return a.key(w)
	}
	s := a.stem(w, true)
	if s == "" {
		return a.key(w)
	}
	return a.key(s)
}

// pattern is a word or phrase as a sequence of stems.
type pattern []string

func (p pattern) String() string { return strings.Join(p, " ") }

// compile splits text into words as pages are split and stems them.
func (a analyzer) compile(text string) pattern {
	_, lower := clean(text)
	var p pattern
	a.eachWord(lower, func(w string) { p = append(p, a.stemOf(w)) })
	return p
}

// conceptPrefix starts the dictionary entries that stand for phrases
// ("make up", "day 1"). No typed word can start with it (clean drops
// control characters), so a prefix search never reaches them.
const conceptPrefix = "\x01"

func concept(p pattern) string { return conceptPrefix + p.String() }
