package watcher

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// testConfig is TestingConfig in a test directory, its DA store on a free port.
func testConfig(t testing.TB) devnet.Config {
	t.Helper()
	return devnet.TestingConfig(t.TempDir(), testutil.FreePort(t))
}

// env is a devnet running in the background with a funded test challenger
// beside it, which acts as a challenger would: from the chain and the DA
// objects, never the devnet's state.
type env struct {
	t      testing.TB
	ctx    context.Context
	d      *devnet.Devnet
	cfg    devnet.Config
	key    *ecdsa.PrivateKey
	reader *da.Client
	out    *testutil.Buffer
	done   chan error
	start  uint64   // the deployment block
	bond   *big.Int // the availability bond
}

// startDevnet starts cfg's devnet and runs it in the background, for at
// most 5 minutes.
func startDevnet(t testing.TB, cfg devnet.Config) *env {
	t.Helper()
	return startDevnetFor(t, cfg, 5*time.Minute)
}

// startDevnetFor is startDevnet for at most timeout.
func startDevnetFor(t testing.TB, cfg devnet.Config, timeout time.Duration) *env {
	t.Helper()
	key, _ := crypto.GenerateKey()
	cfg.Fund = append(cfg.Fund, crypto.PubkeyToAddress(key.PublicKey))
	e := &env{t: t, key: key, cfg: cfg, out: &testutil.Buffer{}, done: make(chan error, 1)}
	cfg.Out = e.out
	d, err := devnet.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
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
	e.bond, _ = new(big.Int).SetString(desc.Params.AvailabilityBond, 10)
	if e.reader, err = da.NewClient(da.Options{Sources: []string{d.DASource()}, CoolDown: time.Millisecond, MaxCoolDown: time.Millisecond,
		Logger: slog.New(slog.DiscardHandler)}); err != nil {
		t.Fatal(err)
	}
	go func() { e.done <- d.Run(ctx) }()
	return e
}

