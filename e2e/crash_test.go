package e2e

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
)

// crashFaults are the crash test's faults: every kind the challenger
// proves, in turn, one every third round.
var crashFaults = []string{"amount", "denominator", "conservation", "malformed:provider-order:signed", "withheld-row",
	"replay", "malformed:residual-consistency:signed", "withheld-row:reveal", "malformed:entry-order:signed"}

// TestKilledAndRestarted: `denomwatch run` is killed with SIGKILL at 20
// moments of a v2 devnet's run with frauds (back-filling, judging, between
// a move's storing and its receipt, while delivering webhooks, or at
// random) and started again each time on the same data directory. At the
// end every fraud is proven exactly once, by the challenger (on chain: the
// events, the nonce, the bonds); the decision records are one per fault,
// each confirmed; every alert reached the receiver, each id with one body
// and a valid signature, as many of each type as the faults call for (a
// re-audit every 2 s adds kills during re-audits, and must agree with the
// index); and the index is consistent.
func TestKilledAndRestarted(t *testing.T) {
	if testing.Short() {
		t.Skip("a few minutes of processes")
	}
	dir := t.TempDir()
	bin := build(t, dir)
	keyFile, challenger := writeKey(t, dir)
	// The devnet runs in this process (its chain outlives its rounds, for
	// the checks at the end), served over HTTP to the watcher's processes.
	// A long window (300 blocks of 200 ms): the watcher is down often, but
	// never for a whole window.
	cfg := devnet.TestingConfig(dir, testutil.FreePort(t))
	rpcPort := testutil.FreePort(t)
	cfg.HTTPPort, cfg.BlockInterval, cfg.PollInterval = rpcPort, 200*time.Millisecond, 50*time.Millisecond
	cfg.Rounds, cfg.RoundEvery, cfg.Seed = 3*len(crashFaults)+1, 3, 21
	cfg.ChallengeWindow, cfg.ResolveWindow, cfg.RevealWindow = 300, 60, 60
	cfg.Fund = []common.Address{challenger}
	cfg.Faults = devnet.Schedule{}
	var schedule []string
	for i, f := range crashFaults {
		schedule = append(schedule, fmt.Sprintf("%d:%s", 3*i+2, f))
	}
	var err error
	if cfg.Faults, err = devnet.ParseFaults(strings.Join(schedule, ",")); err != nil {
		t.Fatal(err)
	}
	var devnetOut testutil.Buffer
	cfg.Out = &devnetOut
	d, err := devnet.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	desc := d.Description()
	funds := balance(ctx, t, d.Client(), challenger)
	devnetDone := make(chan error, 1)
	go func() { devnetDone <- d.Run(ctx) }()

	rc, hooks := newReceiver(t, dir, "max-attempts: 100\ninitial-backoff: 100ms\nmax-backoff: 1s\n")
	data, apiPort := filepath.Join(dir, "data"), testutil.FreePort(t)
	// The first RPC URL is dead: every run fails over to the second.
	rpc := fmt.Sprintf("http://127.0.0.1:%d,http://127.0.0.1:%d", testutil.FreePort(t), rpcPort)
	args := append(runArgs(&desc, rpc, d.DASource(), data, "--challenger-key-file", keyFile, "--webhooks", hooks,
		"--challenge-confirmations", "1", "--reaudit-schedule", "@every 2s", "--block-time", "200ms"),
		"--api-addr", fmt.Sprintf("127.0.0.1:%d", apiPort))

	rng := rand.New(rand.NewPCG(7, 7))
	phases := map[string]int{}
	// Kills rotate between moments chosen by what the process just logged
	// (a move stored and not yet mined, a webhook delivery, a round judged)
	// and random moments; a trigger not seen within 4 s falls back to the
	// random moment.
	triggers := []string{"challenger transaction stored", "alert delivered", "round verdict", ""}
	for kill := 1; kill <= 20; kill++ {
		p := start(t, fmt.Sprintf("denomwatch run #%d", kill), nil, bin, args...)
		if trig := triggers[kill%len(triggers)]; trig != "" {
			waitOutput(p, trig, 1+rng.IntN(3), 4*time.Second)
		} else {
			time.Sleep(time.Duration(300+rng.IntN(2700)) * time.Millisecond)
		}
		if p.exited() {
			t.Fatalf("run #%d exited on its own:\n%s", kill, p.tail(20))
		}
		phase := lastPhase(p.out.String())
		phases[phase]++
		p.kill(t)
		t.Logf("kill %2d: SIGKILL while %s", kill, phase)
	}
	t.Logf("kills by phase: %v", phases)

	// The last run lives to the end of the devnet and until every alert is out.
	final := start(t, "denomwatch run (final)", nil, bin, args...)
	select {
	case err := <-devnetDone:
		if err != nil {
			t.Fatalf("devnet: %v\n%s", err, devnetOut.String())
		}
	case <-final.done:
		t.Fatalf("the final run exited: %v", final.err)
	}
	desc = d.Description()
	waitFor(t, "the outbox to empty", time.Minute, func() bool { return metric(apiPort, "denomwatch_alert_outbox_depth") == "0" })
	if inUse := fmt.Sprintf(`denomwatch_rpc_endpoint_in_use{endpoint="http://127.0.0.1:%d"}`, rpcPort); metric(apiPort, inUse) != "1" {
		t.Errorf("the live endpoint is not reported in use (%s)", inUse)
	}
	final.stop(t)

	c := d.Client()
	head, err := c.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ev := readEvents(ctx, t, c, desc.AVS, desc.StartBlock, head)
	checkRounds(t, &desc, ev, challenger)
	txs := findTxs(ctx, t, c, challenger, desc.StartBlock, head)
	checkActions(ctx, t, c, &desc, desc.AVS, challenger, txs, head)
	checkBonds(ctx, t, c, &desc, ev, challenger, txs, funds, head)
	store, err := index.Open(index.Options{Dir: onlyStore(t, data)})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	recordsSettled(t, store, &desc)
	allDelivered(t, store, rc)
	if err := store.Check(); err != nil {
		t.Fatal(err)
	}
}

