package watcher

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// checkBadAllocation checks a bad-allocation fraud at provider p against
// the devnet's batch: the claimed root is the batch's, the correct one the
// honest result's, and the first wrong entry is named with both amounts.
func checkBadAllocation(t *testing.T, r *index.Round, dr devnet.DescribedRound, p, entry int) {
	t.Helper()
	v := r.Judgement
	if v == nil || v.Status != judge.StatusFraud || v.Rule != judge.RuleBadAllocation || v.Provider == nil || *v.Provider != p {
		t.Fatalf("round %d (%s): %s", r.Round, dr.Fault, describe(r))
	}
	ba := v.BadAllocation
	if ba.ClaimedProviderAllocRoot != dr.Batches[0].ProviderRoots[p] || ba.CorrectProviderAllocRoot == ba.ClaimedProviderAllocRoot {
		t.Fatalf("round %d: roots %+v, batch %s", r.Round, ba, dr.Batches[0].ProviderRoots[p].Hex())
	}
	we := ba.FirstWrongEntry
	if we == nil || (entry >= 0 && we.Entry != entry) || we.Claimed.Eq(we.Correct) {
		t.Fatalf("round %d: first wrong entry %+v, want %d", r.Round, we, entry)
	}
	if r.Verdict != index.VerdictFraud || r.Kind != string(judge.RuleBadAllocation) || r.Index == nil || *r.Index != we.GlobalIndex {
		t.Fatalf("round %d: v1 fields %s %s %v", r.Round, r.Verdict, r.Kind, r.Index)
	}
}

// checkSigners checks a batch's signers against the devnet's.
func checkSigners(t *testing.T, desc devnet.Description, r *index.Round) {
	t.Helper()
	dr := desc.Rounds[r.Round-1]
	for i, b := range r.Batches {
		var got []int
		for _, s := range b.Signers {
			got = append(got, s.Index)
			if s.Address == ([20]byte{}) || s.Stake == "0" {
				t.Fatalf("round %d batch %d: signer %+v", r.Round, i, s)
			}
		}
		if !slices.Equal(got, dr.Batches[i].Signers) || b.SignersUnknown != "" || *b.Attempt != dr.Batches[i].Attempt {
			t.Fatalf("round %d batch %d: signers %v (%s), attempt %d; devnet %v, attempt %d", r.Round, i, got, b.SignersUnknown, *b.Attempt, dr.Batches[i].Signers, dr.Batches[i].Attempt)
		}
	}
}

