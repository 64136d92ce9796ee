package judge

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/denomwatch/denomwatch/internal/testvectors"
	"github.com/denomwatch/denomwatch/recompute"
)

// vectorRound is a vector case as a watcher meets it: the commitment the
// chain would carry and holdings with every object of the case that
// verifies.
type vectorRound struct {
	round uint64
	c     Commitment
	h     *Holdings
}

// loadVectorRound returns the case's round, or false for cases no chain
// carries (the CLI's round and bounds rules: commitRound refuses them; and
// unavailable manifests: their commitment's fields are not in the case).
func loadVectorRound(t *testing.T, c *testvectors.V2Case, want *testvectors.V2Expect) (*vectorRound, bool) {
	t.Helper()
	switch recompute.Rule(want.Rule) {
	case recompute.RuleABI, recompute.RuleRound, recompute.RuleBounds, recompute.RuleUnavailableManifest:
		return nil, false
	}
	if c.Objects == nil {
		return nil, false
	}
	key := common.HexToHash(c.Commitment)
	manifest := hexutil.MustDecode(c.Objects[recompute.ObjectPath(recompute.KindManifest, key)])
	m, err := recompute.DecodeManifest(manifest)
	if err != nil {
		t.Fatal(err)
	}
	r := &vectorRound{round: m.Round.Uint64(), c: Commitment{Root: key, ProvidersRoot: common.HexToHash(want.ProvidersRoot),
		ProviderCount: len(m.Headers), EntryCount: m.E.Uint64()}}
	if r.h, err = NewHoldings(r.round, r.c); err != nil {
		t.Fatal(err)
	}
	if err := r.h.AddManifest(manifest); err != nil {
		t.Fatal(err)
	}
	for path, data := range c.Objects {
		if k, ok := strings.CutPrefix(path, string(recompute.KindRow)+"/"); ok {
			if _, err := r.h.AddRow(common.HexToHash(k), hexutil.MustDecode(data)); err != nil && !classified(err) {
				t.Fatalf("%s: unclassified refusal %v", path, err)
			}
		}
	}
	return r, true
}

func (r *vectorRound) facts(b *Batch) Facts {
	c := r.c
	return Facts{Round: r.round, Commitment: &c, Batch: b, Confirmed: true, Held: r.h}
}

func (r *vectorRound) batch(attempt uint64, roots []common.Hash) *Batch {
	tree := recompute.NewTree(roots).Root()
	return &Batch{Attempt: attempt, AllocTreeRoot: tree, AllocationRoot: recompute.AllocationRoot(r.c.Root, tree), ProviderAllocRoots: roots}
}

// TestVectors judges every vector case a chain can carry, without a batch
// and with one: well-formed rounds are awaiting-batch, then valid under the
// case's batch and fraud under its bad batch (with the first wrong entry of
// its allocations object); malformed ones are malformed-commitments, then
// fraud, at the case's position; a case with an unavailable row lists it
// as the lowest row missing.
func TestVectors(t *testing.T) {
	vec := testvectors.LoadV2(t)
	for i := range vec.Cases {
		c := &vec.Cases[i]
		want := c.Typed(t)
		t.Run(c.Name, func(t *testing.T) {
			r, ok := loadVectorRound(t, c, want)
			if !ok {
				t.Skip("no chain carries this case")
			}
			v, res := judge(t, r.facts(nil))
			switch {
			case want.WellFormed:
				checkVerdict(t, v, want2(StatusAwaitingBatch))
				checkVectorBatches(t, r, c, res)
			case recompute.Rule(want.Rule) == recompute.RuleUnavailableRow:
				checkVectorUnavailable(t, r, v, res, want)
			default:
				checkVectorRule(t, v, want, StatusMalformed)
				v, _ = judge(t, r.facts(r.batch(0, make([]common.Hash, r.c.ProviderCount))))
				checkVectorRule(t, v, want, StatusFraud)
			}
		})
	}
}

func want2(s Status) want { return want{status: s} }

