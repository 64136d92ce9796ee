package index

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
)

// maxPruneBlocks bounds the blocks whose undo records one Apply prunes, so
// that shrinking UndoDepth on a large store does not stall one Apply; the
// rest is pruned by the following ones.
const maxPruneBlocks = 4096

// gcEvery: every gcEvery blocks applied, Apply runs the value log's garbage
// collection once.
const gcEvery = 1024

// write is one key a block update puts.
type write struct {
	key, value []byte
	userMeta   byte
}

// writes lists what u puts, in a fixed order: the checkpoint, the block's
// hash, then rounds, commitment data (by round), batch data (by tx hash) and
// operators. The order fixes the undo records' sequence numbers.
func writes(u *BlockUpdate) ([]write, error) {
	cp, err := json.Marshal(Checkpoint{Number: u.Number, Hash: u.Hash})
	if err != nil {
		return nil, err
	}
	var meta byte
	if len(u.Rounds)+len(u.CommitmentData)+len(u.BatchData)+len(u.Operators) > 0 {
		meta = metaUpdated
	}
	ws := make([]write, 0, 2+len(u.Rounds)+len(u.CommitmentData)+len(u.BatchData)+len(u.Operators))
	ws = append(ws,
		write{key: keyCheckpoint, value: cp},
		write{key: blockKey(u.Number), value: bytes.Clone(u.Hash[:]), userMeta: meta})
	for i := range u.Rounds {
		b, err := json.Marshal(&u.Rounds[i])
		if err != nil {
			return nil, fmt.Errorf("round %d: %w", u.Rounds[i].Round, err)
		}
		ws = append(ws, write{key: roundKey(u.Rounds[i].Round), value: b})
	}
	for _, n := range slices.Sorted(maps.Keys(u.CommitmentData)) {
		ws = append(ws, write{key: cdataKey(n), value: nonNil(u.CommitmentData[n])})
	}
	for _, h := range slices.SortedFunc(maps.Keys(u.BatchData), func(a, b common.Hash) int { return bytes.Compare(a[:], b[:]) }) {
		ws = append(ws, write{key: bdataKey(h), value: nonNil(u.BatchData[h])})
	}
	for i := range u.Operators {
		k, err := operatorIndex(u.Operators[i].Index)
		if err != nil {
			return nil, err
		}
		b, err := json.Marshal(&u.Operators[i])
		if err != nil {
			return nil, fmt.Errorf("operator %d: %w", k, err)
		}
		ws = append(ws, write{key: opKey(k), value: b})
	}
	return ws, nil
}

func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// Apply writes everything derived from block u.Number in one Badger
// transaction: its rounds, commitment data, batch data and operators, the
// block's hash, the checkpoint (u.Number, u.Hash), and one undo record per
// key written (its previous value, or its absence) so that Rollback can undo
// the block. A block not after the checkpoint is refused with ErrOrder. An
// update too large for one transaction fails whole, wrapping
// badger.ErrTxnTooBig; the store never splits a block. A transaction holds
// about 2.4 MB of keys and values, undo records included, where on disk a
// value of 32 KB or more counts as a 12-byte pointer to the value log (in
// memory, values are limited to 1 MB and count in full).
//
// After the block is committed, the undo records of blocks at or below
// u.Number-UndoDepth, and the hashes of blocks below it that carried no
// update, are pruned in later transactions; a failed or interrupted prune is
// logged and resumed by the next Apply. Every 1024 blocks Apply also runs
// one pass of the value log's garbage collection.
func (s *Store) Apply(u *BlockUpdate) error {
	if u == nil {
		return errors.New("index: apply: nil block update")
	}
	ws, err := writes(u)
	if err != nil {
		return fmt.Errorf("index: apply block %d: %w", u.Number, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("index: apply block %d: %w", u.Number, badger.ErrDBClosed)
	}
	if err := s.room(); err != nil {
		return fmt.Errorf("index: apply block %d: %w", u.Number, err)
	}
	err = s.db.Update(func(txn *badger.Txn) error {
		cp, ok, err := getCheckpoint(txn)
		if err != nil {
			return err
		}
		if ok && u.Number <= cp.Number {
			return fmt.Errorf("%w: the checkpoint is block %d", ErrOrder, cp.Number)
		}
		seen := make(map[string]bool, len(ws))
		var seq uint32
		for _, w := range ws {
			if !seen[string(w.key)] {
				seen[string(w.key)] = true
				rec, err := previous(txn, w.key)
				if err != nil {
					return err
				}
				if err := txn.Set(undoKey(u.Number, seq), rec.encode()); err != nil {
					return err
				}
				seq++
			}
			if err := txn.SetEntry(badger.NewEntry(w.key, w.value).WithMeta(w.userMeta)); err != nil {
				return fmt.Errorf("%s (%d bytes): %w", keyString(w.key), len(w.value), err)
			}
		}
		_, err = enqueue(txn, u.Alerts)
		return err
	})
	if err != nil {
		return fmt.Errorf("index: apply block %d: %w", u.Number, err)
	}
	if err := s.prune(u.Number); err != nil {
		s.log.Warn("pruning undo records failed; the next block retries", "block", u.Number, "err", err)
	}
	s.applied++
	if s.applied%gcEvery == 0 {
		s.collectValueLog()
	}
	return nil
}

// collectValueLog rewrites one value-log file if at least half of it is
// garbage (data replaced or rolled back, undo records pruned). Called with
// s.mu held; a failure is logged and the next round retries.
func (s *Store) collectValueLog() {
	if s.inMemory {
		return
	}
	err := s.db.RunValueLogGC(0.5)
	if err != nil && !errors.Is(err, badger.ErrNoRewrite) && !errors.Is(err, badger.ErrRejected) {
		s.log.Warn("value log garbage collection failed; retried later", "err", err)
	}
}

// previous reads what key holds now, as an undo record.
func previous(txn *badger.Txn, key []byte) (undoRecord, error) {
	rec := undoRecord{key: key}
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return rec, nil
	}
	if err != nil {
		return rec, err
	}
	if rec.value, err = item.ValueCopy(nil); err != nil {
		return rec, err
	}
	rec.had, rec.userMeta = true, item.UserMeta()
	return rec, nil
}

