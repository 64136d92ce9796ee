package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/denomwatch/denomwatch/index"
)

// Reader is what the API needs from the store.
type Reader interface {
	Checkpoint() (index.Checkpoint, bool, error)
	Round(n uint64) (index.Round, bool, error)
	// Rounds returns the stored rounds numbered from..to (inclusive), in
	// ascending order.
	Rounds(from, to uint64) ([]index.Round, error)
	LatestRound() (uint64, bool, error)
	CommitmentData(round uint64) ([]byte, bool, error)
	BatchData(tx common.Hash) ([]byte, bool, error)
}

// Status is the watcher's live view of the chain.
type Status interface {
	// Head is the number of the chain head the watcher last saw.
	Head() uint64
	// Processed is the number of the last block the watcher processed.
	Processed() uint64
}

// Timeouts of the http.Server. The write timeout leaves room for the
// recomputation a recipient query makes (seconds on the largest rounds).
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
	// stopTimeout bounds the graceful stop that follows the cancellation of
	// Start's context.
	stopTimeout = 5 * time.Second
)

// maxRecomputes is the number of recipient queries that recompute at once;
// each already spreads over every core.
const maxRecomputes = 2

// ErrStarted is returned by Start on a server that has already been started.
var ErrStarted = errors.New("API server already started")

// Server is the read-only HTTP API.
type Server struct {
	cfg     Config
	store   Reader
	status  Status
	metrics prometheus.Gatherer
	log     *slog.Logger
	handler http.Handler
	// recomputes holds a token per recipient query recomputing a round.
	recomputes chan struct{}

	mu   sync.Mutex
	srv  *http.Server
	ln   net.Listener
	done chan struct{} // closed when Serve has returned
}

// New builds the server; it does not listen until Start. /metrics serves
// what g gathers (nil: nothing); a nil log discards.
func New(cfg Config, r Reader, st Status, g prometheus.Gatherer, log *slog.Logger) (*Server, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if r == nil || st == nil {
		return nil, fmt.Errorf("%w: the API needs a store reader and a status", ErrConfig)
	}
	if g == nil {
		g = prometheus.NewRegistry()
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		cfg:        cfg,
		store:      r,
		status:     st,
		metrics:    g,
		log:        log,
		recomputes: make(chan struct{}, maxRecomputes),
	}
	s.handler = s.routes()
	return s, nil
}

// Handler returns the API's handler (routing, logging, panic recovery), as
// Start serves it.
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	get := func(path string, h http.Handler) {
		// "GET" also matches HEAD; the method-less pattern catches every
		// other method of the path, so that 405 is answered in JSON.
		mux.Handle("GET "+path, h)
		mux.Handle(path, http.HandlerFunc(methodNotAllowed))
	}
	get("/healthz", http.HandlerFunc(s.healthz))
	get("/readyz", http.HandlerFunc(s.readyz))
	get("/metrics", promhttp.HandlerFor(s.metrics, promhttp.HandlerOpts{
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelError),
	}))
	get("/v1/rounds", http.HandlerFunc(s.rounds))
	get("/v1/rounds/{round}", http.HandlerFunc(s.round))
	get("/v1/recipients/{address}/allocations", http.HandlerFunc(s.allocations))
	mux.Handle("/", http.HandlerFunc(notFound))
	return s.logRequests(mux)
}

// Start listens on the configured address and serves in the background; it
// returns once listening (Addr then reports the bound address). When ctx is
// cancelled the server stops gracefully, as by Stop.
func (s *Server) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return ErrStarted
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.cfg.Addr, err)
	}
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	done := make(chan struct{})
	s.srv, s.ln, s.done = srv, ln, done
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("API server stopped", "err", err)
		}
	}()
	go func() {
		select {
		case <-ctx.Done():
			stopCtx, cancel := context.WithTimeout(context.Background(), stopTimeout)
			defer cancel()
			if err := s.Stop(stopCtx); err != nil {
				s.log.Warn("API server stop", "err", err)
			}
		case <-done:
		}
	}()
	s.log.Info("API listening", "addr", ln.Addr().String())
	return nil
}

// Addr returns the address the server listens on, "" before Start.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return ""
	}
	return s.ln.Addr().String()
}

// Stop shuts the server down gracefully: it stops listening and waits for
// the requests in flight until ctx ends, then closes what is left. Stop on a
// server never started, or already stopped, returns nil.
func (s *Server) Stop(ctx context.Context) error {
	s.mu.Lock()
	srv, done := s.srv, s.done
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	var errs []error
	if err := srv.Shutdown(ctx); err != nil {
		errs = append(errs, fmt.Errorf("shut down API server: %w", err))
		if err := srv.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close API server: %w", err))
		}
	}
	// Shutdown and Close close the listener first, so Serve returns at once.
	<-done
	return errors.Join(errs...)
}

// statusWriter records the status a handler writes.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests logs every request at debug level (method, path, status,
// duration) and turns a handler's panic into a 500 instead of a dropped
// connection. The query string is not logged.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("API handler panicked", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
				if sw.status == 0 {
					writeError(sw, http.StatusInternalServerError, "internal error")
				}
			}
			s.log.Debug("API request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "duration", time.Since(start))
		}()
		if !isClean(r.URL.Path) {
			// The mux would redirect to the cleaned path with an HTML body;
			// the API names its endpoints exactly, and answers in JSON.
			notFound(sw, r)
			return
		}
		next.ServeHTTP(sw, r)
	})
}

// isClean reports whether p is a rooted path without empty, "." or ".."
// segments (a trailing slash aside): one the mux serves without a redirect.
func isClean(p string) bool {
	if p == "" || p[0] != '/' {
		return false
	}
	c := path.Clean(p)
	if p[len(p)-1] == '/' && c != "/" {
		c += "/"
	}
	return c == p
}
