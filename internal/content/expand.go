package content

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/skinguide/skinguide/internal/termsafe"
)

// SignsDirective is the line a page puts where the warning signs go. On a
// timeline step it stands for the signs that apply to the step's days; on
// any other page for every sign, level by level.
const SignsDirective = "{{warning-signs}}"

// ApprovalDirective is the line where a page (About) says whether the
// clinic has signed the guide off, and who did.
const ApprovalDirective = "{{clinic-approval}}"

// The Markdown heading of each level, most urgent first. Authors use only
// "#" to "###", so a theme can style the levels apart from everything else.
var levelHeadings = [...]string{"####", "#####", "######"}

// LevelHeading returns the Markdown heading marker of a level id.
func LevelHeading(level string) string {
	if r := Rank(level); r < len(levelHeadings) {
		return levelHeadings[r]
	}
	return "###"
}

// Numbers are the clinic's own contact details, shown with the levels of
// help. Empty fields are left out; an empty Emergency shows the data's
// default (911 / 999 / 112).
type Numbers struct {
	Emergency  string // "999"
	Phone      string // the clinic's phone
	Hours      string // the clinic's opening hours
	AfterHours string // "Call 555-0199 after 5pm, or NHS 111"

	// The clinic's sign-off of the guide, shown where a page says
	// {{clinic-approval}}. Never invented: without ApprovedBy the page
	// says plainly that the clinic has not added one.
	Clinic     string // the clinic's name
	ApprovedBy string
	ApprovedOn time.Time
}

// Approval is the sentence that says who at the clinic approved the
// guide, or that nobody has.
func (g *Guide) Approval(n Numbers) string {
	by := termsafe.Clean(strings.TrimSpace(n.ApprovedBy))
	if by == "" || g.Approved == "" {
		return g.NotApproved
	}
	clinic := termsafe.Clean(strings.TrimSpace(n.Clinic))
	s := g.Approved
	if clinic == "" {
		// "at {clinic} " reads wrong without a name: leave it out.
		s = strings.ReplaceAll(s, " at {clinic}", "")
		s = strings.ReplaceAll(s, " en {clinic}", "")
	}
	date := ""
	if !n.ApprovedOn.IsZero() {
		date = n.ApprovedOn.Format("2 January 2006")
	} else {
		s = strings.ReplaceAll(s, ", on {date}", "")
		s = strings.ReplaceAll(s, ", el {date}", "")
	}
	return strings.NewReplacer("{clinic}", clinic, "{by}", by, "{date}", date).Replace(s)
}

// EmergencyNumber is the number the emergency level tells people to call.
func (s *Signs) EmergencyNumber(n Numbers) string {
	if e := termsafe.Clean(strings.TrimSpace(n.Emergency)); e != "" {
		return e
	}
	return s.EmergencyDefault
}

// LevelTitle is a level's title with the emergency number filled in.
func (s *Signs) LevelTitle(l Level, n Numbers) string {
	return strings.ReplaceAll(l.Title, "{emergency}", s.EmergencyNumber(n))
}

// LevelDo is what a level tells people to do, with the emergency number
// filled in.
func (s *Signs) LevelDo(l Level, n Numbers) string {
	return strings.ReplaceAll(l.Do, "{emergency}", s.EmergencyNumber(n))
}

// Contact returns the clinic's contact lines for a level, label first:
// the phone and hours for "today" and "hours", and the after-hours line
// for "today". The emergency level has none: it is not the clinic's.
func (s *Signs) Contact(level string, n Numbers) [][2]string {
	var out [][2]string
	add := func(label, v string) {
		if v = termsafe.Clean(strings.TrimSpace(v)); v != "" {
			out = append(out, [2]string{label, v})
		}
	}
	switch level {
	case LevelToday:
		add(s.ClinicLabel, n.Phone)
		add(s.HoursLabel, n.Hours)
		add(s.AfterHoursLabel, n.AfterHours)
	case LevelHours:
		add(s.ClinicLabel, n.Phone)
		add(s.HoursLabel, n.Hours)
	}
	return out
}