// prune removes the undo records of blocks at or below n-depth, one block per
// transaction (so a block's undo set is never left half removed), then the
// hashes of blocks below n-depth that carried no update and whose undo
// records are gone. Called with s.mu held.
func (s *Store) prune(n uint64) error {
	if n <= s.depth {
		return nil
	}
	cut := n - s.depth
	for range maxPruneBlocks {
		next, done, err := s.pruneUndoBlock(cut)
		if err != nil {
			return fmt.Errorf("undo records: %w", err)
		}
		s.undoFloor = next
		if done {
			break
		}
	}
	hashCut := min(cut, s.undoFloor)
	if hashCut <= s.hashFloor {
		return nil
	}
	var keys [][]byte
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixBlock})
		defer it.Close()
		for it.Seek(blockKey(s.hashFloor)); it.Valid(); it.Next() {
			item := it.Item()
			b, ok := parseU64Key(prefixBlock, item.Key())
			if !ok || b >= hashCut {
				break
			}
			if item.UserMeta()&metaUpdated == 0 {
				keys = append(keys, item.KeyCopy(nil))
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("block hashes: %w", err)
	}
	if err := s.deleteKeys(keys); err != nil {
		return fmt.Errorf("block hashes: %w", err)
	}
	s.hashFloor = hashCut
	return nil
}

// pruneUndoBlock removes the undo records of the oldest block that has any,
// if it is at or below cut, in one transaction. It returns the block number
// below which no undo records remain, and done when nothing (more) is at or
// below cut.
func (s *Store) pruneUndoBlock(cut uint64) (next uint64, done bool, err error) {
	next = s.undoFloor
	err = s.db.Update(func(txn *badger.Txn) error {
		var keys [][]byte
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixUndo})
		it.Seek(undoBlockPrefix(s.undoFloor))
		if !it.Valid() {
			it.Close()
			next, done = cut+1, true
			return nil
		}
		b, _, ok := parseUndoKey(it.Item().Key())
		if !ok {
			it.Close()
			return fmt.Errorf("%w: malformed key %s", ErrInconsistent, keyString(it.Item().Key()))
		}
		if b > cut {
			it.Close()
			next, done = cut+1, true
			return nil
		}
		prefix := undoBlockPrefix(b)
		for ; it.ValidForPrefix(prefix); it.Next() {
			keys = append(keys, it.Item().KeyCopy(nil))
		}
		it.Close()
		for _, k := range keys {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		next = b + 1
		return nil
	})
	return next, done, err
}

// deleteKeys deletes independent keys, committing whenever a transaction
// fills up.
func (s *Store) deleteKeys(keys [][]byte) error {
	if len(keys) == 0 {
		return nil
	}
	txn := s.db.NewTransaction(true)
	defer func() { txn.Discard() }()
	for _, k := range keys {
		err := txn.Delete(k)
		if errors.Is(err, badger.ErrTxnTooBig) {
			if err = txn.Commit(); err != nil {
				return err
			}
			txn = s.db.NewTransaction(true)
			err = txn.Delete(k)
		}
		if err != nil {
			return err
		}
	}
	return txn.Commit()
}

