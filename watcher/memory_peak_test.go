package watcher

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/judge"
)

// The peaks of a watcher process (issue 14 point 8): one round of 10^6
// entries, and a backfill of 1,000 rounds. Both run the watcher as
// TestResidentMemory does (the test binary again, alone in its process,
// over WebSocket, its index on disk, the DA store over HTTP), and read
// /proc/PID/status: VmHWM for the true peak, VmRSS for the samples. They
// assert only a hard ceiling (twice the target): the figures are the point.

const (
	bigRoundEnv = "DENOMWATCH_MEMORY_BIGROUND" // any value: run TestPeakMemoryBigRound
	backfillEnv = "DENOMWATCH_MEMORY_BACKFILL" // rounds (1000): run TestPeakMemoryBackfill
	// childMemLimitEnv, when set, is the watcher process's GOMEMLIMIT (not
	// the devnet's: it runs in the test's process).
	childMemLimitEnv = "DENOMWATCH_MEMORY_GOMEMLIMIT"
)

// TestPeakMemoryBigRound measures the peak resident memory (VmHWM) of a
// watcher process backfilling one round of 10^6 entries (1000 providers x
// 1000 recipients, every recipient in every row: 96 MB of row objects)
// wrong at its very last entry, so that the verdict needs every row and the
// allocations object; every object is stored in the index (IndexCache).
// Target 300 MB. Set DENOMWATCH_MEMORY_BIGROUND=1 to run it.
func TestPeakMemoryBigRound(t *testing.T) {
	if os.Getenv(bigRoundEnv) == "" {
		t.Skip("set " + bigRoundEnv + "=1 to measure the peak memory of a watcher judging a round of 10^6 entries")
	}
	cfg := testConfig(t)
	cfg.Providers, cfg.Recipients, cfg.EntriesPerRow, cfg.Rounds = 1000, 1000, 0, 1
	cfg.WSPort = testutil.FreePort(t)
	cfg.Faults, _ = devnet.ParseFaults("1:amount@999.999")
	e, until := runDevnetToEnd(t, cfg, 20*time.Minute)
	run := runWatcherChild(t, e, until, 10*time.Minute, 10*time.Second)
	v, ok := run.verdicts[1]
	if !ok || v.Status != judge.StatusFraud || v.Rule != judge.RuleBadAllocation || v.Provider == nil || *v.Provider != 999 ||
		v.BadAllocation == nil || v.BadAllocation.FirstWrongEntry == nil || v.BadAllocation.FirstWrongEntry.Entry != 999 ||
		v.BadAllocation.FirstWrongEntry.GlobalIndex != 999_999 {
		t.Errorf("round 1: want a bad allocation at provider 999, entry 999 (global 999999); got %+v", v)
	}
	if run.hwm > 2*300_000_000/1024 {
		t.Errorf("peak %d KiB: more than twice the 300 MB target", run.hwm)
	}
}

// TestPeakMemoryBackfill measures a watcher process backfilling 1,000
// rounds of the devnet's default size (12 providers x 60 recipients, every
// recipient; a fault every 50 rounds), the devnet run to its end first:
// the peak (VmHWM) until it has caught up (target 200 MB) and VmRSS every
// 2 s for a minute after (target: under 150 MB within the minute). Set
// DENOMWATCH_MEMORY_BACKFILL to the number of rounds (1000) to run it.
func TestPeakMemoryBackfill(t *testing.T) {
	rounds, err := strconv.Atoi(os.Getenv(backfillEnv))
	if err != nil || rounds < 1 {
		t.Skip("set " + backfillEnv + "=1000 to measure the peak memory of a watcher backfilling 1000 rounds")
	}
	cfg := testConfig(t)
	def := devnet.DefaultConfig()
	cfg.Providers, cfg.Recipients, cfg.EntriesPerRow, cfg.Rounds = def.Providers, def.Recipients, 0, rounds
	cfg.WSPort, cfg.BlockInterval, cfg.RoundEvery = testutil.FreePort(t), 25*time.Millisecond, 1
	var faults []string
	kinds := []string{"amount", "denominator", "conservation"}
	for n := 50; n <= rounds; n += 50 {
		faults = append(faults, fmt.Sprintf("%d:%s", n, kinds[(n/50)%len(kinds)]))
	}
	if cfg.Faults, err = devnet.ParseFaults(strings.Join(faults, ",")); err != nil {
		t.Fatal(err)
	}
	e, until := runDevnetToEnd(t, cfg, 60*time.Minute)
	run := runWatcherChild(t, e, until, 30*time.Minute, time.Minute)
	if len(run.verdicts) != len(faults) {
		t.Errorf("%d rounds not honest, %d faults", len(run.verdicts), len(faults))
	}
	for n := range cfg.Faults {
		if v, ok := run.verdicts[n]; !ok || v.Status != judge.StatusFraud {
			t.Errorf("round %d (fault %s): %+v", n, cfg.Faults[n].Kind, v)
		}
	}
	if run.hwm > 2*200_000_000/1024 {
		t.Errorf("peak %d KiB during the backfill: more than twice the 200 MB target", run.hwm)
	}
	if last := run.after[len(run.after)-1]; last > 2*150_000_000/1024 {
		t.Errorf("%d KiB a minute after: more than twice the 150 MB target", last)
	}
}

