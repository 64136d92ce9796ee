package recompute

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// heldSpec generates a round with up to two injected violations (or none).
func heldSpec(t *testing.T, rng *rand.Rand) *roundSpec {
	t.Helper()
	switch n := rng.IntN(3); n {
	case 0:
		return genSpec(rng, fullConfig)
	default:
		var injs []injector
		for range n {
			injs = append(injs, injectors[rng.IntN(len(injectors))])
		}
		if n == 2 && exclusiveInjectors(injs[0].name, injs[1].name) {
			injs = injs[:1]
		}
		s, _ := injectInto(t, rng, injs...)
		return s
	}
}

// heldObjects verifies the round's objects as a reader would: the manifest
// against its key, each row against its header; rows that do not verify
// (an injected entry count) are not held.
func heldObjects(t *testing.T, o *objectSet) (*Manifest, *Tree, []Row, []bool) {
	t.Helper()
	m, tree, err := VerifyManifest(o.commitment, o.manifest)
	if err != nil {
		t.Fatal(err)
	}
	rows, held := make([]Row, len(m.Headers)), make([]bool, len(m.Headers))
	for p := range m.Headers {
		row, err := VerifyRow(&m.Headers[p], o.rows[m.Headers[p].EntriesRoot])
		rows[p], held[p] = row, err == nil
	}
	return m, tree, rows, held
}

// TestEvaluateHeldAgreesWithObjects: with every row held, EvaluateHeld is
// EvaluateObjects (the same violation, message included, or the same
// allocation), on well-formed and broken rounds.
func TestEvaluateHeldAgreesWithObjects(t *testing.T) {
	forSeeds(t, 120, func(t *testing.T, rng *rand.Rand) {
		s := heldSpec(t, rng)
		o := objectsOf(s.build())
		opts := Options{Workers: 1 + rng.IntN(4)}
		want, wantV := o.evaluate(nil, opts)
		m, tree, rows, held := heldObjects(t, o)
		got, v, err := EvaluateHeld(m, tree, rows, held, opts)
		if err != nil {
			t.Fatal(err)
		}
		if wantV != nil && wantV.Rule == RuleUnavailableRow {
			if v == nil || !slices.Contains(Section3Rules, v.Rule) {
				t.Fatalf("EvaluateObjects: %v; EvaluateHeld: %v, want a rule the held rows break", wantV, v)
			}
			return
		}
		eq(t, "violation", v, wantV)
		eq(t, "commitment root", got.CommitmentRoot, o.commitment)
		if wantV != nil {
			return
		}
		eq(t, "denominators", got.Denominators, want.Denominators)
		eq(t, "amounts", got.Amounts, want.Amounts)
		eq(t, "provider alloc roots", got.ProviderAllocRoots, want.ProviderAllocRoots)
		eq(t, "allocation root", got.AllocationRoot, want.AllocationRoot)
		eq(t, "rows", got.Rows, want.Rows)
	})
}

// TestEvaluateHeldPartial: with a random subset of the rows held, the
// violation is the first one a naive scan of the held data finds, and a
// held row's allocation root is its row's own.
func TestEvaluateHeldPartial(t *testing.T) {
	forSeeds(t, 200, func(t *testing.T, rng *rand.Rand) {
		s := heldSpec(t, rng)
		o := objectsOf(s.build())
		m, tree, rows, held := heldObjects(t, o)
		for p := range held {
			held[p] = held[p] && rng.IntN(3) > 0
		}
		res, v, err := EvaluateHeld(m, tree, rows, held, Options{Workers: 1 + rng.IntN(4)})
		if err != nil {
			t.Fatal(err)
		}
		want := naiveHeld(m, rows, held)
		if v != nil {
			v = &Violation{Rule: v.Rule, Provider: v.Provider, Entry: v.Entry, Clause: v.Clause, OtherProvider: v.OtherProvider, OtherEntry: v.OtherEntry}
		}
		eq(t, "violation", v, want)
		if v != nil {
			if v.Rule.HasEntry() {
				checkEvidenceProves(t, res, v)
			}
			return
		}
		all := !slices.Contains(held, false)
		eq(t, "alloc tree only when all held", res.AllocTree != nil, all)
		for p := range held {
			var root common.Hash
			if held[p] {
				_, amounts, err := AllocateRow(&m.Headers[p].Capacity, rows[p])
				if err != nil {
					t.Fatal(err)
				}
				root = ProviderAllocRoot(m.Headers[p].Provider, rows[p], amounts)
				eq(t, "amounts", res.RowAmounts(p), amounts)
			}
			eq(t, "provider alloc root", res.ProviderAllocRoots[p], root)
		}
	})
}

