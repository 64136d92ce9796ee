package index

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// schemaVersion is the value of the schema key; a store written under
// another version is refused with ErrSchema.
const schemaVersion = "1"

// The key schema (doc.go has it as a table). Every key starts with the
// schema version, so a later version can live beside this one and a store of
// another version is recognised on Open.
var (
	keySchema     = []byte("v1/meta/schema")
	keyCheckpoint = []byte("v1/meta/checkpoint")
	prefixV1      = []byte("v1/")
	prefixMeta    = []byte("v1/meta/")
	prefixBlock   = []byte("v1/block/")
	prefixRound   = []byte("v1/round/")
	prefixCData   = []byte("v1/cdata/")
	prefixBData   = []byte("v1/bdata/")
	prefixOp      = []byte("v1/op/")
	prefixUndo    = []byte("v1/undo/")

	// Side records: written by the challenger and the alert dispatcher (and
	// the outbox by Apply), never undone by Rollback: a proof sent or an
	// alert raised stays a fact whatever the chain does later.
	keyOutboxSeq = []byte("v1/meta/outbox-seq")
	prefixOutbox = []byte("v1/outbox/")
	prefixDead   = []byte("v1/dead/")
	prefixSolve  = []byte("v1/solve/")

	// Objects (objects.go): side records too, never undone by Rollback.
	prefixObj      = []byte("v1/obj/")
	prefixObjProv  = []byte("v1/objprov/")
	prefixObjRef   = []byte("v1/objref/")
	prefixRoundObj = []byte("v1/roundobj/")
)

// metaUpdated is the Badger user-meta bit of a block key whose block carried
// an update (rounds, data or operators): such a block's hash is kept after
// its undo records are pruned.
const metaUpdated byte = 0x01

func appendU64(b []byte, n uint64) []byte { return binary.BigEndian.AppendUint64(b, n) }

func withPrefix(p []byte, extra int) []byte {
	k := make([]byte, len(p), len(p)+extra)
	copy(k, p)
	return k
}

func blockKey(n uint64) []byte { return appendU64(withPrefix(prefixBlock, 8), n) }
func roundKey(n uint64) []byte { return appendU64(withPrefix(prefixRound, 8), n) }
func cdataKey(n uint64) []byte { return appendU64(withPrefix(prefixCData, 8), n) }
func bdataKey(h common.Hash) []byte {
	return append(withPrefix(prefixBData, common.HashLength), h[:]...)
}
func opKey(i uint32) []byte { return binary.BigEndian.AppendUint32(withPrefix(prefixOp, 4), i) }

// undoBlockPrefix is the prefix of every undo record of block n.
func undoBlockPrefix(n uint64) []byte { return append(appendU64(withPrefix(prefixUndo, 13), n), '/') }

func undoKey(n uint64, seq uint32) []byte {
	return binary.BigEndian.AppendUint32(undoBlockPrefix(n), seq)
}

// parseU64Key returns the number of a key made of prefix and 8 big-endian bytes.
func parseU64Key(prefix, k []byte) (uint64, bool) {
	if len(k) != len(prefix)+8 || !bytes.HasPrefix(k, prefix) {
		return 0, false
	}
	return binary.BigEndian.Uint64(k[len(prefix):]), true
}

// parseUndoKey returns the block and sequence number of an undo key.
func parseUndoKey(k []byte) (block uint64, seq uint32, ok bool) {
	p := len(prefixUndo)
	if len(k) != p+8+1+4 || !bytes.HasPrefix(k, prefixUndo) || k[p+8] != '/' {
		return 0, 0, false
	}
	return binary.BigEndian.Uint64(k[p : p+8]), binary.BigEndian.Uint32(k[p+9:]), true
}

// keyString renders a key for messages: the prefix as text, numbers in
// decimal, hashes in hex.
func keyString(k []byte) string {
	if n, ok := parseU64Key(prefixBlock, k); ok {
		return fmt.Sprintf("v1/block/%d", n)
	}
	if n, ok := parseU64Key(prefixRound, k); ok {
		return fmt.Sprintf("v1/round/%d", n)
	}
	if n, ok := parseU64Key(prefixCData, k); ok {
		return fmt.Sprintf("v1/cdata/%d", n)
	}
	if len(k) == len(prefixBData)+common.HashLength && bytes.HasPrefix(k, prefixBData) {
		return "v1/bdata/" + common.BytesToHash(k[len(prefixBData):]).Hex()
	}
	if len(k) == len(prefixOp)+4 && bytes.HasPrefix(k, prefixOp) {
		return fmt.Sprintf("v1/op/%d", binary.BigEndian.Uint32(k[len(prefixOp):]))
	}
	if b, seq, ok := parseUndoKey(k); ok {
		return fmt.Sprintf("v1/undo/%d/%d", b, seq)
	}
	if s, ok := objectKeyString(k); ok {
		return s
	}
	if s, ok := solveKeyString(k); ok {
		return s
	}
	return fmt.Sprintf("%q", k)
}

// undoRecord is what a block's write replaced: the key, whether it had a
// value, and that value with its Badger user-meta byte.
//
// Encoding: byte 0 is 1 when the key had a value and 0 when it was absent;
// byte 1 the previous user-meta byte; bytes 2-3 the key's length (big-endian
// uint16); then the key; then, when it had one, the previous value.
type undoRecord struct {
	key      []byte
	had      bool
	userMeta byte
	value    []byte
}

func (r undoRecord) encode() []byte {
	b := make([]byte, 0, 4+len(r.key)+len(r.value))
	if r.had {
		b = append(b, 1, r.userMeta)
	} else {
		b = append(b, 0, 0)
	}
	b = binary.BigEndian.AppendUint16(b, uint16(len(r.key)))
	b = append(b, r.key...)
	if r.had {
		b = append(b, r.value...)
	}
	return b
}

var errUndoRecord = errors.New("undo record does not decode")

// decodeUndo decodes an undo record; the result does not alias b.
func decodeUndo(b []byte) (undoRecord, error) {
	if len(b) < 4 || b[0] > 1 {
		return undoRecord{}, errUndoRecord
	}
	n := int(binary.BigEndian.Uint16(b[2:4]))
	if n == 0 || len(b) < 4+n {
		return undoRecord{}, errUndoRecord
	}
	r := undoRecord{had: b[0] == 1, userMeta: b[1], key: bytes.Clone(b[4 : 4+n])}
	switch {
	case r.had:
		r.value = append([]byte{}, b[4+n:]...)
	case len(b) != 4+n || b[1] != 0:
		return undoRecord{}, errUndoRecord
	}
	return r, nil
}

func decodeCheckpoint(b []byte) (Checkpoint, error) {
	var c Checkpoint
	if err := json.Unmarshal(b, &c); err != nil {
		return Checkpoint{}, fmt.Errorf("checkpoint does not decode: %w", err)
	}
	return c, nil
}
