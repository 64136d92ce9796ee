package recompute

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/internal/testvectors"
)

type (
	vectorCase  = testvectors.Case
	proofVector = testvectors.Proof
)

func loadVectors(tb testing.TB) *testvectors.Protocol { return testvectors.LoadProtocol(tb) }

func mustRound(t testing.TB, s string) *uint256.Int {
	t.Helper()
	v, err := uint256.FromDecimal(s)
	if err != nil {
		t.Fatalf("round %q: %v", s, err)
	}
	return v
}

func hashes(t testing.TB, ss []string) []common.Hash {
	t.Helper()
	out := make([]common.Hash, len(ss))
	for i, s := range ss {
		b, err := hexutil.Decode(s)
		if err != nil || len(b) != 32 {
			t.Fatalf("bad hash %q", s)
		}
		out[i] = common.BytesToHash(b)
	}
	return out
}

func decStrings(v []uint256.Int) []string {
	out := make([]string, len(v))
	for i := range v {
		out[i] = v[i].Dec()
	}
	return out
}

// TestVectorRuleNames checks that the rule names of the vectors' note are
// exactly the package's rules.
func TestVectorRuleNames(t *testing.T) {
	vf := loadVectors(t)
	m := regexp.MustCompile(`rule names: ([^)]*)\)`).FindStringSubmatch(vf.Note)
	if m == nil {
		t.Fatalf("no rule list in note %q", vf.Note)
	}
	var want []string
	for _, r := range strings.Split(m[1], ",") {
		want = append(want, strings.TrimSpace(r))
	}
	var got []string
	for _, r := range Rules {
		got = append(got, string(r))
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("rules %v, vectors name %v", got, want)
	}
}

