package index

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/recompute"
)

// designRound is the objects of a round at the design's size (100
// providers of 1000 entries): a 16 KB manifest, 100 rows of 96 KB and 100
// allocations objects of 32 KB, about 12.8 MB. The bytes are arbitrary:
// the index does not verify.
func designRound(round uint64) []recompute.Object {
	objs := []recompute.Object{{Kind: recompute.KindManifest, Key: hashOf("m", round, 0), Data: testData("m", round, 0, 128+100*160)}}
	for p := range uint64(100) {
		objs = append(objs,
			recompute.Object{Kind: recompute.KindRow, Key: hashOf("row", round*1000+p, 0), Data: testData("row", round*1000+p, 0, 64+1000*96)},
			recompute.Object{Kind: recompute.KindAllocations, Key: hashOf("a", round*1000+p, 0), Data: testData("a", round*1000+p, 0, 1000*32)})
	}
	return objs
}

// BenchmarkPutRoundObjects stores the objects of a design-size round per
// iteration in a store on disk, with synced writes (as Open configures it)
// and unsynced (DeferSync, as the watcher opens it), one transaction per
// object as PutObject runs ("each") or the round's at once as PutObjects
// runs ("round", as the watcher's IndexCache writes); it reports the disk
// the store takes per round kept, and logs how long pruning them all took.
func BenchmarkPutRoundObjects(b *testing.B) {
	for _, deferSync := range []bool{false, true} {
		for _, batched := range []bool{false, true} {
			name := map[bool]string{false: "synced", true: "unsynced"}[deferSync] + "/" + map[bool]string{false: "each", true: "round"}[batched]
			b.Run(name, func(b *testing.B) {
				dir := b.TempDir()
				s, err := Open(Options{Dir: dir, DeferSync: deferSync})
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				putRounds(b, s, batched)
			})
		}
	}
}

func putRounds(b *testing.B, s *Store, batched bool) {
	var size int64
	for _, o := range designRound(0) {
		size += int64(len(o.Data))
	}
	b.SetBytes(size)
	round := uint64(0)
	for b.Loop() {
		round++
		if err := putRound(s, round, batched); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Sync(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(dirSize(b, s.dir))/float64(round)/(1<<20), "disk-MB/round")
	start := time.Now()
	res, err := s.PruneObjects(func(uint64) bool { return true }, 0)
	if err != nil || len(res.Rounds) != int(round) || res.Objects != 201*int(round) {
		b.Fatalf("PruneObjects = %+v, %v", res, err)
	}
	b.Logf("pruned %d rounds (%d objects, %d MB) in %v", round, res.Objects, res.Bytes>>20, time.Since(start))
}

// putRound stores a design round's objects, each in its transaction or all
// at once.
func putRound(s *Store, round uint64, batched bool) error {
	objs := designRound(round)
	if !batched {
		for _, o := range objs {
			if err := s.PutObject(o.Kind, o.Key, o.Data, FromSource("https://da.example", at), round); err != nil {
				return err
			}
		}
		return nil
	}
	puts := make([]ObjectPut, len(objs))
	for i, o := range objs {
		puts[i] = ObjectPut{Kind: o.Kind, Key: o.Key, Data: o.Data, Prov: FromSource("https://da.example", at)}
	}
	return s.PutObjects(round, puts...)
}

func dirSize(tb testing.TB, dir string) int64 {
	var n int64
	err := filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}
