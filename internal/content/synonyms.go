package content

import (
	"errors"
	"io/fs"
	"path"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// SynonymsFile is the name of a language's search word list, beside
// guide.yaml. It is optional: without it search still works, only less
// forgivingly.
const SynonymsFile = "synonyms.yaml"

// Synonyms is the search word list of one language: the words patients
// type and the words the guide uses (see docs/content.md).
type Synonyms struct {
	// Same lists groups of words or phrases that mean the same thing:
	// searching for any of them finds pages with any of the others.
	Same []SynonymGroup
	// Also maps what a patient types to words of the guide it should find
	// too, one way only; pages with the patient's own words come first.
	Also []SynonymLink
	// Ignore lists small words search skips when the query has others.
	Ignore []string
	// Healing lists the words of normal healing (red, swollen, warm,
	// itchy, skin): a query of only these never names a warning sign by
	// the sign's own words, only by a keyword.
	Healing []string
	// Asking lists the words that start a question about what to expect
	// ("does", "will", "is there"): such a query does not name a sign by
	// a keyword of how the patient feels now (Sign.KeywordsNow).
	Asking []string
	// NegationSkips lists the small words a negation reaches over to the
	// symptom it negates: "have" and "a" of "I don't have a fever",
	// "tengo" of "no tengo fiebre", and "or" of "no fever or chills".
	NegationSkips []string
	// MayCause lists the verbs of what a treatment may do ("affect",
	// "cause"): a question that starts with a word of Asking and asks
	// whether the treatment may cause a sign ("will it affect my
	// vision?") does not name it.
	MayCause []string
	// Worry lists the words that make a question one about what the
	// patient has now ("is it normal that it hurts so much?", "is it
	// bad if..."): Asking and MayCause do not apply to it.
	Worry []string
}

// SynonymGroup is one line of "same".
type SynonymGroup struct {
	Words []string
	Line  int
}

// SynonymLink is one entry of "also".
type SynonymLink struct {
	From string
	To   []string
	Line int
}

// loadSynonyms reads <lang>/synonyms.yaml when it exists.
func (l *loader) loadSynonyms(g *Guide) {
	src, report := l.optionalFile(SynonymsFile)
	if src == nil {
		return
	}
	g.Synonyms = parseSynonyms(src, report)
}

// optionalFile reads <lang>/name when it exists (nil when it does not, or
// when reading it failed, which is reported), with a report for problems
// at its lines.
func (l *loader) optionalFile(name string) ([]byte, func(line int, format string, args ...any)) {
	file := path.Join(l.lang, name)
	if _, err := fs.Stat(l.fsys, file); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	src, _ := l.readChecked(file, false, nil)
	return src, func(line int, format string, args ...any) { l.errorf(file, max(line, 1), format, args...) }
}

// synonymKeys are the keys of a synonyms file, for messages.
const synonymKeys = "same, also, ignore, healing, asking, negation_skips, may_cause, worry"

// parseSynonyms decodes and checks a synonyms file. It reports every
// problem with its line and returns what was usable.
func parseSynonyms(src []byte, report func(line int, format string, args ...any)) *Synonyms {
	doc := parseYAMLFile(src, report)
	if doc == nil {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		report(root.Line, "the file must be keys: "+synonymKeys)
		return nil
	}
	syn := &Synonyms{}
	seen := map[string]int{} // a word or phrase of "same" -> its line
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "same":
			if v.Kind != yaml.SequenceNode {
				report(k.Line, "same: must be a list of groups, each like [makeup, make-up]")
				continue
			}
			for _, item := range v.Content {
				words, ok := textList(item, report)
				if !ok {
					continue
				}
				if len(words) < 2 {
					report(item.Line, "a group of the same words needs at least two, like [makeup, make-up]")
					continue
				}
				for j, w := range words {
					key := synonymKey(w)
					if line, dup := seen[key]; dup {
						report(item.Content[j].Line, "%q is already in the group on line %d; a word can be in one group only", w, line)
						continue
					}
					seen[key] = item.Line
				}
				syn.Same = append(syn.Same, SynonymGroup{Words: words, Line: item.Line})
			}
		case "also":
			if v.Kind != yaml.MappingNode {
				report(k.Line, "also: must be lines like  tomorrow: [day 1, next day]")
				continue
			}
			from := map[string]int{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				fk, fv := v.Content[j], v.Content[j+1]
				if !isText(fk) {
					report(fk.Line, "also: %q must be a word or phrase", fk.Value)
					continue
				}
				if line, dup := from[synonymKey(fk.Value)]; dup {
					report(fk.Line, "also: %q is already given on line %d", fk.Value, line)
					continue
				}
				from[synonymKey(fk.Value)] = fk.Line
				to, ok := textList(fv, report)
				if !ok {
					continue
				}
				if len(to) == 0 {
					report(fk.Line, "also: %q must list at least one word of the guide", fk.Value)
					continue
				}
				syn.Also = append(syn.Also, SynonymLink{From: strings.TrimSpace(fk.Value), To: to, Line: fk.Line})
			}
		case "ignore", "healing", "negation_skips", "may_cause", "worry":
			words, ok := textList(v, report)
			if !ok {
				continue
			}
			list := map[string]*[]string{"ignore": &syn.Ignore, "healing": &syn.Healing,
				"negation_skips": &syn.NegationSkips, "may_cause": &syn.MayCause, "worry": &syn.Worry}[k.Value]
			for j, w := range words {
				if strings.IndexFunc(w, func(r rune) bool { return !isSynonymWordRune(r) }) >= 0 {
					report(v.Content[j].Line, "%s: %q must be one word, with no spaces or punctuation", k.Value, w)
					continue
				}
				*list = append(*list, w)
			}
		case "asking":
			if words, ok := textList(v, report); ok {
				syn.Asking = append(syn.Asking, words...)
			}
		default:
			report(k.Line, "unknown key %q (known keys: %s)", k.Value, synonymKeys)
		}
	}
	for _, w := range syn.Ignore {
		if line, ok := seen[synonymKey(w)]; ok {
			report(line, "%q is in a group of the same words and also in ignore; search cannot do both", w)
		}
	}
	return syn
}

// textList decodes a list of words or phrases: [a, b c, "d-e"]. Every
// entry needs a letter or digit; search splits entries into words as it
// splits pages.
func textList(v *yaml.Node, report func(line int, format string, args ...any)) ([]string, bool) {
	if v.Kind != yaml.SequenceNode {
		report(v.Line, "must be a list like [makeup, make-up], not %s", describe(v))
		return nil, false
	}
	out := make([]string, 0, len(v.Content))
	ok := true
	for _, item := range v.Content {
		if !isText(item) {
			report(item.Line, "must be a word or phrase, not %s", describe(item))
			ok = false
			continue
		}
		out = append(out, strings.TrimSpace(item.Value))
	}
	return out, ok
}

// isText: a scalar with at least one letter or digit.
func isText(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!int") {
		return false
	}
	return strings.IndexFunc(n.Value, isSynonymWordRune) >= 0
}

func isSynonymWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// synonymKey compares entries as search will: case and punctuation do not
// matter ("Make-up" and "make up" are the same entry).
func synonymKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isSynonymWordRune(r) }), " ")
}
