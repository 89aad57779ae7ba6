//go:build !windows

package cli

import (
	"context"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/spf13/cobra"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/config"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/kiosk"
	"github.com/skinguide/skinguide/internal/serve"
	"github.com/skinguide/skinguide/internal/tui"
)

func newServe(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the guide over SSH: one process for every screen in the clinic",
		Long: `Serve the guide over SSH. Every connection with a terminal gets a session
of its own: a kiosk session (idle reset, no quit keys), or with
[serve] mode = "reader" a session that q quits, for patients at home.

A screen connects with:  ssh -t -p 2222 guide@SERVER

Only the guide is served: no shell, no commands, no file transfer, no
forwarding. Anyone may connect unless [serve] authorized_keys is set.
The host key is made on first start (ed25519, mode 0600) and reused.

SIGTERM (or ctrl+c) says goodbye to every session and exits 0. SIGHUP
reads the config and the content folder again: new sessions get the
changes, running kiosk sessions new content at their next idle reset.

See docs/serve.md for the clinic recipe.`,
		Example: "  skinguide serve\n  skinguide serve --listen :2222 --max-sessions 20 --content /srv/clinic",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd, env)
		},
	}
	config.RegisterServeFlags(cmd.Flags())
	return cmd
}

// runServe serves until SIGTERM or SIGINT; SIGHUP reloads.
func runServe(cmd *cobra.Command, env Env) error {
	cfg, err := settings(cmd, env)
	if err != nil {
		return err
	}
	base, err := guideOptions(env, cfg, "")
	if err != nil {
		return err
	}
	keyPath := cfg.Serve.HostKey
	if keyPath == "" {
		keyPath = defaultHostKey(env.Getenv)
	}
	log, closeLog, err := serveLogger(cfg.Log, env.Stderr)
	if err != nil {
		return fail(ExitUsage, "%v", err)
	}
	defer closeLog.Close()

	signer, created, err := serve.HostKey(keyPath)
	if err != nil {
		return fail(ExitUsage, "%v", err)
	}
	if created {
		log.Info("made a new host key", "file", keyPath)
	}
	app, err := newServedApp(cfg, base, log)
	if err != nil {
		return fail(ExitProblem, "%v", err)
	}
	srv, err := serve.New(serve.Options{Limits: app.limits(), HostKey: signer, Log: log})
	if err != nil {
		return fail(ExitUsage, "%v", err)
	}
	ln, err := net.Listen("tcp", cfg.Serve.Listen)
	if err != nil {
		return fail(ExitUsage, "cannot listen on %s: %v", cfg.Serve.Listen, unwrapNet(err))
	}
	// Signals are caught before "serving" is logged: from that line on,
	// SIGHUP and SIGTERM do what the documentation says.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	defer signal.Stop(sigs)
	log.Info("serving", "version", shortVersion(), "address", ln.Addr().String(), "mode", cfg.Serve.Mode,
		"max_sessions", cfg.Serve.MaxSessions, "config", orNone(cfg.Source))
	reload := func() {
		next, err := settings(cmd, env)
		if err != nil {
			log.Error("SIGHUP: the config has an error; nothing changed", "err", err)
			return
		}
		base, err := guideOptions(env, next, "")
		if err != nil {
			log.Error("SIGHUP: the config has an error; nothing changed", "err", err)
			return
		}
		if err := app.reload(next, base); err != nil {
			log.Error("SIGHUP: nothing changed", "err", err)
			return
		}
		if err := srv.Update(app.limits()); err != nil {
			log.Error("SIGHUP: the serve settings have an error; sessions keep the old ones", "err", err)
		}
	}
	return serveUntil(srv, ln, sigs, reload, log)
}

// serveUntil serves ln until SIGTERM or SIGINT arrives on sigs, calling
// reload for each SIGHUP. Stopping says goodbye to every session (at most
// 10 s) and returns nil: exit status 0.
func serveUntil(srv *serve.Server, ln net.Listener, sigs <-chan os.Signal, reload func(), log *slog.Logger) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	for {
		select {
		case err := <-served:
			if err != nil {
				log.Error("stopped", "err", err)
				return fail(ExitProblem, "serve stopped: %v", err)
			}
			return nil
		case sig := <-sigs:
			if sig == syscall.SIGHUP {
				log.Info("SIGHUP: reading the config and content again")
				reload()
				continue
			}
			log.Info("stopping", "signal", sig.String(), "sessions", srv.Sessions())
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			err := srv.Shutdown(ctx)
			cancel()
			if err != nil {
				log.Error("some sessions did not end in time", "err", err)
			}
			<-served
			return nil
		}
	}
}

// defaultHostKey is where the host key lives when no file is given:
// systemd's StateDirectory, else the user's state folder.
func defaultHostKey(getenv func(string) string) string {
	const name = "ssh_host_ed25519_key"
	if d := getenv("STATE_DIRECTORY"); filepath.IsAbs(d) {
		return filepath.Join(strings.Split(d, ":")[0], name)
	}
	if d := getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "skinguide", name)
	}
	if h := getenv("HOME"); filepath.IsAbs(h) {
		return filepath.Join(h, ".local", "state", "skinguide", name)
	}
	return filepath.Join("/var/lib/skinguide", name)
}

