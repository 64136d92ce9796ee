package watcher

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/faultproxy"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/rpcpool"
)

// The v1 watcher's reliability suites (faulty RPC, failover) on v2: the
// devnet runs every kind of fault once, is left to settle, and watchers
// read its whole history through internal/faultproxy.

// faultyHistory runs a devnet of every fault kind to its end (serving
// JSON-RPC over HTTP) and returns it, its description and its head.
func faultyHistory(t *testing.T) (*env, devnet.Description, uint64) {
	t.Helper()
	cfg := testConfig(t)
	cfg.HTTPPort, cfg.Rounds = testutil.FreePort(t), 12
	cfg.Faults, _ = devnet.ParseFaults("2:amount,3:denominator,4:withheld-row:reveal,5:malformed:mr-range:signed,6:forwarded," +
		"7:withheld-manifest:reveal,8:conservation,9:unopenable,10:replay,11:churn,12:malformed:entry-order")
	e := startDevnet(t, cfg)
	desc := e.wait()
	head, err := e.d.Client().BlockNumber(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return e, desc, head
}

// referenceHistory is faultyHistory and the records a watcher reading the
// devnet's chain in-process (no proxy, no fault) makes of it: what every
// watcher behind faults or lies must reach.
func referenceHistory(t *testing.T) (*env, devnet.Description, uint64, *index.Store) {
	t.Helper()
	e, desc, head := faultyHistory(t)
	ref := openStore(t, t.TempDir())
	runUntil(t, e.watcherOn(e.d.Client(), ref, 0, nil), head, time.Minute, func() string { return "the reference, without faults" })
	return e, desc, head, ref
}

// faultyChain is a watcher's chain client, and what must be closed after.
type faultyChain interface {
	Chain
	Close()
}

// watcherOn makes a watcher of the devnet's AVS reading chain (not the
// devnet's in-process client), retrying New as a supervisor would.
func (e *env) watcherOn(chain Chain, store Store, maxRange uint64, obs Observer) *Watcher {
	e.t.Helper()
	client, err := da.NewClient(da.Options{Sources: []string{e.d.DASource()}, Timeout: 5 * time.Second,
		CoolDown: time.Millisecond, MaxCoolDown: 10 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		e.t.Fatal(err)
	}
	cfg := Config{AVS: e.d.AVS(), StartBlock: e.start, MaxRange: maxRange, PollInterval: 2 * time.Millisecond,
		MaxBackoff: 20 * time.Millisecond, RetryMin: 100 * time.Millisecond, RetryMax: 500 * time.Millisecond}
	for range 50 {
		var w *Watcher
		if w, err = New(e.ctx, cfg, chain, store, Objects{DA: client}, obs); err == nil {
			return w
		}
		time.Sleep(5 * time.Millisecond)
	}
	e.t.Fatalf("watcher: %v", err)
	return nil
}

// runUntil runs w until it has processed head, then stops it; Run must
// end with the cancellation only.
func runUntil(t *testing.T, w *Watcher, head uint64, timeout time.Duration, about func() string) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	testutil.WaitFor(t, fmt.Sprintf("block %d processed (%s)", head, about()), timeout, 5*time.Millisecond, func() bool { return w.Processed() >= head })
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("the watcher stopped with %v", err)
	}
}

// sameRounds: store holds exactly ref's rounds and operators.
func sameRounds(t *testing.T, ref, store *index.Store, last uint64) {
	t.Helper()
	want, err := ref.Rounds(1, last)
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.Rounds(1, last)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d rounds, %d without faults", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			g, _ := json.Marshal(got[i])
			w, _ := json.Marshal(want[i])
			t.Fatalf("round %d differs from the run without faults:\n got %s\nwant %s", want[i].Round, g, w)
		}
	}
	wantOps, err := ref.Operators()
	if err != nil {
		t.Fatal(err)
	}
	if gotOps, err := store.Operators(); err != nil || !reflect.DeepEqual(gotOps, wantOps) {
		t.Fatalf("operators differ from the run without faults: %v", err)
	}
	if err := store.Check(); err != nil {
		t.Fatal(err)
	}
}

