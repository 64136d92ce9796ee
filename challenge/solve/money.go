package solve

import (
	"math"

	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"
)

// cancelGas is the gas of a cancellation, a plain transfer.
const cancelGas = params.TxGas

// cost is gas x fee + value; false when it overflows 256 bits (no balance
// pays it) or fee is unknown.
func cost(gas uint64, fee, value *uint256.Int) (*uint256.Int, bool) {
	if fee == nil {
		return nil, false
	}
	c, over := new(uint256.Int).MulOverflow(uint256.NewInt(gas), fee)
	if over {
		return nil, false
	}
	if value != nil {
		if _, over = c.AddOverflow(c, value); over {
			return nil, false
		}
	}
	return c, true
}

// covers reports whether balance pays c (an unknown balance pays nothing).
func covers(balance, c *uint256.Int) bool {
	return balance != nil && c != nil && balance.Cmp(c) >= 0
}

// bump is the least fee a replacement of a transaction paying v may pay:
// ceil(v * 9/8), and at least v+1 (geth asks +10%, others +12.5%); false
// when it overflows.
func bump(v *uint256.Int) (*uint256.Int, bool) {
	if v == nil {
		return nil, false
	}
	eighth := new(uint256.Int).Rsh(v, 3)
	if !new(uint256.Int).And(v, uint256.NewInt(7)).IsZero() || eighth.IsZero() {
		eighth.AddUint64(eighth, 1)
	}
	n, over := new(uint256.Int).AddOverflow(v, eighth)
	return n, !over
}

// maxU returns the larger of a and b, a fresh value; nil only when both are.
func maxU(a, b *uint256.Int) *uint256.Int {
	switch {
	case a == nil && b == nil:
		return nil
	case a == nil:
		return b.Clone()
	case b == nil || a.Cmp(b) >= 0:
		return a.Clone()
	}
	return b.Clone()
}

// gasLimit is the limit of a move estimated at estimate: estimate plus the
// margin, under the gas cap; false when the estimate alone passes the cap.
func gasLimit(estimate uint64, c Config) (uint64, bool) {
	limit := gasCap(c)
	if estimate > limit {
		return 0, false
	}
	if c.GasMarginPct > 0 && estimate > math.MaxUint64/c.GasMarginPct {
		return limit, true
	}
	sum := estimate + estimate*c.GasMarginPct/100
	if sum < estimate {
		return limit, true
	}
	return min(sum, limit), true
}

// retryLimit is the limit of the one retry of a move that ran out of gas
// with limit: twice it, under the gas cap; false when that is no higher.
func retryLimit(limit uint64, c Config) (uint64, bool) {
	capped := gasCap(c)
	next := capped
	if limit <= math.MaxUint64/2 {
		next = min(2*limit, capped)
	}
	return next, next > limit
}

func gasCap(c Config) uint64 {
	if c.GasCap == 0 {
		return MaxTxGas
	}
	return c.GasCap
}

// bondsHeld sums the bonds of the record's challenges that are at risk or
// lost (fates open and resolved-lost), and of a challenge in flight.
func bondsHeld(r *Record) *uint256.Int {
	sum := new(uint256.Int)
	add := func(v *uint256.Int) {
		if v != nil {
			if _, over := sum.AddOverflow(sum, v); over {
				sum.SetAllOne()
			}
		}
	}
	for _, b := range r.Challenges {
		if b.Fate == FateOpen || b.Fate == FateLost {
			add(b.Bond)
		}
	}
	if r.Move != nil && r.Move.Target.Kind == MoveChallenge {
		add(r.Move.Value)
	}
	return sum
}

// bondBudget reports whether one more bond fits the round's max bond, with
// what the record and the round's other attempts already hold or lost.
func bondBudget(r *Record, f *Facts) bool {
	bond, maxBond := f.Config.Bond, f.Config.MaxBond
	if bond == nil {
		return false
	}
	if maxBond == nil {
		maxBond = bond
	}
	used := bondsHeld(r)
	if f.RoundBonds != nil {
		if _, over := used.AddOverflow(used, f.RoundBonds); over {
			return false
		}
	}
	total, over := new(uint256.Int).AddOverflow(used, bond)
	return !over && total.Cmp(maxBond) <= 0
}

// Bonds sums a record's bonds by fate: what the contract holds (open), what
// resolvers took (resolved-lost) and what came back (refunded, with or
// without a bounty). For the executor's metrics.
func (r Record) Bonds() (held, lost, returned *uint256.Int) {
	held, lost, returned = new(uint256.Int), new(uint256.Int), new(uint256.Int)
	for _, b := range r.Challenges {
		if b.Bond == nil {
			continue
		}
		switch b.Fate {
		case FateOpen:
			held.Add(held, b.Bond)
		case FateLost:
			lost.Add(lost, b.Bond)
		case FateSlashed, FateRefunded:
			returned.Add(returned, b.Bond)
		}
	}
	return held, lost, returned
}
