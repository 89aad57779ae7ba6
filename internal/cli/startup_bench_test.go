package cli

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
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

// buildEmptyTea builds testdata/emptytea, the smallest bubbletea program
// started as skinguide starts, into a temporary folder.
func buildEmptyTea(tb testing.TB) string {
	tb.Helper()
	empty := filepath.Join(tb.TempDir(), "emptytea")
	if out, err := exec.Command("go", "build", "-o", empty, "./testdata/emptytea").CombinedOutput(); err != nil {
		tb.Fatalf("go build emptytea: %v\n%s", err, out)
	}
	return empty
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
// a content folder of 1,000 FAQ answers. It reports the median. Its
// package-init part names what of that is package initialisation.
func BenchmarkStartup(b *testing.B) {
	bin := buildBinary(b)
	big := bigContent(b)
	empty := buildEmptyTea(b)
	for _, bc := range []struct {
		name string
		bin  string
		args []string
		done []string
	}{
		{"shipped", bin, nil, homeDone},
		{"1000-faq", bin, []string{"--content", big}, homeDone},
		{"empty-bubbletea", empty, nil, []string{"presses [0]"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				t0 := time.Now()
				r := start(b, bc.bin, bc.args...)
				r.scr.waitFor(b, 0, bc.done...)
				times = append(times, time.Since(t0))
				r.stop()
			}
			b.ReportMetric(ms(median(times)), "ms/first-frame")
		})
	}
	b.Run("package-init", func(b *testing.B) { packageInit(b, bin) })
}

// BenchmarkPeakMemory walks the real binary at 80x24 through every page
// of the shipped English guide once (every FAQ answer with n, every
// timeline step with →, When to call us, Is this normal?, Words we use,
// About), waiting for each screen to show before the next key, then
// reports its peak resident memory (VmHWM). Budget: 30 MiB.
func BenchmarkPeakMemory(b *testing.B) {
	bin := buildBinary(b)
	g, ps := content.Load(embedded.FS(), "en")
	if ps.Errors() > 0 {
		b.Fatal(ps.Err())
	}
	var peaks, anon, file []float64
	for b.Loop() {
		r := start(b, bin)
		peaks = append(peaks, walkEveryPage(b, r, g))
		anon = append(anon, procStatusMiB(b, r.cmd.Process.Pid, "RssAnon"))
		file = append(file, procStatusMiB(b, r.cmd.Process.Pid, "RssFile"))
		r.stop()
	}
	mid := func(v []float64) float64 { sort.Float64s(v); return v[len(v)/2] }
	b.ReportMetric(mid(peaks), "MiB-peak")
	// What is resident at the end, split: the process's own memory (heap,
	// stacks) and the pages of the binary mapped from its file (code and
	// read-only data, shared with every other skinguide process).
	b.ReportMetric(mid(anon), "MiB-anon-end")
	b.ReportMetric(mid(file), "MiB-file-end")
}

// walkEveryPage shows every page of g in a running guide, each key sent
// once the screen before it is drawn, and returns the process's peak
// resident memory in MiB.
func walkEveryPage(tb testing.TB, r *running, g *content.Guide) float64 {
	tb.Helper()
	mark := r.scr.waitFor(tb, 0, homeDone...)
	send := func(keys string, want ...string) {
		tb.Helper()
		if _, err := r.tty.Write([]byte(keys)); err != nil {
			tb.Fatal(err)
		}
		mark = r.scr.waitFor(tb, mark, want...)
	}
	// A page's heading is drawn after a margin; in the line of related
	// questions under an answer a title comes after its number.
	heading := func(p *content.Page) string {
		t := p.Title
		if len(t) > 30 {
			t = t[:30] // long titles wrap
		}
		return "  " + t
	}
	send("1", "Questions and answers")
	send("\r", heading(g.FAQ[0]))
	for _, p := range g.FAQ[1:] {
		send("n", heading(p))
	}
	send("\x1b", "Earlier questions") // the list, at the last question
	send("\x1b", "Press a number")    // Home
	send("2", heading(g.Timeline[0]))
	for _, p := range g.Timeline[1:] {
		send("\x1b[C", heading(p))
	}
	send("!", "When to call us", "Emergency")
	send("\x1b", heading(g.Timeline[len(g.Timeline)-1]))
	send("\x1b", "Press a number")
	send("4", "How many days ago")
	send("\x1b", "Press a number")
	send("5", "Words we use", "AHA")
	send("\x1b", "Press a number")
	send("6", "About this guide", "based on")
	return vmHWM(tb, r.cmd.Process.Pid)
}

// vmHWM reads a process's peak resident set size in MiB.
func vmHWM(tb testing.TB, pid int) float64 { return procStatusMiB(tb, pid, "VmHWM") }