// faultCounts formats a proxy's counts for the log (and RELIABILITY.md).
func faultCounts(st faultproxy.Stats) string {
	var calls uint64
	for _, n := range st.Calls {
		calls += n
	}
	var kinds []string
	for k, n := range st.Faults {
		kinds = append(kinds, fmt.Sprintf("%s=%d", k, n))
	}
	sort.Strings(kinds)
	return fmt.Sprintf("%d requests, %d calls, faults %s", st.Requests, calls, strings.Join(kinds, " "))
}

// dialFaulty dials url through the pool (retrying Dial, whose eth_chainId
// may meet a fault) or with a plain ethclient.
func dialFaulty(t *testing.T, url string, pool bool, opts rpcpool.Options) faultyChain {
	t.Helper()
	var (
		chain faultyChain
		err   error
	)
	if !pool {
		if chain, err = ethclient.DialContext(t.Context(), url); err != nil {
			t.Fatal(err)
		}
		return chain
	}
	opts.CoolDown, opts.MaxCoolDown = time.Millisecond, 10*time.Millisecond
	for range 20 {
		if chain, err = rpcpool.Dial(t.Context(), []string{url}, opts); err == nil {
			return chain
		}
	}
	t.Fatal(err)
	return nil
}

// TestUnderFaults: behind a proxy injecting each fault kind of real
// providers, the watcher indexes the devnet's whole v2 history (a fault of
// every kind) to exactly the records it builds without faults, through the
// pool or through a plain ethclient.
func TestUnderFaults(t *testing.T) {
	e, desc, head, ref := referenceHistory(t)
	last := uint64(len(desc.Rounds))

	tests := []struct {
		name   string
		faults []faultproxy.Fault
		pool   bool // through rpcpool (one URL), else ethclient
		opts   rpcpool.Options
	}{
		{name: "drop", pool: true, faults: []faultproxy.Fault{{Kind: faultproxy.Drop, Probability: 0.15}}},
		{name: "drop after forwarding, reset", faults: []faultproxy.Fault{{Kind: faultproxy.Drop, Forward: true, Probability: 0.05}, {Kind: faultproxy.Drop, Reset: true, Probability: 0.05}}},
		{name: "delay", faults: []faultproxy.Fault{{Kind: faultproxy.Delay, Delay: time.Millisecond, MaxDelay: 15 * time.Millisecond, Probability: 0.3}}},
		{name: "delay past the call timeout", pool: true, opts: rpcpool.Options{CallTimeout: 100 * time.Millisecond},
			faults: []faultproxy.Fault{{Kind: faultproxy.Delay, Delay: 150 * time.Millisecond, Probability: 0.03}}},
		{name: "429", pool: true, faults: []faultproxy.Fault{{Kind: faultproxy.TooManyRequests, Probability: 0.15}}},
		{name: "5xx", faults: []faultproxy.Fault{
			{Kind: faultproxy.ServerError, Status: 500, Probability: 0.05},
			{Kind: faultproxy.ServerError, Status: 502, Probability: 0.05},
			{Kind: faultproxy.ServerError, Status: 503, Probability: 0.05},
		}},
		{name: "truncate", faults: []faultproxy.Fault{{Kind: faultproxy.Truncate, Probability: 0.1}}},
		{name: "getLogs range limit", pool: true, faults: []faultproxy.Fault{{Kind: faultproxy.RangeLimit, MaxBlocks: 50}}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			proxy, err := faultproxy.New(desc.RPCURL)
			if err != nil {
				t.Fatal(err)
			}
			defer proxy.Close()
			proxy.SetSeed(uint64(i + 1))
			if err := proxy.SetFaults(tt.faults...); err != nil {
				t.Fatal(err)
			}
			chain := dialFaulty(t, proxy.URL(), tt.pool, tt.opts)
			defer chain.Close()
			store := openStore(t, t.TempDir())
			// Ranges of 8 blocks (but against a range limit): a verified
			// range is a few batched requests, and each fault kind must
			// meet enough of them.
			maxRange := uint64(8)
			if tt.faults[0].Kind == faultproxy.RangeLimit {
				maxRange = 0
			}
			runUntil(t, e.watcherOn(chain, store, maxRange, nil), head, time.Minute, func() string { return faultCounts(proxy.Stats()) })
			sameRounds(t, ref, store, last)
			st := proxy.Stats()
			for _, f := range tt.faults {
				if st.Faults[f.Kind] == 0 {
					t.Fatalf("no %s fault was injected: %s", f.Kind, faultCounts(st))
				}
			}
			t.Logf("%s: caught up with %d blocks in %v; %s", tt.name, head-desc.StartBlock, time.Since(start).Round(time.Millisecond), faultCounts(st))
		})
	}
}

