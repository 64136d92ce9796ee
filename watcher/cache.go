package watcher

import (
	"container/list"
	"context"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/recompute"
)

// ObjectCache holds data-availability objects by kind and key, each
// verified against its key before it was put (section 9's objects, and
// KindManifestPart), so that a round judged again is not fetched again and
// an object revealed on chain is judged like a fetched one. Values are
// shared, never changed. MemoryCache is the bounded in-memory one; the
// index will keep them on disk behind the same interface.
type ObjectCache interface {
	Get(kind recompute.ObjectKind, key common.Hash) ([]byte, bool, error)
	Put(kind recompute.ObjectKind, key common.Hash, data []byte) error
}

// DA is the verifying data-availability client the watcher fetches from
// (*da.Client): every object it returns verified against its key (and the
// header or row it belongs to); its errors wrap da.ErrNotFound,
// da.ErrUnavailable or da.ErrInvalid, or the context's.
type DA interface {
	Manifest(ctx context.Context, commitmentRoot common.Hash) (*recompute.Manifest, []byte, error)
	Row(ctx context.Context, hd *recompute.Header) (recompute.Row, []byte, error)
	Allocations(ctx context.Context, key common.Hash, provider common.Address, row recompute.Row) ([]uint256.Int, []byte, error)
}

// Objects are where a watcher gets round objects: the DA client and the
// cache (nil: a MemoryCache of DefaultCacheBytes).
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
	k    cacheKey
	data []byte
}

// NewMemoryCache returns an empty cache of at most maxBytes.
func NewMemoryCache(maxBytes int) *MemoryCache {
	return &MemoryCache{max: maxBytes, order: list.New(), items: map[cacheKey]*list.Element{}}
}

// Get implements ObjectCache.
func (c *MemoryCache) Get(kind recompute.ObjectKind, key common.Hash) ([]byte, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[cacheKey{kind, key}]
	if !ok {
		return nil, false, nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*cacheEntry).data, true, nil
}

// Put implements ObjectCache. An object larger than the whole cache is not
// kept.
func (c *MemoryCache) Put(kind recompute.ObjectKind, key common.Hash, data []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := cacheKey{kind, key}
	if e, ok := c.items[k]; ok {
		c.order.MoveToFront(e)
		return nil
	}
	if len(data) > c.max {
		return nil
	}
	c.items[k] = c.order.PushFront(&cacheEntry{k: k, data: data})
	c.size += len(data)
	for c.size > c.max {
		last := c.order.Back()
		ce := last.Value.(*cacheEntry)
		c.order.Remove(last)
		delete(c.items, ce.k)
		c.size -= len(ce.data)
	}
	return nil
}

// Size returns the bytes held and the number of objects.
func (c *MemoryCache) Size() (bytes, objects int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size, len(c.items)
}
