package kiosk

import (
	"testing"
	"time"
)

func TestIdlePhase(t *testing.T) {
	start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	const (
		timeout = 3 * time.Minute
		warning = 30 * time.Second
	)
	ms := time.Millisecond
	tests := []struct {
		after     time.Duration // since the last input
		phase     Phase
		left      time.Duration
		nextCheck time.Duration
	}{
		{0, Active, 0, timeout},
		{time.Minute, Active, 0, 2 * time.Minute},
		{timeout - ms, Active, 0, ms},
		{timeout, Warning, 30 * time.Second, time.Second},
		{timeout + ms, Warning, 30 * time.Second, 999 * ms},
		{timeout + 999*ms, Warning, 30 * time.Second, ms},
		{timeout + time.Second, Warning, 29 * time.Second, time.Second},
		{timeout + 1500*ms, Warning, 29 * time.Second, 500 * ms},
		{timeout + 29*time.Second, Warning, time.Second, time.Second},
		{timeout + warning - ms, Warning, time.Second, ms},
		{timeout + warning, Expired, 0, 0},
		{time.Hour, Expired, 0, 0},
		{-time.Second, Active, 0, timeout + time.Second}, // clock stepped back
	}
	for _, tt := range tests {
		i := NewIdle(timeout, warning, start)
		now := start.Add(tt.after)
		phase, left := i.Phase(now)
		if phase != tt.phase || left != tt.left {
			t.Errorf("after %v: Phase = %v, %v; want %v, %v", tt.after, phase, left, tt.phase, tt.left)
		}
		if got := i.NextCheck(now); got != tt.nextCheck {
			t.Errorf("after %v: NextCheck = %v, want %v", tt.after, got, tt.nextCheck)
		}
	}
}

func TestTouchRestartsWholePeriod(t *testing.T) {
	start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	i := NewIdle(time.Minute, 20*time.Second, start)

	inCountdown := start.Add(time.Minute + 15*time.Second)
	if p, left := i.Phase(inCountdown); p != Warning || left != 5*time.Second {
		t.Fatalf("before touch: %v %v", p, left)
	}
	i.Touch(inCountdown)
	// Not just the countdown: the full idle time must pass again.
	if p, _ := i.Phase(inCountdown.Add(59 * time.Second)); p != Active {
		t.Errorf("59s after a touch in the countdown: %v, want active", p)
	}
	if p, left := i.Phase(inCountdown.Add(time.Minute)); p != Warning || left != 20*time.Second {
		t.Errorf("a full idle time after the touch: %v %v, want warning 20s", p, left)
	}
	if p, _ := i.Phase(inCountdown.Add(80 * time.Second)); p != Expired {
		t.Errorf("idle + warning after the touch: %v, want expired", p)
	}
}

// Following NextCheck from the start visits every countdown second once and
// reaches Expired: a TUI driven this way neither busy-loops nor skips.
func TestNextCheckWalk(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	i := NewIdle(10*time.Second, 5*time.Second, now)
	var shown []time.Duration
	for steps := 0; steps < 100; steps++ {
		p, left := i.Phase(now)
		if p == Expired {
			break
		}
		if p == Warning {
			shown = append(shown, left)
		}
		d := i.NextCheck(now)
		if d <= 0 {
			t.Fatalf("NextCheck %v in phase %v", d, p)
		}
		now = now.Add(d)
	}
	want := []time.Duration{5 * time.Second, 4 * time.Second, 3 * time.Second, 2 * time.Second, time.Second}
	if len(shown) != len(want) {
		t.Fatalf("countdown showed %v, want %v", shown, want)
	}
	for k := range want {
		if shown[k] != want[k] {
			t.Fatalf("countdown showed %v, want %v", shown, want)
		}
	}
	if p, _ := i.Phase(now); p != Expired {
		t.Errorf("walk ended in %v", p)
	}
}

// For any timer and any moment: NextCheck is positive until Expired, the
// countdown shows only in Warning and never exceeds the warning time
// (rounded up), and after NextCheck either the phase or the shown second
// changes.
func FuzzIdle(f *testing.F) {
	f.Add(int64(180e9), int64(30e9), int64(185e9))
	f.Add(int64(10e9), int64(5e9), int64(12_500_000_000))
	f.Fuzz(func(t *testing.T, timeout, warning, after int64) {
		if timeout <= 0 || warning <= 0 || timeout > int64(48*time.Hour) || warning > int64(48*time.Hour) ||
			after < -int64(time.Hour) || after > int64(100*time.Hour) {
			t.Skip()
		}
		start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
		i := NewIdle(time.Duration(timeout), time.Duration(warning), start)
		now := start.Add(time.Duration(after))
		phase, left := i.Phase(now)
		next := i.NextCheck(now)
		if phase == Expired {
			if next != 0 || left != 0 {
				t.Fatalf("expired: NextCheck %v, left %v", next, left)
			}
			return
		}
		if next <= 0 {
			t.Fatalf("%v: NextCheck %v", phase, next)
		}
		if phase == Active && left != 0 {
			t.Fatalf("active with a countdown %v", left)
		}
		if phase == Warning && (left <= 0 || left > i.Warning+time.Second || left%time.Second != 0) {
			t.Fatalf("warning countdown %v of %v", left, i.Warning)
		}
		phase2, left2 := i.Phase(now.Add(next))
		if phase2 == phase && left2 == left {
			t.Fatalf("nothing changed after NextCheck %v: %v %v", next, phase, left)
		}
		if next > 1 {
			if p, l := i.Phase(now.Add(next - 1)); p != phase || l != left {
				t.Fatalf("changed before NextCheck: %v %v -> %v %v", phase, left, p, l)
			}
		}
	})
}
