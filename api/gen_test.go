package api_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// Addresses of the generated round: providers and recipients ascending, as
// the protocol requires.
var (
	providers = []common.Address{
		common.HexToAddress("0x00000000000000000000000000000000000000a1"),
		common.HexToAddress("0x00000000000000000000000000000000000000a2"),
		common.HexToAddress("0x00000000000000000000000000000000000000a3"),
	}
	recipients = []common.Address{
		common.HexToAddress("0xabcdef0000000000000000000000000000000001"),
		common.HexToAddress("0xabcdef0000000000000000000000000000000002"),
		common.HexToAddress("0xabcdef0000000000000000000000000000000003"),
		common.HexToAddress("0xabcdef0000000000000000000000000000000004"),
		common.HexToAddress("0xabcdef0000000000000000000000000000000005"),
		common.HexToAddress("0xabcdef0000000000000000000000000000000006"),
	}
	// rows[p] are the recipients (indexes into recipients) of provider p:
	// recipient 2 is in every row, 0, 1, 3 and 5 in two, 4 in one.
	rows = [][]int{{0, 1, 2, 3}, {1, 2, 4, 5}, {0, 2, 3, 5}}
	// stranger is named by no entry.
	stranger = common.HexToAddress("0x2000000000000000000000000000000000000000")
)

// genRound makes a small well-formed v2 round n (recompute.NewRound): 3
// providers of 4 entries each, with recipients shared between rows, one
// residual per recipient.
func genRound(t testing.TB, n uint64) *recompute.Round {
	t.Helper()
	prs := make([]recompute.ProviderRow, len(rows))
	for p, row := range rows {
		entries := make([]recompute.Entry, len(row))
		for j, r := range row {
			entries[j].Recipient = recipients[r]
			entries[j].MR.SetUint64(uint64(3*p+2*j+1) + n)     // rows differ from round to round
			entries[j].Residual.SetUint64(uint64(1000 + 97*r)) // a function of the recipient alone
		}
		prs[p] = recompute.ProviderRow{Provider: providers[p], Row: recompute.NewRow(entries)}
		prs[p].Capacity.SetUint64(1_000_000_007 * uint64(p+1))
	}
	return recompute.NewRound(uint256.NewInt(n), prs)
}

// objectKey names a section 9 object.
type objectKey struct {
	kind recompute.ObjectKind
	key  common.Hash
}

// testRound is a generated round with its honest recomputation, the
// objects a watcher would hold (manifest, rows, the batch's allocations
// objects), the batch's claimed amounts and roots, and the record.
type testRound struct {
	n       uint64
	rd      *recompute.Round
	res     *recompute.Result
	claimed [][]uint256.Int // the batch's amounts, by provider
	roots   []common.Hash   // the batch's providerAllocRoots
	tree    *recompute.Tree // over roots
	objects map[objectKey][]byte
	record  index.Round
}

// newTestRound builds round n with one live batch (attempt 0) whose amounts
// are what tamper makes of the correct ones (nil: the correct ones), with
// the roots of those amounts, as a batch that signed them would carry.
func newTestRound(t testing.TB, n uint64, tamper func([][]uint256.Int)) *testRound {
	t.Helper()
	tr := newTestRoundOf(t, genRound(t, n), tamper)
	if tr.res == nil {
		t.Fatal("the generated round is malformed")
	}
	return tr
}

// newTestRoundOf is newTestRound over rd, which may be malformed: its batch
// then claims zero for every entry.
func newTestRoundOf(t testing.TB, rd *recompute.Round, tamper func([][]uint256.Int)) *testRound {
	t.Helper()
	n := rd.Manifest.Round.Uint64()
	tr := &testRound{n: n, rd: rd, objects: map[objectKey][]byte{}}
	commitment, res := evaluateRound(rd, tr.objects)
	tr.res = res
	for p := range rd.Rows {
		amounts := make([]uint256.Int, rd.Rows[p].Len())
		if res != nil {
			copy(amounts, res.RowAmounts(p))
		}
		tr.claimed = append(tr.claimed, amounts)
	}
	if tamper != nil {
		tamper(tr.claimed)
	}
	for p, hd := range rd.Manifest.Headers {
		root := recompute.ProviderAllocRoot(hd.Provider, rd.Rows[p], tr.claimed[p])
		tr.roots = append(tr.roots, root)
		tr.objects[objectKey{recompute.KindAllocations, root}] = recompute.EncodeAllocations(tr.claimed[p])
	}
	tr.tree = recompute.NewTree(tr.roots)
	tr.record = v2Record(n, commitment, rd, tr.roots, tr.tree.Root())
	if res == nil {
		tr.record.Verdict, tr.record.Judgement.Status = index.VerdictFraud, judge.StatusFraud
		return tr
	}
	if p, wrong := res.FirstWrongProvider(tr.roots); wrong {
		tr.record.Verdict = index.VerdictFraud
		tr.record.Judgement = &judge.Verdict{Round: n, Status: judge.StatusFraud, Rule: judge.RuleBadAllocation, Provider: &p,
			BadAllocation: &judge.BadAllocation{CorrectProviderAllocRoot: res.ProviderAllocRoots[p], ClaimedProviderAllocRoot: tr.roots[p]},
			Reason:        "bad allocation"}
	}
	return tr
}

