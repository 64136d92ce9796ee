package watcher

import (
	"context"
	"log/slog"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// LogReader reads logs (a chain client).
type LogReader interface {
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// Rejudge judges round r's record again exactly as the watcher judged it:
// the same facts from the record, the same objects (from objs' cache, the
// DA client, and the round's reveals, read again from their logs through
// logs when the cache no longer holds them; logs nil: not read again). It
// returns the verdict and the recomputation of the data held, from which a
// challenger builds the proof the verdict names (judge.Judge). A round
// whose commitment is unknown is judged incomplete with no recomputation.
//
// The objects it obtains are put in objs' cache for r's round (an
// IndexCache keeps them with their provenance).
func Rejudge(ctx context.Context, r *index.Round, objs Objects, logs LogReader, avs common.Address, opts recompute.Options) (judge.Verdict, *recompute.Result, error) {
	return rejudge(ctx, r, objs, logs, avs, opts, false)
}

// rejudge is Rejudge; firstWrong also fetches a bad allocation's
// allocations object to name its first wrong entry, as the watcher does.
func rejudge(ctx context.Context, r *index.Round, objs Objects, logs LogReader, avs common.Address, opts recompute.Options, firstWrong bool) (judge.Verdict, *recompute.Result, error) {
	cfg := Config{AVS: avs, Log: slog.New(slog.DiscardHandler), HeldRounds: 1}
	cfg.defaults()
	src, err := newObjectSource(objs, &cfg)
	if err != nil {
		return judge.Verdict{}, nil, err
	}
	if logs != nil {
		src.reread = func(ctx context.Context, round uint64, rv index.Reveal) ([]byte, error) {
			return rereadReveal(ctx, logs, avs, round, rv)
		}
	}
	f := factsOf(r)
	return judgeHeld(ctx, src, r, &f, firstWrong, func(f judge.Facts) (judge.Verdict, *recompute.Result, error) {
		return judge.Judge(f, opts)
	})
}
