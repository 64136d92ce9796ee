package challenge

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"log/slog"
	"math"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
	"github.com/denomwatch/denomwatch/internal/v1/watcher"
)

// Devnet timing for the tests: blocks every 100 ms, a 20-block window.
const (
	testBlockInterval = 100 * time.Millisecond
	testWindow        = 20
)

// testKey is a deterministic key for a test challenger.
func testKey(t testing.TB, name string) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("denomwatch challenge test " + name)))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func addrOf(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// testDevnet is a started devnet (Run not yet called) with small rounds,
// the accounts in fund funded.
type testDevnet struct {
	*devnet.Devnet
	desc  devnet.Description // as after Start
	out   *testutil.Buffer
	done  chan struct{}
	err   error
	final devnet.Description // after Run returned
	heads *headClock
}

func startDevnet(t *testing.T, rounds int, every uint64, faults devnet.Schedule, fund ...common.Address) *testDevnet {
	t.Helper()
	cfg := devnet.DefaultConfig()
	cfg.HTTPPort, cfg.WSPort, cfg.Describe = 0, 0, ""
	cfg.BlockInterval, cfg.PollInterval = testBlockInterval, 5*time.Millisecond
	cfg.ChallengeWindow, cfg.RoundEvery = testWindow, every
	cfg.Providers, cfg.Recipients, cfg.EntriesPerRow = 4, 12, 6
	// Three operators: the colluding quorum is all of them, so that it still
	// meets the quorum after being slashed in several rounds.
	cfg.Operators, cfg.Seed, cfg.Rounds, cfg.Faults = 3, 7, rounds, faults
	cfg.Fund = fund
	out := &testutil.Buffer{}
	cfg.Out = out
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	var d *devnet.Devnet
	for attempt := 1; ; attempt++ {
		var err error
		if d, err = devnet.New(cfg); err != nil {
			t.Fatal(err)
		}
		err = d.Start(ctx)
		if err == nil {
			t.Cleanup(d.Close)
			break
		}
		d.Close()
		// The devnet reads each operator's index right after its
		// registration's receipt; on a loaded machine the simulated chain
		// can serve the receipt before its head moves (NotRegistered).
		if attempt == 3 || !strings.Contains(err.Error(), "NotRegistered") {
			t.Fatal(err)
		}
		t.Logf("devnet start failed (%v); starting another", err)
	}
	td := &testDevnet{Devnet: d, desc: d.Description(), out: out, done: make(chan struct{})}
	td.heads = newHeadClock(ctx, d.Client())
	return td
}

// run runs the devnet's rounds in the background.
func (d *testDevnet) run(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	go func() {
		defer close(d.done)
		d.err = d.Run(ctx)
		if d.err == nil {
			d.final = d.Description()
		}
	}()
}

// wait waits for the devnet's rounds to be done.
func (d *testDevnet) wait(t *testing.T) devnet.Description {
	t.Helper()
	<-d.done
	if d.err != nil {
		t.Fatalf("devnet: %v\n%s", d.err, d.out.String())
	}
	return d.final
}

// headClock notes the wall time each block number is first seen at.
type headClock struct {
	mu   sync.Mutex
	seen map[uint64]time.Time
}

func newHeadClock(ctx context.Context, cl interface {
	BlockNumber(context.Context) (uint64, error)
}) *headClock {
	h := &headClock{seen: map[uint64]time.Time{}}
	go func() {
		for ctx.Err() == nil {
			if n, err := cl.BlockNumber(ctx); err == nil {
				h.mu.Lock()
				if _, ok := h.seen[n]; !ok {
					h.seen[n] = time.Now()
				}
				h.mu.Unlock()
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	return h
}

func (h *headClock) at(n uint64) (time.Time, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	t, ok := h.seen[n]
	return t, ok
}

// logCounter is a slog handler that keeps the records (for the failure
// message) and counts them by level.
type logCounter struct {
	mu      sync.Mutex
	buf     *testutil.Buffer
	inner   slog.Handler
	warns   []string
	errors  []string
	attrs   []slog.Attr
	verbose bool
}

func newLogCounter() *logCounter {
	b := &testutil.Buffer{}
	return &logCounter{buf: b, inner: slog.NewTextHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug})}
}

func (l *logCounter) Enabled(context.Context, slog.Level) bool { return true }
func (l *logCounter) Handle(ctx context.Context, r slog.Record) error {
	l.mu.Lock()
	switch {
	case r.Level >= slog.LevelError:
		l.errors = append(l.errors, r.Message)
	case r.Level >= slog.LevelWarn:
		l.warns = append(l.warns, r.Message)
	}
	l.mu.Unlock()
	return l.inner.Handle(ctx, r)
}
func (l *logCounter) WithAttrs(as []slog.Attr) slog.Handler {
	return &logProxy{l: l, h: l.inner.WithAttrs(as)}
}
func (l *logCounter) WithGroup(name string) slog.Handler {
	return &logProxy{l: l, h: l.inner.WithGroup(name)}
}

// logProxy counts into l and writes through h.
type logProxy struct {
	l *logCounter
	h slog.Handler
}

func (p *logProxy) Enabled(context.Context, slog.Level) bool { return true }
func (p *logProxy) Handle(ctx context.Context, r slog.Record) error {
	p.l.mu.Lock()
	switch {
	case r.Level >= slog.LevelError:
		p.l.errors = append(p.l.errors, r.Message)
	case r.Level >= slog.LevelWarn:
		p.l.warns = append(p.l.warns, r.Message)
	}
	p.l.mu.Unlock()
	return p.h.Handle(ctx, r)
}
func (p *logProxy) WithAttrs(as []slog.Attr) slog.Handler {
	return &logProxy{l: p.l, h: p.h.WithAttrs(as)}
}
func (p *logProxy) WithGroup(name string) slog.Handler {
	return &logProxy{l: p.l, h: p.h.WithGroup(name)}
}

func (l *logCounter) count(msg string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, m := range append(append([]string{}, l.warns...), l.errors...) {
		if m == msg {
			n++
		}
	}
	return n
}

func (l *logCounter) errorCount() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.errors)
}

