package watcher

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/sync/errgroup"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// fetchConcurrency bounds the rows of a round fetched at once.
const fetchConcurrency = 8

// objectSource gathers a round's verified objects into judge.Holdings: from
// the cache, from the DA client when a fetch is due, and from the reveals
// the round's record lists. The holdings of the last few rounds judged are
// kept, so that judging a round again does not verify its objects again.
// Every object a gathering obtains for a round (found in the cache,
// fetched, or read again from a reveal's log) is put in the cache for that
// round at the end of the gathering, all at once.
type objectSource struct {
	da     DA
	cache  ObjectCache
	log    *slog.Logger
	now    func() time.Time
	keep   int
	reread func(ctx context.Context, round uint64, rv index.Reveal) ([]byte, error)
	held   []*heldRound // most recently used last
}

// heldRound is the holdings of a round for one commitment, the reveals
// applied to them, and the objects obtained for the round and not yet put
// in the cache.
type heldRound struct {
	round   uint64
	c       judge.Commitment
	h       *judge.Holdings
	applied map[logID]bool

	mu      sync.Mutex // guards pending (rows are fetched concurrently)
	pending []CachedObject
}

// obtained notes an object obtained for the round, to put in the cache.
func (hr *heldRound) obtained(o CachedObject) {
	hr.mu.Lock()
	defer hr.mu.Unlock()
	hr.pending = append(hr.pending, o)
}

// flush puts the objects obtained for the round in the cache. When the
// cache fails they stay pending, for the next gathering of the round to
// put again (the holdings have them: nothing else would).
func (s *objectSource) flush(hr *heldRound) error {
	hr.mu.Lock()
	objs := hr.pending
	hr.pending = nil
	hr.mu.Unlock()
	if len(objs) == 0 {
		return nil
	}
	if err := s.cache.Put(hr.round, objs...); err != nil {
		hr.mu.Lock()
		hr.pending = append(objs, hr.pending...)
		hr.mu.Unlock()
		return fmt.Errorf("object cache: %w", err)
	}
	return nil
}

// served is an object a DA source served now.
func (s *objectSource) served(kind recompute.ObjectKind, key common.Hash, data []byte, source string) CachedObject {
	return CachedObject{Kind: kind, Key: key, Data: exact(data), Prov: index.FromSource(source, s.now())}
}

// logID names a log by its block's hash and its index in the block.
type logID struct {
	block common.Hash
	log   uint
}

