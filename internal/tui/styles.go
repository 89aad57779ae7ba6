package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"

	"github.com/skinguide/skinguide/internal/render"
)

// Styles are the app's lipgloss styles, all made from one renderer so that
// several sessions with different colour support can share a process.
type Styles struct {
	Header      Style // the bar at the top
	HeaderPlace Style // where you are, on the right of the bar
	Rule        Style
	Heading     Style // a screen's own heading line
	Text        Style
	Dim         Style // secondary text; never grey in high contrast
	Accent      Style

	MenuNumber Style
	Selected   Style // the highlighted row where the focus is
	Unfocused  Style // the highlighted row of a list without focus
	Section    Style

	Mark     Style // search hits in snippets
	Warning  Style // the call-us line and input errors
	Phone    Style
	Input    Style
	Cursor   Style
	Position Style // "40%" under a page

	RailStep    Style
	RailCurrent Style
	RailToday   Style // "▲ Today" under the rail: calm, not an alarm

	// The three levels of help, for screens that name one (the warning
	// signs in pages are glamour's H4-H6, styled alike in package render).
	Emergency Style // the most prominent thing on any screen
	Urgent    Style // get medical advice today
	Calm      Style // call in opening hours

	// Kiosk mode.
	FactBox   Style // the "Did you know?" box on the attract screen
	Countdown Style // the "Still reading?" box
	Button    Style // touch targets: "‹ Back", "▲ Up", "▼ Down"
	QR        Style // black modules on white, whatever the theme

	Help help.Styles
	// The hint bar's: Help's ShortKey, ShortDesc and ShortSeparator.
	HelpKey, HelpDesc, HelpSep Style
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
		Header:      newStyle(on(p.HeaderFg, p.HeaderBg).Reverse(mono)),
		HeaderPlace: newStyle(st().Foreground(c(p.HeaderFg)).Background(c(p.HeaderBg)).Reverse(mono)),
		Rule:        newStyle(st().Foreground(c(p.Rule))),
		Heading:     newStyle(strong(p.Accent)),
		Text:        newStyle(st().Foreground(c(p.Text))),
		Dim:         newStyle(st().Foreground(c(p.Dim))),
		Accent:      newStyle(st().Foreground(c(p.Accent))),
		MenuNumber:  newStyle(strong(p.Accent)),
		Selected:    newStyle(on(p.SelFg, p.SelBg).Reverse(mono)),
		Unfocused:   newStyle(strong(p.Accent)),
		Section:     newStyle(strong(p.Accent).Underline(true)),
		Mark:        newStyle(on(p.MarkFg, p.MarkBg).Underline(true)),
		Warning:     newStyle(strong(p.Warn)),
		Phone:       newStyle(strong(p.Accent)),
		Input:       newStyle(st().Foreground(c(p.Text))),
		Cursor:      newStyle(st().Reverse(true)),
		Position:    newStyle(st().Foreground(c(p.Dim))),
		RailStep:    newStyle(st().Foreground(c(p.Dim))),
		RailCurrent: newStyle(on(p.SelFg, p.SelBg).Reverse(mono)),
		RailToday:   newStyle(strong(p.Calm)),
		Emergency:   newStyle(on(p.EmergencyFg, p.EmergencyBg).Reverse(mono)),
		Urgent:      newStyle(strong(p.Urgent).Underline(true)),
		Calm:        newStyle(strong(p.Calm)),
		FactBox:     newStyle(st().Border(lipgloss.RoundedBorder()).BorderForeground(c(p.Accent)).Padding(0, 1)),
		Countdown:   newStyle(st().Border(lipgloss.ThickBorder()).BorderForeground(c(p.Warn)).Padding(0, 1)),
		Button:      newStyle(on(p.ButtonFg, p.ButtonBg).Reverse(mono)),
		// 16 and 231 are black and white in the 256-colour cube, which
		// terminal themes leave alone (0 and 15 are often tinted).
		QR: newStyle(st().Foreground(lipgloss.Color("16")).Background(lipgloss.Color("231"))),
	}
	if mono {
		s.Unfocused = newStyle(s.Unfocused.Underline(true)) // the row is not reversed: it has no focus
	}
	if theme == render.HighContrast {
		s.Text = newStyle(strong(p.Text).Underline(false))
		s.RailStep = newStyle(strong(p.Dim).Underline(false))
		s.Position = newStyle(strong(p.Dim).Underline(false))
	}
	key := strong(p.Accent)
	desc := st().Foreground(c(p.Dim))
	sep := st().Foreground(c(p.Rule))
	s.Help = help.Styles{
		Ellipsis: sep, ShortKey: key, ShortDesc: desc, ShortSeparator: sep,
		FullKey: key, FullDesc: desc, FullSeparator: sep,
	}
	s.HelpKey, s.HelpDesc, s.HelpSep = newStyle(key), newStyle(desc), newStyle(sep)
	return s
}
