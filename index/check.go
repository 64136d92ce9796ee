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

// checker collects Check's problems, with what the checks share: the
// checkpoint, and the blocks with undo records (true: their first record
// is the checkpoint's).
type checker struct {
	problems   []error
	more       int
	cp         *Checkpoint
	undoBlocks map[uint64]bool
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

// keyCheck checks the records of one key or one prefix (exact: the key
// itself).
type keyCheck struct {
	key   []byte
	exact bool
	check func(c *checker, txn *badger.Txn, item *badger.Item, k []byte) error
}

// keyChecks are the checks of every key of the schema but the objects'
// (objectChecks), in the order they are tried.
var keyChecks = []keyCheck{
	{keySchema, true, nil}, // read by header
	{keyCheckpoint, true, nil},
	{keyOutboxSeq, true, (*checker).outboxSeq},
	{prefixOutbox, false, noErr((*checker).outbox)},
	{prefixDead, false, noErr((*checker).outbox)},
	{prefixSolve, false, noErr((*checker).solve)},
	{prefixBlock, false, (*checker).blockHash},
	{prefixRound, false, (*checker).roundKey},
	{prefixCData, false, (*checker).commitmentData},
	{prefixBData, false, (*checker).batchData},
	{prefixOp, false, (*checker).operator},
	{prefixUndo, false, (*checker).undo},
}

// noErr adapts a check that only adds problems.
func noErr(f func(c *checker, item *badger.Item, k []byte)) func(*checker, *badger.Txn, *badger.Item, []byte) error {
	return func(c *checker, _ *badger.Txn, item *badger.Item, k []byte) error {
		f(c, item, k)
		return nil
	}
}

// run checks the store in txn: the schema and the checkpoint, every key by
// its prefix's check, then the undo records' blocks.
func (c *checker) run(txn *badger.Txn) error {
	if err := c.header(txn); err != nil {
		return err
	}
	c.undoBlocks = map[uint64]bool{}
	it := txn.NewIterator(badger.IteratorOptions{})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := c.key(txn, it.Item()); err != nil {
			return err
		}
	}
	return c.undoChains(txn)
}

// key checks one key with its prefix's check; a key no check claims is
// outside the schema.
func (c *checker) key(txn *badger.Txn, item *badger.Item) error {
	k := item.Key()
	if isObject, err := c.object(txn, item, k); err != nil || isObject {
		return err
	}
	for _, kc := range keyChecks {
		if kc.exact && bytes.Equal(k, kc.key) || !kc.exact && bytes.HasPrefix(k, kc.key) {
			if kc.check == nil {
				return nil
			}
			return kc.check(c, txn, item, k)
		}
	}
	c.addf("key %s is not in the schema", keyString(k))
	return nil
}

// header checks the schema key and the checkpoint, whose block hash must
// be stored; it keeps the checkpoint for the other checks.
func (c *checker) header(txn *badger.Txn) error {
	v, ok, err := get(txn, keySchema)
	switch {
	case err != nil:
		return err
	case !ok:
		c.addf("no schema key %s", keySchema)
	case string(v) != schemaVersion:
		c.addf("schema version %q, not %q", v, schemaVersion)
	}
	if v, ok, err := get(txn, keyCheckpoint); err != nil {
		return err
	} else if ok {
		if p, err := decodeCheckpoint(v); err != nil {
			c.addf("%v", err)
		} else {
			c.cp = &p
		}
	}
	if c.cp == nil {
		return nil
	}
	h, ok, err := get(txn, blockKey(c.cp.Number))
	switch {
	case err != nil:
		return err
	case !ok:
		c.addf("the checkpoint's block %d has no stored hash", c.cp.Number)
	case !bytes.Equal(h, c.cp.Hash[:]):
		c.addf("the checkpoint's block %d has hash %s, the stored hash is %x", c.cp.Number, c.cp.Hash.Hex(), h)
	}
	return nil
}

