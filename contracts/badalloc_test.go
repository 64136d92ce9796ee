package contracts

import (
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
)

var (
	maxMR    = new(uint256.Int).SetUint64(^uint64(0))                                                // 2^64 - 1
	maxU128  = new(uint256.Int).Sub(new(uint256.Int).Lsh(uint256.NewInt(1), 128), uint256.NewInt(1)) // 2^128 - 1
	two128   = new(uint256.Int).Lsh(uint256.NewInt(1), 128)
	maxU256  = new(uint256.Int).SetAllOne()
	bpsDenom = big.NewInt(10_000)
)

// conviction is what a proven fraud must have done.
type conviction struct {
	round, attempt uint64
	kind           FraudKind
	provider       uint64
	entry          uint64
	beneficiary    common.Address
}

// stakes returns each operator's stake.
func (s *fraudSetup) stakes() []*big.Int {
	out := make([]*big.Int, len(s.ops))
	for i, o := range s.ops {
		out[i] = s.stakeOf(o)
	}
	return out
}

// checkConvicted checks a conviction's receipt and effects: FraudProven as
// want says, every signer slashed slashBps of its stake (before: the stakes
// before), nobody else, the round reopened with its attempt count one up. It
// returns the slashed total.
func (s *fraudSetup) checkConvicted(t *testing.T, rcpt *types.Receipt, want conviction, before []*big.Int) *big.Int {
	t.Helper()
	fp := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSFraudProvenEventName, avs.UnpackFraudProvenEvent)
	if fp.Round.Uint64() != want.round || fp.Attempt.Uint64() != want.attempt || FraudKind(fp.Kind) != want.kind ||
		fp.Provider.Uint64() != want.provider || fp.Entry.Uint64() != want.entry || fp.Challenger != want.beneficiary {
		t.Fatalf("FraudProven %+v, want %+v", fp, want)
	}
	slashed := eventsOf(t, rcpt, bindings.DenominatorAllocationAVSOperatorSlashedEventName, avs.UnpackOperatorSlashedEvent)
	total := new(big.Int)
	signer := map[common.Address]bool{}
	for _, o := range s.signing {
		signer[o.addr] = true
	}
	if len(slashed) != len(s.signing) {
		t.Fatalf("%d operators slashed, want %d", len(slashed), len(s.signing))
	}
	for i, o := range s.ops {
		cut := new(big.Int)
		if signer[o.addr] {
			cut.Mul(before[i], u64(s.params.SlashBps)).Div(cut, bpsDenom)
		}
		if got := s.stakeOf(o); new(big.Int).Sub(before[i], got).Cmp(cut) != 0 {
			t.Fatalf("operator %d: stake %v -> %v, want a cut of %v", i, before[i], got, cut)
		}
		total.Add(total, cut)
	}
	if !eqBig(fp.SlashedTotal, total) {
		t.Fatalf("slashedTotal %v, want %v", fp.SlashedTotal, total)
	}
	if v := s.getRound(want.round); v.Status != statusCommitted || v.Attempt.Uint64() != want.attempt+1 {
		t.Fatalf("after the proof the round is %+v, want committed at attempt %d", v, want.attempt+1)
	}
	return total
}

// bounty is bountyBps of a slashed total.
func (s *fraudSetup) bounty(total *big.Int) *big.Int {
	b := new(big.Int).Mul(total, u64(s.params.BountyBps))
	return b.Div(b, bpsDenom)
}

// TestBadAllocationProven: a batch whose providerAllocRoot of one provider is
// not the one its row determines is voided and its signers slashed; the
// challenger takes the bounty, the rest is burned.
func TestBadAllocationProven(t *testing.T) {
	t.Parallel()
	// claimed returns the batch's roots, given the round.
	type claimed func(tr *testRound) []common.Hash
	offByOne := func(p, j int) claimed { // one amount of row p one unit off
		return func(tr *testRound) []common.Hash {
			amounts := slices.Clone(tr.res.RowAmounts(p))
			amounts[j].AddUint64(&amounts[j], 1)
			roots := slices.Clone(tr.res.ProviderAllocRoots)
			roots[p] = recompute.ProviderAllocRoot(tr.m.Headers[p].Provider, tr.rows[p], amounts)
			return roots
		}
	}
	flipped := func(p int) claimed { return func(tr *testRound) []common.Hash { return wrongRoots(tr, p) } }
	for _, tc := range []struct {
		name    string
		sizes   []int
		p       int
		claimed claimed
	}{
		{"one amount off by one", []int{5, 7, 3}, 1, offByOne(1, 6)},
		{"first amount of the first row", []int{5, 7, 3}, 0, offByOne(0, 0)},
		{"a row of one entry", []int{2, 1}, 1, offByOne(1, 0)},
		{"an empty row claimed non-empty", []int{4, 0, 2}, 1, flipped(1)},
		{"the last of 17 providers", []int{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2}, 16, flipped(16)},
		{"a single provider", []int{100}, 0, offByOne(0, 99)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newFraudSetup(t, nil)
			tr := genRound(uint64(len(tc.name)), 1, tc.sizes)
			s.commit(tr)
			roots := tc.claimed(tr)
			s.submit(tr, 0, roots, s.signing)
			proof, err := NewBadAllocation(tr.res, tc.p, roots)
			if err != nil {
				t.Fatal(err)
			}
			before, burned, bal := s.stakes(), s.burned(), s.balance(addrOf(s.challenger))
			rcpt := s.mustSend(s.challenger, proof.Calldata(), nil)
			total := s.checkConvicted(t, rcpt, conviction{round: 1, kind: FraudBadAllocation, provider: uint64(tc.p), beneficiary: addrOf(s.challenger)}, before)
			wantBal := new(big.Int).Sub(bal, gasCost(rcpt))
			if got := s.balance(addrOf(s.challenger)); got.Cmp(wantBal.Add(wantBal, s.bounty(total))) != 0 {
				t.Fatalf("challenger balance %v, want %v", got, wantBal)
			}
			if got := new(big.Int).Sub(s.burned(), burned); got.Cmp(new(big.Int).Sub(total, s.bounty(total))) != 0 {
				t.Fatalf("burned %v, want %v", got, new(big.Int).Sub(total, s.bounty(total)))
			}
			// The proof cannot be played again, and the round takes the
			// honest batch at attempt 1.
			_, err = s.send(s.challenger, proof.Calldata(), nil)
			wantRevert[bindings.DenominatorAllocationAVSNoLiveBatch](t, err)
			s.submit(tr, 1, nil, s.signing)
		})
	}
}

