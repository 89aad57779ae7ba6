package readability

import (
	"strings"
	"unicode"
)

// Spanish prose is scored with the Szigriszt-Pazos perspicuity formula read
// on the INFLESZ scale (Barrio-Cantalejo et al., Anales Sis San Navarra
// 2008), the one used for Spanish health information:
//
//	P = 206.835 - 62.3 * syllables/words - words/sentences
//
// Higher is easier: below 40 very hard, 40-55 somewhat hard, 55-65 normal,
// 65-80 quite easy, over 80 very easy. INFLESZ's authors ask health texts
// for patients to reach at least 55 ("normal"), the Spanish counterpart of
// the English grade 6-8 rule.
const MinINFLESZ = 55.0

// INFLESZ is the Szigriszt-Pazos score of the counted text, or 0 when there
// is no text.
func (s Stats) INFLESZ() float64 {
	if s.Words == 0 || s.Sentences == 0 {
		return 0
	}
	return 206.835 - 62.3*float64(s.Syllables)/float64(s.Words) - float64(s.Words)/float64(s.Sentences)
}

// SyllablesES counts the syllables of a Spanish word by its vowel nuclei.
// Two strong vowels (a, e, o) side by side are two syllables (hiatus: "le-er");
// a weak vowel (i, u, ü, final y) joins its neighbour in one syllable
// (diphthong: "cui-da-do", "hoy") unless it carries an accent ("dí-a").
// The u of "que", "gui" is silent ("guí-a").
func SyllablesES(word string) int {
	w := []rune(strings.ToLower(word))
	for _, r := range w {
		if unicode.IsDigit(r) {
			return 1 // "3", "38": read as one short number word
		}
	}
	count := 0
	prev := rune(0) // the previous vowel, or 0 after a consonant
	for i, r := range w {
		v := esVowel(r)
		if r == 'y' {
			// "y" is a vowel alone ("y") or at the end after a vowel
			// ("hoy", "muy"); before a vowel it is a consonant ("ayer").
			if len(w) == 1 {
				v = 'i'
			} else if i == len(w)-1 && prev != 0 {
				v = 'i'
			}
		}
		if v == 0 || silentU(w, i) {
			prev = 0
			continue
		}
		if prev == 0 || (strong(prev) && strong(v)) || accentedWeak(prev) || accentedWeak(v) {
			count++
		}
		prev = v
	}
	if count < 1 && len(w) > 0 {
		count = 1
	}
	return count
}

// esVowel maps a Spanish vowel to itself (accented strong vowels to their
// plain form, since an accent on a strong vowel changes no count), or 0.
func esVowel(r rune) rune {
	switch r {
	case 'a', 'e', 'o', 'i', 'u', 'í', 'ú':
		return r
	case 'á':
		return 'a'
	case 'é':
		return 'e'
	case 'ó':
		return 'o'
	case 'ü':
		return 'u'
	}
	return 0
}

func strong(r rune) bool       { return r == 'a' || r == 'e' || r == 'o' || r == 'í' || r == 'ú' }
func accentedWeak(r rune) bool { return r == 'í' || r == 'ú' }

// silentU reports the u of "que", "qui", "gue", "gui", which is not sounded.
func silentU(w []rune, i int) bool {
	if w[i] != 'u' || i == 0 || i+1 >= len(w) || (w[i-1] != 'q' && w[i-1] != 'g') {
		return false
	}
	switch w[i+1] {
	case 'e', 'i', 'é', 'í':
		return true
	}
	return false
}
