// Package cli is skinguide's command line: it turns flags into calls to the
// content, render and tui packages, and errors into exit codes.
package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"time"

	"github.com/spf13/cobra"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/config"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/termsafe"
	"github.com/skinguide/skinguide/internal/tui"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitProblem = 1 // content errors, unknown ids
	ExitUsage   = 2 // bad flags or config, unreadable folders
)

// exitError carries an exit code up to Execute.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func fail(code int, format string, args ...any) error {
	return &exitError{code, fmt.Errorf(format, args...)}
}

// Env is what the commands need from the outside world, so tests can run
// them without a terminal or a real clock.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Now            func() time.Time
	Getenv         func(string) string
	// Terminal reports whether stdout is a terminal, and its width.
	Terminal func() (ok bool, width int)
}

// Execute runs the command line and returns the process exit code.
func Execute(args []string, env Env) int {
	cmd := newRoot(env)
	cmd.SetArgs(args)
	cmd.SetOut(env.Stdout)
	cmd.SetErr(env.Stderr)
	err := cmd.Execute()
	if err == nil {
		return ExitOK
	}
	if !errors.Is(err, errAlreadySaid) {
		fmt.Fprintf(env.Stderr, "skinguide: %v\n", err)
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return ExitUsage // cobra's own errors: unknown flags, bad arguments
}

// settings resolves a command's configuration: defaults, the config file,
// SKINGUIDE_* variables, then the flags (see config.Resolve). It is the one
// source of every setting, --content, --lang and --theme included, and runs
// before anything is drawn: a mistake is one line on a normal screen, and
// exit status 2.
func settings(cmd *cobra.Command, env Env) (config.Config, error) {
	cfg, err := config.Resolve(cmd.Flags(), env.Getenv, tui.StaffKeyInUse)
	if err != nil {
		return cfg, &exitError{ExitUsage, err}
	}
	if cfg.Skipped != "" {
		// A default location nobody asked for: said, not fatal.
		fmt.Fprintf(env.Stderr, "skinguide: skipped a config file that cannot be read: %s\n", cfg.Skipped)
	}
	cfg.Lang = chooseLang(cfg)
	return cfg, nil
}

// chooseLang is the guide's language: the one a flag, variable or file
// names; else the system's (LC_ALL, LC_MESSAGES, LANG) when the content has
// it; else the default.
func chooseLang(cfg config.Config) string {
	if cfg.LangSet || cfg.Locale == "" || cfg.Locale == cfg.Lang {
		return cfg.Lang
	}
	fsys, _, err := contentRoot(cfg.Content)
	if err != nil {
		return cfg.Lang
	}
	if slices.Contains(content.Languages(fsys), cfg.Locale) {
		return cfg.Locale
	}
	return cfg.Lang
}

// contentRoot returns the content root to read: the folder dir, or the
// embedded one when dir is "".
func contentRoot(dir string) (fs.FS, string, error) {
	if dir == "" {
		return embedded.FS(), "(built-in content)", nil
	}
	return openDir(dir)
}

func openDir(dir string) (fs.FS, string, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, "", fail(ExitUsage, "cannot read content folder %s: %v", termsafe.Quote(dir), errors.Unwrap(err))
	}
	if !info.IsDir() {
		return nil, "", fail(ExitUsage, "%s is not a folder", termsafe.Quote(dir))
	}
	if _, err := os.ReadDir(dir); err != nil {
		return nil, "", fail(ExitUsage, "cannot read content folder %s: %v", termsafe.Quote(dir), errors.Unwrap(err))
	}
	return content.Dir(dir), dir, nil
}

// loadContent reads and validates the content of cfg; any error stops
// the command. (A kiosk does not stop: see runKiosk.)
func loadContent(cfg config.Config) (*content.Guide, error) {
	fsys, name, err := contentRoot(cfg.Content)
	if err != nil {
		return nil, err
	}
	g, problems := content.LoadWithTranslations(fsys, cfg.Lang, numbers(cfg))
	if g == nil {
		return nil, fail(ExitProblem, "%s: %v", termsafe.Quote(name), problems.Err())
	}
	if problems.Errors() > 0 {
		return nil, fail(ExitProblem, "%s has errors; run `skinguide check%s` for the full list. First: %v",
			termsafe.Quote(name), dirArg(cfg.Content), problems.Err())
	}
	return g, nil
}

func dirArg(dir string) string {
	if dir == "" {
		return ""
	}
	return " " + dir
}

// numbers are the clinic's numbers from the settings, as the warning
// signs show them.
func numbers(cfg config.Config) content.Numbers {
	c := cfg.Clinic
	return content.Numbers{Emergency: c.EmergencyNumber, Phone: c.Phone, Hours: c.Hours, AfterHours: c.AfterHours,
		Clinic: c.Name, ApprovedBy: c.ApprovedBy, ApprovedOn: c.ApprovedOn}
}