func (c *chain) burned() *big.Int { return call(c, avs.PackBurned(), avs.UnpackBurned) }

// boundRows are well-formed rows at the value bounds and other edges, each
// as entries for provider 1 of a three-provider round.
func boundRows() map[string]func(tr *testRound) []recompute.Entry {
	fresh := func(n int, mr, res *uint256.Int) []recompute.Entry {
		addrs := sortedAddrs(newRand(1<<40+uint64(n)), n) // recipients of this row only
		es := make([]recompute.Entry, n)
		for j := range es {
			es[j] = recompute.Entry{Recipient: addrs[j], MR: *mr, Residual: *res}
		}
		return es
	}
	return map[string]func(tr *testRound) []recompute.Entry{
		"empty":                          func(*testRound) []recompute.Entry { return nil },
		"one entry":                      func(*testRound) []recompute.Entry { return fresh(1, uint256.NewInt(3), uint256.NewInt(5)) },
		"1024 entries all at the bounds": func(*testRound) []recompute.Entry { return fresh(1024, maxMR, maxU128) },
		"mr 1 residual 1":                func(*testRound) []recompute.Entry { return fresh(9, uint256.NewInt(1), uint256.NewInt(1)) },
		"zero residuals (denominator 0)": func(*testRound) []recompute.Entry {
			return fresh(6, maxMR, uint256.NewInt(0))
		},
		"mixed bounds": func(*testRound) []recompute.Entry {
			es := fresh(8, maxMR, maxU128)
			es[1].MR.SetOne()
			es[3].Residual.Clear()
			es[5].Residual.SetOne()
			return es
		},
	}
}

// TestHonestBatchNotProvable: no bad-allocation proof of an honest batch
// passes, whatever the row: empty, one entry, values at the bounds, a zero
// denominator, capacities 0, 1, 2^128 - 1.
func TestHonestBatchNotProvable(t *testing.T) {
	t.Parallel()
	s := newFraudSetup(t, nil)
	n := uint64(0)
	for name, row := range boundRows() {
		for _, capacity := range []*uint256.Int{uint256.NewInt(0), uint256.NewInt(1), maxU128} {
			n++
			tr := genRound(n, n, []int{3, 2, 4})
			tr.m.Headers[1].Capacity = *capacity
			tr.setRow(1, row(tr))
			if tr.v != nil {
				t.Fatalf("%s: %v", name, tr.v)
			}
			s.commit(tr)
			s.submit(tr, 0, nil, s.signing)
			for p := range tr.rows {
				proof, err := NewBadAllocation(tr.res, p, tr.res.ProviderAllocRoots)
				if err != nil {
					t.Fatal(err)
				}
				_, err = s.send(s.challenger, proof.Calldata(), nil)
				if _, ok := RevertAs[bindings.DenominatorAllocationAVSNoFraud](err); !ok {
					t.Fatalf("%s, capacity %s, provider %d: %v, want NoFraud", name, capacity.Dec(), p, err)
				}
			}
		}
	}
}

