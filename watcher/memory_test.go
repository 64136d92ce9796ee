package watcher

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
)

// childEnv carries the watcher process's configuration (JSON) to the test
// binary run as that process.
const childEnv = "DENOMWATCH_WATCHER_CHILD"

type childConfig struct {
	WS    string         `json:"ws"`
	AVS   common.Address `json:"avs"`
	Start uint64         `json:"start"`
	DA    string         `json:"da"`
	Dir   string         `json:"dir"`
	// Until, when set, is a block: once the watcher has processed it, the
	// process says so ("caught up: ..."), with its VmHWM then, the verdicts
	// of the rounds that are not honest, and a heap profile; Profile names
	// the directory of the heap profiles (default os.TempDir()).
	Until   uint64 `json:"until,omitempty"`
	Profile string `json:"profile,omitempty"`
}

// TestResidentMemory measures the resident memory of a watcher process
// (the test binary run again, alone in its process) following a devnet of
// seed-scale rounds (100 providers x 1000 recipients, one every few
// seconds, a fault in some) over WebSocket, its index on disk, the DA store
// over HTTP. Set DENOMWATCH_MEMORY to the duration (say 5m) to run it.
func TestResidentMemory(t *testing.T) {
	d, err := time.ParseDuration(os.Getenv("DENOMWATCH_MEMORY"))
	if err != nil {
		t.Skip("set DENOMWATCH_MEMORY=5m to measure the resident memory of a watcher following seed-scale rounds")
	}
	cfg := testConfig(t)
	seedScale(&cfg)
	cfg.WSPort, cfg.BlockInterval, cfg.RoundEvery, cfg.Rounds = testutil.FreePort(t), 500*time.Millisecond, 6, 0
	cfg.ChallengeWindow, cfg.ResolveWindow, cfg.RevealWindow = 10, 5, 5
	cfg.Faults, _ = devnet.ParseFaults("3:amount,7:withheld-row,11:denominator,15:malformed:entry-order,19:amount,23:withheld-row,27:conservation")
	e := startDevnetFor(t, cfg, d+5*time.Minute)
	desc, err := devnet.ReadDescription(cfg.Describe)
	if err != nil {
		t.Fatal(err)
	}
	cc, _ := json.Marshal(childConfig{WS: desc.WSURL, AVS: desc.AVS, Start: desc.StartBlock, DA: e.d.DASource(), Dir: t.TempDir()})
	cmd := exec.Command(os.Args[0], "-test.run=^TestWatcherProcess$", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"="+string(cc))
	out := &testutil.Buffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	samples := sampleRSS(t, cmd.Process.Pid, d)
	_ = cmd.Process.Signal(syscall.SIGTERM)
	_ = cmd.Wait()
	report(t, samples, out.String())
}

// sampleRSS reads a process's VmRSS (KiB) every 2 s for d, and logs its
// anonymous and file-backed parts at the end.
func sampleRSS(t *testing.T, pid int, d time.Duration) []int {
	var kib []int
	var last map[string]int
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(2 * time.Second) {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err != nil {
			t.Fatalf("the watcher process: %v", err)
		}
		last = map[string]int{}
		for _, l := range strings.Split(string(b), "\n") {
			if f := strings.Fields(l); len(f) >= 2 && strings.HasPrefix(f[0], "Rss") || strings.HasPrefix(l, "VmRSS:") {
				last[strings.TrimSuffix(f[0], ":")], _ = strconv.Atoi(f[1])
			}
		}
		kib = append(kib, last["VmRSS"])
	}
	t.Logf("at the end (KiB): %v", last)
	return kib
}

// report logs the samples: all of them, and the peak of the last half
// (steady state, after the first rounds).
func report(t *testing.T, kib []int, out string) {
	mib := func(v int) string { return fmt.Sprintf("%.0f", float64(v)/1024) }
	var all []string
	for _, v := range kib {
		all = append(all, mib(v))
	}
	steady := slices.Clone(kib[len(kib)/2:])
	slices.Sort(steady)
	t.Logf("VmRSS MiB every 2 s: %s", strings.Join(all, " "))
	t.Logf("steady (last half): min %s, median %s, max %s MiB; peak %s MiB", mib(steady[0]), mib(steady[len(steady)/2]), mib(steady[len(steady)-1]), mib(slices.Max(kib)))
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "rounds judged") || strings.Contains(l, "level=ERROR") {
			t.Log(l)
		}
	}
}

// TestWatcherProcess is the watcher process of TestResidentMemory: it runs
// a watcher until SIGTERM, then says how many rounds it judged.
func TestWatcherProcess(t *testing.T) {
	var cc childConfig
	if err := json.Unmarshal([]byte(os.Getenv(childEnv)), &cc); err != nil {
		t.Skip("run by TestResidentMemory")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	client, err := ethclient.DialContext(ctx, cc.WS)
	if err != nil {
		t.Fatal(err)
	}
	store, err := index.Open(index.Options{Dir: filepath.Join(cc.Dir, "index")})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	dac, err := da.NewClient(da.Options{Sources: []string{cc.DA}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelError}))
	w, err := New(ctx, Config{AVS: cc.AVS, StartBlock: cc.Start, Log: log}, client, store, Objects{DA: dac}, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := cmp.Or(cc.Profile, os.TempDir())
	if cc.Until > 0 {
		go watchPeak(ctx, filepath.Join(dir, "denomwatch-watcher-heap-peak.prof"))
		go sayCaughtUp(ctx, w, store, cc.Until, filepath.Join(dir, "denomwatch-watcher-heap-caughtup.prof"))
	}
	_ = w.Run(ctx)
	if f, err := os.Create(filepath.Join(dir, "denomwatch-watcher-heap.prof")); err == nil {
		_ = pprof.WriteHeapProfile(f)
		f.Close()
		fmt.Printf("rounds judged: heap profile in %s\n", f.Name())
	}
	latest, _, _ := store.LatestRound()
	rs, _ := store.Rounds(1, max(latest, 1))
	by := map[index.Verdict]int{}
	for _, r := range rs {
		by[r.Verdict]++
	}
	fmt.Printf("rounds judged: %d of %d committed, by verdict %v; processed block %d\n", len(rs), latest, by, w.Processed())
}
