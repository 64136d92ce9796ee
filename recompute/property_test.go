package recompute

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	mathrand "math/rand"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"testing/quick"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
)

// evalWellFormed evaluates s in every form it has and fails unless each
// reports a well-formed round; it returns the whole-round file's result.
func evalWellFormed(t *testing.T, s *roundSpec, opts Options) *Result {
	t.Helper()
	var first *Result
	for form, eval := range specForms(s) {
		res, v := eval(opts)
		if v != nil {
			t.Fatalf("%s form: well-formed round reported as %v", form, v)
		}
		if first == nil || form == "data" {
			first = res
		}
	}
	return first
}

func TestPropertyConservation(t *testing.T) {
	forSeeds(t, 40, func(t *testing.T, rng *rand.Rand) {
		s := genSpec(rng, fullConfig)
		res := evalWellFormed(t, s, Options{})
		for p := range s.rows {
			checkRowAllocation(t, &s.capacities[p], s.rows[p], &res.Denominators[p], res.RowAmounts(p))
			denom, amounts, err := AllocateRow(&s.capacities[p], NewRow(s.rows[p]))
			if err != nil {
				t.Fatalf("AllocateRow(provider %d): %v", p, err)
			}
			if denom != res.Denominators[p] || !slices.Equal(amounts, res.RowAmounts(p)) {
				t.Fatalf("AllocateRow(provider %d) differs from the evaluation", p)
			}
		}
	})
}

// checkRowAllocation checks one row's denominator and amounts against
// section 5 computed with math/big, and conservation.
func checkRowAllocation(t *testing.T, capacity *uint256.Int, row []Entry, denom *uint256.Int, amounts []uint256.Int) {
	t.Helper()
	wantDenom, wantAmounts := bigAllocation(capacity.ToBig(), row)
	eq(t, "denominator", denom.ToBig().String(), wantDenom.String())
	eq(t, "row length", len(amounts), len(row))
	sum := new(big.Int)
	for j := range amounts {
		eq(t, "amount", amounts[j].ToBig().String(), wantAmounts[j].String())
		sum.Add(sum, amounts[j].ToBig())
	}
	if sum.Cmp(capacity.ToBig()) > 0 {
		t.Fatalf("amounts sum to %s, more than the capacity %s", sum, capacity.Dec())
	}
}

// bigAllocation is section 5 in math/big: w_j = mr_j * residual_j,
// denom = sum w_j, amount_j = floor(C * w_j / denom), 0 when denom is 0.
func bigAllocation(capacity *big.Int, row []Entry) (*big.Int, []*big.Int) {
	ws := make([]*big.Int, len(row))
	denom := new(big.Int)
	for j := range row {
		ws[j] = new(big.Int).Mul(row[j].MR.ToBig(), row[j].Residual.ToBig())
		denom.Add(denom, ws[j])
	}
	amounts := make([]*big.Int, len(row))
	for j := range row {
		amounts[j] = new(big.Int)
		if denom.Sign() != 0 {
			amounts[j].Quo(new(big.Int).Mul(capacity, ws[j]), denom)
		}
	}
	return denom, amounts
}

// summary is everything a well-formed round's result determines.
type summary struct {
	ProvidersRoot, CommitmentRoot, AllocTreeRoot, AllocationRoot common.Hash
	E                                                            uint256.Int
	EntriesRoots, ProviderAllocRoots                             []common.Hash
	Denominators, Amounts                                        []uint256.Int
}

func summarize(res *Result) summary {
	s := summary{ProvidersRoot: res.ProvidersRoot, CommitmentRoot: res.CommitmentRoot, AllocTreeRoot: res.AllocTreeRoot,
		AllocationRoot: res.AllocationRoot, E: res.Manifest.E, ProviderAllocRoots: res.ProviderAllocRoots,
		Denominators: res.Denominators, Amounts: res.Amounts}
	for _, hd := range res.Manifest.Headers {
		s.EntriesRoots = append(s.EntriesRoots, hd.EntriesRoot)
	}
	return s
}

func TestPropertyFormsAndWorkersAgree(t *testing.T) {
	forSeeds(t, 16, func(t *testing.T, rng *rand.Rand) {
		s := genSpec(rng, fullConfig)
		want := summarize(evalWellFormed(t, s, Options{Workers: 1}))
		eq(t, "providers root", want.ProvidersRoot, ProvidersTree(s.build().Manifest.Headers).Root())
		for form, eval := range specForms(s) {
			for _, workers := range []int{2, 7, 300} {
				res, v := eval(Options{Workers: workers})
				if v != nil {
					t.Fatalf("%s form, %d workers: %v", form, workers, v)
				}
				eq(t, form+" result", summarize(res), want)
			}
		}
	})
}

func TestPropertyRoundMismatch(t *testing.T) {
	forSeeds(t, 10, func(t *testing.T, rng *rand.Rand) {
		s := genSpec(rng, smallConfig)
		r := s.build()
		var other uint256.Int
		other.AddUint64(&s.round, 1+rng.Uint64N(5))
		res, v := EvaluateRoundFile(EncodeRoundFile(r), &other, Options{})
		checkViolationIs(t, res, v, Violation{Rule: RuleRound})
		res, v = objectsOf(r).evaluate(&other, Options{})
		checkViolationIs(t, res, v, Violation{Rule: RuleRound})
		if _, v := objectsOf(r).evaluate(nil, Options{}); v != nil {
			t.Fatalf("objects without a round: %v", v)
		}
	})
}