// waitOutput waits until the process has logged what n times, or timeout.
func waitOutput(p *proc, what string, n int, timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) && strings.Count(p.out.String(), what) < n {
		time.Sleep(2 * time.Millisecond)
	}
}

// lastPhase guesses what the watcher was doing from its last log lines.
func lastPhase(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-3; i-- {
		switch l := lines[i]; {
		case strings.Contains(l, "challenger transaction stored"):
			return "a move was stored, its receipt pending"
		case strings.Contains(l, "alert delivered") || strings.Contains(l, "alert delivery failed"):
			return "delivering webhooks"
		case strings.Contains(l, "round verdict") || strings.Contains(l, "round batch status"):
			return "indexing and judging rounds"
		case strings.Contains(l, "watching") || strings.Contains(l, "challenger (v2) ready") || strings.Contains(l, "serving the API") || strings.Contains(l, "backfill"):
			return "starting, back-filling or idle"
		}
	}
	return "following the head"
}

func onlyStore(t *testing.T, data string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(data, "*", "MANIFEST"))
	if err != nil || len(m) != 1 {
		t.Fatalf("stores under %s: %v %v", data, m, err)
	}
	return filepath.Dir(m[0])
}

// recordsSettled: the challenger's decision records are exactly one per
// round it had to act on (attempt 0), each settled as its outcome says
// (confirmed with a proof, finalized without one), with one bond per
// availability challenge, lost when revealed, else slashed-refunded.
func recordsSettled(t *testing.T, store *index.Store, desc *devnet.Description) {
	t.Helper()
	all, err := store.SolveRecords()
	if err != nil {
		t.Fatal(err)
	}
	got := map[[2]uint64]solve.Record{}
	for _, sr := range all {
		r, err := solve.DecodeRecord(sr.Record)
		if err != nil {
			t.Fatalf("record %d/%d: %v", sr.Round, sr.Attempt, err)
		}
		got[[2]uint64{r.Round, r.Attempt}] = r
	}
	want := 0
	for _, dr := range desc.Rounds {
		o := expect(t, dr.Fault)
		if o.txs == 0 {
			continue
		}
		want++
		r, ok := got[[2]uint64{dr.Round, 0}]
		final := solve.FinalConfirmed
		if len(o.proofs) == 0 {
			final = solve.FinalFinalized
		}
		fate := map[bool]solve.Fate{true: solve.FateLost, false: solve.FateSlashed}[o.revealed]
		switch {
		case !ok || r.Final == nil:
			t.Errorf("round %d (%s): record %+v, want one settled %s", dr.Round, dr.Fault, r, final)
		case r.Final.State != final || len(r.Challenges) != len(o.challenges):
			t.Errorf("round %d (%s): settled %s with %d bonds, want %s with %d", dr.Round, dr.Fault, r.Final.State, len(r.Challenges), final, len(o.challenges))
		default:
			for _, b := range r.Challenges {
				if b.Fate != fate {
					t.Errorf("round %d (%s): bond %s, want %s", dr.Round, dr.Fault, b.Fate, fate)
				}
			}
		}
	}
	if len(got) != want {
		t.Errorf("%d decision records, want %d (one per round acted on)", len(got), want)
	}
	t.Logf("%d decision records, all settled", len(got))
}

