package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runEnv runs the command line with environment variables and counts how
// often it asked about the terminal.
func runEnv(t *testing.T, vars map[string]string, args ...string) (stdout, stderr string, code, terminal int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Execute(args, Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Now:    func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) },
		Getenv: func(k string) string { return vars[k] },
		Terminal: func() (bool, int) {
			terminal++
			return false, 0
		},
	})
	return out.String(), errb.String(), code, terminal
}

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A bad configuration stops every command with one line naming the file,
// the line and the key, and exit status 2, before the terminal is touched.
func TestBadConfigStopsBeforeTheTerminal(t *testing.T) {
	bad := writeConfig(t, "[clinic]\nname = \"Riverside\"\n\n[kiosk]\nidle = \"3 minutes\"\n")
	for _, args := range [][]string{
		{"--config", bad},
		{"--config", bad, "--kiosk"},
		{"--config", bad, "list"},
		{"--config", bad, "print", "day-2"},
		{"--config", bad, "check"},
		{"list", "--config", bad},
	} {
		out, errOut, code, terminal := runEnv(t, nil, args...)
		want := bad + ":5: kiosk.idle: \"3 minutes\" is not a duration"
		if code != ExitUsage || out != "" || terminal != 0 {
			t.Errorf("%v: exit %d, stdout %q, asked the terminal %d times; want exit 2, nothing, never", args, code, out, terminal)
		}
		if !strings.Contains(errOut, want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: stderr %q, want one line with %q", args, errOut, want)
		}
	}
	// From the environment and flags too, named as such.
	_, errOut, code, _ := runEnv(t, map[string]string{"SKINGUIDE_IDLE": "2s"}, "list")
	if code != ExitUsage || !strings.Contains(errOut, "SKINGUIDE_IDLE: 2s is too short") {
		t.Errorf("env: exit %d, %q", code, errOut)
	}
	_, errOut, code, _ = runEnv(t, nil, "--idle-warning", "5m", "list")
	if code != ExitUsage || !strings.Contains(errOut, "--idle-warning: 5m must be shorter than the idle time") {
		t.Errorf("flag: exit %d, %q", code, errOut)
	}
}

// "skinguide --config FILE list" is how docs/kiosk.md checks a kiosk's
// configuration: a good file lists the pages of the content it names.
func TestConfigChoosesContent(t *testing.T) {
	dir := copyContent(t)
	page := filepath.Join(dir, "en", "faq", "makeup.md")
	src, _ := os.ReadFile(page)
	src = bytes.Replace(src, []byte("title: When can I wear makeup again?"), []byte("title: Makeup at Riverside"), 1)
	if err := os.WriteFile(page, src, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := writeConfig(t, "[display]\ncontent = \""+dir+"\"\ntheme = \"light\"\n")
	out, errOut, code, _ := runEnv(t, nil, "--config", cfg, "list")
	if code != 0 || !strings.Contains(out, "Makeup at Riverside") {
		t.Fatalf("list with the config's content folder: exit %d, %q\n%s", code, errOut, out)
	}
	// The environment names the file too; a flag still wins over the file.
	out, _, code, _ = runEnv(t, map[string]string{"SKINGUIDE_CONFIG": cfg}, "list", "--content", "")
	if code != 0 || strings.Contains(out, "Makeup at Riverside") {
		t.Errorf("--content \"\" should choose the built-in content over the file's folder")
	}
	// check without DIR checks the configured folder.
	out, _, code, _ = runEnv(t, nil, "--config", cfg, "check")
	if code != 0 || !strings.Contains(out, dir+":") {
		t.Errorf("check with the config's folder: exit %d\n%s", code, out)
	}
	// A language that the folder does not have (it has en and es) is an error
	// of that content, exit 1.
	_, errOut, code, _ = runEnv(t, map[string]string{"SKINGUIDE_LANG": "fr"}, "--config", cfg, "list")
	if code != ExitProblem || !strings.Contains(errOut, dir) {
		t.Errorf("SKINGUIDE_LANG=fr: exit %d, %q", code, errOut)
	}
}

// Outside kiosk mode, bad content stops the guide (exit 1), before the
// terminal; a kiosk would show the built-in content instead.
func TestBadContentStopsTheGuide(t *testing.T) {
	dir := copyContent(t)
	page := filepath.Join(dir, "en", "faq", "makeup.md")
	src, _ := os.ReadFile(page)
	if err := os.WriteFile(page, bytes.Replace(src, []byte("section: aftercare"), []byte("section: x"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code, terminal := runEnv(t, nil, "--content", dir)
	if code != ExitProblem || terminal != 0 || !strings.Contains(errOut, "has errors") {
		t.Errorf("exit %d, terminal asked %d times, %q", code, terminal, errOut)
	}
	// The kiosk needs a terminal before anything else.
	_, errOut, code, _ = runEnv(t, nil, "--content", dir, "--kiosk")
	if code != ExitUsage || !strings.Contains(errOut, "kiosk mode needs a terminal") {
		t.Errorf("kiosk without a terminal: exit %d, %q", code, errOut)
	}
}

// The system's language is followed when the content has it and nothing
// else names a language; --lang, SKINGUIDE_LANG and the file win over it.
func TestLanguageFromLocale(t *testing.T) {
	dir := copyContent(t)
	es := filepath.Join(dir, "es")
	_ = os.RemoveAll(es)
	if err := os.CopyFS(es, os.DirFS(filepath.Join(dir, "en"))); err != nil {
		t.Fatal(err)
	}
	// Mark the copy so that list shows which language was chosen.
	page := filepath.Join(es, "faq", "makeup.md")
	src, _ := os.ReadFile(page)
	if err := os.WriteFile(page, bytes.Replace(src, []byte("title: "), []byte("title: ES "), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		env    map[string]string
		args   []string
		wantES bool
	}{
		{map[string]string{"LANG": "es_ES.UTF-8"}, nil, true},
		{map[string]string{"LC_ALL": "es_MX.UTF-8", "LANG": "en_US.UTF-8"}, nil, true},
		{map[string]string{"LANG": "C.UTF-8"}, nil, false},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, nil, false}, // no French content: the default
		{map[string]string{"LANG": "es_ES.UTF-8", "SKINGUIDE_LANG": "en"}, nil, false},
		{map[string]string{"LANG": "es_ES.UTF-8"}, []string{"--lang", "en"}, false},
		{nil, []string{"--lang", "es"}, true},
	}
	for _, tt := range tests {
		out, errOut, code, _ := runEnv(t, tt.env, append([]string{"list", "--content", dir}, tt.args...)...)
		if code != 0 {
			t.Fatalf("%v %v: exit %d %s", tt.env, tt.args, code, errOut)
		}
		if got := strings.Contains(out, "ES "); got != tt.wantES {
			t.Errorf("%v %v: Spanish chosen = %v, want %v", tt.env, tt.args, got, tt.wantES)
		}
	}
}
