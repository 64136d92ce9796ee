package api_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// TestRecipientAllocationsHonest: against an honest batch, every recipient
// gets one allocation per row naming it, with recompute's amount and
// two-level proof, verifying, and the verifyAllocation arguments of it.
func TestRecipientAllocationsHonest(t *testing.T) {
	tr := newTestRound(t, 7, nil)
	for ri, r := range recipients {
		t.Run(r.Hex(), func(t *testing.T) {
			got, err := api.RecipientAllocations(tr.record, tr.get(), r)
			if err != nil {
				t.Fatal(err)
			}
			if got.Data != api.DataComplete || got.Batch == nil || got.Batch.AllocTreeRoot != tr.res.AllocTreeRoot || got.Wrong() {
				t.Fatalf("data %s, batch %+v, wrong %t", got.Data, got.Batch, got.Wrong())
			}
			var wantProviders []int
			for p, row := range rows {
				if slices.Contains(row, ri) {
					wantProviders = append(wantProviders, p)
				}
			}
			if len(got.Allocations) != len(wantProviders) {
				t.Fatalf("got %d allocations, want %d", len(got.Allocations), len(wantProviders))
			}
			for i, a := range got.Allocations {
				checkHonest(t, tr, wantProviders[i], r, &a)
			}
		})
	}
}

// checkHonest checks a, recipient r's allocation from provider p of an
// honest round.
func checkHonest(t *testing.T, tr *testRound, p int, r common.Address, a *api.Allocation) {
	t.Helper()
	j := entryOf(t, tr, p, r)
	want, err := tr.res.AllocationProof(p, j)
	if err != nil {
		t.Fatal(err)
	}
	hd := tr.rd.Manifest.Headers[p]
	switch {
	case a.Provider != providers[p] || a.ProviderIndex != p || a.Entry != j || a.Index != hd.EntryOffset.Uint64()+uint64(j) || a.Recipient != r:
		t.Errorf("provider %s #%d entry %d index %d recipient %s, want %s #%d entry %d", a.Provider, a.ProviderIndex, a.Entry, a.Index, a.Recipient, providers[p], p, j)
	case a.CorrectAmount == nil || !a.CorrectAmount.Eq(&want.Amount) || a.Amount == nil || !a.Amount.Eq(&want.Amount):
		t.Errorf("amount %v, correct %v, want %s", a.Amount, a.CorrectAmount, want.Amount.Dec())
	case !slices.Equal(a.EntryProof, want.EntryProof) || !slices.Equal(a.ProviderProof, want.ProviderProof):
		t.Errorf("proofs %v %v, want %v %v", a.EntryProof, a.ProviderProof, want.EntryProof, want.ProviderProof)
	case len(a.EntryProof) != recompute.Depth(tr.rd.Rows[p].Len()) || len(a.ProviderProof) != recompute.Depth(len(providers)):
		t.Errorf("proof lengths %d, %d", len(a.EntryProof), len(a.ProviderProof))
	case a.AllocTreeRoot == nil || *a.AllocTreeRoot != tr.res.AllocTreeRoot || a.AllocationRoot == nil || *a.AllocationRoot != tr.res.AllocationRoot:
		t.Errorf("roots %v %v, want %s %s", a.AllocTreeRoot, a.AllocationRoot, tr.res.AllocTreeRoot, tr.res.AllocationRoot)
	case !a.Verifies || a.Wrong():
		t.Errorf("verifies %t, wrong %t", a.Verifies, a.Wrong())
	}
	args := a.VerifyAllocation
	if args == nil || args.Round != "7" || args.P != itoa(uint64(p)) || args.J != itoa(uint64(j)) || args.Provider != want.Provider || args.Recipient != r ||
		args.Amount != want.Amount.Dec() || !slices.Equal(args.EntryProof, want.EntryProof) || !slices.Equal(args.ProviderProof, want.ProviderProof) {
		t.Errorf("verifyAllocation %+v", args)
	}
}

