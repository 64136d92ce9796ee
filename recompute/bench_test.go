package recompute_test

import (
	"fmt"
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
// decode included), as a multiple of the bare keccak work of as many entries
// on as many goroutines, interleaved with it (benchwork.Measure: x-bare).
func BenchmarkEvaluate(b *testing.B) {
	round := uint256.NewInt(7)
	for _, s := range benchShapes {
		n := s.providers * s.recipients
		b.Run(fmt.Sprintf("objects/entries=%d", n), func(b *testing.B) {
			f := fixture(b, s.providers, s.recipients)
			source := func(key common.Hash) []byte { return f.rows[key] }
			benchwork.Measure(b, n, func() {
				if _, v := recompute.EvaluateObjects(f.commitment, f.manifest, round, source, recompute.Options{}); v != nil {
					b.Fatal(v)
				}
			})
		})
		b.Run(fmt.Sprintf("roundfile/entries=%d", n), func(b *testing.B) {
			f := fixture(b, s.providers, s.recipients)
			benchwork.Measure(b, n, func() {
				if _, v := recompute.EvaluateRoundFile(f.file, round, recompute.Options{}); v != nil {
					b.Fatal(v)
				}
			})
		})
	}
}
