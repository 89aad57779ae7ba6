// Package config resolves skinguide's settings from, in rising order of
// precedence: built-in defaults, a TOML file, SKINGUIDE_* environment
// variables, and command-line flags.
//
// Every problem is reported as one line that says where the bad value came
// from: "FILE:LINE: KEY: problem" for the file, the variable's name for the
// environment, and "--flag" for flags. Callers should exit with status 2
// before touching the terminal.
package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/skinguide/skinguide/internal/termsafe"
	"github.com/skinguide/skinguide/internal/theme"
)

// Clinic is what the app tells patients about the clinic.
type Clinic struct {
	Name, Phone, Hours, Website string
	// AfterHours is whom to call when the clinic is closed, as free text
	// ("Call 555-0199 after 5pm, or NHS 111").
	AfterHours string
	// EmergencyNumber is the local emergency number ("999"); empty shows
	// "911 (US), 999 (UK) or 112 (EU)".
	EmergencyNumber string
	// ApprovedBy and ApprovedOn are the clinic's sign-off of the guide,
	// shown on About; ApprovedOn is optional.
	ApprovedBy string
	ApprovedOn time.Time
}

// Config is the resolved configuration.
type Config struct {
	Clinic Clinic

	Kiosk bool
	// Idle is how long without input before the countdown appears; Warning
	// is how long the countdown lasts before the app resets.
	Idle, Warning time.Duration
	// StaffExitKey (a key name such as "ctrl+x") and StaffPIN are both set
	// or both empty.
	StaffExitKey, StaffPIN string

	Theme theme.Theme // auto, dark, light or high-contrast
	Lang  string
	// LangSet says a flag, variable or file chose Lang. When none did,
	// the program follows the system's language (Locale) if the content
	// has it.
	LangSet bool
	// Locale is the language of LC_ALL, else LC_MESSAGES, else LANG ("es"
	// for es_ES.UTF-8), or "" when they name none (C, POSIX, unset).
	Locale  string
	Content string // a clinic content folder; "" means the built-in content
	Log     string // a log file; "" means stderr

	Serve Serve // skinguide serve; see serve.go

	// Source is the file the settings were read from, "" if none.
	Source string
	// Skipped names the default config files that exist but could not be
	// read, and why ("" if none): the caller says so once, on stderr or in
	// its log.
	Skipped string
}

// Default returns the settings used when nothing else is given.
func Default() Config {
	return Config{
		Idle:    3 * time.Minute,
		Warning: 30 * time.Second,
		Theme:   "auto",
		Lang:    "en",
		Serve:   defaultServe(),
	}
}

// Limits on the kiosk timers.
const (
	minIdle    = 10 * time.Second
	maxIdle    = 24 * time.Hour
	minWarning = 5 * time.Second
	maxText    = 200 // runes in any one text setting
)

// kind is the TOML type a key expects, used to explain type mismatches.
type kind int

const (
	kindText kind = iota
	kindBool
	kindDuration
	kindInt
)

// field is one setting: where it can come from, and how its text form is
// checked and stored.
type field struct {
	key   string // TOML key, "section.name"
	env   string // environment variable, "" if none
	flag  string // flag name without "--", "" if none
	kind  kind
	usage string
	set   func(c *Config, v string) error
}

