package tui

import (
	"io"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/race"
	"github.com/skinguide/skinguide/internal/render"
)

// Help lists every key of a page, aliases included: f and space page down,
// b pages up (issue 11: help did not list f).
func TestHelpListsPageKeys(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 24))
	for _, script := range []string{"1 enter ?", "6 ?", "2 ?"} {
		v := plain(drive(m, keys(script)...).View())
		if !strings.Contains(v, "pgdn/f/space") || !strings.Contains(v, "pgup/b") {
			t.Errorf("%q: help does not list f, space and b:\n%s", script, v)
		}
	}
}

// The number keys help lists are as many as the menu has items: "1-5" for
// a clinic's content without "Is this normal?" rules.
func TestHelpNumbersMatchTheMenu(t *testing.T) {
	for _, kiosk := range []bool{false, true} {
		opts := testOptions()
		opts.Kiosk = kiosk
		g := loadGuide(t)
		g.Symptoms = nil
		content.Expand(g, opts.Clinic.Numbers())
		m := drive(New(g, render.New(g), lipgloss.NewRenderer(io.Discard), opts, fakeClock{testNow()}), size(80, 24))
		if n := len(m.home().items); n != 5 {
			t.Fatalf("kiosk %v: Home has %d items, want 5", kiosk, n)
		}
		if v := plain(drive(m, press("?")).View()); !strings.Contains(v, "1-5 ") {
			t.Errorf("kiosk %v: help should say 1-5:\n%s", kiosk, v)
		}
	}
}

// At 40x12 help is longer than the window: it says there is more, and
// scrolls (keys, wheel, a touch on the cue) until every key of the screen
// has been shown (issue 11: Home's help showed 4 of 10 keys).
func TestHelpScrollsAtSmallSizes(t *testing.T) {
	race.SkipSerial(t)
	for _, kiosk := range []bool{false, true} {
		opts := testOptions()
		opts.Kiosk = kiosk
		for _, script := range []string{"", "1", "1 enter", "2", "3"} {
			m := drive(newTestModel(t, opts), size(40, 12))
			m = drive(m, keys(script)...)
			m = drive(m, press("?"))
			want := m.screens[m.top()].help(m.sh.keys.Global)
			v := plain(m.View())
			if !m.help.scrollable(want, 40, 12-chrome) {
				if !kiosk && script == "" {
					t.Fatal("Home's help fits at 40x12: the test tests nothing")
				}
				if strings.Contains(v, enTxt.HelpBelow) || strings.Contains(v, enTxt.HelpAbove) || !strings.Contains(v, enTxt.HelpClose) {
					t.Errorf("kiosk %v %q: help fits, with no cue:\n%s", kiosk, script, v)
				}
				continue
			}
			if !strings.Contains(v, enTxt.HelpBelow) || strings.Contains(v, enTxt.HelpAbove) {
				t.Errorf("kiosk %v %q: help at 40x12 should say there is more below:\n%s", kiosk, script, v)
			}
			seen := v
			for range 40 {
				m = drive(m, press("down"))
				checkFits(t, m.View(), 40, 12, "help")
				seen += plain(m.View())
			}
			v = plain(m.View())
			if !strings.Contains(v, enTxt.HelpAbove) || strings.Contains(v, enTxt.HelpBelow) || !strings.Contains(v, enTxt.HelpClose) {
				t.Errorf("kiosk %v %q: at the end help says there is more above, and how to close it:\n%s", kiosk, script, v)
			}
			for _, group := range want.FullHelp() {
				for _, b := range group {
					if b.Enabled() && !strings.Contains(seen, b.Help().Key+" ") {
						t.Errorf("kiosk %v %q: help never showed %q", kiosk, script, b.Help().Key)
					}
				}
			}
			// Back to the top with home; a touch on "▼ More below" turns the
			// page and keeps help open.
			m = drive(m, press("home"))
			lines := strings.Split(plain(m.View()), "\n")
			for y, l := range lines {
				if strings.Contains(l, enTxt.HelpBelow) {
					m = drive(m, tea.MouseMsg{X: 5, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
				}
			}
			if !m.showHelp || !strings.Contains(plain(m.View()), enTxt.HelpAbove) {
				t.Errorf("kiosk %v %q: a touch on the cue should scroll help:\n%s", kiosk, script, plain(m.View()))
			}
		}
	}
	// Where it all fits, there is no cue.
	m := drive(newTestModel(t, testOptions()), size(80, 24), press("?"))
	if v := plain(m.View()); strings.Contains(v, enTxt.HelpBelow) || strings.Contains(v, enTxt.HelpAbove) {
		t.Errorf("no cue at 80x24:\n%s", v)
	}
}
