package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/render"
)

// In a real program a layout message can arrive while the burst of resizes
// is still going on: bubbletea runs the command that sends it on a
// goroutine, so it joins the queue behind the next resize. By then it is
// stale and must do nothing; only the message of the last resize renders,
// at the final size. (Issue 12 part 5: making stale layout messages apply
// went uncaught, because TestResizeBurstRendersOnce delivers every layout
// message after the last resize, when each of them would render at the
// final width and hit the cache.)
func TestStaleLayoutMessagesRenderNothing(t *testing.T) {
	m, r := newCountingModel(t, testOptions())
	m = drive(m, size(80, 24), press("1"), press("enter"))
	page, startWidth := m.faq().list.selected(), m.faq().answerWidth
	before := r.Renders()
	var late tea.Msg // the layout message of the resize before
	for w := 81; w <= 99; w++ {
		var cmd tea.Cmd
		m, cmd = m.update(size(w, 30))
		if late != nil {
			// Its commands are the renders it asked for: run them too.
			var work tea.Cmd
			m, work = m.update(late)
			for _, msg := range runCmd(work) {
				m = step(m, msg, true)
			}
		}
		late = cmd()
	}
	if got := r.Renders() - before; got != 0 {
		t.Errorf("stale layout messages rendered %d pages during the burst, want none", got)
	}
	for w := render.MinWidth; w <= render.MaxWidth; w++ {
		if w != m.faq().answerWidth && w != startWidth && m.sh.guide.pages.has(page, w, m.sh.style) {
			t.Errorf("the answer was rendered at %d columns, a width the burst only passed through", w)
		}
	}
	m = step(m, late, true) // the last resize's own message
	if got := r.Renders() - before; got < 1 {
		t.Errorf("the burst's last layout message rendered nothing")
	}
	if !m.faq().answer.pager.fresh() {
		t.Errorf("the answer on screen is not at the final width")
	}
}
