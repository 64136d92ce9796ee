package watcher

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/faultproxy"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
	"github.com/denomwatch/denomwatch/rpcpool"
)

// faultSchedule is the fault schedule of the runs under faults: every kind.
func faultSchedule() devnet.Schedule { return allFaults() }

// faultyChain is a watcher's chain client, and what must be closed after.
type faultyChain interface {
	Chain
	Close()
}

// newStore opens an in-memory index closed at the end of the test.
func newStore(t *testing.T) *index.Store {
	t.Helper()
	store, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// newFaultyWatcher makes a watcher on chain, retrying New (whose one
// eth_call may meet a fault) as a supervisor would.
func newFaultyWatcher(t *testing.T, d *devnet.Devnet, chain Chain, store Store, maxRange uint64, obs Observer) *Watcher {
	t.Helper()
	desc := d.Description()
	cfg := Config{AVS: desc.AVS, StartBlock: desc.StartBlock, MaxRange: maxRange, PollInterval: 2 * time.Millisecond, MaxBackoff: 20 * time.Millisecond}
	var err error
	for range 50 {
		var w *Watcher
		if w, err = New(t.Context(), cfg, chain, store, &CalldataSource{Chain: chain, AVS: desc.AVS}, obs); err == nil {
			return w
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("watcher: %v", err)
	return nil
}

// running is a watcher's Run in a goroutine.
type running struct {
	w      *Watcher
	cancel context.CancelFunc
	done   chan error
}

func runWatcher(t *testing.T, w *Watcher) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	r := &running{w: w, cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- w.Run(ctx) }()
	t.Cleanup(r.stop)
	return r
}

// stop stops the watcher (once) and returns Run's error if it was not the
// cancellation.
func (r *running) stop() {
	r.cancel()
	if r.done != nil {
		if err := <-r.done; !errors.Is(err, context.Canceled) {
			panic(fmt.Sprintf("watcher stopped with %v", err)) // a test helper's invariant
		}
		r.done = nil
	}
}

// until waits for cond, failing the test with what about after timeout.
func until(t *testing.T, timeout time.Duration, cond func() bool, about func() string) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v: %s", timeout, about())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// checkNoGap: the checkpoint reached head, and every block up to head with
// AVS logs is indexed, with its canonical hash.
func checkNoGap(t *testing.T, d *devnet.Devnet, store *index.Store, head uint64) {
	t.Helper()
	desc := d.Description()
	cp, ok, err := store.Checkpoint()
	if err != nil || !ok || cp.Number < head {
		t.Fatalf("checkpoint %+v %v %v, want at least block %d", cp, ok, err, head)
	}
	logs, err := d.Client().FilterLogs(t.Context(), ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(desc.StartBlock), ToBlock: new(big.Int).SetUint64(head),
		Addresses: []common.Address{desc.AVS}, Topics: [][]common.Hash{topics},
	})
	if err != nil {
		t.Fatal(err)
	}
	stored, err := store.ProcessedBlocks(cp.Number+1, 10_000)
	if err != nil {
		t.Fatal(err)
	}
	hashes := make(map[uint64]common.Hash, len(stored))
	for _, b := range stored {
		hashes[b.Number] = b.Hash
	}
	blocks := map[uint64]bool{}
	for _, l := range logs {
		if hashes[l.BlockNumber] != l.BlockHash {
			t.Fatalf("block %d, with AVS logs, is not indexed (stored hash %s, canonical %s)", l.BlockNumber, hashes[l.BlockNumber], l.BlockHash)
		}
		blocks[l.BlockNumber] = true
	}
	if len(blocks) < len(desc.Rounds) {
		t.Fatalf("only %d blocks with AVS logs for %d rounds", len(blocks), len(desc.Rounds))
	}
}

// checkSameIndex: store holds exactly the rounds and operators of ref.
func checkSameIndex(t *testing.T, ref, store *index.Store) {
	t.Helper()
	latest, ok, err := ref.LatestRound()
	if err != nil || !ok {
		t.Fatal("reference index empty", err)
	}
	want, err := ref.Rounds(1, latest)
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.Rounds(1, latest+1)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		for i := range min(len(got), len(want)) {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("round %d differs from the run without faults:\n got %+v\nwant %+v", want[i].Round, got[i], want[i])
			}
		}
		t.Fatalf("%d rounds, %d without faults", len(got), len(want))
	}
	wantOps, err := ref.Operators()
	if err != nil {
		t.Fatal(err)
	}
	gotOps, err := store.Operators()
	if err != nil || !reflect.DeepEqual(gotOps, wantOps) {
		t.Fatalf("operators differ from the run without faults: %v", err)
	}
}

