package rpcpool

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"
)

// TestVerified: an answer the caller proves false (an error wrapping
// ErrLying) moves the read to the next endpoint and marks the liar (counted,
// cooled down, its lie's kind in Stats); a JSON-RPC error is returned as
// is; when every endpoint lies, the error wraps ErrAllEndpointsFailed and
// ErrLying.
func TestVerified(t *testing.T) {
	a, b := newNode(t, 1, 100), newNode(t, 1, 200)
	clk := newClock()
	p := dial(t, []string{a.URL(), b.URL()}, Options{Now: clk.Now, CoolDown: time.Second, MaxCoolDown: time.Minute})
	var seen []string
	read := func(liar string) error {
		return p.Verified(t.Context(), "read", func(ctx context.Context, name string, c *rpc.Client) error {
			seen = append(seen, name)
			if name == liar || liar == "all" {
				return fmt.Errorf("block 7: %w", &Lie{Kind: LieLogs, Block: 7, Detail: "a log left out"})
			}
			return nil
		})
	}
	if err := read(a.URL()); err != nil || len(seen) != 2 || seen[0] != a.URL() || seen[1] != b.URL() {
		t.Fatalf("read: %v; endpoints %v", err, seen)
	}
	st := p.Stats()
	if e := st.Endpoints[0]; e.Lies != 1 || e.LastLieKind != LieLogs || e.Healthy || e.CoolingUntil != clk.Now().Add(time.Minute) {
		t.Fatalf("liar's stats %+v", e)
	}
	if st.Endpoints[1].Lies != 0 || p.Current() != b.URL() {
		t.Fatalf("stats %+v", st)
	}
	// The liar cools down: the next read starts on the honest endpoint.
	seen = nil
	if err := read(a.URL()); err != nil || len(seen) != 1 || seen[0] != b.URL() {
		t.Fatalf("read while the liar cools down: %v; %v", err, seen)
	}
	seen = nil
	err := read("all")
	if !errors.Is(err, ErrAllEndpointsFailed) || !errors.Is(err, ErrLying) || IsTransport(err) || len(seen) != 2 {
		t.Fatalf("every endpoint lying: %v (%v)", err, seen)
	}
	var l *Lie
	if !errors.As(err, &l) || l.Block != 7 {
		t.Fatalf("the lie is not in the error: %v", err)
	}
	if !p.ReportLie(b.URL(), &Lie{Kind: LieFork, Block: 3}) || p.ReportLie("http://nowhere", errors.New("x")) {
		t.Fatal("ReportLie")
	}
	if e := p.Stats().Endpoints[1]; e.Lies != 2 || e.LastLieKind != LieFork {
		t.Fatalf("reported lie: %+v", e)
	}
}

// TestAssess: the cross-check's decision, table-tested.
func TestAssess(t *testing.T) {
	h := func(b byte) common.Hash { return common.Hash{b} }
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	obs := func(name string, head uint64, served bool, hashes map[uint64]common.Hash) Observation {
		return Observation{Endpoint: name, Head: head, HeadServed: served, Hashes: hashes}
	}
	honest := map[uint64]common.Hash{10: h(1), 20: h(2)}
	fake := map[uint64]common.Hash{10: h(1), 20: h(9)}
	tests := []struct {
		name     string
		obs      []Observation
		seen     map[string]HeadSeen
		best     uint64
		lies     map[string]LieKind
		agree    map[string]bool
		lag      map[string]uint64
		split    []uint64
		majority map[uint64]common.Hash
	}{
		{name: "all agree", obs: []Observation{obs("a", 30, true, honest), obs("b", 31, true, honest)},
			best: 31, agree: map[string]bool{"a": true, "b": true}, lag: map[string]uint64{"a": 1}, majority: honest},
		{name: "fake chain outvoted", obs: []Observation{obs("a", 30, true, fake), obs("b", 30, true, honest), obs("c", 30, true, honest)},
			best: 30, lies: map[string]LieKind{"a": LieFork}, agree: map[string]bool{"b": true, "c": true}, majority: honest},
		{name: "two disagree: split, nobody named", obs: []Observation{obs("a", 30, true, fake), obs("b", 30, true, honest)},
			best: 30, split: []uint64{20}, majority: map[uint64]common.Hash{10: h(1)}},
		{name: "absurd head", obs: []Observation{obs("a", 1<<40, false, honest), obs("b", 30, true, honest)},
			best: 30, lies: map[string]LieKind{"a": LieAbsurdHead}, agree: map[string]bool{"a": true, "b": true}, majority: honest},
		{name: "frozen head", obs: []Observation{obs("a", 25, true, honest), obs("b", 30, true, honest)},
			seen: map[string]HeadSeen{"a": {25, now.Add(-time.Minute)}, "b": {28, now.Add(-time.Minute)}},
			best: 30, lies: map[string]LieKind{"a": LieFrozenHead}, agree: map[string]bool{"a": true, "b": true}, lag: map[string]uint64{"a": 5}, majority: honest},
		{name: "behind but moving", obs: []Observation{obs("a", 25, true, honest), obs("b", 30, true, honest)},
			seen: map[string]HeadSeen{"a": {24, now.Add(-time.Minute)}},
			best: 30, agree: map[string]bool{"a": true, "b": true}, lag: map[string]uint64{"a": 5}, majority: honest},
		{name: "the best head stopped too (chain halted)", obs: []Observation{obs("a", 30, true, honest), obs("b", 30, true, honest)},
			seen: map[string]HeadSeen{"a": {30, now.Add(-time.Hour)}, "b": {30, now.Add(-time.Hour)}},
			best: 30, agree: map[string]bool{"a": true, "b": true}, majority: honest},
		{name: "unreachable endpoint ignored", obs: []Observation{{Endpoint: "a", Err: errors.New("refused")}, obs("b", 30, true, honest)},
			best: 30, agree: map[string]bool{"b": true}, majority: honest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Assess(tt.obs, tt.seen, now, 30*time.Second)
			if r.Best != tt.best || fmt.Sprint(r.Split) != fmt.Sprint(tt.split) || fmt.Sprint(r.Majority) != fmt.Sprint(tt.majority) {
				t.Fatalf("best %d split %v majority %v", r.Best, r.Split, r.Majority)
			}
			for _, c := range r.Endpoints {
				var kind LieKind
				if c.Lie != nil {
					kind = c.Lie.Kind
				}
				if kind != tt.lies[c.Endpoint] || c.Agrees != tt.agree[c.Endpoint] || c.Lag != tt.lag[c.Endpoint] {
					t.Fatalf("%s: lie %q agrees %v lag %d", c.Endpoint, kind, c.Agrees, c.Lag)
				}
			}
		})
	}
}
