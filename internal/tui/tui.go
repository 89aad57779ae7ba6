// Package tui is skinguide's interactive guide: a bubbletea program with a
// Home menu, the FAQ browser, search, the day-by-day recovery timeline,
// "When to call us", an about page and help.
//
// The root Model owns one child model per screen and a small stack of
// screens. It handles resizes, the keys that work everywhere, and routes
// everything else to the screen on top. Pages are rendered by the shared
// render.Renderer; only the page on screen is rendered on the keypress
// path, its neighbours in the background.
package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/render"
	"github.com/skinguide/skinguide/internal/search"
	"github.com/skinguide/skinguide/internal/termsafe"
)

// Clock tells the time. The app asks it for "today"; tests pass a fixed one.
type Clock interface{ Now() time.Time }

// SystemClock is the real clock.
type SystemClock struct{}

// Now returns the current time.
func (SystemClock) Now() time.Time { return time.Now() }

// Clinic is what the app says about the clinic. Empty fields are left out.
type Clinic struct {
	Name, Phone, Hours, Website string
}

// Options choose how the app looks and what it knows about the patient.
type Options struct {
	Theme    render.Theme
	Profile  termenv.Profile // termenv.Ascii for no colour at all (NO_COLOR)
	Treated  time.Time       // the treatment date; zero when unknown
	Location *time.Location  // the time zone "today" is in; nil means local time
	Clinic   Clinic
	Kiosk    bool
}

// screen is one of the app's screens.
type screen int

const (
	screenHome screen = iota
	screenFAQ
	screenSearch
	screenTimeline
	screenCallUs
	screenPage // About, or another page opened from search
)

// shared is what every session built from the same guide can reuse, and
// what Reset keeps.
type shared struct {
	guide  *content.Guide
	pages  *pageCache
	style  render.Style
	styles *Styles
	keys   KeyMap
	index  *search.Index
	clock  Clock
	opts   Options
}

// Model is the root model of the app.
type Model struct {
	sh *shared

	width, height int
	stack         []screen // Home at the bottom, the screen shown on top
	showHelp      bool
	layoutSeq     int // latest resize; see layoutMsg
	idleSeq       int // latest idle period; see idleTickMsg

	home     homeModel
	faq      faqModel
	search   searchModel
	timeline timelineModel
	callUs   pageModel
	page     pageModel
	help     helpModel
}

// New builds the app for a guide. The renderer may be shared with other
// sessions; lr decides the colours of everything around the pages and gets
// the profile from opts, so nothing asks the terminal at run time.
func New(g *content.Guide, r *render.Renderer, lr *lipgloss.Renderer, opts Options, clock Clock) Model {
	if opts.Theme == "" {
		opts.Theme = render.Dark
	}
	if clock == nil {
		clock = SystemClock{}
	}
	lr.SetColorProfile(opts.Profile)
	lr.SetHasDarkBackground(opts.Theme != render.Light)
	styles := NewStyles(lr, opts.Theme)
	sh := &shared{
		guide:  g,
		pages:  newPageCache(r),
		style:  render.Style{Theme: opts.Theme, Profile: opts.Profile},
		styles: &styles,
		keys:   NewKeyMap(opts.Kiosk),
		index:  search.New(g.All()),
		clock:  clock,
		opts:   opts,
	}
	return newModel(sh, opts.Treated)
}

func newModel(sh *shared, treated time.Time) Model {
	g, km, st := sh.guide, sh.keys, sh.styles
	ascii := isASCII(sh.style)
	about, _ := g.Page(content.PageAbout)
	return Model{
		sh:       sh,
		stack:    []screen{screenHome},
		home:     newHome(st, km.Home, termsafe.Clean(g.Welcome)),
		faq:      newFAQ(st, km, g, sh.pages, sh.style),
		search:   newSearch(st, km.Search, sh.index, g, ascii),
		timeline: newTimeline(st, km, g, sh.pages, sh.style, sh.clock, sh.opts.Location, treated),
		callUs:   newCallUs(st, km, g, sh.pages, sh.style, sh.opts.Clinic),
		page:     newPageModel(st, km, g, sh.pages, sh.style, about),
		help:     newHelp(st),
	}
}

// Reset returns to Home and forgets everything a patient did: screens,
// scroll positions, search text, the treatment date and help. A kiosk uses
// it so the next patient sees none of it.
func (m Model) Reset() Model {
	n := newModel(m.sh, time.Time{})
	n.layoutSeq = m.layoutSeq
	n.idleSeq = m.idleSeq + 1
	n.resize(m.width, m.height)
	return n
}

func isASCII(s render.Style) bool { return s.Profile == termenv.Ascii }

// Init prepares the search index off the keypress path, so that the first
// search keystroke does not pay for it.
func (m Model) Init() tea.Cmd {
	ix := m.sh.index
	return func() tea.Msg {
		ix.Prepare()
		return nil
	}
}

func (m Model) top() screen { return m.stack[len(m.stack)-1] }

// tooSmall reports whether the window is below the smallest layout.
func (m Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// resize pushes the new size down to every screen, once.
func (m *Model) resize(w, h int) {
	m.width, m.height = max(0, w), max(0, h)
	if m.tooSmall() {
		return // screens keep their last layout until there is room again
	}
	bw, bh := m.width, m.height-chrome
	m.home.SetSize(bw, bh)
	m.faq.SetSize(bw, bh)
	m.search.SetSize(bw, bh)
	m.timeline.SetSize(bw, bh)
	m.callUs.SetSize(bw, bh)
	m.page.SetSize(bw, bh)
}
