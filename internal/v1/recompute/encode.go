package recompute

import (
	"encoding/binary"
)

// EncodedSize returns the length of Encode's output for a round with the
// given numbers of providers and entries.
func EncodedSize(providers, entries int) int {
	return minData + providers*(wordSize+headSize) + entries*entrySize
}

// Encode returns the canonical ABI encoding of c,
// abi.encode(uint256 round, Provider[] providers): the bytes a coordinator
// posts and Decode accepts. It encodes whatever c holds, valid or not.
func Encode(c *Commitments) []byte {
	out := make([]byte, EncodedSize(len(c.Providers), c.EntryCount()))
	c.Round.PutUint256(out[0:wordSize])
	putInt(out[wordSize:], 2*wordSize)
	putInt(out[2*wordSize:], len(c.Providers))
	const base = minData
	off := len(c.Providers) * wordSize
	for i := range c.Providers {
		p := &c.Providers[i]
		putInt(out[base+i*wordSize:], off)
		t := base + off
		copy(out[t+12:t+wordSize], p.Address[:])
		p.Capacity.PutUint256(out[t+wordSize : t+2*wordSize])
		putInt(out[t+2*wordSize:], 3*wordSize)
		putInt(out[t+3*wordSize:], len(p.Entries))
		e := t + headSize
		for j := range p.Entries {
			putEntry(out[e:e+entrySize], &p.Entries[j])
			e += entrySize
		}
		off += headSize + len(p.Entries)*entrySize
	}
	return out
}

func putEntry(dst []byte, e *Entry) {
	clear(dst[:12])
	copy(dst[12:wordSize], e.Recipient[:])
	e.MR.PutUint256(dst[wordSize : 2*wordSize])
	e.Residual.PutUint256(dst[2*wordSize : 3*wordSize])
}

// putInt writes a non-negative int as a 32-byte big-endian word.
func putInt(dst []byte, v int) {
	clear(dst[:24])
	binary.BigEndian.PutUint64(dst[24:32], uint64(v))
}
