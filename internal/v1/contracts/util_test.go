package contracts

import (
	"bytes"
	"math/rand/v2"
	"slices"

	"github.com/ethereum/go-ethereum/common"
)

func sortedAddrs(rng *rand.Rand, n int) []common.Address {
	seen := map[common.Address]bool{}
	var out []common.Address
	for len(out) < n {
		var a common.Address
		for i := range a {
			a[i] = byte(rng.UintN(256))
		}
		if a != (common.Address{}) && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	return out
}

func sortInts(s []int) { slices.Sort(s) }
