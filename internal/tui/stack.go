package tui

import "slices"

// stack is the screens a patient has gone through: Home at the bottom,
// the screen shown on top. Esc pops it.
type stack []screenID

func (s stack) top() screenID { return s[len(s)-1] }

// navKind is what moves the stack.
type navKind int

const (
	navOpen   navKind = iota // open a screen (a menu item, a key, a link, a search result)
	navBack                  // esc: leave the screen on top; Home stays
	navHome                  // back to Home
	navCallUs                // "!": When to call us, from anywhere
	navStaff                 // kiosk: the staff PIN box, from anywhere
	navReset                 // start over: Home only
)

// nav is one move of the stack.
type nav struct {
	kind navKind
	to   screenID // navOpen
}

// navigate is the stack after a move. It never changes s in place, and
// Home always stays at the bottom. Where esc returns to follows from it:
//   - a screen that opens over (search, When to call us, the staff box)
//     is pushed over whatever is on screen, so esc returns exactly there;
//   - any other screen already open is gone back to, dropping what was
//     opened from it, so the stack never holds a screen twice;
//   - what is opened from search goes over it, so esc from a result
//     returns to the results as they were; a screen already open below
//     the search moves up over it rather than be in the stack twice.
func navigate(s stack, a nav) stack {
	switch a.kind {
	case navBack:
		if len(s) > 1 {
			return s[: len(s)-1 : len(s)-1]
		}
		return s
	case navHome, navReset:
		return stack{screenHome}
	case navCallUs:
		return push(s, screenCallUs)
	case navStaff:
		return push(s, screenStaff)
	}
	switch {
	case a.to == screenHome:
		return stack{screenHome}
	case s.top() == a.to:
		return s
	case s.top() == screenSearch:
		// A result goes over the search that found it.
		if i := slices.Index(s, a.to); i >= 0 && !opensOver(a.to) {
			s = slices.Delete(slices.Clone(s), i, i+1)
		}
		return push(s, a.to)
	case opensOver(a.to):
		return push(s, a.to)
	}
	if i := slices.Index(s, a.to); i >= 0 {
		return s[: i+1 : i+1]
	}
	return push(s, a.to)
}

// push puts a screen on top, unless it is there already. The result never
// shares its array with s.
func push(s stack, id screenID) stack {
	if s.top() == id {
		return s
	}
	return append(s[:len(s):len(s)], id)
}
