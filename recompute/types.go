package recompute

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Bounds of PROTOCOL.md sections 2 and 3.
const (
	// MaxProviders is the most providers a round may have (commitRound).
	MaxProviders = 1024
	// MaxRowEntries is the most entries one provider row may hold
	// (rule entry-count); E <= MaxRowEntries * P.
	MaxRowEntries = 1024
	// MaxEntries is the most entries a round can hold: MaxRowEntries * MaxProviders.
	MaxEntries = MaxRowEntries * MaxProviders
	// MaxEntryProofLen is the longest entry-level proof verifyAllocation
	// accepts: depth(MaxRowEntries).
	MaxEntryProofLen = 10
	// PartSize is the number of headers of one manifest part (section 7.3)
	// when a round has more than PartSize providers.
	PartSize = 512
	// partLevel is the level of the providers tree whose nodes are the
	// manifest parts' roots: depth(PartSize).
	partLevel = 9
)

// Entry is one row entry: a provider's mutual-recognition weight for a
// recipient and that recipient's residual need this round.
type Entry struct {
	Recipient common.Address
	MR        uint256.Int
	Residual  uint256.Int
}

// Header is a provider's header in the manifest (ProviderHeader of section 3).
// EntryOffset and EntryCount are full words: a malformed manifest may hold any
// value there, and the rules judge them as written.
type Header struct {
	Provider    common.Address
	Capacity    uint256.Int
	EntryOffset uint256.Int
	EntryCount  uint256.Int
	EntriesRoot common.Hash
}

// NeedsRow reports whether the header's row has an object to fetch: a row
// with entryCount 0 and entriesRoot bytes32(0) needs none (section 9).
func (hd *Header) NeedsRow() bool {
	return !hd.EntryCount.IsZero() || hd.EntriesRoot != (common.Hash{})
}

// Manifest is a round's manifest object: abi.encode(uint256 round, uint256 E,
// ProviderHeader[] headers). Its key is the round's commitmentRoot.
type Manifest struct {
	Round   uint256.Int
	E       uint256.Int
	Headers []Header
}

// Row is one provider's row: the canonical encoding of its entries, 96 bytes
// each (abi.encode(address recipient, uint256 mr, uint256 residual) with a
// clean address word), as a row object and the whole-round file both carry
// them. The encoding is the leaf preimage, so a row is hashed without being
// re-encoded. A Row is only made by this package (DecodeRow, VerifyRow,
// NewRow, the round-file decoder), which guarantees its form.
type Row struct {
	b []byte
}

// NewRow encodes entries as a row.
func NewRow(entries []Entry) Row {
	b := make([]byte, len(entries)*entrySize)
	for j := range entries {
		putEntry(b[j*entrySize:], &entries[j])
	}
	return Row{b: b}
}

// Len returns the number of entries.
func (r Row) Len() int { return len(r.b) / entrySize }

// Entry returns entry j (0 <= j < Len()).
func (r Row) Entry(j int) Entry {
	w := r.b[j*entrySize : (j+1)*entrySize]
	var e Entry
	copy(e.Recipient[:], w[12:wordSize])
	e.MR.SetBytes32(w[wordSize : 2*wordSize])
	e.Residual.SetBytes32(w[2*wordSize : 3*wordSize])
	return e
}

// Entries returns every entry, freshly allocated.
func (r Row) Entries() []Entry {
	es := make([]Entry, r.Len())
	for j := range es {
		es[j] = r.Entry(j)
	}
	return es
}

// recipient returns the 20 address bytes of entry j.
func (r Row) recipient(j int) []byte {
	return r.b[j*entrySize+12 : j*entrySize+wordSize]
}

// word returns word w (0 recipient, 1 mr, 2 residual) of entry j.
func (r Row) word(j, w int) []byte {
	o := j*entrySize + w*wordSize
	return r.b[o : o+wordSize]
}

// Round is a whole round in memory: its manifest and every provider's row,
// as the whole-round file or the verified objects give it.
type Round struct {
	Manifest Manifest
	Rows     []Row
}
