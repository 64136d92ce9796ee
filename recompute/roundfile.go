package recompute

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// The whole-round file (section 9, v1's commitment data) is
// abi.encode(uint256 round, (address provider, uint256 capacity, Entry[] entries)[]).
const (
	// fileHead is round, the offset of the providers and their count.
	fileHead = 3 * wordSize
	// tupleHead is a provider tuple's address, capacity, entries offset and
	// entry count.
	tupleHead = 4 * wordSize
)

// MaxRoundFileSize is the size of the largest whole-round file of a round
// within the bounds (1024 providers, 1024 entries each). Longer input is not
// a round commitRound could accept; it is refused unread (ErrTooLarge).
const MaxRoundFileSize = fileHead + MaxProviders*(wordSize+tupleHead) + MaxEntries*entrySize

// RoundFileSize returns the length of the whole-round file of a round with
// the given numbers of providers and entries.
func RoundFileSize(providers, entries int) int {
	return fileHead + providers*(wordSize+tupleHead) + entries*entrySize
}

// EncodeRoundFile returns the whole-round file of r: the round, and per
// provider its address, capacity and row. Offsets, counts and entries roots
// of r's headers are not written (the file determines them).
func EncodeRoundFile(r *Round) []byte {
	hs := r.Manifest.Headers
	total := 0
	for p := range r.Rows {
		total += r.Rows[p].Len()
	}
	out := make([]byte, RoundFileSize(len(hs), total))
	r.Manifest.Round.PutUint256(out)
	putInt(out[wordSize:], 2*wordSize)
	putInt(out[2*wordSize:], len(hs))
	off := len(hs) * wordSize
	for p := range hs {
		putInt(out[fileHead+p*wordSize:], off)
		t := out[fileHead+off:]
		copy(t[12:wordSize], hs[p].Provider[:])
		hs[p].Capacity.PutUint256(t[wordSize:])
		putInt(t[2*wordSize:], 3*wordSize)
		putInt(t[3*wordSize:], r.Rows[p].Len())
		copy(t[tupleHead:], r.Rows[p].b)
		off += tupleHead + len(r.Rows[p].b)
	}
	return out
}

// DecodeRoundFile decodes a whole-round file strictly (ErrEncoding,
// ErrTooLarge) and derives the manifest it determines: E the number of
// entries, entryOffset by prefix sums, entryCount and entriesRoot of each
// row. The rows alias data, which must not change afterwards. Bounds and the
// rules of section 3 are not checked here (see EvaluateRoundFile).
func DecodeRoundFile(data []byte) (*Round, error) {
	r, err := decodeRoundFile(data)
	if err != nil {
		return nil, err
	}
	h := crypto.NewKeccakState()
	for p := range r.Rows {
		leaves := make([]common.Hash, r.Rows[p].Len())
		r.Manifest.Headers[p].EntriesRoot = entriesRoot(h, r.Rows[p], leaves)
	}
	return r, nil
}

// decodeRoundFile is DecodeRoundFile without the entries roots, which the
// evaluation computes on every core.
func decodeRoundFile(data []byte) (*Round, error) {
	P, err := walkRoundFile(data)
	if err != nil {
		return nil, err
	}
	r := &Round{Manifest: Manifest{Headers: make([]Header, P)}, Rows: make([]Row, P)}
	r.Manifest.Round.SetBytes32(data[:wordSize])
	total := uint64(0)
	for p := range P {
		off, _ := smallWord(data[fileHead+p*wordSize:])
		t := data[fileHead+off:]
		k, _ := smallWord(t[3*wordSize:])
		hd := &r.Manifest.Headers[p]
		copy(hd.Provider[:], t[12:wordSize])
		hd.Capacity.SetBytes32(t[wordSize : 2*wordSize])
		hd.EntryOffset.SetUint64(total)
		hd.EntryCount.SetUint64(k)
		r.Rows[p] = Row{b: t[tupleHead : tupleHead+int(k)*entrySize]}
		total += k
	}
	r.Manifest.E.SetUint64(total)
	return r, nil
}

