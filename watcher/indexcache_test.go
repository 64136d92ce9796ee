package watcher

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// badRound is a well-formed round of 4 providers x 3 entries whose live
// batch claims a wrong amount at provider 2, entry 1, with its objects (the
// manifest, the rows and the wrong allocations object of provider 2).
type badRound struct {
	rec     index.Round
	objects []recompute.Object
	claimed []common.Hash
}

const badRoundN = 5

func newBadRound(t *testing.T) *badRound { return newBadRoundN(t, badRoundN) }

// newBadRoundN is round n of the same rows.
func newBadRoundN(t *testing.T, n uint64) *badRound {
	t.Helper()
	rows := make([]recompute.ProviderRow, 4)
	for p := range rows {
		rows[p].Provider = common.BigToAddress(u(uint64(2000 + p)))
		rows[p].Capacity.SetUint64(1_000_000)
		es := make([]recompute.Entry, 3)
		for j := range es {
			es[j].Recipient = common.BigToAddress(u(uint64(100 + 10*p + j)))
			es[j].MR.SetUint64(uint64(j + 1))
			es[j].Residual.SetUint64(uint64(7 + p))
		}
		rows[p].Row = recompute.NewRow(es)
	}
	rd := recompute.NewRound(uint256.NewInt(n), rows)
	res, viol := recompute.EvaluateRoundFile(recompute.EncodeRoundFile(rd), uint256.NewInt(n), recompute.Options{})
	if viol != nil {
		t.Fatalf("not well formed: %v", viol)
	}
	amounts := res.RowAmounts(2)
	wrong := make([]uint256.Int, len(amounts))
	copy(wrong, amounts)
	wrong[1].AddUint64(&wrong[1], 1)
	claimed := append([]common.Hash(nil), res.ProviderAllocRoots...)
	claimed[2] = recompute.ProviderAllocRoot(rows[2].Provider, rows[2].Row, wrong)
	objects := append(rd.Objects(), recompute.Object{Kind: recompute.KindAllocations, Key: claimed[2], Data: recompute.EncodeAllocations(wrong)})

	providersRoot, P, commitment := rd.Manifest.CommitArgs()
	tree := recompute.NewTree(claimed).Root()
	attempt := uint64(0)
	rec := index.Round{Round: n, Protocol: index.ProtocolV2, CommitmentRoot: commitment, ProvidersRoot: providersRoot,
		ProviderCount: P, EntryCount: int(rd.Manifest.E.Uint64()), CommitBlock: 10, UpdatedBlock: 12, Signers: []index.Signer{}, DeadlineBlock: 1000,
		Batches: []index.Batch{{Attempt: &attempt, AllocationRoot: recompute.AllocationRoot(commitment, tree), AllocTreeRoot: tree,
			ProviderAllocRoots: claimed, SignerBitmap: "0x7", Status: index.BatchLive, DeadlineBlock: 1000, Block: 12, Signers: []index.Signer{}}}}
	return &badRound{rec: rec, objects: objects, claimed: claimed}
}

