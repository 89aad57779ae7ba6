package tui

import (
	"io"
	"math/rand"
	"runtime"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/skinguide/skinguide/internal/render"
)

// BenchmarkCacheBound is the render caches of one shared guide, without a
// bound and with the default bounds, under two loads:
//
//   - storm: one session on an open answer through every other width from
//     40 to 250 columns, a resize and a key at each (what SSH clients of
//     every size bring over a day);
//   - clinic: 24 sessions, one after another, each walking every screen
//     (sessionWalk) at a width most terminals have (80, 100, 120, 132,
//     160, 200), one in four at any width from 40 to 250.
//
// It reports the heap in use after a GC with the sessions still alive
// (heap-MiB), what the caches hold (cache-MiB), the hit rate of the
// prepared-page cache (page-hit-%, every lookup: the page on screen and
// the neighbours looked for before rendering them in the background),
// and the glamour renders done.
func BenchmarkCacheBound(b *testing.B) {
	g := loadGuide(b)
	// The smoke run of .ci/run (-short) runs the same code on smaller
	// loads: every 8th width (enough to pass the 512 KiB bound), 4 sessions.
	widthStep, sessions := 2, 24
	if testing.Short() {
		widthStep, sessions = 8, 4
	}
	bounds := []struct {
		name               string
		renderer, prepared int64
	}{
		{"unbounded", 0, 0},
		{"bounded", render.DefaultCacheBytes, defaultPageCacheBytes},
		// A bound the loads go past, to see the LRU at work.
		{"bounded-512KiB", render.DefaultCacheBytes, 512 << 10},
	}
	loads := []struct {
		name string
		run  func(shared *Guide) []Model
	}{
		{"storm", func(shared *Guide) []Model {
			m := drive(cacheSession(shared), size(80, 24), press("1"), press("enter"))
			for w := 40; w <= 250; w += widthStep {
				m = drive(m, size(w, 40), press("n"))
			}
			return []Model{m}
		}},
		{"clinic", func(shared *Guide) []Model {
			rng := rand.New(rand.NewSource(1))
			common := []int{80, 100, 120, 132, 160, 200}
			walk := keys(sessionWalk)
			var ms []Model
			for range sessions {
				w := common[rng.Intn(len(common))]
				if rng.Intn(4) == 0 {
					w = 40 + rng.Intn(211)
				}
				m := drive(cacheSession(shared), append([]tea.Msg{size(w, 24+w/8)}, walk...)...)
				ms = append(ms, m)
			}
			return ms
		}},
	}
	for _, load := range loads {
		for _, bound := range bounds {
			b.Run(load.name+"/"+bound.name, func(b *testing.B) {
				var heap, held float64
				var r *render.Renderer
				var shared *Guide
				for range b.N {
					before := heapInUse()
					r = render.NewWithLimit(g, bound.renderer)
					shared = newGuide(g, r, bound.prepared)
					ms := load.run(shared)
					heap = float64(heapInUse()-before) / (1 << 20)
					runtime.KeepAlive(ms)
					held = float64(r.CacheStats().Cost+shared.pages.lines.Stats().Cost) / (1 << 20)
				}
				b.ReportMetric(heap, "heap-MiB")
				b.ReportMetric(held, "cache-MiB")
				b.ReportMetric(100*shared.pages.lines.Stats().HitRate(), "page-hit-%")
				b.ReportMetric(float64(r.Renders()), "renders")
			})
		}
	}
}

// cacheSession is one 256-colour session on a shared guide.
func cacheSession(shared *Guide) Model {
	opts := testOptions()
	opts.Profile = termenv.ANSI256
	return NewSession(shared, lipgloss.NewRenderer(io.Discard), opts, fakeClock{testNow()})
}

// heapInUse is the live heap after a collection.
func heapInUse() int64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapInuse)
}
