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
	RailToday   lipgloss.Style

	// Kiosk mode.
	FactBox   lipgloss.Style // the "Did you know?" box on the attract screen
	Countdown lipgloss.Style // the "Still reading?" box
	Button    lipgloss.Style // touch targets: "‹ Back", "▲ Up", "▼ Down"
	QR        lipgloss.Style // black modules on white, whatever the theme

	Help help.Styles
}

// palette is the handful of colours a theme is made of.
type palette struct {
	text, dim, accent, warn  lipgloss.TerminalColor
	selFg, selBg, markBg     lipgloss.TerminalColor
	headerFg, headerBg, rule lipgloss.TerminalColor
	bold                     bool // high contrast: bold everything that matters
}

func paletteFor(t render.Theme) palette {
	switch t {
	case render.Light:
		return palette{
			text: lipgloss.Color("235"), dim: lipgloss.Color("241"), accent: lipgloss.Color("25"),
			warn: lipgloss.Color("124"), selFg: lipgloss.Color("231"), selBg: lipgloss.Color("25"),
			markBg: lipgloss.Color("229"), headerFg: lipgloss.Color("231"), headerBg: lipgloss.Color("25"),
			rule: lipgloss.Color("249"),
		}
	case render.HighContrast:
		white, yellow, black := lipgloss.Color("15"), lipgloss.Color("11"), lipgloss.Color("0")
		return palette{
			text: white, dim: white, accent: yellow, warn: yellow,
			selFg: black, selBg: yellow, markBg: yellow,
			headerFg: black, headerBg: white, rule: white, bold: true,
		}
	default:
		return palette{
			text: lipgloss.Color("252"), dim: lipgloss.Color("246"), accent: lipgloss.Color("116"),
			warn: lipgloss.Color("210"), selFg: lipgloss.Color("235"), selBg: lipgloss.Color("116"),
			markBg: lipgloss.Color("60"), headerFg: lipgloss.Color("235"), headerBg: lipgloss.Color("116"),
			rule: lipgloss.Color("240"),
		}
	}
}

// NewStyles builds the styles of a theme with a renderer. The renderer's
// colour profile decides how much colour reaches the screen: with
// termenv.Ascii there is none, so nothing may depend on colour alone.
func NewStyles(lr *lipgloss.Renderer, theme render.Theme) Styles {
	p := paletteFor(theme)
	st := func() lipgloss.Style { return lr.NewStyle() }
	s := Styles{
		Header:      st().Foreground(p.headerFg).Background(p.headerBg).Bold(true),
		HeaderPlace: st().Foreground(p.headerFg).Background(p.headerBg),
		Rule:        st().Foreground(p.rule),
		Heading:     st().Foreground(p.accent).Bold(true),
		Text:        st().Foreground(p.text),
		Dim:         st().Foreground(p.dim),
		Accent:      st().Foreground(p.accent),
		MenuNumber:  st().Foreground(p.accent).Bold(true),
		Selected:    st().Foreground(p.selFg).Background(p.selBg).Bold(true),
		Unfocused:   st().Foreground(p.accent).Bold(true),
		Section:     st().Foreground(p.accent).Bold(true).Underline(true),
		Mark:        st().Background(p.markBg).Bold(true),
		Warning:     st().Foreground(p.warn).Bold(true),
		Phone:       st().Foreground(p.accent).Bold(true),
		Input:       st().Foreground(p.text),
		Cursor:      st().Reverse(true),
		Position:    st().Foreground(p.dim),
		RailStep:    st().Foreground(p.dim),
		RailCurrent: st().Foreground(p.selFg).Background(p.selBg).Bold(true),
		RailToday:   st().Foreground(p.warn).Bold(true),
		FactBox:     st().Border(lipgloss.RoundedBorder()).BorderForeground(p.accent).Padding(0, 1),
		Countdown:   st().Border(lipgloss.ThickBorder()).BorderForeground(p.warn).Padding(0, 1),
		Button:      st().Foreground(p.headerBg).Background(p.headerFg).Bold(true),
		// 16 and 231 are black and white in the 256-colour cube, which
		// terminal themes leave alone (0 and 15 are often tinted).
		QR: st().Foreground(lipgloss.Color("16")).Background(lipgloss.Color("231")),
	}
	if theme == render.HighContrast {
		s.Mark = s.Mark.Foreground(lipgloss.Color("0"))
		s.Text = s.Text.Bold(p.bold)
		s.RailStep = s.RailStep.Bold(true)
		s.Position = s.Position.Bold(true)
	}
	key := st().Foreground(p.accent).Bold(true)
	desc := st().Foreground(p.dim)
	sep := st().Foreground(p.rule)
	s.Help = help.Styles{
		Ellipsis: sep, ShortKey: key, ShortDesc: desc, ShortSeparator: sep,
		FullKey: key, FullDesc: desc, FullSeparator: sep,
	}
	return s
}
