package recompute

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/internal/testvectors"
)

// evaluateCase runs a case in the forms it has: "data" (whole-round file)
// and "objects".
func evaluateCase(t *testing.T, c *testvectors.V2Case, opts Options) map[string]func() (*Result, *Violation) {
	t.Helper()
	round := uint256.MustFromDecimal(c.OnchainRound)
	forms := map[string]func() (*Result, *Violation){}
	if c.Data != nil {
		data := hexutil.MustDecode(*c.Data)
		forms["data"] = func() (*Result, *Violation) { return EvaluateRoundFile(data, round, opts) }
	}
	if c.Objects != nil {
		objects := map[string][]byte{}
		for k, v := range c.Objects {
			objects[k] = hexutil.MustDecode(v)
		}
		var r *uint256.Int
		if c.WithRound() {
			r = round
		}
		commitment := common.HexToHash(c.Commitment)
		forms["objects"] = func() (*Result, *Violation) {
			rows := func(key common.Hash) []byte { return objects[ObjectPath(KindRow, key)] }
			return EvaluateObjects(commitment, objects[ObjectPath(KindManifest, commitment)], r, rows, opts)
		}
	}
	if len(forms) == 0 {
		t.Fatalf("%s: neither data nor objects", c.Name)
	}
	return forms
}

func TestVectors(t *testing.T) {
	vec := testvectors.LoadV2(t)
	for i := range vec.Cases {
		c := &vec.Cases[i]
		for form, eval := range evaluateCase(t, c, Options{}) {
			t.Run(c.Name+"/"+form, func(t *testing.T) {
				res, v := eval()
				want := c.Typed(t)
				checkOutcome(t, res, v, want)
				checkExtra(t, vec, c, res, v)
			})
		}
	}
}

// checkOutcome compares a result with every field of the CLI's expected JSON.
func checkOutcome(t *testing.T, res *Result, v *Violation, want *testvectors.V2Expect) {
	t.Helper()
	if want.WellFormed != (v == nil) {
		t.Fatalf("well formed = %v (violation %v), want %v (rule %q)", v == nil, v, want.WellFormed, want.Rule)
	}
	if v != nil {
		checkViolation(t, v, want)
	}
	if want.ProvidersRoot == "" {
		if res != nil {
			t.Fatalf("roots computed for rule %s", v.Rule)
		}
		return
	}
	eq(t, "providersRoot", res.ProvidersRoot.Hex(), want.ProvidersRoot)
	eq(t, "commitmentRoot", res.CommitmentRoot.Hex(), want.CommitmentRoot)
	if !want.WellFormed {
		return
	}
	eq(t, "round", res.Manifest.Round.Uint64(), *want.Round)
	eq(t, "providerCount", len(res.Manifest.Headers), want.ProviderCount)
	eq(t, "entryCount", res.Manifest.E.Uint64(), uint64(want.EntryCount))
	for p := range res.Manifest.Headers {
		eq(t, "entriesRoot", res.Manifest.Headers[p].EntriesRoot.Hex(), want.EntriesRoots[p])
		eq(t, "denominator", res.Denominators[p].Dec(), want.Denominators[p])
		eq(t, "providerAllocRoot", res.ProviderAllocRoots[p].Hex(), want.ProviderAllocRoots[p])
		amounts := res.RowAmounts(p)
		eq(t, "row length", len(amounts), len(want.Amounts[p]))
		for j := range amounts {
			eq(t, "amount", amounts[j].Dec(), want.Amounts[p][j])
		}
	}
	eq(t, "allocTreeRoot", res.AllocTreeRoot.Hex(), want.AllocTreeRoot)
	eq(t, "allocationRoot", res.AllocationRoot.Hex(), want.AllocationRoot)
}

