package tui

import (
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/race"
	"github.com/skinguide/skinguide/internal/render"
)

// A clinic's content is valid but awkward: words longer than any window,
// wide characters, tables, code, tabs and nesting at the limit. Every
// frame must still fit the terminal.
func TestAwkwardContentStillFits(t *testing.T) {
	race.SkipSerial(t)
	root := fstest.MapFS{}
	err := fsCopy(root, "en")
	if err != nil {
		t.Fatal(err)
	}
	awkward := strings.Join([]string{
		"Main message first. " + strings.Repeat("x", content.MaxRun),
		"https://example.com/" + strings.Repeat("long-path/", 8),
		"宽字符的句子很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长",
		"| Product | How long to wait | Notes |\n|---|---|---|\n| AHAs and other acids that remove dead skin | 3 days | " + strings.Repeat("long cell text ", 20) + " |",
		"```\n" + strings.Repeat("code ", 60) + "\n\tindented\twith\ttabs\n```",
		strings.Repeat("> ", 4) + "- a\n" + strings.Repeat("  ", 2) + "- b " + strings.Repeat("nested ", 30),
		"Emoji and marks: café naïve 👩‍⚕️ ✔ → ★",
	}, "\n\n")
	p := string(root["en/faq/makeup.md"].Data)
	cut := strings.Index(p[4:], "\n---\n") + 4 + 5
	root["en/faq/makeup.md"] = &fstest.MapFile{Data: []byte(p[:cut] + awkward + "\n")}
	g, ps := content.Load(root, "en")
	if ps.Errors() > 0 {
		t.Fatal(ps.Err())
	}
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI256} {
		opts := testOptions()
		opts.Profile = profile
		for _, sz := range [][2]int{{40, 12}, {80, 24}, {120, 40}, {250, 80}} {
			m := New(g, render.New(g), lipgloss.NewRenderer(io.Discard), opts, fakeClock{testNow()})
			m = drive(m, size(sz[0], sz[1]))
			m = drive(m, keys("/ makeup")...)
			m = drive(m, press("enter"))
			checkFits(t, m.View(), sz[0], sz[1], "an awkward answer")
			for range 12 {
				m = drive(m, press("pgdown"))
				checkFits(t, m.View(), sz[0], sz[1], "an awkward answer, scrolled")
			}
		}
	}
}

// fsCopy copies one language of the embedded content into a MapFS.
func fsCopy(dst fstest.MapFS, lang string) error {
	src := embedded.FS()
	return fs.WalkDir(src, lang, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, name)
		dst[name] = &fstest.MapFile{Data: data}
		return err
	})
}

// Content with escape sequences that the loader would refuse, put into
// a guide behind its back: even so, no control character may reach the
// screen through any title, section name, rail label, related question or
// search row. Every place draws text through termsafe.Clean.
func TestEscapesInContentNeverReachTheScreen(t *testing.T) {
	root := fstest.MapFS{}
	if err := fsCopy(root, "en"); err != nil {
		t.Fatal(err)
	}
	const osc = "\x1b]0;PWNED\a\x1b[2J\u009b2J\u202e"
	for _, f := range []string{"en/faq/how-deep.md", "en/faq/cost.md"} {
		root[f] = &fstest.MapFile{Data: append(root[f].Data, "\nzebra \x1b]0;PWNED\x07 zebra\n"...)}
	}
	g, _ := content.Load(root, "en")
	if g == nil {
		t.Fatal("no guide")
	}
	for _, p := range g.FAQ {
		p.Title = "Needles" + osc + " " + p.Title
	}
	for _, p := range g.Timeline {
		p.Label = "D" + osc
		p.Title = "Step" + osc + " " + p.Title
	}
	for i := range g.Sections {
		g.Sections[i].Title += osc
	}
	bad := func(view, where string) {
		t.Helper()
		for _, r := range view {
			if r == 0x1b || r == 0x07 || r == 0x9b || r == 0x202e {
				t.Fatalf("%s: U+%04X reached the screen:\n%q", where, r, view)
			}
		}
	}
	for _, script := range []struct{ name, keys string }{
		{"faq list", "1"},
		{"search", "1 / zebra"},
		{"search, then an answer", "1 / zebra enter"},
		{"timeline", "2"},
		{"timeline step", "2 right enter"},
	} {
		for _, sz := range [][2]int{{80, 24}, {160, 40}} {
			m := New(g, render.New(g), lipgloss.NewRenderer(io.Discard), testOptions(), fakeClock{testNow()})
			m = drive(m, size(sz[0], sz[1]))
			bad(m.View(), "home")
			for _, msg := range keys(script.keys) {
				m = drive(m, msg)
				bad(m.View(), script.name)
			}
			if script.name == "search" && !strings.Contains(plain(m.View()), "Needles") {
				t.Errorf("search should find the hostile titles:\n%s", plain(m.View()))
			}
		}
	}
}
