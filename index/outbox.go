package index

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// The outbox: alerts waiting for delivery, in the order they were raised.
//
//	| v1/meta/outbox-seq          | 8-byte big-endian: the last sequence number given  |
//	| v1/outbox/<8-byte seq>      | JSON alert body, as raised                         |
//	| v1/dead/<8-byte seq>        | JSON dead letter                                   |
//
// Entries are enqueued by Apply (BlockUpdate.Alerts, atomically with the
// block) and by Enqueue; Rollback never removes them.

func outboxKey(seq uint64) []byte { return appendU64(withPrefix(prefixOutbox, 8), seq) }
func deadKey(seq uint64) []byte   { return appendU64(withPrefix(prefixDead, 8), seq) }

// enqueue appends bodies to the outbox within txn and returns their
// sequence numbers.
func enqueue(txn *badger.Txn, bodies [][]byte) ([]uint64, error) {
	if len(bodies) == 0 {
		return nil, nil
	}
	var last uint64
	v, ok, err := get(txn, keyOutboxSeq)
	if err != nil {
		return nil, err
	}
	if ok {
		if len(v) != 8 {
			return nil, fmt.Errorf("%w: %s holds %d bytes", ErrInconsistent, keyOutboxSeq, len(v))
		}
		last = binary.BigEndian.Uint64(v)
	}
	seqs := make([]uint64, len(bodies))
	for i, b := range bodies {
		if !json.Valid(b) {
			return nil, fmt.Errorf("alert %d is not JSON", i)
		}
		last++
		seqs[i] = last
		if err := txn.Set(outboxKey(last), b); err != nil {
			return nil, err
		}
	}
	return seqs, txn.Set(keyOutboxSeq, appendU64(nil, last))
}

// Enqueue appends alert bodies (JSON) to the outbox in one transaction and
// returns their sequence numbers.
func (s *Store) Enqueue(bodies ...[]byte) ([]uint64, error) {
	var seqs []uint64
	err := s.update("enqueue alerts", func(txn *badger.Txn) (err error) {
		seqs, err = enqueue(txn, bodies)
		return err
	})
	return seqs, err
}

// update runs fn in one write transaction, serialised with Apply and Rollback.
func (s *Store) update(what string, fn func(txn *badger.Txn) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("index: %s: %w", what, badger.ErrDBClosed)
	}
	if err := s.db.Update(fn); err != nil {
		return fmt.Errorf("index: %s: %w", what, err)
	}
	return nil
}

// outbox checks an outbox or dead-letter record.
func (c *checker) outbox(item *badger.Item, k []byte) {
	_, okOut := parseU64Key(prefixOutbox, k)
	_, okDead := parseU64Key(prefixDead, k)
	if !okOut && !okDead {
		c.addf("malformed key %s", keyString(k))
		return
	}
	if err := item.Value(func(v []byte) error {
		if !json.Valid(v) {
			return errors.New("not JSON")
		}
		return nil
	}); err != nil {
		c.addf("%s: %v", keyString(k), err)
	}
}
