package render

import "github.com/muesli/termenv"

// Tone is one colour of a theme in each form a terminal may show: true
// colour (#rrggbb), the 256-colour palette and the 16 colours of a Linux
// console (TERM=linux) or an xterm started with 16 colours. Each form is
// chosen by hand, not derived: a 256-colour grey becomes "bright black" in
// 16 colours, which the Linux console draws nearly invisible on black.
// The zero Tone is no colour: the terminal's own.
type Tone struct {
	True, C256, C16 string
}

// For is the tone's colour for a profile, "" for none (and always "" for
// termenv.Ascii).
func (t Tone) For(p termenv.Profile) string {
	switch p {
	case termenv.TrueColor:
		return t.True
	case termenv.ANSI256:
		return t.C256
	case termenv.ANSI:
		return t.C16
	}
	return ""
}

// IsZero reports whether the tone is no colour.
func (t Tone) IsZero() bool { return t == Tone{} }

// IsBlack reports whether the tone is black in a profile. Bold black is
// drawn grey by many terminals (and by the Linux console), so black text
// is never bold.
func (t Tone) IsBlack(p termenv.Profile) bool {
	switch t.For(p) {
	case "0", "16", "#000000":
		return true
	}
	return false
}

// CanBold reports whether text in the tone may be bold in a profile
// without changing colour: in 16 colours most terminals (the Linux console
// and xterm among them) draw bold text in colours 0-7 in the bright colour
// 8 higher, so bold black turns grey and bold blue pale. Such text is
// underlined instead where it must stand out.
func (t Tone) CanBold(p termenv.Profile) bool {
	if t.IsBlack(p) {
		return false
	}
	if p == termenv.ANSI {
		switch t.C16 {
		case "0", "1", "2", "3", "4", "5", "6", "7":
			return false
		}
	}
	return true
}

// x256 makes a tone from a 256-colour index, the same colour in true
// colour, and a hand-picked 16-colour form.
func x256(n int, c16 string) Tone { return Tone{True: Hex256(n), C256: itoa(n), C16: c16} }

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// Palette is the colours a theme is made of. Pages (glamour) and the app
// around them (lipgloss, in package tui) take their colours from here, so
// that they agree, and so that one test can check every pair a theme uses.
type Palette struct {
	// Bg is painted behind everything when set (light and high contrast,
	// which cannot trust the terminal's background); zero means the
	// terminal's own background, assumed dark.
	Bg Tone

	Text, Dim, Accent, Link, Code, Rule Tone
	// Title is a page's title bar; Header the bar at the top of the app;
	// Sel the row with the focus; Mark a search hit in a snippet.
	TitleFg, TitleBg   Tone
	HeaderFg, HeaderBg Tone
	SelFg, SelBg       Tone
	MarkFg, MarkBg     Tone
	// Warn is an input error and the idle countdown's frame.
	Warn Tone
	// The three levels of help (content.Signs): Emergency is the most
	// prominent thing on any screen (a bar of its own), Urgent ("get
	// medical advice today") stands out, Calm ("call in opening hours",
	// and Today on the timeline) does not alarm.
	EmergencyFg, EmergencyBg Tone
	Urgent, Calm             Tone
	// Button is a touch target ("‹ Back") inside the header bar.
	ButtonFg, ButtonBg Tone
}

// PaletteFor returns a theme's palette. Mono (no colour) and Auto before
// it is resolved have none and dark's, respectively.
func PaletteFor(t Theme) Palette {
	switch t {
	case Mono:
		return Palette{}
	case Light:
		return Palette{
			Bg:   x256(231, "7"),
			Text: x256(235, "0"), Dim: x256(241, "0"), Accent: x256(25, "4"), Link: x256(25, "4"),
			Code: x256(88, "0"), Rule: x256(241, "0"),
			TitleFg: x256(231, "15"), TitleBg: x256(25, "4"),
			HeaderFg: x256(231, "15"), HeaderBg: x256(25, "4"),
			SelFg: x256(231, "15"), SelBg: x256(25, "4"),
			MarkFg: x256(235, "15"), MarkBg: x256(229, "5"),
			Warn:        x256(124, "0"),
			EmergencyFg: x256(231, "15"), EmergencyBg: x256(124, "1"),
			Urgent: x256(94, "0"), Calm: x256(22, "4"),
			ButtonFg: x256(25, "4"), ButtonBg: x256(231, "7"),
		}
	case HighContrast:
		// Pure black behind, white text, cyan headings and links, yellow
		// for what is urgent; nothing grey, nothing under 7:1.
		return Palette{
			Bg:   x256(16, "0"),
			Text: x256(231, "15"), Dim: x256(231, "15"), Accent: x256(51, "14"), Link: x256(51, "14"),
			Code: x256(229, "11"), Rule: x256(231, "15"),
			TitleFg: x256(16, "0"), TitleBg: x256(51, "7"),
			HeaderFg: x256(16, "0"), HeaderBg: x256(231, "7"),
			SelFg: x256(231, "0"), SelBg: x256(19, "6"),
			MarkFg: x256(16, "0"), MarkBg: x256(226, "7"),
			Warn:        x256(226, "11"),
			EmergencyFg: x256(231, "11"), EmergencyBg: x256(124, "4"),
			Urgent: x256(226, "11"), Calm: x256(120, "10"),
			ButtonFg: x256(231, "15"), ButtonBg: x256(19, "4"),
		}
	default:
		return Palette{
			Text: x256(252, "7"), Dim: x256(246, "7"), Accent: x256(116, "14"), Link: x256(116, "14"),
			Code: x256(223, "11"), Rule: x256(246, "7"),
			TitleFg: x256(235, "15"), TitleBg: x256(116, "4"),
			HeaderFg: x256(235, "15"), HeaderBg: x256(116, "4"),
			SelFg: x256(235, "15"), SelBg: x256(116, "4"),
			MarkFg: x256(231, "15"), MarkBg: x256(60, "5"),
			Warn:        x256(210, "9"),
			EmergencyFg: x256(231, "15"), EmergencyBg: x256(124, "1"),
			Urgent: x256(214, "11"), Calm: x256(114, "10"),
			ButtonFg: x256(116, "14"), ButtonBg: x256(235, "0"),
		}
	}
}

// Hex256 is the #rrggbb of a colour of xterm's 256-colour palette. The
// first 16 are the xterm defaults; terminals often change them, which is
// why 16-colour forms are tested against several palettes.
func Hex256(n int) string {
	const digits = "0123456789abcdef"
	var r, g, b int
	switch {
	case n < 16:
		return xterm16[n*7 : n*7+7]
	case n < 232:
		levels := [6]int{0, 95, 135, 175, 215, 255}
		n -= 16
		r, g, b = levels[n/36], levels[n/6%6], levels[n%6]
	default:
		r = 8 + 10*(n-232)
		g, b = r, r
	}
	out := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range []int{r, g, b} {
		out[1+2*i], out[2+2*i] = digits[v>>4], digits[v&15]
	}
	return string(out)
}

// xterm16 is xterm's default first 16 colours, 7 bytes each.
const xterm16 = "#000000#cd0000#00cd00#cdcd00#0000ee#cd00cd#00cdcd#e5e5e5" +
	"#7f7f7f#ff0000#00ff00#ffff00#5c5cff#ff00ff#00ffff#ffffff"
