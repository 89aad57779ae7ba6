package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/render"
	"github.com/skinguide/skinguide/internal/search"
	"github.com/skinguide/skinguide/internal/termsafe"
)

// searchModel is the search box with its results, updated as you type.
// When nothing matches it offers the FAQ sections instead, so a patient
// is never left at a dead end.
type searchModel struct {
	styles *Styles
	keys   SearchKeys
	index  *search.Index
	guide  *content.Guide
	pages  *pageCache // the selected result is rendered ahead
	style  render.Style

	box     textBox
	query   string // what results are for
	results []search.Result
	cursor  int
	offset  int // first result (or section) shown

	left, width, cw, height int
	out                     tea.Msg // a request to the root; see update
}

func newSearch(sh *session) screen {
	return searchModel{
		styles: sh.styles,
		keys:   sh.keys.Search,
		index:  sh.guide.index,
		guide:  sh.content(),
		pages:  sh.guide.pages,
		style:  sh.style,
		box:    newTextBox(sh.styles, isASCII(sh.style), txtSearchPrompt, "", 60),
	}
}

func (m searchModel) place() string  { return txtPlaceSearch }
func (m searchModel) view() []string { return m.View() }
func (m searchModel) ahead() tea.Cmd { return nil }
func (m searchModel) pickUp() screen { return m }

// show opens search with an empty box, unless it is open already.
func (m searchModel) show(t target) screen {
	if !t.onTop {
		m.clear()
	}
	return m
}

// prepare renders the selected result in the background, at the width
// the FAQ browser would show it.
func (m searchModel) prepare() (screen, tea.Cmd) {
	if len(m.results) == 0 {
		return m, nil
	}
	return m, prerender(m.pages, m.style, faqLayout(m.width).answerWidth, m.results[m.cursor].Page)
}

// update is Update for the root: the request comes back with the screen.
func (m searchModel) update(msg tea.Msg) (screen, tea.Cmd, tea.Msg) {
	m, cmd := m.Update(msg)
	req := m.out
	m.out = nil
	return m, cmd, req
}

// clear empties the box, for a new search.
func (m *searchModel) clear() {
	m.box.reset()
	m.query, m.results, m.cursor, m.offset = "", nil, 0, 0
}

func (m searchModel) setSize(w, h int) screen {
	m.width, m.height = w, h
	m.left, m.cw = column(w-2, readingWidth)
	m.left++
	m.run(true)
	return m
}

// run searches again when the query changed, or always when forced (the
// snippets depend on the width).
func (m *searchModel) run(force bool) {
	q := m.box.value()
	if q == m.query && !force {
		return
	}
	if q != m.query {
		m.cursor, m.offset = 0, 0
	}
	m.query = q
	m.results = m.index.Search(q, max(1, m.cw-4))
	m.clamp()
}

// items is how many rows can be chosen: results, or sections when there
// are none.
func (m searchModel) items() int {
	if len(m.results) > 0 {
		return len(m.results)
	}
	if strings.TrimSpace(m.query) == "" {
		return 0
	}
	return len(m.guide.Sections)
}

// rowHeight is the lines one item takes: a result has its snippet under it.
func (m searchModel) rowHeight() int {
	if len(m.results) > 0 {
		return 2
	}
	return 1
}

// visible is how many items fit under the box.
func (m searchModel) visible() int {
	return max(1, (m.height-len(m.head()))/m.rowHeight())
}

// head is what is drawn above the results: the box, the count (or what to
// do), and a gap.
func (m searchModel) head() []string {
	s := m.styles
	lines := []string{m.box.view(m.cw)}
	switch {
	case strings.TrimSpace(m.query) == "":
		lines = append(lines, s.Dim.Render(truncate(txtSearchEmpty, m.cw)))
	case len(m.results) == 1:
		lines = append(lines, s.Accent.Render(txtSearchOne))
	case len(m.results) > 1:
		lines = append(lines, s.Accent.Render(fmt.Sprintf(txtSearchMany, len(m.results))))
	default:
		for _, l := range wrap(fmt.Sprintf(txtSearchNone, strings.TrimSpace(m.query)), m.cw) {
			lines = append(lines, s.Warning.Render(l))
		}
	}
	return append(lines, "")
}

