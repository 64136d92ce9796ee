package main

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/internal/v1/watcher"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// TestAudit audits, straight from a devnet's JSON-RPC, the recipient whose
// amount a colluding quorum changed (exit 3, the wrong amount shown) and one
// whose amounts are right (exit 0).
func TestAudit(t *testing.T) {
	port := testutil.FreePort(t)
	cfg := devnet.DefaultConfig()
	cfg.HTTPPort, cfg.WSPort, cfg.Describe = port, 0, ""
	cfg.BlockInterval, cfg.PollInterval = 20*time.Millisecond, 5*time.Millisecond
	cfg.ChallengeWindow, cfg.RoundEvery, cfg.Rounds, cfg.Seed = 3, 1, 2, 3
	cfg.Providers, cfg.Recipients, cfg.EntriesPerRow, cfg.Operators = 3, 8, 4, 4
	cfg.Faults = devnet.Schedule{2: {Kind: devnet.FaultAmount, Index: 5}}
	d, err := devnet.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.Run(ctx); err != nil {
		t.Fatal(err)
	}
	desc := d.Description()
	// The recipient at global index 5 of round 2, from the commit transaction.
	tx, _, err := d.Client().TransactionByHash(ctx, desc.Rounds[1].CommitTx)
	if err != nil {
		t.Fatal(err)
	}
	args, err := contracts.ABI().GetABI().Methods["commitRound"].Inputs.Unpack(tx.Data()[4:])
	if err != nil {
		t.Fatal(err)
	}
	c, err := recompute.Decode(args[2].([]byte))
	if err != nil {
		t.Fatal(err)
	}
	res, err := recompute.Compute(c, recompute.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, j, _ := res.Locate(5)
	victim := c.Providers[p].Entries[j].Recipient
	var bystander common.Address
	for _, e := range c.Providers[0].Entries { // someone not at index 5
		if e.Recipient != victim {
			bystander = e.Recipient
			break
		}
	}
	rpcURL := fmt.Sprintf("http://127.0.0.1:%d", port)
	base := []string{"audit", "--rpc", rpcURL, "--contract", desc.AVS.Hex(), "--from", "1", "--to", "2"}

	code, stdout, stderr := runCLI(t, nil, append(base, "--recipient", victim.Hex(), "--json")...)
	if code != exitWrong {
		t.Fatalf("victim: exit %d (%s)\n%s", code, stderr, stdout)
	}
	var out struct {
		Rounds []struct {
			Round       uint64
			Status      string
			Allocations []struct {
				Index         int
				Amount        string
				CorrectAmount string
				Verifies      bool
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || len(out.Rounds) != 2 {
		t.Fatalf("json %q: %v", stdout, err)
	}
	found := false
	for _, a := range out.Rounds[1].Allocations {
		if a.Index == 5 {
			found = true
			if a.Amount == a.CorrectAmount || !a.Verifies {
				t.Fatalf("index 5: %+v", a)
			}
		}
	}
	if !found || out.Rounds[1].Status != "final" {
		t.Fatalf("round 2: %+v", out.Rounds[1])
	}
	code, stdout, stderr = runCLI(t, nil, append(base, "--recipient", bystander.Hex())...)
	if code != 0 || !strings.Contains(stdout, "ok") || strings.Contains(stdout, "WRONG") {
		t.Fatalf("bystander: exit %d (%s)\n%s", code, stderr, stdout)
	}
	code, _, stderr = runCLI(t, nil, "audit", "--recipient", victim.Hex())
	if code != exitUsage || !strings.Contains(stderr, "--rpc") {
		t.Fatalf("no source: exit %d %s", code, stderr)
	}

	// The same through a running watcher's API (audit --api).
	store, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	w, err := watcher.New(ctx, watcher.Config{AVS: desc.AVS, StartBlock: desc.StartBlock}, d.Client(), store, &watcher.CalldataSource{Chain: d.Client(), AVS: desc.AVS}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for caughtUp := false; !caughtUp; {
		if caughtUp, err = w.Step(ctx); err != nil {
			t.Fatal(err)
		}
	}
	acfg := api.DefaultConfig()
	acfg.Addr = "127.0.0.1:0"
	srv, err := api.New(acfg, api.Deps{Store: store, Status: w})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer srv.Stop(context.Background())
	viaAPI := []string{"audit", "--api", "http://" + srv.Addr(), "--from", "1", "--to", "2"}
	if code, stdout, stderr := runCLI(t, nil, append(viaAPI, "--recipient", victim.Hex())...); code != exitWrong || !strings.Contains(stdout, "WRONG") {
		t.Fatalf("victim via the API: exit %d (%s)\n%s", code, stderr, stdout)
	}
	if code, stdout, stderr := runCLI(t, nil, append(viaAPI, "--recipient", bystander.Hex())...); code != 0 || strings.Contains(stdout, "WRONG") {
		t.Fatalf("bystander via the API: exit %d (%s)\n%s", code, stderr, stdout)
	}
}
