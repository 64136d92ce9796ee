package contracts

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/bls"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/internal/testvectors"
	"github.com/denomwatch/denomwatch/recompute"
)

// vectorChain is a chain with chain id 31337 and the AVS at the vectors'
// address, so that batch messages come out as the vectors have them.
func vectorChain(t testing.TB, v *testvectors.V2, accounts int) *chain {
	t.Helper()
	c := newChain(t, chainOptions{accounts: accounts, vectors: true})
	if c.addr != common.HexToAddress(v.BLS.AVS) || c.chainID.String() != v.BLS.ChainID.String() {
		t.Fatalf("AVS %s on chain %v, vectors %s on %s", c.addr, c.chainID, v.BLS.AVS, v.BLS.ChainID)
	}
	if got := call(c, avs.PackBATCHDOMAIN(), avs.UnpackBATCHDOMAIN); common.Hash(got) != common.HexToHash(v.BLS.BatchDomain) {
		t.Fatalf("BATCH_DOMAIN %x, vectors %s", got, v.BLS.BatchDomain)
	}
	return c
}

// TestVectorsOnChain: every public v2 vector's roots, leaves, proofs,
// manifest parts and batch messages, reproduced by the contracts' own
// library code (through the harness) and the AVS's batchMessage.
func TestVectorsOnChain(t *testing.T) {
	t.Parallel()
	v := testvectors.LoadV2(t)
	c := vectorChain(t, v, 0)
	checked := 0
	for i := range v.Cases {
		vc := &v.Cases[i]
		if len(vc.Extra.Headers) == 0 {
			continue
		}
		t.Run(vc.Name, func(t *testing.T) {
			exp := vc.Typed(t)
			headers := vectorHeaders(t, vc)
			providersRoot := common.HexToHash(exp.ProvidersRoot)
			checkHeaders(t, c, vc, headers, providersRoot)
			round := manifestRound(t, vc)
			if got := hcall(c, harnessABI.PackCommitmentRoot(round, providersRoot, big.NewInt(int64(len(headers))), testvectors.Dec(t, vc.Extra.E)),
				harnessABI.UnpackCommitmentRoot); common.Hash(got) != common.HexToHash(exp.CommitmentRoot) {
				t.Fatalf("commitmentRoot %x, vector %s", got, exp.CommitmentRoot)
			}
			if exp.WellFormed {
				checkRows(t, c, vc, exp, headers)
			}
			if ev := vc.Extra.Evidence; ev != nil {
				for i := range ev.Entries {
					e := &ev.Entries[i]
					checkEntry(t, c, e, headers[e.P])
				}
			}
			checkBatches(t, c, vc)
			checked++
		})
	}
	if checked < 60 {
		t.Fatalf("only %d cases with headers", checked)
	}
}

// manifestRound is the round the case's manifest names (not always the
// on-chain round: the round rule's cases differ).
func manifestRound(t testing.TB, vc *testvectors.V2Case) *big.Int {
	t.Helper()
	key := recompute.ObjectPath(recompute.KindManifest, common.HexToHash(vc.Commitment))
	m, err := recompute.DecodeManifest(common.FromHex(vc.Objects[key]))
	if err != nil {
		t.Fatal(err)
	}
	return m.Round.ToBig()
}

func vectorHeaders(t testing.TB, vc *testvectors.V2Case) []bindings.ProviderHeader {
	out := make([]bindings.ProviderHeader, len(vc.Extra.Headers))
	for p := range out {
		if vc.Extra.Headers[p].P != p {
			t.Fatalf("header %d is p %d", p, vc.Extra.Headers[p].P)
		}
		out[p] = vectorHeader(t, &vc.Extra.Headers[p]).Header
	}
	return out
}

