// Package jobs runs denomwatch's scheduled work on github.com/robfig/cron/v3:
// the periodic re-audit of the recent rounds (watcher.Reaudit), the
// watcher-lag check, the optional daily digest webhook, and the pruning of
// data and objects older than the retention setting.
package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/robfig/cron/v3"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/health"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
	"github.com/denomwatch/denomwatch/watcher"
)

// ErrConfig is wrapped by every configuration error (a bad cron spec, say).
var ErrConfig = errors.New("bad jobs configuration")

// Config configures the scheduled jobs. Schedules are cron specs as
// robfig/cron's standard parser reads them ("*/5 * * * *", "@every 5m",
// "@daily"); "" turns a job off.
type Config struct {
	Meta alerts.Meta
	// Reaudit judges again the rounds committed in the last
	// ReauditLookback blocks that are not final (watcher.Reaudit).
	Reaudit         string
	ReauditLookback uint64
	// Lag checks, on its schedule, whether the watcher is more than
	// LagBlocks behind the head and raises watcher_lagging once per episode.
	Lag       string
	LagBlocks uint64
	// Digest sends a daily_digest of the last 24 hours.
	Digest string
	// Prune deletes the data of settled rounds committed more than
	// Retention ago, and releases the objects of the rounds
	// ObjectsReleasable lets go (0: keep everything; the job then does
	// nothing).
	Prune     string
	Retention time.Duration
	// Now is the clock (nil: time.Now).
	Now func() time.Time
}

// DefaultConfig: re-audit every 5 minutes over the last 10,000 blocks, lag
// check every 30 seconds at 50 blocks, no digest, prune daily with no
// retention limit (nothing pruned unless Retention is set).
func DefaultConfig() Config {
	return Config{Reaudit: "@every 5m", ReauditLookback: 10_000, Lag: "@every 30s", LagBlocks: 50, Prune: "@daily"}
}

// Check parses every schedule (robfig/cron's standard parser, descriptors
// such as "@every 5m" included), wrapping ErrConfig.
func (c Config) Check() error {
	var errs []error
	for _, j := range []struct{ name, spec string }{
		{"reaudit", c.Reaudit}, {"lag", c.Lag}, {"digest", c.Digest}, {"prune", c.Prune},
	} {
		if j.spec == "" {
			continue
		}
		if _, err := cron.ParseStandard(j.spec); err != nil {
			errs = append(errs, fmt.Errorf("%w: %s schedule %q: %v", ErrConfig, j.name, j.spec, err))
		}
	}
	if c.Retention < 0 {
		errs = append(errs, fmt.Errorf("%w: negative retention %s", ErrConfig, c.Retention))
	}
	return errors.Join(errs...)
}

// Store is what the jobs read and write (*index.Store): the rounds, the
// outbox, the objects (read by the re-audit, released by the prune) and
// the decision records still open.
type Store interface {
	watcher.ReauditStore
	watcher.ObjectStore
	Rounds(from, to uint64) ([]index.Round, error)
	Enqueue(bodies ...[]byte) ([]uint64, error)
	Prune(opts index.PruneOptions) ([]uint64, error)
	ObjectRounds() ([]uint64, error)
	PruneObjects(release func(round uint64) bool, limit int) (index.ObjectPrune, error)
	OpenSolveRecords() ([]index.SolveRecord, error)
	UndoDepth() uint64
}

// Progress is the watcher's position.
type Progress interface {
	Head() uint64
	Processed() uint64
}

// Observer receives the jobs' outcomes (the API's metrics implement it).
type Observer interface {
	ReauditDone(checked, mismatches int)
	Pruned(rounds int)
}

type nopObserver struct{}

func (nopObserver) ReauditDone(int, int) {}
func (nopObserver) Pruned(int)           {}

// NodeHealth is the node's health (health.Tracker).
type NodeHealth interface {
	Check() health.Verdict
}

// Funds is the challenger key's balance against the price of a proof.
type Funds struct {
	Address common.Address
	// Balance and ProofCost are in wei; Proofs = Balance / ProofCost.
	Balance, ProofCost *big.Int
	Proofs             uint64
	// LowProofs: the balance is low below this many proofs.
	LowProofs uint64
}

