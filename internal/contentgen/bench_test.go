package contentgen

import (
	"io/fs"
	"os"
	"slices"
	"testing"
	"time"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
)

// BenchmarkLoad measures loading and validating a content root: the shipped
// pack and one with 1,000 FAQ answers. Besides the mean it reports the
// median wall time of one load and the CPU time of the whole process per
// load (every core, the garbage collector included: on a shared machine
// that is the work, while wall time also counts the wait for a core).
// 1000-faq-disk reads the same answers from a folder through content.Dir,
// as the app does: a thousand files opened and read are system calls the
// in-memory 1000-faq does not make.
func BenchmarkLoad(b *testing.B) {
	big, err := FAQ(embedded.FS(), "en", 1000)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := os.CopyFS(dir, big); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		fsys fs.FS
	}{{"shipped", embedded.FS()}, {"1000-faq", big}, {"1000-faq-disk", content.Dir(dir)}} {
		b.Run(bc.name, func(b *testing.B) {
			var times []time.Duration
			cpu0 := cpuTime()
			for b.Loop() {
				t0 := time.Now()
				if g, ps := content.Load(bc.fsys, "en"); g == nil || ps.Errors() > 0 {
					b.Fatal(ps.Err())
				}
				times = append(times, time.Since(t0))
			}
			cpu := cpuTime() - cpu0
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
			if cpu > 0 {
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			}
		})
	}
}
