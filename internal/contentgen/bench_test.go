package contentgen

import (
	"io/fs"
	"testing"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
)

// BenchmarkLoad measures loading and validating a content root: the shipped
// pack and one with 1,000 FAQ answers.
func BenchmarkLoad(b *testing.B) {
	big, err := FAQ(embedded.FS(), "en", 1000)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		fsys fs.FS
	}{{"shipped", embedded.FS()}, {"1000-faq", big}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if g, ps := content.Load(bc.fsys, "en"); g == nil || ps.Errors() > 0 {
					b.Fatal(ps.Err())
				}
			}
		})
	}
}
