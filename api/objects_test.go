package api_test

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/recompute"
)

// objectsAt is the time of the tests' provenance records.
var objectsAt = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

// openIndex opens a real index in a temporary directory.
func openIndex(t testing.TB) *index.Store {
	t.Helper()
	s, err := index.Open(index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// serveIndex serves the API over store on a real HTTP server.
func serveIndex(t testing.TB, store *index.Store) *httptest.Server {
	t.Helper()
	srv, _ := newTestServer(t, api.DefaultConfig(), store, newFakeStatus(0, 0))
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return hs
}

// fetch makes one request to a real server.
func fetch(t testing.TB, method, url string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, body}
}

// TestObjectEndpoint: the statuses and headers of /v1/objects over a real
// index and a real server.
func TestObjectEndpoint(t *testing.T) {
	store := openIndex(t)
	key := common.HexToHash("0x00aa00000000000000000000000000000000000000000000000000000000ff01")
	data := bytes.Repeat([]byte{1, 2, 3, 4}, 24) // one 96-byte word triple
	if err := store.PutObject(recompute.KindRow, key, data, index.FromSource("https://da.example", objectsAt), 3); err != nil {
		t.Fatal(err)
	}
	base := serveIndex(t, store).URL + "/v1/objects/"
	rowURL := base + "row/" + key.Hex()
	etag := `"` + key.Hex() + `"`
	tests := []struct {
		name, method, url string
		header            []string
		code              int
		body              []byte // nil: not checked
	}{
		{"GET", http.MethodGet, rowURL, nil, http.StatusOK, data},
		{"HEAD", http.MethodHead, rowURL, nil, http.StatusOK, []byte{}},
		{"range", http.MethodGet, rowURL, []string{"Range", "bytes=4-11"}, http.StatusPartialContent, data[4:12]},
		{"range past the end", http.MethodGet, rowURL, []string{"Range", "bytes=500-"}, http.StatusRequestedRangeNotSatisfiable, nil},
		{"if-none-match", http.MethodGet, rowURL, []string{"If-None-Match", etag}, http.StatusNotModified, []byte{}},
		{"another kind under the key", http.MethodGet, base + "allocations/" + key.Hex(), nil, http.StatusNotFound, nil},
		{"absent key", http.MethodGet, base + "row/0x" + strings.Repeat("0", 63) + "1", nil, http.StatusNotFound, nil},
		{"unknown kind", http.MethodGet, base + "rows/" + key.Hex(), nil, http.StatusBadRequest, nil},
		{"uppercase key", http.MethodGet, base + "row/0x" + strings.ToUpper(key.Hex()[2:]), nil, http.StatusBadRequest, nil},
		{"short key", http.MethodGet, base + "row/0x1234", nil, http.StatusBadRequest, nil},
		{"key without 0x", http.MethodGet, base + "row/" + key.Hex()[2:] + "00", nil, http.StatusBadRequest, nil},
		{"POST", http.MethodPost, rowURL, nil, http.StatusMethodNotAllowed, nil},
		{"DELETE", http.MethodDelete, rowURL, nil, http.StatusMethodNotAllowed, nil},
		{"no key", http.MethodGet, base + "row", nil, http.StatusNotFound, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fetch(t, tt.method, tt.url, tt.header...)
			if r.code != tt.code {
				t.Fatalf("status %d, want %d (body %q)", r.code, tt.code, r.body)
			}
			if tt.body != nil && !bytes.Equal(r.body, tt.body) {
				t.Fatalf("body %x, want %x", r.body, tt.body)
			}
			switch {
			case r.code == http.StatusOK || r.code == http.StatusPartialContent:
				checkObjectHeaders(t, r, etag)
			case r.code == http.StatusMethodNotAllowed:
				if r.header.Get("Allow") != "GET, HEAD" {
					t.Errorf("Allow %q", r.header.Get("Allow"))
				}
			case r.code >= 400 && tt.method != http.MethodHead:
				if cc := r.header.Get("Cache-Control"); strings.Contains(cc, "immutable") {
					t.Errorf("an error answer is cached for good: %q", cc)
				}
				if r.code != http.StatusRequestedRangeNotSatisfiable { // http.ServeContent's own, in plain text
					_ = r.errorText(t)
				}
			}
		})
	}
}

func checkObjectHeaders(t *testing.T, r response, etag string) {
	t.Helper()
	for k, want := range map[string]string{
		"Content-Type":  "application/octet-stream",
		"Cache-Control": "public, max-age=31536000, immutable",
		"ETag":          etag,
		"Accept-Ranges": "bytes",
	} {
		if got := r.header.Get(k); got != want {
			t.Errorf("%s %q, want %q", k, got, want)
		}
	}
}