// fields lists every setting. It is a function, not a package variable, so
// nothing at package level can be changed.
func fields() []field {
	return append([]field{
		{"clinic.name", "SKINGUIDE_CLINIC_NAME", "clinic-name", kindText,
			"the clinic's name, shown on the home screen",
			func(c *Config, v string) error { return text(&c.Clinic.Name, v) }},
		{"clinic.phone", "SKINGUIDE_CLINIC_PHONE", "clinic-phone", kindText,
			"the clinic's phone number, shown on the When to call us screen",
			func(c *Config, v string) error { return text(&c.Clinic.Phone, v) }},
		{"clinic.hours", "SKINGUIDE_CLINIC_HOURS", "clinic-hours", kindText,
			`the clinic's opening hours, e.g. "Mon-Fri 9am-5pm"`,
			func(c *Config, v string) error { return text(&c.Clinic.Hours, v) }},
		{"clinic.website", "SKINGUIDE_CLINIC_WEBSITE", "clinic-website", kindText,
			"the clinic's web address (http or https), shown with a QR code",
			func(c *Config, v string) error { return website(&c.Clinic.Website, v) }},
		{"clinic.after_hours", "SKINGUIDE_CLINIC_AFTER_HOURS", "clinic-after-hours", kindText,
			`whom to call when the clinic is closed, e.g. "Call 555-0199 after 5pm, or NHS 111"`,
			func(c *Config, v string) error { return text(&c.Clinic.AfterHours, v) }},
		{"clinic.emergency_number", "SKINGUIDE_CLINIC_EMERGENCY_NUMBER", "clinic-emergency-number", kindText,
			`the local emergency number, e.g. "999" (default: 911 / 999 / 112)`,
			func(c *Config, v string) error { return emergencyNumber(&c.Clinic.EmergencyNumber, v) }},
		{"clinic.approved_by", "SKINGUIDE_CLINIC_APPROVED_BY", "clinic-approved-by", kindText,
			"who at the clinic approved this guide for use, shown on About",
			func(c *Config, v string) error { return text(&c.Clinic.ApprovedBy, v) }},
		{"clinic.approved_on", "SKINGUIDE_CLINIC_APPROVED_ON", "clinic-approved-on", kindText,
			"the date of that approval, YYYY-MM-DD",
			func(c *Config, v string) error { return date(&c.Clinic.ApprovedOn, v) }},
		{"kiosk.enabled", "SKINGUIDE_KIOSK", "kiosk", kindBool,
			"waiting-room kiosk mode: cannot be quit from the keyboard, resets itself when idle",
			func(c *Config, v string) error { return boolean(&c.Kiosk, v) }},
		{"kiosk.idle", "SKINGUIDE_IDLE", "idle", kindDuration,
			"in kiosk mode, how long without input before the reset countdown, e.g. 3m or 90s",
			func(c *Config, v string) error { return duration(&c.Idle, v, minIdle, maxIdle) }},
		{"kiosk.warning", "SKINGUIDE_IDLE_WARNING", "idle-warning", kindDuration,
			"in kiosk mode, how long the reset countdown lasts, e.g. 30s",
			func(c *Config, v string) error { return duration(&c.Warning, v, minWarning, maxIdle) }},
		{"kiosk.staff_exit_key", "", "", kindText, "",
			func(c *Config, v string) error { return keyName(&c.StaffExitKey, v) }},
		{"kiosk.staff_pin", "", "", kindText, "",
			func(c *Config, v string) error { return pin(&c.StaffPIN, v) }},
		{"display.theme", "SKINGUIDE_THEME", "theme", kindText,
			"colour theme: auto (dark or light, from the terminal's background), dark, light or high-contrast",
			func(c *Config, v string) error { return parseTheme(&c.Theme, v) }},
		{"display.lang", "SKINGUIDE_LANG", "lang", kindText,
			"language of the guide, e.g. en or es (default: the system's language, LANG or LC_ALL, when the content has it; else en)",
			func(c *Config, v string) error { return lang(&c.Lang, v) }},
		{"display.content", "SKINGUIDE_CONTENT", "content", kindText,
			"read content from this folder instead of the built-in content",
			func(c *Config, v string) error { return text(&c.Content, v) }},
		{"display.log", "SKINGUIDE_LOG", "log", kindText,
			"append logs to this file instead of stderr",
			func(c *Config, v string) error { return text(&c.Log, v) }},
	}, serveFields()...)
}

// text accepts one line of plain text: it is drawn on screen later, so
// control characters and escape sequences are refused here.
func text(dst *string, v string) error {
	if !utf8.ValidString(v) {
		return fmt.Errorf("is not valid UTF-8")
	}
	for _, r := range v {
		if termsafe.Unsafe(r) || r == '\n' || r == '\r' || r == '\t' {
			return fmt.Errorf("contains a control character (U+%04X); use plain text on one line", r)
		}
	}
	if n := utf8.RuneCountInString(v); n > maxText {
		return fmt.Errorf("is %d characters long; keep it under %d", n, maxText)
	}
	*dst = v
	return nil
}

// emergencyNumber accepts a short phone number such as "999" or "112".
func emergencyNumber(dst *string, v string) error {
	var s string
	if err := text(&s, v); err != nil {
		return err
	}
	s = strings.TrimSpace(s)
	if s == "" {
		*dst = ""
		return nil
	}
	if len(s) > 15 || strings.Trim(s, "0123456789 +-") != "" {
		return fmt.Errorf("%q is not a phone number such as 999 or 911", s)
	}
	*dst = s
	return nil
}

// date accepts a calendar date, YYYY-MM-DD.
func date(dst *time.Time, v string) error {
	if strings.TrimSpace(v) == "" {
		*dst = time.Time{}
		return nil
	}
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(v))
	if err != nil {
		return fmt.Errorf("%q is not a date in the form YYYY-MM-DD", v)
	}
	*dst = t
	return nil
}

