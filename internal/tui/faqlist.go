package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/termsafe"
)

// listLine is one drawn line of the question list: a section heading, or
// (part of) a question, which may wrap over several lines.
type listLine struct {
	text     string
	drawn    string // the line styled as it looks when not selected; "" until first shown
	question int    // index into questions; -1 for headings and gaps
	first    bool
	heading  bool
}

// faqList is the list of questions grouped under their section headings.
// Long questions wrap rather than being cut, so a patient never has to
// guess the end of a question.
type faqList struct {
	styles    *Styles
	txt       *texts
	keys      ListKeys
	guide     *content.Guide
	questions []*content.Page

	cursor        int
	offset        int // first line shown
	focused       bool
	touch         bool // kiosk: "▲ Earlier" and "▼ More" lines to tap, when the list does not fit
	width, height int
	lines         []listLine // rebuilt at each width, drawn as they come into view
}

func newFAQList(styles *Styles, txt *texts, keys ListKeys, g *content.Guide, touch bool) faqList {
	return faqList{styles: styles, txt: txt, keys: keys, guide: g, questions: g.FAQ, focused: true, touch: touch}
}

func (l *faqList) setSize(w, h int) {
	if w != l.width {
		l.width = w
		l.lines = l.build()
	}
	l.height = h
	l.scrollToCursor()
	l.drawShown()
}

// arrows reports whether the list does not fit, so that its last line is
// kept for "▼ More questions" (and, once scrolled, its first for "▲ Earlier
// questions"): in every mode, so that nobody misses the rest of the list.
// They are touch targets too.
func (l faqList) arrows() bool { return len(l.lines) > l.height && l.height >= 5 }

// earlier reports whether the first line is "▲ Earlier questions".
func (l faqList) earlier() bool { return l.arrows() && l.offset > 0 }

// rows is how many lines of the list are shown.
func (l faqList) rows() int {
	if l.arrows() {
		return l.height - 1 - boolInt(l.earlier())
	}
	return l.height
}

// arrowAt tells whether body line y is the "▲ Earlier questions" (-1) or
// the "▼ More questions" (1) target, when it is shown; 0 otherwise.
func (l faqList) arrowAt(y int) int {
	if !l.arrows() {
		return 0
	}
	switch {
	case y == 0 && l.earlier():
		return -1
	case y == l.height-1:
		if _, to := l.window(); to < len(l.lines) {
			return 1
		}
	}
	return 0
}

// maxOffset is the largest scroll offset: the end of the list on screen,
// under "▲ Earlier questions" and above the kept last line.
func (l faqList) maxOffset() int {
	if l.arrows() {
		return max(0, len(l.lines)-(l.height-2))
	}
	return max(0, len(l.lines)-l.height)
}

// scrollPage scrolls the list by a page, keeping a line of context.
func (l *faqList) scrollPage(dir int) {
	step := l.rows() - 1
	if l.arrows() {
		step = l.height - 3 // the rows under "▲ Earlier questions", less one of context
	}
	l.offset = max(0, min(l.offset+dir*max(1, step), l.maxOffset()))
	l.drawShown()
}

func (l faqList) build() []listLine {
	var out []listLine
	w := max(1, l.width-2)
	section := ""
	for i, q := range l.questions {
		if q.Section != section {
			section = q.Section
			out = append(out, listLine{text: termsafe.Clean(l.guide.SectionTitle(section)), question: -1, heading: true})
		}
		for j, part := range wrap(termsafe.Clean(q.Title), w) {
			out = append(out, listLine{text: part, question: i, first: j == 0})
		}
	}
	return out
}

// drawShown draws the lines in view that are not drawn yet. Lines are
// drawn once per width rather than on every frame (styling costs more than
// the rest of a frame), and only when they come into view: drawing all of
// 1,000 questions at the first window size held up the first frame.
// Update calls it whenever what is in view changes; the lines are shared
// with the model's earlier copies, which draw them the same.
func (l *faqList) drawShown() {
	from, to := l.window()
	for i := from; i < to; i++ {
		if l.lines[i].drawn == "" {
			l.lines[i].drawn = l.draw(l.lines[i])
		}
	}
}

// draw styles a line that is not selected.
func (l faqList) draw(ln listLine) string {
	s := l.styles
	if ln.heading {
		// The rule marks headings apart from questions even without colour.
		title := truncate(ln.text, l.width)
		rule := ""
		if n := l.width - ansiWidth(title) - 1; n > 0 {
			rule = " " + s.Rule.Render(strings.Repeat("─", n))
		}
		return s.Section.Render(title) + rule
	}
	return "  " + s.Text.Render(ln.text)
}

func (l faqList) selected() *content.Page {
	if l.cursor < 0 || l.cursor >= len(l.questions) {
		return nil
	}
	return l.questions[l.cursor]
}

// selectPage moves the cursor to a page, if it is in the list.
func (l *faqList) selectPage(p *content.Page) bool {
	for i, q := range l.questions {
		if q == p {
			if i == l.cursor {
				return true
			}
			l.cursor = i
			// Arriving from elsewhere (search, a related question): show the
			// question with some of its neighbours above it.
			if first, _ := l.lineRange(i); first >= 0 && l.rows() > 0 {
				l.offset = max(0, min(first-l.rows()/3, l.maxOffset()))
			}
			l.scrollToCursor()
			return true
		}
	}
	return false
}

func (l *faqList) move(delta int) {
	if len(l.questions) == 0 {
		return
	}
	l.cursor = max(0, min(len(l.questions)-1, l.cursor+delta))
	l.scrollToCursor()
}

