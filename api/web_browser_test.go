package api_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/internal/browsertest"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// browserTimeout bounds each browser test, start included.
const browserTimeout = 90 * time.Second

// startPage serves the API over a fake store and opens its page in a
// headless Chromium.
func startPage(t *testing.T, store api.Reader, width, height int) (*browsertest.Browser, string) {
	t.Helper()
	b := browsertest.Start(t, width, height, browserTimeout)
	cfg := testConfig()
	cfg.ExplorerURL = "https://explorer.example"
	s, _ := newTestServer(t, cfg, store, newFakeStatus(100, 100))
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("#health.ready")); err != nil {
		t.Fatalf("open the page: %v", err)
	}
	return b, srv.URL
}

// verifierVectors are the Go side of TestVerifierInBrowser: inputs and what
// go-ethereum and the v2 engine (recompute) make of them.
type verifierVectors struct {
	Keccak []struct{ In, Out string }
	Trees  []treeVector
	Signed []struct{ CommitmentRoot, AllocTreeRoot, AllocationRoot string }
	Checks []struct{ Lower, Checksummed string }
}

// treeVector is entry J of provider P of a round of Providers providers:
// its allocation leaf and two-level proof against the allocTreeRoot.
type treeVector struct {
	Providers, P, J     int
	Provider, Recipient string
	Amount, Leaf, Root  string
	EntryProof          []string
	ProviderProof       []string
}

// vectorRound draws a well-formed round of len(sizes) providers with the
// given row sizes and recomputes it.
func vectorRound(t *testing.T, rng *rand.Rand, sizes []int) *recompute.Result {
	t.Helper()
	prs := make([]recompute.ProviderRow, len(sizes))
	for p, k := range sizes {
		entries := make([]recompute.Entry, k)
		for j := range entries {
			entries[j].Recipient = common.Address{0: byte(j + 1), 19: byte(rng.UintN(256))}
			entries[j].MR.SetUint64(1 + rng.Uint64N(1<<40))
			entries[j].Residual.SetUint64(1000 + uint64(j)) // one residual per recipient
		}
		prs[p] = recompute.ProviderRow{Provider: common.Address{0: byte(p + 1)}, Row: recompute.NewRow(entries)}
		prs[p].Capacity.SetUint64(rng.Uint64N(1 << 62))
	}
	rd := recompute.NewRound(uint256.NewInt(9), prs)
	res, v := recompute.EvaluateRoundFile(recompute.EncodeRoundFile(rd), nil, recompute.Options{Workers: 1})
	if v != nil {
		t.Fatal(v)
	}
	return res
}

func hexes(hs []common.Hash) []string {
	out := []string{}
	for _, h := range hs {
		out = append(out, h.Hex())
	}
	return out
}

func makeVerifierVectors(t *testing.T) verifierVectors {
	rng := rand.New(rand.NewPCG(18, 18))
	var v verifierVectors
	for _, n := range []int{0, 1, 31, 32, 33, 63, 64, 65, 135, 136, 137, 200, 271, 272, 273, 1000} {
		in := make([]byte, n)
		for i := range in {
			in[i] = byte(rng.UintN(256))
		}
		v.Keccak = append(v.Keccak, struct{ In, Out string }{hexutil.Encode(in), hexutil.Encode(crypto.Keccak256(in))})
	}
	for _, sizes := range [][]int{{1}, {2, 1}, {3, 5, 1}, {8, 0, 2, 13, 1}} {
		res := vectorRound(t, rng, sizes)
		for p, k := range sizes {
			for j := range k {
				ap, err := res.AllocationProof(p, j)
				if err != nil {
					t.Fatal(err)
				}
				v.Trees = append(v.Trees, treeVector{Providers: len(sizes), P: p, J: j, Provider: ap.Provider.Hex(), Recipient: ap.Recipient.Hex(),
					Amount: ap.Amount.Dec(), Leaf: ap.Leaf.Hex(), Root: res.AllocTreeRoot.Hex(), EntryProof: hexes(ap.EntryProof), ProviderProof: hexes(ap.ProviderProof)})
			}
		}
		v.Signed = append(v.Signed, struct{ CommitmentRoot, AllocTreeRoot, AllocationRoot string }{
			res.CommitmentRoot.Hex(), res.AllocTreeRoot.Hex(), res.AllocationRoot.Hex()})
	}
	for range 8 {
		var a common.Address
		for i := range a {
			a[i] = byte(rng.UintN(256))
		}
		v.Checks = append(v.Checks, struct{ Lower, Checksummed string }{strings.ToLower(a.Hex()), a.Hex()})
	}
	return v
}

