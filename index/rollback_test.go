package index

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func TestRollbackRestoresEarlierState(t *testing.T) {
	tests := []struct {
		name  string
		depth uint64 // undo depth (pruning active when small)
		base  uint64 // blocks 1..base applied first
		n     uint64 // then n more, rolled back to base
	}{
		{"1 block", 0, 20, 1},
		{"5 blocks", 0, 20, 5},
		{"10 blocks", 0, 20, 10},
		{"10 blocks, undo depth 10, pruning", 10, 40, 10},
		{"from the first block", 0, 0, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openMem(t, tc.depth)
			applyRange(t, s, 1, tc.base, 0)
			before := dump(t, s, prefixUndo)
			applyRange(t, s, tc.base+1, tc.base+tc.n, 0)
			if err := s.Rollback(tc.base); err != nil {
				t.Fatalf("Rollback(%d): %v", tc.base, err)
			}
			after := dump(t, s, prefixUndo)
			if tc.depth > 0 {
				// The hashes pruned while the later blocks were applied stay
				// pruned: compare everything else.
				before, after = dumpWithout(before, prefixBlock), dumpWithout(after, prefixBlock)
			}
			if d := diffDumps(before, after); d != "" {
				t.Fatalf("after Rollback(%d) the store differs from before blocks %d..%d:\n%s", tc.base, tc.base+1, tc.base+tc.n, d)
			}
			cp, ok, err := s.Checkpoint()
			switch {
			case err != nil:
				t.Fatal(err)
			case tc.base == 0 && ok:
				t.Errorf("checkpoint %+v after rolling back everything, want none", cp)
			case tc.base > 0 && cp != (Checkpoint{Number: tc.base, Hash: hashOf("block", tc.base, 0)}):
				t.Errorf("checkpoint %+v, %v", cp, ok)
			}
			if err := s.Check(); err != nil {
				t.Errorf("Check: %v", err)
			}
			for b := tc.base + 1; b <= tc.base+tc.n; b++ {
				if _, ok, _ := s.BlockHash(b); ok {
					t.Errorf("block %d still has a hash", b)
				}
			}
		})
	}
}

// dumpWithout drops the keys under prefix from a dump.
func dumpWithout(d map[string]string, prefix []byte) map[string]string {
	out := map[string]string{}
	for k, v := range d {
		if !bytes.HasPrefix([]byte(k), prefix) {
			out[k] = v
		}
	}
	return out
}

func TestRollbackThenReapply(t *testing.T) {
	s := openMem(t, 0)
	applyRange(t, s, 1, 12, 0)
	if err := s.Rollback(6); err != nil {
		t.Fatal(err)
	}
	applyRange(t, s, 7, 15, 1) // another chain from block 7
	// A store that only ever saw the second chain.
	ref := openMem(t, 0)
	applyRange(t, ref, 1, 6, 0)
	applyRange(t, ref, 7, 15, 1)
	if d := diffDumps(dump(t, ref), dump(t, s)); d != "" { // undo records included
		t.Fatalf("rolled back and re-applied store differs from one that saw only the new chain:\n%s", d)
	}
	// And it rolls back again, across the first rollback.
	if err := s.Rollback(3); err != nil {
		t.Fatal(err)
	}
	if err := ref.Rollback(3); err != nil {
		t.Fatal(err)
	}
	if d := diffDumps(dump(t, ref), dump(t, s)); d != "" {
		t.Fatalf("second rollback:\n%s", d)
	}
}

func TestRollbackNoop(t *testing.T) {
	s := openMem(t, 0)
	if err := s.Rollback(5); err != nil {
		t.Errorf("Rollback on an empty store: %v", err)
	}
	applyRange(t, s, 1, 5, 0)
	before := dump(t, s)
	for _, to := range []uint64{5, 6, 1 << 40} {
		if err := s.Rollback(to); err != nil {
			t.Errorf("Rollback(%d): %v", to, err)
		}
	}
	if d := diffDumps(before, dump(t, s)); d != "" {
		t.Errorf("a rollback to or above the checkpoint changed the store:\n%s", d)
	}
}

func TestRollbackToNothing(t *testing.T) {
	s := openMem(t, 0)
	empty := dump(t, s)
	applyRange(t, s, 5, 9, 0)
	if err := s.Rollback(2); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Checkpoint(); ok || err != nil {
		t.Errorf("checkpoint after rolling back every block: %v, %v", ok, err)
	}
	if d := diffDumps(empty, dump(t, s)); d != "" {
		t.Errorf("store not empty after rolling back every block:\n%s", d)
	}
	applyRange(t, s, 3, 4, 1)
	if cp := mustCheckpoint(t, s); cp.Number != 4 {
		t.Errorf("checkpoint %+v", cp)
	}
}

