package tui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
)

// walkNormal runs the app as a program (teatest) through a script and
// returns the final frame once it shows want.
func walkNormal(t *testing.T, opts Options, w, h int, script []tea.Msg, want ...string) string {
	t.Helper()
	tm := teatest.NewTestModel(t, newTestModel(t, opts), teatest.WithInitialTermSize(w, h))
	for _, msg := range script {
		tm.Send(msg)
	}
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
		return bytes.Contains([]byte(ansi.Strip(string(out))), []byte(want[0]))
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	view := final.View()
	checkFits(t, view, w, h, "Is this normal?")
	for _, s := range want {
		if !strings.Contains(words(view), s) {
			t.Errorf("the screen lacks %q:\n%s", s, plain(view))
		}
	}
	return view
}

// The symptom's row: Home, "Is this normal?", the day, then the list.
func checkerTo(day string, symptom int) []tea.Msg {
	script := keys("4 " + day + " enter")
	for range symptom {
		script = append(script, press("down"))
	}
	script = append(script, press("enter")) // choose it
	return append(script, keys("end enter")...)
}

const worried = "If you are worried, call us. You never need a reason."

// Day 2, redness, getting better: normal, and by when it fades.
func TestNormalWalkDay2RednessBetter(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		script := append(checkerTo("2", 0), press("1"))
		walkNormal(t, testOptions(), sz[0], sz[1], script, "Normal for day 2")
	}
	v := walkNormal(t, testOptions(), 80, 24, append(checkerTo("2", 0), press("1")), "Normal for day 2", "fades by day 3", worried, "Day 2 after treatment")
	_ = v
}

// Day 5, redness, getting worse: get medical advice today, with the
// clinic's phone and after-hours line.
func TestNormalWalkDay5RednessWorse(t *testing.T) {
	opts := testOptions()
	opts.Clinic.Phone = "555-0100"
	opts.Clinic.AfterHours = "Call 555-0199 after 5pm"
	walkNormal(t, opts, 80, 24, append(checkerTo("5", 0), press("2")),
		"Get medical advice today", "555-0100", "555-0199", worried, "Days 4-5")
}

// Any day, swelling of the tongue: Emergency, with the configured number,
// and no follow-up question.
func TestNormalWalkTongueEmergency(t *testing.T) {
	for _, day := range []string{"0", "3", "40"} {
		opts := testOptions()
		opts.Clinic.EmergencyNumber = "999"
		sy := loadGuide(t).Symptoms
		tongue := -1
		for i, s := range sy.Symptoms {
			if s.ID == "tongue" {
				tongue = i
			}
		}
		v := walkNormal(t, opts, 80, 24, checkerTo(day, tongue), "Emergency: call 999 now", worried)
		if strings.Index(plain(v), "Emergency: call 999 now") > strings.Index(plain(v), "Because") {
			t.Errorf("the level must come first:\n%s", plain(v))
		}
	}
}

// The treatment date known (--treated) skips the day question.
func TestNormalKnowsTheDay(t *testing.T) {
	opts := testOptions()
	opts.Treated = treatedDaysAgo(2)
	m := drive(newTestModel(t, opts), size(80, 24), press("esc"), press("4"))
	if m.top() != screenNormal || m.normal().step != stepNotice || m.normal().day != 2 {
		t.Fatalf("with --treated the checker should start at what you notice, on day 2: step %d day %d", m.normal().step, m.normal().day)
	}
	// From a timeline step without a date: that step's first day.
	m = drive(drive(newTestModel(t, testOptions()), size(80, 24)), keys("2 right right right n")...)
	if m.top() != screenNormal || m.normal().day != 3 || m.normal().step != stepNotice {
		t.Errorf("n on the Day 3 step should check day 3: screen %d step %d day %d", m.top(), m.normal().step, m.normal().day)
	}
	m = drive(m, press("esc"))
	if m.top() != screenTimeline {
		t.Errorf("esc should return to the timeline")
	}
	// From When to call us, and from a warning-sign search.
	m = drive(drive(newTestModel(t, testOptions()), size(80, 24)), keys("3 n")...)
	if m.top() != screenNormal {
		t.Errorf("n on When to call us should open the checker")
	}
	m = drive(drive(newTestModel(t, testOptions()), size(80, 24)), keys("/ fever down enter")...)
	if m.top() != screenNormal {
		t.Errorf("the row under a warning sign's result should open the checker, got %d", m.top())
	}
}

