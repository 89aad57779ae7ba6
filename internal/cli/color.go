package cli

import (
	"io"

	"github.com/charmbracelet/colorprofile"
	"github.com/muesli/termenv"
)

// colorProfileFor decides the colours from the environment alone, through
// colorprofile's rules (TERM, COLORTERM, NO_COLOR, CLICOLOR and
// CLICOLOR_FORCE): asking the terminal can stall (over SSH, on a kiosk).
// isTTY says whether the output is a terminal; force is --color always,
// which wins over NO_COLOR as a flag should (no-color.org).
func colorProfileFor(env Env, isTTY, force bool) termenv.Profile {
	return toTermenv(detectColors(env, isTTY, force))
}

// detectColors is colorprofile's verdict on env (see colorProfileFor). A
// terminal with no TERM at all gets the common 256 colours, as it did
// before colorprofile, which would take it for a dumb terminal.
func detectColors(env Env, isTTY, force bool) colorprofile.Profile {
	var environ []string
	if isTTY && env.Getenv("TERM") == "" {
		environ = append(environ, "TERM=xterm-256color")
	}
	// The variables colorprofile reads (TTY_FORCE and TMUX are left out:
	// with them it would run `tmux info`).
	for _, k := range []string{"TERM", "COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "WT_SESSION", "GOOGLE_CLOUD_SHELL", "ANSICON", "ANSICON_VER"} {
		v := env.Getenv(k)
		switch {
		case v == "":
			continue
		case k == "NO_COLOR":
			if force {
				continue
			}
			v = "1" // any value means no colour (no-color.org); colorprofile wants a boolean
		}
		environ = append(environ, k+"="+v)
	}
	if force {
		environ = append(environ, "CLICOLOR_FORCE=1")
	}
	if isTTY {
		return colorprofile.Env(environ)
	}
	return colorprofile.Detect(io.Discard, environ) // not a terminal: only CLICOLOR_FORCE gives colour
}

func toTermenv(p colorprofile.Profile) termenv.Profile {
	switch p {
	case colorprofile.TrueColor:
		return termenv.TrueColor
	case colorprofile.ANSI256:
		return termenv.ANSI256
	case colorprofile.ANSI:
		return termenv.ANSI
	}
	return termenv.Ascii
}

// colorProfile is the interactive guide's colours: it runs on a terminal.
func colorProfile(env Env) termenv.Profile { return colorProfileFor(env, true, false) }