// jumpSection moves to the first question of the next (dir 1) or previous
// (dir -1) section; going back from inside a section goes to its start.
func (l *faqList) jumpSection(dir int) {
	if len(l.questions) == 0 {
		return
	}
	cur := l.questions[l.cursor].Section
	i := l.cursor
	if dir > 0 {
		for i < len(l.questions) && l.questions[i].Section == cur {
			i++
		}
		if i == len(l.questions) {
			return
		}
	} else {
		if i > 0 && l.questions[i-1].Section == cur {
			for i > 0 && l.questions[i-1].Section == cur {
				i--
			}
		} else if i > 0 {
			prev := l.questions[i-1].Section
			for i > 0 && l.questions[i-1].Section == prev {
				i--
			}
		}
	}
	l.cursor = i
	// Bring the whole section into view, heading first.
	if first, _ := l.lineRange(i); first > 0 && l.rows() > 0 {
		l.offset = max(0, min(first-1, l.maxOffset()))
	}
	l.scrollToCursor()
}

// lineRange returns the first and last line of a question.
func (l faqList) lineRange(q int) (first, last int) {
	first, last = -1, -1
	for i, ln := range l.lines {
		if ln.question == q {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

func (l *faqList) scrollToCursor() {
	rows := l.rows()
	if rows <= 0 {
		return
	}
	first, last := l.lineRange(l.cursor)
	if first < 0 {
		return
	}
	// Show the section heading with the first question of a section.
	if first >= 1 && l.lines[first-1].heading {
		first--
	}
	if first < l.offset {
		l.offset = first
	}
	if last >= l.offset+rows {
		l.offset = last - rows + 1
	}
	l.offset = max(0, min(l.offset, l.maxOffset()))
	// Scrolling away from the top gives a line to "▲ Earlier questions".
	if r := l.rows(); r < rows && last >= l.offset+r {
		l.offset = min(last-r+1, l.maxOffset())
	}
	l.drawShown()
}

func (l faqList) update(msg tea.Msg) (faqList, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, l.keys.Up):
			l.move(-1)
		case key.Matches(msg, l.keys.Down):
			l.move(1)
		case key.Matches(msg, l.keys.PrevSection):
			l.jumpSection(-1)
		case key.Matches(msg, l.keys.NextSection):
			l.jumpSection(1)
		case key.Matches(msg, l.keys.Top):
			l.move(-len(l.questions))
		case key.Matches(msg, l.keys.Bottom):
			l.move(len(l.questions))
		}
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionPress {
			break
		}
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			l.offset = max(0, l.offset-3)
		case tea.MouseButtonWheelDown:
			l.offset = max(0, min(l.offset+3, l.maxOffset()))
		}
		l.drawShown()
	}
	return l, nil
}

// questionAt returns the question drawn on a body line, or -1.
func (l faqList) questionAt(y int) int {
	if l.earlier() {
		y-- // under the "▲ Earlier questions" line
	}
	from, to := l.window()
	i := from + y
	if y < 0 || i >= to {
		return -1
	}
	return l.lines[i].question
}

// window is the lines drawn, lines[from:to]: the rows from the offset,
// without the part of a wrapped question cut at either end. Half a
// question ("tan?" under "▲ Earlier questions", or its first line above
// "▼ More questions") would leave a patient guessing: the list starts at
// the next whole one, and a row cut at the end stays empty. The selected
// question is never dropped.
func (l faqList) window() (from, to int) {
	from = min(l.offset, len(l.lines))
	part := func(i int) bool { ln := l.lines[i]; return !ln.heading && ln.question >= 0 && ln.question != l.cursor }
	for from < len(l.lines) && part(from) && !l.lines[from].first {
		from++
	}
	to = min(from+l.rows(), len(l.lines))
	// At the end of the list, rows left empty take whole questions from
	// above instead.
	for to == len(l.lines) && from > 0 {
		start := from - 1
		for start > 0 && !l.lines[start].heading && !l.lines[start].first {
			start--
		}
		if to-start > l.rows() {
			break
		}
		from = start
	}
	if to < len(l.lines) && !l.lines[to].heading && !l.lines[to].first {
		for to > from && part(to-1) && l.lines[to-1].question == l.lines[to].question {
			to--
		}
	}
	return from, to
}

func (l faqList) view() []string {
	s := l.styles
	out := make([]string, 0, l.height)
	if l.earlier() {
		out = append(out, "  "+s.Button.Render(" "+l.txt.ListEarlier+" "))
	}
	from, to := l.window()
	for i := from; i < to; i++ {
		ln := l.lines[i]
		switch {
		case ln.question == l.cursor && !ln.heading:
			marker := "  "
			if ln.first {
				marker = "› "
			}
			row := pad(ln.text, l.width-2)
			if l.focused {
				out = append(out, s.Accent.Render(marker)+s.Selected.Render(row))
			} else {
				out = append(out, s.Accent.Render(marker)+s.Unfocused.Render(ln.text))
			}
		case ln.drawn == "": // not through Update: drawn for this frame only
			out = append(out, l.draw(ln))
		default:
			out = append(out, ln.drawn)
		}
	}
	if l.arrows() {
		for len(out) < l.height-1 {
			out = append(out, "")
		}
		down := ""
		if to < len(l.lines) {
			down = "  " + s.Button.Render(" "+l.txt.ListMore+" ")
		}
		out = append(out, down)
	}
	return fitLines(out, l.width, l.height)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
