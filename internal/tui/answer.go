package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/render"
)

// answerView is a page in a pager with a position line under it and,
// when the page has them, its related questions, which number keys and
// clicks open.
type answerView struct {
	styles  *Styles
	keys    PagerKeys
	guide   *content.Guide
	pager   pager
	related []*content.Page

	width, height int
}

func newAnswerView(styles *Styles, keys PagerKeys, g *content.Guide, pc *pageCache, style render.Style) answerView {
	return answerView{styles: styles, keys: keys, guide: g, pager: newPager(pc, style, keys)}
}

func (a *answerView) setPage(p *content.Page) {
	a.pager.setPage(p)
	a.related = a.related[:0:0]
	if p == nil {
		return
	}
	for _, id := range p.Related {
		if rp, ok := a.guide.Page(id); ok && len(a.related) < 9 {
			a.related = append(a.related, rp)
		}
	}
	a.layout()
}

func (a *answerView) setSize(w, h int) {
	a.width, a.height = w, h
	a.layout()
}

// relatedLines is how many lines the related questions take: a heading and
// one line each when there is room, otherwise a single line.
func (a answerView) relatedLines() int {
	switch {
	case len(a.related) == 0:
		return 0
	case a.height >= 18:
		return 1 + min(len(a.related), (a.height-12)/2)
	}
	return 1
}

func (a *answerView) layout() {
	a.pager.setSize(a.width, max(1, a.height-1-a.relatedLines()))
}

func (a answerView) page() *content.Page { return a.pager.page }

// relatedAt returns the related page drawn on a line of this view, if any.
func (a answerView) relatedAt(y int) *content.Page {
	n := a.relatedLines()
	first := a.height - n
	if n <= 1 || y <= first || y >= a.height {
		return nil
	}
	if i := y - first - 1; i < len(a.related) {
		return a.related[i]
	}
	return nil
}

// update scrolls the page and opens related questions; opening is left to
// the screen that owns the view, through openRelated.
func (a answerView) update(msg tea.Msg) (answerView, *content.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if key.Matches(msg, a.keys.Related) {
			n, _ := strconv.Atoi(msg.String())
			if n >= 1 && n <= len(a.related) {
				return a, a.related[n-1], nil
			}
			return a, nil, nil
		}
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft {
			return a, a.relatedAt(msg.Y), nil
		}
	}
	var cmd tea.Cmd
	a.pager, cmd = a.pager.update(msg)
	return a, nil, cmd
}

func (a answerView) view() []string {
	s := a.styles
	lines := a.pager.view()
	pos := a.pager.position()
	rule := ""
	if n := a.width - ansiWidth(pos) - 4; n > 0 {
		rule = strings.Repeat("─", n)
	}
	lines = append(lines, s.Rule.Render("── ")+s.Position.Render(pos)+" "+s.Rule.Render(rule))
	switch n := a.relatedLines(); {
	case n == 1:
		var parts []string
		for i, p := range a.related {
			parts = append(parts, fmt.Sprintf("%s %s", s.MenuNumber.Render(strconv.Itoa(i+1)), p.Title))
		}
		lines = append(lines, "  "+s.Heading.Render("Related: ")+strings.Join(parts, s.Dim.Render(" · ")))
	case n > 1:
		lines = append(lines, "  "+s.Heading.Render(txtRelated+" (press a number)"))
		for i, p := range a.related[:n-1] {
			lines = append(lines, "    "+s.MenuNumber.Render(strconv.Itoa(i+1))+" "+s.Text.Render(p.Title))
		}
	}
	return fitLines(lines, a.width, a.height)
}

// neighbours are the pages worth rendering before they are asked for.
func (a answerView) neighbours() []*content.Page { return a.related }
