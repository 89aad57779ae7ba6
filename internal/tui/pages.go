package tui

import (
	"strings"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/lru"
	"github.com/skinguide/skinguide/internal/render"
)

// pageLines is a rendered page as a pager shows it.
type pageLines struct {
	lines []string
	text  string // the lines joined: what lines are cut from
	blank string // a newline fewer than lines: what the pager's viewport counts
}

type pageKey struct {
	id    string
	width int
	style render.Style
}

// pageCache keeps rendered pages split into lines, with glamour's padding
// trimmed. glamour pads every line to the wrap width with a coloured
// space each: 40 KB of escapes for 1.6 KB of text on a typical page. The
// padding is invisible (it has no background), but measuring and sending
// it would cost most of a frame. Pages are prepared once per (page, width,
// style), usually in the background, and are safe to share. The cache is
// bounded: least recently used pages go first.
type pageCache struct {
	r     *render.Renderer
	lines *lru.Cache[pageKey, *pageLines]
}

// defaultPageCacheBytes bounds the prepared pages of one guide. A page
// without its padding is a few KB: this holds thousands, far more than
// all the sessions of a clinic read at their widths.
const defaultPageCacheBytes = 8 << 20

func newPageCache(r *render.Renderer, limit int64) *pageCache {
	return &pageCache{r: r, lines: lru.New[pageKey](limit, (*pageLines).bytes)}
}

// bytes is about what a prepared page holds in memory.
func (pl *pageLines) bytes() int64 {
	return int64(len(pl.text) + len(pl.blank) + 16*len(pl.lines) + 64)
}

// cached returns a prepared page if it is ready. It never renders.
func (c *pageCache) cached(p *content.Page, width int, s render.Style) (*pageLines, bool) {
	k := pageKey{p.ID, render.ClampWidth(width), s}
	return c.lines.Get(k)
}

// has reports whether a page is prepared, without counting a lookup.
func (c *pageCache) has(p *content.Page, width int, s render.Style) bool {
	_, ok := c.lines.Peek(pageKey{p.ID, render.ClampWidth(width), s})
	return ok
}

// get returns a prepared page, rendering it if it must.
func (c *pageCache) get(p *content.Page, width int, s render.Style) *pageLines {
	if pl, ok := c.cached(p, width, s); ok {
		return pl
	}
	return c.put(pageKey{p.ID, render.ClampWidth(width), s}, c.r.Render(p, width, s))
}

func (c *pageCache) put(k pageKey, out string) *pageLines {
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = render.TrimPadding(l)
	}
	// The lines are cut again from the joined text, so that they do not
	// keep the padded output (ten times bigger) alive.
	text := strings.Join(lines, "\n")
	pl := &pageLines{lines: strings.Split(text, "\n"), text: text}
	pl.blank = strings.Repeat("\n", len(pl.lines)-1)
	c.lines.Add(k, pl)
	return pl
}
