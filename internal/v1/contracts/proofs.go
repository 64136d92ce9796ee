package contracts

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/denomwatch/denomwatch/internal/v1/contracts/bindings"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// avs packs and unpacks the AVS's calls, events and errors.
var avs = bindings.NewDenominatorAllocationAVS()

// ABI returns the AVS binding (packing and unpacking of calls, events, errors).
func ABI() *bindings.DenominatorAllocationAVS { return avs }

// ErrNoProof is returned when the requested proof cannot be built from the
// data given (no such provider or entry, or a published tree of another size).
var ErrNoProof = errors.New("no fraud proof of that kind applies")

// BadAllocation is the argument list of proveBadAllocation: provider p's full
// row proven against providersRoot, and the published amount of its entry j
// proven against the batch's allocTreeRoot.
type BadAllocation struct {
	Round         *big.Int
	Opening       bindings.DenominatorAllocationAVSCommitmentOpening
	Row           bindings.DenominatorAllocationAVSProviderRow
	ProviderProof [][32]byte
	Entry         *big.Int
	Amount        *big.Int // the published amount
	AmountProof   [][32]byte
}

// NewBadAllocation builds the bad-allocation proof for entry j of provider p.
// c and correct are the round's commitments and their recomputation;
// publishedData is the batch's allocation data and published its tree
// (recompute.AllocTreeFromData).
func NewBadAllocation(round *big.Int, c *recompute.Commitments, correct *recompute.Result, publishedData []byte, published *recompute.Tree, p, j int) (*BadAllocation, error) {
	if p < 0 || p >= len(c.Providers) || j < 0 || j >= len(c.Providers[p].Entries) {
		return nil, fmt.Errorf("%w: no entry %d of provider %d", ErrNoProof, j, p)
	}
	if published.Len() != correct.EntryCount || len(publishedData) != 32*correct.EntryCount {
		return nil, fmt.Errorf("%w: the published tree has %d leaves, the round %d entries (a publication fraud)", ErrNoProof, published.Len(), correct.EntryCount)
	}
	k := correct.Offsets[p] + j
	providerProof, _ := correct.ProvidersTree.Proof(p)
	amountProof, _ := published.Proof(k)
	return &BadAllocation{
		Round:         new(big.Int).Set(round),
		Opening:       Opening(correct),
		Row:           Row(c, correct, p),
		ProviderProof: proofWords(providerProof),
		Entry:         big.NewInt(int64(j)),
		Amount:        new(big.Int).SetBytes(publishedData[32*k : 32*(k+1)]),
		AmountProof:   proofWords(amountProof),
	}, nil
}

// Calldata packs the proveBadAllocation call.
func (b *BadAllocation) Calldata() []byte {
	return avs.PackProveBadAllocation(b.Round, b.Opening, b.Row, b.ProviderProof, b.Entry, b.Amount, b.AmountProof)
}

// BadPublication is the argument list of proveBadPublication: the batch's
// allocation data and the commitment opening.
type BadPublication struct {
	Round          *big.Int
	AllocationData []byte
	Opening        bindings.DenominatorAllocationAVSCommitmentOpening
}

// NewBadPublication builds the bad-publication proof from the batch's
// allocation data and the round's recomputation.
func NewBadPublication(round *big.Int, correct *recompute.Result, publishedData []byte) *BadPublication {
	return &BadPublication{
		Round:          new(big.Int).Set(round),
		AllocationData: append([]byte(nil), publishedData...),
		Opening:        Opening(correct),
	}
}

// Calldata packs the proveBadPublication call.
func (b *BadPublication) Calldata() []byte {
	return avs.PackProveBadPublication(b.Round, b.AllocationData, b.Opening)
}
