package tui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/race"
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

// High contrast is for low-vision readers: white, cyan and yellow on a
// painted black, never a grey (the 256-colour greys, 7 or 8).
func TestHighContrastHasNoGreys(t *testing.T) {
	race.SkipSerial(t)
	opts := testOptions()
	opts.Theme = render.HighContrast
	opts.Profile = termenv.ANSI256
	opts.Treated = treatedDaysAgo(2)
	grey := map[string]bool{"7": true, "8": true, "59": true, "102": true, "145": true, "188": true}
	for n := 232; n <= 255; n++ {
		grey[strconv.Itoa(n)] = true
	}
	for _, sc := range screenScripts {
		m := drive(newTestModel(t, opts), size(120, 40))
		m = drive(m, keys(sc.script)...)
		for c := range colours(m.View()) {
			if grey[c] {
				t.Errorf("%s: grey %s in high contrast", sc.name, c)
			}
		}
	}
}

// Without colour nothing but text reaches the screen.
func TestASCIIHasNoEscapes(t *testing.T) {
	race.SkipSerial(t)
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

var sgr = regexp.MustCompile(`\x1b\[([0-9;]*)m`)

// NO_COLOR (the Mono theme) removes colour only: frames have no colour
// codes, but the header and the selection are still reversed and headings
// bold.
func TestMonoFrames(t *testing.T) {
	race.SkipSerial(t)
	opts := testOptions()
	opts.Theme, opts.Profile = render.Mono, termenv.ANSI
	opts.Treated = treatedDaysAgo(2)
	for _, sc := range screenScripts {
		m := drive(newTestModel(t, opts), size(100, 30))
		m = drive(m, keys(sc.script)...)
		view := m.View()
		attrs := map[string]bool{}
		for _, seq := range sgr.FindAllStringSubmatch(view, -1) {
			for _, code := range strings.Split(seq[1], ";") {
				n, _ := strconv.Atoi(code)
				if (n >= 30 && n <= 49) || (n >= 90 && n <= 107) {
					t.Fatalf("%s: colour code %q without colour", sc.name, seq[0])
				}
				attrs[code] = true
			}
		}
		if !attrs["7"] || !attrs["1"] {
			t.Errorf("%s: without colour the frame should still use reverse (7) and bold (1); got %v", sc.name, attrs)
		}
	}
}
