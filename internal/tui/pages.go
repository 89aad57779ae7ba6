package tui

import (
	"strconv"
	"strings"
	"sync"

	"github.com/skinguide/skinguide/internal/content"
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
// style), usually in the background, and are safe to share.
type pageCache struct {
	r  *render.Renderer
	mu sync.Mutex
	m  map[pageKey]*pageLines
}

func newPageCache(r *render.Renderer) *pageCache {
	return &pageCache{r: r, m: map[pageKey]*pageLines{}}
}

// cached returns a prepared page if it is ready. It never renders.
func (c *pageCache) cached(p *content.Page, width int, s render.Style) (*pageLines, bool) {
	k := pageKey{p.ID, render.ClampWidth(width), s}
	c.mu.Lock()
	pl, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return pl, true
	}
	// Rendered elsewhere (by another session, say) but not prepared yet:
	// preparing is cheap next to rendering.
	if out, ok := c.r.Cached(p, width, s); ok {
		return c.put(k, out), true
	}
	return nil, false
}

// get returns a prepared page, rendering it if it must.
func (c *pageCache) get(p *content.Page, width int, s render.Style) *pageLines {
	if pl, ok := c.cached(p, width, s); ok {
		return pl
	}
	return c.put(pageKey{p.ID, render.ClampWidth(width), s}, c.r.Page(p, width, s))
}

func (c *pageCache) put(k pageKey, out string) *pageLines {
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = trimPadding(l)
	}
	pl := &pageLines{lines: lines, text: strings.Join(lines, "\n")}
	c.mu.Lock()
	c.m[k] = pl
	c.mu.Unlock()
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
