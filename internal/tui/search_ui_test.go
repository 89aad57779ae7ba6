package tui

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// A warning sign typed into search leads with When to call us, naming
// the level before the sign, and Enter opens it.
func TestSearchWarningSignLeads(t *testing.T) {
	opts := testOptions()
	opts.Clinic.EmergencyNumber = "999"
	m := drive(newTestModel(t, opts), size(80, 24), press("/"))
	m = drive(m, keys("can't")...)
	m = drive(m, tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}) // as bubbletea reports it
	m = drive(m, keys("breathe")...)
	view := plain(m.View())
	lines := strings.Split(view, "\n")
	first := -1
	for i, l := range lines {
		if strings.Contains(l, "› When to call us") {
			first = i
			break
		}
	}
	if first < 0 || !strings.Contains(lines[first+1], "Emergency: call 999 now") || !strings.Contains(lines[first+1], "breathing") {
		t.Fatalf("the first result should be When to call us with the emergency level and the sign:\n%s", view)
	}
	m = drive(m, press("enter"))
	if m.top() != screenCallUs {
		t.Errorf("enter should open When to call us, got screen %d", m.top())
	}
	m = drive(m, press("esc"))
	if m.top() != screenSearch || m.search().box.value() != "can't breathe" {
		t.Errorf("esc should return to the results")
	}
}

// "cant breathe", typed without the apostrophe by someone who cannot, is
// "can't breathe": When to call us first with the emergency level, and no
// "Showing results for can breathe" line reading as reassurance.
func TestSearchContractionWithoutApostrophe(t *testing.T) {
	opts := testOptions()
	opts.Clinic.EmergencyNumber = "999"
	for _, q := range []string{"cant breathe", "I cant breathe", "can’t breathe"} {
		m := drive(newTestModel(t, opts), size(80, 24), press("/"))
		for i, w := range strings.Fields(q) {
			if i > 0 {
				m = drive(m, tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			}
			m = drive(m, keys(w)...)
		}
		view := plain(m.View())
		if strings.Contains(view, "Showing results for") {
			t.Errorf("%q: the screen corrects the query:\n%s", q, view)
		}
		lines := strings.Split(view, "\n")
		first := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "› ") })
		if first < 0 || !strings.Contains(lines[first], "When to call us") || !strings.Contains(lines[first+1], "Emergency: call 999 now") {
			t.Errorf("%q: the first result should be When to call us with the emergency level:\n%s", q, view)
		}
	}
}

// A typo is corrected, and the screen says what it searched for.
func TestSearchShowsCorrection(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 24), press("/"))
	m = drive(m, keys("retnol")...)
	view := plain(m.View())
	if !strings.Contains(view, "Showing results for retinol") || !strings.Contains(view, "Which skin products should I avoid") {
		t.Fatalf("retnol should show results for retinol, and say so:\n%s", view)
	}
}

// Nothing found: near words to search instead, When to call us, and the
// sections; a near word searches for it.
func TestSearchDidYouMean(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 24), press("/"))
	m = drive(m, keys("snscrxxn")...)
	view := plain(m.View())
	if !strings.Contains(view, `Did you mean "sunscreen"?`) || !strings.Contains(view, "When to call us") {
		t.Fatalf("no results should offer near words and When to call us:\n%s", view)
	}
	m = drive(m, press("enter"))
	if got := m.search().box.value(); got != "sunscreen" || len(m.search().res.Items) == 0 {
		t.Errorf("choosing a near word should search for it, got %q", got)
	}
}

// "/" again opens with the last query, selected: typing replaces it,
// Enter opens the row that was selected.
func TestSearchSlashAgainSelectsLastQuery(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 24), press("/"))
	m = drive(m, keys("sun")...)
	m = drive(m, press("down"), press("enter"))
	if m.top() == screenSearch {
		t.Fatal("enter should open the second result")
	}
	m = drive(m, press("/"))
	s := m.search()
	if m.top() != screenSearch || s.box.value() != "sun" || !s.box.selected || s.cursor != 1 {
		t.Fatalf("/ again should show the last query selected, at the same row: %q selected=%v cursor=%d", s.box.value(), s.box.selected, s.cursor)
	}
	if !strings.Contains(plain(m.View()), "[sun]") {
		t.Errorf("the selection should show:\n%s", plain(m.View()))
	}
	m = drive(m, keys("peel")...)
	if got := m.search().box.value(); got != "peel" {
		t.Errorf("typing over the selection should replace it, got %q", got)
	}
	// Backspace on a selection clears it.
	m = drive(m, press("esc"), press("/"), press("backspace"))
	if got := m.search().box.value(); got != "" {
		t.Errorf("backspace on the selection should clear it, got %q", got)
	}
}

// Snippets are made for the rows on screen only.
func TestSearchSnippetsOnScreenOnly(t *testing.T) {
	m := drive(newTestModel(t, testOptions()), size(80, 24), press("/"))
	m = drive(m, keys("s")...)
	s := m.search()
	if len(s.res.Items) <= s.visible() {
		t.Fatalf("want more results than rows, got %d for %d rows", len(s.res.Items), s.visible())
	}
	for i, r := range s.res.Items {
		if on := i >= s.offset && i < s.offset+s.visible(); on != (r.Snippet != "") {
			t.Errorf("row %d (on screen %v) has snippet %q", i, on, r.Snippet)
		}
	}
}

// The warning sign under When to call us takes two lines when it needs
// them: what makes it a sign ("after about 7 days", "after the first
// day") is not cut off at 80 columns. The rows under it still open what
// they show, by key and by click.
func TestSearchSignOnTwoLines(t *testing.T) {
	for query, want := range map[string]string{
		"redness not going away": "still strong after about 7 days",
		"pain not going away":    "instead of better after the first day",
	} {
		m := drive(newTestModel(t, testOptions()), size(80, 24), press("/"))
		for i, w := range strings.Fields(query) {
			if i > 0 {
				m = drive(m, tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			}
			m = drive(m, keys(w)...)
		}
		if v := words(m.View()); !strings.Contains(v, want) {
			t.Errorf("%q: the sign should read %q:\n%s", query, want, plain(m.View()))
		}
		lines := strings.Split(plain(m.View()), "\n")
		for y, l := range lines {
			if strings.Contains(l, "Is this normal?") {
				m = drive(m, tea.MouseMsg{X: 10, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
				break
			}
		}
		if m.top() != screenNormal {
			t.Errorf("%q: a click on Is this normal? should open it, got screen %d", query, m.top())
		}
	}
}
