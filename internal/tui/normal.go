package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/termsafe"
	"github.com/skinguide/skinguide/internal/timeline"
)

// normalModel is "Is this normal?": the patient's day (known from the
// treatment date, or asked), what they notice, at most one follow-up
// question, then one answer in the words and style of a level of help.
// Its rules and words are content (symptoms.yaml). Nothing of it is
// stored or logged; a kiosk reset builds it afresh.
type normalModel struct {
	styles  *Styles
	txt     *texts
	keys    NormalKeys
	sy      *content.Symptoms
	signs   *content.Signs
	guide   *content.Guide
	numbers content.Numbers
	clock   Clock
	loc     *time.Location
	dates   timeline.Words
	treated time.Time // from --treated or typed in the timeline; zero when unknown

	step    normalStep
	day     int // days since treatment; -1 until known
	asked   bool
	box     textBox
	dayErr  string
	chosen  []bool // per symptom
	warn    bool   // Continue with nothing chosen
	follow  content.FollowUp
	answers map[string]string
	outcome content.Outcome
	cursor  int
	offset  int

	left, width, cw, height int
	out                     tea.Msg
}

type normalStep int

const (
	stepDay normalStep = iota
	stepNotice
	stepFollow
	stepAnswer
	stepNotTreated
)

// NormalKeys work on "Is this normal?".
type NormalKeys struct {
	Up, Down, Top, Bottom, Choose, Back, Timeline, Again key.Binding
}

// openNormal is the key that opens "Is this normal?" from the timeline
// and When to call us; disabled when the content has no symptoms.yaml.
func openNormal(sh *session) key.Binding {
	if sh.content().Symptoms == nil {
		return key.NewBinding(key.WithDisabled())
	}
	return bind([]string{"n"}, "n", sh.txt.Key.Normal)
}

func newNormalKeys(w keyWords) NormalKeys {
	return NormalKeys{
		Up:       bind([]string{"up", "k"}, "↑", w.Up),
		Down:     bind([]string{"down", "j"}, "↓", w.Down),
		Top:      bind([]string{"home", "g"}, "home", w.First),
		Bottom:   bind([]string{"end", "G"}, "end", w.LastContinue),
		Choose:   bind([]string{"enter", " "}, "enter", w.Choose),
		Back:     bind([]string{"esc", "backspace"}, "esc", w.Back),
		Timeline: bind([]string{"t"}, "t", w.YourDay),
		Again:    bind([]string{"r"}, "r", w.StartAgain),
	}
}

func newNormal(sh *session) screen {
	g := sh.content()
	m := normalModel{
		styles:  sh.styles,
		txt:     sh.txt,
		keys:    newNormalKeys(sh.txt.Key),
		sy:      g.Symptoms,
		signs:   g.Signs,
		guide:   g,
		numbers: sh.opts.Clinic.Numbers(),
		clock:   sh.clock,
		loc:     sh.opts.Location,
		dates:   g.UI.Dates(),
		treated: sh.treated,
		box:     newTextBox(sh.styles, isASCII(sh.style), "> ", sh.txt.DatePlaceholder, 20),
	}
	return m.restart(-1)
}

// restart is the checker at its first question, for a day when it is
// known (day >= 0).
func (m normalModel) restart(day int) normalModel {
	if day < 0 && !m.treated.IsZero() {
		day = timeline.DaysSince(m.treated, m.clock.Now(), m.loc)
	}
	m.day, m.asked = day, day < 0
	m.box.reset()
	m.dayErr, m.warn = "", false
	m.answers = map[string]string{}
	m.follow = content.FollowUp{}
	m.outcome = content.Outcome{}
	if m.sy != nil {
		m.chosen = make([]bool, len(m.sy.Symptoms))
	}
	m.step = stepNotice
	if m.day < 0 {
		m.step = stepDay
	}
	m.cursor, m.offset = 0, 0
	return m
}

func (m normalModel) text(k string) string {
	if m.sy == nil {
		return ""
	}
	return termsafe.Clean(m.sy.Text[k])
}

func (m normalModel) place() string {
	return m.text("title")
}
func (m normalModel) view() []string { return m.View() }
func (m normalModel) ahead() tea.Cmd { return nil }
func (m normalModel) pickUp() screen { return m }
func (m normalModel) prepare() (screen, tea.Cmd) {
	return m, nil
}

