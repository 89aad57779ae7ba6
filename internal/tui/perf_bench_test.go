package tui

import (
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/contentgen"
	"github.com/skinguide/skinguide/internal/render"
)

// The benchmarks in this file hold the budgets of docs/performance.md. Each
// reports its figure with ReportMetric; none asserts a time.

// sessionWalk is a realistic walk over every screen, from Home back to Home:
// menu moves, the FAQ list, opening and scrolling answers, next and
// previous, related questions, search typing, timeline steps, When to call
// us, About and help.
const sessionWalk = `down down up 1 down down down enter down down down pgdown pgup n n p 1 esc
	esc / r e t i n o l down enter down esc esc esc
	2 right right right right down down left t esc ! esc esc
	4 down esc ? ? esc`

// colourModel is the app in 256 colours at a size, with the search index
// prepared as Init does in the background.
func colourModel(g *content.Guide, r *render.Renderer, w, h int) Model {
	m := newColourModel(g, r)
	runCmd(m.Init())
	return drive(m, size(w, h))
}

func newColourModel(g *content.Guide, r *render.Renderer) Model {
	opts := testOptions()
	opts.Profile = termenv.ANSI256
	return New(g, r, lipgloss.NewRenderer(io.Discard), opts, fakeClock{testNow()})
}

// timedWalk sends each message, timing Update plus View as the keypress
// path; the commands a key returns run afterwards, untimed, as they would
// in the background, and their messages are fed back untimed too.
func timedWalk(m Model, msgs []tea.Msg, times []time.Duration) (Model, []time.Duration) {
	return timedWalkBy(m, msgs, times, nil)
}

// timedWalkBy is timedWalk that also files each time, when byScreen is
// not nil, under the screen the key was sent to (screenNames).
func timedWalkBy(m Model, msgs []tea.Msg, times []time.Duration, byScreen map[string][]time.Duration) (Model, []time.Duration) {
	for _, msg := range msgs {
		on := screenNames[m.top()]
		if m.showHelp {
			on = "help"
		}
		t0 := time.Now()
		next, cmd := m.update(msg)
		_ = next.View()
		d := time.Since(t0)
		times = append(times, d)
		if byScreen != nil {
			byScreen[on] = append(byScreen[on], d)
		}
		m = next
		for _, fed := range runCmd(cmd) {
			m = step(m, fed, true)
		}
	}
	return m, times
}

var screenNames = [numScreens]string{
	screenHome: "home", screenFAQ: "faq", screenSearch: "search", screenTimeline: "timeline",
	screenCallUs: "callus", screenPage: "page", screenStaff: "staff", screenNormal: "normal",
}

// reportByScreen reports the p99 of the keys sent to each screen, so that
// the tail can be told apart: "µs-p99-search" is the p99 of the keys
// typed on the search screen.
func reportByScreen(b *testing.B, byScreen map[string][]time.Duration) {
	for name, times := range byScreen {
		slices.Sort(times)
		b.ReportMetric(float64(times[len(times)*99/100].Nanoseconds())/1000, "µs-p99-"+name)
	}
}

func reportPercentiles(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	us := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1000 }
	b.ReportMetric(us(times[len(times)/2]), "µs-median")
	b.ReportMetric(us(times[len(times)*99/100]), "µs-p99")
	b.ReportMetric(0, "ns/op") // per-key figures above are the point, not the whole walk
}

// BenchmarkKeypress is the warm keypress path: the whole session with every
// page it shows already in the cache, at 80x24 and 160x48; per key,
// Update plus View. Budget: p99 <= 1 ms. Beside the median and p99 of
// every key it reports the p99 of the keys sent to each screen (and to
// help), to show which make the tail.
func BenchmarkKeypress(b *testing.B) {
	g := loadGuide(b)
	msgs := keys(sessionWalk)
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			m0 := colourModel(g, render.New(g), sz[0], sz[1])
			drive(m0, msgs...) // warm the cache with everything the walk shows
			var times []time.Duration
			byScreen := map[string][]time.Duration{}
			for b.Loop() {
				_, times = timedWalkBy(m0, msgs, times, byScreen)
			}
			reportPercentiles(b, times)
			reportByScreen(b, byScreen)
		})
	}
}

// BenchmarkKeypressNaive is the baseline the cache is measured against:
// the same session in the same app, whose cache of prepared pages keeps
// nothing (a bound of one byte). A page is rendered when it is shown and
// at no other time: the pager keeps the page on screen, as any app would,
// so list moves, scrolling, search typing and help cost what they cost
// without a cache, and every answer, step or page opened (n, p, Enter, a
// related question, Esc back to a page left) is rendered on the keypress
// path. Glamour's renderer per width is kept, as any app would keep it.
// The neighbours rendered in the background are thrown away, untimed.
// It also reports how many keys of the walk rendered a page, and the
// median of those keys alone.
func BenchmarkKeypressNaive(b *testing.B) {
	g := loadGuide(b)
	msgs := keys(sessionWalk)
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			r := render.New(g)
			drive(noCacheModel(g, r, sz[0], sz[1]), msgs...) // glamour's renderers made
			var times, rendering []time.Duration
			var walks int
			for b.Loop() {
				b.StopTimer()
				m := noCacheModel(g, r, sz[0], sz[1])
				b.StartTimer()
				for _, msg := range msgs {
					before := r.Renders()
					t0 := time.Now()
					next, cmd := m.update(msg)
					_ = next.View()
					times = append(times, time.Since(t0))
					if r.Renders() > before {
						rendering = append(rendering, time.Since(t0))
					}
					m = next
					for _, fed := range runCmd(cmd) {
						m = step(m, fed, true)
					}
				}
				walks++
			}
			reportPercentiles(b, times)
			slices.Sort(rendering)
			b.ReportMetric(float64(rendering[len(rendering)/2].Nanoseconds())/1000, "µs-median-rendering-key")
			b.ReportMetric(float64(len(rendering))/float64(walks), "keys-rendering/walk")
			b.ReportMetric(float64(len(msgs)), "keys/walk")
		})
	}
}

