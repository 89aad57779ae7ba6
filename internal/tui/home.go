package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/termsafe"
)

type menuItem struct {
	label, desc string
	to          screenID
	page        *content.Page // the page to show there; nil for the screen's own
}

// homeModel is the first screen: a welcome line and the menu. In kiosk
// mode it is also the attract screen: the kiosk tells it (attractMsg) the
// "Did you know?" page to show until someone uses the app, and a line for
// the person at the screen.
type homeModel struct {
	styles        *Styles
	txt           *texts
	keys          HomeKeys
	touch         bool // kiosk: say "touch", as the screen may have no keyboard
	welcome       string
	items         []menuItem
	cursor        int
	width, height int
	fact          *content.Page
	out           tea.Msg // a request to the root; see update
	// langs are the names of the guide's languages ("English", "Español"),
	// lang the one on screen; the switch shows only with two or more.
	langs []string
	lang  int
}

func newHome(sh *session) screen {
	items := []menuItem{
		{sh.txt.MenuFAQ, sh.txt.MenuFAQDesc, screenFAQ, nil},
		{sh.txt.MenuTime, sh.txt.MenuTimeDesc, screenTimeline, nil},
		{sh.txt.MenuCall, sh.txt.MenuCallDesc, screenCallUs, nil},
	}
	if sy := sh.content().Symptoms; sy != nil {
		items = append(items, menuItem{termsafe.Clean(sy.Text["title"]), termsafe.Clean(sy.Text["menu"]), screenNormal, nil})
	}
	// The glossary, which About promises, where a patient looks for it,
	// on a kiosk too (its attract screen makes room: see layout).
	if g, ok := sh.content().Page(content.PageGlossary); ok {
		items = append(items, menuItem{sh.txt.MenuWords, sh.txt.MenuWordsDesc, screenPage, g})
	}
	items = append(items, menuItem{sh.txt.MenuAbout, sh.txt.MenuAboutDesc, screenPage, nil})
	m := homeModel{
		styles:  sh.styles,
		txt:     sh.txt,
		keys:    sh.keys.Home,
		touch:   sh.touch,
		welcome: termsafe.Clean(sh.content().Welcome),
		items:   items,
	}
	if len(sh.guide.langs) > 1 {
		for i, l := range sh.guide.langs {
			m.langs = append(m.langs, termsafe.Clean(l.content.UI.Text("language_name")))
			if l == sh.guide {
				m.lang = i
			}
		}
	}
	return m
}

func (m homeModel) setSize(w, h int) screen {
	m.width, m.height = w, h
	return m
}

func (m homeModel) focused() bool              { return false }
func (m homeModel) place() string              { return "" }
func (m homeModel) show(target) screen         { return m }
func (m homeModel) prepare() (screen, tea.Cmd) { return m, nil }
func (m homeModel) ahead() tea.Cmd             { return nil }
func (m homeModel) pickUp() screen             { return m }
func (m homeModel) view() []string             { return m.View() }

// update is Update for the root: the request comes back with the screen.
func (m homeModel) update(msg tea.Msg) (screen, tea.Cmd, tea.Msg) {
	m, cmd := m.Update(msg)
	req := m.out
	m.out = nil
	return m, cmd, req
}

func (m homeModel) Update(msg tea.Msg) (homeModel, tea.Cmd) {
	switch msg := msg.(type) {
	case attractMsg:
		m.fact = msg.fact
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Up):
			m.cursor = (m.cursor + len(m.items) - 1) % len(m.items)
		case key.Matches(msg, m.keys.Down):
			m.cursor = (m.cursor + 1) % len(m.items)
		case key.Matches(msg, m.keys.Choose):
			m.out = openScreenMsg{to: m.items[m.cursor].to, page: m.items[m.cursor].page}
			return m, nil
		case key.Matches(msg, m.keys.Number):
			n, _ := strconv.Atoi(msg.String())
			if n >= 1 && n <= len(m.items) {
				m.cursor = n - 1
				m.out = openScreenMsg{to: m.items[m.cursor].to, page: m.items[m.cursor].page}
				return m, nil
			}
		case key.Matches(msg, m.keys.Search):
			m.out = openScreenMsg{to: screenSearch}
			return m, nil
		case m.fact != nil && key.Matches(msg, m.keys.Fact):
			m.out = openPageMsg{m.fact}
			return m, nil
		case len(m.langs) > 1 && key.Matches(msg, m.keys.Language):
			m.out = languageMsg{to: (m.lang + 1) % len(m.langs)}
			return m, nil
		}
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft {
			break
		}
		lay := m.layout()
		if len(m.langs) > 1 && msg.Y == lay.langRow {
			for i := len(lay.langX) - 1; i >= 0; i-- {
				if msg.X >= lay.langX[i] {
					if i != m.lang {
						m.out = languageMsg{to: i}
					}
					return m, nil
				}
			}
			return m, nil
		}
		if m.fact != nil && msg.Y >= lay.factFrom && msg.Y < lay.factTo {
			m.out = openPageMsg{m.fact}
			return m, nil
		}
		rows := lay.rows
		for i, r := range rows {
			if msg.Y == r || (r >= 0 && lay.desc && msg.Y == r+1) {
				m.cursor = i
				m.out = openScreenMsg{to: m.items[i].to, page: m.items[i].page}
				return m, nil
			}
		}
	}
	return m, nil
}

// showDescriptions says whether there is room for a line under each item.
func (m homeModel) showDescriptions() bool { return m.height >= 16 && m.width >= 50 }

// homeLayout is the drawn body, with the line each menu item is on and the
// lines of the fact box, so that a click can find what is under it.
type homeLayout struct {
	lines            []string
	rows             []int
	factFrom, factTo int // the fact box's lines; empty when none is shown
	langRow          int // the language switch's line, -1 when none
	langX            []int
	desc             bool // a line under each item says what it holds
}