// A kiosk reset in the middle of the checker leaves nothing of it.
func TestNormalResetLeavesNothing(t *testing.T) {
	opts := testOptions()
	opts.Kiosk = true
	m := drive(newTestModel(t, opts), size(80, 24), press("x"))
	m = drive(m, checkerTo("5", 0)...)
	if m.top() != screenNormal || m.normal().step != stepFollow {
		t.Fatalf("setup: want the follow-up question, got screen %d step %d", m.top(), m.normal().step)
	}
	m = m.Reset()
	m = drive(m, press("x"), press("4"))
	n := m.normal()
	if n.step != stepDay || n.day != -1 || n.box.value() != "" || len(n.answers) != 0 || strings.Contains(plain(m.View()), "[x]") {
		t.Errorf("after a reset the checker must start empty: step %d day %d box %q answers %v", n.step, n.day, n.box.value(), n.answers)
	}
	for _, c := range n.chosen {
		if c {
			t.Fatal("a symptom is still chosen after the reset")
		}
	}
}

// Clicks choose rows as keys do; "I have not had treatment yet" answers.
func TestNormalClicksAndNotTreated(t *testing.T) {
	m := drive(drive(newTestModel(t, testOptions()), size(80, 24)), keys("4 down enter")...)
	if !strings.Contains(plain(m.View()), "This check is for the days after treatment") {
		t.Errorf("not treated yet should say what the check is for:\n%s", plain(m.View()))
	}
	m = drive(drive(newTestModel(t, testOptions()), size(80, 24)), keys("4 3 enter")...)
	// The first symptom's row: find its line on screen and click it.
	lines := strings.Split(plain(m.View()), "\n")
	for y, l := range lines {
		if strings.Contains(l, "Redness") {
			m = drive(m, tea.MouseMsg{X: 10, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
			break
		}
	}
	if !m.normal().chosen[0] {
		t.Errorf("a click should choose Redness:\n%s", plain(m.View()))
	}
}

// A treatment date typed in the timeline is the session's: "Is this
// normal?" knows the day however it is opened (Home, search), a change of
// language keeps it, and an idle reset forgets it (issue 10's leftover).
func TestTypedDateKeptForTheSession(t *testing.T) {
	opts := testOptions()
	opts.Kiosk = true
	m := drive(langModel(t, "en", opts, fakeClock{testNow()}), size(80, 24))
	m = drive(m, keys("2 t 3 enter esc")...)
	if m.top() != screenHome {
		t.Fatalf("esc should go Home")
	}
	m = drive(m, press("4"))
	if n := m.normal(); n.day != 3 || n.step != stepNotice {
		t.Fatalf("from Home, the checker should know day 3: day %d step %d\n%s", n.day, n.step, plain(m.View()))
	}
	// From search: "Is this normal?" is the row under When to call us.
	m = drive(m, press("esc"), press("/"), press("p"), press("u"), press("s"), press("down"), press("enter"))
	if n := m.normal(); m.top() != screenNormal || n.day != 3 || n.step != stepNotice {
		t.Fatalf("from search, the checker should know day 3: screen %d day %d step %d\n%s", m.top(), n.day, n.step, plain(m.View()))
	}
	m = drive(m, press("esc"), press("esc"), press("esc"), press("L"), press("4"))
	if m.sh.content().Lang != "es" {
		t.Fatalf("L should switch to Spanish")
	}
	if n := m.normal(); n.day != 3 || n.step != stepNotice {
		t.Fatalf("after L, the checker should still know day 3: day %d step %d\n%s", n.day, n.step, plain(m.View()))
	}
	m = drive(m, press("esc"), press("2"))
	if tl := m.timeline(); tl.treated.IsZero() || tl.day != 3 {
		t.Fatalf("after L, the timeline should still know day 3:\n%s", plain(m.View()))
	}
	m = m.Reset()
	m = drive(m, press("4"))
	if n := m.normal(); n.day != -1 || n.step != stepDay {
		t.Errorf("after an idle reset the checker should ask the day again: day %d step %d", n.day, n.step)
	}
}

// The day typed in "Is this normal?" is the session's treatment date, as
// one typed on the timeline is: the timeline opens at that day, the
// checker knows it when opened again (and after a change of language),
// and an idle reset forgets it.
func TestCheckerDateKeptForTheSession(t *testing.T) {
	opts := testOptions()
	opts.Kiosk = true
	m := drive(langModel(t, "en", opts, fakeClock{testNow()}), size(80, 24))
	m = drive(m, keys("4 3 enter")...)
	if n := m.normal(); n.day != 3 || n.step != stepNotice {
		t.Fatalf("the checker should be at day 3: day %d step %d\n%s", n.day, n.step, plain(m.View()))
	}
	m = drive(m, press("esc"), press("esc"))
	if m.top() != screenHome {
		t.Fatalf("esc esc should go Home:\n%s", plain(m.View()))
	}
	m = drive(m, press("2"))
	if tl := m.timeline(); tl.treated.IsZero() || tl.day != 3 || tl.state.Current != tl.state.Today {
		t.Fatalf("the timeline should open at day 3: day %d step %d today %d\n%s", tl.day, tl.state.Current, tl.state.Today, plain(m.View()))
	}
	m = drive(m, press("esc"), press("4"))
	if n := m.normal(); n.day != 3 || n.step != stepNotice {
		t.Fatalf("opened again, the checker should know day 3: day %d step %d\n%s", n.day, n.step, plain(m.View()))
	}
	m = drive(m, press("esc"), press("L"), press("4"))
	if n := m.normal(); m.sh.content().Lang != "es" || n.day != 3 || n.step != stepNotice {
		t.Fatalf("after L, the checker should still know day 3: day %d step %d", n.day, n.step)
	}
	m = m.Reset()
	m = drive(m, press("4"))
	if n := m.normal(); n.day != -1 || n.step != stepDay {
		t.Errorf("after an idle reset the checker should ask the day again: day %d step %d", n.day, n.step)
	}
	m = drive(m, press("esc"), press("2"))
	if tl := m.timeline(); !tl.treated.IsZero() {
		t.Errorf("after an idle reset the timeline should not know a date")
	}
}

// The list of what you notice does not fit at 80x24: the screen says
// there is more below, or a patient never finds Continue.
func TestNormalListSaysMoreBelow(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		m := drive(drive(newTestModel(t, testOptions()), size(sz[0], sz[1])), keys("4 3 enter")...)
		v := words(m.View())
		if !strings.Contains(v, "more below") || strings.Contains(v, "Continue →") {
			t.Errorf("%dx%d: the list should say there is more below, Continue hidden:\n%s", sz[0], sz[1], plain(m.View()))
		}
		m = drive(m, press("end"))
		if v := words(m.View()); !strings.Contains(v, "Continue →") || strings.Contains(v, "more below") {
			t.Errorf("%dx%d: at the end Continue shows, and nothing more:\n%s", sz[0], sz[1], plain(m.View()))
		}
	}
}

// A symptom that wraps goes on under its words, not under its number and
// box, so the list reads as one column of words.
func TestNormalRowsHangUnderTheirText(t *testing.T) {
	m := drive(drive(newTestModel(t, testOptions()), size(40, 12)), keys("4 3 enter")...)
	lines := strings.Split(plain(m.View()), "\n")
	for y, l := range lines {
		col := strings.Index(l, "Puffiness")
		if col < 0 {
			continue
		}
		if y+1 >= len(lines) {
			t.Fatalf("no line under %q", l)
		}
		next := lines[y+1]
		if got := len(next) - len(strings.TrimLeft(next, " ")); got != col {
			t.Errorf("the wrapped line starts at column %d, want %d (under Puffiness):\n%s", got, col, plain(m.View()))
		}
		return
	}
	t.Fatalf("no Puffiness on screen:\n%s", plain(m.View()))
}

// A number with no row keeps the row chosen: "3" on a step of one row
// (Home's When to call us, pressed out of habit) left no row marked, and
// enter then did nothing.
func TestNormalNumberBeyondRows(t *testing.T) {
	m := drive(drive(newTestModel(t, testOptions()), size(80, 24)), keys("4 down enter")...)
	if m.normal().step != stepNotTreated {
		t.Fatalf("want the not-treated answer:\n%s", plain(m.View()))
	}
	m = drive(m, press("3"))
	if c := m.normal().cursor; c != 0 || !strings.Contains(plain(m.View()), "› ") {
		t.Errorf("3 with one row moved the cursor to %d:\n%s", c, plain(m.View()))
	}
	m = drive(m, press("enter"))
	if m.top() != screenFAQ {
		t.Errorf("enter should do what the first row does (open the page it names), got screen %d", m.top())
	}
}

// "I have not had treatment yet" tells the patient to read how to get
// ready: that answer is a row they can open, in every language. And the
// list of what you notice says how to choose (notice_hint was never
// shown).
func TestNormalNotTreatedOpensThePageItNames(t *testing.T) {
	for lang, title := range map[string]string{"en": "How do I get ready for my visit?", "es": "¿Cómo me preparo para la cita?"} {
		m := drive(langModel(t, lang, testOptions(), fakeClock{testNow()}), size(80, 24))
		m = drive(m, keys("4 down enter")...)
		if v := plain(m.View()); !strings.Contains(v, "› "+title) {
			t.Errorf("%s: the page the answer names should be the first row:\n%s", lang, v)
		}
		m = drive(m, press("enter"))
		if p := m.sh.content().FAQ; m.top() != screenFAQ || !strings.Contains(plain(m.View()), title) {
			t.Errorf("%s: enter should open %q, got screen %d (%d answers)", lang, title, m.top(), len(p))
		}
		m = drive(drive(langModel(t, lang, testOptions(), fakeClock{testNow()}), size(80, 24)), keys("4 3 enter")...)
		hint := m.sh.content().Symptoms.Text["notice_hint"]
		if !strings.Contains(words(m.View()), hint) {
			t.Errorf("%s: the list should say how to choose (%q):\n%s", lang, hint, plain(m.View()))
		}
	}
}
