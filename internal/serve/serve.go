//go:build !windows

// Package serve runs skinguide over SSH: one process holds the guide, and
// every connection with a terminal gets a session of its own (a kiosk
// session, or a reader session), built on Charm's wish v1.4.7 and its
// bubbletea middleware. See docs/serve.md for the clinic recipe.
//
// Only the guide is served: no shell, no exec, no subsystems (sftp), no
// port, agent or X11 forwarding. Anyone may connect, under any user name,
// unless an authorized_keys file is given: there is nothing to read but the
// guide, and no session keeps anything.
//
// The server keeps its promises whatever a session's model does: window
// sizes are clamped, a panic ends that session only (its terminal
// restored, the stack logged), a suspend never reaches the process, and
// Shutdown says goodbye to every session before it returns.
//
// # Privacy
//
// Logs hold session counts, durations and errors; never what a session
// read or typed, nor its user name.
package serve

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"
)

// What a client is told, one line each.
const (
	NeedTerminal = "skinguide needs an interactive terminal: ssh -t (add -t to your ssh command)"
	Busy         = "All screens are busy. Please try again in a minute."
	Goodbye      = "The guide is closing now. Goodbye!"
	IdleClosed   = "This screen was idle, so it closed. Connect again to start over."
	Crashed      = "Sorry, something went wrong with this screen. Please connect again."
)

// DefaultHandshakeTimeout is how long a client has from connecting to
// having a session running; one that never finishes is dropped.
const DefaultHandshakeTimeout = 10 * time.Second

// Session is what the server knows of one client, for building its model.
type Session struct {
	// Renderer draws for this client alone: its colour profile is the
	// client's, never the server's.
	Renderer *lipgloss.Renderer
	// Profile is the client's colour support, from its TERM, COLORTERM
	// and NO_COLOR (the terminal is never queried: that can stall).
	Profile termenv.Profile
	// Width and Height are the client's window when it connected (clamped).
	Width, Height int
}

// Limits are the settings a running server can change (see Update).
type Limits struct {
	// MaxSessions is how many sessions may run at once; more are told
	// Busy. Zero means 50.
	MaxSessions int
	// IdleDisconnect ends a session idle that long on its attract screen
	// (any time without input in reader sessions); zero never does.
	IdleDisconnect time.Duration
	// Reader says sessions are reader sessions (see IdleDisconnect).
	Reader bool
	// AuthorizedKeys, when set, is an authorized_keys file: only those
	// keys may connect. It is read again at every login, so editing it
	// needs no restart.
	AuthorizedKeys string
	// NewModel builds the model of a new session.
	NewModel func(Session) tea.Model
}

// Options configure a Server.
type Options struct {
	Limits
	// HostKey signs for the server (see HostKey).
	HostKey gossh.Signer
	// HandshakeTimeout; zero means DefaultHandshakeTimeout.
	HandshakeTimeout time.Duration
	// Log receives counts and errors; nil drops them.
	Log *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// ProgramOptions are added to every session's program (tests use it).
	ProgramOptions []tea.ProgramOption
}

// Server serves the guide over SSH. Build it with New.
type Server struct {
	ssh     *ssh.Server
	log     *slog.Logger
	now     func() time.Time
	timeout time.Duration
	extra   []tea.ProgramOption

	mu       sync.Mutex
	limits   Limits
	sessions map[*record]struct{}
	conns    int // open connections, with a session or not yet
	closing  bool
	ln       net.Listener
	running  sync.WaitGroup // session handlers
}

