package da_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/recompute"
)

// TestStorePut: Put verifies what the key allows, writes the recompute
// --objects layout, is idempotent and never rewrites.
func TestStorePut(t *testing.T) {
	f := newFixture(t, 3, 4)
	s := f.store(t)
	row := f.objects[1]
	tests := []struct {
		name string
		kind recompute.ObjectKind
		key  common.Hash
		data []byte
		want error
	}{
		{"manifest again", recompute.KindManifest, f.commitment, f.objects[0].Data, nil},
		{"row again", row.Kind, row.Key, row.Data, nil},
		{"allocations again", recompute.KindAllocations, f.allocKey, f.allocData, nil},
		{"other allocations under a key", recompute.KindAllocations, f.allocKey, make([]byte, len(f.allocData)), da.ErrConflict},
		{"shorter allocations under a key", recompute.KindAllocations, f.allocKey, f.allocData[:32], da.ErrConflict},
		{"manifest under another key", recompute.KindManifest, common.Hash{1}, f.objects[0].Data, recompute.ErrKeyMismatch},
		{"row under another key", recompute.KindRow, common.Hash{1}, row.Data, recompute.ErrKeyMismatch},
		{"row not canonical", recompute.KindRow, row.Key, append(bytes.Clone(row.Data), 0), recompute.ErrEncoding},
		{"allocations not words", recompute.KindAllocations, common.Hash{2}, make([]byte, 33), recompute.ErrEncoding},
		{"manifest too large", recompute.KindManifest, common.Hash{3}, make([]byte, recompute.MaxManifestSize+32), recompute.ErrTooLarge},
		{"bad kind", recompute.ObjectKind("rows"), row.Key, row.Data, da.ErrBadKind},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Put(tc.kind, tc.key, tc.data)
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("Put: %v, want %v", err, tc.want)
			}
		})
	}
	for _, o := range f.objects {
		got, err := os.ReadFile(filepath.Join(s.Dir(), string(o.Kind), o.Key.Hex()))
		if err != nil || !bytes.Equal(got, o.Data) {
			t.Fatalf("%s %s on disk: %v", o.Kind, o.Key.Hex(), err)
		}
		if got, err := s.Get(o.Kind, o.Key); err != nil || !bytes.Equal(got, o.Data) {
			t.Fatalf("Get %s: %v", o.Kind, err)
		}
	}
	if got, _ := s.Get(recompute.KindAllocations, f.allocKey); !bytes.Equal(got, f.allocData) {
		t.Fatal("allocations rewritten")
	}
	if _, err := s.Get(recompute.KindRow, common.Hash{9}); !errors.Is(err, da.ErrNotFound) {
		t.Fatalf("Get absent: %v", err)
	}
	// Kinds are separate namespaces: a row's key names no manifest.
	if _, err := s.Get(recompute.KindManifest, row.Key); !errors.Is(err, da.ErrNotFound) {
		t.Fatalf("Get row key as manifest: %v", err)
	}
	for _, k := range recompute.ObjectKinds {
		ents, _ := os.ReadDir(filepath.Join(s.Dir(), string(k)))
		for _, e := range ents {
			if _, err := da.ParseKey(e.Name()); err != nil {
				t.Errorf("stray file %s/%s", k, e.Name())
			}
		}
	}
}

// TestStoreGetTooLarge: Get reads at most the kind's maximum.
func TestStoreGetTooLarge(t *testing.T) {
	s, err := da.NewStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	key := common.Hash{7}
	if err := os.WriteFile(filepath.Join(s.Dir(), "manifest", key.Hex()), make([]byte, recompute.MaxManifestSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(recompute.KindManifest, key); !errors.Is(err, recompute.ErrTooLarge) {
		t.Fatalf("Get: %v", err)
	}
}

// TestStoreConcurrentPut: writers racing on one key all succeed with the
// same bytes and leave one file.
func TestStoreConcurrentPut(t *testing.T) {
	f := newFixture(t, 2, 3)
	s, err := da.NewStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	o := f.objects[1]
	errs := make(chan error, 8)
	for range 8 {
		go func() { errs <- s.Put(o.Kind, o.Key, o.Data) }()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	ents, _ := os.ReadDir(filepath.Join(s.Dir(), "row"))
	if len(ents) != 1 {
		t.Fatalf("%d files in row/", len(ents))
	}
}

func TestParseKey(t *testing.T) {
	good := common.Hash{0xab}.Hex()
	tests := []struct {
		in string
		ok bool
	}{
		{good, true},
		{"0xAB" + good[4:], false},
		{good[:65], false},
		{good + "0", false},
		{"00" + good[2:], false},
		{"0x" + good[3:] + "g", false},
	}
	for _, tc := range tests {
		if _, err := da.ParseKey(tc.in); (err == nil) != tc.ok {
			t.Errorf("ParseKey(%q): %v", tc.in, err)
		}
	}
}
