//go:build !windows

package serve

import (
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Largest window a session is given. A client may claim any size; beyond
// this the guide draws in the top-left corner instead of building frames
// of millions of cells.
const (
	MaxWidth  = 500
	MaxHeight = 200
)

// Attracter is what a session's model may tell the server: whether it is
// on its attract screen, untouched since it started over. Idle disconnect
// counts only that time. A model without it is never idle-disconnected
// unless it is a reader session, where any time without input counts.
type Attracter interface{ Attract() bool }

// session end reasons, as logged and as told to the client.
type endReason int

const (
	endQuit     endReason = iota // the model quit (reader mode, staff exit)
	endIdle                      // idle disconnect
	endPanic                     // the session's model panicked
	endShutdown                  // the server is stopping
	endGone                      // the client went away
)

func (r endReason) String() string {
	return [...]string{"quit", "idle", "panic", "shutdown", "gone"}[r]
}

// sessionModel wraps a session's model with what the server guarantees
// whatever the model does: window sizes within bounds, a panic ending this
// session only (logged, never drawn), no suspend (it would stop the whole
// server), and the idle disconnect.
type sessionModel struct {
	inner tea.Model
	log   *slog.Logger
	rec   *record

	idleAfter time.Duration // 0: never
	anyIdle   bool          // count idle time off the attract screen too (reader)
	now       func() time.Time
	lastInput time.Time
	idleSince time.Time // when the model was first seen idle at a check; zero if not
	dead      bool      // panicked: draw nothing, only quit
}

type idleCheckMsg struct{}

// idleCheck is how often a session looks whether it has been idle long
// enough: a tenth of the limit, within 10ms..10s.
func (m *sessionModel) idleCheck() tea.Cmd {
	if m.idleAfter <= 0 {
		return nil
	}
	d := min(max(m.idleAfter/10, 10*time.Millisecond), 10*time.Second)
	return tea.Tick(d, func(time.Time) tea.Msg { return idleCheckMsg{} })
}

func (m *sessionModel) Init() tea.Cmd {
	var cmd tea.Cmd
	if !m.guard(func() { cmd = m.inner.Init() }) {
		return tea.Quit
	}
	return tea.Batch(m.wrap(cmd), m.idleCheck())
}

func (m *sessionModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.dead {
		return m, tea.Quit
	}
	switch msg := msg.(type) {
	case panicMsg:
		m.rec.end(endPanic)
		m.dead = true
		return m, tea.Quit
	case idleCheckMsg:
		return m, m.onIdleCheck()
	case tea.WindowSizeMsg:
		msg.Width = min(max(msg.Width, 0), MaxWidth)
		msg.Height = min(max(msg.Height, 0), MaxHeight)
		return m.forward(msg)
	case tea.KeyMsg, tea.MouseMsg:
		m.lastInput, m.idleSince = m.now(), time.Time{}
	}
	return m.forward(msg)
}

func (m *sessionModel) forward(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	if !m.guard(func() { m.inner, cmd = m.inner.Update(msg) }) {
		return m, tea.Quit
	}
	return m, m.wrap(cmd)
}

func (m *sessionModel) View() string {
	if m.dead {
		return ""
	}
	var v string
	if !m.guard(func() { v = m.inner.View() }) {
		// bubbletea quits after the next message; make sure there is one.
		go m.rec.quit()
		return ""
	}
	return v
}

// onIdleCheck ends the session when it has been idle (on the attract
// screen, or anywhere in a reader session) for idleAfter.
func (m *sessionModel) onIdleCheck() tea.Cmd {
	now := m.now()
	idle := m.anyIdle
	if a, ok := m.inner.(Attracter); ok && a.Attract() {
		idle = true
	}
	switch {
	case !idle:
		m.idleSince = time.Time{}
	case m.idleSince.IsZero():
		m.idleSince = now
		if m.anyIdle && m.lastInput.Before(now) {
			m.idleSince = m.lastInput // a reader is idle from the last key
		}
	}
	if idle && now.Sub(m.idleSince) >= m.idleAfter {
		m.rec.end(endIdle)
		return tea.Quit
	}
	return m.idleCheck()
}

// guard runs f; a panic in it is logged with its stack and ends this
// session (false).
func (m *sessionModel) guard(f func()) (ok bool) {
	defer func() {
		if v := recover(); v != nil {
			m.logPanic(v)
			m.rec.end(endPanic)
			m.dead = true
			ok = false
		}
	}()
	f()
	return true
}

func (m *sessionModel) logPanic(v any) {
	m.log.Error("a session panicked and was closed; other sessions go on",
		"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
}

// panicMsg reports a panic in one of the session's commands.
type panicMsg struct{}

// wrap makes a command safe for the server: a panic inside it (bubbletea
// runs commands on goroutines of their own, where nothing else could catch
// it) ends this session only, and a suspend is dropped. Batches are
// wrapped command by command, since bubbletea runs each on its own.
func (m *sessionModel) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if v := recover(); v != nil {
				m.logPanic(v)
				msg = panicMsg{}
			}
		}()
		switch msg := cmd().(type) {
		case tea.SuspendMsg:
			return nil
		case tea.BatchMsg:
			out := make(tea.BatchMsg, len(msg))
			for i, c := range msg {
				out[i] = m.wrap(c)
			}
			return out
		default:
			return msg
		}
	}
}
