package render

import (
	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/theme"
)

// Theme is a colour scheme for pages and for the app around them. The
// names live in package theme, which the configuration uses without
// depending on glamour; they are repeated here for the renderers' callers.
type Theme = theme.Theme

const (
	Auto         = theme.Auto
	Dark         = theme.Dark
	Light        = theme.Light
	HighContrast = theme.HighContrast
	Mono         = theme.Mono
)

// Themes lists the themes a user can choose.
func Themes() []Theme { return theme.Choices() }

// Style is what a page is rendered with: a theme and the colour profile of
// the terminal it is shown on. termenv.Ascii means no colour at all.
type Style struct {
	Theme   Theme
	Profile termenv.Profile
}

// Plain is the style for screen readers, printers and pipes.
func Plain() Style { return Style{Theme: Dark, Profile: termenv.Ascii} }

// glamourStyle returns the glamour style config for a Style. It never
// queries the terminal.
func glamourStyle(s Style) ansi.StyleConfig {
	if s.Profile == termenv.Ascii {
		return plain()
	}
	return themed(PaletteFor(s.Theme.Resolve(nil)), s.Profile, s.Theme == Mono)
}

// themed is glamour's dark style (its margins, bullets and indents) with
// every colour taken from a palette in the form for a profile, and no
// syntax highlighting (its colours are not the theme's and nobody checks
// them). Headings carry no "## " marks: to a patient they look like broken
// markup. H4-H6 are reserved for the three levels of help.
func themed(p Palette, profile termenv.Profile, mono bool) ansi.StyleConfig {
	c := styles.DarkStyleConfig
	col := func(t Tone) *string {
		if v := t.For(profile); v != "" {
			return &v
		}
		return nil
	}
	yes := func() *bool { b := true; return &b }
	no := func() *bool { b := false; return &b }
	// Bold where it keeps the colour (see Tone.CanBold).
	bold := func(fg Tone) *bool {
		if fg.CanBold(profile) {
			return yes()
		}
		return no()
	}
	// underline marks what bold would have where bold cannot be used.
	underline := func(fg Tone) *bool {
		if fg.CanBold(profile) {
			return nil
		}
		return yes()
	}
	text := col(p.Text)

	c.Document.Color = text
	c.Document.BackgroundColor = nil
	c.Paragraph.Color = text
	// Text (glamour's inline text) takes its colour from the block it is
	// in: given one, it would paint body colour over the headings.
	c.Text.Color = nil
	c.BlockQuote.Color = text
	c.BlockQuote.IndentToken = ptr("┃ ")
	c.List.Color = text
	c.Item.Color = text
	c.Enumeration.Color = text
	c.Task.Color = text
	c.Table.Color = text
	c.DefinitionList.Color = text
	c.DefinitionTerm.Color = text
	c.DefinitionDescription.Color = text
	c.HTMLBlock.Color = text
	c.HTMLSpan.Color = text

	c.Heading.Color = col(p.Accent)
	c.Heading.Bold, c.Heading.Underline = bold(p.Accent), underline(p.Accent)
	c.H1.Color, c.H1.BackgroundColor, c.H1.Bold = col(p.TitleFg), col(p.TitleBg), bold(p.TitleFg)
	for _, h := range []*ansi.StyleBlock{&c.H2, &c.H3} {
		h.Prefix = ""
		h.Color, h.Bold, h.Underline = col(p.Accent), bold(p.Accent), underline(p.Accent)
	}
	if mono {
		c.H1.Inverse = yes()
		c.H2.Underline = yes()
	}
	// Emergency: a bar of its own, the most prominent thing on the page.
	c.H4.Prefix, c.H4.Suffix = " ", " "
	c.H4.Color, c.H4.BackgroundColor, c.H4.Bold = col(p.EmergencyFg), col(p.EmergencyBg), bold(p.EmergencyFg)
	if mono {
		c.H4.Inverse = yes()
	}
	// Get medical advice today: urgent, underlined so that it stands out
	// without colour too.
	c.H5.Prefix = ""
	c.H5.Color, c.H5.Bold, c.H5.Underline = col(p.Urgent), bold(p.Urgent), yes()
	// Call in opening hours: calm, an ordinary heading.
	c.H6.Prefix = ""
	c.H6.Color, c.H6.Bold, c.H6.Underline = col(p.Calm), bold(p.Calm), underline(p.Calm)

	c.Strong.Color, c.Strong.Bold, c.Strong.Underline = nil, bold(p.Text), underline(p.Text)
	c.Emph.Color, c.Emph.Italic = nil, yes()
	c.Strikethrough.Color = nil
	c.HorizontalRule.Color = col(p.Rule)
	c.Link.Color, c.Link.Underline = col(p.Link), yes()
	c.LinkText.Color, c.LinkText.Bold = col(p.Link), bold(p.Link)
	c.Item.Bold, c.Enumeration.Bold = nil, nil
	c.Image.Color, c.Image.Underline = col(p.Link), yes()
	c.ImageText.Color = col(p.Dim)
	c.Code.Color, c.Code.BackgroundColor = col(p.Code), nil
	c.CodeBlock.Color = col(p.Text)
	c.CodeBlock.Chroma = nil
	return c
}

func ptr(s string) *string { return &s }

// plain is the style with no colour: glamour's notty style without the
// Markdown markers it leaves in (# before headings, * around emphasis),
// which a screen reader would read out and a printout does not need.
func plain() ansi.StyleConfig {
	c := styles.NoTTYStyleConfig
	for _, h := range []*ansi.StyleBlock{&c.H1, &c.H2, &c.H3, &c.H4, &c.H5, &c.H6} {
		h.Prefix = ""
	}
	c.Emph = ansi.StylePrimitive{}
	c.Strong = ansi.StylePrimitive{}
	c.Strikethrough = ansi.StylePrimitive{}
	return c
}
