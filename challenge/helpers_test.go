package challenge

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/watcher"
)

// testConfig is TestingConfig in a test directory, its DA store on a free port.
func testConfig(t testing.TB) devnet.Config {
	t.Helper()
	return devnet.TestingConfig(t.TempDir(), testutil.FreePort(t))
}

// env is a devnet running in the background, the v2 watcher following it
// into an in-memory index, and funded challenger keys: everything the
// executor reads comes from the chain, the DA objects and that index.
type env struct {
	t     testing.TB
	ctx   context.Context
	d     *devnet.Devnet
	store *index.Store
	cache *watcher.MemoryCache
	da    *da.Client
	keys  []*ecdsa.PrivateKey
	start uint64
	done  chan error
	out   *testutil.Buffer
	log   *slog.Logger
}

// startEnv starts cfg's devnet with n funded challenger keys, and the
// watcher beside it.
func startEnv(t testing.TB, cfg devnet.Config, n int) *env {
	t.Helper()
	e := &env{t: t, out: &testutil.Buffer{}, done: make(chan error, 1), cache: watcher.NewMemoryCache(watcher.DefaultCacheBytes)}
	for i := range n {
		k, err := crypto.ToECDSA(crypto.Keccak256(fmt.Appendf(nil, "denomwatch v2 challenger test %d", i)))
		if err != nil {
			t.Fatal(err)
		}
		e.keys = append(e.keys, k)
		cfg.Fund = append(cfg.Fund, crypto.PubkeyToAddress(k.PublicKey))
	}
	cfg.Out = e.out
	e.log = slog.New(slog.NewTextHandler(e.out, &slog.HandlerOptions{Level: slog.LevelInfo}))
	d, err := devnet.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	t.Cleanup(cancel)
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	e.ctx, e.d = ctx, d
	desc, err := devnet.ReadDescription(cfg.Describe)
	if err != nil {
		t.Fatal(err)
	}
	e.start = desc.StartBlock
	if e.da, err = da.NewClient(da.Options{Sources: []string{d.DASource()}, Timeout: 5 * time.Second, CoolDown: time.Millisecond,
		MaxCoolDown: 10 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)}); err != nil {
		t.Fatal(err)
	}
	if e.store, err = index.Open(index.Options{InMemory: true}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.store.Close() })
	e.runWatcher()
	go func() { e.done <- d.Run(ctx) }()
	return e
}

// objects are the watcher's: the same DA client and cache.
func (e *env) objects() watcher.Objects { return watcher.Objects{DA: e.da, Cache: e.cache} }

// runWatcher runs the v2 watcher into the env's index until the test ends.
func (e *env) runWatcher() {
	cfg := watcher.Config{AVS: e.d.AVS(), StartBlock: e.start, PollInterval: 20 * time.Millisecond,
		RetryMin: 100 * time.Millisecond, RetryMax: 500 * time.Millisecond, Log: e.log.With("module", "watcher")}
	w, err := watcher.New(e.ctx, cfg, e.d.Client(), e.store, e.objects(), nil)
	if err != nil {
		e.t.Fatal(err)
	}
	e.background("watcher", w.Run)
}

// background runs fn until the test ends; it must end with ctx's error.
func (e *env) background(name string, fn func(context.Context) error) (stop func()) {
	ctx, cancel := context.WithCancel(e.ctx)
	done := make(chan error, 1)
	go func() { done <- fn(ctx) }()
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			e.t.Errorf("%s: %v", name, err)
		}
	}
	e.t.Cleanup(stop)
	return stop
}

// execConfig is the executor's config for the env: polls of 50 ms.
func (e *env) execConfig() Config {
	cfg := DefaultConfig(e.d.AVS())
	cfg.StartBlock, cfg.PollInterval = e.start, 50*time.Millisecond
	return cfg
}

// newExecutor makes an executor with key (nil: monitor-only) over store.
func (e *env) newExecutor(cfg Config, store Store, key *ecdsa.PrivateKey, obs Observer) *Executor {
	e.t.Helper()
	ex, err := New(cfg, Deps{Chain: e.d.Client(), Store: store, Objects: e.objects(), Log: e.log.With("key", keyName(key)), Obs: obs}, key)
	if err != nil {
		e.t.Fatal(err)
	}
	return ex
}

func keyName(k *ecdsa.PrivateKey) string {
	if k == nil {
		return "none"
	}
	return crypto.PubkeyToAddress(k.PublicKey).Hex()[:8]
}

// waitDevnet waits for the devnet's rounds to be done.
func (e *env) waitDevnet() devnet.Description {
	e.t.Helper()
	select {
	case err := <-e.done:
		if err != nil {
			e.t.Fatalf("devnet: %v\n%s", err, e.out)
		}
	case <-e.ctx.Done():
		e.t.Fatalf("devnet not done\n%s", e.out)
	}
	return e.d.Description()
}

