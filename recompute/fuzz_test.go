package recompute

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/internal/testvectors"
)

// maxSeedSize and maxSeeds keep the vector seeds few and small enough for
// the fuzzer to mutate quickly; every vector runs in TestVectors.
const (
	maxSeedSize = 8 << 10
	maxSeeds    = 64
)

// vectorObjects returns objects of one kind in the vectors, valid and
// invalid, up to maxSeedSize bytes.
func vectorObjects(tb testing.TB, kind ObjectKind) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, c := range testvectors.LoadV2(tb).Cases {
		for path, obj := range c.Objects {
			if b := hexutil.MustDecode(obj); strings.HasPrefix(path, string(kind)+"/") && len(b) <= maxSeedSize {
				out = append(out, b)
			}
		}
	}
	return spread(out)
}

// vectorData returns whole-round files of the vectors, valid and invalid,
// up to maxSeedSize bytes.
func vectorData(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, c := range testvectors.LoadV2(tb).Cases {
		if c.Data != nil {
			if b := hexutil.MustDecode(*c.Data); len(b) <= maxSeedSize {
				out = append(out, b)
			}
		}
	}
	return spread(out)
}

// spread returns at most maxSeeds of the distinct inputs, evenly spaced in
// byte order.
func spread(bs [][]byte) [][]byte {
	slices.SortFunc(bs, bytes.Compare)
	bs = slices.CompactFunc(bs, bytes.Equal)
	if len(bs) <= maxSeeds {
		return bs
	}
	out := make([][]byte, maxSeeds)
	for i := range out {
		out[i] = bs[i*len(bs)/maxSeeds]
	}
	return out
}

func noRows(common.Hash) []byte { return nil }

func FuzzDecodeManifest(f *testing.F) {
	for _, b := range vectorObjects(f, KindManifest) {
		f.Add(b)
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := DecodeManifest(data)
		if err != nil {
			checkManifestRejected(t, data, err)
			return
		}
		eq(t, "re-encoded", EncodeManifest(m), data)
		eq(t, "headers", len(m.Headers), (len(data)-manifestHead)/headerSize)
		tree := ProvidersTree(m.Headers)
		key := m.CommitmentRoot(tree.Root())
		m2, tree2, err := VerifyManifest(key, data)
		if err != nil || !equal(m2, m) || tree2.Root() != tree.Root() {
			t.Fatalf("VerifyManifest with its own key: %v", err)
		}
		if _, _, err := VerifyManifest(crypto.Keccak256Hash(key[:]), data); !errors.Is(err, ErrKeyMismatch) {
			t.Fatalf("VerifyManifest with another key: %v", err)
		}
		checkManifestParts(t, m, tree)
		checkManifestWithoutRows(t, key, data, m)
	})
}

func checkManifestRejected(t *testing.T, data []byte, err error) {
	t.Helper()
	if !errors.Is(err, ErrEncoding) {
		t.Fatalf("DecodeManifest: %v is not ErrEncoding", err)
	}
	if _, _, err := VerifyManifest(crypto.Keccak256Hash(data), data); !errors.Is(err, ErrEncoding) {
		t.Fatalf("VerifyManifest: %v is not ErrEncoding", err)
	}
	res, v := EvaluateObjects(crypto.Keccak256Hash(data), data, nil, noRows, Options{})
	if res != nil || v == nil || v.Rule != RuleUnavailableManifest {
		t.Fatalf("EvaluateObjects of an undecodable manifest: %v, %v", res, v)
	}
}

// checkManifestParts checks that the manifest parts rebuild from their
// headers and make up providersRoot.
func checkManifestParts(t *testing.T, m *Manifest, tree *Tree) {
	t.Helper()
	P := len(m.Headers)
	if P == 0 || P > MaxProviders {
		return
	}
	parts := ManifestParts(tree)
	for _, part := range parts {
		root, err := PartRoot(part.Part, P, m.Headers[part.First:part.First+part.Count])
		if err != nil || root != part.Root {
			t.Fatalf("PartRoot(%d) = %s, %v; the part's root is %s", part.Part, root.Hex(), err, part.Root.Hex())
		}
	}
	joined := parts[0].Root
	if len(parts) == 2 {
		joined = crypto.Keccak256Hash(parts[0].Root[:], parts[1].Root[:])
	}
	eq(t, "parts make up providersRoot", joined, tree.Root())
}

