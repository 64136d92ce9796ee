package judge

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/recompute"
)

// missingList writes a verdict's missing objects as "kind index[ needed]".
func missingList(v Verdict) []string {
	var out []string
	for _, o := range v.Missing {
		idx := -1
		if o.Part != nil {
			idx = *o.Part
		} else if o.Provider != nil {
			idx = *o.Provider
		}
		s := fmt.Sprintf("%s %d", o.Kind, idx)
		if o.Needed {
			s += " needed"
		}
		out = append(out, s)
	}
	return out
}

// want is what a table case checks of a verdict.
type want struct {
	status  Status
	rule    recompute.Rule
	p       *int
	missing []string
	fact    Fact
	// wrongEntry is j of the first wrong entry of a bad allocation, -1 for
	// none named.
	wrongEntry int
	reason     string // a substring of the reason
}

func checkVerdict(t *testing.T, v Verdict, w want) {
	t.Helper()
	if v.Status != w.status || v.Rule != w.rule || v.MissingFact != w.fact {
		t.Fatalf("verdict %s %s %s (%s), want %s %s %s", v.Status, v.Rule, v.MissingFact, v.Reason, w.status, w.rule, w.fact)
	}
	if (v.Provider == nil) != (w.p == nil) || v.Provider != nil && *v.Provider != *w.p {
		t.Fatalf("provider %v, want %v (%s)", deref(v.Provider), deref(w.p), v.Reason)
	}
	if got := missingList(v); !slices.Equal(got, w.missing) {
		t.Fatalf("missing %q, want %q", got, w.missing)
	}
	if w.rule == RuleBadAllocation {
		got := -1
		if fw := v.BadAllocation.FirstWrongEntry; fw != nil {
			got = fw.Entry
		}
		if got != w.wrongEntry {
			t.Fatalf("first wrong entry %d, want %d", got, w.wrongEntry)
		}
	}
	if v.Reason == "" || strings.Contains(v.Reason, "\n") || !strings.Contains(v.Reason, w.reason) {
		t.Fatalf("reason %q, want one sentence containing %q", v.Reason, w.reason)
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestJudgeStatuses covers every status and the ways of reaching it on a
// round of four providers with three entries each.
func TestJudgeStatuses(t *testing.T) {
	f := wellFormed(4, 3).build(9)
	roots := f.correctRoots(t)
	wrong2 := slices.Clone(roots)
	amounts2, wrongRoot2 := f.wrongAmounts(t, 2, 1)
	wrong2[2] = wrongRoot2
	cases := []struct {
		name  string
		facts func(t *testing.T) Facts
		want  want
	}{
		{"incomplete/commitment", func(t *testing.T) Facts {
			return Facts{Round: 9, Confirmed: true, Unknown: []Unknown{{FactCommitment, "commitment not seen: watcher started at block 1200"}}}
		}, want{status: StatusIncomplete, fact: FactCommitment, reason: "watcher started at block 1200"}},
		{"incomplete/batch", func(t *testing.T) Facts {
			fs := f.facts(f.holdings(t, nil), nil)
			fs.Unknown = []Unknown{{FactBatch, "logs before block 50 pruned"}}
			return fs
		}, want{status: StatusIncomplete, fact: FactBatch, reason: "pruned"}},
		{"pending", func(t *testing.T) Facts {
			fs := f.facts(f.holdings(t, nil), f.batch(0, wrong2))
			fs.Confirmed = false
			return fs
		}, want{status: StatusPending, reason: "confirmation depth"}},
		{"awaiting-batch/complete", func(t *testing.T) Facts { return f.facts(f.holdings(t, nil), nil) },
			want{status: StatusAwaitingBatch, reason: "well formed"}},
		{"awaiting-batch/no-holdings", func(t *testing.T) Facts { return f.facts(nil, nil) },
			want{status: StatusAwaitingBatch, missing: []string{"manifest-part 0 needed"}, reason: "manifest is not held"}},
		{"awaiting-batch/rows-missing", func(t *testing.T) Facts { return f.facts(f.holdings(t, without(1, 3)), nil) },
			want{status: StatusAwaitingBatch, missing: []string{"row 1 needed", "row 3 needed"}, reason: "2 rows (providers 1, 3) are not held"}},
		{"valid", func(t *testing.T) Facts { return f.facts(f.holdings(t, nil), f.batch(2, roots)) },
			want{status: StatusValid, reason: "attempt 2"}},
		{"fraud/bad-allocation/allocations-held", func(t *testing.T) Facts {
			h := f.holdings(t, nil)
			if err := h.AddAllocations(2, wrongRoot2, recompute.EncodeAllocations(amounts2)); err != nil {
				t.Fatal(err)
			}
			return f.facts(h, f.batch(0, wrong2))
		}, want{status: StatusFraud, rule: RuleBadAllocation, p: ip(2), wrongEntry: 1, reason: "global index 7"}},
		{"fraud/bad-allocation/allocations-absent", func(t *testing.T) Facts { return f.facts(f.holdings(t, nil), f.batch(0, wrong2)) },
			want{status: StatusFraud, rule: RuleBadAllocation, p: ip(2), wrongEntry: -1, missing: []string{"allocations 2"}, reason: "not held"}},
		{"fraud/bad-allocation/lowest-provider", func(t *testing.T) Facts {
			w := slices.Clone(wrong2)
			w[3] = common.Hash{3}
			return f.facts(f.holdings(t, nil), f.batch(0, w))
		}, want{status: StatusFraud, rule: RuleBadAllocation, p: ip(2), wrongEntry: -1, missing: []string{"allocations 2"}}},
		{"unavailable/manifest", func(t *testing.T) Facts {
			h, _ := NewHoldings(9, f.c)
			return f.facts(h, f.batch(0, roots))
		}, want{status: StatusUnavailable, missing: []string{"manifest-part 0 needed"}, reason: "challenge"}},
		{"unavailable/row", func(t *testing.T) Facts { return f.facts(f.holdings(t, without(1)), f.batch(0, roots)) },
			want{status: StatusUnavailable, missing: []string{"row 1 needed"}, reason: "row 1 is not held"}},
		{"fraud/withheld-row-and-wrong-held-row", func(t *testing.T) Facts {
			return f.facts(f.holdings(t, without(1)), f.batch(0, wrong2))
		}, want{status: StatusFraud, rule: RuleBadAllocation, p: ip(2), wrongEntry: -1, missing: []string{"row 1", "allocations 2"}}},
		{"unavailable/withheld-row-is-the-wrong-one", func(t *testing.T) Facts {
			return f.facts(f.holdings(t, without(2)), f.batch(0, wrong2))
		}, want{status: StatusUnavailable, missing: []string{"row 2 needed"}}},
		{"valid/revealed-row", func(t *testing.T) Facts {
			h := f.holdings(t, without(1))
			if err := h.RowRevealed(1, f.m.Headers[1], f.rows[1].Entries()); err != nil {
				t.Fatal(err)
			}
			return f.facts(h, f.batch(0, roots))
		}, want{status: StatusValid}},
		{"fraud/revealed-row-proves-bad-allocation", func(t *testing.T) Facts {
			h := f.holdings(t, without(2))
			if err := h.RowRevealed(2, f.m.Headers[2], f.rows[2].Entries()); err != nil {
				t.Fatal(err)
			}
			return f.facts(h, f.batch(0, wrong2))
		}, want{status: StatusFraud, rule: RuleBadAllocation, p: ip(2), wrongEntry: -1, missing: []string{"allocations 2"}}},
		{"valid/revealed-manifest", func(t *testing.T) Facts {
			h, _ := NewHoldings(9, f.c)
			if err := h.ManifestRevealed(0, f.m.Headers); err != nil {
				t.Fatal(err)
			}
			for p, hd := range f.m.Headers {
				if _, err := h.AddRow(hd.EntriesRoot, f.rows[p].Bytes()); err != nil {
					t.Fatal(err)
				}
			}
			return f.facts(h, f.batch(0, roots))
		}, want{status: StatusValid}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, res := judge(t, c.facts(t))
			checkVerdict(t, v, c.want)
			if wantRes := c.want.status != StatusPending && c.want.status != StatusIncomplete && !slices.Contains(c.want.missing, "manifest-part 0 needed"); (res != nil) != wantRes {
				t.Fatalf("result %v, want one: %v", res != nil, wantRes)
			}
			if v.Round != 9 {
				t.Fatalf("round %d", v.Round)
			}
		})
	}
}

// TestJudgeBadAllocationFacts checks every fact of a bad allocation against
// the recomputation: the roots, and the first wrong entry's position,
// recipient and amounts.
func TestJudgeBadAllocationFacts(t *testing.T) {
	f := wellFormed(4, 3).build(9)
	roots := f.correctRoots(t)
	amounts, wrongRoot := f.wrongAmounts(t, 3, 2)
	roots[3] = wrongRoot
	h := f.holdings(t, nil)
	if err := h.AddAllocations(3, wrongRoot, recompute.EncodeAllocations(amounts)); err != nil {
		t.Fatal(err)
	}
	v, res := judge(t, f.facts(h, f.batch(1, roots)))
	ba := v.BadAllocation
	if ba.CorrectProviderAllocRoot != res.ProviderAllocRoots[3] || ba.ClaimedProviderAllocRoot != wrongRoot {
		t.Fatalf("roots %s %s", ba.CorrectProviderAllocRoot.Hex(), ba.ClaimedProviderAllocRoot.Hex())
	}
	w := ba.FirstWrongEntry
	correct := res.RowAmounts(3)[2]
	if w.Entry != 2 || w.GlobalIndex != 11 || w.Recipient != addr(0x10, 3) || !w.Claimed.Eq(&amounts[2]) || !w.Correct.Eq(&correct) ||
		w.Claimed.Uint64() != correct.Uint64()+1 {
		t.Fatalf("first wrong entry %+v", w)
	}
	if *v.Attempt != 1 || !slices.Equal(v.Evidence.Headers, []int{3}) || !slices.Equal(v.Evidence.Rows, []int{3}) {
		t.Fatalf("attempt %d, evidence %+v", *v.Attempt, v.Evidence)
	}
	// The result builds the proof without recomputing: row 3 read, the
	// claimed root proven against the batch's allocTreeRoot.
	if res.Rows[3].Len() != 3 || res.Manifest != f.facts(h, nil).Held.manifest {
		t.Fatal("the result does not hold row 3 and the held manifest")
	}
}

// TestJudgeManifestParts: with more than 512 providers the manifest has two
// parts; one revealed part leaves the other missing; both make the manifest,
// judged as a fetched one.
func TestJudgeManifestParts(t *testing.T) {
	f := wellFormed(600, 1).build(3)
	roots := f.correctRoots(t)
	h, err := NewHoldings(3, f.c)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := judge(t, f.facts(h, f.batch(0, roots)))
	checkVerdict(t, v, want{status: StatusUnavailable, missing: []string{"manifest-part 0 needed", "manifest-part 1 needed"}, reason: "2 manifest part"})
	if err := h.ManifestRevealed(1, f.m.Headers[512:]); err != nil {
		t.Fatal(err)
	}
	v, _ = judge(t, f.facts(h, f.batch(0, roots)))
	checkVerdict(t, v, want{status: StatusUnavailable, missing: []string{"manifest-part 0 needed"}})
	if k, i, ok := v.Missing[0].Challenge(); !ok || k != AvailabilityManifestPart || i != 0 {
		t.Fatalf("challenge %d %d %v", k, i, ok)
	}
	if err := h.ManifestRevealed(0, f.m.Headers[:512]); err != nil {
		t.Fatal(err)
	}
	v, _ = judge(t, f.facts(h, f.batch(0, roots)))
	missing := missingList(v)
	if v.Status != StatusUnavailable || len(missing) != 600 || missing[599] != "row 599 needed" {
		t.Fatalf("%s with %d missing", v.Status, len(missing))
	}
	if k, i, ok := v.Missing[5].Challenge(); !ok || k != AvailabilityRow || i != 5 {
		t.Fatalf("challenge %d %d %v", k, i, ok)
	}
	for p, hd := range f.m.Headers {
		if err := h.RowRevealed(p, hd, f.rows[p].Entries()); err != nil {
			t.Fatal(err)
		}
	}
	v, _ = judge(t, f.facts(h, f.batch(0, roots)))
	checkVerdict(t, v, want{status: StatusValid})
	m, _ := h.Manifest()
	if string(recompute.EncodeManifest(m)) != string(f.manifestBytes()) {
		t.Fatal("the assembled manifest is not the round's")
	}
}

// TestJudgeManifestPartsOrder: the parts may come in either order, and a
// fetched manifest makes a part revealed later a check only.
func TestJudgeManifestPartsOrder(t *testing.T) {
	f := wellFormed(513, 1).build(3)
	for _, order := range [][]int{{0, 1}, {1, 0}} {
		h, _ := NewHoldings(3, f.c)
		for _, part := range order {
			if err := h.ManifestRevealed(part, f.m.Headers[part*512:min(513, part*512+512)]); err != nil {
				t.Fatal(err)
			}
		}
		if m, _ := h.Manifest(); m == nil {
			t.Fatalf("order %v: no manifest", order)
		}
	}
	h := f.holdings(t, nil)
	if err := h.ManifestRevealed(1, f.m.Headers[512:]); err != nil {
		t.Fatal(err)
	}
	v, _ := judge(t, f.facts(h, nil))
	checkVerdict(t, v, want{status: StatusAwaitingBatch})
}

// TestJudgeHeldEntryRuleBeforeBadAllocation: a rule broken in a held row is
// proven before a bad allocation of another held row, and while a row is
// missing.
func TestJudgeHeldEntryRuleBeforeBadAllocation(t *testing.T) {
	s := wellFormed(4, 3)
	s.rows[3][1].MR = uint256.Int{} // mr-range at (3, 1)
	f := s.build(9)
	roots := make([]common.Hash, 4)
	roots[0] = common.Hash{1} // wrong, but a rule comes first
	v, res := judge(t, f.facts(f.holdings(t, without(1)), f.batch(0, roots)))
	checkVerdict(t, v, want{status: StatusFraud, rule: recompute.RuleMRRange, p: ip(3), missing: []string{"row 1"}, reason: "found while row 1 is not held"})
	if *v.Entry != 1 || !slices.Equal(v.Evidence.Headers, []int{3}) || !slices.Equal(v.Evidence.Entries, []Position{{3, 1}}) {
		t.Fatalf("entry %d evidence %+v", *v.Entry, v.Evidence)
	}
	if _, err := res.Evidence(&recompute.Violation{Rule: v.Rule, Provider: 3, Entry: 1}); err != nil {
		t.Fatalf("the result cannot build the evidence: %v", err)
	}
}
