package tui

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/skinguide/skinguide/internal/render"
)

// headHeight is the height of the search screen's head, whatever the
// query: empty, found, corrected, or finding nothing.
func TestSearchHeadHeight(t *testing.T) {
	g := loadGuide(t)
	for _, w := range []int{40, 80, 160} {
		m := drive(New(g, render.New(g), lipgloss.NewRenderer(io.Discard), testOptions(), fakeClock{testNow()}), size(w, 30), press("/"))
		for _, q := range []string{"", "  ", "sun", "retinl", "bleeding wont stop", "zzzqqq", strings.Repeat("xyzzy ", 30)} {
			s := m.screens[screenSearch].(searchModel)
			s.box.setValue(q)
			s.run(false)
			if got, want := s.headHeight(), len(s.head()); got != want {
				t.Errorf("width %d, query %q: headHeight %d, head has %d lines", w, q, got, want)
			}
		}
	}
}
