package recompute

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Bounds of PROTOCOL.md section 3.
const (
	MaxProviders          = 1 << 16 // providers per round
	MaxEntriesPerProvider = 1024    // entries per provider row
	MaxEntries            = 1 << 24 // entries per round
)

// Entry is one row entry: a provider's mutual-recognition weight for a
// recipient and that recipient's residual need this round.
type Entry struct {
	Recipient common.Address
	MR        uint256.Int
	Residual  uint256.Int
}

// Provider is one provider's row.
type Provider struct {
	Address  common.Address
	Capacity uint256.Int
	Entries  []Entry
}

// Commitments is a round's decoded commitment data:
// abi.encode(uint256 round, Provider[] providers).
type Commitments struct {
	Round     uint256.Int
	Providers []Provider
}

// EntryCount returns E, the number of entries of all providers.
func (c *Commitments) EntryCount() int {
	n := 0
	for i := range c.Providers {
		n += len(c.Providers[i].Entries)
	}
	return n
}

// Offsets returns entryOffset_p for every provider p: the global index of the
// provider's first entry. The slice is freshly allocated.
func (c *Commitments) Offsets() []int {
	offs := make([]int, len(c.Providers))
	n := 0
	for i := range c.Providers {
		offs[i] = n
		n += len(c.Providers[i].Entries)
	}
	return offs
}
