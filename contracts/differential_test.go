package contracts

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/recompute"
)

// diffRow is one random row of the differential test.
type diffRow struct {
	provider common.Address
	capacity *uint256.Int
	entries  []recompute.Entry
}

// randomRows returns n rows: sizes 0 to 1024 (a third small, a third up to
// 256, a third up to 1024, the edges 0, 1 and 1024 always), each with its
// own value widths up to the bounds of section 3 (capacity < 2^128, mr in
// [1, 2^64), residual < 2^128, zero residuals among them).
func randomRows(seed uint64, n int) []diffRow {
	rng := newRand(seed)
	rows := make([]diffRow, n)
	for i := range rows {
		var size int
		switch {
		case i < 3:
			size = []int{0, 1, 1024}[i]
		case i%3 == 0:
			size = rng.IntN(17)
		case i%3 == 1:
			size = 17 + rng.IntN(240)
		default:
			size = 257 + rng.IntN(768)
		}
		mrBits, resBits := 1+rng.IntN(64), rng.IntN(129)
		zeroRes := rng.IntN(4) == 0 // some rows hold zero residuals
		r := diffRow{provider: sortedAddrs(rng, 1)[0], capacity: randCapacity(rng)}
		for _, a := range sortedAddrs(rng, size) {
			e := recompute.Entry{Recipient: a, MR: *randBits(rng, mrBits), Residual: *randBits(rng, min(resBits, 128))}
			if e.MR.IsZero() || e.MR.BitLen() > 64 {
				e.MR.SetOne()
			}
			if e.Residual.BitLen() > 128 {
				e.Residual = *maxU128
			}
			if zeroRes && rng.IntN(2) == 0 {
				e.Residual.Clear()
			}
			r.entries = append(r.entries, e)
		}
		rows[i] = r
	}
	return rows
}

func randCapacity(rng *rand.Rand) *uint256.Int {
	switch rng.IntN(8) {
	case 0:
		return uint256.NewInt(0)
	case 1:
		return uint256.NewInt(1)
	case 2, 3:
		return new(uint256.Int).Set(maxU128)
	default:
		return randBits(rng, 127)
	}
}

// TestRowDifferential: at least 300 random rows where the contract's
// providerAllocRoot (the library code proveBadAllocation runs, through the
// harness) equals recompute's and a plain math/big reference's, and its
// entriesRoot recompute's.
func TestRowDifferential(t *testing.T) {
	t.Parallel()
	c := newChain(t, chainOptions{})
	rows := randomRows(2026, 300)
	for i, r := range rows {
		t.Run(fmt.Sprintf("row %d of %d entries", i, len(r.entries)), func(t *testing.T) {
			row := recompute.NewRow(r.entries)
			_, amounts, err := recompute.AllocateRow(r.capacity, row)
			if err != nil {
				t.Fatal(err)
			}
			want := recompute.ProviderAllocRoot(r.provider, row, amounts)
			if ref := referenceAllocRoot(r); ref != want {
				t.Fatalf("recompute %s, math/big reference %s", want, ref)
			}
			got := hcall(c, harnessABI.PackRowRoots(r.provider, r.capacity.ToBig(), Entries(row)), harnessABI.UnpackRowRoots)
			if common.Hash(got.ProviderAllocRoot) != want || common.Hash(got.EntriesRoot) != recompute.EntriesRoot(row) {
				t.Fatalf("contract %x %x, recompute %s %s", got.ProviderAllocRoot, got.EntriesRoot, want, recompute.EntriesRoot(row))
			}
		})
	}
}

// referenceAllocRoot computes providerAllocRoot with math/big and a naive
// padded tree, sharing no code with recompute or the contract.
func referenceAllocRoot(r diffRow) common.Hash {
	capacity := r.capacity.ToBig()
	ws := make([]*big.Int, len(r.entries))
	denom := new(big.Int)
	for j, e := range r.entries {
		ws[j] = new(big.Int).Mul(e.MR.ToBig(), e.Residual.ToBig())
		denom.Add(denom, ws[j])
	}
	leaves := make([][]byte, len(r.entries))
	for j, e := range r.entries {
		amount := new(big.Int)
		if denom.Sign() != 0 {
			amount.Mul(capacity, ws[j]).Quo(amount, denom)
		}
		leaves[j] = crypto.Keccak256(common.LeftPadBytes(r.provider[:], 32), common.LeftPadBytes(e.Recipient[:], 32), common.LeftPadBytes(amount.Bytes(), 32))
	}
	return naiveRoot(leaves)
}

// naiveRoot pads the leaves with zero words to a power of two and hashes
// level by level (section 4).
func naiveRoot(leaves [][]byte) common.Hash {
	if len(leaves) == 0 {
		return common.Hash{}
	}
	width := 1
	for width < len(leaves) {
		width *= 2
	}
	level := make([][]byte, width)
	for i := range level {
		level[i] = make([]byte, 32)
		if i < len(leaves) {
			level[i] = leaves[i]
		}
	}
	for len(level) > 1 {
		next := make([][]byte, len(level)/2)
		for i := range next {
			next[i] = crypto.Keccak256(level[2*i], level[2*i+1])
		}
		level = next
	}
	return common.BytesToHash(level[0])
}
