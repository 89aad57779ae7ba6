//go:build !unix

package contentgen

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
