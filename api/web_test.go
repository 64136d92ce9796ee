package api_test

import (
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/index"
)

const wantCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// TestPageServed: the recipient page at / and its files under /assets/,
// each with its content type, the Content-Security-Policy that allows only
// the watcher itself, and no sniffing; every other path stays a JSON 404.
func TestPageServed(t *testing.T) {
	s, _ := newTestServer(t, testConfig(), plainRounds(1), newFakeStatus(1, 1))
	for _, tc := range []struct {
		method, path string
		code         int
		contentType  string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8"},
		{"HEAD", "/", 200, "text/html; charset=utf-8"},
		{"GET", "/assets/app.js", 200, "text/javascript; charset=utf-8"},
		{"GET", "/assets/adapter.js", 200, "text/javascript; charset=utf-8"},
		{"GET", "/assets/verify.js", 200, "text/javascript; charset=utf-8"},
		{"GET", "/assets/style.css", 200, "text/css; charset=utf-8"},
		{"GET", "/assets/favicon.svg", 200, "image/svg+xml"},
		{"GET", "/assets/index.html", 404, "application/json"},
		{"GET", "/assets/nope.js", 404, "application/json"},
		{"GET", "/assets/", 404, "application/json"},
		{"GET", "/assets", 404, "application/json"},
		{"GET", "/index.html", 404, "application/json"},
		{"GET", "/assets/../healthz", 404, "application/json"},
		{"POST", "/", 405, "application/json"},
		{"POST", "/assets/app.js", 405, "application/json"},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			r := do(t, s.Handler(), tc.method, tc.path)
			if r.code != tc.code || r.header.Get("Content-Type") != tc.contentType {
				t.Fatalf("%d %q, want %d %q: %.200s", r.code, r.header.Get("Content-Type"), tc.code, tc.contentType, r.body)
			}
			if tc.code >= 400 {
				r.errorText(t)
				return
			}
			if got := r.header.Get("Content-Security-Policy"); got != wantCSP {
				t.Errorf("CSP %q", got)
			}
			if r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("ETag") == "" {
				t.Errorf("headers %v", r.header)
			}
			if (tc.method == "HEAD") != (len(r.body) == 0) {
				t.Errorf("%s: %d bytes of body", tc.method, len(r.body))
			}
		})
	}
}

// TestPageRevalidates: the page is served with an ETag and no-cache, so a
// browser revalidates it and gets 304 while it is unchanged.
func TestPageRevalidates(t *testing.T) {
	s, _ := newTestServer(t, testConfig(), plainRounds(1), newFakeStatus(1, 1))
	for _, p := range []string{"/", "/assets/app.js"} {
		first := do(t, s.Handler(), "GET", p)
		req := httptest.NewRequest("GET", p, nil)
		req.Header.Set("If-None-Match", first.header.Get("ETag"))
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		if rec.Code != http.StatusNotModified || first.header.Get("Cache-Control") != "no-cache" {
			t.Errorf("%s: revalidation %d, Cache-Control %q", p, rec.Code, first.header.Get("Cache-Control"))
		}
	}
}

// TestPageExplorerURL: the explorer URL reaches the page (escaped) as the
// body's data-explorer; without one the attribute is empty.
func TestPageExplorerURL(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"", `data-explorer=""`},
		{"https://etherscan.io", `data-explorer="https://etherscan.io"`},
		{"https://explorer.example/sepolia/", `data-explorer="https://explorer.example/sepolia/"`},
		{`https://x.example/a"b<c`, `data-explorer="https://x.example/a&#34;b&lt;c"`},
	} {
		cfg := testConfig()
		cfg.ExplorerURL = tc.url
		s, _ := newTestServer(t, cfg, plainRounds(1), newFakeStatus(1, 1))
		if r := do(t, s.Handler(), "GET", "/"); !strings.Contains(string(r.body), tc.want) {
			t.Errorf("%q: the page lacks %s", tc.url, tc.want)
		}
	}
}