// wait waits for the devnet's rounds to be done and returns its description.
func (e *env) wait() devnet.Description {
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

// newWatcher makes a watcher of the devnet's AVS over store, reading the
// DA store over HTTP, logging to log (nil: nowhere).
func (e *env) newWatcher(store Store, cfg Config, log *slog.Logger) *Watcher {
	e.t.Helper()
	return e.newWatcherWith(store, cfg, nil, log)
}

// newWatcherWith is newWatcher with an object cache (nil: the default, an
// IndexCache over an index).
func (e *env) newWatcherWith(store Store, cfg Config, cache ObjectCache, log *slog.Logger) *Watcher {
	e.t.Helper()
	cfg.AVS = e.d.AVS()
	if cfg.StartBlock == 0 {
		cfg.StartBlock = e.start
	}
	if cfg.PollInterval == 0 {
		cfg.PollInterval = 20 * time.Millisecond
	}
	cfg.RetryMin, cfg.RetryMax, cfg.Log = 100*time.Millisecond, 500*time.Millisecond, log
	client, err := da.NewClient(da.Options{Sources: []string{e.d.DASource()}, Timeout: 5 * time.Second,
		CoolDown: time.Millisecond, MaxCoolDown: 10 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		e.t.Fatal(err)
	}
	w, err := New(e.ctx, cfg, e.d.Client(), store, Objects{DA: client, Cache: cache}, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return w
}

// runWatcher runs w in the background until the test ends.
func (e *env) runWatcher(w *Watcher) {
	ctx, cancel := context.WithCancel(e.ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	e.t.Cleanup(func() {
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			e.t.Errorf("watcher: %v", err)
		}
	})
}

// openStore opens an on-disk index in dir, closed at the test's end.
func openStore(t testing.TB, dir string) *index.Store {
	t.Helper()
	s, err := index.Open(index.Options{Dir: dir, DeferSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// catchUp steps w until it is caught up with the head.
func catchUp(t testing.TB, w *Watcher) {
	t.Helper()
	for {
		caughtUp, err := w.Step(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if caughtUp {
			return
		}
	}
}

// round returns round n's record.
func round(t testing.TB, s Store, n uint64) index.Round {
	t.Helper()
	r, ok, err := s.Round(n)
	if err != nil || !ok {
		t.Fatalf("round %d: %v %v", n, ok, err)
	}
	return r
}

// waitRound waits until round n's record satisfies cond.
func (e *env) waitRound(s Store, n uint64, what string, cond func(r *index.Round) bool) index.Round {
	e.t.Helper()
	var last index.Round
	testutil.WaitFor(e.t, fmt.Sprintf("round %d: %s (last record: %s)", n, what, describe(&last)), 3*time.Minute, 20*time.Millisecond, func() bool {
		r, ok, err := s.Round(n)
		if err != nil {
			e.t.Fatal(err)
		}
		last = r
		return ok && cond(&r)
	})
	return last
}

// describe is a round's verdict in a line.
func describe(r *index.Round) string {
	if r.Judgement == nil {
		return fmt.Sprintf("round %d: %s (no judgement)", r.Round, r.Verdict)
	}
	return fmt.Sprint(verdictAttrs(r)...)
}

// status reports a round's v2 status and attempt (-1: no live batch).
func status(r *index.Round) (judge.Status, int64) {
	if r.Judgement == nil {
		return "", -1
	}
	if a := r.Judgement.Attempt; a != nil {
		return r.Judgement.Status, int64(*a)
	}
	return r.Judgement.Status, -1
}

// missing reports whether the verdict lists object kind with index i as
// missing and needed.
func missing(r *index.Round, kind judge.ObjectKind, i int) bool {
	if r.Judgement == nil {
		return false
	}
	for _, o := range r.Judgement.Missing {
		at := o.Provider
		if o.Part != nil {
			at = o.Part
		}
		if o.Kind == kind && at != nil && *at == i && o.Needed {
			return true
		}
	}
	return false
}

// send sends calldata to the AVS from the test challenger's key and waits
// for its receipt.
func (e *env) send(data []byte, value *big.Int) (*types.Receipt, error) {
	e.t.Helper()
	client := e.d.Client()
	chainID, err := client.ChainID(e.ctx)
	if err != nil {
		return nil, err
	}
	opts := bind.NewKeyedTransactor(e.key, chainID)
	opts.Context, opts.Value = e.ctx, value
	tx, err := bind.Transact(bind.NewBoundContract(e.d.AVS(), abi.ABI{}, client, client, client), opts, data)
	if err != nil {
		return nil, contracts.AsRevert(err)
	}
	for {
		r, err := client.TransactionReceipt(e.ctx, tx.Hash())
		if err == nil {
			if r.Status != types.ReceiptStatusSuccessful {
				return r, fmt.Errorf("transaction %s reverted", tx.Hash())
			}
			return r, nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			return nil, err
		}
		select {
		case <-e.ctx.Done():
			return nil, e.ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// mustSend is send, failing the test.
func (e *env) mustSend(data []byte, value *big.Int) *types.Receipt {
	e.t.Helper()
	r, err := e.send(data, value)
	if err != nil {
		e.t.Fatalf("%v\n%s", err, e.out)
	}
	return r
}

// challenge opens an availability challenge of round n's live batch.
func (e *env) challenge(n uint64, kind contracts.ObjectKind, i uint64) contracts.Challenge {
	e.t.Helper()
	c := contracts.Challenge{Round: n, Kind: kind, Index: i}
	e.mustSend(c.Calldata(), e.bond)
	return c
}

// slashWhenDue waits out the challenge's resolve window and slashes.
func (e *env) slashWhenDue(c contracts.Challenge) {
	e.t.Helper()
	for {
		_, err := e.send(c.SlashCalldata(), nil)
		if err == nil {
			return
		}
		if _, open := contracts.RevertAs[bindings.DenominatorAllocationAVSResolveWindowOpen](err); !open {
			e.t.Fatalf("slash %+v: %v", c, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// proveBadAllocation proves provider p of round n's live batch wrong, with
// the DA objects and the rows given (revealed on chain, say).
func (e *env) proveBadAllocation(n uint64, claimed []common.Hash, p int, extra ...recompute.Row) {
	e.t.Helper()
	res := e.evaluate(n, extra...)
	ba, err := contracts.NewBadAllocation(res, p, claimed)
	if err != nil {
		e.t.Fatal(err)
	}
	e.mustSend(ba.Calldata(), nil)
}

// evaluate recomputes round n from the DA source and the rows given.
func (e *env) evaluate(n uint64, extra ...recompute.Row) *recompute.Result {
	e.t.Helper()
	to := e.d.AVS()
	out, err := e.d.Client().CallContract(e.ctx, ethereum.CallMsg{To: &to, Data: avs.PackGetRound(new(big.Int).SetUint64(n))}, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	v, err := avs.UnpackGetRound(out)
	if err != nil {
		e.t.Fatal(err)
	}
	commitment := common.Hash(v.CommitmentRoot)
	rows := map[common.Hash][]byte{}
	for _, r := range extra {
		rows[recompute.EntriesRoot(r)] = r.Bytes()
	}
	m, manifest, _, err := e.reader.Manifest(e.ctx, commitment)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, r := range e.reader.Rows(e.ctx, m) {
		if r.Err == nil {
			rows[recompute.EntriesRoot(r.Row)] = r.Data
		}
	}
	res, viol := recompute.EvaluateObjects(commitment, manifest, uint256.NewInt(n), func(k common.Hash) []byte { return rows[k] }, recompute.Options{})
	if viol != nil {
		e.t.Fatalf("round %d: %v", n, viol)
	}
	return res
}

// logLines returns the lines of a log that contain every one of parts.
func logLines(log string, parts ...string) []string {
	var out []string
	for _, l := range strings.Split(log, "\n") {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(l, p)
		}
		if ok && l != "" {
			out = append(out, l)
		}
	}
	return out
}

// testLogger logs to a buffer at Info.
func testLogger() (*slog.Logger, *testutil.Buffer) {
	b := &testutil.Buffer{}
	return slog.New(slog.NewTextHandler(b, &slog.HandlerOptions{Level: slog.LevelInfo})), b
}
