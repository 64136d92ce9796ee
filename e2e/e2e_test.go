// Package e2e runs denomwatch end to end against real nodes, as separate
// processes: `denomwatch devnet --rpc` deploying the v2 AVS onto geth --dev
// or anvil (the second node implementation) and running faulty rounds, and
// `denomwatch run` watching and challenging them; the crash test runs the
// devnet in process. `make e2e` (and .ci/run) installs the pinned geth and
// anvil and sets DENOMWATCH_GETH and DENOMWATCH_ANVIL to them; a test whose
// node is not set is skipped.
package e2e

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
)

// proc is a process the test started; stop ends it by its own PID.
type proc struct {
	name string
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited; err is then set
	err  error
	out  *testutil.Buffer
	// killed: the test killed it on purpose (its output is not worth
	// showing when the test fails).
	killed bool
}

// exited reports whether the process has exited.
func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

func start(t *testing.T, name string, env []string, bin string, args ...string) *proc {
	t.Helper()
	p := &proc{name: name, cmd: exec.Command(bin, args...), done: make(chan struct{}), out: &testutil.Buffer{}}
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	t.Logf("started %s, pid %d", name, p.cmd.Process.Pid)
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		p.stop(t)
		if t.Failed() && !p.killed {
			t.Logf("%s's last lines:\n%s", p.name, p.tail(40))
		}
	})
	return p
}

// kill sends SIGKILL to the process's PID and waits for it to exit.
func (p *proc) kill(t *testing.T) {
	t.Helper()
	p.killed = true
	if err := syscall.Kill(p.cmd.Process.Pid, syscall.SIGKILL); err != nil {
		t.Fatalf("kill %s: %v", p.name, err)
	}
	<-p.done
}

