package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/skinguide/skinguide/internal/termsafe"
)

// View draws the whole frame: never wider than the terminal, never more
// lines than it has.
func (m Model) View() string {
	if m.tooSmall() {
		return m.tooSmallView()
	}
	bh := m.height - chrome
	var body []string
	keys := m.screenHelp()
	if m.showHelp {
		body = m.help.full(keys, m.width, bh)
		g := m.sh.keys.Global
		keys = helpKeys{short: []key.Binding{hint("?/esc", "close", g.Help, g.Back), brief(g.CallUs, "call us"), g.Quit}}
	} else {
		body = m.screenView()
	}
	body = fitLines(body, m.width, bh)
	if m.kiosk.countdown > 0 {
		body = m.countdownOver(body)
		keys = helpKeys{short: []key.Binding{key.NewBinding(key.WithKeys("any"), key.WithHelp(txtAnyKey, txtKeepReading))}}
	}
	lines := make([]string, 0, m.height)
	lines = append(lines, m.header(), m.sh.styles.Rule.Render(strings.Repeat("─", m.width)))
	lines = append(lines, body...)
	lines = append(lines, m.help.bar(keys, m.width))
	return strings.Join(lines, "\n")
}

// tooSmallView is one centred line asking for a bigger window, cut to fit.
func (m Model) tooSmallView() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	line := txtTooSmall
	for _, shorter := range []string{txtTooSmall2, txtTooSmall3, txtTooSmall4} {
		if ansiWidth(line) <= m.width {
			break
		}
		line = shorter
	}
	line = truncate(line, m.width)
	left := (m.width - ansiWidth(line)) / 2
	top := (m.height - 1) / 2
	return strings.Repeat("\n", top) + strings.Repeat(" ", left) + line
}

// header is the bar at the top: the guide (and clinic) on the left, where
// you are on the right.
func (m Model) header() string {
	s := m.sh.styles
	title := termsafe.Clean(m.sh.guide.Title)
	if name := termsafe.Clean(m.sh.opts.Clinic.Name); name != "" {
		title += " · " + name
	}
	left := " " + title
	if back := m.backTarget(); back != "" {
		left = back + left
	}
	place := m.place()
	right := ""
	if place != "" && ansiWidth(left)+ansiWidth(place)+3 <= m.width {
		right = place + " "
	}
	left = pad(left, m.width-ansiWidth(right))
	if back := m.backTarget(); back != "" && strings.HasPrefix(left, back) {
		// The button keeps its own colours inside the bar.
		return s.Button.Render(back) + s.Header.Render(strings.TrimPrefix(left, back)) + s.HeaderPlace.Render(right)
	}
	return s.Header.Render(left) + s.HeaderPlace.Render(right)
}

// backTarget is the "‹ Back" button at the left of the header, for touch
// screens, on every screen but Home, in kiosk mode. "" when none is shown.
func (m Model) backTarget() string {
	if !m.sh.opts.Kiosk || (m.top() == screenHome && !m.showHelp) {
		return ""
	}
	return " " + txtBack + " "
}

func (m Model) place() string {
	if m.showHelp {
		return txtPlaceHelp
	}
	switch m.top() {
	case screenFAQ:
		return txtPlaceFAQ
	case screenSearch:
		return txtPlaceSearch
	case screenTimeline:
		return txtPlaceTimeline
	case screenCallUs:
		return txtPlaceCallUs
	case screenPage:
		if p := m.page.answer.page(); p != nil && p.ID != "about" {
			return termsafe.Clean(p.Title)
		}
		return txtPlaceAbout
	case screenStaff:
		return txtPlaceStaff
	}
	return ""
}

func (m Model) screenView() []string {
	switch m.top() {
	case screenFAQ:
		return m.faq.View()
	case screenSearch:
		return m.search.View()
	case screenTimeline:
		return m.timeline.View()
	case screenCallUs:
		return m.callUs.View()
	case screenPage:
		return m.page.View()
	case screenStaff:
		return m.staff.View()
	}
	return m.homeNow().View()
}

// homeNow is Home as it is now: on a kiosk, with the fact and the notice
// that the root keeps.
func (m Model) homeNow() homeModel {
	h := m.home
	h.fact = m.currentFact()
	h.notice = m.kiosk.notice
	return h
}

func (m Model) screenHelp() helpKeys {
	g := m.sh.keys.Global
	switch m.top() {
	case screenFAQ:
		return m.faq.help(g)
	case screenSearch:
		return m.search.help(g)
	case screenTimeline:
		return m.timeline.help(g)
	case screenCallUs:
		return m.callUs.help(g)
	case screenPage:
		return m.page.help(g)
	case screenStaff:
		return m.staff.help(g)
	}
	return m.homeNow().help(g)
}
