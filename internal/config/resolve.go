package config

import (
	"fmt"

	"github.com/spf13/pflag"
)

// RegisterFlags adds the configuration flags to fs: --config, --kiosk,
// --idle, --idle-warning, --clinic-name, --clinic-phone, --clinic-hours,
// --clinic-website, --theme, --lang, --content and --log. A flag fs already
// has (say --content from the content commands) is left alone; Resolve reads
// flags by name, whoever defined them.
//
// Values are checked by Resolve, not while parsing, so that a bad flag gets
// the same one-line message as a bad file or environment value.
func RegisterFlags(fs *pflag.FlagSet) {
	if fs.Lookup("config") == nil {
		fs.String("config", "", "read settings from this TOML file (default: $XDG_CONFIG_HOME/skinguide/config.toml, else "+SystemFile+")")
	}
	def := Default()
	for _, f := range fields() {
		if f.flag == "" || fs.Lookup(f.flag) != nil || isServeField(f) {
			continue // serve's flags are the serve command's: RegisterServeFlags
		}
		switch f.kind {
		case kindBool:
			fs.Bool(f.flag, false, f.usage)
		case kindDuration:
			d := def.Idle
			if f.key == "kiosk.warning" {
				d = def.Warning
			}
			fs.Var(&textValue{s: short(d), typ: "duration"}, f.flag, f.usage)
		default:
			fs.Var(&textValue{s: defaultText(def, f.key), typ: "string"}, f.flag, f.usage)
		}
	}
}

func defaultText(c Config, key string) string {
	switch key {
	case "display.theme":
		return string(c.Theme)
	case "display.lang":
		return c.Lang
	}
	return ""
}

// textValue is a flag that keeps its text as given, for Resolve to check.
type textValue struct{ s, typ string }

func (v *textValue) String() string     { return v.s }
func (v *textValue) Set(s string) error { v.s = s; return nil }
func (v *textValue) Type() string       { return v.typ }

// Resolve builds the Config from defaults, then the config file, then
// SKINGUIDE_* environment variables, then the flags in fs that were set on
// the command line. fs may be nil (no flags); getenv may be nil (no
// environment); an empty variable counts as unset.
//
// The file is --config FILE, else $SKINGUIDE_CONFIG, else
// $XDG_CONFIG_HOME/skinguide/config.toml (else ~/.config/skinguide/config.toml),
// else /etc/skinguide/config.toml. A missing file at a default location is
// fine; a missing file that was asked for is an error.
//
// keyInUse, when given, says why the app cannot give a key to the staff
// exit (a key it already uses, such as a menu choice), or nil: the app's
// key map is the one list of its keys, and config does not copy it.
func Resolve(fs *pflag.FlagSet, getenv func(string) string, keyInUse ...func(key string) error) (Config, error) {
	return resolve(fs, getenv, SystemFile, keyInUse...)
}

func resolve(fs *pflag.FlagSet, getenv func(string) string, systemFile string, keyInUse ...func(string) error) (Config, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}

	explicit, from := "", ""
	if fs != nil && fs.Changed("config") {
		explicit, from = fs.Lookup("config").Value.String(), "--config"
	} else if v := getenv("SKINGUIDE_CONFIG"); v != "" {
		explicit, from = v, "SKINGUIDE_CONFIG"
	}
	path, skipped, err := findFile(explicit, from, getenv, systemFile)
	if err != nil {
		return Config{}, err
	}

	var all []setting
	if path != "" {
		file, err := readFile(path, from)
		if err != nil {
			return Config{}, err
		}
		all = append(all, file...)
	}
	for _, f := range fields() {
		if f.env == "" {
			continue
		}
		if v := getenv(f.env); v != "" {
			all = append(all, setting{f, v, f.env})
		}
	}
	for _, f := range fields() {
		if fs != nil && f.flag != "" && fs.Changed(f.flag) {
			all = append(all, setting{f, fs.Lookup(f.flag).Value.String(), "--" + f.flag})
		}
	}

	cfg, err := build(all, keyInUse)
	if err != nil {
		return Config{}, err
	}
	cfg.Source = path
	cfg.Skipped = skipped
	cfg.Locale = locale(getenv)
	return cfg, nil
}

// build applies settings, lowest precedence first, to the defaults, and
// checks the settings that depend on each other.
func build(all []setting, keyInUse []func(string) error) (Config, error) {
	cfg := Default()
	// where[key] is the source of the value in use, rank[key] its place in
	// the order of precedence: both name the culprit of a conflict.
	where := map[string]string{}
	rank := map[string]int{}
	for i, s := range all {
		if err := s.field.set(&cfg, s.value); err != nil {
			return Config{}, fmt.Errorf("%s: %w", s.where, err)
		}
		where[s.field.key], rank[s.field.key] = s.where, i+1
	}
	_, cfg.LangSet = where["display.lang"]

	if cfg.Warning >= cfg.Idle {
		if rank["kiosk.warning"] >= rank["kiosk.idle"] {
			return Config{}, fmt.Errorf("%s: %s must be shorter than the idle time (kiosk.idle = %s)",
				where["kiosk.warning"], short(cfg.Warning), short(cfg.Idle))
		}
		return Config{}, fmt.Errorf("%s: %s must be longer than the countdown (kiosk.warning = %s)",
			where["kiosk.idle"], short(cfg.Idle), short(cfg.Warning))
	}
	switch {
	case cfg.StaffExitKey != "" && cfg.StaffPIN == "":
		return Config{}, fmt.Errorf("%s: a staff exit key needs kiosk.staff_pin too (4 to 12 digits); set both or neither",
			where["kiosk.staff_exit_key"])
	case cfg.StaffPIN != "" && cfg.StaffExitKey == "":
		return Config{}, fmt.Errorf("%s: a staff PIN needs kiosk.staff_exit_key too (e.g. ctrl+x); set both or neither",
			where["kiosk.staff_pin"])
	}
	if cfg.StaffExitKey != "" {
		for _, inUse := range keyInUse {
			if err := inUse(cfg.StaffExitKey); err != nil {
				return Config{}, fmt.Errorf("%s: %w", where["kiosk.staff_exit_key"], err)
			}
		}
	}
	return cfg, nil
}