// TestVerdictsWrongAmounts: amount, denominator and conservation faults are
// frauds at the struck provider with both roots and the first wrong entry
// (from the aggregator's allocations objects); a forwarded batch, churn and
// honest rounds are valid; a replayed batch, once a test challenger proves
// it (as the watcher's verdict says), is voided, its replay refused, and the
// honest resubmission judged valid at attempt 1. The watcher runs beside
// the devnet, into an on-disk index.
func TestVerdictsWrongAmounts(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds = 8
	cfg.Faults, _ = devnet.ParseFaults("2:amount@1.2,3:denominator@2,4:conservation@0,5:forwarded,6:churn,7:replay@0.0")
	e := startDevnet(t, cfg)
	log, logs := testLogger()
	store := openStore(t, t.TempDir())
	w := e.newWatcher(store, Config{}, log)
	e.runWatcher(w)

	r7 := e.waitRound(store, 7, "fraud at provider 0", func(r *index.Round) bool {
		s, a := status(r)
		return s == judge.StatusFraud && a == 0
	})
	e.proveBadAllocation(7, r7.Batches[0].ProviderAllocRoots, *r7.Judgement.Provider)
	e.waitRound(store, 7, "the resubmission judged valid", func(r *index.Round) bool {
		s, a := status(r)
		return s == judge.StatusValid && a == 1
	})
	desc := e.wait()
	e.waitRound(store, 8, "finalized", func(r *index.Round) bool { return r.Finalized })

	for n, want := range map[uint64]struct{ p, j int }{2: {1, 2}, 3: {2, -1}, 4: {0, -1}} {
		r := round(t, store, n)
		checkBadAllocation(t, &r, desc.Rounds[n-1], want.p, want.j)
		if len(logLines(logs.String(), "level=WARN", "round verdict", fmt.Sprintf("round=%d ", n), "status=fraud", "rule=bad-allocation", fmt.Sprintf("provider=%d", want.p))) != 1 {
			t.Fatalf("round %d: no single fraud line in\n%s", n, logs)
		}
	}
	for _, n := range []uint64{1, 5, 6, 7, 8} {
		r := round(t, store, n)
		if s, _ := status(&r); s != judge.StatusValid || r.Verdict != index.VerdictValid || *r.CorrectAllocationRoot != desc.Rounds[n-1].CorrectAllocationRoot {
			t.Fatalf("round %d (%s): %s", n, desc.Rounds[n-1].Fault, describe(&r))
		}
		checkSigners(t, desc, &r)
		if !r.Finalized || r.Batches[len(r.Batches)-1].Status != index.BatchFinalized {
			t.Fatalf("round %d not finalized: %+v", n, r.Batches)
		}
	}
	r7 = round(t, store, 7)
	if len(r7.Batches) != 2 || r7.Batches[0].Status != index.BatchVoided || len(r7.FraudsProven) != 1 ||
		r7.FraudsProven[0].Kind != string(contracts.FraudBadAllocation) || r7.FraudsProven[0].Attempt != 0 {
		t.Fatalf("round 7: batches %+v, frauds %+v", r7.Batches, r7.FraudsProven)
	}
	if rp := desc.Rounds[6].Replays; len(rp) != 1 || !strings.Contains(rp[0].Refusal, "WrongAttempt") {
		t.Fatalf("replay: %+v", rp)
	}
	if err := store.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestVerdictsMalformed: for every rule of section 3, a round left unsigned
// is malformed-commitments with that rule, and one a colluding quorum signs
// anyway is fraud with that rule (as FraudProven would name it).
func TestVerdictsMalformed(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	var faults []string
	for i, rule := range recompute.Section3Rules {
		faults = append(faults, fmt.Sprintf("%d:malformed:%s,%d:malformed:%s:signed", 2*i+1, rule, 2*i+2, rule))
	}
	cfg.Rounds = 2 * len(recompute.Section3Rules)
	cfg.Faults, _ = devnet.ParseFaults(strings.Join(faults, ","))
	e := startDevnet(t, cfg)
	log, logs := testLogger()
	store := openStore(t, t.TempDir())
	e.runWatcher(e.newWatcher(store, Config{}, log))
	e.wait()
	for i, rule := range recompute.Section3Rules {
		unsigned := e.waitRound(store, uint64(2*i+1), "malformed", func(r *index.Round) bool { s, _ := status(r); return s == judge.StatusMalformed })
		signed := e.waitRound(store, uint64(2*i+2), "finalized", func(r *index.Round) bool { return r.Finalized })
		if unsigned.Judgement.Rule != rule || unsigned.Rule != string(rule) || len(unsigned.Batches) != 0 || unsigned.Verdict != index.VerdictMalformed {
			t.Errorf("%s unsigned: %s", rule, describe(&unsigned))
		}
		if s, a := status(&signed); s != judge.StatusFraud || a != 0 || signed.Judgement.Rule != rule || signed.Kind != string(rule) {
			t.Errorf("%s signed: %s", rule, describe(&signed))
		}
		if len(logLines(logs.String(), "level=WARN", "round verdict", fmt.Sprintf("round=%d ", 2*i+1), "status=malformed-commitments", "rule="+string(rule))) != 1 {
			t.Errorf("%s: no single malformed line", rule)
		}
	}
	if err := store.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestVerdictsWithheld: a withheld row is unavailable naming that row, and
// once a test challenger challenges it and nobody answers, the slash voids
// the batch (challenge slashed) and the honest resubmission is valid; a
// withheld row the colluders reveal when challenged is a bad allocation
// judged from the revealed row (challenge resolved); a withheld manifest
// is unavailable naming its part, and one revealed when challenged gives a
// valid round; an unopenable root is unavailable.
func TestVerdictsWithheld(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds = 5
	cfg.ChallengeWindow = 60
	cfg.Faults, _ = devnet.ParseFaults("1:withheld-row@1,2:withheld-row@2:reveal,3:withheld-manifest:reveal,4:withheld-manifest,5:unopenable")
	e := startDevnet(t, cfg)
	log, logs := testLogger()
	store := openStore(t, t.TempDir())
	e.runWatcher(e.newWatcher(store, Config{}, log))
	unavailable := func(kind judge.ObjectKind, i int) func(r *index.Round) bool {
		return func(r *index.Round) bool {
			s, a := status(r)
			return s == judge.StatusUnavailable && a == 0 && missing(r, kind, i)
		}
	}

	e.waitRound(store, 1, "row 1 unavailable", unavailable(judge.ObjectRow, 1))
	e.slashWhenDue(e.challenge(1, contracts.ObjectRow, 1))
	r1 := e.waitRound(store, 1, "the resubmission valid", func(r *index.Round) bool { s, a := status(r); return s == judge.StatusValid && a == 1 })
	if c := r1.AvailabilityChallenges; len(c) != 1 || c[0].State != index.ChallengeSlashed || c[0].Kind != "row" || c[0].Index != 1 {
		t.Fatalf("round 1's challenges: %+v", c)
	}

	e.waitRound(store, 2, "row 2 unavailable", unavailable(judge.ObjectRow, 2))
	e.challenge(2, contracts.ObjectRow, 2)
	r2 := e.waitRound(store, 2, "fraud from the revealed row", func(r *index.Round) bool { s, _ := status(r); return s == judge.StatusFraud })
	desc, err := devnet.ReadDescription(cfg.Describe)
	if err != nil {
		t.Fatal(err)
	}
	checkBadAllocation(t, &r2, desc.Rounds[1], 2, -1)
	if c := r2.AvailabilityChallenges; len(c) != 1 || c[0].State != index.ChallengeResolved || len(r2.Reveals) != 1 || r2.Reveals[0].Index != 2 {
		t.Fatalf("round 2: challenges %+v, reveals %+v", c, r2.Reveals)
	}

	e.waitRound(store, 3, "manifest unavailable", unavailable(judge.ObjectManifestPart, 0))
	e.challenge(3, contracts.ObjectManifestPart, 0)
	e.waitRound(store, 3, "valid from the revealed manifest", func(r *index.Round) bool { s, a := status(r); return s == judge.StatusValid && a == 0 })

	e.waitRound(store, 4, "manifest unavailable", unavailable(judge.ObjectManifestPart, 0))
	e.waitRound(store, 5, "manifest unavailable", unavailable(judge.ObjectManifestPart, 0))
	for _, n := range []int{1, 2, 3, 4, 5} {
		if len(logLines(logs.String(), "level=WARN", "round verdict", fmt.Sprintf("round=%d ", n), "status=unavailable", "missing=")) == 0 {
			t.Errorf("round %d: no unavailable line", n)
		}
	}
	e.wait()
	for _, n := range []uint64{4, 5} {
		r := e.waitRound(store, n, "finalized", func(r *index.Round) bool { return r.Finalized })
		if s, _ := status(&r); s != judge.StatusUnavailable {
			t.Fatalf("round %d: %s", n, describe(&r))
		}
	}
	if err := store.Check(); err != nil {
		t.Fatal(err)
	}
	// A watcher whose cache keeps nothing reads the revealed row again from
	// its log: round 2's row is still withheld from the DA store.
	e.waitRound(store, 2, "finalized", func(r *index.Round) bool { return r.Finalized })
	fresh := openStore(t, t.TempDir())
	w, err := New(e.ctx, Config{AVS: e.d.AVS(), StartBlock: e.start}, e.d.Client(), fresh, Objects{DA: e.reader, Cache: NewMemoryCache(1)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	catchUp(t, w)
	sameRecords(t, fresh, store)
}
