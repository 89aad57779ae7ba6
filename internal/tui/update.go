package tui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
)

// Update is the root of the app's event handling.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := m.update(msg)
	return m, m.guard(cmd)
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		// Render for this size only once the burst of resizes is over.
		m.layoutSeq++
		return m, send(layoutMsg{m.layoutSeq})
	case layoutMsg:
		if msg.seq != m.layoutSeq {
			return m, nil
		}
		return m, m.prepare()
	case renderedMsg:
		m.pickUp()
		return m, nil
	case idleTickMsg:
		return m.onIdleTick(msg)
	case factTickMsg:
		return m.onFactTick(msg)
	case panickedMsg:
		return m.restart()
	case tea.KeyMsg:
		if m.onInput() {
			return m, nil
		}
		var cmd tea.Cmd
		m, cmd = m.handleKey(msg)
		m.endAttract()
		return m, tea.Batch(cmd, m.prepare())
	case tea.MouseMsg:
		if m.onInput() {
			return m, nil
		}
		var cmd tea.Cmd
		m, cmd = m.handleMouse(msg)
		m.endAttract()
		return m, tea.Batch(cmd, m.prepare())
	}
	return m.updateTop(msg)
}

// handleKey runs the keys that work everywhere, then gives the key to the
// screen on top. A focused text box gets every key but ctrl+c and "!"
// first, so that typing "q" or "?" into it does what you would expect.
func (m Model) handleKey(k tea.KeyMsg) (Model, tea.Cmd) {
	g := m.sh.keys.Global
	if key.Matches(k, g.ForceQuit) {
		return m, tea.Quit
	}
	if key.Matches(k, g.StaffExit) && m.top() != screenStaff {
		// Before the text boxes: staff must get out from any screen.
		if m.pinLock.locked(m.sh.clock.Now()) {
			m.kiosk.notice = txtStaffLocked
			return m, nil
		}
		m.showHelp = false
		m.staff.clear()
		m.stack = append(m.stack, screenStaff)
		return m, nil
	}
	if m.tooSmall() {
		if key.Matches(k, g.Quit) {
			return m, tea.Quit
		}
		return m, nil
	}
	if m.focused() {
		// "!" means nothing in a search or a date, and someone worried
		// about their skin must reach "When to call us" from anywhere.
		if key.Matches(k, g.CallUs) {
			m.openScreen(screenCallUs)
			return m, nil
		}
		return m.updateTop(k)
	}
	if m.showHelp {
		switch {
		case key.Matches(k, g.Help), key.Matches(k, g.Back):
			m.showHelp = false
		case key.Matches(k, g.CallUs):
			m.showHelp = false
			m.openScreen(screenCallUs)
		case key.Matches(k, g.Quit):
			return m, tea.Quit
		}
		return m, nil
	}
	switch {
	case key.Matches(k, g.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(k, g.CallUs):
		m.openScreen(screenCallUs)
		return m, nil
	case key.Matches(k, g.Quit):
		return m, tea.Quit
	case key.Matches(k, g.Suspend):
		return m, tea.Suspend
	}
	return m.updateTop(k)
}

// handleMouse gives clicks and the wheel to the screen on top, in its own
// coordinates (the header is above it).
func (m Model) handleMouse(msg tea.MouseMsg) (Model, tea.Cmd) {
	if m.tooSmall() {
		return m, nil
	}
	click := msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft
	if back := m.backTarget(); back != "" && click && msg.Y == 0 && msg.X < ansiWidth(back) {
		// The touch screen's esc: every screen (and help) goes back its own way.
		return m.handleKey(tea.KeyMsg{Type: tea.KeyEsc})
	}
	if m.showHelp {
		if click {
			m.showHelp = false
		}
		return m, nil
	}
	msg.Y -= bodyTop
	if msg.Y < 0 || msg.Y >= m.height-chrome {
		return m, nil
	}
	return m.updateTop(msg)
}

// focused reports whether the screen on top has a text box with the focus.
func (m Model) focused() bool {
	switch m.top() {
	case screenSearch:
		return m.search.focused()
	case screenTimeline:
		return m.timeline.focused()
	case screenStaff:
		return true
	}
	return false
}

// updateTop gives a message to the screen on top. A screen asks the root
// to go somewhere by leaving a request in its out field, which is handled
// here, in the same Update: a request sent as a command would arrive after
// keys typed in the meantime, and a quick "1" then Enter would go astray.
func (m Model) updateTop(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	var out tea.Msg
	switch m.top() {
	case screenHome:
		m.home, cmd = m.homeNow().Update(msg)
		out, m.home.out = m.home.out, nil
	case screenFAQ:
		m.faq, cmd = m.faq.Update(msg)
		out, m.faq.out = m.faq.out, nil
	case screenSearch:
		m.search, cmd = m.search.Update(msg)
		out, m.search.out = m.search.out, nil
	case screenTimeline:
		m.timeline, cmd = m.timeline.Update(msg)
		out, m.timeline.out = m.timeline.out, nil
	case screenCallUs:
		m.callUs, cmd = m.callUs.Update(msg)
		out, m.callUs.out = m.callUs.out, nil
	case screenPage:
		m.page, cmd = m.page.Update(msg)
		out, m.page.out = m.page.out, nil
	case screenStaff:
		m.staff, cmd = m.staff.Update(msg)
		out, m.staff.out = m.staff.out, nil
	}
	switch out := out.(type) {
	case staffPINMsg:
		if out.ok {
			m.staffExit = true
			return m, tea.Quit
		}
		m.stack = m.stack[:1]
		m.kiosk.notice = txtStaffWrong
		m.pinLock = m.pinLock.missed(m.sh.clock.Now())
	case backMsg:
		m.back()
	case openScreenMsg:
		m.openScreen(out.to)
	case openPageMsg:
		m.openPage(out.page)
	case readPageMsg:
		if out.page != nil {
			m.page.setPage(out.page)
			m.raise(screenPage)
		}
	case openSectionMsg:
		m.openSection(out.section)
	}
	return m, cmd
}

// back leaves the screen on top; Home stays.
func (m *Model) back() {
	if len(m.stack) > 1 {
		m.stack = m.stack[:len(m.stack)-1]
	}
}

// raise shows a screen: back to it if it is already open, which drops what
// was opened from it, otherwise on top of the current one.
func (m *Model) raise(s screen) {
	if i := slices.Index(m.stack, s); i >= 0 {
		m.stack = m.stack[:i+1]
		return
	}
	m.stack = append(m.stack, s)
}

func (m *Model) openScreen(s screen) {
	switch s {
	case screenHome:
		m.stack = m.stack[:1]
	case screenSearch:
		if m.top() != screenSearch {
			m.search.clear()
			m.stack = append(m.stack, screenSearch)
		}
	case screenCallUs:
		// Over whatever is on screen, so that esc returns exactly there.
		if m.top() != screenCallUs {
			m.callUs.answer.pager.setYOffset(0)
			m.stack = append(m.stack, screenCallUs)
		}
	case screenFAQ:
		m.faq.trail = nil
		m.faq.setOpen(false)
		m.raise(screenFAQ)
	case screenPage:
		about, _ := m.sh.guide.Page(content.PageAbout)
		m.openPage(about)
	default:
		m.raise(s)
	}
}

// openPage shows a page where it lives: answers in the FAQ browser, steps
// in the timeline, "When to call us" on its screen, others on their own.
func (m *Model) openPage(p *content.Page) {
	if p == nil {
		return
	}
	if m.top() == screenSearch {
		m.back()
	}
	switch {
	case p.Kind == content.KindFAQ:
		m.raise(screenFAQ)
		m.faq.openQuestion(p)
	case p.Kind == content.KindTimeline:
		m.raise(screenTimeline)
		m.timeline.showStep(p)
	case p.ID == content.PageCallUs:
		m.openScreen(screenCallUs)
	default:
		m.page.setPage(p)
		m.raise(screenPage)
	}
}

// openSection opens the FAQ list at the first question of a section.
func (m *Model) openSection(id string) {
	if m.top() == screenSearch {
		m.back()
	}
	m.raise(screenFAQ)
	if qs := m.sh.guide.InSection(id); len(qs) > 0 {
		m.faq.trail = nil
		m.faq.show(qs[0])
		m.faq.setOpen(false)
	}
}

// prepare renders what is now on screen, if it is not in the cache, and
// starts rendering what is likely to be shown next in the background.
func (m *Model) prepare() tea.Cmd {
	if m.tooSmall() || m.showHelp {
		return nil
	}
	r, style := m.sh.pages, m.sh.style
	switch m.top() {
	case screenHome:
		// Whatever the patient chooses first is then ready.
		return tea.Batch(
			prerender(r, style, m.faq.answerWidth, m.faq.list.selected()),
			prerender(r, style, m.timeline.answer.width, m.timeline.currentPage()),
			prerender(r, style, m.callUs.answer.width, m.callUs.answer.page()),
		)
	case screenFAQ:
		return m.faq.prepare()
	case screenSearch:
		if len(m.search.results) > 0 {
			return prerender(r, style, m.faq.answerWidth, m.search.results[m.search.cursor].Page)
		}
	case screenTimeline:
		return m.timeline.prepare()
	case screenCallUs:
		return m.callUs.prepare()
	case screenPage:
		return m.page.prepare()
	}
	return nil
}

// pickUp lets every screen take pages that finished rendering.
func (m *Model) pickUp() {
	m.faq.pickUp()
	m.timeline.pickUp()
	m.callUs.pickUp()
	m.page.pickUp()
}
