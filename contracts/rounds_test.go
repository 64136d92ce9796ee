package contracts

import (
	"bytes"
	"crypto/ecdsa"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/recompute"
)

// testRound is a round's commitment data, its manifest and rows, with the
// recomputation recompute makes of them as a watcher would (from the
// objects).
type testRound struct {
	m    *recompute.Manifest
	rows []recompute.Row
	res  *recompute.Result
	v    *recompute.Violation // nil for a well-formed round
}

func (tr *testRound) n() uint64 { return tr.m.Round.Uint64() }

// genRound makes a well-formed random round number n with one provider per
// element of sizes, row p holding sizes[p] entries: realistic values
// (capacity below 2^100, mr below 2^63, residuals below 2^100, the same
// residual for a recipient in every row).
func genRound(seed, n uint64, sizes []int) *testRound {
	rng := newRand(seed)
	poolSize := 2 * slices.Max(append([]int{1}, sizes...))
	pool := sortedAddrs(rng, poolSize)
	residuals := make([]uint256.Int, poolSize)
	for i := range residuals {
		residuals[i] = *randBits(rng, 100)
	}
	providers := sortedAddrs(rng, len(sizes))
	m := &recompute.Manifest{Headers: make([]recompute.Header, len(sizes))}
	m.Round.SetUint64(n)
	rows := make([]recompute.Row, len(sizes))
	for p, size := range sizes {
		pick := rng.Perm(poolSize)[:size]
		slices.Sort(pick)
		es := make([]recompute.Entry, size)
		for j, i := range pick {
			es[j] = recompute.Entry{Recipient: pool[i], Residual: residuals[i]}
			es[j].MR.SetUint64(1 + rng.Uint64N(1<<63))
		}
		rows[p] = recompute.NewRow(es)
		m.Headers[p].Provider = providers[p]
		m.Headers[p].Capacity = *randBits(rng, 100)
	}
	tr := &testRound{m: m, rows: rows}
	tr.fill()
	return tr
}

// fill sets every header's offset, count and entries root from the rows,
// and E, then evaluates.
func (tr *testRound) fill() {
	var off uint64
	for p := range tr.rows {
		hd := &tr.m.Headers[p]
		hd.EntryOffset.SetUint64(off)
		hd.EntryCount.SetUint64(uint64(tr.rows[p].Len()))
		hd.EntriesRoot = recompute.EntriesRoot(tr.rows[p])
		off += uint64(tr.rows[p].Len())
	}
	tr.m.E.SetUint64(off)
	tr.evaluate()
}

// setRow replaces row p (entries roots, offsets and E follow) and evaluates.
func (tr *testRound) setRow(p int, es []recompute.Entry) {
	tr.rows[p] = recompute.NewRow(es)
	tr.fill()
}

// evaluate recomputes the round from its objects (the manifest as written,
// the rows by their entries roots), as a watcher does.
func (tr *testRound) evaluate() {
	tree := recompute.ProvidersTree(tr.m.Headers)
	commitment := tr.m.CommitmentRoot(tree.Root())
	objects := map[common.Hash][]byte{}
	for p := range tr.rows {
		objects[tr.m.Headers[p].EntriesRoot] = tr.rows[p].Bytes()
	}
	tr.res, tr.v = recompute.EvaluateObjects(commitment, recompute.EncodeManifest(tr.m), nil,
		func(root common.Hash) []byte { return objects[root] }, recompute.Options{})
	if tr.res == nil {
		panic(tr.v)
	}
	if tr.res.Rows == nil {
		// The evaluation stopped at a rule before it kept the rows; the test
		// has every row, as the coordinator would.
		tr.res.Rows = tr.rows
	}
}

// entriesOf returns row p's entries, freshly allocated.
func (tr *testRound) entriesOf(p int) []recompute.Entry { return tr.rows[p].Entries() }

// commit posts the round's roots (the coordinator's commitRound).
func (c *chain) commit(tr *testRound) *types.Receipt {
	c.t.Helper()
	return c.mustSend(c.coord, c.commitCalldata(tr), nil)
}

