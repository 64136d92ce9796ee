package index

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// Sentinel errors; test for them with errors.Is.
var (
	// ErrSchema: the store was written under another schema version (or
	// holds keys of no known schema).
	ErrSchema = errors.New("schema version mismatch")
	// ErrRange: a read's range or index is out of bounds (from > to, more
	// than 10,000 rounds at once, a negative operator index).
	ErrRange = errors.New("range out of bounds")
	// ErrOrder: Apply was given a block not after the checkpoint.
	ErrOrder = errors.New("block not after the checkpoint")
	// ErrRollbackTooDeep: a rollback would cross a block whose undo records
	// were pruned (older than UndoDepth).
	ErrRollbackTooDeep = errors.New("rollback deeper than the undo records")
	// ErrInconsistent: the store breaks one of its invariants (Check), or a
	// stored record does not decode.
	ErrInconsistent = errors.New("inconsistent store")
	// ErrNoSpace: a write was refused because the file system holding the
	// store has less free space than Options.MinFreeBytes. Nothing was
	// written; the write may be retried once there is room.
	ErrNoSpace = errors.New("not enough free disk space")
	// ErrReadOnly: a write to a store opened read-only.
	ErrReadOnly = errors.New("store opened read-only")
)

// defaultUndoDepth is the UndoDepth used when Options.UndoDepth is 0.
const defaultUndoDepth = 1024

// valueThreshold: on disk, values this large or larger (commitment and
// batch data) go to Badger's value log and the LSM tree keeps a pointer.
const valueThreshold = 32 << 10

// maxRange caps one Rounds or ProcessedBlocks call.
const maxRange = 10_000

// Options configure Open.
type Options struct {
	// Dir is the Badger directory; it is created if missing. Leave it empty
	// with InMemory.
	Dir string
	// InMemory keeps everything in memory (tests); nothing is written to disk.
	InMemory bool
	// Logger receives the store's and Badger's messages (Badger's at warning
	// level and above). nil discards them.
	Logger *slog.Logger
	// UndoDepth is how many recent blocks keep undo records, which bounds
	// Rollback; 0 means 1024.
	UndoDepth uint64
	// DeferSync leaves Apply's writes unsynced; the caller calls Sync where
	// it wants them durable against a power cut (the watcher: after each
	// range of blocks). A killed process still loses nothing Apply returned
	// for (the writes are in the operating system's hands); a power cut loses
	// at most what was applied since the last Sync, and the store reopens
	// consistent at an earlier checkpoint, since each block commits with its
	// checkpoint. It saves about 1 ms a block while back-filling.
	DeferSync bool
	// MinFreeBytes: on disk, every write is refused with ErrNoSpace while
	// the file system holding Dir has less free space (0: never checked).
	// Badger writes through memory maps, and a mapped write that finds the
	// disk full kills the process with SIGBUS: stopping well before keeps
	// the daemon alive, and it resumes by itself once space is freed.
	MinFreeBytes uint64
	// FreeSpace returns the free bytes of the file system holding dir (nil:
	// statfs); tests inject their own.
	FreeSpace func(dir string) (uint64, error)
	// ReadOnly opens an on-disk store for reading only (denomwatch check):
	// nothing is written, not even on a full disk. A store not closed
	// cleanly cannot be opened so (Badger must replay its log).
	ReadOnly bool
}

// Store is the watcher's persistent index on Badger. Reads may run
// concurrently with each other and with writes; writes (Apply, Rollback) are
// serialised.
type Store struct {
	db       *badger.DB
	log      *slog.Logger
	depth    uint64
	inMemory bool

	mu sync.Mutex // serialises writes; guards the fields below
	// Pruning resumes from these (every undo record below undoFloor and
	// every unflagged block hash below hashFloor is gone); 0 after Open.
	undoFloor uint64
	hashFloor uint64
	applied   uint64 // blocks applied since Open, for the value-log GC
	closed    bool
	dir       string
	released  time.Time // last releasePages
	written   int       // object bytes written since (PutObjects)
	readOnly  bool
	minFree   uint64
	freeSpace func(dir string) (uint64, error)
	noSpace   bool // the last room check failed (writes paused)
}

