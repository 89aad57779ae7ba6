package content

import (
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// A hostile clinic file that the checker used to approve: each case must
// now be an error naming file:line.
func TestLoadRefusesHostileContent(t *testing.T) {
	osc := `How deep\e]0;PWNED\a\e[2J do the needles go?`
	tests := []struct {
		name string
		file string
		data string
		want string
	}{
		{"yaml escape in title", "en/faq/care.md", strings.Replace(carePage, "title: How do I care for my skin?", `title: "`+osc+`"`, 1), "en/faq/care.md:3: title: contains an escape character"},
		{"yaml C1 control in title", "en/faq/care.md", strings.Replace(carePage, "title: How do I care for my skin?", `title: "Care \u009b2J"`, 1), "en/faq/care.md:3: title: contains a control character (U+009B)"},
		{"yaml bidi override in title", "en/faq/care.md", strings.Replace(carePage, "title: How do I care for my skin?", `title: "Care \u202e"`, 1), "en/faq/care.md:3: title: contains a bidirectional override"},
		{"yaml escape in a source", "en/faq/care.md", strings.Replace(carePage, "sources: [Test source]", `sources: ["Test \e[2J source"]`, 1), "en/faq/care.md:7: sources: item on line 7 contains an escape character"},
		{"yaml escape in a keyword", "en/faq/what-is-it.md", strings.Replace(faqPage, "keywords: [needling]", `keywords: ["\x1b]0;x\x07"]`, 1), "en/faq/what-is-it.md:6: keywords: item on line 6 contains an escape character"},
		{"yaml escape in a fact", "en/faq/care.md", strings.Replace(carePage, "order: 1\n", "order: 1\nfact: \"Did you \\e[5m know\"\n", 1), "en/faq/care.md:6: fact: contains an escape character"},
		{"yaml escape in a rail label", "en/timeline/day-1.md", strings.Replace(step("day-1", 1, 3), "label: Step", `label: "\e[2J"`, 1), "en/timeline/day-1.md:4: label: contains an escape character"},
		{"yaml escape in a summary", "en/timeline/day-1.md", strings.Replace(step("day-1", 1, 3), "summary: A step.", `summary: "A \u0007step."`, 1), "en/timeline/day-1.md:7: summary: contains a control character (U+0007)"},
		{"yaml escape in a section title", "en/guide.yaml", strings.Replace(guideYAML, "    title: About\n", "    title: \"About\\e]0;x\\a\"\n", 1), "en/guide.yaml:3: sections: the title of the section on line 4 contains an escape character"},
		{"yaml escape in the welcome", "en/guide.yaml", strings.Replace(guideYAML, "welcome: Hello.", `welcome: "Hello \e[2J"`, 1), "en/guide.yaml:2: welcome: contains an escape character"},
		{"yaml escape in a timeline heading", "en/guide.yaml", strings.Replace(guideYAML, "[What you may notice,", `["What you \e[2J may notice",`, 1), "en/guide.yaml:8: timeline_headings: item on line 8 contains an escape"},
		{"huge order", "en/faq/care.md", strings.Replace(carePage, "order: 1", "order: 99999999999999999999", 1), "en/faq/care.md:5: order: 99999999999999999999 is too large"},
		{"large order", "en/faq/care.md", strings.Replace(carePage, "order: 1", "order: 9999999999", 1), "en/faq/care.md:5: order: 9999999999 is too large"},
		{"long unbroken run", "en/faq/care.md", carePage + "see " + strings.Repeat("x", MaxRun+1) + " here\n", "en/faq/care.md:10: 101 characters without a space"},
		{"long run in front matter", "en/faq/care.md", strings.Replace(carePage, "sources: [Test source]", "sources: [https://example.com/"+strings.Repeat("a", MaxRun)+"]", 1), "en/faq/care.md:7: 122 characters without a space"},
		{"no-break spaces do not break a run", "en/faq/care.md", carePage + strings.Repeat("ab\u00a0", 40) + "\n", "en/faq/care.md:10: 120 characters without a space"},
		{"inline data uri", "en/faq/care.md", carePage + "\n![x](data:image/png;base64,iVBORw0KGgo=)\n", "en/faq/care.md:11: an inline data: URI"},
		{"64 KB data uri", "en/faq/care.md", carePage + "\n![x](data:image/png;base64," + strings.Repeat("A", 64<<10) + ")\n", "en/faq/care.md:11: 65564 characters without a space"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
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

func TestRunsAtTheLimitPass(t *testing.T) {
	fsys := validFS()
	fsys["en/faq/care.md"] = &fstest.MapFile{Data: []byte(carePage + strings.Repeat("x", MaxRun) + "\n" + "data: is a word here\n")}
	if _, ps := Load(fsys, "en"); len(ps) != 0 {
		t.Errorf("a run of exactly %d characters is allowed: %v", MaxRun, ps)
	}
}

func TestByteOrderMarkIsAccepted(t *testing.T) {
	fsys := validFS()
	fsys["en/faq/care.md"] = &fstest.MapFile{Data: []byte("\uFEFF" + carePage)}
	fsys["en/guide.yaml"] = &fstest.MapFile{Data: []byte("\uFEFF" + guideYAML)}
	g, ps := Load(fsys, "en")
	if len(ps) != 0 {
		t.Fatalf("a UTF-8 byte order mark should be accepted: %v", ps)
	}
	if p, _ := g.Page("care"); p.Line("order") != 5 || p.Title != "How do I care for my skin?" {
		t.Errorf("line numbers and title after a BOM: order on %d, title %q", p.Line("order"), p.Title)
	}
}

func TestFileNamesAreQuotedInProblems(t *testing.T) {
	fsys := validFS()
	fsys["en/faq/\x1b]0;PWN\x07.md"] = &fstest.MapFile{Data: []byte("Just text.\n")}
	_, ps := Load(fsys, "en")
	for _, p := range ps {
		if strings.ContainsRune(p.String(), 0x1b) || strings.ContainsRune(p.String(), 0x07) {
			t.Errorf("raw control characters in a problem: %q", p.String())
		}
	}
	if !strings.Contains(ps.Err().Error(), `"en/faq/\x1b]0;PWN\a.md":1: no front matter`) {
		t.Errorf("the name should be quoted: %v", ps)
	}
}

// A required page that cannot be read is also "missing", which sorts
// first (line 0); the summary names why it cannot be read.
func TestErrNamesTheRootCauseFirst(t *testing.T) {
	fsys := validFS()
	fsys["en/pages/about.md"] = &fstest.MapFile{Data: []byte("no front matter\n")}
	_, ps := Load(fsys, "en")
	err := ps.Err()
	if err == nil || !strings.HasPrefix(err.Error(), "en/pages/about.md:1: no front matter") {
		t.Errorf("Err() = %v, want the unreadable page first; all: %v", err, ps)
	}
}

// infiniteFS serves one page that claims to be 10 bytes long and never
// ends, as /dev/zero behind a symlink does.
type infiniteFS struct{ fstest.MapFS }

type infiniteFile struct{ name string }

type smallInfo struct{ name string }

func (i smallInfo) Name() string       { return i.name }
func (i smallInfo) Size() int64        { return 10 }
func (i smallInfo) Mode() fs.FileMode  { return 0o644 }
func (i smallInfo) ModTime() time.Time { return time.Time{} }
func (i smallInfo) IsDir() bool        { return false }
func (i smallInfo) Sys() any           { return nil }

func (f infiniteFile) Stat() (fs.FileInfo, error) { return smallInfo(f), nil }
func (f infiniteFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}
func (f infiniteFile) Close() error { return nil }

func (f infiniteFS) Open(name string) (fs.File, error) {
	if name == "en/faq/care.md" {
		return infiniteFile{"care.md"}, nil
	}
	return f.MapFS.Open(name)
}

func (f infiniteFS) Stat(name string) (fs.FileInfo, error) {
	if name == "en/faq/care.md" {
		return smallInfo{"care.md"}, nil
	}
	return f.MapFS.Stat(name)
}

var _ io.Reader = infiniteFile{}

func TestReadIsBoundedWhateverStatSays(t *testing.T) {
	_, ps := Load(infiniteFS{validFS()}, "en")
	if err := ps.Err(); err == nil || !strings.Contains(err.Error(), "en/faq/care.md: file is over 256 KiB") {
		t.Errorf("Err() = %v, want the endless page refused", err)
	}
}
