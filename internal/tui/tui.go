// Package tui is skinguide's interactive guide: a bubbletea program with a
// Home menu, the FAQ browser, search, the day-by-day recovery timeline,
// "When to call us", an about page and help.
//
// Screens sit behind one small interface (screen.go) and are registered in
// one table; the guide model (guide.go) keeps a stack of them, moved by a
// pure function (stack.go), handles resizes and the keys that work
// everywhere, and routes everything else to the screen on top. In kiosk
// mode the program's Model wraps the guide with the idle timer, the
// attract screen, the countdown, the staff box and the reset (kiosk.go).
//
// What is made from one version of the content (the search index, the
// rendered pages) is a Guide, shared read-only by every session of the
// process; what one program owns (size, colours, theme, keys, clock,
// timers) is its session. Only the page on screen is rendered on the
// keypress path, its neighbours in the background.
package tui

import (
	"log/slog"
	"sort"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/render"
	"github.com/skinguide/skinguide/internal/search"
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
	Theme   render.Theme
	Profile termenv.Profile // termenv.Ascii for no colour at all (NO_COLOR)
	Treated time.Time       // the treatment date; zero when unknown
	// OpenTimeline starts on the timeline at today's step (over Home, so
	// esc goes Home), as --treated promises. It needs Treated.
	OpenTimeline bool
	Location     *time.Location // the time zone "today" is in; nil means local time
	Clinic       Clinic
	Kiosk        bool
	// Served is a session of skinguide serve: it never suspends (that
	// would stop the whole server), whatever the mode.
	Served bool
	// FirstFrame is how long the first complete frame (drawn at the first
	// window size) may take to reach the screen; work for later, the search
	// index and rendering what Home leads to, waits for it. Zero starts
	// that work at once. bubbletea draws on its next frame tick, and on a
	// 2-core box that work, started with the frame, kept the tick waiting
	// for a core.
	FirstFrame time.Duration

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
	// It returns nil to keep the content shown. It runs in a command, off
	// the UI goroutine, and is given reloadTimeout to answer; sessions that
	// share content should get the same *Guide for the same version.
	Reload func() *Guide
}

// Default kiosk timers, as in the config's defaults.
const (
	defaultIdle        = 3 * time.Minute
	defaultIdleWarning = 30 * time.Second
)

// Guide is one version of the content with what is made from it once and
// shared, read-only, by every session of the process: the search index and
// the rendered pages. It is safe for concurrent use.
type Guide struct {
	content *content.Guide
	index   *search.Index
	pages   *pageCache
	facts   []*content.Page // "Did you know?" pages for the attract screen
	// langs are every language of the guide, this one first, for the
	// switch on Home: the content's translations, each shared like it.
	langs []*Guide
}

// NewGuide makes the shared part of the app for a guide. r renders its
// pages; nil makes a renderer of its own.
func NewGuide(g *content.Guide, r *render.Renderer) *Guide {
	if r == nil {
		r = render.New(g)
	}
	return newGuide(g, r, defaultPageCacheBytes)
}

// newGuide is NewGuide with a bound on the prepared pages (0: none).
func newGuide(g *content.Guide, r *render.Renderer, pageBytes int64) *Guide {
	gd := &Guide{content: g, index: search.ForGuide(g), pages: newPageCache(r, pageBytes), facts: g.Facts()}
	gd.langs = []*Guide{gd}
	for _, t := range g.Translations {
		tg := &Guide{content: t, index: search.ForGuide(t), pages: newPageCache(render.New(t), pageBytes), facts: t.Facts()}
		gd.langs = append(gd.langs, tg)
	}
	// The switch lists them in the same order whatever the default:
	// "English · Español".
	sort.Slice(gd.langs, func(i, j int) bool { return gd.langs[i].content.Lang < gd.langs[j].content.Lang })
	for _, l := range gd.langs {
		l.langs = gd.langs // every language knows them all
	}
	return gd
}

// Content is the guide's content.
func (g *Guide) Content() *content.Guide { return g.content }

