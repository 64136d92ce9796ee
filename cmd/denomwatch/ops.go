package main

import (
	"context"
	"log/slog"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"
	"golang.org/x/sync/errgroup"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/jobs"
	"github.com/denomwatch/denomwatch/metrics"
)

// opsFlags are run's flags for alerts and the scheduled jobs.
func opsFlags() []cli.Flag {
	def := jobs.DefaultConfig()
	return []cli.Flag{
		&cli.StringFlag{Name: "webhooks", Usage: "webhook configuration `FILE` (YAML; see alerts/WEBHOOKS.md); none: no alerts", EnvVars: []string{"DENOMWATCH_WEBHOOKS"}},
		&cli.StringFlag{Name: "reaudit-schedule", Value: def.Reaudit, Usage: "cron `SPEC` of the re-audit of rounds in their window (\"\": off)", EnvVars: []string{"DENOMWATCH_REAUDIT_SCHEDULE"}},
		&cli.Uint64Flag{Name: "reaudit-lookback", Value: def.ReauditLookback, Usage: "re-audit rounds committed in the last `BLOCKS`", EnvVars: []string{"DENOMWATCH_REAUDIT_LOOKBACK"}},
		&cli.StringFlag{Name: "lag-schedule", Value: def.Lag, Usage: "cron `SPEC` of the watcher-lag check (\"\": off)", EnvVars: []string{"DENOMWATCH_LAG_SCHEDULE"}},
		&cli.Uint64Flag{Name: "lag-alert-blocks", Value: def.LagBlocks, Usage: "raise watcher_lagging beyond this many `BLOCKS` behind the head", EnvVars: []string{"DENOMWATCH_LAG_ALERT_BLOCKS"}},
		&cli.StringFlag{Name: "digest-schedule", Value: def.Digest, Usage: "cron `SPEC` of the daily digest webhook, e.g. \"0 9 * * *\" (\"\": off)", EnvVars: []string{"DENOMWATCH_DIGEST_SCHEDULE"}},
		&cli.StringFlag{Name: "prune-schedule", Value: def.Prune, Usage: "cron `SPEC` of retention pruning (\"\": off)", EnvVars: []string{"DENOMWATCH_PRUNE_SCHEDULE"}},
		&cli.DurationFlag{Name: "retention", Value: def.Retention, Usage: "prune the data of settled rounds committed longer than `DURATION` ago (0: keep everything)", EnvVars: []string{"DENOMWATCH_RETENTION"}},
	}
}

// discardAlerts is the store the jobs see without webhooks: their alerts
// are dropped rather than left in an outbox nobody empties.
type discardAlerts struct{ *index.Store }

func (discardAlerts) Enqueue(bodies ...[]byte) ([]uint64, error) { return nil, nil }

// PutChallenge without webhooks keeps the record and drops its alerts.
func (d discardAlerts) PutChallenge(ch index.Challenge, _ ...[]byte) error {
	return d.Store.PutChallenge(ch)
}

// ops is the alert dispatcher and the scheduler of a run.
type ops struct {
	meta       alerts.Meta
	dispatcher *alerts.Dispatcher // nil without webhooks
	metrics    *metrics.Metrics
}

// newOps reads the webhook configuration; without --webhooks no alert is
// raised.
func newOps(c *cli.Context, chainID uint64, avs common.Address, store *index.Store, metrics *metrics.Metrics, log *slog.Logger) (*ops, error) {
	o := &ops{meta: alerts.Meta{ChainID: chainID, AVS: avs}, metrics: metrics}
	path := c.String("webhooks")
	if path == "" {
		log.Info("no --webhooks: alerts are not sent")
		return o, nil
	}
	cfg, err := alerts.LoadConfig(path)
	if err != nil {
		return nil, usageError("--webhooks: %v", err)
	}
	if o.dispatcher, err = alerts.NewDispatcher(cfg, store, nil, log, o.metrics); err != nil {
		return nil, usageError("--webhooks: %v", err)
	}
	names := make([]string, len(cfg.Webhooks))
	for i, w := range cfg.Webhooks {
		names[i] = w.Name
	}
	log.Info("sending alerts", "webhooks", names)
	return o, nil
}

// roundAlerts is the watcher's alert hook: nil without webhooks.
func (o *ops) roundAlerts() (func(prev *index.Round, cur index.Round, affected []common.Address) ([][]byte, error), func()) {
	if o.dispatcher == nil {
		return nil, nil
	}
	return func(prev *index.Round, cur index.Round, affected []common.Address) ([][]byte, error) {
		return alerts.MarshalAll(alerts.ForRound(o.meta, prev, cur, affected))
	}, o.dispatcher.Notify
}

// notify wakes the dispatcher, if any.
func (o *ops) notify() {
	if o.dispatcher != nil {
		o.dispatcher.Notify()
	}
}

// start runs the dispatcher and the scheduled jobs in g.
func (o *ops) start(ctx context.Context, g *errgroup.Group, c *cli.Context, store *index.Store, progress jobs.Progress, keep func(uint64) bool, counts func() map[string]uint64, log *slog.Logger) error {
	cfg := jobs.DefaultConfig()
	cfg.Meta = o.meta
	cfg.Reaudit, cfg.ReauditLookback = c.String("reaudit-schedule"), c.Uint64("reaudit-lookback")
	cfg.Lag, cfg.LagBlocks = c.String("lag-schedule"), c.Uint64("lag-alert-blocks")
	cfg.Digest, cfg.Prune, cfg.Retention = c.String("digest-schedule"), c.String("prune-schedule"), c.Duration("retention")
	var js jobs.Store = store
	if o.dispatcher == nil {
		js = discardAlerts{store}
	}
	sched, err := jobs.New(cfg, jobs.Deps{Store: js, Progress: progress, Keep: keep, Notify: o.notify, Counts: counts, Log: log, Observer: o.metrics})
	if err != nil {
		return usageError("%v", err)
	}
	g.Go(func() error { return sched.Run(ctx) })
	if o.dispatcher != nil {
		g.Go(func() error { return o.dispatcher.Run(ctx) })
	}
	if cfg.Retention > 0 {
		log.Info("pruning the data of settled rounds", "retention", cfg.Retention, "schedule", cfg.Prune)
	}
	return nil
}
