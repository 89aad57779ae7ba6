//go:build !windows

package cli

import (
	"bufio"
	"bytes"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/skinguide/skinguide/internal/config"
	"github.com/skinguide/skinguide/internal/serve"
	"github.com/skinguide/skinguide/internal/serve/servetest"
	"github.com/skinguide/skinguide/internal/termtest"
	gossh "golang.org/x/crypto/ssh"
)

// lockedBuffer collects a process's or a logger's output for a test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeCommand runs the real binary: the host key is made on first
// start (0600) and reused on the next, two clients get two independent
// sessions, and SIGTERM says goodbye to each with its terminal restored,
// then exits 0.
func TestServeCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	t.Parallel() // mostly waiting on the binary: the waits overlap
	bin := buildBinary(t)
	key := filepath.Join(t.TempDir(), "keys", "host_key")

	start := func() (*exec.Cmd, string, *lockedBuffer) {
		return startServe(t, bin, nil, "--host-key", key, "--clinic-name", "Riverside Skin Clinic")
	}

	cmd, addr, logs := start()
	info, err := os.Stat(key)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("host key: %v, %v", info, err)
	}
	a := servetest.Open(t, addr, 80, 24)
	b := servetest.Open(t, addr, 100, 30)
	a.WaitFor("Riverside Skin Clinic", "Learn about microneedling")
	b.WaitFor("Riverside Skin Clinic", "Learn about microneedling")
	a.Send("2")
	a.WaitFor("Day 0")
	b.Send("3")
	b.WaitFor("Emergency")

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]*servetest.Screen{"a": a, "b": b} {
		if got := s.WaitExit(); got != 0 {
			t.Errorf("%s: session exit status %d", name, got)
		}
		if left := s.Restored(); len(left) > 0 {
			t.Errorf("%s: the terminal still has %v", name, left)
		}
		if got := s.LastLine(); got != serve.Goodbye {
			t.Errorf("%s: the screen ends with %q", name, got)
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve exit: %v, want status 0\n%s", err, logs)
	}
	for _, private := range []string{"Day 0", "Emergency", "guide@"} {
		if strings.Contains(logs.String(), private) {
			t.Errorf("the log tells what a session did (%q):\n%s", private, logs)
		}
	}

	// The next start reuses the key.
	first, _, err := serve.HostKey(key)
	if err != nil {
		t.Fatal(err)
	}
	cmd, addr, _ = start()
	var seen []byte
	client, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "guide",
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
			seen = k.Marshal()
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	client.Close()
	if !bytes.Equal(seen, first.PublicKey().Marshal()) {
		t.Error("the second start offered another host key")
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("second serve exit: %v", err)
	}
}