func checkViolation(t *testing.T, v *Violation, want *testvectors.V2Expect) {
	t.Helper()
	eq(t, "rule", string(v.Rule), want.Rule)
	eq(t, "has provider", v.Rule.HasProvider(), want.Provider != nil)
	eq(t, "has entry", v.Rule.HasEntry(), want.Entry != nil)
	eq(t, "has other", v.Rule == RuleResidualConsistency, want.OtherProvider != nil)
	eq(t, "clause", string(v.Clause), want.Clause)
	if want.Provider != nil {
		eq(t, "provider", v.Provider, *want.Provider)
	}
	if want.Entry != nil {
		eq(t, "entry", v.Entry, *want.Entry)
	}
	if want.OtherProvider != nil {
		eq(t, "otherProvider", v.OtherProvider, *want.OtherProvider)
		eq(t, "otherEntry", v.OtherEntry, *want.OtherEntry)
	}
	if v.Msg == "" || strings.Contains(v.Msg, "\n") {
		t.Errorf("message %q is not one sentence", v.Msg)
	}
}

// checkExtra checks everything else a case gives: headers with their proofs,
// manifest parts, allocation proofs and objects, evidence, batches.
func checkExtra(t *testing.T, vec *testvectors.V2, c *testvectors.V2Case, res *Result, v *Violation) {
	t.Helper()
	x := &c.Extra
	if x.E != "" {
		eq(t, "E", res.Manifest.E.Dec(), x.E)
	}
	for _, h := range x.Headers {
		checkHeader(t, res, h)
	}
	if len(x.ManifestParts) > 0 {
		parts := ManifestParts(res.ProvidersTree)
		eq(t, "parts", len(parts), len(x.ManifestParts))
		for i, want := range x.ManifestParts {
			got := parts[i]
			eq(t, "part", [3]int{got.Part, got.First, got.Count}, [3]int{want.Part, want.First, want.Count})
			eq(t, "part root", got.Root.Hex(), want.Root)
			rebuilt, err := PartRoot(got.Part, len(res.Manifest.Headers), res.Manifest.Headers[got.First:got.First+got.Count])
			if err != nil || rebuilt != got.Root {
				t.Errorf("PartRoot(%d) = %s, %v; want %s", got.Part, rebuilt.Hex(), err, want.Root)
			}
		}
	}
	for _, ap := range x.AllocProofs {
		checkAllocProof(t, res, &ap)
	}
	for key, obj := range x.AllocObjects {
		checkAllocObject(t, res, common.HexToHash(key), hexutil.MustDecode(obj))
	}
	if x.Evidence != nil {
		checkEvidence(t, res, v, x)
	}
	if x.Batch != nil {
		checkBatch(t, vec, x.Batch)
		eq(t, "batch allocationRoot", x.Batch.AllocationRoot, res.AllocationRoot.Hex())
	}
	if x.BadBatch != nil {
		checkBadBatch(t, vec, res, x)
	}
}

func checkHeader(t *testing.T, res *Result, want testvectors.V2Header) {
	t.Helper()
	hp, err := res.HeaderProof(want.P)
	if err != nil {
		t.Fatal(err)
	}
	h := hp.Header
	eq(t, "header", [5]string{strings.ToLower(h.Provider.Hex()), h.Capacity.Dec(), h.EntryOffset.Dec(), h.EntryCount.Dec(), h.EntriesRoot.Hex()},
		[5]string{want.Provider, want.Capacity, want.EntryOffset, want.EntryCount, want.EntriesRoot})
	eq(t, "header leaf", hp.Leaf.Hex(), want.Leaf)
	eq(t, "header leaf recomputed", ProviderLeaf(want.P, &h).Hex(), want.Leaf)
	eq(t, "header proof", hexes(hp.Proof), want.Proof)
	if !VerifyProof(res.ProvidersRoot, hp.Leaf, want.P, len(res.Manifest.Headers), hp.Proof) {
		t.Errorf("header %d proof does not verify", want.P)
	}
}

func checkEntry(t *testing.T, res *Result, want *testvectors.V2Entry) {
	t.Helper()
	ep, err := res.EntryProof(want.P, want.J)
	if err != nil {
		t.Fatal(err)
	}
	e := ep.Entry
	eq(t, "entry", [3]string{strings.ToLower(e.Recipient.Hex()), e.MR.Dec(), e.Residual.Dec()}, [3]string{want.Recipient, want.MR, want.Residual})
	eq(t, "entry leaf", ep.Leaf.Hex(), want.Leaf)
	eq(t, "entry leaf recomputed", EntryLeaf(&e).Hex(), want.Leaf)
	eq(t, "entry proof", hexes(ep.Proof), want.Proof)
	hd := &res.Manifest.Headers[want.P]
	if !VerifyProof(hd.EntriesRoot, ep.Leaf, want.J, res.Rows[want.P].Len(), ep.Proof) {
		t.Errorf("entry (%d, %d) proof does not verify", want.P, want.J)
	}
}