// checkHeaders checks every provider leaf, proof, the providers root and
// the manifest parts.
func checkHeaders(t *testing.T, c *chain, vc *testvectors.V2Case, headers []bindings.ProviderHeader, root common.Hash) {
	t.Helper()
	P := len(headers)
	leaves := hcall(c, harnessABI.PackProviderLeaves(headers), harnessABI.UnpackProviderLeaves)
	for p, h := range vc.Extra.Headers {
		leaf := common.HexToHash(h.Leaf)
		if common.Hash(leaves[p]) != leaf {
			t.Fatalf("provider leaf %d %x, vector %s", p, leaves[p], h.Leaf)
		}
		if !hcall(c, harnessABI.PackVerifyProof(root, leaf, big.NewInt(int64(p)), big.NewInt(int64(P)), hexWords(h.Proof)), harnessABI.UnpackVerifyProof) {
			t.Fatalf("header %d's proof refused", p)
		}
	}
	for _, part := range vc.Extra.ManifestParts {
		height := recompute.Depth(P)
		if P > recompute.PartSize {
			height = 9
		}
		got := hcall(c, harnessABI.PackHeadersRoot(big.NewInt(int64(part.First)), headers[part.First:part.First+part.Count], big.NewInt(int64(height))),
			harnessABI.UnpackHeadersRoot)
		if common.Hash(got) != common.HexToHash(part.Root) {
			t.Fatalf("manifest part %d root %x, vector %s", part.Part, got, part.Root)
		}
	}
}

// checkRows checks a well-formed case's rows: entries roots, allocation
// roots, the allocation tree, the allocation root and every allocation proof.
func checkRows(t *testing.T, c *chain, vc *testvectors.V2Case, exp *testvectors.V2Expect, headers []bindings.ProviderHeader) {
	t.Helper()
	res, viol := evaluateVector(t, vc)
	if viol != nil {
		t.Fatal(viol)
	}
	roots := make([][32]byte, len(headers))
	for p := range headers {
		got := hcall(c, harnessABI.PackRowRoots(headers[p].Provider, headers[p].Capacity, Entries(res.Rows[p])), harnessABI.UnpackRowRoots)
		if common.Hash(got.EntriesRoot) != common.HexToHash(exp.EntriesRoots[p]) || common.Hash(got.ProviderAllocRoot) != common.HexToHash(exp.ProviderAllocRoots[p]) {
			t.Fatalf("row %d: roots %x %x, vector %s %s", p, got.EntriesRoot, got.ProviderAllocRoot, exp.EntriesRoots[p], exp.ProviderAllocRoots[p])
		}
		roots[p] = got.ProviderAllocRoot
	}
	allocTree := hcall(c, harnessABI.PackTreeRoot(roots), harnessABI.UnpackTreeRoot)
	allocation := hcall(c, harnessABI.PackAllocationRoot(common.HexToHash(exp.CommitmentRoot), allocTree), harnessABI.UnpackAllocationRoot)
	if common.Hash(allocTree) != common.HexToHash(exp.AllocTreeRoot) || common.Hash(allocation) != common.HexToHash(exp.AllocationRoot) {
		t.Fatalf("allocTreeRoot %x allocationRoot %x, vector %s %s", allocTree, allocation, exp.AllocTreeRoot, exp.AllocationRoot)
	}
	for i := range vc.Extra.AllocProofs {
		ap := &vc.Extra.AllocProofs[i]
		leaf := hcall(c, harnessABI.PackAllocLeaf(common.HexToAddress(ap.Provider), common.HexToAddress(ap.Recipient), testvectors.Dec(t, ap.Amount)),
			harnessABI.UnpackAllocLeaf)
		if common.Hash(leaf) != common.HexToHash(ap.Leaf) {
			t.Fatalf("alloc leaf %d/%d %x, vector %s", ap.P, ap.J, leaf, ap.Leaf)
		}
		if !hcall(c, harnessABI.PackVerifyLeaf(allocTree, big.NewInt(int64(len(headers))), big.NewInt(int64(ap.P)), big.NewInt(int64(ap.J)), leaf,
			hexWords(ap.EntryProof), hexWords(ap.ProviderProof)), harnessABI.UnpackVerifyLeaf) {
			t.Fatalf("allocation proof %d/%d refused", ap.P, ap.J)
		}
		checkEntry(t, c, &ap.Entry, headers[ap.P])
	}
}

