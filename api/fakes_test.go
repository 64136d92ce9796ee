package api_test

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/recompute"
)

var errDisk = errors.New("disk on fire")

// fakeStore is a Reader over maps. fail names the methods that fail with
// errDisk; panics names those that panic.
type fakeStore struct {
	mu          sync.Mutex
	checkpoint  *index.Checkpoint
	rounds      map[uint64]index.Round
	commitments map[uint64][]byte
	batches     map[common.Hash][]byte
	objects     map[objectKey][]byte
	fail        map[string]bool
	panics      map[string]bool
}

func newFakeStore() *fakeStore {
	return &fakeStore{
		rounds:      make(map[uint64]index.Round),
		commitments: make(map[uint64][]byte),
		batches:     make(map[common.Hash][]byte),
		objects:     make(map[objectKey][]byte),
		fail:        make(map[string]bool),
		panics:      make(map[string]bool),
	}
}

func (s *fakeStore) check(method string) error {
	if s.panics[method] {
		panic("fake store: " + method)
	}
	if s.fail[method] {
		return errDisk
	}
	return nil
}

// put stores a test round: its record and its objects.
func (s *fakeStore) put(tr *testRound) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rounds[tr.n] = tr.record
	for k, b := range tr.objects {
		s.objects[k] = b
	}
}

// drop deletes an object.
func (s *fakeStore) drop(kind recompute.ObjectKind, key common.Hash) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.objects, objectKey{kind, key})
}

func (s *fakeStore) Checkpoint() (index.Checkpoint, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("Checkpoint"); err != nil || s.checkpoint == nil {
		return index.Checkpoint{}, false, err
	}
	return *s.checkpoint, true, nil
}

func (s *fakeStore) Round(n uint64) (index.Round, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("Round"); err != nil {
		return index.Round{}, false, err
	}
	r, ok := s.rounds[n]
	return r, ok, nil
}

func (s *fakeStore) Rounds(from, to uint64) ([]index.Round, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("Rounds"); err != nil {
		return nil, err
	}
	var out []index.Round
	for n, r := range s.rounds {
		if n >= from && n <= to {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Round < out[j].Round })
	return out, nil
}

func (s *fakeStore) LatestRound() (uint64, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("LatestRound"); err != nil {
		return 0, false, err
	}
	var latest uint64
	for n := range s.rounds {
		latest = max(latest, n)
	}
	return latest, len(s.rounds) > 0, nil
}

func (s *fakeStore) CommitmentData(round uint64) ([]byte, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("CommitmentData"); err != nil {
		return nil, false, err
	}
	d, ok := s.commitments[round]
	return d, ok, nil
}

func (s *fakeStore) BatchData(tx common.Hash) ([]byte, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("BatchData"); err != nil {
		return nil, false, err
	}
	d, ok := s.batches[tx]
	return d, ok, nil
}

// Object returns an object put; the object endpoint's tests use a real
// index.
func (s *fakeStore) Object(kind recompute.ObjectKind, key common.Hash) ([]byte, index.Provenance, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check("Object"); err != nil {
		return nil, index.Provenance{}, err
	}
	if b, ok := s.objects[objectKey{kind, key}]; ok {
		return b, index.FromSource("https://da.example", time.Unix(0, 0)), nil
	}
	return nil, index.Provenance{}, fmt.Errorf("%s %s: %w", kind, key.Hex(), index.ErrObjectNotFound)
}

// fakeStatus is the watcher's position, set by the test.
type fakeStatus struct{ head, processed atomic.Uint64 }

func newFakeStatus(head, processed uint64) *fakeStatus {
	s := &fakeStatus{}
	s.head.Store(head)
	s.processed.Store(processed)
	return s
}

func (s *fakeStatus) Head() uint64      { return s.head.Load() }
func (s *fakeStatus) Processed() uint64 { return s.processed.Load() }
