package tui

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/race"
	"github.com/skinguide/skinguide/internal/render"
)

// langGuide is the built-in guide in lang, with its translations attached
// (so Home shows the language switch) and the warning signs expanded.
func langGuide(tb testing.TB, lang string, opts Options) *content.Guide {
	tb.Helper()
	g, ps := content.Load(embedded.FS(), lang)
	if ps.Errors() > 0 {
		tb.Fatalf("%s: %v", lang, ps.Err())
	}
	content.WithTranslations(embedded.FS(), g)
	content.Expand(g, opts.Clinic.Numbers())
	return g
}

func langModel(tb testing.TB, lang string, opts Options, clock Clock) Model {
	tb.Helper()
	g := langGuide(tb, lang, opts)
	return New(g, render.New(g), lipgloss.NewRenderer(io.Discard), opts, clock)
}

var esTxt = newTexts(content.BuiltinUI("es"))

// TestGoldenSpanish: Home, an answer, a timeline step (with a treatment
// date), When to call us and "Is this normal?" in Spanish at 80x24.
func TestGoldenSpanish(t *testing.T) {
	cases := []struct {
		name, script string
		treated      bool
		wait         string
	}{
		{"es-home", "", false, "Conozca el microneedling"},
		{"es-faq-answer", "1 down enter", false, "Paso a paso"},
		{"es-timeline-today", "2", true, "Día 2 después del tratamiento"},
		{"es-call-us", "3", false, "Emergencia: llame ya"},
		{"es-normal", "4", false, "¿Cuántos días hace"},
		{"es-normal-answer", "4 2 enter 1 end enter 1", false, "Normal en el día 2"},
	}
	for _, c := range cases {
		t.Run(c.name+"_80x24", func(t *testing.T) {
			t.Parallel()
			opts := testOptions()
			if c.treated {
				opts.Treated = treatedDaysAgo(2)
			}
			tm := teatest.NewTestModel(t, langModel(t, "es", opts, fakeClock{testNow()}), teatest.WithInitialTermSize(80, 24))
			goldenFinish(t, tm, 80, 24, c.script, c.wait)
		})
	}
}

// Spanish runs about 20% longer than English: every screen still fits at
// every size from 40x12 to 250x80.
func TestEveryScreenFitsSpanish(t *testing.T) {
	race.SkipSerial(t)
	opts := testOptions()
	opts.Treated = treatedDaysAgo(2)
	base := langModel(t, "es", opts, fakeClock{testNow()})
	for _, sc := range screenScripts {
		t.Run(sc.name, func(t *testing.T) {
			m := drive(base, size(80, 24))
			m = drive(m, keys(sc.script)...)
			for _, sz := range fitSizes() {
				m = drive(m, size(sz[0], sz[1]))
				checkFits(t, m.View(), sz[0], sz[1], "es "+sc.name)
				if strings.Contains(m.View(), esTxt.TooSmall[0]) {
					t.Fatalf("%s at %dx%d asks for a bigger window", sc.name, sz[0], sz[1])
				}
			}
		})
	}
}

