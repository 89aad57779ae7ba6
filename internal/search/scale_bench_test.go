package search

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/contentgen"
)

// scaleKeys is what a patient types, one key at a time: every prefix of
// each query, as the search box asks for them.
var scaleKeys = func() []string {
	var keys []string
	for _, q := range []string{"retinol", "swelling", "can't breathe", "makeup tomorrow"} {
		for i := 1; i <= len(q); i++ {
			if q[i-1] != ' ' {
				keys = append(keys, q[:i])
			}
		}
	}
	return keys
}()

// BenchmarkScale is the search index of a guide of 1,000 and of 10,000
// FAQ answers (the shipped answers copied by contentgen, loaded and
// expanded as the app loads them), built as the app builds it
// (ForGuide, Prepare). It reports the memory the index holds per page
// (index-KiB/page: the live heap after a GC with the index, less the
// heap before it was made), the whole live heap with the guide and its
// index (heap-MiB), and the time of one keystroke: Find and the snippets
// of the 10 rows on screen, for every prefix of a few queries (median and
// 95th percentile over all keys of all iterations).
func BenchmarkScale(b *testing.B) {
	sizes := []int{1000, 10000}
	if testing.Short() {
		sizes = sizes[:1] // the smoke run of .ci/run: the same code, on 1,000 answers
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("%d-faq", n), func(b *testing.B) {
			fsys, err := contentgen.FAQ(embedded.FS(), "en", n)
			if err != nil {
				b.Fatal(err)
			}
			g, ps := content.Load(fsys, "en")
			if ps.Errors() > 0 {
				b.Fatal(ps.Err())
			}
			fsys = nil
			before := liveHeap()
			ix := ForGuide(g)
			ix.Prepare()
			after := liveHeap()
			var times []time.Duration
			for b.Loop() {
				for _, k := range scaleKeys {
					t0 := time.Now()
					rs := ix.Find(k)
					rs.Snippets(0, 10, 60)
					times = append(times, time.Since(t0))
				}
			}
			slices.Sort(times)
			b.ReportMetric(float64(after-before)/float64(len(g.All()))/1024, "index-KiB/page")
			b.ReportMetric(float64(after)/(1<<20), "heap-MiB")
			b.ReportMetric(ms(times[len(times)/2]), "ms/key")
			b.ReportMetric(ms(times[len(times)*95/100]), "ms/key-p95")
			b.ReportMetric(0, "ns/op")
			runtime.KeepAlive(ix)
			runtime.KeepAlive(g)
		})
	}
}

// The index of 1,000 answers holds under 3.5 KiB a page (5.6 KiB when it
// kept every body twice, as text and folded, and postings as structs).
// BenchmarkScale reports the figure at 10,000 pages.
func TestIndexMemoryPerPage(t *testing.T) {
	fsys, err := contentgen.FAQ(embedded.FS(), "en", 1000)
	if err != nil {
		t.Fatal(err)
	}
	g, ps := content.Load(fsys, "en")
	if ps.Errors() > 0 {
		t.Fatal(ps.Err())
	}
	fsys = nil
	before := liveHeap()
	ix := ForGuide(g)
	ix.Prepare()
	perPage := float64(liveHeap()-before) / float64(len(g.All())) / 1024
	runtime.KeepAlive(ix)
	if perPage > 3.5 {
		t.Errorf("the index holds %.1f KiB a page, want at most 3.5", perPage)
	}
}

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }
