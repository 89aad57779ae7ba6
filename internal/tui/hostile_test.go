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
	"github.com/skinguide/skinguide/internal/render"
)

// A clinic's content is valid but awkward: words longer than any window,
// wide characters, tables, code, tabs and nesting at the limit. Every
// frame must still fit the terminal.
func TestAwkwardContentStillFits(t *testing.T) {
	root := fstest.MapFS{}
	err := fsCopy(root, "en")
	if err != nil {
		t.Fatal(err)
	}
	awkward := strings.Join([]string{
		"Main message first. " + strings.Repeat("x", 300),
		"https://example.com/" + strings.Repeat("very-long-path/", 30),
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