func checkAllocProof(t *testing.T, res *Result, want *testvectors.V2AllocProof) {
	t.Helper()
	ap, err := res.AllocationProof(want.P, want.J)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "alloc provider", strings.ToLower(ap.Provider.Hex()), want.Provider)
	eq(t, "alloc recipient", strings.ToLower(ap.Recipient.Hex()), want.Recipient)
	eq(t, "alloc amount", ap.Amount.Dec(), want.Amount)
	eq(t, "alloc leaf", ap.Leaf.Hex(), want.Leaf)
	eq(t, "entry proof", hexes(ap.EntryProof), want.EntryProof)
	eq(t, "provider proof", hexes(ap.ProviderProof), want.ProviderProof)
	if !VerifyAllocation(res.AllocTreeRoot, len(res.Manifest.Headers), ap) {
		t.Errorf("allocation (%d, %d) does not verify", want.P, want.J)
	}
	checkEntry(t, res, &want.Entry)
}

func checkAllocObject(t *testing.T, res *Result, key common.Hash, obj []byte) {
	t.Helper()
	for p, root := range res.ProviderAllocRoots {
		if root != key {
			continue
		}
		eq(t, "allocations object", hexutil.Encode(EncodeAllocations(res.RowAmounts(p))), hexutil.Encode(obj))
		if _, err := VerifyAllocations(key, res.Manifest.Headers[p].Provider, res.Rows[p], obj); err != nil {
			t.Errorf("allocations of provider %d: %v", p, err)
		}
		return
	}
	t.Errorf("allocations object %s is no provider's", key.Hex())
}

func checkEvidence(t *testing.T, res *Result, v *Violation, x *testvectors.V2Extra) {
	t.Helper()
	want := x.Evidence
	eq(t, "evidence rule", string(v.Rule), want.Rule)
	ev, err := res.Evidence(v)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "evidence clause", string(ev.Clause), want.Clause)
	var hs []int
	for _, h := range ev.Headers {
		hs = append(hs, h.P)
	}
	eq(t, "evidence headers", hs, want.Headers)
	eq(t, "evidence entries", len(ev.Entries), len(want.Entries))
	for i := range want.Entries {
		eq(t, "evidence position", ev.Entries[i].Position, Position{want.Entries[i].P, want.Entries[i].J})
		checkEntry(t, res, &want.Entries[i])
	}
}

func checkBadBatch(t *testing.T, vec *testvectors.V2, res *Result, x *testvectors.V2Extra) {
	t.Helper()
	bb := x.BadBatch
	claimed := make([]common.Hash, len(bb.ClaimedProviderAllocRoots))
	for i, s := range bb.ClaimedProviderAllocRoots {
		claimed[i] = common.HexToHash(s)
	}
	p, wrong := res.FirstWrongProvider(claimed)
	eq(t, "wrong provider", [2]any{p, wrong}, [2]any{bb.Provider, true})
	eq(t, "correct root", res.ProviderAllocRoots[p].Hex(), bb.CorrectProviderAllocRoot)
	tree := NewTree(claimed)
	eq(t, "claimed allocTreeRoot", tree.Root().Hex(), bb.ClaimedAllocTreeRoot)
	eq(t, "claimed allocationRoot", AllocationRoot(res.CommitmentRoot, tree.Root()).Hex(), bb.ClaimedAllocationRoot)
	proof, _ := tree.Proof(p)
	eq(t, "claimed root proof", hexes(proof), bb.ClaimedRootProof)
	for key, obj := range bb.ClaimedAllocObject {
		amounts, err := VerifyAllocations(common.HexToHash(key), res.Manifest.Headers[p].Provider, res.Rows[p], hexutil.MustDecode(obj))
		if err != nil {
			t.Fatal(err)
		}
		j, ok := res.FirstWrongAmount(p, amounts)
		eq(t, "first wrong entry", [2]any{j, ok}, [2]any{bb.FirstWrongEntry.J, true})
		eq(t, "claimed amount", amounts[j].Dec(), bb.FirstWrongEntry.Claimed)
		eq(t, "correct amount", res.RowAmounts(p)[j].Dec(), bb.FirstWrongEntry.Correct)
	}
	checkBatch(t, vec, &bb.Batch)
	eq(t, "bad batch allocationRoot", bb.Batch.AllocationRoot, bb.ClaimedAllocationRoot)
}

