package watcher

import (
	"errors"
	"fmt"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/recompute"
)

// IndexCache is the ObjectCache a watcher runs with an index: every object
// put is stored in the index (index.Store.PutObjects) with its provenance
// and the round that references it, so that a round's objects outlive
// every source until the jobs release the round (index.Store.PruneObjects,
// once it is final and past retention) and survive a restart. Get reads a
// bounded MemoryCache first, then the index.
//
// It lives in package watcher, beside the interface it implements: the
// index stores objects and knows nothing of the watcher (index imports no
// internal package but recompute and judge), and the watcher already
// depends on the index.
//
// A round's objects are written in one Put, in as few transactions as the
// index allows; a reference already written (known in memory, up to
// maxKnownRefs of them) is not written again. It is safe for concurrent
// use.
type IndexCache struct {
	store ObjectStore
	mem   *MemoryCache

	mu    sync.Mutex
	known map[objectRef]struct{}
}

// ObjectStore is what an IndexCache reads and writes (*index.Store).
type ObjectStore interface {
	PutObjects(round uint64, objs ...index.ObjectPut) error
	Object(kind recompute.ObjectKind, key common.Hash) ([]byte, index.Provenance, error)
}

// objectRef is a round's reference to an object.
type objectRef struct {
	kind  recompute.ObjectKind
	key   common.Hash
	round uint64
}

// maxKnownRefs bounds the references an IndexCache remembers having
// written (about 100 bytes each); past it they are forgotten, which costs
// only a write that changes nothing.
const maxKnownRefs = 100_000

// NewIndexCache returns a cache over store with a MemoryCache of memBytes
// in front (0: DefaultCacheBytes).
func NewIndexCache(store ObjectStore, memBytes int) *IndexCache {
	if memBytes <= 0 {
		memBytes = DefaultCacheBytes
	}
	return &IndexCache{store: store, mem: NewMemoryCache(memBytes), known: map[objectRef]struct{}{}}
}

// Get implements ObjectCache: the memory first, then the index (an object
// read from the index is kept in memory).
func (c *IndexCache) Get(kind recompute.ObjectKind, key common.Hash) (CachedObject, bool, error) {
	if o, ok, _ := c.mem.Get(kind, key); ok {
		return o, true, nil
	}
	data, prov, err := c.store.Object(kind, key)
	if errors.Is(err, index.ErrObjectNotFound) {
		return CachedObject{}, false, nil
	}
	if err != nil {
		return CachedObject{}, false, fmt.Errorf("index cache: %w", err)
	}
	o := CachedObject{Kind: kind, Key: key, Data: data, Prov: prov}
	_ = c.mem.Put(0, o) // never fails
	return o, true, nil
}

// Put implements ObjectCache: the objects whose reference by round is not
// known to be written are stored in the index, then kept in memory.
func (c *IndexCache) Put(round uint64, objs ...CachedObject) error {
	c.mu.Lock()
	puts := make([]index.ObjectPut, 0, len(objs))
	for _, o := range objs {
		if _, ok := c.known[objectRef{o.Kind, o.Key, round}]; !ok {
			puts = append(puts, index.ObjectPut{Kind: o.Kind, Key: o.Key, Data: o.Data, Prov: o.Prov})
		}
	}
	c.mu.Unlock()
	if len(puts) > 0 {
		if err := c.store.PutObjects(round, puts...); err != nil {
			return fmt.Errorf("index cache: %w", err)
		}
	}
	c.mu.Lock()
	if len(c.known)+len(puts) > maxKnownRefs {
		clear(c.known)
	}
	for _, p := range puts {
		c.known[objectRef{p.Kind, p.Key, round}] = struct{}{}
	}
	c.mu.Unlock()
	return c.mem.Put(round, objs...)
}
