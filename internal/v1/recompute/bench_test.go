package recompute

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

var benchSizes = []struct {
	name              string
	providers, perRow int
}{
	{"entries=1e4", 10, 1000},
	{"entries=1e5", 100, 1000},
	{"entries=1e6", 1000, 1000},
}

// BenchmarkRecompute measures whole-round recomputation (decode excluded,
// trees included) on both cores. Besides ns/op and allocs/op it reports
// entries/s and x-keccak: the time of a round divided by the time, measured
// in the same run and on the same number of cores, of the bare keccak work
// a round needs (2 hashes of 64 bytes per entry).
func BenchmarkRecompute(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			c := genRound(rand.New(rand.NewPCG(7, 8)), 1, genParams{
				providers: sz.providers, perRow: sz.perRow, recipients: 4 * sz.perRow,
			})
			e := c.EntryCount()
			workers := runtime.GOMAXPROCS(0)
			baseline := keccakBaseline(2*e, workers)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Compute(c, Options{Workers: workers}); err != nil {
					b.Fatal(err)
				}
			}
			perOp := b.Elapsed() / time.Duration(b.N)
			b.ReportMetric(float64(e)/perOp.Seconds(), "entries/s")
			b.ReportMetric(float64(perOp)/float64(baseline), "x-keccak")
			b.ReportMetric(float64(baseline.Microseconds())/1000, "keccak-ms")
		})
	}
}

// BenchmarkKeccakBaseline is the bare hashing a round needs, 2 hashes of 64
// bytes per entry, spread over the same cores.
func BenchmarkKeccakBaseline(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			n := 2 * sz.providers * sz.perRow
			for b.Loop() {
				keccakHashes(n, runtime.GOMAXPROCS(0))
			}
		})
	}
}

// keccakBaseline returns the best timing of keccakHashes over at least three
// runs and at least 200ms, so that small sizes get a stable figure.
func keccakBaseline(n, workers int) time.Duration {
	best := time.Duration(1<<63 - 1)
	var total time.Duration
	for i := 0; i < 3 || total < 200*time.Millisecond; i++ {
		start := time.Now()
		keccakHashes(n, workers)
		d := time.Since(start)
		best, total = min(best, d), total+d
	}
	return best
}

// keccakHashes computes n chained keccak256 hashes of 64-byte inputs on
// workers goroutines, with one reused hasher each.
func keccakHashes(n, workers int) common.Hash {
	var wg sync.WaitGroup
	out := make([]common.Hash, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := crypto.NewKeccakState()
			var a, b common.Hash
			a[0] = byte(w)
			for i := w; i < n; i += workers {
				hashPair(h, &a, &a, &b)
			}
			out[w] = a
		}()
	}
	wg.Wait()
	return out[0]
}

// BenchmarkDecode measures the strict decoder alone.
func BenchmarkDecode(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			data := Encode(genRound(rand.New(rand.NewPCG(7, 8)), 1, genParams{
				providers: sz.providers, perRow: sz.perRow, recipients: 4 * sz.perRow,
			}))
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(data); err != nil {
					b.Fatal(fmt.Errorf("decode: %w", err))
				}
			}
		})
	}
}
