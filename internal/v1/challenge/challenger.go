package challenge

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math"
	"math/big"
	"slices"
	"sort"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/txmgr"
)

// roundPage is how many rounds one read of the index takes.
const roundPage = 1000

// Challenger turns fraud verdicts into mined fraud proofs. Build it with
// New, run it with Run; Notify wakes it early (after the watcher stored a
// fraud verdict, say).
type Challenger struct {
	cfg   Config
	chain Chain
	store Store
	key   *ecdsa.PrivateKey
	from  common.Address
	log   *slog.Logger
	obs   Observer
	now   func() time.Time
	wake  chan struct{}

	// The rest belongs to the goroutine running Run (or Step).
	started   bool
	chainID   *big.Int
	bountyBps *big.Int
	tx        *txmgr.TxManager // nil without a key
	counts    map[index.ChallengeState]int
	// watch holds the rounds not finalized: the only ones a new fraud
	// verdict can appear in, so that a pass does not read a months-long
	// history. scanned is the highest round read into it.
	watch      map[uint64]struct{}
	scanned    uint64
	rescan     bool
	checkpoint uint64
	// alerted: batches whose deadline_at_risk alert was raised without a
	// record to note it in (monitor-only).
	alerted map[common.Hash]bool
	// feeCapped: batches whose replacement the fee cap forbade (logged once).
	feeCapped map[common.Hash]bool
	// broadcast: attempts this process has handed to the node; an attempt
	// stored as sent but not in it was sent by an earlier process.
	broadcast map[common.Hash]bool
}

// New returns a challenger of cfg.AVS. key signs the proofs; without one
// the challenger is monitor-only: it raises deadline_at_risk alerts for
// unproven frauds and follows proofs already in flight, but never plans or
// sends one. A nil log discards; a nil obs observes nothing.
func New(cfg Config, chain Chain, store Store, key *ecdsa.PrivateKey, log *slog.Logger, obs Observer) (*Challenger, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if chain == nil || store == nil {
		return nil, fmt.Errorf("%w: the challenger needs a chain and a store", ErrConfig)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if obs == nil {
		obs = nopObserver{}
	}
	now := cfg.Clock
	if now == nil {
		now = time.Now
	}
	c := &Challenger{
		cfg: cfg, chain: chain, store: store, key: key, log: log.With("module", "challenger"), obs: obs, now: now,
		wake:      make(chan struct{}, 1),
		watch:     map[uint64]struct{}{},
		alerted:   map[common.Hash]bool{},
		feeCapped: map[common.Hash]bool{},
		broadcast: map[common.Hash]bool{},
	}
	if key != nil {
		c.from = crypto.PubkeyToAddress(key.PublicKey)
	}
	return c, nil
}

// Address is the challenger's address (zero without a key).
func (c *Challenger) Address() common.Address { return c.from }

// Notify wakes the challenger for a pass now rather than at the next poll.
// It never blocks.
func (c *Challenger) Notify() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// Run makes a pass every PollInterval (or at Notify) until ctx ends, and
// returns ctx's error then. A failed pass is logged and retried; only a
// configuration the chain contradicts (another chain id) ends Run early,
// with ErrConfig.
func (c *Challenger) Run(ctx context.Context) error {
	t := time.NewTimer(0)
	defer t.Stop()
	var fails failureLog
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		case <-c.wake:
		}
		err := c.Step(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(err, ErrConfig) {
			return err
		}
		fails.pass(c.log, c.now(), err)
		if !t.Stop() {
			select {
			case <-t.C:
			default:
			}
		}
		t.Reset(c.cfg.PollInterval)
	}
}

// openFrauds counts the frauds of a pass not proven yet (no proof of this
// challenger mined, none settled) whose window is still open, and the
// blocks left before the earliest of them closes (+Inf when none).
func openFrauds(head uint64, works []*work) (int, float64) {
	n, left := 0, math.Inf(1)
	for _, w := range works {
		rec := &w.rec
		settled := w.stored != "" && rec.State.Terminal() && rec.State != index.ChallengeDryRun
		if settled || rec.Block != 0 || rec.DeadlineBlock < head || rec.State == index.ChallengeConfirmed {
			continue
		}
		n++
		left = min(left, float64(rec.DeadlineBlock-head))
	}
	return n, left
}

// failureLog logs failed passes: a failure at warning level when it is new
// (another error than the last) or a minute after the last warning, else at
// debug level, so that a lasting failure (a key without funds, a full
// disk) is not a warning every poll; and the recovery once.
type failureLog struct {
	last    string
	warned  time.Time
	repeats int
}

// failureWarnEvery spaces the warnings of one lasting failure.
const failureWarnEvery = time.Minute

