package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// update is the guide's event handling. A request the guide does not
// handle itself (the staff PIN's answer) comes back as req, for the model
// around it.
func (m guideModel) update(msg tea.Msg) (guideModel, tea.Cmd, tea.Msg) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		// Render for this size only once the burst of resizes is over.
		m.layoutSeq++
		return m, send(layoutMsg{m.layoutSeq}), nil
	case layoutMsg:
		if msg.seq != m.layoutSeq {
			return m, nil, nil
		}
		if m.beforeFirstFrame {
			// The frame drawn after this is the first complete one.
			return m, tea.Batch(m.prepare(), m.sh.after(m.sh.opts.FirstFrame, firstFrameMsg{})), nil
		}
		return m, m.prepare(), nil
	case firstFrameMsg:
		if !m.beforeFirstFrame {
			return m, nil, nil // a later resize's
		}
		m.beforeFirstFrame = false
		return m, tea.Batch(prepareIndex(m.sh.guide.index), m.prepare()), nil
	case renderedMsg:
		for id, s := range m.screens {
			m.screens[id] = s.pickUp()
		}
		return m, nil, nil
	case tea.KeyMsg:
		m, cmd, req := m.handleKey(msg)
		return m, tea.Batch(cmd, m.prepare()), req
	case tea.MouseMsg:
		m, cmd, req := m.handleMouse(msg)
		return m, tea.Batch(cmd, m.prepare()), req
	}
	return m.updateTop(msg)
}

// handleKey runs the keys that work everywhere, then gives the key to the
// screen on top. A focused text box gets every key but ctrl+c and "!"
// first, so that typing "q" or "?" into it does what you would expect.
func (m guideModel) handleKey(k tea.KeyMsg) (guideModel, tea.Cmd, tea.Msg) {
	g := m.sh.keys.Global
	if key.Matches(k, g.ForceQuit) {
		return m, tea.Quit, nil
	}
	if m.tooSmall() {
		if key.Matches(k, g.Quit) {
			return m, tea.Quit, nil
		}
		return m, nil, nil
	}
	if m.focused() {
		// "!" means nothing in a search or a date, and someone worried
		// about their skin must reach "When to call us" from anywhere.
		if key.Matches(k, g.CallUs) {
			m.move(nav{kind: navCallUs}, target{})
			return m, nil, nil
		}
		return m.updateTop(k)
	}
	if m.showHelp {
		switch {
		case key.Matches(k, g.Help), key.Matches(k, g.Back):
			m.showHelp = false
		case key.Matches(k, g.CallUs):
			m.showHelp = false
			m.move(nav{kind: navCallUs}, target{})
		case key.Matches(k, g.Quit):
			return m, tea.Quit, nil
		default:
			m.scrollHelp(k)
		}
		return m, nil, nil
	}
	switch {
	case key.Matches(k, g.Help):
		m.showHelp = true
		m.help.top = 0
		return m, nil, nil
	case key.Matches(k, g.CallUs):
		m.move(nav{kind: navCallUs}, target{})
		return m, nil, nil
	case key.Matches(k, g.Quit):
		return m, tea.Quit, nil
	case key.Matches(k, g.Suspend):
		return m, tea.Suspend, nil
	}
	return m.updateTop(k)
}

// scrollHelp scrolls the full help with the keys that scroll a page.
func (m *guideModel) scrollHelp(k tea.KeyMsg) {
	pk := m.sh.keys.Pager
	keys, bh := m.screens[m.top()].help(m.sh.keys.Global), m.height-chrome
	page := max(1, bh-2)
	delta := 0
	switch {
	case key.Matches(k, pk.Up):
		delta = -1
	case key.Matches(k, pk.Down):
		delta = 1
	case key.Matches(k, pk.PageUp):
		delta = -page
	case key.Matches(k, pk.PageDown):
		delta = page
	case key.Matches(k, pk.Top):
		delta = -m.help.top - 1
	case key.Matches(k, pk.Bottom):
		delta = 1 << 20
	default:
		return
	}
	m.help = m.help.scroll(keys, m.width, bh, delta)
}

