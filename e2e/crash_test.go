package e2e

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
)

// receiver is a webhook receiver that verifies every delivery and records
// the ids it saw.
type receiver struct {
	secret string
	mu     sync.Mutex
	ids    map[string]alerts.Event
	bodies map[string]string
	bad    []string
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if err := alerts.Verify(rc.secret, r.Header, body, time.Now(), 5*time.Minute); err != nil {
		rc.bad = append(rc.bad, err.Error())
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	ev, err := alerts.ParseEvent(body)
	if err != nil {
		rc.bad = append(rc.bad, err.Error())
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	if prev, dup := rc.bodies[ev.ID]; dup && prev != string(body) {
		rc.bad = append(rc.bad, "id "+ev.ID+" delivered twice with different bodies")
	}
	rc.ids[ev.ID], rc.bodies[ev.ID] = ev, string(body)
	w.WriteHeader(http.StatusNoContent)
}

// TestKilledAndRestarted: `denomwatch run` is killed with SIGKILL at 20
// random moments of a run with frauds (back-filling, recomputing, between a
// proof's broadcast and its receipt, while delivering webhooks) and started
// again each time on the same data directory. At the end every fraud is
// proven exactly once, from the watcher's key; every alert in the index was
// delivered to the receiver, each id with one body and a valid signature;
// and `denomwatch check` finds the index consistent.
func TestKilledAndRestarted(t *testing.T) {
	if testing.Short() {
		t.Skip("a minute of processes")
	}
	dir := t.TempDir()
	bin := build(t, dir)
	rpcPort, apiPort := testutil.FreePort(t), testutil.FreePort(t)
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	challenger := crypto.PubkeyToAddress(key.PublicKey)
	// The devnet runs in this process (its chain outlives its rounds, for
	// the checks at the end), served over HTTP to the watcher's processes.
	// A long window (300 blocks of 200 ms): the watcher is down often, but
	// never for a whole window.
	cfg := devnet.DefaultConfig()
	cfg.HTTPPort, cfg.WSPort, cfg.Describe = rpcPort, 0, ""
	cfg.BlockInterval, cfg.PollInterval = 200*time.Millisecond, 50*time.Millisecond
	cfg.Rounds, cfg.RoundEvery, cfg.ChallengeWindow, cfg.Seed = 40, 3, 300, 21
	cfg.Operators, cfg.Providers, cfg.EntriesPerRow, cfg.Recipients = 5, 6, 20, 30
	cfg.Fund = []common.Address{challenger}
	// Rounds are posted for about 25 s, while the kills happen: a fault
	// every fourth round, each kind in turn.
	kinds := []devnet.FaultKind{devnet.FaultAmount, devnet.FaultPublication, devnet.FaultDenominator, devnet.FaultConservation, devnet.FaultWithheld, devnet.FaultMalformedCommitments}
	cfg.Faults = devnet.Schedule{}
	for r := 2; r <= cfg.Rounds; r += 4 {
		cfg.Faults[uint64(r)] = devnet.Fault{Kind: kinds[(r/4)%len(kinds)], Index: -1}
	}
	var devnetOut testutil.Buffer
	cfg.Out = &devnetOut
	d, err := devnet.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	desc := d.Description()
	devnetDone := make(chan error, 1)
	go func() { devnetDone <- d.Run(ctx) }()

	rc := &receiver{secret: "crash-test-secret-0123456789abcdef", ids: map[string]alerts.Event{}, bodies: map[string]string{}}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	hooks := filepath.Join(dir, "webhooks.yaml")
	if err := os.WriteFile(hooks, []byte(fmt.Sprintf("max-attempts: 100\ninitial-backoff: 100ms\nmax-backoff: 1s\nwebhooks:\n  - name: test\n    url: %s/hook\n    secret: %s\n", srv.URL, rc.secret)), 0o600); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	env := []string{"DENOMWATCH_CHALLENGER_KEY=" + hex.EncodeToString(crypto.FromECDSA(key))}
	// The first RPC URL is dead: every run fails over to the second.
	dead := testutil.FreePort(t)
	args := []string{"run", "--rpc", fmt.Sprintf("http://127.0.0.1:%d,http://127.0.0.1:%d", dead, rpcPort), "--contract", desc.AVS.Hex(),
		"--start-block", fmt.Sprint(desc.StartBlock), "--data-dir", data, "--webhooks", hooks,
		"--api-addr", fmt.Sprintf("127.0.0.1:%d", apiPort), "--confirmations", "0", "--poll-interval", "200ms",
		"--challenge-confirmations", "1", "--reaudit-schedule", "@every 2s"}

	rng := rand.New(rand.NewPCG(7, 7))
	phases := map[string]int{}
	// Kills rotate between moments chosen by what the process just logged
	// (a proof broadcast and not yet mined, a webhook delivery, a round being
	// indexed) and random moments; a trigger not seen within 4 s falls back
	// to the random moment.
	triggers := []string{"challenge transaction sent", "alert delivered", "round verdict", ""}
	for kill := 1; kill <= 20; kill++ {
		p := start(t, fmt.Sprintf("denomwatch run #%d", kill), env, bin, args...)
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
		if err := syscall.Kill(p.cmd.Process.Pid, syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		<-p.done
		t.Logf("kill %2d: SIGKILL while %s", kill, phase)
	}
	t.Logf("kills by phase: %v", phases)

	// The last run lives to the end of the devnet and until every alert is out.
	final := start(t, "denomwatch run (final)", env, bin, args...)
	if err := <-devnetDone; err != nil {
		t.Fatalf("devnet: %v\n%s\nwatcher:\n%s", err, devnetOut.String(), final.tail(40))
	}
	waitFor(t, "the outbox to empty", time.Minute, func() bool { return metric(t, apiPort, "denomwatch_alert_outbox_depth") == "0" })
	if inUse := fmt.Sprintf(`denomwatch_rpc_endpoint_in_use{endpoint="http://127.0.0.1:%d"}`, rpcPort); metric(t, apiPort, inUse) != "1" {
		t.Errorf("the live endpoint is not reported in use (%s)", inUse)
	}
	final.stop(t)

	desc = d.Description()
	provenOnChain(ctx, t, d.Client(), &desc, challenger)
	store, err := index.Open(index.Options{Dir: onlyStore(t, data)})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	confirmedOnce(t, store, &desc)
	allDelivered(t, store, rc, &desc)
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
		case strings.Contains(l, "challenge transaction sent"):
			return "a proof was sent, receipt pending"
		case strings.Contains(l, "alert delivered") || strings.Contains(l, "delivery failed"):
			return "delivering webhooks"
		case strings.Contains(l, "round verdict"):
			return "indexing and recomputing rounds"
		case strings.Contains(l, "watching") || strings.Contains(l, "challenger ready") || strings.Contains(l, "serving the API"):
			return "starting, back-filling or idle"
		}
	}
	return "following the head"
}

func metric(t *testing.T, port int, name string) string {
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/metrics", port))
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == name {
			return f[1]
		}
	}
	return ""
}

