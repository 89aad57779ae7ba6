package tui

import (
	"strings"
	"testing"
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
	for _, want := range []string{"▲ Today", "Day 2 after your treatment"} {
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