// after reports whether block b lies after the checkpoint (every block
// does when none is stored).
func (c *checker) after(b uint64) bool { return c.cp == nil || b > c.cp.Number }

// applied reports a record of what that no block should have written yet.
func (c *checker) applied(what string) {
	if c.cp == nil {
		c.addf("%s is stored but no block is applied", what)
	}
}

func (c *checker) outboxSeq(_ *badger.Txn, item *badger.Item, _ []byte) error {
	if item.ValueSize() != 8 {
		c.addf("%s holds %d bytes, not a sequence number", keyOutboxSeq, item.ValueSize())
	}
	return nil
}

// blockHash checks a stored block hash: at or below the checkpoint, 32 bytes.
func (c *checker) blockHash(_ *badger.Txn, item *badger.Item, k []byte) error {
	b, ok := parseU64Key(prefixBlock, k)
	if !ok {
		c.addf("malformed key %s", keyString(k))
		return nil
	}
	if c.after(b) {
		c.addf("block %d is stored after the checkpoint", b)
	}
	if item.ValueSize() != common.HashLength {
		c.addf("%s holds %d bytes, not a hash", keyString(k), item.ValueSize())
	}
	return nil
}

// roundKey checks a round record under its key.
func (c *checker) roundKey(txn *badger.Txn, item *badger.Item, k []byte) error {
	n, ok := parseU64Key(prefixRound, k)
	if !ok {
		c.addf("malformed key %s", keyString(k))
		return nil
	}
	c.applied(fmt.Sprintf("round %d", n))
	return c.round(txn, item, n)
}

func (c *checker) commitmentData(_ *badger.Txn, _ *badger.Item, k []byte) error {
	if n, ok := parseU64Key(prefixCData, k); !ok {
		c.addf("malformed key %s", keyString(k))
	} else {
		c.applied(fmt.Sprintf("commitment data of round %d", n))
	}
	return nil
}

func (c *checker) batchData(_ *badger.Txn, _ *badger.Item, k []byte) error {
	if len(k) != len(prefixBData)+common.HashLength {
		c.addf("malformed key %s", keyString(k))
	} else {
		c.applied(fmt.Sprintf("batch data %s", keyString(k)))
	}
	return nil
}

// operator checks an operator record decodes under its own index.
func (c *checker) operator(_ *badger.Txn, item *badger.Item, k []byte) error {
	if len(k) != len(prefixOp)+4 {
		c.addf("malformed key %s", keyString(k))
		return nil
	}
	i := binary.BigEndian.Uint32(k[len(prefixOp):])
	var o Operator
	if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &o) }); err != nil {
		c.addf("operator %d does not decode: %v", i, err)
	} else if o.Index < 0 || uint64(o.Index) != uint64(i) {
		c.addf("operator stored under index %d has index %d", i, o.Index)
	}
	c.applied(fmt.Sprintf("operator %d", i))
	return nil
}

// undo checks an undo record decodes and lies at or below the checkpoint,
// and notes whether its block's records begin with the checkpoint's.
func (c *checker) undo(_ *badger.Txn, item *badger.Item, k []byte) error {
	b, seq, ok := parseUndoKey(k)
	if !ok {
		c.addf("malformed key %s", keyString(k))
		return nil
	}
	var rec undoRecord
	if err := item.Value(func(v []byte) (err error) { rec, err = decodeUndo(v); return err }); err != nil {
		c.addf("%s: %v", keyString(k), err)
	}
	if _, seen := c.undoBlocks[b]; !seen {
		c.undoBlocks[b] = seq == 0 && bytes.Equal(rec.key, keyCheckpoint)
	}
	if c.after(b) {
		c.addf("undo record %s is of a block after the checkpoint", keyString(k))
	}
	return nil
}

// undoChains checks that every block with undo records has its hash
// stored and records that begin with the checkpoint's.
func (c *checker) undoChains(txn *badger.Txn) error {
	for b, first := range c.undoBlocks {
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
