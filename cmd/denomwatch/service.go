package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/sync/errgroup"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/challenge"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/health"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/jobs"
	"github.com/denomwatch/denomwatch/metrics"
	"github.com/denomwatch/denomwatch/rpcpool"
	"github.com/denomwatch/denomwatch/watcher"
)

// node is what the watcher, the challenger and the health probe need from
// the chain: the embedded devnet's client or the RPC pool.
type node interface {
	watcher.Chain
	challenge.Chain
}

// service is `denomwatch run` built: its parts, made in small steps
// (newService), run together (Run) and closed in reverse order, however far
// the building went (Close).
type service struct {
	cfg  runConfig
	pre  *preflight
	log  *slog.Logger
	out  io.Writer
	info buildInfo

	metrics *metrics.Metrics
	health  *health.Tracker
	key     *ecdsa.PrivateKey

	devnet        *devnet.Devnet // nil with --rpc
	chain         node
	avs           common.Address
	startBlock    uint64
	chainID       uint64
	confirmations uint64
	dir           string

	store      *index.Store
	objects    watcher.Objects // the DA client and the object cache, shared by the watcher and the challenger
	alertMeta  alerts.Meta
	dispatcher *alerts.Dispatcher // nil without webhooks
	challenger *challenge.Executor
	watcher    *watcher.Watcher
	scheduler  *jobs.Scheduler
	server     *api.Server // nil without an API

	// runs are the parts' blocking Run functions; closers undo the steps,
	// in the order they were taken.
	runs    []func(ctx context.Context) error
	closers []func() error
}

// newService builds the service from a checked configuration and what
// preflight found, one step at a time; on failure the caller still closes
// what was built (Close copes with a half-built service).
func newService(ctx context.Context, cfg runConfig, pre *preflight, log *slog.Logger, out io.Writer, info buildInfo) (*service, error) {
	s := &service{cfg: cfg, pre: pre, log: log, out: out, info: info, key: pre.key}
	s.closers = append(s.closers, func() error { pre.close(); return nil })
	steps := []struct {
		name string
		run  func(context.Context) error
	}{
		{"metrics", s.initMetrics},
		{"chain", s.initChain},
		{"index", s.initStore},
		{"data availability", s.initDA},
		{"alerts", s.initAlerts},
		{"challenger", s.initChallenger},
		{"watcher", s.initWatcher},
		{"health", s.initHealth},
		{"jobs", s.initJobs},
		{"api", s.initAPI},
	}
	for _, st := range steps {
		if err := st.run(ctx); err != nil {
			return s, fmt.Errorf("%s: %w", st.name, err)
		}
	}
	return s, nil
}

