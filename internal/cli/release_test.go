package cli

import (
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"
)

func TestDescribeBuild(t *testing.T) {
	info := &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "github.com/skinguide/skinguide", Version: "v1.2.0"},
		Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "b606af56e5c522bcaa304bd5705ea2c5254950dc"},
			{Key: "vcs.time", Value: "2026-11-29T22:45:59Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	want := "v1.2.0\ncommit b606af56e5c522bcaa304bd5705ea2c5254950dc (with uncommitted changes), committed 2026-11-29T22:45:59Z\nbuilt with go1.26.8"
	if got := describeBuild(info, true); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := describeBuild(&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, GoVersion: "go1.26.8"}, true); got != "devel\nbuilt with go1.26.8" {
		t.Errorf("a development build: %q", got)
	}
	if got := describeBuild(nil, false); !strings.HasPrefix(got, "unknown") {
		t.Errorf("no build info: %q", got)
	}
}

// --version used to print "dev", a string set by hand with -ldflags.
func TestVersionComesFromTheBuild(t *testing.T) {
	out, _, code := run(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "skinguide ") || strings.HasPrefix(out, "skinguide dev\n") ||
		!strings.Contains(out, "built with go1.") {
		t.Errorf("exit %d: %q", code, out)
	}
}

// The root took cobra.NoArgs, so a mistyped command suggested nothing.
func TestMistypedCommandSuggests(t *testing.T) {
	for typed, want := range map[string]string{"lst": "did you mean list?", "prnt": "did you mean print?", "chek": "did you mean check?"} {
		_, errOut, code := run(t, typed)
		if code != ExitUsage || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", typed, code, errOut, want)
		}
	}
	_, errOut, _ := run(t, "zzzzzz")
	if !strings.Contains(errOut, `unknown command "zzzzzz"`) || strings.Contains(errOut, "did you mean") {
		t.Errorf("nothing close: %q", errOut)
	}
}

func TestManPage(t *testing.T) {
	out, _, code := run(t, "man")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{".TH SKINGUIDE 1", ".SH NAME", "check", "print", `\fB--kiosk\fP`, `\fB--config\fP`, `.SH EXIT STATUS`, `Apache License 2\&.0`} {
		if !strings.Contains(out, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
}

func TestCompletions(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		out, errOut, code := run(t, "completion", shell)
		if code != 0 || len(out) < 500 || !strings.Contains(out, "skinguide") {
			t.Errorf("%s: exit %d, %d bytes, stderr %q", shell, code, len(out), errOut)
		}
	}
}

func TestThemeCompletes(t *testing.T) {
	out, _, code := run(t, "__complete", "--theme", "")
	if code != 0 || !strings.Contains(out, "dark\nlight\nhigh-contrast\n") {
		t.Errorf("exit %d: %q", code, out)
	}
}

// PRODUCT.md allows only these at the top of the repository (and files
// whose names start with a dot, such as .ci/ and .gitignore). The licence
// lives in docs/.
func TestTopLevelHoldsOnlyWhatTheProductAllows(t *testing.T) {
	out, err := exec.Command("git", "-C", "../..", "ls-files").Output()
	if err != nil {
		t.Skipf("not in a git checkout: %v", err)
	}
	allowed := map[string]bool{"cmd": true, "internal": true, "content": true, "go.mod": true,
		"README.md": true, "go.sum": true, "docs": true}
	for _, f := range strings.Fields(string(out)) {
		top, _, _ := strings.Cut(f, "/")
		if !allowed[top] && !strings.HasPrefix(top, ".") {
			t.Errorf("%s is at the top of the repository; PRODUCT.md allows only cmd/, internal/, content/, docs/, .ci/, go.mod, go.sum and README.md", top)
		}
	}
}