// Markdown renders the signs that apply on days from..to, level by level,
// most urgent first, with the clinic's numbers. Levels with no sign on
// those days are left out.
func (s *Signs) Markdown(from, to int, n Numbers) string {
	var b strings.Builder
	signs := s.ForDays(from, to)
	for _, l := range s.Levels {
		var now, care []Sign
		for _, sg := range signs {
			switch {
			case sg.Level != l.ID:
			case sg.UrgentCare:
				care = append(care, sg)
			default:
				now = append(now, sg)
			}
		}
		if len(now)+len(care) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s %s\n\n%s\n\n", LevelHeading(l.ID), EscapeMarkdown(s.LevelTitle(l, n)), EscapeMarkdown(s.LevelDo(l, n)))
		for _, c := range s.Contact(l.ID, n) {
			fmt.Fprintf(&b, "**%s:** %s\n\n", EscapeMarkdown(c[0]), EscapeMarkdown(c[1]))
		}
		writeSigns(&b, now)
		// What is normal goes right beside the emergency signs, so that
		// nobody takes puffy healing skin for the swelling they list.
		if l.ID == LevelEmergency && s.Normal != "" {
			fmt.Fprintf(&b, "%s\n\n", EscapeMarkdown(s.Normal))
		}
		if len(care) > 0 {
			fmt.Fprintf(&b, "%s\n\n", EscapeMarkdown(l.UrgentCare))
			writeSigns(&b, care)
		}
	}
	if s.Worried != "" {
		fmt.Fprintf(&b, "%s\n", EscapeMarkdown(s.Worried))
	}
	return strings.TrimRight(b.String(), "\n")
}

func writeSigns(b *strings.Builder, signs []Sign) {
	for _, sg := range signs {
		b.WriteString("- ")
		writeEscaped(b, sentence(sg.Words))
		b.WriteString("\n")
	}
	if len(signs) > 0 {
		b.WriteString("\n")
	}
}

// sentence ends text with a full stop unless it already ends a sentence.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:") {
		return s
	}
	return s + "."
}

// EscapeMarkdown keeps text from the data or the config from being read
// as Markdown (a phone number with a "*", an after-hours line with "_").
func EscapeMarkdown(s string) string {
	if !strings.ContainsAny(s, markdownSpecial) && utf8.ValidString(s) {
		return s // most text: nothing to escape, nothing to copy
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	writeEscaped(&b, s)
	return b.String()
}

// markdownSpecial are the characters EscapeMarkdown puts a backslash
// before.
const markdownSpecial = "\\`*_[]<>#|"

// writeEscaped writes EscapeMarkdown(s) to b. Bytes that are not UTF-8
// become U+FFFD, as ranging over a string makes them.
func writeEscaped(b *strings.Builder, s string) {
	for s != "" {
		i := strings.IndexAny(s, markdownSpecial)
		if i < 0 {
			i = len(s)
		}
		if run := s[:i]; utf8.ValidString(run) {
			b.WriteString(run)
		} else {
			for _, r := range run {
				b.WriteRune(r)
			}
		}
		if i == len(s) {
			return
		}
		b.WriteByte('\\')
		b.WriteByte(s[i])
		s = s[i+1:]
	}
}

// Expand puts the warning signs, with the clinic's numbers, where each
// page says {{warning-signs}}. Call it once on a freshly loaded guide,
// before it is shared: it rewrites page bodies in place. Pages keep their
// text as written in RawBody, so Expand may be called again with other
// numbers.
func Expand(g *Guide, n Numbers) {
	if g == nil {
		return
	}
	for _, t := range g.Translations {
		Expand(t, n)
	}
	if g.Signs == nil {
		return
	}
	// Many pages show the same days' signs (every FAQ answer shows them
	// all): make each list once.
	lists := map[[2]int]string{}
	for _, p := range g.All() {
		if p.RawBody == "" {
			p.RawBody = p.Body
		}
		body := p.RawBody
		if strings.Contains(body, SignsDirective) {
			from, to := 0, Forever
			if p.Kind == KindTimeline {
				from, to = p.From, p.To
			}
			list, ok := lists[[2]int{from, to}]
			if !ok {
				list = g.Signs.Markdown(from, to, n)
				lists[[2]int{from, to}] = list
			}
			body = strings.ReplaceAll(body, SignsDirective, list)
		}
		if strings.Contains(body, ApprovalDirective) {
			body = strings.ReplaceAll(body, ApprovalDirective, EscapeMarkdown(g.Approval(n)))
		}
		p.Body = body
	}
}