// verifierHarness runs the page's modules on the vectors (VECTORS) and
// returns, for each, what the browser computed. Each tree vector is also
// checked tampered: one sibling changed, the amount changed, the index of
// a neighbour, an index beyond the path, and a tree of another size.
const verifierHarness = `(async () => {
  const V = await import('/assets/verify.js');
  const A = await import('/assets/adapter.js');
  const v = VECTORS;
  const out = { keccak: [], trees: [], signed: [], checks: [], badChecksum: '' };
  const enc = (s) => V.hexToBytes(s);
  for (const k of v.Keccak) out.keccak.push(V.bytesToHex(V.keccak256(enc(k.In))));
  for (const t of v.Trees) {
    const a = { provider: t.Provider, recipient: t.Recipient, providerIndex: t.P, entry: t.J, amount: t.Amount,
      entryProof: t.EntryProof || [], providerProof: t.ProviderProof || [], root: t.Root };
    const r = { providerCount: t.Providers };
    const res = { leaf: V.bytesToHex(A.leaf(a).hash), verified: A.verify(a, r).verified };
    const flip = (h) => h.slice(0, -1) + (h.endsWith('0') ? '1' : '0');
    if (a.entryProof.length > 0) {
      res.tamperedSibling = A.verify({ ...a, entryProof: a.entryProof.map((h, i) => (i === 0 ? flip(h) : h)) }, r).verified;
      res.neighbour = A.verify({ ...a, entry: t.J ^ 1 }, r).verified;
      res.beyond = A.verify({ ...a, entry: t.J + (1 << a.entryProof.length) }, r).verified;
    }
    if (a.providerProof.length > 0) {
      res.tamperedProvider = A.verify({ ...a, providerProof: a.providerProof.map((h, i) => (i === 0 ? flip(h) : h)) }, r).verified;
      res.otherProvider = A.verify({ ...a, providerIndex: t.P ^ 1 }, r).verified;
    }
    res.tamperedAmount = A.verify({ ...a, amount: (BigInt(t.Amount) + 1n).toString() }, r).verified;
    res.otherRecipient = A.verify({ ...a, recipient: t.Provider }, r).verified;
    const other = A.verify(a, { providerCount: 2 * t.Providers + 1 });
    res.otherSize = other.verified;
    res.otherSizeReason = other.reason;
    res.pastP = A.verify({ ...a, providerIndex: t.Providers }, r).verified;
    out.trees.push(res);
  }
  for (const s of v.Signed) {
    const r = A.round({ round: 1, verdict: 'valid', commitmentRoot: s.CommitmentRoot,
      batches: [{ txHash: '0x' + '00'.repeat(32), allocTreeRoot: s.AllocTreeRoot, allocationRoot: s.AllocationRoot, status: 'live', attempt: 0 }] });
    out.signed.push(A.signedRoot(r).computed);
  }
  const fraud = A.round({ round: 1, verdict: 'fraud', batches: [], judgement: { round: 1, status: 'fraud', rule: 'bad-allocation', provider: 2,
    badAllocation: { firstWrongEntry: { entry: 1, globalIndex: 9, claimed: '5', correct: '4' } } } });
  out.fraud = [fraud.fraud.kind, fraud.fraud.provider, fraud.fraud.index, fraud.fraud.claimed, fraud.fraud.correct].join(' ');
  for (const c of v.Checks) out.checks.push(V.checksumAddress(c.Lower));
  try { V.checksumAddress(v.Checks[0].Checksummed.replace(/[a-f]/, (x) => x.toUpperCase())); } catch (e) { out.badChecksum = e.message; }
  return out;
})()`

type harnessTree struct {
	Leaf                                                                    string
	Verified, TamperedSibling, Neighbour, Beyond, TamperedAmount, OtherSize bool
	TamperedProvider, OtherProvider, OtherRecipient, PastP                  bool
	OtherSizeReason                                                         string
}

