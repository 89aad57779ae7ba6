package cli

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/skinguide/skinguide/internal/termtest"
)

// screen is what the benchmarks in startup_bench_test.go read a program's
// terminal with: the shared terminal emulator (termtest), with waits that
// take a mark, the bytes received before the key that was sent. (Tests use
// termtest.PTY through startTerm.)
type screen struct{ *termtest.Screen }

// newScreen is an 80x24 screen. The emulator's own answers to queries are
// dropped: answering answers the two that bubbletea asks.
func newScreen() *screen { return &screen{termtest.New(80, 24, nil)} }

func (s *screen) bytes() []byte { return s.Bytes() }

// waitFor waits until something was written after mark and the screen
// shows everything wanted, and returns the new mark.
func (s *screen) waitFor(t testing.TB, mark int, want ...string) int {
	t.Helper()
	return s.waitForWithin(t, mark, termtest.Deadline, want...)
}

// waitForWithin is waitFor with its own deadline.
func (s *screen) waitForWithin(t testing.TB, mark int, d time.Duration, want ...string) int {
	t.Helper()
	err := s.Until(d, fmt.Sprintf("%q", want), func() bool { return s.Received() > mark && s.Shows(want...) })
	if err != nil {
		t.Fatal(err)
	}
	return s.Received()
}

// withoutColorVars drops variables that would change the colours or the
// language, so the run is the same on every machine.
func withoutColorVars(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "NO_COLOR", "COLORTERM", "TERM":
			continue
		case "LANG", "LC_ALL", "LC_MESSAGES", "SKINGUIDE_LANG":
			continue // the tests read English unless they ask for another language
		}
		out = append(out, kv)
	}
	return out
}
