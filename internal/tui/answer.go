package tui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/termsafe"
)

// answerView is a page in a pager with a position line under it and,
// when the page has them, its related questions, which number keys and
// clicks open.
type answerView struct {
	styles  *Styles
	txt     *texts
	keys    PagerKeys
	guide   *content.Guide
	pager   pager
	related []*content.Page
	touch   bool // kiosk: "▲ Up" and "▼ Down" buttons for touch screens

	width, height int
}

func newAnswerView(sh *session) answerView {
	keys := sh.keys.Pager
	return answerView{styles: sh.styles, txt: sh.txt, keys: keys, guide: sh.content(), pager: newPager(sh.guide.pages, sh.style, keys), touch: sh.touch}
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

// relatedListHeight is the least height at which related questions get a
// heading and a line each; below it they are packed onto one or two lines,
// so that an answer at 80x24 keeps most of the screen.
const relatedListHeight = 30

// relatedLines is how many lines the related questions take: a heading and
// one line each on tall screens, otherwise the packed lines.
func (a answerView) relatedLines() int {
	switch {
	case len(a.related) == 0:
		return 0
	case a.height >= relatedListHeight:
		return 1 + min(len(a.related), (a.height-12)/2)
	}
	return len(a.relatedRows())
}

// relatedItem is a related question as packed: "N title".
func relatedItem(i int, p *content.Page) string {
	return strconv.Itoa(i+1) + " " + termsafe.Clean(p.Title)
}

// relatedRows packs the related questions onto lines, whole titles only:
// the first line starts with "Related: ", the next ones under it. Short
// screens get one line, others up to three; what still does not fit is
// left out, with "…" at the end of the last line (their numbers still
// open them).
func (a answerView) relatedRows() [][]int {
	maxRows := 3
	switch {
	case a.height < 16:
		maxRows = 1
	case a.height < 20:
		maxRows = 2
	}
	indent := 2 + ansiWidth(a.txt.RelatedShort)
	var rows [][]int
	at := a.width // start a new row at once
	for i, p := range a.related {
		w := ansiWidth(relatedItem(i, p))
		if len(rows) > 0 && len(rows[len(rows)-1]) > 0 {
			w += ansiWidth(relatedSep)
		}
		if at+w > a.width {
			if len(rows) == maxRows {
				break // the rest: "…" at the end of the last line
			}
			rows = append(rows, nil)
			at = indent
			w = ansiWidth(relatedItem(i, p))
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], i)
		at += w
	}
	return rows
}

func (a *answerView) layout() {
	a.pager.setSize(a.width, max(1, a.height-1-a.relatedLines()))
	a.pager.setTail(a.relatedTail())
}

// relatedTail lists every related question, whole and numbered, after the
// page when the packed lines under it leave some out (a timeline step at
// 80x24 has room for one line), so that no title is known only by its
// number.
func (a answerView) relatedTail() []string {
	if len(a.related) == 0 || a.height >= relatedListHeight || len(slices.Concat(a.relatedRows()...)) == len(a.related) {
		return nil
	}
	s := a.styles
	tail := []string{"", "  " + s.Heading.Render(a.txt.RelatedPress)}
	for i, p := range a.related {
		n := strconv.Itoa(i + 1)
		indent := strings.Repeat(" ", 4+ansiWidth(n)+1)
		wrapped := wrap(termsafe.Clean(p.Title), max(10, a.width-len(indent)-1))
		for j, l := range wrapped {
			if j == 0 {
				tail = append(tail, "    "+s.MenuNumber.Render(n)+" "+s.Text.Render(l))
				continue
			}
			tail = append(tail, indent+s.Text.Render(l))
		}
	}
	return tail
}

func (a answerView) page() *content.Page { return a.pager.page }

