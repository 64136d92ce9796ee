// Package e2e runs denomwatch end to end against real nodes, as separate
// processes: geth --dev and, for the v2 devnet and the nodes' differences,
// anvil too. `make e2e` (and .ci/run) installs the pinned geth and anvil and
// sets DENOMWATCH_GETH and DENOMWATCH_ANVIL to them; a test whose node is not
// set is skipped.
package e2e

import (
	"bufio"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
)

// proc is a process the test started; stop ends it by its own PID.
type proc struct {
	name string
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited; err is then set
	err  error
	out  *testutil.Buffer
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
	t.Cleanup(func() { p.stop(t) })
	return p
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

// TestGethEndToEnd: geth --dev, the devnet's AVS with faulty rounds deployed
// onto it by `denomwatch devnet --rpc`, and `denomwatch run` watching it over
// WebSocket with a challenger key, all separate processes. Every provable
// fraud must end proven on chain by the watcher's key, its signers slashed;
// no honest batch is touched.
func TestGethEndToEnd(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	g := startGeth(ctx, t, dir)
	bin := build(t, dir)
	apiPort := testutil.FreePort(t)
	httpURL, wsURL, client := g.httpURL, g.wsURL, g.client

	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	challenger := crypto.PubkeyToAddress(key.PublicKey)
	faults := "2:amount,4:publication,6:denominator,8:conservation,10:withheld,11:malformed-commitments,12:forwarded"
	describe := filepath.Join(dir, "devnet.json")
	dn := start(t, "denomwatch devnet", nil, bin, "devnet-v1", "--rpc", httpURL, "--rounds", "13", "--faults", faults,
		"--round-every", "2", "--challenge-window", "12", "--operators", "5", "--providers", "6", "--entries", "20", "--recipients", "30",
		"--fund", challenger.Hex(), "--describe", describe, "--seed", "11")
	var desc *devnet.Description
	waitFor(t, "the AVS deployment", 2*time.Minute, func() bool {
		d, err := devnet.ReadDescription(describe)
		if err != nil || d.AVS == (common.Address{}) {
			return false
		}
		desc = d
		return true
	})
	run := start(t, "denomwatch run", []string{"DENOMWATCH_CHALLENGER_KEY=" + hex.EncodeToString(crypto.FromECDSA(key))}, bin, "run",
		"--rpc", wsURL, "--contract", desc.AVS.Hex(), "--start-block", fmt.Sprint(desc.StartBlock),
		"--data-dir", filepath.Join(dir, "data"), "--api-addr", fmt.Sprintf("127.0.0.1:%d", apiPort), "--confirmations", "0")

	select {
	case <-dn.done:
		if err := dn.err; err != nil {
			t.Fatalf("devnet: %v\n%s\nwatcher:\n%s", err, dn.tail(30), run.tail(30))
		}
	case <-ctx.Done():
		t.Fatalf("the devnet did not settle every round\ndevnet:\n%s\nwatcher:\n%s", dn.tail(30), run.tail(40))
	case <-run.done:
		t.Fatalf("denomwatch run exited: %v\n%s", run.err, run.tail(40))
	}
	if desc, err = devnet.ReadDescription(describe); err != nil {
		t.Fatal(err)
	}
	checkOnChain(ctx, t, client, desc, challenger)
	checkAPI(t, apiPort, desc)
	run.stop(t)
	if run.cmd.ProcessState.ExitCode() != 0 {
		t.Fatalf("denomwatch run exited %d after SIGTERM\n%s", run.cmd.ProcessState.ExitCode(), run.tail(20))
	}
	check := exec.Command(bin, "check", "--data-dir", filepath.Join(dir, "data"))
	if out, err := check.CombinedOutput(); err != nil {
		t.Fatalf("denomwatch check: %v\n%s", err, out)
	}
	g.proc.stop(t)
}

// provable reports whether a devnet fault is one a fraud proof applies to.
func provable(fault string) bool {
	kind := strings.Split(fault, "@")[0]
	return kind != "" && kind != string(devnet.FaultMalformedCommitments) && kind != string(devnet.FaultForwarded)
}

// checkOnChain: a FraudProven by the challenger for every provable fault's
// round, slashing events for them, and none for any other round.
func checkOnChain(ctx context.Context, t *testing.T, c ethereum.LogFilterer, desc *devnet.Description, challenger common.Address) {
	t.Helper()
	abi := contracts.ABI()
	logs, err := c.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(desc.StartBlock), Addresses: []common.Address{desc.AVS},
		Topics: [][]common.Hash{{abi.GetABI().Events["FraudProven"].ID, abi.GetABI().Events["OperatorSlashed"].ID}}})
	if err != nil {
		t.Fatal(err)
	}
	proven, slashed := map[uint64]common.Address{}, map[uint64]int{}
	for _, l := range logs {
		if ev, err := abi.UnpackFraudProvenEvent(&l); err == nil {
			if _, dup := proven[ev.Round.Uint64()]; dup {
				t.Fatalf("round %d proven twice", ev.Round)
			}
			proven[ev.Round.Uint64()] = ev.Challenger
		} else if ev, err := abi.UnpackOperatorSlashedEvent(&l); err == nil {
			slashed[ev.Round.Uint64()]++
		}
	}
	for _, r := range desc.Rounds {
		who, ok := proven[r.Round]
		switch {
		case provable(r.Fault) && !ok:
			t.Errorf("round %d (%s): no fraud proof mined", r.Round, r.Fault)
		case provable(r.Fault) && who != challenger:
			t.Errorf("round %d: proven by %s, not the watcher's %s", r.Round, who, challenger)
		case provable(r.Fault) && slashed[r.Round] == 0:
			t.Errorf("round %d: proven but nobody slashed", r.Round)
		case !provable(r.Fault) && ok:
			t.Errorf("round %d (%q): an honest or unprovable round was challenged", r.Round, r.Fault)
		}
	}
	t.Logf("%d frauds proven by %s, %d slashing events", len(proven), challenger, len(slashed))
}

// checkAPI: the API shows each proven round's challenge as confirmed.
func checkAPI(t *testing.T, port int, desc *devnet.Description) {
	t.Helper()
	for _, r := range desc.Rounds {
		if !provable(r.Fault) {
			continue
		}
		resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/v1/rounds/%d", port, r.Round))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(bufio.NewReader(resp.Body))
		resp.Body.Close()
		var v struct {
			Challenge *struct {
				State string `json:"state"`
			} `json:"challenge"`
		}
		if err := json.Unmarshal(body, &v); err != nil || v.Challenge == nil || v.Challenge.State != "confirmed" {
			t.Errorf("round %d: API %s", r.Round, body)
		}
	}
}
