package content

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	skcontent "github.com/skinguide/skinguide/content"
)

const signsYAML = `reviewed: 2026-11-01
sources: [Test source]
emergency_default: "911 (US), 999 (UK) or 112 (EU)"
clinic_label: Your clinic
hours_label: Open
after_hours_label: When your clinic is closed
levels:
  - id: emergency
    title: "Emergency: call {emergency} now"
    do: "Call {emergency} now."
    urgent_care: "Go to urgent care now if you have:"
  - id: today
    title: Get medical advice today
    do: Call your clinic today.
  - id: hours
    title: Call in opening hours
    do: Call your clinic when it is open.
normal: Puffy, red skin in the first days is normal.
worried: If you are worried, call us.
signs:
  - id: breathing
    words: Trouble breathing
    level: emergency
    keywords: [breathe]
  - id: eye
    words: Eye pain
    level: emergency
    urgent_care: true
  - id: worse
    words: Redness that gets worse
    level: today
    from: 1
  - id: still-red
    words: Redness still strong after 7 days
    level: hours
    from: 7
`

func TestSignsFaults(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"missing file", "", "en/warning-signs.yaml: cannot read"},
		{"malformed", "levels: [", "en/warning-signs.yaml:1: malformed YAML"},
		{"unknown level", strings.Replace(signsYAML, "level: today", "level: soon", 1), `en/warning-signs.yaml:31: level "soon" does not exist (levels: emergency, today, hours)`},
		{"two levels", strings.Replace(signsYAML, "  - id: hours\n    title: Call in opening hours\n    do: Call your clinic when it is open.\n", "", 1), "en/warning-signs.yaml:7: levels: list exactly 3 levels"},
		{"levels out of order", strings.Replace(strings.Replace(signsYAML, "id: today", "id: TMP", 1), "id: hours", "id: today", 1), `en/warning-signs.yaml:15: level 3 must have id "hours"`},
		{"duplicate sign", strings.Replace(signsYAML, "id: eye", "id: breathing", 1), `en/warning-signs.yaml:25: sign id "breathing" is already used on line 21`},
		{"sign without level", strings.Replace(signsYAML, "    level: hours\n", "", 1), `en/warning-signs.yaml:33: missing key "level"`},
		{"level with no signs", strings.Replace(signsYAML, "    level: hours\n", "    level: today\n", 1), `en/warning-signs.yaml:20: level "hours" has no signs`},
		{"to before from", strings.Replace(signsYAML, "    from: 7\n", "    from: 7\n    to: 3\n", 1), "en/warning-signs.yaml:37: to (3) is before from (7)"},
		{"urgent care off emergency", strings.Replace(signsYAML, "    level: today\n", "    level: today\n    urgent_care: true\n", 1), "en/warning-signs.yaml:32: urgent_care applies to emergency-level signs only"},
		{"unknown key", strings.Replace(signsYAML, "    words: Eye pain\n", "    words: Eye pain\n    colour: red\n", 1), `en/warning-signs.yaml:27: unknown key "colour"`},
		{"empty words", strings.Replace(signsYAML, "words: Eye pain", "words: \"\"", 1), "en/warning-signs.yaml:26: words: must not be empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			if tt.data == "" {
				delete(fsys, "en/warning-signs.yaml")
			} else {
				fsys["en/warning-signs.yaml"].Data = []byte(tt.data)
			}
			_, ps := Load(fsys, "en")
			for _, p := range ps {
				if strings.HasPrefix(p.String(), tt.want) {
					return
				}
			}
			t.Errorf("want a problem starting %q, got:\n%v", tt.want, ps)
		})
	}
}

