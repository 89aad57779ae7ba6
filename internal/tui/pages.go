package tui

import (
	"strconv"
	"strings"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/lru"
	"github.com/skinguide/skinguide/internal/render"
)

// pageLines is a rendered page as a pager shows it.
type pageLines struct {
	lines []string
	text  string // the lines joined, for the viewport
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
func (pl *pageLines) bytes() int64 { return int64(len(pl.text) + 16*len(pl.lines) + 64) }

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
		lines[i] = trimPadding(l)
	}
	// The lines are cut again from the joined text, so that they do not
	// keep the padded output (ten times bigger) alive.
	text := strings.Join(lines, "\n")
	pl := &pageLines{lines: strings.Split(text, "\n"), text: text}
	c.lines.Add(k, pl)
	return pl
}

// trimPadding removes trailing spaces and the style sequences around them
// from a line, as long as none of those sequences sets a background colour
// (then the spaces are visible). A reset ends a line that keeps styles.
func trimPadding(s string) string {
	end := len(s)
	for end > 0 {
		if s[end-1] == ' ' {
			end--
			continue
		}
		if s[end-1] != 'm' {
			break
		}
		j := strings.LastIndex(s[:end], "\x1b[")
		if j < 0 || !plainSGR(s[j+2:end-1]) {
			break
		}
		end = j
	}
	if end == len(s) {
		return s
	}
	out := s[:end]
	if strings.Contains(out, "\x1b[") {
		out += "\x1b[0m"
	}
	return out
}

// plainSGR reports whether SGR parameters are valid and set no background
// (and no reverse video, which would show one).
func plainSGR(params string) bool {
	if params == "" {
		return true
	}
	codes := strings.FieldsFunc(params, func(r rune) bool { return r == ';' || r == ':' })
	for i := 0; i < len(codes); i++ {
		n, err := strconv.Atoi(codes[i])
		if err != nil {
			return false
		}
		switch {
		case n == 38: // extended foreground: skip its arguments
			if i+1 < len(codes) && codes[i+1] == "5" {
				i += 2
			} else if i+1 < len(codes) && codes[i+1] == "2" {
				i += 4
			}
		case n == 48, n >= 40 && n <= 47, n >= 100 && n <= 107,
			n == 7, n == 4, n == 9, n == 21, n == 53: // reverse and lines show on spaces too
			return false
		}
	}
	return true
}
