package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

func runCommand() *cli.Command {
	flags, before := withConfigFile(runFlags())
	return &cli.Command{
		Name:  "run",
		Usage: "the main job: watch the AVS, judge every round, prove frauds, serve the verdicts (without --rpc: on an embedded devnet)",
		Description: `Without --rpc, starts the embedded devnet (see 'denomwatch devnet') with the
fault schedule ` + defaultRunFaults + `
and watches it. With --rpc URL[,URL...] --contract ADDR --start-block N, watches
that AVS (the URLs are one node's alternatives: calls fail over). Every round is
indexed into the Badger store under --data-dir, recomputed from its calldata
and judged (valid, fraud with the proof kind and index, malformed-commitments
with the rule, unavailable with the reason); verdicts are logged and served by
the HTTP API on --api-addr (GET /healthz, /readyz, /metrics, /v1/rounds,
/v1/rounds/{round}, /v1/rounds/{round}/data, /v1/recipients/{address}/allocations?round=N;
with --admin-api, /admin/deadletters), and the recipient page at / (a browser
checks a recipient's allocations and their proofs; --explorer-url links proof
transactions, --api-cors-origin lets other origins read the API). A fraud is proven on chain with the
challenger key ($DENOMWATCH_CHALLENGER_KEY, --challenger-key-file or
--challenger-keystore; without one, monitor-only), alerts go to the --webhooks,
and scheduled jobs re-audit, check the health, send a digest and prune.

Everything is checked before anything starts: the flags, the ports, the data
directory, the key and its funds, the webhooks, the node's chain. A mistake
exits 2 with the flag named; a failure while running exits 1.`,
		Flags:        flags,
		Before:       before,
		OnUsageError: onUsageError,
		Action:       runMain,
	}
}

// runMain is `denomwatch run`: the configuration from the flags, checked,
// then the environment checked (preflight), then the service built and run.
func runMain(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("run takes no arguments, got %q", c.Args().Slice())
	}
	cfg, err := runConfigFrom(c)
	if err != nil {
		return err
	}
	if err := cfg.Check(); err != nil {
		return usageError("%v", err)
	}
	log := cfg.Log.logger(c.App.ErrWriter)
	ctx := c.Context
	pre, err := cfg.preflight(ctx, log)
	if err != nil {
		return err
	}
	info := readBuildInfo()
	log.Info("denomwatch starting", "version", info.Version, "commit", info.Commit)
	svc, err := newService(ctx, cfg, pre, log, c.App.Writer, info)
	if err == nil {
		err = svc.Run(ctx)
	}
	if cerr := svc.Close(); cerr != nil {
		log.Warn("stopping", "err", cerr)
	}
	if err != nil {
		return cli.Exit(fmt.Sprintf("run: %v", err), exitIO)
	}
	log.Info("stopped")
	return nil
}
