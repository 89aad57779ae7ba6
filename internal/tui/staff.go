package tui

import (
	"crypto/subtle"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// staffModel is the kiosk's staff PIN box, opened by the configured staff
// key. The right PIN ends the program; a wrong one sends the kiosk Home
// with a notice. Digits are masked, and the box is emptied each time it
// opens, so nothing of a PIN stays on screen.
type staffModel struct {
	styles      *Styles
	txt         *texts
	keys        InputKeys
	pin         string
	box         textBox
	left, width int
	height      int
	out         tea.Msg // a request to the root; see update
}

func newStaff(sh *session) screen {
	b := newTextBox(sh.styles, isASCII(sh.style), sh.txt.StaffPrompt, "", 12)
	b.mask = true
	return staffModel{styles: sh.styles, txt: sh.txt, keys: sh.keys.Input, pin: sh.opts.StaffPIN, box: b}
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
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil // a click does nothing here: the PIN needs the keyboard
	}
	switch {
	case key.Matches(k, m.keys.Cancel):
		m.box.reset()
		m.out = backMsg{}
		return m, nil
	case key.Matches(k, m.keys.Apply):
		// Constant time, so the time it takes does not tell how many
		// digits were right.
		right := m.pin != "" && subtle.ConstantTimeCompare([]byte(m.box.value()), []byte(m.pin)) == 1
		m.box.reset()
		m.out = staffPINMsg{ok: right}
		return m, nil
	}
	var cmd tea.Cmd
	m.box, cmd = m.box.update(msg)
	return m, cmd
}

func (m staffModel) View() []string {
	s := m.styles
	lines := []string{"", s.Heading.Render(m.txt.StaffTitle), "", m.box.view(m.width), "", s.Dim.Render(truncate(m.txt.StaffHint, m.width))}
	return indent(fitLines(lines, m.width, m.height), m.left)
}

func (m staffModel) help(g GlobalKeys) helpKeys {
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
