package watcher

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/trie"

	"github.com/denomwatch/denomwatch/rpcpool"
)

// TestCheckBlock: a block's AVS logs, as eth_getLogs answers them, against
// its receipts and the receipts against the header's receiptsRoot.
func TestCheckBlock(t *testing.T) {
	avs, other := common.HexToAddress("0xa5"), common.HexToAddress("0x07")
	tx := common.HexToHash("0x7")
	mk := func(addr common.Address, topic common.Hash, data byte, index uint) *types.Log {
		return &types.Log{Address: addr, Topics: []common.Hash{topic, common.BigToHash(big.NewInt(2))}, Data: []byte{data}, TxHash: tx, Index: index, BlockNumber: 9}
	}
	receipts := func() []*types.Receipt {
		return []*types.Receipt{{Status: 1, CumulativeGasUsed: 21000, Logs: []*types.Log{
			mk(avs, topics[0], 1, 0), mk(other, topics[0], 2, 1), mk(avs, common.HexToHash("0xdead"), 3, 2), mk(avs, topics[1], 4, 3),
		}}}
	}
	hdr := &types.Header{Number: big.NewInt(9), ReceiptHash: types.DeriveSha(types.Receipts(receipts()), trie.NewStackTrie(nil))}
	honest := func() []types.Log { rs := receipts(); return []types.Log{*rs[0].Logs[0], *rs[0].Logs[3]} }
	w := &Watcher{cfg: Config{AVS: avs}}
	tests := []struct {
		name     string
		receipts func() []*types.Receipt
		logs     func() []types.Log
		kind     rpcpool.LieKind // "" for none
	}{
		{"truthful (other emitters and events ignored)", receipts, honest, ""},
		{"a log left out", receipts, func() []types.Log { return honest()[:1] }, rpcpool.LieLogs},
		{"a log added", receipts, func() []types.Log { l := honest(); return append(l, l[1]) }, rpcpool.LieLogs},
		{"a log's data doctored", receipts, func() []types.Log { l := honest(); l[1].Data = []byte{5}; return l }, rpcpool.LieLogs},
		{"a log moved", receipts, func() []types.Log { l := honest(); l[1].Index = 9; return l }, rpcpool.LieLogs},
		{"a receipt doctored to match a doctored log", func() []*types.Receipt { rs := receipts(); rs[0].Logs[3].Data = []byte{5}; return rs },
			func() []types.Log { l := honest(); l[1].Data = []byte{5}; return l }, rpcpool.LieReceipts},
		{"a log left out of the receipts too", func() []*types.Receipt { rs := receipts(); rs[0].Logs = rs[0].Logs[:3]; return rs },
			func() []types.Log { return honest()[:1] }, rpcpool.LieReceipts},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := w.checkBlock(hdr, tt.receipts(), tt.logs())
			var l *rpcpool.Lie
			switch {
			case tt.kind == "" && err != nil:
				t.Fatalf("a truthful block: %v", err)
			case tt.kind != "" && (!errors.As(err, &l) || l.Kind != tt.kind || l.Block != 9 || !errors.Is(err, rpcpool.ErrLying)):
				t.Fatalf("want a %s lie, got %v", tt.kind, err)
			}
		})
	}
}
