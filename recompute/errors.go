package recompute

import "errors"

// Errors of the object and round-file decoders and of object verification
// (PROTOCOL.md section 9). A data-availability client tells a bad object
// from a missing one with errors.Is against these.
var (
	// ErrEncoding: the bytes are not exactly the canonical ABI encoding of
	// any value of the object's type (length, offsets, dirty address words,
	// trailing bytes).
	ErrEncoding = errors.New("not the canonical encoding")
	// ErrTooLarge: the bytes are longer than any object or round the
	// protocol allows; they were not decoded.
	ErrTooLarge = errors.New("larger than the protocol allows")
	// ErrKeyMismatch: the object decodes but does not rebuild its key.
	ErrKeyMismatch = errors.New("does not rebuild its key")
	// ErrEntryCount: a row object holds another number of entries than its
	// header's entryCount, or an allocations object another number of
	// amounts than its row.
	ErrEntryCount = errors.New("entry count differs")
	// ErrNoPosition: a proof was asked for a position the round does not have.
	ErrNoPosition = errors.New("no such position in the round")
)

// ErrOutOfRange: values outside the bounds of section 3, where the
// allocation math is not defined (such a row is proven malformed instead).
var ErrOutOfRange = errors.New("values out of range")
