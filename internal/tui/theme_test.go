package tui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/render"
)

var colourCode = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// colours returns the 256-colour indexes a frame uses, foreground and
// background.
func colours(view string) map[string]bool {
	out := map[string]bool{}
	for _, seq := range colourCode.FindAllString(view, -1) {
		codes := strings.Split(strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b["), "m"), ";")
		for i := 0; i+2 < len(codes); i++ {
			if (codes[i] == "38" || codes[i] == "48") && codes[i+1] == "5" {
				out[codes[i+2]] = true
				i += 2
			}
		}
	}
	return out
}

// High contrast is for low-vision readers: bright white, yellow (and cyan
// links) on black, never a dim grey.
func TestHighContrastHasNoGreys(t *testing.T) {
	opts := testOptions()
	opts.Theme = render.HighContrast
	opts.Profile = termenv.ANSI256
	opts.Treated = treatedDaysAgo(2)
	allowed := map[string]bool{"0": true, "11": true, "14": true, "15": true}
	for _, sc := range screenScripts {
		m := drive(newTestModel(t, opts), size(120, 40))
		m = drive(m, keys(sc.script)...)
		for c := range colours(m.View()) {
			if !allowed[c] {
				t.Errorf("%s: colour %s in high contrast", sc.name, c)
			}
		}
	}
}

// Without colour nothing but text reaches the screen.
func TestASCIIHasNoEscapes(t *testing.T) {
	opts := testOptions()
	opts.Treated = treatedDaysAgo(2)
	for _, sc := range screenScripts {
		m := drive(newTestModel(t, opts), size(120, 40))
		m = drive(m, keys(sc.script)...)
		if strings.Contains(m.View(), "\x1b") {
			t.Errorf("%s: escape sequences with the Ascii profile", sc.name)
		}
	}
}

// Each theme draws the chrome in its own colours.
func TestThemesDiffer(t *testing.T) {
	views := map[render.Theme]string{}
	for _, th := range render.Themes() {
		opts := testOptions()
		opts.Theme, opts.Profile = th, termenv.ANSI256
		m := drive(newTestModel(t, opts), size(80, 24), press("1"))
		views[th] = m.View()
	}
	if views[render.Dark] == views[render.Light] || views[render.Dark] == views[render.HighContrast] || views[render.Light] == views[render.HighContrast] {
		t.Errorf("the three themes should look different")
	}
}
