package kiosk

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// HandleSignals makes the process deaf to the signals a person at the
// kiosk's keyboard, or a stray kill, could use to leave the screen
// (SIGINT, SIGQUIT, SIGHUP and SIGTSTP on Unix), and calls onTerm on each
// SIGTERM, which is how systemd stops the kiosk. Pass the cancel function
// of the context given to RunForever and tea.WithContext: bubbletea then
// restores the terminal, Run returns, RunForever returns nil, and the
// process exits 0. onTerm must not block.
//
// Why this is needed, in bubbletea v1.3.10 terms:
//   - In raw mode (term.MakeRaw, called from tty_unix.go initInput, clears
//     ISIG) ctrl+c, ctrl+\ and ctrl+z reach the app as key presses, not
//     signals; the kiosk KeyMap disables them. The same signals sent with
//     kill do arrive. By default SIGHUP ends the process with the terminal
//     still raw, SIGQUIT prints every goroutine's stack on the screen, and
//     SIGTSTP stops the process; bubbletea does not handle these three.
//   - bubbletea's own handler (tea.go:273, Program.handleSignals) listens
//     for SIGINT, sent on as InterruptMsg so that Run returns
//     ErrInterrupted (tea.go:301, 406), and SIGTERM, sent on as QuitMsg. Every
//     channel given to signal.Notify receives a signal, so with that
//     handler running SIGINT would still end the kiosk: the kiosk program
//     must use tea.WithoutSignalHandler().
//   - With SIGTSTP caught here, bubbletea's suspend (tty_unix.go,
//     suspendProcess) would wait for a SIGCONT that never comes: the kiosk
//     must never return tea.Suspend.
//
// The signals are caught with signal.Notify and dropped, not set to SIG_IGN
// with signal.Ignore: the Go runtime cannot undo an Ignore (a later Notify
// and Reset forward to the saved SIG_IGN), while a caught signal gets its
// default handling back once no channel wants it. They stay caught until
// stop is called, also after ctx is done, so that a stray signal during
// shutdown cannot kill the process with the terminal half restored.
//
// stop gives every one of these signals its default handling back.
func HandleSignals(ctx context.Context, onTerm func()) (stop func()) {
	ignored := ignoredSignals()
	drop := make(chan os.Signal, 1) // never read: a caught signal is enough
	signal.Notify(drop, ignored...)
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM)

	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case <-done:
				return
			case <-term:
				onTerm()
			}
		}
	}()

	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			wg.Wait()
			signal.Stop(drop) // with no channel left, a signal gets its default handling
			signal.Stop(term)
		})
	}
}
