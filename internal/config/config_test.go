package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

// write puts doc in a temporary config file and returns its path.
func write(t *testing.T, doc string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// env turns pairs into a getenv function.
func env(pairs ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return func(k string) string { return m[k] }
}

// flags registers the config flags on a new set and parses args.
func flags(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("skinguide", pflag.ContinueOnError)
	RegisterFlags(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return fs
}

// noSystem is a system config path that does not exist.
func noSystem(t *testing.T) string { return filepath.Join(t.TempDir(), "none.toml") }

func TestBadFile(t *testing.T) {
	tests := []struct {
		name, doc string
		want      string // after "FILE:"
	}{
		{"unknown key", "[kiosk]\nenabled = true\nidel = \"3m\"\n",
			`3: kiosk.idel: unknown key (did you mean kiosk.idle?)`},
		{"unknown key far from any", "[clinic]\nname = \"x\"\nfavourite_colour = \"red\"\n",
			`3: clinic.favourite_colour: unknown key`},
		{"unknown section", "[clinic]\nname = \"x\"\n\n[screen]\nwidth = 3\n",
			`4: [screen]: unknown section (use [clinic], [kiosk], [display] or [serve])`},
		{"unknown key in inline table", "clinic = { name = \"x\", fax = \"1\" }\n",
			`1: clinic.fax: unknown key`},
		{"idle not a string", "[kiosk]\nidle = 180\n",
			`2: kiosk.idle: must be a duration in quotes, e.g. idle = "3m"`},
		{"enabled not a bool", "[kiosk]\n\nenabled = \"yes\"\n",
			`3: kiosk.enabled: must be true or false, without quotes`},
		{"pin not a string", "[kiosk]\nstaff_exit_key = \"ctrl+x\"\nstaff_pin = 2468\n",
			`3: kiosk.staff_pin: must be digits in quotes, e.g. staff_pin = "2468"`},
		{"name an array", "[clinic]\nname = [\"a\"]\n",
			`2: clinic.name: must be text in quotes, e.g. name = "..."`},
		{"section as a value", "kiosk = true\n",
			`1: kiosk: must be a section, written [kiosk]`},
		{"malformed string", "[display]\ntheme = \"dark\nlang = \"en\"\n",
			`2: display.theme: malformed TOML: basic strings cannot have new lines`},
		{"malformed line", "[display]\ntheme dark\n",
			`2: malformed TOML: expected '=' after key`},
		{"key twice", "[display]\ntheme = \"dark\"\ntheme = \"light\"\n",
			`3: display.theme: malformed TOML: key theme is already defined`},
		{"not a duration", "[kiosk]\nidle = \"3 minutes\"\n",
			`2: kiosk.idle: "3 minutes" is not a duration (use e.g. 3m or 90s)`},
		{"idle too short", "[kiosk]\nidle = \"5s\"\nwarning = \"2s\"\n",
			`2: kiosk.idle: 5s is too short (use at least 10s)`},
		{"idle too long", "[kiosk]\nidle = \"25h\"\n",
			`2: kiosk.idle: 25h is too long (use at most 24h)`},
		{"idle negative", "[kiosk]\nidle = \"-3m\"\n",
			`2: kiosk.idle: -3m is negative`},
		{"warning too short", "[kiosk]\nwarning = \"1s\"\n",
			`2: kiosk.warning: 1s is too short (use at least 5s)`},
		{"warning zero", "[kiosk]\nwarning = \"0s\"\n",
			`2: kiosk.warning: 0s is too short (use at least 5s)`},
		{"warning as long as idle", "[kiosk]\nidle = \"1m\"\nwarning = \"1m\"\n",
			`3: kiosk.warning: 1m must be shorter than the idle time (kiosk.idle = 1m)`},
		{"idle shorter than default warning", "[kiosk]\nidle = \"20s\"\n",
			`2: kiosk.idle: 20s must be longer than the countdown (kiosk.warning = 30s)`},
		{"bad theme", "[display]\ntheme = \"blue\"\n",
			`2: display.theme: "blue" is not a theme (use auto, dark, light or high-contrast)`},
		{"empty theme", "[display]\ntheme = \"\"\n",
			`2: display.theme: "" is not a theme (use auto, dark, light or high-contrast)`},
		{"bad lang", "[display]\nlang = \"English\"\n",
			`2: display.lang: "English" is not a language code (use e.g. en or es)`},
		{"website without scheme", "[clinic]\nwebsite = \"example.com\"\n",
			`2: clinic.website: "example.com" is not a web address (use e.g. https://example.com)`},
		{"website ftp", "[clinic]\nwebsite = \"ftp://example.com\"\n",
			`2: clinic.website: "ftp://example.com" is not a web address (use e.g. https://example.com)`},
		{"website javascript", "[clinic]\nwebsite = \"javascript:alert(1)\"\n",
			`2: clinic.website: "javascript:alert(1)" is not a web address (use e.g. https://example.com)`},
		{"key without pin", "[kiosk]\nstaff_exit_key = \"ctrl+x\"\n",
			`2: kiosk.staff_exit_key: a staff exit key needs kiosk.staff_pin too (4 to 12 digits); set both or neither`},
		{"pin without key", "[kiosk]\n\nstaff_pin = \"2468\"\n",
			`3: kiosk.staff_pin: a staff PIN needs kiosk.staff_exit_key too (e.g. ctrl+x); set both or neither`},
		{"pin too short", "[kiosk]\nstaff_exit_key = \"ctrl+x\"\nstaff_pin = \"123\"\n",
			`3: kiosk.staff_pin: must be 4 to 12 digits`},
		{"pin too long", "[kiosk]\nstaff_exit_key = \"ctrl+x\"\nstaff_pin = \"1234567890123\"\n",
			`3: kiosk.staff_pin: must be 4 to 12 digits`},
		{"pin letters", "[kiosk]\nstaff_exit_key = \"ctrl+x\"\nstaff_pin = \"12a4\"\n",
			`3: kiosk.staff_pin: must be 4 to 12 digits`},
		{"bad key name", "[kiosk]\nstaff_exit_key = \"ctrl x\"\nstaff_pin = \"2468\"\n",
			`2: kiosk.staff_exit_key: "ctrl x" is not a key name (use e.g. ctrl+x, alt+x or f12)`},
		{"key name bubbletea never reports", "[kiosk]\nstaff_exit_key = \"ctrl+nonsense\"\nstaff_pin = \"2468\"\n",
			`2: kiosk.staff_exit_key: "ctrl+nonsense" is not a key name (use e.g. ctrl+x, alt+x or f12)`},
		{"key name in another spelling", "[kiosk]\nstaff_exit_key = \"control+x\"\nstaff_pin = \"2468\"\n",
			`2: kiosk.staff_exit_key: "control+x" is not a key name (use e.g. ctrl+x, alt+x or f12)`},
		{"key patients type", "[kiosk]\nstaff_exit_key = \"1\"\nstaff_pin = \"2468\"\n",
			`2: kiosk.staff_exit_key: "1" is a key patients type (menu choices, the search box); use ctrl+ or alt+ with it, or a key such as f12`},
		{"escape in name", "[clinic]\nname = \"Riverside\\u001b[2J\"\n",
			`2: clinic.name: contains a control character (U+001B); use plain text on one line`},
		{"newline in hours", "[clinic]\nhours = \"\"\"\nMon-Fri\nSat\"\"\"\n",
			`2: clinic.hours: contains a control character (U+000A); use plain text on one line`},
		{"C1 control in phone", "[clinic]\nphone = \"555\\u009b0100\"\n",
			`2: clinic.phone: contains a control character (U+009B); use plain text on one line`},
		{"bidi override in name", "[clinic]\nname = \"a\\u202Eb\"\n",
			`2: clinic.name: contains a control character (U+202E); use plain text on one line`},
		{"raw control byte", "[clinic]\nname = \"a\x07b\"\n",
			`2: clinic.name: malformed TOML: basic strings cannot have control characters`},
		{"escape in content path", "[display]\ncontent = \"/srv/\\u001b]0;x\"\n",
			`2: display.content: contains a control character (U+001B); use plain text on one line`},
		{"text too long", "[clinic]\nname = \"" + strings.Repeat("a", 201) + "\"\n",
			`2: clinic.name: is 201 characters long; keep it under 200`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(t, tt.doc)
			_, err := resolve(flags(t, "--config", path), nil, noSystem(t))
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			want := path + ":" + tt.want
			if err.Error() != want {
				t.Errorf("error\n got %q\nwant %q", err, want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is more than one line: %q", err)
			}
		})
	}
}

func TestPINNeverInMessage(t *testing.T) {
	path := write(t, "[kiosk]\nstaff_exit_key = \"ctrl+x\"\nstaff_pin = \"98765x\"\n")
	_, err := resolve(flags(t, "--config", path), nil, noSystem(t))
	if err == nil || strings.Contains(err.Error(), "98765") {
		t.Fatalf("error %v: want one that does not repeat the PIN", err)
	}
}

func TestGoodFile(t *testing.T) {
	path := write(t, `
[clinic]
name = "Riverside Skin Clinic"
phone = "555-0100"
hours = "Mon-Fri 9am-5pm"
website = "https://example.com/aftercare?x=1"
[kiosk]
enabled = true
idle = "2m"
warning = "20s"
staff_exit_key = "ctrl+x"
staff_pin = "2468"
[display]
theme = "high-contrast"
lang = "es"
content = "/srv/skinguide/content"
log = "/var/log/skinguide/kiosk.log"
`)
	got, err := resolve(flags(t, "--config", path), nil, noSystem(t))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		Clinic:       Clinic{Name: "Riverside Skin Clinic", Phone: "555-0100", Hours: "Mon-Fri 9am-5pm", Website: "https://example.com/aftercare?x=1"},
		Kiosk:        true,
		Idle:         2 * time.Minute,
		Warning:      20 * time.Second,
		StaffExitKey: "ctrl+x",
		StaffPIN:     "2468",
		Theme:        "high-contrast",
		Lang:         "es",
		LangSet:      true,
		Content:      "/srv/skinguide/content",
		Log:          "/var/log/skinguide/kiosk.log",
		Serve:        defaultServe(),
		Source:       path,
	}
	if got != want {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestExampleConfigParses(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "deploy", "config.example.toml")
	got, err := resolve(flags(t, "--config", path), nil, noSystem(t))
	if err != nil {
		t.Fatal(err)
	}
	if got.Clinic.Name == "" || got.Idle != 3*time.Minute || got.Warning != 30*time.Second || got.Source != path {
		t.Errorf("example config gave %+v", got)
	}
}

func TestPrecedence(t *testing.T) {
	file := write(t, `
[clinic]
name = "From File"
phone = "111"
hours = "file hours"
[kiosk]
idle = "5m"
warning = "40s"
[display]
theme = "light"
`)
	tests := []struct {
		name   string
		args   []string
		getenv func(string) string
		check  func(t *testing.T, c Config)
	}{
		{"defaults only", nil, nil, func(t *testing.T, c Config) {
			if c != Default() {
				t.Errorf("got %+v, want defaults", c)
			}
		}},
		{"file over defaults", []string{"--config", file}, nil, func(t *testing.T, c Config) {
			if c.Clinic.Name != "From File" || c.Idle != 5*time.Minute || c.Theme != "light" || c.Lang != "en" {
				t.Errorf("got %+v", c)
			}
		}},
		{"env over file", []string{"--config", file},
			env("SKINGUIDE_CLINIC_NAME", "From Env", "SKINGUIDE_IDLE", "4m", "SKINGUIDE_THEME", "dark", "SKINGUIDE_KIOSK", "yes"),
			func(t *testing.T, c Config) {
				if c.Clinic.Name != "From Env" || c.Clinic.Phone != "111" || c.Idle != 4*time.Minute || c.Theme != "dark" || !c.Kiosk {
					t.Errorf("got %+v", c)
				}
			}},
		{"flags over env", []string{"--config", file, "--clinic-name", "From Flag", "--idle", "90s", "--kiosk=false"},
			env("SKINGUIDE_CLINIC_NAME", "From Env", "SKINGUIDE_IDLE", "4m", "SKINGUIDE_KIOSK", "1", "SKINGUIDE_CLINIC_HOURS", "env hours"),
			func(t *testing.T, c Config) {
				if c.Clinic.Name != "From Flag" || c.Idle != 90*time.Second || c.Kiosk || c.Clinic.Hours != "env hours" || c.Warning != 40*time.Second {
					t.Errorf("got %+v", c)
				}
			}},
		{"flags not given keep lower layers", []string{"--kiosk"}, env("SKINGUIDE_IDLE_WARNING", "10s"),
			func(t *testing.T, c Config) {
				if !c.Kiosk || c.Warning != 10*time.Second || c.Idle != 3*time.Minute {
					t.Errorf("got %+v", c)
				}
			}},
		{"every env variable", nil, env(
			"SKINGUIDE_KIOSK", "true", "SKINGUIDE_IDLE", "1m", "SKINGUIDE_IDLE_WARNING", "15s",
			"SKINGUIDE_CLINIC_NAME", "N", "SKINGUIDE_CLINIC_PHONE", "P", "SKINGUIDE_CLINIC_HOURS", "H",
			"SKINGUIDE_CLINIC_WEBSITE", "http://clinic.example", "SKINGUIDE_THEME", "light",
			"SKINGUIDE_LANG", "es", "SKINGUIDE_CONTENT", "/c", "SKINGUIDE_LOG", "/l"),
			func(t *testing.T, c Config) {
				want := Config{Clinic: Clinic{Name: "N", Phone: "P", Hours: "H", Website: "http://clinic.example"}, Kiosk: true,
					Idle: time.Minute, Warning: 15 * time.Second, Theme: "light", Lang: "es", LangSet: true, Content: "/c", Log: "/l",
					Serve: defaultServe()}
				if c != want {
					t.Errorf("got  %+v\nwant %+v", c, want)
				}
			}},
		{"every flag", []string{"--kiosk", "--idle", "1m", "--idle-warning", "15s", "--clinic-name", "N",
			"--clinic-phone", "P", "--clinic-hours", "H", "--clinic-website", "http://clinic.example",
			"--theme", "light", "--lang", "es", "--content", "/c", "--log", "/l"}, nil,
			func(t *testing.T, c Config) {
				want := Config{Clinic: Clinic{Name: "N", Phone: "P", Hours: "H", Website: "http://clinic.example"}, Kiosk: true,
					Idle: time.Minute, Warning: 15 * time.Second, Theme: "light", Lang: "es", LangSet: true, Content: "/c", Log: "/l",
					Serve: defaultServe()}
				if c != want {
					t.Errorf("got  %+v\nwant %+v", c, want)
				}
			}},
		{"a flag can clear a file value", []string{"--config", file, "--clinic-phone", ""}, nil,
			func(t *testing.T, c Config) {
				if c.Clinic.Phone != "" {
					t.Errorf("phone %q, want empty", c.Clinic.Phone)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := resolve(flags(t, tt.args...), tt.getenv, noSystem(t))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, c)
		})
	}
}

func TestBadEnvAndFlags(t *testing.T) {
	file := write(t, "[kiosk]\nidle = \"1m\"\n")
	warnFile := write(t, "[kiosk]\nwarning = \"40s\"\n")
	tests := []struct {
		name   string
		args   []string
		getenv func(string) string
		want   string
	}{
		{"env duration", nil, env("SKINGUIDE_IDLE", "3 minutes"),
			`SKINGUIDE_IDLE: "3 minutes" is not a duration (use e.g. 3m or 90s)`},
		{"env bool", nil, env("SKINGUIDE_KIOSK", "sometimes"),
			`SKINGUIDE_KIOSK: "sometimes" is not true or false`},
		{"env theme", nil, env("SKINGUIDE_THEME", "neon"),
			`SKINGUIDE_THEME: "neon" is not a theme (use auto, dark, light or high-contrast)`},
		{"env escape", nil, env("SKINGUIDE_CLINIC_NAME", "\x1b[31mRed"),
			`SKINGUIDE_CLINIC_NAME: contains a control character (U+001B); use plain text on one line`},
		{"env website", nil, env("SKINGUIDE_CLINIC_WEBSITE", "www.example.com"),
			`SKINGUIDE_CLINIC_WEBSITE: "www.example.com" is not a web address (use e.g. https://example.com)`},
		{"env invalid utf-8", nil, env("SKINGUIDE_CLINIC_HOURS", "9\xffam"),
			`SKINGUIDE_CLINIC_HOURS: is not valid UTF-8`},
		{"flag duration", []string{"--idle-warning", "soon"}, nil,
			`--idle-warning: "soon" is not a duration (use e.g. 3m or 90s)`},
		{"flag idle too long", []string{"--idle", "48h"}, nil,
			`--idle: 48h is too long (use at most 24h)`},
		{"flag theme", []string{"--theme", "Dark"}, nil,
			`--theme: "Dark" is not a theme (use auto, dark, light or high-contrast)`},
		{"flag warning against file idle", []string{"--config", file, "--idle-warning", "2m"}, nil,
			`--idle-warning: 2m must be shorter than the idle time (kiosk.idle = 1m)`},
		{"flag idle against env warning", []string{"--idle", "20s"}, env("SKINGUIDE_IDLE_WARNING", "25s"),
			`--idle: 20s must be longer than the countdown (kiosk.warning = 25s)`},
		{"env warning against file idle", []string{"--config", file}, env("SKINGUIDE_IDLE_WARNING", "1m"),
			`SKINGUIDE_IDLE_WARNING: 1m must be shorter than the idle time (kiosk.idle = 1m)`},
		{"env idle against file warning", []string{"--config", warnFile}, env("SKINGUIDE_IDLE", "30s"),
			`SKINGUIDE_IDLE: 30s must be longer than the countdown (kiosk.warning = 40s)`},
		{"empty --config", []string{"--config", ""}, nil,
			`--config: give the path of a config file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := resolve(flags(t, tt.args...), tt.getenv, noSystem(t))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestFileLocation(t *testing.T) {
	xdg := t.TempDir()
	home := t.TempDir()
	system := filepath.Join(t.TempDir(), "config.toml")
	put := func(path, name string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("[clinic]\nname = \""+name+"\"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	xdgFile := filepath.Join(xdg, "skinguide", "config.toml")
	homeFile := filepath.Join(home, ".config", "skinguide", "config.toml")
	explicit := filepath.Join(t.TempDir(), "mine.toml")
	put(system, "system")
	put(homeFile, "home")
	put(explicit, "explicit")

	resolveName := func(args []string, getenv func(string) string) (string, string) {
		t.Helper()
		c, err := resolve(flags(t, args...), getenv, system)
		if err != nil {
			t.Fatal(err)
		}
		return c.Clinic.Name, c.Source
	}
	if name, src := resolveName(nil, env("HOME", home)); name != "home" || src != homeFile {
		t.Errorf("HOME: got %q from %q", name, src)
	}
	if name, _ := resolveName(nil, env("HOME", home, "XDG_CONFIG_HOME", xdg)); name != "system" {
		t.Errorf("XDG_CONFIG_HOME without a file: got %q, want the system file", name)
	}
	put(xdgFile, "xdg")
	if name, _ := resolveName(nil, env("HOME", home, "XDG_CONFIG_HOME", xdg)); name != "xdg" {
		t.Errorf("XDG_CONFIG_HOME: got %q", name)
	}
	if name, _ := resolveName(nil, env("XDG_CONFIG_HOME", "relative/dir")); name != "system" {
		t.Errorf("relative XDG_CONFIG_HOME is ignored: got %q", name)
	}
	if name, _ := resolveName(nil, env("HOME", home, "XDG_CONFIG_HOME", xdg, "SKINGUIDE_CONFIG", explicit)); name != "explicit" {
		t.Errorf("SKINGUIDE_CONFIG: got %q", name)
	}
	if name, _ := resolveName([]string{"--config", explicit}, env("SKINGUIDE_CONFIG", xdgFile)); name != "explicit" {
		t.Errorf("--config over SKINGUIDE_CONFIG: got %q", name)
	}

	// No file anywhere is fine.
	c, err := resolve(flags(t), env("HOME", t.TempDir()), noSystem(t))
	if err != nil || c.Source != "" {
		t.Errorf("no file: got %+v, %v", c, err)
	}

	// A file that was asked for must exist and be readable.
	missing := filepath.Join(t.TempDir(), "missing.toml")
	if _, err := resolve(flags(t, "--config", missing), nil, system); err == nil ||
		err.Error() != "--config: "+missing+": cannot read the config file: no such file or directory" {
		t.Errorf("missing --config: %v", err)
	}
	if _, err := resolve(flags(t), env("SKINGUIDE_CONFIG", missing), system); err == nil ||
		err.Error() != "SKINGUIDE_CONFIG: "+missing+": cannot read the config file: no such file or directory" {
		t.Errorf("missing SKINGUIDE_CONFIG: %v", err)
	}
	dir := t.TempDir()
	if _, err := resolve(flags(t, "--config", dir), nil, system); err == nil ||
		err.Error() != "--config: "+dir+": is a folder, not a config file" {
		t.Errorf("directory as --config: %v", err)
	}
	// A default location that exists but cannot be read is skipped, and
	// said why (issue 12: HOME=/root as user nobody made every command
	// exit 2).
	c, err = resolve(flags(t), nil, dir)
	if err != nil || c.Source != "" || c.Skipped != dir+": is a folder, not a config file" {
		t.Errorf("directory as the system file: %+v, %v", c, err)
	}
}

func TestRegisterFlagsKeepsExisting(t *testing.T) {
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	var content string
	fs.StringVar(&content, "content", "", "the content commands' own flag")
	RegisterFlags(fs) // must not panic on the duplicate
	if err := fs.Parse([]string{"--content", "/srv/c", "--idle", "2m"}); err != nil {
		t.Fatal(err)
	}
	c, err := resolve(fs, nil, noSystem(t))
	if err != nil {
		t.Fatal(err)
	}
	if c.Content != "/srv/c" || content != "/srv/c" || c.Idle != 2*time.Minute {
		t.Errorf("got %+v (flag var %q)", c, content)
	}
	for _, name := range []string{"config", "kiosk", "idle", "idle-warning", "clinic-name", "clinic-phone",
		"clinic-hours", "clinic-website", "theme", "lang", "content", "log"} {
		f := fs.Lookup(name)
		if f == nil || f.Usage == "" {
			t.Errorf("flag --%s missing or without help", name)
		}
	}
	if got := fs.Lookup("idle").DefValue; got != "3m" {
		t.Errorf("--idle shows default %q, want 3m", got)
	}
}

func TestNilFlagSet(t *testing.T) {
	c, err := resolve(nil, env("SKINGUIDE_THEME", "light"), noSystem(t))
	if err != nil || c.Theme != "light" {
		t.Errorf("got %+v, %v", c, err)
	}
}

// Without a language from a flag, variable or file, the system's locale is
// offered (LC_ALL over LC_MESSAGES over LANG); the program takes it only
// when the content has that language.
func TestLocale(t *testing.T) {
	tests := []struct {
		args    []string
		env     func(string) string
		locale  string
		langSet bool
	}{
		{nil, nil, "", false},
		{nil, env("LANG", "es_ES.UTF-8"), "es", false},
		{nil, env("LANG", "es_MX"), "es", false},
		{nil, env("LANG", "C.UTF-8"), "", false},
		{nil, env("LANG", "POSIX"), "", false},
		{nil, env("LANG", "en_GB.UTF-8", "LC_ALL", "es_ES.UTF-8"), "es", false},
		{nil, env("LANG", "es_ES.UTF-8", "LC_MESSAGES", "en_US.UTF-8"), "en", false},
		{nil, env("LANG", "ca_ES@valencia"), "ca", false},
		{nil, env("LANG", "es_ES.UTF-8", "SKINGUIDE_LANG", "en"), "es", true},
		{[]string{"--lang", "en"}, env("LC_ALL", "es_ES.UTF-8"), "es", true},
	}
	for _, tt := range tests {
		c, err := resolve(flags(t, tt.args...), tt.env, noSystem(t))
		if err != nil {
			t.Fatal(err)
		}
		if c.Locale != tt.locale || c.LangSet != tt.langSet {
			t.Errorf("%v: Locale %q LangSet %v, want %q %v", tt.args, c.Locale, c.LangSet, tt.locale, tt.langSet)
		}
	}
}
