package challenge

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/txmgr"
	"github.com/denomwatch/denomwatch/watcher"
)

// Chain is what the executor needs from a node (ethclient, the simulated
// chain's client and rpcpool's pool satisfy it).
type Chain interface {
	txmgr.TxChain
	ChainID(ctx context.Context) (*big.Int, error)
	BlockNumber(ctx context.Context) (uint64, error)
	BalanceAt(ctx context.Context, account common.Address, block *big.Int) (*big.Int, error)
	CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error)
	EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
	TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error)
}

// Store is what the executor needs from the index (*index.Store).
type Store interface {
	Checkpoint() (index.Checkpoint, bool, error)
	Round(n uint64) (index.Round, bool, error)
	Rounds(from, to uint64) ([]index.Round, error)
	LatestRound() (uint64, bool, error)
	PutSolveRecord(r index.SolveRecord, alerts ...[]byte) error
	SolveRecords() ([]index.SolveRecord, error)
	Enqueue(bodies ...[]byte) ([]uint64, error)
}

// Deps are the executor's collaborators.
type Deps struct {
	Chain Chain
	Store Store
	// Objects are where proofs' objects come from: the watcher's cache
	// and DA client (the same ones the watcher judged from).
	Objects watcher.Objects
	Log     *slog.Logger // nil: discard
	Obs     Observer     // nil: observe nothing
}

// Executor is the v2 challenger. Build it with New, run it with Run (or
// Step, one pass at a time); Notify wakes it early.
type Executor struct {
	cfg   Config
	d     Deps
	key   *ecdsa.PrivateKey
	from  common.Address
	log   *slog.Logger
	obs   Observer
	now   func() time.Time
	wake  chan struct{}
	state // the Run goroutine's
}

// New checks cfg and returns an executor. Without a key it is
// monitor-only: it follows and settles records, and signs nothing.
func New(cfg Config, d Deps, key *ecdsa.PrivateKey) (*Executor, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if d.Chain == nil || d.Store == nil {
		return nil, fmt.Errorf("%w: the executor needs a chain and a store", ErrConfig)
	}
	if key == nil {
		cfg.MonitorOnly = true
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Obs == nil {
		d.Obs = nopObserver{}
	}
	e := &Executor{cfg: cfg, d: d, key: key, log: d.Log.With("module", "challenger"), obs: d.Obs,
		now: cfg.Clock, wake: make(chan struct{}, 1), state: newState()}
	if e.now == nil {
		e.now = time.Now
	}
	if key != nil {
		e.from = crypto.PubkeyToAddress(key.PublicKey)
	}
	return e, nil
}

// Address is the key's address (zero without a key).
func (e *Executor) Address() common.Address { return e.from }

// Notify wakes the executor for a pass now. It never blocks.
func (e *Executor) Notify() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// Run makes a pass every PollInterval (or at Notify) until ctx ends, and
// returns ctx's error then. A failed pass is logged and retried; only a
// configuration the chain contradicts ends Run early (ErrConfig).
func (e *Executor) Run(ctx context.Context) error {
	t := time.NewTimer(0)
	defer t.Stop()
	fails := failureLog{every: time.Minute}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		case <-e.wake:
		}
		err := e.Step(ctx)
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.Is(err, ErrConfig):
			return err
		case err != nil:
			if log, n := fails.failed(err, e.now()); log {
				e.log.Warn("challenger pass failed; retrying", "err", err, "failuresInARow", n, "retryIn", e.cfg.PollInterval.String())
			}
		default:
			if n := fails.succeeded(); n > 0 {
				e.log.Info("challenger passes succeed again", "failedPasses", n)
			}
		}
		t.Reset(e.cfg.PollInterval)
	}
}
