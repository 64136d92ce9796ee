package watcher

import (
	"context"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/contracts/bindings"
)

// oneTx is a TxReader holding one transaction: the input decoder's fuzz
// targets feed it arbitrary calldata.
type oneTx struct{ tx *types.Transaction }

func (o oneTx) TransactionInBlock(context.Context, common.Hash, uint) (*types.Transaction, error) {
	return o.tx, nil
}

var fuzzAVS = common.HexToAddress("0x00000000000000000000000000000000000a0a05")

// FuzzCalldataInput: any transaction input is decoded or refused as
// unavailable (with a reason), never a panic, and decoded data is exactly
// what the call carried.
func FuzzCalldataInput(f *testing.F) {
	abi := contracts.ABI()
	f.Add(abi.PackCommitRound(big.NewInt(1), [32]byte{1}, []byte{1, 2, 3}))
	f.Add(abi.PackSubmitAllocationBatch(big.NewInt(2), [32]byte{2}, make([]byte, 64), big.NewInt(7),
		bindings.BN254G2Point{X: [2]*big.Int{new(big.Int), new(big.Int)}, Y: [2]*big.Int{new(big.Int), new(big.Int)}},
		bindings.BN254G1Point{X: new(big.Int), Y: new(big.Int)}, nil))
	f.Add([]byte{0xde, 0xad, 0xbe, 0xef})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		tx := types.NewTx(&types.DynamicFeeTx{To: &fuzzAVS, Data: data, Gas: 1})
		log := types.Log{TxHash: tx.Hash()}
		s := &CalldataSource{Chain: oneTx{tx}, AVS: fuzzAVS}
		if d, err := s.CommitmentData(context.Background(), log); err != nil {
			if !errors.Is(err, ErrUnavailable) {
				t.Fatalf("commitment data: an error that is not 'unavailable': %v", err)
			}
		} else if d == nil {
			t.Fatal("commitment data: nil data without an error")
		}
		if in, err := s.BatchInput(context.Background(), log); err != nil {
			if !errors.Is(err, ErrUnavailable) {
				t.Fatalf("batch input: an error that is not 'unavailable': %v", err)
			}
		} else if in.SignerBitmap == nil {
			t.Fatal("batch input: no signer bitmap")
		}
	})
}

// FuzzLogData: an AVS log with any topics and data is processed or refused
// with an error, never a panic.
func FuzzLogData(f *testing.F) {
	for i := range topics {
		f.Add(i, []byte{}, uint64(1))
		f.Add(i, make([]byte, 96), uint64(2))
	}
	f.Add(0, common.LeftPadBytes(big.NewInt(1).Bytes(), 32), uint64(1<<63))
	store, err := index.Open(index.Options{InMemory: true}) // read only: processBlock writes nothing
	if err != nil {
		f.Fatal(err)
	}
	defer store.Close()
	f.Fuzz(func(t *testing.T, which int, data []byte, indexed uint64) {
		if which < 0 {
			which = -which
		}
		p := &processor{store: store, data: &CalldataSource{Chain: oneTx{types.NewTx(&types.LegacyTx{})}, AVS: fuzzAVS}, observer: nopObserver{}}
		l := types.Log{Address: fuzzAVS, BlockNumber: 3, Data: data,
			Topics: []common.Hash{topics[which%len(topics)], common.BigToHash(new(big.Int).SetUint64(indexed)), crypto.Keccak256Hash(data)}}
		_, _ = p.processBlock(context.Background(), 3, common.Hash{3}, common.Hash{2}, []types.Log{l})
	})
}
