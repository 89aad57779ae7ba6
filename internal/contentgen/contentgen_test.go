package contentgen

import (
	"testing"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
)

func TestFAQMakesAValidRootOfTheRightSize(t *testing.T) {
	fsys, err := FAQ(embedded.FS(), "en", 1000)
	if err != nil {
		t.Fatal(err)
	}
	g, ps := content.Load(fsys, "en")
	if ps.Errors() > 0 {
		t.Fatal(ps.Err())
	}
	if len(g.FAQ) != 1000 {
		t.Fatalf("%d FAQ answers, want 1000", len(g.FAQ))
	}
}
