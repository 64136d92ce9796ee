package api_test

import (
	"testing"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/benchwork"
	"github.com/denomwatch/denomwatch/recompute"
)

// BenchmarkMirrorRound: a watcher reads a design-size round (100 providers
// of 1000 entries: a manifest, 100 rows, 100 allocations objects, 12.8 MB)
// whole from another watcher's API, its only source, through a da client
// that verifies every object against its key, as TestMirrorRound does
// (the client's Rows fetches 8 rows at once), without recomputing the
// round. Client and server share the machine.
func BenchmarkMirrorRound(b *testing.B) {
	rd, err := recompute.DecodeRoundFile(recompute.EncodeRoundFile(benchwork.Round(100, 1000))) // the headers' entries roots
	if err != nil {
		b.Fatal(err)
	}
	mr := mirrorOf(b, rd)
	store := openIndex(b)
	putRound(b, store, mr.objects, func(recompute.Object) index.Provenance {
		return index.FromSource("https://coordinator.example", objectsAt)
	})
	var size int64
	for _, o := range mr.objects {
		size += int64(len(o.Data))
	}
	c := mirrorClient(b, serveIndex(b, store))
	b.SetBytes(size)
	for b.Loop() {
		readRound(b, c, mr)
	}
}
