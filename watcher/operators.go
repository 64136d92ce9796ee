package watcher

import (
	"maps"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
)

// maxOperators is the registry's size (section 7.1): a signer bitmap is a
// uint256.
const maxOperators = 256

// operatorSet is the registry as the watcher has read it: the operators
// registered in the blocks it read, by index (an index is reused once its
// operator has withdrawn, by the next registration). A block works on a
// copy (clone), which replaces the watcher's once the block is written.
type operatorSet map[int]index.Operator

func newOperatorSet(ops []index.Operator) operatorSet {
	s := operatorSet{}
	for _, o := range ops {
		s[o.Index] = o
	}
	return s
}

func (s operatorSet) clone() operatorSet { return maps.Clone(s) }

// byAddress returns the index of the operator with address a (its latest
// registration, should it hold two indices).
func (s operatorSet) byAddress(a common.Address) (int, bool) {
	best, found := 0, false
	for i, o := range s {
		if o.Address == a && (!found || o.RegisteredBlock > s[best].RegisteredBlock) {
			best, found = i, true
		}
	}
	return best, found
}

// changeStake records a stake change of operator i at block b.
func (s operatorSet) changeStake(i int, b uint64, delta *big.Int, cause string) {
	o := s[i]
	o.Stake = append(slices.Clip(o.Stake), index.StakeChange{Block: b, Delta: delta.String(), Cause: cause})
	s[i] = o
}

// signers decodes a signer bitmap into the operators it names with their
// stake at block b, and the indices of those the watcher never saw
// register (registered before its start block).
func (s operatorSet) signers(bitmap *big.Int, b uint64) (known []index.Signer, unknown []int) {
	known = []index.Signer{}
	for i := 0; i < bitmap.BitLen() && i < maxOperators; i++ {
		if bitmap.Bit(i) == 0 {
			continue
		}
		o, ok := s[i]
		if !ok || o.RegisteredBlock > b {
			unknown = append(unknown, i)
			continue
		}
		known = append(known, index.Signer{Index: i, Address: o.Address, Stake: o.StakeAt(b).String()})
	}
	return known, unknown
}

// sortedOperators returns the operators of indices, in index order.
func (s operatorSet) sortedOperators(indices map[int]bool) []index.Operator {
	out := make([]index.Operator, 0, len(indices))
	for _, i := range slices.Sorted(maps.Keys(indices)) {
		out = append(out, s[i])
	}
	return out
}
