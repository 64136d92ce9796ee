package contracts

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
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

// Header converts a manifest header.
func Header(h *recompute.Header) bindings.ProviderHeader {
	return bindings.ProviderHeader{
		Provider:    h.Provider,
		Capacity:    h.Capacity.ToBig(),
		EntryOffset: h.EntryOffset.ToBig(),
		EntryCount:  h.EntryCount.ToBig(),
		EntriesRoot: h.EntriesRoot,
	}
}

// Headers converts manifest headers.
func Headers(hs []recompute.Header) []bindings.ProviderHeader {
	out := make([]bindings.ProviderHeader, len(hs))
	for i := range hs {
		out[i] = Header(&hs[i])
	}
	return out
}

// EntryOf converts a row entry.
func EntryOf(e *recompute.Entry) bindings.Entry {
	return bindings.Entry{Recipient: e.Recipient, Mr: e.MR.ToBig(), Residual: e.Residual.ToBig()}
}

// Entries converts a row's entries.
func Entries(row recompute.Row) []bindings.Entry {
	out := make([]bindings.Entry, row.Len())
	for j := range out {
		e := row.Entry(j)
		out[j] = EntryOf(&e)
	}
	return out
}

// HeaderProofOf converts a header with its proof against providersRoot.
func HeaderProofOf(h *recompute.HeaderEvidence) bindings.HeaderProof {
	return bindings.HeaderProof{P: big.NewInt(int64(h.P)), Header: Header(&h.Header), Proof: words(h.Proof)}
}

// EntryProofOf converts an entry with its proof against its row's entriesRoot.
func EntryProofOf(e *recompute.EntryEvidence) bindings.EntryProof {
	return bindings.EntryProof{J: big.NewInt(int64(e.J)), Entry: EntryOf(&e.Entry), Proof: words(e.Proof)}
}

// words converts hashes to the bindings' bytes32 values.
func words(hs []common.Hash) [][32]byte {
	out := make([][32]byte, len(hs))
	for i := range hs {
		out[i] = hs[i]
	}
	return out
}

// u64 is a uint64 as a fresh *big.Int.
func u64(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
