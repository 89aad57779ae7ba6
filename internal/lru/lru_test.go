package lru

import (
	"fmt"
	"math/rand"
	"sync"
	"testing"
)

func byLen(s string) int64 { return int64(len(s)) }

func TestEvictsLeastRecentlyUsed(t *testing.T) {
	c := New[string, string](10, byLen)
	c.Add("a", "1234") // 4
	c.Add("b", "1234") // 8
	if _, ok := c.Get("a"); !ok {
		t.Fatal("a should be there")
	}
	c.Add("c", "1234") // 12 > 10: b is the least recently used
	if _, ok := c.Get("b"); ok {
		t.Error("b should have gone")
	}
	for _, k := range []string{"a", "c"} {
		if _, ok := c.Get(k); !ok {
			t.Errorf("%s should still be there", k)
		}
	}
	s := c.Stats()
	if s.Entries != 2 || s.Cost != 8 || s.Limit != 10 || s.Evictions != 1 {
		t.Errorf("stats %+v", s)
	}
	if s.Hits != 3 || s.Misses != 1 || s.HitRate() != 0.75 {
		t.Errorf("hits %d misses %d rate %v", s.Hits, s.Misses, s.HitRate())
	}
}

func TestPeekChangesNothing(t *testing.T) {
	c := New[string, string](8, byLen)
	c.Add("a", "1234")
	c.Add("b", "1234")
	if v, ok := c.Peek("a"); !ok || v != "1234" {
		t.Fatal("peek should find a")
	}
	c.Add("c", "1234") // a is still the least recently used
	if _, ok := c.Peek("a"); ok {
		t.Error("peek must not make a recently used")
	}
	if s := c.Stats(); s.Hits != 0 || s.Misses != 0 {
		t.Errorf("peek counted lookups: %+v", s)
	}
}

func TestReplaceKeepsTheTotal(t *testing.T) {
	c := New[string, string](10, byLen)
	c.Add("a", "12345678")
	c.Add("a", "12")
	c.Add("b", "12345678")
	if s := c.Stats(); s.Entries != 2 || s.Cost != 10 {
		t.Errorf("after replacing: %+v", s)
	}
	if v, _ := c.Get("a"); v != "12" {
		t.Errorf("a = %q", v)
	}
}

func TestTooBigIsNotKept(t *testing.T) {
	c := New[string, string](4, byLen)
	c.Add("small", "12")
	c.Add("big", "12345")
	if _, ok := c.Get("big"); ok {
		t.Error("a value over the bound on its own must not be kept")
	}
	if _, ok := c.Get("small"); !ok {
		t.Error("and it must not push the others out")
	}
}

func TestNoLimit(t *testing.T) {
	c := New[int, string](0, byLen)
	for i := range 1000 {
		c.Add(i, "0123456789")
	}
	if s := c.Stats(); s.Entries != 1000 || s.Cost != 10000 || s.Evictions != 0 || s.Limit != 0 {
		t.Errorf("unbounded: %+v", s)
	}
}

// Random use from several goroutines keeps the bound and the books right.
func TestConcurrentUseKeepsTheBound(t *testing.T) {
	c := New[int, string](500, byLen)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewSource(int64(g)))
			for range 2000 {
				k := rng.Intn(100)
				if _, ok := c.Get(k); !ok {
					c.Add(k, fmt.Sprintf("%0*d", 1+rng.Intn(60), k))
				}
			}
		}()
	}
	wg.Wait()
	s := c.Stats()
	if s.Cost > 500 {
		t.Errorf("total %d over the bound", s.Cost)
	}
	var sum int64
	for el := c.order.Front(); el != nil; el = el.Next() {
		sum += el.Value.(*entry[int, string]).cost
	}
	if sum != s.Cost || c.order.Len() != s.Entries || len(c.items) != s.Entries {
		t.Errorf("books: sum %d total %d, list %d map %d entries %d", sum, s.Cost, c.order.Len(), len(c.items), s.Entries)
	}
	if s.Hits+s.Misses != 8*2000 {
		t.Errorf("%d lookups counted, want %d", s.Hits+s.Misses, 8*2000)
	}
}
