package index

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// Decision records: the v2 challenger's record of each batch it follows
// (package challenge/solve's Record, stored as its JSON), keyed by round and
// attempt.
//
//	| v1/solve/<8-byte round>/<8-byte attempt> | JSON solve.Record |
//
// A record that is not settled carries the Badger user-meta bit
// metaSolveOpen, so that OpenSolveRecords finds the records in flight from
// the keys alone. The index does not interpret the record beyond what keeps
// its keys honest: the JSON object's round, attempt and state, the state
// "settled" (SolveStateSettled) being the only one without the open bit.
// Like challenges, these are side records: Rollback never undoes them (a
// transaction sent stays a fact; the record itself follows reorganisations).

// metaSolveOpen is the user-meta bit of a decision record not settled.
const metaSolveOpen byte = 0x01

// SolveStateSettled is the state of a settled decision record (the value of
// solve.StateSettled).
const SolveStateSettled = "settled"

// ErrSolveRecord wraps a decision record PutSolveRecord refuses.
var ErrSolveRecord = errors.New("invalid decision record")

// SolveRecord is a stored decision record: its batch, whether it is open,
// and the record's JSON.
type SolveRecord struct {
	Round, Attempt uint64
	Open           bool
	Record         json.RawMessage
}

// solveHead is what the index reads of a record's JSON.
type solveHead struct {
	Round   *uint64 `json:"round"`
	Attempt *uint64 `json:"attempt"`
	State   string  `json:"state"`
}

// check decodes r's head and checks it names r's batch and open state.
func (r *SolveRecord) check() error {
	var h solveHead
	if err := json.Unmarshal(r.Record, &h); err != nil {
		return fmt.Errorf("%w: %v", ErrSolveRecord, err)
	}
	switch {
	case h.Round == nil || h.Attempt == nil || h.State == "":
		return fmt.Errorf("%w: no round, attempt or state", ErrSolveRecord)
	case *h.Round != r.Round || *h.Attempt != r.Attempt:
		return fmt.Errorf("%w: the record of round %d attempt %d under round %d attempt %d", ErrSolveRecord, *h.Round, *h.Attempt, r.Round, r.Attempt)
	case r.Open == (h.State == SolveStateSettled):
		return fmt.Errorf("%w: state %s with open %v", ErrSolveRecord, h.State, r.Open)
	}
	return nil
}

func solveKey(round, attempt uint64) []byte {
	k := appendU64(withPrefix(prefixSolve, 8+1+8), round)
	return appendU64(append(k, '/'), attempt)
}

// parseSolveKey returns the round and attempt of a decision record's key.
func parseSolveKey(k []byte) (round, attempt uint64, ok bool) {
	p := len(prefixSolve)
	if len(k) != p+8+1+8 || !bytes.HasPrefix(k, prefixSolve) || k[p+8] != '/' {
		return 0, 0, false
	}
	return binary.BigEndian.Uint64(k[p : p+8]), binary.BigEndian.Uint64(k[p+9:]), true
}

func solveMeta(open bool) byte {
	if open {
		return metaSolveOpen
	}
	return 0
}

// PutSolveRecord writes a decision record and enqueues alert bodies (JSON)
// in the outbox, in one transaction: the alerts are raised if and only if
// the record they announce is stored. A record whose JSON does not name
// its round, attempt and open state is refused with ErrSolveRecord.
func (s *Store) PutSolveRecord(r SolveRecord, alerts ...[]byte) error {
	if err := r.check(); err != nil {
		return fmt.Errorf("index: put decision record of round %d attempt %d: %w", r.Round, r.Attempt, err)
	}
	val := bytes.Clone(r.Record)
	return s.update(fmt.Sprintf("put decision record of round %d attempt %d", r.Round, r.Attempt), func(txn *badger.Txn) error {
		if err := txn.SetEntry(badger.NewEntry(solveKey(r.Round, r.Attempt), val).WithMeta(solveMeta(r.Open))); err != nil {
			return err
		}
		_, err := enqueue(txn, alerts)
		return err
	})
}

// GetSolveRecord returns the decision record of a batch, or false.
func (s *Store) GetSolveRecord(round, attempt uint64) (SolveRecord, bool, error) {
	var (
		out SolveRecord
		ok  bool
	)
	err := s.view(fmt.Sprintf("decision record of round %d attempt %d", round, attempt), func(txn *badger.Txn) error {
		item, err := txn.Get(solveKey(round, attempt))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		out, ok = SolveRecord{Round: round, Attempt: attempt, Open: item.UserMeta()&metaSolveOpen != 0, Record: v}, true
		return nil
	})
	return out, ok, err
}

// SolveRecords returns every decision record, by round and attempt.
func (s *Store) SolveRecords() ([]SolveRecord, error) { return s.solveRecords(false) }

// OpenSolveRecords returns the decision records not settled, by round and
// attempt; the others are skipped by their keys' user-meta bit, unread.
func (s *Store) OpenSolveRecords() ([]SolveRecord, error) { return s.solveRecords(true) }

func (s *Store) solveRecords(openOnly bool) ([]SolveRecord, error) {
	out := []SolveRecord{}
	err := s.view("decision records", func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixSolve, PrefetchValues: !openOnly, PrefetchSize: 16})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			round, attempt, ok := parseSolveKey(item.Key())
			if !ok {
				return fmt.Errorf("%w: malformed key %s", ErrInconsistent, keyString(item.Key()))
			}
			open := item.UserMeta()&metaSolveOpen != 0
			if openOnly && !open {
				continue
			}
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			out = append(out, SolveRecord{Round: round, Attempt: attempt, Open: open, Record: v})
		}
		return nil
	})
	return out, err
}

// solveKeyString renders a decision record's key for messages.
func solveKeyString(k []byte) (string, bool) {
	round, attempt, ok := parseSolveKey(k)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("v1/solve/%d/%d", round, attempt), true
}

// solve checks a decision record: its key, and that its JSON names the
// key's round and attempt and the key's open bit.
func (c *checker) solve(item *badger.Item, k []byte) {
	round, attempt, ok := parseSolveKey(k)
	if !ok {
		c.addf("malformed key %q", k)
		return
	}
	name, _ := solveKeyString(k)
	r := SolveRecord{Round: round, Attempt: attempt, Open: item.UserMeta()&metaSolveOpen != 0}
	if err := item.Value(func(v []byte) error { r.Record = bytes.Clone(v); return nil }); err != nil {
		c.addf("%s: %v", name, err)
		return
	}
	if err := r.check(); err != nil {
		c.addf("%s: %v", name, err)
	}
}
