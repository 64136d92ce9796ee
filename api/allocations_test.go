package api_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

func TestRecipientAllocationsCorrectPublication(t *testing.T) {
	tr := newTestRound(t, 7, nil)
	for ri, r := range recipients {
		t.Run(r.Hex(), func(t *testing.T) {
			got, err := api.RecipientAllocations(tr.record, tr.commitments, tr.published, r)
			if err != nil {
				t.Fatal(err)
			}
			var wantProviders []int
			for p, row := range rows {
				if slices.Contains(row, ri) {
					wantProviders = append(wantProviders, p)
				}
			}
			if len(got) != len(wantProviders) {
				t.Fatalf("got %d allocations, want %d", len(got), len(wantProviders))
			}
			for i, a := range got {
				p := wantProviders[i]
				k := entryIndex(t, tr, p, r)
				correct := tr.res.Amount(k)
				wantProof, _ := tr.res.AllocTree.Proof(k)
				switch {
				case a.Provider != providers[p] || a.ProviderIndex != p || a.Index != k:
					t.Errorf("allocation %d: provider %s #%d index %d, want %s #%d index %d", i, a.Provider, a.ProviderIndex, a.Index, providers[p], p, k)
				case a.CorrectAmount == nil || !a.CorrectAmount.Eq(&correct):
					t.Errorf("allocation %d: correct amount %v, want %s", i, a.CorrectAmount, correct.Dec())
				case a.Amount == nil || !a.Amount.Eq(&correct):
					t.Errorf("allocation %d: published amount %v, want %s", i, a.Amount, correct.Dec())
				case !slices.Equal(a.Proof, wantProof) || len(a.Proof) != recompute.Depth(tr.res.EntryCount):
					t.Errorf("allocation %d: proof %v, want %v", i, a.Proof, wantProof)
				case a.AllocTreeRoot == nil || *a.AllocTreeRoot != tr.res.AllocTreeRoot:
					t.Errorf("allocation %d: allocTreeRoot %v, want %s", i, a.AllocTreeRoot, tr.res.AllocTreeRoot)
				case a.AllocationRoot == nil || *a.AllocationRoot != tr.res.AllocationRoot:
					t.Errorf("allocation %d: allocationRoot %v, want %s", i, a.AllocationRoot, tr.res.AllocationRoot)
				case !a.Verifies:
					t.Errorf("allocation %d: does not verify", i)
				}
			}
		})
	}
}

func TestRecipientAllocationsWrongPublication(t *testing.T) {
	shared := recipients[2] // in every row
	base := newTestRound(t, 7, nil)
	k := entryIndex(t, base, 1, shared)
	correct := base.res.Amount(k)
	tr := newTestRound(t, 7, setAmount(k, correct.Uint64()+1))
	if tr.tree.Root() == tr.res.AllocTreeRoot {
		t.Fatal("tampered data has the correct tree root")
	}

	got, err := api.RecipientAllocations(tr.record, tr.commitments, tr.published, shared)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d allocations, want 3", len(got))
	}
	for i, a := range got {
		if !a.Verifies {
			t.Errorf("allocation %d (index %d): the published amount does not verify against its own root", i, a.Index)
		}
		if *a.AllocTreeRoot != tr.tree.Root() {
			t.Errorf("allocation %d: allocTreeRoot %s, want the published %s", i, a.AllocTreeRoot, tr.tree.Root())
		}
		want, _ := tr.tree.Proof(a.Index)
		if !slices.Equal(a.Proof, want) {
			t.Errorf("allocation %d: proof is not the published tree's", i)
		}
		differs := !a.Amount.Eq(a.CorrectAmount)
		if differs != (a.Index == k) {
			t.Errorf("allocation %d (index %d): amount %s, correct %s; want a difference only at index %d", i, a.Index, a.Amount.Dec(), a.CorrectAmount.Dec(), k)
		}
	}
}