// serveDA runs a real da.Server over a store of objs on the loopback; stop
// stops it and deletes the store's directory.
func serveDA(t *testing.T, objs []recompute.Object) (url string, stop func()) {
	t.Helper()
	dir := t.TempDir()
	store, err := da.NewStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range objs {
		if err := store.Put(o.Kind, o.Key, o.Data); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := da.Listen(da.ServerConfig{Addr: "127.0.0.1:0", Store: store, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
		if err := os.RemoveAll(dir); err != nil {
			t.Error(err)
		}
	}
	t.Cleanup(stop)
	return "http://" + srv.Addr().String(), stop
}

// newDAClient is a da client of sources whose idle connections are closed
// by hangUp and at the test's end (before the servers' cleanups stop them:
// a server's shutdown waits for connections opened but never used).
func newDAClient(t *testing.T, sources ...string) (client *da.Client, hangUp func()) {
	t.Helper()
	tr := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(tr.CloseIdleConnections)
	client, err := da.NewClient(da.Options{Sources: sources, Timeout: 2 * time.Second, Logger: slog.New(slog.DiscardHandler), HTTPClient: &http.Client{Transport: tr}})
	if err != nil {
		t.Fatal(err)
	}
	return client, tr.CloseIdleConnections
}

// proofOf judges the round again as a challenger does and returns the
// verdict and the bad-allocation proof's calldata.
func proofOf(t *testing.T, b *badRound, objs Objects) (judge.Verdict, []byte) {
	t.Helper()
	v, res, err := Rejudge(context.Background(), &b.rec, objs, nil, common.Address{1}, recompute.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v.Status != judge.StatusFraud || v.Rule != judge.RuleBadAllocation || res == nil {
		return v, nil
	}
	ba, err := contracts.NewBadAllocation(res, *v.Provider, b.claimed)
	if err != nil {
		t.Fatal(err)
	}
	return v, ba.Calldata()
}

// TestObjectsOutliveSources: a round fetched through a real da.Server over
// HTTP (the first source answering 404 to everything) is stored in the
// index with the second source named as its provenance; once the server is
// stopped, its directory deleted, the memory cache dropped and the index
// closed and opened again, judging the round again from the index alone
// gives the same verdict and the same proof, which a memory cache alone
// cannot.
func TestObjectsOutliveSources(t *testing.T) {
	b := newBadRound(t)
	good, stop := serveDA(t, b.objects)
	absent := httptest.NewServer(http.NotFoundHandler())
	defer absent.Close()
	client, hangUp := newDAClient(t, absent.URL, good)
	dir := t.TempDir()
	store := openStore(t, dir)
	// The watcher's way: the first wrong entry named with the batch's
	// allocations object, which is stored too.
	want, _, err := rejudge(context.Background(), &b.rec, Objects{DA: client, Cache: NewIndexCache(store, 0)}, nil, common.Address{1}, recompute.Options{}, true)
	if err != nil || want.BadAllocation == nil || want.BadAllocation.FirstWrongEntry == nil || *want.Provider != 2 {
		t.Fatalf("first judgement: %+v %v", want, err)
	}
	_, wantProof := proofOf(t, b, Objects{DA: client, Cache: NewIndexCache(store, 0)})
	if wantProof == nil {
		t.Fatal("no proof from the sources")
	}
	checkServed(t, store, b, client.SourceNames()[1])

	hangUp()
	stop()
	absent.Close()
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	store = openStore(t, dir) // a restart: nothing in memory
	if _, proof := proofOf(t, b, Objects{DA: client, Cache: NewMemoryCache(DefaultCacheBytes)}); proof != nil {
		t.Fatal("a proof without the index: the sources are not gone")
	}
	cache := NewIndexCache(store, 0)
	got, _, err := rejudge(context.Background(), &b.rec, Objects{DA: client, Cache: cache}, nil, common.Address{1}, recompute.Options{}, true)
	if err != nil {
		t.Fatal(err)
	}
	if same, err := SameVerdict(&want, &got); err != nil || !same {
		t.Fatalf("from the index alone: %+v, want %+v (%v)", got, want, err)
	}
	if _, proof := proofOf(t, b, Objects{DA: client, Cache: cache}); !bytes.Equal(proof, wantProof) {
		t.Fatalf("from the index alone the proof differs (%d bytes, want %d)", len(proof), len(wantProof))
	}
}

// checkServed checks that the index holds every object of round b for its
// round, each served by source.
func checkServed(t *testing.T, store *index.Store, b *badRound, source string) {
	t.Helper()
	refs, err := store.ObjectsOfRound(badRoundN)
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != len(b.objects) {
		t.Fatalf("round %d references %d objects, want %d", badRoundN, len(refs), len(b.objects))
	}
	for _, o := range b.objects {
		data, prov, err := store.Object(o.Kind, o.Key)
		if err != nil {
			t.Fatalf("%s %s: %v", o.Kind, o.Key.Hex(), err)
		}
		if !bytes.Equal(data, o.Data) || prov.Origin != index.OriginSource || prov.Source != source || prov.Size != len(o.Data) || prov.At.IsZero() {
			t.Fatalf("%s %s: provenance %+v, want served by %s", o.Kind, o.Key.Hex(), prov, source)
		}
	}
}

// TestRevealedProvenance: objects re-encoded from reveals are stored with
// the chain as their provenance (block and transaction), those of the
// block's events and those read again from a reveal's log alike, for the
// round that revealed them.
func TestRevealedProvenance(t *testing.T) {
	b := newBadRound(t)
	store := openStore(t, t.TempDir())
	cache := NewIndexCache(store, 0)
	clock := time.Unix(1_800_000_000, 0)
	cfg := Config{Log: slog.New(slog.DiscardHandler), HeldRounds: 2, Now: func() time.Time { return clock }}
	src, err := newObjectSource(Objects{DA: noDA{}, Cache: cache}, &cfg)
	if err != nil {
		t.Fatal(err)
	}
	w := &Watcher{cfg: cfg, objects: src}
	// The block's events: row 0 revealed in block 40 by tx 0xaa.
	row0 := b.objects[1]
	if err := w.putRevealed(40, []object{{kind: row0.Kind, key: row0.Key, data: row0.Data, round: badRoundN, tx: common.Hash{0xaa}}}); err != nil {
		t.Fatal(err)
	}
	// Row 1 revealed in block 41, read again from its log.
	row1 := b.objects[2]
	src.reread = func(_ context.Context, round uint64, rv index.Reveal) ([]byte, error) {
		if round != badRoundN || rv.Key != row1.Key {
			return nil, errors.New("no such reveal")
		}
		return row1.Data, nil
	}
	o, ok, err := src.revealed(context.Background(), badRoundN, index.Reveal{Kind: kindRow, Index: 1, Key: row1.Key, Block: 41, TxHash: common.Hash{0xbb}})
	if err != nil || !ok {
		t.Fatalf("reread: %v %v", ok, err)
	}
	if err := cache.Put(badRoundN, o); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		obj   recompute.Object
		block uint64
		tx    common.Hash
	}{{row0, 40, common.Hash{0xaa}}, {row1, 41, common.Hash{0xbb}}} {
		_, prov, err := store.Object(c.obj.Kind, c.obj.Key)
		if err != nil {
			t.Fatal(err)
		}
		if prov.Origin != index.OriginChain || prov.Source != index.SourceChain || prov.Block != c.block || prov.TxHash == nil || *prov.TxHash != c.tx || !prov.At.Equal(clock) {
			t.Fatalf("%s: provenance %+v, want the chain at block %d", c.obj.Key.Hex(), prov, c.block)
		}
	}
	if refs, err := store.ObjectsOfRound(badRoundN); err != nil || len(refs) != 2 {
		t.Fatalf("round %d references %v (%v)", badRoundN, refs, err)
	}
}

// TestIndexCacheReferences: an object found in the cache for another round
// (rows shared by two rounds) is referenced by that round too, so that
// releasing the first round keeps it and deletes only what was its own.
func TestIndexCacheReferences(t *testing.T) {
	b5, b6 := newBadRoundN(t, 5), newBadRoundN(t, 6)
	store := openStore(t, t.TempDir())
	good, _ := serveDA(t, append(b5.objects, b6.objects[0])) // round 6's manifest; the rows are the same
	client, _ := newDAClient(t, good)
	objs := Objects{DA: client, Cache: NewIndexCache(store, 0)}
	for _, b := range []*badRound{b5, b6} {
		if v, _, err := Rejudge(context.Background(), &b.rec, objs, nil, common.Address{1}, recompute.Options{}); err != nil || v.Status != judge.StatusFraud {
			t.Fatalf("round %d: %+v %v", b.rec.Round, v, err)
		}
	}
	rows := b5.objects[1:5]
	for n, b := range map[uint64]*badRound{5: b5, 6: b6} {
		refs, err := store.ObjectsOfRound(n)
		if err != nil || len(refs) != 1+len(rows) {
			t.Fatalf("round %d references %v, want its manifest and %d rows (%v)", n, refs, len(rows), err)
		}
		if _, _, err := store.Object(recompute.KindManifest, b.rec.CommitmentRoot); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.PruneObjects(func(r uint64) bool { return r == 5 }, 0); err != nil {
		t.Fatal(err)
	}
	for _, o := range rows {
		if _, _, err := store.Object(o.Kind, o.Key); err != nil {
			t.Fatalf("shared %s %s after releasing round 5: %v", o.Kind, o.Key.Hex(), err)
		}
	}
	if _, _, err := store.Object(recompute.KindManifest, b5.rec.CommitmentRoot); !errors.Is(err, index.ErrObjectNotFound) {
		t.Fatalf("round 5's own manifest after its release: %v", err)
	}
	if err := store.Check(); err != nil {
		t.Fatal(err)
	}
}

// failingCache is an ObjectCache whose Put fails while fail is set.
type failingCache struct {
	ObjectCache
	fail bool
}

var errCacheDown = errors.New("cache down")

func (c *failingCache) Put(round uint64, objs ...CachedObject) error {
	if c.fail {
		return errCacheDown
	}
	return c.ObjectCache.Put(round, objs...)
}

// TestPutRetried: objects a failed Put did not store are put again by the
// next gathering of the round, though the holdings already have them.
func TestPutRetried(t *testing.T) {
	b := newBadRound(t)
	store := openStore(t, t.TempDir())
	good, _ := serveDA(t, b.objects)
	client, _ := newDAClient(t, good)
	cache := &failingCache{ObjectCache: NewIndexCache(store, 0), fail: true}
	src, err := newObjectSource(Objects{DA: client, Cache: cache}, &Config{Log: slog.New(slog.DiscardHandler), HeldRounds: 2})
	if err != nil {
		t.Fatal(err)
	}
	c := factsOf(&b.rec).Commitment
	if _, err := src.hold(context.Background(), &b.rec, *c, true); !errors.Is(err, errCacheDown) {
		t.Fatalf("hold with the cache down: %v", err)
	}
	cache.fail = false
	if _, err := src.hold(context.Background(), &b.rec, *c, true); err != nil {
		t.Fatal(err)
	}
	if refs, err := store.ObjectsOfRound(badRoundN); err != nil || len(refs) != len(b.objects)-1 {
		t.Fatalf("round %d references %d objects after the retry, want %d (%v)", badRoundN, len(refs), len(b.objects)-1, err)
	}
}
