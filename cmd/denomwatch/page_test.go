package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/browsertest"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
	recomputev1 "github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// The recipient page test's devnet: round 2 publishes a wrong amount at
// pageFaultIndex. Its challenge window (pageWindow blocks of 100 ms) outlasts
// the test's first, dry-run watcher even on a loaded machine, so that the second one proves it.
const (
	pageFaultRound = 2
	pageFaultIndex = 5
	pageWindow     = 1200
	pageExplorer   = "https://explorer.example"
)

var updatePageScreenshots = flag.Bool("update-page-screenshots", false,
	"copy TestRecipientPage's screenshots to docs/ (recipient-page.png, recipient-page-proven.png: the README's)")

// TestRecipientPage loads the recipient page in a real headless Chromium
// against `denomwatch run` on a devnet whose round 2 publishes a wrong
// amount. First with a dry-run watcher (the fraud detected, not proven):
// the victim's wrong amount is flagged, its proof verifies in the browser
// against the signed root, and a bystander sees nothing wrong. Then the
// same watcher with a key: it proves the fraud, the honest operators
// resubmit, and the page links the victim's entry to the proof
// transaction on the explorer. Screenshots are test artifacts.
func TestRecipientPage(t *testing.T) {
	browsertest.Path(t) // skip before starting a devnet
	dir := t.TempDir()
	key, keyFile := writeKey(t, dir, "challenger.key")
	d, rpcURL := startPageDevnet(t, common.Address(key))
	desc := d.Description()
	apiURL := fmt.Sprintf("http://127.0.0.1:%d", testutil.FreePort(t))
	args := []string{"denomwatch", "run", "--rpc", rpcURL, "--contract", desc.AVS.Hex(), "--start-block", fmt.Sprint(desc.StartBlock),
		"--data-dir", filepath.Join(dir, "data"), "--api-addr", strings.TrimPrefix(apiURL, "http://"), "--explorer-url", pageExplorer,
		"--poll-interval", "100ms", "--block-time", "100ms", "--stall-blocks", "300", "--ready-lag", "100", "--log-format", "json"}

	stop := startRun(t, append(args, "--dry-run"))
	r2 := waitRound(t, apiURL, func(r api.RoundView) bool {
		return r.Verdict == index.VerdictFraud && r.Challenge != nil && r.Challenge.State == index.ChallengeDryRun
	})
	victim, bystander := pageRecipients(t, apiURL, int(*r2.Index))
	b := browsertest.Start(t, 1280, 900, 2*time.Minute)
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(apiURL+"/"), chromedp.WaitVisible("#health .health-state")); err != nil {
		t.Fatalf("open %s/: %v", apiURL, err)
	}
	if got := text(t, b, "#health"); !strings.Contains(got, "watcher ready") || !strings.Contains(got, "frauds detected 1") {
		t.Errorf("the watcher's health: %q", got)
	}
	row := fmt.Sprintf(`tr[data-round="%d"][data-index="%d"]`, pageFaultRound, *r2.Index)
	checkDetected(t, b, victim, row, r2)
	openDetail(t, b, row, fmt.Sprintf("verifyAllocation(%d, %d, %s, [", pageFaultRound, *r2.Index, r2.Claimed))
	publish(t, b.Screenshot(t, "recipient-page-detected.png"), "recipient-page.png")
	checkBystander(t, b, bystander)
	stop()

	stop = startRun(t, append(args, "--challenger-key-file", keyFile))
	defer stop()
	r2 = waitRound(t, apiURL, func(r api.RoundView) bool {
		return r.Verdict == index.VerdictValid && len(r.Batches) == 2 && r.Challenge != nil &&
			r.Challenge.State == index.ChallengeConfirmed && r.Challenge.TxHash != nil
	})
	checkProven(t, b, victim, row, r2)
	b.Screenshot(t, "recipient-page-proven.png")
	publish(t, b.ScreenshotTop(t, "recipient-page-proven-top.png"), "recipient-page-proven.png")
	b.CheckNoErrors(t)
}

// publish copies the artifact at src to docs/name with
// -update-page-screenshots.
func publish(t *testing.T, src, name string) {
	t.Helper()
	if !*updatePageScreenshots {
		return
	}
	png, err := os.ReadFile(src)
	if err == nil {
		err = os.WriteFile(filepath.Join("..", "..", "docs", name), png, 0o644)
	}
	if err != nil {
		t.Fatalf("publish %s: %v", name, err)
	}
}

