package contracts

import (
	"bytes"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
)

// TestSubmitBatchRefused: every condition of section 2.2 and 7.1.
func TestSubmitBatchRefused(t *testing.T) {
	t.Parallel()
	s := newFraudSetup(t, nil) // stakes 10..14, 60 in all; quorum 67%
	tr := genRound(61, 1, []int{3, 4})
	_, err := s.send(s.keys[0], s.batch(tr, 0, nil, s.signing).Calldata(), nil)
	wantRevert[bindings.DenominatorAllocationAVSRoundNotOpen](t, err) // not committed
	s.commit(tr)
	otherChain := s.spec(tr, 0, nil)
	otherChain.ChainID = big.NewInt(1)
	for _, tc := range []struct {
		name  string
		batch func() *Batch
		check func(error)
	}{
		{"attempt 1 before any void", func() *Batch { return s.batch(tr, 1, nil, s.signing) },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSWrongAttempt](t, err) }},
		{"one root short", func() *Batch { return s.batch(tr, 0, tr.res.ProviderAllocRoots[:1], s.signing) },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSWrongProviderCount](t, err) }},
		{"one root too many", func() *Batch {
			return s.batch(tr, 0, append(slices.Clone(tr.res.ProviderAllocRoots), common.Hash{}), s.signing)
		}, func(err error) { wantRevert[bindings.DenominatorAllocationAVSWrongProviderCount](t, err) }},
		{"below quorum (36 of 60)", func() *Batch { return s.batch(tr, 0, nil, s.ops[1:4]) },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSQuorumNotMet](t, err) }},
		{"signed for another chain", func() *Batch { b, _ := SignBatch(otherChain, signers(s.signing...)); return b },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidSignature](t, err) }},
		{"bitmap without one signer", func() *Batch {
			b := s.batch(tr, 0, nil, s.ops)
			b.SignerBitmap.SetBit(b.SignerBitmap, 4, 0)
			return b
		}, func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidSignature](t, err) }},
		{"roots changed after signing", func() *Batch {
			b := s.batch(tr, 0, nil, s.signing)
			b.ProviderAllocRoots[1][0] ^= 1
			return b
		}, func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidSignature](t, err) }},
		{"sigma off the curve", func() *Batch {
			b := s.batch(tr, 0, nil, s.signing)
			b.Sigma.Y = new(big.Int).Add(b.Sigma.Y, big.NewInt(1))
			return b
		}, func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidSignature](t, err) }},
		{"no signers", func() *Batch { b := s.batch(tr, 0, nil, s.signing); b.SignerBitmap = new(big.Int); return b },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSNoSigners](t, err) }},
		{"a signer not registered", func() *Batch {
			b := s.batch(tr, 0, nil, s.signing)
			b.SignerBitmap.SetBit(b.SignerBitmap, 9, 1)
			return b
		}, func(err error) { wantRevert[bindings.DenominatorAllocationAVSSignerNotActive](t, err) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.send(s.keys[0], tc.batch().Calldata(), nil)
			tc.check(err)
		})
	}
	// The quorum's edge: with 8000 bps of 60 ether, 47 ether of signers is
	// refused and exactly 48 passes.
	q := newFraudSetup(t, func(p *Params) { p.QuorumBps = 8000 })
	q.commit(tr)
	_, err = q.send(q.keys[0], q.batch(tr, 0, nil, []*operator{q.ops[0], q.ops[1], q.ops[2], q.ops[4]}).Calldata(), nil)
	wantRevert[bindings.DenominatorAllocationAVSQuorumNotMet](t, err)
	q.mustSend(q.keys[0], q.batch(tr, 0, nil, []*operator{q.ops[0], q.ops[1], q.ops[3], q.ops[4]}).Calldata(), nil)
}

// TestSignerSetPaths: the aggregate key is the active set's less the
// non-signers, or the signers' sum when they are fewer; both verify. A
// registration or another operator's exit between signing and submission
// does not make the batch revert (the v1 audit's griefing): the keys come
// from the registry, not from the submitter.
func TestSignerSetPaths(t *testing.T) {
	t.Parallel()
	c := newChain(t, chainOptions{accounts: 8, edit: func(p *Params) { p.QuorumBps = 1 }})
	ops := c.registerN(6, 10)
	tr := genRound(62, 1, []int{2, 2})
	c.commit(tr)
	few := c.batch(tr, 0, nil, ops[4:5]) // one signer of six: summed
	late := newOperator(t, c.keys[6], 66)
	c.register(late, ether(1)) // joins after signing
	c.mustSend(ops[2].key, avs.PackExit(), nil)
	c.mustSend(c.keys[0], few.Calldata(), nil)

	tr2 := genRound(63, 2, []int{1})
	c.commit(tr2)
	many := c.batch(tr2, 0, nil, []*operator{ops[0], ops[1], ops[3], ops[4], ops[5]}) // five of six: subtracted
	c.mustSend(ops[5].key, avs.PackExit(), nil)                                       // a signer leaves: refused
	_, err := c.send(c.keys[0], many.Calldata(), nil)
	wantRevert[bindings.DenominatorAllocationAVSSignerNotActive](t, err)
	many = c.batch(tr2, 0, nil, []*operator{ops[0], ops[1], ops[3], ops[4], late})
	c.mustSend(c.keys[0], many.Calldata(), nil)
}