// checkViolationIs checks that v is want, field by field, with a message,
// and that the result carries the roots.
func checkViolationIs(t *testing.T, res *Result, v *Violation, want Violation) {
	t.Helper()
	if v == nil {
		t.Fatalf("no violation, want %+v", want)
	}
	got := *v
	got.Msg = ""
	eq(t, "violation", got, want)
	if v.Msg == "" {
		t.Errorf("violation %s has no message", v.Rule)
	}
	if res == nil || res.ProvidersRoot != ProvidersTree(res.Manifest.Headers).Root() {
		t.Fatalf("rule %s: the result does not carry the providers root", v.Rule)
	}
	eq(t, "commitment root", res.CommitmentRoot, res.Manifest.CommitmentRoot(res.ProvidersRoot))
}

func TestPropertyAllocationProofs(t *testing.T) {
	forSeeds(t, 12, func(t *testing.T, rng *rand.Rand) {
		s := genSpec(rng, smallConfig)
		res := evalWellFormed(t, s, Options{})
		P := len(s.rows)
		for p := range s.rows {
			for j := range s.rows[p] {
				ap, err := res.AllocationProof(p, j)
				if err != nil {
					t.Fatal(err)
				}
				checkAllocProofFields(t, res, ap)
				checkAllocTampers(t, res.AllocTreeRoot, P, ap)
			}
			if _, err := res.AllocationProof(p, len(s.rows[p])); !errors.Is(err, ErrNoPosition) {
				t.Fatalf("AllocationProof past the row: %v", err)
			}
		}
		for _, bad := range [][2]int{{-1, 0}, {P, 0}, {0, -1}} {
			if _, err := res.AllocationProof(bad[0], bad[1]); !errors.Is(err, ErrNoPosition) {
				t.Fatalf("AllocationProof%v: %v", bad, err)
			}
		}
	})
}

func checkAllocProofFields(t *testing.T, res *Result, ap *AllocProof) {
	t.Helper()
	hd := &res.Manifest.Headers[ap.P]
	e := res.Rows[ap.P].Entry(ap.J)
	eq(t, "proof fields", [2]common.Address{ap.Provider, ap.Recipient}, [2]common.Address{hd.Provider, e.Recipient})
	eq(t, "proof amount", ap.Amount, res.RowAmounts(ap.P)[ap.J])
	eq(t, "proof leaf", ap.Leaf, AllocLeaf(hd.Provider, e.Recipient, &ap.Amount))
	eq(t, "entry proof length", len(ap.EntryProof), Depth(res.Rows[ap.P].Len()))
	eq(t, "provider proof length", len(ap.ProviderProof), Depth(len(res.Manifest.Headers)))
}

// cloneProof returns a deep copy of ap.
func cloneProof(ap *AllocProof) *AllocProof {
	c := *ap
	c.EntryProof = slices.Clone(ap.EntryProof)
	c.ProviderProof = slices.Clone(ap.ProviderProof)
	return &c
}

// allocTampers returns every mutation of a valid allocation proof that
// verifyAllocation must reject: each names another leaf, position or path.
func allocTampers(ap *AllocProof, P int) map[string]*AllocProof {
	out := map[string]*AllocProof{}
	add := func(name string, f func(c *AllocProof)) {
		c := cloneProof(ap)
		if f(c); !reflect.DeepEqual(c, ap) { // a provider may be its own recipient
			out[name] = c
		}
	}
	d := len(ap.EntryProof)
	add("amount+1", func(c *AllocProof) { c.Amount.AddUint64(&c.Amount, 1) })
	add("amount+2^255", func(c *AllocProof) { c.Amount.Add(&c.Amount, new(uint256.Int).Lsh(uint256.NewInt(1), 255)) })
	add("recipient", func(c *AllocProof) { c.Recipient[19] ^= 1 })
	add("provider", func(c *AllocProof) { c.Provider[0] ^= 0x80 })
	add("recipient-provider-swapped", func(c *AllocProof) { c.Provider, c.Recipient = c.Recipient, c.Provider })
	add("p+1", func(c *AllocProof) { c.P++ })
	add("p-1", func(c *AllocProof) { c.P-- })
	add("p+2^depth", func(c *AllocProof) { c.P += 1 << len(ap.ProviderProof) })
	add("j+1", func(c *AllocProof) { c.J++ })
	add("j-1", func(c *AllocProof) { c.J-- })
	add("j+2^len", func(c *AllocProof) { c.J += 1 << d })
	add("j+2^(len+1)", func(c *AllocProof) { c.J += 2 << d })
	for i := range d {
		add(fmt.Sprintf("entry sibling %d", i), func(c *AllocProof) { c.EntryProof[i][i] ^= 1 })
	}
	for i := range ap.ProviderProof {
		add(fmt.Sprintf("provider sibling %d", i), func(c *AllocProof) { c.ProviderProof[i][31-i] ^= 1 })
	}
	add("entry proof extended", func(c *AllocProof) { c.EntryProof = append(c.EntryProof, common.Hash{}) })
	add("provider proof extended", func(c *AllocProof) { c.ProviderProof = append(c.ProviderProof, common.Hash{}) })
	if d > 0 {
		add("entry proof truncated", func(c *AllocProof) { c.EntryProof = c.EntryProof[:d-1] })
		add("level moved up", func(c *AllocProof) { moveLevelUp(c) })
	}
	if len(ap.ProviderProof) > 0 {
		add("provider proof truncated", func(c *AllocProof) { c.ProviderProof = c.ProviderProof[1:] })
		add("level moved down", func(c *AllocProof) { moveLevelDown(c) })
	}
	return out
}

