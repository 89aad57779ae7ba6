// Package render turns content pages into terminal text with glamour. It
// keeps glamour renderers per (width, style), caches rendered pages per
// (page, width, style), both bounded (least recently used go first: over
// SSH every terminal width there is comes by), and filters the output so
// that only colour and style sequences reach the terminal.
package render

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/lru"
	"github.com/skinguide/skinguide/internal/termsafe"
)

// Width limits given to glamour. Narrower is unreadable; wider makes lines
// no one can follow and costs time for nothing.
const (
	MinWidth = 20
	MaxWidth = 200
)

// ClampWidth keeps a wrap width inside [MinWidth, MaxWidth].
func ClampWidth(w int) int { return max(MinWidth, min(MaxWidth, w)) }

type key struct {
	id    string
	width int
	style Style
}

type rendererKey struct {
	width int
	style Style
}

// guardedRenderer is a glamour renderer with its own lock: a TermRenderer
// is not safe for concurrent use.
type guardedRenderer struct {
	mu    sync.Mutex
	tr    *glamour.TermRenderer
	limit int // the widest line glamour writes: the wrap width less the right margin
}

// Renderer renders pages of one guide, with a cache. It is safe for
// concurrent use, so the page on screen and pages rendered in the
// background can share it, as can several sessions of one process.
type Renderer struct {
	guide *content.Guide

	cache     *lru.Cache[key, string]
	renderers *lru.Cache[rendererKey, *guardedRenderer]

	mu      sync.Mutex // guards renders, and the making of renderers
	renders int        // glamour renders done, for tests and benchmarks
}

// Bounds of a Renderer's caches. A page rendered in colour is about 50 KB
// (glamour pads every line with styled spaces), so 8 MiB holds about 170
// pages: every page of the shipped guide at three widths or styles at
// once. A glamour renderer is cheap to make again; 16 are kept.
const (
	DefaultCacheBytes = 8 << 20
	maxRenderers      = 16
)

// New returns a Renderer for a guide, its cache bounded by
// DefaultCacheBytes.
func New(g *content.Guide) *Renderer { return NewWithLimit(g, DefaultCacheBytes) }

// NewWithLimit returns a Renderer whose cache of pages holds at most limit
// bytes; 0 or less means no bound (benchmarks compare with it).
func NewWithLimit(g *content.Guide, limit int64) *Renderer {
	return &Renderer{
		guide:     g,
		cache:     lru.New[key](limit, func(out string) int64 { return int64(len(out)) }),
		renderers: lru.New[rendererKey](maxRenderers, func(*guardedRenderer) int64 { return 1 }),
	}
}

// CacheStats reports what the cache of pages holds and its hit rate.
func (r *Renderer) CacheStats() lru.Stats { return r.cache.Stats() }

// Cached returns a rendered page if it is in the cache. It never renders.
func (r *Renderer) Cached(p *content.Page, width int, s Style) (string, bool) {
	return r.cache.Get(key{p.ID, ClampWidth(width), s})
}

// Page returns a page rendered at a width, from the cache when it can.
func (r *Renderer) Page(p *content.Page, width int, s Style) string {
	width = ClampWidth(width)
	k := key{p.ID, width, s}
	if out, ok := r.Cached(p, width, s); ok {
		return out
	}
	out := r.Render(p, width, s)
	r.cache.Add(k, out)
	return out
}

// Render renders a page at a width, without the cache: for callers that
// keep what they make of it in a cache of their own (the TUI keeps pages
// split into lines), so that a page is not held twice.
func (r *Renderer) Render(p *content.Page, width int, s Style) string {
	return r.Markdown(Source(r.guide, p), ClampWidth(width), s)
}

// Renders reports how many glamour renders this Renderer has done.
func (r *Renderer) Renders() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.renders
}

// Markdown renders any Markdown (not cached) and makes it terminal-safe.
func (r *Renderer) Markdown(md string, width int, s Style) string {
	width = ClampWidth(width)
	gr, err := r.renderer(width, s)
	var out string
	limit := width
	if err == nil {
		gr.mu.Lock()
		out, err = gr.tr.Render(holdHyphens(cutLongRuns(md)))
		gr.mu.Unlock()
		limit = gr.limit
	}
	if err != nil {
		// glamour fails only on broken styles; show the text rather than nothing.
		out = md
	}
	r.mu.Lock()
	r.renders++
	r.mu.Unlock()
	out = releaseHyphens(hangItems(termsafe.Filter(out), limit))
	if s.Profile.Name() == "Ascii" {
		out = ansi.Strip(out)
	}
	return trimBlankEdges(out)
}

func (r *Renderer) renderer(width int, s Style) (*guardedRenderer, error) {
	rk := rendererKey{width, s}
	r.mu.Lock()
	defer r.mu.Unlock()
	if gr, ok := r.renderers.Get(rk); ok {
		return gr, nil
	}
	style := glamourStyle(s)
	tr, err := glamour.NewTermRenderer(
		glamour.WithStyles(style),
		glamour.WithColorProfile(s.Profile),
		glamour.WithWordWrap(width),
	)
	if err != nil {
		return nil, fmt.Errorf("glamour renderer at width %d: %w", width, err)
	}
	limit := width
	if m := style.Document.Margin; m != nil {
		limit -= int(*m)
	}
	gr := &guardedRenderer{tr: tr, limit: limit}
	r.renderers.Add(rk, gr) // one dropped later may still be rendering: it has its own lock
	return gr, nil
}

// trimBlankEdges drops glamour's empty first and last lines, and trailing
// spaces, so pages sit neatly in a frame.
func trimBlankEdges(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[0])) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// Source is the Markdown shown for a page: its title, its body, and a footer
// with the review date, the sources and the line that the clinic's own
// instructions come first.
func Source(g *content.Guide, p *content.Page) string {
	var b strings.Builder
	b.WriteString("# ")
	b.WriteString(p.Title)
	b.WriteString("\n\n")
	b.WriteString(strings.TrimSpace(p.Body))
	b.WriteString("\n\n---\n\n")
	b.WriteString(Footer(g, p))
	b.WriteString("\n")
	return b.String()
}

// Footer is the Markdown footer of a page.
func Footer(g *content.Guide, p *content.Page) string {
	var b strings.Builder
	if g.ClinicFirst != "" {
		fmt.Fprintf(&b, "**%s**\n\n", g.ClinicFirst)
	}
	if !p.Reviewed.IsZero() {
		fmt.Fprintf(&b, "*%s: %s.*", labelOr(g.ReviewedLabel, "Last reviewed"), g.UI.Dates().FormatShort(p.Reviewed))
	}
	if len(p.Sources) > 0 {
		b.WriteString("\n\n" + SourcesLine(g, p))
	}
	return b.String()
}

// SourcesLine is a page's "Based on: ..." line, in italics. It ends with a
// full stop unless the last source already ends a sentence: a title such
// as "Does microneedling improve skin?" takes no "." after it.
func SourcesLine(g *content.Guide, p *content.Page) string {
	list := strings.Join(p.Sources, "; ")
	stop := "."
	if strings.ContainsAny(lastMark(list), ".!?") {
		stop = ""
	}
	return fmt.Sprintf("*%s: %s%s*", labelOr(g.SourcesLabel, "Based on"), list, stop)
}

// lastMark is the last rune of s that is not a closing quote or bracket.
func lastMark(s string) string {
	s = strings.TrimRight(s, "\"'”’»)] ")
	if s == "" {
		return ""
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

func labelOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
