package recompute

import (
	"encoding/binary"

	"github.com/holiman/uint256"
)

const (
	wordSize = 32
	// headSize is the fixed part of an encoded Provider tuple: address,
	// capacity, offset of entries, length of entries.
	headSize  = 4 * wordSize
	entrySize = 3 * wordSize
	// minData is round, offset of providers, length of providers.
	minData = 3 * wordSize
)

// MaxEncodedSize is the length of the largest well-formed commitment data
// (65536 providers, 2^24 entries): about 1.6 GB. Longer data is refused
// unread with rule "abi".
var MaxEncodedSize = EncodedSize(MaxProviders, MaxEntries)

// Decode decodes commitment data, abi.encode(uint256 round, Provider[]
// providers), strictly: the data must be exactly the canonical ABI encoding
// of the value it decodes to (canonical offsets, clean address words, no
// trailing bytes), or Decode fails with rule "abi".
//
// Every length is checked against the remaining input and against the bounds
// of section 3 before any memory is allocated for it, so hostile input cannot
// make Decode allocate more than a small multiple of len(data). The size
// rules are reported as they are met while walking the data:
// "provider-count", "entry-count" and "total-entries" (a length that the
// data cannot even hold is "abi").
//
// Decode does not check the other rules; call Validate for those.
func Decode(data []byte) (*Commitments, error) {
	nProviders, nEntries, err := walk(data)
	if err != nil {
		return nil, err
	}
	c := &Commitments{Providers: make([]Provider, nProviders)}
	entries := make([]Entry, nEntries)
	c.Round.SetBytes32(data[0:wordSize])

	const base = minData
	next := 0
	for i := range c.Providers {
		t := base + int(binary.BigEndian.Uint64(data[base+i*wordSize+24:]))
		p := &c.Providers[i]
		copy(p.Address[:], data[t+12:t+wordSize])
		p.Capacity.SetBytes32(data[t+wordSize : t+2*wordSize])
		k := int(binary.BigEndian.Uint64(data[t+3*wordSize+24:]))
		p.Entries = entries[next : next+k : next+k]
		next += k
		e := t + headSize
		for j := range p.Entries {
			en := &p.Entries[j]
			copy(en.Recipient[:], data[e+12:e+wordSize])
			en.MR.SetBytes32(data[e+wordSize : e+2*wordSize])
			en.Residual.SetBytes32(data[e+2*wordSize : e+3*wordSize])
			e += entrySize
		}
	}
	return c, nil
}

// walk checks the canonical layout of data without allocating and returns the
// number of providers and entries.
func walk(data []byte) (nProviders, nEntries int, err error) {
	n := len(data)
	if n > MaxEncodedSize {
		return 0, 0, malformed(RuleABI, "data is %d bytes, longer than the largest well-formed encoding (%d bytes)", n, MaxEncodedSize)
	}
	if n%wordSize != 0 {
		return 0, 0, malformed(RuleABI, "data is %d bytes, not a whole number of 32-byte words", n)
	}
	if n < minData {
		return 0, 0, malformed(RuleABI, "data is %d bytes, shorter than the 96-byte minimum (round, offset, provider count)", n)
	}
	if off, ok := smallWord(data[wordSize:]); !ok || off != 2*wordSize {
		return 0, 0, malformed(RuleABI, "offset of the providers array is not the canonical 0x40")
	}
	const base = minData
	count, ok := smallWord(data[2*wordSize:])
	// Every provider needs a head word and a tuple of at least headSize.
	if !ok || count > uint64(n-base)/(wordSize+headSize) {
		return 0, 0, malformed(RuleABI, "provider count %s does not fit in %d bytes of data", wordString(data[2*wordSize:]), n)
	}
	if count == 0 {
		return 0, 0, malformed(RuleProviderCount, "the round has no providers (at least 1 is required)")
	}
	if count > MaxProviders {
		return 0, 0, malformed(RuleProviderCount, "the round has %d providers, more than the %d allowed", count, MaxProviders)
	}
	P := int(count)
	expected := P * wordSize // canonical offset of the next tuple, relative to base
	total := 0
	for i := 0; i < P; i++ {
		off, ok := smallWord(data[base+i*wordSize:])
		if !ok || off != uint64(expected) {
			return 0, 0, malformed(RuleABI, "provider %d: tuple offset is not the canonical %#x", i, expected)
		}
		t := base + expected
		if t+headSize > n {
			return 0, 0, malformed(RuleABI, "provider %d: tuple runs past the end of the data", i)
		}
		if !cleanAddress(data[t:]) {
			return 0, 0, malformed(RuleABI, "provider %d: address word has non-zero upper 12 bytes", i)
		}
		if off, ok := smallWord(data[t+2*wordSize:]); !ok || off != 3*wordSize {
			return 0, 0, malformed(RuleABI, "provider %d: offset of entries is not the canonical 0x60", i)
		}
		k, ok := smallWord(data[t+3*wordSize:])
		if !ok || k > uint64(n-t-headSize)/entrySize {
			return 0, 0, malformed(RuleABI, "provider %d: entry count %s does not fit in the data", i, wordString(data[t+3*wordSize:]))
		}
		if k > MaxEntriesPerProvider {
			return 0, 0, malformed(RuleEntryCount, "provider %d has %d entries, more than the %d allowed", i, k, MaxEntriesPerProvider)
		}
		total += int(k)
		if total > MaxEntries {
			return 0, 0, malformed(RuleTotalEntries, "the round has more than %d entries", MaxEntries)
		}
		e := t + headSize
		for j := 0; j < int(k); j++ {
			if !cleanAddress(data[e:]) {
				return 0, 0, malformed(RuleABI, "provider %d entry %d: recipient word has non-zero upper 12 bytes", i, j)
			}
			e += entrySize
		}
		expected += headSize + int(k)*entrySize
	}
	if base+expected != n {
		return 0, 0, malformed(RuleABI, "%d trailing bytes after the encoded providers", n-base-expected)
	}
	return P, total, nil
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
