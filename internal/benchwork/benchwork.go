// Package benchwork holds what the benchmarks of recompute and of the CLI
// share: the rounds they measure, and the yardstick of the performance
// targets, the bare keccak work protocol v2 needs per entry, done as fast as a
// reused go-ethereum keccak state does it, on as many goroutines as the work
// being measured.
package benchwork

import (
	"encoding/binary"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/recompute"
)

// HashesPerEntry is the keccak work of one entry: its entry leaf and its
// allocation leaf (96-byte preimages) and about two tree nodes (64 bytes), one
// in each tree.
const HashesPerEntry = 4

// BareKeccak hashes, for each of entries entries, two 96-byte leaves and two
// 64-byte nodes, split evenly between workers goroutines, and returns a
// value that depends on every hash (so that none can be optimised away).
func BareKeccak(entries, workers int) byte {
	workers = max(1, workers)
	out := make([]byte, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[w] = bare(entries*(w+1)/workers - entries*w/workers)
		}()
	}
	wg.Wait()
	var x byte
	for _, b := range out {
		x ^= b
	}
	return x
}

func bare(n int) byte {
	h := crypto.NewKeccakState()
	var leaf [96]byte
	var a, b common.Hash
	for i := range n {
		leaf[95] = byte(i)
		h.Reset()
		h.Write(leaf[:])
		h.Read(a[:])
		leaf[0] = a[0]
		h.Reset()
		h.Write(leaf[:])
		h.Read(b[:])
		for range 2 {
			h.Reset()
			h.Write(a[:])
			h.Write(b[:])
			h.Read(a[:])
		}
	}
	return a[0]
}

// Round returns a well-formed round of providers rows that each name the
// same recipients (the design's shape: every provider recognises every
// recipient), with values drawn from a generator seeded by the shape: the
// same round every time.
func Round(providers, recipients int) *recompute.Round {
	rng := rand.New(rand.NewPCG(uint64(providers), uint64(recipients)))
	addrs := make([]common.Address, recipients)
	residuals := make([]uint256.Int, recipients)
	for i := range addrs {
		for b := range addrs[i] {
			addrs[i][b] = byte(rng.Uint32())
		}
		residuals[i].SetUint64(rng.Uint64())
		residuals[i].Lsh(&residuals[i], 63) // below 2^127
	}
	slices.SortFunc(addrs, func(a, b common.Address) int { return a.Cmp(b) })
	r := &recompute.Round{Rows: make([]recompute.Row, providers)}
	r.Manifest.Round.SetUint64(7)
	r.Manifest.Headers = make([]recompute.Header, providers)
	entries := make([]recompute.Entry, recipients)
	for p := range providers {
		hd := &r.Manifest.Headers[p]
		hd.Provider = common.BytesToAddress(binary.BigEndian.AppendUint64(nil, uint64(p+1)))
		hd.Capacity.SetUint64(rng.Uint64())
		hd.Capacity.Lsh(&hd.Capacity, 60) // below 2^124
		for j := range entries {
			entries[j] = recompute.Entry{Recipient: addrs[j], Residual: residuals[j]}
			entries[j].MR.SetUint64(rng.Uint64() | 1)
		}
		r.Rows[p] = recompute.NewRow(entries)
	}
	return r
}

// Measure runs work once per benchmark iteration and, interleaved with it on
// the clock stopped, the bare keccak work of entries entries, so that both
// see the same machine (a virtual machine's speed drifts). It reports
// ns/entry of work, bare-ns/entry, and x-bare, their ratio: the figure the
// performance targets are set in.
func Measure(b *testing.B, entries int, work func()) {
	var bare time.Duration
	for b.Loop() {
		b.StopTimer()
		start := time.Now()
		BareKeccak(entries, runtime.GOMAXPROCS(0))
		bare += time.Since(start)
		b.StartTimer()
		work()
	}
	n := float64(b.N) * float64(entries)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/entry")
	b.ReportMetric(float64(bare.Nanoseconds())/n, "bare-ns/entry")
	b.ReportMetric(float64(b.Elapsed())/float64(bare), "x-bare")
}
