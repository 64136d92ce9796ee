package da_test

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/internal/benchwork"
	"github.com/denomwatch/denomwatch/recompute"
)

// fixture is a well-formed round as objects, with one provider's
// allocations.
type fixture struct {
	round      *recompute.Round
	objects    []recompute.Object
	commitment common.Hash
	allocKey   common.Hash // provider 0's providerAllocRoot
	allocData  []byte
}

func newFixture(t testing.TB, providers, recipients int) *fixture {
	t.Helper()
	rd, err := recompute.DecodeRoundFile(recompute.EncodeRoundFile(benchwork.Round(providers, recipients)))
	if err != nil {
		t.Fatal(err)
	}
	res, v := recompute.EvaluateRoundFile(recompute.EncodeRoundFile(rd), nil, recompute.Options{Workers: 1})
	if v != nil {
		t.Fatalf("fixture round: %v", v)
	}
	f := &fixture{round: rd, objects: rd.Objects()}
	f.commitment = f.objects[0].Key
	f.allocKey = res.ProviderAllocRoots[0]
	f.allocData = recompute.EncodeAllocations(res.RowAmounts(0))
	return f
}

// store returns a store in a temporary directory holding every object.
func (f *fixture) store(t testing.TB) *da.Store {
	t.Helper()
	s, err := da.NewStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range f.objects {
		if err := s.Put(o.Kind, o.Key, o.Data); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Put(recompute.KindAllocations, f.allocKey, f.allocData); err != nil {
		t.Fatal(err)
	}
	return s
}

// host serves a store with the da handler on a real HTTP server.
func host(t testing.TB, s *da.Store) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(da.Handler{Store: s})
	t.Cleanup(srv.Close)
	return srv
}

// faulty is a real HTTP server that misbehaves in one way, counting its
// requests.
type faulty struct {
	*httptest.Server
	hits atomic.Int64
}

// Faults of a faulty server.
const (
	fault500      = "500"
	faultHang     = "hang"
	faultDrop     = "drop"
	faultWrong    = "wrong"
	faultOversize = "oversize"
	fault404      = "404"
)

func newFaulty(t testing.TB, fault string) *faulty {
	t.Helper()
	f := &faulty{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.hits.Add(1)
		serveFault(w, r, fault)
	}))
	t.Cleanup(func() {
		f.CloseClientConnections()
		f.Close()
	})
	return f
}

func serveFault(w http.ResponseWriter, r *http.Request, fault string) {
	switch fault {
	case fault500:
		http.Error(w, "boom", http.StatusInternalServerError)
	case faultHang:
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	case faultDrop:
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(http.StatusOK)
		w.Write(make([]byte, 10))
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	case faultWrong:
		w.Write(make([]byte, 4*32)) // decodes as nothing that rebuilds a key
	case faultOversize:
		w.Write(make([]byte, recompute.MaxManifestSize+64))
	default:
		http.NotFound(w, r)
	}
}
