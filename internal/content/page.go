// Package content loads and validates a skinguide content folder: Markdown
// pages with YAML front matter, organised per language, from any fs.FS.
package content

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/skinguide/skinguide/internal/termsafe"
)

// Kind says which part of the guide a page belongs to.
type Kind int

const (
	KindFAQ Kind = iota
	KindTimeline
	KindPage
)

func (k Kind) String() string {
	switch k {
	case KindFAQ:
		return "faq"
	case KindTimeline:
		return "timeline"
	default:
		return "page"
	}
}

// Ids of the pages every language must have.
const (
	PageCallUs   = "call-us"
	PageGlossary = "glossary"
	PageAbout    = "about"
)

// Section is one group of FAQ answers, in the order guide.yaml lists them.
type Section struct {
	ID    string
	Title string
}

// Page is one Markdown file: an FAQ answer, a timeline step or a page.
type Page struct {
	ID    string
	Kind  Kind
	Title string
	Path  string // slash path inside the content root, e.g. "en/faq/cost.md"

	Keywords []string
	Related  []string
	Reviewed time.Time
	Sources  []string

	// FAQ answers.
	Section string
	Order   int
	Fact    string // optional "Did you know?" line

	// Timeline steps: days since treatment, inclusive; day 0 is the treatment day.
	From, To int
	Label    string
	Summary  string

	Body     string // Markdown after the front matter, warning signs expanded
	RawBody  string // the body as written, with {{warning-signs}}; see Expand
	BodyLine int    // line of the file on which Body starts

	// keyFields is the schema of the page's front matter, keyLines the
	// line of each of its keys (0: not there), relatedLines the line of
	// each related id.
	keyFields    []field
	keyLines     [maxPageKeys]int
	relatedLines []int
	headings     []string // "##" headings of a timeline step
	headingLines []int
}

// Line returns the line of a front-matter key, or 1 when it is absent.
func (p *Page) Line(key string) int {
	for i, f := range p.keyFields {
		if f.name == key && p.keyLines[i] > 0 {
			return p.keyLines[i]
		}
	}
	return 1
}

// Covers reports whether a timeline step includes the given day.
func (p *Page) Covers(day int) bool { return day >= p.From && day <= p.To }

// Guide is one language of a content root, ready to show.
type Guide struct {
	Lang        string
	Title       string
	Welcome     string
	ClinicFirst string
	// Approved is the clinic's sign-off ("Approved for use at {clinic} by
	// {by}, on {date}."), NotApproved what About says without one.
	Approved, NotApproved string
	approvedLine          int
	ReviewedLabel         string
	SourcesLabel          string
	Sections              []Section
	TimelineHeadings      []string
	Signs                 *Signs // when to get help; see warning-signs.yaml
	UI                    *UI    // the interface's words, from ui.yaml
	// Translations are the other languages of the same content folder
	// that load without errors (see WithTranslations), for the switch on
	// Home. Empty for a guide that is itself a translation.
	Translations []*Guide

	// Synonyms is the search word list (synonyms.yaml), or nil.
	Synonyms *Synonyms
	// Symptoms is the "Is this normal?" checker (symptoms.yaml), or nil.
	Symptoms *Symptoms

	FAQ      []*Page // by section (guide.yaml order), then order
	Timeline []*Page // by From
	Pages    []*Page // by id

	byID map[string]*Page
}

// Page finds a page of any kind by id.
func (g *Guide) Page(id string) (*Page, bool) {
	p, ok := g.byID[id]
	return p, ok
}

// All returns every page: FAQ answers, then timeline steps, then pages.
func (g *Guide) All() []*Page {
	all := make([]*Page, 0, len(g.FAQ)+len(g.Timeline)+len(g.Pages))
	all = append(all, g.FAQ...)
	all = append(all, g.Timeline...)
	return append(all, g.Pages...)
}

// SectionTitle returns the display title of a section id.
func (g *Guide) SectionTitle(id string) string {
	for _, s := range g.Sections {
		if s.ID == id {
			return s.Title
		}
	}
	return id
}

// InSection returns the FAQ answers of one section, in order.
func (g *Guide) InSection(id string) []*Page {
	var out []*Page
	for _, p := range g.FAQ {
		if p.Section == id {
			out = append(out, p)
		}
	}
	return out
}

// StepFor returns the index of the timeline step covering day, or -1.
func (g *Guide) StepFor(day int) int {
	i := sort.Search(len(g.Timeline), func(i int) bool { return g.Timeline[i].To >= day })
	if i < len(g.Timeline) && g.Timeline[i].Covers(day) {
		return i
	}
	return -1
}

// Facts returns the "Did you know?" lines with the id of their page.
func (g *Guide) Facts() []*Page {
	var out []*Page
	for _, p := range g.FAQ {
		if p.Fact != "" {
			out = append(out, p)
		}
	}
	return out
}

// Severity of a Problem.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Problem is one finding about a content file, reported as file:line: message.
type Problem struct {
	File     string
	Line     int
	Severity Severity
	Msg      string
	// FollowOn marks a problem found by a check across pages (a related
	// id, a section, a gap in the timeline). It may be the consequence of
	// another file's problem (a page that failed to load), so Err names a
	// problem of a file's own first.
	FollowOn bool
}

// String is "file:line: message". A file name is quoted when it holds
// anything but plain printable text (see termsafe.Quote): it comes from
// the content folder, and a name can hold an escape sequence.
func (p Problem) String() string {
	where := termsafe.Quote(p.File)
	if p.Line > 0 {
		where = fmt.Sprintf("%s:%d", where, p.Line)
	}
	if p.Severity == Warning {
		return where + ": warning: " + p.Msg
	}
	return where + ": " + p.Msg
}

// Problems is a list of findings.
type Problems []Problem

// Errors counts the problems that are errors.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the problems that are warnings.
func (ps Problems) Warnings() int { return len(ps) - ps.Errors() }

// Sort orders problems by file, then line.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Msg < ps[j].Msg
	})
}

// Err summarises the errors as one error, or nil when there are none. It
// names a root cause first: an error of a file of its own, before errors
// that checks across pages found (see Problem.FollowOn), which are often
// only its knock-on effects.
func (ps Problems) Err() error {
	n := ps.Errors()
	if n == 0 {
		return nil
	}
	first := -1
	for i, p := range ps {
		if p.Severity != Error {
			continue
		}
		if first < 0 || (ps[first].FollowOn && !p.FollowOn) {
			first = i
		}
	}
	if n == 1 {
		return fmt.Errorf("%s", ps[first])
	}
	return fmt.Errorf("%s (and %d more %s)", ps[first], n-1, plural(n-1, "error"))
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// joinIDs is used in messages that list ids.
func joinIDs(ids []string) string { return strings.Join(ids, ", ") }
