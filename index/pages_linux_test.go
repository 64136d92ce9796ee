package index

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// rssFile returns this process's file-backed resident memory, bytes.
func rssFile(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "RssFile:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	t.Skip("no RssFile in /proc/self/status")
	return 0
}

// TestReleaseMappedPages: releasing the store's mapped pages shrinks the
// resident set and loses nothing, written-but-unsynced data included.
func TestReleaseMappedPages(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir, DeferSync: true})
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Repeat([]byte{0xab}, 100<<10)
	for n := uint64(1); n <= 200; n++ {
		u := &BlockUpdate{Number: n, Hash: common.Hash{byte(n), byte(n >> 8)}, CommitmentData: map[uint64][]byte{n: append(data[:len(data):len(data)], byte(n))},
			Rounds: []Round{{Round: n, Verdict: VerdictPending, Signers: []Signer{}, Batches: []Batch{}}}}
		if err := s.Apply(u); err != nil {
			t.Fatal(err)
		}
	}
	before := rssFile(t)
	released, err := releaseMappedPages(dir)
	if err != nil {
		t.Fatal(err)
	}
	after := rssFile(t)
	t.Logf("file-backed resident: %d KB before, %d KB after releasing %d KB of mappings", before>>10, after>>10, released>>10)
	if released == 0 || after >= before {
		t.Fatalf("nothing released: %d -> %d", before, after)
	}
	for n := uint64(1); n <= 200; n++ {
		got, ok, err := s.CommitmentData(n)
		if err != nil || !ok || len(got) != len(data)+1 || got[len(got)-1] != byte(n) || !bytes.Equal(got[:len(data)], data) {
			t.Fatalf("round %d's data after the release: %d bytes, %v %v", n, len(got), ok, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopened without a sync in between: everything is there.
	s, err = Open(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	if got, ok, _ := s.CommitmentData(200); !ok || got[len(got)-1] != 200 {
		t.Fatal("round 200's data lost across the release and a reopen")
	}
}