func website(dst *string, v string) error {
	var s string
	if err := text(&s, v); err != nil {
		return err
	}
	if s != "" {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
			return fmt.Errorf("%q is not a web address (use e.g. https://example.com)", s)
		}
	}
	*dst = s
	return nil
}

func boolean(dst *bool, v string) error {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "t", "true", "yes", "on":
		*dst = true
	case "0", "f", "false", "no", "off":
		*dst = false
	default:
		return fmt.Errorf("%q is not true or false", v)
	}
	return nil
}

func duration(dst *time.Duration, v string, lo, hi time.Duration) error {
	d, err := time.ParseDuration(strings.TrimSpace(v))
	switch {
	case err != nil:
		return fmt.Errorf("%q is not a duration (use e.g. 3m or 90s)", v)
	case d < 0:
		return fmt.Errorf("%s is negative", short(d))
	case d < lo:
		return fmt.Errorf("%s is too short (use at least %s)", short(d), short(lo))
	case d > hi:
		return fmt.Errorf("%s is too long (use at most %s)", short(d), short(hi))
	}
	*dst = d
	return nil
}

// short prints a duration the way people write it: 3m, not 3m0s.
func short(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

var (
	pinPattern  = regexp.MustCompile(`^[0-9]{4,12}$`)
	langPattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

func pin(dst *string, v string) error {
	// The PIN itself is never repeated in a message: errors may be logged.
	if v != "" && !pinPattern.MatchString(v) {
		return fmt.Errorf("must be 4 to 12 digits")
	}
	*dst = v
	return nil
}

func keyName(dst *string, v string) error {
	if v == "" {
		*dst = v
		return nil
	}
	base := strings.TrimPrefix(v, "alt+")
	switch {
	case len(v) > 32 || !knownKey(base):
		return fmt.Errorf("%q is not a key name (use e.g. ctrl+x, alt+x or f12)", v)
	case base == v && utf8.RuneCountInString(v) == 1:
		return fmt.Errorf("%q is a key patients type (menu choices, the search box); use ctrl+ or alt+ with it, or a key such as f12", v)
	}
	*dst = v
	return nil
}

// knownKey reports whether name is a key as bubbletea names it (see
// tea.Key.String): one printable character, or one of its named keys.
// Anything else ("ctrl+nonsense", "control+x") would never match a key.
func knownKey(name string) bool {
	if r, size := utf8.DecodeRuneInString(name); size == len(name) && r != utf8.RuneError && unicode.IsPrint(r) && r != ' ' {
		return true
	}
	for t := -128; t < 128; t++ {
		if n := tea.KeyType(t).String(); n != "" && n == name {
			return true
		}
	}
	return false
}

func parseTheme(dst *theme.Theme, v string) error {
	t, err := theme.Parse(v)
	if err != nil {
		return err
	}
	*dst = t
	return nil
}

func lang(dst *string, v string) error {
	if !langPattern.MatchString(v) {
		return fmt.Errorf("%q is not a language code (use e.g. en or es)", v)
	}
	*dst = v
	return nil
}

// expected says what a key's TOML value should look like, for type errors.
func (f field) expected() string {
	name := f.key[strings.LastIndexByte(f.key, '.')+1:]
	switch {
	case f.kind == kindBool:
		return "must be true or false, without quotes"
	case f.kind == kindInt:
		return fmt.Sprintf("must be a whole number, without quotes, e.g. %s = 20", name)
	case f.kind == kindDuration:
		return fmt.Sprintf("must be a duration in quotes, e.g. %s = %q", name, "3m")
	case f.key == "kiosk.staff_pin":
		return fmt.Sprintf("must be digits in quotes, e.g. %s = %q", name, "2468")
	}
	return fmt.Sprintf("must be text in quotes, e.g. %s = %s", name, strconv.Quote("..."))
}

// localeLang reads the language of a POSIX locale name: "es" from
// "es_ES.UTF-8" or "es_MX", "" from "C", "POSIX" or anything else.
func localeLang(v string) string {
	v, _, _ = strings.Cut(v, ".")
	v, _, _ = strings.Cut(v, "@")
	lang, _, _ := strings.Cut(v, "_")
	lang = strings.ToLower(lang)
	if len(lang) < 2 || len(lang) > 3 || strings.Trim(lang, "abcdefghijklmnopqrstuvwxyz") != "" {
		return ""
	}
	return lang
}

// locale is the language the system asks for, by POSIX precedence: LC_ALL
// overrides LC_MESSAGES, which overrides LANG.
func locale(getenv func(string) string) string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return localeLang(v)
		}
	}
	return ""
}