// faultCounts formats a proxy's counts for the log (and the reliability table).
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

// TestUnderFaults: behind a proxy injecting each fault kind of real
// providers, the watcher indexes the devnet's whole history without a gap,
// to exactly the index it builds without faults, through the pool or
// through a plain ethclient (which uses the raw-transaction and header
// fast paths).
func TestUnderFaults(t *testing.T) {
	d := runFaultyDevnetHTTP(t, 12, faultSchedule())
	desc := d.Description()
	head, err := d.Client().BlockNumber(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	ref := newStore(t)
	catchUp(t, newWatcher(t, d, ref, 0))
	checkVerdicts(t, d, ref)

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
		// Through ethclient, the raw-transaction and header reads are cut too.
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
			var chain faultyChain
			if tt.pool {
				opts := tt.opts
				opts.CoolDown, opts.MaxCoolDown = time.Millisecond, 10*time.Millisecond
				for range 20 { // Dial's eth_chainId may meet a fault
					if chain, err = rpcpool.Dial(t.Context(), []string{proxy.URL()}, opts); err == nil {
						break
					}
				}
			} else {
				chain, err = ethclient.DialContext(t.Context(), proxy.URL())
			}
			if err != nil {
				t.Fatal(err)
			}
			defer chain.Close()
			store := newStore(t)
			w := newFaultyWatcher(t, d, chain, store, 0, nil)
			r := runWatcher(t, w)
			until(t, 40*time.Second, func() bool { return w.Processed() >= head }, func() string {
				return fmt.Sprintf("processed %d of %d; proxy: %s", w.Processed(), head, faultCounts(proxy.Stats()))
			})
			r.stop()

			checkVerdicts(t, d, store)
			if err := store.Check(); err != nil {
				t.Fatal(err)
			}
			checkNoGap(t, d, store, head)
			checkSameIndex(t, ref, store)
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
	n atomic.Int64
}

func (o *rpcErrors) RPCError(string) { o.n.Add(1) }

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
// without an error reaching it, reaches the right verdicts, and goes back
// to the primary once it recovers.
func TestRPCFailover(t *testing.T) {
	d := runFaultyDevnetHTTP(t, 12, faultSchedule())
	desc := d.Description()
	head, err := d.Client().BlockNumber(t.Context())
	if err != nil {
		t.Fatal(err)
	}
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
	// The primary answers its first 40 requests (the backfill, in ranges of
	// 16 blocks, takes about 100), then drops every one.
	const answered = 40
	if err := primary.SetFaults(faultproxy.Fault{Kind: faultproxy.Drop, After: answered}); err != nil {
		t.Fatal(err)
	}
	var (
		sw                switches
		watcher           atomic.Pointer[Watcher]
		processedAtSwitch atomic.Int64
	)
	processedAtSwitch.Store(-1)
	onSwitch := func(from, to string, reason error) {
		if w := watcher.Load(); w != nil {
			processedAtSwitch.CompareAndSwap(-1, int64(w.Processed()))
		}
		sw.record(from, to, reason)
	}
	pool, err := rpcpool.Dial(t.Context(), []string{primary.URL(), backup.URL()}, rpcpool.Options{
		CoolDown: 10 * time.Millisecond, MaxCoolDown: 50 * time.Millisecond, OnSwitch: onSwitch,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()

	store := newStore(t)
	var obs rpcErrors
	w := newFaultyWatcher(t, d, pool, store, 16, &obs)
	watcher.Store(w)
	r := runWatcher(t, w)
	until(t, 30*time.Second, func() bool { return w.Processed() >= head }, func() string {
		return fmt.Sprintf("processed %d of %d; pool %+v", w.Processed(), head, pool.Stats())
	})
	events, reasons := sw.get()
	if len(events) == 0 || events[0] != primary.URL()+" -> "+backup.URL() || reasons[0] == nil || pool.Current() != backup.URL() {
		t.Fatalf("switches %v (%v); current %s", events, reasons, pool.Current())
	}
	ps, bs := primary.Stats(), backup.Stats()
	if n := obs.n.Load(); n != 0 {
		t.Fatalf("%d RPC errors reached the watcher", n)
	}
	if at := processedAtSwitch.Load(); at <= int64(desc.StartBlock) || uint64(at) >= head {
		t.Fatalf("the primary failed at block %d, not in the middle of the backfill to %d", at, head)
	}
	if ps.Faults[faultproxy.Drop] == 0 || ps.Requests <= answered || bs.Calls["eth_getHeaderByNumber"]+bs.Calls["eth_getRawTransactionByBlockHashAndIndex"] == 0 {
		t.Fatalf("primary: %s; backup: %s", faultCounts(ps), faultCounts(bs))
	}
	t.Logf("primary died after %d requests, at block %d of %d: %s; backup: %s; pool: %+v", answered, processedAtSwitch.Load(), head, faultCounts(ps), faultCounts(bs), pool.Stats())

	// The primary recovers: the pool returns to it, and the watcher keeps
	// following the chain through it.
	primary.Clear()
	until(t, 10*time.Second, func() bool { return pool.Current() == primary.URL() }, func() string {
		return fmt.Sprintf("pool %+v", pool.Stats())
	})
	events, reasons = sw.get()
	if last := len(events) - 1; events[last] != backup.URL()+" -> "+primary.URL() || reasons[last] != nil {
		t.Fatalf("switches %v (%v)", events, reasons)
	}
	before := primary.Stats().Calls["eth_getLogs"]
	now, err := d.Client().BlockNumber(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	until(t, 10*time.Second, func() bool { return w.Processed() >= now }, func() string {
		return fmt.Sprintf("processed %d of %d; pool %+v", w.Processed(), now, pool.Stats())
	})
	if primary.Stats().Calls["eth_getLogs"] == before {
		t.Fatal("the recovered primary was not used")
	}
	r.stop()
	t.Logf("switches %v; pool %+v", events, pool.Stats())

	checkVerdicts(t, d, store)
	if err := store.Check(); err != nil {
		t.Fatal(err)
	}
	checkNoGap(t, d, store, head)
}

// TestBackfillAfterStateExpiry: a watcher that starts after the node has
// dropped the state of a forwarded batch's block (128 blocks on a non-archive
// node) still indexes it. It fails today: storedBatch's eth_call at the
// batch's block hash fails with "historical state ... is not available" and
// the watcher retries it forever.
func TestBackfillAfterStateExpiry(t *testing.T) {
	d := runFaultyDevnetHTTP(t, 12, allFaults())
	desc := d.Description()
	var batchBlock uint64
	for _, r := range desc.Rounds {
		if strings.HasPrefix(r.Fault, string(devnet.FaultForwarded)) {
			batchBlock = r.Batches[0].Block
		}
	}
	until(t, 30*time.Second, func() bool {
		head, err := d.Client().BlockNumber(t.Context())
		return err == nil && head > batchBlock+200
	}, func() string { return "the chain did not move 200 blocks" })
	head, err := d.Client().BlockNumber(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	store := newStore(t)
	w := newFaultyWatcher(t, d, d.Client(), store, 0, nil)
	r := runWatcher(t, w)
	until(t, 20*time.Second, func() bool { return w.Processed() >= head }, func() string {
		return fmt.Sprintf("processed %d of %d", w.Processed(), head)
	})
	r.stop()
	checkVerdicts(t, d, store)
}
