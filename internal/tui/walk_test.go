package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// words collapses a frame's text so that phrases wrapped over lines can be
// found.
func words(view string) string { return strings.Join(strings.Fields(plain(view)), " ") }

func TestWalkSearchRetinol(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 24))
	m = drive(m, keys("1")...)
	if m.top() != screenFAQ {
		t.Fatalf("1 on Home should open the FAQ, got screen %d", m.top())
	}
	m = drive(m, keys("/ retinol")...)
	if m.top() != screenSearch {
		t.Fatalf("/ should open search, got screen %d", m.top())
	}
	view := plain(m.View())
	if len(m.search().res.Items) == 0 {
		t.Fatalf("no results for retinol:\n%s", view)
	}
	first := m.search().res.Items[0].Page
	for _, want := range []string{"Search: retinol", "answers match", first.Title} {
		if !strings.Contains(view, want) {
			t.Errorf("search screen lacks %q:\n%s", want, view)
		}
	}
	m = drive(m, press("enter"))
	if m.top() != screenFAQ || !m.faq().open || m.faq().answer.page() != first {
		t.Fatalf("enter should open %q in the FAQ browser", first.ID)
	}
	view = words(m.View())
	if !strings.Contains(view, first.Title) || !strings.Contains(strings.ToLower(view), "retinol") {
		t.Errorf("the answer is not on screen:\n%s", plain(m.View()))
	}
	// Back goes to the list at that question, then Home.
	m = drive(m, press("esc"))
	if m.top() != screenFAQ || m.faq().open || m.faq().list.selected() != first {
		t.Errorf("esc from the answer should show the list at the same question")
	}
	m = drive(m, press("esc"))
	if m.top() != screenSearch || m.search().box.value() != "retinol" || m.search().cursor != 0 {
		t.Errorf("esc from the list should return to the results as they were, got screen %d", m.top())
	}
	m = drive(m, press("esc"))
	if m.top() != screenHome {
		t.Errorf("esc from the results should go Home, got screen %d", m.top())
	}
}

func TestWalkTimelineToday(t *testing.T) {
	opts := testOptions()
	opts.Treated = treatedDaysAgo(2)
	m := drive(newTestModel(t, opts), size(80, 24))
	m = drive(m, keys("2")...)
	if m.top() != screenTimeline {
		t.Fatalf("2 on Home should open the timeline, got %d", m.top())
	}
	cur := m.timeline().currentPage()
	if !cur.Covers(2) {
		t.Fatalf("the timeline opened at %s, not the step with day 2", cur.ID)
	}
	view := plain(m.View())
	lines := strings.Split(view, "\n")
	rail, marker := lines[bodyTop], lines[bodyTop+1]
	at := strings.Index(rail, "["+cur.Label+"]")
	if at < 0 {
		t.Fatalf("the rail does not highlight %q:\n%s", cur.Label, view)
	}
	if i := strings.Index(marker, "▲ Today"); i < 0 || i < at || i > at+len(cur.Label)+2 {
		t.Errorf("Today is not marked under %q:\n%s\n%s", cur.Label, rail, marker)
	}
	text := words(view)
	for _, want := range []string{
		"Day 2 after treatment",
		"Your next session, if you have one, is often between Friday 18 December 2026 and Friday 1 January 2027.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, view)
		}
	}
	// Stepping keeps Today where it is.
	m = drive(m, press("right"))
	if m.timeline().state.Current != m.timeline().state.Today+1 {
		t.Errorf("→ should go one step later")
	}
	m = drive(m, press("."))
	if m.timeline().state.Current != m.timeline().state.Today {
		t.Errorf(". should go back to today")
	}
}

