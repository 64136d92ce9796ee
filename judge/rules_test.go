package judge

import (
	"fmt"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/recompute"
)

func pow2(n uint) uint256.Int {
	var v uint256.Int
	v.Lsh(uint256.NewInt(1), n)
	return v
}

// ruleCase breaks one section 3 rule of wellFormed(4, 3) and says where.
type ruleCase struct {
	name    string
	edit    func(s *spec)
	rule    recompute.Rule
	p       int
	entry   *int
	clause  recompute.Clause
	other   *recompute.Position
	headers []int
	entries []Position
	missing []string // rows that cannot be held (their header is broken)
}

func headerEdit(fn func(m *recompute.Manifest)) func(s *spec) {
	return func(s *spec) { s.edits = append(s.edits, fn) }
}

var ruleCases = []ruleCase{
	{name: "provider-zero", edit: func(s *spec) { s.providers[1] = common.Address{} },
		rule: recompute.RuleProviderZero, p: 1, headers: []int{1}},
	{name: "provider-order", edit: func(s *spec) { s.providers[2] = s.providers[1] },
		rule: recompute.RuleProviderOrder, p: 1, headers: []int{1, 2}},
	{name: "capacity-range", edit: func(s *spec) { s.caps[2] = pow2(128) },
		rule: recompute.RuleCapacityRange, p: 2, headers: []int{2}},
	{name: "entry-count", edit: headerEdit(func(m *recompute.Manifest) { m.Headers[1].EntryCount.SetUint64(1025) }),
		rule: recompute.RuleEntryCount, p: 1, headers: []int{1}, missing: []string{"row 1"}},
	{name: "entry-offset/first", edit: headerEdit(func(m *recompute.Manifest) { m.Headers[0].EntryOffset.SetUint64(1) }),
		rule: recompute.RuleEntryOffset, p: 0, clause: recompute.ClauseFirst, headers: []int{0}},
	{name: "entry-offset/pair", edit: headerEdit(func(m *recompute.Manifest) { m.Headers[2].EntryOffset.SetUint64(7) }),
		rule: recompute.RuleEntryOffset, p: 1, clause: recompute.ClausePair, headers: []int{1, 2}},
	{name: "entry-offset/last", edit: headerEdit(func(m *recompute.Manifest) { m.E.SetUint64(13) }),
		rule: recompute.RuleEntryOffset, p: 3, clause: recompute.ClauseLast, headers: []int{3}},
	{name: "recipient-zero", edit: func(s *spec) { s.rows[1][0].Recipient = common.Address{} },
		rule: recompute.RuleRecipientZero, p: 1, entry: ip(0), headers: []int{1}, entries: []Position{{1, 0}}},
	{name: "entry-order", edit: func(s *spec) { s.rows[1][0], s.rows[1][1] = s.rows[1][1], s.rows[1][0] },
		rule: recompute.RuleEntryOrder, p: 1, entry: ip(0), headers: []int{1}, entries: []Position{{1, 0}, {1, 1}}},
	{name: "mr-range", edit: func(s *spec) { s.rows[2][1].MR = pow2(64) },
		rule: recompute.RuleMRRange, p: 2, entry: ip(1), headers: []int{2}, entries: []Position{{2, 1}}},
	{name: "residual-range", edit: func(s *spec) { s.rows[1][2].Residual = pow2(128) },
		rule: recompute.RuleResidualRange, p: 1, entry: ip(2), headers: []int{1}, entries: []Position{{1, 2}}},
	{name: "residual-consistency", edit: func(s *spec) { s.rows[2][1].Residual.AddUint64(&s.rows[2][1].Residual, 1) },
		rule: recompute.RuleResidualConsistency, p: 2, entry: ip(1), other: &recompute.Position{P: 0, J: 1},
		headers: []int{2, 0}, entries: []Position{{2, 1}, {0, 1}}},
}