// runDevnetToEnd runs cfg's devnet to its end and returns it and its head
// then (the block a watcher must have processed to have seen everything).
func runDevnetToEnd(t *testing.T, cfg devnet.Config, timeout time.Duration) (*env, uint64) {
	start := time.Now()
	e := startDevnetFor(t, cfg, timeout)
	e.wait()
	head, err := e.d.Client().BlockNumber(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("devnet: %d rounds of %d x %d in %s, head %d", cfg.Rounds, cfg.Providers, cfg.Recipients, time.Since(start).Round(time.Second), head)
	return e, head
}

// childRun is what runWatcherChild measured.
type childRun struct {
	hwm      int                      // VmHWM (KiB) when caught up
	after    []int                    // VmRSS (KiB) every 2 s after
	verdicts map[uint64]judge.Verdict // of the rounds not honest
}

// runWatcherChild runs a watcher process from e's deployment block until it
// has processed block until (at most timeout), sampling VmRSS and VmHWM
// every 500 ms, then VmRSS every 2 s for after; logs the figures and what
// the process said, and leaves its heap profiles in the test's log.
func runWatcherChild(t *testing.T, e *env, until uint64, timeout, after time.Duration) childRun {
	desc := e.d.Description()
	profiles := t.TempDir()
	if d := os.Getenv("DENOMWATCH_MEMORY_PROFILES"); d != "" {
		profiles = d
	}
	cc, _ := json.Marshal(childConfig{WS: desc.WSURL, AVS: desc.AVS, Start: desc.StartBlock, DA: e.d.DASource(), Dir: t.TempDir(),
		Until: until, Profile: profiles})
	cmd := exec.Command(os.Args[0], "-test.run=^TestWatcherProcess$", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"="+string(cc))
	if limit := os.Getenv(childMemLimitEnv); limit != "" {
		cmd.Env = append(cmd.Env, "GOMEMLIMIT="+limit)
		t.Logf("the watcher process runs with GOMEMLIMIT=%s", limit)
	}
	out := &testutil.Buffer{}
	cmd.Stdout, cmd.Stderr = out, out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
		_ = os.WriteFile(filepath.Join(profiles, "watcher-output.txt"), []byte(out.String()), 0o644)
		for _, l := range strings.Split(out.String(), "\n") {
			if strings.Contains(l, "rounds judged") || strings.Contains(l, "caught up") || strings.Contains(l, "level=ERROR") ||
				strings.Contains(l, "FAIL") || strings.Contains(l, "panic") {
				t.Log(l)
			}
		}
		t.Logf("heap profiles and the process's output in %s (go tool pprof -sample_index=inuse_space -top)", profiles)
	}()
	pid := cmd.Process.Pid
	var rss, anon, file []int
	for !strings.Contains(out.String(), "caught up:") {
		if time.Since(start) > timeout {
			t.Fatalf("the watcher did not catch up within %s", timeout)
		}
		st := procStatus(t, pid)
		rss, anon, file = append(rss, st["VmRSS"]), append(anon, st["RssAnon"]), append(file, st["RssFile"]+st["RssShmem"])
		time.Sleep(500 * time.Millisecond)
	}
	took := time.Since(start)
	st := procStatus(t, pid)
	run := childRun{hwm: st["VmHWM"], verdicts: childVerdicts(t, out.String())}
	mib := func(v int) string { return fmt.Sprintf("%.0f", float64(v)/1024) }
	t.Logf("caught up with block %d in %s: VmHWM %s MiB (%.0f MB); the 500 ms samples' largest VmRSS %s MiB, anonymous %s, file-backed %s; then VmRSS %s MiB (anonymous %s, file-backed %s)",
		until, took.Round(time.Second), mib(run.hwm), float64(run.hwm)*1024/1e6, mib(slices.Max(append(rss, 0))), mib(slices.Max(append(anon, 0))),
		mib(slices.Max(append(file, 0))), mib(st["VmRSS"]), mib(st["RssAnon"]), mib(st["RssFile"]))
	var all []string
	for end := time.Now().Add(after); time.Now().Before(end); {
		time.Sleep(2 * time.Second)
		st = procStatus(t, pid)
		run.after = append(run.after, st["VmRSS"])
		all = append(all, mib(st["VmRSS"]))
	}
	t.Logf("VmRSS MiB every 2 s for %s after: %s; at the end anonymous %s, file-backed %s; VmHWM %s MiB",
		after, strings.Join(all, " "), mib(st["RssAnon"]), mib(st["RssFile"]), mib(st["VmHWM"]))
	return run
}