func (f *failureLog) pass(log *slog.Logger, now time.Time, err error) {
	if err == nil {
		if f.last != "" {
			log.Info("challenger passes succeed again", "failedPasses", f.repeats+1)
		}
		*f = failureLog{}
		return
	}
	msg := err.Error()
	if msg != f.last || now.Sub(f.warned) >= failureWarnEvery {
		log.Warn("challenger pass failed; retrying", "err", err, "sameFailures", f.repeats)
		f.last, f.warned, f.repeats = msg, now, 0
		return
	}
	f.repeats++
	log.Debug("challenger pass failed again", "err", err, "sameFailures", f.repeats)
}

// Step makes one pass: it finds the fraud verdicts whose live batch has no
// settled challenge and the challenges in flight, and advances each, the
// earliest deadline first. The error joins the failures of the pass; one
// challenge's failure does not hold the others back.
func (c *Challenger) Step(ctx context.Context) error {
	if !c.started {
		if err := c.start(ctx); err != nil {
			return err
		}
	}
	head, err := c.chain.BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("head: %w", err)
	}
	works, err := c.collect(head)
	if err != nil {
		return err
	}
	c.obs.SetOpenFrauds(openFrauds(head, works))
	var errs []error
	for _, w := range works {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err := c.drive(ctx, head, w); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			errs = append(errs, fmt.Errorf("round %d batch %s: %w", w.rec.Round, w.rec.BatchTx.Hex(), err))
		}
	}
	return errors.Join(errs...)
}

// start reads the chain id and the bounty share, syncs the key's nonce with
// the challenges in flight, and counts the stored challenges.
func (c *Challenger) start(ctx context.Context) error {
	id, err := c.chain.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("chain id: %w", err)
	}
	if c.cfg.ChainID != 0 && (!id.IsUint64() || id.Uint64() != c.cfg.ChainID) {
		return fmt.Errorf("%w: the node is on chain %s, the challenger is configured for %d", ErrConfig, id, c.cfg.ChainID)
	}
	out, err := c.call(ctx, avsABI.PackBountyBps())
	if err != nil {
		return fmt.Errorf("read the bounty share of %s: %w", c.cfg.AVS, err)
	}
	bps, err := avsABI.UnpackBountyBps(out)
	if err != nil {
		return fmt.Errorf("read the bounty share of %s (is it the AVS?): %w", c.cfg.AVS, err)
	}
	all, err := c.store.Challenges()
	if err != nil {
		return err
	}
	c.chainID, c.bountyBps = id, bps
	if c.key != nil {
		if c.tx, err = txmgr.NewTxManager(c.chain, c.key, txmgr.TxConfig{ChainID: id, MaxFeeCap: c.cfg.MaxFeeCap, GasMargin: c.cfg.GasMargin}); err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
		if err := c.syncNonce(ctx); err != nil {
			return err
		}
	}
	c.counts = map[index.ChallengeState]int{}
	open := 0
	for _, ch := range all {
		c.counts[ch.State]++
		if !ch.State.Terminal() {
			open++
		}
	}
	c.obs.SetChallenges(maps.Clone(c.counts))
	switch {
	case c.key == nil && c.cfg.DryRun:
		c.log.Info("challenger in dry-run mode without a key: proofs are built and simulated, never sent", "avs", c.cfg.AVS)
	case c.key == nil:
		c.log.Info("challenger is monitor-only: no key; it raises deadline alerts and sends nothing", "avs", c.cfg.AVS, "inFlight", open)
	case c.cfg.DryRun:
		c.log.Info("challenger in dry-run mode: proofs are built and simulated, never sent", "avs", c.cfg.AVS, "address", c.from)
	default:
		next, _ := c.tx.NextNonce()
		c.log.Info("challenger ready", "avs", c.cfg.AVS, "address", c.from, "chain", id, "nonce", next, "inFlight", open)
	}
	c.started = true
	return nil
}

// syncNonce sets the transaction manager's next nonce past the challenges
// in flight.
func (c *Challenger) syncNonce(ctx context.Context) error {
	open, err := c.store.OpenChallenges()
	if err != nil {
		return err
	}
	var inflight []uint64
	for _, ch := range open {
		if n := len(ch.Attempts); n > 0 && ch.Challenger == c.from && (ch.State == index.ChallengeSending || ch.State == index.ChallengeSent) {
			inflight = append(inflight, ch.Attempts[n-1].Nonce)
		}
	}
	return c.tx.Sync(ctx, inflight...)
}

// sends reports whether the challenger may send transactions.
func (c *Challenger) sends() bool { return c.tx != nil && !c.cfg.DryRun }

