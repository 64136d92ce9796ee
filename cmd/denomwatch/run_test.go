package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/recompute"
)

// startDevnet runs an embedded v2 devnet (devnet.TestingConfig) serving
// JSON-RPC over HTTP and its objects on a free port, with faults (round 2:
// a wrong amount; round 4: a row withheld and never given, its batch
// slashed when the availability challenge goes unanswered), funding fund;
// it keeps sealing blocks until the test ends.
func startDevnet(t *testing.T, rounds int, fund ...[20]byte) testNet {
	t.Helper()
	port := testutil.FreePort(t)
	cfg := devnet.TestingConfig(t.TempDir(), testutil.FreePort(t))
	cfg.HTTPPort, cfg.Describe, cfg.Rounds, cfg.Seed = port, "", rounds, 11
	cfg.Faults = devnet.Schedule{2: {Kind: devnet.FaultAmount}, 4: {Kind: devnet.FaultWithheldRow}}
	for _, a := range fund {
		cfg.Fund = append(cfg.Fund, a)
	}
	d, err := devnet.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	net := testNet{desc: d.Description(), rpc: fmt.Sprintf("http://127.0.0.1:%d", port), da: d.DASource()}
	go d.Run(ctx)
	return net
}

// testNet is what a test reads of a running devnet: its description as it
// started (Description is not safe while the devnet runs), its RPC URL and
// its data-availability source.
type testNet struct {
	desc    devnet.Description
	rpc, da string
}

// writeKey writes a fresh key to a file (0600) and returns it with its path.
func writeKey(t *testing.T, dir, name string) ([20]byte, string) {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(hex.EncodeToString(crypto.FromECDSA(k))), 0o600); err != nil {
		t.Fatal(err)
	}
	return crypto.PubkeyToAddress(k.PublicKey), p
}

// TestRunChecksTheNode: with --rpc, the node's chain id, the AVS's code and
// the challenger key's funds are checked before anything starts: an
// unfunded key is refused at once (not left to fail every proof forever).
func TestRunChecksTheNode(t *testing.T) {
	dir := t.TempDir()
	_, unfunded := writeKey(t, dir, "unfunded.key")
	deployer, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	d := startDevnet(t, 0, crypto.PubkeyToAddress(deployer.PublicKey))
	desc, rpcURL := d.desc, d.rpc
	data := filepath.Join(dir, "data")
	base := []string{"run", "--rpc", rpcURL, "--da-sources", d.da, "--start-block", fmt.Sprint(desc.StartBlock), "--data-dir", data, "--api-addr", ""}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unfunded key", append(base, "--contract", desc.AVS.Hex(), "--challenger-key-file", unfunded), "cannot pay one proof"},
		{"wrong chain", append(base, "--contract", desc.AVS.Hex(), "--chain-id", "1"), "--chain-id 1"},
		{"no contract there", append(base, "--contract", desc.Coordinator.Hex()), "no contract there"},
		{"not the AVS", append(base, "--contract", forwarder(t, rpcURL, deployer).Hex()), "not the Denominator Allocation AVS"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, nil, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, exitUsage, tc.want)
			}
		})
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Fatalf("the data directory was created: %v", err)
	}
	// Dry run needs no funds.
	ctx, cancel := context.WithCancel(context.Background())
	var stderr testutil.Buffer
	done := make(chan int, 1)
	apiPort := testutil.FreePort(t)
	go func() {
		done <- run(ctx, append([]string{"denomwatch"}, append(base[:len(base)-2], "--api-addr", fmt.Sprintf("127.0.0.1:%d", apiPort), "--contract", desc.AVS.Hex(), "--challenger-key-file", unfunded, "--dry-run")...), nil, io.Discard, &stderr)
	}()
	waitHTTP(t, fmt.Sprintf("http://127.0.0.1:%d/readyz", apiPort), 200, time.Minute)
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("dry run: exit %d\n%s", code, stderr.String())
	}
}