// procStatus reads a process's /proc/PID/status: its Vm* and Rss* lines, in KiB.
func procStatus(t *testing.T, pid int) map[string]int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatalf("the watcher process: %v", err)
	}
	m := map[string]int{}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && (strings.HasPrefix(f[0], "Vm") || strings.HasPrefix(f[0], "Rss")) {
			m[strings.TrimSuffix(f[0], ":")], _ = strconv.Atoi(f[1])
		}
	}
	return m
}

// childVerdicts parses the "verdict " lines of the watcher process.
func childVerdicts(t *testing.T, out string) map[uint64]judge.Verdict {
	vs := map[uint64]judge.Verdict{}
	for _, l := range strings.Split(out, "\n") {
		js, ok := strings.CutPrefix(l, "verdict ")
		if !ok {
			continue
		}
		var v judge.Verdict
		if err := json.Unmarshal([]byte(js), &v); err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		vs[v.Round] = v
	}
	return vs
}

// sayCaughtUp waits until w has processed block until, then prints
// "caught up: ..." with the process's VmHWM and VmRSS, one "verdict JSON"
// line for each round not judged honest, and writes a heap profile to
// path. (In the watcher process.)
func sayCaughtUp(ctx context.Context, w *Watcher, store *index.Store, until uint64, path string) {
	start := time.Now()
	for w.Processed() < until {
		select {
		case <-ctx.Done():
			return
		case <-time.After(100 * time.Millisecond):
		}
	}
	status, _ := os.ReadFile("/proc/self/status")
	var mem []string
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "VmHWM") || strings.HasPrefix(l, "VmRSS") {
			mem = append(mem, strings.Join(strings.Fields(l), " "))
		}
	}
	latest, _, _ := store.LatestRound()
	rs, _ := store.Rounds(1, max(latest, 1))
	fmt.Printf("caught up: block %d after %s, %d rounds; %s\n", w.Processed(), time.Since(start).Round(time.Millisecond), len(rs), strings.Join(mem, ", "))
	for _, r := range rs {
		if r.Judgement != nil && r.Judgement.Status != judge.StatusValid {
			b, _ := json.Marshal(r.Judgement)
			fmt.Printf("verdict %s\n", b)
		}
	}
	runtime.GC() // the profile then has every allocation of the backfill
	writeHeapProfile(path)
}

// watchPeak writes a heap profile to path each time the live heap (as of
// the last GC) grows by a tenth past its largest so far: the last one
// written is the profile nearest the peak. It also prints, at its end, the
// Go runtime's memory classes when the memory it had from the OS and kept
// (total less released) was largest: how much of the peak is the Go heap.
// (In the watcher process.)
func watchPeak(ctx context.Context, path string) {
	names := []string{"/memory/classes/total:bytes", "/memory/classes/heap/released:bytes", "/memory/classes/heap/objects:bytes",
		"/memory/classes/heap/free:bytes", "/memory/classes/heap/unused:bytes", "/memory/classes/heap/stacks:bytes",
		"/memory/classes/metadata/other:bytes", "/gc/heap/live:bytes"}
	sample := make([]metrics.Sample, len(names))
	for i, n := range names {
		sample[i].Name = n
	}
	var live, held uint64
	var atPeak []string
	defer func() { fmt.Printf("caught up (Go memory at its peak, MiB): %s\n", strings.Join(atPeak, ", ")) }()
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(50 * time.Millisecond):
		}
		metrics.Read(sample)
		if h := sample[0].Value.Uint64() - sample[1].Value.Uint64(); h > held {
			held, atPeak = h, atPeak[:0]
			for i, n := range names {
				atPeak = append(atPeak, fmt.Sprintf("%s %d", strings.TrimSuffix(strings.TrimPrefix(n, "/memory/classes/"), ":bytes"), sample[i].Value.Uint64()>>20))
			}
		}
		if l := sample[len(names)-1].Value.Uint64(); l > live+live/10 {
			live = l
			writeHeapProfile(path)
		}
	}
}

func writeHeapProfile(path string) {
	if f, err := os.Create(path); err == nil {
		_ = pprof.WriteHeapProfile(f)
		f.Close()
	}
}
