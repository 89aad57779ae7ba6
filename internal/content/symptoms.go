package content

import (
	"fmt"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/skinguide/skinguide/internal/suggest"
)

// SymptomsFile is the name of a language's "Is this normal?" rules,
// beside warning-signs.yaml. It is optional: without it the app has no
// "Is this normal?" screen.
const SymptomsFile = "symptoms.yaml"

// Symptoms is the "Is this normal?" checker of one language: what
// patients notice, on which days it is normal, and which warning sign it
// is otherwise (see docs/content.md).
type Symptoms struct {
	Path     string
	Text     map[string]string // the screen's words, by key (symptomTextKeys)
	Symptoms []Symptom         // in the order the screen lists them
	Follow   []FollowUp        // the follow-up questions symptoms ask
}

// Symptom is one thing a patient may notice.
type Symptom struct {
	ID    string
	Words string // in the patient's words: "Redness"
	Days  []SymptomDays
	Line  int
}

// SymptomDays is what a symptom means on the days From..To (To is Forever
// for the last range): normal (with by when it fades), or a warning sign.
// Ask names a follow-up question whose answers may make it a sign.
type SymptomDays struct {
	From, To int
	Normal   string // "Most people's redness fades by day 3..."; "" when Sign is set
	Sign     string // a warning-sign id
	Ask      string // a follow-up question id, or ""
	Line     int
}

// FollowUp is one follow-up question and its answers.
type FollowUp struct {
	ID      string
	Text    string
	Answers []Answer
	Line    int
}

// Answer is one answer to a follow-up. Sign, when set, makes the symptom
// that warning sign; otherwise the symptom's days decide.
type Answer struct {
	ID    string
	Words string
	Sign  string
	Line  int
}

// symptomTextKeys are the words of the screen; every one is required.
var symptomTextKeys = []string{
	"title",        // "Is this normal?"
	"menu",         // the Home menu's line under the title
	"day_question", // "How many days ago was your treatment?"
	"day_hint",     // how to answer it
	"day_error",    // when the answer is not a day
	"not_treated",  // the choice "I have not had treatment yet"
	"not_treated_answer",
	"notice_question", // "What do you notice? Choose all that apply."
	"notice_hint",
	"something_else", // the row for anything not listed: it opens When to call us
	"continue",       // the row that goes on after choosing
	"choose_one",     // when Continue is chosen with nothing chosen
	"normal_title",   // "Normal for day {day}"
	"because",        // "Because of:"
	"timeline_link",  // "Read what to expect: {step}"
	"start_again",
	"intro",
	"print_title", // `skinguide print normal`: the sheet's heading
	"day_one",     // "Day {from}"
	"day_range",   // "Days {from}-{to}"
	"day_from",    // "Day {from} on"
	"normal_word", // "Normal", before what to expect on the sheet
}

// Follow returns the follow-up question with this id.
func (s *Symptoms) FollowUp(id string) (FollowUp, bool) {
	for _, f := range s.Follow {
		if f.ID == id {
			return f, true
		}
	}
	return FollowUp{}, false
}

// On returns the rule of a symptom on a day (day >= 0).
func (sy Symptom) On(day int) (SymptomDays, bool) {
	for _, d := range sy.Days {
		if day >= d.From && day <= d.To {
			return d, true
		}
	}
	return SymptomDays{}, false
}

// loadSymptoms reads <lang>/symptoms.yaml when it exists. It needs the
// warning signs, which it refers to by id.
func (l *loader) loadSymptoms(g *Guide) {
	src, report := l.optionalFile(SymptomsFile)
	if src == nil {
		return
	}
	sy := parseSymptoms(src, report)
	if sy == nil {
		return
	}
	sy.Path = path.Join(l.lang, SymptomsFile)
	checkSymptoms(sy, g.Signs, report)
	g.Symptoms = sy
}

// node helpers for a mapping: each key once, known keys only.
type ymap struct {
	vals  map[string]*yaml.Node
	lines map[string]int
}

