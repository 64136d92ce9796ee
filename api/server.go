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

	"github.com/denomwatch/denomwatch/health"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/recompute"
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
	// Object returns the verified bytes of a section 9 object and their
	// provenance, or an error wrapping index.ErrObjectNotFound.
	Object(kind recompute.ObjectKind, key common.Hash) ([]byte, index.Provenance, error)
}

// Status is the watcher's live view of the chain.
type Status interface {
	// Head is the number of the chain head the watcher last saw.
	Head() uint64
	// Processed is the number of the last block the watcher processed.
	Processed() uint64
}

// Blinder is a Status that can say it stopped judging because it cannot
// verify what its endpoints serve (*watcher.Watcher): /readyz is then 503.
type Blinder interface {
	Blinded() error
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

// NodeHealth is the node's health as /readyz reports it (health.Tracker
// has it).
type NodeHealth interface {
	Check() health.Verdict
}

// Deps are the server's collaborators. Store and Status are required; the
// rest may be nil: /metrics then serves nothing, the node's health is not
// part of /readyz, the admin endpoints answer 404, and logs are discarded.
type Deps struct {
	Store   Reader
	Status  Status
	Metrics prometheus.Gatherer
	Health  NodeHealth
	// Admin, when set, serves the admin endpoints (dead letters); only on
	// an address the operator keeps private.
	Admin Admin
	Log   *slog.Logger
}

// Server is the HTTP API: read-only, but for the admin endpoints when
// Deps.Admin is set.
type Server struct {
	cfg     Config
	store   Reader
	status  Status
	metrics prometheus.Gatherer
	health  NodeHealth
	admin   Admin
	log     *slog.Logger
	page    *page
	handler http.Handler
	// recomputes holds a token per recipient query recomputing a round.
	recomputes chan struct{}

	mu          sync.Mutex
	srv         *http.Server
	ln          net.Listener
	done        chan struct{} // closed when Serve has returned
	serveFailed error
}

// New builds the server; it does not listen until Listen, Start or Run.
func New(cfg Config, deps Deps) (*Server, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if deps.Store == nil || deps.Status == nil {
		return nil, fmt.Errorf("%w: the API needs a store reader and a status", ErrConfig)
	}
	if deps.Metrics == nil {
		deps.Metrics = prometheus.NewRegistry()
	}
	if deps.Log == nil {
		deps.Log = slog.New(slog.DiscardHandler)
	}
	pg, err := newPage(cfg)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:        cfg,
		store:      deps.Store,
		status:     deps.Status,
		metrics:    deps.Metrics,
		health:     deps.Health,
		admin:      deps.Admin,
		log:        deps.Log,
		page:       pg,
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
	get("/v1/rounds/{round}/data", http.HandlerFunc(s.roundData))
	get("/v1/recipients/{address}/allocations", http.HandlerFunc(s.allocations))
	get("/v1/objects/{kind}/{key}", http.HandlerFunc(s.object))
	// The recipient page: "/{$}" is / alone; every other unknown path
	// still falls to the JSON 404 below.
	get("/{$}", http.HandlerFunc(s.serveIndex))
	get("/assets/{file}", http.HandlerFunc(s.serveAsset))
	if s.admin != nil {
		s.adminRoutes(mux)
	}
	mux.Handle("/", http.HandlerFunc(notFound))
	return s.logRequests(s.cors(mux))
}

// Listen binds the configured address (Addr then reports it); the server
// serves once Run or Start is called.
func (s *Server) Listen(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln != nil {
		return ErrStarted
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.cfg.Addr, err)
	}
	s.ln = ln
	return nil
}

// Run serves (listening first unless Listen did) until ctx ends, then stops
// gracefully, as Stop, and returns ctx's error; or returns the error that
// stopped the server.
func (s *Server) Run(ctx context.Context) error {
	if err := s.Start(ctx); err != nil {
		return err
	}
	s.mu.Lock()
	done := s.done
	s.mu.Unlock()
	select {
	case <-ctx.Done():
		stopCtx, cancel := context.WithTimeout(context.Background(), stopTimeout)
		defer cancel()
		return errors.Join(ctx.Err(), s.Stop(stopCtx))
	case <-done:
		if err := s.serveErr(); err != nil {
			return err
		}
		return ctx.Err()
	}
}

// Start listens (unless Listen did) and serves in the background; it
// returns once listening. When ctx is cancelled the server stops
// gracefully, as by Stop.
func (s *Server) Start(ctx context.Context) error {
	s.mu.Lock()
	if s.srv != nil {
		s.mu.Unlock()
		return ErrStarted
	}
	s.mu.Unlock()
	if s.Addr() == "" {
		if err := s.Listen(ctx); err != nil {
			return err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	done := make(chan struct{})
	s.srv, s.done = srv, done
	ln := s.ln
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("API server stopped", "err", err)
			s.mu.Lock()
			s.serveFailed = err
			s.mu.Unlock()
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

// serveErr is the error that ended Serve, if any.
func (s *Server) serveErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.serveFailed
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
// server never started (a listener from Listen is closed), or already
// stopped, returns nil.
func (s *Server) Stop(ctx context.Context) error {
	s.mu.Lock()
	srv, done, ln := s.srv, s.done, s.ln
	s.mu.Unlock()
	if srv == nil {
		if ln != nil {
			_ = ln.Close()
		}
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