// TestPageFilesStayLocal: the page's files name no other origin (no CDN,
// no font service) and make no state-changing call: fetch is only ever
// given a path, and no method, beacon, socket or form post appears.
func TestPageFilesStayLocal(t *testing.T) {
	forbidden := regexp.MustCompile(`(?i)https?://|//[a-z0-9.-]+\.[a-z]{2,}/|method\s*:|XMLHttpRequest|sendBeacon|WebSocket|EventSource|method="post"|\beval\(|new Function|innerHTML|document\.write`)
	err := fs.WalkDir(os.DirFS("web"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join("web", p))
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			if m := forbidden.FindString(line); m != "" && !strings.Contains(line, "http://www.w3.org/2000/svg") {
				t.Errorf("web/%s:%d: %q in %q", p, i+1, m, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPageConfig: the CORS origins and the explorer URL are checked.
func TestPageConfig(t *testing.T) {
	for _, tc := range []struct {
		name     string
		origins  []string
		explorer string
		want     error // nil: valid
	}{
		{"none", nil, "", nil},
		{"origins", []string{"https://app.example", "http://localhost:3000"}, "", nil},
		{"any", []string{"*"}, "", nil},
		{"explorer", nil, "https://etherscan.io", nil},
		{"explorer with a path", nil, "https://explorer.example/sepolia", nil},
		{"origin with a path", []string{"https://app.example/"}, "", api.ErrCORSOrigin},
		{"origin with a path 2", []string{"https://app.example/x"}, "", api.ErrCORSOrigin},
		{"origin without a scheme", []string{"app.example"}, "", api.ErrCORSOrigin},
		{"origin of another scheme", []string{"ftp://app.example"}, "", api.ErrCORSOrigin},
		{"origin in capitals", []string{"https://App.example"}, "", api.ErrCORSOrigin},
		{"origin with a query", []string{"https://app.example?x"}, "", api.ErrCORSOrigin},
		{"empty origin", []string{""}, "", api.ErrCORSOrigin},
		{"explorer without a scheme", nil, "etherscan.io", api.ErrExplorerURL},
		{"explorer javascript", nil, "javascript:alert(1)", api.ErrExplorerURL},
		{"explorer with a query", nil, "https://etherscan.io/?a=1", api.ErrExplorerURL},
		{"explorer with user info", nil, "https://u:p@etherscan.io", api.ErrExplorerURL},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := api.DefaultConfig()
			cfg.CORSOrigins, cfg.ExplorerURL = tc.origins, tc.explorer
			err := cfg.Check()
			if tc.want == nil && err != nil || tc.want != nil && (!errors.Is(err, tc.want) || !errors.Is(err, api.ErrConfig)) {
				t.Fatalf("Check() = %v, want %v", err, tc.want)
			}
		})
	}
}

// TestCORS: off by default; with origins, GET and HEAD answers (and their
// preflight) are shared with those origins only; other methods and the
// admin endpoints never are. Over a real server and client.
func TestCORS(t *testing.T) {
	store, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	serve := func(origins ...string) string {
		cfg := testConfig()
		cfg.CORSOrigins = origins
		s, err := api.New(cfg, api.Deps{Store: store, Status: newFakeStatus(0, 0), Admin: store})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(s.Handler())
		t.Cleanup(srv.Close)
		return srv.URL
	}
	off, two, anyOrigin := serve(), serve("https://a.example", "http://localhost:3000"), serve("*")
	const a, b = "https://a.example", "https://b.example"
	for _, tc := range []struct {
		name, server, method, path, origin, preflight string
		code                                          int
		allow                                         string // Access-Control-Allow-Origin, "" for none
	}{
		{"off", off, "GET", "/healthz", a, "", 200, ""},
		{"off preflight", off, "OPTIONS", "/healthz", a, "GET", 405, ""},
		{"listed", two, "GET", "/healthz", a, "", 200, a},
		{"listed, second", two, "GET", "/v1/rounds", "http://localhost:3000", "", 200, "http://localhost:3000"},
		{"listed HEAD", two, "HEAD", "/readyz", a, "", 200, a},
		{"listed, a 404", two, "GET", "/nowhere", a, "", 404, a},
		{"listed, the page", two, "GET", "/", a, "", 200, a},
		{"not listed", two, "GET", "/healthz", b, "", 200, ""},
		{"no origin", two, "GET", "/healthz", "", "", 200, ""},
		{"preflight GET", two, "OPTIONS", "/v1/rounds", a, "GET", 204, a},
		{"preflight HEAD", two, "OPTIONS", "/v1/rounds", a, "HEAD", 204, a},
		{"preflight POST", two, "OPTIONS", "/admin/deadletters/requeue", a, "POST", 405, ""},
		{"preflight not listed", two, "OPTIONS", "/v1/rounds", b, "GET", 405, ""},
		{"POST", two, "POST", "/admin/deadletters/requeue", a, "", 200, ""},
		{"admin GET", two, "GET", "/admin/deadletters", a, "", 200, ""},
		{"admin preflight", two, "OPTIONS", "/admin/deadletters", a, "GET", 404, ""},
		{"any", anyOrigin, "GET", "/healthz", b, "", 200, "*"},
		{"any preflight", anyOrigin, "OPTIONS", "/healthz", b, "GET", 204, "*"},
		{"any POST", anyOrigin, "POST", "/healthz", b, "", 405, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, h := corsRequest(t, tc.method, tc.server+tc.path, tc.origin, tc.preflight)
			if code != tc.code || h.Get("Access-Control-Allow-Origin") != tc.allow {
				t.Fatalf("%d, Access-Control-Allow-Origin %q; want %d, %q", code, h.Get("Access-Control-Allow-Origin"), tc.code, tc.allow)
			}
			if tc.code == 204 && (h.Get("Access-Control-Allow-Methods") != "GET, HEAD" || h.Get("Access-Control-Max-Age") == "") {
				t.Errorf("preflight headers %v", h)
			}
			if tc.server != off && !strings.Contains(strings.Join(h.Values("Vary"), ","), "Origin") {
				t.Errorf("no Vary: Origin: %v", h)
			}
			if h.Get("Access-Control-Allow-Credentials") != "" {
				t.Errorf("credentials allowed: %v", h)
			}
		})
	}
}

// corsRequest sends method url with the Origin and the preflight's
// Access-Control-Request-Method headers (when not empty), and returns the
// answer's status and headers.
func corsRequest(t *testing.T, method, url, origin, preflight string) (int, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if preflight != "" {
		req.Header.Set("Access-Control-Request-Method", preflight)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, resp.Header
}
