package tui

import (
	"fmt"
	"io"
	"reflect"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/race"
	"github.com/skinguide/skinguide/internal/render"
)

var allProfiles = []termenv.Profile{termenv.Ascii, termenv.ANSI, termenv.ANSI256, termenv.TrueColor}

var profileNames = map[termenv.Profile]string{termenv.Ascii: "ascii", termenv.ANSI: "ansi", termenv.ANSI256: "ansi256", termenv.TrueColor: "truecolor"}

var allThemes = []render.Theme{render.Dark, render.Light, render.HighContrast, render.Mono}

// eachStyle calls f with every Style of s, by field name.
func eachStyle(s *Styles, f func(name string, st *Style)) {
	v := reflect.ValueOf(s).Elem()
	for i := range v.NumField() {
		if st, ok := v.Field(i).Addr().Interface().(*Style); ok {
			f(v.Type().Field(i).Name, st)
		}
	}
}

// TestStyleRenderIsLipgloss: every style of every theme, in every colour
// form, draws what lipgloss draws, whatever the text.
func TestStyleRenderIsLipgloss(t *testing.T) {
	texts := []string{
		"", " ", "x", "About this guide", "  two  spaces ", "› Day 2 · What is normal?",
		"café\u00a0crème", "日本語テキスト", "\x1b[1mbold\x1b[0m", "bad \xff byte",
		"line one\nline two", "tab\there", "cr\r\n", "👩‍⚕️ nurse",
	}
	fast := 0
	for _, theme := range allThemes {
		for _, profile := range allProfiles {
			lr := lipgloss.NewRenderer(io.Discard)
			lr.SetColorProfile(profile)
			s := NewStyles(lr, theme)
			eachStyle(&s, func(name string, st *Style) {
				if st.line != nil {
					fast++
				}
				for _, text := range texts {
					if got, want := st.Render(text), st.Style.Render(text); got != want {
						t.Errorf("%v %v %s.Render(%q) = %q, lipgloss: %q", theme, profile, name, text, got, want)
					}
				}
			})
		}
	}
	if fast == 0 {
		t.Fatal("no style skips lipgloss's work")
	}
}

// lipglossStyles makes every style of s go through lipgloss, as before
// Style worked their sequences out once.
func lipglossStyles(s *Styles) {
	eachStyle(s, func(_ string, st *Style) { *st = Style{Style: st.Style} })
}

// TestFramesAreLipgloss: every screen and every shipped page, at a few
// sizes and in every theme, is drawn exactly as it was with lipgloss
// working out each style at every Render.
func TestFramesAreLipgloss(t *testing.T) {
	race.SkipSerial(t)
	g := loadGuide(t)
	walk := keys(sessionWalk)
	walk = append(walk, keys("esc 1 enter")...)
	for range g.FAQ {
		walk = append(walk, press("n"))
	}
	walk = append(walk, keys("esc esc esc 2")...)
	for range g.Timeline {
		walk = append(walk, press("right"))
	}
	walk = append(walk, keys("enter esc esc 3 esc 4 esc 5 esc / s u n down down esc esc ! esc")...)
	type run struct {
		w, h    int
		theme   render.Theme
		profile termenv.Profile
		kiosk   bool
	}
	// Every theme; every colour form once; the split FAQ view; kiosk mode
	// (touch buttons, the attract screen).
	runs := []run{
		{80, 24, render.Dark, termenv.ANSI, false},
		{80, 24, render.Dark, termenv.ANSI256, false},
		{80, 24, render.Dark, termenv.TrueColor, false},
		{80, 24, render.Light, termenv.TrueColor, false},
		{80, 24, render.HighContrast, termenv.ANSI256, false},
		{80, 24, render.Mono, termenv.ANSI, false},
		{160, 48, render.Dark, termenv.ANSI256, false},
		{100, 30, render.Light, termenv.ANSI256, true},
	}
	for _, c := range runs {
		t.Run(fmt.Sprintf("%dx%d/%v/%s/kiosk=%v", c.w, c.h, c.theme, profileNames[c.profile], c.kiosk), func(t *testing.T) {
			r := render.New(g)
			model := func() Model {
				opts := testOptions()
				opts.Theme, opts.Profile, opts.Kiosk = c.theme, c.profile, c.kiosk
				m := instantTicks(New(g, r, lipgloss.NewRenderer(io.Discard), opts, fakeClock{testNow()}))
				runCmd(m.Init())
				return drive(m, size(c.w, c.h))
			}
			fast, slow := model(), model()
			lipglossStyles(slow.sh.styles)
			for i, msg := range walk {
				fast, slow = drive(fast, msg), drive(slow, msg)
				if a, b := fast.View(), slow.View(); a != b {
					t.Fatalf("key %d (%v): frames differ\nStyle:\n%s\nlipgloss:\n%s", i, msg, a, b)
				}
			}
		})
	}
}

// TestBarIsBubblesHelp: the hint bar is what bubbles' help draws for the
// hints that fit, on every screen, in every theme and colour form.
func TestBarIsBubblesHelp(t *testing.T) {
	g := loadGuide(t)
	for _, theme := range allThemes {
		for _, profile := range allProfiles {
			opts := testOptions()
			opts.Theme, opts.Profile = theme, profile
			m := New(g, render.New(g), lipgloss.NewRenderer(io.Discard), opts, fakeClock{testNow()})
			m = drive(m, size(80, 24))
			for id := range m.screens {
				keys := m.screens[id].help(m.sh.keys.Global)
				for _, w := range []int{0, 10, 30, 60, 80, 200} {
					if got, want := m.help.bar(keys, w), bubblesBar(m.help, keys, w); got != want {
						t.Errorf("%v %s screen %d width %d: bar %q, bubbles %q", theme, profileNames[profile], id, w, got, want)
					}
				}
			}
		}
	}
}

// bubblesBar is the bar as help.Model draws it.
func bubblesBar(h helpModel, keys helpKeys, w int) string {
	h.bubble.Width = 0
	sep := ansiWidth(h.bubble.ShortSeparator)
	var shown []key.Binding
	used := 0
	for _, b := range keys.ShortHelp() {
		if !b.Enabled() {
			continue
		}
		n := ansiWidth(b.Help().Key) + 1 + ansiWidth(b.Help().Desc)
		if len(shown) > 0 {
			n += sep
		}
		if used+n > w {
			break
		}
		shown = append(shown, b)
		used += n
	}
	return truncate(h.bubble.ShortHelpView(shown), w)
}