// TestJudgeRules: every section 3 rule, with a live batch (fraud) and
// without (malformed-commitments), with its positions and evidence, and the
// result builds the rule's on-chain proof without recomputing.
func TestJudgeRules(t *testing.T) {
	for _, rc := range ruleCases {
		s := wellFormed(4, 3)
		rc.edit(s)
		f := s.build(5)
		for _, signed := range []bool{true, false} {
			name, status := rc.name+"/unsigned", StatusMalformed
			var b *Batch
			if signed {
				name, status, b = rc.name+"/signed", StatusFraud, f.batch(4, make([]common.Hash, 4))
			}
			t.Run(name, func(t *testing.T) {
				v, res := judge(t, f.facts(f.holdings(t, nil), b))
				checkVerdict(t, v, want{status: status, rule: rc.rule, p: ip(rc.p), missing: rc.missing})
				checkRulePositions(t, v, &rc)
				_, wantV := f.evaluate()
				if viol := v.Violation(); viol.Rule != wantV.Rule || viol.Provider != wantV.Provider || viol.Entry != wantV.Entry ||
					viol.Clause != wantV.Clause || viol.OtherProvider != wantV.OtherProvider || viol.OtherEntry != wantV.OtherEntry {
					t.Fatalf("violation %+v, EvaluateObjects says %+v", viol, wantV)
				}
				ev, err := res.Evidence(v.Violation())
				if err != nil {
					t.Fatal(err)
				}
				if _, err := contracts.NewMalformed(v.Round, ev); err != nil {
					t.Fatalf("no proof from the verdict: %v", err)
				}
			})
		}
	}
}

func checkRulePositions(t *testing.T, v Verdict, rc *ruleCase) {
	t.Helper()
	if deref(v.Entry) != deref(rc.entry) || v.Clause != rc.clause {
		t.Fatalf("entry %v clause %q, want %v %q", deref(v.Entry), v.Clause, deref(rc.entry), rc.clause)
	}
	if (v.OtherProvider != nil) != (rc.other != nil) || rc.other != nil && (*v.OtherProvider != rc.other.P || *v.OtherEntry != rc.other.J) {
		t.Fatalf("other %v %v, want %+v", deref(v.OtherProvider), deref(v.OtherEntry), rc.other)
	}
	if !slices.Equal(v.Evidence.Headers, rc.headers) || !slices.Equal(v.Evidence.Entries, rc.entries) {
		t.Fatalf("evidence %+v, want headers %v entries %v", v.Evidence, rc.headers, rc.entries)
	}
}

// TestJudgeRulesWithheldRow: a rule broken in a held row is proven while
// another row is withheld; a rule broken only in the withheld row is not
// provable: unavailable with a live batch, awaiting-batch without.
func TestJudgeRulesWithheldRow(t *testing.T) {
	for _, rc := range ruleCases {
		if rc.entries == nil {
			continue
		}
		s := wellFormed(4, 3)
		rc.edit(s)
		f := s.build(5)
		withheld := 3
		if rc.p == 3 || rc.other != nil && rc.other.P == 3 {
			t.Fatalf("%s: the case breaks row 3", rc.name)
		}
		t.Run(rc.name+"/other-row-withheld", func(t *testing.T) {
			v, _ := judge(t, f.facts(f.holdings(t, without(withheld)), f.batch(0, make([]common.Hash, 4))))
			checkVerdict(t, v, want{status: StatusFraud, rule: rc.rule, p: ip(rc.p), missing: []string{"row 3"}})
		})
		t.Run(rc.name+"/its-row-withheld", func(t *testing.T) {
			roots := make([]common.Hash, 4)
			h := f.holdings(t, without(rc.p))
			_, res := judge(t, f.facts(h, nil))
			for p := range roots {
				roots[p] = res.ProviderAllocRoots[p] // the held rows' own: no bad allocation
			}
			// The other half of residual-consistency is held, but one half
			// alone proves nothing.
			missing := []string{fmt.Sprintf("row %d needed", rc.p)}
			v, _ := judge(t, f.facts(h, f.batch(0, roots)))
			checkVerdict(t, v, want{status: StatusUnavailable, missing: missing})
			v, _ = judge(t, f.facts(h, nil))
			checkVerdict(t, v, want{status: StatusAwaitingBatch, missing: missing})
		})
	}
}

// TestJudgeBadAllocationProof: the result of a bad-allocation verdict
// builds the on-chain proof, also with another row withheld.
func TestJudgeBadAllocationProof(t *testing.T) {
	f := wellFormed(4, 3).build(5)
	roots := f.correctRoots(t)
	roots[1] = common.Hash{9}
	b := f.batch(0, roots)
	v, res := judge(t, f.facts(f.holdings(t, without(3)), b))
	checkVerdict(t, v, want{status: StatusFraud, rule: RuleBadAllocation, p: ip(1), wrongEntry: -1, missing: []string{"row 3", "allocations 1"}})
	proof, err := contracts.NewBadAllocation(res, *v.Provider, b.ProviderAllocRoots)
	if err != nil {
		t.Fatal(err)
	}
	if proof.ClaimedRoot != roots[1] || len(proof.Entries) != 3 {
		t.Fatalf("proof %+v", proof)
	}
}
