package tui

import "testing"

// A page wrapped again at a new width keeps the reader where they were
// (issue 12: the pager jumping to the top on a re-wrap went uncaught).
func TestResizeKeepsTheReadingPlace(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(60, 16), press("1"), press("enter"))
	p := m.faq().answer.pager
	if len(p.lines) <= p.height {
		t.Fatalf("the first answer fits at 60x16 (%d lines); the test needs one to scroll", len(p.lines))
	}
	for _, key := range []string{"pgdown", "end"} {
		m = drive(m, press("home"), press(key))
		before := m.faq().answer.pager.percent()
		if before <= 0 {
			t.Fatalf("%s did not scroll", key)
		}
		for _, sz := range [][2]int{{90, 16}, {45, 20}, {120, 30}} {
			m = drive(m, size(sz[0], sz[1]))
			pg := m.faq().answer.pager
			if !pg.fresh() {
				t.Fatalf("%dx%d: the page was not wrapped again", sz[0], sz[1])
			}
			if got := pg.percent(); pg.yOffset() == 0 || got < before-0.2 || got > before+0.2 {
				t.Errorf("after %s, resized to %dx%d: at %.2f of the page (line %d), was at %.2f",
					key, sz[0], sz[1], got, pg.yOffset(), before)
			}
		}
		m = drive(m, size(60, 16))
	}
}
