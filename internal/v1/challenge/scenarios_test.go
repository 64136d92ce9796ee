package challenge

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/txmgr"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
)

// TestTwoChallengers runs two challengers (two keys, two indexes, two
// watchers) against one devnet: each fraud is proven once, by one of them;
// the other records proven-by-other naming the winner; neither fails.
func TestTwoChallengers(t *testing.T) {
	ka, kb := testKey(t, "two a"), testKey(t, "two b")
	faults := devnet.Schedule{
		2: {Kind: devnet.FaultAmount, Index: -1},
		3: {Kind: devnet.FaultPublication, Index: -1},
		4: {Kind: devnet.FaultConservation, Index: 2},
	}
	d := startDevnet(t, 4, 2, faults, addrOf(ka), addrOf(kb))
	pa := newParty(t, d, ka, testConfig(d), "")
	pb := newParty(t, d, kb, testConfig(d), "")
	pa.startChallenger(t)
	pb.startChallenger(t)
	d.run(t)
	desc := d.wait(t)
	waitFor(t, 10*time.Second, "every challenge settled", func() bool { return settled(t, pa.store) && settled(t, pb.store) })

	parties := map[common.Address]*party{addrOf(ka): pa, addrOf(kb): pb}
	for _, dr := range desc.Rounds {
		if provableKind(dr.Fault) == "" {
			continue
		}
		batch := dr.Batches[0].Tx
		var winner common.Address
		for a, p := range parties {
			rec, ok, err := p.store.Challenge(dr.Round, batch)
			if err != nil {
				t.Fatal(err)
			}
			if ok && rec.State == index.ChallengeConfirmed {
				if winner != (common.Address{}) {
					t.Fatalf("round %d proven twice", dr.Round)
				}
				winner = a
				checkProven(t, d, rec, dr, a)
			}
		}
		if winner == (common.Address{}) {
			t.Fatalf("round %d: no challenger proved it", dr.Round)
		}
		for a, p := range parties {
			if a == winner {
				continue
			}
			rec, ok, err := p.store.Challenge(dr.Round, batch)
			if err != nil || !ok {
				t.Fatalf("round %d: the loser has no record (%v)", dr.Round, err)
			}
			win, _, _ := parties[winner].store.Challenge(dr.Round, batch)
			if rec.State != index.ChallengeProvenByOther || rec.ProvenBy == nil || *rec.ProvenBy != winner || rec.ProvenTx == nil || *rec.ProvenTx != *win.TxHash {
				t.Fatalf("round %d: the loser recorded %s by %v in %v (%s); winner %s in %s", dr.Round, rec.State, rec.ProvenBy, rec.ProvenTx, rec.Error, winner, win.TxHash)
			}
			if n := len(p.store.events(alerts.ProvenByOther, dr.Round)); n != 1 {
				t.Errorf("round %d: %d proven_by_other alerts", dr.Round, n)
			}
			// A proof it sent and lost mined as a revert, or was cancelled:
			// either way its nonce was consumed, nothing is left pending.
			if len(rec.Attempts) > 0 {
				if r, _, err := txmgr.FirstMined(context.Background(), d.Client(), hashesOf(rec)); err != nil || r == nil {
					t.Errorf("round %d: the loser's attempts %+v, none mined (%v)", dr.Round, rec.Attempts, err)
				}
			}
			t.Logf("round %d: proven by %s; the other challenger recorded %s after %d attempts (%s)", dr.Round, winner, rec.State, len(rec.Attempts), rec.Error)
		}
	}
	for _, p := range parties {
		if err := p.store.Check(); err != nil {
			t.Fatal(err)
		}
		p.check(t)
	}
}

func hashesOf(rec index.Challenge) []common.Hash {
	out := make([]common.Hash, len(rec.Attempts))
	for i, a := range rec.Attempts {
		out[i] = a.TxHash
	}
	return out
}

// hookChain is the devnet's client with hooks: beforeSend may fail a
// broadcast unsent; tip replaces the node's suggested tip.
type hookChain struct {
	Chain
	mu         sync.Mutex
	beforeSend func(tx *types.Transaction) error
	tip        func(real *big.Int) *big.Int
}

func (h *hookChain) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	h.mu.Lock()
	f := h.beforeSend
	h.mu.Unlock()
	if f != nil {
		if err := f(tx); err != nil {
			return err
		}
	}
	return h.Chain.SendTransaction(ctx, tx)
}

func (h *hookChain) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	tip, err := h.Chain.SuggestGasTipCap(ctx)
	h.mu.Lock()
	f := h.tip
	h.mu.Unlock()
	if err == nil && f != nil {
		tip = f(tip)
	}
	return tip, err
}

