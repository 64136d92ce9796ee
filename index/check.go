package index

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
)

// maxProblems bounds the problems Check reports.
const maxProblems = 100

// checker collects Check's problems.
type checker struct {
	problems []error
	more     int
}

func (c *checker) addf(format string, args ...any) {
	if len(c.problems) == maxProblems {
		c.more++
		return
	}
	c.problems = append(c.problems, fmt.Errorf("%w: "+format, append([]any{ErrInconsistent}, args...)...))
}

func (c *checker) err() error {
	if c.more > 0 {
		c.problems = append(c.problems, fmt.Errorf("%w: and %d more problems", ErrInconsistent, c.more))
	}
	return errors.Join(c.problems...)
}

// Check verifies the store's invariants on one consistent snapshot: the
// schema key; the checkpoint decodes and its block hash is stored; no block
// hash or undo record lies after the checkpoint; every round and operator
// record decodes under its own key; every batch with DataAvailable has its
// data; every v1 round whose verdict is neither malformed-commitments nor
// unavailable has its commitment data; the v2 verdicts awaiting-batch and
// incomplete only in v2 records; every undo record decodes and
// belongs to a block whose hash is stored, and each block's undo records
// begin with the checkpoint's; every object has its provenance (which
// decodes and agrees on the size), fits its kind and is referenced by a
// round, every reference is stored under both its keys and names a stored
// object; no key outside the schema. It returns every
// problem found (up to 100) joined with errors.Join, each wrapping
// ErrInconsistent; a failure to read is returned as is.
func (s *Store) Check() error {
	c := &checker{}
	err := s.db.View(func(txn *badger.Txn) error {
		return c.run(txn)
	})
	if err != nil {
		return fmt.Errorf("index: check: %w", err)
	}
	return c.err()
}

