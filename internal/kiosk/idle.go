package kiosk

import "time"

// Phase is where an idle period stands.
type Phase int

const (
	// Active: someone used the kiosk less than Timeout ago.
	Active Phase = iota
	// Warning: the countdown is on screen; any input restarts the whole
	// idle period.
	Warning
	// Expired: the countdown ran out; reset to the attract screen, forget
	// everything, and Touch.
	Expired
)

func (p Phase) String() string {
	switch p {
	case Active:
		return "active"
	case Warning:
		return "warning"
	case Expired:
		return "expired"
	}
	return "unknown"
}

// Idle is the kiosk's idle timer: Active until Timeout has passed since the
// last input, then Warning for the Warning period, then Expired. It is a
// value with no clock of its own, so tests pass the time in.
type Idle struct {
	Timeout, Warning time.Duration
	last             time.Time
}

// NewIdle starts an idle period at now.
func NewIdle(timeout, warning time.Duration, now time.Time) Idle {
	return Idle{Timeout: timeout, Warning: warning, last: now}
}

// Touch records input at now: it restarts the whole idle period, also
// during the countdown.
func (i *Idle) Touch(now time.Time) { i.last = now }

// Phase returns the phase at now and, in Warning, the time left before the
// reset, rounded up to whole seconds for display (30s left shows "30" until
// it drops to 29). Outside Warning the duration is 0.
func (i Idle) Phase(now time.Time) (Phase, time.Duration) {
	since := now.Sub(i.last)
	switch {
	case since < i.Timeout:
		return Active, 0
	case since < i.Timeout+i.Warning:
		left := i.Timeout + i.Warning - since
		return Warning, (left + time.Second - 1).Truncate(time.Second)
	}
	return Expired, 0
}

// NextCheck returns how long the caller may sleep before the phase or the
// displayed countdown next changes, so it can schedule a single timer
// (one tea.Tick) rather than poll. In Expired it returns 0: act now.
//
// Input arriving before the timer fires moves the deadline later, never
// earlier, so a timer set from an older NextCheck fires early at worst; the
// caller then asks again (a sequence number lets it drop stale ticks).
func (i Idle) NextCheck(now time.Time) time.Duration {
	since := now.Sub(i.last)
	switch {
	case since < i.Timeout:
		return i.Timeout - since
	case since < i.Timeout+i.Warning:
		left := i.Timeout + i.Warning - since
		if frac := left % time.Second; frac > 0 {
			return frac
		}
		return time.Second
	}
	return 0
}
