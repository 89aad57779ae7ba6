// Command skinguide is a terminal guide to microneedling for patients.
package main

import (
	"os"
	"time"

	"golang.org/x/term"

	"github.com/skinguide/skinguide/internal/cli"
)

func main() {
	os.Exit(cli.Execute(os.Args[1:], cli.Env{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Now:    time.Now,
		Getenv: os.Getenv,
		Terminal: func() (bool, int) {
			fd := int(os.Stdout.Fd())
			if !term.IsTerminal(fd) {
				return false, 0
			}
			w, _, err := term.GetSize(fd)
			if err != nil {
				return true, 0
			}
			return true, w
		},
	}))
}
