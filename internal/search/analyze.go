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
}

// newAnalyzer chooses the stemmer of a language. A language without one
// still matches whole words and prefixes: its stem is the word itself.
func newAnalyzer(lang string) analyzer {
	switch strings.ToLower(lang) {
	case "", "en":
		return analyzer{stem: english.Stem}
	case "es":
		// Patients often type Spanish without accents ("informacion"),
		// so keys drop them; "ñ" becomes "n" too, as on many keyboards.
		return analyzer{stem: spanish.Stem, foldAccents: true}
	}
	return analyzer{}
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
	words(lower, func(w string) { p = append(p, a.stemOf(w)) })
	return p
}

// conceptPrefix starts the dictionary entries that stand for phrases
// ("make up", "day 1"). No typed word can start with it (clean drops
// control characters), so a prefix search never reaches them.
const conceptPrefix = "\x01"

func concept(p pattern) string { return conceptPrefix + p.String() }