// stop sends SIGTERM to the process's PID, then SIGKILL after 15 s.
func (p *proc) stop(t *testing.T) {
	if p.exited() {
		return
	}
	_ = syscall.Kill(p.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(15 * time.Second):
		t.Logf("%s (pid %d) ignored SIGTERM; killing it", p.name, p.cmd.Process.Pid)
		_ = syscall.Kill(p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.done
	}
}

// tail returns the last n lines of the process's output.
func (p *proc) tail(n int) string {
	lines := strings.Split(strings.TrimSpace(p.out.String()), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// build compiles denomwatch into dir.
func build(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "denomwatch")
	cmd := exec.Command("go", "build", "-o", bin, "../cmd/denomwatch")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func waitFor(t *testing.T, what string, timeout time.Duration, ok func() bool) {
	t.Helper()
	testutil.WaitFor(t, what, timeout, 200*time.Millisecond, ok)
}

// waitAgree waits until diffs returns nothing, and fails with what it
// returned last when timeout passes first.
func waitAgree(t *testing.T, what string, timeout time.Duration, diffs func() []string) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for d := diffs(); len(d) > 0; d = diffs() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s:\n%s", what, strings.Join(d, "\n"))
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// scenario is a devnet run for the end-to-end tests: its size and its
// windows (in blocks of 1 s). The faults are e2eFaults.
type scenario struct {
	providers, recipients                  int
	roundEvery, challenge, resolve, reveal int
}

// seedScale is the design's size: 100 providers x 1000 recipients, every
// recipient in every row (100,000 entries a round).
var seedScale = scenario{providers: 100, recipients: 1000, roundEvery: 2, challenge: 24, resolve: 12, reveal: 12}

// e2eFaults is a fault of every kind the devnet knows, and several
// malformed rounds signed anyway; round 1 is honest.
const e2eFaults = "2:amount,3:denominator,4:conservation,5:withheld-row:reveal,6:withheld-row,7:withheld-manifest:reveal," +
	"8:withheld-manifest,9:unopenable,10:forwarded,11:replay,12:churn,13:malformed:entry-order:signed," +
	"14:malformed:provider-order:signed,15:malformed:residual-consistency:signed,16:malformed:capacity-range:signed," +
	"17:malformed:recipient-zero:signed,18:malformed:mr-range"

const e2eRounds = 18

// TestGethEndToEnd: geth --dev, the v2 AVS deployed onto it by `denomwatch
// devnet --rpc` at the design's size with a fault of every kind, and
// `denomwatch run` with a challenger key watching it over WebSocket and
// fetching objects from the devnet's DA host, all separate processes (see
// testEndToEnd for what is checked).
func TestGethEndToEnd(t *testing.T) { testEndToEnd(t, startGeth, seedScale) }

// TestAnvilEndToEnd is TestGethEndToEnd on anvil, the second node
// implementation, at the same size and over WebSocket too. anvil answers an
// unknown method over WebSocket with -32602, not -32601 (TestNodeDifferences,
// RELIABILITY.md): a watcher that takes only -32601 as "not served" never
// falls back from eth_getHeaderByNumber there, and this test says so.
func TestAnvilEndToEnd(t *testing.T) { testEndToEnd(t, startAnvil, seedScale) }

// testEndToEnd runs the scenario on a node and checks, once the devnet has
// settled every round: on chain, every fraud and malformed-but-signed batch
// proven once by the challenger and its signers slashed, the withheld rows
// challenged (the revealed one proven after its reveal, the unanswered one
// slashed), nothing honest touched, the challenger's nonce its transactions
// in the blocks, its bonds and balance accounted for; in the API, each
// round's verdict; in the index, `denomwatch check`. A second, monitor-only
// watcher whose only source is the first's /v1/objects judges every round
// as the first does (the mirror subtest).
func testEndToEnd(t *testing.T, startNode startNode, sc scenario) {
	began := time.Now()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	n := startNode(ctx, t, dir)
	bin := build(t, dir)
	keyFile, challenger := writeKey(t, dir)
	dn, desc := startDevnet(t, bin, dir, "--rpc", n.httpURL, "--rounds", fmt.Sprint(e2eRounds), "--faults", e2eFaults,
		"--providers", fmt.Sprint(sc.providers), "--recipients", fmt.Sprint(sc.recipients), "--entries", "0",
		"--round-every", fmt.Sprint(sc.roundEvery), "--challenge-window", fmt.Sprint(sc.challenge),
		"--resolve-window", fmt.Sprint(sc.resolve), "--reveal-window", fmt.Sprint(sc.reveal), "--seed", "11", "--fund", challenger.Hex())
	deployed := time.Now()
	funds := balance(ctx, t, n.client, challenger)
	w := startWatcher(t, bin, "denomwatch run", runArgs(desc, n.wsURL, desc.DA.URL, filepath.Join(dir, "data"),
		"--block-time", "1s", "--challenger-key-file", keyFile, "--max-bond", "0.1ether")...)
	waitSettled(t, dn, 6*time.Minute, w.proc)
	settled := time.Now()
	desc, err := devnet.ReadDescription(filepath.Join(dir, "devnet.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rounds map[uint64]index.Round
	waitAgree(t, "the watcher's verdicts on every round", time.Minute, func() []string {
		rounds = w.rounds(t, e2eRounds)
		return verdictMismatches(t, desc, rounds)
	})
	t.Run("mirror", func(t *testing.T) { checkMirror(t, bin, dir, desc, n.wsURL, w, rounds) })

	w.proc.stop(t)
	if code := w.proc.cmd.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("denomwatch run exited %d after SIGTERM\n%s", code, w.proc.tail(20))
	}
	if out, err := exec.Command(bin, "check", "--data-dir", filepath.Join(dir, "data")).CombinedOutput(); err != nil {
		t.Fatalf("denomwatch check: %v\n%s", err, out)
	}
	head, err := n.client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ev := readEvents(ctx, t, n.client, desc.AVS, desc.StartBlock, head)
	checkRounds(t, desc, ev, challenger)
	txs := findTxs(ctx, t, n.client, challenger, desc.StartBlock, head)
	checkActions(ctx, t, n.client, desc, desc.AVS, challenger, txs, head)
	checkBonds(ctx, t, n.client, desc, ev, challenger, txs, funds, head)
	t.Logf("%s at %d providers x %d recipients: deployed in %s, %d rounds settled %s later (%d blocks), checked in %s; %s in all",
		n.proc.name, sc.providers, sc.recipients, deployed.Sub(began).Round(time.Second), e2eRounds, settled.Sub(deployed).Round(time.Second),
		head-desc.StartBlock, time.Since(settled).Round(time.Second), time.Since(began).Round(time.Second))
}

// checkMirror starts a second watcher, monitor-only, whose only DA source
// is the first's /v1/objects, and waits until it judges every round as the
// first did (same verdict, same judgement).
func checkMirror(t *testing.T, bin, dir string, desc *devnet.Description, rpc string, first *watcherProc, want map[uint64]index.Round) {
	began := time.Now()
	mirror := startWatcher(t, bin, "denomwatch run (mirror)",
		runArgs(desc, rpc, fmt.Sprintf("http://127.0.0.1:%d/v1/objects", first.apiPort), filepath.Join(dir, "mirror"), "--block-time", "1s")...)
	// The mirror must agree within 2 minutes, and within 30 s of catching
	// up (ready, every round judged): objects a source lacked are asked for
	// again, which takes a little time.
	var caughtUp time.Time
	for {
		if mirror.proc.exited() {
			t.Fatalf("the mirror exited: %v", mirror.proc.err)
		}
		got := mirror.rounds(t, e2eRounds)
		diffs := judgementDiffs(desc, want, got)
		if len(diffs) == 0 {
			break
		}
		if caughtUp.IsZero() && judgedAll(mirror, desc, got) {
			caughtUp = time.Now()
		}
		if time.Since(began) > 2*time.Minute || (!caughtUp.IsZero() && time.Since(caughtUp) > 30*time.Second) {
			t.Fatalf("the mirror judges rounds otherwise than the first watcher (caught up: %v):\n%s\n%s",
				!caughtUp.IsZero(), strings.Join(diffs, "\n"), first.objectProbe(desc.Rounds[0]))
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("the mirror judged %d rounds as the first watcher %s after its start", len(desc.Rounds), time.Since(began).Round(time.Second))
}

// judgementDiffs lists the rounds whose verdict or judgement differ.
func judgementDiffs(desc *devnet.Description, want, got map[uint64]index.Round) []string {
	var diffs []string
	for _, r := range desc.Rounds {
		a, b := want[r.Round], got[r.Round]
		ja, _ := json.Marshal(a.Judgement)
		jb, _ := json.Marshal(b.Judgement)
		if a.Verdict != b.Verdict || string(ja) != string(jb) {
			diffs = append(diffs, fmt.Sprintf("round %d (%q): first %s %s, mirror %s %s", r.Round, r.Fault, a.Verdict, ja, b.Verdict, jb))
		}
	}
	return diffs
}

// judgedAll reports whether the watcher is ready and has judged every
// round of desc (none pending).
func judgedAll(w *watcherProc, desc *devnet.Description, got map[uint64]index.Round) bool {
	if code, _ := readiness(w.apiPort); code != http.StatusOK {
		return false
	}
	for _, r := range desc.Rounds {
		if v := got[r.Round].Verdict; v == "" || v == index.VerdictPending {
			return false
		}
	}
	return true
}

// writeKey writes a fresh challenger key, hex, to a 0600 file in dir.
func writeKey(t *testing.T, dir string) (string, common.Address) {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "challenger.key")
	if err := os.WriteFile(file, []byte(hex.EncodeToString(crypto.FromECDSA(key))), 0o600); err != nil {
		t.Fatal(err)
	}
	return file, crypto.PubkeyToAddress(key.PublicKey)
}

// startDevnet starts `denomwatch devnet` with args, its DA store in dir
// served on a free port and its description in dir/devnet.json, and waits
// for the deployment (the AVS deployed, the accounts funded, the operators
// registered).
func startDevnet(t *testing.T, bin, dir string, args ...string) (*proc, *devnet.Description) {
	t.Helper()
	describe := filepath.Join(dir, "devnet.json")
	args = append([]string{"devnet", "--da-dir", filepath.Join(dir, "da"), "--da-port", fmt.Sprint(testutil.FreePort(t)), "--describe", describe}, args...)
	dn := start(t, "denomwatch devnet", nil, bin, args...)
	var desc *devnet.Description
	waitFor(t, "the AVS deployment", 3*time.Minute, func() bool {
		if dn.exited() {
			t.Fatalf("the devnet exited: %v", dn.err)
		}
		d, err := devnet.ReadDescription(describe)
		if err != nil || d.AVS == (common.Address{}) {
			return false
		}
		desc = d
		return true
	})
	return dn, desc
}

// waitSettled waits until the devnet has settled every round and exited
// with success; the watchers must not exit meanwhile.
func waitSettled(t *testing.T, dn *proc, timeout time.Duration, watchers ...*proc) {
	t.Helper()
	waitFor(t, "the devnet to settle every round", timeout, func() bool {
		for _, w := range watchers {
			if w.exited() {
				t.Fatalf("%s exited: %v", w.name, w.err)
			}
		}
		return dn.exited()
	})
	if dn.err != nil {
		t.Fatalf("devnet: %v", dn.err)
	}
}

// balance is the account's balance at the head.
func balance(ctx context.Context, t *testing.T, c chainReader, a common.Address) *big.Int {
	t.Helper()
	b, err := c.BalanceAt(ctx, a, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
