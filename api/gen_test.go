package api_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
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

// genCommitments makes a small valid round n: 3 providers of 4 entries
// each, with recipients shared between rows, one residual per recipient.
func genCommitments(t testing.TB, n uint64) *recompute.Commitments {
	t.Helper()
	c := &recompute.Commitments{}
	c.Round.SetUint64(n)
	for p, row := range rows {
		prov := recompute.Provider{Address: providers[p]}
		prov.Capacity.SetUint64(1_000_000_007 * uint64(p+1))
		for j, r := range row {
			var e recompute.Entry
			e.Recipient = recipients[r]
			e.MR.SetUint64(uint64(3*p + 2*j + 1))
			e.Residual.SetUint64(uint64(1000 + 97*r)) // a function of the recipient alone
			prov.Entries = append(prov.Entries, e)
		}
		c.Providers = append(c.Providers, prov)
	}
	if err := c.Validate(uint256.NewInt(n)); err != nil {
		t.Fatalf("generated round is not valid: %v", err)
	}
	return c
}

// testRound is a generated round with its recomputation, stored data and
// record.
type testRound struct {
	n           uint64
	c           *recompute.Commitments
	res         *recompute.Result
	commitments []byte // encoded commitment data
	published   []byte // the latest batch's data
	tree        *recompute.Tree
	record      index.Round
}

// newTestRound builds round n whose one batch publishes the data that
// tamper makes of the correct data (nil: the correct data), with the roots
// of that data, as a batch that signed it would carry.
func newTestRound(t testing.TB, n uint64, tamper func([]byte) []byte) *testRound {
	t.Helper()
	c := genCommitments(t, n)
	res, err := recompute.Compute(c, recompute.Options{})
	if err != nil {
		t.Fatal(err)
	}
	published := append([]byte(nil), res.AllocationData...)
	if tamper != nil {
		published = tamper(published)
	}
	tree, err := recompute.AllocTreeFromData(published, 1)
	if err != nil {
		t.Fatal(err)
	}
	dataHash := recompute.DataHash(published)
	allocRoot := recompute.AllocationRoot(res.CommitmentRoot, tree.Root(), dataHash)
	verdict := index.VerdictValid
	if tamper != nil {
		verdict = index.VerdictFraud
	}
	rec := index.Round{
		Round:          n,
		Verdict:        verdict,
		CommitmentRoot: res.CommitmentRoot,
		CommitTx:       common.BigToHash(uint256.NewInt(1000 + n).ToBig()),
		CommitBlock:    10 * n,
		ProviderCount:  res.ProviderCount,
		EntryCount:     res.EntryCount,
		AllocationRoot: &allocRoot,
		Signers:        []index.Signer{{Index: 0, Address: common.HexToAddress("0x0b"), Stake: "32000000000000000000"}},
		DeadlineBlock:  10*n + 50,
		Batches: []index.Batch{{
			TxHash:         common.BigToHash(uint256.NewInt(2000 + n).ToBig()),
			Block:          10*n + 1,
			AllocationRoot: allocRoot,
			AllocTreeRoot:  tree.Root(),
			DataHash:       dataHash,
			SignerBitmap:   "0x01",
			DeadlineBlock:  10*n + 50,
			Status:         index.BatchLive,
			DataAvailable:  true,
		}},
	}
	if tamper != nil {
		correct := res.AllocationRoot
		rec.CorrectAllocationRoot = &correct
	}
	return &testRound{
		n: n, c: c, res: res, commitments: recompute.Encode(c),
		published: published, tree: tree, record: rec,
	}
}

// entryIndex returns the global index of recipient r's entry in provider
// p's row.
func entryIndex(t testing.TB, tr *testRound, p int, r common.Address) int {
	t.Helper()
	for j, e := range tr.c.Providers[p].Entries {
		if e.Recipient == r {
			return tr.res.Offsets[p] + j
		}
	}
	t.Fatalf("recipient %s has no entry in provider %d", r, p)
	return 0
}

// setAmount returns a tamper function that publishes amount v at index k.
func setAmount(k int, v uint64) func([]byte) []byte {
	return func(d []byte) []byte {
		uint256.NewInt(v).PutUint256(d[32*k : 32*(k+1)])
		return d
	}
}
