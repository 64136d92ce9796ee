package challenge

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/internal/txmgr"
)

// splitStore reads rounds from the watcher's index and keeps its decision
// records and alerts in an index of its own: two executors beside one
// watcher, as two processes with two indexes would be.
type splitStore struct {
	*index.Store
	own *index.Store
}

func (s splitStore) PutSolveRecord(r index.SolveRecord, alerts ...[]byte) error {
	return s.own.PutSolveRecord(r, alerts...)
}
func (s splitStore) SolveRecords() ([]index.SolveRecord, error) { return s.own.SolveRecords() }
func (s splitStore) Enqueue(bodies ...[]byte) ([]uint64, error) { return s.own.Enqueue(bodies...) }

func (e *env) splitStore() splitStore {
	e.t.Helper()
	own, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { _ = own.Close() })
	return splitStore{Store: e.store, own: own}
}

// errKilled is the crash a killingStore simulates.
var errKilled = errors.New("killed")

// killingStore stores records until one with a new move in flight is
// stored: then it cancels the executor's context and fails, as a process
// killed between storing a signed transaction and broadcasting it.
type killingStore struct {
	Store
	mu     sync.Mutex
	cancel context.CancelFunc
	killed *solve.Record
}

func (s *killingStore) PutSolveRecord(r index.SolveRecord, alerts ...[]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.killed != nil {
		return errKilled
	}
	if err := s.Store.PutSolveRecord(r, alerts...); err != nil {
		return err
	}
	rec, err := solve.DecodeRecord(r.Record)
	if err != nil {
		return err
	}
	if rec.Move != nil && len(rec.Move.Attempts) == 1 {
		s.killed = &rec
		s.cancel()
		return errKilled
	}
	return nil
}

// TestKillRestart: an executor killed after storing a proof's signed
// transaction and before broadcasting it is restarted over the same index:
// the new process sends the stored transaction (the node had never seen
// it), never another proof; the key's nonce is 1 and the batch is proven
// once, by that transaction.
func TestKillRestart(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds = 2
	cfg.Faults, _ = devnet.ParseFaults("1:amount@0.1")
	e := startEnv(t, cfg, 1)
	t.Cleanup(e.dumpLog)
	ctx, cancel := context.WithCancel(e.ctx)
	ks := &killingStore{Store: e.store, cancel: cancel}
	err := e.newExecutor(e.execConfig(), ks, e.keys[0], nil).Run(ctx)
	if !errors.Is(err, context.Canceled) || ks.killed == nil {
		t.Fatalf("the first executor ended with %v, killed %v", err, ks.killed != nil)
	}
	stored := ks.killed.Move.Attempts[0].Tx
	if _, _, err := e.d.Client().TransactionByHash(e.ctx, stored); !errors.Is(err, ethereum.NotFound) {
		t.Fatalf("the stored transaction reached the node before the kill: %v", err)
	}
	e.background("executor", e.newExecutor(e.execConfig(), e.store, e.keys[0], nil).Run)
	e.waitDevnet()
	recs := e.waitSettled(e.store, batch{1, 0})
	r := recs[batch{1, 0}]
	// The stored transaction was sent again; on a loaded machine it may
	// have been replaced (same nonce, higher fees) before it was mined:
	// either way one move, whose first attempt is the stored one.
	if r.Final.State != solve.FinalConfirmed || len(r.History) != 1 || r.History[0].Attempts[0].Tx != stored ||
		!slices.ContainsFunc(r.History[0].Attempts, func(a solve.Attempt) bool { return a.Tx == r.Final.Basis.Tx }) {
		t.Fatalf("record %+v, history %+v; want confirmed by the stored %s or a replacement of it", r.Final, r.History, stored.Hex())
	}
	if n := e.nonce(e.keys[0]); n != 1 || len(e.frauds()[1]) != 1 {
		t.Fatalf("nonce %d, frauds %d; want 1 and 1", n, len(e.frauds()[1]))
	}
}

// movesUsed counts the nonces a record's moves took: every move that ended
// on the chain (mined, reverted or cancelled), and one in flight.
func movesUsed(recs map[batch]solve.Record) uint64 {
	var n uint64
	for _, r := range recs {
		for _, m := range r.History {
			if m.End != nil && m.End.How != solve.EndDropped {
				n++
			}
		}
		if r.Move != nil {
			n++
		}
	}
	return n
}

