package content

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"testing/iotest"
	"time"
)

const guideYAML = `title: Test guide
welcome: Hello.
sections:
  - id: about
    title: About
  - id: aftercare
    title: Aftercare
timeline_headings: [What you may notice, What to do, What to avoid, Call us if]
clinic_first: Your clinic comes first.
reviewed_label: Last reviewed
sources_label: Based on
`

const faqPage = `---
id: what-is-it
title: What is it?
section: about
order: 1
keywords: [needling]
related: [care]
reviewed: 2026-11-01
sources: [Test source]
---
It is a skin treatment. It is quick.
`

const carePage = `---
id: care
title: How do I care for my skin?
section: aftercare
order: 1
reviewed: 2026-11-01
sources: [Test source]
---
Keep it clean.
`

const stepBody = `Your skin is red.

## What you may notice
- Redness.

## What to do
- Rest.

## What to avoid
- Sun.

## Call us if

{{warning-signs}}
`

func step(id string, from, to int) string {
	return "---\nid: " + id + "\ntitle: Step\nlabel: Step\nfrom: " + itoa(from) + "\nto: " + itoa(to) +
		"\nsummary: A step.\nreviewed: 2026-11-01\nsources: [Test source]\n---\n" + stepBody
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

func simplePage(id string) string {
	return "---\nid: " + id + "\ntitle: Page " + id + "\nreviewed: 2026-11-01\nsources: [Test source]\n---\nSome text.\n"
}

// validFS is a small content root with no problems; each test case breaks
// one thing in a copy of it.
func validFS() fstest.MapFS {
	return fstest.MapFS{
		"en/guide.yaml":         {Data: []byte(guideYAML)},
		"en/faq/what-is-it.md":  {Data: []byte(faqPage)},
		"en/faq/care.md":        {Data: []byte(carePage)},
		"en/timeline/day-0.md":  {Data: []byte(step("day-0", 0, 0))},
		"en/timeline/day-1.md":  {Data: []byte(step("day-1", 1, 3))},
		"en/pages/call-us.md":   {Data: []byte(simplePage("call-us"))},
		"en/pages/glossary.md":  {Data: []byte(simplePage("glossary"))},
		"en/pages/about.md":     {Data: []byte(simplePage("about"))},
		"en/warning-signs.yaml": {Data: []byte(signsYAML)},
	}
}

func TestValidFixtureLoads(t *testing.T) {
	g, ps := Load(validFS(), "en")
	if len(ps) != 0 {
		t.Fatalf("valid fixture has problems: %v", ps)
	}
	if len(g.FAQ) != 2 || len(g.Timeline) != 2 || len(g.Pages) != 3 {
		t.Fatalf("got %d faq, %d steps, %d pages", len(g.FAQ), len(g.Timeline), len(g.Pages))
	}
	if g.FAQ[0].ID != "what-is-it" || g.FAQ[1].ID != "care" {
		t.Errorf("FAQ not in section order: %s, %s", g.FAQ[0].ID, g.FAQ[1].ID)
	}
	if p := g.FAQ[0]; p.BodyLine != 11 || p.Line("related") != 7 || p.Reviewed.Format(time.DateOnly) != "2026-11-01" {
		t.Errorf("body line %d, related line %d, reviewed %v", p.BodyLine, p.Line("related"), p.Reviewed)
	}
	if i := g.StepFor(2); i != 1 {
		t.Errorf("StepFor(2) = %d, want 1", i)
	}
}

func TestLoadReportsEachFault(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string // replaces the file; "" deletes it
		want string // "file:line: message" prefix expected among the problems
	}{
		{"malformed yaml", "en/faq/care.md", "---\nid: care\ntitle: a: b\n---\nText.\n", "en/faq/care.md:3: malformed YAML"},
		{"no front matter", "en/faq/care.md", "Just text.\n", "en/faq/care.md:1: no front matter"},
		{"unclosed front matter", "en/faq/care.md", "---\nid: care\n", "en/faq/care.md:1: front matter is not closed"},
		{"unknown key", "en/faq/care.md", strings.Replace(carePage, "order: 1\n", "order: 1\ncolour: red\n", 1), `en/faq/care.md:6: unknown key "colour"`},
		{"missing key", "en/faq/care.md", strings.Replace(carePage, "title: How do I care for my skin?\n", "", 1), `en/faq/care.md:1: missing key "title"`},
		{"wrong type int", "en/faq/care.md", strings.Replace(carePage, "order: 1", "order: first", 1), "en/faq/care.md:5: order: must be a whole number, not text"},
		{"wrong type list", "en/faq/care.md", strings.Replace(carePage, "sources: [Test source]", "sources: Test source", 1), "en/faq/care.md:7: sources: must be a list of text, not text"},
		{"bad date", "en/faq/care.md", strings.Replace(carePage, "2026-11-01", "2026-02-30", 1), `en/faq/care.md:6: reviewed: "2026-02-30" is not a real date`},
		{"unknown related", "en/faq/what-is-it.md", strings.Replace(faqPage, "related: [care]", "related: [cair]", 1), `en/faq/what-is-it.md:7: related id "cair" does not exist (did you mean "care"?)`},
		{"unknown section", "en/faq/care.md", strings.Replace(carePage, "section: aftercare", "section: afterwards", 1), `en/faq/care.md:4: section "afterwards" does not exist`},
		{"id differs from file", "en/faq/care.md", strings.Replace(carePage, "id: care", "id: caring", 1), `en/faq/care.md:2: id "caring" must match the file name "care"`},
		{"duplicate order", "en/faq/care.md", strings.Replace(carePage, "section: aftercare", "section: about", 1), `en/faq/what-is-it.md:5: order 1 is also used`},
		{"timeline gap", "en/timeline/day-1.md", step("day-1", 2, 3), "en/timeline/day-1.md:5: gap in the timeline: no step covers day 1 to day 1"},
		{"timeline overlap", "en/timeline/day-1.md", step("day-1", 0, 3), "en/timeline/day-1.md:5: overlap in the timeline: day 0"},
		{"timeline to before from", "en/timeline/day-1.md", step("day-1", 3, 1), "en/timeline/day-1.md:6: to (1) is before from (3)"},
		{"missing heading", "en/timeline/day-1.md", strings.Replace(step("day-1", 1, 3), "## What to avoid\n", "", 1), `en/timeline/day-1.md:11: missing timeline heading "What to avoid"`},
		{"wrong heading", "en/timeline/day-1.md", strings.Replace(step("day-1", 1, 3), "## What to do", "## Things to do", 1), `en/timeline/day-1.md:16: heading "Things to do" is not one of the four`},
		{"headings out of order", "en/timeline/day-1.md", strings.Replace(strings.Replace(step("day-1", 1, 3), "## What to do", "## TMP", 1), "## What to avoid", "## What to do", 1), `en/timeline/day-1.md:16: heading "TMP"`},
		{"empty body", "en/faq/care.md", strings.Replace(carePage, "Keep it clean.\n", "\n  \n", 1), "en/faq/care.md:9: the page has no text"},
		{"invalid utf-8", "en/faq/care.md", carePage + "bad \xff byte\n", "en/faq/care.md:10: invalid UTF-8"},
		{"escape sequence", "en/faq/care.md", carePage + "red \x1b[2J clear\n", "en/faq/care.md:10: contains an escape character"},
		{"control character", "en/faq/care.md", carePage + "bell \x07\n", "en/faq/care.md:10: contains a control character (U+0007)"},
		{"escape in front matter", "en/faq/care.md", strings.Replace(carePage, "How do I", "How \x1b]0;pwned\x07 do I", 1), "en/faq/care.md:3: contains an escape character"},
		{"decimal entity", "en/faq/care.md", carePage + "hidden &#27;[2J\n", "en/faq/care.md:10: HTML entity &#27; stands for an escape character"},
		{"hex entity", "en/faq/care.md", carePage + "hidden &#x1b;[2J\n", "en/faq/care.md:10: HTML entity &#x1b; stands for an escape character"},
		{"bidi override", "en/faq/care.md", carePage + "abc \u202e cba\n", "en/faq/care.md:10: contains a bidirectional override (U+202E)"},
		{"deep nesting", "en/faq/care.md", carePage + "\n" + strings.Repeat("> ", 9) + "deep\n", "en/faq/care.md:11: block quotes and lists are nested 9 deep"},
		{"deep list nesting", "en/faq/care.md", carePage + "\n" + deepList(10), "en/faq/care.md:19: block quotes and lists are nested 9 deep"},
		{"file too big", "en/faq/care.md", carePage + strings.Repeat("Keep it clean. ", 20000), "en/faq/care.md: file is 293 KiB; the limit is 256 KiB"},
		{"missing required page", "en/pages/glossary.md", "", "en/pages/glossary.md: missing: every language needs this page"},
		{"stray markdown", "en/notes.md", "hello\n", "en/notes.md: not a page"},
		{"missing guide file", "en/guide.yaml", "", "en/guide.yaml: cannot read"},
		{"bad guide file", "en/guide.yaml", strings.Replace(guideYAML, "timeline_headings: [What you may notice, What to do, What to avoid, Call us if]", "timeline_headings: [One, Two]", 1), "en/guide.yaml:8: timeline_headings: list exactly 4 headings"},
		{"bad section in guide", "en/guide.yaml", strings.Replace(guideYAML, "    title: About\n", "", 1), "en/guide.yaml:3: sections: the section on line 4 must have exactly an id and a title"},
		{"duplicate id", "en/timeline/care.md", step("care", 4, 5), `en/timeline/care.md:2: id "care" is already used by en/faq/care.md`},
		{"bad file name", "en/faq/Care_Page.md", strings.Replace(carePage, "id: care", "id: Care_Page", 1), `en/faq/Care_Page.md:1: file name "Care_Page.md" must use only`},
		{"long fact", "en/faq/care.md", strings.Replace(carePage, "order: 1\n", "order: 2\nfact: "+strings.Repeat("x", 121)+"\n", 1), "en/faq/care.md:6: fact is 121 characters"},
		{"empty title", "en/faq/care.md", strings.Replace(carePage, "title: How do I care for my skin?", "title: \"\"", 1), "en/faq/care.md:3: title: must not be empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			if tt.data == "" {
				delete(fsys, tt.file)
			} else {
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			}
			_, ps := Load(fsys, "en")
			var got []string
			for _, p := range ps {
				if strings.HasPrefix(p.String(), tt.want) && p.Severity == Error {
					return
				}
				got = append(got, p.String())
			}
			t.Errorf("want a problem starting %q, got:\n  %s", tt.want, strings.Join(got, "\n  "))
		})
	}
}

