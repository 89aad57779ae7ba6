package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/race"
)

// --treated opens the timeline at today's step, over Home (issue 11 part 4).
func TestTreatedOpensTimelineAtToday(t *testing.T) {
	opts := testOptions()
	opts.Treated, opts.OpenTimeline = treatedDaysAgo(2), true
	m := drive(newTestModel(t, opts), size(80, 24))
	if m.top() != screenTimeline {
		t.Fatalf("--treated should open the timeline, got screen %d", m.top())
	}
	view := words(m.View())
	for _, want := range []string{"▲ Today", "Day 2 after treatment"} {
		if !strings.Contains(view, want) {
			t.Errorf("the timeline does not open at today (%q):\n%s", want, plain(m.View()))
		}
	}
	m = drive(m, press("esc"))
	if m.top() != screenHome {
		t.Errorf("esc from the timeline should go Home, got %d", m.top())
	}
	// Starting over forgets the date and opens Home.
	if r := m.Reset(); r.top() != screenHome {
		t.Errorf("Reset should open Home")
	}
}

// At 80x24 an answer keeps most of the screen: related questions are
// packed onto a line or two, whole titles only (issue 11 part 4).
func TestRelatedPackedAt80x24(t *testing.T) {
	m := drive(drive(newTestModel(t, testOptions()), size(80, 24)), keys("1 down enter")...)
	a := m.faq().answer
	if a.pager.height < 16 {
		t.Errorf("the answer gets %d of 24 lines", a.pager.height)
	}
	rows := a.relatedRows()
	if len(rows) == 0 || len(rows) > 3 || a.relatedLines() != len(rows) {
		t.Fatalf("related questions on %d lines", a.relatedLines())
	}
	text := words(m.View())
	for _, row := range rows {
		for _, i := range row {
			if !strings.Contains(text, relatedItem(i, a.related[i])) {
				t.Errorf("related question %q is not shown whole:\n%s", a.related[i].Title, plain(m.View()))
			}
		}
	}
	// A click on the second line opens what is drawn there.
	if len(rows) > 1 {
		first := a.height - a.relatedLines()
		want := a.related[rows[1][0]]
		if got := a.relatedAt(2+len(enTxt.RelatedShort)+1, first+1); got != want {
			t.Errorf("a click on the second line opens %v, want %s", got, want.ID)
		}
	}
}

// Every list that does not fit says there is more, in every mode (issue
// 11 part 4); the kiosk's list no longer starts with a blank line (part 6).
func TestListsSayMoreBelow(t *testing.T) {
	kiosk := testOptions()
	kiosk.Kiosk = true
	for name, opts := range map[string]Options{"reader": testOptions(), "kiosk": kiosk} {
		m := drive(newTestModel(t, opts), size(80, 24), press("1"))
		if m.kiosk.attract {
			m = drive(newTestModel(t, opts), size(80, 24), press("1"), press("1"))
		}
		body := strings.Split(plain(m.View()), "\n")[bodyTop:]
		if !strings.Contains(strings.Join(body, "\n"), enTxt.ListMore) {
			t.Errorf("%s: the question list at 80x24 does not say there are more:\n%s", name, plain(m.View()))
		}
		if strings.TrimSpace(body[0]) == "" {
			t.Errorf("%s: the question list starts with a blank line", name)
		}
		m = drive(m, keys("/ sun")...)
		if v := words(m.View()); !strings.Contains(v, "more below") {
			t.Errorf("%s: /sun at 80x24 does not say there are more results:\n%s", name, plain(m.View()))
		}
	}
}

// The glossary ("Words we use"), which About promises, is on Home, a
// kiosk's too (issue 11), and every item of Home shows at 40x12.
func TestGlossaryOnHome(t *testing.T) {
	for _, kiosk := range []bool{false, true} {
		opts := testOptions()
		opts.Kiosk = kiosk
		glossaryOnHome(t, opts)
		// With the language switch, as the shipped guide has it.
		m := drive(langModel(t, "en", opts, fakeClock{testNow()}), size(40, 12))
		for _, it := range m.home().items {
			if !strings.Contains(plain(m.View()), it.label) {
				t.Errorf("kiosk %v: %q is not on Home at 40x12:\n%s", kiosk, it.label, plain(m.View()))
			}
		}
	}
	// A kiosk's attract screen keeps its "Did you know?" box at 80x24.
	m, _, _ := kioskModel(t, testOptions())
	if v := plain(m.View()); !strings.Contains(v, enTxt.FactTitle) || !strings.Contains(v, enTxt.MenuWords) {
		t.Errorf("the attract screen at 80x24 should show the glossary and the fact:\n%s", v)
	}
}

func glossaryOnHome(t *testing.T, opts Options) {
	t.Helper()
	m := drive(newTestModel(t, opts), size(80, 24))
	if !strings.Contains(plain(m.View()), enTxt.MenuWords) {
		t.Fatalf("Home has no %q:\n%s", enTxt.MenuWords, plain(m.View()))
	}
	home := m.screens[screenHome].(homeModel)
	for i, it := range home.items {
		if it.label != enTxt.MenuWords {
			continue
		}
		m = drive(m, press(string(rune('1'+i))))
		if m.top() != screenPage || m.screens[screenPage].(pageModel).answer.page().ID != "glossary" {
			t.Fatalf("%d should open the glossary:\n%s", i+1, plain(m.View()))
		}
		// About, the next item, still opens About.
		m = drive(m, press("esc"), press(string(rune('2'+i))))
		if m.top() != screenPage || m.screens[screenPage].(pageModel).answer.page().ID != "about" {
			t.Errorf("the item after the glossary should open About")
		}
		return
	}
}

