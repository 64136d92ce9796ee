package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
)

// get returns a copy of key's value, or false when the key is absent.
func get(txn *badger.Txn, key []byte) ([]byte, bool, error) {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	v, err := item.ValueCopy(nil)
	if err != nil {
		return nil, false, err
	}
	return v, true, nil
}

// has reports whether key is present, without reading its value.
func has(txn *badger.Txn, key []byte) (bool, error) {
	_, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

// getJSON decodes key's JSON value into v.
func getJSON(txn *badger.Txn, key []byte, v any) (bool, error) {
	b, ok, err := get(txn, key)
	if err != nil || !ok {
		return false, err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return false, fmt.Errorf("%w: %s does not decode: %v", ErrInconsistent, keyString(key), err)
	}
	return true, nil
}

func getCheckpoint(txn *badger.Txn) (Checkpoint, bool, error) {
	var c Checkpoint
	ok, err := getJSON(txn, keyCheckpoint, &c)
	return c, ok, err
}

// view runs fn in a read-only transaction and prefixes its error.
func (s *Store) view(what string, fn func(txn *badger.Txn) error) error {
	if err := s.db.View(fn); err != nil {
		return fmt.Errorf("index: %s: %w", what, err)
	}
	return nil
}

// Checkpoint returns the last applied block, or false when no block has
// been applied (or every applied block was rolled back).
func (s *Store) Checkpoint() (Checkpoint, bool, error) {
	var (
		c  Checkpoint
		ok bool
	)
	err := s.view("checkpoint", func(txn *badger.Txn) (err error) {
		c, ok, err = getCheckpoint(txn)
		return err
	})
	return c, ok, err
}

// Round returns the record of round n, or false when there is none.
func (s *Store) Round(n uint64) (Round, bool, error) {
	var (
		r  Round
		ok bool
	)
	err := s.view(fmt.Sprintf("round %d", n), func(txn *badger.Txn) (err error) {
		ok, err = getJSON(txn, roundKey(n), &r)
		return err
	})
	return r, ok, err
}

// Rounds returns the stored rounds from..to (inclusive), ascending; absent
// rounds are skipped (the result is empty, not nil, when none is stored).
// It refuses from > to, and more than 10,000 rounds at once, with ErrRange.
func (s *Store) Rounds(from, to uint64) ([]Round, error) {
	if from > to {
		return nil, fmt.Errorf("index: %w: rounds %d..%d: from > to", ErrRange, from, to)
	}
	if to-from >= maxRange {
		return nil, fmt.Errorf("index: %w: rounds %d..%d: more than %d rounds at once", ErrRange, from, to, maxRange)
	}
	out := []Round{}
	err := s.view(fmt.Sprintf("rounds %d..%d", from, to), func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixRound, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Seek(roundKey(from)); it.Valid(); it.Next() {
			item := it.Item()
			n, ok := parseU64Key(prefixRound, item.Key())
			if !ok {
				return fmt.Errorf("%w: malformed key %s", ErrInconsistent, keyString(item.Key()))
			}
			if n > to {
				break
			}
			var r Round
			if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &r) }); err != nil {
				return fmt.Errorf("%w: %s does not decode: %v", ErrInconsistent, keyString(item.Key()), err)
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// LatestRound returns the highest stored round number, or false when no
// round is stored.
func (s *Store) LatestRound() (uint64, bool, error) {
	var (
		n  uint64
		ok bool
	)
	err := s.view("latest round", func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixRound, Reverse: true})
		defer it.Close()
		it.Seek(roundKey(math.MaxUint64))
		if !it.Valid() {
			return nil
		}
		if n, ok = parseU64Key(prefixRound, it.Item().Key()); !ok {
			return fmt.Errorf("%w: malformed key %s", ErrInconsistent, keyString(it.Item().Key()))
		}
		return nil
	})
	return n, ok, err
}

