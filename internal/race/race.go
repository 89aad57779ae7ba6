// Package race says whether the race detector is built in, so that a test
// with nothing for it to watch can leave the race detector's run in CI.
package race

import "testing"

// SkipSerial skips tb when the race detector is on. It is for a test that
// drives the code from its own goroutine only, and does a lot of it
// (every page, every size): the detector watches accesses from two
// goroutines, there are none to watch, and it would only make the test
// several times slower. go test ./... runs the test whole; the tests with
// background work, sessions sharing a guide, servers and terminals stay
// under the detector.
func SkipSerial(tb testing.TB) {
	tb.Helper()
	if Enabled {
		tb.Skip("one goroutine: nothing for the race detector to watch (go test ./... runs it)")
	}
}