// moveLevelDown moves the lowest provider-level sibling to the top of the
// entry path, with the position bit: the same fold to the same root, which
// only the length of the provider path tells apart.
func moveLevelDown(c *AllocProof) {
	d := len(c.EntryProof)
	c.J |= (c.P & 1) << d
	c.P >>= 1
	c.EntryProof = append(c.EntryProof, c.ProviderProof[0])
	c.ProviderProof = c.ProviderProof[1:]
}

// moveLevelUp moves the top entry-level sibling to the bottom of the
// provider path.
func moveLevelUp(c *AllocProof) {
	d := len(c.EntryProof)
	c.P = c.P<<1 | c.J>>(d-1)
	c.J &= 1<<(d-1) - 1
	c.ProviderProof = append([]common.Hash{c.EntryProof[d-1]}, c.ProviderProof...)
	c.EntryProof = c.EntryProof[:d-1]
}

// checkAllocTampers checks that ap verifies, that every tampered copy does
// not, and that the provider count matters only through depth(P) and p < P.
func checkAllocTampers(t *testing.T, root common.Hash, P int, ap *AllocProof) {
	t.Helper()
	before := cloneProof(ap)
	if !VerifyAllocation(root, P, ap) {
		t.Fatalf("allocation (%d, %d) does not verify", ap.P, ap.J)
	}
	eq(t, "proof unchanged by verification", ap, before)
	for name, c := range allocTampers(ap, P) {
		if VerifyAllocation(root, P, c) {
			t.Fatalf("allocation (%d, %d) tampered (%s) verifies", ap.P, ap.J, name)
		}
	}
	if VerifyAllocation(crypto.Keccak256Hash(root[:]), P, ap) {
		t.Fatal("allocation verifies against another root")
	}
	for _, n := range []int{P - 1, P + 1, 1 << Depth(P), 1<<Depth(P) + 1, MaxProviders + 1} {
		want := n >= 1 && n <= MaxProviders && ap.P < n && Depth(n) == Depth(P)
		eq(t, "verifies with another provider count", VerifyAllocation(root, n, ap), want)
	}
}

func TestPropertyHeaderAndEntryProofs(t *testing.T) {
	forSeeds(t, 12, func(t *testing.T, rng *rand.Rand) {
		s := genSpec(rng, smallConfig)
		res := evalWellFormed(t, s, Options{})
		P := len(s.rows)
		for p := range s.rows {
			hp, err := res.HeaderProof(p)
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "header", hp.Header, res.Manifest.Headers[p])
			eq(t, "header leaf", hp.Leaf, ProviderLeaf(p, &hp.Header))
			checkProofTampers(t, res.ProvidersRoot, hp.Leaf, p, P, hp.Proof)
			for j := range s.rows[p] {
				ep, err := res.EntryProof(p, j)
				if err != nil {
					t.Fatal(err)
				}
				eq(t, "entry", ep.Entry, s.rows[p][j])
				eq(t, "entry leaf", ep.Leaf, EntryLeaf(&s.rows[p][j]))
				checkProofTampers(t, hp.Header.EntriesRoot, ep.Leaf, j, len(s.rows[p]), ep.Proof)
			}
			if _, err := res.EntryProof(p, len(s.rows[p])); !errors.Is(err, ErrNoPosition) {
				t.Fatalf("EntryProof past the row: %v", err)
			}
		}
		for _, p := range []int{-1, P} {
			if _, err := res.HeaderProof(p); !errors.Is(err, ErrNoPosition) {
				t.Fatalf("HeaderProof(%d): %v", p, err)
			}
		}
	})
}

// checkProofTampers checks that proof proves leaf k of n under root, and
// that no other leaf, index, count of another depth or path does.
func checkProofTampers(t *testing.T, root, leaf common.Hash, k, n int, proof []common.Hash) {
	t.Helper()
	if !VerifyProof(root, leaf, k, n, proof) {
		t.Fatalf("proof of leaf %d of %d does not verify", k, n)
	}
	d := len(proof)
	other := leaf
	other[7] ^= 4
	type claim struct {
		leaf  common.Hash
		k, n  int
		proof []common.Hash
	}
	claims := map[string]claim{
		"leaf": {other, k, n, proof}, "k=n": {leaf, n, n, proof}, "k=-1": {leaf, -1, n, proof},
		"k+2^d": {leaf, k + 1<<d, n, proof}, "n deeper": {leaf, k, 1<<d + 1, proof}, "n=0": {leaf, k, 0, proof},
		"extended": {leaf, k, n, append(slices.Clone(proof), common.Hash{})}, "root as sibling": {leaf, k, n, append(slices.Clone(proof), root)},
	}
	claims["k+1"], claims["k-1"], claims["k^1"] = claim{leaf, k + 1, n, proof}, claim{leaf, k - 1, n, proof}, claim{leaf, k ^ 1, n, proof}
	if d > 0 {
		claims["n shallower"] = claim{leaf, k, 1 << (d - 1), proof}
		claims["truncated"] = claim{leaf, k, n, proof[:d-1]}
		claims["empty"] = claim{leaf, k, n, nil}
	}
	for i := range proof {
		p := slices.Clone(proof)
		p[i][31] ^= 1
		claims[fmt.Sprintf("sibling %d", i)] = claim{leaf, k, n, p}
	}
	for name, c := range claims {
		if c.k == k && c.n == n && c.leaf == leaf && slices.Equal(c.proof, proof) {
			continue
		}
		if VerifyProof(root, c.leaf, c.k, c.n, c.proof) {
			t.Fatalf("proof of leaf %d of %d: tampered claim %q verifies", k, n, name)
		}
	}
	if VerifyProof(crypto.Keccak256Hash(root[:]), leaf, k, n, proof) {
		t.Fatal("proof verifies against another root")
	}
}

