// Package readability estimates how hard prose is to read. English uses the
// Flesch-Kincaid grade level (roughly the school grade a reader needs);
// Spanish uses the Szigriszt-Pazos score on the INFLESZ scale. Rule picks
// the formula and its limit by language.
package readability

import (
	"strings"
	"unicode"
)

// Stats counts what the formulas need. The zero value counts English
// syllables; Rule.Stats gives one for another language.
type Stats struct {
	Words, Sentences, Syllables int

	syllables func(string) int // nil: English
}

// Add counts one block of text (a paragraph, list item or heading). A block
// always ends a sentence, even without a full stop, as a list item does.
func (s *Stats) Add(block string) {
	inSentence := false
	for _, w := range strings.Fields(block) {
		word := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if word == "" {
			continue
		}
		s.Words++
		if s.syllables != nil {
			s.Syllables += s.syllables(word)
		} else {
			s.Syllables += Syllables(word)
		}
		inSentence = true
		if end := strings.TrimRight(w, `"')]*_`); end != "" && strings.ContainsRune(".!?:", rune(end[len(end)-1])) {
			s.Sentences++
			inSentence = false
		}
	}
	if inSentence {
		s.Sentences++
	}
}

// Grade is the Flesch-Kincaid grade level, or 0 when there is no text.
func (s Stats) Grade() float64 {
	if s.Words == 0 || s.Sentences == 0 {
		return 0
	}
	return 0.39*float64(s.Words)/float64(s.Sentences) + 11.8*float64(s.Syllables)/float64(s.Words) - 15.59
}

// Grade returns the Flesch-Kincaid grade of one block of text.
func Grade(text string) float64 {
	var s Stats
	s.Add(text)
	return s.Grade()
}

// Syllables estimates the syllables in an English word by counting vowel
// groups, with the usual corrections for a silent final "e".
func Syllables(word string) int {
	w := strings.ToLower(word)
	if strings.ContainsFunc(w, unicode.IsDigit) {
		return 1 // "3", "24", "0.5": read as one short number word
	}
	w = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, w)
	if w == "" {
		return 0
	}
	if len(w) <= 3 {
		return 1
	}
	count := 0
	prevVowel := false
	for i := 0; i < len(w); i++ {
		v := isVowel(w, i)
		if v && !prevVowel {
			count++
		}
		prevVowel = v
	}
	switch {
	case strings.HasSuffix(w, "le") && len(w) > 2 && !isVowel(w, len(w)-3):
		// "gentle", "simple": the final "le" is a syllable of its own.
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") && !strings.HasSuffix(w, "ye"):
		count--
	case strings.HasSuffix(w, "es") || strings.HasSuffix(w, "ed"):
		if len(w) > 3 && !strings.ContainsRune("tdsxzgc", rune(w[len(w)-3])) && !isVowel(w, len(w)-3) {
			count-- // "looked", "makes": the ending adds no syllable
		}
	}
	if count < 1 {
		count = 1
	}
	return count
}

func isVowel(w string, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	case 'y':
		return i > 0 // "y" is a vowel except at the start of a word
	}
	return false
}
