package search

import (
	"testing"

	"github.com/skinguide/skinguide/internal/content"
)

// A query with no words finds nothing without building the index: the
// search screen asks with its empty box when the window is first sized,
// and the build (most of a second at 10,000 pages) held the first frame.
func TestFindWithoutWordsDoesNotPrepare(t *testing.T) {
	ix := New([]*content.Page{page("a", "Retinol", "Avoid retinol.")})
	for _, q := range []string{"", "   ", "?!", "\x1b\x07", "· -"} {
		if rs := ix.Find(q); len(rs.Items) != 0 || len(rs.DidYouMean) != 0 {
			t.Errorf("Find(%q) = %+v, want nothing", q, rs)
		}
	}
	if ix.Prepared() {
		t.Fatal("a query without words built the index")
	}
	if rs := ix.Find("retinol"); len(rs.Items) != 1 || !ix.Prepared() {
		t.Fatalf("Find(retinol): %d results, prepared %v", len(rs.Items), ix.Prepared())
	}
}
