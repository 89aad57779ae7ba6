//go:build !windows

package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
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

// probe is a tiny model for what the guide cannot show: it prints its
// size and the keys it got, panics on "X" (in a command on "C"), suspends on "z", quits on "q"
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
		case "C": // in a command, on a goroutine of bubbletea's
			return p, tea.Batch(nil, func() tea.Msg { panic("probe: panic in a command") })
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
