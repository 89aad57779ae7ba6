package render

import (
	"math"
	"strconv"
	"strings"

	"github.com/muesli/termenv"
)

// Sixteen is a terminal's first 16 colours (#rrggbb each). They differ
// between terminals, so 16-colour forms are checked against more than one.
type Sixteen [16]string

// XtermColors is xterm's default 16 colours.
func XtermColors() Sixteen {
	var s Sixteen
	for i := range s {
		s[i] = Hex256(i)
	}
	return s
}

// ConsoleColors is the Linux console's (and VGA's) 16 colours, what a
// kiosk on tty1 (TERM=linux) shows.
func ConsoleColors() Sixteen {
	return Sixteen{"#000000", "#aa0000", "#00aa00", "#aa5500", "#0000aa", "#aa00aa", "#00aaaa", "#aaaaaa",
		"#555555", "#ff5555", "#55ff55", "#ffff55", "#5555ff", "#ff55ff", "#55ffff", "#ffffff"}
}

// Contrast is the WCAG 2 contrast ratio (1 to 21) of two colours, each a
// palette index ("0"-"255", the first 16 taken from sixteen) or "#rrggbb".
func Contrast(a, b string, sixteen Sixteen) float64 {
	la, lb := luminance(hexOf(a, sixteen)), luminance(hexOf(b, sixteen))
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func hexOf(c string, sixteen Sixteen) string {
	if strings.HasPrefix(c, "#") {
		return c
	}
	n, err := strconv.Atoi(c)
	if err != nil || n < 0 || n > 255 {
		return "#000000"
	}
	if n < 16 {
		return sixteen[n]
	}
	return Hex256(n)
}

// luminance is the WCAG relative luminance of #rrggbb.
func luminance(hex string) float64 {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil {
		return 0
	}
	lin := func(c uint64) float64 {
		s := float64(c) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(v>>16&255) + 0.7152*lin(v>>8&255) + 0.0722*lin(v&255)
}

// MinContrast is what a theme must reach for every pair it uses: WCAG AA
// for dark and light, AAA for high contrast.
func MinContrast(t Theme) float64 {
	if t == HighContrast {
		return 7
	}
	return 4.5
}

// Backgrounds are what text of a theme is drawn on where it sets no
// background of its own: its painted background, or for dark (which
// leaves the terminal's) black and a dark grey.
func Backgrounds(t Theme, p termenv.Profile) []string {
	if bg := PaletteFor(t).Bg.For(p); bg != "" {
		return []string{bg}
	}
	switch p {
	case termenv.ANSI:
		return []string{"0"}
	case termenv.ANSI256:
		return []string{"16", "235"}
	}
	return []string{"#000000", "#262626"}
}

// Profiles are the colour forms every theme is checked in, with the
// 16-colour palettes it must read well on.
func CheckedProfiles() map[termenv.Profile][]Sixteen {
	return map[termenv.Profile][]Sixteen{
		termenv.ANSI:      {XtermColors(), ConsoleColors()},
		termenv.ANSI256:   {XtermColors()},
		termenv.TrueColor: {XtermColors()},
	}
}

// Drawn is the colour a terminal draws text in: in 16 colours, bold text
// in colours 0-7 comes out in the bright colour 8 higher (the Linux
// console, xterm).
func Drawn(fg string, bold bool, p termenv.Profile) string {
	if p == termenv.ANSI && bold && len(fg) == 1 && fg[0] >= '0' && fg[0] <= '7' {
		return strconv.Itoa(int(fg[0]-'0') + 8)
	}
	return fg
}
