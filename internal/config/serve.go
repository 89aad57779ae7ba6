package config

import (
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
)

// Serve is how `skinguide serve` runs: one process serving the guide to
// many terminals over SSH (see docs/serve.md).
type Serve struct {
	// Listen is the TCP address to listen on, host:port or :port.
	Listen string
	// HostKey is the server's private key file; "" lets the command pick
	// its default place. It is made on first start.
	HostKey string
	// MaxSessions is how many sessions may run at once; one more is told
	// that every screen is busy.
	MaxSessions int
	// Mode is "kiosk" (every session is a kiosk: idle reset, no quit keys)
	// or "reader" (q quits, for patients at home).
	Mode string
	// AuthorizedKeys is an authorized_keys file; "" lets anyone in.
	AuthorizedKeys string
	// IdleDisconnect ends a session that has sat untouched on the attract
	// screen this long; 0 never does.
	IdleDisconnect time.Duration
	// StaffExit gives served kiosk sessions the staff exit of [kiosk]
	// (staff_exit_key and staff_pin); the right PIN ends that session.
	StaffExit bool
}

// Serve modes.
const (
	ServeKiosk  = "kiosk"
	ServeReader = "reader"
)

// defaultServe is the [serve] part of Default.
func defaultServe() Serve {
	return Serve{Listen: ":2222", MaxSessions: 50, Mode: ServeKiosk}
}

// Limits on the serve settings.
const (
	maxSessionsLimit  = 10000
	minIdleDisconnect = 30 * time.Second
)

// serveFields are the settings of the [serve] table. Their flags belong to
// the serve command only: RegisterServeFlags adds them.
func serveFields() []field {
	return []field{
		{"serve.listen", "SKINGUIDE_SERVE_LISTEN", "listen", kindText,
			"the address to listen on for SSH, host:port or :port",
			func(c *Config, v string) error { return listenAddr(&c.Serve.Listen, v) }},
		{"serve.host_key", "SKINGUIDE_SERVE_HOST_KEY", "host-key", kindText,
			"the server's SSH host key file, made (ed25519, mode 0600) if missing",
			func(c *Config, v string) error { return text(&c.Serve.HostKey, v) }},
		{"serve.max_sessions", "SKINGUIDE_SERVE_MAX_SESSIONS", "max-sessions", kindInt,
			"how many sessions may run at once",
			func(c *Config, v string) error { return count(&c.Serve.MaxSessions, v, 1, maxSessionsLimit) }},
		{"serve.mode", "SKINGUIDE_SERVE_MODE", "", kindText, "",
			func(c *Config, v string) error { return serveMode(&c.Serve.Mode, v) }},
		{"serve.authorized_keys", "SKINGUIDE_SERVE_AUTHORIZED_KEYS", "", kindText, "",
			func(c *Config, v string) error { return text(&c.Serve.AuthorizedKeys, v) }},
		{"serve.idle_disconnect", "SKINGUIDE_SERVE_IDLE_DISCONNECT", "", kindDuration, "",
			func(c *Config, v string) error { return idleDisconnect(&c.Serve.IdleDisconnect, v) }},
		{"serve.staff_exit", "SKINGUIDE_SERVE_STAFF_EXIT", "", kindBool, "",
			func(c *Config, v string) error { return boolean(&c.Serve.StaffExit, v) }},
	}
}

func isServeField(f field) bool { return strings.HasPrefix(f.key, "serve.") }

// RegisterServeFlags adds the serve command's flags: --listen, --host-key
// and --max-sessions. Resolve reads them like every other flag.
func RegisterServeFlags(fs *pflag.FlagSet) {
	def := defaultServe()
	for _, f := range serveFields() {
		if f.flag == "" || fs.Lookup(f.flag) != nil {
			continue
		}
		s, typ := "", "string"
		switch f.key {
		case "serve.listen":
			s = def.Listen
		case "serve.max_sessions":
			s, typ = strconv.Itoa(def.MaxSessions), "int"
		case "serve.host_key":
			typ = "file"
		}
		fs.Var(&textValue{s: s, typ: typ}, f.flag, f.usage)
	}
}

// fileServe mirrors the [serve] table.
type fileServe struct {
	Listen         *string `toml:"listen"`
	HostKey        *string `toml:"host_key"`
	MaxSessions    *int64  `toml:"max_sessions"`
	Mode           *string `toml:"mode"`
	AuthorizedKeys *string `toml:"authorized_keys"`
	IdleDisconnect *string `toml:"idle_disconnect"`
	StaffExit      *bool   `toml:"staff_exit"`
}

// values adds the keys the [serve] table sets to m, in their text form.
func (f *fileServe) values(m map[string]string) {
	put := func(key string, v *string) {
		if v != nil {
			m[key] = *v
		}
	}
	put("serve.listen", f.Listen)
	put("serve.host_key", f.HostKey)
	if f.MaxSessions != nil {
		m["serve.max_sessions"] = strconv.FormatInt(*f.MaxSessions, 10)
	}
	put("serve.mode", f.Mode)
	put("serve.authorized_keys", f.AuthorizedKeys)
	put("serve.idle_disconnect", f.IdleDisconnect)
	if f.StaffExit != nil {
		m["serve.staff_exit"] = strconv.FormatBool(*f.StaffExit)
	}
}

func listenAddr(dst *string, v string) error {
	var s string
	if err := text(&s, v); err != nil {
		return err
	}
	_, port, err := net.SplitHostPort(s)
	if err != nil {
		return fmt.Errorf("%q is not an address to listen on (use e.g. :2222 or 0.0.0.0:2222)", v)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("%q: the port must be a number from 0 to 65535", v)
	}
	*dst = s
	return nil
}

func count(dst *int, v string, lo, hi int) error {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	switch {
	case err != nil:
		return fmt.Errorf("%q is not a whole number", v)
	case n < lo:
		return fmt.Errorf("%d is too few (use at least %d)", n, lo)
	case n > hi:
		return fmt.Errorf("%d is too many (use at most %d)", n, hi)
	}
	*dst = n
	return nil
}

func serveMode(dst *string, v string) error {
	switch s := strings.ToLower(strings.TrimSpace(v)); s {
	case ServeKiosk, ServeReader:
		*dst = s
		return nil
	}
	return fmt.Errorf("%q is not a mode (use kiosk or reader)", v)
}

// idleDisconnect is a duration of at least minIdleDisconnect, or "0" or
// "off" for never.
func idleDisconnect(dst *time.Duration, v string) error {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "0", "off", "never":
		*dst = 0
		return nil
	}
	return duration(dst, v, minIdleDisconnect, maxIdle)
}