// badgerOptions sizes Badger for a small daemon rather than a server: 8 MB
// memtables x2 on disk (16 MB in memory), 16 MB block cache, 8 MB index
// cache, 2 compactors, 16 MB value-log files, metrics off. The write-ahead
// log and the value log are memory-mapped, so the pages written count in
// the resident set until a file is rotated: a one-hour soak with 16 MB
// memtables, 32 MB and 16 MB caches and 64 MB value-log files peaked at
// 177 MiB resident (64 MiB anonymous, the rest file-backed), and dropped by
// 64 MB when the value log rotated (README, "Resident memory").
//
// On disk, values of 32 KB or more (commitment and batch data) go to the
// value log and the LSM tree holds pointers: with them in the LSM tree
// (Badger's 1 MB default threshold) compaction's table builders held about
// 1 GB of Go heap after 10,000 blocks of 50 KB, against about 20 MB this
// way. In memory, Badger refuses values above the threshold, so the 1 MB
// default stays.
//
// Writes are synced (SyncWrites): Apply and Rollback return once the value
// log and the write-ahead log are on disk, so neither a killed process nor
// a power cut loses or tears a block that Apply returned for. It costs
// about 1 ms per block (BenchmarkApply).
func badgerOptions(opts Options, log *slog.Logger, sync bool) badger.Options {
	o := badger.DefaultOptions(opts.Dir)
	// On disk, data values live in the value log and a transaction holds
	// pointers: 8 MB memtables bound a transaction to about 1.2 MB of keys
	// and pointers, plenty for a block. In memory, values count in full:
	// 16 MB memtables, about 2.4 MB.
	memtable := int64(8 << 20)
	if opts.InMemory {
		memtable = 16 << 20
	} else {
		o = o.WithValueThreshold(valueThreshold)
	}
	return o.
		WithReadOnly(opts.ReadOnly && !opts.InMemory).
		WithInMemory(opts.InMemory).
		WithSyncWrites(sync && !opts.InMemory).
		WithMemTableSize(memtable).
		WithNumMemtables(2).
		WithBlockCacheSize(16 << 20).
		WithIndexCacheSize(8 << 20).
		WithNumCompactors(2).
		WithValueLogFileSize(16 << 20).
		WithMetricsEnabled(false).
		WithLogger(&badgerLogger{log: log.With("module", "badger"), min: slog.LevelWarn})
}

// Open opens (or creates) the store. A new store gets the schema version
// key; a store of another schema version is refused with ErrSchema. Only
// one process may have a directory open (Badger locks it).
func Open(opts Options) (*Store, error) {
	return open(opts, !opts.DeferSync)
}

