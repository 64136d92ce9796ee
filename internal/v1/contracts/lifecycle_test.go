package contracts

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// genCommitments makes a well-formed random round of providers x perRow
// entries (round number set by chain.commit).
func genCommitments(seed uint64, providers, perRow int) *recompute.Commitments {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	pool := sortedAddrs(rng, perRow*2+1)
	residual := make(map[int]uint64, len(pool))
	for i := range pool {
		residual[i] = 1 + rng.Uint64N(1<<40)
	}
	c := &recompute.Commitments{}
	for _, a := range sortedAddrs(rng, providers) {
		p := recompute.Provider{Address: a}
		p.Capacity.SetUint64(1 + rng.Uint64N(1<<62))
		p.Capacity.Lsh(&p.Capacity, 60)
		pick := rng.Perm(len(pool))[:perRow]
		sortInts(pick)
		for _, i := range pick {
			var e recompute.Entry
			e.Recipient = pool[i]
			e.MR.SetUint64(1 + rng.Uint64N(1<<63))
			e.Residual.SetUint64(residual[i])
			e.Residual.Lsh(&e.Residual, 80)
			p.Entries = append(p.Entries, e)
		}
		c.Providers = append(c.Providers, p)
	}
	return c
}

func TestLifecycleHonestRound(t *testing.T) {
	c := newChain(t, 4, nil)
	ops := c.registerN(4, 10)
	r := c.commit(1, genCommitments(1, 3, 5))
	b := c.honestBatch(r, ops[:3], active(ops))
	rcpt := c.mustSend(c.keys[0], b.Calldata(), nil)
	ev, err := avs.UnpackAllocationBatchSubmittedEvent(rcpt.Logs[0])
	if err != nil || ev.AllocationRoot != r.res.AllocationRoot || ev.OperatorCount.Int64() != 3 || ev.Round.Cmp(r.n) != 0 {
		t.Fatalf("event %+v, %v", ev, err)
	}
	v := c.getRound(r)
	if v.Status != 2 || v.AllocTreeRoot != r.res.AllocTreeRoot || v.LeafCount.Int64() != int64(r.res.EntryCount) ||
		v.SignerBitmap.Int64() != 0b111 || v.Deadline.Uint64() != v.SubmittedBlock.Uint64()+c.params.ChallengeWindow {
		t.Fatalf("round view %+v", v)
	}
	// A recipient checks its allocation against the on-chain root.
	k := r.res.EntryCount - 1
	proof, _ := r.res.AllocTree.Proof(k)
	amount := r.res.Amount(k)
	if !call(c, avs.PackVerifyAllocation(r.n, big.NewInt(int64(k)), amount.ToBig(), proofWords(proof)), avs.UnpackVerifyAllocation) {
		t.Fatal("verifyAllocation rejected the right amount")
	}
	if call(c, avs.PackVerifyAllocation(r.n, big.NewInt(int64(k)), new(big.Int).Add(amount.ToBig(), big.NewInt(1)), proofWords(proof)), avs.UnpackVerifyAllocation) {
		t.Fatal("verifyAllocation accepted a wrong amount")
	}
	_, err = c.send(c.keys[0], avs.PackFinalizeRound(r.n), nil)
	wantRevert(t, err, "ChallengeWindowOpen")
	// Gas estimation runs at the latest block: the window must be past there
	// already, not only in the block the transaction will be mined in.
	c.mine(int(c.params.ChallengeWindow) + 1)
	rcpt = c.mustSend(c.keys[1], avs.PackFinalizeRound(r.n), nil)
	if fin, err := avs.UnpackRoundFinalizedEvent(rcpt.Logs[0]); err != nil || fin.AllocationRoot != r.res.AllocationRoot {
		t.Fatalf("finalized %+v %v", fin, err)
	}
	if c.getRound(r).Status != 3 {
		t.Fatal("round not finalized")
	}
}
