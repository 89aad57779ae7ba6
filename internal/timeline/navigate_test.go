package timeline

import (
	"fmt"
	"testing"
)

func TestNavigate(t *testing.T) {
	tests := []struct {
		from State
		a    Action
		want int
	}{
		{State{Current: 3, Count: 10, Today: -1}, Next, 4},
		{State{Current: 3, Count: 10, Today: -1}, Prev, 2},
		{State{Current: 3, Count: 10, Today: -1}, First, 0},
		{State{Current: 3, Count: 10, Today: -1}, Last, 9},
		// Clamps at both ends, never wraps.
		{State{Current: 0, Count: 10, Today: -1}, Prev, 0},
		{State{Current: 9, Count: 10, Today: -1}, Next, 9},
		{State{Current: 0, Count: 10, Today: -1}, First, 0},
		{State{Current: 9, Count: 10, Today: -1}, Last, 9},
		// Today without a treatment date does nothing.
		{State{Current: 3, Count: 10, Today: -1}, Today, 3},
		{State{Current: 0, Count: 10, Today: -1}, Today, 0},
		// Today with a treatment date jumps there, from either side.
		{State{Current: 0, Count: 10, Today: 4}, Today, 4},
		{State{Current: 9, Count: 10, Today: 4}, Today, 4},
		{State{Current: 4, Count: 10, Today: 4}, Today, 4},
		{State{Current: 9, Count: 10, Today: 0}, Today, 0},
		{State{Current: 2, Count: 10, Today: 9}, Today, 9},
		{State{Current: 2, Count: 10, Today: 4}, Next, 3},
		// A stale Today beyond the steps is clamped too.
		{State{Current: 2, Count: 10, Today: 12}, Today, 9},
		// One step, and no steps at all.
		{State{Current: 0, Count: 1, Today: -1}, Next, 0},
		{State{Current: 0, Count: 1, Today: 0}, Prev, 0},
		{State{Current: 0, Count: 0, Today: -1}, Next, 0},
		{State{Current: 0, Count: 0, Today: -1}, Last, 0},
		// An out-of-range Current is pulled back by any move.
		{State{Current: 15, Count: 10, Today: -1}, Next, 9},
		{State{Current: -4, Count: 10, Today: -1}, Prev, 0},
		// The zero Action and unknown actions change nothing.
		{State{Current: 3, Count: 10, Today: 5}, Action(0), 3},
		{State{Current: 3, Count: 10, Today: 5}, Action(99), 3},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+v %v", tt.from, tt.a), func(t *testing.T) {
			got := Navigate(tt.from, tt.a)
			want := tt.from
			want.Current = tt.want
			if got != want {
				t.Errorf("Navigate(%+v, %v) = %+v, want %+v", tt.from, tt.a, got, want)
			}
		})
	}
}

func TestNavigateWalk(t *testing.T) {
	// Stepping forward through every step and back lands where it started,
	// and never leaves the range.
	s := State{Current: 0, Count: 11, Today: 5}
	for i := 0; i < 20; i++ {
		s = Navigate(s, Next)
		if s.Current < 0 || s.Current >= s.Count {
			t.Fatalf("Next left the range: %+v", s)
		}
	}
	if s.Current != 10 {
		t.Fatalf("after 20 Next, Current = %d, want 10", s.Current)
	}
	for i := 0; i < 20; i++ {
		s = Navigate(s, Prev)
	}
	if s.Current != 0 {
		t.Fatalf("after 20 Prev, Current = %d, want 0", s.Current)
	}
}

func TestActionString(t *testing.T) {
	for a, want := range map[Action]string{Prev: "prev", Next: "next", First: "first", Last: "last", Today: "today", 0: "none"} {
		if got := a.String(); got != want {
			t.Errorf("Action(%d).String() = %q, want %q", int(a), got, want)
		}
	}
}

func TestStepForDay(t *testing.T) {
	// The shape of the shipped timeline: single days, spans, and a gap
	// between Week 2 and Weeks 4-6.
	steps := []Range{{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 5}, {7, 7}, {8, 14}, {28, 42}, {90, 180}}
	tests := []struct {
		steps  []Range
		day    int
		index  int
		beyond bool
	}{
		{steps, -1, -1, false},
		{steps, -400, -1, false},
		{steps, 0, 0, false},
		{steps, 1, 1, false},
		{steps, 3, 3, false},
		{steps, 4, 4, false},
		{steps, 5, 4, false},
		{steps, 6, 4, false}, // gap: Days 4-5 is still the latest advice
		{steps, 7, 5, false},
		{steps, 14, 6, false},
		{steps, 15, 6, false},
		{steps, 27, 6, false},
		{steps, 28, 7, false},
		{steps, 42, 7, false},
		{steps, 90, 8, false},
		{steps, 180, 8, false},
		{steps, 181, 8, true},
		{steps, 10000, 8, true},
		{nil, 0, -1, false},
		{nil, 5, -1, false},
		{[]Range{{0, 3}}, 3, 0, false},
		{[]Range{{0, 3}}, 4, 0, true},
		{[]Range{{2, 3}}, 1, -1, false}, // before the first step starts
		{[]Range{{0, 10}, {3, 4}}, 4, 0, false},
		{[]Range{{0, 10}, {3, 4}}, 11, 1, true},
	}
	for _, tt := range tests {
		index, beyond := StepForDay(tt.steps, tt.day)
		if index != tt.index || beyond != tt.beyond {
			t.Errorf("StepForDay(%v, %d) = %d, %v; want %d, %v", tt.steps, tt.day, index, beyond, tt.index, tt.beyond)
		}
	}
}
