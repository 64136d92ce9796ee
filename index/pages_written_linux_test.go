package index

import (
	"bytes"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/recompute"
)

// TestReleaseAfterLargePut: a round's objects of more than releaseWritten
// bytes (400 rows of 96 KB, as a round of 10^6 entries has 1000) are
// written in transactions of at most putChunkBytes and the store's mapped
// pages are released as they are written, without waiting for a sync past
// releaseEvery; every object reads back, before and after a reopening.
func TestReleaseAfterLargePut(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir, DeferSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Sync(); err != nil { // the first release: the next waits releaseEvery
		t.Fatal(err)
	}
	first := s.released
	row := bytes.Repeat([]byte{0xcd}, 96_000)
	puts := make([]ObjectPut, 400)
	for i := range puts {
		data := append(row[:len(row):len(row)], byte(i), byte(i>>8))
		puts[i] = ObjectPut{Kind: recompute.KindRow, Key: common.Hash{byte(i), byte(i >> 8), 1}, Data: data, Prov: FromSource("http://da", time.Now())}
	}
	before := rssFile(t)
	if err := s.PutObjects(7, puts...); err != nil {
		t.Fatal(err)
	}
	after := rssFile(t)
	t.Logf("file-backed resident: %d KB before, %d KB after writing %d KB of objects", before>>10, after>>10, 400*len(row)>>10)
	if !s.released.After(first) || s.written >= releaseWritten {
		t.Errorf("no release after %d KB written (released %v, then %v; %d bytes counted since)", 400*len(row)>>10, first, s.released, s.written)
	}
	check := func(s *Store) {
		t.Helper()
		for i := range puts {
			got, _, err := s.Object(recompute.KindRow, puts[i].Key)
			if err != nil || !bytes.Equal(got, puts[i].Data) {
				t.Fatalf("object %d: %d bytes, %v", i, len(got), err)
			}
		}
	}
	check(s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	check(s)
}
