package kiosk

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const deployDir = "../../docs/deploy"

// unit is a systemd unit file: section -> key -> values, in order (a key
// may appear more than once, e.g. After= or Environment=).
type unit map[string]map[string][]string

func parseUnit(t *testing.T, path string) unit {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u := unit{}
	section := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
			if u[section] != nil {
				t.Errorf("%s:%d: section [%s] twice", path, n, section)
			}
			u[section] = map[string][]string{}
		case strings.HasSuffix(line, `\`):
			t.Errorf("%s:%d: keep each setting on one line", path, n)
		default:
			key, value, ok := strings.Cut(line, "=")
			if !ok || section == "" {
				t.Errorf("%s:%d: not a key=value line in a section: %q", path, n, line)
				continue
			}
			u[section][strings.TrimSpace(key)] = append(u[section][strings.TrimSpace(key)], strings.TrimSpace(value))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return u
}

// has reports whether section.key has value among its (space-separated) values.
func (u unit) has(section, key, value string) bool {
	for _, v := range u[section][key] {
		if v == value {
			return true
		}
		for _, word := range strings.Fields(v) {
			if word == value {
				return true
			}
		}
	}
	return false
}

func TestKioskUnit(t *testing.T) {
	path := filepath.Join(deployDir, "skinguide-kiosk.service")
	u := parseUnit(t, path)
	staff := strconv.Itoa(StaffExitStatus)
	required := []struct{ section, key, value string }{
		{"Unit", "StartLimitIntervalSec", "0"},
		{"Unit", "Conflicts", "getty@tty1.service"},
		{"Unit", "After", "getty@tty1.service"},
		{"Unit", "OnSuccess", "getty@tty1.service"},
		{"Service", "Restart", "always"},
		{"Service", "RestartSec", "1"},
		{"Service", "RestartPreventExitStatus", staff},
		{"Service", "SuccessExitStatus", staff},
		{"Service", "User", "skinguide"},
		{"Service", "TTYPath", "/dev/tty1"},
		{"Service", "StandardInput", "tty"},
		{"Service", "StandardOutput", "tty"},
		{"Service", "StandardError", "journal"},
		{"Service", "TTYReset", "yes"},
		{"Service", "TTYVHangup", "yes"},
		{"Service", "TTYVTDisallocate", "yes"},
		{"Service", "Environment", "TERM=linux"},
		{"Service", "WatchdogSec", "30"}, // see Watchdog
		{"Install", "WantedBy", "multi-user.target"},
	}
	for _, r := range required {
		if !u.has(r.section, r.key, r.value) {
			t.Errorf("%s: [%s] lacks %s=%s (has %q)", path, r.section, r.key, r.value, u[r.section][r.key])
		}
	}
	// In [Service] systemd ignores it, and gives up after 5 quick crashes.
	if _, ok := u["Service"]["StartLimitIntervalSec"]; ok {
		t.Errorf("%s: StartLimitIntervalSec belongs in [Unit]", path)
	}
	execStart := u["Service"]["ExecStart"]
	if len(execStart) != 1 {
		t.Fatalf("%s: want one ExecStart, have %q", path, execStart)
	}
	args := strings.Fields(execStart[0])
	if args[0] != "/usr/local/bin/skinguide" || !u.has("Service", "ExecStart", "--kiosk") ||
		!strings.Contains(execStart[0], "--config /etc/skinguide/config.toml") {
		t.Errorf("%s: ExecStart=%s, want /usr/local/bin/skinguide --kiosk --config /etc/skinguide/config.toml", path, execStart[0])
	}
	// Hardening that would hide /dev/tty1 from the service.
	for _, key := range []string{"PrivateDevices", "DeviceAllow", "ProtectClock", "DevicePolicy"} {
		if _, ok := u["Service"][key]; ok {
			t.Errorf("%s: %s= restricts devices and would lock the kiosk out of tty1", path, key)
		}
	}
	verify(t, path, map[string]string{"/usr/local/bin/skinguide": ""})
}

func TestKeysUnit(t *testing.T) {
	path := filepath.Join(deployDir, "skinguide-keys.service")
	u := parseUnit(t, path)
	if !u.has("Unit", "Before", "skinguide-kiosk.service") || !u.has("Service", "Type", "oneshot") ||
		!u.has("Service", "ExecStart", "/etc/skinguide/kiosk.keymap") {
		t.Errorf("%s: %v", path, u)
	}
	verify(t, path, map[string]string{"/usr/bin/loadkeys": "/bin/true"})
}

// The unit of skinguide serve (docs/serve.md).
func TestServeUnit(t *testing.T) {
	path := filepath.Join(deployDir, "skinguide-serve.service")
	u := parseUnit(t, path)
	if !u.has("Service", "ExecStart", "/usr/local/bin/skinguide serve --config /etc/skinguide/config.toml") ||
		!u.has("Service", "StateDirectory", "skinguide") || !u.has("Service", "Restart", "always") ||
		!u.has("Service", "ExecReload", "/bin/kill -HUP $MAINPID") {
		t.Errorf("%s: %v", path, u)
	}
	verify(t, path, map[string]string{"/usr/local/bin/skinguide": ""})
}

// verify runs systemd-analyze verify on a copy of the unit, when the
// command exists. Programs the unit runs that are not installed here are
// swapped for stand-ins ("" = this test binary), since verify checks that
// they exist.
func verify(t *testing.T, path string, standIns map[string]string) {
	t.Helper()
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed; key checks only")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for prog, standIn := range standIns {
		if _, err := os.Stat(prog); err == nil {
			continue
		}
		if standIn == "" {
			if standIn, err = os.Executable(); err != nil {
				t.Fatal(err)
			}
		}
		src = bytes.ReplaceAll(src, []byte(prog+" "), []byte(standIn+" "))
	}
	copyPath := filepath.Join(t.TempDir(), filepath.Base(path))
	if err := os.WriteFile(copyPath, src, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(analyze, "verify", "--man=no", copyPath)
	out, err := cmd.CombinedOutput()
	// verify exits 0 on unknown keys: any line about our file is a failure.
	var problems []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, filepath.Base(path)) {
			problems = append(problems, line)
		}
	}
	if err != nil || len(problems) > 0 {
		t.Errorf("systemd-analyze verify %s: %v\n%s", path, err, out)
	}
}

// The example config and the units are what docs/kiosk.md tells people to
// copy: make sure it names them as they are.
func TestKioskDocNamesDeployFiles(t *testing.T) {
	doc, err := os.ReadFile("../../docs/kiosk.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"docs/deploy/skinguide-kiosk.service", "docs/deploy/skinguide-keys.service",
		"docs/deploy/config.example.toml", "systemctl stop skinguide-kiosk", "journalctl -u skinguide-kiosk",
		"skinguide check --strict", "StartLimitIntervalSec=0", "systemctl mask ctrl-alt-del.target"} {
		if !bytes.Contains(doc, []byte(name)) {
			t.Errorf("docs/kiosk.md does not mention %s", name)
		}
	}
	entries, err := os.ReadDir(deployDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !bytes.Contains(doc, []byte("docs/deploy/"+e.Name())) {
			t.Errorf("docs/kiosk.md does not explain docs/deploy/%s", e.Name())
		}
	}
}