func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s has no %q", path, old)
	}
	if err := os.WriteFile(path, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeReload: a changed, valid content folder reaches new sessions at
// once, and a running kiosk session at its next idle reset; an invalid
// one (here with SIGHUP) is logged and ignored.
func TestServeReload(t *testing.T) {
	dir := copyContent(t)
	guideFile := filepath.Join(dir, "en", "guide.yaml")
	cfg := config.Default()
	cfg.Content = dir
	// Shorter than the config allows, to see an idle reset in a test.
	cfg.Idle, cfg.Warning = 1500*time.Millisecond, 500*time.Millisecond
	logs := &lockedBuffer{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	env := Env{Getenv: func(string) string { return "" }, Now: time.Now}
	base, err := guideOptions(env, cfg, "")
	if err != nil {
		t.Fatal(err)
	}
	app, err := newServedApp(cfg, base, log)
	if err != nil {
		t.Fatal(err)
	}
	signer, _, err := serve.HostKey(filepath.Join(t.TempDir(), "key"))
	if err != nil {
		t.Fatal(err)
	}
	srv, err := serve.New(serve.Options{Limits: app.limits(), HostKey: signer, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sigs := make(chan os.Signal, 1)
	stopped := make(chan error, 1)
	go func() { stopped <- serveUntil(srv, ln, sigs, func() { _ = app.reload(cfg, base) }, log) }()
	addr := ln.Addr().String()

	old := servetest.Open(t, addr, 80, 24)
	old.WaitFor("Plain answers about microneedling")

	// No SIGHUP needed: a new session looks at the folder.
	editFile(t, guideFile, "Plain answers about microneedling", "Clear and simple answers about microneedling")
	fresh := servetest.Open(t, addr, 80, 24)
	fresh.WaitFor("Clear and simple answers about microneedling")
	// The running session switches at its idle reset, not before.
	old.WaitFor("Clear and simple answers about microneedling")

	editFile(t, guideFile, "title: Your microneedling guide", "title: [broken")
	sigs <- syscall.SIGHUP
	waitForLog(t, logs, "has errors; keeping the content shown")
	third := servetest.Open(t, addr, 80, 24)
	third.WaitFor("Clear and simple answers about microneedling", "Your microneedling guide")

	sigs <- syscall.SIGTERM
	if err := <-stopped; err != nil {
		t.Fatal(err)
	}
	for _, s := range []*servetest.Screen{old, fresh, third} {
		s.WaitExit()
		if got := s.LastLine(); got != serve.Goodbye {
			t.Errorf("a session ends with %q", got)
		}
	}
}

func waitForLog(t *testing.T, logs *lockedBuffer, want string) {
	t.Helper()
	// Polled: a log has no way to say it changed. The deadline is the
	// screens' (a reload under the race detector on a loaded machine can
	// take seconds).
	deadline := time.Now().Add(termtest.Deadline)
	for !strings.Contains(logs.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("the log never said %q:\n%s", want, logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Every session shows one shared guide per content version: new sessions,
// and running ones at their idle reset, get the same value, never a copy
// (a copy would carry its own search index and rendered pages).
func TestServedSessionsShareOneGuide(t *testing.T) {
	dir := copyContent(t)
	cfg := config.Default()
	cfg.Content = dir
	base, err := guideOptions(Env{Getenv: func(string) string { return "" }, Now: time.Now}, cfg, "")
	if err != nil {
		t.Fatal(err)
	}
	app, err := newServedApp(cfg, base, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := app.shared()
	if again, _, _ := app.shared(); again != first || app.newest() != first {
		t.Fatal("an unchanged folder gave a second guide")
	}
	editFile(t, filepath.Join(dir, "en", "guide.yaml"), "Plain answers about microneedling", "Clear and simple answers about microneedling")
	newer := app.newest() // what a running session asks at its idle reset
	if newer == first {
		t.Fatal("a changed folder gave no new guide")
	}
	if fresh, _, _ := app.shared(); fresh != newer || app.newest() != newer {
		t.Error("new sessions and running ones got different guides for one version")
	}
}

// startServe runs `skinguide serve` on a free loopback port with args, and
// returns it, its address and its log once it says where it listens.
func startServe(t *testing.T, bin string, env []string, args ...string) (*exec.Cmd, string, *lockedBuffer) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--listen", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(withoutColorVars(os.Environ()), "XDG_CONFIG_HOME="+t.TempDir(), "SKINGUIDE_CONFIG=")
	cmd.Env = append(cmd.Env, env...)
	logs := &lockedBuffer{}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`msg=serving .*address=(\S+)`)
		for sc.Scan() {
			logs.Write(append(sc.Bytes(), '\n'))
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	select {
	case a := <-addr:
		return cmd, a, logs
	case <-time.After(20 * time.Second):
		t.Fatalf("serve never said where it listens:\n%s", logs)
	}
	return nil, "", nil
}

// SIGHUP reads the config file again: new sessions get the new settings,
// and a config with a mistake is logged and changes nothing.
func TestServeSIGHUPReadsConfig(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	t.Parallel() // mostly waiting on the binary: the waits overlap
	bin := buildBinary(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "config.toml")
	write := func(doc string) {
		if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("[clinic]\nname = \"Riverside Skin Clinic\"\n")
	cmd, addr, logs := startServe(t, bin, nil, "--config", file, "--host-key", filepath.Join(dir, "key"))
	before := servetest.Open(t, addr, 80, 24)
	before.WaitFor("Riverside Skin Clinic")

	write("[clinic]\nname = \"Hillside Skin Clinic\"\n")
	_ = cmd.Process.Signal(syscall.SIGHUP)
	waitForLog(t, logs, `msg="settings changed" keys=clinic`)
	after := servetest.Open(t, addr, 80, 24)
	after.WaitFor("Hillside Skin Clinic")

	write("[clinic]\nnmae = \"Typo Clinic\"\n")
	_ = cmd.Process.Signal(syscall.SIGHUP)
	waitForLog(t, logs, "nothing changed")
	if !strings.Contains(logs.String(), "clinic.nmae: unknown key") {
		t.Errorf("the log does not say what is wrong:\n%s", logs)
	}
	third := servetest.Open(t, addr, 80, 24)
	third.WaitFor("Hillside Skin Clinic")

	_ = cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve exit: %v\n%s", err, logs)
	}
}