func deepList(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- item\n")
	}
	return b.String()
}

func TestLoadReportsEveryProblemNotOnlyTheFirst(t *testing.T) {
	fsys := validFS()
	fsys["en/faq/care.md"] = &fstest.MapFile{Data: []byte(strings.Replace(carePage, "order: 1", "order: one\ncolour: red", 1))}
	fsys["en/faq/what-is-it.md"] = &fstest.MapFile{Data: []byte(faqPage + "\x1b[31m\n")}
	_, ps := Load(fsys, "en")
	if ps.Errors() < 3 {
		t.Fatalf("want at least 3 errors across 2 files, got %v", ps)
	}
}

func TestNoContent(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"no language folder": {"fr/guide.yaml": {Data: []byte(guideYAML)}},
		"no pages":           {"en/guide.yaml": {Data: []byte(guideYAML)}},
	} {
		g, ps := Load(fsys, "en")
		if g != nil || ps.Errors() == 0 || !strings.Contains(ps.Err().Error(), "no content") {
			t.Errorf("%s: guide %v, problems %v; want no guide and a no-content error", name, g != nil, ps)
		}
		if name == "no language folder" && !strings.Contains(ps.Err().Error(), "(languages here: fr)") {
			t.Errorf("the message should name the languages there are: %v", ps.Err())
		}
	}
}

