package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
)

// trailStop is an answer a patient left by opening a related question, so
// that esc can take them back to it, at the same place.
type trailStop struct {
	page    *content.Page
	yOffset int
}

// faqModel is the FAQ browser. Wide screens show the list and the answer
// side by side (tab moves the focus); narrow screens show the list, then
// the answer on its own.
type faqModel struct {
	styles *Styles
	txt    *texts
	keys   ListKeys
	pkeys  PagerKeys
	back   key.Binding

	list   faqList
	answer answerView

	split       bool
	open        bool // narrow: the answer is on screen; wide: the answer has the focus
	listLeft    int
	listWidth   int
	answerLeft  int
	answerWidth int
	width       int
	height      int
	trail       []trailStop
	out         tea.Msg // a request to the root; see update
}

func newFAQ(sh *session) screen {
	m := faqModel{
		styles: sh.styles,
		txt:    sh.txt,
		keys:   sh.keys.List,
		pkeys:  sh.keys.Pager,
		back:   sh.keys.Global.Back,
		list:   newFAQList(sh.styles, sh.txt, sh.keys.List, sh.content(), sh.touch),
		answer: newAnswerView(sh),
	}
	m.answer.setPage(m.list.selected())
	return m
}

// faqColumns is where the list and the answer go in a body w cells wide:
// side by side from splitWidth, otherwise one at a time.
type faqColumns struct {
	split                   bool
	listLeft, listWidth     int
	answerLeft, answerWidth int
}

func faqLayout(w int) faqColumns {
	var c faqColumns
	c.split = w >= splitWidth
	if c.split {
		c.listWidth = max(30, min(42, w*2/5))
		c.answerWidth = min(w-c.listWidth-3, readingWidth)
		// Room left beside an answer at its reading width goes to the
		// list, up to maxListWidth, so that questions stop wrapping; two
		// columns of margin stay on each side.
		spare := w - c.listWidth - 3 - c.answerWidth - 4
		c.listWidth += max(0, min(spare, maxListWidth-c.listWidth))
		c.listLeft = (w - c.listWidth - 3 - c.answerWidth) / 2
		c.answerLeft = c.listLeft + c.listWidth + 3
	} else {
		c.listLeft, c.listWidth = column(w-2, 72)
		c.listLeft++
		c.answerLeft, c.answerWidth = column(w, readingWidth)
	}
	return c
}

func (m faqModel) setSize(w, h int) screen {
	m.width, m.height = w, h
	c := faqLayout(w)
	m.split = c.split
	m.listLeft, m.listWidth, m.answerLeft, m.answerWidth = c.listLeft, c.listWidth, c.answerLeft, c.answerWidth
	m.list.setSize(m.listWidth, h)
	m.answer.setSize(m.answerWidth, h)
	m.list.focused = !m.split || !m.open
	return m
}

func (m faqModel) focused() bool  { return false }
func (m faqModel) place() string  { return m.txt.PlaceFAQ }
func (m faqModel) view() []string { return m.View() }

// show opens the browser: at an answer (from search or a link), at the
// first question of a section, or at the list as it was.
func (m faqModel) show(t target) screen {
	switch {
	case t.page != nil:
		m.openQuestion(t.page)
	case t.section != "":
		if qs := m.list.guide.InSection(t.section); len(qs) > 0 {
			m.trail = nil
			m.showQuestion(qs[0])
			m.setOpen(false)
		}
	default:
		m.trail = nil
		m.setOpen(false)
	}
	return m
}

// update is Update for the root: the request comes back with the screen.
func (m faqModel) update(msg tea.Msg) (screen, tea.Cmd, tea.Msg) {
	m, cmd := m.Update(msg)
	req := m.out
	m.out = nil
	return m, cmd, req
}

// showQuestion puts a question on screen; its page is rendered (if it must be)
// by the root's prepare, on this keypress.
func (m *faqModel) showQuestion(p *content.Page) {
	m.list.selectPage(p)
	m.answer.setPage(p)
}

// openQuestion opens an answer directly, as search does.
func (m *faqModel) openQuestion(p *content.Page) {
	m.trail = nil
	m.showQuestion(p)
	m.setOpen(true)
}

func (m *faqModel) setOpen(open bool) {
	m.open = open
	m.list.focused = !m.split || !open
}

// answerShown reports whether an answer is on screen.
func (m faqModel) answerShown() bool { return m.split || m.open }

func (m faqModel) Update(msg tea.Msg) (faqModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.updateKey(msg)
	case tea.MouseMsg:
		return m.updateMouse(msg)
	}
	return m, nil
}

func (m faqModel) updateKey(msg tea.KeyMsg) (faqModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.back):
		return m.goBack()
	case key.Matches(msg, m.keys.Search):
		m.out = openScreenMsg{to: screenSearch}
		return m, nil
	case key.Matches(msg, m.keys.NextQuestion), key.Matches(msg, m.keys.PrevQuestion):
		d := 1
		if key.Matches(msg, m.keys.PrevQuestion) {
			d = -1
		}
		m.trail = nil
		m.list.move(d)
		m.answer.setPage(m.list.selected())
		return m, nil
	}
	if m.answerShown() && key.Matches(msg, m.pkeys.Related) {
		var rel *content.Page
		m.answer, rel, _ = m.answer.update(msg)
		return m.openRelated(rel)
	}
	if !m.open {
		switch {
		case key.Matches(msg, m.keys.Open), m.split && key.Matches(msg, m.keys.Focus):
			m.setOpen(true)
			return m, nil
		}
		m.list, _ = m.list.update(msg)
		m.answer.setPage(m.list.selected())
		return m, nil
	}
	if m.split && key.Matches(msg, m.pkeys.Focus) {
		m.setOpen(false)
		return m, nil
	}
	var cmd tea.Cmd
	m.answer, _, cmd = m.answer.update(msg)
	return m, cmd
}