func TestWalkTimelineTypedDate(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 24), press("2"))
	if !strings.Contains(words(m.View()), "Press t to enter your treatment date") {
		t.Fatalf("without a date the timeline should say how to give one:\n%s", plain(m.View()))
	}
	m = drive(m, keys("t 2027-01-01 enter")...)
	view := words(m.View())
	if !strings.Contains(view, "future") || !m.timeline().asking {
		t.Fatalf("a future date should be refused in one line, box still open:\n%s", plain(m.View()))
	}
	// "q" and "?" are text while the box has the focus.
	m = drive(m, keys("t")...)
	m = drive(m, keys("esc t 3 enter")...)
	if m.timeline().asking || m.timeline().day != 3 {
		t.Fatalf("3 days ago should be accepted, got day %d", m.timeline().day)
	}
	if !m.timeline().currentPage().Covers(3) || !strings.Contains(words(m.View()), "Day 3 after treatment") {
		t.Errorf("after the date the timeline should be at today:\n%s", plain(m.View()))
	}
}

func TestWalkCallUsAndBack(t *testing.T) {
	for _, sz := range []tea.WindowSizeMsg{size(80, 24), size(120, 40)} {
		m := drive(newTestModel(t, testOptions()), sz)
		m = drive(m, keys("1 down down enter pgdown down down")...)
		if m.faq().answer.pager.yOffset() == 0 {
			t.Fatalf("%dx%d: the answer did not scroll", sz.Width, sz.Height)
		}
		before, offset := m.View(), m.faq().answer.pager.yOffset()
		m = drive(m, press("!"))
		view := plain(m.View())
		if m.top() != screenCallUs || !strings.Contains(view, "Emergency: call 911") || !strings.Contains(view, "When to call us") {
			t.Fatalf("%dx%d: ! should open When to call us:\n%s", sz.Width, sz.Height, view)
		}
		m = drive(m, keys("pgdown esc")...)
		if m.View() != before || m.faq().answer.pager.yOffset() != offset {
			t.Errorf("%dx%d: esc should return to the same place:\nbefore:\n%s\nafter:\n%s", sz.Width, sz.Height, plain(before), plain(m.View()))
		}
	}
}

func TestWalkRelatedAndBack(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 30), press("1"), press("enter"))
	first := m.faq().answer.page()
	m = drive(m, press("1"))
	second := m.faq().answer.page()
	if second == first || second.ID != first.Related[0] {
		t.Fatalf("1 in an answer should open its first related question, got %s", second.ID)
	}
	m = drive(m, press("esc"))
	if m.faq().answer.page() != first || !m.faq().open {
		t.Errorf("esc after a related question should return to the answer before it")
	}
}

func TestWalkNoResults(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 24))
	m = drive(m, keys("/ zzzqqq")...)
	view := plain(m.View())
	if !strings.Contains(view, `Nothing matches "zzzqqq"`) || !strings.Contains(view, "Aftercare") || !strings.Contains(view, "When to call us") {
		t.Fatalf("no results should say so and offer When to call us and the sections:\n%s", view)
	}
	m = drive(m, keys("down down down down down enter")...)
	if m.top() != screenFAQ || m.faq().list.selected().Section != "aftercare" {
		t.Errorf("choosing a section should open the FAQ there")
	}
}

// TestFindAvoid checks the "done" bar of the issue: from Home, a patient
// reaches what to avoid after treatment, and day 2, in a few keys.
func TestFindAvoid(t *testing.T) {
	for _, sz := range []tea.WindowSizeMsg{size(80, 24), size(160, 48)} {
		m := drive(newTestModel(t, testOptions()), sz, press("2"))
		if !strings.Contains(words(m.View()), "Day 0") {
			t.Errorf("%dx%d: the timeline should start at Day 0", sz.Width, sz.Height)
		}
		m = drive(m, keys("right right")...)
		if m.timeline().currentPage().ID != "day-2" {
			t.Errorf("%dx%d: two steps right should be day 2", sz.Width, sz.Height)
		}
		m = drive(newTestModel(t, testOptions()), sz, press("1"), press("right"), press("right"), press("right"))
		if s := m.faq().list.selected(); s.Section != "aftercare" {
			t.Errorf("%dx%d: three sections on should be Aftercare, got %s", sz.Width, sz.Height, s.Section)
		}
		if !strings.Contains(plain(m.View()), "Which skin products should I avoid") {
			t.Errorf("%dx%d: the aftercare questions should be on screen:\n%s", sz.Width, sz.Height, plain(m.View()))
		}
	}
}

