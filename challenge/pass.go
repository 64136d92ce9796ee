package challenge

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/internal/txmgr"
)

// state is what the Run goroutine keeps between passes.
type state struct {
	started  bool
	chainID  *big.Int
	solveCfg solve.Config
	tx       *txmgr.TxManager // nil without a key
	// works are the records followed, by batch.
	works map[batch]*work
	scan  roundScan
	// proofs caches built proof calldata by batch and target.
	proofs map[proofKey][]byte
	// sent: attempts this process handed to the node; a move in flight
	// whose latest attempt is not in it is sent again (a restart).
	sent map[common.Hash]bool
	// alerted: underfunded alerts raised, by batch and target;
	// deadlineAlerted: the deadline deadline_at_risk was raised for.
	alerted         map[proofKey]bool
	deadlineAlerted map[batch]uint64
	underfunded     bool
	// retired sums the records no longer followed (settled long enough),
	// for the metrics: their count and their bonds by fate.
	retired retired
}

type retired struct {
	settled              int
	held, lost, returned uint256.Int
}

// retire adds a record no longer followed to the sums.
func (r *retired) retire(rec *solve.Record) {
	h, l, ret := rec.Bonds()
	r.settled++
	r.held.Add(&r.held, h)
	r.lost.Add(&r.lost, l)
	r.returned.Add(&r.returned, ret)
}

func newState() state {
	return state{works: map[batch]*work{}, scan: newRoundScan(), proofs: map[proofKey][]byte{},
		sent: map[common.Hash]bool{}, alerted: map[proofKey]bool{}, deadlineAlerted: map[batch]uint64{}}
}

// batch names a record: (round, attempt).
type batch struct{ round, attempt uint64 }

type proofKey struct {
	b batch
	t solve.Target
}

// pass is one pass's snapshot of what is read once: the head, the key's
// balance, the fees of a new transaction.
type pass struct {
	head           uint64
	balance        *uint256.Int // nil: unknown, or no key
	feeCap, tipCap *uint256.Int
}

// Step makes one pass: it reads the head, the balance and the fees, lists
// the records that need work, gathers their facts, and advances each in
// solve.Order. The error joins the records' failures; one record's failure
// does not hold the others back.
func (e *Executor) Step(ctx context.Context) error {
	if !e.started {
		if err := e.start(ctx); err != nil {
			return err
		}
	}
	p, err := e.newPass(ctx)
	if err != nil {
		return err
	}
	works, err := e.collect(p.head)
	if err != nil {
		return err
	}
	var errs []error
	for _, w := range works {
		if err := e.gather(ctx, p, w); err != nil {
			errs = append(errs, fmt.Errorf("round %d attempt %d: %w", w.rec.Round, w.rec.Attempt, err))
			w.gathered = false
		}
	}
	ready := gathered(works)
	for _, i := range solve.Order(records(ready), facts(ready)) {
		if err := e.drive(ctx, p, ready[i]); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			errs = append(errs, fmt.Errorf("round %d attempt %d: %w", ready[i].rec.Round, ready[i].rec.Attempt, err))
		}
	}
	e.observe(p, ready)
	if err := e.deadlineAlerts(p, ready); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// start reads the chain id and the AVS's parameters, loads the stored
// records and syncs the key's nonce past the moves in flight.
func (e *Executor) start(ctx context.Context) error {
	id, err := e.d.Chain.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("chain id: %w", err)
	}
	if e.cfg.ChainID != 0 && (!id.IsUint64() || id.Uint64() != e.cfg.ChainID) {
		return fmt.Errorf("%w: the node is on chain %s, the challenger is configured for %d", ErrConfig, id, e.cfg.ChainID)
	}
	sc, err := e.solveConfig(ctx)
	if err != nil {
		return err
	}
	if err := e.load(); err != nil {
		return err
	}
	e.chainID, e.solveCfg = id, sc
	if e.key != nil {
		if e.tx, err = txmgr.NewTxManager(e.d.Chain, e.key, txmgr.TxConfig{ChainID: id, MaxFeeCap: e.cfg.MaxFeeCap}); err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
		if err := e.tx.Sync(ctx, e.inflightNonces()...); err != nil {
			return err
		}
	}
	e.log.Info("challenger (v2) ready", "avs", e.cfg.AVS, "address", e.from, "chain", id, "mode", modeOf(sc),
		"bond", sc.Bond, "maxBond", sc.MaxBond, "records", len(e.works))
	e.started = true
	return nil
}

