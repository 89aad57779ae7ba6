package tui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

type menuItem struct {
	label, desc string
	to          screen
}

// homeModel is the first screen: a welcome line and the menu.
type homeModel struct {
	styles        *Styles
	keys          HomeKeys
	welcome       string
	items         []menuItem
	cursor        int
	width, height int
	out           tea.Msg // a request to the root; see Model.updateTop
}

func newHome(styles *Styles, keys HomeKeys, welcome string) homeModel {
	return homeModel{
		styles:  styles,
		keys:    keys,
		welcome: welcome,
		items: []menuItem{
			{txtMenuFAQ, txtMenuFAQDesc, screenFAQ},
			{txtMenuTime, txtMenuTimeDesc, screenTimeline},
			{txtMenuCall, txtMenuCallDesc, screenCallUs},
			{txtMenuAbout, txtMenuAboutDes, screenPage},
		},
	}
}

func (m *homeModel) SetSize(w, h int) { m.width, m.height = w, h }

func (m homeModel) Update(msg tea.Msg) (homeModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Up):
			m.cursor = (m.cursor + len(m.items) - 1) % len(m.items)
		case key.Matches(msg, m.keys.Down):
			m.cursor = (m.cursor + 1) % len(m.items)
		case key.Matches(msg, m.keys.Choose):
			m.out = openScreenMsg{m.items[m.cursor].to}
			return m, nil
		case key.Matches(msg, m.keys.Number):
			n, _ := strconv.Atoi(msg.String())
			if n >= 1 && n <= len(m.items) {
				m.cursor = n - 1
				m.out = openScreenMsg{m.items[m.cursor].to}
				return m, nil
			}
		case key.Matches(msg, m.keys.Search):
			m.out = openScreenMsg{screenSearch}
			return m, nil
		}
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft {
			break
		}
		_, rows := m.layout()
		for i, r := range rows {
			if msg.Y == r || (r >= 0 && m.showDescriptions() && msg.Y == r+1) {
				m.cursor = i
				m.out = openScreenMsg{m.items[i].to}
				return m, nil
			}
		}
	}
	return m, nil
}

// showDescriptions says whether there is room for a line under each item.
func (m homeModel) showDescriptions() bool { return m.height >= 16 && m.width >= 50 }

// layout draws the body and returns the line each menu item is on, so that
// a mouse click can find the item under it.
func (m homeModel) layout() (lines []string, rows []int) {
	left, w := column(m.width-4, 72)
	left += 2
	s := m.styles
	for _, l := range wrap(m.welcome, w) {
		lines = append(lines, s.Text.Render(l))
	}
	lines = append(lines, "")
	desc := m.showDescriptions()
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
	if hint := wrap(txtHomeHint, w); len(lines)+1+len(hint) <= m.height {
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
	return indent(lines, left), rows
}

func (m homeModel) View() []string {
	lines, _ := m.layout()
	return fitLines(lines, m.width, m.height)
}

func (m homeModel) help(g GlobalKeys) helpKeys {
	k := m.keys
	return helpKeys{
		short: []key.Binding{hint("↑/↓", "move", k.Up, k.Down), k.Choose, k.Search, brief(g.CallUs, "call us"), brief(g.Help, "help"), g.Quit},
		full: [][]key.Binding{
			{k.Up, k.Down, k.Choose, k.Number},
			{k.Search, g.CallUs, g.Help, g.Quit, g.ForceQuit, g.Suspend},
		},
	}
}
