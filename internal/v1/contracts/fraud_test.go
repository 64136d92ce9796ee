package contracts

import (
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// fraudSetup is a chain with five operators (stakes 10..14 ether) of which the
// first four sign, and a funded challenger.
type fraudSetup struct {
	*chain
	ops        []*operator
	signing    []*operator
	challenger *ecdsa.PrivateKey
}

func newFraudSetup(t *testing.T) *fraudSetup {
	c := newChain(t, 6, nil)
	ops := c.registerN(5, 10, 11, 12, 13, 14)
	return &fraudSetup{chain: c, ops: ops, signing: ops[:4], challenger: c.keys[5]}
}

// setAmount returns a copy of data with amount k replaced.
func setAmount(data []byte, k int, v *uint256.Int) []byte {
	out := append([]byte(nil), data...)
	v.PutUint256(out[32*k : 32*(k+1)])
	return out
}

func amountPlus(res *recompute.Result, k int, delta int64) *uint256.Int {
	a := res.Amount(k)
	if delta >= 0 {
		a.AddUint64(&a, uint64(delta))
	} else {
		a.SubUint64(&a, uint64(-delta))
	}
	return &a
}

// wrongAllocation is allocation data with wrong amounts, published
// consistently (its tree is the batch's tree).
type wrongAllocation func(c *recompute.Commitments, res *recompute.Result) []byte

func TestFraudProofs(t *testing.T) {
	t.Parallel()
	allocationCases := []struct {
		name string
		cm   func() *recompute.Commitments
		data wrongAllocation
	}{
		{"amount off by one", func() *recompute.Commitments { return genCommitments(3, 4, 6) },
			func(_ *recompute.Commitments, res *recompute.Result) []byte {
				return setAmount(res.AllocationData, 9, amountPlus(res, 9, 1))
			}},
		{"amount at the last index", func() *recompute.Commitments { return genCommitments(4, 3, 5) },
			func(_ *recompute.Commitments, res *recompute.Result) []byte {
				k := res.EntryCount - 1
				return setAmount(res.AllocationData, k, amountPlus(res, k, -1))
			}},
		{"wrong denominator", func() *recompute.Commitments { return genCommitments(5, 3, 7) },
			func(c *recompute.Commitments, res *recompute.Result) []byte {
				// Provider 1's amounts computed with a denominator that leaves
				// out the last entry. (Denom+1 would change no floor amount at
				// these magnitudes, so there would be nothing to prove.)
				p := 1
				data := append([]byte(nil), res.AllocationData...)
				es := c.Providers[p].Entries
				var denom, last uint256.Int
				last.Mul(&es[len(es)-1].MR, &es[len(es)-1].Residual)
				denom.Sub(&res.Denominators[p], &last)
				for j, e := range es {
					var w, a uint256.Int
					w.Mul(&e.MR, &e.Residual)
					a.MulDivOverflow(&c.Providers[p].Capacity, &w, &denom)
					data = setAmount(data, res.Offsets[p]+j, &a)
				}
				return data
			}},
		{"conservation broken", func() *recompute.Commitments { return genCommitments(6, 3, 4) },
			func(c *recompute.Commitments, res *recompute.Result) []byte {
				// Provider 2 hands out twice its capacity.
				p := 2
				data := append([]byte(nil), res.AllocationData...)
				for j := range c.Providers[p].Entries {
					k := res.Offsets[p] + j
					a := res.Amount(k)
					a.Lsh(&a, 1)
					data = setAmount(data, k, &a)
				}
				return data
			}},
		{"provider with one entry", func() *recompute.Commitments {
			cm := genCommitments(7, 3, 4)
			cm.Providers[1].Entries = cm.Providers[1].Entries[:1]
			return cm
		}, func(_ *recompute.Commitments, res *recompute.Result) []byte {
			k := res.Offsets[1] // the one entry takes the whole capacity
			return setAmount(res.AllocationData, k, amountPlus(res, k, -1))
		}},
	}
	for _, tc := range allocationCases {
		t.Run("bad allocation/"+tc.name, func(t *testing.T) {
			s := newFraudSetup(t)
			r := s.commit(1, tc.cm())
			data := tc.data(r.c, r.res)
			tree, err := recompute.AllocTreeFromData(data, 2)
			if err != nil {
				t.Fatal(err)
			}
			s.mustSend(s.keys[0], s.batch(r, tree.Root(), data, s.signing, active(s.ops)).Calldata(), nil)

			// The publication is consistent: that proof finds nothing.
			_, err = s.send(s.challenger, NewBadPublication(r.n, r.res, data).Calldata(), nil)
			wantRevert(t, err, "NoFraud")

			k, differs := r.res.FirstDifference(data)
			p, j, _ := r.res.Locate(k)
			if !differs {
				t.Fatal("the wrong batch equals the right one")
			}
			proof, err := NewBadAllocation(r.n, r.c, r.res, data, tree, p, j)
			if err != nil {
				t.Fatal(err)
			}
			s.proveAndCheck(t, r, proof.Calldata(), 2, uint64(k))
		})
	}

	publicationCases := []struct {
		name string
		// data and the tree root the batch claims
		batch func(res *recompute.Result) ([]byte, [32]byte)
		index uint64
	}{
		{"data does not match the tree", func(res *recompute.Result) ([]byte, [32]byte) {
			// Honest data under the tree of other amounts.
			other := setAmount(res.AllocationData, 2, amountPlus(res, 2, 5))
			tree, _ := recompute.AllocTreeFromData(other, 1)
			return res.AllocationData, tree.Root()
		}, 0},
		{"data one amount short", func(res *recompute.Result) ([]byte, [32]byte) {
			return res.AllocationData[:len(res.AllocationData)-32], res.AllocTreeRoot
		}, 0},
		{"data one amount long", func(res *recompute.Result) ([]byte, [32]byte) {
			return append(append([]byte(nil), res.AllocationData...), make([]byte, 32)...), res.AllocTreeRoot
		}, 0},
		{"data not whole amounts", func(res *recompute.Result) ([]byte, [32]byte) {
			return res.AllocationData[:len(res.AllocationData)-1], res.AllocTreeRoot
		}, 0},
	}
	for _, tc := range publicationCases {
		t.Run("bad publication/"+tc.name, func(t *testing.T) {
			s := newFraudSetup(t)
			r := s.commit(1, genCommitments(8, 3, 5))
			data, root := tc.batch(r.res)
			s.mustSend(s.keys[0], s.batch(r, root, data, s.signing, active(s.ops)).Calldata(), nil)
			index := uint64(r.res.EntryCount)
			if len(data) != 32*r.res.EntryCount {
				index = uint64(len(data) / 32)
			}
			s.proveAndCheck(t, r, NewBadPublication(r.n, r.res, data).Calldata(), 1, index)
		})
	}
}

// proveAndCheck sends a fraud proof and checks everything a proven fraud
// does: the events, exactly slashBps of each signer's stake, no change to
// non-signers, the bounty, the voided batch and the reopened round; then that
// a second proof reverts and an honest batch is accepted.
func (s *fraudSetup) proveAndCheck(t *testing.T, r *round, proof []byte, kind uint8, index uint64) {
	t.Helper()
	before := make([]*big.Int, len(s.ops))
	for i, o := range s.ops {
		before[i] = s.stakeOf(o)
	}
	activeBefore := call(s.chain, avs.PackActiveStake(), avs.UnpackActiveStake)
	balBefore := s.balance(addrOf(s.challenger))

	rcpt := s.mustSend(s.challenger, proof, nil)

	total := new(big.Int)
	slashed := map[int]bool{}
	for _, o := range s.signing {
		slashed[o.index] = true
	}
	for i, o := range s.ops {
		got := s.stakeOf(o)
		want := new(big.Int).Set(before[i])
		if slashed[i] {
			cut := new(big.Int).Div(new(big.Int).Mul(before[i], big.NewInt(int64(s.params.SlashBps))), big.NewInt(10_000))
			want.Sub(want, cut)
			total.Add(total, cut)
		}
		if got.Cmp(want) != 0 {
			t.Fatalf("operator %d (signer %v): stake %s, want %s", i, slashed[i], got, want)
		}
	}
	if a := call(s.chain, avs.PackActiveStake(), avs.UnpackActiveStake); new(big.Int).Sub(activeBefore, a).Cmp(total) != 0 {
		t.Fatalf("active stake fell by %s, want %s", new(big.Int).Sub(activeBefore, a), total)
	}
	bounty := new(big.Int).Div(new(big.Int).Mul(total, big.NewInt(int64(s.params.BountyBps))), big.NewInt(10_000))
	gasCost := new(big.Int).Mul(new(big.Int).SetUint64(rcpt.GasUsed), rcpt.EffectiveGasPrice)
	if delta := new(big.Int).Sub(s.balance(addrOf(s.challenger)), balBefore); delta.Cmp(new(big.Int).Sub(bounty, gasCost)) != 0 {
		t.Fatalf("challenger balance changed by %s, want bounty %s - gas %s", delta, bounty, gasCost)
	}
	if burned := call(s.chain, avs.PackBurned(), avs.UnpackBurned); burned.Cmp(new(big.Int).Sub(total, bounty)) != 0 {
		t.Fatalf("burned %s, want %s", burned, new(big.Int).Sub(total, bounty))
	}
	checkFraudLogs(t, rcpt, r, s, kind, index, total)

	v := s.getRound(r)
	if v.Status != 1 || v.VoidedBatches.Int64() != 1 || v.AllocationRoot != ([32]byte{}) || v.SignerBitmap.Sign() != 0 {
		t.Fatalf("round after the proof: %+v", v)
	}
	_, err := s.send(s.challenger, proof, nil)
	wantRevert(t, err, "NoLiveBatch")

	// The round reopened: an honest batch (from the active set as it is now) is accepted.
	s.mustSend(s.keys[0], s.honestBatch(r, s.signing, active(s.ops)).Calldata(), nil)
	if s.getRound(r).Status != 2 {
		t.Fatal("honest batch not live after the voided one")
	}
}

func checkFraudLogs(t *testing.T, rcpt *types.Receipt, r *round, s *fraudSetup, kind uint8, index uint64, total *big.Int) {
	t.Helper()
	var slashedOps int
	var proven bool
	for _, l := range rcpt.Logs {
		if ev, err := avs.UnpackOperatorSlashedEvent(l); err == nil {
			slashedOps++
			if ev.Round.Cmp(r.n) != 0 {
				t.Fatalf("OperatorSlashed for round %s", ev.Round)
			}
			if ev.Operator == s.ops[4].addr {
				t.Fatal("the non-signer was slashed")
			}
			continue
		}
		if ev, err := avs.UnpackFraudProvenEvent(l); err == nil {
			proven = true
			if ev.Round.Cmp(r.n) != 0 || ev.Challenger != addrOf(s.challenger) || ev.Kind != kind ||
				ev.Index.Uint64() != index || ev.SlashedTotal.Cmp(total) != 0 {
				t.Fatalf("FraudProven %+v, want kind %d index %d total %s", ev, kind, index, total)
			}
		}
	}
	if !proven || slashedOps != len(s.signing) {
		t.Fatalf("FraudProven %v, %d OperatorSlashed events for %d signers", proven, slashedOps, len(s.signing))
	}
}

// TestFraudProofAgainstHonestBatch: neither proof kind slashes anyone when
// the batch is right, whatever entry is challenged.
func TestFraudProofAgainstHonestBatch(t *testing.T) {
	s := newFraudSetup(t)
	r := s.commit(1, genCommitments(9, 4, 5))
	s.mustSend(s.keys[0], s.honestBatch(r, s.signing, active(s.ops)).Calldata(), nil)
	_, err := s.send(s.challenger, NewBadPublication(r.n, r.res, r.res.AllocationData).Calldata(), nil)
	wantRevert(t, err, "NoFraud")
	for _, k := range []int{0, 7, r.res.EntryCount - 1} {
		p, j, _ := r.res.Locate(k)
		proof, err := NewBadAllocation(r.n, r.c, r.res, r.res.AllocationData, r.res.AllocTree, p, j)
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.send(s.challenger, proof.Calldata(), nil)
		wantRevert(t, err, "NoFraud")
	}
	for _, o := range s.ops {
		if got, want := s.stakeOf(o), ether(int64(10+o.index)); got.Cmp(want) != 0 {
			t.Fatalf("operator %d stake %s after failed proofs", o.index, got)
		}
	}
	if v := s.getRound(r); v.Status != 2 || v.VoidedBatches.Sign() != 0 {
		t.Fatalf("honest batch disturbed: %+v", v)
	}
}

// TestFraudProofWindow: a proof is accepted in the last block of the window
// and refused after it; bad openings and proofs are refused.
func TestFraudProofWindow(t *testing.T) {
	s := newFraudSetup(t)
	r := s.commit(1, genCommitments(10, 3, 4))
	data := setAmount(r.res.AllocationData, 3, amountPlus(r.res, 3, 1))
	tree, _ := recompute.AllocTreeFromData(data, 1)
	s.mustSend(s.keys[0], s.batch(r, tree.Root(), data, s.signing, active(s.ops)).Calldata(), nil)
	p, j, _ := r.res.Locate(3)
	proof, err := NewBadAllocation(r.n, r.c, r.res, data, tree, p, j)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("bad openings", func(t *testing.T) {
		bad := *proof
		bad.Opening.EntryCount = new(big.Int).Add(proof.Opening.EntryCount, big.NewInt(1))
		_, err := s.send(s.challenger, bad.Calldata(), nil)
		wantRevert(t, err, "InvalidCommitmentOpening")
		bad = *proof
		bad.ProviderProof = append([][32]byte{}, proof.ProviderProof...)
		bad.ProviderProof[0][0] ^= 1
		_, err = s.send(s.challenger, bad.Calldata(), nil)
		wantRevert(t, err, "InvalidProviderProof")
		bad = *proof
		bad.Amount = new(big.Int).Sub(proof.Amount, big.NewInt(1)) // the right amount, not the published one
		_, err = s.send(s.challenger, bad.Calldata(), nil)
		wantRevert(t, err, "InvalidAmountProof")
		bad = *proof
		bad.Entry = big.NewInt(int64(len(proof.Row.Entries)))
		_, err = s.send(s.challenger, bad.Calldata(), nil)
		wantRevert(t, err, "InvalidEntry")
		pub := NewBadPublication(r.n, r.res, r.res.AllocationData) // not the batch's data
		_, err = s.send(s.challenger, pub.Calldata(), nil)
		wantRevert(t, err, "DataDoesNotMatchBatch")
	})

	deadline := s.getRound(r).Deadline.Uint64()
	t.Run("after the window", func(t *testing.T) {
		// The head at the deadline: estimation passes, but the transaction
		// would be mined after it; the contract refuses at deadline+1.
		s.mine(int(deadline - s.blockNumber()))
		if _, err := bind2call(s.chain, proof.Calldata()); err != nil {
			t.Fatalf("in the last block of the window: %v", err)
		}
		s.mine(1)
		_, err := s.send(s.challenger, proof.Calldata(), nil)
		wantRevert(t, err, "ChallengeWindowClosed")
	})
}
