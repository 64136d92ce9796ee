package watcher

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
)

func TestFraudsOf(t *testing.T) {
	b := func(status string) index.Batch { return index.Batch{Status: status} }
	tests := []struct {
		name    string
		verdict index.Verdict
		batches []index.Batch
		want    FraudCounts
	}{
		{"no batch", index.VerdictPending, nil, FraudCounts{}},
		{"valid", index.VerdictValid, []index.Batch{b(index.BatchLive)}, FraudCounts{}},
		{"fraud, live", index.VerdictFraud, []index.Batch{b(index.BatchLive)}, FraudCounts{Detected: 1}},
		{"fraud, proven (the round awaits a new batch)", index.VerdictFraud, []index.Batch{b(index.BatchVoided)}, FraudCounts{Detected: 1, Proven: 1}},
		{"proven, then resubmitted honestly", index.VerdictValid, []index.Batch{b(index.BatchVoided), b(index.BatchFinalized)}, FraudCounts{Detected: 1, Proven: 1}},
		{"proven twice, then a third fraud live", index.VerdictFraud, []index.Batch{b(index.BatchVoided), b(index.BatchVoided), b(index.BatchLive)}, FraudCounts{Detected: 3, Proven: 2}},
		{"fraud finalized unproven", index.VerdictFraud, []index.Batch{b(index.BatchFinalized)}, FraudCounts{Detected: 1, FinalizedUnproven: 1}},
		{"proven, then a fraud finalized", index.VerdictFraud, []index.Batch{b(index.BatchVoided), b(index.BatchFinalized)}, FraudCounts{Detected: 2, Proven: 1, FinalizedUnproven: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := index.Round{Verdict: tc.verdict, Batches: tc.batches}
			if got := fraudsOf(&r); got != tc.want {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
		})
	}
	if c := (FraudCounts{3, 2, 1}).Add(FraudCounts{1, 1, 1}).Sub(FraudCounts{1, 1, 1}); c != (FraudCounts{3, 2, 1}) {
		t.Fatalf("add then sub: %+v", c)
	}
}

func TestProgress(t *testing.T) {
	t0 := time.Unix(1_800_000_000, 0)
	p := progress{every: 5 * time.Second}
	if _, ok := p.behind(t0, 100, 10_100, 10_100); ok {
		t.Fatal("a line at the very start")
	}
	p.judged(7)
	if _, ok := p.behind(t0.Add(4*time.Second), 500, 10_100, 10_100); ok {
		t.Fatal("a line before 5 s")
	}
	l, ok := p.behind(t0.Add(10*time.Second), 1100, 10_100, 10_120)
	if !ok || l.block != 1100 || l.head != 10_120 || l.rounds != 7 || l.rate != 100 || l.eta != 90*time.Second {
		t.Fatalf("line %+v %t", l, ok)
	}
	if _, ok := p.behind(t0.Add(12*time.Second), 1300, 10_100, 10_120); ok {
		t.Fatal("a line 2 s after the last")
	}
	l, ok = p.caughtUp(t0.Add(100*time.Second), 10_100)
	if !ok || l.rounds != 7 || l.rate != 100 || l.elapsed != 100*time.Second {
		t.Fatalf("caught up %+v %t", l, ok)
	}
	if _, ok := p.caughtUp(t0.Add(101*time.Second), 10_101); ok {
		t.Fatal("caught up said twice")
	}
	p.judged(3) // while caught up: not counted
	if p.rounds != 7 {
		t.Fatalf("rounds %d", p.rounds)
	}
	// Caught up from the start: said once; following the head a block at
	// a time (behind by one, then caught up) says nothing.
	q := progress{every: time.Second}
	if _, ok := q.caughtUp(t0, 5); !ok {
		t.Fatal("the first caught up is not said")
	}
	for n := uint64(6); n < 20; n++ {
		now := t0.Add(time.Duration(n) * 300 * time.Millisecond)
		if _, ok := q.behind(now, n-1, n, n); ok {
			t.Fatal("a progress line while following the head")
		}
		if _, ok := q.caughtUp(now, n); ok {
			t.Fatalf("caught up said at block %d while following the head", n)
		}
	}
}

// TestVerdictLines: a verdict line names the batch and its attempt, and a
// batch replacing a voided one is marked resubmitted.
func TestVerdictLines(t *testing.T) {
	var buf bytes.Buffer
	w := &Watcher{log: slog.New(slog.NewTextHandler(&buf, nil))}
	idx := uint64(3)
	first := index.Batch{TxHash: common.Hash{0xb1}, Status: index.BatchLive}
	fraud := index.Round{Round: 7, Verdict: index.VerdictFraud, Kind: index.KindBadAllocation, Index: &idx, Batches: []index.Batch{first}}
	w.logRound(nil, fraud)
	voided := fraud
	voided.Batches = []index.Batch{{TxHash: first.TxHash, Status: index.BatchVoided}}
	w.logRound(&fraud, voided)
	resub := index.Round{Round: 7, Verdict: index.VerdictValid, Batches: []index.Batch{voided.Batches[0], {TxHash: common.Hash{0xb2}, Status: index.BatchLive}}}
	w.logRound(&voided, resub)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), buf.String())
	}
	for i, want := range [][]string{
		{`msg="round verdict"`, "verdict=fraud", "batch=0xb1", "attempt=1", "kind=bad-allocation"},
		{`msg="round batch status"`, "status=voided", "batch=0xb1"},
		{`msg="round verdict"`, "verdict=valid", "batch=0xb2", "attempt=2", "resubmitted=true", "replaces=0xb1"},
	} {
		for _, s := range want {
			if !strings.Contains(lines[i], s) {
				t.Errorf("line %d lacks %q: %s", i, s, lines[i])
			}
		}
	}
	if strings.Contains(lines[0], "resubmitted") {
		t.Errorf("a first batch is called resubmitted: %s", lines[0])
	}
}