// checkManifestWithoutRows evaluates a manifest whose rows no source has:
// round first, then the reference's bounds and header rules, then the first
// header that needs a row object is unavailable; entry rules are never
// reached.
func checkManifestWithoutRows(t *testing.T, key common.Hash, data []byte, m *Manifest) {
	t.Helper()
	var other uint256.Int
	other.AddUint64(&m.Round, 1)
	if _, v := EvaluateObjects(key, data, &other, noRows, Options{}); v == nil || v.Rule != RuleRound {
		t.Fatalf("another round: %v", v)
	}
	res, v := EvaluateObjects(key, data, &m.Round, noRows, Options{Workers: 3})
	if res == nil || res.CommitmentRoot != key {
		t.Fatal("EvaluateObjects lost the commitment")
	}
	want := refValidate(refManifestOf(m), make([][]refEntry, len(m.Headers)), true)
	if want == nil || !slices.Contains(Section3Rules[:5], want.Rule) && want.Rule != RuleBounds {
		want = nil
		if p := slices.IndexFunc(m.Headers, needsObject); p >= 0 {
			want = &Violation{Rule: RuleUnavailableRow, Provider: p}
		}
	}
	checkSameViolation(t, v, want)
}

func needsObject(hd Header) bool { return !hd.EntryCount.IsZero() || hd.EntriesRoot != (common.Hash{}) }

// checkSameViolation compares a violation with the expected one, message
// aside.
func checkSameViolation(t *testing.T, v, want *Violation) {
	t.Helper()
	if (v == nil) != (want == nil) {
		t.Fatalf("violation %v, want %+v", v, want)
	}
	if v != nil {
		got, w := *v, *want
		got.Msg, w.Msg = "", ""
		eq(t, "violation", got, w)
	}
}

func FuzzDecodeRow(f *testing.F) {
	for _, b := range vectorObjects(f, KindRow) {
		f.Add(b, []byte{0x01, 0x00})
	}
	f.Add([]byte{}, []byte{})
	f.Fuzz(func(t *testing.T, data, capacity []byte) {
		r, err := DecodeRow(data)
		if err != nil {
			if !errors.Is(err, ErrEncoding) {
				t.Fatalf("DecodeRow: %v is not ErrEncoding", err)
			}
			if _, err := VerifyRow(&Header{EntryCount: *uint256.NewInt(1), EntriesRoot: crypto.Keccak256Hash(data)}, data); !errors.Is(err, ErrEncoding) {
				t.Fatalf("VerifyRow: %v is not ErrEncoding", err)
			}
			return
		}
		eq(t, "re-encoded", r.Bytes(), data)
		eq(t, "entries", r.Len(), (len(data)-rowHead)/entrySize)
		eq(t, "re-encoded from its entries", NewRow(r.Entries()).Bytes(), data)
		eq(t, "entries root", EntriesRoot(r), refEntriesRoot(refEntriesOf(r.Entries())))
		checkVerifyRow(t, r, data)
		var c uint256.Int
		c.SetBytes(capacity[:min(len(capacity), 32)])
		checkAllocateRow(t, &c, r)
	})
}

// checkVerifyRow checks VerifyRow against headers built from the row: the
// right one, and one with another count or another root.
func checkVerifyRow(t *testing.T, r Row, data []byte) {
	t.Helper()
	k := uint64(r.Len())
	hd := Header{EntryCount: *uint256.NewInt(k), EntriesRoot: EntriesRoot(r)}
	got, err := VerifyRow(&hd, data)
	if err != nil || !bytes.Equal(got.Bytes(), data) {
		t.Fatalf("VerifyRow with the row's own header: %v", err)
	}
	counts := []uint256.Int{*uint256.NewInt(k + 1), *new(uint256.Int).Lsh(uint256.NewInt(1), 64)}
	if k > 0 {
		counts = append(counts, *uint256.NewInt(k - 1))
	}
	for _, c := range counts {
		wrong := hd
		wrong.EntryCount = c
		if _, err := VerifyRow(&wrong, data); !errors.Is(err, ErrEntryCount) {
			t.Fatalf("VerifyRow with count %s for %d entries: %v", c.Dec(), k, err)
		}
	}
	wrong := hd
	wrong.EntriesRoot = crypto.Keccak256Hash(hd.EntriesRoot[:])
	if _, err := VerifyRow(&wrong, data); !errors.Is(err, ErrKeyMismatch) {
		t.Fatalf("VerifyRow with another root: %v", err)
	}
}