func onlyStore(t *testing.T, data string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(data, "*", "MANIFEST"))
	if err != nil || len(m) != 1 {
		t.Fatalf("stores under %s: %v %v", data, m, err)
	}
	return filepath.Dir(m[0])
}

// confirmedOnce: each provable round has one confirmed challenge, sent from
// the watcher's key; nothing else was challenged.
func confirmedOnce(t *testing.T, store *index.Store, desc *devnet.Description) {
	t.Helper()
	chs, err := store.Challenges()
	if err != nil {
		t.Fatal(err)
	}
	confirmed := map[uint64]int{}
	for _, ch := range chs {
		if ch.State == index.ChallengeConfirmed {
			confirmed[ch.Round]++
		}
	}
	for _, r := range desc.Rounds {
		if provable(r.Fault) != (confirmed[r.Round] == 1) {
			t.Errorf("round %d (%q): %d confirmed challenges", r.Round, r.Fault, confirmed[r.Round])
		}
	}
	t.Logf("%d challenges recorded, %d confirmed", len(chs), len(confirmed))
}

// provenOnChain: one FraudProven per provable round, by the watcher's key,
// and the key sent no more transactions than there are proofs (a restart
// never sent a second one).
func provenOnChain(ctx context.Context, t *testing.T, c interface {
	ethereum.LogFilterer
	ethereum.PendingStateReader
}, desc *devnet.Description, challenger common.Address) {
	t.Helper()
	checkOnChain(ctx, t, c, desc, challenger)
	nonce, err := c.PendingNonceAt(ctx, challenger)
	if err != nil {
		t.Fatal(err)
	}
	proofs := 0
	for _, r := range desc.Rounds {
		if provable(r.Fault) {
			proofs++
		}
	}
	if nonce != uint64(proofs) {
		t.Errorf("the watcher's key sent %d transactions for %d proofs", nonce, proofs)
	}
}

// allDelivered: the outbox is empty with no dead letter, and every fraud
// and confirmation reached the receiver with a valid signature.
func allDelivered(t *testing.T, store *index.Store, rc *receiver, desc *devnet.Description) {
	t.Helper()
	proofs, malformed := 0, 0
	for _, r := range desc.Rounds {
		if provable(r.Fault) {
			proofs++
		} else if r.Fault == string(devnet.FaultMalformedCommitments) {
			malformed++
		}
	}
	if n, err := store.OutboxDepth(); err != nil || n != 0 {
		t.Fatalf("outbox depth %d, %v", n, err)
	}
	if n, err := store.DeadLetterCount(); err != nil || n != 0 {
		t.Fatalf("%d dead letters, %v", n, err)
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.bad) > 0 {
		t.Fatalf("bad deliveries: %v", rc.bad)
	}
	byType := map[alerts.Type]int{}
	for _, ev := range rc.ids {
		byType[ev.Type]++
	}
	if byType[alerts.FraudDetected] < proofs || byType[alerts.ChallengeConfirmed] != proofs || byType[alerts.RoundMalformed] != malformed {
		t.Fatalf("alerts received by type: %v", byType)
	}
	t.Logf("%d distinct alert ids received, by type %v", len(rc.ids), byType)
}
