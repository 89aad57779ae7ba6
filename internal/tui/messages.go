package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/render"
)

// renderedMsg reports that pages were rendered off the keypress path. The
// pages are in the renderer's cache; the message only wakes the root so a
// screen waiting for one of them can pick it up.
type renderedMsg struct {
	width int
	pages int // how many were rendered (not found in the cache)
}

// layoutMsg asks the root to render what is on screen at the latest size.
// Resizes come in bursts; only the message carrying the latest seq renders,
// so a burst costs one render, not one per step.
type layoutMsg struct{ seq int }

// firstFrameMsg says the first complete frame has had its time to reach
// the screen: the background work held back for it may start.
type firstFrameMsg struct{}

// idleTickMsg is the kiosk's idle timer going off: time to show, update or
// end the "Still reading?" countdown. One tick is live at a time; seq lets
// the root drop a tick of a chain that Reset has replaced.
type idleTickMsg struct{ seq int }

// factTickMsg moves the attract screen to its next "Did you know?" fact.
// seq drops ticks of a chain that Reset has replaced.
type factTickMsg struct{ seq int }

// reloadedMsg is the answer to the idle reset's look for newer content:
// the guide made of it, or nil to keep the content shown. seq is the idle
// chain that asked; see reloadCmd.
type reloadedMsg struct {
	seq   int
	guide *Guide
}

// attractMsg tells Home what the kiosk's attract screen shows: a "Did you
// know?" fact (nil for none).
type attractMsg struct {
	fact *content.Page
}

// panickedMsg is what a kiosk's background command returns instead of
// panicking (see Model.guard): the app starts over.
type panickedMsg struct{}

// The requests a screen can make of the root (see screen.update).

// backMsg asks the root to leave the current screen.
type backMsg struct{}

// openScreenMsg asks the root to open a screen, at a page or a section
// when one is given: a timeline step full screen, without the rail, on
// the page screen; the FAQ at a section.
type openScreenMsg struct {
	to      screenID
	page    *content.Page
	section string
	day     int // "Is this normal?" at the patient's day + 1; 0 when unknown
}

// openPageMsg asks the root to show a page where it belongs: an FAQ answer
// in the browser, a timeline step in the timeline, other pages on their own.
type openPageMsg struct{ page *content.Page }

// staffPINMsg is the staff PIN box's answer: the PIN was right, or not.
type staffPINMsg struct{ ok bool }

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// prerender renders pages into the renderer's cache in the background, so
// that the next keypress finds them there. It captures only what is safe to
// share: the page cache is safe for concurrent use and pages do not change.
func prerender(pc *pageCache, style render.Style, width int, pages ...*content.Page) tea.Cmd {
	if width <= 0 {
		return nil
	}
	var todo []*content.Page
	for _, p := range pages {
		if p == nil {
			continue
		}
		if _, ok := pc.cached(p, width, style); !ok {
			todo = append(todo, p)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	return func() tea.Msg {
		for _, p := range todo {
			pc.get(p, width, style)
		}
		return renderedMsg{width: width, pages: len(todo)}
	}
}

// treatedMsg tells the root the treatment date the patient typed in the
// timeline's box or the day box of "Is this normal?": the session keeps
// it until it starts over, so that both screens know the day however
// they are opened, and a change of language keeps it.
type treatedMsg struct{ at time.Time }

// languageMsg asks the root to show the guide in another of its languages
// (an index into the guide's langs).
type languageMsg struct{ to int }