// procStatusMiB reads a field in kB of /proc/PID/status, in MiB.
func procStatusMiB(tb testing.TB, pid int, field string) float64 {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		tb.Skipf("no /proc here: %v", err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			if err != nil {
				tb.Fatalf("%s %q: %v", field, rest, err)
			}
			return float64(kb) / 1024
		}
	}
	tb.Fatalf("no %s in /proc status", field)
	return 0
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// BenchmarkKeypressRoundTrip is the keypress a person waits for, measured
// from outside: the real binary in an 80x24 pseudo-terminal, from writing
// a key to the terminal until the new screen has been written back. Beside
// it, the same for an empty bubbletea program started with the same
// options (testdata/emptytea), at 120 frames a second as skinguide runs
// and at bubbletea's default 60: the difference between skinguide and the
// empty program is what skinguide adds; the rest is bubbletea's frame
// tick (a frame is drawn on the next tick after the model changes) and
// the pseudo-terminal. Each key is sent at a random moment of the frame
// period, as a person's is. Compare BenchmarkKeypress in internal/tui, which
// times Update and View alone.
func BenchmarkKeypressRoundTrip(b *testing.B) {
	bin := buildBinary(b)
	empty := buildEmptyTea(b)
	g, ps := content.Load(embedded.FS(), "en")
	if ps.Errors() > 0 {
		b.Fatal(ps.Err())
	}
	// Each case starts its program, prepares it, then says which key to
	// send for the i-th press and what the screen shows when it is drawn.
	presses := func(i int) (string, string) { return "x", fmt.Sprintf("presses [%d]", i+1) }
	for _, bc := range []struct {
		name    string
		bin     string
		args    []string
		ready   []string
		prepare func(tb testing.TB, r *running, mark int) int
		press   func(i int) (key, want string)
	}{
		{"empty-bubbletea-120fps", empty, nil, []string{"presses [0]"}, nil, presses},
		{"empty-bubbletea-60fps", empty, []string{"-fps", "60"}, []string{"presses [0]"}, nil, presses},
		{"skinguide/home-menu", bin, nil, homeDone, nil, func(i int) (string, string) {
			if i%2 == 0 {
				return "\x1b[B", "› 2  Recovery"
			}
			return "\x1b[A", "› 1  Learn"
		}},
		{"skinguide/next-answer", bin, nil, homeDone, func(tb testing.TB, r *running, mark int) int {
			for _, k := range []struct{ key, want string }{{"1", "Questions and answers"}, {"\r", "  " + g.FAQ[0].Title}} {
				if _, err := r.tty.Write([]byte(k.key)); err != nil {
					tb.Fatal(err)
				}
				mark = r.scr.waitFor(tb, mark, k.want)
			}
			return mark
		}, func(i int) (string, string) {
			if i%2 == 0 {
				return "n", "  " + g.FAQ[1].Title
			}
			return "p", "  " + g.FAQ[0].Title
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			r := start(b, bc.bin, bc.args...)
			defer r.stop()
			mark := r.scr.waitFor(b, 0, bc.ready...)
			if bc.prepare != nil {
				mark = bc.prepare(b, r, mark)
			}
			// A person's key comes at any moment between two frame ticks;
			// one sent right after a frame would wait a whole tick. So
			// each key waits a random part of a 60 fps frame (two 120 fps
			// frames) first, untimed.
			rng := rand.New(rand.NewPCG(1, 2))
			var times []time.Duration
			i := 0
			for b.Loop() {
				key, want := bc.press(i)
				i++
				b.StopTimer()
				time.Sleep(time.Duration(rng.Int64N(int64(time.Second / 60))))
				b.StartTimer()
				t0 := time.Now()
				if _, err := r.tty.Write([]byte(key)); err != nil {
					b.Fatal(err)
				}
				mark = r.scr.waitFor(b, mark, want)
				times = append(times, time.Since(t0))
			}
			sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
			b.ReportMetric(ms(times[len(times)/2]), "ms-median")
			b.ReportMetric(ms(times[len(times)*99/100]), "ms-p99")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// packageInit runs `skinguide --version` with its output on a pipe and
// GODEBUG=inittrace=1, and reports the median time the runtime
// spent in package initialisation before main (the sum over every
// package), the part of it that is glamour's own dependencies (goldmark,
// bluemonday, gorilla/css, x/net/html: regexps compiled and tables built
// at init, most of what is left since chroma was replaced, see
// internal/nochroma), and the whole process from exec to exit. On a pipe
// bubbletea's init asks the terminal nothing.
func packageInit(b *testing.B, bin string) {
	line := regexp.MustCompile(`(?m)^init (\S+) @[0-9.]+ ms, ([0-9.]+) ms clock`)
	// glamour and what it brings; chroma is in the list so that the figure
	// shows it if go.mod's replace directive ever goes.
	markdown := []string{"github.com/charmbracelet/glamour", "github.com/yuin/goldmark", "github.com/microcosm-cc/bluemonday",
		"github.com/gorilla/css", "github.com/aymerick/douceur", "golang.org/x/net/html", "github.com/alecthomas/chroma"}
	var total, md, process []float64
	for b.Loop() {
		cmd := exec.Command(bin, "--version")
		cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = io.Discard, &stderr
		t0 := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("--version: %v\n%s", err, stderr.String())
		}
		process = append(process, ms(time.Since(t0)))
		var all, ch float64
		for _, m := range line.FindAllStringSubmatch(stderr.String(), -1) {
			v, err := strconv.ParseFloat(m[2], 64)
			if err != nil {
				b.Fatal(err)
			}
			all += v
			for _, prefix := range markdown {
				if strings.HasPrefix(m[1], prefix) {
					ch += v
					break
				}
			}
		}
		if all == 0 {
			b.Fatalf("no init trace in:\n%s", stderr.String())
		}
		total, md = append(total, all), append(md, ch)
	}
	mid := func(v []float64) float64 { sort.Float64s(v); return v[len(v)/2] }
	b.ReportMetric(mid(total), "ms-init")
	b.ReportMetric(mid(md), "ms-init-glamour-deps")
	b.ReportMetric(mid(process), "ms-process")
	b.ReportMetric(0, "ns/op")
}
