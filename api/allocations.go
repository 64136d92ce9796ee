package api

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// ObjectGetter returns the bytes of a section 9 object under kind and key,
// or false when the caller does not hold it. RecipientAllocations verifies
// whatever it is given against the key: a getter need not be trusted.
type ObjectGetter func(kind recompute.ObjectKind, key common.Hash) ([]byte, bool)

// DataState says how much of a round's data RecipientAllocations held. The
// string values are a stable interface.
type DataState string

// The data states.
const (
	// DataComplete: the manifest and every row are held and well formed:
	// the correct amounts are known.
	DataComplete DataState = "complete"
	// DataUnavailable: the manifest or some row is not held (Missing names
	// them); no amount is called correct, since a row not held can still
	// make the round malformed.
	DataUnavailable DataState = "unavailable"
	// DataMalformed: the data held breaks a section 3 rule (Rule): nothing
	// is owed under it; a batch over it is fraud.
	DataMalformed DataState = "malformed"
)

// RoundAllocations is a recipient's allocations in a round, with what the
// round's data allows to be said of them. The JSON is a stable interface.
type RoundAllocations struct {
	Data DataState `json:"data"`
	// Rule is the first rule the data held breaks (DataMalformed), as
	// recompute orders them; Reason says it in a sentence.
	Rule   recompute.Rule `json:"rule,omitempty"`
	Reason string         `json:"reason,omitempty"`
	// Missing are the objects not held (DataUnavailable): manifest parts
	// (Key the commitmentRoot) or rows (Key the entriesRoot).
	Missing []judge.Object `json:"missing,omitempty"`
	// Batch is the round's live or finalized batch; nil when it has none.
	Batch *BatchRef `json:"batch"`
	// Allocations are the entries naming the recipient in the rows held, by
	// provider then entry; empty, not nil, when none does.
	Allocations []Allocation `json:"allocations"`
}

// BatchRef is the batch whose tree the proofs are in.
type BatchRef struct {
	Attempt        uint64      `json:"attempt"`
	Status         string      `json:"status"` // index.BatchLive or index.BatchFinalized
	AllocTreeRoot  common.Hash `json:"allocTreeRoot"`
	AllocationRoot common.Hash `json:"allocationRoot"`
}

// Allocation is one entry naming a recipient: what provider p owes it in
// the batch's claim and by the protocol, with the two-level proof of the
// claimed amount against the batch's allocTreeRoot. The JSON field names are
// a stable interface (v1's where the meaning is unchanged).
type Allocation struct {
	Provider      common.Address `json:"provider"`
	ProviderIndex int            `json:"providerIndex"`
	// Entry is j, the entry's index in the provider's row; Index the global
	// index entryOffset_p + j.
	Entry     int            `json:"entry"`
	Index     uint64         `json:"index"`
	Recipient common.Address `json:"recipient"`
	// Amount is the batch's claimed amount (decimal string): from the
	// batch's allocations object for the row, or, without it, the
	// recomputed amount when the batch's providerAllocRoot_p is the
	// recomputed one. Nil when there is no batch or the claim is not known.
	Amount *uint256.Int `json:"amount"`
	// CorrectAmount is the amount section 5 gives; nil unless Data is
	// DataComplete (a malformed round owes nothing).
	CorrectAmount *uint256.Int `json:"correctAmount"`
	// ProviderAllocRoot is the batch's providerAllocRoot_p;
	// CorrectProviderAllocRoot the recomputed one (DataComplete only).
	ProviderAllocRoot        *common.Hash `json:"providerAllocRoot"`
	CorrectProviderAllocRoot *common.Hash `json:"correctProviderAllocRoot"`
	// EntryProof is the path of the leaf in the provider's row tree,
	// ProviderProof that of providerAllocRoot_p in the tree of the batch's
	// providerAllocRoots; both bottom-up, nil when Amount is nil.
	EntryProof    []common.Hash `json:"entryProof"`
	ProviderProof []common.Hash `json:"providerProof"`
	// AllocTreeRoot and AllocationRoot are the batch's; nil without one.
	AllocTreeRoot  *common.Hash `json:"allocTreeRoot"`
	AllocationRoot *common.Hash `json:"allocationRoot"`
	// Verifies says whether the proofs prove allocLeaf(provider, recipient,
	// Amount) at (p, j) against AllocTreeRoot, as verifyAllocation does.
	Verifies bool `json:"verifies"`
	// VerifyAllocation are the arguments of the contract's call, ready to
	// paste; nil when Amount is nil.
	VerifyAllocation *VerifyAllocationArgs `json:"verifyAllocation"`
}

