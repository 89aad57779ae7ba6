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
	"log/slog"
	"time"

	"github.com/charmbracelet/bubbles/key"
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
	AfterHours, EmergencyNumber string // see content.Numbers
}

// Numbers are the clinic's numbers as the warning signs show them. The
// guide given to New must already carry them (content.Expand): a guide is
// shared by every session and never changed after it is built.
func (c Clinic) Numbers() content.Numbers {
	return content.Numbers{Emergency: c.EmergencyNumber, Phone: c.Phone, Hours: c.Hours, AfterHours: c.AfterHours}
}

// Options choose how the app looks and what it knows about the patient.
type Options struct {
	Theme    render.Theme
	Profile  termenv.Profile // termenv.Ascii for no colour at all (NO_COLOR)
	Treated  time.Time       // the treatment date; zero when unknown
	Location *time.Location  // the time zone "today" is in; nil means local time
	Clinic   Clinic
	Kiosk    bool

	// The rest matters in kiosk mode only.

	// Idle is how long without input before a countdown of IdleWarning
	// appears; when it runs out the app starts over. Zero means 3m and 30s.
	Idle, IdleWarning time.Duration
	// StaffKey (a key name such as "ctrl+x") asks for StaffPIN; the right
	// PIN ends the program, and Model.StaffExit reports it. Both or neither.
	StaffKey, StaffPIN string
	// Log receives panics caught in background work. nil drops them.
	Log *slog.Logger
	// Reload is asked for newer content each time the app starts over, and
	// never at any other time, so nobody's page changes while they read.
	// It returns nil to keep the content shown.
	Reload func() *content.Guide
}

// Default kiosk timers, as in the config's defaults.
const (
	defaultIdle        = 3 * time.Minute
	defaultIdleWarning = 30 * time.Second
)

// screen is one of the app's screens.
type screen int

const (
	screenHome screen = iota
	screenFAQ
	screenSearch
	screenTimeline
	screenCallUs
	screenPage  // About, or another page opened from search
	screenStaff // kiosk: the staff PIN box
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
	facts  []*content.Page // "Did you know?" pages for the attract screen
	qr     qrBlock         // the clinic website's QR code; empty without one
	// after schedules msg in d. It is tea.Tick; tests record it instead,
	// and move a fake clock.
	after func(d time.Duration, msg tea.Msg) tea.Cmd
}

// Model is the root model of the app.
type Model struct {
	sh *shared

	width, height int
	stack         []screen // Home at the bottom, the screen shown on top
	showHelp      bool
	layoutSeq     int // latest resize; see layoutMsg
	idleSeq       int // the live chain of idle ticks; see idleTickMsg
	kiosk         kioskState
	staffExit     bool    // the staff PIN was right: the program is ending
	pinLock       pinLock // wrong staff PINs; kept by Reset

	home     homeModel
	faq      faqModel
	search   searchModel
	timeline timelineModel
	callUs   pageModel
	page     pageModel
	staff    staffModel
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
	if opts.Idle <= 0 {
		opts.Idle = defaultIdle
	}
	if opts.IdleWarning <= 0 {
		opts.IdleWarning = defaultIdleWarning
	}
	lr.SetColorProfile(opts.Profile)
	lr.SetHasDarkBackground(opts.Theme != render.Light)
	styles := NewStyles(lr, opts.Theme)
	keys := NewKeyMap(opts.Kiosk)
	if opts.Kiosk && opts.StaffKey != "" && opts.StaffPIN != "" {
		keys.Global.StaffExit = key.NewBinding(key.WithKeys(opts.StaffKey))
	}
	sh := &shared{
		guide:  g,
		pages:  newPageCache(r),
		style:  render.Style{Theme: opts.Theme, Profile: opts.Profile},
		styles: &styles,
		keys:   keys,
		index:  search.New(g.All()),
		clock:  clock,
		opts:   opts,
		qr:     newQRBlock(&styles, opts.Clinic.Website, opts.Profile, opts.Theme),
		after: func(d time.Duration, msg tea.Msg) tea.Cmd {
			return tea.Tick(d, func(time.Time) tea.Msg { return msg })
		},
	}
	if opts.Kiosk {
		sh.facts = g.Facts()
	}
	m := newModel(sh, opts.Treated)
	m.kiosk = newKioskState(sh, 0)
	return m
}

// withGuide is sh with other content: everything made from the guide is
// made again; the look, the keys and the options stay.
func (sh *shared) withGuide(g *content.Guide) *shared {
	n := *sh
	n.guide = g
	n.pages = newPageCache(render.New(g))
	n.index = search.New(g.All())
	if n.opts.Kiosk {
		n.facts = g.Facts()
	}
	return &n
}

func newModel(sh *shared, treated time.Time) Model {
	g, km, st := sh.guide, sh.keys, sh.styles
	ascii := isASCII(sh.style)
	touch := sh.opts.Kiosk // a kiosk may have a touch screen and no keyboard
	about, _ := g.Page(content.PageAbout)
	return Model{
		sh:       sh,
		stack:    []screen{screenHome},
		home:     newHome(st, km.Home, termsafe.Clean(g.Welcome), touch),
		faq:      newFAQ(st, km, g, sh.pages, sh.style, touch),
		search:   newSearch(st, km.Search, sh.index, g, ascii),
		timeline: newTimeline(st, km, g, sh.pages, sh.style, touch, sh.clock, sh.opts.Location, treated),
		callUs:   newCallUs(st, km, g, sh.pages, sh.style, touch, sh.qr),
		page:     newPageModel(st, km, g, sh.pages, sh.style, touch, about, sh.qr),
		staff:    newStaff(st, km.Input, sh.opts.StaffPIN, ascii),
		help:     newHelp(st),
	}
}

// Reset returns to Home and forgets everything a patient did: screens,
// scroll positions, search text, the treatment date, help, the staff PIN
// box. A kiosk uses it so the next patient sees none of it; its Home is
// the attract screen again, with the next fact, and a new idle period.
// Ticks of the old idle period are stale from now on: see restart.
func (m Model) Reset() Model {
	n := newModel(m.sh, time.Time{})
	n.layoutSeq = m.layoutSeq
	n.pinLock = m.pinLock // forgetting it would let anyone guess on after an idle reset
	n.idleSeq = m.idleSeq + 1
	n.kiosk = newKioskState(m.sh, m.kiosk.fact+1)
	n.kiosk.factSeq = m.kiosk.factSeq + 1
	n.resize(m.width, m.height)
	return n
}

// StaffExit reports whether the program ended because staff typed the
// right PIN (kiosk mode), rather than by a quit or a signal.
func (m Model) StaffExit() bool { return m.staffExit }

func isASCII(s render.Style) bool { return s.Profile == termenv.Ascii }

// Init prepares the search index off the keypress path, so that the first
// search keystroke does not pay for it. A kiosk also starts its timers.
func (m Model) Init() tea.Cmd {
	cmd := prepareIndex(m.sh.index)
	if m.sh.opts.Kiosk {
		cmd = tea.Batch(cmd, m.idleTick(), m.factTick())
	}
	return m.guard(cmd)
}

func prepareIndex(ix *search.Index) tea.Cmd {
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
	m.staff.SetSize(bw, bh)
}
