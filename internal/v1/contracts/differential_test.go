package contracts

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// The row math of PROTOCOL.md section 5 on chain against the Go
// recomputation (recompute.AllocateRow) and a plain big.Int reference.
//
// Only the computeRow view is exercised: the bad-allocation proof's
// _rowAmount computes AllocationMath.amount(row.capacity, mr*residual,
// AllocationMath.denominator(entries)), which are the very same library
// functions (and the same checked mr*residual product) that computeRow
// calls per entry, so agreeing with computeRow is agreeing with what a fraud
// proof recomputes.

var (
	maxMR   = new(uint256.Int).SetUint64(^uint64(0))                                                // 2^64 - 1
	maxU128 = new(uint256.Int).Sub(new(uint256.Int).Lsh(uint256.NewInt(1), 128), uint256.NewInt(1)) // 2^128 - 1
	two256  = new(big.Int).Lsh(big.NewInt(1), 256)
)

// randBits returns a random value below 2^n, n drawn uniformly from [0, bits].
func randBits(rng *rand.Rand, bits int) *uint256.Int {
	n := rng.IntN(bits + 1)
	var v uint256.Int
	for i := 0; i < 4; i++ {
		v[i] = rng.Uint64()
	}
	if n < 256 {
		v.And(&v, new(uint256.Int).Sub(new(uint256.Int).Lsh(uint256.NewInt(1), uint(n)), uint256.NewInt(1)))
	}
	return &v
}

func randCapacity(rng *rand.Rand) *uint256.Int {
	switch rng.IntN(10) {
	case 0:
		return uint256.NewInt(0)
	case 1:
		return uint256.NewInt(1)
	case 2, 3, 4:
		return new(uint256.Int).Set(maxU128)
	default:
		return randBits(rng, 128)
	}
}

func randMR(rng *rand.Rand) *uint256.Int {
	switch rng.IntN(8) {
	case 0:
		return uint256.NewInt(1)
	case 1, 2, 3:
		return new(uint256.Int).Set(maxMR)
	default:
		v := randBits(rng, 64)
		if v.IsZero() {
			v.SetOne()
		}
		return v
	}
}

// randResidual: zero with probability zeroProb percent.
func randResidual(rng *rand.Rand, zeroProb int) *uint256.Int {
	if rng.IntN(100) < zeroProb {
		return uint256.NewInt(0)
	}
	switch rng.IntN(6) {
	case 0:
		return uint256.NewInt(1)
	case 1, 2, 3:
		return new(uint256.Int).Set(maxU128)
	default:
		return randBits(rng, 128)
	}
}

// diffRow is one provider row: capacity and entries.
type diffRow struct {
	name     string
	random   bool // one of the random rows of 1 to 40 entries
	capacity *uint256.Int
	entries  []recompute.Entry
}

func mkEntries(rng *rand.Rand, n int, mr, residual func(j int) *uint256.Int) []recompute.Entry {
	addrs := sortedAddrs(rng, n)
	es := make([]recompute.Entry, n)
	for j := range es {
		es[j].Recipient = addrs[j]
		es[j].MR.Set(mr(j))
		es[j].Residual.Set(residual(j))
	}
	return es
}

func constant(v *uint256.Int) func(int) *uint256.Int { return func(int) *uint256.Int { return v } }

