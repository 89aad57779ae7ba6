package tui

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/lipgloss"
)

// Style is a lipgloss style with the escape sequences it puts around a
// line of text worked out once, when the styles are built. lipgloss works
// them out again at every Render, formatting each colour anew, and for an
// underlined style it does so for every letter; a frame renders a few
// hundred pieces of text, and that was most of what a keypress allocated.
// Render gives exactly what lipgloss gives (TestStyleRenderIsLipgloss).
// Text of more than one line or with tabs, and a style with a size,
// padding, margins or a border, go through lipgloss.
type Style struct {
	lipgloss.Style
	line *lineSeq // nil: Render is lipgloss's
}

// lineSeq is what a style puts around one line of text: around the whole
// of it, or, for an underlined style, around every rune, with spaces
// styled apart (lipgloss underlines spaces with a style of their own).
type lineSeq struct {
	open, close           string
	perRune               bool
	spaceOpen, spaceClose string
}

// newStyle works out the sequences of st by rendering probes with it.
func newStyle(st lipgloss.Style) Style {
	s := Style{Style: st}
	if st.GetWidth() != 0 || st.GetHeight() != 0 || st.GetMaxWidth() != 0 || st.GetMaxHeight() != 0 ||
		st.GetHorizontalFrameSize() != 0 || st.GetVerticalFrameSize() != 0 ||
		st.GetTransform() != nil || st.Value() != "" {
		return s
	}
	open, close, ok := around(st.Render("x"), "x")
	if !ok {
		return s
	}
	// lipgloss styles an underlined or struck-through line rune by rune.
	perRune := st.GetUnderline() || st.GetStrikethrough() || st.GetUnderlineSpaces() || st.GetStrikethroughSpaces()
	line := &lineSeq{open: open, close: close, perRune: perRune}
	if perRune {
		if line.spaceOpen, line.spaceClose, ok = around(st.Render(" "), " "); !ok {
			return s
		}
	}
	if st.Render("x y") != line.render("x y") {
		return s // not what lipgloss does today: leave it to lipgloss
	}
	s.line = line
	return s
}

// around splits what a style made of probe into what comes before it and
// after it.
func around(out, probe string) (before, after string, ok bool) {
	i := strings.Index(out, probe)
	if i < 0 || strings.Count(out, probe) != 1 {
		return "", "", false
	}
	return out[:i], out[i+len(probe):], true
}

// Render is lipgloss's Render, without working the style out again for a
// single line.
func (s Style) Render(strs ...string) string {
	if s.line == nil || len(strs) != 1 || strings.ContainsAny(strs[0], "\n\r\t") {
		return s.Style.Render(strs...)
	}
	return s.line.render(strs[0])
}

// inline is Render with the style made Inline, as bubbles' help draws.
func (s Style) inline(text string) string {
	if s.line == nil || strings.ContainsAny(text, "\n\r\t") {
		return s.Style.Inline(true).Render(text)
	}
	return s.line.render(text)
}

func (l *lineSeq) render(text string) string {
	if !l.perRune {
		if l.open == "" && l.close == "" {
			return text
		}
		return l.open + text + l.close
	}
	var b strings.Builder
	b.Grow(len(text) * (1 + len(l.open) + len(l.close)))
	for _, r := range text {
		if unicode.IsSpace(r) {
			b.WriteString(l.spaceOpen)
			b.WriteRune(r)
			b.WriteString(l.spaceClose)
			continue
		}
		b.WriteString(l.open)
		b.WriteRune(r)
		b.WriteString(l.close)
	}
	return b.String()
}
