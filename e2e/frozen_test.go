package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/alerts"
)

// TestFrozenNode: geth --dev, the AVS deployed on it, and `denomwatch run`
// watching it; then geth is frozen (SIGSTOP) and thawed (SIGCONT). While
// frozen, the watcher reports itself not ready (/readyz 503, nodeStalled,
// denomwatch_node_stalled 1) within its stall allowance although its lag
// stays 0, and raises node_stalled once; once thawed, it is ready again.
func TestFrozenNode(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	g := startGeth(ctx, t, dir)
	t.Cleanup(func() { _ = syscall.Kill(g.proc.cmd.Process.Pid, syscall.SIGCONT) }) // before stop's SIGTERM
	bin := build(t, dir)

	// One honest round, settled; the watcher reads its objects from the
	// devnet's store directory, which outlives the devnet.
	dn, desc := startDevnet(t, bin, dir, "--rpc", g.httpURL, "--rounds", "1", "--faults", "", "--round-every", "1",
		"--challenge-window", "2", "--resolve-window", "2", "--reveal-window", "2", "--operators", "3", "--providers", "2",
		"--entries", "4", "--recipients", "8", "--seed", "5")
	waitSettled(t, dn, 2*time.Minute)

	hooks, hookFile := newReceiver(t, dir, "")
	w := startWatcher(t, bin, "denomwatch run", runArgs(desc, g.httpURL, desc.DA.Dir, filepath.Join(dir, "data"),
		"--block-time", "1s", "--stall-blocks", "5", "--lag-schedule", "@every 1s", "--webhooks", hookFile)...)
	run, apiPort := w.proc, w.apiPort
	waitFor(t, "the watcher ready", time.Minute, func() bool { code, _ := readiness(apiPort); return code == 200 })
	if got := metric(apiPort, "denomwatch_node_stalled"); got != "0" {
		t.Fatalf("node_stalled %q while geth runs", got)
	}

	frozenAt := time.Now()
	if err := syscall.Kill(g.proc.cmd.Process.Pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	waitFor(t, "not ready while geth is frozen", 90*time.Second, func() bool {
		var code int
		code, body = readiness(apiPort)
		return code == 503 && body["nodeStalled"] == true
	})
	t.Logf("not ready %s after the freeze: %v", time.Since(frozenAt).Round(time.Second), body)
	if lag, _ := body["lag"].(float64); lag != 0 || !strings.Contains(fmt.Sprint(body["reason"]), "stalled") {
		t.Fatalf("readyz while frozen: %v", body)
	}
	if got := metric(apiPort, "denomwatch_node_stalled"); got != "1" {
		t.Fatalf("node_stalled %q while geth is frozen", got)
	}
	waitFor(t, "one node_stalled alert", 30*time.Second, func() bool { return hooks.count(alerts.NodeStalled) == 1 })
	time.Sleep(5 * time.Second) // the health check runs every second: still one alert
	if n := hooks.count(alerts.NodeStalled); n != 1 {
		t.Fatalf("%d node_stalled alerts in one episode", n)
	}

	if err := syscall.Kill(g.proc.cmd.Process.Pid, syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	thawedAt := time.Now()
	waitFor(t, "ready again once geth is thawed", 2*time.Minute, func() bool { code, _ := readiness(apiPort); return code == 200 })
	t.Logf("ready %s after the thaw", time.Since(thawedAt).Round(time.Second))
	if got := metric(apiPort, "denomwatch_node_stalled"); got != "0" {
		t.Fatalf("node_stalled %q after the thaw", got)
	}
	waitFor(t, "the recovery logged", 30*time.Second, func() bool { return strings.Contains(run.out.String(), "the node recovered") })
	run.stop(t)
	if code := run.cmd.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("denomwatch run exited %d after SIGTERM\n%s", code, run.tail(20))
	}
	g.proc.stop(t)
}
