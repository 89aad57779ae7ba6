package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/kiosk"
)

// Model is the program's model: the guide a patient uses, wrapped in
// kiosk mode by what a waiting-room screen adds around it: the idle timer,
// the attract screen with its rotating facts, the "Still reading?"
// countdown, the staff PIN box and the reset. Everything else is delegated
// to the guide. Outside kiosk mode it only delegates.
type Model struct {
	guideModel
	kiosk     kioskState
	idleSeq   int     // the live chain of idle ticks; see idleTickMsg
	staffExit bool    // the staff PIN was right: the program is ending
	pinLock   pinLock // wrong staff PINs; kept by Reset
	staffSeq  int     // the live chain of staff box ticks; see staffTickMsg
	next      *Guide  // newer content that came while someone was there; shown at the next reset
}

func newKioskModel(sh *session) Model {
	m := Model{guideModel: newGuideModel(sh), kiosk: newKioskState(sh, 0)}
	m.tellHome()
	return m
}

// Reset returns to Home and forgets everything a patient did: screens,
// scroll positions, search text, the treatment date, help, the staff PIN
// box. A kiosk uses it so the next patient sees none of it; its Home is
// the attract screen again, with the next fact, and a new idle period.
// Ticks of the old idle period are stale from now on: see restart.
func (m Model) Reset() Model {
	n := Model{guideModel: m.guideModel.fresh(), next: m.next}
	n.pinLock = m.pinLock // forgetting it would let anyone guess on after an idle reset
	n.staffSeq = m.staffSeq + 1
	n.idleSeq = m.idleSeq + 1
	n.kiosk = newKioskState(n.sh, m.kiosk.fact+1)
	n.kiosk.factSeq = m.kiosk.factSeq + 1
	n.tellHome()
	return n
}

// StaffExit reports whether the program ended because staff typed the
// right PIN (kiosk mode), rather than by a quit or a signal.
func (m Model) StaffExit() bool { return m.staffExit }

// Init prepares the search index off the keypress path, so that the first
// search keystroke does not pay for it. A kiosk also starts its timers.
func (m Model) Init() tea.Cmd {
	cmd := m.guideModel.Init()
	if m.sh.opts.Kiosk {
		cmd = tea.Batch(cmd, m.idleTick(), m.factTick())
	}
	return m.guard(cmd)
}

// Update is the root of the app's event handling.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := m.update(msg)
	return m, m.guard(cmd)
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	if !m.sh.opts.Kiosk {
		var cmd tea.Cmd
		m.guideModel, cmd, _ = m.guideModel.update(msg)
		return m, cmd
	}
	switch msg := msg.(type) {
	case idleTickMsg:
		return m.onIdleTick(msg)
	case factTickMsg:
		return m.onFactTick(msg)
	case reloadedMsg:
		return m.onReloaded(msg)
	case panickedMsg:
		return m.restart()
	case staffTickMsg:
		if msg.seq != m.staffSeq {
			return m, nil // a newer chain is running
		}
		return m, m.staffTick()
	case tea.KeyMsg:
		if m.onInput() {
			m.tellHome()
			return m, nil
		}
		if key.Matches(msg, m.sh.keys.Global.StaffExit) && m.top() != screenStaff {
			// Before the text boxes: staff must get out from any screen.
			tick := m.openStaff()
			m.endAttract()
			m.tellHome()
			return m, tea.Batch(tick, m.prepare())
		}
		return m.delegate(msg, true)
	case tea.MouseMsg:
		if m.onInput() {
			m.tellHome()
			return m, nil
		}
		return m.delegate(msg, true)
	}
	return m.delegate(msg, false)
}

// delegate gives a message to the guide, and does what the staff box asks.
// Input ends the attract screen, after the guide has handled it, so that a
// click on the attract screen's fact finds the fact.
func (m Model) delegate(msg tea.Msg, input bool) (Model, tea.Cmd) {
	var cmd tea.Cmd
	var req tea.Msg
	m.guideModel, cmd, req = m.guideModel.update(msg)
	if pin, ok := req.(staffPINMsg); ok {
		now := m.sh.clock.Now()
		if pin.ok && !m.pinLock.locked(now) {
			m.staffExit = true
			return m, tea.Quit
		}
		// The box says so itself and stays open for another try (or
		// says how long to wait): the patient's Home never shows it.
		m.pinLock = m.pinLock.missed(now)
		m.tell(screenStaff, staffStateMsg{wrong: true, until: m.pinLock.until})
		cmd = tea.Batch(cmd, m.staffTick())
	}
	if input {
		m.endAttract()
	}
	m.tellHome()
	return m, cmd
}

// openStaff opens the staff PIN box; while wrong PINs have locked it, the
// box says how long to wait instead of asking for the PIN.
func (m *Model) openStaff() tea.Cmd {
	m.showHelp = false
	m.move(nav{kind: navStaff}, target{})
	m.tell(screenStaff, staffStateMsg{until: m.pinLock.until})
	return m.staffTick()
}

// staffTick starts a new chain of ticks that redraw the staff box's wait
// while it is locked and on screen; nil when there is no wait to show.
func (m *Model) staffTick() tea.Cmd {
	left := m.pinLock.until.Sub(m.sh.clock.Now())
	if left <= 0 || m.top() != screenStaff {
		return nil
	}
	m.staffSeq++
	return m.sh.after(nextStaffTick(left), staffTickMsg{m.staffSeq})
}

// tellHome gives Home what the attract screen shows: the fact.
func (m *Model) tellHome() {
	m.tell(screenHome, attractMsg{fact: m.currentFact()})
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
	facts := m.sh.guide.facts
	if !m.kiosk.attract || len(facts) == 0 {
		return nil
	}
	return facts[m.kiosk.fact%len(facts)]
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
	for _, l := range wrap(m.sh.txt.StillReading, inner) {
		text = append(text, s.Heading.Render(l))
	}
	secs := int((m.kiosk.countdown + time.Second - 1) / time.Second)
	text = append(text, s.Warning.Render(truncate(fmt.Sprintf(m.sh.txt.StartingOver, secs), inner)))
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