func TestPropertyAllocRootChanges(t *testing.T) {
	forSeeds(t, 20, func(t *testing.T, rng *rand.Rand) {
		s := genSpec(rng, genConfig{minP: 1, maxP: 8, minRow: 1, maxRow: 40})
		res := evalWellFormed(t, s, Options{})
		for p, hd := range res.Manifest.Headers {
			row := res.Rows[p]
			real := slices.Clone(res.RowAmounts(p))
			eq(t, "recomputed root", ProviderAllocRoot(hd.Provider, row, real), res.ProviderAllocRoots[p])
			j := rng.IntN(row.Len())
			plus := slices.Clone(real)
			plus[j].AddUint64(&plus[j], 1)
			checkClaimedAmounts(t, res, p, plus, j)
			random := make([]uint256.Int, row.Len())
			for i := range random {
				random[i] = randomBits(rng, 128)
			}
			base := ProviderAllocRoot(hd.Provider, row, random)
			checkMoves(t, rng, hd.Provider, row, real, res.ProviderAllocRoots[p])
			checkMoves(t, rng, hd.Provider, row, random, base)
		}
	})
}

// checkClaimedAmounts checks that wrong amounts change the provider's
// allocation root and that the first wrong provider and amount are found.
func checkClaimedAmounts(t *testing.T, res *Result, p int, claimed []uint256.Int, j int) {
	t.Helper()
	root := ProviderAllocRoot(res.Manifest.Headers[p].Provider, res.Rows[p], claimed)
	if root == res.ProviderAllocRoots[p] {
		t.Fatalf("provider %d: amount %d + 1 keeps the allocation root", p, j)
	}
	roots := slices.Clone(res.ProviderAllocRoots)
	roots[p] = root
	gotP, wrong := res.FirstWrongProvider(roots)
	eq(t, "first wrong provider", [2]any{gotP, wrong}, [2]any{p, true})
	gotJ, wrong := res.FirstWrongAmount(p, claimed)
	eq(t, "first wrong amount", [2]any{gotJ, wrong}, [2]any{j, true})
	if NewTree(roots).Root() == res.AllocTreeRoot {
		t.Fatal("a changed provider root keeps the allocation tree root")
	}
}

// checkMoves moves one unit between two entries of a row (the sum stays) and
// swaps two different amounts; either must change the root.
func checkMoves(t *testing.T, rng *rand.Rand, provider common.Address, row Row, amounts []uint256.Int, root common.Hash) {
	t.Helper()
	if row.Len() < 2 {
		return
	}
	from, to := rng.IntN(row.Len()), rng.IntN(row.Len()-1)
	if to >= from {
		to++
	}
	moved := slices.Clone(amounts)
	if moved[from].IsZero() {
		from, to = to, from
	}
	if moved[from].IsZero() {
		moved[from].SetOne() // both zero: move a unit given to one of them
		root = ProviderAllocRoot(provider, row, moved)
	}
	moved[from].SubUint64(&moved[from], 1)
	moved[to].AddUint64(&moved[to], 1)
	if ProviderAllocRoot(provider, row, moved) == root {
		t.Fatalf("moving a unit from entry %d to %d keeps the allocation root", from, to)
	}
	swapped := slices.Clone(amounts)
	if !swapped[from].Eq(&swapped[to]) {
		swapped[from], swapped[to] = swapped[to], swapped[from]
		if ProviderAllocRoot(provider, row, swapped) == ProviderAllocRoot(provider, row, amounts) {
			t.Fatalf("swapping amounts %d and %d keeps the allocation root", from, to)
		}
	}
}

// treeSizes are the leaf counts the naive tree is compared at.
func treeSizes() []int {
	var ns []int
	for n := range 131 {
		ns = append(ns, n)
	}
	return append(ns, 255, 256, 257, 511, 512, 513, 1000, 1023, 1024, 1025)
}

func TestPropertyTreeMatchesNaive(t *testing.T) {
	rng := newRand(7)
	for _, n := range treeSizes() {
		leaves := make([]common.Hash, n)
		for i := range leaves {
			if rng.IntN(8) != 0 {
				v := randomBits(rng, 256)
				leaves[i] = v.Bytes32()
			}
		}
		tree := NewTree(leaves)
		d := Depth(n)
		naive := naiveLevels(leaves, d+2)
		root := naiveRoot(leaves)
		eq(t, "root", tree.Root(), root)
		eq(t, "root in place", rootInPlace(crypto.NewKeccakState(), slices.Clone(leaves)), root)
		eq(t, "length", tree.Len(), n)
		checkNodes(t, tree, naive, d)
		checkProofs(t, tree, naive, root, n)
	}
}

