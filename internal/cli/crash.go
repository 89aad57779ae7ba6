package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/kiosk"
)

// ExitInternal is the exit status after a panic outside kiosk mode
// (EX_SOFTWARE in sysexits.h).
const ExitInternal = 70

// errAlreadySaid is an error whose one line is already on stderr.
var errAlreadySaid = errors.New("already said")

// runProgram runs the interactive guide. A panic anywhere in it (Init,
// Update, View or a command) never reaches the screen: the terminal is
// restored, the panic and its stack go to a file in the user's state
// directory, one line on stderr names it, and the exit status is 70.
// bubbletea's own catching would print the trace on the screen, so it is
// off (tea.WithoutCatchPanics) and crashGuard does the work instead.
func runProgram(env Env, model tea.Model, opts ...tea.ProgramOption) (err error) {
	saved, err := kiosk.SaveTerminal(fdOf(env.Stdin), env.Stdout)
	if err != nil {
		return fail(ExitProblem, "%v", err)
	}
	opts = append(opts, tea.WithoutCatchPanics())
	p := tea.NewProgram(crashGuard{model}, opts...)
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		stack := debug.Stack()
		if cp, ok := v.(cmdPanic); ok {
			v, stack = cp.value, cp.stack
		}
		_ = p.ReleaseTerminal()
		_ = saved.Restore()
		path, werr := writeCrashReport(env, v, stack)
		if werr != nil {
			fmt.Fprintf(env.Stderr, "skinguide stopped because of an internal error; the details could not be saved: %v\n", werr)
		} else {
			fmt.Fprintf(env.Stderr, "skinguide stopped because of an internal error; details in %s\n", path)
		}
		err = &exitError{ExitInternal, errAlreadySaid}
	}()
	if _, err := p.Run(); err != nil {
		return fail(ExitProblem, "the guide stopped: %v", err)
	}
	return nil
}

// writeCrashReport writes a panic and its stack to a new file in
// $XDG_STATE_HOME/skinguide (by default ~/.local/state/skinguide), readable
// by the user only, and returns its path.
func writeCrashReport(env Env, value any, stack []byte) (string, error) {
	dir := env.Getenv("XDG_STATE_HOME")
	if !filepath.IsAbs(dir) { // the XDG spec: a relative path is ignored
		home := env.Getenv("HOME")
		if home == "" {
			return "", errors.New("neither XDG_STATE_HOME nor HOME is set")
		}
		dir = filepath.Join(home, ".local", "state")
	}
	dir = filepath.Join(dir, "skinguide")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, "crash-"+env.Now().UTC().Format("20060102T150405Z")+"-*.txt")
	if err != nil {
		return "", err
	}
	_, werr := fmt.Fprintf(f, "skinguide %s stopped because of an internal error at %s.\n\npanic: %v\n\n%s",
		shortVersion(), env.Now().UTC().Format("2006-01-02 15:04:05 UTC"), value, stack)
	if err := errors.Join(werr, f.Close()); err != nil {
		return "", fmt.Errorf("write %s: %w", f.Name(), err)
	}
	return f.Name(), nil
}

// cmdPanic is a panic caught in a command goroutine, carried to the event
// loop with its own stack, and raised again there, where runProgram can
// recover it.
type cmdPanic struct {
	value any
	stack []byte
}

// crashGuard wraps the root model so that every command it returns
// (inside batches too) turns a panic into a cmdPanic message: without
// bubbletea's catching, a panic on a command goroutine would end the
// process with the trace on the screen.
type crashGuard struct{ m tea.Model }

func (g crashGuard) Init() tea.Cmd { return guardCmd(g.m.Init()) }

func (g crashGuard) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cp, ok := msg.(cmdPanic); ok {
		panic(cp)
	}
	m, cmd := g.m.Update(msg)
	return crashGuard{m}, guardCmd(cmd)
}

func (g crashGuard) View() string { return g.m.View() }

func guardCmd(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if v := recover(); v != nil {
				msg = cmdPanic{v, debug.Stack()}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			guarded := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				guarded[i] = guardCmd(c)
			}
			return guarded
		}
		return msg
	}
}
