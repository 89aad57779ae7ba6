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
// A query that names a warning sign leads with When to call us, showing
// the sign's level. When nothing matches it offers near words, When to
// call us and the FAQ sections, so a patient is never left at a dead end.
type searchModel struct {
	styles  *Styles
	txt     *texts
	keys    SearchKeys
	index   *search.Index
	guide   *content.Guide
	numbers content.Numbers
	pages   *pageCache // the selected result is rendered ahead
	style   render.Style

	box    textBox
	query  string // what results are for
	res    search.Results
	rows   []searchRow
	cursor int
	offset int // first row shown

	left, width, cw, height int
	out                     tea.Msg // a request to the root; see update
}

// searchRow is one row that can be chosen.
type searchRow struct {
	kind    rowKind
	result  int    // rowResult: index into res.Items
	word    string // rowWord: a word to search for instead
	section string // rowSection
}

type rowKind int

const (
	rowResult  rowKind = iota
	rowWord            // "Did you mean ...?"
	rowCallUs          // When to call us, offered when nothing matches
	rowChecker         // "Is this normal?": under a warning sign's row, and when nothing matches
	rowSection         // an FAQ section, offered when nothing matches
)

func newSearch(sh *session) screen {
	return searchModel{
		styles:  sh.styles,
		txt:     sh.txt,
		keys:    sh.keys.Search,
		index:   sh.guide.index,
		guide:   sh.content(),
		numbers: sh.opts.Clinic.Numbers(),
		pages:   sh.guide.pages,
		style:   sh.style,
		box:     newTextBox(sh.styles, isASCII(sh.style), sh.txt.SearchPrompt, "", 60),
	}
}

func (m searchModel) place() string  { return m.txt.PlaceSearch }
func (m searchModel) view() []string { return m.View() }
func (m searchModel) ahead() tea.Cmd { return nil }
func (m searchModel) pickUp() screen { return m }

// show opens search. Opened again with "/", it keeps the last query,
// selected, so typing replaces it and Enter or the arrows go on with it.
// Esc from a result comes back without show: all is as it was.
func (m searchModel) show(t target) screen {
	if !t.onTop && m.box.value() != "" {
		m.box.selectAll()
	}
	return m
}

// prepare renders the selected result in the background, at the width
// the FAQ browser would show it.
func (m searchModel) prepare() (screen, tea.Cmd) {
	if m.cursor >= len(m.rows) || m.rows[m.cursor].kind != rowResult {
		return m, nil
	}
	return m, prerender(m.pages, m.style, faqLayout(m.width).answerWidth, m.res.Items[m.rows[m.cursor].result].Page)
}

// update is Update for the root: the request comes back with the screen.
func (m searchModel) update(msg tea.Msg) (screen, tea.Cmd, tea.Msg) {
	m, cmd := m.Update(msg)
	req := m.out
	m.out = nil
	return m, cmd, req
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
	m.res = m.index.Find(q)
	m.rows = m.rows[:0:0]
	checker := m.guide.Symptoms != nil
	for i := range m.res.Items {
		m.rows = append(m.rows, searchRow{kind: rowResult, result: i})
		if i == 0 && m.res.Items[0].Safety && checker {
			m.rows = append(m.rows, searchRow{kind: rowChecker})
		}
	}
	if len(m.rows) == 0 && strings.TrimSpace(q) != "" {
		for _, w := range m.res.DidYouMean {
			m.rows = append(m.rows, searchRow{kind: rowWord, word: w})
		}
		if _, ok := m.guide.Page(content.PageCallUs); ok {
			m.rows = append(m.rows, searchRow{kind: rowCallUs})
		}
		if checker {
			m.rows = append(m.rows, searchRow{kind: rowChecker})
		}
		for _, sec := range m.guide.Sections {
			m.rows = append(m.rows, searchRow{kind: rowSection, section: sec.ID})
		}
	}
	m.clamp()
}

// snippets makes the snippets of the results on screen, and only those:
// with 1,000 pages a keystroke cannot afford one per match.
func (m *searchModel) snippets() {
	if len(m.res.Items) == 0 {
		return
	}
	from, to := -1, -1
	for _, r := range m.rows[min(m.offset, len(m.rows)):min(m.offset+m.visible(), len(m.rows))] {
		if r.kind == rowResult {
			if from < 0 {
				from = r.result
			}
			to = r.result + 1
		}
	}
	if from >= 0 {
		m.res.Snippets(from, to, max(1, m.cw-4))
	}
}

