package watcher

import (
	"errors"
	"fmt"

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
// index allows; an object the round already references costs the index a
// key lookup. It is safe for concurrent use.
type IndexCache struct {
	store ObjectStore
	mem   *MemoryCache
}

// ObjectStore is what an IndexCache reads and writes (*index.Store).
type ObjectStore interface {
	PutObjects(round uint64, objs ...index.ObjectPut) error
	Object(kind recompute.ObjectKind, key common.Hash) ([]byte, index.Provenance, error)
}

// NewIndexCache returns a cache over store with a MemoryCache of memBytes
// in front (0: DefaultCacheBytes).
func NewIndexCache(store ObjectStore, memBytes int) *IndexCache {
	if memBytes <= 0 {
		memBytes = DefaultCacheBytes
	}
	return &IndexCache{store: store, mem: NewMemoryCache(memBytes)}
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

// Put implements ObjectCache: the objects are stored in the index for
// round (those it already references for round are left as they are), then
// kept in memory. An object in memory whose round the jobs released is
// thus stored again when a round uses it again.
func (c *IndexCache) Put(round uint64, objs ...CachedObject) error {
	puts := make([]index.ObjectPut, len(objs))
	for i, o := range objs {
		puts[i] = index.ObjectPut{Kind: o.Kind, Key: o.Key, Data: o.Data, Prov: o.Prov}
	}
	if err := c.store.PutObjects(round, puts...); err != nil {
		return fmt.Errorf("index cache: %w", err)
	}
	return c.mem.Put(round, objs...)
}