// checkAllocateRow checks AllocateRow on any row: out-of-range values are
// refused, and in range it is section 5 computed with math/big.
func checkAllocateRow(t *testing.T, capacity *uint256.Int, r Row) {
	t.Helper()
	entries := r.Entries()
	inRange := capacity.BitLen() <= 128 && r.Len() <= MaxRowEntries
	for _, e := range entries {
		inRange = inRange && !e.MR.IsZero() && e.MR.BitLen() <= 64 && e.Residual.BitLen() <= 128
	}
	denom, amounts, err := AllocateRow(capacity, r)
	if !inRange {
		if !errors.Is(err, ErrOutOfRange) {
			t.Fatalf("AllocateRow out of range: %v", err)
		}
		return
	}
	if err != nil {
		t.Fatalf("AllocateRow in range: %v", err)
	}
	checkRowAllocation(t, capacity, entries, &denom, amounts)
}

func FuzzVerifyAllocations(f *testing.F) {
	for i, b := range vectorObjects(f, KindRow) {
		f.Add(uint64(i), uint8(len(b)), b)
	}
	f.Add(uint64(1), uint8(3), make([]byte, 3*wordSize))
	f.Add(uint64(2), uint8(0), []byte{})
	f.Fuzz(func(t *testing.T, seed uint64, k uint8, delta []byte) {
		rng := newRand(seed)
		n := int(k % 12)
		provider := genAddress(rng, common.Address{})
		row := NewRow(genRow(rng, valueMode(rng.IntN(int(nModes))), n, genAddresses(rng, n), make([]uint256.Int, n)))
		amounts := make([]uint256.Int, n)
		for j := range amounts {
			amounts[j] = genWord(rng, 256)
		}
		key := ProviderAllocRoot(provider, row, amounts)
		real := EncodeAllocations(amounts)
		data := bytes.Clone(delta)
		for i := range min(len(data), len(real)) {
			data[i] ^= real[i]
		}
		got, err := VerifyAllocations(key, provider, row, data)
		switch {
		case len(data) != len(real):
			if !errors.Is(err, ErrEntryCount) {
				t.Fatalf("%d bytes for %d entries: %v", len(data), n, err)
			}
			return
		case bytes.Equal(data, real):
			if err != nil || !slices.Equal(got, amounts) {
				t.Fatalf("the real allocations: %v", err)
			}
		case !errors.Is(err, ErrKeyMismatch):
			t.Fatalf("other allocations: %v", err)
		}
		checkOwnAllocations(t, provider, row, data)
	})
}

// checkOwnAllocations checks that any 32k bytes verify under the key they
// build, round-trip through EncodeAllocations, and do not verify for
// another provider.
func checkOwnAllocations(t *testing.T, provider common.Address, row Row, data []byte) {
	t.Helper()
	amounts := make([]uint256.Int, row.Len())
	for j := range amounts {
		amounts[j].SetBytes(data[j*wordSize : (j+1)*wordSize])
	}
	key := ProviderAllocRoot(provider, row, amounts)
	got, err := VerifyAllocations(key, provider, row, data)
	if err != nil || !bytes.Equal(EncodeAllocations(got), data) {
		t.Fatalf("allocations under their own key: %v", err)
	}
	other := provider
	other[3] ^= 0x10
	if _, err := VerifyAllocations(key, other, row, data); row.Len() > 0 && !errors.Is(err, ErrKeyMismatch) {
		t.Fatalf("allocations for another provider: %v", err)
	}
}

func FuzzDecodeRoundFile(f *testing.F) {
	for _, b := range vectorData(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rd, err := DecodeRoundFile(data)
		res, v := EvaluateRoundFile(data, nil, Options{Workers: 2})
		if err != nil {
			if !errors.Is(err, ErrEncoding) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("DecodeRoundFile: %v", err)
			}
			if res != nil || v == nil || v.Rule != RuleABI || v.Msg == "" {
				t.Fatalf("EvaluateRoundFile of an undecodable file: %v, %v", res, v)
			}
			return
		}
		eq(t, "re-encoded", EncodeRoundFile(rd), data)
		if res == nil || v != nil && v.Rule == RuleABI {
			t.Fatalf("EvaluateRoundFile of a decodable file: %v", v)
		}
		eq(t, "manifest", EncodeManifest(res.Manifest), EncodeManifest(&rd.Manifest))
		eq(t, "commitment", res.CommitmentRoot, rd.Manifest.CommitmentRoot(ProvidersTree(rd.Manifest.Headers).Root()))
		var other uint256.Int
		other.AddUint64(&rd.Manifest.Round, 1)
		if _, v := EvaluateRoundFile(data, &other, Options{}); v == nil || v.Rule != RuleRound {
			t.Fatalf("another round: %v", v)
		}
		checkRoundFileAgainstReference(t, rd, res, v)
	})
}

