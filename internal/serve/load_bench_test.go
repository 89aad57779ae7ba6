//go:build !windows

package serve

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
	"github.com/skinguide/skinguide/internal/render"
	"github.com/skinguide/skinguide/internal/tui"
)

// The load benchmark's knobs (-short makes them smaller: see loadKnobs);
// docs/performance.md gives the full command.
var (
	loadSessions = flag.Int("serve.sessions", 50, "load benchmark: concurrent sessions")
	loadDuration = flag.Duration("serve.duration", 3*time.Second, "load benchmark: how long the sessions type")
	loadThink    = flag.Duration("serve.think", 250*time.Millisecond, "load benchmark: mean pause between keys in one session")
)

// loadReport is what the client process measured.
type loadReport struct {
	RTT     []int64 // keypress round trips, µs: key sent to the first byte of the answer
	Bytes   int64   // bytes received after keypresses
	Keys    int     // keypresses that got an answer
	Silent  int     // keypresses without an answer within 2 s
	Resizes int
	Resets  int // idle pauses long enough for the kiosk to start over
}

// BenchmarkServeLoad runs -serve.sessions kiosk sessions of the real guide
// over SSH on loopback, typing, resizing and pausing for idle resets for
// -serve.duration. The clients run in a child process, so the CPU time and
// memory measured here are the server's alone.
//
// It reports the keypress round trip (p50, p99), the server's CPU in cores
// and sessions per core, memory per idle and per active session beyond the
// shared guide, and bytes sent per keypress; once with the render cache
// shared by every session (as serve runs), once with a cache per session.
func BenchmarkServeLoad(b *testing.B) {
	for _, shared := range []bool{true, false} {
		name := "shared-cache"
		if !shared {
			name = "cache-per-session"
		}
		b.Run(name, func(b *testing.B) {
			for range b.N {
				runLoad(b, shared)
			}
		})
	}
}

// loadKnobs are the flags' sessions and duration, and how long the idle
// sessions are watched. With -short (the one-iteration smoke run of
// .ci/run) they are a few sessions for half a second: the same code runs,
// the figures mean little (50 sessions for 3 s took 25 s of CI).
func loadKnobs() (sessions int, duration, idleWatch time.Duration) {
	if testing.Short() {
		return min(*loadSessions, 5), min(*loadDuration, 500*time.Millisecond), 200 * time.Millisecond
	}
	return *loadSessions, *loadDuration, 2 * time.Second
}

