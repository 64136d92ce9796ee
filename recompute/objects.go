package recompute

import (
	"encoding/binary"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// ObjectKind names a kind of data-availability object (section 9). Kinds have
// separate namespaces: the same key may name objects of two kinds.
type ObjectKind string

// The kinds, as they appear in transport paths ({base}/{kind}/{key}).
const (
	KindManifest    ObjectKind = "manifest"
	KindRow         ObjectKind = "row"
	KindAllocations ObjectKind = "allocations"
)

// ObjectKinds lists every kind.
var ObjectKinds = []ObjectKind{KindManifest, KindRow, KindAllocations}

const (
	// manifestHead is round, E, the offset of the headers and their count.
	manifestHead = 4 * wordSize
	// rowHead is the offset of the entries and their count.
	rowHead = 2 * wordSize
)

// Largest objects of a round within the bounds of section 3.
const (
	MaxManifestSize    = manifestHead + MaxProviders*headerSize
	MaxRowSize         = rowHead + MaxRowEntries*entrySize
	MaxAllocationsSize = MaxRowEntries * wordSize
)

// EncodeManifest returns abi.encode(uint256 round, uint256 E,
// ProviderHeader[] headers).
func EncodeManifest(m *Manifest) []byte {
	out := make([]byte, manifestHead+len(m.Headers)*headerSize)
	m.Round.PutUint256(out[0:])
	m.E.PutUint256(out[wordSize:])
	putInt(out[2*wordSize:], 3*wordSize)
	putInt(out[3*wordSize:], len(m.Headers))
	for p := range m.Headers {
		putHeader(out[manifestHead+p*headerSize:], &m.Headers[p])
	}
	return out
}

// DecodeManifest decodes a manifest object strictly: the bytes must be
// exactly the canonical encoding of the value they decode to (ErrEncoding).
// It does not check the key; see VerifyManifest.
func DecodeManifest(data []byte) (*Manifest, error) {
	n := len(data)
	if n < manifestHead || n%wordSize != 0 {
		return nil, fmt.Errorf("manifest of %d bytes: %w (a whole number of words, at least %d bytes)", n, ErrEncoding, manifestHead)
	}
	if off, ok := smallWord(data[2*wordSize:]); !ok || off != 3*wordSize {
		return nil, fmt.Errorf("manifest: %w: the offset of the headers is not 0x60", ErrEncoding)
	}
	count, ok := smallWord(data[3*wordSize:])
	if !ok || count != uint64(n-manifestHead)/headerSize || (n-manifestHead)%headerSize != 0 {
		return nil, fmt.Errorf("manifest of %d bytes: %w: it does not hold the %s headers it counts", n, ErrEncoding, wordString(data[3*wordSize:]))
	}
	m := &Manifest{Headers: make([]Header, count)}
	m.Round.SetBytes32(data[0:wordSize])
	m.E.SetBytes32(data[wordSize : 2*wordSize])
	for p := range m.Headers {
		w := data[manifestHead+p*headerSize:]
		if !cleanAddress(w) {
			return nil, fmt.Errorf("manifest header %d: %w: the provider word has non-zero upper bytes", p, ErrEncoding)
		}
		hd := &m.Headers[p]
		copy(hd.Provider[:], w[12:wordSize])
		hd.Capacity.SetBytes32(w[wordSize : 2*wordSize])
		hd.EntryOffset.SetBytes32(w[2*wordSize : 3*wordSize])
		hd.EntryCount.SetBytes32(w[3*wordSize : 4*wordSize])
		copy(hd.EntriesRoot[:], w[4*wordSize:5*wordSize])
	}
	return m, nil
}

// VerifyManifest decodes a manifest object and checks that it rebuilds key,
// the round's commitmentRoot. It returns the manifest and its providers tree.
func VerifyManifest(key common.Hash, data []byte) (*Manifest, *Tree, error) {
	m, err := DecodeManifest(data)
	if err != nil {
		return nil, nil, err
	}
	t := ProvidersTree(m.Headers)
	if got := m.CommitmentRoot(t.Root()); got != key {
		return nil, nil, fmt.Errorf("manifest %s: %w (it gives %s)", key.Hex(), ErrKeyMismatch, got.Hex())
	}
	return m, t, nil
}

// CommitmentRoot returns the manifest's commitmentRoot given its providersRoot.
func (m *Manifest) CommitmentRoot(providersRoot common.Hash) common.Hash {
	return CommitmentRoot(&m.Round, providersRoot, len(m.Headers), &m.E)
}

// Bytes returns the row object: abi.encode(Entry[] entries).
func (r Row) Bytes() []byte {
	out := make([]byte, rowHead+len(r.b))
	putInt(out, wordSize)
	putInt(out[wordSize:], r.Len())
	copy(out[rowHead:], r.b)
	return out
}

// DecodeRow decodes a row object strictly (ErrEncoding). The row aliases
// data, which must not change afterwards.
func DecodeRow(data []byte) (Row, error) {
	n := len(data)
	if n < rowHead || n%wordSize != 0 {
		return Row{}, fmt.Errorf("row of %d bytes: %w (a whole number of words, at least %d bytes)", n, ErrEncoding, rowHead)
	}
	if off, ok := smallWord(data); !ok || off != wordSize {
		return Row{}, fmt.Errorf("row: %w: the offset of the entries is not 0x20", ErrEncoding)
	}
	count, ok := smallWord(data[wordSize:])
	if !ok || count != uint64(n-rowHead)/entrySize || (n-rowHead)%entrySize != 0 {
		return Row{}, fmt.Errorf("row of %d bytes: %w: it does not hold the %s entries it counts", n, ErrEncoding, wordString(data[wordSize:]))
	}
	r := Row{b: data[rowHead:]}
	for j := range int(count) {
		if !cleanAddress(r.word(j, 0)) {
			return Row{}, fmt.Errorf("row entry %d: %w: the recipient word has non-zero upper bytes", j, ErrEncoding)
		}
	}
	return r, nil
}

// VerifyRow decodes the row object of header hd and checks that it holds
// exactly entryCount entries and rebuilds entriesRoot. A header with
// entryCount 0 and entriesRoot 0 needs no object (data is ignored); one with
// entryCount 0 and another root can never be verified.
func VerifyRow(hd *Header, data []byte) (Row, error) {
	if !hd.NeedsRow() {
		return Row{}, nil
	}
	r, err := decodeRowFor(hd, data)
	if err != nil {
		return Row{}, err
	}
	if got := EntriesRoot(r); got != hd.EntriesRoot {
		return Row{}, fmt.Errorf("row %s: %w (it gives %s)", hd.EntriesRoot.Hex(), ErrKeyMismatch, got.Hex())
	}
	return r, nil
}

// decodeRowFor decodes the row object of hd and checks its entry count; the
// root is left to the caller.
func decodeRowFor(hd *Header, data []byte) (Row, error) {
	r, err := DecodeRow(data)
	if err != nil {
		return Row{}, err
	}
	if !hd.EntryCount.IsUint64() || hd.EntryCount.Uint64() != uint64(r.Len()) {
		return Row{}, fmt.Errorf("row %s: %w: it holds %d entries, the header says %s", hd.EntriesRoot.Hex(), ErrEntryCount, r.Len(), hd.EntryCount.Dec())
	}
	return r, nil
}

// EncodeAllocations returns abi.encodePacked(uint256 amount_0, ..., amount_{k-1}).
func EncodeAllocations(amounts []uint256.Int) []byte {
	out := make([]byte, len(amounts)*wordSize)
	for j := range amounts {
		amounts[j].PutUint256(out[j*wordSize:])
	}
	return out
}

// VerifyAllocations checks an allocations object against its key, the
// providerAllocRoot a batch claims for provider's row, and returns the
// amounts: exactly 32 bytes per entry of row (ErrEntryCount), rebuilding the
// key with the row's provider and recipients (ErrKeyMismatch).
func VerifyAllocations(key common.Hash, provider common.Address, row Row, data []byte) ([]uint256.Int, error) {
	if len(data) != row.Len()*wordSize {
		return nil, fmt.Errorf("allocations %s of %d bytes: %w: the row has %d entries", key.Hex(), len(data), ErrEntryCount, row.Len())
	}
	amounts := make([]uint256.Int, row.Len())
	for j := range amounts {
		amounts[j].SetBytes32(data[j*wordSize : (j+1)*wordSize])
	}
	if got := ProviderAllocRoot(provider, row, amounts); got != key {
		return nil, fmt.Errorf("allocations %s: %w (they give %s)", key.Hex(), ErrKeyMismatch, got.Hex())
	}
	return amounts, nil
}

// ObjectPath returns the path of an object below a source's base, as the
// transport and a static host lay it out: {kind}/{key}, the key as 0x and 64
// lowercase hex digits.
func ObjectPath(kind ObjectKind, key common.Hash) string {
	return string(kind) + "/" + key.Hex()
}

// smallWord returns a 32-byte big-endian word as a uint64 if it fits.
func smallWord(w []byte) (uint64, bool) {
	for _, b := range w[:24] {
		if b != 0 {
			return 0, false
		}
	}
	return binary.BigEndian.Uint64(w[24:32]), true
}

func cleanAddress(w []byte) bool {
	for _, b := range w[:12] {
		if b != 0 {
			return false
		}
	}
	return true
}

func wordString(w []byte) string {
	var v uint256.Int
	v.SetBytes32(w[:wordSize])
	return v.Dec()
}