func diffRows() []diffRow {
	rng := rand.New(rand.NewPCG(2024, 7))
	one, zero := uint256.NewInt(1), uint256.NewInt(0)
	rows := []diffRow{
		{"single max entry", false, maxU128, mkEntries(rng, 1, constant(maxMR), constant(maxU128))},
		{"single entry, zero residual", false, maxU128, mkEntries(rng, 1, constant(maxMR), constant(zero))},
		{"single entry, capacity 1", false, one, mkEntries(rng, 1, constant(one), constant(one))},
		{"40 zero residuals", false, maxU128, mkEntries(rng, 40, constant(maxMR), constant(zero))},
		{"40 max entries", false, maxU128, mkEntries(rng, 40, constant(maxMR), constant(maxU128))},
		{"max and min", false, maxU128, mkEntries(rng, 2, func(j int) *uint256.Int { return []*uint256.Int{maxMR, one}[j] }, func(j int) *uint256.Int { return []*uint256.Int{maxU128, one}[j] })},
		{"one max among tiny", false, maxU128, mkEntries(rng, 40, func(j int) *uint256.Int {
			if j == 17 {
				return maxMR
			}
			return one
		}, func(j int) *uint256.Int {
			if j == 17 {
				return maxU128
			}
			return one
		})},
		{"one nonzero among zero residuals", false, maxU128, mkEntries(rng, 40, constant(maxMR), func(j int) *uint256.Int {
			if j == 39 {
				return uint256.NewInt(3)
			}
			return zero
		})},
		{"zero capacity", false, zero, mkEntries(rng, 20, constant(maxMR), constant(maxU128))},
		{"capacity 1, many entries", false, one, mkEntries(rng, 30, constant(maxMR), constant(maxU128))},
		{"1024 max entries", false, maxU128, mkEntries(rng, 1024, constant(maxMR), constant(maxU128))},
		{"1024 unit entries", false, maxU128, mkEntries(rng, 1024, constant(one), constant(one))},
		{"1024 zero residuals", false, maxU128, mkEntries(rng, 1024, constant(maxMR), constant(zero))},
		{"1024 half zero", false, maxU128, mkEntries(rng, 1024, func(int) *uint256.Int { return randMR(rng) }, func(j int) *uint256.Int {
			if j%2 == 0 {
				return zero
			}
			return randResidual(rng, 0)
		})},
	}
	for i := range 3 {
		rows = append(rows, diffRow{fmt.Sprintf("1024 random #%d", i), false, randCapacity(rng),
			mkEntries(rng, 1024, func(int) *uint256.Int { return randMR(rng) }, func(int) *uint256.Int { return randResidual(rng, 10) })})
	}
	for i := range 240 {
		n := 1 + rng.IntN(40)
		zeroProb := []int{0, 10, 50, 100}[rng.IntN(4)] // 100: zero denominator
		rows = append(rows, diffRow{fmt.Sprintf("random #%d (%d entries)", i, n), true, randCapacity(rng),
			mkEntries(rng, n, func(int) *uint256.Int { return randMR(rng) }, func(int) *uint256.Int { return randResidual(rng, zeroProb) })})
	}
	return rows
}

func TestComputeRowDifferential(t *testing.T) {
	t.Parallel()
	c := newChain(t, 0, nil)
	rows := diffRows()
	var random, wide, zeroDenom, big1024 int
	for _, row := range rows {
		if row.random {
			random++
		}
		if len(row.entries) == 1024 {
			big1024++
		}
		// The big.Int reference: floor(C*w/denom), 0 when denom is 0.
		C := row.capacity.ToBig()
		w := make([]*big.Int, len(row.entries))
		denom := new(big.Int)
		rowWide := false
		for j := range row.entries {
			w[j] = new(big.Int).Mul(row.entries[j].MR.ToBig(), row.entries[j].Residual.ToBig())
			denom.Add(denom, w[j])
			if new(big.Int).Mul(C, w[j]).Cmp(two256) >= 0 {
				rowWide = true
			}
		}
		if rowWide {
			wide++
		}
		if denom.Sign() == 0 {
			zeroDenom++
		}

		goDenom, goAmounts, err := recompute.AllocateRow(row.capacity, row.entries)
		if err != nil {
			t.Fatalf("%s: AllocateRow: %v", row.name, err)
		}
		out := call(c, avs.PackComputeRow(C, Entries(row.entries)), avs.UnpackComputeRow)

		if !eqBig(out.Denom, goDenom.ToBig()) || !eqBig(out.Denom, denom) {
			t.Fatalf("%s: denominator on chain %v, Go %v, big.Int %v", row.name, out.Denom, goDenom, denom)
		}
		if len(out.Amounts) != len(row.entries) || len(goAmounts) != len(row.entries) {
			t.Fatalf("%s: %d amounts on chain, %d in Go, %d entries", row.name, len(out.Amounts), len(goAmounts), len(row.entries))
		}
		sum := new(big.Int)
		for j := range row.entries {
			want := new(big.Int)
			if denom.Sign() != 0 {
				want.Mul(C, w[j]).Quo(want, denom)
			}
			if !eqBig(out.Amounts[j], goAmounts[j].ToBig()) || !eqBig(out.Amounts[j], want) {
				t.Fatalf("%s: entry %d (C %v, mr %v, residual %v): on chain %v, Go %v, big.Int %v",
					row.name, j, C, &row.entries[j].MR, &row.entries[j].Residual, out.Amounts[j], &goAmounts[j], want)
			}
			sum.Add(sum, out.Amounts[j])
		}
		if sum.Cmp(C) > 0 {
			t.Fatalf("%s: amounts sum to %v > capacity %v", row.name, sum, C)
		}
	}
	// The set covers what it claims to.
	if random < 200 || big1024 < 4 || wide < 50 || zeroDenom < 20 {
		t.Fatalf("coverage: %d random rows of 1..40 entries, %d of 1024, %d with C*w >= 2^256, %d with zero denominator",
			random, big1024, wide, zeroDenom)
	}
	t.Logf("%d rows: %d random of 1..40 entries, %d of 1024, %d with C*w >= 2^256, %d with zero denominator",
		len(rows), random, big1024, wide, zeroDenom)
}