// TestRollbackAcrossGap: blocks 100 and 2000 only (the watcher started late
// or skipped); the hash of block 100 was pruned when 2000 was applied and
// comes back with the checkpoint.
func TestRollbackAcrossGap(t *testing.T) {
	s := openMem(t, 1024)
	for _, n := range []uint64{100, 2000} {
		if err := s.Apply(&BlockUpdate{Number: n, Hash: hashOf("block", n, 0)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok, _ := s.BlockHash(100); ok {
		t.Fatal("the hash of empty block 100 was not pruned")
	}
	if err := s.Rollback(1500); err != nil {
		t.Fatalf("Rollback(1500): %v", err)
	}
	want := Checkpoint{Number: 100, Hash: hashOf("block", 100, 0)}
	if cp := mustCheckpoint(t, s); cp != want {
		t.Errorf("checkpoint %+v, want %+v", cp, want)
	}
	if h, ok, err := s.BlockHash(100); !ok || err != nil || h != want.Hash {
		t.Errorf("BlockHash(100) = %s, %v, %v", h, ok, err)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
	// Block 100's undo records are gone: no further.
	if err := s.Rollback(50); !errors.Is(err, ErrRollbackTooDeep) {
		t.Errorf("Rollback(50) = %v, want ErrRollbackTooDeep", err)
	}
	// Pruning starts over after a rollback: blocks applied now, far below
	// the earlier cut, are pruned in their turn.
	for n := uint64(101); n <= 1200; n++ {
		if err := s.Apply(&BlockUpdate{Number: n, Hash: hashOf("block", n, 0)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok, _ := s.BlockHash(150); ok {
		t.Error("the hash of block 150 was not pruned")
	}
	if err := s.Rollback(175); !errors.Is(err, ErrRollbackTooDeep) {
		t.Errorf("Rollback(175) = %v, want ErrRollbackTooDeep", err)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

func TestUndoPruning(t *testing.T) {
	const depth = 5
	s := openMem(t, depth)
	applyRange(t, s, 1, 20, 0)

	undo := map[uint64]bool{}
	for k := range dump(t, s) {
		if b, _, ok := parseUndoKey([]byte(k)); ok {
			undo[b] = true
		}
	}
	for b := uint64(1); b <= 20; b++ {
		if want := b > 20-depth; undo[b] != want {
			t.Errorf("block %d has undo records: %v, want %v", b, undo[b], want)
		}
		// Hashes: the last depth+1 blocks, and every block that carried an
		// update (empty blocks: n%7 == 3).
		_, ok, err := s.BlockHash(b)
		if want := b >= 20-depth || b%7 != 3; ok != want || err != nil {
			t.Errorf("BlockHash(%d) stored: %v, %v; want %v", b, ok, err, want)
		}
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}

	before := dump(t, s)
	for _, to := range []uint64{14, 10, 0} {
		if err := s.Rollback(to); !errors.Is(err, ErrRollbackTooDeep) {
			t.Errorf("Rollback(%d) = %v, want ErrRollbackTooDeep", to, err)
		}
	}
	if d := diffDumps(before, dump(t, s)); d != "" {
		t.Fatalf("a refused rollback changed the store:\n%s", d)
	}
	if err := s.Rollback(15); err != nil {
		t.Fatalf("Rollback(15), the deepest: %v", err)
	}
	if cp := mustCheckpoint(t, s); cp != (Checkpoint{Number: 15, Hash: hashOf("block", 15, 0)}) {
		t.Errorf("checkpoint %+v", cp)
	}
	if err := s.Rollback(14); !errors.Is(err, ErrRollbackTooDeep) {
		t.Errorf("Rollback(14) = %v, want ErrRollbackTooDeep", err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
	applyRange(t, s, 16, 30, 1)
	if err := s.Rollback(25); err != nil {
		t.Errorf("Rollback(25): %v", err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

// TestUndoDepthShrinks: a store reopened with a smaller undo depth prunes
// down to it on the next block.
func TestUndoDepthShrinks(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir, 100)
	applyRange(t, s, 1, 60, 0)
	if err := s.Rollback(5); err != nil { // still possible at depth 100
		t.Fatal(err)
	}
	applyRange(t, s, 6, 60, 0)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openDir(t, dir, 3)
	applyRange(t, s, 61, 61, 0)
	if err := s.Rollback(57); !errors.Is(err, ErrRollbackTooDeep) {
		t.Errorf("Rollback(57) at depth 3 = %v, want ErrRollbackTooDeep", err)
	}
	if err := s.Rollback(58); err != nil {
		t.Errorf("Rollback(58) at depth 3: %v", err)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// TestRollbackBlockByBlock: undoing blocks that replaced large values does
// not fit one transaction; Rollback goes block by block.
func TestRollbackBlockByBlock(t *testing.T) {
	var logs strings.Builder
	s, err := Open(Options{InMemory: true, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	bigUpdate := func(n uint64) *BlockUpdate {
		return &BlockUpdate{Number: n, Hash: hashOf("block", n, 0),
			BatchData: map[common.Hash][]byte{{1}: testData("big", n, 0, 700_000)}}
	}
	for n := uint64(1); n <= 3; n++ {
		if err := s.Apply(bigUpdate(n)); err != nil {
			t.Fatal(err)
		}
	}
	before := dump(t, s)
	for n := uint64(4); n <= 8; n++ {
		if err := s.Apply(bigUpdate(n)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Rollback(3); err != nil {
		t.Fatalf("Rollback(3): %v", err)
	}
	if !strings.Contains(logs.String(), "undoing block by block") {
		t.Errorf("the rollback was not split:\n%s", logs.String())
	}
	if d := diffDumps(before, dump(t, s)); d != "" {
		t.Fatalf("after the split rollback:\n%s", d)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}
