package tui

import (
	"crypto/subtle"
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// staffModel is the kiosk's staff PIN box, opened by the configured staff
// key. The right PIN ends the program; a wrong one is said in the box,
// which stays open for another try. While wrong PINs have locked it, the
// box says how long to wait and takes no PIN. Digits are masked, and the
// box is emptied each time it opens, so nothing of a PIN stays on screen.
type staffModel struct {
	styles      *Styles
	txt         *texts
	keys        InputKeys
	clock       Clock
	pin         string
	box         textBox
	left, width int
	height      int
	wrong       bool      // the last PIN was wrong; until the next key
	until       time.Time // locked by wrong PINs until then (the kiosk's pinLock)
	out         tea.Msg   // a request to the root; see update
}

// staffStateMsg is what the kiosk tells the box of wrong PINs: the last
// one was wrong, and the box is locked until then (zero: not locked).
type staffStateMsg struct {
	wrong bool
	until time.Time
}

func newStaff(sh *session) screen {
	b := newTextBox(sh.styles, isASCII(sh.style), sh.txt.StaffPrompt, "", 12)
	b.mask = true
	return staffModel{styles: sh.styles, txt: sh.txt, keys: sh.keys.Input, clock: sh.clock, pin: sh.opts.StaffPIN, box: b}
}

// locked reports how long the box still takes no PIN; 0 when it takes one.
func (m staffModel) locked() time.Duration {
	return max(0, m.until.Sub(m.clock.Now()))
}

func (m staffModel) setSize(w, h int) screen {
	m.left, m.width = column(w-4, 60)
	m.left += 2
	m.height = h
	return m
}

// The box takes every key; nothing is rendered here.
func (m staffModel) focused() bool              { return true }
func (m staffModel) place() string              { return m.txt.PlaceStaff }
func (m staffModel) view() []string             { return m.View() }
func (m staffModel) prepare() (screen, tea.Cmd) { return m, nil }
func (m staffModel) ahead() tea.Cmd             { return nil }
func (m staffModel) pickUp() screen             { return m }

// show opens the box empty, so nothing of a PIN stays on screen.
func (m staffModel) show(target) screen {
	m.box.reset()
	m.wrong = false
	return m
}

// update is Update for the root: the answer comes back as a request.
func (m staffModel) update(msg tea.Msg) (screen, tea.Cmd, tea.Msg) {
	m, cmd := m.Update(msg)
	req := m.out
	m.out = nil
	return m, cmd, req
}

func (m staffModel) Update(msg tea.Msg) (staffModel, tea.Cmd) {
	if st, ok := msg.(staffStateMsg); ok {
		m.wrong, m.until = st.wrong, st.until
		return m, nil
	}
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil // a click does nothing here: the PIN needs the keyboard
	}
	switch {
	case key.Matches(k, m.keys.Cancel):
		m.box.reset()
		m.out = backMsg{}
		return m, nil
	case m.locked() > 0:
		return m, nil // no PIN is taken, or typed, until the wait is over
	case key.Matches(k, m.keys.Apply):
		// Constant time, so the time it takes does not tell how many
		// digits were right.
		right := m.pin != "" && subtle.ConstantTimeCompare([]byte(m.box.value()), []byte(m.pin)) == 1
		m.box.reset()
		m.out = staffPINMsg{ok: right}
		return m, nil
	}
	m.wrong = false
	var cmd tea.Cmd
	m.box, cmd = m.box.update(msg)
	return m, cmd
}

func (m staffModel) View() []string {
	s := m.styles
	lines := []string{""}
	for _, l := range wrap(m.txt.StaffTitle, m.width) {
		lines = append(lines, s.Heading.Render(l))
	}
	lines = append(lines, "")
	if left := m.locked(); left > 0 {
		for _, l := range wrap(m.lockedText(left), m.width) {
			lines = append(lines, s.Warning.Render(l))
		}
	} else {
		lines = append(lines, m.box.view(m.width))
		if m.wrong {
			lines = append(lines, "")
			for _, l := range wrap(m.txt.StaffWrong, m.width) {
				lines = append(lines, s.Warning.Render(l))
			}
		}
	}
	lines = append(lines, "", s.Dim.Render(truncate(m.txt.StaffHint, m.width)))
	return indent(fitLines(lines, m.width, m.height), m.left)
}

// lockedText says how long to wait: in seconds, counting down, or in
// minutes (rounded up) when the wait is long.
func (m staffModel) lockedText(left time.Duration) string {
	if left > 90*time.Second {
		return fmt.Sprintf(m.txt.StaffLockedMinutes, int((left+time.Minute-1)/time.Minute))
	}
	return fmt.Sprintf(m.txt.StaffLocked, int((left+time.Second-1)/time.Second))
}

// staffTickMsg redraws the wait of a locked staff box; seq drops the
// ticks of an older chain.
type staffTickMsg struct{ seq int }

// nextStaffTick is when the wait on screen next changes: at the next whole
// second, or minute, of what is left.
func nextStaffTick(left time.Duration) time.Duration {
	unit := time.Second
	if left > 90*time.Second {
		unit = time.Minute
	}
	if d := left % unit; d > 0 {
		return d
	}
	return unit
}

func (m staffModel) help(g GlobalKeys) helpKeys {
	if m.locked() > 0 {
		// Enter takes no PIN while the box waits: help says only the way out.
		return helpKeys{short: []key.Binding{m.keys.Cancel}, full: [][]key.Binding{{m.keys.Cancel}}}
	}
	return helpKeys{
		short: []key.Binding{m.keys.Apply, m.keys.Cancel},
		full:  [][]key.Binding{{m.keys.Apply, m.keys.Cancel}},
	}
}

// pinLock slows down guessing the staff PIN by hand: after 3 wrong PINs in
// a row the staff key does nothing for 30 s, twice as long after each
// further miss, up to an hour. A 4-digit PIN would otherwise fall to a
// patient with an afternoon to spare.
type pinLock struct {
	misses int
	until  time.Time
}

// pinFreeMisses is how many wrong PINs cost nothing: staff mistype too.
const pinFreeMisses = 3

func (l pinLock) locked(now time.Time) bool { return now.Before(l.until) }

// missed records a wrong PIN typed at now.
func (l pinLock) missed(now time.Time) pinLock {
	l.misses++
	if l.misses >= pinFreeMisses {
		wait := 30 * time.Second << min(l.misses-pinFreeMisses, 7)
		l.until = now.Add(min(wait, time.Hour))
	}
	return l
}
