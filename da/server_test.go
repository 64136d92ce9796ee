package da_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/recompute"
)

// TestHandler: GET and HEAD as a static server would (ranges, ETag,
// conditional requests, immutable caching), 404, 400, 405.
func TestHandler(t *testing.T) {
	f := newFixture(t, 3, 4)
	srv := host(t, f.store(t))
	row := f.objects[1]
	path := "/" + recompute.ObjectPath(row.Kind, row.Key)
	etag := `"` + row.Key.Hex() + `"`
	tests := []struct {
		name, method, path string
		header             map[string]string
		status             int
		body               []byte
	}{
		{"get", "GET", path, nil, 200, row.Data},
		{"head", "HEAD", path, nil, 200, nil},
		{"range", "GET", path, map[string]string{"Range": "bytes=32-63"}, 206, row.Data[32:64]},
		{"if-none-match", "GET", path, map[string]string{"If-None-Match": etag}, 304, nil},
		{"absent", "GET", "/row/" + common.Hash{9}.Hex(), nil, 404, nil},
		{"other kind's namespace", "GET", "/manifest/" + row.Key.Hex(), nil, 404, nil},
		{"upper-case key", "GET", "/row/0x" + strings.ToUpper(row.Key.Hex()[2:]), nil, 400, nil},
		{"short key", "GET", path[:len(path)-1], nil, 400, nil},
		{"no 0x", "GET", "/row/" + row.Key.Hex()[2:], nil, 400, nil},
		{"bad kind", "GET", "/rows/" + row.Key.Hex(), nil, 400, nil},
		{"extra segment", "GET", path + "/x", nil, 400, nil},
		{"root", "GET", "/", nil, 400, nil},
		{"post", "POST", path, nil, 405, nil},
		{"put", "PUT", path, nil, 405, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, srv.URL+tc.path, nil)
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if tc.body != nil && !bytes.Equal(body, tc.body) {
				t.Fatalf("body of %d bytes differs", len(body))
			}
			if tc.status == 200 || tc.status == 206 {
				checkObjectHeaders(t, resp, etag, tc.method == "HEAD", len(row.Data))
			}
			if tc.status == 405 && resp.Header.Get("Allow") != "GET, HEAD" {
				t.Fatalf("Allow %q", resp.Header.Get("Allow"))
			}
		})
	}
}

func checkObjectHeaders(t *testing.T, resp *http.Response, etag string, head bool, size int) {
	t.Helper()
	h := resp.Header
	if h.Get("ETag") != etag || h.Get("Cache-Control") != "public, max-age=31536000, immutable" || h.Get("Content-Type") != "application/octet-stream" {
		t.Fatalf("headers %v", h)
	}
	if head && resp.ContentLength != int64(size) {
		t.Fatalf("HEAD Content-Length %d, want %d", resp.ContentLength, size)
	}
}

// TestServerRun: the server serves on its address and Run returns when its
// context is cancelled.
func TestServerRun(t *testing.T) {
	f := newFixture(t, 2, 2)
	s, err := da.Listen(da.ServerConfig{Addr: "127.0.0.1:0", Store: f.store(t)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	resp, err := http.Get("http://" + s.Addr().String() + "/" + recompute.ObjectPath(recompute.KindManifest, f.commitment))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Equal(body, f.objects[0].Data) {
		t.Fatalf("status %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}