// checkNodes compares every node of tree, padding and the two levels above
// its root included, with the naive tree padded to depth d+2.
func checkNodes(t *testing.T, tree *Tree, naive [][]common.Hash, d int) {
	t.Helper()
	for i := range d + 3 {
		for k := range naive[i] {
			if got := tree.Node(i, k); got != naive[i][k] {
				t.Fatalf("n=%d: node (%d, %d) = %s, naive %s", tree.Len(), i, k, got.Hex(), naive[i][k].Hex())
			}
		}
	}
}

// checkProofs compares every proof with the naive siblings and checks the
// positions with no leaf.
func checkProofs(t *testing.T, tree *Tree, naive [][]common.Hash, root common.Hash, n int) {
	t.Helper()
	d := Depth(n)
	for k := range n {
		proof, ok := tree.Proof(k)
		want := make([]common.Hash, d)
		for i := range d {
			want[i] = naive[i][(k>>i)^1]
		}
		if !ok || !slices.Equal(proof, want) {
			t.Fatalf("n=%d: proof of %d = %v, %v; naive %v", n, k, hexes(proof), ok, hexes(want))
		}
		if !VerifyProof(root, tree.Leaf(k), k, n, proof) {
			t.Fatalf("n=%d: proof of %d does not verify", n, k)
		}
	}
	for _, k := range []int{-1, n, n + 1} {
		if _, ok := tree.Proof(k); ok {
			t.Fatalf("n=%d: a proof of leaf %d", n, k)
		}
	}
}

func TestPropertySingleViolation(t *testing.T) {
	for _, inj := range injectors {
		t.Run(inj.name, func(t *testing.T) {
			forSeeds(t, 10, func(t *testing.T, rng *rand.Rand) {
				s, want := injectInto(t, rng, inj)
				eq(t, "whole-round file expresses it", s.dataForm(), !inj.objectsOnly)
				checkInjected(t, rng, s, want)
			})
		})
	}
}

// injectInto generates rich rounds until the injections fit, applies them
// in turn and returns the spec and the first violation they make.
func injectInto(t *testing.T, rng *rand.Rand, injs ...injector) (*roundSpec, Violation) {
	t.Helper()
	for range 50 {
		s := genSpec(rng, richConfig)
		used := newTouched()
		var wants []Violation
		for _, inj := range injs {
			v, ok := inj.fn(rng, s, used)
			if !ok {
				break
			}
			wants = append(wants, v)
		}
		if len(wants) == len(injs) {
			want := wants[0]
			for _, v := range wants[1:] {
				want = firstViolation(want, v)
			}
			return s, want
		}
	}
	t.Fatal("no generated round has room for the injections")
	return nil, Violation{}
}

// checkInjected evaluates s in every form that expresses it and checks the
// violation and its evidence.
func checkInjected(t *testing.T, rng *rand.Rand, s *roundSpec, want Violation) {
	t.Helper()
	for form, eval := range specForms(s) {
		res, v := eval(Options{Workers: 1 + rng.IntN(4)})
		if v == nil {
			t.Fatalf("%s form: no violation, want %+v", form, want)
		}
		checkViolationIs(t, res, v, want)
		checkEvidenceProves(t, res, v)
	}
}

// checkEvidenceProves checks the evidence of v as the on-chain proof takes
// it: the positions of section 3's table, each header proven against
// providersRoot and each entry against its header's entriesRoot, and the
// rule broken by the proven values alone.
func checkEvidenceProves(t *testing.T, res *Result, v *Violation) {
	t.Helper()
	ev, err := res.Evidence(v)
	if err != nil {
		t.Fatalf("evidence of %s: %v", v.Rule, err)
	}
	eq(t, "evidence rule", [2]any{ev.Rule, ev.Clause}, [2]any{v.Rule, v.Clause})
	wantHeaders, wantEntries := v.EvidencePositions()
	P := len(res.Manifest.Headers)
	byP := map[int]*Header{}
	for i, h := range ev.Headers {
		eq(t, "evidence header position", h.P, wantHeaders[i])
		eq(t, "evidence header", h.Header, res.Manifest.Headers[h.P])
		if !VerifyProof(res.ProvidersRoot, ProviderLeaf(h.P, &h.Header), h.P, P, h.Proof) {
			t.Fatalf("%s: header %d does not verify against providersRoot", v.Rule, h.P)
		}
		byP[h.P] = &ev.Headers[i].Header
	}
	eq(t, "evidence headers", len(ev.Headers), len(wantHeaders))
	eq(t, "evidence entries", len(ev.Entries), len(wantEntries))
	for i, e := range ev.Entries {
		eq(t, "evidence entry position", e.Position, wantEntries[i])
		hd := byP[e.P]
		if hd == nil || !VerifyProof(hd.EntriesRoot, EntryLeaf(&e.Entry), e.J, int(hd.EntryCount.Uint64()), e.Proof) {
			t.Fatalf("%s: entry (%d, %d) does not verify against its header", v.Rule, e.P, e.J)
		}
	}
	if !evidenceBreaks(ev, P, &res.Manifest.E) {
		t.Fatalf("the evidence of %s at %d does not show the rule broken", v.Rule, v.Provider)
	}
}