// testObserver records what the challenger reports.
type testObserver struct {
	mu      sync.Mutex
	byState map[index.ChallengeState]int
	gas     uint64
	bounty  *big.Int
	// open: the last open-fraud count; maxOpen the largest seen; left the
	// fewest blocks left seen.
	open, maxOpen int
	left          float64
}

func newTestObserver() *testObserver { return &testObserver{bounty: new(big.Int), left: math.Inf(1)} }

func (o *testObserver) SetOpenFrauds(n int, left float64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.open, o.maxOpen, o.left = n, max(o.maxOpen, n), min(o.left, left)
}

func (o *testObserver) SetChallenges(m map[index.ChallengeState]int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.byState = m
}
func (o *testObserver) ChallengeGasUsed(g uint64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.gas += g
}
func (o *testObserver) ChallengeBounty(w *big.Int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.bounty.Add(o.bounty, w)
}

// recordingStore is the index with every alert body raised noted, and
// hooks on PutChallenge for the crash tests.
type recordingStore struct {
	*index.Store
	mu     sync.Mutex
	alerts []alerts.Event
	// before is called before a PutChallenge (an error fails it unwritten);
	// after once it is written.
	before func(c index.Challenge) error
	after  func(c index.Challenge)
}

func (s *recordingStore) note(bodies [][]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, b := range bodies {
		var ev alerts.Event
		if err := json.Unmarshal(b, &ev); err != nil {
			panic(fmt.Sprintf("alert body does not decode: %v", err))
		}
		s.alerts = append(s.alerts, ev)
	}
}

func (s *recordingStore) PutChallenge(c index.Challenge, bodies ...[]byte) error {
	s.mu.Lock()
	before, after := s.before, s.after
	s.mu.Unlock()
	if before != nil {
		if err := before(c); err != nil {
			return err
		}
	}
	if err := s.Store.PutChallenge(c, bodies...); err != nil {
		return err
	}
	s.note(bodies)
	if after != nil {
		after(c)
	}
	return nil
}

func (s *recordingStore) Enqueue(bodies ...[]byte) ([]uint64, error) {
	seqs, err := s.Store.Enqueue(bodies...)
	if err == nil {
		s.note(bodies)
	}
	return seqs, err
}

func (s *recordingStore) events(typ alerts.Type, round uint64) []alerts.Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []alerts.Event
	for _, ev := range s.alerts {
		if ev.Type == typ && ev.Round != nil && *ev.Round == round {
			out = append(out, ev)
		}
	}
	return out
}

// party is a watcher, its index and a challenger, as `denomwatch run` wires them.
type party struct {
	d     *testDevnet
	dir   string // the index's directory; "" in memory
	store *recordingStore
	w     *watcher.Watcher
	chain Chain
	key   *ecdsa.PrivateKey
	cfg   Config
	obs   *testObserver
	logs  *logCounter

	mu          sync.Mutex
	stop        context.CancelFunc // the challenger's
	stopWatcher context.CancelFunc
	runs        sync.WaitGroup
	errs        []error
}