// evaluateRound stores rd's manifest and rows in objects and evaluates
// them from there, as a watcher does; the result is nil when the round is
// malformed.
func evaluateRound(rd *recompute.Round, objects map[objectKey][]byte) (common.Hash, *recompute.Result) {
	_, _, commitment := rd.Manifest.CommitArgs()
	objects[objectKey{recompute.KindManifest, commitment}] = recompute.EncodeManifest(&rd.Manifest)
	for p, hd := range rd.Manifest.Headers {
		if hd.NeedsRow() {
			objects[objectKey{recompute.KindRow, hd.EntriesRoot}] = rd.Rows[p].Bytes()
		}
	}
	res, v := recompute.EvaluateObjects(commitment, objects[objectKey{recompute.KindManifest, commitment}], &rd.Manifest.Round,
		func(k common.Hash) []byte { return objects[objectKey{recompute.KindRow, k}] }, recompute.Options{Workers: 1})
	if v != nil {
		return commitment, nil
	}
	return commitment, res
}

// v2Record is the v2 watcher's record of a round with one live batch of
// the given roots.
func v2Record(n uint64, commitment common.Hash, rd *recompute.Round, roots []common.Hash, treeRoot common.Hash) index.Round {
	providersRoot, P, _ := rd.Manifest.CommitArgs()
	allocRoot := recompute.AllocationRoot(commitment, treeRoot)
	attempt := uint64(0)
	return index.Round{
		Round: n, Protocol: index.ProtocolV2, Verdict: index.VerdictValid,
		CommitmentRoot: commitment, ProvidersRoot: providersRoot,
		CommitTx:      common.BigToHash(uint256.NewInt(1000 + n).ToBig()),
		CommitBlock:   10 * n,
		ProviderCount: P, EntryCount: int(rd.Manifest.E.Uint64()),
		AllocationRoot: &allocRoot,
		Signers:        []index.Signer{{Index: 0, Address: common.HexToAddress("0x0b"), Stake: "32000000000000000000"}},
		DeadlineBlock:  10*n + 50,
		Batches: []index.Batch{{
			TxHash: common.BigToHash(uint256.NewInt(2000 + n).ToBig()), Block: 10*n + 1,
			AllocationRoot: allocRoot, AllocTreeRoot: treeRoot, SignerBitmap: "0x01",
			DeadlineBlock: 10*n + 50, Status: index.BatchLive,
			Attempt: &attempt, ProviderAllocRoots: roots,
		}},
		Judgement: &judge.Verdict{Round: n, Attempt: &attempt, Status: judge.StatusValid, Reason: "every provider root matches"},
	}
}

// entryOf returns j, the entry of recipient r in provider p's row.
func entryOf(t testing.TB, tr *testRound, p int, r common.Address) int {
	t.Helper()
	for j := range tr.rd.Rows[p].Len() {
		if tr.rd.Rows[p].Entry(j).Recipient == r {
			return j
		}
	}
	t.Fatalf("recipient %s has no entry in provider %d", r, p)
	return 0
}

// setAmount returns a tamper function that claims amount v at entry j of
// provider p.
func setAmount(p, j int, v uint64) func([][]uint256.Int) {
	return func(a [][]uint256.Int) { a[p][j].SetUint64(v) }
}

// get is the round's objects as an api.ObjectGetter, less those withheld.
func (tr *testRound) get(withheld ...objectKey) func(recompute.ObjectKind, common.Hash) ([]byte, bool) {
	return func(kind recompute.ObjectKind, key common.Hash) ([]byte, bool) {
		for _, w := range withheld {
			if w.kind == kind && w.key == key {
				return nil, false
			}
		}
		b, ok := tr.objects[objectKey{kind, key}]
		return b, ok
	}
}