// A timeline step is named once: on today's step of a single day the line
// above the page does not say the day again ("Day 2 after your treatment"
// above "Day 2 after treatment", issue 11). A step of several days keeps
// the line, which says which day is today; so does the day after the last.
func TestStepNamedOnce(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		for _, day := range []int{0, 1, 2, 3, 4, 5, 10, 300} {
			opts := testOptions()
			opts.Treated, opts.OpenTimeline = treatedDaysAgo(day), true
			m := drive(newTestModel(t, opts), size(sz[0], sz[1]))
			tl := m.timeline()
			p := tl.currentPage()
			info := fmt.Sprintf(enTxt.TimelineDay, day)
			if day == 0 {
				info = enTxt.TimelineDay0
			}
			v := words(m.View())
			if !strings.Contains(v, p.Title) && !tl.beyond {
				t.Fatalf("%dx%d day %d: the page's heading %q is not on screen:\n%s", sz[0], sz[1], day, p.Title, plain(m.View()))
			}
			single := p.From == p.To && !tl.beyond
			if shown := strings.Contains(v, info); shown == single {
				t.Errorf("%dx%d day %d (step %s): %q shown %v:\n%s", sz[0], sz[1], day, p.ID, info, shown, plain(m.View()))
			}
		}
	}
}

// At 160 columns the question list takes the room beside the answer, so
// questions stop wrapping while space is free (issue 11: it stayed 42
// wide); it never passes maxListWidth, nor the answer its reading width.
func TestListUsesTheRoom(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(160, 48), press("1"))
	f := m.faq()
	if f.listWidth <= 42 {
		t.Errorf("at 160 columns the list is %d wide", f.listWidth)
	}
	lines := strings.Split(plain(m.View()), "\n")
	for _, p := range m.sh.content().FAQ {
		if len(p.Title) > f.listWidth-4 {
			continue
		}
		start, whole := false, false
		for _, l := range lines {
			start = start || strings.Contains(l, p.Title[:12])
			whole = whole || strings.Contains(l, p.Title)
		}
		if start && !whole {
			t.Errorf("%q wraps in a list %d wide:\n%s", p.Title, f.listWidth, plain(m.View()))
		}
	}
	for w := splitWidth; w <= 240; w++ {
		c := faqLayout(w)
		if c.listWidth > maxListWidth || c.answerWidth > readingWidth || c.listLeft < 0 || c.answerLeft+c.answerWidth > w {
			t.Errorf("width %d: %+v", w, c)
		}
	}
}

// A wrapped question is shown whole or not at all: never its first line
// above "▼ More questions", nor its end ("tan?") under "▲ Earlier
// questions" (issue 11), whatever moved the list: arrows, pages, the wheel.
func TestListShowsWholeQuestions(t *testing.T) {
	race.SkipSerial(t)
	for _, kiosk := range []bool{false, true} {
		opts := testOptions()
		opts.Kiosk = kiosk
		for _, sz := range [][2]int{{40, 12}, {50, 14}, {80, 24}} {
			m := drive(newTestModel(t, opts), size(sz[0], sz[1]), press("1"))
			check := func(how string) {
				t.Helper()
				l := m.faq().list
				shown := map[string]bool{}
				for _, line := range strings.Split(plain(m.View()), "\n") {
					shown[strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "›"))] = true
				}
				parts := map[int][]string{}
				for _, ln := range l.lines {
					if ln.question >= 0 {
						parts[ln.question] = append(parts[ln.question], ln.text)
					}
				}
				for q, ps := range parts {
					if len(ps) < 2 {
						continue
					}
					n := 0
					for _, p := range ps {
						if shown[strings.TrimSpace(p)] {
							n++
						}
					}
					if n > 0 && n < len(ps) {
						t.Fatalf("kiosk %v %dx%d %s: %d of %d lines of %q shown:\n%s", kiosk, sz[0], sz[1], how, n, len(ps), m.faq().list.questions[q].Title, plain(m.View()))
					}
				}
			}
			for range len(m.faq().list.questions) {
				check("after down")
				m = drive(m, press("down"))
			}
			for range 10 {
				m = drive(m, tea.MouseMsg{X: 2, Y: 4, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelUp})
				check("after the wheel")
			}
			for range 10 {
				m = drive(m, press("up"))
				check("after up")
			}
		}
	}
}

// At 80x24 a timeline step's related questions are all shown whole, on
// every step, today's or not: under the step when they fit, or listed at
// the end of the step (issue 11 part 4: they were cut to "1 title · …",
// and the rest could be opened only by guessing their numbers).
func TestTimelineRelatedAllShownAt80x24(t *testing.T) {
	race.SkipSerial(t)
	brokenHyphen := regexp.MustCompile(`(\pL)- `)
	for _, days := range []int{-1, 2, 4} { // no date, a one-day step, a step of several days
		opts := testOptions()
		if days >= 0 {
			opts.Treated = treatedDaysAgo(days)
		}
		m := drive(newTestModel(t, opts), size(80, 24))
		if m.top() != screenTimeline {
			m = drive(m, keys("2")...)
		}
		for step := range len(loadGuide(t).Timeline) {
			a := m.timeline().answer
			if a.pager.height < 10 {
				t.Errorf("days %d, step %d: the step itself gets only %d lines", days, step, a.pager.height)
			}
			seen := words(m.View())
			end := m
			for range 40 {
				end = drive(end, press("pgdown"))
				seen += " " + words(end.View())
			}
			seen = brokenHyphen.ReplaceAllString(seen, "$1-") // "self-" at a line's end, "tan?" under it
			for i, p := range a.related {
				if !strings.Contains(seen, relatedItem(i, p)) {
					t.Errorf("days %d, step %d (%s): related %q is never shown whole:\n%s", days, step, a.page().ID, p.Title, plain(end.View()))
				}
			}
			m = drive(m, press("right"))
		}
	}
}
