//go:build unix

package kiosk

import (
	"os"
	"syscall"
)

func ignoredSignals() []os.Signal {
	return []os.Signal{syscall.SIGINT, syscall.SIGQUIT, syscall.SIGHUP, syscall.SIGTSTP}
}
