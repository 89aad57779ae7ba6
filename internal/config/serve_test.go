package config

import (
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

// serveFlags registers the config and serve flags, as the serve command
// does, and parses args.
func serveFlags(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	RegisterFlags(fs)
	RegisterServeFlags(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestServeDefaults(t *testing.T) {
	got, err := resolve(nil, nil, noSystem(t))
	if err != nil {
		t.Fatal(err)
	}
	want := Serve{Listen: ":2222", MaxSessions: 50, Mode: ServeKiosk}
	if got.Serve != want {
		t.Errorf("defaults: got %+v, want %+v", got.Serve, want)
	}
}

func TestServeFile(t *testing.T) {
	path := write(t, `
[serve]
listen = "127.0.0.1:2022"
host_key = "/var/lib/skinguide/host_key"
max_sessions = 8
mode = "reader"
authorized_keys = "/etc/skinguide/authorized_keys"
idle_disconnect = "10m"
staff_exit = true
`)
	got, err := resolve(serveFlags(t, "--config", path), nil, noSystem(t))
	if err != nil {
		t.Fatal(err)
	}
	want := Serve{
		Listen: "127.0.0.1:2022", HostKey: "/var/lib/skinguide/host_key", MaxSessions: 8,
		Mode: ServeReader, AuthorizedKeys: "/etc/skinguide/authorized_keys",
		IdleDisconnect: 10 * time.Minute, StaffExit: true,
	}
	if got.Serve != want {
		t.Errorf("got %+v, want %+v", got.Serve, want)
	}
}

func TestServePrecedence(t *testing.T) {
	path := write(t, "[serve]\nlisten = \":1000\"\nmax_sessions = 5\nhost_key = \"file.key\"\n")
	getenv := env("SKINGUIDE_SERVE_LISTEN", ":2000", "SKINGUIDE_SERVE_MAX_SESSIONS", "6")
	got, err := resolve(serveFlags(t, "--config", path, "--listen", ":3000"), getenv, noSystem(t))
	if err != nil {
		t.Fatal(err)
	}
	if got.Serve.Listen != ":3000" || got.Serve.MaxSessions != 6 || got.Serve.HostKey != "file.key" {
		t.Errorf("flag > env > file: got %+v", got.Serve)
	}
}

func TestServeBadValues(t *testing.T) {
	tests := []struct {
		name   string
		doc    string   // a config file, "" for none
		getenv []string // pairs
		args   []string
		want   string // the message, after the file's path for file errors
	}{
		{"max sessions in quotes", "[serve]\nmax_sessions = \"20\"\n", nil, nil,
			`:2: serve.max_sessions: must be a whole number, without quotes, e.g. max_sessions = 20`},
		{"max sessions zero", "[serve]\n\nmax_sessions = 0\n", nil, nil,
			`:3: serve.max_sessions: 0 is too few (use at least 1)`},
		{"unknown serve key", "[serve]\nlisten_on = \":22\"\n", nil, nil,
			`:2: serve.listen_on: unknown key (did you mean serve.listen?)`},
		{"bad mode", "[serve]\nmode = \"shell\"\n", nil, nil,
			`:2: serve.mode: "shell" is not a mode (use kiosk or reader)`},
		{"idle disconnect too short", "[serve]\nidle_disconnect = \"5s\"\n", nil, nil,
			`:2: serve.idle_disconnect: 5s is too short (use at least 30s)`},
		{"bad listen env", "", []string{"SKINGUIDE_SERVE_LISTEN", "2222"}, nil,
			`SKINGUIDE_SERVE_LISTEN: "2222" is not an address to listen on (use e.g. :2222 or 0.0.0.0:2222)`},
		{"bad port flag", "", nil, []string{"--listen", ":99999"},
			`--listen: ":99999": the port must be a number from 0 to 65535`},
		{"max sessions flag", "", nil, []string{"--max-sessions", "lots"},
			`--max-sessions: "lots" is not a whole number`},
		{"too many sessions env", "", []string{"SKINGUIDE_SERVE_MAX_SESSIONS", "100000"}, nil,
			`SKINGUIDE_SERVE_MAX_SESSIONS: 100000 is too many (use at most 10000)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			path := ""
			if tt.doc != "" {
				path = write(t, tt.doc)
				args = append([]string{"--config", path}, args...)
			}
			_, err := resolve(serveFlags(t, args...), env(tt.getenv...), noSystem(t))
			if err == nil {
				t.Fatal("no error")
			}
			if got := strings.TrimPrefix(err.Error(), path); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message is more than one line: %q", err)
			}
		})
	}
}

func TestServeIdleDisconnectOff(t *testing.T) {
	for _, v := range []string{"0", "off"} {
		got, err := resolve(nil, env("SKINGUIDE_SERVE_IDLE_DISCONNECT", v), noSystem(t))
		if err != nil || got.Serve.IdleDisconnect != 0 {
			t.Errorf("%q: got %v, %v", v, got.Serve.IdleDisconnect, err)
		}
	}
}

// The serve flags are the serve command's: other commands do not list them.
func TestServeFlagsOnlyOnServe(t *testing.T) {
	fs := pflag.NewFlagSet("skinguide", pflag.ContinueOnError)
	RegisterFlags(fs)
	for _, name := range []string{"listen", "host-key", "max-sessions"} {
		if fs.Lookup(name) != nil {
			t.Errorf("RegisterFlags added --%s", name)
		}
	}
	fs = serveFlags(t)
	for _, name := range []string{"listen", "host-key", "max-sessions"} {
		if fs.Lookup(name) == nil {
			t.Errorf("RegisterServeFlags did not add --%s", name)
		}
	}
}
