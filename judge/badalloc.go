package judge

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/recompute"
)

// badAllocation is the verdict of a live batch whose providerAllocRoot of
// held row p differs from the row's (section 7.2.1: the proof takes header p,
// row p and the claimed root). The first wrong entry is named when the
// batch's allocations object for p is held; otherwise that object is listed
// as missing, not needed.
func badAllocation(v Verdict, f *Facts, res *recompute.Result, p int) Verdict {
	claimed := f.Batch.ProviderAllocRoots[p]
	ba := &BadAllocation{CorrectProviderAllocRoot: res.ProviderAllocRoots[p], ClaimedProviderAllocRoot: claimed}
	v.Status, v.Rule, v.Provider, v.BadAllocation = StatusFraud, RuleBadAllocation, intp(p), ba
	v.Evidence = &Evidence{Headers: []int{p}, Rows: []int{p}}
	v.Missing = f.Held.missingRows(false)
	v.Reason = fmt.Sprintf("the live batch (attempt %d) claims providerAllocRoot %s for provider %d, whose row gives %s",
		f.Batch.Attempt, claimed.Hex(), p, ba.CorrectProviderAllocRoot.Hex())
	amounts, ok := f.Held.Allocations(p, claimed)
	if !ok {
		v.Missing = append(v.Missing, Object{Kind: ObjectAllocations, Key: claimed, Provider: intp(p)})
		v.Reason += "; the batch's allocations object for it is not held"
		return v
	}
	if ba.FirstWrongEntry = wrongEntry(res, p, amounts); ba.FirstWrongEntry != nil {
		w := ba.FirstWrongEntry
		v.Reason += fmt.Sprintf("; its entry %d (global index %d, recipient %s) is allocated %s, not %s",
			w.Entry, w.GlobalIndex, hexutil.Encode(w.Recipient[:]), w.Claimed.Dec(), w.Correct.Dec())
	}
	return v
}

// wrongEntry returns the first entry of row p whose claimed amount differs
// from the recomputed one. Claimed amounts that rebuild another root than
// the row's always differ somewhere; nil only if they do not.
func wrongEntry(res *recompute.Result, p int, claimed []uint256.Int) *WrongEntry {
	j, ok := res.FirstWrongAmount(p, claimed)
	if !ok || j >= len(claimed) {
		return nil
	}
	correct := res.RowAmounts(p)[j]
	return &WrongEntry{
		Entry:       j,
		GlobalIndex: res.Manifest.Headers[p].EntryOffset.Uint64() + uint64(j),
		Recipient:   res.Rows[p].Entry(j).Recipient,
		Claimed:     new(uint256.Int).Set(&claimed[j]),
		Correct:     new(uint256.Int).Set(&correct),
	}
}