// handleMouse gives clicks and the wheel to the screen on top, in its own
// coordinates (the header is above it).
func (m guideModel) handleMouse(msg tea.MouseMsg) (guideModel, tea.Cmd, tea.Msg) {
	if m.tooSmall() {
		return m, nil, nil
	}
	click := msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft
	if back := m.backTarget(); back != "" && click && msg.Y == 0 && msg.X < ansiWidth(back) {
		// The touch screen's esc: every screen (and help) goes back its own way.
		return m.handleKey(tea.KeyMsg{Type: tea.KeyEsc})
	}
	if m.showHelp {
		keys, bh := m.screens[m.top()].help(m.sh.keys.Global), m.height-chrome
		switch {
		case msg.Button == tea.MouseButtonWheelUp:
			m.help = m.help.scroll(keys, m.width, bh, -3)
		case msg.Button == tea.MouseButtonWheelDown:
			m.help = m.help.scroll(keys, m.width, bh, 3)
		case click:
			// A touch on "▲ More above" or "▼ More below" turns the page;
			// anywhere else closes help.
			if cue := m.help.cueAt(keys, m.width, bh, msg.Y-bodyTop); cue != 0 {
				m.help = m.help.scroll(keys, m.width, bh, cue*max(1, bh-2))
			} else {
				m.showHelp = false
			}
		}
		return m, nil, nil
	}
	msg.Y -= bodyTop
	if msg.Y < 0 || msg.Y >= m.height-chrome {
		return m, nil, nil
	}
	return m.updateTop(msg)
}

// updateTop gives a message to the screen on top, and does what it asks.
func (m guideModel) updateTop(msg tea.Msg) (guideModel, tea.Cmd, tea.Msg) {
	id := m.top()
	var cmd tea.Cmd
	var req tea.Msg
	m.screens[id], cmd, req = m.screens[id].update(msg)
	switch req := req.(type) {
	case nil:
	case backMsg:
		m.move(nav{kind: navBack}, target{})
	case openScreenMsg:
		m.move(nav{kind: navOpen, to: req.to}, target{page: req.page, section: req.section, day: req.day})
	case treatedMsg:
		m.sh = m.sh.withTreated(req.at)
		for _, id := range []screenID{screenTimeline, screenNormal} {
			if id != m.top() { // the screen it was typed in knows it
				m.tell(id, req)
			}
		}
	case languageMsg:
		if req.to >= 0 && req.to < len(m.sh.guide.langs) {
			m = m.inLanguage(m.sh.guide.langs[req.to])
			return m, tea.Batch(cmd, prepareIndex(m.sh.guide.index)), nil
		}
	case openPageMsg:
		// Where the page lives: answers in the FAQ browser, steps in the
		// timeline, "When to call us" on its screen, others on their own.
		if req.page != nil {
			m.move(nav{kind: navOpen, to: screenFor(req.page)}, target{page: req.page})
		}
	default:
		return m, cmd, req // not the guide's business: the kiosk's
	}
	return m, cmd, nil
}

// prepare renders what is now on screen, if it is not in the cache, and
// starts rendering what is likely to be shown next in the background.
func (m *guideModel) prepare() tea.Cmd {
	if m.tooSmall() || m.showHelp {
		return nil
	}
	id := m.top()
	var cmd tea.Cmd
	m.screens[id], cmd = m.screens[id].prepare()
	if len(m.stack) > 1 || m.beforeFirstFrame {
		return cmd
	}
	// On Home: whatever the patient chooses first is then ready.
	cmds := []tea.Cmd{cmd}
	for _, s := range m.screens {
		cmds = append(cmds, s.ahead())
	}
	return tea.Batch(cmds...)
}
