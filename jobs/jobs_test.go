package jobs

import (
	"context"
	"log/slog"
	"math/big"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/health"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
	"github.com/denomwatch/denomwatch/watcher"
)

// position is the watcher's position as the jobs see it.
type position struct{ head, processed atomic.Uint64 }

func (p *position) Head() uint64      { return p.head.Load() }
func (p *position) Processed() uint64 { return p.processed.Load() }

func openStore(t *testing.T) *index.Store {
	t.Helper()
	s, err := index.Open(index.Options{InMemory: true, UndoDepth: 4})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func outbox(t *testing.T, s *index.Store) []alerts.Event {
	t.Helper()
	es, err := s.Outbox(0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]alerts.Event, len(es))
	for i, e := range es {
		if out[i], err = alerts.ParseEvent(e.Body); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestCheckLag: one watcher_lagging alert per episode of lag.
func TestCheckLag(t *testing.T) {
	s := openStore(t)
	var pos position
	notified := 0
	cfg := DefaultConfig()
	cfg.LagBlocks = 10
	sch, err := New(cfg, Deps{Store: s, Progress: &pos, Notify: func() { notified++ }})
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct{ head, processed uint64 }{
		{100, 95}, {100, 89}, {120, 90}, {130, 125}, {200, 150}, {210, 150},
	} {
		pos.head.Store(step.head)
		pos.processed.Store(step.processed)
		if err := sch.CheckLag(); err != nil {
			t.Fatal(err)
		}
	}
	es := outbox(t, s)
	if len(es) != 2 || notified != 2 || es[0].Type != alerts.WatcherLagging || es[0].Block != 89 || es[1].Block != 150 || es[0].ID == es[1].ID {
		t.Fatalf("lag alerts: %d notified, %+v", notified, es)
	}
}

// TestBadSchedule: a bad cron spec is a configuration error.
func TestBadSchedule(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Digest = "every day at nine"
	if _, err := New(cfg, Deps{Store: openStore(t), Progress: &position{}}); err == nil {
		t.Fatal("a bad schedule was accepted")
	}
}

// TestDigestAndPrune: the digest counts the last day's rounds by verdict;
// pruning with a retention removes the data of old settled rounds only.
func TestDigestAndPrune(t *testing.T) {
	s := openStore(t)
	now := time.Unix(1_800_000_000, 0)
	day := uint64(24 * 3600)
	// Rounds 1-3 committed 3 days ago, 4-6 within the last day.
	for n := uint64(1); n <= 6; n++ {
		ct := uint64(now.Unix()) - 3*day
		if n > 3 {
			ct = uint64(now.Unix()) - 3600
		}
		v := index.VerdictValid
		if n == 5 {
			v = index.VerdictFraud
		}
		tx := common.Hash{0xb, byte(n)}
		r := index.Round{Round: n, Verdict: v, CommitTime: ct, UpdatedBlock: n, CommitBlock: n, Signers: []index.Signer{},
			Batches:       []index.Batch{{TxHash: tx, DataAvailable: true, DeadlineBlock: n + 2, Signers: []index.Signer{}}},
			DeadlineBlock: n + 2}
		if err := s.Apply(&index.BlockUpdate{Number: n, Hash: common.Hash{byte(n)}, Rounds: []index.Round{r},
			CommitmentData: map[uint64][]byte{n: {1}}, BatchData: map[common.Hash][]byte{tx: {2}}}); err != nil {
			t.Fatal(err)
		}
	}
	for n := uint64(7); n <= 20; n++ {
		if err := s.Apply(&index.BlockUpdate{Number: n, Hash: common.Hash{byte(n)}}); err != nil {
			t.Fatal(err)
		}
	}
	var pos position
	pos.head.Store(20)
	pos.processed.Store(20)
	cfg := DefaultConfig()
	cfg.Now = func() time.Time { return now }
	cfg.Retention = 48 * time.Hour
	sch, err := New(cfg, Deps{Store: s, Progress: &pos, Keep: func(r uint64) bool { return r == 2 },
		Counts: func() map[string]uint64 { return map[string]uint64{"challenges.confirmed": 1} }})
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.SendDigest(context.Background()); err != nil {
		t.Fatal(err)
	}
	es := outbox(t, s)
	if len(es) != 1 || es[0].Type != alerts.DailyDigest {
		t.Fatalf("digest: %+v", es)
	}
	counts := es[0].Data["counts"].(map[string]any)
	if counts["rounds"] != float64(3) || counts["verdict.valid"] != float64(2) || counts["verdict.fraud"] != float64(1) || counts["challenges.confirmed"] != float64(1) {
		t.Fatalf("digest counts: %v", counts)
	}
	pruned, err := sch.RunPrune()
	if err != nil {
		t.Fatal(err)
	}
	if len(pruned.Rounds) != 2 || pruned.Rounds[0] != 1 || pruned.Rounds[1] != 3 {
		t.Fatalf("pruned %v, want [1 3] (2 kept, 4-6 recent)", pruned.Rounds)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

// v2Round stores the objects of a well-formed round n of two providers
// (committed, no batch) in s for round n, and returns its record, judged
// (Judgement, JudgedFacts) from the index alone.
func v2Round(t *testing.T, s *index.Store, n uint64) index.Round {
	t.Helper()
	rows := make([]recompute.ProviderRow, 2)
	for p := range rows {
		rows[p].Provider = common.Address{19: byte(p + 1)}
		rows[p].Capacity.SetUint64(1000)
		var e recompute.Entry
		e.Recipient = common.Address{19: byte(0x10 + p)}
		e.MR.SetUint64(uint64(p + 1))
		e.Residual.SetUint64(3)
		rows[p].Row = recompute.NewRow([]recompute.Entry{e})
	}
	rd := recompute.NewRound(uint256.NewInt(n), rows)
	var puts []index.ObjectPut
	for _, o := range rd.Objects() {
		puts = append(puts, index.ObjectPut{Kind: o.Kind, Key: o.Key, Data: o.Data, Prov: index.FromSource("https://da.example", time.Unix(1, 0))})
	}
	if err := s.PutObjects(n, puts...); err != nil {
		t.Fatal(err)
	}
	root, P, commitment := rd.Manifest.CommitArgs()
	r := index.Round{Round: n, Protocol: index.ProtocolV2, CommitmentRoot: commitment, ProvidersRoot: root, ProviderCount: P,
		EntryCount: int(rd.Manifest.E.Uint64()), CommitBlock: n, Signers: []index.Signer{}, Batches: []index.Batch{}}
	dir := t.TempDir() // a DA source with nothing: the index alone
	client, err := da.NewClient(da.Options{Sources: []string{dir}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	v, _, err := watcher.Rejudge(context.Background(), &r, watcher.Objects{DA: client, Cache: watcher.NewIndexCache(s, 0)}, nil, common.Address{}, recompute.Options{})
	if err != nil || v.Status != judge.StatusAwaitingBatch || len(v.Missing) > 0 {
		t.Fatalf("round %d: %+v %v", n, v, err)
	}
	r.Judgement, r.JudgedFacts, r.Verdict = &v, watcher.FactsDigest(&r), index.Verdict(v.Status)
	return r
}

// TestReauditAlert: a stored verdict that judging the round again from the
// index does not reproduce raises one reaudit_mismatch alert naming both
// verdicts; later runs find the same and raise nothing more.
func TestReauditAlert(t *testing.T) {
	s := openStore(t)
	good, bad := v2Round(t, s, 1), v2Round(t, s, 2)
	wrong := *bad.Judgement
	wrong.Status, wrong.Rule = judge.StatusMalformed, recompute.RuleEntryOrder
	bad.Judgement = &wrong
	if err := s.Apply(&index.BlockUpdate{Number: 2, Hash: common.Hash{2}, Rounds: []index.Round{good, bad}}); err != nil {
		t.Fatal(err)
	}
	var pos position
	pos.head.Store(3)
	pos.processed.Store(2)
	sch, err := New(DefaultConfig(), Deps{Store: s, Progress: &pos})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		rep, err := sch.RunReaudit(context.Background())
		if err != nil || rep.Checked != 2 || len(rep.Mismatches) != 1 || rep.Mismatches[0].Round != 2 || rep.Mismatches[0].Rejudged.Status != judge.StatusAwaitingBatch {
			t.Fatalf("re-audit: %+v %v", rep, err)
		}
	}
	es := outbox(t, s)
	if len(es) != 1 || es[0].Type != alerts.ReauditMismatch || *es[0].Round != 2 ||
		es[0].Data["storedVerdict"] != string(judge.StatusMalformed) || es[0].Data["recomputedVerdict"] != string(judge.StatusAwaitingBatch) {
		t.Fatalf("re-audit alerts: %+v", es)
	}
}

// TestObjectsReleasable: the retention rule of a round's objects.
func TestObjectsReleasable(t *testing.T) {
	const cutoff, settledBelow = 1000, 100
	final := func(change func(r *index.Round)) *index.Round {
		r := &index.Round{Round: 1, CommitTime: 500, Finalized: true, UpdatedBlock: 50, Batches: []index.Batch{{Status: index.BatchFinalized}}}
		change(r)
		return r
	}
	tests := []struct {
		name string
		r    *index.Round
		busy bool
		want bool
	}{
		{"final, committed before the cutoff", final(func(*index.Round) {}), false, true},
		{"final, committed at the cutoff", final(func(r *index.Round) { r.CommitTime = cutoff }), false, false},
		{"final, committed after the cutoff", final(func(r *index.Round) { r.CommitTime = 2000 }), false, false},
		{"final, commit time unknown", final(func(r *index.Round) { r.CommitTime = 0 }), false, false},
		{"final in a block a rollback reaches", final(func(r *index.Round) { r.UpdatedBlock = settledBelow }), false, false},
		{"final, last changed just below the rollbacks' reach", final(func(r *index.Round) { r.UpdatedBlock = settledBelow - 1 }), false, true},
		{"final, block unknown", final(func(r *index.Round) { r.UpdatedBlock = 0 }), false, false},
		{"final, a challenge in flight or a decision open", final(func(*index.Round) {}), true, false},
		{"final, an availability challenge open", final(func(r *index.Round) {
			r.AvailabilityChallenges = []index.AvailabilityChallenge{{State: index.ChallengeResolved}, {State: index.ChallengeOpen}}
		}), false, false},
		{"final, availability challenges settled", final(func(r *index.Round) {
			r.AvailabilityChallenges = []index.AvailabilityChallenge{{State: index.ChallengeResolved}, {State: index.ChallengeRefunded}}
		}), false, true},
		{"live batch", final(func(r *index.Round) { r.Finalized, r.Batches[0].Status = false, index.BatchLive }), false, false},
		{"no batch yet", final(func(r *index.Round) { r.Finalized, r.Batches = false, nil }), false, false},
		{"batch voided, none since", final(func(r *index.Round) { r.Finalized, r.Batches[0].Status = false, index.BatchVoided }), false, false},
		{"no record", nil, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ObjectsReleasable(tc.r, tc.busy, cutoff, settledBelow); got != tc.want {
				t.Fatalf("ObjectsReleasable = %v, want %v", got, tc.want)
			}
		})
	}
}

// seedRetention stores rounds 1-7, each with its objects, as of now:
// 1 old final; 2 recent final; 3 old, live batch; 4 old, no batch; 5 old
// final (the test keeps it busy); 6 old final, a decision record open;
// 7 objects but no record. Blocks up to 20 follow.
func seedRetention(t *testing.T, s *index.Store, now time.Time) {
	t.Helper()
	old, recent := uint64(now.Unix())-10*24*3600, uint64(now.Unix())-3600
	type state struct {
		commit           uint64
		finalized, batch bool
	}
	states := map[uint64]state{1: {old, true, true}, 2: {recent, true, true}, 3: {old, false, true}, 4: {old, false, false}, 5: {old, true, true}, 6: {old, true, true}}
	var recs []index.Round
	for n := uint64(1); n <= 7; n++ {
		r := v2Round(t, s, n)
		st, ok := states[n]
		if !ok {
			continue
		}
		r.CommitTime, r.Finalized, r.UpdatedBlock = st.commit, st.finalized, 1
		if st.batch {
			status := map[bool]string{true: index.BatchFinalized, false: index.BatchLive}[st.finalized]
			r.Batches = []index.Batch{{TxHash: common.Hash{byte(n)}, Status: status, DeadlineBlock: 2, Signers: []index.Signer{}}}
			r.DeadlineBlock = 2
		}
		recs = append(recs, r)
	}
	if err := s.Apply(&index.BlockUpdate{Number: 1, Hash: common.Hash{1}, Rounds: recs}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSolveRecord(index.SolveRecord{Round: 6, Attempt: 0, Open: true, Record: []byte(`{"round":6,"attempt":0,"state":"proving"}`)}); err != nil {
		t.Fatal(err)
	}
	for n := uint64(2); n <= 20; n++ {
		if err := s.Apply(&index.BlockUpdate{Number: n, Hash: common.Hash{byte(n)}}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPruneObjects: RunPrune releases the objects of the old final rounds
// only (and then their data), keeps those of every other round, and the
// kept ones survive closing and opening the store again.
func TestPruneObjects(t *testing.T) {
	dir := t.TempDir()
	s, err := index.Open(index.Options{Dir: dir, DeferSync: true, UndoDepth: 4})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1_800_000_000, 0)
	seedRetention(t, s, now)
	var pos position
	pos.head.Store(20)
	pos.processed.Store(20)
	cfg := DefaultConfig()
	cfg.Now, cfg.Retention = func() time.Time { return now }, 48*time.Hour
	sch, err := New(cfg, Deps{Store: s, Progress: &pos, Keep: func(r uint64) bool { return r == 5 }})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := sch.RunPrune()
	if err != nil {
		t.Fatal(err)
	}
	// Round 1's manifest goes; its rows, the same in every round, stay.
	if !slices.Equal(rep.Objects.Rounds, []uint64{1}) || rep.Objects.Objects != 1 || !slices.Equal(rep.Rounds, []uint64{1}) {
		t.Fatalf("prune: %+v", rep)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = index.Open(index.Options{Dir: dir, DeferSync: true, UndoDepth: 4})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if rounds, err := s.ObjectRounds(); err != nil || !slices.Equal(rounds, []uint64{2, 3, 4, 5, 6, 7}) {
		t.Fatalf("rounds with objects after a restart: %v %v", rounds, err)
	}
	if refs, err := s.ObjectsOfRound(3); err != nil || len(refs) != 3 {
		t.Fatalf("round 3's objects after a restart: %v %v", refs, err)
	}
}

// nodeHealth is a settable NodeHealth.
type nodeHealth struct {
	v atomic.Pointer[health.Verdict]
}

func (n *nodeHealth) Check() health.Verdict {
	if v := n.v.Load(); v != nil {
		return *v
	}
	return health.Verdict{}
}

// TestCheckNode: one node_stalled alert per episode of a stalled node.
func TestCheckNode(t *testing.T) {
	s := openStore(t)
	var pos position
	h := &nodeHealth{}
	sch, err := New(DefaultConfig(), Deps{Store: s, Progress: &pos, Health: h})
	if err != nil {
		t.Fatal(err)
	}
	stalled := &health.Verdict{Stalled: true, Kind: health.KindNoNewHead, Reason: "no new head for 2m0s"}
	for i, v := range []*health.Verdict{nil, stalled, stalled, nil, nil, stalled, stalled} {
		pos.head.Store(uint64(100 + i))
		pos.processed.Store(uint64(100 + i)) // no lag
		h.v.Store(v)
		if err := sch.CheckHealth(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	es := outbox(t, s)
	if len(es) != 2 || es[0].Type != alerts.NodeStalled || es[0].Severity != alerts.SeverityCritical || es[0].Block != 101 || es[1].Block != 105 || es[0].ID == es[1].ID {
		t.Fatalf("node alerts: %+v", es)
	}
}

// TestCheckFunds: balance_low once per episode, critical when not even one
// proof is paid for; no alert without a key.
func TestCheckFunds(t *testing.T) {
	s := openStore(t)
	var pos position
	bal := atomic.Int64{}
	funds := func(context.Context) (Funds, error) {
		b := big.NewInt(bal.Load())
		cost := big.NewInt(100)
		return Funds{Address: common.HexToAddress("0xc4a1"), Balance: b, ProofCost: cost, Proofs: new(big.Int).Div(b, cost).Uint64(), LowProofs: 3}, nil
	}
	sch, err := New(DefaultConfig(), Deps{Store: s, Progress: &pos, Funds: funds})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []int64{1000, 250, 200, 1000, 50, 0} {
		bal.Store(b)
		if err := sch.CheckFunds(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	es := outbox(t, s)
	if len(es) != 2 || es[0].Type != alerts.BalanceLow || es[0].Severity != alerts.SeverityWarning || es[1].Severity != alerts.SeverityCritical {
		t.Fatalf("balance alerts: %+v", es)
	}
	if f := (Funds{Proofs: 0, LowProofs: 0}); !f.Low() {
		t.Fatal("a balance that pays no proof is not low")
	}
	none, err := New(DefaultConfig(), Deps{Store: openStore(t), Progress: &pos})
	if err != nil || none.CheckFunds(context.Background()) != nil {
		t.Fatalf("no key: %v", err)
	}
}
