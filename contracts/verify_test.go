package contracts

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/recompute"
)

// TestVerifyAllocation: verifyAllocation accepts each leaf of the live or
// finalized batch at exactly one (p, j). A leaf's entry-level path folds to
// the same subtree root from j + 2^len as from j, and its provider-level path
// from p + 2^depth(P) as from p (shown here with the paths alone); the
// bounds j < 2^len(entryProof) and p < P refuse those positions.
func TestVerifyAllocation(t *testing.T) {
	t.Parallel()
	s := newFraudSetup(t, nil)
	tr := genRound(71, 1, []int{1, 2, 3, 0, 5, 8})
	s.commit(tr)
	if verifyOnChain(t, s.chain, tr, 1, 0, nil) {
		t.Fatal("accepted with no batch")
	}
	s.submit(tr, 0, nil, s.signing)
	P := len(tr.rows)
	for p := range tr.rows {
		for j := range tr.rows[p].Len() {
			ap, err := tr.res.AllocationProof(p, j)
			if err != nil {
				t.Fatal(err)
			}
			if !recompute.VerifyAllocation(tr.res.AllocTreeRoot, P, ap) || !verifyOnChain(t, s.chain, tr, p, j, nil) {
				t.Fatalf("provider %d entry %d refused", p, j)
			}
			aliasJ := j + 1<<len(ap.EntryProof)
			aliasP := p + 1<<len(ap.ProviderProof)
			if foldsTo(ap, aliasJ, p) != tr.res.AllocTreeRoot || foldsTo(ap, j, aliasP) != tr.res.AllocTreeRoot {
				t.Fatal("the aliases do not fold to the root: the bounds would not matter")
			}
			for _, pos := range [][2]int{{p, aliasJ}, {aliasP, j}, {p + P, j}, {aliasP, aliasJ}} {
				if verifyOnChain(t, s.chain, tr, p, j, func(a *recompute.AllocProof) { a.P, a.J = pos[0], pos[1] }) {
					t.Fatalf("leaf (%d, %d) accepted at (%d, %d)", p, j, pos[0], pos[1])
				}
			}
			checkOnlyPosition(t, s.chain, tr, ap)
		}
	}
	checkTampered(t, s.chain, tr)
	// A voided batch's leaves are not allocations any more, and the
	// finalized batch's are.
	tr2 := genRound(72, 2, []int{2, 2})
	s.commit(tr2)
	s.submit(tr2, 0, wrongRoots(tr2, 1), s.signing)
	proof, err := NewBadAllocation(tr2.res, 1, wrongRoots(tr2, 1))
	if err != nil {
		t.Fatal(err)
	}
	s.mustSend(s.challenger, proof.Calldata(), nil)
	if verifyOnChain(t, s.chain, tr2, 0, 0, nil) {
		t.Fatal("a voided batch's leaf accepted")
	}
	s.mineTo(s.getRound(1).Deadline.Uint64() + 1)
	s.mustSend(s.keys[1], avs.PackFinalizeRound(u64(1)), nil)
	if !verifyOnChain(t, s.chain, tr, 5, 7, nil) {
		t.Fatal("a finalized batch's leaf refused")
	}
}

// checkTampered: a changed leaf or path of provider 5's entry 3 is refused.
func checkTampered(t *testing.T, c *chain, tr *testRound) {
	t.Helper()
	for name, edit := range map[string]func(*recompute.AllocProof){
		"amount plus one":               func(a *recompute.AllocProof) { a.Amount.AddUint64(&a.Amount, 1) },
		"another recipient":             func(a *recompute.AllocProof) { a.Recipient[0] ^= 1 },
		"another provider":              func(a *recompute.AllocProof) { a.Provider = tr.m.Headers[1].Provider },
		"provider path one hash short":  func(a *recompute.AllocProof) { a.ProviderProof = a.ProviderProof[1:] },
		"entry path of eleven hashes":   func(a *recompute.AllocProof) { a.EntryProof = append(a.EntryProof, make([]common.Hash, 8)...) },
		"entry path one hash too short": func(a *recompute.AllocProof) { a.EntryProof = a.EntryProof[1:] },
	} {
		if verifyOnChain(t, c, tr, 5, 3, edit) {
			t.Errorf("%s: accepted", name)
		}
	}
}

// foldsTo folds ap's leaf up its two paths from the positions (j, p).
func foldsTo(ap *recompute.AllocProof, j, p int) common.Hash {
	fold := func(node common.Hash, k int, path []common.Hash) common.Hash {
		for i, sib := range path {
			if (k>>i)&1 == 1 {
				node = common.BytesToHash(keccakPair(sib, node))
			} else {
				node = common.BytesToHash(keccakPair(node, sib))
			}
		}
		return node
	}
	return fold(fold(ap.Leaf, j, ap.EntryProof), p, ap.ProviderProof)
}

// checkOnlyPosition runs the harness's copy of the check (the same library
// function) on every (p, j) with p < P + 2 and j < 2^(len + 1): only the
// leaf's own position is accepted.
func checkOnlyPosition(t *testing.T, c *chain, tr *testRound, ap *recompute.AllocProof) {
	t.Helper()
	P := len(tr.rows)
	for p := 0; p < P+2; p++ {
		for j := 0; j < 2<<len(ap.EntryProof); j++ {
			ok := hcall(c, harnessABI.PackVerifyLeaf(tr.res.AllocTreeRoot, big.NewInt(int64(P)), big.NewInt(int64(p)), big.NewInt(int64(j)), ap.Leaf,
				words(ap.EntryProof), words(ap.ProviderProof)), harnessABI.UnpackVerifyLeaf)
			if ok != (p == ap.P && j == ap.J) {
				t.Fatalf("leaf (%d, %d) at (%d, %d): %v", ap.P, ap.J, p, j, ok)
			}
		}
	}
}

func keccakPair(a, b common.Hash) []byte { return crypto.Keccak256(a[:], b[:]) }
