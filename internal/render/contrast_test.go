package render

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/charmbracelet/glamour/ansi"
	"github.com/muesli/termenv"
)

func TestContrastRatio(t *testing.T) {
	for _, c := range []struct {
		a, b    string
		sixteen Sixteen
		want    float64
	}{
		{"#000000", "#ffffff", XtermColors(), 21},
		{"16", "231", XtermColors(), 21},
		{"#777777", "#777777", XtermColors(), 1},
		{"15", "1", XtermColors(), 5.84},
		{"15", "1", ConsoleColors(), 7.75},
		{"8", "0", ConsoleColors(), 2.82},
		{"124", "231", XtermColors(), 7.44},
	} {
		if got := Contrast(c.a, c.b, c.sixteen); math.Abs(got-c.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// primitives calls f with every StylePrimitive in v (a glamour style
// config), with its path.
func primitives(v reflect.Value, path string, f func(string, ansi.StylePrimitive)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			primitives(v.Elem(), path, f)
		}
	case reflect.Struct:
		if p, ok := v.Interface().(ansi.StylePrimitive); ok {
			f(path, p)
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				primitives(v.Field(i), path+"."+v.Type().Field(i).Name, f)
			}
		}
	}
}

// TestPageContrast: every colour pair of every theme's page style, in its
// 16-colour, 256-colour and true-colour forms, reaches the theme's minimum
// contrast (4.5:1 dark and light, 7:1 high contrast); on the Linux
// console's palette too. Black text is never bold.
func TestPageContrast(t *testing.T) {
	for _, theme := range []Theme{Dark, Light, HighContrast} {
		for profile, sixteens := range CheckedProfiles() {
			cfg := glamourStyle(Style{Theme: theme, Profile: profile})
			text := *cfg.Document.Color
			pairs := 0
			primitives(reflect.ValueOf(cfg), "", func(path string, p ansi.StylePrimitive) {
				fg := text
				if p.Color != nil {
					fg = *p.Color
				}
				bgs := Backgrounds(theme, profile)
				if p.BackgroundColor != nil {
					bgs = []string{*p.BackgroundColor}
				}
				bold := p.Bold != nil && *p.Bold
				if bold && (Tone{C16: fg, C256: fg, True: fg}).IsBlack(profile) {
					t.Errorf("%s %v %s: bold black", theme, profile, path)
				}
				fg = Drawn(fg, bold, profile)
				for _, bg := range bgs {
					for i, sixteen := range sixteens {
						pairs++
						if r := Contrast(fg, bg, sixteen); r < MinContrast(theme) {
							t.Errorf("%s, %v (palette %d), %s: %s on %s is %.2f:1, want %.1f", theme, profile, i, path, fg, bg, r, MinContrast(theme))
						}
					}
				}
			})
			// Inline text with a colour of its own would be drawn in it
			// inside every block, bars included.
			if cfg.Text.Color != nil {
				t.Errorf("%s %v: inline text has a colour of its own (%s), over headings and bars", theme, profile, *cfg.Text.Color)
			}
			if pairs < 25 {
				t.Errorf("%s %v: only %d pairs checked", theme, profile, pairs)
			}
		}
	}
}

// TestPageLevels: the three levels of help each have a style of their own,
// apart from ordinary headings, and Emergency is a bar.
func TestPageLevels(t *testing.T) {
	for _, theme := range []Theme{Dark, Light, HighContrast} {
		for profile := range CheckedProfiles() {
			c := glamourStyle(Style{Theme: theme, Profile: profile})
			name := fmt.Sprintf("%s %v", theme, profile)
			if c.H4.BackgroundColor == nil || c.H4.Color == nil {
				t.Errorf("%s: Emergency (H4) is not a bar", name)
			}
			if c.H5.Underline == nil || !*c.H5.Underline {
				t.Errorf("%s: Today (H5) should be underlined, to stand out without colour", name)
			}
			for _, h := range []ansi.StyleBlock{c.H4, c.H5, c.H6} {
				if h.Prefix == "#### " || h.Prefix == "##### " || h.Prefix == "###### " {
					t.Errorf("%s: a level shows its Markdown marks", name)
				}
			}
			if c.H4.Color != nil && c.H2.Color != nil && *c.H4.BackgroundColor == *c.H2.Color {
				t.Errorf("%s: Emergency has the colour of ordinary headings", name)
			}
		}
	}
	mono := glamourStyle(Style{Theme: Mono, Profile: termenv.ANSI})
	if mono.H4.Inverse == nil || !*mono.H4.Inverse || mono.H4.Color != nil {
		t.Errorf("without colour, Emergency should be reversed and colourless")
	}
}
