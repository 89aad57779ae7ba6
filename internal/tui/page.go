package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/termsafe"
)

// pageModel shows one page on its own: "When to call us" (with the
// clinic's phone and hours above it), "About this guide", or any other
// page that search finds.
type pageModel struct {
	styles *Styles
	txt    *texts
	back   key.Binding
	normal key.Binding // When to call us: opens "Is this normal?"
	answer answerView
	intro  []string // plain lines drawn above the page
	qr     qrBlock  // the clinic's website, for "When to call us" and About

	left, width, height int
	qrSide              bool // the QR code is beside the page (else at its end, or not shown)
	qrLeft              int
	own                 *content.Page // the page shown when the screen is opened for itself
	callUs              bool          // "When to call us": only its own page, from its top each time it opens
	out                 tea.Msg       // a request to the root; see update
}

func newPageModel(sh *session, p *content.Page) pageModel {
	m := pageModel{styles: sh.styles, txt: sh.txt, back: sh.keys.Global.Back, normal: key.NewBinding(key.WithDisabled()), answer: newAnswerView(sh), qr: sh.qr, own: p}
	m.answer.setPage(p)
	return m
}

// newPageScreen is the screen of pages on their own: About this guide,
// and any other page opened from search.
func newPageScreen(sh *session) screen {
	about, _ := sh.content().Page(content.PageAbout)
	return newPageModel(sh, about)
}

// newCallUs is the "When to call us" screen: the levels of help, most
// urgent first, as the first thing on screen. The clinic's phone, hours and
// after-hours line are in the levels they belong to (see content.Expand).
func newCallUs(sh *session) screen {
	p, _ := sh.content().Page(content.PageCallUs)
	m := newPageModel(sh, p)
	m.callUs = true
	m.normal = openNormal(sh)
	return m
}

func (m *pageModel) setPage(p *content.Page) {
	m.answer.setPage(p)
	m.resize(m.width, m.height) // the QR code comes and goes with the page
}

func (m pageModel) setSize(w, h int) screen {
	m.resize(w, h)
	return m
}

func (m pageModel) focused() bool  { return false }
func (m pageModel) view() []string { return m.View() }

func (m pageModel) place() string {
	p := m.answer.page()
	switch {
	case m.callUs:
		return m.txt.PlaceCallUs
	case p != nil && p.ID != content.PageAbout:
		return termsafe.Clean(p.Title)
	}
	return m.txt.PlaceAbout
}

// show opens a page. "When to call us" opens at its top, where the
// emergency signs are, unless it is on screen already.
func (m pageModel) show(t target) screen {
	switch {
	case m.callUs:
		if !t.onTop {
			m.answer.pager.setYOffset(0)
		}
	case t.page != nil:
		m.setPage(t.page)
	default:
		m.setPage(m.own)
	}
	return m
}

// update is Update for the root: the request comes back with the screen.
func (m pageModel) update(msg tea.Msg) (screen, tea.Cmd, tea.Msg) {
	m, cmd := m.Update(msg)
	req := m.out
	m.out = nil
	return m, cmd, req
}

// Room for the QR code beside a page: the page keeps at least sideMinPage
// columns, with qrGap between them.
const (
	sideMinPage = 56
	qrGap       = 3
)

func (m *pageModel) resize(w, h int) {
	m.width, m.height = w, h
	ph := max(1, h-m.introLines())
	show := m.showsQR()
	m.qrSide = show && w >= sideMinPage+qrGap+m.qr.width && len(m.qr.lines) <= ph
	if m.qrSide {
		cw := min(readingWidth, w-qrGap-m.qr.width)
		m.left = (w - cw - qrGap - m.qr.width) / 2
		m.qrLeft = m.left + cw + qrGap
		m.answer.setSize(cw, ph)
		m.answer.pager.setTail(nil)
		return
	}
	left, cw := column(w, readingWidth)
	m.left = left
	m.answer.setSize(cw, ph)
	// Narrow: the code comes after the page, when it can be seen whole.
	var tail []string
	if show && m.qr.width+pageMargin <= cw && len(m.qr.lines)+1 <= m.answer.pager.height {
		tail = append(tail, "")
		for _, l := range m.qr.lines {
			tail = append(tail, strings.Repeat(" ", pageMargin)+l)
		}
	}
	m.answer.pager.setTail(tail)
}

// showsQR reports whether this page shows the website's QR code: the
// When-to-call-us and About pages do, when a website is configured.
func (m pageModel) showsQR() bool {
	p := m.answer.page()
	return len(m.qr.lines) > 0 && p != nil && (p.ID == content.PageCallUs || p.ID == content.PageAbout)
}

// introLines is the height of the lines above the page, with a gap.
func (m pageModel) introLines() int {
	if len(m.intro) == 0 {
		return 0
	}
	return len(m.intro) + 1
}

func (m pageModel) Update(msg tea.Msg) (pageModel, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, m.back) {
		m.out = backMsg{}
		return m, nil
	}
	if k, ok := msg.(tea.KeyMsg); ok && m.callUs && key.Matches(k, m.normal) {
		m.out = openScreenMsg{to: screenNormal}
		return m, nil
	}
	if mm, ok := msg.(tea.MouseMsg); ok {
		if m.qrSide && mm.X >= m.qrLeft {
			return m, nil // the QR code is there to be scanned, not clicked
		}
		mm.Y -= m.introLines()
		mm.X -= m.left
		msg = mm
	}
	var rel *content.Page
	var cmd tea.Cmd
	m.answer, rel, cmd = m.answer.update(msg)
	if rel != nil {
		m.out = openPageMsg{rel}
		return m, nil
	}
	return m, cmd
}

func (m pageModel) View() []string {
	lines := make([]string, 0, m.height)
	for _, l := range m.intro {
		lines = append(lines, strings.Repeat(" ", pageMargin)+truncate(l, m.answer.width-pageMargin))
	}
	if len(m.intro) > 0 {
		lines = append(lines, "")
	}
	lines = append(lines, m.answer.view()...)
	lines = indent(fitLines(lines, m.answer.width, m.height), m.left)
	if m.qrSide {
		// Beside the page, level with its first line.
		top := m.introLines()
		lines = joinColumns(lines, m.qrLeft, "", append(make([]string, top), indent(m.qr.lines, 0)...))
	}
	return lines
}

func (m pageModel) prepare() (screen, tea.Cmd) {
	m.answer.pager.ensure()
	return m, prerender(m.answer.pager.pages, m.answer.pager.style, m.answer.width, m.answer.neighbours()...)
}

// ahead renders "When to call us" before anyone asks for it: a worried
// patient must not wait for it.
func (m pageModel) ahead() tea.Cmd {
	if !m.callUs {
		return nil
	}
	return prerender(m.answer.pager.pages, m.answer.pager.style, m.answer.width, m.answer.page())
}

func (m pageModel) pickUp() screen {
	m.answer.pager.load()
	return m
}

func (m pageModel) help(g GlobalKeys) helpKeys {
	k := m.answer.keys
	short := []key.Binding{hint("↑/↓", m.txt.Key.Scroll, k.Up, k.Down), hint("pgdn", k.PageDown.Help().Desc, k.PageDown)}
	if len(m.answer.related) > 0 {
		short = append(short, brief(k.Related, m.txt.Key.Related))
	}
	if m.callUs {
		short = append(short, m.normal)
	}
	return helpKeys{
		short: append(short, globalHints(g, m.txt.Key)...),
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Related, m.normal},
			{g.Back, g.CallUs, g.Help, g.Quit, g.ForceQuit, g.Suspend},
		},
	}
}
