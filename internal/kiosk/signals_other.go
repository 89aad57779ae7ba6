//go:build !unix

package kiosk

import "os"

// Kiosk mode is for Unix consoles; elsewhere only an interrupt is ignored.
func ignoredSignals() []os.Signal { return []os.Signal{os.Interrupt} }
