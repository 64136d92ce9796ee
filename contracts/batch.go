package contracts

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
)

// Domain is where batches are signed: the chain id and the AVS's address,
// which every batch message binds (PROTOCOL.md section 6).
type Domain struct {
	ChainID *big.Int
	AVS     common.Address
}

// BatchSpec is what a batch claims: the round and its attempt (the number of
// the round's batches voided so far), the round's commitmentRoot and one
// providerAllocRoot per provider.
type BatchSpec struct {
	Domain
	Round, Attempt     uint64
	CommitmentRoot     common.Hash
	ProviderAllocRoots []common.Hash
}

// HonestSpec is the batch a well-formed round's recomputation determines.
func HonestSpec(d Domain, res *recompute.Result, attempt uint64) BatchSpec {
	return BatchSpec{
		Domain:             d,
		Round:              res.Manifest.Round.Uint64(),
		Attempt:            attempt,
		CommitmentRoot:     res.CommitmentRoot,
		ProviderAllocRoots: res.ProviderAllocRoots,
	}
}

// AllocationRoot returns keccak256(abi.encode(commitmentRoot, allocTreeRoot)).
func (s BatchSpec) AllocationRoot() common.Hash {
	return recompute.AllocationRoot(s.CommitmentRoot, recompute.NewTree(s.ProviderAllocRoots).Root())
}

// Message returns the hash the signers sign: batchMessage(round, attempt,
// allocationRoot) on the spec's chain and AVS.
func (s BatchSpec) Message() common.Hash {
	var chainID uint256.Int
	chainID.SetFromBig(s.ChainID)
	return recompute.BatchMessage(&chainID, s.AVS, uint256.NewInt(s.Round), uint256.NewInt(s.Attempt), s.AllocationRoot())
}

// Signer is an operator that signs a batch: its index in the registry and its key.
type Signer struct {
	Index int
	Key   *bls.SecretKey
}

// Batch is the argument list of submitAllocationBatch.
type Batch struct {
	Round, Attempt     *big.Int
	ProviderAllocRoots [][32]byte
	SignerBitmap       *big.Int
	ApkG2              bindings.BN254G2Point
	Sigma              bindings.BN254G1Point
}

// ErrSigners reports a signer set that cannot make a batch.
var ErrSigners = errors.New("bad signer set")

// SignBatch has every signer sign the spec's message and aggregates the
// signatures and the signers' pkG2. The contract reads every other key from
// its registry, so nothing about non-signers is needed.
func SignBatch(spec BatchSpec, signers []Signer) (*Batch, error) {
	if len(signers) == 0 {
		return nil, fmt.Errorf("%w: no signers", ErrSigners)
	}
	msg := spec.Message()
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
	return &Batch{
		Round:              u64(spec.Round),
		Attempt:            u64(spec.Attempt),
		ProviderAllocRoots: words(spec.ProviderAllocRoots),
		SignerBitmap:       bitmap,
		ApkG2:              G2(apkG2),
		Sigma:              G1(sigma),
	}, nil
}

// Calldata packs the submitAllocationBatch call.
func (b *Batch) Calldata() []byte {
	return avs.PackSubmitAllocationBatch(b.Round, b.Attempt, b.ProviderAllocRoots, b.SignerBitmap, b.ApkG2, b.Sigma)
}

// RegisterCalldata packs registerOperator: the operator's keys and
// its proof of possession for this domain.
func RegisterCalldata(d Domain, operator common.Address, key *bls.SecretKey) []byte {
	pop := key.ProvePossession(d.ChainID, d.AVS, operator)
	return avs.PackRegisterOperator(G1(key.PublicG1()), G2(key.PublicG2()), G1(pop))
}
