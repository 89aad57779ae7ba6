package content

import (
	"fmt"
	"path"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// SignsFile is the name of a language's warning-signs data file.
const SignsFile = "warning-signs.yaml"

// The three levels of help, most urgent first. Their ids are fixed so that
// code (search, "Is this normal?", themes) can rely on them in every
// language; their words are content.
const (
	LevelEmergency = "emergency"
	LevelToday     = "today"
	LevelHours     = "hours"
)

// levelIDs lists the level ids in order of urgency.
var levelIDs = [...]string{LevelEmergency, LevelToday, LevelHours}

// Forever is the To day of a sign that applies from its From day on.
const Forever = 1 << 20

// Level is one of the three levels of help.
type Level struct {
	ID    string
	Rank  int    // 0 for the most urgent
	Title string // may hold {emergency}
	Do    string // what to do; may hold {emergency}
	// UrgentCare introduces the emergency-level signs that mean "go to
	// urgent care now" rather than "call now" (emergency level only).
	UrgentCare string
}

// Sign is one warning sign: something a patient notices that means they
// should get help, at one level, on the days it applies.
type Sign struct {
	ID       string
	Words    string
	Level    string // a level id
	From, To int    // days after treatment, inclusive
	// UrgentCare marks an emergency-level sign as "go to urgent care now".
	UrgentCare bool
	Keywords   []string
	// KeywordsNow are keywords that say how the patient feels now ("hurts
	// so much", "me duele mucho"): asked about ("does it hurt so much?"),
	// or right after a negation ("no me duele mucho"), they name nothing.
	KeywordsNow []string
	// Except are what patients type that holds a keyword but is not the
	// sign: "can't see" is in "I can't see any difference". A keyword
	// found inside one of them names nothing.
	Except      []string
	ExceptLines []int // the line of each of Except
	Line        int   // line of the sign in the file
}

// Signs is a language's warning-signs data: the one place that says when
// to get help.
type Signs struct {
	Path     string
	Reviewed time.Time
	Sources  []string

	Levels []Level // exactly three, most urgent first
	Signs  []Sign  // in file order, which is the order pages list them

	Normal  string // what is normal, said beside the emergency signs
	Worried string // "If you are worried, call us."

	EmergencyDefault string // shown when the clinic sets no emergency number
	ClinicLabel      string // "Your clinic", before the clinic's phone
	HoursLabel       string // "Open", before the clinic's hours
	AfterHoursLabel  string // before the clinic's after-hours line
}

// Level returns the level with this id.
func (s *Signs) Level(id string) (Level, bool) {
	for _, l := range s.Levels {
		if l.ID == id {
			return l, true
		}
	}
	return Level{}, false
}

// Sign returns the sign with this id.
func (s *Signs) Sign(id string) (Sign, bool) {
	for _, sg := range s.Signs {
		if sg.ID == id {
			return sg, true
		}
	}
	return Sign{}, false
}

// ForDays returns the signs that apply on any day from..to, in file order.
func (s *Signs) ForDays(from, to int) []Sign {
	var out []Sign
	for _, sg := range s.Signs {
		if sg.From <= to && sg.To >= from {
			out = append(out, sg)
		}
	}
	return out
}

// Rank returns the urgency rank of a level id: 0 for emergency, 2 for
// hours, and len(levels) for an unknown id (less urgent than any level).
func Rank(level string) int {
	for i, id := range levelIDs {
		if id == level {
			return i
		}
	}
	return len(levelIDs)
}

var signsFields = []field{
	{"reviewed", tDate, true}, {"sources", tStrings, true},
	{"emergency_default", tString, true}, {"clinic_label", tString, true},
	{"hours_label", tString, true}, {"after_hours_label", tString, true},
	{"levels", tNodes, true}, {"normal", tString, true}, {"worried", tString, true},
	{"signs", tNodes, true},
}

var levelFields = []field{
	{"id", tString, true}, {"title", tString, true}, {"do", tString, true},
	{"urgent_care", tString, false},
}

var signFields = []field{
	{"id", tString, true}, {"words", tString, true}, {"level", tString, true},
	{"from", tInt, false}, {"to", tInt, false}, {"urgent_care", tBool, false},
	{"keywords", tStrings, false}, {"keywords_now", tStrings, false}, {"except", tStrings, false},
}

// loadSigns reads <lang>/warning-signs.yaml.
func (l *loader) loadSigns(g *Guide) {
	file := path.Join(l.lang, SignsFile)
	report := func(line int, format string, args ...any) {
		if line < 1 {
			line = 1
		}
		l.errorf(file, line, format, args...)
	}
	src, _ := l.readChecked(file, false, nil)
	if src == nil {
		return
	}
	node := parseYAMLFile(src, report)
	if node == nil {
		return
	}
	vals := decodeMapping(node, signsFields, 0, report)
	s := &Signs{
		Path:             file,
		Reviewed:         vals["reviewed"].t,
		Sources:          vals["sources"].list,
		Normal:           vals["normal"].s,
		Worried:          vals["worried"].s,
		EmergencyDefault: vals["emergency_default"].s,
		ClinicLabel:      vals["clinic_label"].s,
		HoursLabel:       vals["hours_label"].s,
		AfterHoursLabel:  vals["after_hours_label"].s,
	}
	if v, ok := vals["levels"]; ok {
		s.Levels = decodeLevels(v.nodes, v.line, report)
	}
	if v, ok := vals["signs"]; ok {
		s.Signs = decodeSigns(v.nodes, v.line, s.Levels, report)
	}
	g.Signs = s
}

func decodeLevels(items []*yaml.Node, line int, report func(int, string, ...any)) []Level {
	var out []Level
	for i, item := range items {
		if item.Kind != yaml.MappingNode {
			report(item.Line, "levels: each level must have an id, a title and what to do (do)")
			continue
		}
		vals := decodeMapping(item, levelFields, 0, lineOr(item.Line, report))
		lv := Level{ID: vals["id"].s, Rank: i, Title: vals["title"].s, Do: vals["do"].s, UrgentCare: vals["urgent_care"].s}
		if i < len(levelIDs) && lv.ID != levelIDs[i] && lv.ID != "" {
			report(vals["id"].line, "level %d must have id %q (the levels are %s, most urgent first), not %q",
				i+1, levelIDs[i], strings.Join(levelIDs[:], ", "), lv.ID)
		}
		if lv.UrgentCare != "" && lv.ID != LevelEmergency {
			report(vals["urgent_care"].line, "urgent_care belongs to the emergency level only")
		}
		out = append(out, lv)
	}
	if len(items) != len(levelIDs) {
		report(line, "levels: list exactly %d levels (%s), not %d", len(levelIDs), strings.Join(levelIDs[:], ", "), len(items))
	}
	return out
}

func decodeSigns(items []*yaml.Node, line int, levels []Level, report func(int, string, ...any)) []Sign {
	var out []Sign
	seen := map[string]int{}
	for _, item := range items {
		if item.Kind != yaml.MappingNode {
			report(item.Line, "signs: each sign must have an id, words and a level")
			continue
		}
		vals := decodeMapping(item, signFields, 0, lineOr(item.Line, report))
		sg := Sign{
			ID: vals["id"].s, Words: vals["words"].s, Level: vals["level"].s,
			From: vals["from"].n, To: Forever, UrgentCare: vals["urgent_care"].b,
			Keywords: vals["keywords"].list, KeywordsNow: vals["keywords_now"].list, Except: vals["except"].list, ExceptLines: vals["except"].itemLines, Line: item.Line,
		}
		if v, ok := vals["to"]; ok {
			sg.To = v.n
		}
		switch {
		case sg.ID != "" && !idPattern.MatchString(sg.ID):
			report(vals["id"].line, "sign id %q must use only lower-case letters, digits and dashes", sg.ID)
		case sg.ID != "" && seen[sg.ID] != 0:
			report(vals["id"].line, "sign id %q is already used on line %d", sg.ID, seen[sg.ID])
		case sg.ID != "":
			seen[sg.ID] = vals["id"].line
		}
		if sg.Level != "" && Rank(sg.Level) == len(levelIDs) {
			report(vals["level"].line, "level %q does not exist (levels: %s)", sg.Level, strings.Join(levelIDs[:], ", "))
		}
		if sg.From < 0 {
			report(vals["from"].line, "from must be 0 (the treatment day) or later, not %d", sg.From)
		}
		if sg.To < sg.From {
			report(vals["to"].line, "to (%d) is before from (%d)", sg.To, sg.From)
		}
		if sg.UrgentCare && sg.Level != LevelEmergency {
			report(vals["urgent_care"].line, "urgent_care applies to emergency-level signs only")
		}
		out = append(out, sg)
	}
	if len(items) == 0 {
		report(line, "signs: list at least one warning sign")
	}
	for _, lv := range levels {
		found := false
		for _, sg := range out {
			found = found || sg.Level == lv.ID
		}
		if !found && Rank(lv.ID) < len(levelIDs) {
			report(line, "level %q has no signs: every level needs at least one", lv.ID)
		}
	}
	return out
}

// lineOr reports problems at line when the inner report has none (a
// missing key of a nested mapping).
func lineOr(line int, report func(int, string, ...any)) func(int, string, ...any) {
	return func(l int, format string, args ...any) {
		if l < 1 {
			l = line
		}
		report(l, format, args...)
	}
}

// String names the file and what it holds, for logs.
func (s *Signs) String() string {
	return fmt.Sprintf("%s (%d levels, %d signs)", s.Path, len(s.Levels), len(s.Signs))
}

// checkDirectives checks where pages put {{warning-signs}}: on a line of
// its own, under a timeline step's last heading ("Call us if"), which
// must have it; and no other {{...}} directive.
func (l *loader) checkDirectives(g *Guide) {
	for _, p := range g.All() {
		found := 0
		rest := p.Body
		if !strings.Contains(rest, "{{") && !strings.Contains(rest, "####") {
			rest = "" // nothing below can match: most pages
		}
		for n, more := p.BodyLine, rest != ""; more; n++ { // the lines in place, not split into a slice
			var line string
			line, rest, more = strings.Cut(rest, "\n")
			t := strings.TrimSpace(line)
			switch {
			case t == SignsDirective:
				found = n
				if g.Signs == nil {
					l.errorf(p.Path, n, "%s needs %s beside guide.yaml", SignsDirective, SignsFile)
				}
			case t == ApprovalDirective:
				if g.Approved == "" || g.NotApproved == "" {
					l.errorf(path.Join(g.Lang, "guide.yaml"), g.approvedLine, "%s (%s) needs approved and not_approved in guide.yaml", ApprovalDirective, p.Path)
				}
			case strings.Contains(t, SignsDirective):
				l.errorf(p.Path, n, "put %s on a line of its own", SignsDirective)
			case strings.Contains(t, ApprovalDirective):
				l.errorf(p.Path, n, "put %s on a line of its own", ApprovalDirective)
			case strings.Contains(t, "{{"):
				l.errorf(p.Path, n, "unknown directive: the ones there are %s and %s", SignsDirective, ApprovalDirective)
			}
			if strings.HasPrefix(t, "####") {
				l.errorf(p.Path, n, "headings of level 4 to 6 (####) are kept for the levels of help; use ## or ###")
			}
		}
		if p.Kind != KindTimeline || len(p.headingLines) != 4 {
			continue
		}
		if last := p.headingLines[3]; found < last {
			l.errorf(p.Path, last, "the %q part must list the warning signs: put %s under it", p.headings[3], SignsDirective)
		}
	}
}
