package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/contentgen"
)

// buildBinary builds the real skinguide binary into a temporary folder.
func buildBinary(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "skinguide")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/skinguide/skinguide/cmd/skinguide").CombinedOutput()
	if err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// bigContent writes a content root with 1,000 FAQ answers to a folder.
func bigContent(tb testing.TB) string {
	tb.Helper()
	fsys, err := contentgen.FAQ(embedded.FS(), "en", 1000)
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	if err := os.CopyFS(dir, fsys); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// running is the binary in an 80x24 pseudo-terminal.
type running struct {
	cmd *exec.Cmd
	tty *os.File
	scr *screen
}

func start(tb testing.TB, bin string, args ...string) *running {
	tb.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(withoutColorVars(os.Environ()), "TERM=xterm-256color")
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		tb.Fatalf("start in a pseudo-terminal: %v", err)
	}
	r := &running{cmd: cmd, tty: tty, scr: newScreen()}
	go func() { _, _ = io.Copy(answering{r.scr, tty}, tty) }()
	return r
}

// answering passes output to a screen and answers the status queries a real
// terminal answers. bubbletea v1.3 asks for the background colour when the
// process starts (tea_init.go: lipgloss.HasDarkBackground), and termenv
// waits up to 5 seconds for a reply; every terminal emulator and the Linux
// console reply to the cursor-position query at once, so an unanswered
// pseudo-terminal would measure termenv's timeout, not skinguide.
type answering struct {
	scr *screen
	tty io.Writer
}

func (a answering) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("\x1b]11;?")) {
		_, _ = a.tty.Write([]byte("\x1b]11;rgb:0000/0000/0000\x1b\\"))
	}
	if bytes.Contains(p, []byte("\x1b[6n")) {
		_, _ = a.tty.Write([]byte("\x1b[1;1R"))
	}
	return a.scr.Write(p)
}

func (r *running) stop() {
	_ = r.cmd.Process.Kill()
	_ = r.cmd.Wait()
	_ = r.tty.Close()
}

// homeDone is what the last part of a complete home screen shows: the last
// menu item and the hint bar.
var homeDone = []string{"About this guide", "help"}

// BenchmarkStartup times the real binary from exec to the first complete
// home screen in an 80x24 pseudo-terminal, with the shipped content and with
// a content folder of 1,000 FAQ answers. It reports the median.
func BenchmarkStartup(b *testing.B) {
	bin := buildBinary(b)
	big := bigContent(b)
	for _, bc := range []struct {
		name string
		args []string
	}{{"shipped", nil}, {"1000-faq", []string{"--content", big}}} {
		b.Run(bc.name, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				t0 := time.Now()
				r := start(b, bin, bc.args...)
				r.scr.waitFor(b, 0, homeDone...)
				times = append(times, time.Since(t0))
				r.stop()
			}
			b.ReportMetric(ms(median(times)), "ms/first-frame")
		})
	}
}

// BenchmarkPeakMemory visits every page of the shipped content once in the
// real binary, then reports its peak resident memory (VmHWM).
func BenchmarkPeakMemory(b *testing.B) {
	bin := buildBinary(b)
	var peaks []float64
	for b.Loop() {
		r := start(b, bin)
		mark := r.scr.waitFor(b, 0, homeDone...)
		send := func(keys string, want ...string) {
			if _, err := r.tty.Write([]byte(keys)); err != nil {
				b.Fatal(err)
			}
			mark = r.scr.waitFor(b, mark, want...)
		}
		send("1", "Questions and answers")
		send("\r", "Related")
		for i := 0; i < 40; i++ { // n past the last question stays there
			send("n")
		}
		send("\x1b")
		time.Sleep(50 * time.Millisecond)
		send("\x1b", "Recovery day by day")
		send("2", "Day 0")
		for i := 0; i < 15; i++ {
			send("\x1b[C")
		}
		send("!", "When to call us")
		send("\x1b")
		time.Sleep(50 * time.Millisecond)
		send("\x1b", "About this guide")
		send("6", "based on") // About: 4 is Is this normal?, 5 the glossary
		peaks = append(peaks, vmHWM(b, r.cmd.Process.Pid))
		r.stop()
	}
	sort.Float64s(peaks)
	b.ReportMetric(peaks[len(peaks)/2], "MiB-peak")
}

// vmHWM reads a process's peak resident set size in MiB.
func vmHWM(tb testing.TB, pid int) float64 {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		tb.Skipf("no /proc here: %v", err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			if err != nil {
				tb.Fatalf("VmHWM %q: %v", rest, err)
			}
			return float64(kb) / 1024
		}
	}
	tb.Fatal("no VmHWM in /proc status")
	return 0
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
