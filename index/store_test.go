package index

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"maps"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
)

// fullUpdate is a block carrying every kind of record.
func fullUpdate() *BlockUpdate {
	u := testUpdate(5, 0) // odd: a round with a batch and its data
	u.Rounds = append(u.Rounds, Round{Round: 9, Verdict: VerdictMalformed, Rule: "entry-order", Signers: []Signer{}, Batches: []Batch{}})
	u.CommitmentData[9] = []byte{0xde, 0xad}
	u.Operators = append(u.Operators, Operator{Index: 0, Address: common.Address{9}, Stake: []StakeChange{}})
	return u
}

func TestApplyReadRoundTrip(t *testing.T) {
	s := openMem(t, 0)
	u := fullUpdate()
	if err := s.Apply(u); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	tx := u.Rounds[0].Batches[0].TxHash
	tests := []struct {
		name  string
		check func(t *testing.T)
	}{
		{"checkpoint", func(t *testing.T) {
			if cp := mustCheckpoint(t, s); cp != (Checkpoint{Number: 5, Hash: u.Hash}) {
				t.Errorf("checkpoint %+v", cp)
			}
		}},
		{"round", func(t *testing.T) {
			for _, want := range u.Rounds {
				got, ok, err := s.Round(want.Round)
				if err != nil || !ok || !reflect.DeepEqual(got, want) {
					t.Errorf("Round(%d) = %+v, %v, %v; want %+v", want.Round, got, ok, err, want)
				}
			}
			if _, ok, err := s.Round(3); ok || err != nil {
				t.Errorf("Round(3) = %v, %v; want absent", ok, err)
			}
		}},
		{"rounds", func(t *testing.T) {
			got, err := s.Rounds(0, 100)
			if err != nil || !reflect.DeepEqual(got, u.Rounds) {
				t.Errorf("Rounds(0, 100) = %+v, %v", got, err)
			}
			if got, err := s.Rounds(3, 8); err != nil || len(got) != 0 || got == nil {
				t.Errorf("Rounds(3, 8) = %#v, %v; want empty", got, err)
			}
		}},
		{"latest round", func(t *testing.T) {
			if n, ok, err := s.LatestRound(); n != 9 || !ok || err != nil {
				t.Errorf("LatestRound() = %d, %v, %v", n, ok, err)
			}
		}},
		{"commitment data", func(t *testing.T) {
			for r, want := range u.CommitmentData {
				if got, ok, err := s.CommitmentData(r); !ok || err != nil || !bytes.Equal(got, want) {
					t.Errorf("CommitmentData(%d) = %x, %v, %v", r, got, ok, err)
				}
			}
			if _, ok, err := s.CommitmentData(4); ok || err != nil {
				t.Errorf("CommitmentData(4) = %v, %v; want absent", ok, err)
			}
		}},
		{"batch data", func(t *testing.T) {
			if got, ok, err := s.BatchData(tx); !ok || err != nil || !bytes.Equal(got, u.BatchData[tx]) {
				t.Errorf("BatchData = %x, %v, %v", got, ok, err)
			}
			if _, ok, err := s.BatchData(common.Hash{1}); ok || err != nil {
				t.Errorf("BatchData(other) = %v, %v; want absent", ok, err)
			}
		}},
		{"operators", func(t *testing.T) {
			want := []Operator{u.Operators[1], u.Operators[0]} // by index: 0, 1
			got, err := s.Operators()
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("Operators() = %+v, %v; want %+v", got, err, want)
			}
			if o, ok, err := s.Operator(1); !ok || err != nil || !reflect.DeepEqual(o, u.Operators[0]) {
				t.Errorf("Operator(1) = %+v, %v, %v", o, ok, err)
			}
			if _, ok, err := s.Operator(2); ok || err != nil {
				t.Errorf("Operator(2) = %v, %v; want absent", ok, err)
			}
		}},
		{"block hash", func(t *testing.T) {
			if h, ok, err := s.BlockHash(5); !ok || err != nil || h != u.Hash {
				t.Errorf("BlockHash(5) = %s, %v, %v", h, ok, err)
			}
			if _, ok, err := s.BlockHash(4); ok || err != nil {
				t.Errorf("BlockHash(4) = %v, %v; want absent", ok, err)
			}
		}},
		{"check", func(t *testing.T) {
			if err := s.Check(); err != nil {
				t.Errorf("Check: %v", err)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, tc.check)
	}
}

func TestEmptyStore(t *testing.T) {
	s := openMem(t, 0)
	if _, ok, err := s.Checkpoint(); ok || err != nil {
		t.Errorf("Checkpoint() = %v, %v; want none", ok, err)
	}
	if _, ok, err := s.LatestRound(); ok || err != nil {
		t.Errorf("LatestRound() = %v, %v; want none", ok, err)
	}
	if ops, err := s.Operators(); len(ops) != 0 || err != nil {
		t.Errorf("Operators() = %v, %v", ops, err)
	}
	if bs, err := s.ProcessedBlocks(100, 10); len(bs) != 0 || err != nil {
		t.Errorf("ProcessedBlocks() = %v, %v", bs, err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func TestCheckpointAndProcessedBlocks(t *testing.T) {
	s := openMem(t, 0)
	for _, n := range []uint64{0, 1, 2, 3, 7, 8, 20} {
		u := testUpdate(n, 0)
		if err := s.Apply(u); err != nil {
			t.Fatalf("Apply(%d): %v", n, err)
		}
		if cp := mustCheckpoint(t, s); cp.Number != n || cp.Hash != u.Hash {
			t.Fatalf("after block %d the checkpoint is %+v", n, cp)
		}
	}
	tests := []struct {
		below uint64
		limit int
		want  []uint64
	}{
		{21, 100, []uint64{20, 8, 7, 3, 2, 1, 0}},
		{20, 3, []uint64{8, 7, 3}},
		{8, 1, []uint64{7}},
		{1, 5, []uint64{0}},
		{0, 5, nil},
		{math.MaxUint64, 2, []uint64{20, 8}},
	}
	for _, tc := range tests {
		got, err := s.ProcessedBlocks(tc.below, tc.limit)
		if err != nil {
			t.Fatalf("ProcessedBlocks(%d, %d): %v", tc.below, tc.limit, err)
		}
		var nums []uint64
		for _, c := range got {
			nums = append(nums, c.Number)
			if c.Hash != hashOf("block", c.Number, 0) {
				t.Errorf("block %d has hash %s", c.Number, c.Hash)
			}
		}
		if !reflect.DeepEqual(nums, tc.want) {
			t.Errorf("ProcessedBlocks(%d, %d) = %v, want %v", tc.below, tc.limit, nums, tc.want)
		}
	}
}

func TestApplyOrder(t *testing.T) {
	tests := []struct {
		name    string
		applied []uint64
		next    uint64
		wantErr error
	}{
		{"first block may be any number", nil, 1000, nil},
		{"first block may be 0", nil, 0, nil},
		{"next block", []uint64{5}, 6, nil},
		{"a gap is fine", []uint64{5}, 9, nil},
		{"same block", []uint64{5}, 5, ErrOrder},
		{"older block", []uint64{5, 6}, 4, ErrOrder},
		{"block 0 again", []uint64{0}, 0, ErrOrder},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openMem(t, 0)
			for _, n := range tc.applied {
				if err := s.Apply(testUpdate(n, 0)); err != nil {
					t.Fatalf("Apply(%d): %v", n, err)
				}
			}
			before := dump(t, s)
			err := s.Apply(testUpdate(tc.next, 1))
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Apply(%d) = %v, want %v", tc.next, err, tc.wantErr)
			}
			if err != nil {
				if d := diffDumps(before, dump(t, s)); d != "" {
					t.Errorf("a refused Apply changed the store:\n%s", d)
				}
			}
		})
	}
	if err := openMem(t, 0).Apply(nil); err == nil {
		t.Error("Apply(nil) succeeded")
	}
}

func TestReopenResumes(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir, 16)
	applyRange(t, s, 1, 40, 0)
	before := dump(t, s)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := s.Apply(testUpdate(41, 0)); !errors.Is(err, badger.ErrDBClosed) {
		t.Errorf("Apply after Close = %v, want ErrDBClosed", err)
	}

	s = openDir(t, dir, 16)
	if d := diffDumps(before, dump(t, s)); d != "" {
		t.Fatalf("reopened store differs:\n%s", d)
	}
	if cp := mustCheckpoint(t, s); cp != (Checkpoint{Number: 40, Hash: hashOf("block", 40, 0)}) {
		t.Errorf("checkpoint %+v", cp)
	}
	if r, ok, err := s.Round(20); !ok || err != nil || r.CommitBlock != 40 {
		t.Errorf("Round(20) = %+v, %v, %v", r, ok, err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
	// It goes on where it was, and rolls back across the reopening.
	applyRange(t, s, 41, 45, 0)
	if err := s.Rollback(38); err != nil {
		t.Fatalf("Rollback(38): %v", err)
	}
	if cp := mustCheckpoint(t, s); cp.Number != 38 {
		t.Errorf("checkpoint %+v after Rollback(38)", cp)
	}
}

// rawBadger writes keys into a Badger directory without the store.
func rawBadger(t *testing.T, dir string, kv map[string]string) {
	t.Helper()
	db, err := badger.Open(badgerOptions(Options{Dir: dir}, slog.New(slog.DiscardHandler), false))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(txn *badger.Txn) error {
		for k, v := range kv {
			if err := txn.Set([]byte(k), []byte(v)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestSchemaVersion(t *testing.T) {
	tests := []struct {
		name    string
		kv      map[string]string // written before Open; nil: a new store
		wantErr error
	}{
		{"new store", nil, nil},
		{"version 1", map[string]string{"v1/meta/schema": "1"}, nil},
		{"version 2", map[string]string{"v1/meta/schema": "2"}, ErrSchema},
		{"a v2 store", map[string]string{"v2/meta/schema": "2", "v2/round/x": "{}"}, ErrSchema},
		{"foreign keys", map[string]string{"hello": "world"}, ErrSchema},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.kv != nil {
				rawBadger(t, dir, tc.kv)
			}
			s, err := Open(Options{Dir: dir})
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Open = %v, want %v", err, tc.wantErr)
			}
			if err != nil {
				// The refused store was closed: it opens again (and is
				// refused again).
				if _, err := Open(Options{Dir: dir}); !errors.Is(err, ErrSchema) {
					t.Errorf("second Open = %v", err)
				}
				return
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s = openDir(t, dir, 0) // the schema key written on creation is accepted
			if v := dump(t, s)[string(keySchema)]; v != "\x001" {
				t.Errorf("schema key %q", v)
			}
		})
	}
}

func TestOpenOptions(t *testing.T) {
	if _, err := Open(Options{}); err == nil {
		t.Error("Open without Dir or InMemory succeeded")
	}
	if _, err := Open(Options{Dir: t.TempDir(), InMemory: true}); err == nil {
		t.Error("Open with Dir and InMemory succeeded")
	}
}

func TestRanges(t *testing.T) {
	s := openMem(t, 0)
	for b := range uint64(11) { // rounds 0..10,000, 1,000 a block
		var rounds []Round
		for r := b * 1000; r <= min(b*1000+999, 10_000); r++ {
			rounds = append(rounds, Round{Round: r, Verdict: VerdictMalformed})
		}
		if err := s.Apply(&BlockUpdate{Number: b + 1, Rounds: rounds}); err != nil {
			t.Fatalf("Apply rounds from %d: %v", b*1000, err)
		}
	}
	tests := []struct {
		from, to uint64
		wantLen  int
		wantErr  error
	}{
		{0, 0, 1, nil},
		{5, 4, 0, ErrRange},
		{0, 9_999, 10_000, nil},
		{1, 10_000, 10_000, nil},
		{0, 10_000, 0, ErrRange},
		{0, math.MaxUint64, 0, ErrRange},
		{math.MaxUint64, math.MaxUint64, 0, nil},
		{10_000, 19_999, 1, nil},
	}
	for _, tc := range tests {
		got, err := s.Rounds(tc.from, tc.to)
		if !errors.Is(err, tc.wantErr) || len(got) != tc.wantLen {
			t.Errorf("Rounds(%d, %d) = %d rounds, %v; want %d, %v", tc.from, tc.to, len(got), err, tc.wantLen, tc.wantErr)
			continue
		}
		for i, r := range got {
			if r.Round != tc.from+uint64(i) {
				t.Errorf("Rounds(%d, %d)[%d] is round %d", tc.from, tc.to, i, r.Round)
				break
			}
		}
	}
	for _, limit := range []int{0, -1, 10_001} {
		if _, err := s.ProcessedBlocks(10, limit); !errors.Is(err, ErrRange) {
			t.Errorf("ProcessedBlocks(10, %d) = %v, want ErrRange", limit, err)
		}
	}
	if _, _, err := s.Operator(-1); !errors.Is(err, ErrRange) {
		t.Errorf("Operator(-1) = %v, want ErrRange", err)
	}
	if err := s.Apply(&BlockUpdate{Number: 20, Operators: []Operator{{Index: -1}}}); !errors.Is(err, ErrRange) {
		t.Errorf("Apply of operator -1 = %v, want ErrRange", err)
	}
}

func TestLargeValues(t *testing.T) {
	const size = 130 << 10
	for _, inMemory := range []bool{true, false} {
		t.Run(map[bool]string{true: "in memory", false: "on disk"}[inMemory], func(t *testing.T) {
			var s *Store
			if inMemory {
				s = openMem(t, 0)
			} else {
				s = openDir(t, t.TempDir(), 0)
			}
			big := testData("big", 1, 0, size)
			u := &BlockUpdate{Number: 1, Rounds: []Round{{Round: 7, Verdict: VerdictPending}},
				CommitmentData: map[uint64][]byte{7: big},
				BatchData:      map[common.Hash][]byte{{7}: big[:100_000]}}
			if err := s.Apply(u); err != nil {
				t.Fatalf("Apply: %v", err)
			}
			// A second block replaces it: its undo record holds the 130 KB too.
			big2 := testData("big", 2, 0, size)
			if err := s.Apply(&BlockUpdate{Number: 2, CommitmentData: map[uint64][]byte{7: big2}}); err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if got, ok, err := s.CommitmentData(7); !ok || err != nil || !bytes.Equal(got, big2) {
				t.Fatalf("CommitmentData = %d bytes, %v, %v", len(got), ok, err)
			}
			if err := s.Rollback(1); err != nil {
				t.Fatalf("Rollback: %v", err)
			}
			if got, ok, err := s.CommitmentData(7); !ok || err != nil || !bytes.Equal(got, big) {
				t.Fatalf("CommitmentData after rollback = %d bytes, %v, %v", len(got), ok, err)
			}
			if got, ok, err := s.BatchData(common.Hash{7}); !ok || err != nil || !bytes.Equal(got, big[:100_000]) {
				t.Fatalf("BatchData = %d bytes, %v, %v", len(got), ok, err)
			}
		})
	}
}

func TestTxnTooBig(t *testing.T) {
	s := openMem(t, 0)
	applyRange(t, s, 1, 3, 0)
	before := dump(t, s)
	u := &BlockUpdate{Number: 4, BatchData: map[common.Hash][]byte{}}
	for i := range 30 { // 3 MB: more than one transaction holds
		u.BatchData[common.Hash{byte(i)}] = testData("too big", uint64(i), 0, 100_000)
	}
	err := s.Apply(u)
	if !errors.Is(err, badger.ErrTxnTooBig) {
		t.Fatalf("Apply of 3 MB = %v, want ErrTxnTooBig", err)
	}
	if d := diffDumps(before, dump(t, s)); d != "" {
		t.Errorf("a failed Apply changed the store:\n%s", d)
	}
	if cp := mustCheckpoint(t, s); cp.Number != 3 {
		t.Errorf("checkpoint %+v", cp)
	}
}

func TestDuplicateKeysInOneBlock(t *testing.T) {
	s := openMem(t, 0)
	applyRange(t, s, 1, 2, 0)
	before := dump(t, s)
	u := &BlockUpdate{Number: 3, Rounds: []Round{
		{Round: 1, Verdict: VerdictPending, CommitBlock: 100},
		{Round: 1, Verdict: VerdictValid, CommitBlock: 101},
	}}
	if err := s.Apply(u); err != nil {
		t.Fatal(err)
	}
	if r, _, _ := s.Round(1); r.CommitBlock != 101 {
		t.Errorf("the last record of a round should win, got %+v", r)
	}
	if err := s.Rollback(2); err != nil {
		t.Fatal(err)
	}
	if d := diffDumps(before, dump(t, s)); d != "" {
		t.Errorf("rollback of a block writing one key twice:\n%s", d)
	}
}

func TestBadgerLogger(t *testing.T) {
	var buf bytes.Buffer
	l := &badgerLogger{log: slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})), min: slog.LevelWarn}
	l.Debugf("debug %d", 1)
	l.Infof("info %d\n", 2)
	l.Warningf("warning %d\n", 3)
	l.Errorf("error %d", 4)
	out := buf.String()
	for _, want := range []string{`level=WARN msg="warning 3"`, `level=ERROR msg="error 4"`} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	for _, not := range []string{"debug 1", "info 2"} {
		if strings.Contains(out, not) {
			t.Errorf("log has %q below warning:\n%s", not, out)
		}
	}
	// Open routes Badger's logger through it.
	buf.Reset()
	s, err := Open(Options{InMemory: true, Logger: slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	if err != nil {
		t.Fatal(err)
	}
	s.db.Opts().Logger.Warningf("through %s", "badger")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `msg="through badger" module=badger`) {
		t.Errorf("Badger's logger does not reach slog:\n%s", buf.String())
	}
}

// TestConcurrentReads reads while blocks are applied and rolled back (run
// with -race).
func TestConcurrentReads(t *testing.T) {
	s := openMem(t, 8)
	applyRange(t, s, 1, 5, 0)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			for ctx.Err() == nil {
				cp, ok, err := s.Checkpoint()
				if err != nil || !ok {
					errs <- errors.Join(err, errors.New("no checkpoint"))
					return
				}
				if _, err := s.Rounds(0, 100); err != nil {
					errs <- err
					return
				}
				if _, err := s.ProcessedBlocks(cp.Number+1, 10); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for n := uint64(6); n <= 60; n++ {
		if err := s.Apply(testUpdate(n, 0)); err != nil {
			t.Fatal(err)
		}
		if n%10 == 0 {
			if err := s.Rollback(n - 3); err != nil {
				t.Fatal(err)
			}
			applyRange(t, s, n-2, n, 1)
		}
	}
	cancel()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// TestValueLogGC runs the value log's garbage collection on a store on disk
// holding replaced and rolled-back data, and on one in memory: nothing to
// report either way.
func TestValueLogGC(t *testing.T) {
	for _, inMemory := range []bool{false, true} {
		var logs strings.Builder
		opts := Options{InMemory: inMemory, UndoDepth: 4, Logger: slog.New(slog.NewTextHandler(&logs, nil))}
		if !inMemory {
			opts.Dir = t.TempDir()
		}
		s, err := open(opts, false)
		if err != nil {
			t.Fatal(err)
		}
		for n := uint64(1); n <= 60; n++ {
			u := &BlockUpdate{Number: n, Hash: hashOf("block", n, 0),
				CommitmentData: map[uint64][]byte{1: testData("replaced", n, 0, 130<<10)}}
			if err := s.Apply(u); err != nil {
				t.Fatal(err)
			}
			if n%10 == 0 {
				if err := s.Rollback(n - 2); err != nil {
					t.Fatal(err)
				}
			}
		}
		s.mu.Lock()
		s.collectValueLog()
		s.mu.Unlock()
		if got, ok, err := s.CommitmentData(1); !ok || err != nil || !bytes.Equal(got, testData("replaced", 58, 0, 130<<10)) {
			t.Errorf("CommitmentData after GC: %d bytes, %v, %v", len(got), ok, err)
		}
		if err := s.Check(); err != nil {
			t.Error(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if logs.Len() > 0 {
			t.Errorf("in memory %v: %s", inMemory, logs.String())
		}
	}
}

// TestDeferSync: a store that defers syncing keeps every applied block
// across a Sync and a reopen, and passes Check.
func TestDeferSync(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir, DeferSync: true})
	if err != nil {
		t.Fatal(err)
	}
	applyRange(t, s, 1, 20, 0)
	if err := s.Sync(); err != nil {
		t.Fatal(err)
	}
	want := dump(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(Options{Dir: dir, DeferSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if cp := mustCheckpoint(t, s); cp.Number != 20 {
		t.Fatalf("checkpoint %d after reopening, want 20", cp.Number)
	}
	if got := dump(t, s); !maps.Equal(got, want) {
		t.Fatal("contents differ after reopening")
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}
