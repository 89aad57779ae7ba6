// Package theme names the colour schemes of the app: a small typed value
// that the configuration checks and the renderers draw with. It has no
// rendering code behind it, so checking a name costs no glamour or chroma.
package theme

import (
	"fmt"
	"strings"
)

// Theme is a colour scheme for pages and for the app around them.
type Theme string

const (
	// Auto is dark or light, whichever suits the terminal's background
	// (see Resolve); it is the default.
	Auto         Theme = "auto"
	Dark         Theme = "dark"
	Light        Theme = "light"
	HighContrast Theme = "high-contrast"
	// Mono is no colour at all, with bold, underline and reverse still
	// marking headings, the selection and the levels of help: what the
	// app shows when NO_COLOR is set. It is not a choice in the config.
	Mono Theme = "mono"
)

// Choices lists the themes a user can choose.
func Choices() []Theme { return []Theme{Auto, Dark, Light, HighContrast} }

// Parse checks a theme name.
func Parse(s string) (Theme, error) {
	var names []string
	for _, t := range Choices() {
		if string(t) == s {
			return t, nil
		}
		names = append(names, string(t))
	}
	last := len(names) - 1
	return "", fmt.Errorf("%q is not a theme (use %s or %s)", s, strings.Join(names[:last], ", "), names[last])
}

// Resolve turns Auto into Dark or Light by the terminal's background
// (darkBackground is asked only for Auto, so it may query the terminal);
// other themes stay as they are.
func (t Theme) Resolve(darkBackground func() bool) Theme {
	if t != Auto && t != "" {
		return t
	}
	if darkBackground == nil || darkBackground() {
		return Dark
	}
	return Light
}