// goBack goes up one level: back along related questions, then from the
// answer to the list, then out to Home.
func (m faqModel) goBack() (faqModel, tea.Cmd) {
	if !m.open {
		m.out = backMsg{}
		return m, nil
	}
	if n := len(m.trail); n > 0 {
		stop := m.trail[n-1]
		m.trail = m.trail[:n-1]
		m.showQuestion(stop.page)
		m.answer.pager.setYOffset(stop.yOffset)
		return m, nil
	}
	m.setOpen(false)
	return m, nil
}

func (m faqModel) openRelated(p *content.Page) (faqModel, tea.Cmd) {
	if p == nil {
		return m, nil
	}
	if p.Kind != content.KindFAQ {
		m.out = openPageMsg{p}
		return m, nil
	}
	m.trail = append(m.trail, trailStop{m.answer.page(), m.answer.pager.yOffset()})
	m.showQuestion(p)
	m.setOpen(true)
	return m, nil
}

func (m faqModel) updateMouse(msg tea.MouseMsg) (faqModel, tea.Cmd) {
	inList := !m.open || (m.split && msg.X < m.listLeft+m.listWidth+1)
	if inList {
		local := msg
		local.X -= m.listLeft
		if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft {
			if d := m.list.arrowAt(msg.Y); d != 0 {
				m.list.scrollPage(d)
				return m, nil
			}
			if q := m.list.questionAt(msg.Y); q >= 0 {
				m.trail = nil
				m.list.cursor = q
				m.answer.setPage(m.list.selected())
				// Wide: the answer is already beside the list, keep the focus.
				m.setOpen(!m.split)
			}
			return m, nil
		}
		m.list, _ = m.list.update(local)
		return m, nil
	}
	if m.split && msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft {
		m.setOpen(true)
	}
	local := msg
	local.X -= m.answerLeft
	var rel *content.Page
	var cmd tea.Cmd
	m.answer, rel, cmd = m.answer.update(local)
	if rel != nil {
		return m.openRelated(rel)
	}
	return m, cmd
}

func (m faqModel) View() []string {
	if m.split {
		sep := m.styles.Rule.Render(" │ ")
		body := joinColumns(m.list.view(), m.listWidth, sep, m.answer.view())
		return indent(body, m.listLeft)
	}
	if m.open {
		return indent(m.answer.view(), m.answerLeft)
	}
	return indent(m.list.view(), m.listLeft)
}

// prepare renders the answer on screen if it is not in the cache yet, and
// returns a command that renders its neighbours in the background.
func (m faqModel) prepare() (screen, tea.Cmd) {
	if !m.answerShown() {
		// The answer will be opened from here: have it ready.
		return m, m.ahead()
	}
	m.answer.pager.ensure()
	i := m.list.cursor
	near := []*content.Page{m.questionAt(i - 1), m.questionAt(i + 1)}
	near = append(near, m.answer.neighbours()...)
	return m, prerender(m.answer.pager.pages, m.answer.pager.style, m.answerWidth, near...)
}

// ahead renders the selected question's answer.
func (m faqModel) ahead() tea.Cmd {
	return prerender(m.answer.pager.pages, m.answer.pager.style, m.answerWidth, m.list.selected())
}

func (m faqModel) questionAt(i int) *content.Page {
	if i < 0 || i >= len(m.list.questions) {
		return nil
	}
	return m.list.questions[i]
}

// pickUp shows pages that the background rendering has just finished.
func (m faqModel) pickUp() screen {
	m.answer.pager.load()
	return m
}

func (m faqModel) help(g GlobalKeys) helpKeys {
	k, pk := m.keys, m.pkeys
	listFull := []key.Binding{k.Up, k.Down, k.PrevSection, k.NextSection, k.Top, k.Bottom, k.Open}
	pagerFull := []key.Binding{pk.Up, pk.Down, pk.PageUp, pk.PageDown, pk.Top, pk.Bottom, pk.Related}
	if m.split {
		listFull = append(listFull, k.Focus)
		pagerFull = append(pagerFull, pk.Focus)
	}
	globalFull := []key.Binding{k.NextQuestion, k.PrevQuestion, k.Search, g.Back, g.CallUs, g.Help, g.Quit, g.ForceQuit, g.Suspend}
	if !m.open {
		open := k.Open
		if m.split {
			open = brief(k.Focus, m.txt.Key.Read)
		}
		short := []key.Binding{hint("↑/↓", m.txt.Key.Choose, k.Up, k.Down), open, hint("←/→", m.txt.Key.Section, k.PrevSection, k.NextSection), k.Search}
		return helpKeys{short: append(short, globalHints(g, m.txt.Key)...), full: [][]key.Binding{listFull, globalFull}}
	}
	short := []key.Binding{hint("↑/↓", m.txt.Key.Scroll, pk.Up, pk.Down), hint("n/p", m.txt.Key.Next, k.NextQuestion, k.PrevQuestion)}
	if len(m.answer.related) > 0 {
		short = append(short, brief(pk.Related, m.txt.Key.Related))
	}
	return helpKeys{short: append(short, globalHints(g, m.txt.Key)...), full: [][]key.Binding{pagerFull, globalFull}}
}