// rowHeight is the lines row i takes: a result has its snippet under it,
// the safety page its warning sign on up to two lines.
func (m searchModel) rowHeight(i int) int {
	switch {
	case len(m.res.Items) == 0:
		return 1
	case m.signRow(i):
		return 1 + len(m.signLines(m.res.Signs[0], m.cw-4))
	}
	return 2
}

// signRow reports whether row i is the safety page with the sign the
// query names.
func (m searchModel) signRow(i int) bool {
	r := m.rows[i]
	return r.kind == rowResult && m.res.Items[r.result].Safety && len(m.res.Signs) > 0
}

// visible is how many rows, from the first shown, fit under the box.
func (m searchModel) visible() int {
	room := m.height - m.headHeight()
	need := 0
	for i := m.offset; i < len(m.rows) && need <= room; i++ {
		need += m.rowHeight(i) // stops once it is sure: a guide may have 1,000 pages
	}
	if need > room {
		room-- // the "more below" line
	}
	n := 0
	for i := m.offset; i < len(m.rows); i++ {
		if room -= m.rowHeight(i); room < 0 {
			break
		}
		n++
	}
	return max(1, n)
}

// head is what is drawn above the results: the box, the correction of a
// typo, the count (or what to do), and a gap.
func (m searchModel) head() []string {
	s := m.styles
	lines := []string{m.box.view(m.cw)}
	n := len(m.res.Items)
	if m.res.Correction != "" {
		lines = append(lines, s.Text.Render(truncate(fmt.Sprintf(m.txt.SearchCorrected, termsafe.Clean(m.res.Correction)), m.cw)))
	}
	switch {
	case strings.TrimSpace(m.query) == "":
		lines = append(lines, s.Dim.Render(truncate(m.txt.SearchEmpty, m.cw)))
	case n == 1:
		lines = append(lines, s.Accent.Render(m.txt.SearchOne))
	case n > 1:
		lines = append(lines, s.Accent.Render(fmt.Sprintf(m.txt.SearchMany, n)))
	default:
		for _, l := range wrap(fmt.Sprintf(m.txt.SearchNone, termsafe.Clean(strings.TrimSpace(m.query))), m.cw) {
			lines = append(lines, s.Warning.Render(l))
		}
	}
	return append(lines, "")
}

// headHeight is len(m.head()), without drawing the box: visible asks
// for it several times a key.
func (m searchModel) headHeight() int {
	n := 2 // the box, and the gap under what follows it
	if m.res.Correction != "" {
		n++
	}
	if strings.TrimSpace(m.query) != "" && len(m.res.Items) == 0 {
		return n + len(wrap(fmt.Sprintf(m.txt.SearchNone, termsafe.Clean(strings.TrimSpace(m.query))), m.cw))
	}
	return n + 1
}

func (m *searchModel) clamp() {
	n := len(m.rows)
	m.cursor = max(0, min(m.cursor, n-1))
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	for m.offset < m.cursor && m.cursor >= m.offset+m.visible() {
		m.offset++
	}
	m.offset = max(0, m.offset)
	m.snippets()
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
			m.choose(m.cursor)
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
			m.snippets()
		case tea.MouseButtonWheelDown:
			m.offset = max(0, min(m.offset+1, len(m.rows)-m.visible()))
			m.snippets()
		case tea.MouseButtonLeft:
			if i := m.itemAt(msg.Y); i >= 0 {
				m.cursor = i
				m.choose(i)
			}
		}
	}
	return m, nil
}

func (m searchModel) itemAt(y int) int {
	top := m.headHeight()
	if y < top {
		return -1
	}
	end := min(len(m.rows), m.offset+m.visible())
	for i := m.offset; i < end; i++ {
		if top += m.rowHeight(i); y < top {
			return i
		}
	}
	return -1
}

