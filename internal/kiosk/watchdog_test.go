//go:build unix

package kiosk

import (
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// fakeSystemd listens where NOTIFY_SOCKET points, as systemd does, and
// sets WATCHDOG_USEC for this process.
func fakeSystemd(t *testing.T, period time.Duration) *net.UnixConn {
	t.Helper()
	dir, err := os.MkdirTemp("", "sd") // a socket path must be short
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "notify")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Skip("no unix datagram sockets:", err)
	}
	t.Cleanup(func() { conn.Close() })
	t.Setenv("NOTIFY_SOCKET", path)
	t.Setenv("WATCHDOG_USEC", strconv.FormatInt(period.Microseconds(), 10))
	t.Setenv("WATCHDOG_PID", strconv.Itoa(os.Getpid()))
	return conn
}

// next reads the next datagram, or "" when none comes within d.
func next(conn *net.UnixConn, d time.Duration) string {
	buf := make([]byte, 256)
	_ = conn.SetReadDeadline(time.Now().Add(d))
	n, err := conn.Read(buf)
	if err != nil {
		return ""
	}
	return string(buf[:n])
}

func TestNewWatchdogFollowsSystemd(t *testing.T) {
	if w := NewWatchdog(nil); w != nil {
		t.Fatalf("outside systemd there is no watchdog, got one every %v", w.Every())
	}
	conn := fakeSystemd(t, 30*time.Second)
	w := NewWatchdog(nil)
	if w == nil || w.Every() != 15*time.Second {
		t.Fatalf("WatchdogSec=30s: want a notification every 15s, got %+v", w)
	}
	w.Ready()
	if got := next(conn, 5*time.Second); got != "READY=1" {
		t.Errorf("Ready sent %q", got)
	}
	t.Setenv("WATCHDOG_PID", "1") // the watchdog is for another process
	if w := NewWatchdog(nil); w != nil {
		t.Errorf("WATCHDOG_PID of another process: want no watchdog")
	}
}

// blocker is an app whose Update can be made to hang, as a stuck UI loop.
type blocker struct {
	entered chan struct{}
	release chan struct{}
}

type hangMsg struct{}

func (b blocker) Init() tea.Cmd { return nil }
func (b blocker) View() string  { return "" }
func (b blocker) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(hangMsg); ok {
		close(b.entered)
		<-b.release
	}
	return b, nil
}

// The notifications come from the event loop: while Update hangs, none
// reach systemd (so it restarts the kiosk); when the loop runs again, they
// resume.
func TestWatchdogIsFedFromTheUILoop(t *testing.T) {
	conn := fakeSystemd(t, 40*time.Millisecond)
	w := NewWatchdog(nil)
	if w == nil {
		t.Fatal("no watchdog")
	}
	b := blocker{entered: make(chan struct{}), release: make(chan struct{})}
	p := tea.NewProgram(w.Wrap(b), tea.WithInput(nil), tea.WithOutput(io.Discard),
		tea.WithoutRenderer(), tea.WithoutSignalHandler())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()

	for i := range 3 {
		if got := next(conn, 10*time.Second); got != "WATCHDOG=1" {
			t.Fatalf("notification %d: got %q, want WATCHDOG=1", i, got)
		}
	}
	p.Send(hangMsg{})
	<-b.entered
	for next(conn, time.Millisecond) != "" { // sent before the loop hung
	}
	if got := next(conn, 10*w.Every()); got != "" {
		t.Errorf("the UI loop hangs, but systemd was told %q", got)
	}
	close(b.release)
	if got := next(conn, 10*time.Second); got != "WATCHDOG=1" {
		t.Errorf("after the loop runs again: got %q, want WATCHDOG=1", got)
	}
	p.Quit()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestWatchdogLogsABrokenSocketOnce(t *testing.T) {
	var buf strings.Builder
	fail := true
	w := &Watchdog{every: time.Second, log: slog.New(slog.NewTextHandler(&buf, nil)),
		notify: func(string) error {
			if fail {
				return errors.New("connect: no such file or directory")
			}
			return nil
		}}
	for range 5 {
		w.send("WATCHDOG=1")
	}
	fail = false
	w.send("WATCHDOG=1")
	if n := strings.Count(buf.String(), "notify failed"); n != 1 || !strings.Contains(buf.String(), "works again") {
		t.Errorf("want one failure line and one recovery line:\n%s", buf.String())
	}
}
