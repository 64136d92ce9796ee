package recompute

import (
	"bytes"
	"math/rand/v2"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// genParams shapes a random round.
type genParams struct {
	providers  int
	perRow     int // maximum entries per provider
	recipients int // size of the recipient pool
	emptyRows  bool
	edgeValues bool // mix in 0, 1 and the maximal values of each range
}

// randomBelowBits returns a value below 2^bits, often an edge value when edge.
func randomBelowBits(rng *rand.Rand, bits uint, edge bool) uint256.Int {
	var v uint256.Int
	if edge {
		switch rng.IntN(8) {
		case 0:
			return v // 0
		case 1:
			v.SetOne()
			return v
		case 2:
			v.SetOne()
			v.Lsh(&v, bits)
			v.SubUint64(&v, 1) // 2^bits - 1
			return v
		}
	}
	n := 1 + rng.UintN(bits) // random magnitude, so small values are common too
	v = uint256.Int{rng.Uint64(), rng.Uint64(), rng.Uint64(), rng.Uint64()}
	var mask uint256.Int
	mask.SetOne()
	mask.Lsh(&mask, n)
	mask.SubUint64(&mask, 1)
	v.And(&v, &mask)
	return v
}

func randomAddress(rng *rand.Rand) common.Address {
	var a common.Address
	for i := 0; i < len(a); i += 8 {
		u := rng.Uint64()
		for j := 0; j < 8 && i+j < len(a); j++ {
			a[i+j] = byte(u >> (8 * j))
		}
	}
	if a == (common.Address{}) {
		a[19] = 1
	}
	return a
}

func sortedAddresses(rng *rand.Rand, n int) []common.Address {
	seen := make(map[common.Address]bool, n)
	out := make([]common.Address, 0, n)
	for len(out) < n {
		a := randomAddress(rng)
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	return out
}

// genRound makes a well-formed round: sorted unique providers and
// recipients, values in range, one residual per recipient.
func genRound(rng *rand.Rand, round uint64, gp genParams) *Commitments {
	pool := sortedAddresses(rng, max(gp.recipients, gp.perRow))
	residual := make([]uint256.Int, len(pool))
	for i := range residual {
		residual[i] = randomBelowBits(rng, 128, gp.edgeValues)
	}
	c := &Commitments{Providers: make([]Provider, gp.providers)}
	c.Round.SetUint64(round)
	for p, addr := range sortedAddresses(rng, gp.providers) {
		k := gp.perRow
		if gp.emptyRows {
			k = rng.IntN(gp.perRow + 1)
		}
		pick := rng.Perm(len(pool))[:k]
		slices.Sort(pick)
		prov := Provider{Address: addr, Capacity: randomBelowBits(rng, 128, gp.edgeValues), Entries: make([]Entry, k)}
		for j, i := range pick {
			mr := randomBelowBits(rng, 64, gp.edgeValues)
			if mr.IsZero() {
				mr.SetOne()
			}
			prov.Entries[j] = Entry{Recipient: pool[i], MR: mr, Residual: residual[i]}
		}
		c.Providers[p] = prov
	}
	return c
}
