package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/render"
)

// pager shows one rendered page in a scrollable viewport. It never renders
// by itself while being drawn: the page comes from the renderer's cache, or
// is rendered by ensure, which the root calls for what is on screen only.
type pager struct {
	pages *pageCache
	style render.Style
	keys  PagerKeys

	page          *content.Page
	width, height int

	lines    []string // the page as rendered, possibly at an older width, then tail
	linesFor string   // id of the page in lines
	wrapped  int      // width lines were rendered at; 0 when there are none
	base     *pageLines
	tail     []string // lines after the page: the take-home QR code
	vp       viewport.Model
}

// setTail puts lines after the page (nil for none), keeping the place.
func (p *pager) setTail(tail []string) {
	if len(tail) == 0 && len(p.tail) == 0 {
		return
	}
	p.tail = tail
	if p.base != nil && p.fresh() { // base is the page on screen
		p.setLines(p.base)
	}
}

func newPager(pages *pageCache, style render.Style, keys PagerKeys) pager {
	vp := viewport.New(0, 0)
	vp.KeyMap = viewport.KeyMap{Up: keys.Up, Down: keys.Down, PageUp: keys.PageUp, PageDown: keys.PageDown}
	vp.MouseWheelEnabled = true
	return pager{pages: pages, style: style, keys: keys, vp: vp}
}

// setPage shows another page from its top. The page is taken from the cache
// when it is there; otherwise it waits for ensure.
func (p *pager) setPage(pg *content.Page) {
	if pg == p.page {
		return
	}
	p.page = pg
	p.vp.SetYOffset(0)
	p.load()
}

// setSize changes the viewport. At a new width the page is wrapped again,
// keeping the reader at about the same place.
func (p *pager) setSize(w, h int) {
	w, h = max(0, w), max(0, h)
	if w == p.width && h == p.height {
		return
	}
	pct := p.percent()
	p.width, p.height = w, h
	p.vp.Width, p.vp.Height = w, h
	p.load()
	p.scrollToPercent(pct)
}

// load takes the current page from the cache at the current width, if it
// is there. It never renders.
func (p *pager) load() {
	if p.page == nil || p.width <= 0 {
		return
	}
	if p.fresh() {
		return
	}
	if pl, ok := p.pages.cached(p.page, p.width, p.style); ok {
		p.setLines(pl)
	}
}

// ensure renders the current page if what is shown is not it at the current
// width. It reports whether it had to render.
func (p *pager) ensure() bool {
	if p.page == nil || p.width <= 0 || p.fresh() {
		return false
	}
	_, cached := p.pages.cached(p.page, p.width, p.style)
	p.setLines(p.pages.get(p.page, p.width, p.style))
	return !cached
}

// fresh reports whether lines hold the current page at the current width.
func (p pager) fresh() bool {
	return p.page != nil && p.linesFor == p.page.ID && p.wrapped == render.ClampWidth(p.width)
}

func (p *pager) setLines(pl *pageLines) {
	keep := p.linesFor == p.page.ID
	pct := p.percent()
	p.base = pl
	p.lines = pl.lines
	// The viewport keeps the place and counts the lines; view draws them.
	// Given blank lines, it does not measure every line of the page again
	// each time the page is shown (most of a timeline step's keypress).
	blank := pl.blank
	if len(p.tail) > 0 {
		p.lines = append(pl.lines[:len(pl.lines):len(pl.lines)], p.tail...)
		blank += strings.Repeat("\n", len(p.tail))
	}
	p.linesFor = p.page.ID
	p.wrapped = render.ClampWidth(p.width)
	p.vp.SetContent(blank)
	if keep {
		p.scrollToPercent(pct)
	} else {
		p.vp.SetYOffset(0)
	}
}

// percent is how far down the page the reader is, from 0 to 1. Unlike the
// viewport's ScrollPercent it is 0, not 1, when there is nothing to scroll
// (a new pager, or a page that fits): keeping that place at a new size must
// not jump to the end of the page.
func (p pager) percent() float64 {
	total := len(p.lines) - p.height
	if p.linesFor == "" || total <= 0 {
		return 0
	}
	return min(1, float64(p.vp.YOffset)/float64(total))
}

func (p *pager) scrollToPercent(pct float64) {
	total := len(p.lines) - p.height
	if total <= 0 {
		p.vp.SetYOffset(0)
		return
	}
	p.vp.SetYOffset(int(pct*float64(total) + 0.5))
}

func (p pager) update(msg tea.Msg) (pager, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, p.keys.Top):
			p.vp.GotoTop()
			return p, nil
		case key.Matches(k, p.keys.Bottom):
			p.vp.GotoBottom()
			return p, nil
		}
	}
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

// view draws exactly height lines. Until the page is rendered at this
// width it shows the older rendering, cut to fit.
func (p pager) view() []string {
	if p.height <= 0 {
		return nil
	}
	start := min(p.vp.YOffset, max(0, len(p.lines)-1))
	end := min(len(p.lines), start+p.height)
	var vis []string
	if p.linesFor != "" && start < end {
		vis = p.lines[start:end]
	}
	return fitLines(vis, p.width, p.height)
}

// position is the reader's place in the page, as shown under it, with a
// nudge that there is more to read.
func (p pager) position(t *texts) string {
	if len(p.lines) <= p.height {
		return t.PagerAll
	}
	pct := fmt.Sprintf("%d%%", int(p.vp.ScrollPercent()*100+0.5))
	switch {
	case p.vp.AtTop():
		return pct + " · " + t.PagerMore
	case p.vp.AtBottom():
		return pct + " · " + t.PagerEnd
	}
	return pct + " ↕"
}

// yOffset and setYOffset let a screen remember and restore a reading place.
func (p pager) yOffset() int      { return p.vp.YOffset }
func (p *pager) setYOffset(n int) { p.vp.SetYOffset(n) }
