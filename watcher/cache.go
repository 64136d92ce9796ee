package watcher

import (
	"container/list"
	"context"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/recompute"
)

// ObjectCache holds data-availability objects by kind and key, each
// verified against its key before it was put (section 9's objects, and
// KindManifestPart), with how the watcher obtained it, so that a round
// judged again is not fetched again, an object revealed on chain is judged
// like a fetched one, and a proof can be built once every source is gone.
// Values are shared, never changed.
//
// Put records that round references objs (those fetched, re-encoded from a
// reveal, or found in the cache for it), all at once: the watcher puts a
// round's objects together, once it has gathered them, so that a cache on
// disk writes them in one transaction. An object already held keeps its
// first provenance. MemoryCache is the bounded in-memory one (it ignores
// the round); IndexCache keeps them in the index, with MemoryCache in
// front.
type ObjectCache interface {
	Get(kind recompute.ObjectKind, key common.Hash) (CachedObject, bool, error)
	Put(round uint64, objs ...CachedObject) error
}

// CachedObject is an object of the cache: its kind, key, bytes and
// provenance (index.FromSource with the da client's name of the source
// that served it, or index.FromChain for a reveal).
type CachedObject struct {
	Kind recompute.ObjectKind
	Key  common.Hash
	Data []byte
	Prov index.Provenance
}

// DA is the verifying data-availability client the watcher fetches from
// (*da.Client): every object it returns verified against its key (and the
// header or row it belongs to), with the name of the source that served
// it; its errors wrap da.ErrNotFound, da.ErrUnavailable or da.ErrInvalid,
// or the context's.
type DA interface {
	Manifest(ctx context.Context, commitmentRoot common.Hash) (*recompute.Manifest, []byte, string, error)
	Row(ctx context.Context, hd *recompute.Header) (recompute.Row, []byte, string, error)
	Allocations(ctx context.Context, key common.Hash, provider common.Address, row recompute.Row) ([]uint256.Int, []byte, string, error)
}

// Objects are where a watcher gets round objects: the DA client and the
// cache (nil: for New over a store that keeps objects (ObjectStore, as
// *index.Store does), an IndexCache over it; otherwise, and for Rejudge, a
// MemoryCache of DefaultCacheBytes).
type Objects struct {
	DA    DA
	Cache ObjectCache
}

// DefaultCacheBytes bounds the default MemoryCache: two and a half rounds
// of the design's size (100 providers x 1000 recipients, 9.6 MB of
// objects), the rounds in flight while following the chain, so that a
// watcher following such rounds stays well within 150 MB resident.
const DefaultCacheBytes = 24 << 20

// MemoryCache is an ObjectCache in memory holding at most a number of
// bytes, the least recently used objects going first. It is safe for
// concurrent use.
type MemoryCache struct {
	mu    sync.Mutex
	max   int
	size  int
	order *list.List // of *cacheEntry, most recent at the front
	items map[cacheKey]*list.Element
}

type cacheKey struct {
	kind recompute.ObjectKind
	key  common.Hash
}

type cacheEntry struct {
	k   cacheKey
	obj CachedObject
}

// NewMemoryCache returns an empty cache of at most maxBytes.
func NewMemoryCache(maxBytes int) *MemoryCache {
	return &MemoryCache{max: maxBytes, order: list.New(), items: map[cacheKey]*list.Element{}}
}

// Get implements ObjectCache.
func (c *MemoryCache) Get(kind recompute.ObjectKind, key common.Hash) (CachedObject, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[cacheKey{kind, key}]
	if !ok {
		return CachedObject{}, false, nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*cacheEntry).obj, true, nil
}

// Put implements ObjectCache; the round is not kept. An object larger than
// the whole cache is not kept.
func (c *MemoryCache) Put(_ uint64, objs ...CachedObject) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, o := range objs {
		c.put(o)
	}
	return nil
}

func (c *MemoryCache) put(o CachedObject) {
	k := cacheKey{o.Kind, o.Key}
	if e, ok := c.items[k]; ok {
		c.order.MoveToFront(e)
		return
	}
	if len(o.Data) > c.max {
		return
	}
	c.items[k] = c.order.PushFront(&cacheEntry{k: k, obj: o})
	c.size += len(o.Data)
	for c.size > c.max {
		last := c.order.Back()
		ce := last.Value.(*cacheEntry)
		c.order.Remove(last)
		delete(c.items, ce.k)
		c.size -= len(ce.obj.Data)
	}
}

// Size returns the bytes held and the number of objects.
func (c *MemoryCache) Size() (bytes, objects int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size, len(c.items)
}
