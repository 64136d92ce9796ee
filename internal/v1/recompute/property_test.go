package recompute

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// TestPropertyRandomRounds checks, on random well-formed rounds with edge
// values: the encoding round-trips and validates, conservation holds for
// every provider, every generated proof verifies (and fails for a wrong
// index, leaf or length), and changing any single amount changes the
// allocation tree root and the data hash.
func TestPropertyRandomRounds(t *testing.T) {
	rounds := 60
	if testing.Short() {
		rounds = 15
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < rounds; i++ {
		gp := genParams{
			providers:  1 + rng.IntN(12),
			perRow:     rng.IntN(40),
			recipients: 1 + rng.IntN(60),
			emptyRows:  rng.IntN(2) == 0,
			edgeValues: rng.IntN(2) == 0,
		}
		c := genRound(rng, uint64(i+1), gp)
		data := Encode(c)
		d, err := Decode(data)
		if err != nil {
			t.Fatalf("round %d: Decode(Encode) failed: %v", i, err)
		}
		if err := d.Validate(uint256.NewInt(uint64(i + 1))); err != nil {
			t.Fatalf("round %d: generated round invalid: %v", i, err)
		}
		res, err := Compute(d, Options{Workers: 1 + rng.IntN(3)})
		if err != nil {
			t.Fatal(err)
		}
		if CommitmentRootOf(d) != res.CommitmentRoot {
			t.Fatalf("round %d: CommitmentRootOf differs from Compute", i)
		}
		checkConservation(t, d, res)
		checkAllProofs(t, d, res)
		checkSingleChange(t, rng, res)
	}
}

func checkConservation(t *testing.T, c *Commitments, res *Result) {
	t.Helper()
	for p := range c.Providers {
		var sum uint256.Int
		off := res.Offsets[p]
		for j := range c.Providers[p].Entries {
			if _, overflow := sum.AddOverflow(&sum, ptr(res.Amount(off+j))); overflow {
				t.Fatalf("provider %d: sum overflows", p)
			}
		}
		if sum.Gt(&c.Providers[p].Capacity) {
			t.Fatalf("provider %d: amounts sum to %s > capacity %s", p, sum.Dec(), c.Providers[p].Capacity.Dec())
		}
		if res.Denominators[p].IsZero() && !sum.IsZero() {
			t.Fatalf("provider %d: zero denominator but amounts %s", p, sum.Dec())
		}
	}
}

func checkAllProofs(t *testing.T, c *Commitments, res *Result) {
	t.Helper()
	for _, tr := range []struct {
		name string
		tree *Tree
		root common.Hash
	}{{"alloc", res.AllocTree, res.AllocTreeRoot}, {"provider", res.ProvidersTree, res.ProvidersRoot}} {
		n := tr.tree.Len()
		for k := 0; k < n; k++ {
			proof, ok := tr.tree.Proof(k)
			leaf := tr.tree.Leaf(k)
			if !ok || !VerifyProof(tr.root, leaf, k, n, proof) {
				t.Fatalf("%s proof %d of %d does not verify", tr.name, k, n)
			}
			if n > 1 && VerifyProof(tr.root, leaf, k^1, n, proof) && k^1 < n && tr.tree.Leaf(k^1) != leaf {
				t.Fatalf("%s proof %d verifies at index %d", tr.name, k, k^1)
			}
			bad := leaf
			bad[0] ^= 1
			if VerifyProof(tr.root, bad, k, n, proof) {
				t.Fatalf("%s proof %d verifies a wrong leaf", tr.name, k)
			}
			if VerifyProof(tr.root, leaf, k, n, append(proof, common.Hash{})) {
				t.Fatalf("%s proof %d verifies with an extra sibling", tr.name, k)
			}
		}
	}
	for p := range c.Providers {
		want := ProviderLeaf(p, &c.Providers[p], res.Offsets[p])
		if res.ProvidersTree.Leaf(p) != want {
			t.Fatalf("provider leaf %d differs from ProviderLeaf", p)
		}
	}
}

func checkSingleChange(t *testing.T, rng *rand.Rand, res *Result) {
	t.Helper()
	if res.EntryCount == 0 {
		return
	}
	k := rng.IntN(res.EntryCount)
	amounts := make([]uint256.Int, res.EntryCount)
	for i := range amounts {
		amounts[i] = res.Amount(i)
	}
	delta := uint256.NewInt(1 + rng.Uint64N(1<<20))
	if rng.IntN(2) == 0 {
		amounts[k].Add(&amounts[k], delta)
	} else {
		amounts[k].Sub(&amounts[k], delta) // wraps below 0: still a different word
	}
	leaves := make([]common.Hash, len(amounts))
	data := make([]byte, 32*len(amounts))
	for i := range amounts {
		leaves[i] = AllocLeaf(i, &amounts[i])
		amounts[i].PutUint256(data[32*i:])
	}
	if NewTree(leaves, 2).Root() == res.AllocTreeRoot {
		t.Fatalf("changing amount %d left allocTreeRoot unchanged", k)
	}
	if DataHash(data) == res.DataHash {
		t.Fatalf("changing amount %d left dataHash unchanged", k)
	}
}

// TestComputeAllocationsDoNotGrow: the number of allocations of a round does
// not depend on its number of entries or providers (nothing is allocated per
// entry or per provider; only the result's arrays and per-worker scratch).
func TestComputeAllocationsDoNotGrow(t *testing.T) {
	if testing.Short() {
		t.Skip("measures allocations")
	}
	allocs := func(providers, perRow int) float64 {
		c := genRound(rand.New(rand.NewPCG(11, 12)), 1, genParams{providers: providers, perRow: perRow, recipients: 2 * perRow})
		return testing.AllocsPerRun(3, func() {
			if _, err := Compute(c, Options{Workers: 2}); err != nil {
				t.Fatal(err)
			}
		})
	}
	small, large := allocs(4, 50), allocs(400, 100)
	t.Logf("allocations per round: %v for 200 entries, %v for 40000", small, large)
	// Tree building starts a goroutine per core for each wide level, so a
	// deeper tree may add a few; 200x more entries must not add more.
	if large > small+16 {
		t.Fatalf("%v allocations for 200 entries, %v for 40000", small, large)
	}
}

func TestAllocTreeFromDataAndFirstDifference(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	c := genRound(rng, 1, genParams{providers: 9, perRow: 30, recipients: 50, emptyRows: true})
	res, err := Compute(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tree, err := AllocTreeFromData(res.AllocationData, 2)
	if err != nil || tree.Root() != res.AllocTreeRoot {
		t.Fatalf("tree from the recomputed data: %v", err)
	}
	if _, diff := res.FirstDifference(res.AllocationData); diff {
		t.Fatal("identical data differs")
	}
	for _, k := range []int{0, 17, res.EntryCount - 1} {
		bad := append([]byte(nil), res.AllocationData...)
		bad[32*k+31] ^= 1
		if got, diff := res.FirstDifference(bad); !diff || got != k {
			t.Fatalf("changed amount %d: FirstDifference = %d, %v", k, got, diff)
		}
	}
	if got, diff := res.FirstDifference(res.AllocationData[:64]); !diff || got != 2 {
		t.Fatalf("short data: %d %v", got, diff)
	}
	for k := 0; k < res.EntryCount; k++ {
		p, j, ok := res.Locate(k)
		if !ok || res.Offsets[p]+j != k || j >= len(c.Providers[p].Entries) {
			t.Fatalf("Locate(%d) = %d, %d, %v", k, p, j, ok)
		}
	}
	if _, _, ok := res.Locate(res.EntryCount); ok {
		t.Fatal("Locate past the end")
	}
	if _, err := AllocTreeFromData(make([]byte, 33), 1); !errors.Is(err, ErrAllocationData) {
		t.Fatalf("33 bytes: %v", err)
	}
}
