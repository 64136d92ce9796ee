package watcher

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync/atomic"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/denomwatch/denomwatch/internal/v1/contracts"
)

// ErrUnavailable is wrapped when a round's data cannot be obtained; the
// message is the reason recorded in the verdict.
var ErrUnavailable = errors.New("data unavailable")

// BatchInput is what a batch's transaction carries besides the on-chain root.
type BatchInput struct {
	AllocTreeRoot  common.Hash
	AllocationData []byte
	SignerBitmap   *big.Int
}

// DataSource obtains the data a round's logs commit to. Protocol v1 publishes
// it in calldata (CalldataSource); a later version adds off-chain publication.
type DataSource interface {
	CommitmentData(ctx context.Context, log types.Log) ([]byte, error)
	BatchInput(ctx context.Context, log types.Log) (*BatchInput, error)
}

// TxReader is what CalldataSource needs from the chain.
type TxReader interface {
	TransactionInBlock(ctx context.Context, blockHash common.Hash, index uint) (*types.Transaction, error)
}

// CalldataSource reads the data from the input of the transaction that
// emitted the log, pinned to the log's block hash. When the AVS was called
// through another contract (a multisig, say), the transaction's input is not
// the AVS call: the data is reported unavailable with that reason rather
// than guessed.
type CalldataSource struct {
	Chain TxReader
	AVS   common.Address

	rawTx optionalRPC // eth_getRawTransactionByBlockHashAndIndex
}

// rpcClient is the optional chain capability of raw JSON-RPC calls
// (ethclient.Client, and the simulated client's concrete type).
type rpcClient interface {
	Client() *rpc.Client
}

// rawCaller makes raw JSON-RPC calls: *rpc.Client, or a pool of endpoints
// (rpcpool.Pool) that fails over.
type rawCaller interface {
	CallContext(ctx context.Context, result any, method string, args ...any) error
}

// rawRPC returns chain's raw JSON-RPC caller, or nil when it has none.
func rawRPC(chain any) rawCaller {
	if c, ok := chain.(rawCaller); ok {
		return c
	}
	if c, ok := chain.(rpcClient); ok {
		return c.Client()
	}
	return nil
}

// optionalRPC is a JSON-RPC method not every node serves (geth's
// eth_getHeaderByNumber, say): it is called while the node answers it, and
// never again once the node says it has no such method.
type optionalRPC struct {
	missing atomic.Bool
}

// call calls method on chain's raw JSON-RPC caller. served is false when the
// chain has no raw caller or the node lacks the method: the caller then uses
// the standard call instead.
func (m *optionalRPC) call(ctx context.Context, chain any, result any, method string, args ...any) (served bool, err error) {
	c := rawRPC(chain)
	if c == nil || m.missing.Load() {
		return false, nil
	}
	err = c.CallContext(ctx, result, method, args...)
	if isMethodNotFound(err) {
		m.missing.Store(true)
		return false, nil
	}
	return true, err
}

// isMethodNotFound reports a JSON-RPC "method not found" error.
func isMethodNotFound(err error) bool {
	var e rpc.Error
	return errors.As(err, &e) && e.ErrorCode() == -32601
}

// transaction reads the transaction at index of the block with blockHash.
// It asks for the raw transaction when the node serves it: the node then
// neither recovers the sender nor builds a JSON object around the input,
// which for a round's data (tens of KB) is most of the cost of a read.
func (s *CalldataSource) transaction(ctx context.Context, blockHash common.Hash, index uint) (*types.Transaction, error) {
	var raw hexutil.Bytes
	if served, err := s.rawTx.call(ctx, s.Chain, &raw, "eth_getRawTransactionByBlockHashAndIndex", blockHash, hexutil.Uint(index)); served {
		switch {
		case err != nil:
			return nil, err
		case len(raw) == 0:
			return nil, ethereum.NotFound
		}
		tx := new(types.Transaction)
		if err := tx.UnmarshalBinary(raw); err != nil {
			return nil, fmt.Errorf("the node's raw transaction does not decode: %w", err)
		}
		return tx, nil
	}
	return s.Chain.TransactionInBlock(ctx, blockHash, index)
}

// input returns the AVS call's arguments from log's transaction.
func (s *CalldataSource) input(ctx context.Context, log types.Log, method string) ([]any, error) {
	// By block hash and position: the read is pinned to the log's block.
	tx, err := s.transaction(ctx, log.BlockHash, log.TxIndex)
	if err != nil {
		return nil, fmt.Errorf("transaction %d of block %s: %w", log.TxIndex, log.BlockHash, err)
	}
	if tx.Hash() != log.TxHash {
		return nil, fmt.Errorf("transaction %d of block %s is %s, not the log's %s", log.TxIndex, log.BlockHash, tx.Hash(), log.TxHash)
	}
	m := contracts.ABI().GetABI().Methods[method]
	if tx.To() == nil || *tx.To() != s.AVS {
		return nil, fmt.Errorf("%w: transaction %s calls %v, not the AVS: the AVS was called through another contract, whose input is not the %s call", ErrUnavailable, log.TxHash, tx.To(), method)
	}
	data := tx.Data()
	if len(data) < 4 || !bytes.Equal(data[:4], m.ID) {
		return nil, fmt.Errorf("%w: transaction %s is not a %s call", ErrUnavailable, log.TxHash, method)
	}
	args, err := m.Inputs.Unpack(data[4:])
	if err != nil {
		return nil, fmt.Errorf("%w: transaction %s: %s arguments do not decode: %v", ErrUnavailable, log.TxHash, method, err)
	}
	return args, nil
}

// CommitmentData returns the data argument of the commitRound call.
func (s *CalldataSource) CommitmentData(ctx context.Context, log types.Log) ([]byte, error) {
	args, err := s.input(ctx, log, "commitRound")
	if err != nil {
		return nil, err
	}
	return args[2].([]byte), nil
}

// BatchInput returns the submitAllocationBatch call's tree root, data and signers.
func (s *CalldataSource) BatchInput(ctx context.Context, log types.Log) (*BatchInput, error) {
	args, err := s.input(ctx, log, "submitAllocationBatch")
	if err != nil {
		return nil, err
	}
	return &BatchInput{
		AllocTreeRoot:  args[1].([32]byte),
		AllocationData: args[2].([]byte),
		SignerBitmap:   args[3].(*big.Int),
	}, nil
}
