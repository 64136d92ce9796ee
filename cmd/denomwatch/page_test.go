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
)

// pageExplorer is the explorer the page links transactions to.
const pageExplorer = "https://explorer.example"

var updatePageScreenshots = flag.Bool("update-page-screenshots", false,
	"copy TestRecipientPage's screenshots to docs/ (recipient-page.png: the README's)")

// TestRecipientPage loads the recipient page in a real headless Chromium
// against the API over a watcher's index of a v2 devnet (auditFaults):
// round 2's batch claims one wrong amount (provider 1, entry 2), round 3
// withholds a row, round 4 is malformed and signed. The victim's wrong
// amount is flagged beside the correct one, every two-level proof verifies
// in the browser against the signed root, the detail gives the
// verifyAllocation call, the withheld and malformed rounds show no amount
// owed, and a bystander sees nothing wrong. Screenshots are test artifacts.
func TestRecipientPage(t *testing.T) {
	browsertest.Path(t) // skip before starting a devnet
	d, _ := auditDevnet(t)
	store := indexDevnet(t, d)
	apiURL := serveIndexWith(t, store, pageExplorer)
	victim := recipientAt(t, d, 2, 1, 2)
	bystander := recipientAt(t, d, 2, 0, 0)
	if bystander == victim {
		bystander = recipientAt(t, d, 2, 0, 1)
	}
	b := browsertest.Start(t, 1280, 900, 2*time.Minute)
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(apiURL+"/"), chromedp.WaitVisible("#health .health-state")); err != nil {
		t.Fatalf("open %s/: %v", apiURL, err)
	}
	var alloc api.AllocationsResponse
	if err := json.Unmarshal(waitHTTP(t, fmt.Sprintf("%s/v1/recipients/%s/allocations?round=2", apiURL, victim.Hex()), 200, time.Minute), &alloc); err != nil {
		t.Fatal(err)
	}
	var wrong *api.Allocation
	for i := range alloc.Allocations {
		if alloc.Allocations[i].ProviderIndex == 1 && alloc.Allocations[i].Entry == 2 {
			wrong = &alloc.Allocations[i]
		}
	}
	if wrong == nil || !wrong.Wrong() {
		t.Fatalf("round 2's victim: %+v", alloc)
	}
	row := fmt.Sprintf(`tr[data-round="2"][data-index="%d"]`, wrong.Index)
	checkDetected(t, b, victim, row, wrong)
	openDetail(t, b, row, fmt.Sprintf("verifyAllocation(2, 1, 2, %s, %s, %s, [", strings.ToLower(wrong.Provider.Hex()), strings.ToLower(victim.Hex()), wrong.Amount.Dec()))
	publish(t, b.Screenshot(t, "recipient-page-detected.png"), "recipient-page.png")
	checkBystander(t, b, bystander)
	b.CheckNoErrors(t)
}

// serveIndexWith serves store through the API package's server, its page
// linking transactions to explorer.
func serveIndexWith(t *testing.T, store *index.Store, explorer string) string {
	t.Helper()
	cfg := api.DefaultConfig()
	cfg.Addr, cfg.ExplorerURL = "127.0.0.1:0", explorer
	srv, err := api.New(cfg, api.Deps{Store: store, Status: fixedStatus{}})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Stop(context.Background()) })
	return "http://" + srv.Addr()
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

// checkDetected: the victim's wrong amount flagged, with the correct amount
// beside it, and every proof of the victim verified in the browser.
func checkDetected(t *testing.T, b *browsertest.Browser, victim common.Address, row string, a *api.Allocation) {
	t.Helper()
	pageLookup(t, b, victim, row+" .proof-ok")
	if got := text(t, b, row+" td.amount.wrong"); !strings.Contains(got, a.Amount.Dec()) || !strings.Contains(got, "wrong") {
		t.Errorf("the wrong amount's cell %q, want %s flagged", got, a.Amount.Dec())
	}
	if got := text(t, b, row+" td.correct"); got != a.CorrectAmount.Dec() {
		t.Errorf("the correct amount's cell %q, want %s", got, a.CorrectAmount.Dec())
	}
	if got := text(t, b, "#summary"); !strings.Contains(got, "1 wrong amount,") {
		t.Errorf("summary %q", got)
	}
	results := text(t, b, "#results")
	for _, want := range []string{"data unavailable (row 1): no amount can be called correct", "malformed data (rule mr-range): nothing is owed"} {
		if !strings.Contains(results, want) {
			t.Errorf("the results lack %q:\n%s", want, results)
		}
	}
	if n := evalInt(t, b, `document.querySelectorAll('tbody[data-round="4"] td.correct').length`); n != 0 {
		t.Errorf("the malformed round shows %d correct amounts", n)
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

func checkAllVerified(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	ok := evalInt(t, b, `document.querySelectorAll('td.proof .proof-ok').length`)
	bad := evalInt(t, b, `document.querySelectorAll('td.proof .proof-bad').length`)
	// A claim the watcher does not know (a round whose data is unavailable,
	// no allocations object) has no proof: it shows none, not a failure.
	if ok == 0 || bad != 0 {
		t.Errorf("%d proofs verified in the browser, %d failed", ok, bad)
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
