package index

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// typicalUpdate is a typical block with an update: one round record and
// 50 KB of commitment data.
func typicalUpdate(n uint64, data []byte) *BlockUpdate {
	root := hashOf("root", n, 0)
	return &BlockUpdate{
		Number: n,
		Hash:   hashOf("block", n, 0),
		Rounds: []Round{{
			Round: n, Verdict: VerdictPending, CommitmentRoot: root, CommitTx: hashOf("tx", n, 0),
			CommitBlock: n, CommitBlockHash: hashOf("block", n, 0), ProviderCount: 40, EntryCount: 500,
			CorrectAllocationRoot: &root, Signers: []Signer{}, Batches: []Batch{}, Reason: "awaiting a batch",
		}},
		CommitmentData: map[uint64][]byte{n: data},
		BatchData:      map[common.Hash][]byte{},
	}
}

// BenchmarkApply applies typical blocks (one round record and 50 KB of
// commitment data) to a store on disk, with the default undo depth: as
// Open configures it (synced writes) and, for comparison, unsynced.
func BenchmarkApply(b *testing.B) {
	for _, sync := range []bool{true, false} {
		b.Run(map[bool]string{true: "synced", false: "unsynced"}[sync], func(b *testing.B) {
			s, err := open(Options{Dir: b.TempDir()}, sync)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			data := testData("cdata", 1, 0, 50<<10)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			n := uint64(0)
			for b.Loop() {
				n++
				if err := s.Apply(typicalUpdate(n, data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestResidentMemory applies 10,000 typical blocks to a store on disk and
// logs the process's resident memory (Linux): RssAnon is the process's own
// memory, RssFile mostly the value-log pages Badger has mapped (page cache
// the kernel can reclaim). Set INDEX_RSS=1 to run it, preferably without
// -race, and INDEX_RSS_PROFILE=file for a heap profile before Close:
//
//	INDEX_RSS=1 go test -run TestResidentMemory -v ./index/
func TestResidentMemory(t *testing.T) {
	if os.Getenv("INDEX_RSS") == "" {
		t.Skip("set INDEX_RSS=1 to measure")
	}
	dir := t.TempDir()
	t.Logf("before Open: %s", memStatus(t))
	s := openDir(t, dir, 0)
	data := testData("cdata", 1, 0, 50<<10)
	start := time.Now()
	for n := uint64(1); n <= 10_000; n++ {
		if err := s.Apply(typicalUpdate(n, data)); err != nil {
			t.Fatal(err)
		}
		if n%2500 == 0 {
			t.Logf("after %d blocks (%.1f s): %s", n, time.Since(start).Seconds(), memStatus(t))
		}
	}
	t.Logf("%.0f µs per Apply", float64(time.Since(start).Microseconds())/10_000)
	if p := os.Getenv("INDEX_RSS_PROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		if err := pprof.WriteHeapProfile(f); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var size int64
	_ = filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			size += fi.Size()
		}
		return nil
	})
	t.Logf("after Close: %s; directory %d MB", memStatus(t), size>>20)
}

// memStatus returns VmHWM, VmRSS, RssAnon and RssFile from
// /proc/self/status, and the Go heap in use and live (after a GC).
func memStatus(t *testing.T) string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc/self/status: %v", err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS") || strings.HasPrefix(line, "VmHWM") || strings.HasPrefix(line, "RssAnon") || strings.HasPrefix(line, "RssFile") {
			out = append(out, strings.Join(strings.Fields(line), " "))
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	out = append(out, fmt.Sprintf("Go heap in use %d MB, Go sys %d MB", ms.HeapInuse>>20, ms.Sys>>20))
	runtime.GC()
	runtime.ReadMemStats(&ms)
	out = append(out, fmt.Sprintf("live after GC %d MB", ms.HeapAlloc>>20))
	return strings.Join(out, ", ")
}
