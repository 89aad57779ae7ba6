package tui

import (
	"io"
	"reflect"
	"strconv"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/render"
)

// colourIn is the colour a lipgloss colour becomes in a profile: a palette
// index or #rrggbb, "" for none.
func colourIn(c lipgloss.TerminalColor, p termenv.Profile) string {
	switch c := c.(type) {
	case lipgloss.CompleteColor:
		return render.Tone{True: c.TrueColor, C256: c.ANSI256, C16: c.ANSI}.For(p)
	case lipgloss.Color:
		switch tc := p.Color(string(c)).(type) {
		case termenv.ANSIColor:
			return strconv.Itoa(int(tc))
		case termenv.ANSI256Color:
			return strconv.Itoa(int(tc))
		case termenv.RGBColor:
			return string(tc)
		}
	}
	return ""
}

// styleFields calls f with every lipgloss.Style in Styles, help's included.
func styleFields(v reflect.Value, path string, f func(string, lipgloss.Style)) {
	if st, ok := v.Interface().(Style); ok {
		f(path, st.Style)
		return
	}
	if st, ok := v.Interface().(lipgloss.Style); ok {
		f(path, st)
		return
	}
	if v.Kind() == reflect.Struct {
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				styleFields(v.Field(i), path+"."+v.Type().Field(i).Name, f)
			}
		}
	}
}

// TestStylesContrast: every foreground/background pair of the app's
// styles (text on its own or the theme's background, frames on the
// theme's background), in every theme and colour form, reaches 4.5:1
// (7:1 in high contrast), on the xterm and the Linux console palettes,
// counting bold text in colours 0-7 as the bright colour it is drawn in.
// Black text is never bold.
func TestStylesContrast(t *testing.T) {
	for _, theme := range []render.Theme{render.Dark, render.Light, render.HighContrast} {
		for profile, sixteens := range render.CheckedProfiles() {
			lr := lipgloss.NewRenderer(io.Discard)
			lr.SetColorProfile(profile)
			s := NewStyles(lr, theme)
			text := render.PaletteFor(theme).Text.For(profile)
			pairs := 0
			styleFields(reflect.ValueOf(s), "", func(path string, st lipgloss.Style) {
				fg, bg := colourIn(st.GetForeground(), profile), colourIn(st.GetBackground(), profile)
				border := colourIn(st.GetBorderTopForeground(), profile)
				if fg == "" && bg == "" && border == "" {
					return
				}
				if fg == "" {
					fg = text
				}
				if st.GetBold() && (render.Tone{C16: fg, C256: fg, True: fg}).IsBlack(profile) {
					t.Errorf("%s %v %s: bold black", theme, profile, path)
				}
				bgs := render.Backgrounds(theme, profile)
				if bg != "" {
					bgs = []string{bg}
				}
				fgs := []string{render.Drawn(fg, st.GetBold(), profile)}
				if border != "" {
					fgs = append(fgs, border)
					bgs = render.Backgrounds(theme, profile)
				}
				for _, fg := range fgs {
					for _, bg := range bgs {
						for i, sixteen := range sixteens {
							pairs++
							if r := render.Contrast(fg, bg, sixteen); r < render.MinContrast(theme) {
								t.Errorf("%s, %v (palette %d), %s: %s on %s is %.2f:1, want %.1f", theme, profile, i, path, fg, bg, r, render.MinContrast(theme))
							}
						}
					}
				}
			})
			if pairs < 25 {
				t.Errorf("%s %v: only %d pairs checked", theme, profile, pairs)
			}
		}
	}
}

// TestMonoKeepsAttributes: without colour (NO_COLOR) the header, the
// selection and Emergency are reversed and headings bold, so they still
// stand out; no style has a colour.
func TestMonoKeepsAttributes(t *testing.T) {
	lr := lipgloss.NewRenderer(io.Discard)
	lr.SetColorProfile(termenv.ANSI)
	s := NewStyles(lr, render.Mono)
	for name, st := range map[string]Style{"header": s.Header, "selected": s.Selected, "emergency": s.Emergency, "rail": s.RailCurrent} {
		if !st.GetReverse() {
			t.Errorf("%s is not reversed without colour", name)
		}
	}
	if !s.Heading.GetBold() || !s.Section.GetUnderline() || !s.Urgent.GetUnderline() {
		t.Errorf("headings lost bold or underline without colour")
	}
	styleFields(reflect.ValueOf(s), "", func(path string, st lipgloss.Style) {
		if path == ".QR" {
			return // black on white by design; drawn in text without colour (see qrProfile)
		}
		if colourIn(st.GetForeground(), termenv.ANSI) != "" || colourIn(st.GetBackground(), termenv.ANSI) != "" {
			t.Errorf("%s has a colour in the Mono theme", path)
		}
	})
}