// TestRestartResumes kills the process (challenger, watcher, index) at
// three points of a proof's life and starts it again on the same on-disk
// index: after the signed transaction is stored but before it is sent;
// after it is sent but before that is stored; after "sent" is stored. Each
// time the new process finishes the same transaction: the key sends exactly
// one transaction per fraud.
func TestRestartResumes(t *testing.T) {
	key := testKey(t, "restart")
	me := addrOf(key)
	faults := devnet.Schedule{
		2: {Kind: devnet.FaultAmount, Index: -1},
		3: {Kind: devnet.FaultAmount, Index: 4},
		4: {Kind: devnet.FaultPublication, Index: -1},
	}
	d := startDevnet(t, 4, 3, faults, me)
	p := newParty(t, d, key, testConfig(d), t.TempDir())
	hc := &hookChain{Chain: d.Client()}
	p.chain = hc

	const (
		beforeBroadcast = 2 // round crashed after storing "sending", before the broadcast
		beforeSent      = 3 // round crashed after the broadcast, before storing "sent"
		afterSent       = 4 // round crashed after storing "sent"
	)
	crashes := make(chan uint64, 3)
	var crashed sync.Map
	crash := func(round uint64) bool {
		if _, done := crashed.LoadOrStore(round, true); done {
			return false
		}
		p.stopChallenger()
		crashes <- round
		return true
	}
	var armed atomic.Bool // the next broadcast is round beforeBroadcast's
	p.store.before = func(c index.Challenge) error {
		if c.Round == beforeSent && c.State == index.ChallengeSent && crash(c.Round) {
			return errors.New("killed before storing sent")
		}
		return nil
	}
	p.store.after = func(c index.Challenge) {
		switch {
		case c.Round == beforeBroadcast && c.State == index.ChallengeSending:
			armed.Store(true)
		case c.Round == afterSent && c.State == index.ChallengeSent:
			crash(c.Round)
		}
	}
	hc.beforeSend = func(tx *types.Transaction) error {
		if armed.CompareAndSwap(true, false) && crash(beforeBroadcast) {
			return context.Canceled
		}
		return nil
	}
	p.startChallenger(t)
	d.run(t)
	for range 3 {
		select {
		case r := <-crashes:
			t.Logf("killed the challenger of round %d; restarting", r)
			p.restart(t)
		case <-time.After(60 * time.Second):
			t.Fatal("a crash point was never reached")
		}
	}
	desc := d.wait(t)
	waitFor(t, 10*time.Second, "every challenge settled", func() bool { return settled(t, p.store) })
	for _, dr := range desc.Rounds {
		if provableKind(dr.Fault) == "" {
			continue
		}
		rec, ok, err := p.store.Challenge(dr.Round, dr.Batches[0].Tx)
		if err != nil || !ok {
			t.Fatalf("round %d: no challenge (%v)", dr.Round, err)
		}
		checkProven(t, d, rec, dr, me)
		if len(rec.Attempts) != 1 || *rec.TxHash != rec.Attempts[0].TxHash {
			t.Fatalf("round %d: attempts %+v, mined %s: not the stored transaction", dr.Round, rec.Attempts, rec.TxHash)
		}
	}
	if n := nonceOf(t, d, me); n != 3 {
		t.Fatalf("the key sent %d transactions for 3 frauds", n)
	}
	if err := p.store.Check(); err != nil {
		t.Fatal(err)
	}
	p.check(t)
}