// TestRecipientAllocationsWrongClaim: a batch claiming one amount too many
// for the shared recipient in row 1: that allocation is wrong (its claim
// still verifies against the batch's own root), the others are right.
func TestRecipientAllocationsWrongClaim(t *testing.T) {
	shared := recipients[2] // in every row
	base := newTestRound(t, 7, nil)
	j := entryOf(t, base, 1, shared)
	correct := base.res.RowAmounts(1)[j]
	tr := newTestRound(t, 7, setAmount(1, j, correct.Uint64()+1))
	if tr.tree.Root() == tr.res.AllocTreeRoot {
		t.Fatal("the tampered batch has the correct tree root")
	}
	got, err := api.RecipientAllocations(tr.record, tr.get(), shared)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Allocations) != 3 || !got.Wrong() {
		t.Fatalf("%d allocations, wrong %t", len(got.Allocations), got.Wrong())
	}
	for _, a := range got.Allocations {
		ap := &recompute.AllocProof{P: a.ProviderIndex, J: a.Entry, Provider: a.Provider, Recipient: a.Recipient, Amount: *a.Amount, EntryProof: a.EntryProof, ProviderProof: a.ProviderProof}
		if !a.Verifies || !recompute.VerifyAllocation(tr.tree.Root(), len(providers), ap) || *a.AllocTreeRoot != tr.tree.Root() {
			t.Errorf("provider %d: the claim does not verify against the batch's root", a.ProviderIndex)
		}
		if a.Wrong() != (a.ProviderIndex == 1) || (*a.ProviderAllocRoot != *a.CorrectProviderAllocRoot) != (a.ProviderIndex == 1) {
			t.Errorf("provider %d: amount %s, correct %s, wrong %t", a.ProviderIndex, a.Amount.Dec(), a.CorrectAmount.Dec(), a.Wrong())
		}
	}
}

// malformedRound is round n with entry 1 of row 0 given mr 0 (rule
// mr-range), under a batch claiming zeros.
func malformedRound(t testing.TB, n uint64) *testRound {
	t.Helper()
	rd := genRound(t, n)
	entries := rd.Rows[0].Entries()
	entries[1].MR.Clear()
	rd.Rows[0] = recompute.NewRow(entries)
	rd.Manifest.Headers[0].EntriesRoot = recompute.EntriesRoot(rd.Rows[0])
	tr := newTestRoundOf(t, rd, nil)
	if tr.res != nil {
		t.Fatal("the round is well formed")
	}
	return tr
}

// want is what a case of TestRecipientAllocationsCases expects.
type want struct {
	data    api.DataState
	rule    recompute.Rule
	missing []judge.ObjectKind
	batch   bool
	n       int  // allocations
	amounts int  // allocations with a claimed amount
	correct bool // correct amounts set
	wrong   bool
	err     error
}

func TestRecipientAllocationsCases(t *testing.T) {
	shared := recipients[2]
	good := newTestRound(t, 7, nil)
	j := entryOf(t, good, 1, shared)
	bad := newTestRound(t, 8, setAmount(1, j, 1))
	mal := malformedRound(t, 9)
	row1 := objectKey{recompute.KindRow, good.rd.Manifest.Headers[1].EntriesRoot}
	manifest := objectKey{recompute.KindManifest, good.record.CommitmentRoot}
	noBatch, voided, v1, noCommit := good.record, good.record, good.record, good.record
	noBatch.Batches = nil
	voided.Batches = slices.Clone(good.record.Batches)
	voided.Batches[0].Status = index.BatchVoided
	v1.Protocol = 0
	noCommit.CommitmentRoot = common.Hash{}
	tests := []struct {
		name string
		rec  index.Round
		get  api.ObjectGetter
		want want
	}{
		{"honest", good.record, good.get(), want{data: api.DataComplete, batch: true, n: 3, amounts: 3, correct: true}},
		{"honest, no allocations objects", good.record, good.get(allocKeys(good)...), want{data: api.DataComplete, batch: true, n: 3, amounts: 3, correct: true}},
		{"wrong claim", bad.record, bad.get(), want{data: api.DataComplete, batch: true, n: 3, amounts: 3, correct: true, wrong: true}},
		{"wrong root, no allocations objects", bad.record, bad.get(allocKeys(bad)...), want{data: api.DataComplete, batch: true, n: 3, amounts: 2, correct: true, wrong: true}},
		{"no batch", noBatch, good.get(), want{data: api.DataComplete, n: 3, correct: true}},
		{"voided batch", voided, good.get(), want{data: api.DataComplete, n: 3, correct: true}},
		{"manifest not held", good.record, good.get(manifest), want{data: api.DataUnavailable, missing: []judge.ObjectKind{judge.ObjectManifestPart}, batch: true}},
		{"row not held", good.record, good.get(row1), want{data: api.DataUnavailable, missing: []judge.ObjectKind{judge.ObjectRow}, batch: true, n: 2, amounts: 2}},
		{"malformed, signed", mal.record, mal.get(), want{data: api.DataMalformed, rule: recompute.RuleMRRange, batch: true, n: 3, amounts: 3, wrong: true}},
		{"protocol v1 record", v1, good.get(), want{err: api.ErrNotV2}},
		{"no commitment", noCommit, good.get(), want{err: api.ErrNoCommitment}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := api.RecipientAllocations(tt.rec, tt.get, shared)
			if tt.want.err != nil || err != nil {
				if !errors.Is(err, tt.want.err) {
					t.Fatalf("error %v, want %v", err, tt.want.err)
				}
				return
			}
			checkCase(t, got, tt.want)
		})
	}
}

