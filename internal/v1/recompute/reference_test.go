package recompute

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
)

// TestAllocateRowMatchesBig compares the row math with an independent
// math/big reference on random rows, edge values included.
func TestAllocateRowMatchesBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 2000; i++ {
		capacity := randomBelowBits(rng, 128, true)
		es := make([]Entry, rng.IntN(20))
		for j := range es {
			es[j].MR = randomBelowBits(rng, 64, true)
			es[j].Residual = randomBelowBits(rng, 128, true)
		}
		denom, amounts, err := AllocateRow(&capacity, es)
		if err != nil {
			t.Fatal(err)
		}
		wantDenom := new(big.Int)
		ws := make([]*big.Int, len(es))
		for j := range es {
			ws[j] = new(big.Int).Mul(es[j].MR.ToBig(), es[j].Residual.ToBig())
			wantDenom.Add(wantDenom, ws[j])
		}
		if denom.ToBig().Cmp(wantDenom) != 0 {
			t.Fatalf("denom %s, want %s", denom.Dec(), wantDenom)
		}
		for j := range es {
			want := new(big.Int)
			if wantDenom.Sign() != 0 {
				want.Mul(capacity.ToBig(), ws[j])
				want.Quo(want, wantDenom)
			}
			if amounts[j].ToBig().Cmp(want) != 0 {
				t.Fatalf("row %d entry %d: amount %s, want %s", i, j, amounts[j].Dec(), want)
			}
		}
	}
}

func TestAllocateRowOutOfRange(t *testing.T) {
	maxU := new(uint256.Int).SetAllOne()
	for _, tc := range []struct {
		name string
		cap  uint256.Int
		e    Entry
	}{
		{"capacity", *maxU, Entry{MR: *uint256.NewInt(1)}},
		{"mr", *uint256.NewInt(1), Entry{MR: *new(uint256.Int).Lsh(uint256.NewInt(1), 64)}},
		{"residual", *uint256.NewInt(1), Entry{MR: *uint256.NewInt(1), Residual: *new(uint256.Int).Lsh(uint256.NewInt(1), 128)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, _, err := AllocateRow(&tc.cap, []Entry{tc.e}); err == nil {
				t.Fatal("accepted out-of-range row")
			}
		})
	}
}

// naiveRoot pads to a power of two with zero leaves and hashes level by level.
func naiveRoot(leaves []common.Hash) common.Hash {
	if len(leaves) == 0 {
		return common.Hash{}
	}
	level := append([]common.Hash(nil), leaves...)
	for len(level)&(len(level)-1) != 0 {
		level = append(level, common.Hash{})
	}
	for len(level) > 1 {
		next := make([]common.Hash, len(level)/2)
		for i := range next {
			next[i] = crypto.Keccak256Hash(level[2*i][:], level[2*i+1][:])
		}
		level = next
	}
	return level[0]
}

func TestTreeMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	sizes := []int{parallelLevel*2 + 3, 3 * parallelLevel}
	for n := 0; n <= 70; n++ {
		sizes = append(sizes, n)
	}
	for _, n := range sizes {
		leaves := make([]common.Hash, n)
		for i := range leaves {
			v := randomBelowBits(rng, 256, true)
			leaves[i] = common.Hash(v.Bytes32())
		}
		want := naiveRoot(leaves)
		for _, workers := range []int{1, 2, 3} {
			tr := NewTree(leaves, workers)
			if tr.Root() != want {
				t.Fatalf("n=%d workers=%d: root differs from the naive tree", n, workers)
			}
			if n > 0 {
				k := rng.IntN(n)
				proof, _ := tr.Proof(k)
				if len(proof) != Depth(n) || !VerifyProof(want, leaves[k], k, n, proof) {
					t.Fatalf("n=%d: proof %d invalid", n, k)
				}
			}
		}
	}
	if VerifyProof(common.Hash{}, common.Hash{}, 0, 0, nil) {
		t.Fatal("empty tree verified a proof")
	}
}

// TestComputeReportsLowestFailingProvider: with several rows out of range,
// Compute always names the first, whatever the scheduling.
func TestComputeReportsLowestFailingProvider(t *testing.T) {
	c := genRound(rand.New(rand.NewPCG(13, 14)), 1, genParams{providers: 40, perRow: 5, recipients: 20})
	for _, p := range []int{7, 8, 30, 39} {
		c.Providers[p].Capacity.SetAllOne()
	}
	for i := 0; i < 50; i++ {
		_, err := Compute(c, Options{Workers: 2 + i%3})
		if !errors.Is(err, ErrOutOfRange) || !strings.HasPrefix(err.Error(), "provider 7:") {
			t.Fatalf("got %v, want provider 7 out of range", err)
		}
	}
}