// checkEntry checks an entry's leaf and its proof against its row's root.
func checkEntry(t *testing.T, c *chain, e *testvectors.V2Entry, hd bindings.ProviderHeader) {
	t.Helper()
	ep := vectorEntry(t, e)
	leaf := hcall(c, harnessABI.PackEntryLeaf(ep.Entry), harnessABI.UnpackEntryLeaf)
	if common.Hash(leaf) != common.HexToHash(e.Leaf) {
		t.Fatalf("entry leaf %d/%d %x, vector %s", e.P, e.J, leaf, e.Leaf)
	}
	if !hcall(c, harnessABI.PackVerifyProof(hd.EntriesRoot, leaf, ep.J, hd.EntryCount, ep.Proof), harnessABI.UnpackVerifyProof) {
		t.Fatalf("entry %d/%d's proof refused", e.P, e.J)
	}
}

// checkBatches checks each batch message, its hashToG1 point and its
// signature's verification, and a bad batch's claimed roots.
func checkBatches(t *testing.T, c *chain, vc *testvectors.V2Case) {
	t.Helper()
	var batches []*testvectors.V2Batch
	if vc.Extra.Batch != nil {
		batches = append(batches, vc.Extra.Batch)
	}
	if bb := vc.Extra.BadBatch; bb != nil {
		batches = append(batches, &bb.Batch)
		claimed := hexWords(bb.ClaimedProviderAllocRoots)
		tree := hcall(c, harnessABI.PackTreeRoot(claimed), harnessABI.UnpackTreeRoot)
		if common.Hash(tree) != common.HexToHash(bb.ClaimedAllocTreeRoot) ||
			!hcall(c, harnessABI.PackVerifyProof(tree, claimed[bb.Provider], big.NewInt(int64(bb.Provider)), big.NewInt(int64(len(claimed))),
				hexWords(bb.ClaimedRootProof)), harnessABI.UnpackVerifyProof) {
			t.Fatal("the bad batch's claimed tree")
		}
	}
	for _, b := range batches {
		msg := call(c, avs.PackBatchMessage(testvectors.Dec(t, b.Round), testvectors.Dec(t, b.Attempt), common.HexToHash(b.AllocationRoot)), avs.UnpackBatchMessage)
		if common.Hash(msg) != common.HexToHash(b.MsgHash) {
			t.Fatalf("batchMessage %x, vector %s", msg, b.MsgHash)
		}
		h := hcall(c, harnessABI.PackHashToG1(msg), harnessABI.UnpackHashToG1)
		if h.X.String() != b.HashToG1[0] || h.Y.String() != b.HashToG1[1] {
			t.Fatalf("hashToG1 (%v, %v), vector %v", h.X, h.Y, b.HashToG1)
		}
		ok := hcall(c, harnessABI.PackVerifyBLS(msg, vecG1(t, b.ApkG1), vecG2(t, b.ApkG2), vecG1(t, b.Sigma)), harnessABI.UnpackVerifyBLS)
		if ok != b.Valid {
			t.Fatalf("verifyBLS %v, vector %v", ok, b.Valid)
		}
	}
}

func vecG1(t testing.TB, w [2]string) bindings.BN254G1Point {
	return bindings.BN254G1Point{X: testvectors.Dec(t, w[0]), Y: testvectors.Dec(t, w[1])}
}

func vecG2(t testing.TB, w [4]string) bindings.BN254G2Point {
	return bindings.BN254G2Point{X: [2]*big.Int{testvectors.Dec(t, w[0]), testvectors.Dec(t, w[1])}, Y: [2]*big.Int{testvectors.Dec(t, w[2]), testvectors.Dec(t, w[3])}}
}

// TestVectorBatchesReplayed: each vector round with a batch is played on the
// AVS at the vectors' address: the vector's keys register, the round is
// committed, a vector's bad batch is submitted with its own signature and
// proven with its own proof, earlier attempts are voided, the good batch is
// accepted with its own signature at its attempt, and every allocation
// proof of the case verifies on the live batch.
func TestVectorBatchesReplayed(t *testing.T) {
	t.Parallel()
	v := testvectors.LoadV2(t)
	for i := range v.Cases {
		vc := &v.Cases[i]
		if vc.Extra.Batch == nil && vc.Extra.BadBatch == nil {
			continue
		}
		t.Run(vc.Name, func(t *testing.T) {
			t.Parallel()
			c := vectorChain(t, v, len(v.BLS.Keys)+1)
			ops := make([]*operator, len(v.BLS.Keys))
			for k := range ops {
				sk, err := bls.SecretKeyFromHex(v.BLS.Keys[k].SK)
				if err != nil {
					t.Fatal(err)
				}
				ops[k] = &operator{key: c.keys[k], addr: addrOf(c.keys[k]), sk: sk}
				c.register(ops[k], ether(10))
			}
			replayCase(t, c, vc, ops)
		})
	}
}

