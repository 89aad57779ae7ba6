package tui

import "github.com/skinguide/skinguide/internal/lru"

// Attract reports whether a kiosk session sits untouched on its attract
// screen, as it does from its start and after every idle reset until a key
// or a click. skinguide serve's idle disconnect counts only that time.
func (m Model) Attract() bool { return m.sh.opts.Kiosk && m.kiosk.attract }

// CacheStats reports the guide's cache of prepared pages, shared by every
// session on it: what it holds, its bound and its hit rate (serve's load
// benchmark reports them).
func (g *Guide) CacheStats() lru.Stats { return g.pages.lines.Stats() }
