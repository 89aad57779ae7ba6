//go:build !windows

package serve

import (
	"bytes"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/skinguide/skinguide/internal/serve/servetest"
	"github.com/skinguide/skinguide/internal/termtest"
)

func TestNoPtyGetsOneLine(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe}})
	client, err := servetest.Dial(t, srv.addr, "anyone")
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	sess.Stdout, sess.Stderr = &stdout, &stderr
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	err = sess.Wait()
	if ee, ok := err.(*gossh.ExitError); !ok || ee.ExitStatus() != 1 {
		t.Errorf("exit: got %v, want status 1", err)
	}
	if got, want := stderr.String(), NeedTerminal+"\n"; got != want {
		t.Errorf("stderr: got %q, want %q", got, want)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout: got %q, want nothing", stdout.String())
	}
}

// Only a shell with a pty is served: exec, subsystems (sftp), port
// forwarding both ways, agent and X11 forwarding are all refused.
func TestOnlyTheGuideIsServed(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe}})
	client, err := servetest.Dial(t, srv.addr, "root")
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	t.Run("exec", func(t *testing.T) {
		sess, _ := client.NewSession()
		defer sess.Close()
		if out, err := sess.CombinedOutput("cat /etc/passwd"); err == nil {
			t.Errorf("exec ran: %q", out)
		}
	})
	t.Run("exec with a pty", func(t *testing.T) {
		sess, _ := client.NewSession()
		defer sess.Close()
		if err := sess.RequestPty("xterm", 24, 80, nil); err != nil {
			t.Fatal(err)
		}
		if err := sess.Start("sh"); err == nil {
			t.Error("exec with a pty was accepted")
		}
	})
	t.Run("sftp subsystem", func(t *testing.T) {
		sess, _ := client.NewSession()
		defer sess.Close()
		if err := sess.RequestSubsystem("sftp"); err == nil {
			t.Error("the sftp subsystem was accepted")
		}
	})
	t.Run("local forwarding", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		if c, err := client.Dial("tcp", ln.Addr().String()); err == nil {
			c.Close()
			t.Error("direct-tcpip (ssh -L) was accepted")
		}
	})
	t.Run("remote forwarding", func(t *testing.T) {
		if ln, err := client.Listen("tcp", "127.0.0.1:0"); err == nil {
			ln.Close()
			t.Error("tcpip-forward (ssh -R) was accepted")
		}
	})
	t.Run("agent forwarding", func(t *testing.T) {
		sess, _ := client.NewSession()
		defer sess.Close()
		if err := agent.RequestAgentForwarding(sess); err == nil {
			t.Error("agent forwarding was accepted")
		}
	})
	t.Run("x11 forwarding", func(t *testing.T) {
		sess, _ := client.NewSession()
		defer sess.Close()
		payload := gossh.Marshal(struct {
			Single           bool
			Protocol, Cookie string
			Screen           uint32
		}{false, "MIT-MAGIC-COOKIE-1", "00", 0})
		if ok, err := sess.SendRequest("x11-req", true, payload); ok || err != nil {
			t.Errorf("x11-req: ok %v, err %v", ok, err)
		}
	})
}

func TestAnyUserNameGetsTheGuide(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe}})
	for _, user := range []string{"guide", "root", "ÿ", ""} {
		client, err := servetest.Dial(t, srv.addr, user)
		if err != nil {
			t.Fatalf("user %q: %v", user, err)
		}
		s, err := servetest.NewScreen(t, client, 80, 24)
		if err != nil {
			t.Fatal(err)
		}
		s.WaitFor("size 80x24")
		client.Close()
	}
}

func TestMaxSessions(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe, MaxSessions: 2}})
	a := servetest.Open(t, srv.addr, 80, 24)
	a.WaitFor("size 80x24")
	b := servetest.Open(t, srv.addr, 80, 24)
	b.WaitFor("size 80x24")

	c := servetest.Open(t, srv.addr, 80, 24)
	c.WaitFor(Busy)
	if got := c.WaitExit(); got != 1 {
		t.Errorf("busy exit status %d, want 1", got)
	}
	if got := c.LastLine(); got != Busy {
		t.Errorf("busy screen ends with %q", got)
	}

	a.Send("q")
	a.WaitExit()
	d := servetest.Open(t, srv.addr, 80, 24)
	d.WaitFor("size 80x24")
	if !strings.Contains(srv.logs.String(), "every screen is busy") {
		t.Errorf("the busy refusal was not logged:\n%s", srv.logs)
	}
}

