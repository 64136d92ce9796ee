package challenge

import (
	"bytes"
	"fmt"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// Proof is one fraud proof that applies to a batch: the AVS call to send.
type Proof struct {
	// Kind is index.KindBadPublication or index.KindBadAllocation.
	Kind string
	// Index is what FraudProven will report: the global index of the wrong
	// amount (bad allocation); the whole amounts published when their count
	// is wrong, else the round's entry count (bad publication).
	Index uint64
	// Provider and Entry locate the amount proven (bad allocation).
	Provider, Entry int
	// RowSize is the entries of the provider's row (bad allocation), or the
	// bytes of allocation data carried (bad publication): what the proof's
	// gas grows with.
	RowSize int
	// Calldata is the packed proveBadAllocation / proveBadPublication call.
	Calldata []byte
}

// Target is the batch a challenge proves wrong: the live (last) batch of a
// round with a fraud verdict.
type Target struct {
	Round          uint64
	CommitmentRoot common.Hash
	Batch          index.Batch
}

// TargetOf returns the batch of r a challenge would prove wrong, or false
// when r has no provable fraud: its verdict is not fraud, or its last batch
// is not live or its data was not obtained.
func TargetOf(r *index.Round) (Target, bool) {
	if r == nil || r.Verdict != index.VerdictFraud || len(r.Batches) == 0 {
		return Target{}, false
	}
	b := r.Batches[len(r.Batches)-1]
	if b.Status != index.BatchLive || !b.DataAvailable {
		return Target{}, false
	}
	return Target{Round: r.Round, CommitmentRoot: r.CommitmentRoot, Batch: b}, true
}

// BuildProofs recomputes the round from its commitment data and returns
// every fraud proof that applies to the target batch given the allocation
// data it published: the bad-publication proof when the published data is
// not the signed tree's (wrong length, or another tree), else one
// bad-allocation proof per provider row with a wrong amount (its first
// wrong entry), the smallest rows first, at most maxAllocation of them.
//
// It fails with ErrNotProvable when the data does not decode, is not the
// round's (another commitment root) or not the batch's (another allocation
// root), or when the batch equals the recomputation.
func BuildProofs(t Target, commitmentData, published []byte, maxAllocation int) ([]Proof, error) {
	if maxAllocation < 1 {
		maxAllocation = 1
	}
	c, err := recompute.Decode(commitmentData)
	if err != nil {
		return nil, fmt.Errorf("%w: round %d: the commitment data does not decode: %w", ErrNotProvable, t.Round, err)
	}
	res, err := recompute.Compute(c, recompute.Options{})
	if err != nil {
		return nil, fmt.Errorf("%w: round %d: the commitment data cannot be recomputed: %w", ErrNotProvable, t.Round, err)
	}
	if res.CommitmentRoot != t.CommitmentRoot {
		return nil, fmt.Errorf("%w: round %d: the commitment data has root %s, the round %s", ErrNotProvable, t.Round, res.CommitmentRoot.Hex(), t.CommitmentRoot.Hex())
	}
	if !c.Round.IsUint64() || c.Round.Uint64() != t.Round {
		return nil, fmt.Errorf("%w: the commitment data is of round %s, not %d", ErrNotProvable, c.Round.Dec(), t.Round)
	}
	b := t.Batch
	if got := recompute.AllocationRoot(res.CommitmentRoot, b.AllocTreeRoot, crypto.Keccak256Hash(published)); got != b.AllocationRoot {
		return nil, fmt.Errorf("%w: round %d: the stored allocation data gives allocationRoot %s, the batch %s", ErrNotProvable, t.Round, got.Hex(), b.AllocationRoot.Hex())
	}
	if res.AllocationRoot == b.AllocationRoot {
		return nil, fmt.Errorf("%w: round %d: the batch equals the recomputation", ErrNotProvable, t.Round)
	}
	round := new(big.Int).SetUint64(t.Round)

	// Bad publication: the data is not exactly E amounts, or not the tree.
	if len(published) != 32*res.EntryCount {
		return []Proof{publication(round, res, published, uint64(len(published)/32))}, nil
	}
	tree, err := recompute.AllocTreeFromData(published, 0)
	if err != nil {
		return nil, fmt.Errorf("%w: round %d: %w", ErrNotProvable, t.Round, err)
	}
	if tree.Root() != b.AllocTreeRoot {
		return []Proof{publication(round, res, published, uint64(res.EntryCount))}, nil
	}

	// Bad allocation: the first wrong entry of each row with one.
	type wrong struct{ p, j int }
	var rows []wrong
	for p := range c.Providers {
		off := res.Offsets[p]
		for j := range c.Providers[p].Entries {
			k := off + j
			if !bytes.Equal(published[32*k:32*k+32], res.AllocationData[32*k:32*k+32]) {
				rows = append(rows, wrong{p, j})
				break
			}
		}
	}
	if len(rows) == 0 {
		// Same amounts and tree but another root: keccak would have to collide.
		return nil, fmt.Errorf("%w: round %d: the published amounts equal the recomputation", ErrNotProvable, t.Round)
	}
	sort.SliceStable(rows, func(a, b int) bool {
		return len(c.Providers[rows[a].p].Entries) < len(c.Providers[rows[b].p].Entries)
	})
	rows = rows[:min(len(rows), maxAllocation)]
	proofs := make([]Proof, 0, len(rows))
	for _, w := range rows {
		ba, err := contracts.NewBadAllocation(round, c, res, published, tree, w.p, w.j)
		if err != nil {
			return nil, fmt.Errorf("%w: round %d provider %d entry %d: %w", ErrNotProvable, t.Round, w.p, w.j, err)
		}
		proofs = append(proofs, Proof{
			Kind:     index.KindBadAllocation,
			Index:    uint64(res.Offsets[w.p] + w.j),
			Provider: w.p,
			Entry:    w.j,
			RowSize:  len(c.Providers[w.p].Entries),
			Calldata: ba.Calldata(),
		})
	}
	return proofs, nil
}

func publication(round *big.Int, res *recompute.Result, published []byte, idx uint64) Proof {
	return Proof{
		Kind:     index.KindBadPublication,
		Index:    idx,
		Provider: -1,
		Entry:    -1,
		RowSize:  len(published),
		Calldata: contracts.NewBadPublication(round, res, published).Calldata(),
	}
}
