package tui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// guideModel is the guide a patient uses: the screens, the stack of the
// ones gone through, help, and the frame around them. It knows screens
// only through the screen interface and the screen table.
type guideModel struct {
	sh *session

	width, height int
	screens       [numScreens]screen
	stack         stack
	showHelp      bool
	layoutSeq     int // latest resize; see layoutMsg
	help          helpModel
	// beforeFirstFrame holds back the background work until the first
	// frame is out (Options.FirstFrame; firstFrameMsg ends it).
	beforeFirstFrame bool
}

func newGuideModel(sh *session) guideModel {
	m := guideModel{sh: sh, stack: stack{screenHome}, help: newHelp(sh.styles, sh.txt), beforeFirstFrame: sh.opts.FirstFrame > 0}
	for id, row := range screenTable() {
		m.screens[id] = row.build(sh)
	}
	if sh.opts.OpenTimeline && !sh.treated.IsZero() {
		// The timeline is built at today's step already.
		m.stack = navigate(m.stack, nav{kind: navOpen, to: screenTimeline})
	}
	return m
}

// fresh is the guide as a new program shows it, with the same session
// (less the treatment date), at the same size.
func (m guideModel) fresh() guideModel {
	n := newGuideModel(m.sh.forgetPatient())
	n.layoutSeq, n.beforeFirstFrame = m.layoutSeq, m.beforeFirstFrame
	n.resize(m.width, m.height)
	return n
}

// inLanguage is the guide shown in another of its languages, at Home: every
// screen is made again in that language's words; the size stays, and so
// does a treatment date given at start.
func (m guideModel) inLanguage(g *Guide) guideModel {
	n := newGuideModel(m.sh.inLanguage(g))
	n.layoutSeq, n.beforeFirstFrame = m.layoutSeq, m.beforeFirstFrame
	n.resize(m.width, m.height)
	return n
}

// Init prepares the search index off the keypress path, so that the first
// search keystroke does not pay for it; after the first frame when
// Options.FirstFrame asks (see firstFrameMsg).
func (m guideModel) Init() tea.Cmd {
	if m.beforeFirstFrame {
		return nil
	}
	return prepareIndex(m.sh.guide.index)
}

func (m guideModel) top() screenID { return m.stack.top() }

// focused reports whether the screen on top has a text box with the focus.
func (m guideModel) focused() bool { return m.screens[m.top()].focused() }

// tooSmall reports whether the window is below the smallest layout.
func (m guideModel) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// resize pushes the new size down to every screen, once.
func (m *guideModel) resize(w, h int) {
	m.width, m.height = max(0, w), max(0, h)
	if m.tooSmall() {
		return // screens keep their last layout until there is room again
	}
	for id, s := range m.screens {
		m.screens[id] = s.setSize(m.width, m.height-chrome)
	}
}

// move changes the stack and opens the screen that comes on top at t.
func (m *guideModel) move(a nav, t target) {
	before := m.top()
	m.stack = navigate(m.stack, a)
	if a.kind == navBack || a.kind == navHome || a.kind == navReset {
		return
	}
	top := m.top()
	t.onTop = top == before
	m.screens[top] = m.screens[top].show(t)
}

// tell gives a message to one screen, on top or not, and drops any request
// it makes: the kiosk tells Home what its attract screen shows.
func (m *guideModel) tell(id screenID, msg tea.Msg) {
	m.screens[id], _, _ = m.screens[id].update(msg)
}
