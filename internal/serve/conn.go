//go:build !windows

package serve

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

type connKey struct{}

// extraConns is how many connections beyond MaxSessions may be open at
// once (handshaking, or about to be told Busy); more are closed at once.
const extraConns = 16

// onConnect counts a new connection and gives it the handshake deadline:
// a client that has not started its session within the timeout (a
// slow-loris that never finishes the handshake, or one that never asks
// for a shell) is dropped.
func (s *Server) onConnect(ctx ssh.Context, conn net.Conn) net.Conn {
	s.mu.Lock()
	if s.closing || s.conns >= s.limits.MaxSessions+extraConns {
		s.mu.Unlock()
		s.log.Warn("a connection was closed at once: too many open", "max", s.limits.MaxSessions+extraConns)
		return nil
	}
	s.conns++
	s.mu.Unlock()
	c := &deadlineConn{Conn: conn, timeout: s.timeout, now: s.now, closed: func() {
		s.mu.Lock()
		s.conns--
		s.mu.Unlock()
	}}
	_ = conn.SetDeadline(s.now().Add(s.timeout))
	ctx.SetValue(connKey{}, c)
	return c
}

// deadlineConn holds the deadline of a connection without a session: a
// client must start a session within the handshake timeout of connecting,
// and a connection whose sessions have all ended is dropped the same time
// later (ssh closes it at once; a client that lingers holds a slot). The
// SSH server sets deadlines on every read and write (for idle timeouts
// this server does not use), which would lift it: those calls are ignored.
type deadlineConn struct {
	net.Conn
	once    sync.Once
	closed  func()
	timeout time.Duration
	now     func() time.Time

	mu       sync.Mutex
	sessions int
}

func (c *deadlineConn) SetDeadline(time.Time) error      { return nil }
func (c *deadlineConn) SetReadDeadline(time.Time) error  { return nil }
func (c *deadlineConn) SetWriteDeadline(time.Time) error { return nil }

// started lifts the deadline: a session runs.
func (c *deadlineConn) started() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sessions++
	_ = c.Conn.SetDeadline(time.Time{})
}

// ended sets the deadline again when no session is left.
func (c *deadlineConn) ended() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sessions--; c.sessions == 0 {
		_ = c.Conn.SetDeadline(c.now().Add(c.timeout))
	}
}

func (c *deadlineConn) Close() error {
	c.once.Do(c.closed)
	return c.Conn.Close()
}

// sessionOnly is the one channel type served, "session", without agent or
// X11 forwarding (the SSH library would accept an agent request).
func sessionOnly(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	ssh.DefaultSessionHandler(srv, conn, noForwarding{nc}, ctx)
}

type noForwarding struct{ gossh.NewChannel }

func (n noForwarding) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := n.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for r := range reqs {
			switch r.Type {
			case "auth-agent-req@openssh.com", "x11-req":
				if r.WantReply {
					_ = r.Reply(false, nil)
				}
				continue
			}
			out <- r
		}
	}()
	return ch, out, nil
}

// checkKey lets a client in: anyone when there is no authorized_keys file,
// else the keys in it. The file is read at every login.
func (s *Server) checkKey(_ ssh.Context, key ssh.PublicKey) bool {
	path := s.current().AuthorizedKeys
	if path == "" {
		return true
	}
	keys, err := authorizedKeys(path)
	if err != nil {
		s.log.Error("cannot read the authorized keys; nobody can log in", "err", err)
		return false
	}
	for _, k := range keys {
		if ssh.KeysEqual(k, key) {
			return true
		}
	}
	return false
}

// checkAuthorizedKeys says in one line what is wrong with an
// authorized_keys file, if anything.
func checkAuthorizedKeys(path string) error {
	if path == "" {
		return nil
	}
	keys, err := authorizedKeys(path)
	if err != nil {
		return err
	}
	if len(keys) == 0 {
		return fmt.Errorf("%s: has no keys, so nobody could connect", path)
	}
	return nil
}

// authorizedKeys reads the keys of an OpenSSH authorized_keys file.
func authorizedKeys(path string) ([]ssh.PublicKey, error) {
	b, err := readSmall(path)
	if err != nil {
		var pe interface{ Unwrap() error }
		if errors.As(err, &pe) {
			err = pe.Unwrap()
		}
		return nil, fmt.Errorf("authorized keys %s: %v", path, err)
	}
	var keys []ssh.PublicKey
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, maxKeyFile)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a public key (use lines like those of ~/.ssh/authorized_keys)", path, n)
		}
		keys = append(keys, k)
	}
	return keys, nil
}