// Rollback undoes every applied block numbered above to, newest first:
// each key a block wrote gets back its previous value (or is deleted), and
// the blocks' hashes and undo records are removed. The checkpoint becomes
// the last applied block at or below to (to itself when every block was
// applied), with its hash stored; when no block at or below to was ever
// applied, the checkpoint is removed. Rolling back to or above the
// checkpoint does nothing.
//
// Rollback refuses, with ErrRollbackTooDeep and without changing anything,
// to cross a block whose undo records were pruned (older than UndoDepth).
// It runs in one transaction when that fits, else block by block, each
// block's undo atomic together with the checkpoint's move, so a crash
// midway leaves a consistent store at some block between to and the
// original checkpoint.
func (s *Store) Rollback(to uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("index: rollback to %d: %w", to, badger.ErrDBClosed)
	}
	if err := s.room(); err != nil {
		return fmt.Errorf("index: rollback to %d: %w", to, err)
	}
	var blocks []uint64
	err := s.db.View(func(txn *badger.Txn) (err error) {
		blocks, err = rollbackPlan(txn, to)
		return err
	})
	if err != nil {
		return fmt.Errorf("index: rollback to %d: %w", to, err)
	}
	if len(blocks) == 0 {
		return nil
	}
	// Pruning restarts from the beginning: the blocks applied next may lie
	// below the floors.
	s.undoFloor, s.hashFloor = 0, 0
	err = s.db.Update(func(txn *badger.Txn) error {
		for _, b := range blocks {
			if err := undoBlock(txn, b); err != nil {
				return err
			}
		}
		return storeCheckpointHash(txn)
	})
	if errors.Is(err, badger.ErrTxnTooBig) {
		s.log.Info("rollback too large for one transaction; undoing block by block", "to", to, "blocks", len(blocks))
		for _, b := range blocks {
			err = s.db.Update(func(txn *badger.Txn) error {
				if err := undoBlock(txn, b); err != nil {
					return err
				}
				return storeCheckpointHash(txn)
			})
			if err != nil {
				return fmt.Errorf("index: rollback to %d: block %d: %w", to, b, err)
			}
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("index: rollback to %d: %w", to, err)
	}
	return nil
}

// rollbackPlan lists the applied blocks above to, newest first, following
// the chain of checkpoints that each block's first undo record holds. It
// fails with ErrRollbackTooDeep at a block without undo records.
func rollbackPlan(txn *badger.Txn, to uint64) ([]uint64, error) {
	cp, ok, err := getCheckpoint(txn)
	if err != nil || !ok || cp.Number <= to {
		return nil, err
	}
	var blocks []uint64
	for b := cp.Number; b > to; {
		v, ok, err := get(txn, undoKey(b, 0))
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("%w: block %d has no undo records (pruned, deeper than the undo depth)", ErrRollbackTooDeep, b)
		}
		rec, err := decodeUndo(v)
		if err != nil || !bytes.Equal(rec.key, keyCheckpoint) {
			return nil, fmt.Errorf("%w: the first undo record of block %d is not the checkpoint's", ErrInconsistent, b)
		}
		blocks = append(blocks, b)
		if !rec.had {
			break // nothing was applied before b
		}
		prev, err := decodeCheckpoint(rec.value)
		if err != nil {
			return nil, fmt.Errorf("%w: undo of block %d: %v", ErrInconsistent, b, err)
		}
		if prev.Number >= b {
			return nil, fmt.Errorf("%w: undo of block %d names checkpoint %d", ErrInconsistent, b, prev.Number)
		}
		b = prev.Number
	}
	return blocks, nil
}

// undoBlock restores every key block b wrote to its previous state, newest
// write first, and deletes b's undo records.
func undoBlock(txn *badger.Txn, b uint64) error {
	type undo struct {
		key []byte
		rec undoRecord
	}
	var undos []undo
	prefix := undoBlockPrefix(b)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 16})
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		var rec undoRecord
		err := item.Value(func(v []byte) (err error) {
			rec, err = decodeUndo(v)
			return err
		})
		if err != nil {
			it.Close()
			return fmt.Errorf("%w: %s: %v", ErrInconsistent, keyString(item.Key()), err)
		}
		undos = append(undos, undo{key: item.KeyCopy(nil), rec: rec})
	}
	it.Close()
	if len(undos) == 0 {
		return fmt.Errorf("%w: block %d has no undo records", ErrInconsistent, b)
	}
	for i := len(undos) - 1; i >= 0; i-- {
		r := undos[i].rec
		var err error
		if r.had {
			err = txn.SetEntry(badger.NewEntry(r.key, r.value).WithMeta(r.userMeta))
		} else {
			err = txn.Delete(r.key)
		}
		if err == nil {
			err = txn.Delete(undos[i].key)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// storeCheckpointHash puts the checkpoint's block hash back when it was
// pruned (a block that carried no update, older than the undo depth).
func storeCheckpointHash(txn *badger.Txn) error {
	cp, ok, err := getCheckpoint(txn)
	if err != nil || !ok {
		return err
	}
	stored, err := has(txn, blockKey(cp.Number))
	if err != nil || stored {
		return err
	}
	return txn.Set(blockKey(cp.Number), bytes.Clone(cp.Hash[:]))
}