// open is Open with the choice of synced writes (the benchmark compares).
func open(opts Options, sync bool) (*Store, error) {
	switch {
	case opts.InMemory && opts.Dir != "":
		return nil, errors.New("index: Dir must be empty with InMemory")
	case !opts.InMemory && opts.Dir == "":
		return nil, errors.New("index: Dir is required (or InMemory)")
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	depth := opts.UndoDepth
	if depth == 0 {
		depth = defaultUndoDepth
	}
	db, err := badger.Open(badgerOptions(opts, log, sync))
	if err != nil {
		return nil, fmt.Errorf("index: open badger at %q: %w", opts.Dir, err)
	}
	s := &Store{db: db, log: log.With("module", "index"), depth: depth, inMemory: opts.InMemory, dir: opts.Dir,
		readOnly: opts.ReadOnly && !opts.InMemory, minFree: opts.MinFreeBytes, freeSpace: opts.FreeSpace}
	if s.freeSpace == nil {
		s.freeSpace = statfsFree
	}
	schema := s.db.Update
	if s.readOnly {
		schema = s.db.View
	} else if err := s.room(); err != nil {
		return nil, errors.Join(fmt.Errorf("index: %w", err), db.Close())
	}
	if err := schema(checkSchema); err != nil {
		return nil, errors.Join(fmt.Errorf("index: %w", err), db.Close())
	}
	return s, nil
}

// checkSchema writes the schema key on an empty store and refuses a store
// whose schema key is another version or missing.
func checkSchema(txn *badger.Txn) error {
	item, err := txn.Get(keySchema)
	switch {
	case err == nil:
		v, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		if string(v) != schemaVersion {
			return fmt.Errorf("%w: the store has schema version %q, this program reads %q", ErrSchema, v, schemaVersion)
		}
		return nil
	case !errors.Is(err, badger.ErrKeyNotFound):
		return err
	}
	it := txn.NewIterator(badger.IteratorOptions{})
	defer it.Close()
	it.Rewind()
	if it.Valid() {
		return fmt.Errorf("%w: the store has no %s key but holds %s (another version?)", ErrSchema, keySchema, keyString(it.Item().KeyCopy(nil)))
	}
	return txn.Set(keySchema, []byte(schemaVersion))
}

// Sync makes every write so far durable (the value log and the write-ahead
// log on disk). With synced writes (the default) it has nothing to do. At
// most every releaseEvery, it also releases the pages of Badger's
// memory-mapped files from the resident set (releaseMappedPages).
func (s *Store) Sync() error {
	if err := s.db.Sync(); err != nil {
		return fmt.Errorf("index: sync: %w", err)
	}
	s.releasePages()
	return nil
}

// releaseEvery spaces the releases of mapped pages; releaseWritten bytes of
// objects written since the last release call for one at once (a round of
// 10^6 entries writes 96 MB of rows in a few seconds).
const (
	releaseEvery   = 30 * time.Second
	releaseWritten = 32 << 20
)

// releasePages releases the mapped pages of an on-disk store, at most every
// releaseEvery unless releaseWritten bytes of objects were written since;
// a failure is logged (it costs memory, not data).
func (s *Store) releasePages() {
	if s.inMemory || s.readOnly {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || time.Since(s.released) < releaseEvery && s.written < releaseWritten {
		return
	}
	s.released, s.written = time.Now(), 0
	if n, err := releaseMappedPages(s.dir); err != nil {
		s.log.Warn("releasing the store's mapped pages failed", "err", err)
	} else {
		s.log.Debug("released the store's mapped pages", "bytes", n)
	}
}

// wrote counts n bytes of objects written, and releases the mapped pages
// when that makes releaseWritten since the last release. The pages of
// writes not yet synced are released too: they stay dirty in the page
// cache (TestReleaseMappedPages).
func (s *Store) wrote(n int) {
	s.mu.Lock()
	s.written += n
	due := s.written >= releaseWritten
	s.mu.Unlock()
	if due {
		s.releasePages()
	}
}

// room checks, before a write (s.mu held, or during Open), that the store
// may write: not read-only, and at least MinFreeBytes free on disk. The
// first refusal of an episode is logged at error level, the first write
// allowed after it at info level.
func (s *Store) room() error {
	if s.readOnly {
		return ErrReadOnly
	}
	if s.inMemory || s.minFree == 0 {
		return nil
	}
	free, err := s.freeSpace(s.dir)
	if err != nil {
		// Not knowing is no reason to stop: the write may well succeed.
		s.log.Debug("free disk space unknown", "dir", s.dir, "err", err)
		return nil
	}
	if free < s.minFree {
		if !s.noSpace {
			s.log.Error("disk almost full: the index stops writing until space is freed", "dir", s.dir, "freeMB", free>>20, "minFreeMB", s.minFree>>20)
		}
		s.noSpace = true
		return fmt.Errorf("%w: %s has %d MB free, below the %d MB kept free; writing resumes once there is room", ErrNoSpace, s.dir, free>>20, s.minFree>>20)
	}
	if s.noSpace {
		s.log.Info("disk space is back: the index writes again", "dir", s.dir, "freeMB", free>>20)
	}
	s.noSpace = false
	return nil
}

// Space reports the free bytes of the file system holding the store (0 in
// memory) and whether writes are paused for want of it.
func (s *Store) Space() (free uint64, paused bool, err error) {
	if s.inMemory {
		return 0, false, nil
	}
	free, err = s.freeSpace(s.dir)
	s.mu.Lock()
	defer s.mu.Unlock()
	return free, s.noSpace, err
}

// Close closes the store; later calls return nil.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("index: close: %w", err)
	}
	return nil
}

// badgerLogger routes Badger's logger to slog, dropping messages below min.
type badgerLogger struct {
	log *slog.Logger
	min slog.Level
}

var _ badger.Logger = (*badgerLogger)(nil)

func (l *badgerLogger) logf(level slog.Level, format string, args ...any) {
	if level < l.min || !l.log.Enabled(context.Background(), level) {
		return
	}
	l.log.Log(context.Background(), level, strings.TrimSpace(fmt.Sprintf(format, args...)))
}

func (l *badgerLogger) Errorf(f string, a ...any)   { l.logf(slog.LevelError, f, a...) }
func (l *badgerLogger) Warningf(f string, a ...any) { l.logf(slog.LevelWarn, f, a...) }
func (l *badgerLogger) Infof(f string, a ...any)    { l.logf(slog.LevelInfo, f, a...) }
func (l *badgerLogger) Debugf(f string, a ...any)   { l.logf(slog.LevelDebug, f, a...) }

// UndoDepth returns how many recent blocks keep undo records: a record last
// changed deeper than that below the checkpoint no rollback can change.
func (s *Store) UndoDepth() uint64 { return s.depth }