// TestVerifierInBrowser runs verify.js and adapter.js in Chromium against
// go-ethereum's keccak and the v2 engine's two-level proofs: every hash
// equal, every honest proof verified, every tampered one refused.
func TestVerifierInBrowser(t *testing.T) {
	b, _ := startPage(t, newFakeStore(), 1024, 768)
	v := makeVerifierVectors(t)
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Keccak, Signed, Checks []string
		Trees                  []harnessTree
		BadChecksum            string
		Fraud                  string
	}
	raw, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]byte](strings.Replace(verifierHarness, "VECTORS", string(js), 1), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("the harness: %v", err)
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("the harness's result %s: %v", raw, err)
	}
	for i, k := range v.Keccak {
		if got.Keccak[i] != k.Out {
			t.Errorf("keccak256 of %d bytes: %s, want %s", (len(k.In)-2)/2, got.Keccak[i], k.Out)
		}
	}
	for i, tv := range v.Trees {
		g := got.Trees[i]
		if g.Leaf != strings.ToLower(tv.Leaf) || !g.Verified || g.TamperedAmount || g.OtherSize || g.OtherRecipient || g.PastP ||
			len(tv.EntryProof) > 0 && (g.TamperedSibling || g.Neighbour || g.Beyond) ||
			len(tv.ProviderProof) > 0 && (g.TamperedProvider || g.OtherProvider) {
			t.Errorf("round of %d providers, provider %d entry %d: %+v (leaf want %s)", tv.Providers, tv.P, tv.J, g, tv.Leaf)
		}
		if !strings.Contains(g.OtherSizeReason, "needs") {
			t.Errorf("round of %d providers: another size refused for %q", tv.Providers, g.OtherSizeReason)
		}
	}
	for i, s := range v.Signed {
		if got.Signed[i] != strings.ToLower(s.AllocationRoot) {
			t.Errorf("signed root %s, want %s", got.Signed[i], s.AllocationRoot)
		}
	}
	for i, c := range v.Checks {
		if got.Checks[i] != c.Checksummed {
			t.Errorf("EIP-55 %s, want %s", got.Checks[i], c.Checksummed)
		}
	}
	if want := "bad-allocation 2 9 5 4"; got.Fraud != want {
		t.Errorf("a bad-allocation judgement reads %q, want %q", got.Fraud, want)
	}
	if !strings.Contains(got.BadChecksum, "checksum") {
		t.Errorf("a wrong checksum: %q", got.BadChecksum)
	}
	b.CheckNoErrors(t)
}

