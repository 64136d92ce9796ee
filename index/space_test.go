package index

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
)

// TestNoSpace: below MinFreeBytes every write is refused with ErrNoSpace,
// nothing is written, the refusal is logged once per episode, and writing
// resumes by itself once space is back.
func TestNoSpace(t *testing.T) {
	var free atomic.Uint64
	free.Store(1 << 30)
	var logs bytes.Buffer
	s, err := Open(Options{Dir: t.TempDir(), MinFreeBytes: 64 << 20, Logger: slog.New(slog.NewTextHandler(&logs, nil)),
		FreeSpace: func(string) (uint64, error) { return free.Load(), nil }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Apply(testUpdate(1, 0)); err != nil {
		t.Fatal(err)
	}
	free.Store(10 << 20)
	writes := []struct {
		name string
		do   func() error
	}{
		{"apply", func() error { return s.Apply(testUpdate(2, 0)) }},
		{"enqueue", func() error { _, err := s.Enqueue([]byte(`{"id":"a"}`)); return err }},
		{"rollback", func() error { return s.Rollback(0) }},
		{"put decision record", func() error { return s.PutSolveRecord(solveRec(1, 0, "open")) }},
		{"prune", func() error { _, err := s.Prune(PruneOptions{Before: ^uint64(0), Head: 1 << 40}); return err }},
	}
	for _, w := range writes {
		if err := w.do(); w.name != "prune" && !errors.Is(err, ErrNoSpace) {
			t.Errorf("%s with 10 MB free: %v, want ErrNoSpace", w.name, err)
		}
	}
	if cp, _, _ := s.Checkpoint(); cp.Number != 1 {
		t.Fatalf("checkpoint %d: a refused block was written", cp.Number)
	}
	if _, paused, err := s.Space(); !paused || err != nil {
		t.Fatalf("Space: paused %t, %v", paused, err)
	}
	if n := strings.Count(logs.String(), "disk almost full"); n != 1 {
		t.Fatalf("the refusal was logged %d times:\n%s", n, logs.String())
	}
	free.Store(1 << 30)
	if err := s.Apply(testUpdate(2, 0)); err != nil {
		t.Fatalf("after space came back: %v", err)
	}
	if _, paused, _ := s.Space(); paused {
		t.Fatal("still paused")
	}
	if !strings.Contains(logs.String(), "disk space is back") {
		t.Fatalf("the resumption was not logged:\n%s", logs.String())
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestReadOnly: a store closed cleanly opens read-only, reads, and refuses
// writes; opening it read-only writes nothing.
func TestReadOnly(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir, 0)
	for n := uint64(1); n <= 5; n++ {
		if err := s.Apply(testUpdate(n, 0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(Options{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if cp, ok, err := ro.Checkpoint(); err != nil || !ok || cp.Number != 5 {
		t.Fatalf("checkpoint %+v %t %v", cp, ok, err)
	}
	if err := ro.Check(); err != nil {
		t.Fatal(err)
	}
	if err := ro.Apply(testUpdate(6, 0)); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("apply on a read-only store: %v", err)
	}
}