func checkVectorRule(t *testing.T, v Verdict, want *testvectors.V2Expect, status Status) {
	t.Helper()
	got := v.Violation()
	if v.Status != status || got == nil || string(got.Rule) != want.Rule || got.Provider != *want.Provider || string(got.Clause) != want.Clause {
		t.Fatalf("%s %s at %v, want %s %s at %d", v.Status, v.Rule, deref(v.Provider), status, want.Rule, *want.Provider)
	}
	if (want.Entry != nil) != (v.Entry != nil) || want.Entry != nil && *want.Entry != *v.Entry {
		t.Fatalf("entry %v, want %v", deref(v.Entry), want.Entry)
	}
	if (want.OtherProvider != nil) != (v.OtherProvider != nil) ||
		want.OtherProvider != nil && (*want.OtherProvider != *v.OtherProvider || *want.OtherEntry != *v.OtherEntry) {
		t.Fatalf("other %v %v", deref(v.OtherProvider), deref(v.OtherEntry))
	}
}

// checkVectorUnavailable: the case's unavailable row is the lowest row
// missing; with a batch that claims the held rows' own roots the round is
// unavailable, unless a held row breaks a rule.
func checkVectorUnavailable(t *testing.T, r *vectorRound, v Verdict, res *recompute.Result, want *testvectors.V2Expect) {
	t.Helper()
	rows := slices.DeleteFunc(missingList(v), func(s string) bool { return !strings.HasPrefix(s, "row ") })
	if len(rows) == 0 || !strings.HasPrefix(rows[0], fmt.Sprintf("row %d", *want.Provider)) {
		t.Fatalf("missing %q, want row %d first", rows, *want.Provider)
	}
	v, _ = judge(t, r.facts(r.batch(1, slices.Clone(res.ProviderAllocRoots))))
	if v.Status != StatusUnavailable && (v.Status != StatusFraud || v.Rule == RuleBadAllocation) {
		t.Fatalf("with a batch: %s %s", v.Status, v.Rule)
	}
}

// checkVectorBatches judges a well-formed case under its batch and its bad
// batch.
func checkVectorBatches(t *testing.T, r *vectorRound, c *testvectors.V2Case, res *recompute.Result) {
	t.Helper()
	for key, obj := range c.Extra.AllocObjects {
		p := slices.Index(res.ProviderAllocRoots, common.HexToHash(key))
		if err := r.h.AddAllocations(p, common.HexToHash(key), hexutil.MustDecode(obj)); err != nil {
			t.Fatalf("allocations object of provider %d: %v", p, err)
		}
	}
	if b := c.Extra.Batch; b != nil {
		batch := r.batch(1, slices.Clone(res.ProviderAllocRoots))
		if batch.AllocationRoot.Hex() != b.AllocationRoot {
			t.Fatalf("allocationRoot %s, the case's batch %s", batch.AllocationRoot.Hex(), b.AllocationRoot)
		}
		v, _ := judge(t, r.facts(batch))
		checkVerdict(t, v, want2(StatusValid))
	}
	bb := c.Extra.BadBatch
	if bb == nil {
		return
	}
	var claimed []common.Hash
	for _, s := range bb.ClaimedProviderAllocRoots {
		claimed = append(claimed, common.HexToHash(s))
	}
	batch := r.batch(2, claimed)
	if batch.AllocationRoot.Hex() != bb.ClaimedAllocationRoot {
		t.Fatalf("claimed allocationRoot %s, the case's %s", batch.AllocationRoot.Hex(), bb.ClaimedAllocationRoot)
	}
	for key, obj := range bb.ClaimedAllocObject {
		if err := r.h.AddAllocations(bb.Provider, common.HexToHash(key), hexutil.MustDecode(obj)); err != nil {
			t.Fatal(err)
		}
	}
	v, _ := judge(t, r.facts(batch))
	checkVerdict(t, v, want{status: StatusFraud, rule: RuleBadAllocation, p: ip(bb.Provider), wrongEntry: bb.FirstWrongEntry.J})
	ba := v.BadAllocation
	if ba.CorrectProviderAllocRoot.Hex() != bb.CorrectProviderAllocRoot || ba.FirstWrongEntry.Claimed.Dec() != bb.FirstWrongEntry.Claimed ||
		ba.FirstWrongEntry.Correct.Dec() != bb.FirstWrongEntry.Correct {
		t.Fatalf("bad allocation %+v %+v", ba, ba.FirstWrongEntry)
	}
}