// focused: the day box takes every key while it is being typed in.
func (m normalModel) focused() bool { return m.step == stepDay && m.cursor == 0 }

// show opens the checker afresh: at the day of the timeline step it was
// opened from, or the patient's day when it is known.
func (m normalModel) show(t target) screen {
	if t.onTop {
		return m
	}
	day := -1
	if t.day > 0 {
		day = t.day - 1
	}
	return m.restart(day)
}

func (m normalModel) setSize(w, h int) screen {
	m.width, m.height = w, h
	m.left, m.cw = column(w-2, readingWidth)
	m.left++
	m.clamp()
	return m
}

func (m normalModel) update(msg tea.Msg) (screen, tea.Cmd, tea.Msg) {
	m, cmd := m.Update(msg)
	req := m.out
	m.out = nil
	return m, cmd, req
}

// rows is how many rows can be chosen on this step.
func (m normalModel) rows() int {
	switch m.step {
	case stepDay:
		return 2 // the box, "I have not had treatment yet"
	case stepNotice:
		return len(m.sy.Symptoms) + 2 // something else, continue
	case stepFollow:
		return len(m.follow.Answers)
	case stepAnswer:
		return 2 // the timeline link, start again
	case stepNotTreated:
		if m.namedPage() != nil {
			return 2 // the page the answer names, start again
		}
	}
	return 1 // start again
}

// namedPage is the answer the not-treated text tells the patient to read
// ("Before your visit, read How do I get ready for my visit?"), found by
// its title, so that it can be opened from here; nil when it names none.
func (m normalModel) namedPage() *content.Page {
	text := m.text("not_treated_answer")
	var best *content.Page
	for _, p := range m.guide.FAQ {
		if p.Title != "" && strings.Contains(text, p.Title) && (best == nil || len(p.Title) > len(best.Title)) {
			best = p
		}
	}
	return best
}

func (m normalModel) Update(msg tea.Msg) (normalModel, tea.Cmd) {
	if t, ok := msg.(treatedMsg); ok {
		m.treated = t.at // for the next time it opens
		return m, nil
	}
	if m.sy == nil {
		if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, m.keys.Back) {
			m.out = backMsg{}
		}
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if m.focused() && msg.Type != tea.KeyEsc && msg.Type != tea.KeyDown {
			if msg.Type == tea.KeyEnter {
				m.setDay()
				return m, nil
			}
			var cmd tea.Cmd
			m.box, cmd = m.box.update(msg)
			m.dayErr = ""
			return m, cmd
		}
		switch {
		case key.Matches(msg, m.keys.Back):
			m.back()
		case key.Matches(msg, m.keys.Up):
			m.cursor--
			m.clamp()
		case key.Matches(msg, m.keys.Down):
			m.cursor++
			m.clamp()
		case key.Matches(msg, m.keys.Top):
			m.cursor = 0
			m.clamp()
		case key.Matches(msg, m.keys.Bottom):
			m.cursor = m.rows() - 1
			m.clamp()
		case key.Matches(msg, m.keys.Choose):
			m.choose(m.cursor)
		case m.step == stepAnswer && key.Matches(msg, m.keys.Timeline):
			m.choose(0)
		case m.step >= stepAnswer && key.Matches(msg, m.keys.Again):
			m = m.restart(m.dayIfKnown())
		default:
			if n, err := strconv.Atoi(msg.String()); err == nil && n >= 1 && n <= min(9, m.rows()) && m.step != stepDay {
				m.cursor = n - 1
				m.choose(n - 1)
			}
		}
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionPress {
			break
		}
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.cursor--
			m.clamp()
		case tea.MouseButtonWheelDown:
			m.cursor++
			m.clamp()
		case tea.MouseButtonLeft:
			if i := m.rowAt(msg.Y); i >= 0 {
				m.cursor = i
				m.choose(i)
			}
		}
	}
	return m, nil
}

// dayIfKnown is the day to start again at: the one it was opened at, or,
// when it was asked, -1: restart takes the session's date, which the
// answer set, as a date typed on the timeline does.
func (m normalModel) dayIfKnown() int {
	if m.asked {
		return -1
	}
	return m.day
}

