package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The reproductions of issue 12 for the config file.
func TestConfigFileHardening(t *testing.T) {
	t.Run("an unreadable default file is skipped, with the reason", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads every file")
		}
		home := t.TempDir()
		cfgDir := filepath.Join(home, ".config", "skinguide")
		if err := os.MkdirAll(cfgDir, 0o755); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(cfgDir, "config.toml")
		if err := os.WriteFile(file, []byte("[clinic]\nname = \"x\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(cfgDir, 0o000); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(cfgDir, 0o755) })
		c, err := resolve(flags(t), env("HOME", home), noSystem(t))
		if err != nil {
			t.Fatalf("an unreadable default file must not stop the command: %v", err)
		}
		if c.Source != "" || !strings.Contains(c.Skipped, file+": permission denied") {
			t.Errorf("Source %q, Skipped %q", c.Source, c.Skipped)
		}
		// Asked for by name, the same file is an error.
		if _, err := resolve(flags(t, "--config", file), nil, noSystem(t)); err == nil ||
			!strings.Contains(err.Error(), "permission denied") {
			t.Errorf("--config of an unreadable file: %v", err)
		}
	})

	t.Run("a default path that cannot be looked at is skipped", func(t *testing.T) {
		home := filepath.Join(t.TempDir(), "not-a-folder")
		if err := os.WriteFile(home, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := resolve(flags(t), env("HOME", home), noSystem(t))
		if err != nil {
			t.Fatalf("must not stop the command: %v", err)
		}
		if want := filepath.Join(home, ".config", "skinguide", "config.toml") + ": not a directory"; c.Skipped != want {
			t.Errorf("Skipped = %q, want %q", c.Skipped, want)
		}
	})

	t.Run("a FIFO as --config does not hang", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "config.toml")
		if err := mkfifo(fifo); err != nil {
			t.Skip(err)
		}
		done := make(chan error, 1)
		go func() { _, err := resolve(flags(t, "--config", fifo), nil, noSystem(t)); done <- err }()
		select {
		case err := <-done:
			if err == nil || err.Error() != "--config: "+fifo+": is a named pipe (FIFO), not a config file" {
				t.Errorf("got %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("resolve blocked on a FIFO")
		}
	})

	t.Run("a byte order mark is accepted", func(t *testing.T) {
		path := write(t, "\uFEFF[clinic]\nname = \"Riverside\"\n")
		c, err := resolve(flags(t, "--config", path), nil, noSystem(t))
		if err != nil || c.Clinic.Name != "Riverside" {
			t.Errorf("got %+v, %v", c, err)
		}
	})

	t.Run("escapes in a key name are quoted", func(t *testing.T) {
		path := write(t, "[clinic]\n\"\\u001b]0;PWN\\u0007\" = \"x\"\n")
		_, err := resolve(flags(t, "--config", path), nil, noSystem(t))
		if err == nil || strings.ContainsAny(err.Error(), "\x1b\x07") {
			t.Fatalf("raw escape in the message: %q", err)
		}
		if !strings.Contains(err.Error(), `:2: "clinic.\x1b]0;PWN\a": unknown key`) {
			t.Errorf("got %v", err)
		}
	})

	t.Run("escapes in a file name are quoted", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "c\x1b]0;PWN\x07.toml")
		if err := os.WriteFile(path, []byte("[clinic]\nnam = \"x\"\n"), 0o644); err != nil {
			t.Skip(err)
		}
		_, err := resolve(flags(t, "--config", path), nil, noSystem(t))
		if err == nil || strings.ContainsAny(err.Error(), "\x1b\x07") {
			t.Fatalf("raw escape in the message: %q", err)
		}
	})
}
