package tui

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"rsc.io/qr"

	"github.com/skinguide/skinguide/internal/render"
)

const testSite = "https://riverside.example/aftercare"

// readQR turns drawn half blocks back into modules, as a camera would see
// them: true for dark.
func readQR(rows []string, inverted bool) [][]bool {
	var grid [][]bool
	for _, r := range rows {
		top, bottom := []bool{}, []bool{}
		for _, c := range ansi.Strip(r) {
			t := c == '█' || c == '▀'
			b := c == '█' || c == '▄'
			top, bottom = append(top, t != inverted), append(bottom, b != inverted)
		}
		grid = append(grid, top, bottom)
	}
	return grid
}

// The drawn code has exactly the modules of qr.Encode, inside a light
// quiet zone, in colour and without, in every theme.
func TestQRMatchesEncoding(t *testing.T) {
	code, err := qr.Encode(testSite, qr.L)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		profile  termenv.Profile
		theme    render.Theme
		inverted bool
	}{
		{termenv.ANSI256, render.Dark, false},
		{termenv.TrueColor, render.Light, false},
		{termenv.Ascii, render.Light, false},
		{termenv.Ascii, render.Dark, true}, // light text on a dark screen draws the light modules
		{termenv.Ascii, render.HighContrast, true},
	} {
		lr := lipgloss.NewRenderer(io.Discard)
		lr.SetColorProfile(c.profile)
		st := NewStyles(lr, c.theme)
		b := newQRBlock(&st, "Scan for our website:", testSite, c.profile, c.theme)
		rows := b.lines[1 : len(b.lines)-1] // between the caption and the address
		grid := readQR(rows, c.inverted)
		n := code.Size + 2*qrQuiet
		if len(grid) < n || len(grid[0]) != n {
			t.Fatalf("%v %v: %d x %d modules drawn, want %d x %d", c.profile, c.theme, len(grid[0]), len(grid), n, n)
		}
		for y := 0; y < n; y++ {
			for x := 0; x < n; x++ {
				want := code.Black(x-qrQuiet, y-qrQuiet) // false in the quiet zone
				if grid[y][x] != want {
					t.Fatalf("%v %v: module (%d,%d) is dark=%v, want %v", c.profile, c.theme, x, y, grid[y][x], want)
				}
			}
		}
		if c.profile != termenv.Ascii {
			// Black on white whatever the theme, so phones can read it.
			if !strings.Contains(rows[0], "38;5;16") || !strings.Contains(rows[0], "48;5;231") {
				t.Errorf("%v %v: the code is not drawn black on white: %q", c.profile, c.theme, rows[0][:40])
			}
		} else if strings.Contains(strings.Join(b.lines, ""), "\x1b") {
			t.Errorf("no escapes without colour")
		}
		if got := ansi.Strip(b.lines[len(b.lines)-1]); got != testSite {
			t.Errorf("the address under the code is %q", got)
		}
	}
}

func TestQROnCallUsAndAbout(t *testing.T) {
	opts := testOptions()
	opts.Clinic.Website = testSite
	for _, sz := range [][2]int{{120, 40}, {160, 48}, {80, 40}} {
		for _, script := range []string{"3", "6"} {
			m := drive(newTestModel(t, opts), size(sz[0], sz[1]), press(script))
			m = drive(m, press("end")) // narrow screens put the code after the page
			view := plain(m.View())
			if !strings.Contains(view, enTxt.QRCaption) || !strings.Contains(view, "▀") || !strings.Contains(view, testSite) {
				t.Errorf("%dx%d %q: no QR code:\n%s", sz[0], sz[1], script, view)
			}
			checkFits(t, m.View(), sz[0], sz[1], "qr")
		}
	}
	// Not on other pages.
	m := drive(newTestModel(t, opts), size(160, 48))
	m = drive(m, keys("/ glossary enter")...)
	if p := m.page().answer.page(); m.top() != screenPage || p == nil || p.ID != "glossary" {
		t.Fatalf("search did not open the glossary")
	}
	if strings.Contains(plain(m.View()), enTxt.QRCaption) {
		t.Errorf("the glossary has no QR code:\n%s", plain(m.View()))
	}
	// At 80x24 the code comes after the levels of help, at the end.
	m = drive(newTestModel(t, opts), size(80, 24), press("3"), press("end"))
	if v := plain(m.View()); !strings.Contains(v, enTxt.QRCaption) {
		t.Errorf("80x24: the code should end the page:\n%s", v)
	}
}

func TestNoQRWithoutWebsite(t *testing.T) {
	for _, sz := range [][2]int{{80, 40}, {160, 48}} {
		for _, script := range []string{"3 end", "5 end"} {
			m := drive(newTestModel(t, testOptions()), size(sz[0], sz[1]))
			m = drive(m, keys(script)...)
			if v := plain(m.View()); strings.Contains(v, enTxt.QRCaption) || strings.Contains(v, "▀▀▀") {
				t.Errorf("%dx%d %q: a QR code without a website:\n%s", sz[0], sz[1], script, v)
			}
		}
	}
}
