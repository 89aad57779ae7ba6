package tui

import (
	"slices"
	"testing"
)

// The stack's moves, and where esc returns to after them.
func TestNavigate(t *testing.T) {
	const (
		home, faq, search, timeline = screenHome, screenFAQ, screenSearch, screenTimeline
		callUs, page, staff         = screenCallUs, screenPage, screenStaff
	)
	open := func(to screenID) nav { return nav{kind: navOpen, to: to} }
	back := nav{kind: navBack}
	for _, c := range []struct {
		name string
		from stack
		move nav
		want stack
	}{
		// Opening.
		{"menu opens a screen over Home", stack{home}, open(faq), stack{home, faq}},
		{"a screen already open is gone back to", stack{home, faq, page}, open(faq), stack{home, faq}},
		{"the screen on top stays", stack{home, timeline}, open(timeline), stack{home, timeline}},
		{"a page from a step goes over the timeline", stack{home, timeline}, open(page), stack{home, timeline, page}},
		{"opening Home is going Home", stack{home, faq, page}, open(home), stack{home}},
		{"search opens over the screen it was started on", stack{home, faq}, open(search), stack{home, faq, search}},
		{"search on top stays", stack{home, search}, open(search), stack{home, search}},

		// Esc.
		{"esc leaves the screen on top", stack{home, faq, page}, back, stack{home, faq}},
		{"esc on Home stays Home", stack{home}, back, stack{home}},

		// Search results: esc from the result returns to the results.
		{"a result goes over search", stack{home, faq, search}, open(timeline), stack{home, faq, search, timeline}},
		{"a result in the screen search was started on moves up", stack{home, faq, search}, open(faq), stack{home, search, faq}},
		{"a result from Home's search", stack{home, search}, open(page), stack{home, search, page}},
		{"esc from a result: the results", stack{home, search, page}, back, stack{home, search}},
		{"/ again from a result", stack{home, search, page}, open(search), stack{home, search, page, search}},
		{"a link (not from search) goes over", stack{home, page}, open(faq), stack{home, page, faq}},
		{"a link to a screen already open goes back to it", stack{home, faq, page}, open(faq), stack{home, faq}},
		{"a result for When to call us", stack{home, timeline, search}, open(callUs), stack{home, timeline, search, callUs}},

		// "!" from anywhere, over whatever is on screen: esc returns exactly there.
		{"! from Home", stack{home}, nav{kind: navCallUs}, stack{home, callUs}},
		{"! from an answer", stack{home, faq}, nav{kind: navCallUs}, stack{home, faq, callUs}},
		{"! from search keeps the search", stack{home, faq, search}, nav{kind: navCallUs}, stack{home, faq, search, callUs}},
		{"! over a page opened from When to call us", stack{home, callUs, faq}, nav{kind: navCallUs}, stack{home, callUs, faq, callUs}},
		{"! on When to call us stays", stack{home, faq, callUs}, nav{kind: navCallUs}, stack{home, faq, callUs}},

		// The staff box, from anywhere, text boxes too.
		{"staff over search", stack{home, search}, nav{kind: navStaff}, stack{home, search, staff}},
		{"staff on Home", stack{home}, nav{kind: navStaff}, stack{home, staff}},
		{"esc leaves the staff box", stack{home, search, staff}, back, stack{home, search}},

		// Home and reset.
		{"home from deep", stack{home, faq, page, callUs}, nav{kind: navHome}, stack{home}},
		{"reset from deep", stack{home, timeline, page, staff}, nav{kind: navReset}, stack{home}},
		{"reset on Home", stack{home}, nav{kind: navReset}, stack{home}},
	} {
		t.Run(c.name, func(t *testing.T) {
			from := slices.Clone(c.from)
			got := navigate(c.from, c.move)
			if !slices.Equal(got, c.want) {
				t.Errorf("navigate(%v, %+v) = %v, want %v", c.from, c.move, got, c.want)
			}
			if !slices.Equal(c.from, from) {
				t.Errorf("navigate changed its input: %v, was %v", c.from, from)
			}
		})
	}
}

// Every screen in the table can be built, and takes any size.
func TestScreenTable(t *testing.T) {
	m := newTestModel(t, testOptions())
	for id, s := range m.screens {
		if s == nil {
			t.Fatalf("screen %d is not built", id)
		}
		s = s.setSize(MinWidth, MinHeight-chrome)
		if lines := s.view(); len(lines) > MinHeight-chrome {
			t.Errorf("screen %d draws %d lines in %d", id, len(lines), MinHeight-chrome)
		}
	}
	for _, p := range m.sh.content().All() {
		if id := screenFor(p); id == screenHome || id == screenSearch || id == screenStaff {
			t.Errorf("page %s would open on screen %d", p.ID, id)
		}
	}
}
