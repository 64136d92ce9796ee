package da

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// cacheControl: an object never changes under its key.
const cacheControl = "public, max-age=31536000, immutable"

// Handler serves a store's objects as section 9 lays them out: GET and HEAD
// /{kind}/{key}, 200 with the bytes (ranges, conditional requests, ETag the
// key), 404 when absent, 400 for a malformed kind or key, 405 for another
// method.
type Handler struct {
	Store *Store
}

// ServeHTTP implements http.Handler.
func (h Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	kindStr, keyStr, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if !ok {
		http.Error(w, "want /{kind}/{key}", http.StatusBadRequest)
		return
	}
	kind, err := ParseKind(kindStr)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	key, err := ParseKey(keyStr)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f, err := os.Open(objectFile(h.Store.dir, kind, key))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			http.NotFound(w, r)
		} else {
			http.Error(w, "cannot read the object", http.StatusInternalServerError)
		}
		return
	}
	defer f.Close()
	ServeObject(w, r, key, f)
}

// ServeObject answers a GET or HEAD of the object under key with its bytes
// as section 9's transport has them, the same from every host (this
// package's, a watcher's API): 200 with the raw bytes, Content-Type
// application/octet-stream, cached for good (an object never changes under
// its key), ETag the key, and ranges and conditional requests as
// http.ServeContent answers them. The caller has parsed kind and key.
func ServeObject(w http.ResponseWriter, r *http.Request, key common.Hash, content io.ReadSeeker) {
	hd := w.Header()
	hd.Set("Content-Type", "application/octet-stream")
	hd.Set("Cache-Control", cacheControl)
	hd.Set("ETag", `"`+key.Hex()+`"`)
	http.ServeContent(w, r, "", time.Time{}, content)
}

// ServerConfig configures a Server.
type ServerConfig struct {
	Addr   string // HOST:PORT to listen on
	Store  *Store
	Logger *slog.Logger // nil: slog.Default()
	// ReadTimeout and WriteTimeout bound a request and its answer (0: 10 s
	// and 60 s; a row may be tens of megabytes).
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

// Server is the HTTP host of a store.
type Server struct {
	cfg ServerConfig
	ln  net.Listener
	srv *http.Server
}

// Listen binds cfg.Addr; Run serves.
func Listen(cfg ServerConfig) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("da server: no store")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	cfg.ReadTimeout = orDefault(cfg.ReadTimeout, 10*time.Second)
	cfg.WriteTimeout = orDefault(cfg.WriteTimeout, 60*time.Second)
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("da server: %w", err)
	}
	srv := &http.Server{
		Handler:           Handler{Store: cfg.Store},
		ReadHeaderTimeout: cfg.ReadTimeout,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       2 * time.Minute,
	}
	return &Server{cfg: cfg, ln: ln, srv: srv}, nil
}

// Addr returns the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Run serves until ctx is cancelled, then shuts down, giving requests in
// flight up to 5 seconds.
func (s *Server) Run(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- s.srv.Serve(s.ln) }()
	s.cfg.Logger.Info("da server listening", "addr", s.ln.Addr().String(), "dir", s.cfg.Store.Dir())
	select {
	case err := <-errc:
		return fmt.Errorf("da server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := s.srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("da server shutdown: %w", err)
	}
	<-errc
	s.cfg.Logger.Info("da server stopped")
	return nil
}