func modeOf(c solve.Config) string {
	switch {
	case c.MonitorOnly:
		return string(solve.ModeMonitorOnly)
	case c.DryRun:
		return string(solve.ModeDryRun)
	}
	return string(solve.ModeSend)
}

// solveConfig is the decision config: the executor's, with the AVS's bond
// and windows read from the chain.
func (e *Executor) solveConfig(ctx context.Context) (solve.Config, error) {
	avs := contracts.ABI()
	reads := []struct {
		name   string
		data   []byte
		unpack func([]byte) (*big.Int, error)
	}{
		{"availabilityBond", avs.PackAvailabilityBond(), avs.UnpackAvailabilityBond},
		{"challengeWindow", avs.PackChallengeWindow(), avs.UnpackChallengeWindow},
		{"resolveWindow", avs.PackResolveWindow(), avs.UnpackResolveWindow},
		{"revealWindow", avs.PackRevealWindow(), avs.UnpackRevealWindow},
	}
	vals := make([]*big.Int, len(reads))
	for i, r := range reads {
		out, err := e.d.Chain.CallContract(ctx, ethereum.CallMsg{To: &e.cfg.AVS, Data: r.data}, nil)
		if err == nil {
			vals[i], err = r.unpack(out)
		}
		if err != nil {
			return solve.Config{}, fmt.Errorf("read %s of %s (is it the AVS?): %w", r.name, e.cfg.AVS, contracts.AsRevert(err))
		}
		if !vals[i].IsUint64() {
			return solve.Config{}, fmt.Errorf("%w: %s of %s is %s", ErrConfig, r.name, e.cfg.AVS, vals[i])
		}
	}
	c := e.decisionConfig(vals[0])
	c.ChallengeWindow, c.ResolveWindow, c.RevealWindow = vals[1].Uint64(), vals[2].Uint64(), vals[3].Uint64()
	if err := c.Check(); err != nil {
		return solve.Config{}, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	return c, nil
}

// decisionConfig is the executor's config as solve takes it, with the bond.
func (e *Executor) decisionConfig(bond *big.Int) solve.Config {
	c := solve.DefaultConfig()
	c.MonitorOnly, c.DryRun = e.cfg.MonitorOnly, e.cfg.DryRun
	c.Bond, c.MaxBond = u256(bond), u256(e.cfg.MaxBond)
	if c.MaxBond == nil {
		c.MaxBond = c.Bond.Clone()
	}
	c.Confirmations, c.BumpAfter, c.MaxBumps = e.cfg.Confirmations, e.cfg.BumpAfter, e.cfg.MaxBumps
	c.MaxFeeCap, c.GasMarginPct = u256(e.cfg.MaxFeeCap), e.cfg.GasMarginPct
	return c
}

// u256 converts a non-negative amount (nil for nil; saturating).
func u256(v *big.Int) *uint256.Int {
	if v == nil {
		return nil
	}
	u, over := uint256.FromBig(v)
	if over || v.Sign() < 0 {
		return new(uint256.Int).SetAllOne()
	}
	return u
}

// newPass reads the head, the key's balance at it and the fees.
func (e *Executor) newPass(ctx context.Context) (*pass, error) {
	head, err := e.d.Chain.BlockNumber(ctx)
	if err != nil {
		return nil, fmt.Errorf("head: %w", err)
	}
	p := &pass{head: head}
	if e.key == nil {
		return p, nil
	}
	bal, err := e.d.Chain.BalanceAt(ctx, e.from, new(big.Int).SetUint64(head))
	if err != nil {
		return nil, fmt.Errorf("balance of %s: %w", e.from, err)
	}
	tip, feeCap, err := txmgr.SuggestFees(ctx, e.d.Chain, e.cfg.MaxFeeCap)
	if err != nil {
		return nil, err
	}
	p.balance, p.feeCap, p.tipCap = u256(bal), u256(feeCap), u256(tip)
	return p, nil
}
