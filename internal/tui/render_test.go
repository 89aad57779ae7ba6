package tui

import (
	"io"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/skinguide/skinguide/internal/render"
)

// newCountingModel returns a model and its renderer, to count renders.
func newCountingModel(t *testing.T, opts Options) (Model, *render.Renderer) {
	g := loadGuide(t)
	r := render.New(g)
	return New(g, r, lipgloss.NewRenderer(io.Discard), opts, fakeClock{testNow()}), r
}

// A keypress that shows a page rendered in the background renders nothing.
func TestCachedPageSwitchRendersNothing(t *testing.T) {
	m, r := newCountingModel(t, testOptions())
	m = drive(m, size(80, 24), press("1"), press("enter")) // background renders run here
	for _, k := range []string{"n", "n", "p", "1"} {
		before := r.Renders()
		var cmd tea.Cmd
		m, cmd = m.update(press(k)) // the keypress alone
		if got := r.Renders() - before; got != 0 {
			t.Errorf("%q rendered %d pages on the keypress path; its page was prerendered", k, got)
		}
		// Now the background work of this key, which readies the next one.
		for _, msg := range runCmd(cmd) {
			m = step(m, msg, true)
		}
	}
}

// A page that is not cached yet is rendered on the keypress that shows it,
// and only that page.
func TestUncachedPageRendersOnlyItself(t *testing.T) {
	m, r := newCountingModel(t, testOptions())
	m = drive(m, size(80, 24), press("1"))
	m = step(m, press("G"), false) // the last question; never shown before
	before := r.Renders()
	m = step(m, press("enter"), false)
	if got := r.Renders() - before; got != 1 {
		t.Errorf("opening an uncached answer rendered %d pages, want 1", got)
	}
	if !strings.Contains(words(m.View()), m.faq().answer.page().Title) {
		t.Errorf("the answer is not on screen")
	}
}

// A burst of resizes renders the page on screen once, at the last size.
func TestResizeBurstRendersOnce(t *testing.T) {
	m, r := newCountingModel(t, testOptions())
	m = drive(m, size(80, 24), press("1"), press("enter"))
	before := r.Renders()
	var cmds []tea.Cmd
	for w := 81; w <= 99; w++ {
		var cmd tea.Cmd
		m, cmd = m.update(size(w, 30))
		cmds = append(cmds, cmd)
		checkFits(t, m.View(), w, 30, "during a resize burst")
	}
	if got := r.Renders() - before; got != 0 {
		t.Fatalf("resizing rendered %d pages before the burst ended", got)
	}
	// The layout messages arrive after the burst: only the last one renders.
	for _, cmd := range cmds {
		msg := cmd()
		m, _ = m.update(msg)
	}
	if got := r.Renders() - before; got != 1 {
		t.Errorf("a burst of 19 resizes rendered %d pages, want 1", got)
	}
	if !m.faq().answer.pager.fresh() {
		t.Errorf("the answer on screen is not at the new width")
	}
}

func TestMouse(t *testing.T) {
	click := func(x, y int) tea.MouseMsg {
		return tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft}
	}
	m := drive(newTestModel(t, testOptions()), size(80, 24))
	rows := m.home().layout().rows
	m = drive(m, click(20, bodyTop+rows[1]))
	if m.top() != screenTimeline {
		t.Fatalf("a click on the second menu row should open the timeline")
	}
	_, cells := m.timeline().railView()
	m = drive(m, click(cells[3].left+1, bodyTop))
	if m.timeline().state.Current != cells[3].step {
		t.Errorf("a click on the rail should open that step")
	}
	m = drive(m, press("esc"), press("1"))
	y := bodyTop + 2 // the second question, under the first heading
	m = drive(m, click(10, y))
	if !m.faq().open || m.faq().answer.page() != m.faq().list.questions[1] {
		t.Errorf("a click on a question should open it")
	}
	before := m.faq().answer.pager.yOffset()
	m = drive(m, tea.MouseMsg{X: 10, Y: 10, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if m.faq().answer.pager.yOffset() <= before {
		t.Errorf("the wheel should scroll the answer")
	}
}

func TestKioskKeys(t *testing.T) {
	opts := testOptions()
	opts.Kiosk = true
	m := drive(newTestModel(t, opts), size(80, 24))
	if strings.Contains(m.View(), "q quit") {
		t.Errorf("kiosk help must not offer quit:\n%s", m.View())
	}
	for _, k := range []string{"q", "ctrl+c", "esc"} {
		if quitsOrSuspends(m, press(k)) {
			t.Errorf("%s quits in kiosk mode", k)
		}
	}
	if !quitsOrSuspends(drive(newTestModel(t, testOptions()), size(80, 24)), press("q")) {
		t.Errorf("q should quit outside kiosk mode")
	}
	m = drive(m, keys("1 enter ?")...)
	if strings.Contains(m.View(), "quit") {
		t.Errorf("kiosk full help must not list quit:\n%s", m.View())
	}
}

func TestResetForgets(t *testing.T) {
	opts := testOptions()
	opts.Treated = treatedDaysAgo(3)
	m := drive(newTestModel(t, opts), size(80, 24), press("2"))
	m = drive(m, keys("esc / retinol")...)
	m = m.Reset()
	if m.top() != screenHome || len(m.stack) != 1 || m.showHelp {
		t.Fatalf("Reset should be back Home")
	}
	if !m.timeline().treated.IsZero() || m.search().box.value() != "" || m.faq().open {
		t.Errorf("Reset should forget the treatment date, the search and the answer")
	}
	checkFits(t, m.View(), 80, 24, "after reset")
	if !strings.Contains(m.View(), enTxt.MenuFAQ) {
		t.Errorf("after Reset Home should show at the same size:\n%s", m.View())
	}
}

func TestMouseSearchAndRelated(t *testing.T) {
	click := func(x, y int) tea.MouseMsg {
		return tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft}
	}
	m := drive(newTestModel(t, testOptions()), size(80, 24), press("/"))
	m = drive(m, keys("sunscreen")...)
	top := len(m.search().head())
	second := m.search().res.Items[1].Page
	m = drive(m, click(10, bodyTop+top+2)) // the second result's title
	if m.faq().answer.page() != second && m.timeline().currentPage() != second {
		t.Fatalf("a click on the second result should open %s", second.ID)
	}
	m = drive(newTestModel(t, testOptions()), size(80, 40), press("1"), press("enter"))
	a := m.faq().answer
	n := a.relatedLines()
	want := a.related[1]
	m = drive(m, click(10, bodyTop+a.height-n+2)) // heading, then 1, then 2
	if m.faq().answer.page() != want {
		t.Errorf("a click on the second related question should open %s, got %s", want.ID, m.faq().answer.page().ID)
	}
}

// Search finds timeline steps too; they open in the timeline.
func TestSearchOpensTimelineStep(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 24), press("/"))
	m = drive(m, keys("flaking")...)
	for i, r := range m.search().res.Items {
		if r.Page.ID == "day-2" {
			for range i {
				m = drive(m, press("down"))
			}
			m = drive(m, press("enter"))
			if m.top() != screenTimeline || m.timeline().currentPage().ID != "day-2" {
				t.Fatalf("the day 2 result should open the timeline at day 2")
			}
			m = drive(m, press("esc"))
			if m.top() != screenSearch || m.search().box.value() != "flaking" || m.search().cursor != i {
				t.Errorf("esc from the timeline should return to the results, at the same row")
			}
			m = drive(m, press("esc"))
			if m.top() != screenHome {
				t.Errorf("esc from the results should go Home")
			}
			return
		}
	}
	t.Fatalf("no day-2 result for flaking")
}