// TestRacing: two executors with two keys (two processes, two indexes)
// follow the same frauds: each fraud is proven once on the chain, each
// record settles confirmed for one executor and proven-by-other for the
// other, and each key's nonce is the moves its records took.
func TestRacing(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds, cfg.ChallengeWindow = 5, 60
	cfg.Faults, _ = devnet.ParseFaults("1:amount@0.1,2:amount@1.0,3:malformed:entry-order:signed,4:withheld-row@1")
	e := startEnv(t, cfg, 2)
	t.Cleanup(e.dumpLog)
	stores := []splitStore{e.splitStore(), e.splitStore()}
	for i, s := range stores {
		e.background(fmt.Sprintf("executor %d", i), e.newExecutor(e.execConfig(), s, e.keys[i], nil).Run)
	}
	e.waitDevnet()
	want := []batch{{1, 0}, {2, 0}, {3, 0}, {4, 0}}
	recs := []map[batch]solve.Record{e.waitSettled(stores[0], want...), e.waitSettled(stores[1], want...)}
	frauds := e.frauds()
	for _, b := range want {
		if f := frauds[b.round]; len(f) != 1 || f[0].Attempt.Uint64() != 0 {
			t.Fatalf("round %d: %d FraudProven", b.round, len(f))
		}
		got := fmt.Sprint(recs[0][b].Final.State, " ", recs[1][b].Final.State)
		if got != "confirmed proven-by-other" && got != "proven-by-other confirmed" {
			t.Fatalf("round %d: records settled %s", b.round, got)
		}
	}
	for i, k := range e.keys {
		if n, used := e.nonce(k), movesUsed(recs[i]); n != used {
			t.Fatalf("executor %d: nonce %d, its records' moves %d", i, n, used)
		}
	}
}

// TestModes: a monitor-only executor (no key) and a dry-run one follow
// frauds nobody proves: each record settles monitor-only or dry-run (the
// move simulated, never sent) while the batch is live, is reopened when
// the batch is finalized, and settles expired; the dry-run key's nonce
// stays 0.
func TestModes(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds = 4
	cfg.Faults, _ = devnet.ParseFaults("1:amount@1.2,2:withheld-row@1,3:malformed:entry-order:signed")
	e := startEnv(t, cfg, 1)
	t.Cleanup(e.dumpLog)
	monitor, dry := e.splitStore(), e.splitStore()
	seen := map[string]map[batch]solve.FinalState{"monitor-only": {}, "dry-run": {}}
	var mu sync.Mutex
	watch := func(name string, s splitStore) func(context.Context) error {
		return func(ctx context.Context) error {
			for ctx.Err() == nil {
				for b, r := range storedRecords(e.t, s) {
					if r.Final != nil && r.Final.State != solve.FinalExpired {
						mu.Lock()
						seen[name][b] = r.Final.State
						mu.Unlock()
					}
				}
				time.Sleep(10 * time.Millisecond)
			}
			return ctx.Err()
		}
	}
	e.background("monitor-only records", watch("monitor-only", monitor))
	e.background("dry-run records", watch("dry-run", dry))
	e.background("monitor-only", e.newExecutor(e.execConfig(), monitor, nil, nil).Run)
	dcfg := e.execConfig()
	dcfg.DryRun = true
	e.background("dry-run", e.newExecutor(dcfg, dry, e.keys[0], nil).Run)
	e.waitDevnet()
	want := []batch{{1, 0}, {2, 0}, {3, 0}}
	for name, s := range map[string]splitStore{"monitor-only": monitor, "dry-run": dry} {
		testutil.WaitFor(t, name+" records expired", time.Minute, 20*time.Millisecond, func() bool {
			recs := storedRecords(t, s)
			for _, b := range want {
				if r, ok := recs[b]; !ok || r.Final == nil || r.Final.State != solve.FinalExpired {
					return false
				}
			}
			return len(recs) == len(want)
		})
		mu.Lock()
		for _, b := range want {
			if got := seen[name][b]; string(got) != name {
				t.Errorf("%s: round %d settled %q before it expired, want %s", name, b.round, got, name)
			}
		}
		mu.Unlock()
	}
	if n := e.nonce(e.keys[0]); n != 0 {
		t.Fatalf("the dry-run key's nonce is %d", n)
	}
	if len(e.frauds()) != 0 || len(e.challenges()) != 0 {
		t.Fatalf("something was proven or challenged: %v %v", e.frauds(), e.challenges())
	}
}