func TestDirectiveFaults(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"step without signs", "en/timeline/day-1.md", strings.Replace(step("day-1", 1, 3), "{{warning-signs}}", "- It gets worse.", 1), `en/timeline/day-1.md:22: the "Call us if" part must list the warning signs`},
		{"signs above call us", "en/timeline/day-1.md", strings.Replace(strings.Replace(step("day-1", 1, 3), "{{warning-signs}}", "- It gets worse.", 1), "Your skin is red.", "{{warning-signs}}", 1), `en/timeline/day-1.md:22: the "Call us if" part`},
		{"inline directive", "en/faq/care.md", carePage + "See {{warning-signs}} here.\n", "en/faq/care.md:10: put {{warning-signs}} on a line of its own"},
		{"unknown directive", "en/faq/care.md", carePage + "{{phone}}\n", "en/faq/care.md:10: unknown directive"},
		{"reserved heading", "en/faq/care.md", carePage + "#### Small heading\n", "en/faq/care.md:10: headings of level 4 to 6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			fsys[tt.file].Data = []byte(tt.data)
			_, ps := Load(fsys, "en")
			for _, p := range ps {
				if strings.HasPrefix(p.String(), tt.want) {
					return
				}
			}
			t.Errorf("want a problem starting %q, got:\n%v", tt.want, ps)
		})
	}
}

func TestSignsForDays(t *testing.T) {
	g, ps := Load(validFS(), "en")
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	ids := func(ss []Sign) string {
		var out []string
		for _, s := range ss {
			out = append(out, s.ID)
		}
		return strings.Join(out, ",")
	}
	for _, tt := range []struct {
		from, to int
		want     string
	}{
		{0, 0, "breathing,eye"},
		{1, 3, "breathing,eye,worse"},
		{6, 7, "breathing,eye,worse,still-red"},
		{100, 200, "breathing,eye,worse,still-red"},
	} {
		if got := ids(g.Signs.ForDays(tt.from, tt.to)); got != tt.want {
			t.Errorf("ForDays(%d, %d) = %s, want %s", tt.from, tt.to, got, tt.want)
		}
	}
}

// The levels come out most urgent first, each under its own heading, with
// the clinic's numbers where they belong and what is normal beside the
// emergency signs.
func TestExpandWithClinicNumbers(t *testing.T) {
	g, _ := Load(validFS(), "en")
	Expand(g, Numbers{Emergency: "999", Phone: "555-0100", Hours: "9-5", AfterHours: "Call 555-0199 after 5pm"})
	day0, _ := g.Page("day-0")
	body := day0.Body
	for _, want := range []string{
		"#### Emergency: call 999 now", "Call 999 now.", "- Trouble breathing.",
		"- Trouble breathing.\n\nPuffy, red skin in the first days is normal.\n\nGo to urgent care now if you have:\n\n- Eye pain.",
		"If you are worried, call us.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("day 0 lacks %q:\n%s", want, body)
		}
	}
	// Day 0 has no "today" sign (worse applies from day 1), so no such level...
	if strings.Contains(body, "Redness that gets worse") || strings.Contains(body, "######") {
		t.Errorf("day 0 lists signs of later days:\n%s", body)
	}
	day1, _ := g.Page("day-1")
	for _, want := range []string{
		"##### Get medical advice today", "**Your clinic:** 555-0100", "**Open:** 9-5", "**When your clinic is closed:** Call 555-0199 after 5pm",
		"- Redness that gets worse.",
	} {
		if !strings.Contains(day1.Body, want) {
			t.Errorf("day 1 lacks %q:\n%s", want, day1.Body)
		}
	}
	if strings.Index(body, "####") > strings.Index(body, "Puffy") {
		t.Errorf("what is normal must come with the emergency level")
	}
	// ...and no directive is left anywhere.
	for _, p := range g.All() {
		if strings.Contains(p.Body, SignsDirective) {
			t.Errorf("%s still says %s", p.Path, SignsDirective)
		}
	}
	// Without a configured number the default shows; expanding again works
	// from the text as written.
	Expand(g, Numbers{})
	if !strings.Contains(day0.Body, "#### Emergency: call 911 (US), 999 (UK) or 112 (EU) now") || strings.Contains(day0.Body, "555-0100") {
		t.Errorf("re-expanding kept old numbers:\n%s", day0.Body)
	}
}