// relatedAt returns the related page drawn at a cell of this view, if any.
func (a answerView) relatedAt(x, y int) *content.Page {
	n := a.relatedLines()
	first := a.height - n
	if n == 0 || y < first || y >= a.height {
		return nil
	}
	if a.height < relatedListHeight {
		// Packed: "Related: 1 title · 2 title"; find the part under x.
		row := y - first
		rows := a.relatedRows()
		if row >= len(rows) {
			return nil
		}
		at := 2 + ansiWidth(a.txt.RelatedShort)
		for _, i := range rows[row] {
			w := ansiWidth(relatedItem(i, a.related[i]))
			if x >= at && x < at+w {
				return a.related[i]
			}
			at += w + ansiWidth(relatedSep)
		}
		return nil
	}
	if i := y - first - 1; y > first && i < len(a.related) {
		return a.related[i]
	}
	return nil
}

// relatedSep separates related questions on one line.
const relatedSep = " · "

// buttons are the "▲ Up" and "▼ Down" touch targets at the right end of
// the position line, when the page does not fit: their columns, from and
// to, or ok false when they are not shown.
func (a answerView) buttons() (upFrom, downFrom, end int, ok bool) {
	if !a.touch || len(a.pager.lines) <= a.pager.height {
		return 0, 0, 0, false
	}
	up, down := ansiWidth(" "+a.txt.PageUp+" "), ansiWidth(" "+a.txt.PageDown+" ")
	end = a.width
	downFrom = end - down
	upFrom = downFrom - 1 - up
	if upFrom < ansiWidth(a.pager.position(a.txt))+8 {
		return 0, 0, 0, false
	}
	return upFrom, downFrom, end, true
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
			if up, down, end, ok := a.buttons(); ok && msg.Y == a.pager.height {
				switch {
				case msg.X >= up && msg.X < down-1:
					a.pager.vp.PageUp()
				case msg.X >= down && msg.X < end:
					a.pager.vp.PageDown()
				}
				return a, nil, nil
			}
			return a, a.relatedAt(msg.X, msg.Y), nil
		}
	}
	var cmd tea.Cmd
	a.pager, cmd = a.pager.update(msg)
	return a, nil, cmd
}

func (a answerView) view() []string {
	s := a.styles
	lines := a.pager.view()
	pos := a.pager.position(a.txt)
	rule, buttons := "", ""
	room := a.width
	if up, down, _, ok := a.buttons(); ok {
		buttons = " " + s.Button.Render(" "+a.txt.PageUp+" ") + " " + s.Button.Render(" "+a.txt.PageDown+" ")
		room = up - 1
		_ = down
	}
	if n := room - ansiWidth(pos) - 4; n > 0 {
		rule = strings.Repeat("─", n)
	}
	lines = append(lines, s.Rule.Render("── ")+s.Position.Render(pos)+" "+s.Rule.Render(rule)+buttons)
	switch n := a.relatedLines(); {
	case n > 0 && a.height < relatedListHeight:
		for r, row := range a.relatedRows() {
			var parts []string
			for _, i := range row {
				parts = append(parts, s.MenuNumber.Render(strconv.Itoa(i+1))+" "+termsafe.Clean(a.related[i].Title))
			}
			lead := "  " + s.Heading.Render(a.txt.RelatedShort)
			if r > 0 {
				lead = strings.Repeat(" ", 2+ansiWidth(a.txt.RelatedShort))
			}
			lines = append(lines, lead+strings.Join(parts, s.Dim.Render(relatedSep)))
		}
		if shown := len(slices.Concat(a.relatedRows()...)); shown < len(a.related) {
			// More than fits: say so, if there is room (the numbers still open them).
			last := len(lines) - 1
			if ansiWidth(lines[last])+ansiWidth(relatedSep)+1 <= a.width {
				lines[last] += s.Dim.Render(relatedSep + "…")
			}
		}
	case n > 1:
		lines = append(lines, "  "+s.Heading.Render(a.txt.RelatedPress))
		for i, p := range a.related[:n-1] {
			lines = append(lines, "    "+s.MenuNumber.Render(strconv.Itoa(i+1))+" "+s.Text.Render(termsafe.Clean(p.Title)))
		}
	}
	return fitLines(lines, a.width, a.height)
}

// neighbours are the pages worth rendering before they are asked for.
func (a answerView) neighbours() []*content.Page { return a.related }
