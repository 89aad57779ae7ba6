package tui

import (
	"slices"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/contentgen"
	"github.com/skinguide/skinguide/internal/render"
)

// The question list draws a line when it first comes into view, not every
// line at each width: at 1,000 answers drawing them all at the first
// window size held up the first frame. Each frame is the one drawing every
// line first gives, and Update has drawn what the frame shows.
func TestQuestionListDrawsLinesAsTheyComeIntoView(t *testing.T) {
	big, err := contentgen.FAQ(embedded.FS(), "en", 300)
	if err != nil {
		t.Fatal(err)
	}
	g, ps := content.Load(big, "en")
	if ps.Errors() > 0 {
		t.Fatal(ps.Err())
	}
	m := drive(newColourModel(g, render.New(g)), size(80, 24), press("1"))
	drawn := func() (n int) {
		for _, ln := range m.faq().list.lines {
			if ln.drawn != "" {
				n++
			}
		}
		return n
	}
	if n, all := drawn(), len(m.faq().list.lines); n > 24 || all < 300 {
		t.Fatalf("%d of %d lines drawn at the first size", n, all)
	}
	wheel := tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress, X: 5, Y: 5}
	steps := []tea.Msg{press("end"), press("home"), wheel, wheel, size(60, 20), size(100, 30)}
	for range 30 {
		steps = append(steps, press("down"))
	}
	for i, msg := range steps {
		m = drive(m, msg)
		l := m.faq().list
		from, to := l.window()
		for j := from; j < to; j++ {
			if l.lines[j].drawn == "" {
				t.Fatalf("step %d (%v): line %d in view is not drawn", i, msg, j)
			}
		}
		eager := l
		eager.lines = slices.Clone(l.lines)
		for j := range eager.lines {
			eager.lines[j].drawn = l.draw(eager.lines[j])
		}
		if got, want := l.view(), eager.view(); !slices.Equal(got, want) {
			t.Fatalf("step %d (%v): frame\n%q\nwant\n%q", i, msg, got, want)
		}
	}
	if n, all := drawn(), len(m.faq().list.lines); n >= all/2 {
		t.Errorf("%d of %d lines drawn after a short walk", n, all)
	}
}
