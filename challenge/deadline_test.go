package challenge

import (
	"math"
	"testing"

	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/judge"
)

// TestDeadlineAtRisk: deadline_at_risk is due for a live batch judged
// fraudulent or unavailable within DeadlineAlertBlocks of its deadline,
// whatever the record's state, unless an open challenge holds the batch
// back from finalization.
func TestDeadlineAtRisk(t *testing.T) {
	fraud := &judge.Verdict{Status: judge.StatusFraud}
	live := func(deadline uint64) *solve.Batch { return &solve.Batch{State: solve.BatchLive, Deadline: deadline} }
	open := []solve.Bond{{Fate: solve.FateOpen, Bond: uint256.NewInt(1)}}
	lost := []solve.Bond{{Fate: solve.FateLost, Bond: uint256.NewInt(1)}}
	cases := []struct {
		name   string
		blocks uint64
		head   uint64
		batch  *solve.Batch
		v      *judge.Verdict
		state  solve.State
		bonds  []solve.Bond
		want   bool
	}{
		{"fraud, 10 blocks left", 10, 90, live(100), fraud, solve.StateProving, nil, true},
		{"fraud, at the deadline", 10, 100, live(100), fraud, solve.StateOpen, nil, true},
		{"fraud, 11 blocks left", 10, 89, live(100), fraud, solve.StateProving, nil, false},
		{"past the deadline", 10, 101, live(100), fraud, solve.StateProving, nil, false},
		{"alerts off", 0, 99, live(100), fraud, solve.StateProving, nil, false},
		{"monitor-only, settled on a live batch", 10, 95, live(100), fraud, solve.StateSettled, nil, true},
		{"unavailable", 10, 95, live(100), &judge.Verdict{Status: judge.StatusUnavailable}, solve.StateOpen, nil, true},
		{"unavailable, our challenge open", 10, 95, live(100), &judge.Verdict{Status: judge.StatusUnavailable}, solve.StateChallenging, open, false},
		{"unavailable, our challenge lost", 10, 95, live(100), &judge.Verdict{Status: judge.StatusUnavailable}, solve.StateOpen, lost, true},
		{"valid", 10, 95, live(100), &judge.Verdict{Status: judge.StatusValid}, solve.StateOpen, nil, false},
		{"no verdict", 10, 95, live(100), nil, solve.StateOpen, nil, false},
		{"voided", 10, 95, &solve.Batch{State: solve.BatchVoided, Deadline: 100}, fraud, solve.StateProving, nil, false},
		{"finalized", 10, 95, &solve.Batch{State: solve.BatchFinalized, Deadline: 100}, fraud, solve.StateSettled, nil, false},
		{"no batch", 10, 95, nil, fraud, solve.StateOpen, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := &Executor{cfg: Config{DeadlineAlertBlocks: c.blocks}}
			w := &work{rec: solve.Record{State: c.state, Challenges: c.bonds}, facts: solve.Facts{Batch: c.batch, Verdict: c.v}}
			if got := e.deadlineAtRisk(c.head, w); got != c.want {
				t.Fatalf("deadlineAtRisk = %v, want %v", got, c.want)
			}
		})
	}
}

// TestOpenFrauds: the open frauds are the live batches judged wrong; the
// blocks left are the earliest deadline's among those no open challenge
// holds back (+Inf when none).
func TestOpenFrauds(t *testing.T) {
	fraud := &judge.Verdict{Status: judge.StatusFraud}
	live := func(deadline uint64) *solve.Batch { return &solve.Batch{State: solve.BatchLive, Deadline: deadline} }
	w := func(b *solve.Batch, v *judge.Verdict, bonds ...solve.Bond) *work {
		return &work{rec: solve.Record{Challenges: bonds}, facts: solve.Facts{Batch: b, Verdict: v}}
	}
	open := solve.Bond{Fate: solve.FateOpen, Bond: uint256.NewInt(1)}
	cases := []struct {
		name string
		ws   []*work
		n    int
		left float64
	}{
		{"none", nil, 0, math.Inf(1)},
		{"two frauds", []*work{w(live(120), fraud), w(live(105), fraud)}, 2, 5},
		{"past its deadline", []*work{w(live(90), fraud)}, 1, 0},
		{"held back by our challenge", []*work{w(live(101), &judge.Verdict{Status: judge.StatusUnavailable}, open)}, 1, math.Inf(1)},
		{"valid and voided left out", []*work{w(live(101), &judge.Verdict{Status: judge.StatusValid}), w(&solve.Batch{State: solve.BatchVoided, Deadline: 101}, fraud)}, 0, math.Inf(1)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if n, left := openFrauds(100, c.ws); n != c.n || left != c.left {
				t.Fatalf("openFrauds = %d, %v; want %d, %v", n, left, c.n, c.left)
			}
		})
	}
}