// storedRecords returns the stored decision records.
func storedRecords(t testing.TB, s Store) map[batch]solve.Record {
	t.Helper()
	all, err := s.SolveRecords()
	if err != nil {
		t.Fatal(err)
	}
	out := map[batch]solve.Record{}
	for _, sr := range all {
		r, err := solve.DecodeRecord(sr.Record)
		if err != nil {
			t.Fatal(err)
		}
		out[batch{r.Round, r.Attempt}] = r
	}
	return out
}

// waitSettled waits until the stored records are exactly want's batches,
// each settled.
func (e *env) waitSettled(s Store, want ...batch) map[batch]solve.Record {
	e.t.Helper()
	var got map[batch]solve.Record
	testutil.WaitFor(e.t, fmt.Sprintf("records %v settled (last: %s)", want, e.describe(got)), 3*time.Minute, 50*time.Millisecond, func() bool {
		got = storedRecords(e.t, s)
		if len(got) != len(want) {
			return false
		}
		for _, b := range want {
			if r, ok := got[b]; !ok || r.Final == nil {
				return false
			}
		}
		return true
	})
	return got
}

func (e *env) describe(rs map[batch]solve.Record) string {
	var s string
	for _, b := range slices.SortedFunc(mapsKeys(rs), cmpBatch) {
		r := rs[b]
		s += fmt.Sprintf("\n  %d/%d %s", b.round, b.attempt, r.State)
		if r.Final != nil {
			s += fmt.Sprintf(" %s: %s", r.Final.State, r.Final.Reason)
		}
	}
	return s + "\n" + e.out.String()
}

func mapsKeys(m map[batch]solve.Record) func(func(batch) bool) {
	return func(yield func(batch) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// logs returns the AVS's events of one kind (all rounds).
func (e *env) logs(event string) []types.Log {
	e.t.Helper()
	logs, err := e.d.Client().FilterLogs(e.ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{e.d.AVS()},
		Topics: [][]common.Hash{{contracts.EventID(event)}}})
	if err != nil {
		e.t.Fatal(err)
	}
	return logs
}

// frauds returns the FraudProven events by round.
func (e *env) frauds() map[uint64][]*bindings.DenominatorAllocationAVSFraudProven {
	out := map[uint64][]*bindings.DenominatorAllocationAVSFraudProven{}
	for _, l := range e.logs(bindings.DenominatorAllocationAVSFraudProvenEventName) {
		ev, err := contracts.ABI().UnpackFraudProvenEvent(&l)
		if err != nil {
			e.t.Fatal(err)
		}
		out[ev.Round.Uint64()] = append(out[ev.Round.Uint64()], ev)
	}
	return out
}

// challenges returns the AvailabilityChallenged events by round.
func (e *env) challenges() map[uint64][]*bindings.DenominatorAllocationAVSAvailabilityChallenged {
	out := map[uint64][]*bindings.DenominatorAllocationAVSAvailabilityChallenged{}
	for _, l := range e.logs(bindings.DenominatorAllocationAVSAvailabilityChallengedEventName) {
		ev, err := contracts.ABI().UnpackAvailabilityChallengedEvent(&l)
		if err != nil {
			e.t.Fatal(err)
		}
		out[ev.Round.Uint64()] = append(out[ev.Round.Uint64()], ev)
	}
	return out
}

// nonce is the key's nonce at the head.
func (e *env) nonce(k *ecdsa.PrivateKey) uint64 {
	e.t.Helper()
	n, err := e.d.Client().NonceAt(e.ctx, crypto.PubkeyToAddress(k.PublicKey), nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

// alertTypes counts the outbox's alerts by type.
func alertTypes(t testing.TB, s *index.Store) map[alerts.Type]int {
	t.Helper()
	entries, err := s.Outbox(0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	out := map[alerts.Type]int{}
	for _, en := range entries {
		ev, err := alerts.ParseEvent(en.Body)
		if err != nil {
			t.Fatalf("alert %d: %v", en.Seq, err)
		}
		out[ev.Type]++
	}
	return out
}

// recordingObserver keeps the last figures the executor reported.
type recordingObserver struct {
	mu                   sync.Mutex
	states               map[string]int
	held, lost, returned *big.Int
	need, balance        *big.Int
	underfunded          bool
	gas                  uint64
	openFrauds, expired  int
}

func (o *recordingObserver) SetOpenFrauds(n int, _ float64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.openFrauds = n
}

func (o *recordingObserver) ChallengeExpired() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.expired++
}

func (o *recordingObserver) SetDecisionRecords(m map[string]int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.states = m
}

func (o *recordingObserver) SetBonds(held, lost, returned *big.Int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.held, o.lost, o.returned = held, lost, returned
}

func (o *recordingObserver) SetOpenWork(need, balance *big.Int, underfunded bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.need, o.balance, o.underfunded = need, balance, underfunded
}

func (o *recordingObserver) ChallengeGasUsed(gas uint64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.gas += gas
}

// dumpLog writes the env's log to the test's output when
// DENOMWATCH_TEST_LOG is set.
func (e *env) dumpLog() {
	if os.Getenv("DENOMWATCH_TEST_LOG") != "" {
		e.t.Log(e.out.String())
	}
}
