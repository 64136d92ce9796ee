package jobs

import (
	"context"
	"math/big"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/health"
	"github.com/denomwatch/denomwatch/index"
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
	if len(pruned) != 2 || pruned[0] != 1 || pruned[1] != 3 {
		t.Fatalf("pruned %v, want [1 3] (2 kept, 4-6 recent)", pruned)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestReauditAlert: a stored verdict the data does not support raises one
// reaudit_mismatch alert; later runs find the same and raise nothing more.
func TestReauditAlert(t *testing.T) {
	s := openStore(t)
	// Round 1 says pending (awaiting a batch) but its commitment data does
	// not decode: a fresh look says malformed.
	r := index.Round{Round: 1, Verdict: index.VerdictPending, CommitBlock: 1, Signers: []index.Signer{}, Batches: []index.Batch{}}
	if err := s.Apply(&index.BlockUpdate{Number: 1, Hash: common.Hash{1}, Rounds: []index.Round{r}, CommitmentData: map[uint64][]byte{1: {0xde, 0xad}}}); err != nil {
		t.Fatal(err)
	}
	var pos position
	pos.head.Store(2)
	pos.processed.Store(1)
	sch, err := New(DefaultConfig(), Deps{Store: s, Progress: &pos})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		rep, err := sch.RunReaudit(context.Background())
		if err != nil || rep.Checked != 1 || len(rep.Mismatches) != 1 || rep.Mismatches[0].Recomputed.Verdict != index.VerdictMalformed {
			t.Fatalf("re-audit: %+v %v", rep, err)
		}
	}
	es := outbox(t, s)
	if len(es) != 1 || es[0].Type != alerts.ReauditMismatch || *es[0].Round != 1 {
		t.Fatalf("re-audit alerts: %+v", es)
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