func runLoad(b *testing.B, sharedCache bool) {
	sessions, duration, idleWatch := loadKnobs()
	g, problems := content.Load(embedded.FS(), "en")
	if g == nil || problems.Errors() > 0 {
		b.Fatalf("built-in content: %v", problems.Err())
	}
	var guidesMu sync.Mutex
	var guides []*tui.Guide // to read their page caches' hit rates
	newGuide := func() *tui.Guide {
		gd := tui.NewGuide(g, nil)
		guidesMu.Lock()
		guides = append(guides, gd)
		guidesMu.Unlock()
		return gd
	}
	shared := newGuide()
	// Idle resets within a short run: an idle period of 1 s, a countdown
	// of 0.5 s (the config's minimums are longer; the code is the same).
	opts := tui.Options{Theme: render.Dark, Kiosk: true, Served: true, Idle: time.Second, IdleWarning: 500 * time.Millisecond}
	newModel := func(s Session) tea.Model {
		guide := shared
		if !sharedCache {
			guide = newGuide()
		}
		o := opts
		o.Profile = s.Profile
		return tui.NewSession(guide, s.Renderer, o, tui.SystemClock{})
	}
	srv := startServer(b, Options{Limits: Limits{NewModel: newModel, MaxSessions: sessions + 1}})
	base := liveBytes()

	report := filepathFor(b)
	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadClientProcess$", "-test.v=false")
	cmd.Env = append(os.Environ(),
		"SKINGUIDE_LOAD_ADDR="+srv.addr,
		"SKINGUIDE_LOAD_SESSIONS="+strconv.Itoa(sessions),
		"SKINGUIDE_LOAD_DURATION="+duration.String(),
		"SKINGUIDE_LOAD_THINK="+loadThink.String(),
		"SKINGUIDE_LOAD_REPORT="+report,
	)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	expect := func(word string) {
		for lines.Scan() {
			if lines.Text() == word {
				return
			}
		}
		_ = cmd.Wait()
		b.Fatalf("the client process never said %q", word)
	}

	expect("ready") // every session shows its first frame, untouched
	idle := liveBytes() - base
	// What idle sessions cost: their renderers' frame ticks, the attract
	// screen's rotating facts.
	idleCPU0, idleWall0 := cpuTime(), time.Now()
	time.Sleep(idleWatch)
	idleCores := (cpuTime() - idleCPU0).Seconds() / time.Since(idleWall0).Seconds()
	b.ResetTimer()
	cpu0, wall0 := cpuTime(), time.Now()
	fmt.Fprintln(stdin, "go")
	expect("done") // typing is over; the sessions are still open
	cpu, wall := cpuTime()-cpu0, time.Since(wall0)
	b.StopTimer()
	active := liveBytes() - base
	fmt.Fprintln(stdin, "bye")
	if err := cmd.Wait(); err != nil {
		b.Fatalf("client process: %v", err)
	}
	var r loadReport
	if raw, err := os.ReadFile(report); err != nil {
		b.Fatal(err)
	} else if err := json.Unmarshal(raw, &r); err != nil {
		b.Fatal(err)
	}
	if r.Keys == 0 {
		b.Fatal("no keypress got an answer")
	}
	slices.Sort(r.RTT)
	pct := func(p float64) float64 {
		return float64(r.RTT[min(len(r.RTT)-1, int(p*float64(len(r.RTT))))]) / 1000
	}
	n := float64(sessions)
	cores := cpu.Seconds() / wall.Seconds()
	// CPU per keypress beyond what the sessions cost when idle, and from
	// it how many sessions one core serves when each presses a key every
	// -serve.think: independent of how busy the machine was.
	perKey := max(cpu.Seconds()-idleCores*wall.Seconds(), 0) / float64(r.Keys)
	perSession := idleCores/n + perKey/loadThink.Seconds()
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(cores, "server-cores")
	b.ReportMetric(idleCores/n*100, "idle-cpu-%/session")
	b.ReportMetric(perKey*1000, "server-cpu-ms/key")
	b.ReportMetric(1/perSession, "sessions/core")
	b.ReportMetric(float64(idle)/n/1024, "KiB/idle-session")
	b.ReportMetric(float64(active)/n/1024, "KiB/active-session")
	b.ReportMetric(float64(r.Bytes)/float64(r.Keys), "bytes/key")
	b.ReportMetric(float64(r.Keys)/wall.Seconds(), "keys/s")
	b.ReportMetric(float64(r.Silent), "silent-keys")
	b.ReportMetric(float64(r.Resets), "idle-resets")
	var hits, misses, held int64
	guidesMu.Lock()
	for _, gd := range guides {
		st := gd.CacheStats()
		hits, misses, held = hits+st.Hits, misses+st.Misses, held+st.Cost
	}
	guidesMu.Unlock()
	b.ReportMetric(100*float64(hits)/float64(max(hits+misses, 1)), "page-cache-hit-%")
	b.ReportMetric(float64(held)/(1<<20), "page-cache-MiB")
}

func filepathFor(b *testing.B) string { return b.TempDir() + "/load.json" }

