// Package kiosk holds the policy of skinguide's waiting-room mode, apart
// from any screen: the idle timer, signal handling, the panic-restart loop,
// terminal repair, logging and a cheap content-change check. The TUI's
// kiosk model (internal/tui/kiosk.go) and the command line
// (internal/cli/kiosk.go, and internal/cli/serve.go for served sessions)
// put these pieces together.
//
// # Privacy
//
// A kiosk is shared by strangers, so logs say only what an operator needs:
// that the app started, which content it uses (built-in or a folder) and
// why, reloads, and errors (panics included). Logs never record what a
// patient did: no pages read, no search text, no treatment dates, no
// timings of individual key presses. Nothing a patient does is written to
// disk.
//
// # Wiring (done in internal/cli; cmd/skinguide only calls it)
//
// In kiosk mode the program is built with
//
//	tea.NewProgram(model,
//		tea.WithAltScreen(),
//		tea.WithMouseCellMotion(),
//		tea.WithoutSignalHandler(), // HandleSignals owns signals; bubbletea's would turn SIGINT into a quit
//		tea.WithoutCatchPanics(),   // bubbletea would print the panic on the screen; RunForever logs it
//	)
//
// and run as
//
//	saved, _ := kiosk.SaveTerminal(int(os.Stdin.Fd()), os.Stdout) // before anything changes it
//	ctx, cancel := context.WithCancel(context.Background())
//	stop := kiosk.HandleSignals(ctx, cancel)
//	defer stop()
//	err := kiosk.RunForever(ctx, log, func(ctx context.Context) error {
//		p := tea.NewProgram(newModel(), ...options above...)
//		return kiosk.RepairOnPanic(func() { _ = p.ReleaseTerminal(); _ = saved.Restore() },
//			func() error { _, err := p.Run(); return err })
//	})
//
// with the program on screen told to p.Quit() when ctx is done (SIGTERM).
// Passing ctx to tea.WithContext also ends it, with the terminal restored,
// but bubbletea then closes its input reader without waiting for the
// goroutine reading it, which the race detector reports; the command line
// (internal/cli/kiosk.go) quits instead. RunForever returns nil after
// SIGTERM (exit 0). The staff exit ends the process with StaffExitStatus.
//
// Commands (tea.Cmd) run on goroutines bubbletea starts; with
// WithoutCatchPanics a panic there ends the process, so wrap every command
// the app creates with GuardCmd, and every goroutine it starts with Guard.
// See RunForever for what bubbletea v1.3.10 does with panics and signals.
package kiosk

// StaffExitStatus is the exit status of the staff exit (key + PIN). The
// systemd unit in docs/deploy treats it as a deliberate stop: no restart,
// and a login prompt on tty1. Every other exit, including status 0, is
// restarted, so a stray quit or kill never leaves the screen blank.
const StaffExitStatus = 3