// A client that connects and never finishes the handshake is dropped
// after the handshake timeout; so is one that logs in and never asks for
// a session. The timeout is long enough for a handshake under the race
// detector on a loaded machine (300 ms was not: a client that was slow,
// not idle, was dropped and the test failed), and the subtests wait it out
// side by side.
func TestSlowLorisDropped(t *testing.T) {
	const timeout = 2 * time.Second
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe}, HandshakeTimeout: timeout})

	// loris connects, says its version and then nothing; dropped reports
	// how long the server took to drop it.
	loris := func(t *testing.T) (dropped func() time.Duration) {
		conn, err := net.Dial("tcp", srv.addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		start := time.Now()
		_, _ = io.WriteString(conn, "SSH-2.0-slow\r\n")
		return func() time.Duration {
			_ = conn.SetReadDeadline(time.Now().Add(timeout + termtest.Deadline))
			if _, err := io.Copy(io.Discard, conn); err != nil { // the server's version and kex, then EOF
				t.Fatalf("the server did not drop the connection: %v", err)
			}
			return time.Since(start)
		}
	}

	t.Run("never finishes the handshake", func(t *testing.T) {
		t.Parallel()
		t.Logf("dropped after %v", loris(t)().Round(time.Millisecond))
	})
	t.Run("logs in and never asks for a session", func(t *testing.T) {
		t.Parallel()
		client, err := servetest.Dial(t, srv.addr, "idle")
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- client.Wait() }()
		select {
		case <-done:
		case <-time.After(timeout + termtest.Deadline):
			client.Close()
			t.Fatal("the server kept a connection without a session")
		}
	})
	t.Run("a session started in time stays", func(t *testing.T) {
		t.Parallel()
		s := servetest.Open(t, srv.addr, 80, 24)
		s.WaitFor("size 80x24")
		// A connection made after the session's is dropped once its own
		// deadline passes: by then the session's deadline has passed too,
		// and had it not been lifted the session would be gone.
		loris(t)()
		s.Send("k")
		s.WaitFor("keys [k]")
	})
}

// A panic ends its own session, with the terminal restored and the stack
// logged, and no other.
func TestPanicEndsOneSession(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe}})
	a := servetest.Open(t, srv.addr, 80, 24)
	b := servetest.Open(t, srv.addr, 80, 24)
	a.WaitFor("size 80x24")
	b.WaitFor("size 80x24")

	a.Send("secret")
	a.WaitFor("keys [secret]")
	a.Send("X")
	a.WaitFor(Crashed)
	a.WaitExit()
	if left := a.Restored(); len(left) > 0 {
		t.Errorf("after the panic the terminal still has: %v", left)
	}
	if got := a.LastLine(); got != Crashed {
		t.Errorf("the panicked session ends with %q", got)
	}

	b.Send("ok")
	b.WaitFor("keys [ok]")
	if srv.Sessions() != 1 {
		t.Errorf("%d sessions left, want 1", srv.Sessions())
	}
	logs := srv.logs.String()
	if !strings.Contains(logs, "probe: forced panic") || !strings.Contains(logs, "serve.(*probe).Update") {
		t.Errorf("the panic and its stack are not in the log:\n%s", logs)
	}
	if strings.Contains(logs, "secret") {
		t.Errorf("the log holds what a session typed:\n%s", logs)
	}
}

// A panic in a command, which bubbletea runs on a goroutine of its own
// where nothing else could catch it, also ends only its session.
func TestPanicInCommandEndsOneSession(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe}})
	a := servetest.Open(t, srv.addr, 80, 24)
	b := servetest.Open(t, srv.addr, 80, 24)
	a.WaitFor("size 80x24")
	b.WaitFor("size 80x24")
	a.Send("C")
	a.WaitFor(Crashed)
	a.WaitExit()
	if left := a.Restored(); len(left) > 0 {
		t.Errorf("after the panic the terminal still has: %v", left)
	}
	b.Send("ok")
	b.WaitFor("keys [ok]")
	if !strings.Contains(srv.logs.String(), "probe: panic in a command") {
		t.Errorf("the panic is not in the log:\n%s", srv.logs)
	}
}

