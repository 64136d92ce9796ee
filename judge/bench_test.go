package judge_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/internal/benchwork"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// benchShapes are the benchmark rounds: the seed scale (100 providers x 1000
// recipients, 10^5 entries) and the largest round (1024 x 1024).
var benchShapes = []struct{ providers, recipients int }{{100, 1000}, {1024, 1024}}

// benchRound is a well-formed round as objects, with its commitment and its
// correct providerAllocRoots.
type benchRound struct {
	c        judge.Commitment
	manifest []byte
	keys     []common.Hash // entriesRoot of each provider
	rows     map[common.Hash][]byte
	roots    []common.Hash
}

var benchRounds sync.Map // providers -> *benchRound

func loadBenchRound(tb testing.TB, P, K int) *benchRound {
	if r, ok := benchRounds.Load(P); ok {
		return r.(*benchRound)
	}
	rd, err := recompute.DecodeRoundFile(recompute.EncodeRoundFile(benchwork.Round(P, K)))
	if err != nil {
		tb.Fatal(err)
	}
	r := &benchRound{rows: map[common.Hash][]byte{}}
	for _, o := range rd.Objects() {
		if o.Kind == recompute.KindManifest {
			r.c.Root, r.manifest = o.Key, o.Data
		} else {
			r.rows[o.Key] = o.Data
		}
	}
	for _, hd := range rd.Manifest.Headers {
		r.keys = append(r.keys, hd.EntriesRoot)
	}
	res, v := recompute.EvaluateObjects(r.c.Root, r.manifest, nil, func(k common.Hash) []byte { return r.rows[k] }, recompute.Options{})
	if v != nil {
		tb.Fatal(v)
	}
	r.c.ProvidersRoot, r.c.ProviderCount, r.c.EntryCount = res.ProvidersRoot, P, rd.Manifest.E.Uint64()
	r.roots = res.ProviderAllocRoots
	benchRounds.Store(P, r)
	return r
}

// holdings returns holdings of every object but the rows of the providers
// in skip.
func (r *benchRound) holdings(tb testing.TB, skip ...int) *judge.Holdings {
	h, err := judge.NewHoldings(7, r.c)
	if err != nil {
		tb.Fatal(err)
	}
	if err := h.AddManifest(r.manifest); err != nil {
		tb.Fatal(err)
	}
	for p, k := range r.keys {
		if len(skip) > 0 && skip[0] == p {
			continue
		}
		if _, err := h.AddRow(k, r.rows[k]); err != nil {
			tb.Fatal(err)
		}
	}
	return h
}

func (r *benchRound) facts(h *judge.Holdings) judge.Facts {
	tree := recompute.NewTree(r.roots).Root()
	b := &judge.Batch{AllocTreeRoot: tree, AllocationRoot: recompute.AllocationRoot(r.c.Root, tree), ProviderAllocRoots: r.roots}
	c := r.c
	return judge.Facts{Round: 7, Commitment: &c, Batch: b, Confirmed: true, Held: h}
}

// BenchmarkJudge measures Judge on a round with a live batch: every object
// held (valid) and one row missing (unavailable: everything else is still
// recomputed, to look for a proof first). Holdings are built beforehand, as
// a watcher keeps them across judgements.
func BenchmarkJudge(b *testing.B) {
	for _, s := range benchShapes {
		n := s.providers * s.recipients
		for _, c := range []struct {
			name string
			skip []int
			want judge.Status
		}{{"whole", nil, judge.StatusValid}, {"one-row-missing", []int{s.providers / 2}, judge.StatusUnavailable}} {
			b.Run(fmt.Sprintf("%s/entries=%d", c.name, n), func(b *testing.B) {
				r := loadBenchRound(b, s.providers, s.recipients)
				fs := r.facts(r.holdings(b, c.skip...))
				benchwork.Measure(b, n, func() {
					v, _, err := judge.Judge(fs, recompute.Options{})
					if err != nil || v.Status != c.want {
						b.Fatalf("%s, %v", v.Status, err)
					}
				})
			})
		}
	}
}

// BenchmarkHoldings measures filling holdings with a whole round: the
// manifest and every row verified against its header (the rows hashed once).
func BenchmarkHoldings(b *testing.B) {
	for _, s := range benchShapes {
		n := s.providers * s.recipients
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			r := loadBenchRound(b, s.providers, s.recipients)
			benchwork.Measure(b, n, func() { r.holdings(b) })
		})
	}
}
