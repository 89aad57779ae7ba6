package kiosk

import (
	"log/slog"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/coreos/go-systemd/v22/daemon"
)

// Watchdog keeps systemd's watchdog (WatchdogSec= in the unit) fed from
// the app's own event loop: a tick message every half period, answered in
// Update by sd_notify("WATCHDOG=1"). A side goroutine would go on
// notifying while the UI loop is stuck; this way a loop that stops
// answering stops the notifications, and systemd kills and restarts the
// kiosk (Restart=always).
type Watchdog struct {
	every  time.Duration
	notify func(state string) error
	log    *slog.Logger
	// failing is set after a failed notification, so that a broken socket
	// is logged once, not every tick.
	failing atomic.Bool
}

// NewWatchdog returns the watchdog systemd asked for (WATCHDOG_USEC for
// this process, and NOTIFY_SOCKET), or nil when there is none: outside
// systemd, or a unit without WatchdogSec=.
func NewWatchdog(log *slog.Logger) *Watchdog {
	period, err := daemon.SdWatchdogEnabled(false)
	if err != nil {
		orDiscard(log).Error("systemd watchdog settings are wrong; running without it", "err", err)
		return nil
	}
	if period <= 0 {
		return nil
	}
	return &Watchdog{every: period / 2, notify: sdNotify, log: orDiscard(log)}
}

func sdNotify(state string) error {
	_, err := daemon.SdNotify(false, state)
	return err
}

// Every is how often the loop notifies: half the watchdog period.
func (w *Watchdog) Every() time.Duration { return w.every }

// Ready tells systemd that the kiosk has started (READY=1). Harmless with
// Type=simple; needed with Type=notify.
func (w *Watchdog) Ready() {
	if w != nil {
		w.send(daemon.SdNotifyReady)
	}
}

func (w *Watchdog) send(state string) {
	err := w.notify(state)
	switch {
	case err != nil && !w.failing.Swap(true):
		w.log.Error("systemd notify failed; systemd may restart the kiosk", "state", state, "err", err)
	case err == nil && w.failing.Swap(false):
		w.log.Info("systemd notify works again")
	}
}

// Wrap returns m fed by the watchdog; a nil Watchdog returns m as it is.
func (w *Watchdog) Wrap(m tea.Model) tea.Model {
	if w == nil {
		return m
	}
	return watched{m, w}
}

// watchdogTick is the message that makes the loop notify.
type watchdogTick struct{}

// watched is a model whose Update, on the event loop, feeds the watchdog.
type watched struct {
	tea.Model
	w *Watchdog
}

func (m watched) tick() tea.Cmd {
	return tea.Tick(m.w.every, func(time.Time) tea.Msg { return watchdogTick{} })
}

func (m watched) Init() tea.Cmd { return tea.Batch(m.Model.Init(), m.tick()) }

func (m watched) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(watchdogTick); ok {
		m.w.send(daemon.SdNotifyWatchdog)
		return m, m.tick()
	}
	next, cmd := m.Model.Update(msg)
	return watched{next, m.w}, cmd
}

// StaffExit passes the wrapped model's answer on (see cli's kiosk loop).
func (m watched) StaffExit() bool {
	s, ok := m.Model.(interface{ StaffExit() bool })
	return ok && s.StaffExit()
}