// naiveHeld is section 3 over the held rows written the plain way: the
// header rules, then each entry rule over the held rows by p then j, then
// residual-consistency against each recipient's first held occurrence.
func naiveHeld(m *Manifest, rows []Row, held []bool) *Violation {
	if v := m.ValidateHeaders(); v != nil {
		return &Violation{Rule: v.Rule, Provider: v.Provider, Clause: v.Clause}
	}
	rules := []struct {
		rule   Rule
		broken func(es []Entry, j int) bool
	}{
		{RuleRecipientZero, func(es []Entry, j int) bool { return es[j].Recipient == common.Address{} }},
		{RuleEntryOrder, func(es []Entry, j int) bool {
			return j+1 < len(es) && bytes.Compare(es[j+1].Recipient[:], es[j].Recipient[:]) <= 0
		}},
		{RuleMRRange, func(es []Entry, j int) bool { return es[j].MR.IsZero() || es[j].MR.BitLen() > 64 }},
		{RuleResidualRange, func(es []Entry, j int) bool { return es[j].Residual.BitLen() > 128 }},
	}
	for _, r := range rules {
		for p := range rows {
			es := rows[p].Entries()
			for j := range es {
				if held[p] && r.broken(es, j) {
					return &Violation{Rule: r.rule, Provider: p, Entry: j}
				}
			}
		}
	}
	first := map[common.Address]Position{}
	for p := range rows {
		for j, e := range rows[p].Entries() {
			q, seen := first[e.Recipient]
			switch {
			case !held[p]:
			case !seen:
				first[e.Recipient] = Position{p, j}
			case rows[q.P].Entry(q.J).Residual != e.Residual:
				return &Violation{Rule: RuleResidualConsistency, Provider: p, Entry: j, OtherProvider: q.P, OtherEntry: q.J}
			}
		}
	}
	return nil
}

// TestEvaluateHeldHeaderRuleNeedsNoRow: a header rule is reported with no
// row held at all.
func TestEvaluateHeldHeaderRuleNeedsNoRow(t *testing.T) {
	rng := newRand(7)
	s, want := injectInto(t, rng, injectors[slices.IndexFunc(injectors, func(i injector) bool { return i.name == "capacity-range" })])
	o := objectsOf(s.build())
	m, tree, rows, _ := heldObjects(t, o)
	_, v, err := EvaluateHeld(m, tree, rows, make([]bool, len(rows)), Options{})
	if err != nil || v == nil {
		t.Fatalf("EvaluateHeld = %v, %v", v, err)
	}
	eq(t, "rule", [2]any{v.Rule, v.Provider}, [2]any{want.Rule, want.Provider})
}

func TestEvaluateHeldShape(t *testing.T) {
	s := genSpec(newRand(3), genConfig{minP: 3, maxP: 3, minRow: 2, maxRow: 4})
	o := objectsOf(s.build())
	m, tree, rows, held := heldObjects(t, o)
	other := NewRow([]Entry{{Recipient: common.Address{1}, MR: *uint256.NewInt(1)}})
	for name, args := range map[string]func() ([]Row, []bool, *Tree){
		"short rows":       func() ([]Row, []bool, *Tree) { return rows[:2], held, tree },
		"short held":       func() ([]Row, []bool, *Tree) { return rows, held[:2], tree },
		"nil tree":         func() ([]Row, []bool, *Tree) { return rows, held, nil },
		"other tree":       func() ([]Row, []bool, *Tree) { return rows, held, ProvidersTree(m.Headers[:2]) },
		"row of other len": func() ([]Row, []bool, *Tree) { return append([]Row{other}, rows[1:]...), held, tree },
	} {
		r, h, tr := args()
		if _, _, err := EvaluateHeld(m, tr, r, h, Options{}); !errors.Is(err, ErrRowsShape) {
			t.Errorf("%s: err = %v, want ErrRowsShape", name, err)
		}
	}
	// A row not held may be anything: it is not read.
	held[0] = false
	if _, v, err := EvaluateHeld(m, tree, append([]Row{other}, rows[1:]...), held, Options{}); err != nil || v != nil {
		t.Fatalf("row not held: %v, %v", v, err)
	}
}
