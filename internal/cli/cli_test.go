package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Execute(args, Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Now:      func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) },
		Getenv:   func(string) string { return "" },
		Terminal: func() (bool, int) { return false, 0 },
	})
	return out.String(), errb.String(), code
}

func TestCheckShippedContent(t *testing.T) {
	out, _, code := run(t, "check", "--strict")
	if code != 0 || !strings.Contains(out, "0 errors, 0 warnings") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

func copyContent(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCheckBrokenFolder(t *testing.T) {
	dir := copyContent(t)
	page := filepath.Join(dir, "en", "faq", "makeup.md")
	src, _ := os.ReadFile(page)
	src = bytes.Replace(src, []byte("section: aftercare"), []byte("section: afterwards"), 1)
	src = append(src, []byte("\nsneaky \x1b[2J\n")...)
	if err := os.WriteFile(page, src, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "check", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{
		filepath.Join(dir, "en/faq/makeup.md") + `:4: section "afterwards" does not exist`,
		filepath.Join(dir, "en/faq/makeup.md") + ":",
		"contains an escape character",
		"2 errors, 0 warnings",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCheckUnreadableFolder(t *testing.T) {
	_, errOut, code := run(t, "check", filepath.Join(t.TempDir(), "nope"))
	if code != 2 || !strings.Contains(errOut, "cannot read content folder") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestList(t *testing.T) {
	out, _, code := run(t, "list")
	if code != 0 {
		t.Fatal(code)
	}
	for _, want := range []string{"what-is-microneedling", "faq", "day-2", "timeline", "call-us", "page"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q", want)
		}
	}
}

// writeCounter counts the writes made to it, as system calls to a
// terminal or pipe would be.
type writeCounter struct {
	bytes.Buffer
	writes int
}

func (w *writeCounter) Write(p []byte) (int, error) { w.writes++; return w.Buffer.Write(p) }

// list writes its lines in a few large writes, not cell by cell: 1,000
// answers made 7,091 system calls.
func TestListWritesInBulk(t *testing.T) {
	var out writeCounter
	code := Execute([]string{"list"}, Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: io.Discard,
		Now:      func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) },
		Getenv:   func(string) string { return "" },
		Terminal: func() (bool, int) { return false, 0 },
	})
	lines := strings.Count(out.String(), "\n")
	if code != 0 || lines < 50 {
		t.Fatalf("exit %d, %d lines", code, lines)
	}
	if max := out.Len()/4096 + 2; out.writes > max {
		t.Errorf("list wrote %d lines of %d bytes in %d writes; want at most %d", lines, out.Len(), out.writes, max)
	}
}

func TestPrint(t *testing.T) {
	out, _, code := run(t, "print", "day-2")
	if code != 0 || strings.Contains(out, "\x1b") || !strings.Contains(out, "What you may notice") {
		t.Fatalf("print to a pipe must be plain text; exit %d:\n%s", code, out)
	}
	out, _, _ = run(t, "print", "day-2", "--color", "always")
	if !strings.Contains(out, "\x1b[") {
		t.Fatal("--color always should colour the output")
	}
	out, _, _ = run(t, "print", "day-2", "--format", "markdown")
	if !strings.HasPrefix(out, "# ") || strings.Contains(out, "\nreviewed: 2026") || !strings.Contains(out, "### What to do") {
		t.Fatalf("markdown format:\n%s", out)
	}
	out, _, _ = run(t, "print", "faq", "--plain", "--width", "50")
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > 50 {
			t.Fatalf("line wider than 50: %q", l)
		}
	}
	_, errOut, code := run(t, "print", "day-22")
	if code != 1 || !strings.Contains(errOut, `no page "day-22"; did you mean day-2`) {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = run(t, "print", "faq", "--width", "5")
	if code != 2 || !strings.Contains(errOut, "--width 5 is out of range") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestVersionAndHelp(t *testing.T) {
	out, _, code := run(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "skinguide ") {
		t.Fatalf("exit %d: %q", code, out)
	}
	for _, cmd := range [][]string{{"--help"}, {"check", "--help"}, {"print", "--help"}, {"list", "--help"}} {
		out, _, code := run(t, cmd...)
		if code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d", cmd, code)
		}
	}
}

func TestPrintGroupsAnswersBySection(t *testing.T) {
	out, _, code := run(t, "print", "faq", "--plain")
	if code != 0 {
		t.Fatal(code)
	}
	about, visit, aftercare := strings.Index(out, "\n  About\n"), strings.Index(out, "\n  The visit\n"), strings.Index(out, "\n  Aftercare\n")
	if about < 0 || visit < about || aftercare < visit {
		t.Fatalf("section headings missing or out of order: %d %d %d", about, visit, aftercare)
	}
	md, _, _ := run(t, "print", "aftercare", "--format", "markdown")
	if !strings.Contains(md, "\n# Aftercare\n\n## ") || !strings.Contains(md, "\n## When to call us") {
		t.Fatalf("aftercare sheet:\n%.300s", md)
	}
	one, _, _ := run(t, "print", "makeup", "--plain")
	if strings.Contains(one, "=====") {
		t.Fatal("a single page needs no section heading")
	}
}

// check compares the languages of a folder: a page missing from the
// translation is an error, a translation older than its English page a
// warning, and both name the file.
func TestCheckComparesLanguages(t *testing.T) {
	dir := copyContent(t)
	es := filepath.Join(dir, "es")
	if err := os.RemoveAll(es); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(es, os.DirFS(filepath.Join(dir, "en"))); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(es, "faq", "cost.md")); err != nil {
		t.Fatal(err)
	}
	tr := filepath.Join(es, "faq", "makeup.md")
	src, _ := os.ReadFile(tr)
	src = regexp.MustCompile(`reviewed: \d{4}-\d\d-\d\d`).ReplaceAll(src, []byte("reviewed: 2025-01-01"))
	if err := os.WriteFile(tr, src, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "check", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{
		filepath.Join(dir, "es/faq/cost.md") + ": missing: translate en/faq/cost.md",
		": warning: es/faq/makeup.md is older than en/faq/makeup.md: review the translation",
		" in en, es, ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// An except of a warning sign that holds none of the sign's keywords can
// never matter: check warns about it at its line, and --strict fails.
func TestCheckWarnsAboutUselessExcept(t *testing.T) {
	dir := copyContent(t)
	file := filepath.Join(dir, "en", "warning-signs.yaml")
	src, _ := os.ReadFile(file)
	src = bytes.Replace(src, []byte("except: [see difference,"), []byte("except: [\"results take months\", see difference,"), 1)
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	line := 1 + bytes.Count(src[:bytes.Index(src, []byte("results take months"))], []byte("\n"))
	out, _, code := run(t, "check", dir)
	want := fmt.Sprintf("%s:%d: warning: except \"results take months\" holds none of the keywords of sign \"eye-problem\"", file, line)
	if code != 0 || !strings.Contains(out, want) || !strings.Contains(out, "0 errors, 1 warning") {
		t.Errorf("exit %d, want 0 and %q:\n%s", code, want, out)
	}
	if _, _, code := run(t, "check", "--strict", dir); code != 1 {
		t.Errorf("--strict: exit %d, want 1", code)
	}
}
