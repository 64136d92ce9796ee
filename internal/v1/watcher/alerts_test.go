package watcher

import (
	"context"
	"encoding/json"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// TestAlertHook: the watcher asks for alerts once per changed round record,
// with its previous record and the recipients the verdict concerns, and
// enqueues what it gets atomically with the block.
func TestAlertHook(t *testing.T) {
	d := runFaultyDevnet(t, 12, allFaults())
	store, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	type call struct {
		prev     index.Verdict
		cur      index.Round
		affected []common.Address
	}
	var (
		mu    sync.Mutex
		calls = map[uint64][]call{}
		woken int
	)
	desc := d.Description()
	w, err := New(context.Background(), Config{AVS: desc.AVS, StartBlock: desc.StartBlock, PollInterval: time.Millisecond,
		Alerts: func(prev *index.Round, cur index.Round, affected []common.Address) ([][]byte, error) {
			mu.Lock()
			defer mu.Unlock()
			c := call{cur: cur, affected: affected}
			if prev != nil {
				c.prev = prev.Verdict
			}
			calls[cur.Round] = append(calls[cur.Round], c)
			if prev != nil && prev.Verdict == cur.Verdict {
				return nil, nil
			}
			b, err := json.Marshal(map[string]any{"round": cur.Round, "verdict": cur.Verdict, "recipients": len(affected)})
			return [][]byte{b}, err
		},
		OnAlerts: func() { woken++ },
	}, d.Client(), store, &CalldataSource{Chain: d.Client(), AVS: desc.AVS}, nil)
	if err != nil {
		t.Fatal(err)
	}
	catchUp(t, w)
	if woken == 0 {
		t.Fatal("OnAlerts never called")
	}
	recipientsAt := func(n uint64) (*recompute.Commitments, []common.Address) {
		data, _, _ := store.CommitmentData(n)
		c, err := recompute.Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		var all []common.Address
		for _, p := range c.Providers {
			for _, e := range p.Entries {
				if !slices.Contains(all, e.Recipient) {
					all = append(all, e.Recipient)
				}
			}
		}
		return c, all
	}
	for n, cs := range calls {
		// The call that brought the round its stored verdict.
		var last call
		for _, c := range cs {
			if c.prev != c.cur.Verdict {
				last = c
			}
		}
		r, _, _ := store.Round(n)
		if last.cur.Verdict != r.Verdict {
			t.Fatalf("round %d: the last verdict change seen is to %s, stored %s", n, last.cur.Verdict, r.Verdict)
		}
		switch {
		case r.Verdict == index.VerdictValid:
			if len(last.affected) != 0 {
				t.Fatalf("honest round %d names %d recipients", n, len(last.affected))
			}
		case n == 9: // one wrong amount, at global index 23
			c, _ := recipientsAt(n)
			k := 0
			var want common.Address
			for _, p := range c.Providers {
				for _, e := range p.Entries {
					if k == 23 {
						want = e.Recipient
					}
					k++
				}
			}
			if len(last.affected) != 1 || last.affected[0] != want {
				t.Fatalf("round 9: affected %v, want [%s]", last.affected, want)
			}
		case r.Kind == index.KindBadPublication, r.Verdict == index.VerdictUnavailable:
			_, all := recipientsAt(n)
			if len(last.affected) != len(all) {
				t.Fatalf("round %d (%s %s): %d affected, want all %d", n, r.Verdict, r.Kind, len(last.affected), len(all))
			}
		}
	}
	// Every verdict change enqueued one body: the outbox holds them.
	if err := store.Check(); err != nil {
		t.Fatal(err)
	}
}
