// Package lru is a cache with a bound on what it holds: each entry has a
// cost (its size in bytes, say), and when a new entry would take the total
// past the bound, the least recently used entries go first. It is safe for
// concurrent use, and counts its hits and misses.
package lru

import (
	"container/list"
	"sync"
)

// Cache maps keys to values, within a total cost.
type Cache[K comparable, V any] struct {
	limit int64 // the bound on the total cost; 0 or less means none
	cost  func(V) int64

	mu     sync.Mutex
	order  *list.List // most recently used at the front
	items  map[K]*list.Element
	total  int64
	hits   int64
	misses int64
	evicts int64
}

type entry[K comparable, V any] struct {
	key  K
	val  V
	cost int64
}

// New returns a cache whose entries cost no more than limit in all; limit
// 0 or less means no bound. cost gives an entry's cost (at least 0).
func New[K comparable, V any](limit int64, cost func(V) int64) *Cache[K, V] {
	return &Cache[K, V]{limit: limit, cost: cost, order: list.New(), items: map[K]*list.Element{}}
}

// Get returns the value for k, and makes it the most recently used.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[k]; ok {
		c.order.MoveToFront(el)
		c.hits++
		return el.Value.(*entry[K, V]).val, true
	}
	c.misses++
	var zero V
	return zero, false
}

// Peek returns the value for k without making it recently used or
// counting a lookup.
func (c *Cache[K, V]) Peek(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[k]; ok {
		return el.Value.(*entry[K, V]).val, true
	}
	var zero V
	return zero, false
}

// Add puts v under k, replacing what was there, and drops the least
// recently used entries until the total fits the bound. A value that
// costs more than the bound on its own is not kept.
func (c *Cache[K, V]) Add(k K, v V) {
	cost := max(0, c.cost(v))
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[k]; ok {
		c.remove(el)
	}
	if c.limit > 0 && cost > c.limit {
		return
	}
	c.items[k] = c.order.PushFront(&entry[K, V]{key: k, val: v, cost: cost})
	c.total += cost
	for c.limit > 0 && c.total > c.limit {
		c.remove(c.order.Back())
		c.evicts++
	}
}

func (c *Cache[K, V]) remove(el *list.Element) {
	e := c.order.Remove(el).(*entry[K, V])
	delete(c.items, e.key)
	c.total -= e.cost
}

// Stats is what a cache holds and how well it has served.
type Stats struct {
	Entries   int
	Cost      int64 // the total cost of the entries held
	Limit     int64 // the bound; 0 for none
	Hits      int64
	Misses    int64
	Evictions int64
}

// HitRate is the share of lookups that found their entry, 0 to 1.
func (s Stats) HitRate() float64 {
	if s.Hits+s.Misses == 0 {
		return 0
	}
	return float64(s.Hits) / float64(s.Hits+s.Misses)
}

// Stats reports the cache's figures now.
func (c *Cache[K, V]) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return Stats{Entries: len(c.items), Cost: c.total, Limit: max(0, c.limit), Hits: c.hits, Misses: c.misses, Evictions: c.evicts}
}