func TestVectors(t *testing.T) {
	vf := loadVectors(t)
	for _, tc := range vf.Cases {
		t.Run(tc.Name, func(t *testing.T) {
			data, err := hexutil.Decode(tc.Data)
			if err != nil {
				t.Fatal(err)
			}
			round := mustRound(t, tc.OnchainRound)
			c, err := Decode(data)
			if err == nil {
				err = c.Validate(round)
			}
			ex := tc.Expect
			if !ex.WellFormed {
				if err == nil {
					t.Fatalf("accepted malformed data; want rule %s", ex.Rule)
				}
				if !errors.Is(err, ErrMalformed) {
					t.Fatalf("error %v is not ErrMalformed", err)
				}
				if got := RuleOf(err); string(got) != ex.Rule {
					t.Fatalf("rule %q (%v), want %q", got, err, ex.Rule)
				}
				if c != nil && ex.AllocationIfComputed != nil && CommitmentRootOf(c).Hex() != ex.AllocationIfComputed.CommitmentRoot {
					t.Errorf("CommitmentRootOf = %s", CommitmentRootOf(c).Hex())
				}
				if ex.AllocationIfComputed != nil {
					res, err := Compute(c, Options{})
					if err != nil {
						t.Fatal(err)
					}
					aic := ex.AllocationIfComputed
					if res.CommitmentRoot.Hex() != aic.CommitmentRoot || res.AllocationRoot.Hex() != aic.AllocationRoot {
						t.Errorf("roots %s %s, want %s %s", res.CommitmentRoot.Hex(), res.AllocationRoot.Hex(), aic.CommitmentRoot, aic.AllocationRoot)
					}
					if got := amountStrings(res); !slices.Equal(got, aic.Amounts) {
						t.Errorf("amounts %v, want %v", got, aic.Amounts)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("rejected well-formed data: %v", err)
			}
			if got := CommitmentRootOf(c); got.Hex() != ex.CommitmentRoot {
				t.Errorf("CommitmentRootOf = %s, want %s", got.Hex(), ex.CommitmentRoot)
			}
			if enc := Encode(c); !bytes.Equal(enc, data) {
				t.Error("Encode(Decode(data)) != data")
			}
			for _, workers := range []int{1, 2, 3} {
				res, err := Compute(c, Options{Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				checkResult(t, res, &tc)
			}
		})
	}
}

func checkResult(t *testing.T, res *Result, tc *vectorCase) {
	t.Helper()
	ex := &tc.Expect
	if res.ProviderCount != ex.ProviderCount || res.EntryCount != ex.EntryCount {
		t.Errorf("P=%d E=%d, want %d %d", res.ProviderCount, res.EntryCount, ex.ProviderCount, ex.EntryCount)
	}
	for _, h := range []struct {
		name string
		got  common.Hash
		want string
	}{
		{"providersRoot", res.ProvidersRoot, ex.ProvidersRoot},
		{"commitmentRoot", res.CommitmentRoot, ex.CommitmentRoot},
		{"dataHash", res.DataHash, ex.DataHash},
		{"allocTreeRoot", res.AllocTreeRoot, ex.AllocTreeRoot},
		{"allocationRoot", res.AllocationRoot, ex.AllocationRoot},
	} {
		if h.got.Hex() != h.want {
			t.Errorf("%s = %s, want %s", h.name, h.got.Hex(), h.want)
		}
	}
	if got := decStrings(res.Denominators); !slices.Equal(got, ex.Denominators) {
		t.Errorf("denominators %v, want %v", got, ex.Denominators)
	}
	if got := amountStrings(res); !slices.Equal(got, ex.Amounts) {
		t.Errorf("amounts differ: got %d, want %d", len(got), len(ex.Amounts))
	}
	if len(res.AllocationData) != 32*ex.EntryCount {
		t.Errorf("allocationData is %d bytes", len(res.AllocationData))
	}
	if len(ex.Providers) != ex.ProviderCount {
		t.Fatalf("vector lists %d providers of %d", len(ex.Providers), ex.ProviderCount)
	}
	for _, pv := range ex.Providers {
		p := pv.Index
		if res.Offsets[p] != pv.EntryOffset || len(tcProviders(t, tc)[p].Entries) != pv.EntryCount {
			t.Errorf("provider %d: offset %d, want %d/%d", p, res.Offsets[p], pv.EntryOffset, pv.EntryCount)
		}
		if res.EntriesHashes[p].Hex() != pv.EntriesHash {
			t.Errorf("provider %d entriesHash %s, want %s", p, res.EntriesHashes[p].Hex(), pv.EntriesHash)
		}
		checkProof(t, "provider", res.ProvidersTree, res.ProvidersRoot, &pv.Proof)
	}
	for i := range ex.AllocProofs {
		checkProof(t, "alloc", res.AllocTree, res.AllocTreeRoot, &ex.AllocProofs[i])
		k := ex.AllocProofs[i].Index
		if leaf := AllocLeaf(k, ptr(res.Amount(k))); leaf.Hex() != ex.AllocProofs[i].Leaf {
			t.Errorf("AllocLeaf(%d) = %s", k, leaf.Hex())
		}
	}
}

func amountStrings(res *Result) []string {
	out := make([]string, res.EntryCount)
	for k := range out {
		a := res.Amount(k)
		out[k] = a.Dec()
	}
	return out
}

func ptr[T any](v T) *T { return &v }

func tcProviders(t *testing.T, tc *vectorCase) []Provider {
	c, err := Decode(hexutil.MustDecode(tc.Data))
	if err != nil {
		t.Fatal(err)
	}
	return c.Providers
}

func checkProof(t *testing.T, what string, tree *Tree, root common.Hash, pv *proofVector) {
	t.Helper()
	if got := tree.Leaf(pv.Index); got.Hex() != pv.Leaf {
		t.Errorf("%s leaf %d = %s, want %s", what, pv.Index, got.Hex(), pv.Leaf)
	}
	want := hashes(t, pv.Proof)
	got, ok := tree.Proof(pv.Index)
	if !ok || !slices.Equal(got, want) {
		t.Errorf("%s proof %d differs", what, pv.Index)
	}
	if !VerifyProof(root, tree.Leaf(pv.Index), pv.Index, tree.Len(), want) {
		t.Errorf("%s proof %d from the vector does not verify", what, pv.Index)
	}
}
