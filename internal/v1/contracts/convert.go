package contracts

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/internal/v1/contracts/bindings"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// G1 converts a bls point to the binding's struct (fresh big.Ints).
func G1(p bls.G1Point) bindings.BN254G1Point {
	w := p.Words()
	return bindings.BN254G1Point{X: w[0], Y: w[1]}
}

// G2 converts a bls point to the binding's struct, EIP-197 order.
func G2(p bls.G2Point) bindings.BN254G2Point {
	w := p.Words()
	return bindings.BN254G2Point{X: [2]*big.Int{w[0], w[1]}, Y: [2]*big.Int{w[2], w[3]}}
}

// Entries converts a provider row's entries.
func Entries(es []recompute.Entry) []bindings.AllocationMathEntry {
	out := make([]bindings.AllocationMathEntry, len(es))
	for i := range es {
		out[i] = bindings.AllocationMathEntry{
			Recipient: es[i].Recipient,
			Mr:        es[i].MR.ToBig(),
			Residual:  es[i].Residual.ToBig(),
		}
	}
	return out
}

// Opening is the opening of a round's commitmentRoot: (providersRoot, P, E).
func Opening(res *recompute.Result) bindings.DenominatorAllocationAVSCommitmentOpening {
	return bindings.DenominatorAllocationAVSCommitmentOpening{
		ProvidersRoot: res.ProvidersRoot,
		ProviderCount: big.NewInt(int64(res.ProviderCount)),
		EntryCount:    big.NewInt(int64(res.EntryCount)),
	}
}

// Row is provider p's full row as its provider leaf commits it.
func Row(c *recompute.Commitments, res *recompute.Result, p int) bindings.DenominatorAllocationAVSProviderRow {
	prov := &c.Providers[p]
	return bindings.DenominatorAllocationAVSProviderRow{
		Index:       big.NewInt(int64(p)),
		Provider:    prov.Address,
		Capacity:    prov.Capacity.ToBig(),
		EntryOffset: big.NewInt(int64(res.Offsets[p])),
		Entries:     Entries(prov.Entries),
	}
}

func proofWords(proof []common.Hash) [][32]byte {
	out := make([][32]byte, len(proof))
	for i := range proof {
		out[i] = proof[i]
	}
	return out
}