func mapping(n *yaml.Node, known []string, what string, report func(int, string, ...any)) (ymap, bool) {
	m := ymap{vals: map[string]*yaml.Node{}, lines: map[string]int{}}
	if n.Kind != yaml.MappingNode {
		report(n.Line, "%s must be a set of keys (%s), not %s", what, strings.Join(known, ", "), describe(n))
		return m, false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !containsStr(known, k.Value) {
			report(k.Line, "unknown key %q in %s (known keys: %s)", k.Value, what, strings.Join(known, ", "))
			continue
		}
		if _, dup := m.vals[k.Value]; dup {
			report(k.Line, "key %q is given twice", k.Value)
			continue
		}
		m.vals[k.Value], m.lines[k.Value] = v, k.Line
	}
	return m, true
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// text returns a required (or optional) non-empty string.
func (m ymap) text(key string, required bool, at int, what string, report func(int, string, ...any)) string {
	v, ok := m.vals[key]
	if !ok {
		if required {
			report(at, "%s: missing key %q", what, key)
		}
		return ""
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" || strings.TrimSpace(v.Value) == "" {
		report(m.lines[key], "%s: %s must be text, not %s", what, key, describe(v))
		return ""
	}
	return strings.TrimSpace(v.Value)
}

// day returns an optional whole number of days, -1 when absent.
func (m ymap) day(key string, what string, report func(int, string, ...any)) int {
	v, ok := m.vals[key]
	if !ok {
		return -1
	}
	var n int
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || v.Decode(&n) != nil || n < 0 || n > 100000 {
		report(m.lines[key], "%s: %s must be a day: a whole number from 0, not %s", what, key, describe(v))
		return -1
	}
	return n
}

func parseSymptoms(src []byte, report func(line int, format string, args ...any)) *Symptoms {
	doc := parseYAMLFile(src, report)
	if doc == nil {
		return nil
	}
	root, ok := mapping(doc.Content[0], []string{"text", "symptoms", "follow_ups"}, "the file", report)
	if !ok {
		return nil
	}
	sy := &Symptoms{Text: map[string]string{}}
	if t, ok := root.vals["text"]; ok {
		tm, ok := mapping(t, symptomTextKeys, "text", report)
		if ok {
			for _, k := range symptomTextKeys {
				if s := tm.text(k, true, root.lines["text"], "text", report); s != "" {
					sy.Text[k] = s
				}
			}
		}
	} else {
		report(1, "missing key \"text\": the words of the screen")
	}
	if f, ok := root.vals["follow_ups"]; ok {
		sy.Follow = parseFollowUps(f, report)
	}
	s, ok := root.vals["symptoms"]
	if !ok {
		report(1, "missing key \"symptoms\"")
		return sy
	}
	if s.Kind != yaml.SequenceNode || len(s.Content) == 0 {
		report(root.lines["symptoms"], "symptoms: must be a list of what patients notice, not %s", describe(s))
		return sy
	}
	for _, item := range s.Content {
		m, ok := mapping(item, []string{"id", "words", "days"}, "a symptom", report)
		if !ok {
			continue
		}
		sym := Symptom{ID: m.text("id", true, item.Line, "a symptom", report), Line: item.Line}
		sym.Words = m.text("words", true, item.Line, "symptom "+sym.ID, report)
		if sym.ID != "" && !idPattern.MatchString(sym.ID) {
			report(m.lines["id"], "symptom id %q must use only lower-case letters, digits and dashes", sym.ID)
		}
		days, ok := m.vals["days"]
		switch {
		case !ok:
			report(item.Line, "symptom %s has no outcome: add days, each normal or a warning sign", sym.ID)
		case days.Kind != yaml.SequenceNode || len(days.Content) == 0:
			report(m.lines["days"], "symptom %s: days must be a list of day ranges, each normal or a warning sign", sym.ID)
		default:
			for _, d := range days.Content {
				if r, ok := parseDays(d, sym.ID, report); ok {
					sym.Days = append(sym.Days, r)
				}
			}
		}
		sy.Symptoms = append(sy.Symptoms, sym)
	}
	return sy
}

func parseDays(n *yaml.Node, id string, report func(int, string, ...any)) (SymptomDays, bool) {
	what := "symptom " + id
	m, ok := mapping(n, []string{"from", "to", "normal", "sign", "ask"}, what+" days", report)
	if !ok {
		return SymptomDays{}, false
	}
	d := SymptomDays{From: m.day("from", what, report), To: m.day("to", what, report), Line: n.Line}
	if d.From < 0 {
		if _, given := m.vals["from"]; !given {
			report(n.Line, "%s: every day range needs from (the first day)", what)
		}
		return d, false
	}
	if d.To < 0 {
		d.To = Forever
	}
	d.Normal = m.text("normal", false, n.Line, what, report)
	d.Sign = m.text("sign", false, n.Line, what, report)
	d.Ask = m.text("ask", false, n.Line, what, report)
	switch {
	case d.Normal == "" && d.Sign == "":
		report(n.Line, "%s: days %s have no outcome: say normal (and by when it fades) or a warning sign", what, dayRange(d))
	case d.Normal != "" && d.Sign != "":
		report(n.Line, "%s: days %s are either normal or a warning sign, not both", what, dayRange(d))
	}
	return d, true
}

func dayRange(d SymptomDays) string {
	if d.To == Forever {
		return fmt.Sprintf("%d on", d.From)
	}
	return fmt.Sprintf("%d-%d", d.From, d.To)
}

func parseFollowUps(n *yaml.Node, report func(int, string, ...any)) []FollowUp {
	if n.Kind != yaml.SequenceNode {
		report(n.Line, "follow_ups: must be a list of questions, not %s", describe(n))
		return nil
	}
	var out []FollowUp
	for _, item := range n.Content {
		m, ok := mapping(item, []string{"id", "text", "answers"}, "a follow-up question", report)
		if !ok {
			continue
		}
		f := FollowUp{ID: m.text("id", true, item.Line, "a follow-up question", report), Line: item.Line}
		f.Text = m.text("text", true, item.Line, "follow-up "+f.ID, report)
		a, ok := m.vals["answers"]
		if !ok || a.Kind != yaml.SequenceNode || len(a.Content) < 2 {
			report(item.Line, "follow-up %s: answers must list at least two answers", f.ID)
			continue
		}
		for _, an := range a.Content {
			am, ok := mapping(an, []string{"id", "words", "sign"}, "an answer", report)
			if !ok {
				continue
			}
			f.Answers = append(f.Answers, Answer{
				ID:    am.text("id", true, an.Line, "an answer", report),
				Words: am.text("words", true, an.Line, "an answer", report),
				Sign:  am.text("sign", false, an.Line, "an answer", report),
				Line:  an.Line,
			})
		}
		out = append(out, f)
	}
	return out
}

// checkSymptoms checks what spans the file and the warning signs: ids
// once, days from 0 on with no gap or overlap, signs and questions that
// exist, and an outcome for every answer.
func checkSymptoms(sy *Symptoms, signs *Signs, report func(int, string, ...any)) {
	signExists := func(id string, line int) {
		if signs == nil {
			report(line, "warning sign %q: there is no %s to refer to", id, SignsFile)
			return
		}
		if _, ok := signs.Sign(id); !ok {
			ids := make([]string, len(signs.Signs))
			for i, s := range signs.Signs {
				ids[i] = s.ID
			}
			report(line, "warning sign %q does not exist in %s%s", id, SignsFile, closest(id, ids))
		}
	}
	follow := map[string]bool{}
	for _, f := range sy.Follow {
		if follow[f.ID] {
			report(f.Line, "follow-up id %q is used twice", f.ID)
		}
		follow[f.ID] = true
		answers := map[string]bool{}
		for _, a := range f.Answers {
			if answers[a.ID] {
				report(a.Line, "follow-up %s: answer id %q is used twice", f.ID, a.ID)
			}
			answers[a.ID] = true
			if a.Sign != "" {
				signExists(a.Sign, a.Line)
			}
		}
	}
	seen := map[string]int{}
	for _, s := range sy.Symptoms {
		if line, dup := seen[s.ID]; dup && s.ID != "" {
			report(s.Line, "symptom id %q is already used on line %d", s.ID, line)
		}
		seen[s.ID] = s.Line
		next := 0
		for i, d := range s.Days {
			switch {
			case d.To < d.From:
				report(d.Line, "symptom %s: to (%d) is before from (%d)", s.ID, d.To, d.From)
			case d.From > next:
				report(d.Line, "symptom %s: gap in days: nothing says what day %d to day %d means", s.ID, next, d.From-1)
			case d.From < next:
				report(d.Line, "symptom %s: overlap: day %d is already covered", s.ID, d.From)
			}
			next = max(next, d.To+1)
			if d.Sign != "" {
				signExists(d.Sign, d.Line)
			}
			if d.Ask != "" && !follow[d.Ask] {
				report(d.Line, "symptom %s: follow-up %q does not exist", s.ID, d.Ask)
			}
			if i == len(s.Days)-1 && d.To != Forever {
				report(d.Line, "symptom %s: nothing says what day %d on means: leave out the last range's to", s.ID, d.To+1)
			}
		}
	}
}

func closest(id string, ids []string) string {
	if best := suggest.Closest(id, ids, 1); len(best) > 0 {
		return fmt.Sprintf(" (did you mean %q?)", best[0])
	}
	return ""
}