// evidenceBreaks judges a rule from the evidence only, as the contract does.
func evidenceBreaks(ev *Evidence, P int, E *uint256.Int) bool {
	h, e := ev.Headers, ev.Entries
	switch ev.Rule {
	case RuleProviderZero:
		return h[0].Header.Provider == common.Address{}
	case RuleProviderOrder:
		return h[1].P == h[0].P+1 && bytes.Compare(h[1].Header.Provider[:], h[0].Header.Provider[:]) <= 0
	case RuleCapacityRange:
		return h[0].Header.Capacity.BitLen() > 128
	case RuleEntryCount:
		return h[0].Header.EntryCount.Cmp(uint256.NewInt(MaxRowEntries)) > 0
	case RuleEntryOffset:
		return offsetEvidenceBreaks(ev, P, E)
	case RuleRecipientZero:
		return e[0].Entry.Recipient == common.Address{}
	case RuleEntryOrder:
		return e[1].P == e[0].P && e[1].J == e[0].J+1 && bytes.Compare(e[1].Entry.Recipient[:], e[0].Entry.Recipient[:]) <= 0
	case RuleMRRange:
		return e[0].Entry.MR.IsZero() || e[0].Entry.MR.BitLen() > 64
	case RuleResidualRange:
		return e[0].Entry.Residual.BitLen() > 128
	case RuleResidualConsistency:
		return e[0].Position != e[1].Position && e[0].Entry.Recipient == e[1].Entry.Recipient && !e[0].Entry.Residual.Eq(&e[1].Entry.Residual)
	}
	return false
}

// offsetEvidenceBreaks judges entry-offset in math/big (no sum overflows).
func offsetEvidenceBreaks(ev *Evidence, P int, E *uint256.Int) bool {
	h := ev.Headers
	end := func(hd *Header) *big.Int { return new(big.Int).Add(hd.EntryOffset.ToBig(), hd.EntryCount.ToBig()) }
	switch ev.Clause {
	case ClauseFirst:
		return h[0].P == 0 && !h[0].Header.EntryOffset.IsZero()
	case ClausePair:
		return h[1].P == h[0].P+1 && end(&h[0].Header).Cmp(h[1].Header.EntryOffset.ToBig()) != 0
	case ClauseLast:
		return h[0].P == P-1 && end(&h[0].Header).Cmp(E.ToBig()) != 0
	}
	return false
}

func TestPropertyTwoViolations(t *testing.T) {
	for a, injA := range injectors {
		for b, injB := range injectors {
			if exclusiveInjectors(injA.name, injB.name) {
				continue
			}
			t.Run(injA.name+"+"+injB.name, func(t *testing.T) {
				rng := newRand(uint64(a*len(injectors) + b))
				s, want := injectInto(t, rng, injA, injB)
				checkInjected(t, rng, s, want)
			})
		}
	}
}

// exclusiveInjectors reports whether two injections always break the same
// position (header 0's offset, or the last header's end).
func exclusiveInjectors(a, b string) bool {
	group := func(n string) int {
		switch n {
		case "entry-offset/first":
			return 1
		case "entry-offset/last-E", "entry-offset/last-count":
			return 2
		}
		return 0
	}
	return group(a) != 0 && group(a) == group(b)
}

// rowCorruption makes the object under key unavailable for its header; err
// is what VerifyRow then reports.
type rowCorruption struct {
	name string
	err  error
	fn   func(rng *rand.Rand, o *objectSet, r *Round, key common.Hash)
}

var rowCorruptions = []rowCorruption{
	{"missing", nil, func(_ *rand.Rand, o *objectSet, _ *Round, key common.Hash) { delete(o.rows, key) }},
	{"empty", ErrEncoding, func(_ *rand.Rand, o *objectSet, _ *Round, key common.Hash) { o.rows[key] = []byte{} }},
	{"trailing byte", ErrEncoding, func(_ *rand.Rand, o *objectSet, _ *Round, key common.Hash) { o.rows[key] = append(o.rows[key], 0) }},
	{"trailing word", ErrEncoding, func(_ *rand.Rand, o *objectSet, _ *Round, key common.Hash) {
		o.rows[key] = append(o.rows[key], make([]byte, wordSize)...)
	}},
	{"dirty recipient word", ErrEncoding, func(rng *rand.Rand, o *objectSet, _ *Round, key common.Hash) {
		o.rows[key][rowHead+rng.IntN(12)] = 1
	}},
	{"noncanonical offset", ErrEncoding, func(_ *rand.Rand, o *objectSet, _ *Round, key common.Hash) { o.rows[key][31] = 0x40 }},
	{"changed mr", ErrKeyMismatch, func(rng *rand.Rand, o *objectSet, _ *Round, key common.Hash) {
		editEntries(o, key, func(es []Entry) []Entry {
			e := &es[rng.IntN(len(es))]
			e.MR.AddUint64(&e.MR, 1)
			return es
		})
	}},
	{"one entry short", ErrEntryCount, func(_ *rand.Rand, o *objectSet, _ *Round, key common.Hash) {
		editEntries(o, key, func(es []Entry) []Entry { return es[:len(es)-1] })
	}},
	{"one entry more", ErrEntryCount, func(_ *rand.Rand, o *objectSet, _ *Round, key common.Hash) {
		editEntries(o, key, func(es []Entry) []Entry { return append(es, es[0]) })
	}},
	{"another row", nil, func(rng *rand.Rand, o *objectSet, r *Round, key common.Hash) {
		o.rows[key] = otherRow(rng, r, key).Bytes()
	}},
}

// editEntries re-encodes the row object under key after edit.
func editEntries(o *objectSet, key common.Hash, edit func([]Entry) []Entry) {
	row, err := DecodeRow(o.rows[key])
	if err != nil {
		panic(err)
	}
	o.rows[key] = NewRow(edit(row.Entries())).Bytes()
}