// Markdown and escapes in the clinic's settings cannot change the page.
func TestExpandEscapesClinicText(t *testing.T) {
	g, _ := Load(validFS(), "en")
	Expand(g, Numbers{Phone: "*555* [x](y) \x1b[2J"})
	day1, _ := g.Page("day-1")
	if !strings.Contains(day1.Body, `\*555\* \[x\](y)`) || strings.Contains(day1.Body, "\x1b") {
		t.Errorf("clinic text not escaped:\n%s", day1.Body)
	}
}

// The shipped data: every sign has exactly one known level, the levels
// are the three in order, emergency signs apply on every day, and normal
// healing is on none of them.
func TestShippedSigns(t *testing.T) {
	for _, lang := range Languages(skcontent.FS()) {
		g, ps := Load(skcontent.FS(), lang)
		if ps.Errors() > 0 {
			t.Fatalf("%s: %v", lang, ps.Err())
		}
		s := g.Signs
		if len(s.Levels) != 3 || s.Levels[0].ID != LevelEmergency || s.Levels[1].ID != LevelToday || s.Levels[2].ID != LevelHours {
			t.Fatalf("%s: levels %+v", lang, s.Levels)
		}
		for _, sg := range s.Signs {
			if Rank(sg.Level) > 2 {
				t.Errorf("%s: sign %s has level %q", lang, sg.ID, sg.Level)
			}
			if sg.Level == LevelEmergency && sg.ID != "numbing-overdose" && (sg.From != 0 || sg.To != Forever) {
				t.Errorf("%s: emergency sign %s must apply on every day", lang, sg.ID)
			}
		}
		// facts.md: redness, warmth, swelling or pain "that spreads at any
		// time" is a sign of infection, so the sign shows on Day 0 too.
		if sg, ok := s.Sign("getting-worse"); !ok || sg.From != 0 || sg.To != Forever {
			t.Errorf("%s: getting-worse (it also covers spreading) must apply on every day, from day 0", lang)
		}
		// Every timeline step and the When to call us page show the
		// emergency level first.
		for _, p := range append(append([]*Page{}, g.Timeline...), mustPage(t, g, PageCallUs)) {
			body := "\n" + p.Body
			i := strings.Index(body, "\n#### ")
			if i < 0 || strings.Contains(body[:i], "\n##### ") || strings.Contains(body[:i], "\n###### ") {
				t.Errorf("%s: the emergency level is not the first level", p.Path)
			}
		}
	}
}

func mustPage(t *testing.T, g *Guide, id string) *Page {
	t.Helper()
	p, ok := g.Page(id)
	if !ok {
		t.Fatalf("no page %s", id)
	}
	return p
}

var _ fs.FS = skcontent.FS()

func TestApprovalSentence(t *testing.T) {
	g := &Guide{Approved: "Approved for use at {clinic} by {by}, on {date}.", NotApproved: "No sign-off yet."}
	on := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		n    Numbers
		want string
	}{
		{Numbers{}, "No sign-off yet."},
		{Numbers{Clinic: "Riverside", ApprovedOn: on}, "No sign-off yet."},
		{Numbers{Clinic: "Riverside", ApprovedBy: "Dr Lee", ApprovedOn: on}, "Approved for use at Riverside by Dr Lee, on 1 November 2026."},
		{Numbers{ApprovedBy: "Dr Lee"}, "Approved for use by Dr Lee."},
		{Numbers{ApprovedBy: "Dr \x1b[2JLee", Clinic: "R"}, "Approved for use at R by Dr [2JLee."},
	} {
		if got := g.Approval(tt.n); got != tt.want {
			t.Errorf("Approval(%+v) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestLintHelpInProse(t *testing.T) {
	fsys := validFS()
	fsys["en/faq/care.md"].Data = []byte(carePage + "If you cannot breathe, call 999.\nThe NHS says to rest.\n")
	g, ps := Load(fsys, "en")
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	got := fmt.Sprint(Lint(g, time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)))
	for _, want := range []string{
		"en/faq/care.md:10: warning: emergency advice belongs in warning-signs.yaml",
		`en/faq/care.md:11: warning: name the source (the NHS trust's leaflet by name), not "the NHS says"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lint lacks %q:\n%s", want, got)
		}
	}
}
