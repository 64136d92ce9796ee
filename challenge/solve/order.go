package solve

import (
	"cmp"
	"math"
	"slices"

	"github.com/holiman/uint256"
)

// Order returns the positions of the records (recs[i] with facts[i]; the
// longer slice's extra elements are ignored) in the order the executor
// serves them: by the last block in which each one's next move can be
// mined (Action.By: a proof's deadline, a challenge's window end, a slash's
// maxDeadline; an underfunded move counts as its move), then by the
// batch's deadline, then by round and attempt. Records whose next action
// is not a move with a limit come after those that have one.
func Order(recs []Record, facts []Facts) []int {
	type key struct {
		i                 int
		by, deadline      uint64
		round, attemptNum uint64
	}
	n := min(len(recs), len(facts))
	keys := make([]key, n)
	for i := range n {
		a := Next(recs[i], facts[i])
		k := key{i: i, by: math.MaxUint64, deadline: math.MaxUint64, round: recs[i].Round, attemptNum: recs[i].Attempt}
		if (a.Kind.Sends() || a.Kind == KindAlert) && a.By > 0 {
			k.by = a.By
		}
		if b := facts[i].Batch; b != nil && b.State == BatchLive {
			k.deadline = b.Deadline
		}
		keys[i] = k
	}
	slices.SortStableFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.by, b.by), cmp.Compare(a.deadline, b.deadline),
			cmp.Compare(a.round, b.round), cmp.Compare(a.attemptNum, b.attemptNum))
	})
	out := make([]int, n)
	for j, k := range keys {
		out[j] = k.i
	}
	return out
}

// OpenWork is what the records' next moves need, wei: the sum of the Cost
// of each record's next transaction and of the Need of each underfunded
// alert (recs[i] with facts[i], as Order). Compared with the key's balance
// it is the executor's underfunded metric; an amount past 256 bits
// saturates.
func OpenWork(recs []Record, facts []Facts) *uint256.Int {
	sum := new(uint256.Int)
	for i := range min(len(recs), len(facts)) {
		a := Next(recs[i], facts[i])
		need := a.Cost
		if a.Kind == KindAlert && a.Alert != nil {
			need = a.Alert.Need
			if need == nil { // past 256 bits
				return new(uint256.Int).SetAllOne()
			}
		}
		if need == nil || !(a.Kind.Sends() || a.Kind == KindAlert) {
			continue
		}
		if _, over := sum.AddOverflow(sum, need); over {
			return new(uint256.Int).SetAllOne()
		}
	}
	return sum
}