func TestLint(t *testing.T) {
	fsys := validFS()
	fsys["en/faq/care.md"] = &fstest.MapFile{Data: []byte(strings.Replace(carePage, "Keep it clean.",
		"Notwithstanding considerable physiological variability, dermatological practitioners recommend meticulous postprocedural sanitation methodologies.", 1))}
	fsys["en/pages/about.md"] = &fstest.MapFile{Data: []byte(strings.Replace(simplePage("about"), "2026-11-01", "2024-01-01", 1))}
	fsys["en/pages/glossary.md"] = &fstest.MapFile{Data: []byte(strings.Replace(simplePage("glossary"), "2026-11-01", "2027-01-01", 1))}
	g, ps := Load(fsys, "en")
	if len(ps) != 0 {
		t.Fatalf("load: %v", ps)
	}
	lint := Lint(g, time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	want := []string{
		"en/faq/care.md:9: warning: reading grade",
		"en/pages/about.md:4: warning: last reviewed 2024-01-01, more than 24 months ago",
		"en/pages/glossary.md:4: reviewed date 2027-01-01 is in the future",
	}
	if len(lint) != len(want) {
		t.Fatalf("got %v, want %d problems", lint, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(lint[i].String(), w) {
			t.Errorf("problem %d = %q, want prefix %q", i, lint[i], w)
		}
	}
}

// readAllSized reads everything whatever size it is told to expect, into
// whatever buffer it is given.
func TestReadAllSized(t *testing.T) {
	data := []byte(strings.Repeat("abcdefghij", 700))
	for _, size := range []int64{0, 1, 511, 512, 6999, 7000, 7001, 1 << 20} {
		for _, buf := range [][]byte{nil, []byte("held before"), make([]byte, 9000)} {
			got, err := readAllSized(buf, iotest.HalfReader(bytes.NewReader(data)), size)
			if err != nil || !bytes.Equal(got, data) {
				t.Errorf("size %d, buffer of %d: %d bytes, %v", size, cap(buf), len(got), err)
			}
		}
	}
	if _, err := readAllSized(nil, iotest.ErrReader(io.ErrUnexpectedEOF), 10); err != io.ErrUnexpectedEOF {
		t.Errorf("error %v, want %v", err, io.ErrUnexpectedEOF)
	}
}

// Every kind of page's schema fits in Page.keyLines.
func TestSchemasFitKeyLines(t *testing.T) {
	for _, k := range []Kind{KindFAQ, KindTimeline, KindPage} {
		if n := len(schema(k)); n > maxPageKeys {
			t.Errorf("%s pages have %d keys; Page.keyLines has room for %d", k, n, maxPageKeys)
		}
	}
}

// Markdown outside the three page folders is reported, however deep, and
// only there: page folders' own files are pages, their subfolders' are not.
func TestStrayMarkdown(t *testing.T) {
	fsys := validFS()
	for _, f := range []string{"en/notes.md", "en/notes/a.md", "en/faq/old/b.md", "en/faq/old/deeper/c.md", "en/timeline/x/d.md", "en/pages/x/y/e.md", "en/faq/old/f.txt"} {
		fsys[f] = &fstest.MapFile{Data: []byte("hello\n")}
	}
	_, ps := Load(fsys, "en")
	var got []string
	for _, p := range ps {
		if strings.Contains(p.Msg, "not a page") {
			got = append(got, p.File)
		}
	}
	want := []string{"en/faq/old/b.md", "en/faq/old/deeper/c.md", "en/notes.md", "en/notes/a.md", "en/pages/x/y/e.md", "en/timeline/x/d.md"}
	if !slices.Equal(got, want) {
		t.Errorf("strays %v, want %v", got, want)
	}
}