// TestReorg: a confirmed proof's block leaves the canonical chain (forks 1,
// 4 and 10 blocks below it, with the executor stopped). Followed again: the
// node puts the proof back in its pool and mines it in the new branch; the
// restarted executor reopens the record and settles it confirmed on the new
// FraudProven. Redone: another transaction of the key takes the proof's
// nonce in the new branch; the record is reopened, the move found dropped,
// and the fraud proven anew with the next nonce. Either way the batch is
// proven once on the canonical chain.
func TestReorg(t *testing.T) {
	t.Parallel()
	for _, depth := range []uint64{1, 4, 10} {
		for _, redo := range []bool{false, true} {
			t.Run(fmt.Sprintf("depth %d redo %v", depth, redo), func(t *testing.T) {
				reorgCase(t, depth, redo)
			})
		}
	}
}

func reorgCase(t *testing.T, depth uint64, redo bool) {
	cfg := testConfig(t)
	cfg.Rounds, cfg.ChallengeWindow = 6, 30
	cfg.Faults, _ = devnet.ParseFaults("6:amount@1.2") // its proof well past block 10
	e := startEnv(t, cfg, 1)
	t.Cleanup(e.dumpLog)
	stop := e.background("executor", e.newExecutor(e.execConfig(), e.store, e.keys[0], nil).Run)
	e.waitDevnet()
	before := e.waitSettled(e.store, batch{6, 0})[batch{6, 0}]
	stop()
	proof := before.Final.Basis
	parent, err := e.d.Client().HeaderByNumber(e.ctx, new(big.Int).SetUint64(proof.Block-depth))
	if err != nil {
		t.Fatal(err)
	}
	then := func() error { return nil }
	if redo {
		then = func() error { return e.takeNonce(e.keys[0], before.History[0].Nonce) }
	}
	if err := e.d.ForkThen(parent.Hash(), then); err != nil {
		t.Fatal(err)
	}
	e.background("executor after the fork", e.newExecutor(e.execConfig(), e.store, e.keys[0], nil).Run)
	testutil.WaitFor(t, "the record settled again on a new FraudProven", 2*time.Minute, 50*time.Millisecond, func() bool {
		r := storedRecords(t, e.store)[batch{6, 0}]
		return r.Final != nil && r.Final.State == solve.FinalConfirmed && r.Final.Basis.BlockHash != proof.BlockHash && r.Reopens == 1
	})
	after := storedRecords(t, e.store)[batch{6, 0}]
	if f := e.frauds()[6]; len(f) != 1 || f[0].Raw.TxHash != after.Final.Basis.Tx {
		t.Fatalf("%d FraudProven of round 6 on the canonical chain", len(f))
	}
	// Followed again, the proof keeps its nonce (a replacement of it may be
	// what is mined); redone, it takes the next one.
	nonceBefore, nonceAfter := before.History[0].Nonce, after.History[len(after.History)-1].Nonce
	wantReplans, wantNonce := 0, nonceBefore
	if redo {
		wantReplans, wantNonce = 1, nonceBefore+1
	}
	if after.Replans != wantReplans || nonceAfter != wantNonce {
		t.Fatalf("replans %d, the proof's nonce %d (before %d); want %d replans, nonce %d", after.Replans, nonceAfter, nonceBefore, wantReplans, wantNonce)
	}
}

// takeNonce sends a 0-value transfer of key to itself with nonce n, with
// fees high enough to replace whatever the pool holds at that nonce. It runs
// while the chain is forked and sealing paused: until the pool has caught
// up with the new head it refuses the nonce as too low, and is asked again.
func (e *env) takeNonce(key *ecdsa.PrivateKey, n uint64) error {
	client, from := e.d.Client(), crypto.PubkeyToAddress(key.PublicKey)
	chainID, err := client.ChainID(e.ctx)
	if err != nil {
		return err
	}
	tip := big.NewInt(100 * params.GWei)
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{ChainID: chainID, Nonce: n,
		GasTipCap: tip, GasFeeCap: new(big.Int).Mul(tip, big.NewInt(10)), Gas: params.TxGas, To: &from})
	if err != nil {
		return err
	}
	for range 500 {
		err = txmgr.SendError(client.SendTransaction(e.ctx, tx))
		if !errors.Is(err, txmgr.ErrNonceTooLow) {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
	return fmt.Errorf("take nonce %d: %w", n, err)
}