func replayCase(t *testing.T, c *chain, vc *testvectors.V2Case, ops []*operator) {
	exp := vc.Typed(t)
	res, viol := evaluateVector(t, vc)
	if viol != nil {
		t.Fatal(viol)
	}
	round := res.Manifest.Round.Uint64()
	c.commitUpTo(round)
	s := &fraudSetup{chain: c, ops: ops, signing: ops, challenger: c.keys[len(ops)]}
	tr := &testRound{m: res.Manifest, rows: res.Rows, res: res}
	s.commit(tr)
	good, bad := vc.Extra.Batch, vc.Extra.BadBatch
	target := uint64(0)
	if good != nil {
		target = testvectors.Dec(t, good.Attempt).Uint64()
	}
	for a := uint64(0); a < target || (good == nil && a == 0); a++ {
		if bad != nil && testvectors.Dec(t, bad.Batch.Attempt).Uint64() == a {
			s.mustSend(s.keys[0], vectorBatch(t, &bad.Batch, bad.ClaimedProviderAllocRoots).Calldata(), nil)
			proof, err := NewBadAllocation(res, bad.Provider, hashes(bad.ClaimedProviderAllocRoots))
			if err != nil {
				t.Fatal(err)
			}
			if proof.ClaimedProof = hexWords(bad.ClaimedRootProof); common.Hash(proof.ClaimedRoot) != common.HexToHash(bad.ClaimedProviderAllocRoots[bad.Provider]) {
				t.Fatal("claimed root")
			}
			before := s.stakes()
			rcpt := s.mustSend(s.challenger, proof.Calldata(), nil)
			s.checkConvicted(t, rcpt, conviction{round: round, attempt: a, kind: FraudBadAllocation, provider: uint64(bad.Provider), beneficiary: addrOf(s.challenger)}, before)
			continue
		}
		// An attempt the vectors do not have: a wrong batch of our own, proven.
		roots := wrongRoots(tr, 0)
		s.submit(tr, a, roots, ops)
		proof, err := NewBadAllocation(res, 0, roots)
		if err != nil {
			t.Fatal(err)
		}
		s.mustSend(s.challenger, proof.Calldata(), nil)
	}
	if good == nil {
		return
	}
	s.mustSend(s.keys[0], vectorBatch(t, good, exp.ProviderAllocRoots).Calldata(), nil)
	for i := range vc.Extra.AllocProofs {
		ap := &vc.Extra.AllocProofs[i]
		if !call(c, avs.PackVerifyAllocation(u64(round), big.NewInt(int64(ap.P)), big.NewInt(int64(ap.J)), common.HexToAddress(ap.Provider),
			common.HexToAddress(ap.Recipient), testvectors.Dec(t, ap.Amount), hexWords(ap.EntryProof), hexWords(ap.ProviderProof)), avs.UnpackVerifyAllocation) {
			t.Fatalf("allocation proof %d/%d refused on the live batch", ap.P, ap.J)
		}
	}
}

// vectorBatch is the submitAllocationBatch call of a vector's batch, with
// its own signature.
func vectorBatch(t testing.TB, b *testvectors.V2Batch, roots []string) *Batch {
	bitmap := new(big.Int)
	for _, i := range b.Signers {
		bitmap.SetBit(bitmap, i, 1)
	}
	return &Batch{
		Round:              testvectors.Dec(t, b.Round),
		Attempt:            testvectors.Dec(t, b.Attempt),
		ProviderAllocRoots: hexWords(roots),
		SignerBitmap:       bitmap,
		ApkG2:              vecG2(t, b.ApkG2),
		Sigma:              vecG1(t, b.Sigma),
	}
}

func hashes(hs []string) []common.Hash {
	out := make([]common.Hash, len(hs))
	for i, h := range hs {
		out[i] = common.HexToHash(h)
	}
	return out
}
