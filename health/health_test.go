package health

import (
	"sync"
	"testing"
	"time"
)

func TestAssess(t *testing.T) {
	t0 := time.Unix(1_800_000_000, 0)
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	const stall = 60 * time.Second
	tests := []struct {
		name    string
		now     int
		sig     Signals
		stalled bool
		kind    string
	}{
		{"just started, nothing seen", 30, Signals{Started: t0}, false, ""},
		{"started long ago, nothing seen", 61, Signals{Started: t0}, true, KindNoCall},
		{"fresh head and call", 100, Signals{Started: t0, Head: 9, HeadSeen: at(90), LastOK: at(99)}, false, ""},
		{"head frozen, calls answer", 200, Signals{Started: t0, Head: 9, HeadSeen: at(100), LastOK: at(199)}, true, KindNoNewHead},
		{"head frozen exactly at the limit", 160, Signals{Started: t0, Head: 9, HeadSeen: at(100), LastOK: at(159)}, false, ""},
		{"calls failing", 200, Signals{Started: t0, Head: 9, HeadSeen: at(180), LastOK: at(120)}, true, KindNoCall},
		{"syncing", 100, Signals{Started: t0, Head: 9, HeadSeen: at(99), LastOK: at(99), Syncing: &Sync{Current: 5, Highest: 90}}, true, KindSyncing},
		{"clock behind the signals", 50, Signals{Started: t0, Head: 9, HeadSeen: at(60), LastOK: at(60)}, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := Assess(at(tc.now), tc.sig, stall)
			if v.Stalled != tc.stalled || v.Kind != tc.kind || (v.Reason == "") == tc.stalled {
				t.Fatalf("got %+v, want stalled %t kind %q", v, tc.stalled, tc.kind)
			}
			if v.HeadAge < 0 || v.SinceOK < 0 {
				t.Fatalf("negative ages: %+v", v)
			}
		})
	}
}

// clock is a settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestTracker(t *testing.T) {
	c := &clock{t: time.Unix(1_800_000_000, 0)}
	tr := NewTracker(10*time.Second, c.now)
	step := func(d time.Duration, head uint64) {
		c.add(d)
		tr.CallSucceeded()
		tr.HeadSeen(head)
	}
	step(time.Second, 5)
	tr.HeadTime(5, 1234)
	if s := tr.Signals(); s.Head != 5 || s.HeadTime != 1234 {
		t.Fatalf("signals %+v", s)
	}
	for i := 0; i < 5; i++ {
		step(3*time.Second, 5) // the node answers, with the same head
	}
	v := tr.Check()
	if !v.Stalled || v.Kind != KindNoNewHead || v.HeadAge != 15*time.Second {
		t.Fatalf("frozen head: %+v", v)
	}
	step(time.Second, 6)
	if v := tr.Check(); v.Stalled {
		t.Fatalf("a new head: %+v", v)
	}
	if tr.Signals().HeadTime != 0 {
		t.Fatal("the old head's timestamp was kept for the new head")
	}
	tr.HeadTime(5, 99) // a late answer for the old head
	if tr.Signals().HeadTime != 0 {
		t.Fatal("a stale head's timestamp was recorded")
	}
	tr.SetSyncing(&Sync{Current: 1, Highest: 2})
	if v := tr.Check(); v.Kind != KindSyncing {
		t.Fatalf("syncing: %+v", v)
	}
	tr.SetSyncing(nil)
	c.add(11 * time.Second)
	if v := tr.Check(); v.Kind != KindNoCall {
		t.Fatalf("no call: %+v", v)
	}
}