// A walk on the kiosk's attract screen: L switches to Spanish and back, a
// touch on "Español" switches too, and an idle reset returns to the
// configured language (English) with nothing of the last patient left.
func TestLanguageSwitchOnAttractScreen(t *testing.T) {
	opts := testOptions()
	opts.Kiosk = true
	clock := &movingClock{t: testNow()}
	m := langModel(t, "en", opts, clock)
	m.sh.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	m.Init()
	m = drive(m, size(80, 24))
	view := plain(m.View())
	if !strings.Contains(view, "English") || !strings.Contains(view, "Español") || !strings.Contains(view, enTxt.MenuFAQ) {
		t.Fatalf("the attract screen shows no language switch:\n%s", view)
	}
	m = drive(m, press("L"))
	if view = plain(m.View()); !strings.Contains(view, esTxt.MenuFAQ) || !strings.Contains(view, esTxt.HomeHintTouch) {
		t.Fatalf("L did not switch to Spanish:\n%s", view)
	}
	m = drive(m, press("L"))
	if view = plain(m.View()); !strings.Contains(view, enTxt.MenuFAQ) {
		t.Fatalf("L did not switch back to English:\n%s", view)
	}
	// One touch on the name "Español".
	lay := m.home().layout()
	if lay.langRow < 0 || len(lay.langX) != 2 {
		t.Fatalf("no switch in the layout: %+v", lay)
	}
	m = drive(m, tea.MouseMsg{X: lay.langX[1] + 2, Y: bodyTop + lay.langRow, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if view = plain(m.View()); !strings.Contains(view, esTxt.MenuFAQ) {
		t.Fatalf("a touch on Español did not switch:\n%s", view)
	}
	// A touch on the language on screen changes nothing.
	m = drive(m, tea.MouseMsg{X: lay.langX[1] + 2, Y: bodyTop + lay.langRow, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if view = plain(m.View()); !strings.Contains(view, esTxt.MenuFAQ) {
		t.Fatalf("a touch on the current language switched away:\n%s", view)
	}
	// The next patient reads in Spanish, then walks away.
	m = drive(m, press("3"))
	if view = plain(m.View()); !strings.Contains(view, "Emergencia: llame ya") {
		t.Fatalf("When to call us is not in Spanish:\n%s", view)
	}
	clock.set(3*time.Minute + 31*time.Second)
	for i := 0; i < 3 && m.top() != screenHome; i++ {
		m = drive(m, idleTickMsg{m.idleSeq})
	}
	if m.top() != screenHome {
		t.Fatalf("the idle reset did not return Home")
	}
	if view = plain(m.View()); !strings.Contains(view, enTxt.MenuFAQ) || strings.Contains(view, esTxt.MenuFAQ) {
		t.Fatalf("after the idle reset the kiosk is not back in English:\n%s", view)
	}
}

// Outside kiosk mode the switch is the same, and the chosen language stays
// on every screen (search, help) until switched again.
func TestLanguageSwitchEveryScreen(t *testing.T) {
	m := drive(langModel(t, "en", testOptions(), fakeClock{testNow()}), size(80, 24), press("L"))
	for _, sc := range []struct{ script, want string }{
		{"/ sol", esTxt.PlaceSearch},
		{"?", esTxt.HelpTitle},
		{"2", "Pulse t para escribir"},
	} {
		v := plain(drive(m, keys(sc.script)...).View())
		if !strings.Contains(v, sc.want) {
			t.Errorf("%q in Spanish lacks %q:\n%s", sc.script, sc.want, v)
		}
	}
	// With one language there is no switch, and L does nothing.
	one := drive(newTestModel(t, testOptions()), size(80, 24))
	if v := plain(drive(one, press("L")).View()); strings.Contains(v, "Español") || !strings.Contains(v, enTxt.MenuFAQ) {
		t.Errorf("a guide with one language shows a switch:\n%s", v)
	}
}

// Both date boxes show ui.yaml's example in the guide's language: the
// timeline's said "2026-11-20 or 3" in Spanish too, and the checker's a
// bare "3" under the cursor, which read as a day already typed.
func TestDateBoxesShowTheLanguagesExample(t *testing.T) {
	for lang, want := range map[string]string{"en": "2026-11-20 or 3", "es": "20/11/2026 o 3"} {
		m := drive(langModel(t, lang, testOptions(), fakeClock{testNow()}), size(80, 24), press("2"), press("t"))
		if box := boxLine(m); !strings.Contains(box, want) {
			t.Errorf("%s timeline: the date box should show %q: %q", lang, want, box)
		}
		m = drive(langModel(t, lang, testOptions(), fakeClock{testNow()}), size(80, 24), press("4"))
		if box := boxLine(m); !strings.Contains(box, want) {
			t.Errorf("%s checker: the day box should show %q: %q", lang, want, box)
		}
	}
}

// boxLine is the line of the screen with a text box's prompt.
func boxLine(m Model) string {
	for _, l := range strings.Split(plain(m.View()), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "> ") {
			return l
		}
	}
	return ""
}
