package cli

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/render"
	"github.com/skinguide/skinguide/internal/termsafe"
)

// sheet is a take-home sheet: some pages of the guide under the clinic's
// contact details, as one Markdown document.
type sheet struct {
	g       *content.Guide
	pages   []*content.Page
	numbers content.Numbers
	clinic  string    // the clinic's name
	treated time.Time // dates the timeline steps when set
	normal  bool      // the "Is this normal?" sheet (printnormal.go)
}

// bodyHeading matches a page's own headings ("##" and "###"), which move
// one level down under the page's title on a sheet. The levels of help
// ("####" and below) keep their own.
var bodyHeading = regexp.MustCompile(`(?m)^(##|###) `)

// markdown is the sheet: "#" the clinic's details and each FAQ section,
// "##" each page, "###" the page's own parts, then the levels of help.
func (s sheet) markdown() string {
	var b strings.Builder
	b.WriteString(s.header())
	if s.normal {
		b.WriteString(s.normalSheet())
	}
	for i, p := range s.pages {
		if title := newSection(s.g, s.pages, i); title != "" {
			fmt.Fprintf(&b, "# %s\n\n", title)
		}
		fmt.Fprintf(&b, "## %s\n\n", s.title(p))
		if s.dated(p) {
			fmt.Fprintf(&b, "**%s**\n\n", stepDates(s.g.UI, s.treated, p))
		}
		b.WriteString(bodyHeading.ReplaceAllString(strings.TrimSpace(p.Body), "#$1 "))
		b.WriteString("\n\n")
		if !p.Reviewed.IsZero() {
			fmt.Fprintf(&b, "*%s: %s.*", labelOr(s.g.ReviewedLabel, "Last reviewed"), s.g.UI.Dates().FormatShort(p.Reviewed))
			b.WriteString("\n\n")
		}
		if len(p.Sources) > 0 {
			b.WriteString(render.SourcesLine(s.g, p))
		}
		b.WriteString("\n\n")
	}
	if s.g.ClinicFirst != "" {
		fmt.Fprintf(&b, "**%s**\n", s.g.ClinicFirst)
	}
	return b.String()
}

// header is the clinic's name, phone, hours, after-hours line and the
// emergency number: on every sheet, whatever it holds.
func (s sheet) header() string {
	var b strings.Builder
	title := s.g.Title
	if name := termsafe.Clean(strings.TrimSpace(s.clinic)); name != "" {
		title = name
	}
	fmt.Fprintf(&b, "# %s\n\n", content.EscapeMarkdown(title))
	signs := s.g.Signs
	if signs == nil {
		return b.String()
	}
	var lines []string
	for _, c := range signs.Contact(content.LevelToday, s.numbers) {
		lines = append(lines, fmt.Sprintf("- **%s:** %s", content.EscapeMarkdown(c[0]), content.EscapeMarkdown(c[1])))
	}
	if em, ok := signs.Level(content.LevelEmergency); ok {
		lines = append(lines, fmt.Sprintf("- **%s**", content.EscapeMarkdown(signs.LevelTitle(em, s.numbers))))
	}
	b.WriteString(strings.Join(lines, "\n"))
	b.WriteString("\n\n")
	return b.String()
}

func (s sheet) title(p *content.Page) string {
	return content.EscapeMarkdown(termsafe.Clean(p.Title))
}

func (s sheet) dated(p *content.Page) bool {
	return !s.treated.IsZero() && p.Kind == content.KindTimeline
}

// stepDates names the calendar days of a timeline step for someone
// treated on the given day: "Mon 30 Nov - Tue 1 Dec (days 2-3)".
func stepDates(ui *content.UI, treated time.Time, p *content.Page) string {
	w := ui.Dates()
	day := func(n int) string { return w.FormatBrief(treated.AddDate(0, 0, n)) }
	if p.From == p.To {
		return day(p.From) + " " + fmt.Sprintf(ui.Text("print_day"), p.From)
	}
	return day(p.From) + " - " + day(p.To) + " " + fmt.Sprintf(ui.Text("print_days"), p.From, p.To)
}

func labelOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