// Run runs every part until ctx ends or one fails; it returns nil after a
// cancellation.
func (s *service) Run(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, run := range s.runs {
		g.Go(func() error { return run(ctx) })
	}
	if err := g.Wait(); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// Close undoes the steps taken, last first.
func (s *service) Close() error {
	var errs []error
	for i := len(s.closers) - 1; i >= 0; i-- {
		errs = append(errs, s.closers[i]())
	}
	s.closers = nil
	return errors.Join(errs...)
}

func (s *service) initMetrics(context.Context) error {
	s.metrics = metrics.New()
	s.metrics.SetBuildInfo(s.info.Version, s.info.Commit, s.info.GoVersion)
	s.health = health.NewTracker(s.cfg.stallAfter(), nil)
	s.metrics.RegisterHealth(s.health)
	for _, w := range s.pre.keyWarnings {
		s.log.Warn("challenger key: " + w)
	}
	return nil
}

// initChain starts the embedded devnet (with a fresh challenger key it
// funds, unless one was given or --dry-run), or takes the RPC pool
// preflight dialled.
func (s *service) initChain(ctx context.Context) error {
	if s.cfg.Devnet == nil {
		pool := s.pre.pool
		s.chain, s.avs, s.startBlock, s.chainID = pool, s.cfg.Contract, s.cfg.StartBlock, s.pre.chainID
		pool.OnSwitch(func(_, to string, _ error) { s.metrics.RPCSwitched(to) })
		s.metrics.RPCInUse(pool.Current())
		s.metrics.RegisterRPCEndpoints(poolEndpoints(pool))
		s.log.Info("rpc endpoints", "using", pool.Current(), "endpoints", len(s.cfg.RPC), "chain", s.chainID)
		return nil
	}
	cfg := *s.cfg.Devnet
	if s.key == nil && !s.cfg.Challenge.DryRun {
		k, err := crypto.GenerateKey()
		if err != nil {
			return err
		}
		s.key = k
		s.log.Info("challenger: a fresh key, funded by the embedded devnet", "address", keyAddress(k))
	}
	if s.key != nil {
		cfg.Fund = append(cfg.Fund, keyAddress(s.key))
	}
	cfg.Out, cfg.Log = s.out, s.log
	d, err := devnet.New(cfg)
	if err != nil {
		return err
	}
	s.closers = append(s.closers, func() error { d.Close(); return nil })
	if err := d.Start(ctx); err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	desc := d.Description()
	s.devnet, s.chain, s.avs, s.startBlock, s.chainID = d, d.Client(), desc.AVS, desc.StartBlock, desc.ChainID
	if len(s.cfg.DASources) == 0 {
		s.cfg.DASources = []string{d.DASource()}
	}
	s.metrics.RegisterRPCEndpoints(trackerEndpoint("embedded", s.health))
	s.runs = append(s.runs, d.Run)
	return nil
}

// initStore opens the index under the data directory; it stops writing
// (and resumes by itself) while the disk has less than --min-free-mb free.
func (s *service) initStore(context.Context) error {
	s.confirmations = uint64(s.cfg.Confirmations)
	if s.cfg.Confirmations < 0 {
		s.confirmations = 12
		if s.chainID == devnetChainID {
			s.confirmations = 0
		}
	}
	s.dir = filepath.Join(s.cfg.DataDir, fmt.Sprintf("%d-%s", s.chainID, strings.ToLower(s.avs.Hex())))
	if err := os.MkdirAll(s.dir, 0o750); err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	store, err := index.Open(index.Options{Dir: s.dir, Logger: s.log, DeferSync: true, MinFreeBytes: s.cfg.MinFreeBytes})
	if err != nil {
		return fmt.Errorf("open the index in %s: %w", s.dir, err)
	}
	s.store = store
	s.closers = append(s.closers, store.Close)
	s.metrics.RegisterDisk(store.Space)
	s.metrics.RegisterDeadLetters(store.DeadLetterCount)
	return nil
}

// initDA builds the verifying data-availability client over the sources,
// and the object cache over the index the watcher and the challenger share.
func (s *service) initDA(context.Context) error {
	c, err := da.NewClient(da.Options{Sources: s.cfg.DASources, Timeout: s.cfg.DATimeout, Observer: s.metrics, Logger: s.log.With("module", "da")})
	if err != nil {
		return err
	}
	// The index keeps every verified object with its provenance (a memory
	// cache in front): proofs can be built when every source is gone, and
	// /v1/objects serves them to other watchers.
	s.objects = watcher.Objects{DA: c, Cache: watcher.NewIndexCache(s.store, watcher.DefaultCacheBytes)}
	s.log.Info("data-availability sources", "sources", c.SourceNames())
	return nil
}

func (s *service) initAlerts(context.Context) error {
	s.alertMeta = alerts.Meta{ChainID: s.chainID, AVS: s.avs}
	if s.pre.webhooks == nil {
		s.log.Info("no --webhooks: alerts are not sent")
		return nil
	}
	d, err := alerts.NewDispatcher(*s.pre.webhooks, s.store, nil, s.log, s.metrics)
	if err != nil {
		return err
	}
	s.dispatcher = d
	names := make([]string, len(s.pre.webhooks.Webhooks))
	for i, w := range s.pre.webhooks.Webhooks {
		names[i] = w.Name
	}
	s.log.Info("sending alerts", "webhooks", names)
	s.runs = append(s.runs, d.Run)
	return nil
}

// alertStore is the store the challenger and the jobs write alerts to:
// without webhooks their alerts are dropped rather than left in an outbox
// nobody empties.
func (s *service) alertStore() discardableStore {
	if s.dispatcher == nil {
		return discardAlerts{s.store}
	}
	return s.store
}

func (s *service) initChallenger(context.Context) error {
	cfg := s.cfg.Challenge
	cfg.AVS, cfg.ChainID, cfg.StartBlock = s.avs, s.chainID, s.startBlock
	if !s.cfg.ChallengeConfirmationsSet {
		// The challenger relies on an event no shallower than the watcher
		// reads: a reorganisation the watcher follows is followed here too.
		cfg.Confirmations = max(cfg.Confirmations, s.confirmations)
	}
	deps := challenge.Deps{Chain: s.chain, Store: s.alertStore(), Objects: s.objects, Log: s.log, Obs: s.metrics}
	ch, err := challenge.New(cfg, deps, s.key)
	if err != nil {
		return err
	}
	s.challenger = ch
	switch {
	case s.key == nil:
		s.log.Warn("no challenger key: monitor-only, frauds are reported but not proven (set $" + challengerKeyEnv + ", --challenger-key-file or --challenger-keystore)")
	case cfg.DryRun:
		s.log.Info("challenger in dry run: moves are built and simulated, never sent", "address", ch.Address())
	default:
		s.log.Info("challenger ready", "address", ch.Address())
	}
	s.runs = append(s.runs, ch.Run)
	return nil
}

func (s *service) initWatcher(ctx context.Context) error {
	cfg := watcher.Config{
		AVS: s.avs, StartBlock: s.startBlock, Confirmations: s.confirmations,
		PollInterval: s.cfg.PollInterval, Log: s.log, TrustRPC: s.cfg.TrustRPC, OnLie: s.onLie,
	}
	if s.dispatcher != nil {
		cfg.Alerts = func(prev *index.Round, cur index.Round, affected []common.Address) ([][]byte, error) {
			return alerts.MarshalAll(alerts.ForRound(s.alertMeta, prev, cur, affected))
		}
		cfg.OnAlerts = s.dispatcher.Notify
	}
	w, err := watcher.New(ctx, cfg, s.chain, notifyingStore{Store: s.store, wake: s.challenger.Notify}, s.objects, s.metrics)
	if err != nil {
		return err
	}
	s.watcher = w
	s.log.Info("watching", "avs", s.avs, "chain", s.chainID, "from", s.startBlock, "confirmations", s.confirmations, "index", s.dir)
	s.runs = append(s.runs, w.Run)
	return nil
}

// onLie raises rpc_endpoint_lying for an endpoint whose answer failed
// verification (the watcher has already turned to another endpoint, or
// stopped judging if none answers truly).
func (s *service) onLie(endpoint string, lie *rpcpool.Lie) {
	ev := alerts.RPCEndpointLyingEvent(s.alertMeta, endpoint, string(lie.Kind), lie.Block, lie.Detail)
	bodies, err := alerts.MarshalAll([]alerts.Event{ev})
	if err == nil && s.dispatcher != nil {
		_, err = s.store.Enqueue(bodies...)
		s.dispatcher.Notify()
	}
	if err != nil {
		s.log.Warn("rpc_endpoint_lying not enqueued", "endpoint", endpoint, "err", err)
	}
}

// initHealth probes the node at the block time's pace.
func (s *service) initHealth(context.Context) error {
	p := &health.Prober{Chain: s.chain, Tracker: s.health, Interval: s.cfg.BlockTime, Log: s.log.With("module", "health")}
	s.runs = append(s.runs, p.Run)
	return nil
}

func (s *service) initJobs(context.Context) error {
	cfg := s.cfg.Jobs
	cfg.Meta = s.alertMeta
	deps := jobs.Deps{Store: s.alertStore(), Progress: s.watcher, Keep: openChallenges(s.store, s.log),
		Counts: challengeCounts(s.store), Log: s.log, Observer: s.metrics, Health: s.health}
	if s.dispatcher != nil {
		deps.Notify = s.dispatcher.Notify
	}
	if s.key != nil && s.devnet == nil {
		deps.Funds = fundsReader(s.pre.pool, keyAddress(s.key), s.cfg.ProofGas, s.cfg.LowBalanceProofs, s.cfg.Challenge.MaxFeeCap, s.metrics)
	}
	sched, err := jobs.New(cfg, deps)
	if err != nil {
		return err
	}
	s.scheduler = sched
	if cfg.Retention > 0 {
		s.log.Info("pruning the data of settled rounds", "retention", cfg.Retention, "schedule", cfg.Prune)
	}
	s.runs = append(s.runs, sched.Run)
	return nil
}

func (s *service) initAPI(ctx context.Context) error {
	if s.cfg.API.Addr == "" {
		return nil
	}
	deps := api.Deps{Store: s.store, Status: s.watcher, Metrics: s.metrics.Registry(), Health: s.health, Log: s.log}
	if s.cfg.Admin {
		deps.Admin = adminStore{Store: s.store, notify: s.notifyDispatcher}
	}
	srv, err := api.New(s.cfg.API, deps)
	if err != nil {
		return err
	}
	if err := srv.Listen(ctx); err != nil {
		return err
	}
	s.server = srv
	s.closers = append(s.closers, func() error { return srv.Stop(context.Background()) })
	s.log.Info("serving the API", "addr", srv.Addr(), "admin", s.cfg.Admin, "page", "http://"+srv.Addr()+"/", "corsOrigins", s.cfg.API.CORSOrigins)
	s.runs = append(s.runs, srv.Run)
	return nil
}

// notifyDispatcher wakes the dispatcher, if any.
func (s *service) notifyDispatcher() {
	if s.dispatcher != nil {
		s.dispatcher.Notify()
	}
}

// adminStore is the index as the admin endpoints use it: a requeued dead
// letter wakes the dispatcher.
type adminStore struct {
	*index.Store
	notify func()
}

func (a adminStore) RequeueDeadLetter(seq uint64, webhook string) (uint64, error) {
	n, err := a.Store.RequeueDeadLetter(seq, webhook)
	if err == nil {
		a.notify()
	}
	return n, err
}