// Low reports whether the balance pays fewer than LowProofs proofs (or not
// even one).
func (f Funds) Low() bool { return f.Proofs < max(f.LowProofs, 1) }

// Deps are the jobs' collaborators. Keep (may be nil) keeps a round from
// pruning (the challenger's rounds with a proof in flight); Notify (may be
// nil) wakes the alert dispatcher after an alert is enqueued; Counts (may be
// nil) adds tallies (challenges by state, dead letters) to the digest;
// Health (may be nil) is the node's health the health check raises
// node_stalled from; Funds (may be nil: no key) reads the challenger's
// balance, from which it raises balance_low.
//
// The re-audit judges with Objects (nil Cache: an IndexCache over Store;
// nil DA: the index's objects alone, nothing fetched), reading reveals
// again through Logs (may be nil) from the AVS at AVS, with Recompute.
type Deps struct {
	Store     Store
	Progress  Progress
	Keep      func(round uint64) bool
	Notify    func()
	Counts    func() map[string]uint64
	Health    NodeHealth
	Funds     func(ctx context.Context) (Funds, error)
	Log       *slog.Logger
	Observer  Observer
	Objects   watcher.Objects
	Logs      watcher.LogReader
	AVS       common.Address
	Recompute recompute.Options
}

// reauditCacheBytes bounds the memory in front of the index of the
// re-audit's own IndexCache: it reads each round once a run, and the
// index is the copy that matters.
const reauditCacheBytes = 4 << 20

// Scheduler runs the jobs.
type Scheduler struct {
	cfg  Config
	deps Deps
	cron *cron.Cron
	log  *slog.Logger

	mu       sync.Mutex
	lagging  bool            // a watcher_lagging episode is on
	stalled  bool            // a node_stalled episode is on
	lowFunds bool            // a balance_low episode is on
	reported map[string]bool // reaudit_mismatch ids raised since start
}

