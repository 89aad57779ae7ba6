package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// noControls fails when text written to a terminal holds an escape or any
// other control character but a newline or tab.
func noControls(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x202e {
			t.Errorf("%s: U+%04X reaches the terminal:\n%q", what, r, s)
			return
		}
	}
}

// The reproduction of issue 12: a title written with YAML escapes, and a
// file named with an escape sequence. check must refuse both, and no
// command may write the raw sequences.
func TestHostileContentNeverReachesTheTerminal(t *testing.T) {
	dir := copyContent(t)
	page := filepath.Join(dir, "en", "faq", "how-deep.md")
	src, _ := os.ReadFile(page)
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "title: ") {
			lines[i] = `title: "How deep\e]0;PWNED\a\e[2J do the needles go?"`
			break
		}
	}
	if err := os.WriteFile(page, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "check", "--strict", dir)
	noControls(t, "check", out+errOut)
	if code != 1 || !strings.Contains(out, "how-deep.md:3: title: contains an escape character") {
		t.Errorf("check should refuse a title with YAML escapes; exit %d:\n%s", code, out)
	}
	for _, args := range [][]string{
		{"--content", dir, "list"},
		{"--content", dir, "print", "faq", "--plain"},
		{"--content", dir, "print", "faq", "--format", "markdown"},
	} {
		out, errOut, code := run(t, args...)
		noControls(t, strings.Join(args[2:], " "), out+errOut)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1 (content with errors is refused)", args, code)
		}
	}

	dir = copyContent(t)
	bad := filepath.Join(dir, "en", "faq", "\x1b]0;PWN\x07.md")
	if err := os.WriteFile(bad, []byte("no front matter\n"), 0o644); err != nil {
		t.Skip("this file system refuses the name:", err)
	}
	out, errOut, _ = run(t, "check", dir)
	noControls(t, "check of a hostile file name", out+errOut)
	if !strings.Contains(out, `\x1b]0;PWN\a.md"`) {
		t.Errorf("the file name should be quoted:\n%s", out)
	}
}

// What a clinic's guide holds is checked when it is loaded; what list and
// print draw is cleaned again on the way out (termsafe.Clean), so that a
// check missed in one place is not a hijacked terminal.
func TestPrintCleansSectionTitles(t *testing.T) {
	dir := copyContent(t)
	f := filepath.Join(dir, "en", "guide.yaml")
	src, _ := os.ReadFile(f)
	// A tab in a section title is valid YAML text, but a heading is one line.
	src = []byte(strings.Replace(string(src), "title: About\n", "title: \"About\\tus\"\n", 1))
	if err := os.WriteFile(f, src, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "--content", dir, "print", "faq", "--plain")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "  About us\n") {
		t.Errorf("section heading should be cleaned to one line:\n%.300s", out)
	}
}

// A default config location that cannot be read (issue 12: HOME=/root as
// user nobody) used to make every command exit 2.
func TestUnreadableDefaultConfigIsSkipped(t *testing.T) {
	home := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(home, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code, _ := runEnv(t, map[string]string{"HOME": home}, "list")
	if code != 0 || !strings.Contains(out, "call-us") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if want := "skinguide: skipped a config file that cannot be read: " + filepath.Join(home, ".config/skinguide/config.toml") + ": not a directory\n"; !strings.HasSuffix(errOut, want) || strings.Count(errOut, "skipped") != 1 {
		t.Errorf("stderr %q, want once %q", errOut, want)
	}
}

func TestStaffExitKeyMustBeFree(t *testing.T) {
	for key, want := range map[string]string{
		"1":             `kiosk.staff_exit_key: "1" is a key patients type`,
		"tab":           `kiosk.staff_exit_key: "tab" is already a key of the guide`,
		"ctrl+nonsense": `kiosk.staff_exit_key: "ctrl+nonsense" is not a key name`,
	} {
		path := writeConfig(t, "[kiosk]\nstaff_exit_key = \""+key+"\"\nstaff_pin = \"2468\"\n")
		_, errOut, code, _ := runEnv(t, nil, "--config", path, "list")
		if code != 2 || !strings.Contains(errOut, path+":2: "+want) {
			t.Errorf("%s: exit %d, stderr %q; want %q", key, code, errOut, want)
		}
	}
}
