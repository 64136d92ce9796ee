package index

import (
	"encoding/json"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// PruneOptions say which rounds' data Prune may delete.
type PruneOptions struct {
	// Before: only rounds committed before this unix time (seconds).
	Before uint64
	// Head is the chain head: a round whose latest batch's challenge window
	// has not closed by Head is kept.
	Head uint64
	// Keep, when set, keeps a round it returns true for (the challenger's
	// rounds with a proof in flight).
	Keep func(round uint64) bool
	// Limit bounds the rounds pruned in one call (0: 1000).
	Limit int
}

// Prune deletes the commitment and batch data of old, settled rounds and
// marks their records DataPruned; the records and verdicts stay. In the
// same transaction it releases the round's objects, as PruneObjects does:
// an object goes with its last referencing round. A round is pruned only
// when it was committed before opts.Before, its challenge window closed
// before opts.Head, Keep does not keep it, and its record was last changed
// more than UndoDepth blocks below the checkpoint, so that no rollback can
// bring back a record whose data is gone. Each round is pruned in its own
// transaction. It returns the rounds pruned.
func (s *Store) Prune(opts PruneOptions) ([]uint64, error) {
	limit := opts.Limit
	if limit <= 0 {
		limit = 1000
	}
	cp, ok, err := s.Checkpoint()
	if err != nil || !ok || cp.Number <= s.depth {
		return nil, err
	}
	settledBelow := cp.Number - s.depth
	var candidates []Round
	err = s.view("prune candidates", func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64, Prefix: prefixRound})
		defer it.Close()
		for it.Rewind(); it.Valid() && len(candidates) < limit; it.Next() {
			var r Round
			if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &r) }); err != nil {
				return fmt.Errorf("%w: %s: %v", ErrInconsistent, keyString(it.Item().Key()), err)
			}
			if r.CommitTime >= opts.Before {
				break // rounds are committed in order
			}
			if prunable(&r, opts.Head, settledBelow) && (opts.Keep == nil || !opts.Keep(r.Round)) {
				candidates = append(candidates, r)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var (
		pruned   []uint64
		released ObjectPrune
	)
	for i := range candidates {
		r := &candidates[i]
		var done bool
		err := s.update(fmt.Sprintf("prune round %d", r.Round), func(txn *badger.Txn) (err error) {
			done, err = pruneRound(txn, r.Round, opts.Head, settledBelow, &released)
			return err
		})
		if err != nil {
			return pruned, err
		}
		if done {
			pruned = append(pruned, r.Round)
		}
	}
	if released.Objects > 0 {
		s.log.Debug("pruned the objects of pruned rounds", "rounds", len(pruned), "objects", released.Objects, "bytes", released.Bytes)
	}
	return pruned, nil
}

// pruneRound prunes round within txn if it is still prunable (the watcher
// may have changed it since it was chosen): it releases the round's
// objects first (reads before writes, see releaseRound), then deletes its
// data and marks its record DataPruned.
func pruneRound(txn *badger.Txn, round, head, settledBelow uint64, released *ObjectPrune) (bool, error) {
	var cur Round
	ok, err := getJSON(txn, roundKey(round), &cur)
	if err != nil || !ok || !prunable(&cur, head, settledBelow) {
		return false, err
	}
	if err := releaseRound(txn, round, released); err != nil {
		return false, err
	}
	if err := txn.Delete(cdataKey(round)); err != nil {
		return false, err
	}
	for _, b := range cur.Batches {
		if err := txn.Delete(bdataKey(b.TxHash)); err != nil {
			return false, err
		}
	}
	cur.DataPruned = true
	v, err := json.Marshal(&cur)
	if err != nil {
		return false, err
	}
	return true, txn.Set(roundKey(round), v)
}

// prunable: not yet pruned, the latest batch's window closed before head
// (or no batch: malformed or unavailable commitments), and last changed
// below settledBelow.
func prunable(r *Round, head, settledBelow uint64) bool {
	if r.DataPruned || r.UpdatedBlock == 0 || r.UpdatedBlock >= settledBelow {
		return false
	}
	if len(r.Batches) == 0 {
		return r.Verdict == VerdictMalformed || r.Verdict == VerdictUnavailable
	}
	return r.DeadlineBlock < head
}