// TestVoidedBatchReplayRefused (F3: in v1 a voided batch could be
// resubmitted with the same signature and proven again, 20 times in one
// transaction, draining the signers and locking out the honest aggregator):
// the signed message names the attempt, so the voided batch's signature
// never counts again; a second proof finds no live batch; and the honest
// aggregator's batch for the next attempt goes through.
func TestVoidedBatchReplayRefused(t *testing.T) {
	t.Parallel()
	s := newFraudSetup(t, nil)
	tr := genRound(64, 1, []int{5, 3})
	s.commit(tr)
	roots := wrongRoots(tr, 1)
	bad := s.batch(tr, 0, roots, s.signing)
	s.mustSend(s.keys[0], bad.Calldata(), nil)
	proof, err := NewBadAllocation(tr.res, 1, roots)
	if err != nil {
		t.Fatal(err)
	}
	before := s.stakes()
	s.mustSend(s.challenger, proof.Calldata(), nil)

	// The same calldata again: attempt 0 is over.
	_, err = s.send(s.keys[0], bad.Calldata(), nil)
	wantRevert[bindings.DenominatorAllocationAVSWrongAttempt](t, err)
	// The same signature claimed for attempt 1.
	replay := *bad
	replay.Attempt = big.NewInt(1)
	_, err = s.send(s.keys[0], replay.Calldata(), nil)
	wantRevert[bindings.DenominatorAllocationAVSInvalidSignature](t, err)
	_, err = s.send(s.challenger, proof.Calldata(), nil)
	wantRevert[bindings.DenominatorAllocationAVSNoLiveBatch](t, err)

	// The audit's attack in one transaction, through a contract: replay and
	// prove 20 times. The first replay reverts the whole transaction.
	fwd := s.deployForwarder(s.keys[2])
	var calls [][]byte
	for range 20 {
		calls = append(calls, bad.Calldata(), proof.Calldata())
	}
	_, err = s.sendTo(forwarder.Instance(s.client, fwd), s.keys[2], forwarder.PackExecuteAll(s.addr, calls), nil)
	if e := wantRevert[bindings.ForwarderCallFailed](t, err); e.Index.Sign() != 0 {
		t.Fatalf("CallFailed at call %v", e.Index)
	}
	wantRevert[bindings.DenominatorAllocationAVSWrongAttempt](t, err)

	// The signers were slashed once.
	for i, o := range s.signing {
		want := new(big.Int).Sub(before[i], new(big.Int).Div(new(big.Int).Mul(before[i], u64(s.params.SlashBps)), bpsDenom))
		if got := s.stakeOf(o); !eqBig(got, want) {
			t.Fatalf("signer %d: stake %v, want %v", i, got, want)
		}
	}
	// The honest aggregator is not locked out.
	s.submit(tr, 1, nil, s.signing)
}

// TestForwardedBatchDescribedByEvents (F2: in v1 a batch submitted through
// another contract hides its data from a watcher that reads calldata): a
// batch submitted through a contract is fully described by the AVS's
// events: the watcher rebuilds the batch's roots, signer bitmap, attempt and
// deadline from the logs alone, and they are what the contract holds.
func TestForwardedBatchDescribedByEvents(t *testing.T) {
	t.Parallel()
	s := newFraudSetup(t, nil)
	tr := genRound(65, 1, []int{4, 0, 6, 2})
	s.commit(tr)
	fwd := s.deployForwarder(s.keys[2])
	roots := wrongRoots(tr, 2)
	rcpt := s.forward(s.keys[2], fwd, s.batch(tr, 0, roots, s.signing).Calldata(), nil)
	// The transaction is the forwarder's: a watcher decoding the AVS's calls
	// from transaction inputs sees no batch.
	tx, _, err := s.client.TransactionByHash(t.Context(), rcpt.TxHash)
	if err != nil {
		t.Fatal(err)
	}
	if *tx.To() != fwd || bytes.HasPrefix(tx.Data(), s.batch(tr, 0, roots, s.signing).Calldata()[:4]) {
		t.Fatalf("the transaction goes to %s with input %x...", tx.To(), tx.Data()[:4])
	}
	det := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSAllocationBatchDetailsEventName, avs.UnpackAllocationBatchDetailsEvent)
	sub := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSAllocationBatchSubmittedEventName, avs.UnpackAllocationBatchSubmittedEvent)
	claimed := make([]common.Hash, len(det.ProviderAllocRoots))
	for i, r := range det.ProviderAllocRoots {
		claimed[i] = r
	}
	tree := recompute.NewTree(claimed)
	v := s.getRound(1)
	if tree.Root() != common.Hash(det.AllocTreeRoot) || det.AllocTreeRoot != v.AllocTreeRoot ||
		recompute.AllocationRoot(tr.res.CommitmentRoot, tree.Root()) != common.Hash(sub.AllocationRoot) ||
		!eqBig(det.SignerBitmap, v.SignerBitmap) || !eqBig(det.Deadline, v.Deadline) || !eqBig(det.Attempt, v.Attempt) {
		t.Fatalf("events %+v %+v, round %+v", det, sub, v)
	}
	// From the events alone the watcher finds the wrong provider and proves it.
	p, wrong := tr.res.FirstWrongProvider(claimed)
	if !wrong || p != 2 {
		t.Fatalf("first wrong provider %d %v", p, wrong)
	}
	proof, err := NewBadAllocation(tr.res, p, claimed)
	if err != nil {
		t.Fatal(err)
	}
	s.mustSend(s.challenger, proof.Calldata(), nil)
}