// TestFeeBump: the node's tip suggestion is too low (1 wei, below what the
// miner takes) when the proof is first sent; it is not mined, and after
// BumpAfterBlocks blocks a replacement with the same nonce and fees at
// least 12.5% higher is sent and mined. The simulated chain is real; only
// the suggestion is wrapped.
func TestFeeBump(t *testing.T) {
	key := testKey(t, "bump")
	me := addrOf(key)
	d := startDevnet(t, 2, 2, devnet.Schedule{2: {Kind: devnet.FaultAmount, Index: -1}}, me)
	p := newParty(t, d, key, testConfig(d), "")
	var calls atomic.Int32
	p.chain = &hookChain{Chain: d.Client(), tip: func(real *big.Int) *big.Int {
		if calls.Add(1) == 1 {
			return big.NewInt(1) // the first proof's tip: the miner wants 1e6 wei
		}
		return real
	}}
	p.startChallenger(t)
	d.run(t)
	desc := d.wait(t)
	waitFor(t, 10*time.Second, "every challenge settled", func() bool { return settled(t, p.store) })
	dr := desc.Rounds[1]
	rec, ok, err := p.store.Challenge(dr.Round, dr.Batches[0].Tx)
	if err != nil || !ok {
		t.Fatalf("no challenge: %v", err)
	}
	checkProven(t, d, rec, dr, me)
	if len(rec.Attempts) != 2 {
		t.Fatalf("%d attempts, want the first and its replacement: %+v", len(rec.Attempts), rec.Attempts)
	}
	a, b := rec.Attempts[0], rec.Attempts[1]
	tipA, _ := new(big.Int).SetString(a.GasTipCap, 10)
	tipB, _ := new(big.Int).SetString(b.GasTipCap, 10)
	capA, _ := new(big.Int).SetString(a.GasFeeCap, 10)
	capB, _ := new(big.Int).SetString(b.GasFeeCap, 10)
	if a.Nonce != b.Nonce || a.Cancel || b.Cancel || *rec.TxHash != b.TxHash {
		t.Fatalf("attempts %+v; mined %s", rec.Attempts, rec.TxHash)
	}
	if new(big.Int).Mul(tipB, big.NewInt(8)).Cmp(new(big.Int).Mul(tipA, big.NewInt(9))) < 0 ||
		new(big.Int).Mul(capB, big.NewInt(8)).Cmp(new(big.Int).Mul(capA, big.NewInt(9))) < 0 {
		t.Fatalf("fees %s/%s -> %s/%s: not +12.5%%", tipA, capA, tipB, capB)
	}
	if b.SentBlock < a.SentBlock+p.cfg.BumpAfterBlocks {
		t.Fatalf("replaced at block %d, the first sent at %d: before %d blocks", b.SentBlock, a.SentBlock, p.cfg.BumpAfterBlocks)
	}
	if _, err := d.Client().TransactionReceipt(context.Background(), a.TxHash); !errors.Is(err, ethereum.NotFound) {
		t.Fatalf("the replaced transaction: %v, want not found", err)
	}
	if n := nonceOf(t, d, me); n != 1 {
		t.Fatalf("nonce %d after one proof", n)
	}
	t.Logf("first attempt tip %s wei not mined; replaced after %d blocks with tip %s, fee cap %s -> %s; mined in block %d",
		tipA, b.SentBlock-a.SentBlock, tipB, capA, capB, rec.Block)
	p.check(t)
}

// TestDryRunAndMonitorOnly: a dry-run challenger builds and simulates every
// proof and records dry-run, never sending; a challenger without a key
// records nothing. Both raise deadline_at_risk once per fraud, which the
// devnet then finalizes unproven.
func TestDryRunAndMonitorOnly(t *testing.T) {
	key := testKey(t, "dry")
	me := addrOf(key)
	faults := devnet.Schedule{2: {Kind: devnet.FaultAmount, Index: -1}, 3: {Kind: devnet.FaultWithheld, Index: -1}}
	d := startDevnet(t, 3, 2, faults, me)
	cfg := testConfig(d)
	cfg.DryRun = true
	dry := newParty(t, d, key, cfg, "")
	mon := newParty(t, d, nil, testConfig(d), "")
	balance := balanceAt(t, d, me, 0)
	dry.startChallenger(t)
	mon.startChallenger(t)
	d.run(t)
	desc := d.wait(t)
	time.Sleep(5 * testBlockInterval)

	for _, dr := range desc.Rounds {
		kind := provableKind(dr.Fault)
		recs, err := dry.store.ChallengesByRound(dr.Round)
		if err != nil {
			t.Fatal(err)
		}
		if kind == "" {
			if len(recs) != 0 {
				t.Fatalf("round %d (honest) has challenges %+v", dr.Round, recs)
			}
			continue
		}
		if len(dr.Batches) != 1 || !dr.Finalized {
			t.Fatalf("round %d: batches %+v finalized %v: the fraud should stand unproven", dr.Round, dr.Batches, dr.Finalized)
		}
		if len(recs) != 1 || recs[0].State != index.ChallengeDryRun || recs[0].Kind != kind || recs[0].GasEstimate == 0 ||
			!strings.Contains(recs[0].Error, "passed the simulation") || len(recs[0].Attempts) != 0 {
			t.Fatalf("round %d: dry-run records %+v", dr.Round, recs)
		}
		if mr, _ := mon.store.ChallengesByRound(dr.Round); len(mr) != 0 {
			t.Fatalf("round %d: the monitor-only challenger recorded %+v", dr.Round, mr)
		}
		for name, p := range map[string]*party{"dry-run": dry, "monitor-only": mon} {
			if evs := p.store.events(alerts.DeadlineAtRisk, dr.Round); len(evs) != 1 || evs[0].DeadlineBlock != dr.Batches[0].Block+testWindow {
				t.Errorf("round %d: %s raised deadline_at_risk %+v", dr.Round, name, evs)
			}
		}
		t.Logf("round %d (%s): dry run: %s", dr.Round, dr.Fault, recs[0].Error)
	}
	if n := nonceOf(t, d, me); n != 0 {
		t.Fatalf("the dry-run key sent %d transactions", n)
	}
	if b := balanceAt(t, d, me, 0); b.Cmp(balance) != 0 {
		t.Fatalf("the dry-run key's balance moved: %s -> %s", balance, b)
	}
	avs := d.desc.AVS
	logs, err := d.Client().FilterLogs(context.Background(), ethereum.FilterQuery{Addresses: []common.Address{avs}, Topics: [][]common.Hash{{evFraudProven}}})
	if err != nil || len(logs) != 0 {
		t.Fatalf("FraudProven on chain: %d (%v)", len(logs), err)
	}
	for _, p := range []*party{dry, mon} {
		p.check(t)
	}
	if !strings.Contains(mon.logs.buf.String(), "monitor-only") {
		t.Error("the monitor-only challenger did not say so")
	}
}

