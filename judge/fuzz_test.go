package judge

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/recompute"
)

// fuzzRound is the round the fuzz target feeds objects to.
var fuzzRound = wellFormed(4, 3).build(9)

// FuzzHoldings feeds arbitrary bytes to every way into Holdings, in an
// arbitrary order (ops: one byte per call, the call in op%6 and its index in
// op/6): no input may panic, every refusal is a classified error, and Judge
// then decides without an error.
func FuzzHoldings(f *testing.F) {
	fr := fuzzRound
	amounts, _ := fr.wrongAmounts(f, 1, 0)
	for _, seed := range [][]byte{
		nil, {1, 2, 3}, fr.manifestBytes(), fr.rows[1].Bytes(), fr.rows[0].Bytes(),
		recompute.EncodeAllocations(amounts), append(fr.rows[2].Bytes(), 0), make([]byte, 160),
	} {
		f.Add([]byte{0, 1, 7, 2, 3, 4}, seed)
		f.Add([]byte{5, 1, 7, 13, 8, 3, 4, 10}, seed)
		f.Add([]byte{4, 3, 9, 5, 2}, seed)
	}
	f.Fuzz(func(t *testing.T, ops, data []byte) {
		h, err := NewHoldings(fr.round, fr.c)
		if err != nil {
			t.Fatal(err)
		}
		for _, op := range ops[:min(len(ops), 12)] {
			if err := fuzzOp(h, int(op%6), int(op/6), data); err != nil && !classified(err) {
				t.Fatalf("op %d: unclassified refusal %v", op, err)
			}
		}
		roots := make([]common.Hash, 4)
		for _, b := range []*Batch{nil, fr.batch(0, roots)} {
			if _, _, err := Judge(fr.facts(h, b), recompute.Options{}); err != nil {
				t.Fatalf("Judge on verified holdings: %v", err)
			}
		}
	})
}

// fuzzOp makes one call into h with data, or with the round's own objects
// where data does not decode as what the call takes.
func fuzzOp(h *Holdings, call, index int, data []byte) error {
	fr := fuzzRound
	switch call {
	case 0:
		return h.AddManifest(data)
	case 1:
		keys := []common.Hash{fr.m.Headers[index%4].EntriesRoot, crypto.Keccak256Hash(data), {}}
		_, err := h.AddRow(keys[index%3], data)
		return err
	case 2:
		return h.AddAllocations(index%5, crypto.Keccak256Hash(data), data)
	case 3:
		hd, entries := fr.m.Headers[index%4], fr.rows[index%4].Entries()
		if m, err := recompute.DecodeManifest(data); err == nil && len(m.Headers) > 0 {
			hd = m.Headers[0]
		}
		if row, err := recompute.DecodeRow(data); err == nil {
			entries = row.Entries()
		}
		return h.RowRevealed(index%5, hd, entries)
	case 4:
		headers := fr.m.Headers
		if m, err := recompute.DecodeManifest(data); err == nil {
			headers = m.Headers
		}
		return h.ManifestRevealed(index%3, headers)
	default:
		return h.AddManifest(fr.manifestBytes())
	}
}
