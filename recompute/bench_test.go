package recompute_test

import (
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/internal/benchwork"
	"github.com/denomwatch/denomwatch/recompute"
)

// benchShapes are the benchmark rounds: P providers x 1000 recipients, so
// 10^4, 10^5 and 10^6 entries.
var benchShapes = []struct{ providers, recipients int }{{10, 1000}, {100, 1000}, {1000, 1000}}

// benchFixture is a well-formed round in both input forms.
type benchFixture struct {
	file       []byte
	commitment common.Hash
	manifest   []byte
	rows       map[common.Hash][]byte
}

var benchFixtures sync.Map // entries -> *benchFixture

// fixture returns the round of P providers x K recipients, built once.
func fixture(tb testing.TB, P, K int) *benchFixture {
	if f, ok := benchFixtures.Load(P * K); ok {
		return f.(*benchFixture)
	}
	f := &benchFixture{file: recompute.EncodeRoundFile(benchwork.Round(P, K)), rows: map[common.Hash][]byte{}}
	rd, err := recompute.DecodeRoundFile(f.file)
	if err != nil {
		tb.Fatal(err)
	}
	for _, o := range rd.Objects() {
		if o.Kind == recompute.KindManifest {
			f.commitment, f.manifest = o.Key, o.Data
		} else {
			f.rows[o.Key] = o.Data
		}
	}
	benchFixtures.Store(P*K, f)
	return f
}

// BenchmarkEvaluate measures a whole round, objects -> verified rows ->
// validation -> allocation -> trees, in both input forms (the round file's
// decode included), beside the bare keccak work of as many entries on as
// many goroutines (benchwork.BareKeccak). Compare their ns/entry.
func BenchmarkEvaluate(b *testing.B) {
	round := uint256.NewInt(7)
	for _, s := range benchShapes {
		n := s.providers * s.recipients
		b.Run(fmt.Sprintf("bare-keccak/entries=%d", n), func(b *testing.B) {
			for b.Loop() {
				benchwork.BareKeccak(n, runtime.GOMAXPROCS(0))
			}
			perEntry(b, n)
		})
		b.Run(fmt.Sprintf("objects/entries=%d", n), func(b *testing.B) {
			f := fixture(b, s.providers, s.recipients)
			source := func(key common.Hash) []byte { return f.rows[key] }
			b.ResetTimer()
			for b.Loop() {
				if _, v := recompute.EvaluateObjects(f.commitment, f.manifest, round, source, recompute.Options{}); v != nil {
					b.Fatal(v)
				}
			}
			perEntry(b, n)
		})
		b.Run(fmt.Sprintf("roundfile/entries=%d", n), func(b *testing.B) {
			f := fixture(b, s.providers, s.recipients)
			b.ResetTimer()
			for b.Loop() {
				if _, v := recompute.EvaluateRoundFile(f.file, round, recompute.Options{}); v != nil {
					b.Fatal(v)
				}
			}
			perEntry(b, n)
		})
	}
}

func perEntry(b *testing.B, entries int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(entries), "ns/entry")
}