// noCacheModel is colourModel on a guide whose prepared pages are never
// kept: what the app would be without its cache.
func noCacheModel(g *content.Guide, r *render.Renderer, w, h int) Model {
	opts := testOptions()
	opts.Profile = termenv.ANSI256
	m := NewSession(newGuide(g, r, 1), lipgloss.NewRenderer(io.Discard), opts, fakeClock{testNow()})
	runCmd(m.Init())
	return drive(m, size(w, h))
}

// BenchmarkResizeBurst is 100 window-size changes, then one key, on an open
// answer with a cold cache, as when a window is dragged: the time from the
// last resize until the page on screen is ready at the final width (and
// from the first, for the whole burst), and the glamour renders done. Only
// the final width is rendered: the answer and the neighbours prepared
// beside it.
func BenchmarkResizeBurst(b *testing.B) {
	g := loadGuide(b)
	var renders, intermediate int
	var times, whole []time.Duration
	for b.Loop() {
		b.StopTimer()
		r := render.New(g)
		m := colourModel(g, r, 80, 24)
		m = drive(m, keys("1 enter")...)
		before, startWidth := r.Renders(), m.faq().answerWidth
		b.StartTimer()

		t0 := time.Now()
		var tLast time.Time
		var pending []tea.Cmd
		for i := range 100 {
			var cmd tea.Cmd
			if i == 99 {
				tLast = time.Now()
			}
			m, cmd = m.update(size(60+i, 24+i%20))
			_ = m.View()
			pending = append(pending, cmd)
		}
		m, _ = m.update(press("down"))
		// The layout messages arrive after the burst; the commands they
		// return render in the background. Stop the clock when the page on
		// screen is ready at the final width, then let the rest finish.
		ready := false
		for len(pending) > 0 {
			cmd := pending[0]
			pending = pending[1:]
			if cmd == nil {
				continue
			}
			msg := cmd()
			if batch, ok := msg.(tea.BatchMsg); ok {
				pending = append(append([]tea.Cmd{}, batch...), pending...)
				continue
			}
			var next tea.Cmd
			m, next = m.update(msg)
			pending = append(pending, next)
			if !ready && m.faq().answer.pager.fresh() {
				_ = m.View()
				times = append(times, time.Since(tLast))
				whole = append(whole, time.Since(t0))
				ready = true
				b.StopTimer()
			}
		}
		if !ready {
			b.Fatal("the answer never became ready at the final width")
		}
		renders += r.Renders() - before
		for w := render.MinWidth; w <= render.MaxWidth; w++ {
			if m.sh.guide.pages.has(m.faq().list.selected(), w, m.sh.style) && w != m.faq().answerWidth && w != startWidth {
				intermediate++
			}
		}
		b.StartTimer()
	}
	slices.Sort(times)
	slices.Sort(whole)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-to-ready")
	b.ReportMetric(float64(whole[len(whole)/2].Microseconds())/1000, "ms-whole-burst")
	b.ReportMetric(float64(renders)/float64(b.N), "renders/burst")
	b.ReportMetric(float64(intermediate)/float64(b.N), "intermediate-widths-rendered")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkFirstFrame is start-up inside the process: loading and checking
// the content, building the model and drawing the first Home frame, with
// the shipped content and with 1,000 FAQ answers. (The whole binary from
// exec is measured in internal/cli: BenchmarkStartup.)
func BenchmarkFirstFrame(b *testing.B) {
	big, err := contentgen.FAQ(embedded.FS(), "en", 1000)
	if err != nil {
		b.Fatal(err)
	}
	for name, root := range map[string]fs.FS{"shipped": embedded.FS(), "1000-faq": big} {
		b.Run(name, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				t0 := time.Now()
				g, ps := content.Load(root, "en")
				if ps.Errors() > 0 {
					b.Fatal(ps.Err())
				}
				// Init's work (the search index) runs in the background
				// in the real program, after the first frame.
				m, _ := newColourModel(g, render.New(g)).update(size(80, 24))
				if !strings.Contains(m.View(), "About this guide") {
					b.Fatal("no home screen")
				}
				times = append(times, time.Since(t0))
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
		})
	}
}

// BenchmarkSearchKeystroke types a query into the search box, one key at a
// time, with the shipped content and with 1,000 FAQ answers: per key,
// Update plus View. Budget: 5 ms at 1,000 pages.
func BenchmarkSearchKeystroke(b *testing.B) {
	big, err := contentgen.FAQ(embedded.FS(), "en", 1000)
	if err != nil {
		b.Fatal(err)
	}
	for name, root := range map[string]fs.FS{"shipped": embedded.FS(), "1000-faq": big} {
		b.Run(name, func(b *testing.B) {
			g, ps := content.Load(root, "en")
			if ps.Errors() > 0 {
				b.Fatal(ps.Err())
			}
			m0 := drive(colourModel(g, render.New(g), 80, 24), press("/"))
			typing := keys("r e t i n o l backspace backspace backspace backspace backspace backspace backspace s u n")
			var times []time.Duration
			for b.Loop() {
				_, times = timedWalk(m0, typing, times)
			}
			reportPercentiles(b, times)
		})
	}
}
