package contracts

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
)

// Round status values of the contract's RoundStatus enum, as getRound's
// binding returns them.
const (
	statusNone      = uint8(RoundNone)
	statusCommitted = uint8(RoundCommitted)
	statusBatchLive = uint8(RoundBatchLive)
	statusFinalized = uint8(RoundFinalized)
)

func TestCommitRound(t *testing.T) {
	t.Parallel()
	c := newChain(t, chainOptions{accounts: 1})
	tr := genRound(1, 1, []int{3, 0, 5})
	rcpt := c.commit(tr)
	nrc := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSNewRoundCommitmentsEventName, avs.UnpackNewRoundCommitmentsEvent)
	opened := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSRoundCommitmentsOpenedEventName, avs.UnpackRoundCommitmentsOpenedEvent)
	if nrc.Round.Uint64() != 1 || nrc.CommitmentRoot != tr.res.CommitmentRoot || nrc.Timestamp.Sign() == 0 {
		t.Fatalf("NewRoundCommitments %+v", nrc)
	}
	if opened.ProvidersRoot != tr.res.ProvidersRoot || opened.ProviderCount.Int64() != 3 || opened.EntryCount.Int64() != 8 {
		t.Fatalf("RoundCommitmentsOpened %+v", opened)
	}
	v := c.getRound(1)
	if v.Status != statusCommitted || v.CommitmentRoot != tr.res.CommitmentRoot || v.Attempt.Sign() != 0 || v.AllocTreeRoot != ([32]byte{}) {
		t.Fatalf("round view %+v", v)
	}

	pack := func(round, p, e int64) []byte {
		return avs.PackCommitRound(big.NewInt(round), tr.res.ProvidersRoot, big.NewInt(p), big.NewInt(e))
	}
	for _, tc := range []struct {
		name  string
		from  int // -1: the coordinator
		data  []byte
		check func(error)
	}{
		{"not the coordinator", 0, pack(2, 1, 0), func(err error) { wantRevert[bindings.DenominatorAllocationAVSNotCoordinator](t, err) }},
		{"round reused", -1, pack(1, 1, 0), func(err error) { wantRevert[bindings.DenominatorAllocationAVSWrongRound](t, err) }},
		{"round skipped", -1, pack(3, 1, 0), func(err error) { wantRevert[bindings.DenominatorAllocationAVSWrongRound](t, err) }},
		{"P = 0", -1, pack(2, 0, 0), func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidCounts](t, err) }},
		{"P = 1025", -1, pack(2, 1025, 0), func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidCounts](t, err) }},
		{"E = 1024 P + 1", -1, pack(2, 3, 3*1024+1), func(err error) { wantRevert[bindings.DenominatorAllocationAVSInvalidCounts](t, err) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key := c.coord
			if tc.from >= 0 {
				key = c.keys[tc.from]
			}
			_, err := c.send(key, tc.data, nil)
			tc.check(err)
		})
	}
	// The bounds themselves are accepted: P = 1024 with E = 1024 P.
	c.mustSend(c.coord, pack(2, 1024, 1024*1024), nil)
	c.mustSend(c.coord, pack(3, 1, 0), nil)
}

func TestHonestRoundLifecycle(t *testing.T) {
	t.Parallel()
	s := newFraudSetup(t, nil)
	tr := genRound(2, 1, []int{4, 1, 0, 7, 2})
	s.commit(tr)
	rcpt := s.submit(tr, 0, nil, s.signing)

	sub := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSAllocationBatchSubmittedEventName, avs.UnpackAllocationBatchSubmittedEvent)
	det := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSAllocationBatchDetailsEventName, avs.UnpackAllocationBatchDetailsEvent)
	if sub.Round.Uint64() != 1 || sub.AllocationRoot != tr.res.AllocationRoot || sub.OperatorCount.Int64() != 4 {
		t.Fatalf("AllocationBatchSubmitted %+v", sub)
	}
	deadline := rcpt.BlockNumber.Uint64() + s.params.ChallengeWindow
	if det.Attempt.Sign() != 0 || det.AllocTreeRoot != tr.res.AllocTreeRoot || det.SignerBitmap.Int64() != 0b1111 ||
		det.Deadline.Uint64() != deadline || !sameRoots(det.ProviderAllocRoots, tr.res.ProviderAllocRoots) {
		t.Fatalf("AllocationBatchDetails %+v", det)
	}
	v := s.getRound(1)
	if v.Status != statusBatchLive || v.AllocationRoot != tr.res.AllocationRoot || v.AllocTreeRoot != tr.res.AllocTreeRoot ||
		v.SubmissionBlock.Uint64() != rcpt.BlockNumber.Uint64() || v.Deadline.Uint64() != deadline ||
		v.MaxDeadline.Uint64() != deadline+s.params.ResolveWindow+s.params.RevealWindow {
		t.Fatalf("round view %+v", v)
	}
	// A second batch for the round is refused while this one is live.
	_, err := s.send(s.keys[0], s.batch(tr, 0, nil, s.signing).Calldata(), nil)
	wantRevert[bindings.DenominatorAllocationAVSRoundNotOpen](t, err)

	// Finalization: refused up to the deadline, accepted after it.
	_, err = s.sendAt(deadline, s.keys[1], avs.PackFinalizeRound(u64(1)), nil)
	wantRevert[bindings.DenominatorAllocationAVSFinalizeTooEarly](t, err)
	rcpt, err = s.sendAt(deadline+1, s.keys[1], avs.PackFinalizeRound(u64(1)), nil)
	if err != nil {
		t.Fatal(err)
	}
	fin := oneEvent(t, rcpt, bindings.DenominatorAllocationAVSRoundFinalizedEventName, avs.UnpackRoundFinalizedEvent)
	if fin.AllocationRoot != tr.res.AllocationRoot || s.getRound(1).Status != statusFinalized {
		t.Fatalf("RoundFinalized %+v", fin)
	}
	_, err = s.send(s.keys[1], avs.PackFinalizeRound(u64(1)), nil)
	wantRevert[bindings.DenominatorAllocationAVSNoLiveBatch](t, err)
	// Every allocation verifies against the finalized batch.
	for p := range tr.rows {
		for j := range tr.rows[p].Len() {
			if !verifyOnChain(t, s.chain, tr, p, j, nil) {
				t.Fatalf("verifyAllocation refused provider %d entry %d", p, j)
			}
		}
	}
}

// verifyOnChain runs verifyAllocation for entry j of provider p, changed by
// edit.
func verifyOnChain(t testing.TB, c *chain, tr *testRound, p, j int, edit func(*recompute.AllocProof)) bool {
	t.Helper()
	ap, err := tr.res.AllocationProof(p, j)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(ap)
	}
	return call(c, avs.PackVerifyAllocation(u64(tr.n()), big.NewInt(int64(ap.P)), big.NewInt(int64(ap.J)), ap.Provider,
		ap.Recipient, ap.Amount.ToBig(), words(ap.EntryProof), words(ap.ProviderProof)), avs.UnpackVerifyAllocation)
}

func sameRoots(got [][32]byte, want []common.Hash) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if common.Hash(got[i]) != want[i] {
			return false
		}
	}
	return true
}