// TestPageInBrowser: on a watcher whose round 4's live batch claims a wrong
// amount for one recipient (unproven), the page flags that amount for the
// victim, verifies every two-level proof in the browser (the wrong amount's
// too: the operators signed it), and shows a bystander nothing wrong; the
// detail view gives the proof's steps and the exact verifyAllocation call.
// Round 5's data is malformed and round 6 lacks a row: neither shows an
// amount owed. Then the same at a phone's width.
func TestPageInBrowser(t *testing.T) {
	store := newFakeStore()
	store.put(newTestRound(t, 3, nil))
	victim, bystander := recipients[3], recipients[4]
	honest := newTestRound(t, 4, nil)
	j := entryOf(t, honest, 2, victim)
	fraud := newTestRound(t, 4, setAmount(2, j, 12345))
	correct := honest.res.RowAmounts(2)[j]
	k := fraud.rd.Manifest.Headers[2].EntryOffset.Uint64() + uint64(j)
	fraud.record.Judgement.BadAllocation.FirstWrongEntry = &judge.WrongEntry{Entry: j, GlobalIndex: k, Recipient: victim, Claimed: uint256.NewInt(12345), Correct: &correct}
	store.put(fraud)
	store.put(malformedRound(t, 5))
	six := newTestRound(t, 6, nil)
	store.put(six)
	store.drop(recompute.KindRow, six.rd.Manifest.Headers[0].EntriesRoot)

	b, _ := startPage(t, store, 1280, 900)
	row := fmt.Sprintf(`tr[data-round="4"][data-index="%d"]`, k)
	lookup(t, b, victim.Hex(), row+" .proof-ok")
	text := pageText(t, b, "#results")
	for _, want := range []string{"1 wrong amount", "proofs verified in this browser", fmt.Sprintf("fraud (bad-allocation at #%d)", k),
		"malformed data (rule mr-range): nothing is owed", "data unavailable (row 0): no amount can be called correct"} {
		if !strings.Contains(text, want) {
			t.Errorf("the results lack %q:\n%s", want, text)
		}
	}
	if got := pageText(t, b, row+" td.amount.wrong"); !strings.Contains(got, "12345") || !strings.Contains(got, "wrong") {
		t.Errorf("the wrong amount's cell: %q", got)
	}
	if got := pageText(t, b, row+" td.correct"); got != correct.Dec() {
		t.Errorf("the correct amount's cell: %q, want %s", got, correct.Dec())
	}
	if n := count(t, b, `tbody[data-round="5"] td.correct`); n != 0 || count(t, b, `tbody[data-round="5"] td.correct-unknown`) == 0 {
		t.Errorf("round 5 (malformed) shows %d correct amounts", n)
	}
	if got := pageText(t, b, `tbody[data-round="5"] td[data-label="Correct amount"]`); got != "none: malformed round" {
		t.Errorf("round 5's correct amount: %q", got)
	}
	if n := count(t, b, "tbody tr.wrong"); n != 1 {
		t.Errorf("%d rows flagged wrong, want 1", n)
	}
	if n, ok := count(t, b, "td.proof .proof-ok"), count(t, b, "td.proof"); n != ok || n == 0 {
		t.Errorf("%d of %d proofs verified", n, ok)
	}
	if err := chromedp.Do(b.Ctx, chromedp.Click(row+" button.details"), chromedp.WaitVisible("#detail .verify-call")); err != nil {
		t.Fatal(err)
	}
	detail := pageText(t, b, "#detail")
	wantCall := fmt.Sprintf("verifyAllocation(4, 2, %d, %s, %s, 12345, [", j, strings.ToLower(providers[2].Hex()), strings.ToLower(victim.Hex()))
	for _, want := range []string{wantCall, "verified: the proof reaches the signed tree root", "commits to this tree",
		"keccak256(abi.encode(address provider, address recipient, uint256 amount))", "row tree", "provider tree"} {
		if !strings.Contains(detail, want) {
			t.Errorf("the detail lacks %q:\n%s", want, detail)
		}
	}
	browsertest.WriteArtifact(t, "page-fake-victim.png", screenshot(t, b))

	lookup(t, b, strings.ToLower(bystander.Hex()), `#summary`)
	if text := pageText(t, b, "#summary"); !strings.Contains(text, "0 wrong amounts") || !strings.Contains(text, bystander.Hex()) {
		t.Errorf("bystander: %s", text)
	}

	checkPhone(t, b, victim, row)
	b.CheckNoErrors(t)
}

// checkPhone looks victim up at a phone's width: one card per allocation,
// nothing wider than the screen.
func checkPhone(t *testing.T, b *browsertest.Browser, victim common.Address, row string) {
	t.Helper()
	if err := chromedp.Do(b.Ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	lookup(t, b, victim.Hex(), row+" .proof-ok")
	// A mobile browser widens the layout to the widest content and zooms
	// out: the page must stay 390 pixels wide.
	if width, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || width > 390 {
		t.Errorf("the page is %d pixels wide at a phone's 390 (%v)", width, err)
	}
	if display, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('table.allocations tr')).display`)); err != nil || display != "block" {
		t.Errorf("rows at a phone's width: display %q (%v), want cards (block)", display, err)
	}
	browsertest.WriteArtifact(t, "page-fake-phone.png", screenshot(t, b))
}

// lookup enters address in the page's box, submits, and waits for the
// results of that address, then for sel.
func lookup(t *testing.T, b *browsertest.Browser, address, sel string) {
	t.Helper()
	err := chromedp.Do(b.Ctx,
		chromedp.SetValue("#address", address),
		chromedp.Click(`#lookup button[type=submit]`),
		chromedp.WaitVisible(fmt.Sprintf(`#summary[data-address="%s"]`, common.HexToAddress(address).Hex())),
		chromedp.WaitVisible(sel))
	if err != nil {
		t.Fatalf("look %s up (waiting for %s): %v\npage errors: %v", address, sel, err, b.Errors())
	}
}

func pageText(t *testing.T, b *browsertest.Browser, sel string) string {
	t.Helper()
	s, err := chromedp.Run(b.Ctx, chromedp.Text(sel))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

func count(t *testing.T, b *browsertest.Browser, sel string) int {
	t.Helper()
	n, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
	if err != nil {
		t.Fatalf("count %s: %v", sel, err)
	}
	return n
}

func screenshot(t *testing.T, b *browsertest.Browser) []byte {
	t.Helper()
	png, err := chromedp.Run(b.Ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return png
}