func newObjectSource(objs Objects, cfg *Config) (*objectSource, error) {
	if objs.DA == nil {
		return nil, errors.New("watcher: no data-availability client")
	}
	cache := objs.Cache
	if cache == nil {
		cache = NewMemoryCache(DefaultCacheBytes)
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	return &objectSource{da: objs.DA, cache: cache, log: cfg.Log, now: now, keep: cfg.HeldRounds}, nil
}

// forgetHeld drops the holdings kept (after a rollback: they may hold
// objects revealed in orphaned blocks).
func (s *objectSource) forgetHeld() { s.held = nil }

// heldFor returns the holdings of round n with commitment c, new ones when
// none are kept; an impossible commitment is ErrImpossible.
func (s *objectSource) heldFor(n uint64, c judge.Commitment) (*heldRound, error) {
	for i, hr := range s.held {
		if hr.round == n && hr.c == c {
			s.held = append(slices.Delete(s.held, i, i+1), hr)
			return hr, nil
		}
	}
	h, err := judge.NewHoldings(n, c)
	if err != nil {
		return nil, err
	}
	s.held = slices.DeleteFunc(s.held, func(hr *heldRound) bool { return hr.round == n })
	if len(s.held) >= s.keep {
		s.held = slices.Delete(s.held, 0, len(s.held)-s.keep+1)
	}
	hr := &heldRound{round: n, c: c, h: h, applied: map[logID]bool{}}
	s.held = append(s.held, hr)
	return hr, nil
}

// hold returns round r's holdings for commitment c with everything the
// cache and the reveals give, and, when fetch, what the DA client gives.
// An object no source gives is simply not held (the verdict lists it); the
// error is for the cache failing, ctx ending, or facts no honest chain
// produces (judge.ErrImpossible). What was obtained is put in the cache
// even then: it verified.
func (s *objectSource) hold(ctx context.Context, r *index.Round, c judge.Commitment, fetch bool) (*heldRound, error) {
	hr, err := s.heldFor(r.Round, c)
	if err != nil {
		return nil, err
	}
	err = s.gather(ctx, hr, r, fetch)
	if ferr := s.flush(hr); ferr != nil {
		err = errors.Join(err, ferr)
	}
	if err != nil {
		return nil, err
	}
	return hr, nil
}

// gather adds to hr the manifest, the reveals and the rows.
func (s *objectSource) gather(ctx context.Context, hr *heldRound, r *index.Round, fetch bool) error {
	if err := s.manifest(ctx, hr, fetch); err != nil {
		return err
	}
	if err := s.reveals(ctx, hr, r); err != nil {
		return err
	}
	return s.rows(ctx, hr, fetch)
}

// missed turns a failed fetch into nothing (the object is missing) unless
// ctx ended.
func (s *objectSource) missed(ctx context.Context, what string, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	s.log.Debug("object not obtained", "object", what, "err", err)
	return nil
}

// exact returns b in a slice of its own length when its capacity is much
// larger (io.ReadAll grows its buffer by a quarter at a time): a kept
// object costs what the cache counts.
func exact(b []byte) []byte {
	if cap(b)-len(b) > len(b)/16 {
		return bytes.Clone(b)
	}
	return b
}

// added reports an object that the holdings refused: a lie of the chain
// (judge.ErrImpossible) is returned; anything else is logged (a cached
// object that no longer fits, which nothing should produce).
func (s *objectSource) added(what string, err error) error {
	if err == nil || errors.Is(err, judge.ErrImpossible) {
		return err
	}
	s.log.Warn("a verified object was refused by the round's holdings", "object", what, "err", err)
	return nil
}

func (s *objectSource) manifest(ctx context.Context, hr *heldRound, fetch bool) error {
	if m, _ := hr.h.Manifest(); m != nil {
		return nil
	}
	o, ok, err := s.cache.Get(recompute.KindManifest, hr.c.Root)
	if err != nil {
		return fmt.Errorf("object cache: %w", err)
	}
	if !ok {
		if !fetch {
			return nil
		}
		_, data, source, err := s.da.Manifest(ctx, hr.c.Root)
		if err != nil {
			return s.missed(ctx, "manifest "+hr.c.Root.Hex(), err)
		}
		o = s.served(recompute.KindManifest, hr.c.Root, data, source)
	}
	hr.obtained(o)
	return s.added("manifest", hr.h.AddManifest(o.Data))
}

// reveals applies the round's reveals not yet applied: their objects from
// the cache, or read again from their logs.
func (s *objectSource) reveals(ctx context.Context, hr *heldRound, r *index.Round) error {
	for _, rv := range r.Reveals {
		id := logID{rv.BlockHash, rv.LogIndex}
		if hr.applied[id] {
			continue
		}
		o, ok, err := s.revealed(ctx, r.Round, rv)
		if err != nil || !ok {
			return err
		}
		if o.Key != (common.Hash{}) { // a row revealed for a header with no row has no object
			hr.obtained(o)
		}
		if err := s.applyReveal(hr, rv, o.Data); err != nil {
			return err
		}
		hr.applied[id] = true
	}
	return nil
}

// revealed returns a reveal's object: from the cache, else from its log
// (provenance the chain).
func (s *objectSource) revealed(ctx context.Context, round uint64, rv index.Reveal) (CachedObject, bool, error) {
	kind := recompute.KindRow
	if rv.Kind == kindManifestPart {
		kind = KindManifestPart
	}
	o, ok, err := s.cache.Get(kind, rv.Key)
	if err != nil || ok {
		return o, ok, err
	}
	if s.reread == nil {
		return CachedObject{}, false, nil
	}
	data, err := s.reread(ctx, round, rv)
	if err != nil {
		if ctx.Err() != nil {
			return CachedObject{}, false, ctx.Err()
		}
		s.log.Warn("a revealed object could not be read again from its log", "round", round, "kind", rv.Kind, "index", rv.Index, "block", rv.Block, "err", err)
		return CachedObject{}, false, nil
	}
	return CachedObject{Kind: kind, Key: rv.Key, Data: data, Prov: index.FromChain(rv.Block, rv.TxHash, s.now())}, true, nil
}

// applyReveal gives a revealed row or manifest part to the holdings, which
// check it as the contract did.
func (s *objectSource) applyReveal(hr *heldRound, rv index.Reveal, data []byte) error {
	if rv.Kind == kindManifestPart {
		m, err := recompute.DecodeManifest(data)
		if err != nil {
			return fmt.Errorf("%w: %w: manifest part %d: %w", judge.ErrImpossible, judge.ErrReveal, rv.Index, err)
		}
		return hr.h.ManifestRevealed(int(rv.Index), m.Headers)
	}
	hd, ok := headerOfRecord(rv.Header)
	row, err := recompute.DecodeRow(data)
	if !ok || err != nil {
		return fmt.Errorf("%w: %w: row %d: its header or entries do not decode (%v)", judge.ErrImpossible, judge.ErrReveal, rv.Index, err)
	}
	return hr.h.RowRevealed(int(rv.Index), hd, row.Entries())
}

// rows adds the rows not yet held: from the cache, then, when fetch, from
// the DA client (at most fetchConcurrency at once). Headers naming one key
// share its object.
func (s *objectSource) rows(ctx context.Context, hr *heldRound, fetch bool) error {
	m, _ := hr.h.Manifest()
	if m == nil {
		return nil
	}
	var want []int
	seen := map[common.Hash]bool{}
	for p := range m.Headers {
		hd := &m.Headers[p]
		if hr.h.HasRow(p) || !hd.NeedsRow() || seen[hd.EntriesRoot] {
			continue
		}
		seen[hd.EntriesRoot] = true
		o, ok, err := s.cache.Get(recompute.KindRow, hd.EntriesRoot)
		if err != nil {
			return fmt.Errorf("object cache: %w", err)
		}
		if !ok {
			want = append(want, p)
			continue
		}
		hr.obtained(o)
		if _, err := hr.h.AddRow(hd.EntriesRoot, o.Data); err != nil {
			if err := s.added(fmt.Sprintf("row %d", p), err); err != nil {
				return err
			}
		}
	}
	if !fetch || len(want) == 0 {
		return nil
	}
	return s.fetchRows(ctx, hr, m, want)
}

// fetchRows fetches the rows of providers ps concurrently and adds each as
// it comes (under a lock: the holdings are not safe for concurrent use),
// verified once, by the client.
func (s *objectSource) fetchRows(ctx context.Context, hr *heldRound, m *recompute.Manifest, ps []int) error {
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(fetchConcurrency)
	for _, p := range ps {
		g.Go(func() error {
			key := m.Headers[p].EntriesRoot
			_, data, source, err := s.da.Row(gctx, &m.Headers[p])
			if err != nil {
				return s.missed(gctx, fmt.Sprintf("row %d (%s)", p, key.Hex()), err)
			}
			o := s.served(recompute.KindRow, key, data, source)
			hr.obtained(o)
			// The client verified the row against its header: the holdings
			// take it without hashing it again (decoding the kept copy
			// costs no hash).
			row, err := recompute.DecodeRow(o.Data)
			if err != nil {
				return s.added(fmt.Sprintf("row %d", p), err)
			}
			mu.Lock()
			defer mu.Unlock()
			if _, err := hr.h.AddVerifiedRow(key, row); err != nil {
				return s.added(fmt.Sprintf("row %d", p), err)
			}
			return nil
		})
	}
	return g.Wait()
}

// allocations adds the batch's allocations object of provider p (key the
// providerAllocRoot it claims), from the cache or, when fetch, the DA
// client. Row p must be held (res.Rows[p]). The object is put in the cache
// for the round.
func (s *objectSource) allocations(ctx context.Context, hr *heldRound, res *recompute.Result, p int, key common.Hash, fetch bool) error {
	o, ok, err := s.cache.Get(recompute.KindAllocations, key)
	if err != nil {
		return fmt.Errorf("object cache: %w", err)
	}
	if !ok {
		if !fetch {
			return nil
		}
		_, data, source, err := s.da.Allocations(ctx, key, res.Manifest.Headers[p].Provider, res.Rows[p])
		if err != nil {
			return s.missed(ctx, fmt.Sprintf("allocations of provider %d (%s)", p, key.Hex()), err)
		}
		o = s.served(recompute.KindAllocations, key, data, source)
	}
	hr.obtained(o)
	if err := s.flush(hr); err != nil {
		return err
	}
	return s.added(fmt.Sprintf("allocations %d", p), hr.h.AddAllocations(p, key, o.Data))
}