// allDelivered: the outbox is empty with no dead letter; every delivery
// had a valid signature and each id one body (at least once, same id and
// body: alerts/WEBHOOKS.md); the alerts received are, by type, those the
// faults call for: a challenge_sent per move, a challenge_confirmed per
// proof, fraud_detected, round_unavailable and round_malformed per round
// concerned, no challenge_failed and no reaudit_mismatch.
func allDelivered(t *testing.T, store *index.Store, rc *receiver) {
	t.Helper()
	if n, err := store.OutboxDepth(); err != nil || n != 0 {
		t.Fatalf("outbox depth %d, %v", n, err)
	}
	if n, err := store.DeadLetterCount(); err != nil || n != 0 {
		t.Fatalf("%d dead letters, %v", n, err)
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.bad) > 0 {
		t.Errorf("bad deliveries (ids delivered again with another body, by type: %v):\n%s", rc.reused, strings.Join(rc.bad, "\n"))
	}
	byType, again := map[alerts.Type]int{}, 0
	for id, ev := range rc.ids {
		byType[ev.Type]++
		if rc.times[id] > 1 {
			again++
		}
	}
	want := map[alerts.Type]int{}
	for _, f := range crashFaults {
		o := expect(t, f)
		want[alerts.ChallengeSent] += o.txs
		want[alerts.ChallengeConfirmed] += len(o.proofs)
		if len(o.challenges) > 0 {
			want[alerts.RoundUnavailable]++
		}
		if slices.ContainsFunc(o.proofs, func(k contracts.FraudKind) bool {
			return k != contracts.ObjectRow.FraudKind() && k != contracts.ObjectManifestPart.FraudKind()
		}) {
			want[alerts.FraudDetected]++
		}
		if strings.HasPrefix(f, string(devnet.FaultMalformed)) {
			want[alerts.RoundMalformed]++
		}
	}
	for _, typ := range []alerts.Type{alerts.ChallengeSent, alerts.ChallengeConfirmed, alerts.ChallengeFailed, alerts.FraudDetected,
		alerts.RoundUnavailable, alerts.RoundMalformed, alerts.ReauditMismatch} {
		if byType[typ] != want[typ] {
			t.Errorf("%d %s alerts received, want %d", byType[typ], typ, want[typ])
		}
	}
	t.Logf("%d distinct alert ids received (%d of them delivered more than once), by type %v", len(rc.ids), again, byType)
}
