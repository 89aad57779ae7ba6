//go:build unix && !linux

package termtest

import "os"

// pending cannot look at the input queue here.
func pending(*os.File) (int, bool) { return 0, false }
