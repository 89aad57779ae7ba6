package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"rsc.io/qr"

	"github.com/skinguide/skinguide/internal/render"
	"github.com/skinguide/skinguide/internal/termsafe"
)

// qrQuiet is the light margin around the code, in modules. The standard
// asks for 4; phone cameras read 2 easily, and 4 would not fit beside a
// page on a 120-column console. The terminal around it is never white in
// the dark themes, and the light theme's background is light anyway.
const qrQuiet = 2

// qrMaxAddress is the widest the address under the code may be before it
// wraps.
const qrMaxAddress = 48

// qrBlock is the clinic website's take-home QR code as the screens draw it:
// a caption, the code, and the address written under it.
type qrBlock struct {
	lines []string
	width int // of the widest line
}

// newQRBlock draws url as a QR code, or returns an empty block when there
// is no url or it cannot be encoded.
func newQRBlock(s *Styles, caption, url string, profile termenv.Profile, theme render.Theme) qrBlock {
	url = termsafe.Clean(url)
	if url == "" {
		return qrBlock{}
	}
	code, err := qr.Encode(url, qr.L)
	if err != nil {
		return qrBlock{}
	}
	rows := qrRows(code, profile == termenv.Ascii && theme != render.Light)
	// The address goes on one line if it can; a long one wraps.
	w := max(ansiWidth(rows[0]), min(ansiWidth(url), qrMaxAddress))
	lines := []string{s.Heading.Render(truncate(caption, w))}
	for _, r := range rows {
		if profile == termenv.Ascii {
			lines = append(lines, r)
		} else {
			lines = append(lines, s.QR.Render(r))
		}
	}
	for _, l := range strings.Split(ansi.Hardwrap(url, w, true), "\n") {
		lines = append(lines, s.Accent.Render(l))
	}
	return qrBlock{lines: lines, width: w}
}

// qrRows draws a code with half blocks: each character is two modules, the
// upper and the lower half of a cell, so the code is about square on a
// terminal. Dark modules are drawn with the foreground colour, which the
// caller sets to black on a white background. Without colour (NO_COLOR)
// the terminal's own colours are used; on a dark background inverted
// draws the light modules instead, so the code is still dark on light.
func qrRows(code *qr.Code, inverted bool) []string {
	n := code.Size + 2*qrQuiet
	// ink reports whether a module is drawn in the foreground colour.
	// Black is false outside the code, which makes the quiet zone; the
	// half row under an odd number of rows is left to the background.
	ink := func(x, y int) bool { return y < n && code.Black(x-qrQuiet, y-qrQuiet) != inverted }
	var rows []string
	for y := 0; y < n; y += 2 {
		var b strings.Builder
		for x := 0; x < n; x++ {
			top, bottom := ink(x, y), ink(x, y+1)
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		rows = append(rows, b.String())
	}
	return rows
}