// session is what one program owns: its look, its keys, its clock, its
// options. Screens are built from it; it does not change while the
// program runs, except for the guide at an idle reset (see withGuide) and
// a treatment date the patient types (withTreated), both forgotten by a
// reset.
type session struct {
	home    *Guide // the guide in the configured language
	guide   *Guide // the language on screen: home or one of its langs
	txt     *texts // the words of guide's language
	style   render.Style
	styles  *Styles
	keys    KeyMap
	clock   Clock
	opts    Options
	touch   bool      // kiosk: the screen may be a touch screen with no keyboard
	treated time.Time // the treatment date: --treated, or typed in the timeline; Reset forgets it
	qr      qrBlock   // the clinic website's QR code; empty without one
	paint   painter   // the theme's background, behind every frame
	// after schedules msg in d. It is tea.Tick; tests record it instead,
	// and move a fake clock.
	after func(d time.Duration, msg tea.Msg) tea.Cmd
}

// New builds the app for a guide, as NewSession does for NewGuide(g, r).
func New(g *content.Guide, r *render.Renderer, lr *lipgloss.Renderer, opts Options, clock Clock) Model {
	return NewSession(NewGuide(g, r), lr, opts, clock)
}

// NewSession builds one program's app on a shared guide. lr decides the
// colours of everything around the pages and gets the profile from opts,
// so nothing asks the terminal at run time; it belongs to this session.
func NewSession(g *Guide, lr *lipgloss.Renderer, opts Options, clock Clock) Model {
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
	// Auto asks the terminal (through lr, so over SSH it is the client's);
	// every other theme is taken as it is.
	opts.Theme = opts.Theme.Resolve(lr.HasDarkBackground)
	lr.SetHasDarkBackground(opts.Theme != render.Light)
	styles := NewStyles(lr, opts.Theme)
	sh := &session{
		home:    g,
		style:   render.Style{Theme: opts.Theme, Profile: opts.Profile},
		styles:  &styles,
		clock:   clock,
		opts:    opts,
		touch:   opts.Kiosk,
		treated: opts.Treated,
		paint:   newPainter(render.PaletteFor(opts.Theme), opts.Profile),
		after: func(d time.Duration, msg tea.Msg) tea.Cmd {
			return tea.Tick(d, func(time.Time) tea.Msg { return msg })
		},
	}
	return newKioskModel(sh.inLanguage(g))
}

// inLanguage is sh showing g, one of the languages of its guide: the
// words, the key help and the QR caption follow the language.
func (sh *session) inLanguage(g *Guide) *session {
	n := *sh
	n.guide = g
	n.txt = newTexts(g.content.UI)
	n.keys = newKeyMap(n.opts.Kiosk, n.txt.Key)
	if n.opts.Served {
		n.keys.Global.Suspend.SetEnabled(false)
	}
	if n.opts.Kiosk && n.opts.StaffKey != "" && n.opts.StaffPIN != "" {
		n.keys.Global.StaffExit = key.NewBinding(key.WithKeys(n.opts.StaffKey))
	}
	n.keys.Home.Language.SetEnabled(len(g.langs) > 1)
	n.qr = newQRBlock(n.styles, n.txt.QRCaption, n.opts.Clinic.Website, qrProfile(n.opts), n.opts.Theme)
	return &n
}

// withGuide is sh with another guide (newer content), in its first
// language, which is the configured one; the look and the options stay.
func (sh *session) withGuide(g *Guide) *session {
	n := *sh
	n.home = g
	return n.inLanguage(g)
}

// forgetPatient is sh without what the patient brought: the treatment date
// and the language they chose (back to the configured one).
func (sh *session) forgetPatient() *session {
	n := sh
	if sh.guide != sh.home {
		n = sh.inLanguage(sh.home)
	}
	if n.treated.IsZero() {
		return n
	}
	c := *n
	c.treated = time.Time{}
	return &c
}

// withTreated is sh with the treatment date the patient typed.
func (sh *session) withTreated(t time.Time) *session {
	c := *sh
	c.treated = t
	return &c
}

// content is the session's guide content.
func (sh *session) content() *content.Guide { return sh.guide.content }

func isASCII(s render.Style) bool { return s.Profile == termenv.Ascii }

// qrProfile is the profile the QR code is drawn for: without colour
// (NO_COLOR's Mono theme) it is drawn in text, as for termenv.Ascii.
func qrProfile(opts Options) termenv.Profile {
	if opts.Theme == render.Mono {
		return termenv.Ascii
	}
	return opts.Profile
}

func prepareIndex(ix *search.Index) tea.Cmd {
	return func() tea.Msg {
		ix.Prepare()
		return nil
	}
}