// Shutdown (what SIGTERM does) says goodbye to every session, after
// giving its terminal back.
func TestShutdownRestoresEveryTerminal(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe}})
	var screens []*servetest.Screen
	for i := range 3 {
		s := servetest.Open(t, srv.addr, 60+i, 20)
		s.WaitFor("size")
		screens = append(screens, s)
	}
	if on := screens[0].Restored(); len(on) < 3 {
		t.Fatalf("a running session should have the alternate screen, hidden cursor and mouse on; got %v", on)
	}
	if err := srv.Shutdown(t.Context()); err != nil {
		t.Fatal(err)
	}
	for i, s := range screens {
		if got := s.WaitExit(); got != 0 {
			t.Errorf("session %d: exit status %d, want 0", i, got)
		}
		if left := s.Restored(); len(left) > 0 {
			t.Errorf("session %d: the terminal still has %v", i, left)
		}
		if got := s.LastLine(); got != Goodbye {
			t.Errorf("session %d ends with %q, want %q", i, got, Goodbye)
		}
	}
	if _, err := servetest.Dial(t, srv.addr, "late"); err == nil {
		t.Error("a connection was accepted after Shutdown")
	}
}

func TestWindowSizesClamped(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe}})
	s := servetest.Open(t, srv.addr, 80, 24)
	s.WaitFor("size 80x24")
	if err := s.WindowChange(100000, 100000); err != nil {
		t.Fatal(err)
	}
	s.WaitFor("size 500x200")
	if err := s.WindowChange(0, 3); err != nil {
		t.Fatal(err)
	}
	s.WaitFor("size 0x3")
	s.Resize(100, 30)
	s.WaitFor("size 100x30")
}

func TestIdleDisconnect(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe, IdleDisconnect: 300 * time.Millisecond}})
	idle := servetest.Open(t, srv.addr, 80, 24)
	used := servetest.Open(t, srv.addr, 80, 24)
	used.WaitFor("size")
	used.Send("a") // off the attract screen: never idle-disconnected in kiosk mode

	used.WaitFor("keys [a]")

	idle.WaitFor(IdleClosed)
	idle.WaitExit()
	if left := idle.Restored(); len(left) > 0 {
		t.Errorf("the terminal still has %v", left)
	}
	// A session opened after the key is closed once it has been idle the
	// whole time: by then "used" has had no key for that long either.
	later := servetest.Open(t, srv.addr, 80, 24)
	later.WaitFor(IdleClosed)
	used.Send("b")
	used.WaitFor("keys [ab]")
}

func TestReaderIdleDisconnect(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe, IdleDisconnect: 300 * time.Millisecond, Reader: true}})
	s := servetest.Open(t, srv.addr, 80, 24)
	s.WaitFor("size")
	s.Send("a")
	s.WaitFor(IdleClosed)
}

func TestAuthorizedKeys(t *testing.T) {
	allowed, other := newClientKey(t), newClientKey(t)
	keys := filepath.Join(t.TempDir(), "authorized_keys")
	line := "# the clinic's screens\n" + string(gossh.MarshalAuthorizedKey(allowed.PublicKey()))
	if err := os.WriteFile(keys, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe, AuthorizedKeys: keys}})

	client, err := servetest.Dial(t, srv.addr, "screen1", gossh.PublicKeys(allowed))
	if err != nil {
		t.Fatalf("an authorized key was refused: %v", err)
	}
	s, err := servetest.NewScreen(t, client, 80, 24)
	if err != nil {
		t.Fatal(err)
	}
	s.WaitFor("size 80x24")

	if c, err := servetest.Dial(t, srv.addr, "screen1", gossh.PublicKeys(other)); err == nil {
		c.Close()
		t.Error("another key was let in")
	}
	if c, err := servetest.Dial(t, srv.addr, "screen1"); err == nil {
		c.Close()
		t.Error("a client without a key was let in")
	}
}

func TestBadAuthorizedKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "authorized_keys")
	for doc, want := range map[string]string{
		"ssh-ed25519 notbase64 x\n": path + ":1: not a public key",
		"# nothing\n":               "has no keys",
	} {
		_ = os.WriteFile(path, []byte(doc), 0o600)
		err := checkAuthorizedKeys(path)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", doc, err, want)
		}
	}
	if err := checkAuthorizedKeys(path + ".missing"); err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("missing file: %v", err)
	}
}

