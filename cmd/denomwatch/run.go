package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

// defaultRunFaults is the fault schedule `denomwatch run` gives its
// embedded devnet: every fault of the devnet once, each malformed rule
// signed by colluders, so that a first run shows every verdict.
const defaultRunFaults = "3:amount,5:denominator,7:conservation,9:withheld-row:reveal,11:withheld-row," +
	"13:withheld-manifest:reveal,15:unopenable,17:forwarded,19:replay,21:churn,23:malformed:mr-range," +
	"25:malformed:provider-zero:signed,27:malformed:provider-order:signed,29:malformed:capacity-range:signed," +
	"31:malformed:entry-count:signed,33:malformed:entry-offset:signed,35:malformed:recipient-zero:signed," +
	"37:malformed:entry-order:signed,39:malformed:mr-range:signed,41:malformed:residual-range:signed," +
	"43:malformed:residual-consistency:signed"

func runCommand() *cli.Command {
	flags, before := withConfigFile(runFlags())
	return &cli.Command{
		Name:  "run",
		Usage: "the main job: watch the AVS, judge every round, prove frauds, serve the verdicts (without --rpc: on an embedded devnet)",
		Description: `Without --rpc, starts the embedded devnet (see 'denomwatch devnet'; protocol v2)
with every fault once (the --faults default below: every fault kind, every
section 3 rule signed anyway) and watches it, fetching round objects from the
devnet's store. With --rpc URL[,URL...] --contract ADDR --start-block N
--da-sources SOURCES, watches that AVS (the URLs are one node's alternatives:
calls fail over). Every round is
followed from its events alone, its manifest and rows fetched from the
data-availability sources and verified, indexed into the Badger store under
--data-dir (objects too, with the source that served them), recomputed and
judged (valid, fraud with the provider and first wrong entry or the rule
broken, unavailable with the objects missing, malformed-commitments,
pending, awaiting-batch); verdicts are logged and served by
the HTTP API on --api-addr (GET /healthz, /readyz, /metrics, /v1/rounds,
/v1/rounds/{round}, /v1/rounds/{round}/data, /v1/recipients/{address}/allocations?round=N,
/v1/objects/{kind}/{key};
with --admin-api, /admin/deadletters), and the recipient page at / (a browser
checks a recipient's allocations and their proofs; --explorer-url links proof
transactions, --api-cors-origin lets other origins read the API; /v1/objects
makes this watcher a data-availability source for others). A fraud is proven
on chain, a withheld object challenged (bond at most --max-bond) and an
unanswered challenge slashed, with the challenger key ($DENOMWATCH_CHALLENGER_KEY, --challenger-key-file or
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
