package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/skinguide/skinguide/internal/termsafe"
)

// View draws the whole frame: never wider than the terminal, never more
// lines than it has.
func (m guideModel) View() string { return m.frame(nil) }

// View is the guide's frame, with the "Still reading?" countdown over it
// while it runs.
func (m Model) View() string {
	if m.sh.opts.Kiosk {
		m.tellHome() // on this copy: Home draws exactly what the kiosk state says
	}
	if m.kiosk.countdown <= 0 {
		return m.guideModel.View()
	}
	return m.frame(&cover{
		body: m.countdownOver,
		keys: helpKeys{short: []key.Binding{key.NewBinding(key.WithKeys("any"), key.WithHelp(m.sh.txt.AnyKey, m.sh.txt.KeepReading))}},
	})
}

// cover is drawn over the guide's body, with its own hint bar.
type cover struct {
	body func(body []string) []string
	keys helpKeys
}

func (m guideModel) frame(c *cover) string {
	if m.tooSmall() {
		return m.sh.paint.frame(m.tooSmallView(), m.width)
	}
	bh := m.height - chrome
	var body []string
	g := m.sh.keys.Global
	keys := m.screens[m.top()].help(g)
	if m.showHelp {
		short := []key.Binding{hint("?/esc", m.sh.txt.Key.Close, g.Help, g.Back), brief(g.CallUs, m.sh.txt.Key.CallUs), g.Quit}
		if m.help.scrollable(keys, m.width, bh) {
			pk := m.sh.keys.Pager
			short = append([]key.Binding{hint("↑/↓", m.sh.txt.Key.Scroll, pk.Up, pk.Down)}, short...)
		}
		body = m.help.full(keys, m.width, bh)
		keys = helpKeys{short: short}
	} else {
		body = m.screens[m.top()].view()
	}
	body = fitLines(body, m.width, bh)
	if c != nil {
		body, keys = c.body(body), c.keys
	}
	lines := make([]string, 0, m.height)
	lines = append(lines, m.header(), m.sh.styles.Rule.Render(strings.Repeat("─", m.width)))
	lines = append(lines, body...)
	lines = append(lines, m.help.bar(keys, m.width))
	return m.sh.paint.frame(strings.Join(lines, "\n"), m.width)
}

// tooSmallView is one centred line asking for a bigger window, cut to fit.
func (m guideModel) tooSmallView() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var line string
	for _, l := range m.sh.txt.TooSmall { // longest first
		line = l
		if ansiWidth(line) <= m.width {
			break
		}
	}
	line = truncate(line, m.width)
	left := (m.width - ansiWidth(line)) / 2
	top := (m.height - 1) / 2
	return strings.Repeat("\n", top) + strings.Repeat(" ", left) + line
}

// header is the bar at the top: the guide (and clinic) on the left, where
// you are on the right.
func (m guideModel) header() string {
	s := m.sh.styles
	title := termsafe.Clean(m.sh.content().Title)
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
func (m guideModel) backTarget() string {
	if !m.sh.touch || (len(m.stack) == 1 && !m.showHelp) {
		return ""
	}
	return " " + m.sh.txt.Back + " "
}

func (m guideModel) place() string {
	if m.showHelp {
		return m.sh.txt.PlaceHelp
	}
	return m.screens[m.top()].place()
}