// VerifyAllocationArgs are the arguments of verifyAllocation(round, p, j,
// provider, recipient, amount, entryProof, providerProof): uint256 as
// decimal strings, addresses and bytes32 as 0x hex.
type VerifyAllocationArgs struct {
	Round         string         `json:"round"`
	P             string         `json:"p"`
	J             string         `json:"j"`
	Provider      common.Address `json:"provider"`
	Recipient     common.Address `json:"recipient"`
	Amount        string         `json:"amount"`
	EntryProof    []common.Hash  `json:"entryProof"`
	ProviderProof []common.Hash  `json:"providerProof"`
}

// Errors of RecipientAllocations.
var (
	// ErrNotV2: the round is a protocol v1 record, which the API no longer
	// recomputes.
	ErrNotV2 = errors.New("not a protocol v2 round")
	// ErrNoCommitment: the record has no commitment (the watcher started
	// after it), so no object can be named.
	ErrNoCommitment = errors.New("the round's commitment is not known")
)

// Errors of RoundFile.
var (
	// ErrObjectsMissing: the manifest or a row is not held.
	ErrObjectsMissing = errors.New("objects of the round are not held")
	// ErrNotRoundFile: the round's manifest is not the one its rows
	// determine (offsets by prefix sums, E the number of entries), so no
	// whole-round file gives its commitmentRoot.
	ErrNotRoundFile = errors.New("no whole-round file gives the round's commitment")
)

// RoundFile returns the whole-round file (PROTOCOL.md section 9, the
// recompute CLI's --data) of a v2 round from the objects get holds: the
// manifest and every row. It is exact: the file determines the manifest,
// which must rebuild the round's commitmentRoot. The round need not be well
// formed.
func RoundFile(round *index.Round, get ObjectGetter) ([]byte, error) {
	if round.Protocol != index.ProtocolV2 || round.CommitmentRoot == (common.Hash{}) {
		return nil, fmt.Errorf("round %d: %w", round.Round, ErrNotV2)
	}
	h := holdRound(round, get)
	if h.m == nil || len(h.missing) > 0 {
		return nil, fmt.Errorf("round %d: %d of its objects: %w", round.Round, len(h.missing), ErrObjectsMissing)
	}
	prs := make([]recompute.ProviderRow, len(h.m.Headers))
	for p, hd := range h.m.Headers {
		prs[p] = recompute.ProviderRow{Provider: hd.Provider, Capacity: hd.Capacity, Row: h.rows[p]}
	}
	rf := recompute.NewRound(&h.m.Round, prs)
	if _, _, root := rf.Manifest.CommitArgs(); root != round.CommitmentRoot {
		return nil, fmt.Errorf("round %d: %w", round.Round, ErrNotRoundFile)
	}
	return recompute.EncodeRoundFile(rf), nil
}

// Wrong reports whether the allocation is provably wrong: its claimed
// amount differs from the correct one or does not verify against the
// batch's root, or, the claim unknown, the batch's providerAllocRoot_p
// differs from the recomputed one.
func (a *Allocation) Wrong() bool {
	if a.Amount != nil {
		return !a.Verifies || (a.CorrectAmount != nil && !a.Amount.Eq(a.CorrectAmount))
	}
	return a.ProviderAllocRoot != nil && a.CorrectProviderAllocRoot != nil && *a.ProviderAllocRoot != *a.CorrectProviderAllocRoot
}

// Wrong reports whether the round's batch is wrong for the recipient: a
// batch over malformed data, or a wrong allocation.
func (r *RoundAllocations) Wrong() bool {
	if r.Data == DataMalformed && r.Batch != nil {
		return true
	}
	for i := range r.Allocations {
		if r.Allocations[i].Wrong() {
			return true
		}
	}
	return false
}

