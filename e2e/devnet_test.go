package e2e

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/devnet"
)

// TestDevnetOnNodes: the protocol v2 devnet deployed by `denomwatch devnet
// --rpc` onto each node implementation, geth --dev and anvil (funded from
// the node's unlocked account), at the design's size (100 providers x 1000
// recipients) with a fault of each kind that needs no challenger, runs to
// the end; its description matches the chain (read here from that node) and
// the store. Two nodes, so that no node's quirks are mistaken for the chain's
// (RELIABILITY.md lists where they differ).
func TestDevnetOnNodes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		start startNode
	}{
		{"geth", startGeth},
		{"anvil", startAnvil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Side by side: a devnet mostly waits for 1 s blocks (both
			// together used about 30 s of CPU in 55 s), so the second node
			// adds little to make e2e's time.
			t.Parallel()
			testDevnetOn(t, tc.name, tc.start)
		})
	}
}

func testDevnetOn(t *testing.T, name string, startNode startNode) {
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	n := startNode(ctx, t, dir)
	bin := build(t, dir)
	describe := filepath.Join(dir, "devnet.json")
	faults := "2:amount,3:withheld-row,4:malformed:entry-order,5:forwarded,6:churn,7:malformed:capacity-range:signed,8:unopenable"
	dn := start(t, "denomwatch devnet", nil, bin, "devnet", "--rpc", n.httpURL, "--rounds", "8", "--faults", faults,
		"--providers", "100", "--recipients", "1000", "--round-every", "1", "--challenge-window", "6", "--resolve-window", "4", "--reveal-window", "4",
		"--da-dir", filepath.Join(dir, "da"), "--da-port", "0", "--describe", describe, "--seed", "5")
	select {
	case <-dn.done:
		if dn.err != nil {
			t.Fatalf("devnet: %v\n%s\n%s:\n%s", dn.err, dn.tail(30), name, n.proc.tail(20))
		}
	case <-ctx.Done():
		t.Fatalf("the devnet did not settle every round\n%s\n%s:\n%s", dn.tail(30), name, n.proc.tail(20))
	}
	if out := dn.out.String(); !strings.Contains(out, "all 8 rounds done; the description matches the chain and the store") {
		t.Fatalf("devnet output:\n%s", out)
	}
	desc, err := devnet.ReadDescription(describe)
	if err != nil {
		t.Fatal(err)
	}
	if err := desc.Verify(ctx, n.client); err != nil {
		t.Fatal(err)
	}
	if len(desc.Operators) != 8 || desc.Rounds[0].Entries != 100_000 || desc.Rounds[4].Batches[0].Via == nil {
		t.Fatalf("description: %d operators, %d entries, forwarded via %v", len(desc.Operators), desc.Rounds[0].Entries, desc.Rounds[4].Batches[0].Via)
	}
	t.Logf("seed-scale round 1 on %s: %+v", name, desc.Rounds[0].Timings)
}