func TestCallUsWithClinic(t *testing.T) {
	opts := testOptions()
	opts.Clinic = Clinic{Name: "Bright Skin Clinic", Phone: "020 7946 0000", Hours: "Mon-Fri 9:00-17:00", Website: "example.org/\x1b[2Jskin",
		AfterHours: "Call 020 7946 0999 after 5pm, or NHS 111", EmergencyNumber: "999"}
	m := drive(newTestModel(t, opts), size(80, 24), press("!"))
	first := plain(m.View())
	// The emergency level, with the clinic's own number, is the first
	// thing under the title.
	lines := strings.Split(first, "\n")
	body := ""
	for _, l := range lines[2:] {
		if t := strings.TrimSpace(l); t != "" && t != "When to call us" {
			body = t
			break
		}
	}
	if body != "Emergency: call 999 now" {
		t.Errorf("the first thing on When to call us is %q, want the emergency level:\n%s", body, first)
	}
	if !strings.Contains(first, "Your microneedling guide · Bright Skin Clinic") {
		t.Errorf("header lacks the clinic's name:\n%s", first)
	}
	all := first
	for range 6 {
		m = drive(m, press("pgdown"))
		all += plain(m.View())
	}
	for _, want := range []string{"Get medical advice today", "Your clinic: 020 7946 0000", "Open: Mon-Fri 9:00-17:00",
		"When your clinic is closed: Call 020 7946 0999 after 5pm, or NHS 111", "Call in opening hours"} {
		if !strings.Contains(all, want) {
			t.Errorf("call us lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(m.View(), "\x1b[2J") {
		t.Errorf("an escape from the config reached the screen")
	}
}

func TestTimelineLongAgo(t *testing.T) {
	opts := testOptions()
	opts.Treated = treatedDaysAgo(300)
	m := drive(newTestModel(t, opts), size(80, 24), press("2"))
	view := words(m.View())
	if !strings.Contains(view, "Day 300 after your treatment: your recovery timeline is complete") {
		t.Errorf("past the last step the header should say so:\n%s", plain(m.View()))
	}
	if strings.Contains(view, "next session") {
		t.Errorf("a next-session window in the past should not be shown")
	}
	if m.timeline().state.Current != len(m.timeline().steps)-1 {
		t.Errorf("past the last step the timeline should open at the last step")
	}
}

// "!" reaches When to call us even from a text box, and esc comes back to
// the box as it was.
func TestCallUsFromTextBoxes(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 24), press("/"))
	m = drive(m, keys("sun !")...)
	if m.top() != screenCallUs {
		t.Fatalf("! in the search box should open When to call us")
	}
	m = drive(m, press("esc"))
	if m.top() != screenSearch || m.search().box.value() != "sun" {
		t.Errorf("esc should return to the search as it was, got %q", m.search().box.value())
	}
	m = drive(m, keys("esc 2 t 3 !")...)
	if m.top() != screenCallUs {
		t.Fatalf("! in the date box should open When to call us")
	}
}

// Enter on the timeline reads the step full screen, without the rail;
// esc comes back to the timeline at the same step.
func TestTimelineEnterReadsFullScreen(t *testing.T) {
	opts := testOptions()
	opts.Treated = treatedDaysAgo(2)
	m := drive(newTestModel(t, opts), size(80, 24), press("2"))
	if m.top() != screenTimeline || !strings.Contains(plain(m.View()), "▲ Today") {
		t.Fatalf("the timeline should open at today:\n%s", plain(m.View()))
	}
	m = drive(m, press("enter"))
	v := plain(m.View())
	if m.top() != screenPage || strings.Contains(v, "▲ Today") || !strings.Contains(v, "What you may notice") {
		t.Fatalf("enter should show the step alone:\n%s", v)
	}
	m = drive(m, press("esc"))
	if m.top() != screenTimeline || !strings.Contains(plain(m.View()), "[Day 2]") {
		t.Fatalf("esc should return to the timeline at the same step:\n%s", plain(m.View()))
	}
}