// TestBadAllocationRefused: a proof whose evidence does not hold reverts,
// and so does any proof outside the live batch's window.
func TestBadAllocationRefused(t *testing.T) {
	t.Parallel()
	s := newFraudSetup(t, nil)
	tr := genRound(3, 1, []int{4, 6, 2})
	s.commit(tr)
	roots := wrongRoots(tr, 1)
	good := func() *BadAllocation {
		b, err := NewBadAllocation(tr.res, 1, roots)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	_, err := s.send(s.challenger, good().Calldata(), nil)
	wantRevert[bindings.DenominatorAllocationAVSNoLiveBatch](t, err) // no batch yet
	s.submit(tr, 0, roots, s.signing)

	for _, tc := range []struct {
		name  string
		edit  func(b *BadAllocation)
		check func(error)
	}{
		{"header of another provider", func(b *BadAllocation) { b.Header.P = big.NewInt(2) },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidHeaderProof](t, err) }},
		{"provider past P", func(b *BadAllocation) { b.Header.P = big.NewInt(3) },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidHeaderProof](t, err) }},
		{"changed capacity", func(b *BadAllocation) { b.Header.Header.Capacity.Add(b.Header.Header.Capacity, big.NewInt(1)) },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidHeaderProof](t, err) }},
		{"a header proof too long", func(b *BadAllocation) { b.Header.Proof = append(b.Header.Proof, [32]byte{}) },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidHeaderProof](t, err) }},
		{"claimed root not the batch's", func(b *BadAllocation) { b.ClaimedRoot[0] ^= 1 },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidAllocRootProof](t, err) }},
		{"an entry missing", func(b *BadAllocation) { b.Entries = b.Entries[:len(b.Entries)-1] },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSWrongRowLength](t, err) }},
		{"an entry changed", func(b *BadAllocation) { b.Entries[2].Mr.Add(b.Entries[2].Mr, big.NewInt(1)) },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSEntriesRootMismatch](t, err) }},
		{"entries reordered", func(b *BadAllocation) { b.Entries[0], b.Entries[1] = b.Entries[1], b.Entries[0] },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSEntriesRootMismatch](t, err) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := good()
			tc.edit(b)
			_, err := s.send(s.challenger, b.Calldata(), nil)
			tc.check(err)
		})
	}
	t.Run("dirty recipient word", func(t *testing.T) {
		cd := good().Calldata()
		// The first entry's recipient word: the entries follow the header
		// proof; find the recipient's 20 bytes and dirty the byte before.
		r := tr.rows[1].Entry(0).Recipient
		i := indexOf(cd, r[:])
		cd[i-1] = 1
		_, err := s.send(s.challenger, cd, nil)
		wantRevert[bindings.DenominatorAllocationAVSDirtyAddress](t, err)
	})

	checkProofWindow(t, s, good().Calldata())
}

// checkProofWindow: a proof of the live batch of round 1 is judged at its
// deadline, refused after it, and after finalization.
func checkProofWindow(t *testing.T, s *fraudSetup, proof []byte) {
	t.Helper()
	deadline := s.getRound(1).Deadline.Uint64()
	s.mineTo(deadline)
	if _, err := s.callAt(addrOf(s.challenger), proof, nil, deadline); err != nil {
		t.Fatalf("proof at the deadline: %v", err)
	}
	_, err := s.sendAt(deadline+1, s.challenger, proof, nil)
	wantRevert[bindings.DenominatorAllocationAVSProofWindowClosed](t, err)
	s.mustSend(s.keys[1], avs.PackFinalizeRound(u64(1)), nil)
	_, err = s.send(s.challenger, proof, nil)
	wantRevert[bindings.DenominatorAllocationAVSNoLiveBatch](t, err)
}

// TestBadAllocationOutOfRange (F5, a row whose math overflows): a row whose
// values are outside section 3's bounds has no allocation; the proof
// reverts and the row is proven malformed instead (TestMalformedProven).
func TestBadAllocationOutOfRange(t *testing.T) {
	t.Parallel()
	s := newFraudSetup(t, nil)
	for i, tc := range []struct {
		name  string
		edit  func(tr *testRound)
		check func(error)
	}{
		{"mr 0", func(tr *testRound) { es := tr.entriesOf(1); es[2].MR.Clear(); tr.setRow(1, es) },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSValueOutOfRange](t, err) }},
		{"mr 2^64", func(tr *testRound) { es := tr.entriesOf(1); es[0].MR.Add(maxMR, uint256.NewInt(1)); tr.setRow(1, es) },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSValueOutOfRange](t, err) }},
		{"residual max uint256 (w overflows)", func(tr *testRound) { es := tr.entriesOf(1); es[3].Residual = *maxU256; tr.setRow(1, es) },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSValueOutOfRange](t, err) }},
		{"capacity 2^128", func(tr *testRound) { tr.m.Headers[1].Capacity = *two128; tr.evaluate() },
			func(err error) { wantRevert[bindings.DenominatorAllocationAVSCapacityOutOfRange](t, err) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := genRound(uint64(10+i), uint64(i+1), []int{3, 5, 2})
			tc.edit(tr)
			if tr.v == nil {
				t.Fatal("the round is well formed")
			}
			s.commit(tr)
			roots := arbitraryRoots(3)
			s.submit(tr, 0, roots, s.signing)
			proof, err := NewBadAllocation(tr.res, 1, roots)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.send(s.challenger, proof.Calldata(), nil)
			tc.check(err)
		})
	}
}

func indexOf(b, sub []byte) int {
	for i := 0; i+len(sub) <= len(b); i++ {
		if string(b[i:i+len(sub)]) == string(sub) {
			return i
		}
	}
	panic("not found")
}