func (m *normalModel) setDay() {
	t, err := m.dates.ParseTreated(m.box.value(), m.clock.Now(), m.loc)
	if err != nil {
		m.dayErr = m.text("day_error")
		return
	}
	m.day = timeline.DaysSince(t, m.clock.Now(), m.loc)
	m.step, m.cursor, m.offset = stepNotice, 0, 0
	// The session's date, as one typed on the timeline is: the timeline
	// opens at this day, and the checker knows it next time.
	m.treated = t
	m.out = treatedMsg{t}
}

func (m *normalModel) back() {
	switch m.step {
	case stepDay, stepNotTreated:
		if m.step == stepNotTreated {
			m.step, m.cursor = stepDay, 1
			return
		}
		m.out = backMsg{}
	case stepNotice:
		if m.asked {
			m.step, m.cursor, m.offset = stepDay, 0, 0
			return
		}
		m.out = backMsg{}
	case stepFollow:
		m.step, m.cursor, m.offset = stepNotice, 0, 0
	case stepAnswer:
		if m.follow.ID != "" {
			delete(m.answers, m.follow.ID)
			m.step, m.cursor, m.offset = stepFollow, 0, 0
			return
		}
		m.step, m.cursor, m.offset = stepNotice, 0, 0
	}
}

func (m *normalModel) choose(i int) {
	if i < 0 || i >= m.rows() {
		return
	}
	switch m.step {
	case stepDay:
		if i == 0 {
			m.setDay()
			return
		}
		m.step, m.cursor = stepNotTreated, 0
	case stepNotice:
		n := len(m.sy.Symptoms)
		switch {
		case i < n:
			m.chosen[i] = !m.chosen[i]
			m.warn = false
		case i == n: // something else: the levels of help say when to call
			if p, ok := m.guide.Page(content.PageCallUs); ok {
				m.out = openPageMsg{p}
			}
		default:
			ids := m.chosenIDs()
			if len(ids) == 0 {
				m.warn = true
				return
			}
			if f, ok := m.sy.Question(m.signs, m.day, ids); ok {
				m.follow = f
				m.step, m.cursor, m.offset = stepFollow, 0, 0
				return
			}
			m.follow = content.FollowUp{}
			m.answer()
		}
	case stepFollow:
		m.answers[m.follow.ID] = m.follow.Answers[i].ID
		m.answer()
	case stepAnswer:
		if i == 0 {
			if step := m.step0(); step != nil {
				m.out = openPageMsg{step}
			}
			return
		}
		*m = m.restart(m.dayIfKnown())
	case stepNotTreated:
		if p := m.namedPage(); p != nil && i == 0 {
			m.out = openPageMsg{p}
			return
		}
		*m = m.restart(-1)
	}
}

func (m *normalModel) answer() {
	m.outcome = m.sy.Check(m.signs, m.day, m.chosenIDs(), m.answers)
	m.step, m.cursor, m.offset = stepAnswer, 0, 0
}

func (m normalModel) chosenIDs() []string {
	var ids []string
	for i, c := range m.chosen {
		if c {
			ids = append(ids, m.sy.Symptoms[i].ID)
		}
	}
	return ids
}

// step0 is the timeline step of the patient's day.
func (m normalModel) step0() *content.Page {
	if i := m.guide.StepFor(m.day); i >= 0 {
		return m.guide.Timeline[i]
	}
	if n := len(m.guide.Timeline); n > 0 && m.day > m.guide.Timeline[n-1].To {
		return m.guide.Timeline[n-1]
	}
	return nil
}