// walkRoundFile checks the canonical layout of a whole-round file without
// allocating and returns the number of providers. Every count is checked
// against the bytes that remain before it is used.
func walkRoundFile(data []byte) (int, error) {
	n := len(data)
	switch {
	case n > MaxRoundFileSize:
		return 0, fmt.Errorf("round file of %d bytes: %w (the largest round is %d bytes)", n, ErrTooLarge, MaxRoundFileSize)
	case n < fileHead || n%wordSize != 0:
		return 0, fmt.Errorf("round file of %d bytes: %w (a whole number of words, at least %d bytes)", n, ErrEncoding, fileHead)
	}
	if off, ok := smallWord(data[wordSize:]); !ok || off != 2*wordSize {
		return 0, fmt.Errorf("round file: %w: the offset of the providers is not 0x40", ErrEncoding)
	}
	count, ok := smallWord(data[2*wordSize:])
	if !ok || count > uint64(n-fileHead)/(wordSize+tupleHead) {
		return 0, fmt.Errorf("round file of %d bytes: %w: it cannot hold the %s providers it counts", n, ErrEncoding, wordString(data[2*wordSize:]))
	}
	P := int(count)
	next := P * wordSize // canonical offset of the next tuple, after the head words
	for p := range P {
		k, err := walkTuple(data, p, next)
		if err != nil {
			return 0, err
		}
		next += tupleHead + k*entrySize
	}
	if fileHead+next != n {
		return 0, fmt.Errorf("round file: %w: %d bytes follow the last provider", ErrEncoding, n-fileHead-next)
	}
	return P, nil
}

// walkTuple checks provider p's tuple, expected at offset off, and returns its
// entry count.
func walkTuple(data []byte, p, off int) (int, error) {
	n := len(data)
	if got, ok := smallWord(data[fileHead+p*wordSize:]); !ok || got != uint64(off) {
		return 0, fmt.Errorf("round file provider %d: %w: the tuple's offset is not %#x", p, ErrEncoding, off)
	}
	t := fileHead + off
	if t+tupleHead > n {
		return 0, fmt.Errorf("round file provider %d: %w: the tuple runs past the end", p, ErrEncoding)
	}
	if !cleanAddress(data[t:]) {
		return 0, fmt.Errorf("round file provider %d: %w: the address word has non-zero upper bytes", p, ErrEncoding)
	}
	if o, ok := smallWord(data[t+2*wordSize:]); !ok || o != 3*wordSize {
		return 0, fmt.Errorf("round file provider %d: %w: the offset of the entries is not 0x60", p, ErrEncoding)
	}
	k, ok := smallWord(data[t+3*wordSize:])
	if !ok || k > uint64(n-t-tupleHead)/entrySize {
		return 0, fmt.Errorf("round file provider %d: %w: the data cannot hold the %s entries it counts", p, ErrEncoding, wordString(data[t+3*wordSize:]))
	}
	e := t + tupleHead
	for j := range int(k) {
		if !cleanAddress(data[e+j*entrySize:]) {
			return 0, fmt.Errorf("round file provider %d entry %d: %w: the recipient word has non-zero upper bytes", p, j, ErrEncoding)
		}
	}
	return int(k), nil
}

// Object is one data-availability object: its kind, its key and its bytes.
type Object struct {
	Kind ObjectKind
	Key  common.Hash
	Data []byte
}

// Objects returns what a coordinator publishes for r (section 9): the
// manifest, keyed by the commitment root, then each row object once per
// key, in provider order. Empty rows with a zero root need no object. r's
// headers must carry their entries roots (DecodeRoundFile's do).
func (r *Round) Objects() []Object {
	m := &r.Manifest
	objects := []Object{{Kind: KindManifest, Key: m.CommitmentRoot(ProvidersTree(m.Headers).Root()), Data: EncodeManifest(m)}}
	seen := map[common.Hash]bool{}
	for p := range m.Headers {
		key := m.Headers[p].EntriesRoot
		if seen[key] || !m.Headers[p].NeedsRow() {
			continue
		}
		seen[key] = true
		objects = append(objects, Object{Kind: KindRow, Key: key, Data: r.Rows[p].Bytes()})
	}
	return objects
}