func TestHostKeyMadeOnceAndReused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "host_key")
	first, created, err := HostKey(path)
	if err != nil || !created {
		t.Fatalf("first start: created %v, err %v", created, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", info.Mode().Perm())
	}
	if dir, _ := os.Stat(filepath.Dir(path)); dir.Mode().Perm() != 0o700 {
		t.Errorf("key folder mode %v, want 0700", dir.Mode().Perm())
	}
	if first.PublicKey().Type() != gossh.KeyAlgoED25519 {
		t.Errorf("key type %s", first.PublicKey().Type())
	}
	again, created, err := HostKey(path)
	if err != nil || created {
		t.Fatalf("second start: created %v, err %v", created, err)
	}
	if !bytes.Equal(first.PublicKey().Marshal(), again.PublicKey().Marshal()) {
		t.Error("the host key changed between starts")
	}
	_ = os.WriteFile(path, []byte("not a key"), 0o600)
	if _, _, err := HostKey(path); err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("a bad key file: %v", err)
	}
}

// A suspend would stop the whole server (bubbletea sends SIGTSTP to the
// process group), so a session's commands never deliver one. Tested on
// the wrapper rather than end to end, where a failure would stop the test
// process itself.
func TestSuspendNeverReachesBubbletea(t *testing.T) {
	m := &sessionModel{rec: &record{}}
	if msg := m.wrap(tea.Suspend)(); msg != nil {
		t.Errorf("tea.Suspend gave %T", msg)
	}
	batch := m.wrap(tea.Batch(tea.Suspend, func() tea.Msg { return "kept" }, tea.Suspend))
	msgs, ok := batch().(tea.BatchMsg)
	if !ok {
		t.Fatalf("a batch gave %T", batch())
	}
	var got []tea.Msg
	for _, c := range msgs {
		if c != nil {
			got = append(got, c())
		}
	}
	if len(got) != 3 || got[0] != nil || got[1] != "kept" || got[2] != nil {
		t.Errorf("batch gave %v", got)
	}
}

func TestProfileFromClient(t *testing.T) {
	for _, tt := range []struct {
		env  []string
		want string
	}{
		{[]string{"TERM=xterm-256color"}, "ANSI256"},
		{[]string{"TERM=xterm-256color", "COLORTERM=truecolor"}, "TrueColor"},
		{[]string{"TERM=linux"}, "ANSI"},
		{[]string{"TERM=xterm", "NO_COLOR=1"}, "Ascii"},
		{[]string{"TERM=dumb"}, "Ascii"},
		{nil, "Ascii"},
	} {
		if got := profileName(profileOf(environ(tt.env))); got != tt.want {
			t.Errorf("%v: got %s, want %s", tt.env, got, tt.want)
		}
	}
}

// A server runs for months: sessions that come and go leave nothing
// running behind them.
func TestSessionsLeaveNothingBehind(t *testing.T) {
	srv := startServer(t, Options{Limits: Limits{NewModel: newProbe}, HandshakeTimeout: 500 * time.Millisecond})
	warm := servetest.Open(t, srv.addr, 80, 24)
	warm.WaitFor("size")
	warm.Send("q")
	warm.WaitExit()
	warm.Close()
	warm.WaitUntil(t, "the warm-up session gone from the server", func() bool {
		return srv.Sessions() == 0 && srv.openConns() == 0
	})
	before := runtime.NumGoroutine()
	for i := range 20 {
		s := servetest.Open(t, srv.addr, 80, 24)
		s.WaitFor("size")
		if i%2 == 0 {
			s.Send("q") // the session ends itself; the client lingers
			s.WaitExit()
		} else {
			s.Close() // the client goes away
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for srv.Sessions() > 0 || srv.openConns() > 0 || runtime.NumGoroutine() > before+2 {
		if time.Now().After(deadline) {
			t.Fatalf("after 20 sessions: %d sessions, %d connections, %d goroutines (were %d)",
				srv.Sessions(), srv.openConns(), runtime.NumGoroutine(), before)
		}
		time.Sleep(20 * time.Millisecond) // polled: the counts have no way to say they changed
	}
}