// content is the step's lines above its rows, and the rows' lines.
func (m normalModel) content() (head []string, rows [][]string) {
	s := m.styles
	w := m.cw
	para := func(st func(...string) string, text string) {
		for _, l := range wrap(text, w) {
			head = append(head, st(l))
		}
	}
	// A row's lines hang under its text, not under its prefix (number,
	// box): "1. [ ] Ringing ears or a tingling mouth after numbing" goes
	// on under "Ringing".
	row := func(i int, prefix, text string) []string {
		hang := 2 + cellWidth(prefix)
		if hang > w/2 {
			prefix, text, hang = "", prefix+text, 4
		}
		lines := wrap(text, max(1, w-hang))
		out := make([]string, len(lines))
		for j, l := range lines {
			if j == 0 {
				l = prefix + l
			}
			switch {
			case j > 0:
				out[j] = strings.Repeat(" ", hang) + s.Text.Render(l)
			case i == m.cursor:
				out[j] = s.Accent.Render("› ") + s.Selected.Render(l)
			default:
				out[j] = "  " + s.Text.Render(l)
			}
		}
		return out
	}
	switch m.step {
	case stepDay:
		para(s.Heading.Render, m.text("day_question"))
		para(s.Dim.Render, m.text("day_hint"))
		box := m.box.view(w)
		if m.cursor != 0 {
			box = s.Dim.Render(ansi.Strip(box))
		}
		rows = append(rows, []string{box})
		if m.dayErr != "" {
			rows[0] = append(rows[0], wrapStyled(s.Warning.Render, m.dayErr, w)...)
		}
		rows = append(rows, row(1, "", m.text("not_treated")))
	case stepNotTreated:
		para(s.Text.Render, m.text("not_treated_answer"))
		para(s.Text.Render, m.signs.Worried)
		if p := m.namedPage(); p != nil {
			rows = append(rows, row(0, "", termsafe.Clean(p.Title)))
		}
		rows = append(rows, row(len(rows), "", m.text("start_again")))
	case stepNotice:
		para(s.Heading.Render, m.text("notice_question"))
		para(s.Dim.Render, m.text("notice_hint"))
		if m.warn {
			para(s.Warning.Render, m.text("choose_one"))
		}
		for i, sy := range m.sy.Symptoms {
			box := "[ ] "
			if m.chosen[i] {
				box = "[x] "
			}
			num := "   "
			if i < 9 {
				num = fmt.Sprintf("%d. ", i+1)
			}
			rows = append(rows, row(i, num+box, termsafe.Clean(sy.Words)))
		}
		rows = append(rows, row(len(m.sy.Symptoms), "    ", m.text("something_else")))
		rows = append(rows, row(len(m.sy.Symptoms)+1, "    ", m.text("continue")+" →"))
	case stepFollow:
		para(s.Heading.Render, termsafe.Clean(m.follow.Text))
		for i, a := range m.follow.Answers {
			rows = append(rows, row(i, fmt.Sprintf("%d. ", i+1), termsafe.Clean(a.Words)))
		}
	case stepAnswer:
		head = m.answerLines()
		link := ""
		if p := m.step0(); p != nil {
			link = strings.ReplaceAll(m.text("timeline_link"), "{step}", termsafe.Clean(p.Title))
		}
		rows = append(rows, row(0, "", link), row(1, "", m.text("start_again")))
	}
	return head, rows
}

// answerLines is the outcome: its title in the level's style, what to do,
// the clinic's numbers, why, and the line every answer ends with.
func (m normalModel) answerLines() []string {
	s := m.styles
	w := m.cw
	o := m.outcome
	var out []string
	add := func(st func(...string) string, text string) {
		out = append(out, wrapStyled(st, text, w)...)
	}
	if o.Normal() {
		add(levelStyle(s, "normal").Render, strings.ReplaceAll(m.text("normal_title"), "{day}", strconv.Itoa(o.Day)))
		for _, n := range o.Notes {
			out = append(out, bullet(s, termsafe.Clean(n), w)...)
		}
	} else if l, ok := m.signs.Level(o.Level); ok {
		add(levelStyle(s, o.Level).Render, termsafe.Clean(m.signs.LevelTitle(l, m.numbers)))
		urgentCare := false
		for _, sg := range o.Signs {
			urgentCare = urgentCare || sg.UrgentCare
		}
		if urgentCare && l.UrgentCare != "" {
			add(s.Text.Render, termsafe.Clean(l.UrgentCare))
		} else {
			add(s.Text.Render, termsafe.Clean(m.signs.LevelDo(l, m.numbers)))
		}
		for _, c := range m.signs.Contact(o.Level, m.numbers) {
			add(s.Phone.Render, termsafe.Clean(c[0])+": "+termsafe.Clean(c[1]))
		}
		add(s.Dim.Render, m.text("because"))
		for _, sg := range o.Signs {
			out = append(out, bullet(s, termsafe.Clean(sg.Words), w)...)
		}
	}
	add(s.Accent.Render, termsafe.Clean(m.signs.Worried))
	return append(out, "")
}