func testConfig(d *testDevnet) Config {
	cfg := DefaultConfig(d.desc.AVS)
	cfg.ChainID = d.desc.ChainID
	cfg.Confirmations = 1
	cfg.BumpAfterBlocks = 3
	cfg.PollInterval = 20 * time.Millisecond
	cfg.DeadlineAlertBlocks = 4
	return cfg
}

// newParty opens an index (in dir, or in memory) and starts a watcher of d
// on it.
func newParty(t *testing.T, d *testDevnet, key *ecdsa.PrivateKey, cfg Config, dir string) *party {
	t.Helper()
	p := &party{d: d, dir: dir, store: &recordingStore{}, chain: d.Client(), key: key, cfg: cfg, obs: newTestObserver(), logs: newLogCounter()}
	p.open(t)
	t.Cleanup(func() {
		p.halt()
		_ = p.store.Store.Close()
		if testing.Verbose() || t.Failed() {
			t.Logf("challenger log:\n%s", p.logs.buf.String())
		}
	})
	return p
}

// open opens the index and starts the watcher.
func (p *party) open(t *testing.T) {
	t.Helper()
	st, err := index.Open(index.Options{InMemory: p.dir == "", Dir: p.dir})
	if err != nil {
		t.Fatal(err)
	}
	p.store.Store = st
	w, err := watcher.New(context.Background(), watcher.Config{AVS: p.d.desc.AVS, StartBlock: p.d.desc.StartBlock, PollInterval: 10 * time.Millisecond},
		p.d.Client(), st, &watcher.CalldataSource{Chain: p.d.Client(), AVS: p.d.desc.AVS}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.w = w
	ctx, cancel := context.WithCancel(context.Background())
	p.mu.Lock()
	p.stopWatcher = cancel
	p.mu.Unlock()
	p.runs.Add(1)
	go func() {
		defer p.runs.Done()
		if err := w.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
			p.fail(fmt.Errorf("watcher: %w", err))
		}
	}()
}

// halt stops the challenger and the watcher and waits for them.
func (p *party) halt() {
	p.mu.Lock()
	if p.stopWatcher != nil {
		p.stopWatcher()
	}
	if p.stop != nil {
		p.stop()
	}
	p.mu.Unlock()
	p.runs.Wait()
}

// restart is a process restart: everything stops, the index is closed and
// opened again, and a new watcher and challenger start on it.
func (p *party) restart(t *testing.T) *Challenger {
	t.Helper()
	p.halt()
	if err := p.store.Store.Close(); err != nil {
		t.Fatal(err)
	}
	p.open(t)
	return p.startChallenger(t)
}

func (p *party) fail(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.errs = append(p.errs, err)
}

// startChallenger starts a challenger on the party's index; stopChallenger
// (or ctx) stops it.
func (p *party) startChallenger(t *testing.T) *Challenger {
	t.Helper()
	c, err := New(p.cfg, p.chain, p.store, p.key, slog.New(p.logs), p.obs)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.mu.Lock()
	p.stop = cancel
	p.mu.Unlock()
	p.runs.Add(1)
	go func() {
		defer p.runs.Done()
		if err := c.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
			p.fail(fmt.Errorf("challenger: %w", err))
		}
	}()
	return c
}

// stopChallenger cancels the running challenger.
func (p *party) stopChallenger() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stop != nil {
		p.stop()
	}
}

func (p *party) check(t *testing.T) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, err := range p.errs {
		t.Errorf("%v", err)
	}
	if n := p.logs.errorCount(); n > 0 {
		t.Errorf("%d error logs:\n%s", n, p.logs.buf.String())
	}
	if n := p.logs.count("challenger pass failed; retrying"); n > 0 {
		t.Errorf("%d failed passes:\n%s", n, p.logs.buf.String())
	}
}

// waitFor polls cond until it holds or the timeout passes.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	testutil.WaitFor(t, what, timeout, 5*time.Millisecond, cond)
}

// settled reports whether every challenge of the index is settled.
func settled(t *testing.T, s *recordingStore) bool {
	open, err := s.OpenChallenges()
	if err != nil {
		t.Fatal(err)
	}
	return len(open) == 0
}

func receiptOf(t *testing.T, d *testDevnet, h common.Hash) *types.Receipt {
	t.Helper()
	r, err := d.Client().TransactionReceipt(context.Background(), h)
	if err != nil {
		t.Fatalf("receipt of %s: %v", h, err)
	}
	return r
}

var _ watcher.Store = NotifyingStore{}
