package recompute

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// ProviderRow is one provider's part of a round as a coordinator holds it
// before publishing: its address, its capacity and its row.
type ProviderRow struct {
	Provider common.Address
	Capacity uint256.Int
	Row      Row
}

// NewRound lays providers out as section 9's objects determine them, as the
// whole-round file does: entryOffset by prefix sums, E the number of
// entries, and each header's entryCount and entriesRoot (bytes32(0) for an
// empty row). The rows are shared, not copied. Bounds and the rules of
// section 3 are not checked: a coordinator may publish a malformed round.
func NewRound(round *uint256.Int, providers []ProviderRow) *Round {
	r := &Round{Manifest: Manifest{Round: *round, Headers: make([]Header, len(providers))}, Rows: make([]Row, len(providers))}
	total := uint64(0)
	for p := range providers {
		pr := &providers[p]
		k := uint64(pr.Row.Len())
		r.Manifest.Headers[p] = Header{Provider: pr.Provider, Capacity: pr.Capacity, EntriesRoot: EntriesRoot(pr.Row)}
		r.Manifest.Headers[p].EntryOffset.SetUint64(total)
		r.Manifest.Headers[p].EntryCount.SetUint64(k)
		r.Rows[p] = pr.Row
		total += k
	}
	r.Manifest.E.SetUint64(total)
	return r
}

// CommitArgs returns what commitRound takes for the round's manifest: the
// providers root, P and E, and the commitment root the contract makes of them.
func (m *Manifest) CommitArgs() (providersRoot common.Hash, providerCount int, commitmentRoot common.Hash) {
	providersRoot = ProvidersTree(m.Headers).Root()
	return providersRoot, len(m.Headers), m.CommitmentRoot(providersRoot)
}