// TestObjectEndpointStoreFails: a store that cannot be read answers 503,
// never 404 (a reader would take the object for absent).
func TestObjectEndpointStoreFails(t *testing.T) {
	store := newFakeStore()
	store.fail["Object"] = true
	srv, _ := newTestServer(t, api.DefaultConfig(), store, newFakeStatus(0, 0))
	r := do(t, srv.Handler(), http.MethodGet, "/v1/objects/manifest/0x"+strings.Repeat("ab", 32))
	if r.code != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503 (%s)", r.code, r.body)
	}
}

// mirrorRound is a well-formed round with every case of section 9: two
// providers with the same row (one row object, two allocations objects),
// an empty row (no object), and a row large enough for Badger's value log.
type mirrorRound struct {
	commitment common.Hash
	objects    []recompute.Object // manifest, rows, then allocations
	// allocKeys are the providers' providerAllocRoots, amounts their rows'
	// amounts, by provider (zero and nil for the empty row).
	allocKeys      []common.Hash
	amounts        [][]uint256.Int
	allocationRoot common.Hash
}

func newMirrorRound(t testing.TB) *mirrorRound {
	t.Helper()
	row := func(n int) recompute.Row {
		entries := make([]recompute.Entry, n)
		for j := range entries {
			e := &entries[j]
			e.Recipient = common.BigToAddress(uint256.NewInt(uint64(1000 + j)).ToBig())
			e.MR.SetUint64(uint64(j%7 + 1))
			e.Residual.SetUint64(uint64(j)*1_000_003 + 11) // the same in every row
		}
		return recompute.NewRow(entries)
	}
	capacity := func(c uint64) uint256.Int { return *uint256.NewInt(c) }
	small := row(3)
	rd := recompute.NewRound(uint256.NewInt(7), []recompute.ProviderRow{
		{Provider: common.Address{19: 1}, Capacity: capacity(1e18), Row: small},
		{Provider: common.Address{19: 2}, Capacity: capacity(5e17), Row: small},
		{Provider: common.Address{19: 3}, Capacity: capacity(1e9), Row: recompute.Row{}},
		{Provider: common.Address{19: 4}, Capacity: capacity(3e18), Row: row(400)},
	})
	return mirrorOf(t, rd)
}

// mirrorOf is rd's objects with every provider's allocations.
func mirrorOf(t testing.TB, rd *recompute.Round) *mirrorRound {
	t.Helper()
	mr := &mirrorRound{objects: rd.Objects()}
	mr.commitment = mr.objects[0].Key
	res := evaluate(t, mr.commitment, mr.objects)
	mr.allocationRoot = res.AllocationRoot
	for p, hd := range res.Manifest.Headers {
		if !hd.NeedsRow() {
			mr.allocKeys, mr.amounts = append(mr.allocKeys, common.Hash{}), append(mr.amounts, nil)
			continue
		}
		amounts := res.RowAmounts(p)
		mr.allocKeys, mr.amounts = append(mr.allocKeys, res.ProviderAllocRoots[p]), append(mr.amounts, amounts)
		mr.objects = append(mr.objects, recompute.Object{Kind: recompute.KindAllocations, Key: res.ProviderAllocRoots[p], Data: recompute.EncodeAllocations(amounts)})
	}
	return mr
}

// evaluate recomputes a round from its objects, which must be well formed.
func evaluate(t testing.TB, commitment common.Hash, objects []recompute.Object) *recompute.Result {
	t.Helper()
	var manifest []byte
	rows := map[common.Hash][]byte{}
	for _, o := range objects {
		switch o.Kind {
		case recompute.KindManifest:
			manifest = o.Data
		case recompute.KindRow:
			rows[o.Key] = o.Data
		}
	}
	res, v := recompute.EvaluateObjects(commitment, manifest, nil, func(k common.Hash) []byte { return rows[k] }, recompute.Options{Workers: 1})
	if v != nil {
		t.Fatalf("the round does not evaluate: %v", v)
	}
	return res
}

