package judge

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/recompute"
)

// Facts is everything a watcher has gathered about one round: from the
// chain's events (section 8) and from the data-availability objects it holds
// (section 9). Judge decides from them alone.
type Facts struct {
	// Round is the round's number.
	Round uint64
	// Commitment is the round's on-chain commitment, nil when the watcher
	// has not seen it (Unknown should then say why).
	Commitment *Commitment
	// Batch is the round's live batch, nil when none is live (none was
	// submitted, or the last one was voided). A finalized batch may be given
	// as well: the verdict on its data is the same; whether anything can
	// still be done about it is the challenger's question.
	Batch *Batch
	// Confirmed reports whether the round's events (the commitment and the
	// batch) are past the watcher's confirmation depth.
	Confirmed bool
	// Held are the objects the watcher holds for the round, nil for none.
	// They must have been made for Round and Commitment.
	Held *Holdings
	// Unknown lists the facts the watcher knows it lacks, each with a note;
	// the verdict carries them. An unknown FactBatch with Batch nil makes
	// the verdict StatusIncomplete.
	Unknown []Unknown
}

// Commitment is a round's commitment as NewRoundCommitments (Root) and
// RoundCommitmentsOpened (the rest) carry it.
type Commitment struct {
	// Root is commitmentRoot, the key of the manifest.
	Root          common.Hash
	ProvidersRoot common.Hash
	// ProviderCount is P, 1 to 1024.
	ProviderCount int
	// EntryCount is E, at most 1024 * P.
	EntryCount uint64
}

// check returns an error wrapping ErrImpossible and ErrCommitment unless c
// is a commitment commitRound could have stored for round: P and E within
// their bounds (section 2) and Root the hash of the rest (section 4).
func (c *Commitment) check(round uint64) error {
	P, E := c.ProviderCount, c.EntryCount
	if P < 1 || P > recompute.MaxProviders || E > uint64(recompute.MaxRowEntries*P) {
		return fmt.Errorf("%w: %w: round %d has P = %d and E = %d", ErrImpossible, ErrCommitment, round, P, E)
	}
	if got := recompute.CommitmentRoot(uint256.NewInt(round), c.ProvidersRoot, P, uint256.NewInt(E)); got != c.Root {
		return fmt.Errorf("%w: %w: round %d's fields give %s, the event says %s", ErrImpossible, ErrCommitment, round, got.Hex(), c.Root.Hex())
	}
	return nil
}

// Batch is a round's live batch as AllocationBatchSubmitted
// (AllocationRoot) and AllocationBatchDetails (the rest) carry it.
type Batch struct {
	Attempt        uint64
	AllocationRoot common.Hash
	AllocTreeRoot  common.Hash
	SignerBitmap   uint256.Int
	// Deadline is the block until which the batch can be proven wrong; a
	// resolved availability challenge can push it later (section 7.3).
	Deadline uint64
	// ProviderAllocRoots are the batch's P claimed providerAllocRoots.
	ProviderAllocRoots []common.Hash
}

// check returns an error wrapping ErrImpossible and ErrBatch unless the
// batch is one submitAllocationBatch could have accepted over commitment c:
// P roots whose tree is AllocTreeRoot, and AllocationRoot =
// keccak256(abi.encode(commitmentRoot, allocTreeRoot)) (section 5).
func (b *Batch) check(c *Commitment) error {
	if len(b.ProviderAllocRoots) != c.ProviderCount {
		return fmt.Errorf("%w: %w: attempt %d has %d providerAllocRoots for %d providers",
			ErrImpossible, ErrBatch, b.Attempt, len(b.ProviderAllocRoots), c.ProviderCount)
	}
	if tree := recompute.NewTree(b.ProviderAllocRoots).Root(); tree != b.AllocTreeRoot {
		return fmt.Errorf("%w: %w: attempt %d's providerAllocRoots give allocTreeRoot %s, the event says %s",
			ErrImpossible, ErrBatch, b.Attempt, tree.Hex(), b.AllocTreeRoot.Hex())
	}
	if root := recompute.AllocationRoot(c.Root, b.AllocTreeRoot); root != b.AllocationRoot {
		return fmt.Errorf("%w: %w: attempt %d's allocTreeRoot gives allocationRoot %s, the event says %s",
			ErrImpossible, ErrBatch, b.Attempt, root.Hex(), b.AllocationRoot.Hex())
	}
	return nil
}

// check checks the facts that the contract guarantees and that Holdings
// belong to the round.
func (f *Facts) check() error {
	if err := f.Commitment.check(f.Round); err != nil {
		return err
	}
	if h := f.Held; h != nil && (h.round != f.Round || h.c != *f.Commitment) {
		return fmt.Errorf("%w: made for round %d commitment %s, judging round %d commitment %s",
			ErrWrongHoldings, h.round, h.c.Root.Hex(), f.Round, f.Commitment.Root.Hex())
	}
	if f.Batch != nil {
		return f.Batch.check(f.Commitment)
	}
	return nil
}

// lacks reports whether the watcher says it lacks fact.
func (f *Facts) lacks(fact Fact) (Unknown, bool) {
	for _, u := range f.Unknown {
		if u.Fact == fact {
			return u, true
		}
	}
	return Unknown{}, false
}
