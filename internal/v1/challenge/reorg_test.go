package challenge

import (
	"context"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
)

// provenOnChain returns the challengers of round n's FraudProven events on
// the canonical chain.
func provenOnChain(t *testing.T, d *testDevnet, n uint64) []common.Address {
	t.Helper()
	logs, err := d.Client().FilterLogs(context.Background(), ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(d.desc.StartBlock), Addresses: []common.Address{d.desc.AVS},
		Topics: [][]common.Hash{{contracts.ABI().GetABI().Events["FraudProven"].ID}, {common.BigToHash(new(big.Int).SetUint64(n))}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []common.Address
	for _, l := range logs {
		ev, err := contracts.ABI().UnpackFraudProvenEvent(&l)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ev.Challenger)
	}
	return out
}

// lastRound is the devnet's last round, whose batch the reorganisations
// replace: deep enough for a fork 10 blocks below it to stay above the
// deployment.
const lastRound = 6

// TestReorgsAndChallenges: the challenger follows the canonical chain
// through reorganisations 1, 4 and 10 blocks below a round's batch (at 4
// and 10 the round's commitment moves to another block too).
//   - A fraudulent batch replaced by an honest one: no proof is sent, even
//     by a challenger started while the index still holds the fraud.
//   - An honest batch replaced by a fraudulent one: the new batch is proven
//     on the canonical chain, once, by the watcher's key.
func TestReorgsAndChallenges(t *testing.T) {
	for _, depth := range []uint64{1, 4, 10} {
		t.Run(fmt.Sprintf("fraud removed, depth %d", depth), func(t *testing.T) { reorgRemovesFraud(t, depth) })
		t.Run(fmt.Sprintf("fraud brought in, depth %d", depth), func(t *testing.T) { reorgBringsFraud(t, depth) })
	}
}

// forkBelow returns the parent of a fork depth blocks below round n's
// batch, and the round as the party's index has it.
func forkBelow(t *testing.T, p *party, n, depth uint64) (common.Hash, index.Round) {
	t.Helper()
	r, ok, err := p.store.Round(n)
	if err != nil || !ok || len(r.Batches) == 0 {
		t.Fatalf("round %d: %+v %v", n, r, err)
	}
	if b := r.Batches[len(r.Batches)-1].Block; b < p.d.desc.StartBlock+depth+1 {
		t.Fatalf("round %d's batch (block %d) is too close to the deployment (block %d) for a fork %d deep", n, b, p.d.desc.StartBlock, depth)
	}
	h, err := p.d.Client().HeaderByNumber(context.Background(), new(big.Int).SetUint64(r.Batches[len(r.Batches)-1].Block-depth))
	if err != nil {
		t.Fatal(err)
	}
	return h.Hash(), r
}

func reorgRemovesFraud(t *testing.T, depth uint64) {
	key := testKey(t, "reorg-remove")
	d := startDevnet(t, lastRound, 2, devnet.Schedule{lastRound: {Kind: devnet.FaultAmount, Index: 4}}, addrOf(key))
	p := newParty(t, d, key, testConfig(d), "")
	d.run(t)
	d.wait(t) // no challenger yet: the fraud stands in this branch
	waitFor(t, 20*time.Second, "the fraud indexed", func() bool {
		r, ok, _ := p.store.Round(lastRound)
		return ok && r.Verdict == index.VerdictFraud
	})
	parent, before := forkBelow(t, p, lastRound, depth)
	newTx, err := d.ReplaceBatch(context.Background(), parent, lastRound, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The challenger starts now, when the index may still hold the fraud:
	// it must check the chain before sending anything.
	p.startChallenger(t)
	waitFor(t, 30*time.Second, "the honest batch indexed", func() bool {
		r, ok, _ := p.store.Round(lastRound)
		return ok && r.Verdict == index.VerdictValid && len(r.Batches) == 1 && r.Batches[0].TxHash == newTx
	})
	time.Sleep(10 * testBlockInterval) // a few passes of the challenger on the new state
	p.stopChallenger()
	if got := provenOnChain(t, d, lastRound); len(got) != 0 {
		t.Fatalf("round %d was proven on the canonical chain by %v, its batch is honest", lastRound, got)
	}
	nonce, err := d.Client().PendingNonceAt(context.Background(), addrOf(key))
	if err != nil || nonce != 0 {
		t.Fatalf("the challenger sent %d transactions (%v) for a batch no longer canonical", nonce, err)
	}
	chs, _ := p.store.ChallengesByRound(lastRound)
	for _, ch := range chs {
		if ch.BatchTx == before.Batches[0].TxHash && (ch.State == index.ChallengeSent || ch.State == index.ChallengeConfirmed || ch.State == index.ChallengeSending) {
			t.Fatalf("a challenge of the orphaned batch was sent: %+v", ch)
		}
	}
	p.check(t)
}

func reorgBringsFraud(t *testing.T, depth uint64) {
	key := testKey(t, "reorg-bring")
	d := startDevnet(t, lastRound, 2, devnet.Schedule{}, addrOf(key))
	p := newParty(t, d, key, testConfig(d), "")
	p.startChallenger(t)
	d.run(t)
	d.wait(t)
	waitFor(t, 20*time.Second, "the last round indexed", func() bool {
		r, ok, _ := p.store.Round(lastRound)
		return ok && r.Verdict == index.VerdictValid && r.Finalized
	})
	parent, before := forkBelow(t, p, lastRound, depth)
	wrong := devnet.Fault{Kind: devnet.FaultAmount, Index: 7}
	newTx, err := d.ReplaceBatch(context.Background(), parent, lastRound, &wrong)
	if err != nil {
		t.Fatal(err)
	}
	var ch index.Challenge
	waitFor(t, 30*time.Second, "the new batch proven", func() bool {
		c, ok, _ := p.store.Challenge(lastRound, newTx)
		ch = c
		return ok && c.State == index.ChallengeConfirmed
	})
	r, _, _ := p.store.Round(lastRound)
	if r.Verdict != index.VerdictFraud || r.Index == nil || *r.Index != 7 {
		t.Fatalf("round %d after the fork: %+v", lastRound, r)
	}
	if depth > before.Batches[0].Block-before.CommitBlock && r.CommitBlockHash == before.CommitBlockHash {
		t.Fatalf("round %d's commitment left the canonical chain, but the index keeps block %s", lastRound, before.CommitBlockHash)
	}
	if got := provenOnChain(t, d, lastRound); len(got) != 1 || got[0] != addrOf(key) {
		t.Fatalf("round %d proven on the canonical chain by %v", lastRound, got)
	}
	if rc := receiptOf(t, d, *ch.TxHash); rc.Status != 1 {
		t.Fatalf("the proof %s reverted", ch.TxHash)
	}
	p.stopChallenger()
	p.check(t)
}

// TestConfirmedProofOrphaned: a reorganisation deeper than the confirmations
// drops a confirmed proof, and the key's nonce goes to another transaction in
// the new branch, so the proof cannot be mined again. The challenger notices
// (the index has followed the chain past the proof's block and the batch is
// live again), follows the challenge again, and proves the batch anew.
func TestConfirmedProofOrphaned(t *testing.T) {
	key := testKey(t, "reorg-orphaned-proof")
	d := startDevnet(t, lastRound, 2, devnet.Schedule{lastRound: {Kind: devnet.FaultAmount, Index: 3}}, addrOf(key))
	p := newParty(t, d, key, testConfig(d), "")
	p.startChallenger(t)
	d.run(t)
	var first index.Challenge
	waitFor(t, 30*time.Second, "the fraud proven", func() bool {
		chs, _ := p.store.ChallengesByRound(lastRound)
		for _, ch := range chs {
			if ch.State == index.ChallengeConfirmed {
				first = ch
				return true
			}
		}
		return false
	})
	d.wait(t)
	proof := first.Attempts[len(first.Attempts)-1]
	parent, err := d.Client().HeaderByNumber(context.Background(), new(big.Int).SetUint64(first.Block-1))
	if err != nil {
		t.Fatal(err)
	}
	// In the new branch the proof's nonce goes to a transfer, at a higher
	// price, before the orphaned proof can be mined again.
	err = d.ForkWith(parent.Hash(), func() error {
		head, err := d.Client().HeaderByNumber(context.Background(), nil)
		if err != nil {
			return err
		}
		tip := big.NewInt(200e9)
		self := addrOf(key)
		tx, err := types.SignNewTx(key, types.LatestSignerForChainID(new(big.Int).SetUint64(d.desc.ChainID)), &types.DynamicFeeTx{
			ChainID: new(big.Int).SetUint64(d.desc.ChainID), Nonce: proof.Nonce, GasTipCap: tip,
			GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2))), Gas: 21_000, To: &self,
		})
		if err != nil {
			return err
		}
		return devnet.SendAfterFork(context.Background(), d.Client(), tx)
	})
	if err != nil {
		t.Fatal(err)
	}
	var again index.Challenge
	waitFor(t, 30*time.Second, "the batch proven again", func() bool {
		ch, ok, _ := p.store.Challenge(lastRound, first.BatchTx)
		again = ch
		return ok && ch.State == index.ChallengeConfirmed && ch.Reopens == 1
	})
	if again.TxHash == nil || *again.TxHash == proof.TxHash {
		t.Fatalf("proven again by %v, the orphaned proof was %s", again.TxHash, proof.TxHash)
	}
	if got := provenOnChain(t, d, lastRound); len(got) != 1 || got[0] != addrOf(key) {
		t.Fatalf("round %d proven on the canonical chain by %v", lastRound, got)
	}
	p.stopChallenger()
	p.check(t)
}
