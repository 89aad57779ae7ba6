package search

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Posting lists read back exactly as they were written, whatever the gaps
// between pages and the counts.
func TestPostingsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var lists [][]posting
	for range 200 {
		var list []posting
		doc := int32(-1)
		for range r.IntN(50) {
			doc += 1 + int32(r.IntN([]int{1, 3, 200, 1 << 20}[r.IntN(4)]))
			var p posting
			p.doc = doc
			for f := range p.n {
				switch r.IntN(4) {
				case 1:
					p.n[f] = uint16(1 + r.IntN(3))
				case 2:
					p.n[f] = uint16(r.IntN(0x10000))
				case 3:
					p.n[f] = 0xffff
				}
			}
			if p.n == [3]uint16{} {
				p.n[fBody] = 1 // a posting counts at least one occurrence
			}
			list = append(list, p)
		}
		lists = append(lists, list)
	}
	var ps postings
	for _, l := range lists {
		ps.encode(l)
	}
	for id, want := range lists {
		var got []posting
		for l := ps.list(int32(id)); ; {
			p, ok := l.next()
			if !ok {
				break
			}
			got = append(got, p)
		}
		if !slices.Equal(got, want) || int(ps.pages[id]) != len(want) {
			t.Fatalf("list %d: got %v (%d pages), want %v", id, got, ps.pages[id], want)
		}
	}
}

// The folded text made for a snippet is exactly the one clean makes, so
// hits are found at the same offsets as when every page kept it.
func FuzzFoldText(f *testing.F) {
	for _, s := range []string{"", "Retinol", "ÉTÉ été", "K\u212a Ⱥ ß İ", "a\x1b[2Jb\u202e c\r\nd\x00", "\xff\xfe x", "日焼け止め", "\ufffd A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		text, lower := clean(raw)
		if got := foldText(text); got != lower {
			t.Fatalf("foldText(%q) = %q, clean's lower %q", text, got, lower)
		}
	})
}
