package watcher

import (
	"context"
	"errors"
	"math/big"
	"sync/atomic"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// Chain is what the watcher needs from a node: the head, headers and the
// AVS's logs. Every fact of a round is in its events (PROTOCOL.md section
// 8), so the watcher reads no transaction input and no contract state; the
// blocks' receipts are read only to verify the logs against the headers
// (verify.go). ethclient.Client, rpcpool.Pool (several endpoints
// with failover) and the simulated chain's client implement it.
type Chain interface {
	ethereum.BlockNumberReader
	ethereum.LogFilterer
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// headSubscriber is the optional chain capability of new-head notifications
// (ethclient over WebSocket or IPC; over HTTP it fails with
// rpc.ErrNotificationsUnsupported). New probes it once.
type headSubscriber interface {
	SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error)
}

// rawCaller makes raw JSON-RPC calls: *rpc.Client, or a pool of endpoints
// (rpcpool.Pool) that fails over.
type rawCaller interface {
	CallContext(ctx context.Context, result any, method string, args ...any) error
}

// rpcClient is the optional chain capability of raw JSON-RPC calls
// (ethclient.Client, and the simulated client's concrete type).
type rpcClient interface {
	Client() *rpc.Client
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
	caller  rawCaller // nil: the chain has no raw caller
	missing atomic.Bool
	served  atomic.Bool // it answered once
}

// call calls method. served is false when the chain has no raw caller or
// the node lacks the method: the caller then uses the standard call.
func (m *optionalRPC) call(ctx context.Context, result any, method string, args ...any) (served bool, err error) {
	if m.caller == nil || m.missing.Load() {
		return false, nil
	}
	err = m.caller.CallContext(ctx, result, method, args...)
	if isMethodNotFound(err) || (!m.served.Load() && isInvalidParams(err)) {
		m.missing.Store(true)
		return false, nil
	}
	if err == nil {
		m.served.Store(true)
	}
	return true, err
}

// JSON-RPC error codes (JSON-RPC 2.0 section 5.1).
const (
	rpcMethodNotFound = -32601
	rpcInvalidParams  = -32602
)

// isMethodNotFound reports a JSON-RPC "method not found" error.
func isMethodNotFound(err error) bool {
	var e rpc.Error
	return errors.As(err, &e) && e.ErrorCode() == rpcMethodNotFound
}

// isInvalidParams reports a JSON-RPC "invalid params" error: what anvil
// answers over WebSocket for a method it does not know (its WebSocket
// transport parses a message into an enum of known calls, and an unknown
// one fails as invalid params; over HTTP it says method not found). The
// watcher's arguments are valid, so a method that never answered and
// fails so is taken as missing; one that answered before keeps its error.
func isInvalidParams(err error) bool {
	var e rpc.Error
	return errors.As(err, &e) && e.ErrorCode() == rpcInvalidParams
}

// headerSource reads block headers, by eth_getHeaderByNumber when the node
// serves it (geth does): eth_getBlockByNumber, which ethclient uses, hashes
// every transaction of the block.
type headerSource struct {
	chain  Chain
	header optionalRPC // eth_getHeaderByNumber
}

func newHeaderSource(chain Chain) *headerSource {
	return &headerSource{chain: chain, header: optionalRPC{caller: rawRPC(chain)}}
}

func (s *headerSource) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	var h *types.Header
	if served, err := s.header.call(ctx, &h, "eth_getHeaderByNumber", hexutil.EncodeBig(number)); served {
		if err == nil && h == nil {
			err = ethereum.NotFound
		}
		return h, err
	}
	return s.chain.HeaderByNumber(ctx, number)
}
