package contracts

import (
	"errors"
	"fmt"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/internal/v1/contracts/bindings"
)

// Signer is an operator that signs a batch: its index in the registry and its key.
type Signer struct {
	Index int
	Key   *bls.SecretKey
}

// Batch is the argument list of submitAllocationBatch.
type Batch struct {
	Round          *big.Int
	AllocTreeRoot  [32]byte
	AllocationData []byte
	SignerBitmap   *big.Int
	ApkG2          bindings.BN254G2Point
	Sigma          bindings.BN254G1Point
	NonSignerPks   []bindings.BN254G1Point
}

// ErrSigners reports a signer set that cannot make a batch.
var ErrSigners = errors.New("bad signer set")

// SignBatch has every signer sign the batch message of (chainID, avs, round,
// allocationRoot) and aggregates the signatures. active maps the index of
// every active operator to its registered pkG1: the operators in active but
// not among the signers are the non-signers, whose keys the contract subtracts.
func SignBatch(chainID *big.Int, avsAddr common.Address, round *big.Int, allocTreeRoot, allocationRoot [32]byte, allocationData []byte, signers []Signer, active map[int]bls.G1Point) (*Batch, error) {
	if len(signers) == 0 {
		return nil, fmt.Errorf("%w: no signers", ErrSigners)
	}
	msg := bls.BatchMessage(chainID, avsAddr, round, allocationRoot)
	bitmap := new(big.Int)
	sigs := make([]bls.G1Point, 0, len(signers))
	pks := make([]bls.G2Point, 0, len(signers))
	for _, s := range signers {
		if s.Index < 0 || s.Index >= 256 || bitmap.Bit(s.Index) == 1 {
			return nil, fmt.Errorf("%w: index %d out of range or repeated", ErrSigners, s.Index)
		}
		bitmap.SetBit(bitmap, s.Index, 1)
		sigs = append(sigs, s.Key.Sign(msg))
		pks = append(pks, s.Key.PublicG2())
	}
	sigma, err := bls.AggregateG1(sigs...)
	if err != nil {
		return nil, fmt.Errorf("aggregate signatures: %w", err)
	}
	apkG2, err := bls.AggregateG2(pks...)
	if err != nil {
		return nil, fmt.Errorf("aggregate keys: %w", err)
	}
	indices := make([]int, 0, len(active))
	for i := range active {
		if bitmap.Bit(i) == 0 {
			indices = append(indices, i)
		}
	}
	sort.Ints(indices)
	nonSigners := make([]bindings.BN254G1Point, len(indices))
	for n, i := range indices {
		nonSigners[n] = G1(active[i])
	}
	return &Batch{
		Round:          new(big.Int).Set(round),
		AllocTreeRoot:  allocTreeRoot,
		AllocationData: allocationData,
		SignerBitmap:   bitmap,
		ApkG2:          G2(apkG2),
		Sigma:          G1(sigma),
		NonSignerPks:   nonSigners,
	}, nil
}

// Calldata packs the submitAllocationBatch call.
func (b *Batch) Calldata() []byte {
	return avs.PackSubmitAllocationBatch(b.Round, b.AllocTreeRoot, b.AllocationData, b.SignerBitmap, b.ApkG2, b.Sigma, b.NonSignerPks)
}
