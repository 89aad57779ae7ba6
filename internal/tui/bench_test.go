package tui

import (
	"slices"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/render"
)

// benchModel is the FAQ browser showing an answer, with every answer
// already rendered at the answer width, in colour.
func benchModel(b *testing.B, w, h int) Model {
	g := loadGuide(b)
	r := render.New(g)
	opts := testOptions()
	opts.Profile = termenv.ANSI256
	m := New(g, r, lipgloss.NewRenderer(nil), opts, fakeClock{testNow()})
	m = drive(m, size(w, h), press("1"), press("enter"))
	for _, p := range g.FAQ {
		m.sh.guide.pages.get(p, m.faq().answerWidth, m.sh.style)
	}
	return m
}

// BenchmarkWarmPageSwitch is a key that shows another cached answer, and
// the frame drawn after it (budget: p99 <= 1 ms).
func BenchmarkWarmPageSwitch(b *testing.B) {
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		b.Run(sizeName(sz), func(b *testing.B) {
			m := benchModel(b, sz[0], sz[1])
			next, prev := press("n"), press("p")
			times := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := range b.N {
				k := next
				if i%20 >= 10 {
					k = prev
				}
				t0 := time.Now()
				m, _ = m.update(k)
				_ = m.View()
				times = append(times, time.Since(t0))
			}
			b.StopTimer()
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)*99/100].Microseconds()), "µs-p99")
		})
	}
}

// BenchmarkScroll is a line of scrolling and its frame.
func BenchmarkScroll(b *testing.B) {
	m := benchModel(b, 80, 24)
	down, up := press("down"), press("up")
	b.ResetTimer()
	for i := range b.N {
		k := down
		if i%40 >= 20 {
			k = up
		}
		m, _ = m.update(k)
		_ = m.View()
	}
}

func sizeName(sz [2]int) string {
	return string(rune('0'+sz[0]/100)) + string(rune('0'+sz[0]/10%10)) + string(rune('0'+sz[0]%10)) + "x" + string(rune('0'+sz[1]/10)) + string(rune('0'+sz[1]%10))
}