// serveLogger writes to the log file, or to stderr (the journal under
// systemd). Nothing draws on the server's own terminal, so nothing is held.
func serveLogger(path string, stderr io.Writer) (*slog.Logger, io.Closer, error) {
	if path != "" {
		return kiosk.NewLogger(path, stderr)
	}
	return slog.New(slog.NewTextHandler(stderr, nil)), io.NopCloser(nil), nil
}

func unwrapNet(err error) error {
	if oe, ok := err.(*net.OpError); ok && oe.Err != nil {
		return oe.Err
	}
	return err
}

// servedApp builds every session's model from the settings and the
// content. The guide and its renderer are shared by every session that
// shows the same content version.
type servedApp struct {
	log *slog.Logger

	mu   sync.Mutex
	cfg  config.Config
	base tui.Options // from the settings; each session adds its own part
	src  *kiosk.Content
	// The content the last session was built from, and the shared guide
	// made of it (search index and rendered pages) for every session.
	content *content.Guide
	guide   *tui.Guide
}

func newServedApp(cfg config.Config, base tui.Options, log *slog.Logger) (*servedApp, error) {
	src, err := kiosk.LoadContent(cfg.Content, cfg.Lang, numbers(cfg), embedded.FS(), log)
	if err != nil {
		return nil, err
	}
	return &servedApp{log: log, cfg: cfg, base: base, src: src}, nil
}

// reload takes new settings after SIGHUP, and looks at the content folder.
func (a *servedApp) reload(next config.Config, base tui.Options) error {
	a.mu.Lock()
	prev, src := a.cfg, a.src
	a.mu.Unlock()
	// The clinic's numbers are written into the pages when they load.
	if next.Content != prev.Content || next.Lang != prev.Lang || numbers(next) != numbers(prev) {
		s, err := kiosk.LoadContent(next.Content, next.Lang, numbers(next), embedded.FS(), a.log)
		if err != nil {
			return err
		}
		src = s
	} else if src.Reload() == nil {
		a.log.Info("content unchanged")
	}
	a.mu.Lock()
	a.cfg, a.base, a.src = next, base, src
	a.mu.Unlock()
	// Said once in force: a session that starts after this line has them.
	if changed := changedSettings(prev, next); len(changed) > 0 {
		a.log.Info("settings changed", "keys", strings.Join(changed, " "))
	} else {
		a.log.Info("settings unchanged")
	}
	if next.Serve.Listen != prev.Serve.Listen || next.Serve.HostKey != prev.Serve.HostKey {
		a.log.Warn("serve.listen and serve.host_key change only at a restart")
	}
	return nil
}

// changedSettings names the settings that differ, never their values.
func changedSettings(a, b config.Config) []string {
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, name)
		}
	}
	add("clinic", a.Clinic != b.Clinic)
	add("kiosk.idle", a.Idle != b.Idle)
	add("kiosk.warning", a.Warning != b.Warning)
	add("kiosk.staff_exit", a.StaffExitKey != b.StaffExitKey || a.StaffPIN != b.StaffPIN)
	add("display.theme", a.Theme != b.Theme)
	add("display.lang", a.Lang != b.Lang)
	add("display.content", a.Content != b.Content)
	add("serve", a.Serve != b.Serve)
	return out
}

// limits are the server's settings for new sessions.
func (a *servedApp) limits() serve.Limits {
	a.mu.Lock()
	defer a.mu.Unlock()
	s := a.cfg.Serve
	return serve.Limits{
		MaxSessions:    s.MaxSessions,
		IdleDisconnect: s.IdleDisconnect,
		Reader:         s.Mode == config.ServeReader,
		AuthorizedKeys: s.AuthorizedKeys,
		NewModel:       a.newModel,
	}
}

// shared returns the guide to show a new session, and its renderer, made
// once per content version.
func (a *servedApp) shared() (*tui.Guide, config.Config, tui.Options) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if c := a.src.Guide(); c != a.content {
		a.content, a.guide = c, tui.NewGuide(c, nil)
	}
	return a.guide, a.cfg, a.base
}

// newest looks at the content folder and returns the newest good guide.
func (a *servedApp) newest() *tui.Guide {
	a.mu.Lock()
	src := a.src
	a.mu.Unlock()
	src.Reload()
	g, _, _ := a.shared()
	return g
}

// newModel builds one session's model: per session are the model, its
// size, colour profile, idle timer and key map; the guide is shared.
func (a *servedApp) newModel(s serve.Session) tea.Model {
	// A new session looks at the content folder first (one walk of it;
	// it is read again only when it changed), so it shows a changed, valid
	// folder without waiting for SIGHUP or another session's idle reset.
	a.newest()
	g, cfg, opts := a.shared()
	kioskMode := cfg.Serve.Mode != config.ServeReader
	opts.Profile = s.Profile // the client's colours, not the server's
	opts.Kiosk = kioskMode
	opts.Served = true // no suspend: it would stop the server
	opts.Idle, opts.IdleWarning = cfg.Idle, cfg.Warning
	opts.Log = a.log
	if kioskMode && cfg.Serve.StaffExit {
		opts.StaffKey, opts.StaffPIN = cfg.StaffExitKey, cfg.StaffPIN
	}
	// At each idle reset the session takes the newest good content, if it
	// is not what it shows: a folder changed and valid since, or SIGHUP.
	shown := g
	opts.Reload = func() *tui.Guide {
		if now := a.newest(); now != shown {
			shown = now
			return now
		}
		return nil
	}
	return tui.NewSession(g, s.Renderer, opts, tui.SystemClock{})
}