// RecipientAllocations returns recipient's allocations in a v2 round from
// the watcher's record of it and the objects get holds: the manifest (key
// commitmentRoot), the rows (key entriesRoot_p) and the live or finalized
// batch's allocations objects (key providerAllocRoot_p). Objects not held
// make the round DataUnavailable, a broken rule DataMalformed; neither is an
// error.
//
// It is pure: data in, allocations out.
func RecipientAllocations(round index.Round, get ObjectGetter, recipient common.Address) (*RoundAllocations, error) {
	switch {
	case round.Protocol != index.ProtocolV2:
		return nil, fmt.Errorf("round %d: %w", round.Round, ErrNotV2)
	case round.CommitmentRoot == (common.Hash{}):
		return nil, fmt.Errorf("round %d: %w", round.Round, ErrNoCommitment)
	}
	out := &RoundAllocations{Data: DataComplete, Allocations: []Allocation{}}
	batch := liveBatch(&round)
	if batch != nil {
		out.Batch = &BatchRef{Attempt: derefU64(batch.Attempt), Status: batch.Status, AllocTreeRoot: batch.AllocTreeRoot, AllocationRoot: batch.AllocationRoot}
	}
	h := holdRound(&round, get)
	if h.m == nil {
		out.Data, out.Missing, out.Reason = DataUnavailable, h.missing, "the manifest is not held"
		return out, nil
	}
	res, viol, err := h.evaluate(&round)
	switch {
	case err != nil:
		return nil, err
	case viol != nil:
		out.Data, out.Rule, out.Reason = DataMalformed, viol.Rule, viol.Error()
		res = nil
	case len(h.missing) > 0:
		out.Data, out.Missing, out.Reason = DataUnavailable, h.missing, fmt.Sprintf("%d of %d rows are not held", len(h.missing), len(h.m.Headers))
		res = nil
	}
	c := newClaims(round.Round, batch, h, res, get)
	for p := range h.m.Headers {
		if !h.held[p] {
			continue
		}
		for j := range h.rows[p].Len() {
			if h.rows[p].Entry(j).Recipient == recipient {
				out.Allocations = append(out.Allocations, c.allocation(p, j))
			}
		}
	}
	return out, nil
}

// liveBatch is r's latest batch that is not voided (live or finalized).
func liveBatch(r *index.Round) *index.Batch {
	for i := len(r.Batches) - 1; i >= 0; i-- {
		if r.Batches[i].Status != index.BatchVoided {
			return &r.Batches[i]
		}
	}
	return nil
}

func derefU64(v *uint64) uint64 {
	if v == nil {
		return 0
	}
	return *v
}

// heldRound is what a getter holds of a round: the verified manifest and
// the verified rows.
type heldRound struct {
	m       *recompute.Manifest
	tree    *recompute.Tree
	rows    []recompute.Row
	held    []bool
	missing []judge.Object
}

// holdRound reads and verifies the round's manifest and rows from get.
func holdRound(r *index.Round, get ObjectGetter) *heldRound {
	h := &heldRound{}
	if data, ok := get(recompute.KindManifest, r.CommitmentRoot); ok {
		h.m, h.tree, _ = recompute.VerifyManifest(r.CommitmentRoot, data)
	}
	if h.m == nil {
		parts := 1
		if r.ProviderCount > recompute.PartSize {
			parts = 2
		}
		for part := range parts {
			h.missing = append(h.missing, judge.Object{Kind: judge.ObjectManifestPart, Key: r.CommitmentRoot, Part: &part, Needed: true})
		}
		return h
	}
	h.rows, h.held = make([]recompute.Row, len(h.m.Headers)), make([]bool, len(h.m.Headers))
	for p := range h.m.Headers {
		hd := &h.m.Headers[p]
		if !hd.NeedsRow() {
			h.held[p] = true
			continue
		}
		if data, ok := get(recompute.KindRow, hd.EntriesRoot); ok {
			row, err := recompute.VerifyRow(hd, data)
			h.rows[p], h.held[p] = row, err == nil
		}
		if !h.held[p] {
			h.missing = append(h.missing, judge.Object{Kind: judge.ObjectRow, Key: hd.EntriesRoot, Provider: &p, Needed: true})
		}
	}
	return h
}

// evaluate checks the round and the rules over the rows held, and
// recomputes them (recompute.EvaluateHeld).
func (h *heldRound) evaluate(r *index.Round) (*recompute.Result, *recompute.Violation, error) {
	if v := h.m.CheckRound(uint256.NewInt(r.Round)); v != nil {
		return nil, v, nil
	}
	res, viol, err := recompute.EvaluateHeld(h.m, h.tree, h.rows, h.held, recompute.Options{})
	if err != nil { // the rows were verified against their headers: a bug
		return nil, nil, fmt.Errorf("round %d: %w", r.Round, err)
	}
	return res, viol, nil
}

// claims builds the batch's side of each allocation: its amounts for a row
// and the proofs in its tree.
type claims struct {
	round    uint64
	batch    *index.Batch
	h        *heldRound
	res      *recompute.Result // nil unless DataComplete
	get      ObjectGetter
	provTree *recompute.Tree // tree of the batch's providerAllocRoots; nil without
	rowCache map[int][]uint256.Int
}