// layout draws the body. The menu always shows; the fact box and the hint
// under it only when there is room, in that order. On the attract screen
// the fact box comes before the lines under the items: a kiosk's 80x24
// shows the menu, one line an item, and the "Did you know?" box.
func (m homeModel) layout() homeLayout {
	lay := m.layoutWith(m.showDescriptions())
	if lay.desc && m.fact != nil && lay.factTo == 0 {
		if short := m.layoutWith(false); short.factTo > 0 {
			return short
		}
	}
	return lay
}

func (m homeModel) layoutWith(desc bool) homeLayout {
	left, w := column(m.width-4, 72)
	left += 2
	s := m.styles
	var lines []string
	var rows []int
	// Every item of the menu shows, whatever the size: on a short screen
	// (40x12) the welcome line goes first.
	welcome := wrap(m.welcome, w)
	menu := len(m.items) * (1 + boolInt(desc))
	if len(m.langs) > 1 {
		menu += 2
	}
	if len(welcome)+1+menu > m.height {
		welcome = nil
	}
	for _, l := range welcome {
		lines = append(lines, s.Text.Render(l))
	}
	if len(welcome) > 0 {
		lines = append(lines, "")
	}
	langRow, langX := -1, []int(nil)
	if len(m.langs) > 1 {
		// The switch names each language in its own words, so a reader
		// finds theirs whatever is on screen; one touch or L changes it.
		var b strings.Builder
		x := 0
		for i, name := range m.langs {
			if i > 0 {
				b.WriteString(s.Dim.Render(" · "))
				x += 3
			}
			langX = append(langX, left+x)
			if i == m.lang {
				b.WriteString(s.Selected.Render(" " + name + " "))
			} else {
				b.WriteString(s.Accent.Render(" " + name + " "))
			}
			x += ansiWidth(name) + 2
		}
		b.WriteString(s.Dim.Render("  (L)"))
		langRow = len(lines)
		lines = append(lines, truncate(b.String(), w), "")
	}
	for i, it := range m.items {
		marker := "  "
		label := s.Text.Render(it.label)
		if i == m.cursor {
			marker = s.Accent.Render("› ")
			label = s.Selected.Render(" " + it.label + " ")
		} else {
			label = " " + label
		}
		rows = append(rows, len(lines))
		lines = append(lines, marker+s.MenuNumber.Render(strconv.Itoa(i+1))+" "+label)
		if desc {
			lines = append(lines, "     "+s.Dim.Render(truncate(it.desc, w-5)))
		}
	}
	factFrom, factTo := 0, 0
	if box := m.factBox(w); box != nil && len(lines)+1+len(box) <= m.height {
		lines = append(lines, "")
		factFrom = len(lines)
		lines = append(lines, box...)
		factTo = len(lines)
	}
	text := m.txt.HomeHint
	if m.touch {
		text = m.txt.HomeHintTouch
	}
	if hint := wrap(text, w); len(lines)+1+len(hint) <= m.height {
		lines = append(lines, "")
		for _, l := range hint {
			lines = append(lines, s.Dim.Render(l))
		}
	}
	// A little air above the menu on tall screens, but keep it in the top
	// half where the eye starts.
	top := 1
	if m.height > len(lines)+2 {
		top = max(1, (m.height-len(lines))/3)
	}
	if len(lines)+top > m.height {
		top = max(0, m.height-len(lines))
	}
	pad := make([]string, top)
	lines = append(pad, lines...)
	for i := range rows {
		rows[i] += top
	}
	if factTo > 0 {
		factFrom, factTo = factFrom+top, factTo+top
	}
	if langRow >= 0 {
		langRow += top
	}
	return homeLayout{lines: indent(lines, left), rows: rows, factFrom: factFrom, factTo: factTo, langRow: langRow, langX: langX, desc: desc}
}

// factBox draws the "Did you know?" fact in a box w cells wide, or nil.
func (m homeModel) factBox(w int) []string {
	if m.fact == nil || w < 20 {
		return nil
	}
	s := m.styles
	inner := w - 4 // the border and a space on each side
	body := []string{s.Heading.Render(m.txt.FactTitle)}
	for _, l := range wrap(termsafe.Clean(m.fact.Fact), inner) {
		body = append(body, s.Text.Render(l))
	}
	for _, l := range wrap(m.txt.FactMore, inner) {
		body = append(body, s.Dim.Render(l))
	}
	return strings.Split(s.FactBox.Width(w-2).Render(strings.Join(body, "\n")), "\n")
}

func (m homeModel) View() []string {
	return fitLines(m.layout().lines, m.width, m.height)
}

func (m homeModel) help(g GlobalKeys) helpKeys {
	k := m.keys
	short := []key.Binding{hint("↑/↓", m.txt.Key.Move, k.Up, k.Down), k.Choose, k.Search}
	// The number keys as far as the menu goes: "1-5" on a kiosk's Home.
	first := []key.Binding{k.Up, k.Down, k.Choose, relabel(k.Number, "1-"+strconv.Itoa(len(m.items)))}
	if m.fact != nil {
		short = append(short, brief(k.Fact, m.txt.Key.TheFact))
		first = append(first, k.Fact)
	}
	if len(m.langs) > 1 {
		first = append(first, k.Language)
	}
	return helpKeys{
		short: append(short, brief(g.CallUs, m.txt.Key.CallUs), brief(g.Help, m.txt.Key.Help), g.Quit),
		full: [][]key.Binding{
			first,
			{k.Search, g.CallUs, g.Help, g.Quit, g.ForceQuit, g.Suspend},
		},
	}
}
