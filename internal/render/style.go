package render

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"
)

// Theme is a colour scheme for pages and for the app around them.
type Theme string

const (
	Dark         Theme = "dark"
	Light        Theme = "light"
	HighContrast Theme = "high-contrast"
)

// Themes lists the themes a user can choose.
func Themes() []Theme { return []Theme{Dark, Light, HighContrast} }

// ParseTheme checks a theme name.
func ParseTheme(s string) (Theme, error) {
	var names []string
	for _, t := range Themes() {
		if string(t) == s {
			return t, nil
		}
		names = append(names, string(t))
	}
	last := len(names) - 1
	return "", fmt.Errorf("%q is not a theme (use %s or %s)", s, strings.Join(names[:last], ", "), names[last])
}

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
	switch s.Theme {
	case Light:
		return withoutHeadingMarks(styles.LightStyleConfig)
	case HighContrast:
		return withoutHeadingMarks(highContrast())
	default:
		return withoutHeadingMarks(styles.DarkStyleConfig)
	}
}

// withoutHeadingMarks drops the "## " glamour puts before headings: to a
// patient it looks like broken markup. Colour and bold mark headings instead.
func withoutHeadingMarks(c ansi.StyleConfig) ansi.StyleConfig {
	for _, h := range []*ansi.StyleBlock{&c.H2, &c.H3, &c.H4, &c.H5, &c.H6} {
		h.Prefix = ""
		h.Bold = func() *bool { b := true; return &b }()
	}
	return c
}

// highContrast is a style for low-vision readers: bright white text on the
// terminal's background, bold yellow headings, underlined cyan links, and no
// dim greys anywhere.
func highContrast() ansi.StyleConfig {
	c := styles.DarkStyleConfig
	str := func(s string) *string { return &s }
	yes := func() *bool { b := true; return &b }
	white, yellow, cyan := str("15"), str("11"), str("14")

	c.Document.Color = white
	c.Document.BackgroundColor = nil
	c.Paragraph.Color = white
	c.Text.Color = white
	c.BlockQuote.Color = white
	c.BlockQuote.IndentToken = str("┃ ")
	c.List.Color = white
	c.Item.Color = white
	c.Enumeration.Color = white
	c.Heading.Color = yellow
	c.Heading.Bold = yes()
	c.H1.Color = str("0")
	c.H1.BackgroundColor = yellow
	c.H1.Bold = yes()
	for _, h := range []*ansi.StyleBlock{&c.H2, &c.H3, &c.H4, &c.H5, &c.H6} {
		h.Color = yellow
		h.Bold = yes()
	}
	c.Strong.Color = yellow
	c.Strong.Bold = yes()
	c.Emph.Color = white
	c.Emph.Underline = yes()
	c.HorizontalRule.Color = white
	c.Link.Color = cyan
	c.Link.Underline = yes()
	c.LinkText.Color = cyan
	c.LinkText.Bold = yes()
	c.Code.Color = yellow
	c.Code.BackgroundColor = nil
	c.CodeBlock.Color = white
	return c
}

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