// New builds a server; nothing listens until Serve.
func New(opts Options) (*Server, error) {
	if opts.HostKey == nil {
		return nil, errors.New("serve: no host key")
	}
	if opts.NewModel == nil {
		return nil, errors.New("serve: no model")
	}
	if err := checkAuthorizedKeys(opts.AuthorizedKeys); err != nil {
		return nil, err
	}
	s := &Server{
		log:      opts.Log,
		now:      opts.Now,
		timeout:  opts.HandshakeTimeout,
		extra:    opts.ProgramOptions,
		limits:   withDefaults(opts.Limits),
		sessions: map[*record]struct{}{},
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.timeout <= 0 {
		s.timeout = DefaultHandshakeTimeout
	}
	srv, err := wish.NewServer(
		// The key first: without one wish would write a new key to the
		// working folder.
		func(srv *ssh.Server) error { srv.AddHostKey(opts.HostKey); return nil },
		wish.WithVersion("skinguide"),
		// The last middleware runs first: gate decides whether a session
		// gets a program at all.
		wish.WithMiddleware(
			bm.MiddlewareWithProgramHandler(s.program, termenv.Ascii),
			s.gate,
		),
	)
	if err != nil {
		return nil, err
	}
	srv.SessionRequestCallback = func(_ ssh.Session, kind string) bool {
		return kind == "shell" // never exec, never a subsystem (sftp)
	}
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": sessionOnly}
	srv.RequestHandlers = map[string]ssh.RequestHandler{} // no tcpip-forward
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
	srv.LocalPortForwardingCallback = nil
	srv.ReversePortForwardingCallback = nil
	srv.ConnCallback = s.onConnect
	srv.ConnectionFailedCallback = func(_ net.Conn, err error) {
		// Debug: a load balancer's TCP health check fails this way every
		// few seconds, and so does every port scan.
		s.log.Debug("connection failed before a session", "err", err)
	}
	srv.PublicKeyHandler = s.checkKey
	// The key handler would make keys mandatory; accept any client
	// through "none" when there is no authorized_keys file.
	srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{NoClientAuth: s.current().AuthorizedKeys == ""}
	}
	s.ssh = srv
	return s, nil
}

func withDefaults(l Limits) Limits {
	if l.MaxSessions <= 0 {
		l.MaxSessions = 50
	}
	return l
}

// Update changes the limits of a running server (after SIGHUP): new
// sessions get the new model and limits, running ones keep theirs.
func (s *Server) Update(l Limits) error {
	if l.NewModel == nil {
		return errors.New("serve: no model")
	}
	if err := checkAuthorizedKeys(l.AuthorizedKeys); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = withDefaults(l)
	return nil
}

func (s *Server) current() Limits {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.limits
}

func (s *Server) openConns() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns
}

// Sessions is the number of sessions running now.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// ListenAndServe listens on addr and serves until Shutdown.
func (s *Server) ListenAndServe(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// Serve serves connections from ln until Shutdown, when it returns nil.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		ln.Close()
		return nil
	}
	s.ln = ln
	s.mu.Unlock()
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) || s.isClosing() {
		return nil
	}
	return err
}

func (s *Server) isClosing() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closing
}

// Shutdown stops taking connections, tells every session Goodbye with its
// terminal restored, waits for them (at most until ctx is done), then
// closes every connection.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	ln := s.ln
	recs := make([]*record, 0, len(s.sessions))
	for r := range s.sessions {
		recs = append(recs, r)
	}
	s.mu.Unlock()
	if ln != nil {
		ln.Close()
	}
	for _, r := range recs {
		r.end(endShutdown)
		go r.quit()
	}
	done := make(chan struct{})
	go func() {
		s.running.Wait()
		close(done)
	}()
	var err error
	select {
	case <-done:
		// Clients close their connection once their session has ended;
		// give them a moment, so that ssh says nothing of a connection
		// closed by the server.
		for wait := time.Now().Add(time.Second); s.openConns() > 0 && time.Now().Before(wait) && ctx.Err() == nil; {
			time.Sleep(10 * time.Millisecond)
		}
	case <-ctx.Done():
		err = ctx.Err()
	}
	if cerr := s.ssh.Close(); err == nil && cerr != nil && !errors.Is(cerr, net.ErrClosed) {
		err = cerr
	}
	s.log.Info("stopped", "sessions said goodbye to", len(recs))
	return err
}
