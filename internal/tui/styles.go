package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"

	"github.com/skinguide/skinguide/internal/render"
)

// Styles are the app's lipgloss styles, all made from one renderer so that
// several sessions with different colour support can share a process.
type Styles struct {
	Header      lipgloss.Style // the bar at the top
	HeaderPlace lipgloss.Style // where you are, on the right of the bar
	Rule        lipgloss.Style
	Heading     lipgloss.Style // a screen's own heading line
	Text        lipgloss.Style
	Dim         lipgloss.Style // secondary text; never grey in high contrast
	Accent      lipgloss.Style

	MenuNumber lipgloss.Style
	Selected   lipgloss.Style // the highlighted row where the focus is
	Unfocused  lipgloss.Style // the highlighted row of a list without focus
	Section    lipgloss.Style

	Mark     lipgloss.Style // search hits in snippets
	Warning  lipgloss.Style // the call-us line and input errors
	Phone    lipgloss.Style
	Input    lipgloss.Style
	Cursor   lipgloss.Style
	Position lipgloss.Style // "40%" under a page

	RailStep    lipgloss.Style
	RailCurrent lipgloss.Style
	RailToday   lipgloss.Style // "▲ Today" under the rail: calm, not an alarm

	// The three levels of help, for screens that name one (the warning
	// signs in pages are glamour's H4-H6, styled alike in package render).
	Emergency lipgloss.Style // the most prominent thing on any screen
	Urgent    lipgloss.Style // get medical advice today
	Calm      lipgloss.Style // call in opening hours

	// Kiosk mode.
	FactBox   lipgloss.Style // the "Did you know?" box on the attract screen
	Countdown lipgloss.Style // the "Still reading?" box
	Button    lipgloss.Style // touch targets: "‹ Back", "▲ Up", "▼ Down"
	QR        lipgloss.Style // black modules on white, whatever the theme

	Help help.Styles
}

// NewStyles builds the styles of a theme with a renderer, from the
// theme's palette (render.PaletteFor) in the renderer's colour profile.
// With termenv.Ascii nothing but text reaches the screen; the Mono theme
// (NO_COLOR) has no colour but keeps bold, underline and reverse. Either
// way nothing may depend on colour alone.
func NewStyles(lr *lipgloss.Renderer, theme render.Theme) Styles {
	theme = theme.Resolve(nil)
	p := render.PaletteFor(theme)
	profile := lr.ColorProfile()
	st := func() lipgloss.Style { return lr.NewStyle() }
	c := func(t render.Tone) lipgloss.TerminalColor {
		if t.IsZero() {
			return lipgloss.NoColor{}
		}
		return lipgloss.CompleteColor{TrueColor: t.True, ANSI256: t.C256, ANSI: t.C16}
	}
	// Bold where it keeps the colour (never black; see Tone.CanBold),
	// underlined where it cannot.
	strong := func(fg render.Tone) lipgloss.Style {
		b := fg.CanBold(profile)
		return st().Foreground(c(fg)).Bold(b).Underline(!b)
	}
	on := func(fg, bg render.Tone) lipgloss.Style {
		return st().Foreground(c(fg)).Background(c(bg)).Bold(fg.CanBold(profile))
	}
	mono := theme == render.Mono
	s := Styles{
		Header:      on(p.HeaderFg, p.HeaderBg).Reverse(mono),
		HeaderPlace: st().Foreground(c(p.HeaderFg)).Background(c(p.HeaderBg)).Reverse(mono),
		Rule:        st().Foreground(c(p.Rule)),
		Heading:     strong(p.Accent),
		Text:        st().Foreground(c(p.Text)),
		Dim:         st().Foreground(c(p.Dim)),
		Accent:      st().Foreground(c(p.Accent)),
		MenuNumber:  strong(p.Accent),
		Selected:    on(p.SelFg, p.SelBg).Reverse(mono),
		Unfocused:   strong(p.Accent),
		Section:     strong(p.Accent).Underline(true),
		Mark:        on(p.MarkFg, p.MarkBg).Underline(true),
		Warning:     strong(p.Warn),
		Phone:       strong(p.Accent),
		Input:       st().Foreground(c(p.Text)),
		Cursor:      st().Reverse(true),
		Position:    st().Foreground(c(p.Dim)),
		RailStep:    st().Foreground(c(p.Dim)),
		RailCurrent: on(p.SelFg, p.SelBg).Reverse(mono),
		RailToday:   strong(p.Calm),
		Emergency:   on(p.EmergencyFg, p.EmergencyBg).Reverse(mono),
		Urgent:      strong(p.Urgent).Underline(true),
		Calm:        strong(p.Calm),
		FactBox:     st().Border(lipgloss.RoundedBorder()).BorderForeground(c(p.Accent)).Padding(0, 1),
		Countdown:   st().Border(lipgloss.ThickBorder()).BorderForeground(c(p.Warn)).Padding(0, 1),
		Button:      on(p.ButtonFg, p.ButtonBg).Reverse(mono),
		// 16 and 231 are black and white in the 256-colour cube, which
		// terminal themes leave alone (0 and 15 are often tinted).
		QR: st().Foreground(lipgloss.Color("16")).Background(lipgloss.Color("231")),
	}
	if mono {
		s.Unfocused = s.Unfocused.Underline(true) // the row is not reversed: it has no focus
	}
	if theme == render.HighContrast {
		s.Text = strong(p.Text).Underline(false)
		s.RailStep = strong(p.Dim).Underline(false)
		s.Position = strong(p.Dim).Underline(false)
	}
	key := strong(p.Accent)
	desc := st().Foreground(c(p.Dim))
	sep := st().Foreground(c(p.Rule))
	s.Help = help.Styles{
		Ellipsis: sep, ShortKey: key, ShortDesc: desc, ShortSeparator: sep,
		FullKey: key, FullDesc: desc, FullSeparator: sep,
	}
	return s
}
