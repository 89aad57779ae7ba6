package tui

import (
	"strings"

	"github.com/skinguide/skinguide/internal/termsafe"
)

// railCell is one step label on the rail, with the columns it covers.
type railCell struct {
	step       int
	text       string
	left, wide int
}

// railArrow widths: "‹ " before and " ›" after the visible steps.
const railArrow = 2

// railLayout places as many step labels as fit in w cells around the
// current step, keeping it in view. Labels never get cut: a patient must
// be able to read every one that is shown.
func railLayout(labels []string, current, w int) (cells []railCell, from, to int) {
	n := len(labels)
	if n == 0 || w <= 2*railArrow {
		return nil, 0, 0
	}
	width := func(i int) int { return ansiWidth(labels[i]) + 3 } // "[label]" and a gap
	avail := w - 2*railArrow
	from, to = current, current+1
	used := width(current)
	for {
		grew := false
		if to < n && used+width(to) <= avail {
			used += width(to)
			to++
			grew = true
		}
		if from > 0 && used+width(from-1) <= avail {
			from--
			used += width(from)
			grew = true
		}
		if !grew {
			break
		}
	}
	// Centre the rail; what is left of the width goes on both sides.
	x := railArrow + max(0, (avail-used)/2)
	for i := from; i < to; i++ {
		text := " " + labels[i] + " "
		if i == current {
			text = "[" + labels[i] + "]"
		}
		cells = append(cells, railCell{step: i, text: text, left: x, wide: ansiWidth(text)})
		x += ansiWidth(text) + 1
	}
	return cells, from, to
}

// railView draws the rail, and under it the Today marker when a treatment
// date is known. It returns the lines and the cells for mouse clicks.
func (m timelineModel) railView() ([]string, []railCell) {
	s := m.styles
	labels := make([]string, len(m.steps))
	for i, p := range m.steps {
		labels[i] = termsafe.Clean(p.Label)
	}
	cells, from, to := railLayout(labels, m.state.Current, m.width)
	if len(cells) == 0 {
		return []string{""}, nil
	}
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", cells[0].left-railArrow))
	if from > 0 {
		b.WriteString(s.Accent.Render("‹ "))
	} else {
		b.WriteString("  ")
	}
	for i, c := range cells {
		if i > 0 {
			b.WriteString(" ")
		}
		if c.step == m.state.Current {
			b.WriteString(s.RailCurrent.Render(c.text))
		} else {
			b.WriteString(s.RailStep.Render(c.text))
		}
	}
	if to < len(m.steps) {
		b.WriteString(s.Accent.Render(" ›"))
	}
	lines := []string{b.String()}
	if m.state.Today < 0 {
		return lines, cells
	}
	marker := "▲ " + m.txt.Today
	switch {
	case m.state.Today < from:
		lines = append(lines, strings.Repeat(" ", cells[0].left-railArrow)+s.RailToday.Render("‹ "+m.txt.Today))
	case m.state.Today >= to:
		last := cells[len(cells)-1]
		pos := max(0, min(last.left+last.wide+railArrow, m.width)-ansiWidth(m.txt.Today)-2)
		lines = append(lines, strings.Repeat(" ", pos)+s.RailToday.Render(m.txt.Today+" ›"))
	default:
		c := cells[m.state.Today-from]
		pos := min(c.left+1, max(0, m.width-ansiWidth(marker)))
		lines = append(lines, strings.Repeat(" ", pos)+s.RailToday.Render(marker))
	}
	return lines, cells
}

// railStepAt returns the step clicked at column x of the rail's first
// line, or -1. The arrows step one earlier or later.
func railStepAt(cells []railCell, x, current, count int) int {
	if len(cells) == 0 {
		return -1
	}
	for _, c := range cells {
		if x >= c.left && x < c.left+c.wide {
			return c.step
		}
	}
	switch {
	case x < cells[0].left && x >= cells[0].left-railArrow:
		return max(0, current-1)
	case x >= cells[len(cells)-1].left+cells[len(cells)-1].wide && x <= cells[len(cells)-1].left+cells[len(cells)-1].wide+railArrow:
		return min(count-1, current+1)
	}
	return -1
}