func (c *chain) commitCalldata(tr *testRound) []byte {
	return avs.PackCommitRound(u64(tr.n()), tr.res.ProvidersRoot, big.NewInt(int64(len(tr.m.Headers))), tr.m.E.ToBig())
}

// spec is the batch of attempt `attempt` claiming roots (the honest roots
// when nil).
func (c *chain) spec(tr *testRound, attempt uint64, roots []common.Hash) BatchSpec {
	if roots == nil {
		roots = tr.res.ProviderAllocRoots
	}
	return BatchSpec{Domain: c.domain(), Round: tr.n(), Attempt: attempt, CommitmentRoot: tr.res.CommitmentRoot, ProviderAllocRoots: roots}
}

// batch signs a batch of the round by ops.
func (c *chain) batch(tr *testRound, attempt uint64, roots []common.Hash, ops []*operator) *Batch {
	c.t.Helper()
	b, err := SignBatch(c.spec(tr, attempt, roots), signers(ops...))
	if err != nil {
		c.t.Fatal(err)
	}
	return b
}

// submit signs and submits a batch from account keys[0].
func (c *chain) submit(tr *testRound, attempt uint64, roots []common.Hash, ops []*operator) *types.Receipt {
	c.t.Helper()
	return c.mustSend(c.keys[0], c.batch(tr, attempt, roots, ops).Calldata(), nil)
}

// wrongRoots returns the honest roots with provider p's replaced by another.
func wrongRoots(tr *testRound, p int) []common.Hash {
	roots := slices.Clone(tr.res.ProviderAllocRoots)
	roots[p][31] ^= 1
	return roots
}

// firstOccurrenceBefore returns the first (q, l) with q < p naming the
// recipient of entry j of row p.
func firstOccurrenceBefore(tr *testRound, p, j int) (int, int) {
	r := tr.rows[p].Entry(j).Recipient
	for q := range p {
		for l := range tr.rows[q].Len() {
			if tr.rows[q].Entry(l).Recipient == r {
				return q, l
			}
		}
	}
	panic("the recipient appears in no earlier row")
}

// arbitraryRoots returns n distinct non-zero roots: what signers of malformed
// data might sign (recompute computes no allocation for it).
func arbitraryRoots(n int) []common.Hash {
	roots := make([]common.Hash, n)
	for p := range roots {
		roots[p] = crypto.Keccak256Hash([]byte{byte(p), byte(p >> 8), 0xa1})
	}
	return roots
}

// fraudSetup is a chain with five operators (stakes 10..14 ether) of which the
// first four sign, and a funded challenger.
type fraudSetup struct {
	*chain
	ops        []*operator
	signing    []*operator
	challenger *ecdsa.PrivateKey
}

func newFraudSetup(t testing.TB, edit func(*Params)) *fraudSetup { return newFraudSetupN(t, 5, edit) }

// newFraudSetupN is newFraudSetup with n operators of stake 10, 11, ... ether,
// all but the last signing (the one operator signs when n is 1).
func newFraudSetupN(t testing.TB, n int, edit func(*Params)) *fraudSetup {
	c := newChain(t, chainOptions{accounts: n + 1, edit: edit})
	stakes := make([]int64, n)
	for i := range stakes {
		stakes[i] = 10 + int64(i)
	}
	ops := c.registerN(n, stakes...)
	return &fraudSetup{chain: c, ops: ops, signing: ops[:max(1, n-1)], challenger: c.keys[n]}
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }

func sortedAddrs(rng *rand.Rand, n int) []common.Address {
	seen := map[common.Address]bool{}
	var out []common.Address
	for len(out) < n {
		var a common.Address
		for i := range a {
			a[i] = byte(rng.UintN(256))
		}
		if a != (common.Address{}) && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	return out
}

// randBits returns a random value below 2^n, n drawn uniformly from [0, bits].
func randBits(rng *rand.Rand, bits int) *uint256.Int {
	n := rng.IntN(bits + 1)
	var v uint256.Int
	for i := range v {
		v[i] = rng.Uint64()
	}
	if n < 256 {
		var mask uint256.Int
		mask.Lsh(uint256.NewInt(1), uint(n))
		mask.SubUint64(&mask, 1)
		v.And(&v, &mask)
	}
	return &v
}