// checkRoundFileAgainstReference checks a decoded round's evaluation against
// the reference's rules, against the objects form, and, when well formed,
// against section 5.
func checkRoundFileAgainstReference(t *testing.T, rd *Round, res *Result, v *Violation) {
	t.Helper()
	rows := make([][]refEntry, len(rd.Rows))
	for p := range rd.Rows {
		rows[p] = refEntriesOf(rd.Rows[p].Entries())
	}
	checkSameViolation(t, v, refValidate(refManifestOf(&rd.Manifest), rows, false))
	o := objectsOf(rd)
	ores, ov := o.evaluate(&rd.Manifest.Round, Options{Workers: 2})
	checkSameViolation(t, ov, v)
	eq(t, "objects providers root", ores.ProvidersRoot, res.ProvidersRoot)
	if v != nil {
		return
	}
	eq(t, "objects result", summarize(ores), summarize(res))
	for p := range rd.Rows {
		checkRowAllocation(t, &rd.Manifest.Headers[p].Capacity, rd.Rows[p].Entries(), &res.Denominators[p], res.RowAmounts(p))
	}
}

func FuzzVerifyProof(f *testing.F) {
	for i, b := range vectorObjects(f, KindRow) {
		f.Add(b, i%7, uint16(len(b)/wordSize), uint8(1), []byte{})
	}
	f.Add(make([]byte, 5*wordSize), 4, uint16(5), uint8(1), []byte{})
	f.Add(make([]byte, 3*wordSize), 3, uint16(4), uint8(1), []byte{})
	f.Add(make([]byte, 4*wordSize), 1, uint16(1), uint8(1), []byte{})
	f.Fuzz(func(t *testing.T, leafData []byte, k int, nClaim uint16, adj uint8, delta []byte) {
		leaves := make([]common.Hash, min(len(leafData)/wordSize, 64))
		for i := range leaves {
			leaves[i] = common.BytesToHash(leafData[i*wordSize : (i+1)*wordSize])
		}
		tree := NewTree(leaves)
		n := int(nClaim % 300)
		d, d0 := Depth(n), Depth(len(leaves))
		leaf, proof := pathCandidate(tree, k, d, max(0, d+int(adj%3)-1))
		used := xorInto(leaf[:], proof, delta)
		got := VerifyProof(tree.Root(), leaf, k, n, proof)
		want := n >= 1 && k >= 0 && k < n && len(proof) == d && d <= d0 && !used
		if got != want {
			t.Fatalf("VerifyProof(k=%d, n=%d, %d hashes) over %d leaves = %v, want %v", k, n, len(proof), len(leaves), got, want)
		}
	})
}

// pathCandidate returns the real node and path of position k for a proof of
// depth d in tree: with d below the tree's depth, the node at the level d
// below the root; with d above it, zero hashes (no such path exists).
func pathCandidate(tree *Tree, k, d, length int) (common.Hash, []common.Hash) {
	proof := make([]common.Hash, length)
	level := Depth(tree.Len()) - d
	if level < 0 || k < 0 || k >= 1<<20 {
		return common.Hash{}, proof
	}
	for i := range proof {
		proof[i] = tree.Node(level+i, (k>>i)^1)
	}
	return tree.Node(level, k), proof
}

// xorInto XORs delta into the leaf and then the proof's hashes, and reports
// whether it changed any byte.
func xorInto(leaf []byte, proof []common.Hash, delta []byte) bool {
	changed := false
	dst := [][]byte{leaf}
	for i := range proof {
		dst = append(dst, proof[i][:])
	}
	for i, b := range delta {
		if i/wordSize < len(dst) {
			dst[i/wordSize][i%wordSize] ^= b
			changed = changed || b != 0
		}
	}
	return changed
}

func FuzzVerifyAllocation(f *testing.F) {
	for i, b := range vectorData(f) {
		f.Add(b, uint64(i), uint16(i), uint8(i), []byte{byte(i)})
	}
	f.Add([]byte{}, uint64(7), uint16(3), uint8(moveDown), []byte{})
	f.Add([]byte{}, uint64(8), uint16(5), uint8(jBeyond), []byte{0})
	f.Fuzz(func(t *testing.T, data []byte, seed uint64, pos uint16, kind uint8, delta []byte) {
		res := fuzzRound(data, seed)
		p, j := entryAt(res, int(pos))
		ap, err := res.AllocationProof(p, j)
		if err != nil {
			t.Fatal(err)
		}
		P := len(res.Manifest.Headers)
		if !VerifyAllocation(res.AllocTreeRoot, P, ap) {
			t.Fatalf("the real proof of (%d, %d) does not verify", p, j)
		}
		m := mutation(kind) % nMutations
		c := mutateProof(ap, m, delta)
		if got, want := VerifyAllocation(res.AllocTreeRoot, P, c), sameProof(c, ap); got != want {
			t.Fatalf("mutation %d of (%d, %d) to (%d, %d): verifies %v, want %v", m, p, j, c.P, c.J, got, want)
		}
	})
}