// liveBytes is the live heap and goroutine stacks after a collection.
func liveBytes() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc + m.StackInuse)
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestLoadClientProcess is the client side of BenchmarkServeLoad, run in a
// child process; it skips in a normal test run.
func TestLoadClientProcess(t *testing.T) {
	addr := os.Getenv("SKINGUIDE_LOAD_ADDR")
	if addr == "" {
		t.Skip("the client process of BenchmarkServeLoad")
	}
	n, _ := strconv.Atoi(os.Getenv("SKINGUIDE_LOAD_SESSIONS"))
	duration, _ := time.ParseDuration(os.Getenv("SKINGUIDE_LOAD_DURATION"))
	think, _ := time.ParseDuration(os.Getenv("SKINGUIDE_LOAD_THINK"))
	in := bufio.NewScanner(os.Stdin)
	waitFor := func(word string) {
		for in.Scan() {
			if in.Text() == word {
				return
			}
		}
		t.Fatalf("the benchmark never said %q", word)
	}

	clients := make([]*loadClient, n)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := dialLoad(addr, sizes[i%len(sizes)])
			if err != nil {
				t.Error(err)
				return
			}
			clients[i] = c
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	for _, c := range clients {
		c.waitQuiet(100*time.Millisecond, 10*time.Second)
	}
	fmt.Println("ready")
	waitFor("go")

	reports := make([]loadReport, n)
	deadline := time.Now().Add(duration)
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reports[i] = c.script(deadline, think, rand.New(rand.NewPCG(uint64(i), 1)))
		}()
	}
	wg.Wait()
	var all loadReport
	for _, r := range reports {
		all.RTT = append(all.RTT, r.RTT...)
		all.Bytes += r.Bytes
		all.Keys += r.Keys
		all.Silent += r.Silent
		all.Resizes += r.Resizes
		all.Resets += r.Resets
	}
	raw, _ := json.Marshal(all)
	if err := os.WriteFile(os.Getenv("SKINGUIDE_LOAD_REPORT"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	fmt.Println("done")
	waitFor("bye")
	for _, c := range clients {
		c.client.Close()
	}
}

// sizes are the windows the sessions open with and resize between.
var sizes = [][2]int{{80, 24}, {100, 30}, {120, 40}, {90, 28}, {160, 48}}

// keyCycle is one tour of the guide from Home back to Home; every key
// changes the screen. It is typed over and over.
var keyCycle = []string{
	"2", "\x1b[C", "\x1b[C", "\x1b[C", "\x1b[D", "\r", "\x1b", "\x1b", // timeline, a step full screen, home
	"1", "j", "j", "\r", "n", "n", "\x1b", "\x1b", // FAQ, answers, home
	"3", "\x1b", // when to call us
	"/", "r", "e", "d", "\x1b", // search
	"4", "\x1b", // about
}

// loadClient is one scripted client: it only counts what it receives.
type loadClient struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.Writer
	size   [2]int

	mu    sync.Mutex
	bytes int64
	last  time.Time // when the last bytes came
	wake  chan struct{}
}

func dialLoad(addr string, size [2]int) (*loadClient, error) {
	client, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "load", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second,
	})
	if err != nil {
		return nil, err
	}
	sess, err := client.NewSession()
	if err != nil {
		return nil, err
	}
	c := &loadClient{client: client, sess: sess, size: size, wake: make(chan struct{}, 1)}
	if err := sess.RequestPty("xterm-256color", size[1], size[0], nil); err != nil {
		return nil, err
	}
	c.stdin, _ = sess.StdinPipe()
	sess.Stdout = c
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *loadClient) Write(p []byte) (int, error) {
	c.mu.Lock()
	c.bytes += int64(len(p))
	c.last = time.Now()
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (c *loadClient) received() (int64, time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes, c.last
}

// waitQuiet waits until something came and then nothing for quiet.
func (c *loadClient) waitQuiet(quiet, limit time.Duration) {
	end := time.Now().Add(limit)
	for time.Now().Before(end) {
		n, last := c.received()
		if n > 0 && time.Since(last) >= quiet {
			return
		}
		time.Sleep(quiet / 4)
	}
}

// press sends a key and returns the time to the first byte of the answer,
// or false when none came within 2 s.
func (c *loadClient) press(key string) (time.Duration, bool) {
	select {
	case <-c.wake:
	default:
	}
	before, _ := c.received()
	start := time.Now()
	if _, err := io.WriteString(c.stdin, key); err != nil {
		return 0, false
	}
	timeout := time.NewTimer(2 * time.Second)
	defer timeout.Stop()
	for {
		select {
		case <-c.wake:
			if n, _ := c.received(); n > before {
				return time.Since(start), true
			}
		case <-timeout.C:
			return 0, false
		}
	}
}

func (c *loadClient) script(deadline time.Time, think time.Duration, rng *rand.Rand) loadReport {
	var r loadReport
	pause := func(d time.Duration) { time.Sleep(min(d, time.Until(deadline))) }
	for cycle := 0; time.Now().Before(deadline); cycle++ {
		for _, key := range keyCycle {
			if !time.Now().Before(deadline) {
				break
			}
			before, _ := c.received()
			rtt, ok := c.press(key)
			if !ok {
				r.Silent++
				continue
			}
			r.Keys++
			r.RTT = append(r.RTT, rtt.Microseconds())
			pause(think/2 + time.Duration(rng.Int64N(int64(think)+1))) // think time, mean `think`
			after, _ := c.received()
			r.Bytes += after - before
		}
		// Back at Home: now a resize, and every third tour a pause long
		// enough for the kiosk to start over (idle 1 s + countdown 0.5 s).
		s := sizes[rng.IntN(len(sizes))]
		if err := c.sess.WindowChange(s[1], s[0]); err == nil {
			r.Resizes++
		}
		if cycle%3 == 2 && time.Until(deadline) > 2*time.Second {
			pause(1800 * time.Millisecond)
			r.Resets++
		}
	}
	return r
}
