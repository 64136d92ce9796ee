package api

import (
	"errors"
	"fmt"
	"runtime"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// Allocation is one entry of a recipient in a round: what a provider owes it,
// as published and as recomputed, with the merkle proof of the published
// amount. The JSON field names are a stable interface.
type Allocation struct {
	Provider      common.Address `json:"provider"`
	ProviderIndex int            `json:"providerIndex"`
	// Index is the entry's global index k (entryOffset_p + j).
	Index int `json:"index"`
	// Amount is the published amount at Index in the latest batch's data
	// (decimal string); nil when the round has no batch, its data is
	// unavailable, or the data holds no amount at Index.
	Amount *uint256.Int `json:"amount"`
	// CorrectAmount is the amount recomputed from the commitment data.
	CorrectAmount *uint256.Int `json:"correctAmount"`
	// Proof is the proof of allocLeaf(Index, Amount) in the tree built from
	// the published data (bottom-up sibling hashes); nil when Amount is nil
	// or the data is not a whole number of amounts.
	Proof []common.Hash `json:"proof"`
	// AllocTreeRoot and AllocationRoot are the latest batch's; nil while the
	// round has no batch.
	AllocTreeRoot  *common.Hash `json:"allocTreeRoot"`
	AllocationRoot *common.Hash `json:"allocationRoot"`
	// Verifies says whether Proof proves allocLeaf(Index, Amount) against
	// AllocTreeRoot for a tree of the published size: the check a recipient
	// makes against the signed root. False when there is no proof.
	Verifies bool `json:"verifies"`
}

// Errors of RecipientAllocations.
var (
	// ErrCommitmentData: the commitment data cannot be decoded or
	// recomputed (malformed beyond what the allocation math accepts).
	ErrCommitmentData = errors.New("commitment data cannot be recomputed")
	// ErrCommitmentMismatch: the commitment data does not hash to the
	// round's on-chain commitment root.
	ErrCommitmentMismatch = errors.New("commitment data does not match the round's commitment root")
)

// RecipientAllocations returns recipient's allocations in round: one per
// entry naming recipient in the commitment data, in global index order
// (empty, not nil, when no entry names it). Each carries the recomputed
// amount and, when publishedData is the latest batch's data (its keccak equal
// to the batch's dataHash), the published amount with its proof against the
// batch's allocTreeRoot. publishedData nil, or data of another hash, means
// the data is unavailable: Amount and Proof stay nil.
//
// It is pure: data in, allocations out.
func RecipientAllocations(round index.Round, commitmentData, publishedData []byte, recipient common.Address) ([]Allocation, error) {
	c, err := recompute.Decode(commitmentData)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCommitmentData, err)
	}
	res, err := recompute.Compute(c, recompute.Options{})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCommitmentData, err)
	}
	if res.CommitmentRoot != round.CommitmentRoot {
		return nil, fmt.Errorf("%w: data hashes to %s, round %d has %s", ErrCommitmentMismatch, res.CommitmentRoot.Hex(), round.Round, round.CommitmentRoot.Hex())
	}

	var batch *index.Batch
	if n := len(round.Batches); n > 0 {
		batch = &round.Batches[n-1]
	}
	var published *recompute.Tree
	if batch == nil || publishedData == nil || recompute.DataHash(publishedData) != batch.DataHash {
		publishedData = nil
	} else if t, err := recompute.AllocTreeFromData(publishedData, runtime.GOMAXPROCS(0)); err == nil {
		published = t
	}
	// else: not a whole number of amounts (a bad publication); amounts the
	// data covers are still reported, without proofs.

	out := []Allocation{}
	for p := range c.Providers {
		prov := &c.Providers[p]
		for j := range prov.Entries {
			if prov.Entries[j].Recipient != recipient {
				continue
			}
			k := res.Offsets[p] + j
			correct := res.Amount(k)
			a := Allocation{
				Provider:      prov.Address,
				ProviderIndex: p,
				Index:         k,
				CorrectAmount: &correct,
			}
			if batch != nil {
				treeRoot, allocRoot := batch.AllocTreeRoot, batch.AllocationRoot
				a.AllocTreeRoot, a.AllocationRoot = &treeRoot, &allocRoot
			}
			if publishedData != nil && len(publishedData) >= 32*(k+1) {
				a.Amount = new(uint256.Int).SetBytes32(publishedData[32*k : 32*(k+1)])
				if published != nil {
					if proof, ok := published.Proof(k); ok {
						a.Proof = proof
						leaf := recompute.AllocLeaf(k, a.Amount)
						a.Verifies = recompute.VerifyProof(batch.AllocTreeRoot, leaf, k, published.Len(), proof)
					}
				}
			}
			out = append(out, a)
		}
	}
	return out, nil
}
