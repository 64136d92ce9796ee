package watcher

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/denomwatch/denomwatch/index"
)

// TestNodeWithoutRawMethods: against a node that does not serve
// eth_getRawTransactionByBlockHashAndIndex and eth_getHeaderByNumber (not
// every client does), the watcher falls back to the standard methods and
// reaches the same verdicts.
func TestNodeWithoutRawMethods(t *testing.T) {
	d := runFaultyDevnetHTTP(t, 11, allFaults())
	desc := d.Description()
	target, err := url.Parse(desc.RPCURL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	var refused atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var req struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		if json.Unmarshal(body, &req) == nil && (req.Method == "eth_getRawTransactionByBlockHashAndIndex" || req.Method == "eth_getHeaderByNumber") {
			refused.Add(1)
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"jsonrpc":"2.0","id":` + string(req.ID) + `,"error":{"code":-32601,"message":"the method ` + req.Method + ` does not exist/is not available"}}`))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		proxy.ServeHTTP(w, r)
	}))
	defer srv.Close()
	client, err := ethclient.Dial(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	store, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	w, err := New(t.Context(), Config{AVS: desc.AVS, StartBlock: desc.StartBlock}, client, store, &CalldataSource{Chain: client, AVS: desc.AVS}, nil)
	if err != nil {
		t.Fatal(err)
	}
	catchUp(t, w)
	checkVerdicts(t, d, store)
	// Each is asked for until the first refusal comes back (by the
	// concurrent readers of the first chunk), then never again.
	if n := refused.Load(); n < 2 || n > 2*(prefetchWorkers+1) {
		t.Fatalf("the raw methods were asked for %d times; want each refused once per concurrent reader at most, then the fallback", n)
	}
}