func TestRecipientAllocationsCases(t *testing.T) {
	good := newTestRound(t, 7, nil)
	k := entryIndex(t, good, 0, recipients[0]) // index 0
	last := entryIndex(t, good, 2, recipients[5])

	noBatch := good.record
	noBatch.Batches, noBatch.AllocationRoot = nil, nil

	shortData := good.published[:32*(last)] // every amount but the last
	shortTree, err := recompute.AllocTreeFromData(shortData, 1)
	if err != nil {
		t.Fatal(err)
	}
	short := withBatchData(good.record, shortData, shortTree.Root())

	ragged := append(append([]byte(nil), good.published...), 0xff) // not whole amounts
	raggedRound := withBatchData(good.record, ragged, good.tree.Root())

	// Data that hashes to the batch's dataHash but whose tree is not the
	// batch's allocTreeRoot (a bad publication).
	wrongTree := withBatchData(good.record, good.published, common.HexToHash("0xbad"))

	otherRound := newTestRound(t, 8, nil)

	type want struct {
		n         int  // allocations
		amount    bool // published amounts present
		proof     bool
		roots     bool
		verifies  bool
		checkAt   int // global index to check (-1: every allocation)
		errTarget error
	}
	tests := []struct {
		name       string
		round      index.Round
		commitment []byte
		published  []byte
		recipient  common.Address
		want       want
	}{
		{"no entries", good.record, good.commitments, good.published, stranger, want{n: 0, checkAt: -1}},
		{"no batch", noBatch, good.commitments, nil, recipients[0], want{n: 2, checkAt: -1}},
		{"no batch, data given", noBatch, good.commitments, good.published, recipients[0], want{n: 2, checkAt: -1}},
		{"data unavailable", good.record, good.commitments, nil, recipients[0], want{n: 2, roots: true, checkAt: -1}},
		{"data of another hash", good.record, good.commitments, otherRound.published[:len(otherRound.published)-32], recipients[0], want{n: 2, roots: true, checkAt: -1}},
		{"short data, covered index", short, good.commitments, shortData, recipients[0], want{n: 2, amount: true, proof: true, roots: true, verifies: true, checkAt: k}},
		{"short data, missing index", short, good.commitments, shortData, recipients[5], want{n: 2, roots: true, checkAt: last}},
		{"ragged data", raggedRound, good.commitments, ragged, recipients[0], want{n: 2, amount: true, roots: true, checkAt: -1}},
		{"tree root not the batch's", wrongTree, good.commitments, good.published, recipients[0], want{n: 2, amount: true, proof: true, roots: true, checkAt: -1}},
		{"commitment data of another round", good.record, otherRound.commitments, good.published, recipients[0], want{errTarget: api.ErrCommitmentMismatch}},
		{"garbage commitment data", good.record, []byte{1, 2, 3}, good.published, recipients[0], want{errTarget: api.ErrCommitmentData}},
		{"no commitment data", good.record, nil, good.published, recipients[0], want{errTarget: api.ErrCommitmentData}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := api.RecipientAllocations(tt.round, tt.commitment, tt.published, tt.recipient)
			if tt.want.errTarget != nil {
				if !errors.Is(err, tt.want.errTarget) {
					t.Fatalf("err %v, want %v", err, tt.want.errTarget)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got == nil || len(got) != tt.want.n {
				t.Fatalf("got %d allocations (nil %t), want %d", len(got), got == nil, tt.want.n)
			}
			for _, a := range got {
				if tt.want.checkAt >= 0 && a.Index != tt.want.checkAt {
					continue
				}
				if a.CorrectAmount == nil {
					t.Errorf("index %d: no correct amount", a.Index)
				}
				if (a.Amount != nil) != tt.want.amount || (a.Proof != nil) != tt.want.proof ||
					(a.AllocTreeRoot != nil && a.AllocationRoot != nil) != tt.want.roots || a.Verifies != tt.want.verifies {
					t.Errorf("index %d: amount %v proof %v roots %v/%v verifies %t; want amount %t proof %t roots %t verifies %t",
						a.Index, a.Amount, a.Proof, a.AllocTreeRoot, a.AllocationRoot, a.Verifies,
						tt.want.amount, tt.want.proof, tt.want.roots, tt.want.verifies)
				}
			}
		})
	}
}

// withBatchData returns rd whose latest batch publishes data with the given
// allocTreeRoot (and the matching dataHash and allocationRoot).
func withBatchData(rd index.Round, data []byte, treeRoot common.Hash) index.Round {
	b := rd.Batches[len(rd.Batches)-1]
	b.DataHash = recompute.DataHash(data)
	b.AllocTreeRoot = treeRoot
	b.AllocationRoot = recompute.AllocationRoot(rd.CommitmentRoot, treeRoot, b.DataHash)
	rd.Batches = append(slices.Clone(rd.Batches[:len(rd.Batches)-1]), b)
	root := b.AllocationRoot
	rd.AllocationRoot = &root
	return rd
}

// TestAllocationJSON pins the JSON of an allocation: field names, amounts as
// decimal strings, hashes as 0x-hex, nulls for what is unknown.
func TestAllocationJSON(t *testing.T) {
	root := common.HexToHash("0x01")
	tests := []struct {
		name string
		a    api.Allocation
		want string
	}{
		{
			"published",
			api.Allocation{
				Provider: common.HexToAddress("0xa1"), ProviderIndex: 1, Index: 5,
				Amount: uint256.NewInt(12), CorrectAmount: uint256.NewInt(1 << 62),
				Proof: []common.Hash{root}, AllocTreeRoot: &root, AllocationRoot: &root, Verifies: true,
			},
			`{"provider":"0x00000000000000000000000000000000000000a1","providerIndex":1,"index":5,"amount":"12","correctAmount":"4611686018427387904","proof":["0x0000000000000000000000000000000000000000000000000000000000000001"],"allocTreeRoot":"0x0000000000000000000000000000000000000000000000000000000000000001","allocationRoot":"0x0000000000000000000000000000000000000000000000000000000000000001","verifies":true}`,
		},
		{
			"unavailable",
			api.Allocation{Provider: common.HexToAddress("0xa1"), CorrectAmount: uint256.NewInt(3)},
			`{"provider":"0x00000000000000000000000000000000000000a1","providerIndex":0,"index":0,"amount":null,"correctAmount":"3","proof":null,"allocTreeRoot":null,"allocationRoot":null,"verifies":false}`,
		},
		{
			"single-leaf tree: empty proof",
			api.Allocation{CorrectAmount: uint256.NewInt(0), Amount: uint256.NewInt(0), Proof: []common.Hash{}},
			`{"provider":"0x0000000000000000000000000000000000000000","providerIndex":0,"index":0,"amount":"0","correctAmount":"0","proof":[],"allocTreeRoot":null,"allocationRoot":null,"verifies":false}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, v := range []any{tt.a, &tt.a} { // by value and by pointer alike
				got, err := json.Marshal(v)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != tt.want {
					t.Errorf("got  %s\nwant %s", got, tt.want)
				}
			}
		})
	}
}

// TestRecipientAllocationsSingleEntry: a round of one entry has a tree of
// depth 0, whose proofs are empty (not missing) and verify.
func TestRecipientAllocationsSingleEntry(t *testing.T) {
	c := &recompute.Commitments{Providers: []recompute.Provider{{
		Address: providers[0],
		Entries: []recompute.Entry{{Recipient: recipients[0]}},
	}}}
	c.Round.SetUint64(3)
	c.Providers[0].Capacity.SetUint64(500)
	c.Providers[0].Entries[0].MR.SetUint64(1)
	c.Providers[0].Entries[0].Residual.SetUint64(9)
	res, err := recompute.Compute(c, recompute.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rd := withBatchData(index.Round{Round: 3, CommitmentRoot: res.CommitmentRoot, Batches: []index.Batch{{}}}, res.AllocationData, res.AllocTreeRoot)
	got, err := api.RecipientAllocations(rd, recompute.Encode(c), res.AllocationData, recipients[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Proof == nil || len(got[0].Proof) != 0 || !got[0].Verifies || got[0].Amount.Uint64() != 500 {
		t.Fatalf("got %+v, want one allocation of 500 with an empty proof that verifies", got)
	}
}
