package index

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// solveJSON is a decision record's JSON as the executor writes it (the
// index reads only round, attempt and state).
func solveJSON(round, attempt uint64, state string) []byte {
	return fmt.Appendf(nil, `{"version":1,"round":%d,"attempt":%d,"state":%q,"move":{"target":{"kind":"prove"}}}`, round, attempt, state)
}

func solveRec(round, attempt uint64, state string) SolveRecord {
	return SolveRecord{Round: round, Attempt: attempt, Open: state != SolveStateSettled, Record: solveJSON(round, attempt, state)}
}

func keysOf(rs []SolveRecord) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = fmt.Sprintf("%d/%d", r.Round, r.Attempt)
	}
	return out
}

// TestSolveRecords: decision records are put with their alerts in one
// transaction, read back by batch, listed by round and attempt, the open
// ones from the keys' bit; a record that does not name its key's batch and
// open state is refused; Rollback never undoes them, and they survive a
// reopen.
func TestSolveRecords(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir, 0)
	applyRange(t, s, 1, 12, 0)
	if _, ok, err := s.GetSolveRecord(5, 0); ok || err != nil {
		t.Fatalf("on an empty store: %v %v", ok, err)
	}
	puts := []SolveRecord{solveRec(5, 1, "proving"), solveRec(5, 0, SolveStateSettled), solveRec(300, 2, "open"), solveRec(3, 0, "challenging")}
	for i, r := range puts {
		if err := s.PutSolveRecord(r, fmt.Appendf(nil, `{"n":%d}`, i)); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := s.GetSolveRecord(5, 1)
	if err != nil || !ok || !got.Open || string(got.Record) != string(puts[0].Record) {
		t.Fatalf("GetSolveRecord(5, 1) = %+v %v %v", got, ok, err)
	}
	all, err := s.SolveRecords()
	if want := "[3/0 5/0 5/1 300/2]"; err != nil || fmt.Sprint(keysOf(all)) != want {
		t.Fatalf("SolveRecords = %v %v, want %s", keysOf(all), err, want)
	}
	open, err := s.OpenSolveRecords()
	if want := "[3/0 5/1 300/2]"; err != nil || fmt.Sprint(keysOf(open)) != want {
		t.Fatalf("OpenSolveRecords = %v %v, want %s", keysOf(open), err, want)
	}
	if n := len(outbox(t, s)); n != 4 {
		t.Fatalf("%d alerts, want 4", n)
	}
	// Settling a record clears its open bit.
	if err := s.PutSolveRecord(solveRec(5, 1, SolveStateSettled)); err != nil {
		t.Fatal(err)
	}
	if open, _ := s.OpenSolveRecords(); fmt.Sprint(keysOf(open)) != "[3/0 300/2]" {
		t.Fatalf("open after settling 5/1: %v", keysOf(open))
	}
	for _, bad := range []SolveRecord{
		{Round: 5, Attempt: 1, Open: true, Record: []byte("{nope")},
		{Round: 5, Attempt: 1, Open: true, Record: solveJSON(5, 2, "open")},
		{Round: 6, Attempt: 1, Open: true, Record: solveJSON(5, 1, "open")},
		{Round: 5, Attempt: 1, Open: false, Record: solveJSON(5, 1, "proving")},
		{Round: 5, Attempt: 1, Open: true, Record: solveJSON(5, 1, SolveStateSettled)},
		{Round: 5, Attempt: 1, Open: true, Record: []byte(`{"round":5,"attempt":1}`)},
	} {
		if err := s.PutSolveRecord(bad, []byte(`{"alert":1}`)); !errors.Is(err, ErrSolveRecord) {
			t.Errorf("PutSolveRecord(%s, open %v) = %v, want ErrSolveRecord", bad.Record, bad.Open, err)
		}
	}
	if n := len(outbox(t, s)); n != 4 {
		t.Fatalf("a refused record raised its alert: %d alerts", n)
	}
	if err := s.Rollback(4); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openDir(t, dir, 0)
	if all, err := s.SolveRecords(); err != nil || len(all) != 4 {
		t.Fatalf("after Rollback and reopen: %v %v", keysOf(all), err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestCheckSolveRecords(t *testing.T) {
	tests := []struct {
		name   string
		inject func(t *testing.T, s *Store)
		want   string
	}{
		{"does not decode", func(t *testing.T, s *Store) { setRaw(t, s, solveKey(5, 0), []byte("{nope")) }, "v1/solve/5/0: invalid decision record"},
		{"under another attempt", func(t *testing.T, s *Store) {
			setRawMeta(t, s, solveKey(5, 1), solveJSON(5, 0, "open"), metaSolveOpen)
		}, "the record of round 5 attempt 0 under round 5 attempt 1"},
		{"open bit missing", func(t *testing.T, s *Store) { setRaw(t, s, solveKey(5, 0), solveJSON(5, 0, "proving")) }, "state proving with open false"},
		{"open bit on a settled record", func(t *testing.T, s *Store) {
			setRawMeta(t, s, solveKey(5, 0), solveJSON(5, 0, SolveStateSettled), metaSolveOpen)
		}, "state settled with open true"},
		{"malformed key", func(t *testing.T, s *Store) { setRaw(t, s, []byte("v1/solve/short"), []byte("{}")) }, "malformed key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openMem(t, 0)
			applyRange(t, s, 1, 4, 0)
			tt.inject(t, s)
			err := s.Check()
			if !errors.Is(err, ErrInconsistent) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Check() = %v; want %q", err, tt.want)
			}
		})
	}
}

// setRawMeta writes a raw value with a user-meta byte, bypassing the API.
func setRawMeta(t *testing.T, s *Store, k, v []byte, meta byte) {
	t.Helper()
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.SetEntry(badger.NewEntry(k, v).WithMeta(meta)) }); err != nil {
		t.Fatal(err)
	}
}
