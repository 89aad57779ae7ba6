//go:build !windows

package serve

import (
	"fmt"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"
)

// fps is each session's highest frame rate. Frames are drawn only when
// something changed, but every program's renderer wakes at this rate: 60
// keeps a keypress within one 16 ms frame and idle sessions cheap.
const fps = 60

// record is one running session, for Shutdown to find and for the log.
type record struct {
	started time.Time

	mu       sync.Mutex
	p        *tea.Program
	stopping bool      // quit was asked: a program not yet started must not start
	reason   endReason // why it ended; endGone until something else says
	ended    bool
}

type recordKey struct{}

// end records why the session ends; the first reason given wins.
func (r *record) end(why endReason) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.ended {
		r.reason, r.ended = why, true
	}
}

func (r *record) why() endReason {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.ended {
		return endGone
	}
	return r.reason
}

// setProgram records the session's program; false means the session is
// stopping and the program must not start.
func (r *record) setProgram(p *tea.Program) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.p = p
	return !r.stopping
}

// quit asks the session's program to quit (it restores the terminal), and
// a program not started yet not to start. It blocks until the program
// takes the message: call it on a goroutine of its own.
func (r *record) quit() {
	r.mu.Lock()
	r.stopping = true
	p := r.p
	r.mu.Unlock()
	if p != nil {
		p.Quit()
	}
}

// gate runs first for every session: it ends the handshake timeout, turns
// away clients without a terminal and those over the limit, keeps count,
// and tells the client, once the program has given back its terminal, why
// the session ended.
func (s *Server) gate(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if c, ok := sess.Context().Value(connKey{}).(*deadlineConn); ok {
			c.started()
			defer c.ended()
		}
		if _, _, ok := sess.Pty(); !ok {
			fmt.Fprintln(sess.Stderr(), NeedTerminal)
			_ = sess.Exit(1)
			return
		}
		r, refusal := s.admit()
		if r == nil {
			fmt.Fprintln(sess, refusal)
			_ = sess.Exit(1)
			return
		}
		defer s.leave(r)
		sess.Context().SetValue(recordKey{}, r)
		next(sess)
		if sess.Context().Err() != nil {
			r.end(endGone) // the client left
		} else {
			r.end(endQuit) // unless something said otherwise first
		}
		switch r.why() {
		case endShutdown:
			fmt.Fprintln(sess, Goodbye)
		case endIdle:
			fmt.Fprintln(sess, IdleClosed)
		case endPanic:
			fmt.Fprintln(sess, Crashed)
		}
	}
}

// admit makes a record for a new session, or says why there is none.
func (s *Server) admit() (*record, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closing:
		return nil, Goodbye
	case len(s.sessions) >= s.limits.MaxSessions:
		s.log.Warn("a session was turned away: every screen is busy", "sessions", len(s.sessions), "max", s.limits.MaxSessions)
		return nil, Busy
	}
	r := &record{started: s.now()}
	s.sessions[r] = struct{}{}
	s.running.Add(1)
	s.log.Info("session started", "sessions", len(s.sessions))
	return r, ""
}

func (s *Server) leave(r *record) {
	s.mu.Lock()
	delete(s.sessions, r)
	n := len(s.sessions)
	s.mu.Unlock()
	s.log.Info("session ended", "how", r.why().String(),
		"minutes", int(s.now().Sub(r.started).Minutes()), "sessions", n)
	s.running.Done()
}

// program builds the session's program, for wish's bubbletea middleware,
// which runs it, sends it window changes and quits it when the client
// goes. nil means no program (the server is stopping, or the model could
// not be built).
func (s *Server) program(sess ssh.Session) (p *tea.Program) {
	r, _ := sess.Context().Value(recordKey{}).(*record)
	if r == nil {
		return nil
	}
	pty, _, _ := sess.Pty()
	env := environ(sess.Environ())
	profile := profileOf(env)
	// Made from the session: the client's colours, never the server's
	// stdout. (bm.MakeRenderer would also ask the client's terminal for
	// its background, which takes up to a second on a quiet client and
	// reads the session's input before the program does; the theme is
	// configured, so there is nothing to ask.)
	lr := lipgloss.NewRenderer(sess, termenv.WithEnvironment(env), termenv.WithUnsafe(), termenv.WithProfile(profile))
	lim := s.current()
	m := &sessionModel{
		log:       s.log,
		rec:       r,
		idleAfter: lim.IdleDisconnect,
		anyIdle:   lim.Reader,
		now:       s.now,
		lastInput: s.now(),
	}
	info := Session{
		Renderer: lr,
		Profile:  profile,
		Width:    min(max(pty.Window.Width, 0), MaxWidth),
		Height:   min(max(pty.Window.Height, 0), MaxHeight),
	}
	if !m.guard(func() { m.inner = lim.NewModel(info) }) {
		return nil
	}
	opts := append(bm.MakeOptions(sess),
		tea.WithAltScreen(),
		tea.WithMouseCellMotion(),
		tea.WithFPS(fps),
		// Signals are the server's: bubbletea's handler would quit every
		// session on one SIGINT.
		tea.WithoutSignalHandler(),
	)
	p = tea.NewProgram(m, append(opts, s.extra...)...)
	if !r.setProgram(p) {
		return nil
	}
	return p
}

// environ is a client's environment as termenv reads it.
type environ []string

func (e environ) Environ() []string { return e }

func (e environ) Getenv(k string) string {
	for _, v := range e {
		if strings.HasPrefix(v, k+"=") {
			return v[len(k)+1:]
		}
	}
	return ""
}

// profileOf decides a client's colours from what its ssh sent: TERM (in
// the pty request), and COLORTERM and NO_COLOR if it sends them.
func profileOf(env environ) termenv.Profile {
	term := env.Getenv("TERM")
	switch {
	case env.Getenv("NO_COLOR") != "", term == "", term == "dumb":
		return termenv.Ascii
	}
	switch strings.ToLower(env.Getenv("COLORTERM")) {
	case "truecolor", "24bit":
		return termenv.TrueColor
	}
	if term == "linux" || term == "vt100" || term == "vt220" {
		return termenv.ANSI // a console: 8 or 16 colours
	}
	return termenv.ANSI256
}
