package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"
)

// testServer is a server on a loopback port, stopped when the test ends.
type testServer struct {
	*Server
	addr string
	logs *syncBuffer
}

// syncBuffer is a log sink tests can read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServer serves newModel on 127.0.0.1 with a fresh host key.
func startServer(tb testing.TB, opts Options) *testServer {
	tb.Helper()
	if opts.HostKey == nil {
		signer, _, err := HostKey(tb.TempDir() + "/host_key")
		if err != nil {
			tb.Fatal(err)
		}
		opts.HostKey = signer
	}
	logs := &syncBuffer{}
	if opts.Log == nil {
		opts.Log = slog.New(slog.NewTextHandler(logs, nil))
	}
	srv, err := New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		if err := <-done; err != nil {
			tb.Errorf("Serve: %v", err)
		}
	})
	return &testServer{Server: srv, addr: ln.Addr().String(), logs: logs}
}

// dial connects as user with the given auth methods (none: no auth at all).
func dial(tb testing.TB, addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	tb.Helper()
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         10 * time.Second,
	})
}

// screen is one client terminal: an SSH session with a pty whose output
// goes through a terminal emulator, as a person would see it.
type screen struct {
	tb     testing.TB
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser

	mu      sync.Mutex
	emu     *vt.Emulator
	modes   map[string]bool // terminal modes the server turned on, by name
	alt     bool
	hidden  bool // cursor hidden
	bytes   int  // everything received
	changed chan struct{}
	exited  chan error
}

// openScreen connects and opens a w x h terminal running the guide.
func openScreen(tb testing.TB, addr string, w, h int) *screen {
	tb.Helper()
	client, err := dial(tb, addr, "guide")
	if err != nil {
		tb.Fatal(err)
	}
	s, err := newScreen(tb, client, w, h)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func newScreen(tb testing.TB, client *gossh.Client, w, h int) (*screen, error) {
	sess, err := client.NewSession()
	if err != nil {
		client.Close()
		return nil, err
	}
	s := &screen{
		tb: tb, client: client, sess: sess,
		emu:     vt.NewEmulator(w, h),
		modes:   map[string]bool{},
		changed: make(chan struct{}, 1),
		exited:  make(chan error, 1),
	}
	s.emu.SetCallbacks(vt.Callbacks{
		AltScreen:        func(on bool) { s.alt = on },
		CursorVisibility: func(visible bool) { s.hidden = !visible },
		EnableMode:       func(m ansi.Mode) { s.modes[modeName(m)] = true },
		DisableMode:      func(m ansi.Mode) { delete(s.modes, modeName(m)) },
	})
	go io.Copy(io.Discard, s.emu) // the emulator's answers to queries
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		client.Close()
		return nil, err
	}
	s.stdin, _ = sess.StdinPipe()
	sess.Stdout = s
	sess.Stderr = s
	if err := sess.Shell(); err != nil {
		client.Close()
		return nil, err
	}
	go func() { s.exited <- sess.Wait() }()
	tb.Cleanup(func() { client.Close() })
	return s, nil
}

func modeName(m ansi.Mode) string { return fmt.Sprintf("%T(%d)", m, m.Mode()) }

// Write takes what the server sent.
func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.bytes += len(p)
	_, _ = s.emu.Write(p)
	s.mu.Unlock()
	select {
	case s.changed <- struct{}{}:
	default:
	}
	return len(p), nil
}

// text is the screen as plain text, one line per row, trailing spaces cut.
func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	lines := strings.Split(s.emu.String(), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

func (s *screen) received() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bytes
}

// waitFor waits until the screen shows every one of want.
func (s *screen) waitFor(want ...string) {
	s.tb.Helper()
	if err := s.waitWithin(10*time.Second, want...); err != nil {
		s.tb.Fatal(err)
	}
}

func (s *screen) waitWithin(d time.Duration, want ...string) error {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	for {
		text := s.text()
		missing := ""
		for _, w := range want {
			if !strings.Contains(text, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return nil
		}
		select {
		case <-s.changed:
		case <-deadline.C:
			return fmt.Errorf("the screen never showed %q within %v; it showed:\n%s", missing, d, text)
		}
	}
}

// send types keys as the client's terminal sends them.
func (s *screen) send(keys string) {
	s.tb.Helper()
	if _, err := io.WriteString(s.stdin, keys); err != nil {
		s.tb.Fatalf("send %q: %v", keys, err)
	}
}

// resize changes the window, as a client's terminal does.
func (s *screen) resize(w, h int) {
	s.tb.Helper()
	s.mu.Lock()
	s.emu.Resize(w, h)
	s.mu.Unlock()
	if err := s.sess.WindowChange(h, w); err != nil {
		s.tb.Fatalf("window change: %v", err)
	}
}

// waitExit waits for the server to end the session and returns its exit
// status (-1 without one).
func (s *screen) waitExit() int {
	s.tb.Helper()
	select {
	case err := <-s.exited:
		if err == nil {
			return 0
		}
		if ee, ok := err.(*gossh.ExitError); ok {
			return ee.ExitStatus()
		}
		return -1
	case <-time.After(10 * time.Second):
		s.tb.Fatalf("the session did not end; the screen shows:\n%s", s.text())
		return -1
	}
}

// restored reports what is still changed in the client's terminal: the
// alternate screen, a hidden cursor, mouse reporting, bracketed paste.
func (s *screen) restored() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var left []string
	if s.alt {
		left = append(left, "alternate screen")
	}
	if s.hidden {
		left = append(left, "hidden cursor")
	}
	for m := range s.modes {
		switch m {
		case modeName(ansi.ModeMouseButtonEvent), modeName(ansi.ModeMouseNormal),
			modeName(ansi.ModeMouseAnyEvent), modeName(ansi.ModeMouseExtSgr), modeName(ansi.ModeBracketedPaste):
			left = append(left, m)
		}
	}
	return left
}

// lastLine is the last line of the screen with text on it.
func (s *screen) lastLine() string {
	lines := strings.Split(s.text(), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// probe is a tiny model for what the guide cannot show: it prints its
// size and the keys it got, panics on "X", suspends on "z", quits on "q"
// and says it is on its attract screen until a key comes.
type probe struct {
	w, h    int
	keys    string
	touched bool
}

func (p *probe) Init() tea.Cmd { return nil }

func (p *probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.w, p.h = msg.Width, msg.Height
	case tea.KeyMsg:
		p.touched = true
		switch msg.String() {
		case "X":
			panic("probe: forced panic")
		case "z":
			return p, tea.Suspend
		case "q":
			return p, tea.Quit
		}
		p.keys += msg.String()
	}
	return p, nil
}

func (p *probe) View() string { return fmt.Sprintf("size %dx%d keys [%s]", p.w, p.h, p.keys) }

func (p *probe) Attract() bool { return !p.touched }

func newProbe(Session) tea.Model { return &probe{} }

func newClientKey(tb testing.TB) gossh.Signer {
	tb.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func profileName(p termenv.Profile) string {
	return [...]string{"TrueColor", "ANSI256", "ANSI", "Ascii"}[p]
}