func (m *searchModel) clamp() {
	n := m.items()
	m.cursor = max(0, min(m.cursor, n-1))
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if v := m.visible(); m.cursor >= m.offset+v {
		m.offset = m.cursor - v + 1
	}
	m.offset = max(0, m.offset)
}

// focused: the box takes every key while search is open.
func (m searchModel) focused() bool { return true }

func (m searchModel) Update(msg tea.Msg) (searchModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Cancel):
			m.out = backMsg{}
			return m, nil
		case key.Matches(msg, m.keys.Up):
			m.cursor--
			m.clamp()
			return m, nil
		case key.Matches(msg, m.keys.Down):
			m.cursor++
			m.clamp()
			return m, nil
		case key.Matches(msg, m.keys.Open):
			m.out = m.open(m.cursor)
			return m, nil
		}
		var cmd tea.Cmd
		m.box, cmd = m.box.update(msg)
		m.run(false)
		return m, cmd
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionPress {
			break
		}
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.offset = max(0, m.offset-1)
		case tea.MouseButtonWheelDown:
			m.offset = max(0, min(m.offset+1, m.items()-m.visible()))
		case tea.MouseButtonLeft:
			if i := m.itemAt(msg.Y); i >= 0 {
				m.out = m.open(i)
			}
		}
	}
	return m, nil
}

func (m searchModel) itemAt(y int) int {
	top := len(m.head())
	if y < top {
		return -1
	}
	i := m.offset + (y-top)/m.rowHeight()
	if i >= m.items() || (y-top)/m.rowHeight() >= m.visible() {
		return -1
	}
	return i
}

// open is the request to open result (or section) i.
func (m searchModel) open(i int) tea.Msg {
	if i < 0 || i >= m.items() {
		return nil
	}
	if len(m.results) > 0 {
		return openPageMsg{m.results[i].Page}
	}
	return openScreenMsg{to: screenFAQ, section: m.guide.Sections[i].ID}
}

func (m searchModel) View() []string {
	lines := m.head()
	end := min(m.items(), m.offset+m.visible())
	for i := m.offset; i < end; i++ {
		lines = append(lines, m.itemLines(i)...)
	}
	return indent(fitLines(lines, m.cw, m.height), m.left)
}

func (m searchModel) itemLines(i int) []string {
	s := m.styles
	title := ""
	if len(m.results) > 0 {
		title = termsafe.Clean(m.results[i].Page.Title)
	} else {
		title = termsafe.Clean(m.guide.Sections[i].Title)
	}
	var first string
	if i == m.cursor {
		first = s.Accent.Render("› ") + s.Selected.Render(truncate(title, m.cw-2))
	} else {
		first = "  " + s.Text.Render(truncate(title, m.cw-2))
	}
	if len(m.results) == 0 {
		return []string{first}
	}
	r := m.results[i]
	return []string{first, "    " + highlight(s, r.Snippet, r.Marks)}
}

// highlight styles the marked byte ranges of a snippet.
func highlight(s *Styles, text string, marks [][2]int) string {
	var b strings.Builder
	at := 0
	for _, mk := range marks {
		from, to := max(mk[0], at), min(mk[1], len(text))
		if from >= to {
			continue
		}
		b.WriteString(s.Dim.Render(termsafe.Clean(text[at:from])))
		b.WriteString(s.Mark.Render(termsafe.Clean(text[from:to])))
		at = to
	}
	b.WriteString(s.Dim.Render(termsafe.Clean(text[at:])))
	return b.String()
}

func (m searchModel) help(g GlobalKeys) helpKeys {
	k := m.keys
	return helpKeys{
		short: []key.Binding{hint("↑/↓", "choose", k.Up, k.Down), k.Open, k.Cancel, brief(g.CallUs, "call us")},
		full:  [][]key.Binding{{k.Up, k.Down, k.Open, k.Cancel, g.CallUs, g.ForceQuit}},
	}
}