// sendsFor reports whether the challenger may send rec's transactions: it
// sends, and rec's are signed by its key (a record of an earlier key is
// only followed).
func (c *Challenger) sendsFor(rec *index.Challenge) bool {
	return c.sends() && rec.Challenger == c.from
}

// plans reports whether the challenger creates challenge records (it
// sends, or dry-runs).
func (c *Challenger) plans() bool { return c.tx != nil || c.cfg.DryRun }

// work is one challenge to advance in a pass.
type work struct {
	rec    index.Challenge
	stored index.ChallengeState // "" while no record is stored
	round  *index.Round         // nil until read
	// watchOnly: nothing to advance, only the deadline to watch (monitor-
	// only, or a dry-run record of a dry-run challenger).
	watchOnly bool
	// replaced: a replacement was made this pass (at most one per pass).
	replaced bool
}

// collect lists the pass's work: the fraud verdicts of the rounds not
// finalized whose live (or just voided) batch has no settled challenge, and
// the challenges in flight; by deadline.
func (c *Challenger) collect(head uint64) ([]*work, error) {
	cp, ok, err := c.store.Checkpoint()
	if err != nil {
		return nil, err
	}
	if ok && cp.Number < c.checkpoint {
		// The watcher rolled back: a finalized round may be open again.
		c.rescan = true
	}
	c.checkpoint = cp.Number
	latest, ok, err := c.store.LatestRound()
	if err != nil {
		return nil, err
	}
	if !ok {
		latest = 0
	}
	if c.rescan || latest < c.scanned {
		c.watch, c.scanned, c.rescan = map[uint64]struct{}{}, 0, false
	}
	read := map[uint64]*index.Round{}
	for from := c.scanned + 1; from <= latest; from += roundPage {
		rs, err := c.store.Rounds(from, min(latest, from+roundPage-1))
		if err != nil {
			return nil, err
		}
		for i := range rs {
			if !rs[i].Finalized {
				c.watch[rs[i].Round] = struct{}{}
				read[rs[i].Round] = &rs[i]
			}
		}
	}
	c.scanned = latest

	type key struct {
		round uint64
		batch common.Hash
	}
	byKey := map[key]*work{}
	for _, n := range slices.Sorted(maps.Keys(c.watch)) {
		r := read[n]
		if r == nil {
			rd, ok, err := c.store.Round(n)
			if err != nil {
				return nil, err
			}
			if !ok {
				delete(c.watch, n)
				continue
			}
			r = &rd
		}
		if r.Finalized {
			delete(c.watch, n)
		}
		t, live := TargetOf(r)
		if !live {
			var voided bool
			if t, voided = voidedTarget(r); !voided || !c.plans() {
				continue
			}
		}
		w := &work{round: r, rec: index.Challenge{
			Round: r.Round, BatchTx: t.Batch.TxHash, BatchBlock: t.Batch.Block, AllocationRoot: t.Batch.AllocationRoot,
			Kind: r.Kind, DeadlineBlock: t.Batch.DeadlineBlock, Challenger: c.from, Attempts: []index.ChallengeAttempt{},
		}}
		stored, ok, err := c.store.Challenge(r.Round, t.Batch.TxHash)
		if err != nil {
			return nil, err
		}
		switch {
		case ok && live && stored.State == index.ChallengeConfirmed && stored.Block != 0 && stored.Block <= c.checkpoint && c.sendsFor(&stored):
			// The index has followed the chain past the proof's block and
			// the batch is live: the proof is no longer on the canonical
			// chain (a reorganisation deeper than the confirmations). Follow
			// the challenge again: its transaction is sent again, replaced,
			// or re-planned if its nonce went to another.
			if stored.Reopens >= maxReopens {
				c.log.Error("a confirmed proof left the canonical chain again; giving up on it", "round", r.Round, "batch", stored.BatchTx, "reopens", stored.Reopens)
				continue
			}
			c.log.Warn("a confirmed proof is no longer on the canonical chain; following the challenge again", "round", r.Round, "batch", stored.BatchTx, "tx", stored.TxHash, "block", stored.Block)
			stored.State, stored.Block, stored.GasUsed, stored.Bounty, stored.Reopens = index.ChallengeSent, 0, 0, "", stored.Reopens+1
			for _, a := range stored.Attempts {
				delete(c.broadcast, a.TxHash)
			}
			w.rec, w.stored = stored, index.ChallengeConfirmed
			if err := c.put(w); err != nil {
				return nil, err
			}
			w.stored = stored.State
		case ok && stored.State == index.ChallengeDryRun && c.cfg.DryRun:
			w.rec, w.stored, w.watchOnly = stored, stored.State, true
		case ok && stored.State.Terminal() && stored.State != index.ChallengeDryRun:
			continue
		case ok:
			w.rec, w.stored = stored, stored.State
		case !live:
			// A voided batch without a record: note who proved it.
		case !c.plans():
			w.watchOnly = true
		}
		byKey[key{r.Round, t.Batch.TxHash}] = w
	}
	open, err := c.store.OpenChallenges()
	if err != nil {
		return nil, err
	}
	for _, rec := range open {
		if _, seen := byKey[key{rec.Round, rec.BatchTx}]; !seen {
			byKey[key{rec.Round, rec.BatchTx}] = &work{rec: rec, stored: rec.State}
		}
	}
	works := slices.Collect(maps.Values(byKey))
	sort.Slice(works, func(i, j int) bool {
		a, b := works[i].rec, works[j].rec
		if a.DeadlineBlock != b.DeadlineBlock {
			return a.DeadlineBlock < b.DeadlineBlock
		}
		return a.Round < b.Round
	})
	return works, nil
}

