// Package da is data availability (PROTOCOL.md section 9): a content-addressed
// object store on disk, its HTTP host, and a client that reads an object by
// its key from an ordered list of sources and returns it only once it
// verifies against the key.
//
// The store's layout is the transport's: DIR/<kind>/<0x key>, exactly what
// `denomwatch recompute --objects DIR` reads and any static host serves.
package da

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/recompute"
)

// Errors of the store and the client, matched with errors.Is.
var (
	// ErrNotFound: the object is absent (from the store; from every source).
	ErrNotFound = errors.New("object not found")
	// ErrInvalid: the object's bytes do not verify against its key (Put), or
	// every copy the sources served failed verification (the client).
	ErrInvalid = errors.New("object does not verify")
	// ErrUnavailable: no source served a copy that verified, and at least one
	// failed for another reason than an absent object (transport, timeout,
	// an HTTP status).
	ErrUnavailable = errors.New("object unavailable")
	// ErrConflict: other bytes already exist under the key (never rewritten).
	ErrConflict = errors.New("other bytes exist under the key")
	// ErrBadKind: not one of manifest, row, allocations.
	ErrBadKind = errors.New("unknown object kind")
	// ErrBadKey: not 0x and 64 lowercase hex digits.
	ErrBadKey = errors.New("malformed object key")
)

// MaxSize returns the largest object of kind the da layer reads or stores
// (recompute.Max*Size). A manifest of an out-of-bounds round may be larger;
// such a round is not read through this package.
func MaxSize(kind recompute.ObjectKind) int {
	switch kind {
	case recompute.KindManifest:
		return recompute.MaxManifestSize
	case recompute.KindRow:
		return recompute.MaxRowSize
	default:
		return recompute.MaxAllocationsSize
	}
}

// ParseKind returns the kind named s (ErrBadKind).
func ParseKind(s string) (recompute.ObjectKind, error) {
	for _, k := range recompute.ObjectKinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("%w: %q", ErrBadKind, s)
}

// ParseKey returns the key s names: 0x and exactly 64 lowercase hex digits
// (ErrBadKey), the transport's only spelling.
func ParseKey(s string) (common.Hash, error) {
	if len(s) != 66 || !strings.HasPrefix(s, "0x") {
		return common.Hash{}, fmt.Errorf("%w: want 0x and 64 lowercase hex digits", ErrBadKey)
	}
	for _, c := range s[2:] {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return common.Hash{}, fmt.Errorf("%w: want 0x and 64 lowercase hex digits", ErrBadKey)
		}
	}
	return common.HexToHash(s), nil
}

// Store is a content-addressed object store in a directory, one file per
// kind and key, written atomically and never rewritten. Its methods are safe
// for concurrent use, also by several processes.
type Store struct {
	dir string
}

// NewStore returns the store in dir, creating dir and a folder per kind.
func NewStore(dir string) (*Store, error) {
	for _, k := range recompute.ObjectKinds {
		if err := os.MkdirAll(filepath.Join(dir, string(k)), 0o755); err != nil {
			return nil, fmt.Errorf("da store: %w", err)
		}
	}
	return &Store{dir: dir}, nil
}

// OpenStore returns the store in an existing directory, creating nothing
// (a read-only host): a kind without a folder holds no object.
func OpenStore(dir string) (*Store, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("da store: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("da store: %s is not a directory", dir)
	}
	return &Store{dir: dir}, nil
}

// Dir returns the store's directory.
func (s *Store) Dir() string { return s.dir }

// objectFile is where an object lives below dir (the store's and a directory
// source's layout).
func objectFile(dir string, kind recompute.ObjectKind, key common.Hash) string {
	return filepath.Join(dir, string(kind), key.Hex())
}

// Put stores data under kind and key. It verifies what the key alone allows:
// a manifest rebuilds its commitmentRoot, a row rebuilds its entriesRoot. An
// allocations object cannot be verified without its row: Put takes it as
// given (a whole number of words, within MaxAllocationsSize), and every
// reader verifies it against the row (recompute.VerifyAllocations). The same
// bytes again are a no-op; other bytes under the key are ErrConflict.
func (s *Store) Put(kind recompute.ObjectKind, key common.Hash, data []byte) error {
	if _, err := ParseKind(string(kind)); err != nil {
		return err
	}
	if err := verifyForStore(kind, key, data); err != nil {
		return fmt.Errorf("%w: %s %s: %w", ErrInvalid, kind, key.Hex(), err)
	}
	path := objectFile(s.dir, kind, key)
	if err := writeOnce(path, data); err != nil {
		return fmt.Errorf("da store: %s %s: %w", kind, key.Hex(), err)
	}
	return nil
}

// verifyForStore checks data against key as far as kind allows.
func verifyForStore(kind recompute.ObjectKind, key common.Hash, data []byte) error {
	if len(data) > MaxSize(kind) {
		return fmt.Errorf("%d bytes: %w", len(data), recompute.ErrTooLarge)
	}
	switch kind {
	case recompute.KindManifest:
		_, _, err := recompute.VerifyManifest(key, data)
		return err
	case recompute.KindRow:
		r, err := recompute.DecodeRow(data)
		if err != nil {
			return err
		}
		if got := recompute.EntriesRoot(r); got != key {
			return fmt.Errorf("%w (it gives %s)", recompute.ErrKeyMismatch, got.Hex())
		}
		return nil
	default:
		if len(data)%32 != 0 {
			return fmt.Errorf("%d bytes: %w: not a whole number of words", len(data), recompute.ErrEncoding)
		}
		return nil
	}
}

// writeOnce writes data to path atomically, never replacing a file: a
// temporary file in the same folder, synced, then linked to path (which
// fails if path exists) and the folder synced. An existing file with the
// same bytes is success; with other bytes, ErrConflict.
func writeOnce(path string, data []byte) error {
	if err := sameOrAbsent(path, data); err != nil {
		return ignoreExists(err)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return ignoreExists(sameOrAbsent(path, data)) // a concurrent writer won
		}
		return err
	}
	return syncDir(dir)
}

// sameOrAbsent is nil when path is absent, errExists when it holds data,
// ErrConflict when it holds other bytes.
func sameOrAbsent(path string, data []byte) error {
	old, err := readBounded(path, len(data))
	switch {
	case errors.Is(err, ErrNotFound):
		return nil
	case errors.Is(err, recompute.ErrTooLarge):
		return ErrConflict
	case err != nil:
		return err
	case bytes.Equal(old, data):
		return errExists
	default:
		return ErrConflict
	}
}

func ignoreExists(err error) error {
	if errors.Is(err, errExists) {
		return nil
	}
	return err
}

// errExists: the same bytes are already stored (Put succeeds).
var errExists = errors.New("exists")

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Get returns the object of kind under key (ErrNotFound), as stored: Put
// verified it, a reader that does not trust the disk verifies it again.
func (s *Store) Get(kind recompute.ObjectKind, key common.Hash) ([]byte, error) {
	if _, err := ParseKind(string(kind)); err != nil {
		return nil, err
	}
	return readBounded(objectFile(s.dir, kind, key), MaxSize(kind))
}

// readBounded reads at most limit bytes of path: ErrNotFound when absent,
// recompute.ErrTooLarge when longer.
func readBounded(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > limit {
		return nil, fmt.Errorf("over %d bytes: %w", limit, recompute.ErrTooLarge)
	}
	return data, nil
}