// checkBatch checks a batch's message hash and its BLS aggregate: hashToG1,
// the signers' sum of keys, sigma as the sum of their signatures, gamma and
// the pairing check.
func checkBatch(t *testing.T, vec *testvectors.V2, b *testvectors.V2Batch) {
	t.Helper()
	msg := BatchMessage(uint256.MustFromDecimal(b.ChainID), common.HexToAddress(b.AVS),
		uint256.MustFromDecimal(b.Round), uint256.MustFromDecimal(b.Attempt), common.HexToHash(b.AllocationRoot))
	eq(t, "msgHash", msg.Hex(), b.MsgHash)
	eq(t, "batch domain", BatchDomain.Hex(), vec.BLS.BatchDomain)
	h, _ := bls.HashToG1(msg)
	eq(t, "hashToG1", h.Words(), g1Words(t, b.HashToG1).Words())
	var sigs, g1s []bls.G1Point
	var g2s []bls.G2Point
	for _, i := range b.Signers {
		sk, err := bls.SecretKeyFromHex(vec.BLS.Keys[i].SK)
		if err != nil {
			t.Fatal(err)
		}
		sigs = append(sigs, sk.Sign(msg))
		g1s = append(g1s, sk.PublicG1())
		g2s = append(g2s, sk.PublicG2())
	}
	sigma, _ := bls.AggregateG1(sigs...)
	apkG1, _ := bls.AggregateG1(g1s...)
	apkG2, _ := bls.AggregateG2(g2s...)
	if !sigma.Equal(g1Words(t, b.Sigma)) || !apkG1.Equal(g1Words(t, b.ApkG1)) || !apkG2.Equal(g2Words(t, b.ApkG2)) {
		t.Fatalf("sigma or aggregate keys differ from the vector")
	}
	eq(t, "gamma", bls.Gamma(msg, apkG1, apkG2, sigma).String(), b.Gamma)
	ok, err := bls.Verify(msg, apkG1, apkG2, sigma)
	if err != nil || ok != b.Valid {
		t.Fatalf("verify = %v, %v; want %v", ok, err, b.Valid)
	}
}

func g1Words(t *testing.T, w [2]string) bls.G1Point {
	t.Helper()
	p, err := bls.G1FromWords([2]*big.Int{testvectors.Dec(t, w[0]), testvectors.Dec(t, w[1])})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func g2Words(t *testing.T, w [4]string) bls.G2Point {
	t.Helper()
	p, err := bls.G2FromWords([4]*big.Int{testvectors.Dec(t, w[0]), testvectors.Dec(t, w[1]), testvectors.Dec(t, w[2]), testvectors.Dec(t, w[3])})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func hexes(hs []common.Hash) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.Hex()
	}
	return out
}

func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !equal(got, want) {
		t.Fatalf("%s = %v, want %v", what, got, want)
	}
}

// TestVectorObjects: the objects derived from a well-formed whole-round file
// (manifest, rows by prefix sums) are the vector's objects, byte for byte.
func TestVectorObjects(t *testing.T) {
	for _, c := range testvectors.LoadV2(t).Cases {
		if c.Data == nil || c.Objects == nil || !c.Typed(t).WellFormed {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			rd, err := DecodeRoundFile(hexutil.MustDecode(*c.Data))
			if err != nil {
				t.Fatal(err)
			}
			objects := rd.Objects()
			eq(t, "manifest key", objects[0].Key.Hex(), c.Commitment)
			for _, o := range objects {
				want, ok := c.Objects[ObjectPath(o.Kind, o.Key)]
				if !ok || hexutil.Encode(o.Data) != want {
					t.Fatalf("%s differs from the vector", ObjectPath(o.Kind, o.Key))
				}
			}
		})
	}
}
