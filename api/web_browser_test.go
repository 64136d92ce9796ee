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
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/browsertest"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
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
// go-ethereum and the v1 engine make of them.
type verifierVectors struct {
	Keccak []struct{ In, Out string }
	Trees  []treeVector
	Signed []struct{ CommitmentRoot, AllocTreeRoot, DataHash, AllocationRoot string }
	Checks []struct{ Lower, Checksummed string }
}

// treeVector is leaf k of a published allocation tree of n amounts.
type treeVector struct {
	N, K               int
	Amount, Leaf, Root string
	Proof              []string
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
	for _, n := range []int{1, 2, 3, 5, 8, 13} {
		data := make([]byte, 32*n)
		for i := range data {
			data[i] = byte(rng.UintN(256)) >> (rng.UintN(2) * 7) // big and small amounts
		}
		tree, err := recompute.AllocTreeFromData(data, 1)
		if err != nil {
			t.Fatal(err)
		}
		for k := range n {
			amount := new(uint256.Int).SetBytes32(data[32*k : 32*(k+1)])
			proof, _ := tree.Proof(k)
			tv := treeVector{N: n, K: k, Amount: amount.Dec(), Leaf: recompute.AllocLeaf(k, amount).Hex(), Root: tree.Root().Hex()}
			for _, h := range proof {
				tv.Proof = append(tv.Proof, h.Hex())
			}
			v.Trees = append(v.Trees, tv)
		}
		cr, dh := common.Hash{byte(n)}, recompute.DataHash(data)
		v.Signed = append(v.Signed, struct{ CommitmentRoot, AllocTreeRoot, DataHash, AllocationRoot string }{
			cr.Hex(), tree.Root().Hex(), dh.Hex(), recompute.AllocationRoot(cr, tree.Root(), dh).Hex()})
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
    const a = { index: t.K, amount: t.Amount, proof: t.Proof || [], root: t.Root };
    const r = { entryCount: t.N };
    const res = { leaf: V.bytesToHex(A.leaf(a).hash), verified: A.verify(a, r).verified };
    const flip = (h) => h.slice(0, -1) + (h.endsWith('0') ? '1' : '0');
    if (a.proof.length > 0) {
      const sib = a.proof.map((h, i) => (i === a.proof.length - 1 ? flip(h) : h));
      res.tamperedSibling = A.verify({ ...a, proof: sib }, r).verified;
      res.neighbour = A.verify({ ...a, index: t.K ^ 1 }, r).verified;
      res.beyond = V.foldPath(A.leaf(a).hash, t.K + (1 << a.proof.length), a.proof.map(enc)).ok;
    }
    res.tamperedAmount = A.verify({ ...a, amount: (BigInt(t.Amount) + 1n).toString() }, r).verified;
    const other = A.verify(a, { entryCount: 2 * t.N + 1 });
    res.otherSize = other.verified;
    res.otherSizeReason = other.reason;
    out.trees.push(res);
  }
  for (const s of v.Signed) {
    const r = A.round({ round: 1, verdict: 'valid', commitmentRoot: s.CommitmentRoot,
      batches: [{ txHash: '0x' + '00'.repeat(32), allocTreeRoot: s.AllocTreeRoot, allocationRoot: s.AllocationRoot, dataHash: s.DataHash, status: 'live' }] });
    out.signed.push(A.signedRoot(r).computed);
  }
  const byOther = A.round({ round: 1, verdict: 'valid', batches: [],
    challenge: { state: 'proven-by-other', kind: 'bad-allocation', index: 3, txHash: '0x' + 'aa'.repeat(32), provenTx: '0x' + 'bb'.repeat(32) } });
  out.provenByOther = byOther.challenge.tx + (byOther.challenge.proven ? ' proven' : '');
  for (const c of v.Checks) out.checks.push(V.checksumAddress(c.Lower));
  try { V.checksumAddress(v.Checks[0].Checksummed.replace(/[a-f]/, (x) => x.toUpperCase())); } catch (e) { out.badChecksum = e.message; }
  return out;
})()`

type harnessTree struct {
	Leaf                                                                    string
	Verified, TamperedSibling, Neighbour, Beyond, TamperedAmount, OtherSize bool
	OtherSizeReason                                                         string
}

// TestVerifierInBrowser runs verify.js and adapter.js in Chromium against
// go-ethereum's keccak and the v1 engine's trees: every hash equal, every
// honest proof verified, every tampered one refused.
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
		ProvenByOther          string
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
		hasPath := len(tv.Proof) > 0
		if g.Leaf != strings.ToLower(tv.Leaf) || !g.Verified || g.TamperedAmount || g.OtherSize ||
			hasPath && (g.TamperedSibling || g.Neighbour || g.Beyond) {
			t.Errorf("tree of %d, leaf %d: %+v (leaf want %s)", tv.N, tv.K, g, tv.Leaf)
		}
		if !strings.Contains(g.OtherSizeReason, "needs") {
			t.Errorf("tree of %d: another size refused for %q", tv.N, g.OtherSizeReason)
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
	if want := "0x" + strings.Repeat("bb", 32) + " proven"; got.ProvenByOther != want {
		t.Errorf("a fraud proven by another challenger links %q, want %q", got.ProvenByOther, want)
	}
	if !strings.Contains(got.BadChecksum, "checksum") {
		t.Errorf("a wrong checksum: %q", got.BadChecksum)
	}
	b.CheckNoErrors(t)
}

// TestPageInBrowser: on a watcher whose round 4 publishes a wrong amount
// for one recipient (the latest batch, unproven), the page flags that
// amount for the victim, verifies every proof in the browser (the wrong
// amount's too: the operators signed it), and shows a bystander nothing
// wrong; the detail view gives the proof's steps and the exact
// verifyAllocation call. Then the same at a phone's width.
func TestPageInBrowser(t *testing.T) {
	store := newFakeStore()
	store.put(newTestRound(t, 3, nil))
	victim, bystander := recipients[3], recipients[4]
	honest := newTestRound(t, 4, nil)
	k := entryIndex(t, honest, 2, victim)
	fraud := newTestRound(t, 4, setAmount(k, 12345))
	idx := uint64(k)
	fraud.record.Kind, fraud.record.Index, fraud.record.Claimed = index.KindBadAllocation, &idx, "12345"
	correct := honest.res.Amount(k)
	fraud.record.Correct = correct.Dec()
	store.put(fraud)

	b, _ := startPage(t, store, 1280, 900)
	row := fmt.Sprintf(`tr[data-round="4"][data-index="%d"]`, k)
	lookup(t, b, victim.Hex(), row+" .proof-ok")
	text := pageText(t, b, "#results")
	for _, want := range []string{"1 wrong amount", "proofs verified in this browser", "fraud (bad-allocation at #" + fmt.Sprint(k) + ")"} {
		if !strings.Contains(text, want) {
			t.Errorf("the results lack %q:\n%s", want, text)
		}
	}
	if got := pageText(t, b, row+" td.amount.wrong"); !strings.Contains(got, "12345") || !strings.Contains(got, "wrong") {
		t.Errorf("the wrong amount's cell: %q", got)
	}
	if got := pageText(t, b, row+" td.correct"); got != fraud.record.Correct {
		t.Errorf("the correct amount's cell: %q, want %s", got, fraud.record.Correct)
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
	wantCall := fmt.Sprintf("verifyAllocation(4, %d, 12345, [", k)
	for _, want := range []string{wantCall, "verified: the proof reaches the signed tree root", "commits to this tree", "keccak256(abi.encode(uint256 index, uint256 amount))"} {
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