// readRound reads a whole round through c: the manifest, every row and
// every provider's allocations, each verified by the client against its
// key, and returns them as objects in mr's order.
func readRound(t testing.TB, c *da.Client, mr *mirrorRound) []recompute.Object {
	t.Helper()
	ctx := t.Context()
	m, mdata, _, err := c.Manifest(ctx, mr.commitment)
	if err != nil {
		t.Fatalf("Manifest: %v", err)
	}
	out := []recompute.Object{{Kind: recompute.KindManifest, Key: mr.commitment, Data: mdata}}
	rows := c.Rows(ctx, m)
	seen := map[common.Hash]bool{}
	for p, r := range rows {
		hd := &m.Headers[p]
		if r.Err != nil {
			t.Fatalf("row of provider %d: %v", p, r.Err)
		}
		if hd.NeedsRow() && !seen[hd.EntriesRoot] {
			seen[hd.EntriesRoot] = true
			out = append(out, recompute.Object{Kind: recompute.KindRow, Key: hd.EntriesRoot, Data: r.Data})
		}
	}
	for p, r := range rows {
		if !m.Headers[p].NeedsRow() {
			continue
		}
		amounts, data, _, err := c.Allocations(ctx, mr.allocKeys[p], m.Headers[p].Provider, r.Row)
		if err != nil {
			t.Fatalf("allocations of provider %d: %v", p, err)
		}
		if !slices.EqualFunc(amounts, mr.amounts[p], func(a, b uint256.Int) bool { return a.Eq(&b) }) {
			t.Fatalf("allocations of provider %d: other amounts", p)
		}
		out = append(out, recompute.Object{Kind: recompute.KindAllocations, Key: mr.allocKeys[p], Data: data})
	}
	return out
}

// checkRecomputes checks that objects read recompute to the round's
// allocation root.
func checkRecomputes(t testing.TB, mr *mirrorRound, objects []recompute.Object) {
	t.Helper()
	if res := evaluate(t, mr.commitment, objects); res.AllocationRoot != mr.allocationRoot {
		t.Fatalf("the round read recomputes to %s, want %s", res.AllocationRoot.Hex(), mr.allocationRoot.Hex())
	}
}

// putRound stores objects in store as round 7's, each with prov.
func putRound(t testing.TB, store *index.Store, objects []recompute.Object, prov func(o recompute.Object) index.Provenance) {
	t.Helper()
	for _, o := range objects {
		if err := store.PutObject(o.Kind, o.Key, o.Data, prov(o), 7); err != nil {
			t.Fatalf("PutObject(%s %s): %v", o.Kind, o.Key.Hex(), err)
		}
	}
	if err := store.Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
}

// mirrorClient is a da client whose only source is a watcher's API.
func mirrorClient(t testing.TB, srv *httptest.Server) *da.Client {
	t.Helper()
	c, err := da.NewClient(da.Options{Sources: []string{srv.URL + "/v1/objects"}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestMirrorRound: a watcher whose index holds a round serves it whole to a
// watcher that lists it as its only data-availability source; that watcher
// keeps what it read, with the first one as provenance, and serves it whole
// in turn to a third. An object neither holds is not found.
func TestMirrorRound(t *testing.T) {
	mr := newMirrorRound(t)
	first := openIndex(t)
	putRound(t, first, mr.objects, func(o recompute.Object) index.Provenance {
		if o.Kind == recompute.KindRow {
			return index.FromChain(120, common.Hash{1}, objectsAt) // as if revealed on chain
		}
		return index.FromSource("https://coordinator.example", objectsAt)
	})
	firstSrv := serveIndex(t, first)

	second := openIndex(t)
	c2 := mirrorClient(t, firstSrv)
	source := c2.SourceNames()[0]
	if source != firstSrv.URL { // http://127.0.0.1:PORT: scheme and host only
		t.Fatalf("the client names its source %q, want %q", source, firstSrv.URL)
	}
	read := readRound(t, c2, mr)
	checkRecomputes(t, mr, read)
	putRound(t, second, read, func(recompute.Object) index.Provenance { return index.FromSource(source, objectsAt) })
	want, err := first.ObjectsOfRound(7)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := second.ObjectsOfRound(7); err != nil || !slices.Equal(got, want) || len(got) != len(mr.objects) {
		t.Fatalf("the second watcher holds %v, %v; want %v", got, err, want)
	}
	if _, p, err := second.Object(recompute.KindManifest, mr.commitment); err != nil || p.Source != source || p.Origin != index.OriginSource {
		t.Fatalf("the second watcher's provenance of the manifest: %+v, %v", p, err)
	}

	c3 := mirrorClient(t, serveIndex(t, second))
	again := readRound(t, c3, mr)
	checkRecomputes(t, mr, again)
	if !slices.EqualFunc(again, read, func(a, b recompute.Object) bool {
		return a.Kind == b.Kind && a.Key == b.Key && bytes.Equal(a.Data, b.Data)
	}) {
		t.Fatal("the third watcher read another round than the second")
	}

	absent := common.Hash{0xde, 0xad}
	if _, _, _, err := c3.Manifest(t.Context(), absent); !errors.Is(err, da.ErrNotFound) {
		t.Fatalf("an absent manifest: %v, want da.ErrNotFound", err)
	}
	row := recompute.NewRow([]recompute.Entry{{Recipient: common.Address{1}}})
	if _, _, _, err := c3.Allocations(t.Context(), absent, common.Address{19: 1}, row); !errors.Is(err, da.ErrNotFound) {
		t.Fatalf("absent allocations: %v, want da.ErrNotFound", err)
	}
}