// fuzzRound evaluates data when it is a small well-formed round with an
// entry, else a round generated from seed.
func fuzzRound(data []byte, seed uint64) *Result {
	if len(data) <= maxSeedSize {
		if res, v := EvaluateRoundFile(data, nil, Options{Workers: 1}); v == nil && !res.Manifest.E.IsZero() {
			return res
		}
	}
	s := genSpec(newRand(seed), genConfig{minP: 1, maxP: 9, minRow: 1, maxRow: 12})
	res, v := EvaluateRoundFile(EncodeRoundFile(s.build()), nil, Options{Workers: 1})
	if v != nil {
		panic(v)
	}
	return res
}

// entryAt returns the position of global entry index pos mod E.
func entryAt(res *Result, pos int) (int, int) {
	g := pos % int(res.Manifest.E.Uint64())
	for p, row := range res.Rows {
		if g < row.Len() {
			return p, g
		}
		g -= row.Len()
	}
	panic("no entry")
}

// mutation names a way of changing an allocation proof.
type mutation int

const (
	xorAmount mutation = iota
	xorRecipient
	xorProvider
	addP
	addJ
	xorEntrySibling
	xorProviderSibling
	truncateEntry
	extendEntry
	truncateProvider
	extendProvider
	moveDown
	moveUp
	jBeyond
	nMutations
)

// mutateProof returns a copy of ap changed by m with delta's bytes; a zero
// delta leaves the XOR and add mutations without effect.
func mutateProof(ap *AllocProof, m mutation, delta []byte) *AllocProof {
	c := cloneProof(ap)
	var h common.Hash
	copy(h[:], delta)
	small := int(int16(binary.BigEndian.Uint16(h[:2])))
	switch m {
	case xorAmount:
		c.Amount.Xor(&c.Amount, new(uint256.Int).SetBytes32(h[:]))
	case xorRecipient:
		c.Recipient = xorAddress(c.Recipient, h)
	case xorProvider:
		c.Provider = xorAddress(c.Provider, h)
	case addP:
		c.P += small
	case addJ:
		c.J += small
	case xorEntrySibling, xorProviderSibling:
		xorSibling(c, m == xorEntrySibling, h)
	default:
		reshape(c, m, h)
	}
	return c
}

func xorAddress(a common.Address, h common.Hash) common.Address {
	for i := range a {
		a[i] ^= h[i]
	}
	return a
}

// xorSibling XORs h[1:] into the sibling h[0] picks.
func xorSibling(c *AllocProof, entry bool, h common.Hash) {
	path := c.ProviderProof
	if entry {
		path = c.EntryProof
	}
	if len(path) == 0 {
		return
	}
	s := &path[int(h[0])%len(path)]
	for i := 1; i < len(h); i++ {
		s[i] ^= h[i]
	}
}

// reshape changes the lengths of the paths or the position beyond the path.
func reshape(c *AllocProof, m mutation, h common.Hash) {
	d, dp := len(c.EntryProof), len(c.ProviderProof)
	switch {
	case m == truncateEntry && d > 0:
		c.EntryProof = c.EntryProof[:d-1-int(h[0])%d]
	case m == extendEntry:
		c.EntryProof = append(c.EntryProof, h)
	case m == truncateProvider && dp > 0:
		c.ProviderProof = c.ProviderProof[:dp-1-int(h[0])%dp]
	case m == extendProvider:
		c.ProviderProof = append(c.ProviderProof, h)
	case m == moveDown && dp > 0:
		moveLevelDown(c)
	case m == moveUp && d > 0:
		moveLevelUp(c)
	case m == jBeyond:
		c.J += (1 + int(h[0])) << d
	}
}

// sameProof reports whether two proofs make the same claim.
func sameProof(a, b *AllocProof) bool {
	return a.P == b.P && a.J == b.J && a.Provider == b.Provider && a.Recipient == b.Recipient && a.Amount == b.Amount &&
		slices.Equal(a.EntryProof, b.EntryProof) && slices.Equal(a.ProviderProof, b.ProviderProof)
}
