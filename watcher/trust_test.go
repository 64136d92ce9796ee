package watcher

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/faultproxy"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/rpcpool"
)

// Trustless reads: a lying endpoint (internal/faultproxy's lies) listed
// first, an honest one second; the watcher's records are exactly those it
// builds on the chain itself, and the liar is named in the pool's metrics,
// the observer's counts and the rpc_endpoint_lying alerts.

// lieLog records the lies the watcher reports (Config.OnLie and the
// Observer's RPCLie) and the alerts they raise.
type lieLog struct {
	nopObserver
	mu       sync.Mutex
	onLie    []string // endpoint kind
	observed []string
	alerts   []alerts.Event
}

func (l *lieLog) OnLie(endpoint string, lie *rpcpool.Lie) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.onLie = append(l.onLie, endpoint+" "+string(lie.Kind))
	l.alerts = append(l.alerts, alerts.RPCEndpointLyingEvent(alerts.Meta{ChainID: 1337}, endpoint, string(lie.Kind), lie.Block, lie.Error()))
}

func (l *lieLog) RPCLie(endpoint string, kind rpcpool.LieKind) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.observed = append(l.observed, endpoint+" "+string(kind))
}

func (l *lieLog) get() (onLie, observed []string, events []alerts.Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.onLie), slices.Clone(l.observed), slices.Clone(l.alerts)
}