// TestComputeRowFullWidth drives AllocationMath.mulDiv past the protocol's
// ranges (capacity and mr*residual up to 2^256-1, so the high word of the
// product reaches 2^256-2) against the big.Int reference. recompute refuses
// such rows (ErrOutOfRange): a watcher calls their data malformed, so only the
// contract's arithmetic is at stake here.
func TestComputeRowFullWidth(t *testing.T) {
	c := newChain(t, 0, nil)
	rng := rand.New(rand.NewPCG(99, 100))
	max256 := new(uint256.Int).SetAllOne()
	type row struct {
		capacity *uint256.Int
		mr, res  []*uint256.Int
	}
	rows := []row{
		{max256, []*uint256.Int{max256}, []*uint256.Int{uint256.NewInt(1)}},
		{max256, []*uint256.Int{new(uint256.Int).Lsh(uint256.NewInt(1), 255), uint256.NewInt(1)}, []*uint256.Int{uint256.NewInt(1), uint256.NewInt(1)}},
		{max256, []*uint256.Int{new(uint256.Int).Rsh(max256, 1), uint256.NewInt(1)}, []*uint256.Int{uint256.NewInt(1), uint256.NewInt(1)}},
	}
	for range 60 {
		n := 1 + rng.IntN(3)
		r := row{capacity: randBits(rng, 256)}
		for range n {
			// each w < 2^254, so that the (checked) sum of up to 3 fits
			r.mr = append(r.mr, randBits(rng, 127))
			r.res = append(r.res, randBits(rng, 127))
		}
		rows = append(rows, r)
	}
	for i, r := range rows {
		es := make([]recompute.Entry, len(r.mr))
		for j := range es {
			es[j].Recipient[19] = byte(j + 1)
			es[j].MR.Set(r.mr[j])
			es[j].Residual.Set(r.res[j])
		}
		C := r.capacity.ToBig()
		denom := new(big.Int)
		w := make([]*big.Int, len(es))
		for j := range es {
			w[j] = new(big.Int).Mul(es[j].MR.ToBig(), es[j].Residual.ToBig())
			denom.Add(denom, w[j])
		}
		if denom.Cmp(two256) >= 0 {
			t.Fatalf("row %d: denominator overflows; fix the generator", i)
		}
		out := call(c, avs.PackComputeRow(C, Entries(es)), avs.UnpackComputeRow)
		if !eqBig(out.Denom, denom) {
			t.Fatalf("row %d: denominator %v, want %v", i, out.Denom, denom)
		}
		for j := range es {
			want := new(big.Int)
			if denom.Sign() != 0 {
				want.Mul(C, w[j]).Quo(want, denom)
			}
			if !eqBig(out.Amounts[j], want) {
				t.Fatalf("row %d entry %d (C %v, w %v, denom %v): on chain %v, want %v", i, j, C, w[j], denom, out.Amounts[j], want)
			}
		}
		if _, _, err := recompute.AllocateRow(r.capacity, es); r.capacity.BitLen() > 128 && !errors.Is(err, recompute.ErrOutOfRange) {
			t.Fatalf("row %d: AllocateRow accepted capacity %v: %v", i, C, err)
		}
	}
}