// rpcErrors is an Observer counting the RPC errors the watcher meets.
type rpcErrors struct {
	nopObserver
	mu      sync.Mutex
	methods []string
}

func (o *rpcErrors) RPCError(method string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.methods = append(o.methods, method)
}

func (o *rpcErrors) get() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return slices.Clone(o.methods)
}

// switches records a pool's OnSwitch calls.
type switches struct {
	mu     sync.Mutex
	events []string
	errs   []error
}

func (s *switches) record(from, to string, reason error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.events = append(s.events, from+" -> "+to)
	s.errs = append(s.errs, reason)
}

func (s *switches) get() ([]string, []error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.events...), append([]error(nil), s.errs...)
}

// TestRPCFailover: the primary endpoint starts failing every request in
// the middle of the backfill; the watcher goes on through the backup
// without an error reaching it, to the records it builds without faults,
// and goes back to the primary once it recovers.
func TestRPCFailover(t *testing.T) {
	e, desc, head, ref := referenceHistory(t)
	primary, err := faultproxy.New(desc.RPCURL)
	if err != nil {
		t.Fatal(err)
	}
	defer primary.Close()
	backup, err := faultproxy.New(desc.RPCURL)
	if err != nil {
		t.Fatal(err)
	}
	defer backup.Close()
	// The primary answers its first requests (the backfill, in ranges of 8
	// blocks, takes several times as many), then drops every one.
	const answered = 30
	if err := primary.SetFaults(faultproxy.Fault{Kind: faultproxy.Drop, After: answered}); err != nil {
		t.Fatal(err)
	}
	var sw switches
	pool, err := rpcpool.Dial(t.Context(), []string{primary.URL(), backup.URL()}, rpcpool.Options{
		CoolDown: 10 * time.Millisecond, MaxCoolDown: 50 * time.Millisecond, OnSwitch: sw.record,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	store := openStore(t, t.TempDir())
	var obs rpcErrors
	w := e.watcherOn(pool, store, 8, &obs)
	runUntil(t, w, head, time.Minute, func() string { return fmt.Sprintf("pool %+v", pool.Stats()) })
	events, reasons := sw.get()
	if len(events) == 0 || events[0] != primary.URL()+" -> "+backup.URL() || reasons[0] == nil || pool.Current() != backup.URL() {
		t.Fatalf("switches %v (%v); current %s", events, reasons, pool.Current())
	}
	if m := obs.get(); len(m) != 0 {
		t.Fatalf("RPC errors reached the watcher: %v", m)
	}
	if ps := primary.Stats(); ps.Faults[faultproxy.Drop] == 0 || ps.Requests <= answered || backup.Stats().Calls["eth_getLogs"] == 0 {
		t.Fatalf("primary: %s; backup: %s", faultCounts(ps), faultCounts(backup.Stats()))
	}
	sameRounds(t, ref, store, uint64(len(desc.Rounds)))

	// The primary recovers: the pool returns to it, and the watcher reads
	// through it again.
	primary.Clear()
	testutil.WaitFor(t, "the pool back on the primary", 10*time.Second, 5*time.Millisecond, func() bool {
		_, err := pool.BlockNumber(t.Context())
		return err == nil && pool.Current() == primary.URL()
	})
	before := primary.Stats().Calls["eth_blockNumber"]
	if _, err := w.Step(t.Context()); err != nil || primary.Stats().Calls["eth_blockNumber"] == before {
		t.Fatalf("the watcher's step after the recovery: %v; primary %s", err, faultCounts(primary.Stats()))
	}
	events, reasons = sw.get()
	if last := len(events) - 1; events[last] != backup.URL()+" -> "+primary.URL() || reasons[last] != nil {
		t.Fatalf("switches %v (%v)", events, reasons)
	}
	t.Logf("switches %v; primary %s; backup %s", events, faultCounts(primary.Stats()), faultCounts(backup.Stats()))
}