// TestPageFlags: --api-cors-origin (a comma list, from the flag, the
// environment or the config file) and --explorer-url reach the API's
// configuration.
func TestPageFlags(t *testing.T) {
	cfgFile := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(cfgFile, []byte("api-cors-origin: \"*\"\nexplorer-url: https://explorer.example/sepolia\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rpc := []string{"--rpc", "http://127.0.0.1:1", "--contract", "0x00000000000000000000000000000000000000a1", "--da-sources", "http://127.0.0.1:2"}
	for _, tc := range []struct {
		name     string
		env      map[string]string
		args     []string
		origins  []string
		explorer string
	}{
		{"none", nil, rpc, nil, ""},
		{"flags", nil, append(rpc, "--api-cors-origin", "https://a.example, http://localhost:3000,", "--explorer-url", "https://etherscan.io"),
			[]string{"https://a.example", "http://localhost:3000"}, "https://etherscan.io"},
		{"environment", map[string]string{"DENOMWATCH_API_CORS_ORIGIN": "https://b.example", "DENOMWATCH_EXPLORER_URL": "https://etherscan.io"}, rpc,
			[]string{"https://b.example"}, "https://etherscan.io"},
		{"config file", nil, append(rpc, "--config", cfgFile), []string{"*"}, "https://explorer.example/sepolia"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			var got runConfig
			var gotErr error
			app := newApp(nil, io.Discard, io.Discard)
			for _, c := range app.Commands {
				if c.Name == "run" {
					c.Action = func(c *cli.Context) error { got, gotErr = runConfigFrom(c); return gotErr }
				}
			}
			if err := app.Run(append([]string{"denomwatch", "run"}, tc.args...)); err != nil || gotErr != nil {
				t.Fatalf("%v %v", err, gotErr)
			}
			if !slices.Equal(got.API.CORSOrigins, tc.origins) || got.API.ExplorerURL != tc.explorer {
				t.Fatalf("origins %q, explorer %q; want %q, %q", got.API.CORSOrigins, got.API.ExplorerURL, tc.origins, tc.explorer)
			}
			if err := got.Check(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// startPageDevnet runs a small devnet (3 providers of 4 entries over 8
// recipients, 3 rounds) serving JSON-RPC over HTTP, funding fund.
func startPageDevnet(t *testing.T, fund common.Address) (*devnet.Devnet, string) {
	t.Helper()
	port := testutil.FreePort(t)
	cfg := devnet.DefaultConfig()
	cfg.HTTPPort, cfg.WSPort, cfg.Describe = port, 0, ""
	cfg.BlockInterval, cfg.PollInterval = 100*time.Millisecond, 10*time.Millisecond
	cfg.ChallengeWindow, cfg.RoundEvery, cfg.Rounds, cfg.Seed = pageWindow, 2, 3, 18
	cfg.Providers, cfg.Recipients, cfg.EntriesPerRow, cfg.Operators = 3, 8, 4, 4
	cfg.Faults = devnet.Schedule{pageFaultRound: {Kind: devnet.FaultAmount, Index: pageFaultIndex}}
	cfg.Fund = []common.Address{fund}
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
	go d.Run(ctx)
	return d, fmt.Sprintf("http://127.0.0.1:%d", port)
}

// startRun runs `denomwatch run` with args until the returned stop is
// called (once or more), which checks that it exited 0.
func startRun(t *testing.T, args []string) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stderr testutil.Buffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, args, nil, io.Discard, &stderr) }()
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			cancel()
			<-done
		}
	})
	return func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("run: exit %d\n%s", code, tail(stderr.String(), 30))
		}
	}
}