// TestCancelWhenProvenByOther: a challenger's proof sits unmined (its tip
// is below what the miner takes) when another challenger proves the batch.
// It does not leave the proof to revert later: it replaces it with a
// cancellation (a 0-value transfer to itself, same nonce, higher fees),
// and once that is mined records proven-by-other.
func TestCancelWhenProvenByOther(t *testing.T) {
	ka, kb := testKey(t, "cancel a"), testKey(t, "cancel b")
	d := startDevnet(t, 2, 2, devnet.Schedule{2: {Kind: devnet.FaultAmount, Index: -1}}, addrOf(ka), addrOf(kb))
	cfgA := testConfig(d)
	cfgA.BumpAfterBlocks = 1000 // A's stuck proof is never bumped on its own
	pa := newParty(t, d, ka, cfgA, "")
	pb := newParty(t, d, kb, testConfig(d), "")
	var calls atomic.Int32
	pa.chain = &hookChain{Chain: d.Client(), tip: func(real *big.Int) *big.Int {
		if calls.Add(1) == 1 {
			return big.NewInt(1)
		}
		return real
	}}
	pa.startChallenger(t)
	d.run(t)
	waitFor(t, 30*time.Second, "A's proof sent", func() bool {
		open, err := pa.store.OpenChallenges()
		return err == nil && len(open) == 1 && open[0].State == index.ChallengeSent
	})
	pb.startChallenger(t)
	desc := d.wait(t)
	waitFor(t, 10*time.Second, "every challenge settled", func() bool { return settled(t, pa.store) && settled(t, pb.store) })

	dr := desc.Rounds[1]
	win, ok, err := pb.store.Challenge(dr.Round, dr.Batches[0].Tx)
	if err != nil || !ok {
		t.Fatalf("B: %v", err)
	}
	checkProven(t, d, win, dr, addrOf(kb))
	rec, ok, err := pa.store.Challenge(dr.Round, dr.Batches[0].Tx)
	if err != nil || !ok {
		t.Fatalf("A: %v", err)
	}
	if rec.State != index.ChallengeProvenByOther || rec.ProvenBy == nil || *rec.ProvenBy != addrOf(kb) || len(rec.Attempts) != 2 ||
		rec.Attempts[0].Cancel || !rec.Attempts[1].Cancel || *rec.TxHash != rec.Attempts[1].TxHash || rec.Attempts[0].Nonce != rec.Attempts[1].Nonce {
		t.Fatalf("A's challenge %s (%s), attempts %+v, mined %v", rec.State, rec.Error, rec.Attempts, rec.TxHash)
	}
	r := receiptOf(t, d, *rec.TxHash)
	tx, _, err := d.Client().TransactionByHash(context.Background(), *rec.TxHash)
	if err != nil || r.Status != types.ReceiptStatusSuccessful || tx.To() == nil || *tx.To() != addrOf(ka) || len(tx.Data()) != 0 || r.GasUsed != 21_000 {
		t.Fatalf("the cancellation: receipt %+v tx %+v (%v)", r, tx, err)
	}
	if n := nonceOf(t, d, addrOf(ka)); n != 1 {
		t.Fatalf("A's nonce %d, want 1 (the cancellation)", n)
	}
	t.Logf("A: %s", rec.Error)
	pa.check(t)
	pb.check(t)
}