// choose does what row i offers: open a result, a section or When to call
// us, or search for a suggested word.
func (m *searchModel) choose(i int) {
	if i < 0 || i >= len(m.rows) {
		return
	}
	r := m.rows[i]
	switch r.kind {
	case rowResult:
		m.out = openPageMsg{m.res.Items[r.result].Page}
	case rowWord:
		m.box.setValue(r.word)
		m.run(false)
	case rowCallUs:
		if p, ok := m.guide.Page(content.PageCallUs); ok {
			m.out = openPageMsg{p}
		}
	case rowChecker:
		m.out = openScreenMsg{to: screenNormal}
	case rowSection:
		m.out = openScreenMsg{to: screenFAQ, section: r.section}
	}
}

func (m searchModel) View() []string {
	lines := m.head()
	end := min(len(m.rows), m.offset+m.visible())
	for i := m.offset; i < end; i++ {
		lines = append(lines, m.itemLines(i)...)
	}
	if below := len(m.rows) - end; below > 0 {
		lines = append(lines, m.styles.Dim.Render(truncate(fmt.Sprintf(m.txt.MoreBelow, below), m.cw)))
	}
	return indent(fitLines(lines, m.cw, m.height), m.left)
}

func (m searchModel) itemLines(i int) []string {
	s := m.styles
	r := m.rows[i]
	var title string
	switch r.kind {
	case rowResult:
		title = termsafe.Clean(m.res.Items[r.result].Page.Title)
	case rowWord:
		title = fmt.Sprintf(m.txt.SearchDidYouMean, termsafe.Clean(r.word))
	case rowCallUs:
		title = m.txt.MenuCall
	case rowChecker:
		title = termsafe.Clean(m.guide.Symptoms.Text["title"])
	case rowSection:
		title = termsafe.Clean(m.guide.SectionTitle(r.section))
	}
	var first string
	if i == m.cursor {
		first = s.Accent.Render("› ") + s.Selected.Render(truncate(title, m.cw-2))
	} else {
		first = "  " + s.Text.Render(truncate(title, m.cw-2))
	}
	if r.kind == rowChecker && len(m.res.Items) > 0 {
		return []string{first, "    " + s.Dim.Render(truncate(termsafe.Clean(m.guide.Symptoms.Text["menu"]), m.cw-4))}
	}
	if r.kind != rowResult {
		return []string{first}
	}
	res := m.res.Items[r.result]
	if res.Safety && len(m.res.Signs) > 0 {
		lines := []string{first}
		for _, l := range m.signLines(m.res.Signs[0], m.cw-4) {
			lines = append(lines, "    "+levelStyle(m.styles, m.res.Signs[0].Level).Render(l))
		}
		return lines
	}
	return []string{first, "    " + highlight(s, res.Snippet, res.Marks)}
}

// signLines name the warning sign a query matched, with its level first:
// "Emergency: call 999 now · Trouble breathing…", on two lines at most,
// so that what makes it a sign ("after about 7 days") is not cut off at
// 80 columns. The caller styles them in the level's style.
func (m searchModel) signLines(sg content.Sign, w int) []string {
	signs := m.guide.Signs
	level := sg.Level
	if signs != nil {
		if l, ok := signs.Level(sg.Level); ok {
			level = signs.LevelTitle(l, m.numbers)
		}
	}
	lines := wrap(termsafe.Clean(level)+" · "+termsafe.Clean(sg.Words), w)
	if len(lines) > 2 {
		lines = []string{lines[0], truncate(strings.Join(lines[1:], " "), w)}
	}
	return lines
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
		short: []key.Binding{hint("↑/↓", m.txt.Key.Choose, k.Up, k.Down), k.Open, k.Cancel, brief(g.CallUs, m.txt.Key.CallUs)},
		full:  [][]key.Binding{{k.Up, k.Down, k.Open, k.Cancel, g.CallUs, g.ForceQuit}},
	}
}

// levelStyle is the style of a level of help, so a warning sign is shown
// in the same style wherever it appears. The words always name the level:
// colour never carries it alone.
func levelStyle(s *Styles, level string) Style {
	switch level {
	case content.LevelEmergency:
		return s.Emergency
	case content.LevelToday:
		return s.Urgent
	case content.LevelHours:
		return s.Calm
	}
	return s.Accent // normal healing
}