// New checks cfg's schedules and returns a scheduler ready to Run.
func New(cfg Config, deps Deps) (*Scheduler, error) {
	if deps.Store == nil || deps.Progress == nil {
		return nil, fmt.Errorf("%w: a store and the watcher's progress are required", ErrConfig)
	}
	if deps.Log == nil {
		deps.Log = slog.New(slog.DiscardHandler)
	}
	if deps.Observer == nil {
		deps.Observer = nopObserver{}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if deps.Objects.Cache == nil {
		deps.Objects.Cache = watcher.NewIndexCache(deps.Store, reauditCacheBytes)
	}
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	s := &Scheduler{cfg: cfg, deps: deps, log: deps.Log.With("module", "jobs"), reported: map[string]bool{}}
	s.cron = cron.New(cron.WithLogger(cronLogger{s.log}), cron.WithChain(cron.SkipIfStillRunning(cronLogger{s.log})))
	for _, j := range []struct {
		name, spec string
		run        func(context.Context) error
	}{
		{"reaudit", cfg.Reaudit, func(ctx context.Context) error { _, err := s.RunReaudit(ctx); return err }},
		{"health", cfg.Lag, s.CheckHealth},
		{"digest", cfg.Digest, s.SendDigest},
		{"prune", cfg.Prune, func(context.Context) error { _, err := s.RunPrune(); return err }},
	} {
		if j.spec == "" {
			continue
		}
		run, name := j.run, j.name
		if _, err := s.cron.AddFunc(j.spec, func() {
			if err := run(context.Background()); err != nil {
				s.log.Error("scheduled job failed", "job", name, "err", err)
			}
		}); err != nil {
			return nil, fmt.Errorf("%w: %s schedule %q: %v", ErrConfig, name, j.spec, err)
		}
	}
	return s, nil
}

// Run runs the jobs on their schedules until ctx ends, then waits for a
// running job to finish.
func (s *Scheduler) Run(ctx context.Context) error {
	s.cron.Start()
	<-ctx.Done()
	<-s.cron.Stop().Done()
	return ctx.Err()
}

// enqueue stores events in the outbox and wakes the dispatcher.
func (s *Scheduler) enqueue(events ...alerts.Event) error {
	bodies, err := alerts.MarshalAll(events)
	if err != nil {
		return err
	}
	if _, err := s.deps.Store.Enqueue(bodies...); err != nil {
		return err
	}
	if s.deps.Notify != nil {
		s.deps.Notify()
	}
	return nil
}

// RunReaudit judges the recent rounds again (watcher.Reaudit) and raises a
// reaudit_mismatch alert for each disagreement.
func (s *Scheduler) RunReaudit(ctx context.Context) (watcher.ReauditReport, error) {
	head := s.deps.Progress.Processed()
	rep, err := watcher.Reaudit(ctx, s.deps.Store, watcher.ReauditOptions{Objects: s.deps.Objects, Logs: s.deps.Logs,
		AVS: s.deps.AVS, Recompute: s.deps.Recompute, Head: head, Lookback: s.cfg.ReauditLookback})
	if err != nil {
		return rep, fmt.Errorf("re-audit: %w", err)
	}
	s.deps.Observer.ReauditDone(rep.Checked, len(rep.Mismatches))
	if len(rep.Mismatches) == 0 {
		s.log.Info("re-audit found nothing new", "rounds", rep.Checked, "skipped", rep.Skipped, "head", head)
		return rep, nil
	}
	var events []alerts.Event
	for _, m := range rep.Mismatches {
		ev, err := s.mismatchEvent(m)
		if err != nil {
			return rep, err
		}
		s.mu.Lock()
		if !s.reported[ev.ID] { // one alert per disagreement, not one per run
			s.reported[ev.ID] = true
			events = append(events, ev)
		}
		s.mu.Unlock()
	}
	if len(events) == 0 {
		return rep, nil
	}
	return rep, s.enqueue(events...)
}

// mismatchEvent logs a re-audit's mismatch and returns its alert.
func (s *Scheduler) mismatchEvent(m watcher.Mismatch) (alerts.Event, error) {
	stored, rejudged := summary(&m.Stored), summary(&m.Rejudged)
	s.log.Error("re-audit disagrees with the index", "round", m.Round, "stored", stored, "rejudged", rejudged)
	r, _, err := s.deps.Store.Round(m.Round)
	if err != nil {
		return alerts.Event{}, err
	}
	var batchTx common.Hash
	if len(r.Batches) > 0 {
		batchTx = r.Batches[len(r.Batches)-1].TxHash
	}
	return alerts.ReauditMismatchEvent(s.cfg.Meta, m.Round, batchTx, index.Verdict(m.Stored.Status), index.Verdict(m.Rejudged.Status),
		fmt.Sprintf("Stored: %s; judged again: %s.", stored, rejudged)), nil
}

// summary says a verdict in a few words: its status, rule, position and
// reason.
func summary(v *judge.Verdict) string {
	s := string(v.Status)
	if v.Rule != "" {
		s += " " + string(v.Rule)
	}
	if v.Provider != nil {
		s += fmt.Sprintf(" at provider %d", *v.Provider)
	}
	if v.BadAllocation != nil && v.BadAllocation.FirstWrongEntry != nil {
		s += fmt.Sprintf(" entry %d", v.BadAllocation.FirstWrongEntry.GlobalIndex)
	}
	if v.Reason != "" {
		s += " (" + v.Reason + ")"
	}
	return s
}

// CheckHealth is the health job: the watcher's lag (CheckLag), the node's
// health (CheckNode) and the challenger's funds (CheckFunds).
func (s *Scheduler) CheckHealth(ctx context.Context) error {
	return errors.Join(s.CheckLag(), s.CheckNode(), s.CheckFunds(ctx))
}

// CheckNode raises node_stalled when the node is stalled, once per episode.
func (s *Scheduler) CheckNode() error {
	if s.deps.Health == nil {
		return nil
	}
	v := s.deps.Health.Check()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !v.Stalled {
		if s.stalled {
			s.log.Info("the node recovered", "head", s.deps.Progress.Head())
		}
		s.stalled = false
		return nil
	}
	if s.stalled {
		return nil
	}
	s.stalled = true
	head := s.deps.Progress.Head()
	s.log.Error("the node is stalled", "reason", v.Reason, "kind", v.Kind, "head", head)
	return s.enqueue(alerts.NodeStalledEvent(s.cfg.Meta, head, v.Kind, v.Reason))
}

// CheckFunds reads the challenger's balance and raises balance_low when it
// pays fewer proofs than wanted, once per episode.
func (s *Scheduler) CheckFunds(ctx context.Context) error {
	if s.deps.Funds == nil {
		return nil
	}
	f, err := s.deps.Funds(ctx)
	if err != nil {
		return fmt.Errorf("challenger balance: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !f.Low() {
		if s.lowFunds {
			s.log.Info("the challenger's balance is enough again", "address", f.Address, "balanceWei", f.Balance, "proofs", f.Proofs)
		}
		s.lowFunds = false
		return nil
	}
	if s.lowFunds {
		return nil
	}
	s.lowFunds = true
	s.log.Warn("the challenger's balance is low", "address", f.Address, "balanceWei", f.Balance, "proofCostWei", f.ProofCost, "proofs", f.Proofs, "wanted", f.LowProofs)
	return s.enqueue(alerts.BalanceLowEvent(s.cfg.Meta, f.Address, f.Balance.String(), f.ProofCost.String(), f.Proofs, f.LowProofs))
}

// CheckLag raises watcher_lagging when the watcher falls more than
// LagBlocks behind the head, once per episode.
func (s *Scheduler) CheckLag() error {
	head, processed := s.deps.Progress.Head(), s.deps.Progress.Processed()
	lag := uint64(0)
	if head > processed {
		lag = head - processed
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if lag <= s.cfg.LagBlocks {
		if s.lagging {
			s.log.Info("the watcher caught up", "head", head, "processed", processed)
		}
		s.lagging = false
		return nil
	}
	if s.lagging {
		return nil
	}
	s.lagging = true
	s.log.Warn("the watcher is lagging", "head", head, "processed", processed, "lag", lag)
	return s.enqueue(alerts.WatcherLaggingEvent(s.cfg.Meta, head, processed, lag))
}

// SendDigest sends the daily digest: the rounds committed in the last 24
// hours by verdict, plus the Counts tallies.
func (s *Scheduler) SendDigest(ctx context.Context) error {
	now := s.cfg.Now()
	since := uint64(now.Add(-24 * time.Hour).Unix())
	counts := map[string]uint64{}
	latest, ok, err := s.deps.Store.LatestRound()
	if err != nil {
		return err
	}
	for hi := latest; ok && hi >= 1; {
		if err := ctx.Err(); err != nil {
			return err
		}
		lo := uint64(1)
		if hi > 500 {
			lo = hi - 499
		}
		rs, err := s.deps.Store.Rounds(lo, hi)
		if err != nil {
			return err
		}
		done := false
		for i := len(rs) - 1; i >= 0; i-- {
			if rs[i].CommitTime < since {
				done = true
				break
			}
			counts["rounds"]++
			counts["verdict."+string(rs[i].Verdict)]++
		}
		if done || lo == 1 {
			break
		}
		hi = lo - 1
	}
	if s.deps.Counts != nil {
		for k, v := range s.deps.Counts() {
			counts[k] = v
		}
	}
	s.log.Info("sending the daily digest", "counts", counts)
	return s.enqueue(alerts.DigestEvent(s.cfg.Meta, now, counts))
}

// PruneReport is what RunPrune did: the rounds whose data it deleted
// (index.Store.Prune) and the objects it released (index.Store.PruneObjects).
type PruneReport struct {
	Rounds  []uint64
	Objects index.ObjectPrune
}

// RunPrune deletes the data of settled rounds committed more than
// Retention ago, and releases the objects of the rounds ObjectsReleasable
// lets go (nothing when Retention is 0). A round with objects keeps its
// data too until its objects go (Prune would release them with it).
func (s *Scheduler) RunPrune() (PruneReport, error) {
	rep := PruneReport{Objects: index.ObjectPrune{Rounds: []uint64{}}}
	if s.cfg.Retention <= 0 {
		return rep, nil
	}
	before := s.cfg.Now().Add(-s.cfg.Retention).Unix()
	if before <= 0 {
		return rep, nil
	}
	release, withObjects, err := s.releaseRule(uint64(before), s.settledBelow())
	if err != nil {
		return rep, fmt.Errorf("prune: %w", err)
	}
	keep := func(round uint64) bool {
		return s.deps.Keep != nil && s.deps.Keep(round) || withObjects[round] && !release(round)
	}
	if err := s.releaseObjects(release, &rep.Objects); err != nil {
		return rep, fmt.Errorf("prune: %w", err)
	}
	for {
		pruned, err := s.deps.Store.Prune(index.PruneOptions{Before: uint64(before), Head: s.deps.Progress.Processed(), Keep: keep})
		rep.Rounds = append(rep.Rounds, pruned...)
		if err != nil {
			return rep, fmt.Errorf("prune: %w", err)
		}
		if len(pruned) == 0 {
			break
		}
	}
	s.deps.Observer.Pruned(len(rep.Rounds))
	if len(rep.Rounds) > 0 {
		s.log.Info("pruned the data of old settled rounds", "rounds", len(rep.Rounds), "first", rep.Rounds[0], "last", rep.Rounds[len(rep.Rounds)-1], "retention", s.cfg.Retention)
	}
	if o := rep.Objects; len(o.Rounds) > 0 {
		s.log.Info("released the objects of old final rounds", "rounds", len(o.Rounds), "objects", o.Objects, "bytes", o.Bytes, "retention", s.cfg.Retention)
	}
	return rep, nil
}

// settledBelow is the block below which no rollback reaches: a record last
// changed below it stays as it is (0: none yet).
func (s *Scheduler) settledBelow() uint64 {
	processed, depth := s.deps.Progress.Processed(), s.deps.Store.UndoDepth()
	if processed <= depth {
		return 0
	}
	return processed - depth
}

// releaseObjects releases the objects of the rounds release lets go, a
// thousand rounds a call, adding to out.
func (s *Scheduler) releaseObjects(release func(uint64) bool, out *index.ObjectPrune) error {
	for {
		p, err := s.deps.Store.PruneObjects(release, 0)
		out.Rounds = append(out.Rounds, p.Rounds...)
		out.Objects += p.Objects
		out.Bytes += p.Bytes
		if err != nil || len(p.Rounds) == 0 {
			return err
		}
	}
}

// releaseRule returns this run's release rule (ObjectsReleasable over the
// stored records, the challenger's rounds in flight, Keep, and the open
// decision records) and the rounds that reference objects. A record that
// cannot be read keeps its round's objects.
func (s *Scheduler) releaseRule(cutoff, settledBelow uint64) (func(uint64) bool, map[uint64]bool, error) {
	open, err := s.deps.Store.OpenSolveRecords()
	if err != nil {
		return nil, nil, err
	}
	busy := map[uint64]bool{}
	for _, r := range open {
		busy[r.Round] = true
	}
	rounds, err := s.deps.Store.ObjectRounds()
	if err != nil {
		return nil, nil, err
	}
	withObjects := make(map[uint64]bool, len(rounds))
	for _, n := range rounds {
		withObjects[n] = true
	}
	release := func(round uint64) bool {
		r, ok, err := s.deps.Store.Round(round)
		if err != nil {
			s.log.Warn("cannot read a round; keeping its objects", "round", round, "err", err)
			return false
		}
		var rec *index.Round
		if ok {
			rec = &r
		}
		return ObjectsReleasable(rec, busy[round] || s.deps.Keep != nil && s.deps.Keep(round), cutoff, settledBelow)
	}
	return release, withObjects, nil
}

// ObjectsReleasable is the retention rule of a round's objects: they may
// be released once the round is final (RoundFinalized seen: no live batch,
// no availability challenge open) for good (its record last changed below
// settledBelow, the block no rollback reaches), was committed before cutoff
// (unix seconds: now less the retention), and nothing is busy with it
// (busy: a challenge in flight or a decision record open). Kept: a round
// with a live batch, a round with no batch or only voided ones (a batch may
// come), a round with an open availability challenge, one whose finality a
// reorganisation could still undo, and a round with no record (r nil: the
// watcher stores a block's objects before the block's records, so a record
// may be on its way).
func ObjectsReleasable(r *index.Round, busy bool, cutoff, settledBelow uint64) bool {
	if r == nil || busy || !r.Finalized || r.UpdatedBlock == 0 || r.UpdatedBlock >= settledBelow {
		return false
	}
	for _, c := range r.AvailabilityChallenges {
		if c.State == index.ChallengeOpen {
			return false
		}
	}
	return r.CommitTime != 0 && r.CommitTime < cutoff
}

// cronLogger routes robfig/cron's logger to slog.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