// waitHTTP polls url until it answers code.
func waitHTTP(t *testing.T, url string, code int, timeout time.Duration) []byte {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		resp, err := http.Get(url)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == code {
				return body
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not answer %d within %s (last: %v)", url, code, timeout, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestRunOperatorView runs `denomwatch run --rpc` against a devnet with two
// provable frauds, a challenger key and a webhook that always fails, and
// looks at it as an operator would: JSON logs with progress and verdict
// lines, /readyz, the fraud counters after the rounds were resubmitted and
// judged valid, the dead letters listed and requeued with `denomwatch
// deadletters`, and a round's data exported for `denomwatch recompute`.
func TestRunOperatorView(t *testing.T) {
	dir := t.TempDir()
	addr, keyFile := writeKey(t, dir, "challenger.key")
	d := startDevnet(t, 6, addr)
	desc, rpcURL := d.desc, d.rpc

	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) }))
	defer hook.Close()
	hooks := filepath.Join(dir, "hooks.yaml")
	os.WriteFile(hooks, []byte(fmt.Sprintf("max-attempts: 1\nwebhooks:\n  - name: down\n    url: %s\n    secret: 0123456789abcdef0123\n", hook.URL)), 0o600)

	apiPort := testutil.FreePort(t)
	apiURL := fmt.Sprintf("http://127.0.0.1:%d", apiPort)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr testutil.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"denomwatch", "run", "--rpc", rpcURL, "--da-sources", d.da, "--contract", desc.AVS.Hex(), "--start-block", fmt.Sprint(desc.StartBlock),
			"--data-dir", filepath.Join(dir, "data"), "--api-addr", fmt.Sprintf("127.0.0.1:%d", apiPort), "--admin-api",
			"--challenger-key-file", keyFile, "--webhooks", hooks, "--log-format", "json", "--poll-interval", "100ms",
			"--block-time", "100ms", "--stall-blocks", "300", "--lag-schedule", "@every 1s"}, nil, io.Discard, &stderr)
	}()
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("run: exit %d\n%s", code, stderr.String())
		}
	}()

	// Both frauds proven, resubmitted honestly and judged valid.
	deadline := time.Now().Add(3 * time.Minute)
	for {
		var rounds api.RoundsResponse
		body := waitHTTP(t, apiURL+"/v1/rounds?from=1&to=6", 200, time.Minute)
		json.Unmarshal(body, &rounds)
		valid := 0
		for _, r := range rounds.Rounds {
			if (r.Round == 2 || r.Round == 4) && r.Verdict == "valid" && len(r.Batches) == 2 {
				valid++
			}
		}
		if valid == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the frauds were not proven and resubmitted: %s\n%s", body, tail(stderr.String(), 30))
		}
		time.Sleep(200 * time.Millisecond)
	}
	metrics := string(waitHTTP(t, apiURL+"/metrics", 200, time.Minute))
	for _, want := range []string{
		`denomwatch_rounds{verdict="fraud"} 0`, // the lasting signal is in the counters
		"denomwatch_frauds_detected_total 2", "denomwatch_frauds_proven_total 2", "denomwatch_frauds_finalized_unproven_total 0",
		"denomwatch_node_stalled 0", `denomwatch_build_info{`, "denomwatch_index_writes_paused 0",
		`denomwatch_rpc_last_success_timestamp_seconds{endpoint="http://127.0.0.1:`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	waitHTTP(t, apiURL+"/readyz", 200, time.Minute)

	// Logs: JSON objects, camelCase keys, a verdict line naming a
	// resubmitted batch, the backfill caught up.
	checkJSONLogs(t, stderr.String())

	// The dead letters of the failing webhook, listed and requeued.
	var list string
	waitFor(t, "dead letters", time.Minute, func() bool {
		code, out, _ := runCLI(t, nil, "deadletters", "list", "--api", apiURL)
		list = out
		return code == 0 && strings.Contains(out, "fraud_detected")
	})
	code, out, errOut := runCLI(t, nil, "deadletters", "list", "--api", apiURL, "--json")
	var dls api.DeadLettersResponse
	if code != 0 || json.Unmarshal([]byte(out), &dls) != nil || len(dls.DeadLetters) == 0 || dls.DeadLetters[0].Webhook != "down" {
		t.Fatalf("list --json: exit %d %s %s", code, out, errOut)
	}
	first := dls.DeadLetters[0]
	code, out, errOut = runCLI(t, nil, "deadletters", "requeue", "--api", apiURL, "--seq", fmt.Sprint(first.Seq), "--webhook", "down")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("requeued entry %d (webhook down) as entry", first.Seq)) {
		t.Fatalf("requeue: exit %d %s %s\nlist was:\n%s", code, out, errOut, list)
	}
	if code, _, errOut = runCLI(t, nil, "deadletters", "requeue", "--api", apiURL, "--seq", fmt.Sprint(first.Seq), "--webhook", "down"); code != exitIO || !strings.Contains(errOut, "404") {
		t.Fatalf("requeue again: exit %d %s", code, errOut)
	}
	if code, out, _ = runCLI(t, nil, "deadletters", "requeue", "--api", apiURL, "--all"); code != 0 || !strings.Contains(out, "dead letter(s) requeued") {
		t.Fatalf("requeue --all: exit %d %s", code, out)
	}

	// Round 2's manifest, served by this watcher as a data-availability
	// source (/v1/objects), verifies against the round's commitment root.
	var r2 struct {
		CommitmentRoot common.Hash `json:"commitmentRoot"`
	}
	if err := json.Unmarshal(waitHTTP(t, apiURL+"/v1/rounds/2", 200, time.Minute), &r2); err != nil {
		t.Fatal(err)
	}
	raw := waitHTTP(t, fmt.Sprintf("%s/v1/objects/%s/%s", apiURL, recompute.KindManifest, r2.CommitmentRoot.Hex()), 200, time.Minute)
	if _, _, err := recompute.VerifyManifest(r2.CommitmentRoot, raw); err != nil {
		t.Fatalf("round 2's manifest from /v1/objects: %v", err)
	}
}