func checkCase(t *testing.T, got *api.RoundAllocations, w want) {
	t.Helper()
	var kinds []judge.ObjectKind
	for _, o := range got.Missing {
		kinds = append(kinds, o.Kind)
	}
	if got.Data != w.data || got.Rule != w.rule || !slices.Equal(kinds, w.missing) || (got.Batch != nil) != w.batch || got.Wrong() != w.wrong {
		t.Fatalf("data %s rule %q missing %v batch %v wrong %t; want %+v", got.Data, got.Rule, kinds, got.Batch, got.Wrong(), w)
	}
	if got.Allocations == nil || len(got.Allocations) != w.n {
		t.Fatalf("%d allocations, want %d", len(got.Allocations), w.n)
	}
	amounts := 0
	for _, a := range got.Allocations {
		if a.Amount != nil {
			amounts++
			if !a.Verifies || a.VerifyAllocation == nil || a.EntryProof == nil {
				t.Errorf("provider %d: a claimed amount without a verifying proof", a.ProviderIndex)
			}
		} else if a.VerifyAllocation != nil || a.EntryProof != nil || a.Verifies {
			t.Errorf("provider %d: a proof without an amount", a.ProviderIndex)
		}
		if (a.CorrectAmount != nil) != w.correct {
			t.Errorf("provider %d: correct amount %v", a.ProviderIndex, a.CorrectAmount)
		}
	}
	if amounts != w.amounts {
		t.Errorf("%d claimed amounts, want %d", amounts, w.amounts)
	}
}

// allocKeys are the keys of tr's allocations objects.
func allocKeys(tr *testRound) []objectKey {
	var out []objectKey
	for _, r := range tr.roots {
		out = append(out, objectKey{recompute.KindAllocations, r})
	}
	return out
}

// TestAllocationJSON: the stable keys, uint256 as decimal strings, nulls
// where nothing is known, and the verifyAllocation arguments.
func TestAllocationJSON(t *testing.T) {
	tr := newTestRound(t, 7, nil)
	got, err := api.RecipientAllocations(tr.record, tr.get(), recipients[4]) // one entry: provider 1
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Data        string           `json:"data"`
		Batch       map[string]any   `json:"batch"`
		Allocations []map[string]any `json:"allocations"`
	}
	if err := json.Unmarshal(b, &raw); err != nil || len(raw.Allocations) != 1 || raw.Data != "complete" || raw.Batch["attempt"] != 0.0 {
		t.Fatalf("%s: %v", b, err)
	}
	a := raw.Allocations[0]
	for _, k := range []string{"provider", "providerIndex", "entry", "index", "recipient", "amount", "correctAmount", "providerAllocRoot",
		"correctProviderAllocRoot", "entryProof", "providerProof", "allocTreeRoot", "allocationRoot", "verifies", "verifyAllocation"} {
		if _, ok := a[k]; !ok {
			t.Errorf("no key %q in %s", k, b)
		}
	}
	want := tr.res.RowAmounts(1)[entryOf(t, tr, 1, recipients[4])]
	if a["amount"] != want.Dec() || a["correctAmount"] != want.Dec() || a["providerIndex"] != 1.0 {
		t.Errorf("amount %v, correct %v, want the string %s", a["amount"], a["correctAmount"], want.Dec())
	}
	args, _ := a["verifyAllocation"].(map[string]any)
	for _, k := range []string{"round", "p", "j", "amount"} {
		if _, ok := args[k].(string); !ok {
			t.Errorf("verifyAllocation.%s is %v, not a decimal string", k, args[k])
		}
	}
	if args["provider"] != "0x00000000000000000000000000000000000000a2" || args["recipient"] != "0xabcdef0000000000000000000000000000000005" {
		t.Errorf("addresses %v %v", args["provider"], args["recipient"])
	}
	noBatch := tr.record
	noBatch.Batches = nil
	got, _ = api.RecipientAllocations(noBatch, tr.get(), recipients[4])
	b, _ = json.Marshal(got.Allocations[0])
	var none map[string]any
	_ = json.Unmarshal(b, &none)
	for _, k := range []string{"amount", "entryProof", "providerProof", "allocTreeRoot", "verifyAllocation"} {
		if v, ok := none[k]; !ok || v != nil {
			t.Errorf("no batch: %s is %v, want null", k, v)
		}
	}
}
