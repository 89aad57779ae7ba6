package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
)

// screen is what the root knows of a screen. Every screen is a value:
// the methods that change it return the changed screen, so a copy of the
// root (a test's "before") never changes under it.
//
// Adding a screen is one file with a type that has these methods, and one
// row in screenTable.
type screen interface {
	// update handles a key, a click (in the body's coordinates) or any
	// other message while the screen is on top. A request to the root
	// (backMsg, openPageMsg, ...) comes back as req, handled in the same
	// Update: a request sent as a command would arrive after keys typed
	// in the meantime, and a quick "1" then Enter would go astray.
	update(msg tea.Msg) (s screen, cmd tea.Cmd, req tea.Msg)
	// view draws the body: at most the size set, lines no wider.
	view() []string
	// setSize is the body's size, pushed down once per resize.
	setSize(w, h int) screen
	// help is what the hint bar and full help list on this screen.
	help(g GlobalKeys) helpKeys
	// focused reports whether a text box takes every key.
	focused() bool
	// place is what the header says on this screen ("" for nothing).
	place() string
	// show is the screen being opened by the root, at a target.
	show(t target) screen
	// prepare renders what is on screen, if it must, and returns a command
	// that renders what is likely next in the background.
	prepare() (screen, tea.Cmd)
	// ahead renders in the background what the screen would show first,
	// were it opened now (from Home). nil when there is nothing worth it.
	ahead() tea.Cmd
	// pickUp takes pages that finished rendering in the background.
	pickUp() screen
}

// target is where a screen is opened: at a page, at a section, or as it
// was (both empty). onTop says the screen was on top already: asking for
// the screen you are on changes nothing that you would miss.
type target struct {
	page    *content.Page
	section string
	onTop   bool
	day     int // "Is this normal?": the patient's day + 1 when known, else 0
}

// screenID names a screen: an index into the screen table.
type screenID int

const (
	screenHome screenID = iota
	screenFAQ
	screenSearch
	screenTimeline
	screenCallUs
	screenPage  // About, or another page opened from search
	screenStaff // kiosk: the staff PIN box
	screenNormal
	numScreens
)

// screenRow is one screen as the root registers it.
type screenRow struct {
	// build makes the screen for a session, as a fresh app shows it.
	build func(sh *session) screen
	// over: opening the screen puts it over the one on screen, so that
	// esc returns exactly there. Otherwise opening it goes back to it
	// when it is already open (dropping what was opened from it).
	over bool
	// owns reports whether a page is shown on this screen when opened
	// (from search, a related link or a fact). The first row that owns a
	// page gets it; nil owns none.
	owns func(p *content.Page) bool
}

// screenTable is every screen, indexed by screenID. The table is built by
// a function so that it is never shared mutable state.
func screenTable() [numScreens]screenRow {
	return [numScreens]screenRow{
		screenHome:     {build: newHome},
		screenFAQ:      {build: newFAQ, owns: func(p *content.Page) bool { return p.Kind == content.KindFAQ }},
		screenSearch:   {build: newSearch, over: true},
		screenTimeline: {build: newTimeline, owns: func(p *content.Page) bool { return p.Kind == content.KindTimeline }},
		screenCallUs:   {build: newCallUs, over: true, owns: func(p *content.Page) bool { return p.ID == content.PageCallUs }},
		screenPage:     {build: newPageScreen, owns: func(*content.Page) bool { return true }},
		screenStaff:    {build: newStaff, over: true},
		screenNormal:   {build: newNormal, over: true},
	}
}

// screenFor is the screen a page is shown on.
func screenFor(p *content.Page) screenID {
	for id, row := range screenTable() {
		if row.owns != nil && row.owns(p) {
			return screenID(id)
		}
	}
	return screenPage
}

// opensOver reports whether a screen opens over the one on screen.
func opensOver(id screenID) bool { return screenTable()[id].over }
