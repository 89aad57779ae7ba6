package render

import (
	"fmt"
	"testing"

	"github.com/muesli/termenv"
)

// BenchmarkColdRender renders every shipped page with an empty cache, at
// widths 80 and 120, per theme: the work the cache saves. It reports the
// time per page.
func BenchmarkColdRender(b *testing.B) {
	g := shipped(b)
	pages := g.All()
	styles := []Style{{Dark, termenv.ANSI256}, {Light, termenv.ANSI256}, {HighContrast, termenv.ANSI256}, Plain()}
	names := []string{"dark", "light", "high-contrast", "plain"}
	for si, s := range styles {
		for _, w := range []int{80, 120} {
			b.Run(fmt.Sprintf("%s/width=%d", names[si], w), func(b *testing.B) {
				for b.Loop() {
					r := New(g)
					for _, p := range pages {
						r.Page(p, w, s)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(pages)), "ms/page")
			})
		}
	}
}

// BenchmarkWarmPage is a page served from the cache.
func BenchmarkWarmPage(b *testing.B) {
	g := shipped(b)
	r := New(g)
	p := g.FAQ[0]
	s := Style{Dark, termenv.ANSI256}
	r.Page(p, 80, s)
	for b.Loop() {
		r.Page(p, 80, s)
	}
}