// otherRow returns a non-empty row of r under another key, or a new one.
func otherRow(rng *rand.Rand, r *Round, key common.Hash) Row {
	for _, p := range rng.Perm(len(r.Rows)) {
		if r.Rows[p].Len() > 0 && r.Manifest.Headers[p].EntriesRoot != key {
			return r.Rows[p]
		}
	}
	return NewRow([]Entry{{Recipient: common.Address{1}, MR: *uint256.NewInt(1)}})
}

func TestPropertyUnavailableRow(t *testing.T) {
	entryInjectors := injectors[slices.IndexFunc(injectors, func(i injector) bool { return i.name == "recipient-zero" }):]
	for _, c := range rowCorruptions {
		t.Run(c.name, func(t *testing.T) {
			forSeeds(t, 8, func(t *testing.T, rng *rand.Rand) {
				s := genSpec(rng, richConfig)
				if rng.IntN(2) == 0 { // an entry rule broken anywhere: unavailable-row comes first
					entryInjectors[rng.IntN(len(entryInjectors))].fn(rng, s, newTouched())
				}
				r := s.build()
				o := objectsOf(r)
				bad := map[common.Hash]bool{}
				corruptRow(t, rng, o, r, c, bad)
				if rng.IntN(2) == 0 {
					corruptRow(t, rng, o, r, rowCorruptions[rng.IntN(len(rowCorruptions))], bad)
				}
				want := slices.IndexFunc(r.Manifest.Headers, func(hd Header) bool { return bad[hd.EntriesRoot] })
				res, v := o.evaluate(&s.round, Options{Workers: 1 + rng.IntN(4)})
				checkViolationIs(t, res, v, Violation{Rule: RuleUnavailableRow, Provider: want})
				eq(t, "commitment", res.CommitmentRoot, o.commitment)
			})
		})
	}
}

// corruptRow corrupts the row object of a random provider whose object is
// still intact with c, checks
// that VerifyRow rejects it as c says, and records its key in bad.
func corruptRow(t *testing.T, rng *rand.Rand, o *objectSet, r *Round, c rowCorruption, bad map[common.Hash]bool) {
	t.Helper()
	free := slices.DeleteFunc(rng.Perm(len(r.Rows)), func(p int) bool { return bad[r.Manifest.Headers[p].EntriesRoot] })
	if len(free) == 0 {
		return
	}
	hd := &r.Manifest.Headers[free[0]]
	c.fn(rng, o, r, hd.EntriesRoot)
	bad[hd.EntriesRoot] = true
	data, ok := o.rows[hd.EntriesRoot]
	if !ok {
		return
	}
	_, err := VerifyRow(hd, data)
	if err == nil || c.err != nil && !errors.Is(err, c.err) {
		t.Fatalf("%s: VerifyRow = %v, want %v", c.name, err, c.err)
	}
}

// manifestCorruption makes a manifest unavailable: it returns the commitment
// and the manifest bytes to give, and err is what VerifyManifest reports.
type manifestCorruption struct {
	name string
	err  error
	fn   func(r *Round, o *objectSet) (common.Hash, []byte)
}

func reencode(r *Round, edit func(m *Manifest)) []byte {
	m := r.Manifest
	m.Headers = slices.Clone(m.Headers)
	edit(&m)
	return EncodeManifest(&m)
}

func withBytes(edit func(b []byte) []byte) func(*Round, *objectSet) (common.Hash, []byte) {
	return func(_ *Round, o *objectSet) (common.Hash, []byte) {
		return o.commitment, edit(slices.Clone(o.manifest))
	}
}

var manifestCorruptions = []manifestCorruption{
	{"missing", ErrEncoding, withBytes(func([]byte) []byte { return nil })},
	{"empty", ErrEncoding, withBytes(func([]byte) []byte { return []byte{} })},
	{"trailing byte", ErrEncoding, withBytes(func(b []byte) []byte { return append(b, 0) })},
	{"trailing word", ErrEncoding, withBytes(func(b []byte) []byte { return append(b, make([]byte, wordSize)...) })},
	{"truncated word", ErrEncoding, withBytes(func(b []byte) []byte { return b[:len(b)-wordSize] })},
	{"noncanonical offset", ErrEncoding, withBytes(func(b []byte) []byte { b[95] = 0x80; return b })},
	{"count plus one", ErrEncoding, withBytes(func(b []byte) []byte { b[127]++; return b })},
	{"dirty provider word", ErrEncoding, withBytes(func(b []byte) []byte { b[manifestHead+11] = 1; return b })},
	{"a row object", ErrEncoding, withBytes(func([]byte) []byte { return NewRow([]Entry{{MR: *uint256.NewInt(1)}}).Bytes() })},
	{"changed capacity", ErrKeyMismatch, withBytes(func(b []byte) []byte { b[manifestHead+2*wordSize-1] ^= 1; return b })},
	{"other round", ErrKeyMismatch, func(r *Round, o *objectSet) (common.Hash, []byte) {
		return o.commitment, reencode(r, func(m *Manifest) { m.Round.AddUint64(&m.Round, 1) })
	}},
	{"other E", ErrKeyMismatch, func(r *Round, o *objectSet) (common.Hash, []byte) {
		return o.commitment, reencode(r, func(m *Manifest) { m.E.AddUint64(&m.E, 1) })
	}},
	{"last header dropped", ErrKeyMismatch, func(r *Round, o *objectSet) (common.Hash, []byte) {
		return o.commitment, reencode(r, func(m *Manifest) { m.Headers = m.Headers[:len(m.Headers)-1] })
	}},
	{"other commitment", ErrKeyMismatch, func(_ *Round, o *objectSet) (common.Hash, []byte) {
		return crypto.Keccak256Hash(o.commitment[:]), o.manifest
	}},
}