// bullet is one point of a list, its lines wrapped under its text.
func bullet(s *Styles, text string, w int) []string {
	lines := wrap(text, max(1, w-2))
	for i, l := range lines {
		mark := "  "
		if i == 0 {
			mark = "• "
		}
		lines[i] = s.Text.Render(mark + l)
	}
	return lines
}

func wrapStyled(st func(...string) string, text string, w int) []string {
	var out []string
	for _, l := range wrap(text, w) {
		out = append(out, st(l))
	}
	return out
}

// layout is every line of the step and where each row starts in it.
func (m normalModel) layout() (lines []string, rowStart []int) {
	head, rows := m.content()
	lines = append(lines, head...)
	if m.step != stepAnswer && len(head) > 0 {
		lines = append(lines, "")
	}
	for _, r := range rows {
		rowStart = append(rowStart, len(lines))
		lines = append(lines, r...)
	}
	return lines, rowStart
}

// clamp keeps the cursor on a row and its row on screen. On the answer
// the page scrolls from the top, so the level is the first thing seen.
func (m *normalModel) clamp() {
	if m.sy == nil {
		return
	}
	m.cursor = max(0, min(m.cursor, m.rows()-1))
	lines, starts := m.layout()
	if m.height <= 0 || len(starts) == 0 {
		return
	}
	height := m.room(len(lines))
	top, bottom := starts[m.cursor], len(lines)
	if m.cursor+1 < len(starts) {
		bottom = starts[m.cursor+1]
	}
	if m.step == stepAnswer && m.cursor == 0 && m.offset == 0 {
		// Start at the title; move down only as far as needed to show
		// the row chosen.
		top = 0
	}
	if top < m.offset {
		m.offset = top
	}
	if bottom > m.offset+height {
		m.offset = bottom - height
	}
	m.offset = max(0, min(m.offset, max(0, len(lines)-height)))
}

// room is how many lines of the step show at once: all of the height,
// less the line that says there is more when the step does not fit (at
// 80x24 the list of what you notice hides Continue).
func (m normalModel) room(lines int) int {
	if lines > m.height {
		return max(1, m.height-1)
	}
	return m.height
}

func (m normalModel) rowAt(y int) int {
	all, starts := m.layout()
	if y >= m.room(len(all)) {
		return -1 // the line that says there is more
	}
	line := y + m.offset
	for i := len(starts) - 1; i >= 0; i-- {
		if line >= starts[i] {
			lines, _ := m.layout()
			if i == len(starts)-1 && line >= len(lines) {
				return -1
			}
			return i
		}
	}
	return -1
}

func (m normalModel) View() []string {
	if m.sy == nil {
		return nil
	}
	lines, starts := m.layout()
	height := m.room(len(lines))
	shown := fitLines(lines[min(m.offset, len(lines)):], m.cw, height)
	if end := m.offset + height; end < len(lines) {
		below := 0
		for _, st := range starts {
			if st >= end {
				below++
			}
		}
		more := m.txt.PagerMore
		if below > 0 {
			more = fmt.Sprintf(m.txt.MoreBelow, below)
		}
		shown = append(shown, m.styles.Dim.Render(truncate(more, m.cw)))
	}
	return indent(shown, m.left)
}

func (m normalModel) help(g GlobalKeys) helpKeys {
	k := m.keys
	short := []key.Binding{hint("↑/↓", m.txt.Key.Choose, k.Up, k.Down), k.Choose, k.Back, brief(g.CallUs, m.txt.Key.CallUs)}
	if m.step == stepAnswer {
		short = []key.Binding{k.Timeline, k.Again, k.Back, brief(g.CallUs, m.txt.Key.CallUs)}
	}
	return helpKeys{
		short: short,
		full:  [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.Choose, k.Back, k.Timeline, k.Again, g.CallUs, g.ForceQuit}},
	}
}