func (c *checker) run(txn *badger.Txn) error {
	v, ok, err := get(txn, keySchema)
	switch {
	case err != nil:
		return err
	case !ok:
		c.addf("no schema key %s", keySchema)
	case string(v) != schemaVersion:
		c.addf("schema version %q, not %q", v, schemaVersion)
	}
	var cp *Checkpoint
	if v, ok, err := get(txn, keyCheckpoint); err != nil {
		return err
	} else if ok {
		if p, err := decodeCheckpoint(v); err != nil {
			c.addf("%v", err)
		} else {
			cp = &p
		}
	}
	if cp != nil {
		h, ok, err := get(txn, blockKey(cp.Number))
		switch {
		case err != nil:
			return err
		case !ok:
			c.addf("the checkpoint's block %d has no stored hash", cp.Number)
		case !bytes.Equal(h, cp.Hash[:]):
			c.addf("the checkpoint's block %d has hash %s, the stored hash is %x", cp.Number, cp.Hash.Hex(), h)
		}
	}
	after := func(b uint64) bool { return cp == nil || b > cp.Number }

	undoBlocks := map[uint64]bool{} // blocks with undo records -> has a first (checkpoint) record
	it := txn.NewIterator(badger.IteratorOptions{})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		k := item.Key()
		if isObject, err := c.object(txn, item, k); err != nil {
			return err
		} else if isObject {
			continue
		}
		switch {
		case bytes.Equal(k, keySchema), bytes.Equal(k, keyCheckpoint):
		case bytes.Equal(k, keyOutboxSeq):
			if item.ValueSize() != 8 {
				c.addf("%s holds %d bytes, not a sequence number", keyOutboxSeq, item.ValueSize())
			}
		case bytes.HasPrefix(k, prefixOutbox), bytes.HasPrefix(k, prefixDead):
			c.outbox(item, k)
		case bytes.HasPrefix(k, prefixChallenge):
			c.challenge(item, k)
		case bytes.HasPrefix(k, prefixSolve):
			c.solve(item, k)
		case bytes.HasPrefix(k, prefixBlock):
			b, ok := parseU64Key(prefixBlock, k)
			if !ok {
				c.addf("malformed key %s", keyString(k))
				continue
			}
			if after(b) {
				c.addf("block %d is stored after the checkpoint", b)
			}
			if item.ValueSize() != common.HashLength {
				c.addf("%s holds %d bytes, not a hash", keyString(k), item.ValueSize())
			}
		case bytes.HasPrefix(k, prefixRound):
			n, ok := parseU64Key(prefixRound, k)
			if !ok {
				c.addf("malformed key %s", keyString(k))
				continue
			}
			if err := c.round(txn, item, n); err != nil {
				return err
			}
			if cp == nil {
				c.addf("round %d is stored but no block is applied", n)
			}
		case bytes.HasPrefix(k, prefixCData):
			if n, ok := parseU64Key(prefixCData, k); !ok {
				c.addf("malformed key %s", keyString(k))
			} else if cp == nil {
				c.addf("commitment data of round %d is stored but no block is applied", n)
			}
		case bytes.HasPrefix(k, prefixBData):
			if len(k) != len(prefixBData)+common.HashLength {
				c.addf("malformed key %s", keyString(k))
			} else if cp == nil {
				c.addf("batch data %s is stored but no block is applied", keyString(k))
			}
		case bytes.HasPrefix(k, prefixOp):
			if len(k) != len(prefixOp)+4 {
				c.addf("malformed key %s", keyString(k))
				continue
			}
			i := binary.BigEndian.Uint32(k[len(prefixOp):])
			var o Operator
			if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &o) }); err != nil {
				c.addf("operator %d does not decode: %v", i, err)
			} else if o.Index < 0 || uint64(o.Index) != uint64(i) {
				c.addf("operator stored under index %d has index %d", i, o.Index)
			}
			if cp == nil {
				c.addf("operator %d is stored but no block is applied", i)
			}
		case bytes.HasPrefix(k, prefixUndo):
			b, seq, ok := parseUndoKey(k)
			if !ok {
				c.addf("malformed key %s", keyString(k))
				continue
			}
			var rec undoRecord
			if err := item.Value(func(v []byte) (err error) { rec, err = decodeUndo(v); return err }); err != nil {
				c.addf("%s: %v", keyString(k), err)
			}
			if _, seen := undoBlocks[b]; !seen {
				undoBlocks[b] = seq == 0 && bytes.Equal(rec.key, keyCheckpoint)
			}
			if after(b) {
				c.addf("undo record %s is of a block after the checkpoint", keyString(k))
			}
		default:
			c.addf("key %s is not in the schema", keyString(k))
		}
	}
	for b, first := range undoBlocks {
		stored, err := has(txn, blockKey(b))
		if err != nil {
			return err
		}
		if !stored {
			c.addf("block %d has undo records but no stored hash", b)
		}
		if !first {
			c.addf("the undo records of block %d do not begin with the checkpoint's", b)
		}
	}
	return nil
}

// round checks a round record and the data it says is stored.
func (c *checker) round(txn *badger.Txn, item *badger.Item, n uint64) error {
	var r Round
	if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &r) }); err != nil {
		c.addf("round %d does not decode: %v", n, err)
		return nil
	}
	if r.Round != n {
		c.addf("round stored under %d is round %d", n, r.Round)
	}
	switch r.Verdict {
	case VerdictValid, VerdictFraud, VerdictPending, VerdictMalformed, VerdictUnavailable:
	case VerdictAwaitingBatch, VerdictIncomplete:
		if r.Protocol < ProtocolV2 {
			c.addf("round %d has the v2 verdict %q in a v1 record", n, r.Verdict)
		}
	default:
		c.addf("round %d has unknown verdict %q", n, r.Verdict)
	}
	if r.DataPruned {
		return nil
	}
	// v2 rounds keep their data as objects, not commitment data.
	if r.Verdict != VerdictMalformed && r.Verdict != VerdictUnavailable && r.Protocol < ProtocolV2 {
		ok, err := has(txn, cdataKey(n))
		if err != nil {
			return err
		}
		if !ok {
			c.addf("round %d (%s) has no commitment data", n, r.Verdict)
		}
	}
	for _, b := range r.Batches {
		if !b.DataAvailable {
			continue
		}
		ok, err := has(txn, bdataKey(b.TxHash))
		if err != nil {
			return err
		}
		if !ok {
			c.addf("round %d: batch %s has DataAvailable but no stored data", n, b.TxHash.Hex())
		}
	}
	return nil
}
