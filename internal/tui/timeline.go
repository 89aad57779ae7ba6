package tui

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/timeline"
)

// timelineModel is the recovery timeline: a rail of steps, a line about
// today when the treatment date is known, and the step's page.
type timelineModel struct {
	styles *Styles
	txt    *texts
	keys   TimelineKeys
	ikeys  InputKeys
	back   key.Binding
	normal key.Binding // opens "Is this normal?" at this day
	clock  Clock
	loc    *time.Location
	dates  timeline.Words

	steps   []*content.Page
	ranges  []timeline.Range
	state   timeline.State
	treated time.Time // zero when unknown
	day     int       // days since treatment, when treated is known
	beyond  bool      // day is after the last step

	answer    answerView
	asking    bool // the treatment-date box is open
	input     textBox
	inputErr  string
	left      int
	width     int
	height    int
	answerTop int     // body line where the page starts, for mouse clicks
	out       tea.Msg // a request to the root; see update
}

func newTimeline(sh *session) screen {
	g := sh.content()
	m := timelineModel{
		styles: sh.styles,
		txt:    sh.txt,
		keys:   sh.keys.Timeline,
		ikeys:  sh.keys.Input,
		back:   sh.keys.Global.Back,
		normal: openNormal(sh),
		clock:  sh.clock,
		loc:    sh.opts.Location,
		dates:  g.UI.Dates(),
		steps:  g.Timeline,
		answer: newAnswerView(sh),
		input:  newTextBox(sh.styles, isASCII(sh.style), "> ", sh.txt.DatePlaceholder, 40),
		state:  timeline.State{Count: len(g.Timeline), Today: -1},
	}
	for _, p := range g.Timeline {
		m.ranges = append(m.ranges, timeline.Range{From: p.From, To: p.To})
	}
	if !sh.treated.IsZero() {
		m.setTreated(sh.treated)
	}
	m.answer.setPage(m.currentPage())
	return m
}

func (m timelineModel) place() string  { return m.txt.PlaceTimeline }
func (m timelineModel) view() []string { return m.View() }

// show opens the timeline at a step (from search or a link), or as it was.
func (m timelineModel) show(t target) screen {
	if t.page != nil {
		m.showStep(t.page)
	}
	return m
}

// update is Update for the root: the request comes back with the screen.
func (m timelineModel) update(msg tea.Msg) (screen, tea.Cmd, tea.Msg) {
	m, cmd := m.Update(msg)
	req := m.out
	m.out = nil
	return m, cmd, req
}

// setTreated records the treatment date and goes to today's step.
func (m *timelineModel) setTreated(t time.Time) {
	m.treated = t
	m.day = timeline.DaysSince(t, m.clock.Now(), m.loc)
	m.state.Today, m.beyond = timeline.StepForDay(m.ranges, m.day)
	m.state = timeline.Navigate(m.state, timeline.Today)
}

func (m timelineModel) currentPage() *content.Page {
	if m.state.Current < 0 || m.state.Current >= len(m.steps) {
		return nil
	}
	return m.steps[m.state.Current]
}

// focused reports whether the date box wants every key.
func (m timelineModel) focused() bool { return m.asking }

func (m timelineModel) setSize(w, h int) screen {
	m.width, m.height = w, h
	m.left, _ = column(w, readingWidth)
	m.layout()
	return m
}

// infoLines are the lines between the rail and the page: today's day and
// the next-session window, or the date box. On short screens the less
// important ones go first, so the page keeps at least a few lines.
func (m timelineModel) infoLines() []string {
	s := m.styles
	_, w := column(m.width, readingWidth)
	w -= pageMargin
	var lines []string
	if m.asking {
		for _, l := range wrap(m.txt.DateQuestion, w) {
			lines = append(lines, s.Heading.Render(l))
		}
		lines = append(lines, m.input.view(w))
		if m.inputErr != "" {
			for _, l := range wrap(m.inputErr, w) {
				lines = append(lines, s.Warning.Render(l))
			}
		}
		return lines
	}
	if m.treated.IsZero() {
		return []string{s.Dim.Render(truncate(m.txt.TimelineNoDate, w))}
	}
	head := fmt.Sprintf(m.txt.TimelineDay, m.day)
	switch {
	case m.beyond:
		head = fmt.Sprintf(m.txt.TimelineBeyond, m.day)
	case m.day == 0:
		head = m.txt.TimelineDay0
	}
	// On today's step of a single day the page's own heading names the
	// day ("Day 2 after treatment") and the rail says Today: the line
	// would name the step twice. A step of several days keeps it, as it
	// says which of them is today.
	if p := m.currentPage(); m.beyond || p == nil || m.state.Current != m.state.Today || p.From != p.To {
		lines = append(lines, s.Heading.Render(truncate(head, w)))
	}
	from, to := timeline.NextSession(m.treated)
	next := fmt.Sprintf(m.txt.NextSession, m.dates.Format(from), m.dates.Format(to))
	// A window that has passed would only confuse; short screens keep the page.
	if m.height >= 16 && timeline.DaysSince(to, m.clock.Now(), m.loc) <= 0 {
		for _, l := range wrap(next, w) {
			lines = append(lines, s.Text.Render(l))
		}
	}
	return lines
}

func (m *timelineModel) layout() {
	rail, _ := m.railView()
	top := len(rail) + len(m.infoLines()) + 1
	if m.height-top < 5 && !m.asking {
		top = len(rail) + 1 // too short: the page comes before the extras
	}
	m.answerTop = top
	_, w := column(m.width, readingWidth)
	m.answer.setSize(w, max(1, m.height-top))
}

