package judge

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/recompute"
)

// genValue returns a value below 2^bits, biased to the edges: 0, 1, the
// maximum, or random.
func genValue(rng *rand.Rand, bits uint) uint256.Int {
	var v uint256.Int
	switch rng.IntN(5) {
	case 0:
	case 1:
		v.SetOne()
	case 2:
		v.Lsh(uint256.NewInt(1), bits)
		v.SubUint64(&v, 1)
	default:
		v = uint256.Int{rng.Uint64(), rng.Uint64(), rng.Uint64(), rng.Uint64()}
		v.Rsh(&v, 256-bits)
	}
	return v
}

// genSpec returns a random well-formed round: 1 to 10 providers, rows of 0
// to 6 entries drawn from a pool of recipients, each with one residual.
func genSpec(rng *rand.Rand) *spec {
	P := 1 + rng.IntN(10)
	pool := 1 + rng.IntN(12)
	residuals := make([]uint256.Int, pool)
	for i := range residuals {
		residuals[i] = genValue(rng, 128)
	}
	s := &spec{}
	for p := range P {
		s.providers = append(s.providers, addr(0xa0, 2*p+1+rng.IntN(2)))
		s.caps = append(s.caps, genValue(rng, 128))
		picks := rng.Perm(pool)[:rng.IntN(min(pool, 6)+1)]
		slices.Sort(picks)
		var row []recompute.Entry
		for _, i := range picks {
			mr := genValue(rng, 64)
			if mr.IsZero() {
				mr.SetOne()
			}
			row = append(row, recompute.Entry{Recipient: addr(0x10, i+1), MR: mr, Residual: residuals[i]})
		}
		s.rows = append(s.rows, row)
	}
	return s
}

// mutations each break (or may break) one rule of a random round, at a
// random position; a round may take several.
var mutations = []func(rng *rand.Rand, s *spec){
	func(rng *rand.Rand, s *spec) { s.providers[rng.IntN(len(s.providers))] = common.Address{} },
	func(rng *rand.Rand, s *spec) {
		p := rng.IntN(len(s.providers))
		s.providers[p] = s.providers[max(0, p-1)]
	},
	func(rng *rand.Rand, s *spec) {
		p := rng.IntN(len(s.caps))
		s.caps[p] = pow2(128 + uint(rng.IntN(128)))
	},
	func(rng *rand.Rand, s *spec) {
		p := rng.IntN(len(s.providers))
		s.edits = append(s.edits, func(m *recompute.Manifest) { m.Headers[p].EntryCount.SetUint64(uint64(1020 + rng.IntN(10))) })
	},
	func(rng *rand.Rand, s *spec) {
		p, d := rng.IntN(len(s.providers)), uint64(1+rng.IntN(2))
		s.edits = append(s.edits, func(m *recompute.Manifest) { m.Headers[p].EntryOffset.AddUint64(&m.Headers[p].EntryOffset, d) })
	},
	func(rng *rand.Rand, s *spec) {
		s.edits = append(s.edits, func(m *recompute.Manifest) { m.E.AddUint64(&m.E, 1) })
	},
	entryMutation(func(rng *rand.Rand, row []recompute.Entry, j int) { row[j].Recipient = common.Address{} }),
	entryMutation(func(rng *rand.Rand, row []recompute.Entry, j int) {
		if j+1 < len(row) {
			row[j], row[j+1] = row[j+1], row[j]
		}
	}),
	entryMutation(func(rng *rand.Rand, row []recompute.Entry, j int) {
		row[j].MR = [2]uint256.Int{{}, pow2(64 + uint(rng.IntN(100)))}[rng.IntN(2)]
	}),
	entryMutation(func(rng *rand.Rand, row []recompute.Entry, j int) { row[j].Residual = pow2(128 + uint(rng.IntN(100))) }),
	entryMutation(func(rng *rand.Rand, row []recompute.Entry, j int) {
		row[j].Residual = genValue(rng, 128) // inconsistent where the recipient is shared
	}),
}

// entryMutation applies fn to a random entry of a random non-empty row.
func entryMutation(fn func(rng *rand.Rand, row []recompute.Entry, j int)) func(*rand.Rand, *spec) {
	return func(rng *rand.Rand, s *spec) {
		p := rng.IntN(len(s.rows))
		if len(s.rows[p]) > 0 {
			fn(rng, s.rows[p], rng.IntN(len(s.rows[p])))
		}
	}
}

func forSeeds(t *testing.T, n int, fn func(t *testing.T, rng *rand.Rand)) {
	for seed := range uint64(n) {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) { fn(t, rand.New(rand.NewPCG(seed, 0x5eed))) })
	}
}

// randomRound returns a random round, broken by up to three mutations half
// of the time.
func randomRound(rng *rand.Rand) *fixture {
	s := genSpec(rng)
	if rng.IntN(2) == 0 {
		for range 1 + rng.IntN(3) {
			mutations[rng.IntN(len(mutations))](rng, s)
		}
	}
	return s.build(1 + rng.Uint64N(1<<40))
}

// randomBatch returns nil (no batch), the recomputed roots, or those roots
// with some wrong.
func randomBatch(rng *rand.Rand, f *fixture, res *recompute.Result) *Batch {
	P := len(f.m.Headers)
	roots := make([]common.Hash, P)
	if res != nil && res.ProviderAllocRoots != nil {
		copy(roots, res.ProviderAllocRoots)
	}
	switch rng.IntN(3) {
	case 0:
		return nil
	case 1:
		for range 1 + rng.IntN(2) {
			roots[rng.IntN(P)][rng.IntN(32)] ^= 1
		}
	}
	return f.batch(rng.Uint64N(3), roots)
}