// waitRound polls the fault round until ok holds.
func waitRound(t *testing.T, apiURL string, ok func(api.RoundView) bool) api.RoundView {
	t.Helper()
	var r api.RoundView
	var last []byte
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		last = waitHTTP(t, fmt.Sprintf("%s/v1/rounds/%d", apiURL, pageFaultRound), 200, time.Minute)
		r = api.RoundView{}
		if err := json.Unmarshal(last, &r); err == nil && ok(r) {
			return r
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("round %d did not reach the state awaited: %s", pageFaultRound, last)
	return r
}

// pageRecipients reads the fault round's data from the API: the victim is
// the recipient of the wrong entry k, the bystander another recipient.
func pageRecipients(t *testing.T, apiURL string, k int) (victim, bystander common.Address) {
	t.Helper()
	raw := waitHTTP(t, fmt.Sprintf("%s/v1/rounds/%d/data?format=raw", apiURL, pageFaultRound), 200, time.Minute)
	c, err := recomputev1.Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	var all []common.Address
	for _, p := range c.Providers {
		for _, e := range p.Entries {
			all = append(all, e.Recipient)
		}
	}
	victim = all[k]
	for _, r := range all {
		if r != victim {
			return victim, r
		}
	}
	t.Fatal("the round has one recipient")
	return
}

// checkDetected: the victim's wrong amount flagged, with the correct amount
// beside it, and every proof of the victim verified in the browser.
func checkDetected(t *testing.T, b *browsertest.Browser, victim common.Address, row string, r api.RoundView) {
	t.Helper()
	pageLookup(t, b, victim, row+" .proof-ok")
	if got := text(t, b, row+" td.amount.wrong"); !strings.Contains(got, r.Claimed) || !strings.Contains(got, "wrong") {
		t.Errorf("the wrong amount's cell %q, want %s flagged", got, r.Claimed)
	}
	if got := text(t, b, row+" td.correct"); got != r.Correct {
		t.Errorf("the correct amount's cell %q, want %s", got, r.Correct)
	}
	if got := text(t, b, row+" td.verdict"); !strings.Contains(got, "fraud at your entry") {
		t.Errorf("the verdict cell %q", got)
	}
	if got := text(t, b, "#summary"); !strings.Contains(got, "1 wrong amount,") || !strings.Contains(got, "0 proven frauds") {
		t.Errorf("summary %q", got)
	}
	checkAllVerified(t, b)
}

// checkBystander: nothing wrong, every proof verified.
func checkBystander(t *testing.T, b *browsertest.Browser, bystander common.Address) {
	t.Helper()
	pageLookup(t, b, bystander, "td.proof .proof-ok")
	if got := text(t, b, "#summary"); !strings.Contains(got, "0 wrong amounts") {
		t.Errorf("bystander's summary %q", got)
	}
	if n := evalInt(t, b, `document.querySelectorAll('tr.wrong, td.amount.wrong').length`); n != 0 {
		t.Errorf("bystander: %d wrong rows", n)
	}
	checkAllVerified(t, b)
}

// checkProven: after the proof and the honest resubmission, the victim's
// entry names the proof and links its transaction on the explorer; the
// amount now published is the correct one.
func checkProven(t *testing.T, b *browsertest.Browser, victim common.Address, row string, r api.RoundView) {
	t.Helper()
	href := fmt.Sprintf("%s/tx/%s", pageExplorer, r.Challenge.TxHash.Hex())
	pageLookup(t, b, victim, fmt.Sprintf(`%s a.proof-tx[href="%s"]`, row, href))
	if got := text(t, b, row+" td.verdict"); !strings.Contains(got, "your entry: fraud proven") {
		t.Errorf("the verdict cell %q", got)
	}
	if got := text(t, b, "#summary"); !strings.Contains(got, "0 wrong amounts") || !strings.Contains(got, "1 proven fraud at your entries") {
		t.Errorf("summary %q", got)
	}
	head := fmt.Sprintf(`tbody[data-round="%d"] tr.round-head a.proof-tx[href="%s"]`, pageFaultRound, href)
	if n := evalInt(t, b, fmt.Sprintf(`document.querySelectorAll(%q).length`, head)); n != 1 {
		t.Errorf("the round's heading does not link the proof")
	}
	openDetail(t, b, row, "Proof transaction")
	checkAllVerified(t, b)
}

func checkAllVerified(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	ok, all := evalInt(t, b, `document.querySelectorAll('td.proof .proof-ok').length`), evalInt(t, b, `document.querySelectorAll('td.proof').length`)
	if ok == 0 || ok != all {
		t.Errorf("%d of %d proofs verified in the browser", ok, all)
	}
}

// pageLookup enters address, submits, and waits for its results, then sel.
func pageLookup(t *testing.T, b *browsertest.Browser, address common.Address, sel string) {
	t.Helper()
	err := chromedp.Do(b.Ctx,
		chromedp.SetValue("#address", address.Hex()),
		chromedp.Click(`#lookup button[type=submit]`),
		chromedp.WaitVisible(fmt.Sprintf(`#summary[data-address="%s"]`, address.Hex())),
		chromedp.WaitVisible(sel))
	if err != nil {
		t.Fatalf("look %s up (waiting for %s): %v\npage errors: %v", address.Hex(), sel, err, b.Errors())
	}
}

// openDetail opens row's detail view and checks it holds want.
func openDetail(t *testing.T, b *browsertest.Browser, row, want string) {
	t.Helper()
	if err := chromedp.Do(b.Ctx, chromedp.Click(row+" button.details"), chromedp.WaitVisible("#detail .verify-call")); err != nil {
		t.Fatalf("open the detail of %s: %v", row, err)
	}
	if got := text(t, b, "#detail"); !strings.Contains(got, want) || !strings.Contains(got, "verified: the proof reaches the signed tree root") {
		t.Errorf("the detail lacks %q or the verified proof:\n%s", want, got)
	}
}

func text(t *testing.T, b *browsertest.Browser, sel string) string {
	t.Helper()
	s, err := chromedp.Run(b.Ctx, chromedp.Text(sel))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

func evalInt(t *testing.T, b *browsertest.Browser, js string) int {
	t.Helper()
	n, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return n
}
