package api

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"time"
)

// The recipient page: plain HTML, CSS and JavaScript modules, embedded in
// the binary and served at / (index.html) and /assets/{file} (the rest).
// The page reads the JSON endpoints only, with GET; nothing is fetched from
// another origin.
//
//go:embed web
var webFiles embed.FS

// contentSecurityPolicy lets the page load scripts, styles, images and data
// from the watcher only: no inline code, no other origin, no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// assetTypes are the content types of the page's files, by extension; a
// file of another extension under web/ is a programming error (newPage).
var assetTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".svg":  "image/svg+xml",
}

// asset is one file of the page as served.
type asset struct {
	body        []byte
	contentType string
	etag        string
}

func newAsset(name string, body []byte) (asset, error) {
	ct, ok := assetTypes[path.Ext(name)]
	if !ok {
		return asset{}, fmt.Errorf("web/%s: no content type for its extension", name)
	}
	sum := sha256.Sum256(body)
	return asset{body: body, contentType: ct, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}, nil
}

// page is the recipient page: index.html rendered with the configuration,
// and the other files of web/ by name.
type page struct {
	index  asset
	assets map[string]asset
}

// pageData is what index.html is rendered with.
type pageData struct {
	ExplorerURL string
}

// newPage renders index.html and loads the other files.
func newPage(cfg Config) (*page, error) {
	tmpl, err := template.ParseFS(webFiles, "web/index.html")
	if err != nil {
		return nil, fmt.Errorf("the recipient page: %w", err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, pageData{ExplorerURL: cfg.ExplorerURL}); err != nil {
		return nil, fmt.Errorf("the recipient page: %w", err)
	}
	p := &page{assets: map[string]asset{}}
	if p.index, err = newAsset("index.html", buf.Bytes()); err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(webFiles, "web")
	if err != nil {
		return nil, fmt.Errorf("the recipient page: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || e.Name() == "index.html" {
			continue
		}
		body, err := fs.ReadFile(webFiles, "web/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("the recipient page: %w", err)
		}
		if p.assets[e.Name()], err = newAsset(e.Name(), body); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// serveIndex answers GET / with the page.
func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request) {
	serveAsset(w, r, s.page.index)
}

// serveAsset answers GET /assets/{file} with a file of the page, or 404.
func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request) {
	a, ok := s.page.assets[r.PathValue("file")]
	if !ok {
		notFound(w, r)
		return
	}
	serveAsset(w, r, a)
}

// serveAsset writes a with the page's security headers; a browser
// revalidates it (ETag) on every load, so an upgraded watcher serves its
// new page at once.
func serveAsset(w http.ResponseWriter, r *http.Request, a asset) {
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", a.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}