func (m timelineModel) Update(msg tea.Msg) (timelineModel, tea.Cmd) {
	if t, ok := msg.(treatedMsg); ok { // typed in "Is this normal?"
		m.setTreated(t.at)
		m.goTo(m.state)
		return m, nil
	}
	if m.asking {
		return m.updateInput(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		act := timeline.Action(0)
		switch {
		case key.Matches(msg, m.back):
			m.out = backMsg{}
			return m, nil
		case key.Matches(msg, m.normal):
			// At the patient's day, or the first day of this step.
			day := m.day
			if m.treated.IsZero() {
				if p := m.currentPage(); p != nil {
					day = p.From
				}
			}
			m.out = openScreenMsg{to: screenNormal, day: day + 1}
			return m, nil
		case key.Matches(msg, m.keys.SetDate):
			m.asking = true
			m.inputErr = ""
			m.input.reset()
			m.layout()
			return m, nil
		case key.Matches(msg, m.keys.Open):
			if p := m.currentPage(); p != nil {
				m.out = openScreenMsg{to: screenPage, page: p}
			}
			return m, nil
		case key.Matches(msg, m.keys.Prev):
			act = timeline.Prev
		case key.Matches(msg, m.keys.Next):
			act = timeline.Next
		case key.Matches(msg, m.keys.First):
			act = timeline.First
		case key.Matches(msg, m.keys.Last):
			act = timeline.Last
		case key.Matches(msg, m.keys.Today):
			act = timeline.Today
		}
		if act != 0 {
			m.goTo(timeline.Navigate(m.state, act))
			return m, nil
		}
	case tea.MouseMsg:
		return m.updateMouse(msg)
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

func (m *timelineModel) goTo(s timeline.State) {
	m.state = s
	m.answer.setPage(m.currentPage())
	m.layout()
}

// showStep opens a step by page, as search does.
func (m *timelineModel) showStep(p *content.Page) {
	for i, st := range m.steps {
		if st == p {
			s := m.state
			s.Current = i
			m.goTo(s)
		}
	}
}

func (m timelineModel) updateMouse(msg tea.MouseMsg) (timelineModel, tea.Cmd) {
	if msg.Y == 0 && msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft {
		_, cells := m.railView()
		if i := railStepAt(cells, msg.X, m.state.Current, len(m.steps)); i >= 0 {
			s := m.state
			s.Current = i
			m.goTo(s)
		}
		return m, nil
	}
	local := msg
	local.Y -= m.answerTop
	local.X -= m.left
	var rel *content.Page
	var cmd tea.Cmd
	m.answer, rel, cmd = m.answer.update(local)
	if rel != nil {
		m.out = openPageMsg{rel}
		return m, nil
	}
	return m, cmd
}

func (m timelineModel) updateInput(msg tea.Msg) (timelineModel, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, m.ikeys.Cancel):
			m.asking = false
			m.layout()
			return m, nil
		case key.Matches(k, m.ikeys.Apply):
			t, err := m.dates.ParseTreated(m.input.value(), m.clock.Now(), m.loc)
			if err != nil {
				m.inputErr = err.Error()
				m.layout()
				return m, nil
			}
			m.asking = false
			m.setTreated(t)
			m.goTo(m.state)
			m.out = treatedMsg{t}
			return m, nil
		}
	}
	if _, ok := msg.(tea.MouseMsg); ok {
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.update(msg)
	return m, cmd
}

func (m timelineModel) View() []string {
	rail, _ := m.railView()
	lines := append([]string{}, rail...)
	if m.answerTop > len(rail)+1 {
		// Two more columns line the text up with the page's own margin.
		lines = append(lines, indent(m.infoLines(), m.left+pageMargin)...)
	}
	for len(lines) < m.answerTop {
		lines = append(lines, "")
	}
	lines = append(lines, indent(m.answer.view(), m.left)...)
	return fitLines(lines, m.width, m.height)
}

func (m timelineModel) prepare() (screen, tea.Cmd) {
	m.answer.pager.ensure()
	i := m.state.Current
	near := m.answer.neighbours()
	if i > 0 {
		near = append(near, m.steps[i-1])
	}
	if i+1 < len(m.steps) {
		near = append(near, m.steps[i+1])
	}
	return m, prerender(m.answer.pager.pages, m.answer.pager.style, m.answer.width, near...)
}

// ahead renders the step the timeline opens at.
func (m timelineModel) ahead() tea.Cmd {
	return prerender(m.answer.pager.pages, m.answer.pager.style, m.answer.width, m.currentPage())
}

func (m timelineModel) pickUp() screen {
	m.answer.pager.load()
	return m
}

func (m timelineModel) help(g GlobalKeys) helpKeys {
	k, pk := m.keys, m.answer.keys
	if m.asking {
		return helpKeys{
			short: []key.Binding{m.ikeys.Apply, m.ikeys.Cancel, brief(g.CallUs, m.txt.Key.CallUs)},
			full:  [][]key.Binding{{m.ikeys.Apply, m.ikeys.Cancel, g.CallUs, g.ForceQuit}},
		}
	}
	short := []key.Binding{hint("←/→", m.txt.Key.Day, k.Prev, k.Next), hint("↑/↓", m.txt.Key.Scroll, pk.Up, pk.Down), brief(k.SetDate, m.txt.Key.SetDate), m.normal}
	return helpKeys{
		short: append(short, globalHints(g, m.txt.Key)...),
		full: [][]key.Binding{
			{k.Prev, k.Next, k.First, k.Last, k.Today, k.SetDate, k.Open, m.normal},
			{pk.Up, pk.Down, pk.PageUp, pk.PageDown, pk.Top, pk.Bottom, pk.Related},
			{g.Back, g.CallUs, g.Help, g.Quit, g.ForceQuit, g.Suspend},
		},
	}
}
