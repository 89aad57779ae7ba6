package readability

import "fmt"

// MaxGrade is the highest Flesch-Kincaid grade allowed for English pages.
const MaxGrade = 8.0

// Rule is the readability rule of one language: its formula and limit.
type Rule struct {
	// Formula names the measure, as shown to content editors.
	Formula string
	spanish bool
}

// RuleFor returns the rule for a language code ("en", "es", "es-MX"). Every
// language without a formula of its own is held to the English rule.
func RuleFor(lang string) Rule {
	if lang == "es" || len(lang) > 3 && lang[:3] == "es-" {
		return Rule{Formula: "INFLESZ (Szigriszt-Pazos)", spanish: true}
	}
	return Rule{Formula: "Flesch-Kincaid grade"}
}

// Stats returns empty counts that count syllables the way this language
// needs.
func (r Rule) Stats() Stats {
	if r.spanish {
		return Stats{syllables: SyllablesES}
	}
	return Stats{}
}

// Score is the language's measure of the counted text.
func (r Rule) Score(s Stats) float64 {
	if r.spanish {
		return s.INFLESZ()
	}
	return s.Grade()
}

// Check says whether a text passes; when it does not, why, in one phrase
// for a content editor. Empty text passes.
func (r Rule) Check(s Stats) (ok bool, why string) {
	if s.Words == 0 || s.Sentences == 0 {
		return true, ""
	}
	score := r.Score(s)
	if r.spanish {
		if score < MinINFLESZ {
			return false, fmt.Sprintf("%s readability %.0f is below %.0f", r.Formula, score, MinINFLESZ)
		}
		return true, ""
	}
	if score > MaxGrade {
		return false, fmt.Sprintf("reading grade %.1f is above %.0f", score, MaxGrade)
	}
	return true, ""
}