// TestPropertyJudgeAgreesWithEvaluateObjects: with every object held,
// Judge's verdict is EvaluateObjects': the first broken rule (fraud or
// malformed-commitments), else the first wrong providerAllocRoot, else valid
// or awaiting-batch.
func TestPropertyJudgeAgreesWithEvaluateObjects(t *testing.T) {
	forSeeds(t, 1000, func(t *testing.T, rng *rand.Rand) {
		f := randomRound(rng)
		res, wantV := f.evaluate()
		b := randomBatch(rng, f, res)
		v, got, err := Judge(f.facts(f.holdings(t, nil), b), recompute.Options{Workers: 1 + rng.IntN(3)})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case wantV != nil && wantV.Rule == recompute.RuleUnavailableRow:
			checkUnverifiable(t, v, f, wantV)
		case wantV != nil:
			checkSameViolation(t, v, wantV, b != nil)
		case b == nil:
			checkVerdict(t, v, want{status: StatusAwaitingBatch})
		default:
			checkBatchVerdict(t, v, res, b)
			if v.Status == StatusValid && got.AllocationRoot != b.AllocationRoot {
				t.Fatal("valid, but the result's allocationRoot is not the batch's")
			}
		}
	})
}

// checkUnverifiable: EvaluateObjects reports a row that can never be held
// (its header's count or root has no object) before the entry rules; Judge
// proves what the held rows prove first, and lists the row as missing.
func checkUnverifiable(t *testing.T, v Verdict, f *fixture, want *recompute.Violation) {
	t.Helper()
	if !slices.Contains(missingList(v), fmt.Sprintf("row %d", want.Provider)) && !slices.Contains(missingList(v), fmt.Sprintf("row %d needed", want.Provider)) {
		t.Fatalf("row %d is not listed missing: %q", want.Provider, missingList(v))
	}
	if !slices.Contains([]Status{StatusFraud, StatusMalformed, StatusUnavailable, StatusAwaitingBatch}, v.Status) {
		t.Fatalf("status %s with row %d unverifiable", v.Status, want.Provider)
	}
}

func checkSameViolation(t *testing.T, v Verdict, want *recompute.Violation, signed bool) {
	t.Helper()
	status := StatusMalformed
	if signed {
		status = StatusFraud
	}
	got := v.Violation()
	if v.Status != status || got == nil {
		t.Fatalf("%s %s, want %s %s", v.Status, v.Rule, status, want.Rule)
	}
	w := *want
	w.Msg = ""
	if !w.Rule.HasEntry() {
		w.Entry = 0
	}
	if *got != w {
		t.Fatalf("violation %+v, want %+v", *got, w)
	}
}

func checkBatchVerdict(t *testing.T, v Verdict, res *recompute.Result, b *Batch) {
	t.Helper()
	p, wrong := res.FirstWrongProvider(b.ProviderAllocRoots)
	if !wrong {
		checkVerdict(t, v, want{status: StatusValid})
		return
	}
	checkVerdict(t, v, want{status: StatusFraud, rule: RuleBadAllocation, p: ip(p), wrongEntry: -1,
		missing: []string{fmt.Sprintf("allocations %d", p)}})
	if v.BadAllocation.CorrectProviderAllocRoot != res.ProviderAllocRoots[p] || v.BadAllocation.ClaimedProviderAllocRoot != b.ProviderAllocRoots[p] {
		t.Fatal("bad allocation roots differ from the recomputation")
	}
}

// TestPropertyJudgePartial: with rows withheld, whatever Judge proves stays
// true with the whole round: a rule it names comes no earlier than the
// round's first broken rule; a bad allocation it names means the whole round
// is fraud too; and what it proves, the result can build the proof of.
func TestPropertyJudgePartial(t *testing.T) {
	forSeeds(t, 1000, func(t *testing.T, rng *rand.Rand) {
		f := randomRound(rng)
		res, _ := f.evaluate()
		b := randomBatch(rng, f, res)
		partial, pres := judge(t, f.facts(f.holdings(t, func(int) bool { return rng.IntN(3) > 0 }), b))
		whole, _ := judge(t, f.facts(f.holdings(t, nil), b))
		switch {
		case partial.Rule == RuleBadAllocation:
			if whole.Status != StatusFraud {
				t.Fatalf("partial: bad allocation at %d; whole: %s", *partial.Provider, whole.Status)
			}
			if whole.Rule == RuleBadAllocation && *whole.Provider > *partial.Provider {
				t.Fatalf("partial: bad allocation at %d; whole: at %d", *partial.Provider, *whole.Provider)
			}
		case partial.Rule != "":
			if whole.Rule == "" || whole.Rule == RuleBadAllocation ||
				slices.Index(recompute.Section3Rules, whole.Rule) > slices.Index(recompute.Section3Rules, partial.Rule) {
				t.Fatalf("partial: %s; whole: %s %s", partial.Rule, whole.Status, whole.Rule)
			}
			if _, err := pres.Evidence(partial.Violation()); err != nil {
				t.Fatalf("partial: %s without its evidence: %v", partial.Rule, err)
			}
		case partial.Status == StatusValid:
			if whole.Status != StatusValid {
				t.Fatalf("partial: valid; whole: %s", whole.Status)
			}
		}
	})
}