// checkJSONLogs checks that every log line is a JSON object with camelCase
// keys, that a verdict line judges a resubmitted batch (attempt 1 or
// more) valid, and that the
// backfill said it caught up.
func checkJSONLogs(t *testing.T, logs string) {
	t.Helper()
	resubmitted, caughtUp := false, false
	for _, line := range strings.Split(strings.TrimSpace(logs), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("a log line is not JSON: %q", line)
		}
		for k := range m {
			if !camelCase.MatchString(k) {
				t.Errorf("log key %q is not camelCase: %s", k, line)
			}
		}
		switch m["msg"] {
		case "round verdict":
			if a, ok := m["attempt"].(float64); ok && a >= 1 && m["status"] == "valid" {
				resubmitted = true
			}
		case "caught up":
			caughtUp = true
		}
	}
	if !resubmitted || !caughtUp {
		t.Errorf("logs lack a resubmitted verdict (%t) or caught up (%t):\n%s", resubmitted, caughtUp, tail(logs, 40))
	}
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

func waitFor(t *testing.T, what string, timeout time.Duration, ok func() bool) {
	t.Helper()
	testutil.WaitFor(t, what, timeout, 200*time.Millisecond, ok)
}

// forwarder deploys the v2 contracts' forwarder with key k: a contract
// that is not the AVS.
func forwarder(t *testing.T, rpcURL string, k *ecdsa.PrivateKey) common.Address {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	opts := bind.NewKeyedTransactor(k, big.NewInt(devnetChainID))
	opts.Context = ctx
	fwd, tx, err := bind.DeployContract(opts, common.FromHex(bindings.ForwarderMetaData.Bin), client, bindings.NewForwarder().PackConstructor(opts.From))
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the forwarder deployed", time.Minute, func() bool {
		r, err := client.TransactionReceipt(ctx, tx.Hash())
		return err == nil && r.Status == 1
	})
	return fwd
}

// TestRunHalfBuilt: a service that fails midway (its index is held by
// another process, after the RPC pool was dialled) exits 1 naming the step
// and why, and closes what it built; once the other process lets go, the
// same command runs.
func TestRunHalfBuilt(t *testing.T) {
	dir := t.TempDir()
	d := startDevnet(t, 0)
	avs, rpcURL := d.desc.AVS, d.rpc
	data := filepath.Join(dir, "data")
	held, err := index.Open(index.Options{Dir: filepath.Join(data, fmt.Sprintf("%d-%s", devnetChainID, strings.ToLower(avs.Hex())))})
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"run", "--rpc", rpcURL, "--contract", avs.Hex(), "--da-sources", d.da, "--start-block", fmt.Sprint(d.desc.StartBlock),
		"--data-dir", data, "--api-addr", fmt.Sprintf("127.0.0.1:%d", testutil.FreePort(t))}
	code, _, stderr := runCLI(t, nil, args...)
	if code != exitIO || !strings.Contains(stderr, "run: index:") || !strings.Contains(stderr, "open the index") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	held.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out testutil.Buffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, append([]string{"denomwatch"}, args...), nil, io.Discard, &out) }()
	waitFor(t, "the watcher running", time.Minute, func() bool { return strings.Contains(out.String(), "watching") })
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("the second run: exit %d\n%s", code, out.String())
	}
}