func TestPropertyUnavailableManifest(t *testing.T) {
	for _, c := range manifestCorruptions {
		t.Run(c.name, func(t *testing.T) {
			forSeeds(t, 4, func(t *testing.T, rng *rand.Rand) {
				s := genSpec(rng, smallConfig)
				r := s.build()
				o := objectsOf(r)
				commitment, manifest := c.fn(r, o)
				if _, _, err := VerifyManifest(commitment, manifest); !errors.Is(err, c.err) {
					t.Fatalf("VerifyManifest = %v, want %v", err, c.err)
				}
				var other uint256.Int
				other.AddUint64(&s.round, 1)
				for _, round := range []*uint256.Int{&s.round, nil, &other} {
					res, v := EvaluateObjects(commitment, manifest, round, o.source(), Options{})
					if res != nil || v == nil || v.Rule != RuleUnavailableManifest || v.Msg == "" {
						t.Fatalf("result %v, violation %v; want only unavailable-manifest", res, v)
					}
					eq(t, "violation", *v, Violation{Rule: RuleUnavailableManifest, Msg: v.Msg})
				}
			})
		})
	}
}

func TestPropertyQuickTreeProofs(t *testing.T) {
	prop := func(leaves []common.Hash, k uint16, bit uint8) bool {
		tree := NewTree(leaves)
		n := len(leaves)
		if n == 0 {
			_, ok := tree.Proof(0)
			return tree.Root() == common.Hash{} && !ok
		}
		i := int(k) % n
		proof, ok := tree.Proof(i)
		other := leaves[i]
		other[bit%32] ^= 1 << (bit % 8)
		return ok && tree.Root() == naiveRoot(leaves) && VerifyProof(tree.Root(), leaves[i], i, n, proof) &&
			!VerifyProof(tree.Root(), other, i, n, proof) && !VerifyProof(tree.Root(), leaves[i], i+n, n, proof)
	}
	if err := quick.Check(prop, &quick.Config{MaxCount: 300, Rand: mathrand.New(mathrand.NewSource(1))}); err != nil {
		t.Fatal(err)
	}
}

// TestPropertyResidualConsistencyAcrossShards puts two conflicts in one row, the
// later one's recipient in a lower residual shard (its last byte is 0, the
// earlier one's 1): the earlier entry is the violation whatever the workers.
func TestPropertyResidualConsistencyAcrossShards(t *testing.T) {
	r1, r2 := common.Address{19: 1}, common.Address{18: 1}
	row := func(res1, res2 uint64) []Entry {
		return []Entry{{Recipient: r1, MR: *uint256.NewInt(1), Residual: *uint256.NewInt(res1)},
			{Recipient: r2, MR: *uint256.NewInt(1), Residual: *uint256.NewInt(res2)}}
	}
	s := &roundSpec{round: *uint256.NewInt(1), providers: []common.Address{{19: 1}, {19: 2}},
		capacities: make([]uint256.Int, 2), rows: [][]Entry{row(5, 6), row(7, 8)}}
	want := Violation{Rule: RuleResidualConsistency, Provider: 1, Entry: 0, OtherProvider: 0, OtherEntry: 0}
	for _, workers := range []int{1, 2, 3, 7, 300} {
		for form, eval := range specForms(s) {
			t.Run(fmt.Sprintf("%s/workers=%d", form, workers), func(t *testing.T) {
				res, v := eval(Options{Workers: workers})
				checkViolationIs(t, res, v, want)
			})
		}
	}
}

func TestPropertyRoundObjects(t *testing.T) {
	forSeeds(t, 10, func(t *testing.T, rng *rand.Rand) {
		r := genSpec(rng, fullConfig).build()
		o := objectsOf(r)
		objects := r.Objects()
		eq(t, "manifest object", objects[0], Object{Kind: KindManifest, Key: o.commitment, Data: o.manifest})
		rows := map[common.Hash][]byte{}
		for _, obj := range objects[1:] {
			if obj.Kind != KindRow || rows[obj.Key] != nil {
				t.Fatalf("object %s %s is not a row published once", obj.Kind, obj.Key.Hex())
			}
			rows[obj.Key] = obj.Data
		}
		eq(t, "row objects", rows, o.rows)
	})
}

// TestDepthOfLargeCounts checks Depth near the top of int's range. Each
// call runs under a deadline: a Depth that does not return fails the test
// instead of hanging the suite (it keeps one core busy until the test binary
// exits).
func TestDepthOfLargeCounts(t *testing.T) {
	for _, tc := range []struct{ n, want int }{
		{1 << 40, 40}, {1<<40 + 1, 41}, {1 << 62, 62}, {1<<62 + 1, 63},
	} {
		done := make(chan int, 1)
		go func() { done <- Depth(tc.n) }()
		select {
		case got := <-done:
			eq(t, fmt.Sprintf("Depth(%d)", tc.n), got, tc.want)
		case <-time.After(time.Second):
			t.Errorf("Depth(%d) has not returned after 1 s", tc.n)
			return
		}
	}
}