func newClaims(round uint64, batch *index.Batch, h *heldRound, res *recompute.Result, get ObjectGetter) *claims {
	c := &claims{round: round, batch: batch, h: h, res: res, get: get, rowCache: map[int][]uint256.Int{}}
	if batch != nil && len(batch.ProviderAllocRoots) == len(h.m.Headers) {
		c.provTree = recompute.NewTree(batch.ProviderAllocRoots)
	}
	return c
}

// amounts returns the batch's claimed amounts of row p, or nil when they
// are not known.
func (c *claims) amounts(p int) []uint256.Int {
	if c.provTree == nil {
		return nil
	}
	if a, ok := c.rowCache[p]; ok {
		return a
	}
	key, hd, row := c.batch.ProviderAllocRoots[p], &c.h.m.Headers[p], c.h.rows[p]
	var out []uint256.Int
	if data, ok := c.get(recompute.KindAllocations, key); ok {
		if a, err := recompute.VerifyAllocations(key, hd.Provider, row, data); err == nil {
			out = a
		}
	}
	if out == nil && c.res != nil && c.res.ProviderAllocRoots[p] == key {
		out = c.res.RowAmounts(p) // the claimed root is the recomputed one
	}
	c.rowCache[p] = out
	return out
}

// allocation builds entry j of provider p.
func (c *claims) allocation(p, j int) Allocation {
	hd, row := &c.h.m.Headers[p], c.h.rows[p]
	a := Allocation{Provider: hd.Provider, ProviderIndex: p, Entry: j, Index: hd.EntryOffset.Uint64() + uint64(j), Recipient: row.Entry(j).Recipient}
	if c.res != nil {
		correct, root := c.res.RowAmounts(p)[j], c.res.ProviderAllocRoots[p]
		a.CorrectAmount, a.CorrectProviderAllocRoot = &correct, &root
	}
	if c.batch == nil {
		return a
	}
	treeRoot, allocRoot := c.batch.AllocTreeRoot, c.batch.AllocationRoot
	a.AllocTreeRoot, a.AllocationRoot = &treeRoot, &allocRoot
	if c.provTree == nil {
		return a
	}
	claimedRoot := c.batch.ProviderAllocRoots[p]
	a.ProviderAllocRoot = &claimedRoot
	amounts := c.amounts(p)
	if amounts == nil {
		return a
	}
	ap := c.proof(p, j, amounts)
	a.Amount = new(uint256.Int).Set(&ap.Amount)
	a.EntryProof, a.ProviderProof = ap.EntryProof, ap.ProviderProof
	a.Verifies = recompute.VerifyAllocation(treeRoot, len(c.h.m.Headers), ap)
	a.VerifyAllocation = &VerifyAllocationArgs{
		Round: fmt.Sprint(c.round), P: fmt.Sprint(p), J: fmt.Sprint(j), Provider: ap.Provider, Recipient: ap.Recipient,
		Amount: ap.Amount.Dec(), EntryProof: ap.EntryProof, ProviderProof: ap.ProviderProof,
	}
	return a
}

// proof is the two-level proof of the claimed amount of entry j of row p in
// the batch's tree: the row's subtree rebuilt from the claimed amounts, then
// the path of providerAllocRoot_p among the batch's roots.
func (c *claims) proof(p, j int, amounts []uint256.Int) *recompute.AllocProof {
	hd, row := &c.h.m.Headers[p], c.h.rows[p]
	leaves := make([]common.Hash, row.Len())
	for k := range leaves {
		leaves[k] = recompute.AllocLeaf(hd.Provider, row.Entry(k).Recipient, &amounts[k])
	}
	ap := &recompute.AllocProof{P: p, J: j, Provider: hd.Provider, Recipient: row.Entry(j).Recipient, Amount: amounts[j], Leaf: leaves[j]}
	ap.EntryProof, _ = recompute.NewTree(leaves).Proof(j)
	ap.ProviderProof, _ = c.provTree.Proof(p)
	ap.EntryProof, ap.ProviderProof = nonNil(ap.EntryProof), nonNil(ap.ProviderProof)
	return ap
}

// nonNil makes an empty proof encode as [] rather than null.
func nonNil(h []common.Hash) []common.Hash {
	if h == nil {
		return []common.Hash{}
	}
	return h
}
