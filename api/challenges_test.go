package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

var _ api.DecisionReader = (*index.Store)(nil)

// decisionStore is a fakeStore whose decision records are a real index's.
type decisionStore struct {
	*fakeStore
	solve *index.Store
	fail  bool
}

func (s *decisionStore) GetSolveRecord(round, attempt uint64) (index.SolveRecord, bool, error) {
	if s.fail {
		return index.SolveRecord{}, false, errDisk
	}
	return s.solve.GetSolveRecord(round, attempt)
}

func newDecisionStore(t *testing.T, fs *fakeStore) *decisionStore {
	t.Helper()
	st, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &decisionStore{fakeStore: fs, solve: st}
}

// putDecision stores the challenger's record of a batch, as the challenger
// writes it (solve.Record's JSON).
func (s *decisionStore) putDecision(t *testing.T, rec solve.Record) {
	t.Helper()
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.solve.PutSolveRecord(index.SolveRecord{Round: rec.Round, Attempt: rec.Attempt, Open: rec.State != solve.StateSettled, Record: b}); err != nil {
		t.Fatal(err)
	}
}

// TestRoundDecisions: each round carries the decision records of its
// batches, by attempt, the record's JSON as stored; a failing read is 503.
func TestRoundDecisions(t *testing.T) {
	fraud := newTestRound(t, 2, setAmount(1, 0, 1))
	zero, one := uint64(0), uint64(1)
	voided := fraud.record.Batches[0]
	voided.Status, voided.Attempt = index.BatchVoided, &zero
	fraud.record.Batches[0].Attempt = &one
	fraud.record.Batches = append([]index.Batch{voided}, fraud.record.Batches...)
	store := newDecisionStore(t, newFakeStore())
	store.put(newTestRound(t, 1, nil))
	store.put(fraud)
	settled := solve.NewRecord(2, 0)
	settled.State = solve.StateSettled
	store.putDecision(t, settled)
	store.putDecision(t, solve.NewRecord(2, 1))
	s, _ := newTestServer(t, testConfig(), store, newFakeStatus(0, 0))

	var v api.RoundView
	do(t, s.Handler(), "GET", "/v1/rounds/2").decode(t, &v)
	if len(v.Decisions) != 2 || v.Decisions[0].Attempt != 0 || v.Decisions[0].Open || v.Decisions[1].Attempt != 1 || !v.Decisions[1].Open {
		t.Fatalf("decisions %+v", v.Decisions)
	}
	got, err := solve.DecodeRecord(v.Decisions[0].Record)
	if err != nil || got.State != solve.StateSettled || got.Round != 2 {
		t.Fatalf("record %+v: %v", got, err)
	}
	var list struct{ Rounds []map[string]any }
	do(t, s.Handler(), "GET", "/v1/rounds?from=1&to=2").decode(t, &list)
	if _, ok := list.Rounds[0]["decisions"]; ok || list.Rounds[1]["decisions"] == nil {
		t.Fatalf("decisions keys: %v / %v", list.Rounds[0]["decisions"], list.Rounds[1]["decisions"])
	}
	store.fail = true
	for _, path := range []string{"/v1/rounds/2", "/v1/rounds?from=1&to=2"} {
		if r := do(t, s.Handler(), "GET", path); r.code != 503 || strings.Contains(string(r.body), errDisk.Error()) {
			t.Errorf("%s with failing decision records: %d %s", path, r.code, r.body)
		}
	}
}

// TestRoundV2: /v1/rounds/{round} serves the v2 record (attempt, the
// judgement, challenges, reveals, notes) and the provider roots of the
// batch that disagree with the recomputed ones.
func TestRoundV2(t *testing.T) {
	fraud := newTestRound(t, 5, setAmount(2, 1, 7))
	fraud.record.AvailabilityChallenges = []index.AvailabilityChallenge{{Attempt: 0, Kind: "row", Index: 1, State: index.ChallengeOpen, ResolveBy: 90}}
	fraud.record.Reveals = []index.Reveal{{Attempt: 0, Kind: "row", Index: 0, Key: fraud.rd.Manifest.Headers[0].EntriesRoot}}
	fraud.record.Notes = []string{"registrations before block 3 not seen"}
	store := newFakeStore()
	store.put(fraud)
	store.put(newTestRound(t, 6, nil))
	s, _ := newTestServer(t, testConfig(), store, newFakeStatus(0, 0))

	r := do(t, s.Handler(), "GET", "/v1/rounds/5")
	var obj map[string]any
	r.decode(t, &obj)
	for _, k := range []string{"protocol", "providersRoot", "judgement", "availabilityChallenges", "reveals", "notes", "providerRoots", "batches"} {
		if _, ok := obj[k]; !ok {
			t.Errorf("no key %q in %s", k, r.body)
		}
	}
	var v api.RoundView
	r.decode(t, &v)
	j := v.Judgement
	if j == nil || j.Status != judge.StatusFraud || j.Rule != judge.RuleBadAllocation || *j.Provider != 2 || *v.Batches[0].Attempt != 0 {
		t.Fatalf("judgement %+v", j)
	}
	pr := v.ProviderRoots
	if pr == nil || pr.Data != api.DataComplete || len(pr.Wrong) != 1 || pr.Wrong[0].Provider != 2 ||
		pr.Wrong[0].Claimed != fraud.roots[2] || pr.Wrong[0].Correct != fraud.res.ProviderAllocRoots[2] {
		t.Fatalf("provider roots %+v", pr)
	}
	do(t, s.Handler(), "GET", "/v1/rounds/6").decode(t, &v)
	if v.ProviderRoots == nil || v.ProviderRoots.Wrong == nil || len(v.ProviderRoots.Wrong) != 0 {
		t.Fatalf("honest round: %+v", v.ProviderRoots)
	}
	store.drop(recompute.KindRow, fraud.rd.Manifest.Headers[1].EntriesRoot)
	do(t, s.Handler(), "GET", "/v1/rounds/5").decode(t, &v)
	if v.ProviderRoots.Data != api.DataUnavailable || len(v.ProviderRoots.Wrong) != 0 {
		t.Fatalf("a row withheld: %+v", v.ProviderRoots)
	}
	var list struct{ Rounds []map[string]any }
	do(t, s.Handler(), "GET", "/v1/rounds?from=5&to=6").decode(t, &list)
	if _, ok := list.Rounds[0]["providerRoots"]; ok {
		t.Error("the list recomputes provider roots")
	}
	if r := do(t, s.Handler(), "GET", "/v1/rounds/5"); r.code != 200 {
		t.Fatal(r.code)
	}
	store.fail["Object"] = true
	if r := do(t, s.Handler(), "GET", "/v1/rounds/5"); r.code != 503 {
		t.Fatalf("objects unreadable: %d %s", r.code, r.body)
	}
}
