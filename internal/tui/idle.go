package tui

import (
	"log/slog"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/kiosk"
)

// The kiosk's clocks: the idle period and its countdown, the reset at its
// end (with a look for newer content), and the attract screen's facts.

// factEvery is how long each "Did you know?" fact stays on the attract
// screen: long enough to read one line twice.
const factEvery = 8 * time.Second

// kioskState is what kiosk mode adds to the guide. Reset makes it anew,
// like everything else a patient leaves behind.
type kioskState struct {
	idle      kiosk.Idle
	countdown time.Duration // time left while "Still reading?" is on screen; 0 otherwise
	attract   bool          // nobody has used the app since it started over
	fact      int           // index into the guide's facts
	factSeq   int           // the live chain of fact ticks; see factTickMsg
}

func newKioskState(sh *session, fact int) kioskState {
	k := kioskState{
		idle:    kiosk.NewIdle(sh.opts.Idle, sh.opts.IdleWarning, sh.clock.Now()),
		attract: sh.opts.Kiosk,
	}
	if n := len(sh.guide.facts); n > 0 {
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
	if !m.kiosk.attract || len(m.sh.guide.facts) < 2 {
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

// startOver is the idle reset. It first looks for newer content, in a
// command (reading a folder has no place on the UI goroutine), and starts
// over when the answer comes: see onReloaded.
func (m Model) startOver() (Model, tea.Cmd) {
	reload := m.sh.opts.Reload
	if reload == nil || m.next != nil {
		return m.startAgain()
	}
	return m, reloadCmd(reload, m.idleSeq, reloadTimeout, m.sh.opts.Log)
}

// reloadTimeout is how long an idle reset waits for newer content before
// it starts over with the content it has (a folder on a hung network
// share must not keep the last patient's page on screen).
const reloadTimeout = 10 * time.Second

// reloadCmd asks reload for newer content, and readies its search index,
// off the UI goroutine. After timeout it answers "no newer content"; what
// reload finds later is dropped.
func reloadCmd(reload func() *Guide, seq int, timeout time.Duration, log *slog.Logger) tea.Cmd {
	return func() tea.Msg {
		done := make(chan *Guide, 1)
		go func() {
			var g *Guide
			defer func() { done <- g }()
			kiosk.Guard(log, func() {
				if g = reload(); g != nil {
					g.index.Prepare()
				}
			})
		}()
		t := time.NewTimer(timeout)
		defer t.Stop()
		select {
		case g := <-done:
			return reloadedMsg{seq: seq, guide: g}
		case <-t.C:
			return reloadedMsg{seq: seq}
		}
	}
}

// onReloaded starts over, with the newer content if there is some. If
// someone came back while it was looked for, their page stays, and the
// newer content waits for the next reset.
func (m Model) onReloaded(msg reloadedMsg) (Model, tea.Cmd) {
	if msg.seq != m.idleSeq {
		return m, nil
	}
	if msg.guide != nil {
		m.next = msg.guide
	}
	if phase, _ := m.kiosk.idle.Phase(m.sh.clock.Now()); phase != kiosk.Expired {
		return m, m.idleTick()
	}
	return m.startAgain()
}

// startAgain forgets everything and goes back to the attract screen, with
// newer content if some came (nobody is reading now).
func (m Model) startAgain() (Model, tea.Cmd) {
	reloaded := m.next != nil
	if reloaded {
		m.sh = m.sh.withGuide(m.next)
		m.next = nil
	}
	if m.kiosk.attract && len(m.stack) == 1 && !m.showHelp {
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
		m.tellHome()
		return m, tea.Batch(m.idleTick(), m.prepareIndex())
	}
	m = m.Reset()
	return m, tea.Batch(m.idleTick(), m.factTick(), m.prepare(), m.prepareIndex())
}

// prepareIndex readies a reloaded guide's search index in the background.
func (m Model) prepareIndex() tea.Cmd { return prepareIndex(m.sh.guide.index) }

func (m Model) onFactTick(msg factTickMsg) (Model, tea.Cmd) {
	facts := m.sh.guide.facts
	if msg.seq != m.kiosk.factSeq || !m.kiosk.attract || len(facts) == 0 {
		return m, nil // the chain ends: someone is using the app
	}
	m.kiosk.fact = (m.kiosk.fact + 1) % len(facts)
	m.tellHome()
	return m, m.factTick()
}