// maxReopens bounds how often a challenge whose confirmed proof left the
// canonical chain is followed again.
const maxReopens = 3

// voidedTarget returns the last batch of a fraud round when a proof voided
// it (the round awaits a new batch): a challenger that did not send the
// proof records who did.
func voidedTarget(r *index.Round) (Target, bool) {
	if r.Verdict != index.VerdictFraud || len(r.Batches) == 0 {
		return Target{}, false
	}
	b := r.Batches[len(r.Batches)-1]
	if b.Status != index.BatchVoided || !b.DataAvailable {
		return Target{}, false
	}
	return Target{Round: r.Round, CommitmentRoot: r.CommitmentRoot, Batch: b}, true
}

// put stores w's record (timestamps set) with alert bodies, and updates
// the counts by state.
func (c *Challenger) put(w *work, alertBodies ...[]byte) error {
	now := c.now().UTC()
	if w.rec.Created.IsZero() {
		w.rec.Created = now
	}
	w.rec.Updated = now
	if err := c.store.PutChallenge(w.rec, alertBodies...); err != nil {
		return err
	}
	if w.stored != w.rec.State {
		if w.stored != "" {
			c.counts[w.stored]--
		}
		c.counts[w.rec.State]++
		c.obs.SetChallenges(maps.Clone(c.counts))
		c.log.Debug("challenge state", "round", w.rec.Round, "batch", w.rec.BatchTx, "from", w.stored, "to", w.rec.State)
	}
	w.stored = w.rec.State
	return nil
}

// watchDeadline raises deadline_at_risk once for a fraud whose window
// closes within DeadlineAlertBlocks with no proof of this challenger mined.
func (c *Challenger) watchDeadline(head uint64, w *work) error {
	rec := &w.rec
	if c.cfg.DeadlineAlertBlocks == 0 || rec.Block != 0 || head > rec.DeadlineBlock ||
		head+c.cfg.DeadlineAlertBlocks < rec.DeadlineBlock || (w.stored != "" && w.rec.State.Terminal() && w.rec.State != index.ChallengeDryRun) {
		return nil
	}
	if rec.DeadlineAlerted || (w.stored == "" && c.alerted[rec.BatchTx]) {
		return nil
	}
	left := rec.DeadlineBlock - head
	if rec.Recipients == nil {
		rec.Recipients = c.storedAffected(rec)
	}
	msg := fmt.Sprintf("The challenge window of round %d closes in %d blocks (block %d) and no proof of this challenger is mined (state %s)", rec.Round, left, rec.DeadlineBlock, orNone(string(w.stored)))
	body, err := c.event(alerts.DeadlineAtRisk, rec, head, msg)
	if err != nil {
		return err
	}
	c.log.Warn("fraud deadline at risk", "round", rec.Round, "batch", rec.BatchTx, "deadline", rec.DeadlineBlock, "blocksLeft", left, "state", orNone(string(w.stored)))
	if w.stored == "" {
		if _, err := c.store.Enqueue(body); err != nil {
			return err
		}
		c.alerted[rec.BatchTx] = true
		return nil
	}
	rec.DeadlineAlerted = true
	return c.put(w, body)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// NotifyingStore is the index as the watcher writes it, waking a
// challenger whenever a block it applies carries a fraud verdict, so that
// the proof does not wait for the next poll. Give it to watcher.New in
// place of the store.
type NotifyingStore struct {
	*index.Store
	Challenger *Challenger
}

// Apply applies the block, then wakes the challenger if it carries a fraud
// verdict.
func (s NotifyingStore) Apply(u *index.BlockUpdate) error {
	if err := s.Store.Apply(u); err != nil {
		return err
	}
	if s.Challenger != nil && u != nil {
		for i := range u.Rounds {
			if u.Rounds[i].Verdict == index.VerdictFraud {
				s.Challenger.Notify()
				break
			}
		}
	}
	return nil
}