// CommitmentData returns the raw commitment data of a round, or false when
// it is not stored.
func (s *Store) CommitmentData(round uint64) ([]byte, bool, error) {
	var (
		b  []byte
		ok bool
	)
	err := s.view(fmt.Sprintf("commitment data of round %d", round), func(txn *badger.Txn) (err error) {
		b, ok, err = get(txn, cdataKey(round))
		return err
	})
	return b, ok, err
}

// BatchData returns the raw allocation data published by batch transaction
// tx, or false when it is not stored.
func (s *Store) BatchData(tx common.Hash) ([]byte, bool, error) {
	var (
		b  []byte
		ok bool
	)
	err := s.view("batch data of "+tx.Hex(), func(txn *badger.Txn) (err error) {
		b, ok, err = get(txn, bdataKey(tx))
		return err
	})
	return b, ok, err
}

// operatorIndex checks that i fits the 4-byte key of an operator.
func operatorIndex(i int) (uint32, error) {
	if i < 0 || uint64(i) > math.MaxUint32 {
		return 0, fmt.Errorf("%w: operator index %d", ErrRange, i)
	}
	return uint32(i), nil
}

// Operator returns operator i, or false when it is not stored. A negative
// index (or one above 2^32-1) is refused with ErrRange.
func (s *Store) Operator(i int) (Operator, bool, error) {
	k, err := operatorIndex(i)
	if err != nil {
		return Operator{}, false, fmt.Errorf("index: %w", err)
	}
	var (
		o  Operator
		ok bool
	)
	err = s.view(fmt.Sprintf("operator %d", i), func(txn *badger.Txn) (err error) {
		ok, err = getJSON(txn, opKey(k), &o)
		return err
	})
	return o, ok, err
}

// Operators returns every stored operator, by index.
func (s *Store) Operators() ([]Operator, error) {
	out := []Operator{}
	err := s.view("operators", func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixOp, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var o Operator
			if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &o) }); err != nil {
				return fmt.Errorf("%w: %s does not decode: %v", ErrInconsistent, keyString(it.Item().Key()), err)
			}
			out = append(out, o)
		}
		return nil
	})
	return out, err
}

// BlockHash returns the hash of processed block n. Hashes are kept for the
// last UndoDepth+1 blocks and for every block that carried an update.
func (s *Store) BlockHash(n uint64) (common.Hash, bool, error) {
	var (
		h  common.Hash
		ok bool
	)
	err := s.view(fmt.Sprintf("hash of block %d", n), func(txn *badger.Txn) error {
		b, found, err := get(txn, blockKey(n))
		if err != nil || !found {
			return err
		}
		if len(b) != common.HashLength {
			return fmt.Errorf("%w: %s holds %d bytes, not a hash", ErrInconsistent, keyString(blockKey(n)), len(b))
		}
		h, ok = common.BytesToHash(b), true
		return nil
	})
	return h, ok, err
}

// ProcessedBlocks returns up to limit stored (number, hash) pairs of blocks
// below below, newest first: what the watcher walks back through to find
// the common ancestor after a reorganisation. limit must be 1..10,000
// (ErrRange otherwise).
func (s *Store) ProcessedBlocks(below uint64, limit int) ([]Checkpoint, error) {
	if limit < 1 || limit > maxRange {
		return nil, fmt.Errorf("index: %w: limit %d, not 1..%d", ErrRange, limit, maxRange)
	}
	if below == 0 {
		return nil, nil
	}
	var out []Checkpoint
	err := s.view(fmt.Sprintf("blocks below %d", below), func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixBlock, Reverse: true, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Seek(blockKey(below - 1)); it.Valid() && len(out) < limit; it.Next() {
			item := it.Item()
			n, ok := parseU64Key(prefixBlock, item.Key())
			if !ok {
				return fmt.Errorf("%w: malformed key %s", ErrInconsistent, keyString(item.Key()))
			}
			c := Checkpoint{Number: n}
			err := item.Value(func(v []byte) error {
				if len(v) != common.HashLength {
					return fmt.Errorf("%w: %s holds %d bytes, not a hash", ErrInconsistent, keyString(item.Key()), len(v))
				}
				c.Hash = common.BytesToHash(v)
				return nil
			})
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	return out, err
}