// trustWatcher is watcherOn with the lies reported to log and fast
// cross-checks.
func (e *env) trustWatcher(chain Chain, store Store, log *lieLog, trust bool) *Watcher {
	e.t.Helper()
	client, err := da.NewClient(da.Options{Sources: []string{e.d.DASource()}, Timeout: 5 * time.Second,
		CoolDown: time.Millisecond, MaxCoolDown: 10 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		e.t.Fatal(err)
	}
	cfg := Config{AVS: e.d.AVS(), StartBlock: e.start, PollInterval: 2 * time.Millisecond, MaxBackoff: 20 * time.Millisecond,
		RetryMin: 100 * time.Millisecond, RetryMax: 500 * time.Millisecond, TrustRPC: trust, MaxRange: 16,
		CrossCheckInterval: 20 * time.Millisecond, FrozenAfter: 300 * time.Millisecond, OnLie: log.OnLie}
	w, err := New(e.ctx, cfg, chain, store, Objects{DA: client}, log)
	if err != nil {
		e.t.Fatal(err)
	}
	return w
}

// proxied returns a proxy to url telling lies.
func proxied(t *testing.T, url string, lies ...faultproxy.Lie) *faultproxy.Proxy {
	t.Helper()
	p, err := faultproxy.New(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	if err := p.SetLies(lies...); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLyingEndpoint: each lie of a first endpoint; the watcher judges the
// history (a fraud of every kind) through the honest second one exactly as
// on the chain itself, and names the liar.
func TestLyingEndpoint(t *testing.T) {
	e, desc, head, ref := referenceHistory(t)
	last := uint64(len(desc.Rounds))
	ev := func(name string) common.Hash { return contracts.EventID(name) }
	details, submitted := ev(bindings.DenominatorAllocationAVSAllocationBatchDetailsEventName), ev(bindings.DenominatorAllocationAVSAllocationBatchSubmittedEventName)
	finalized := ev(bindings.DenominatorAllocationAVSRoundFinalizedEventName)
	round2 := common.BigToHash(big.NewInt(2)) // round 2's batch is fraudulent (amount)
	mid := desc.StartBlock + (head-desc.StartBlock)/3
	tests := []struct {
		name string
		lies []faultproxy.Lie
		kind rpcpool.LieKind
	}{
		{"omit a fraudulent batch's logs", []faultproxy.Lie{{Kind: faultproxy.OmitLog, Topic: submitted, Topic1: &round2}, {Kind: faultproxy.OmitLog, Topic: details, Topic1: &round2}}, rpcpool.LieLogs},
		{"omit every finalization", []faultproxy.Lie{{Kind: faultproxy.OmitLog, Topic: finalized}}, rpcpool.LieLogs},
		{"omit batch details from logs and receipts", []faultproxy.Lie{{Kind: faultproxy.OmitLog, Topic: details, InReceipts: true}}, rpcpool.LieReceipts},
		{"doctor log data", []faultproxy.Lie{{Kind: faultproxy.DoctorLog, Topic: details}}, rpcpool.LieLogs},
		{"doctor a receipt", []faultproxy.Lie{{Kind: faultproxy.DoctorReceipt, Topic: submitted}}, rpcpool.LieReceipts},
		{"frozen head", []faultproxy.Lie{{Kind: faultproxy.FrozenHead, At: mid}}, rpcpool.LieFrozenHead},
		{"absurd head", []faultproxy.Lie{{Kind: faultproxy.AbsurdHead}}, rpcpool.LieAbsurdHead},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			liar, honest := proxied(t, desc.RPCURL, tt.lies...), proxied(t, desc.RPCURL)
			pool, err := rpcpool.Dial(t.Context(), []string{liar.URL(), honest.URL()}, rpcpool.Options{CoolDown: 10 * time.Millisecond, MaxCoolDown: 50 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			defer pool.Close()
			store := openStore(t, t.TempDir())
			var lies lieLog
			w := e.trustWatcher(pool, store, &lies, false)
			runUntil(t, w, head, time.Minute, func() string { return fmt.Sprintf("pool %+v", pool.Stats()) })
			sameRounds(t, ref, store, last)
			checkLiarNamed(t, pool, &lies, liar.URL(), tt.kind)
			st := pool.Stats()
			t.Logf("%s: liar %d lies (%s), %d calls; honest %d calls", tt.name, st.Endpoints[0].Lies, st.Endpoints[0].LastLieKind, st.Endpoints[0].Calls, st.Endpoints[1].Calls)
		})
	}
}

// checkLiarNamed: the pool's stats, the observer and the alerts name the
// liar, with the lie's kind among them, and never the honest endpoint.
func checkLiarNamed(t *testing.T, pool *rpcpool.Pool, lies *lieLog, liar string, kind rpcpool.LieKind) {
	t.Helper()
	st := pool.Stats()
	if st.Endpoints[0].Lies == 0 || st.Endpoints[1].Lies != 0 {
		t.Fatalf("pool stats %+v", st)
	}
	onLie, observed, events := lies.get()
	want := liar + " " + string(kind)
	if !slices.Contains(onLie, want) || !slices.Contains(observed, want) || len(events) == 0 {
		t.Fatalf("lies reported %v, observed %v; want %q", onLie, observed, want)
	}
	for _, ev := range events {
		if ev.Type != alerts.RPCEndpointLying || ev.Data["endpoint"] != liar {
			t.Fatalf("alert %+v", ev)
		}
	}
}

// TestLyingSingleNode: with one endpoint only, a lie (round 2's batch left
// out of eth_getLogs) stops the watcher short of the block it lies about:
// the step fails with ErrLying, Blinded says why, the lie is reported, and
// nothing past it is judged.
func TestLyingSingleNode(t *testing.T) {
	cfg := testConfig(t)
	cfg.Rounds, cfg.HTTPPort = 3, testutil.FreePort(t)
	cfg.Faults, _ = devnet.ParseFaults("2:amount")
	e := startDevnet(t, cfg)
	desc := e.wait()
	round2 := common.BigToHash(big.NewInt(2))
	liar := proxied(t, desc.RPCURL, faultproxy.Lie{Kind: faultproxy.OmitLog,
		Topic: contracts.EventID(bindings.DenominatorAllocationAVSAllocationBatchSubmittedEventName), Topic1: &round2})
	client, err := ethclient.Dial(liar.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	store := openStore(t, t.TempDir())
	var lies lieLog
	w := e.trustWatcher(client, store, &lies, false)
	var stepErr error
	for range 200 {
		caughtUp, err := w.Step(e.ctx)
		if err != nil {
			stepErr = err
			break
		}
		if caughtUp {
			break
		}
	}
	if !errors.Is(stepErr, rpcpool.ErrLying) || !errors.Is(w.Blinded(), rpcpool.ErrLying) {
		t.Fatalf("step: %v; blinded: %v; processed %d; liar %+v", stepErr, w.Blinded(), w.Processed(), liar.Stats())
	}
	if onLie, _, _ := lies.get(); len(onLie) == 0 || onLie[0] != "node logs" {
		t.Fatalf("lies reported %v", onLie)
	}
	if r, ok, err := store.Round(2); err != nil || (ok && len(r.Batches) > 0) {
		t.Fatalf("round 2 judged on a lie: %v %+v", err, r)
	}
	// The same node trusted (verification off): round 2's batch is never seen.
	store2 := openStore(t, t.TempDir())
	blind := e.trustWatcher(client, store2, &lieLog{}, true)
	catchUp(t, blind)
	r2 := round(t, store2, 2)
	if r2.Verdict == index.VerdictFraud {
		t.Fatalf("trusting, round 2 is %s", describe(&r2))
	}
	ref := openStore(t, t.TempDir())
	catchUp(t, e.trustWatcher(e.d.Client(), ref, &lieLog{}, false))
	if r := round(t, ref, 2); r.Verdict != index.VerdictFraud {
		t.Fatalf("on the chain itself, round 2 is %s", describe(&r))
	}
	t.Logf("verified: stopped at block %d (%v); trusting: caught up at %d, round 2 %s (the fraud unseen)", w.Processed(), stepErr, blind.Processed(), describe(&r2))
}

// TestFakeChainOutvoted: the first of three endpoints serves a chain of its
// own from a third of the history on (every block verifying against its
// own headers); the watcher indexes it, the cross-check finds the two
// others agreeing against it, passes it over and names it, and the watcher
// rolls the fake blocks back and ends with the records of the chain itself.
func TestFakeChainOutvoted(t *testing.T) {
	e, desc, head, ref := referenceHistory(t)
	at := desc.StartBlock + (head-desc.StartBlock)/3
	liar := proxied(t, desc.RPCURL, faultproxy.Lie{Kind: faultproxy.FakeChain, At: at})
	a, b := proxied(t, desc.RPCURL), proxied(t, desc.RPCURL)
	pool, err := rpcpool.Dial(t.Context(), []string{liar.URL(), a.URL(), b.URL()}, rpcpool.Options{CoolDown: 10 * time.Millisecond, MaxCoolDown: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	store := openStore(t, t.TempDir())
	var lies lieLog
	w := e.trustWatcher(pool, store, &lies, false)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	testutil.WaitFor(t, "the fake chain outvoted and the real one indexed", time.Minute, 5*time.Millisecond, func() bool {
		if w.Processed() < head || w.Reorgs() == 0 {
			return false
		}
		cp, ok, err := store.Checkpoint()
		if err != nil || !ok {
			return false
		}
		h, err := e.d.Client().HeaderByNumber(ctx, new(big.Int).SetUint64(cp.Number))
		return err == nil && h.Hash() == cp.Hash
	})
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("the watcher stopped with %v", err)
	}
	sameRounds(t, ref, store, uint64(len(desc.Rounds)))
	checkLiarNamed(t, pool, &lies, liar.URL(), rpcpool.LieFork)
	r := w.CrossReport()
	t.Logf("fake chain from block %d: %d reorg(s); last cross-check best %d, endpoints %+v", at, w.Reorgs(), r.Best, r.Endpoints)
}

// TestVerificationCost logs what verification costs in JSON-RPC calls (each
// element of a batch counted) and HTTP requests per block, backfilling the
// history of a fault of every kind through one node, verification on and
// off, in ranges of 16 blocks and of the default 2000 (README "Trust model").
func TestVerificationCost(t *testing.T) {
	e, desc, _, ref := referenceHistory(t)
	for _, maxRange := range []uint64{16, 2000} {
		for _, trust := range []bool{true, false} {
			node := proxied(t, desc.RPCURL)
			client, err := ethclient.Dial(node.URL())
			if err != nil {
				t.Fatal(err)
			}
			store := openStore(t, t.TempDir())
			w := e.trustWatcher(client, store, &lieLog{}, trust)
			w.cfg.MaxRange, w.rangeSize = maxRange, maxRange
			catchUp(t, w)
			client.Close()
			blocks := w.Processed() - desc.StartBlock + 1 // the devnet seals on
			sameRounds(t, ref, store, uint64(len(desc.Rounds)))
			st := node.Stats()
			var calls uint64
			for _, n := range st.Calls {
				calls += n
			}
			t.Logf("range %4d, verification %-3s: %5d calls (%.2f a block), %4d requests (%.2f a block) over %d blocks; by method %v",
				maxRange, map[bool]string{true: "off", false: "on"}[trust], calls, float64(calls)/float64(blocks), st.Requests, float64(st.Requests)/float64(blocks), blocks, st.Calls)
		}
	}
}

// TestFakeChainSplit: two endpoints, the first on a chain of its own: no
// majority decides, so once the cross-check compares indexed blocks the
// watcher judges nothing more (ErrEndpointsDisagree, Blinded) rather than
// follow either; once the liar tells the truth again, it goes on.
func TestFakeChainSplit(t *testing.T) {
	cfg := testConfig(t)
	cfg.Rounds, cfg.HTTPPort = 3, testutil.FreePort(t)
	e := startDevnet(t, cfg)
	desc := e.wait()
	head, err := e.d.Client().BlockNumber(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	liar := proxied(t, desc.RPCURL, faultproxy.Lie{Kind: faultproxy.FakeChain, At: desc.StartBlock + 2})
	honest := proxied(t, desc.RPCURL)
	pool, err := rpcpool.Dial(t.Context(), []string{liar.URL(), honest.URL()}, rpcpool.Options{CoolDown: 10 * time.Millisecond, MaxCoolDown: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	store := openStore(t, t.TempDir())
	w := e.trustWatcher(pool, store, &lieLog{}, false)
	var stepErr error
	for range 100 {
		if _, stepErr = w.Step(e.ctx); errors.Is(stepErr, ErrEndpointsDisagree) {
			break
		}
		time.Sleep(25 * time.Millisecond) // past CrossCheckInterval
	}
	if !errors.Is(stepErr, ErrEndpointsDisagree) || !errors.Is(w.Blinded(), ErrEndpointsDisagree) {
		t.Fatalf("step: %v; blinded %v", stepErr, w.Blinded())
	}
	stopped := w.Processed()
	if _, err := w.Step(e.ctx); !errors.Is(err, ErrEndpointsDisagree) || w.Processed() != stopped {
		t.Fatalf("a second step: %v, processed %d then %d", err, stopped, w.Processed())
	}
	st := pool.Stats()
	if st.Endpoints[0].Agrees || st.Endpoints[1].Agrees {
		t.Fatalf("both should disagree: %+v", st.Endpoints)
	}
	liar.Clear()
	runUntil(t, w, head, time.Minute, func() string { return fmt.Sprintf("blinded %v", w.Blinded()) })
	if w.Blinded() != nil {
		t.Fatalf("still blinded: %v", w.Blinded())
	}
	t.Logf("stopped at block %d of %d while the endpoints disagreed (%v); caught up after the liar recovered (%d reorgs)", stopped, head, stepErr, w.Reorgs())
}
