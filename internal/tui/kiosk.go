package tui

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/kiosk"
)

// factEvery is how long each "Did you know?" fact stays on the attract
// screen: long enough to read one line twice.
const factEvery = 8 * time.Second

// kioskState is what kiosk mode adds to the root model. Reset makes it
// anew, like everything else a patient leaves behind.
type kioskState struct {
	idle      kiosk.Idle
	countdown time.Duration // time left while "Still reading?" is on screen; 0 otherwise
	attract   bool          // nobody has used the app since it started over
	fact      int           // index into shared.facts
	factSeq   int           // the live chain of fact ticks; see factTickMsg
	notice    string        // one line for Home, until the next input ("Wrong PIN")
}

func newKioskState(sh *shared, fact int) kioskState {
	k := kioskState{
		idle:    kiosk.NewIdle(sh.opts.Idle, sh.opts.IdleWarning, sh.clock.Now()),
		attract: sh.opts.Kiosk,
	}
	if n := len(sh.facts); n > 0 {
		k.fact = fact % n
	}
	return k
}

// idleTick schedules the one live idle tick, for when the phase or the
// countdown next changes. Input does not schedule ticks: it only moves the
// deadline later, so a tick may come early, and then asks again.
func (m Model) idleTick() tea.Cmd {
	now := m.sh.clock.Now()
	d := m.kiosk.idle.NextCheck(now)
	if m.kiosk.attract {
		// Nobody is there to warn: sleep through the countdown to the end
		// of the idle period, when a content change is looked for.
		if phase, left := m.kiosk.idle.Phase(now); phase == kiosk.Warning {
			d = left
		}
	}
	return m.sh.after(max(d, time.Millisecond), idleTickMsg{m.idleSeq})
}

// factTick schedules the next fact, while the attract screen is up.
func (m Model) factTick() tea.Cmd {
	if !m.kiosk.attract || len(m.sh.facts) < 2 {
		return nil
	}
	return m.sh.after(factEvery, factTickMsg{m.kiosk.factSeq})
}

// onIdleTick shows, updates or ends the countdown, and starts over when it
// has run out. It always schedules the next tick of the chain.
func (m Model) onIdleTick(msg idleTickMsg) (Model, tea.Cmd) {
	if msg.seq != m.idleSeq {
		return m, nil // a newer chain is running
	}
	now := m.sh.clock.Now()
	phase, left := m.kiosk.idle.Phase(now)
	switch phase {
	case kiosk.Active:
		m.kiosk.countdown = 0
	case kiosk.Warning:
		if !m.kiosk.attract {
			m.kiosk.countdown = left
		}
	case kiosk.Expired:
		return m.startOver()
	}
	return m, m.idleTick()
}

// startOver is the idle reset: newer content if there is some (nobody is
// reading now), then everything forgotten, back at the attract screen.
func (m Model) startOver() (Model, tea.Cmd) {
	reloaded := false
	if reload := m.sh.opts.Reload; reload != nil {
		if g := reload(); g != nil {
			m.sh = m.sh.withGuide(g)
			reloaded = true
		}
	}
	if m.kiosk.attract && m.top() == screenHome && !m.showHelp {
		// Nobody came: nothing to forget. A new idle period, and the
		// screens made again only for new content, with the rotating
		// facts going on where they are.
		if !reloaded {
			m.kiosk.idle.Touch(m.sh.clock.Now())
			return m, m.idleTick()
		}
		fact, factSeq := m.kiosk.fact, m.kiosk.factSeq
		m = m.Reset()
		m.kiosk.fact, m.kiosk.factSeq = fact, factSeq
		return m, tea.Batch(m.idleTick(), m.prepareIndex())
	}
	m = m.Reset()
	return m, tea.Batch(m.idleTick(), m.factTick(), m.prepare(), m.prepareIndex())
}

// prepareIndex readies a reloaded guide's search index in the background.
func (m Model) prepareIndex() tea.Cmd { return prepareIndex(m.sh.index) }

func (m Model) onFactTick(msg factTickMsg) (Model, tea.Cmd) {
	if msg.seq != m.kiosk.factSeq || !m.kiosk.attract || len(m.sh.facts) == 0 {
		return m, nil // the chain ends: someone is using the app
	}
	m.kiosk.fact = (m.kiosk.fact + 1) % len(m.sh.facts)
	return m, m.factTick()
}

// onInput records a key press or click in kiosk mode. It reports whether
// the input is used up: the one that answers "Still reading?" only keeps
// the page, so a tap on the countdown does not also press what is under it.
// The attract screen ends after the input is handled (see endAttract), so
// that a click on its fact finds the fact.
func (m *Model) onInput() (used bool) {
	if !m.sh.opts.Kiosk {
		return false
	}
	m.kiosk.idle.Touch(m.sh.clock.Now())
	m.kiosk.notice = ""
	if m.kiosk.countdown > 0 {
		m.kiosk.countdown = 0
		return true
	}
	return false
}

// endAttract ends the attract screen: someone is using the app. The fact
// ticks stop with it.
func (m *Model) endAttract() { m.kiosk.attract = false }

// currentFact is the page whose fact the attract screen shows, or nil.
func (m Model) currentFact() *content.Page {
	if !m.kiosk.attract || len(m.sh.facts) == 0 {
		return nil
	}
	return m.sh.facts[m.kiosk.fact%len(m.sh.facts)]
}

// restart starts over after a panic in a background command: the app may
// be in any state, so it forgets everything, and its timers start anew.
func (m Model) restart() (Model, tea.Cmd) {
	m = m.Reset()
	return m, tea.Batch(m.idleTick(), m.factTick(), m.prepare())
}

// guard keeps a panic in a background command from ending a kiosk: the
// command's panic is logged and becomes a panickedMsg, which starts the
// app over. bubbletea runs each command of a batch on a goroutine of its
// own, so the commands inside a batch are guarded too. Outside kiosk mode
// bubbletea's own recovery is in place and commands are left as they are.
func (m Model) guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil || !m.sh.opts.Kiosk {
		return cmd
	}
	log := m.sh.opts.Log
	var g func(tea.Cmd) tea.Cmd
	g = func(c tea.Cmd) tea.Cmd {
		if c == nil {
			return nil
		}
		return kiosk.GuardCmd(log, func() tea.Msg {
			msg := c()
			if batch, ok := msg.(tea.BatchMsg); ok {
				guarded := make(tea.BatchMsg, len(batch))
				for i, bc := range batch {
					guarded[i] = g(bc)
				}
				return guarded
			}
			return msg
		}, tea.Msg(panickedMsg{}))
	}
	return g(cmd)
}

// countdownOver draws the "Still reading?" box over the middle of the body:
// whole lines are replaced, so no escape sequence is ever cut in two.
func (m Model) countdownOver(body []string) []string {
	s := m.sh.styles
	left, w := column(m.width-2, 56)
	inner := max(1, w-4) // the border and a space on each side
	var text []string
	for _, l := range wrap(txtStillReading, inner) {
		text = append(text, s.Heading.Render(l))
	}
	secs := int((m.kiosk.countdown + time.Second - 1) / time.Second)
	text = append(text, s.Warning.Render(truncate(fmt.Sprintf(txtStartingOver, secs), inner)))
	box := strings.Split(s.Countdown.Width(w-2).Render(strings.Join(text, "\n")), "\n")
	out := append([]string(nil), body...)
	top := max(0, (len(out)-len(box))/2)
	pad := strings.Repeat(" ", left+1)
	for i, l := range box {
		if top+i < len(out) {
			out[top+i] = truncate(pad+l, m.width)
		}
	}
	return out
}
