package timeline

// Action is one step of timeline navigation.
type Action int

// The zero Action is deliberately not a move, so a forgotten field in a key
// map does nothing instead of stepping back.
const (
	Prev  Action = iota + 1 // one step earlier
	Next                    // one step later
	First                   // the first step
	Last                    // the last step
	Today                   // the step covering today, when a treatment date is known
)

func (a Action) String() string {
	switch a {
	case Prev:
		return "prev"
	case Next:
		return "next"
	case First:
		return "first"
	case Last:
		return "last"
	case Today:
		return "today"
	}
	return "none"
}

// State is where the patient is on the timeline.
type State struct {
	Current int // index of the step on screen
	Count   int // number of steps
	Today   int // index of today's step, or -1 when there is no treatment date
}

// Navigate returns the state after an action. It clamps at both ends rather
// than wrapping: on a timeline, going past the last day back to day 0 would
// mislead. Today moves to s.Today when it is known and otherwise does
// nothing. Unknown actions return s unchanged. Current is always kept within
// [0, Count-1] (0 when there are no steps).
func Navigate(s State, a Action) State {
	switch a {
	case Prev:
		s.Current--
	case Next:
		s.Current++
	case First:
		s.Current = 0
	case Last:
		s.Current = s.Count - 1
	case Today:
		if s.Today < 0 {
			return s
		}
		s.Current = s.Today
	default:
		return s
	}
	s.Current = max(0, min(s.Current, s.Count-1))
	return s
}

// Range is the inclusive span of days one step covers; day 0 is the
// treatment day.
type Range struct{ From, To int }

// StepForDay returns the index of the step covering day, given steps sorted
// by From. Before treatment (day < 0), or before the first step starts, it
// returns -1. In a gap between steps it returns the step that started last,
// because that is the advice still in force. After the last step ends it
// returns the last index with beyond set, so the UI can say the recovery
// timeline is complete.
func StepForDay(steps []Range, day int) (index int, beyond bool) {
	if day < 0 || len(steps) == 0 {
		return -1, false
	}
	index = -1
	for i, s := range steps {
		if s.From > day {
			return index, false
		}
		if day <= s.To {
			return i, false
		}
		index = i
	}
	// Every step started on or before day and none covers it: day is past
	// the end (when steps overlap, past the end of the last one).
	return index, true
}
