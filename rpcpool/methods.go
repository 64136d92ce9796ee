package rpcpool

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// The interfaces the pool implements, as ethclient does.
var (
	_ ethereum.ChainReader           = (*Pool)(nil)
	_ ethereum.ChainStateReader      = (*Pool)(nil)
	_ ethereum.ContractCaller        = (*Pool)(nil)
	_ ethereum.LogFilterer           = (*Pool)(nil)
	_ ethereum.TransactionReader     = (*Pool)(nil)
	_ ethereum.TransactionSender     = (*Pool)(nil)
	_ ethereum.GasEstimator          = (*Pool)(nil)
	_ ethereum.GasPricer             = (*Pool)(nil)
	_ ethereum.GasPricer1559         = (*Pool)(nil)
	_ ethereum.FeeHistoryReader      = (*Pool)(nil)
	_ ethereum.BlockNumberReader     = (*Pool)(nil)
	_ ethereum.ChainIDReader         = (*Pool)(nil)
	_ ethereum.PendingStateReader    = (*Pool)(nil)
	_ ethereum.PendingContractCaller = (*Pool)(nil)
	_ bind.Backend                   = (*Pool)(nil)
	_ bind.BlockHashContractCaller   = (*Pool)(nil)
)

// call runs f with failover and returns its result.
func call[T any](p *Pool, ctx context.Context, method string, f func(context.Context, *ethclient.Client) (T, error)) (T, error) {
	var out T
	err := p.do(ctx, method, false, func(ctx context.Context, c *ethclient.Client) error {
		v, err := f(ctx, c)
		out = v
		return err
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return out, nil
}

// CallContext performs a raw JSON-RPC call with failover; result is
// decoded from the answer of the endpoint that gave one (see
// rpc.Client.CallContext).
func (p *Pool) CallContext(ctx context.Context, result any, method string, args ...any) error {
	return p.do(ctx, method, false, func(ctx context.Context, c *ethclient.Client) error {
		return c.Client().CallContext(ctx, result, method, args...)
	})
}

// BatchCallContext sends a batch of raw JSON-RPC calls with failover: the
// batch as a whole moves to the next endpoint after a transport failure;
// each call's JSON-RPC error is in its element (see rpc.Client.BatchCallContext).
func (p *Pool) BatchCallContext(ctx context.Context, b []rpc.BatchElem) error {
	return p.do(ctx, "batch", false, func(ctx context.Context, c *ethclient.Client) error {
		for i := range b {
			b[i].Error = nil
		}
		return c.Client().BatchCallContext(ctx, b)
	})
}

// ChainID returns the chain every endpoint was checked to serve (no call).
func (p *Pool) ChainID(ctx context.Context) (*big.Int, error) {
	if ctx == nil {
		return nil, fmt.Errorf("eth_chainId: %w: nil context", ErrInvalidArgument)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return new(big.Int).Set(p.chainID), nil
}

// BlockNumber returns the number of the most recent block.
func (p *Pool) BlockNumber(ctx context.Context) (uint64, error) {
	return call(p, ctx, "eth_blockNumber", func(ctx context.Context, c *ethclient.Client) (uint64, error) {
		return c.BlockNumber(ctx)
	})
}

// BlockByHash returns the block with the given hash.
func (p *Pool) BlockByHash(ctx context.Context, hash common.Hash) (*types.Block, error) {
	return call(p, ctx, "eth_getBlockByHash", func(ctx context.Context, c *ethclient.Client) (*types.Block, error) {
		return c.BlockByHash(ctx, hash)
	})
}

// BlockByNumber returns a block of the canonical chain (the latest for nil).
func (p *Pool) BlockByNumber(ctx context.Context, number *big.Int) (*types.Block, error) {
	return call(p, ctx, "eth_getBlockByNumber", func(ctx context.Context, c *ethclient.Client) (*types.Block, error) {
		return c.BlockByNumber(ctx, number)
	})
}

// HeaderByHash returns the header of the block with the given hash.
func (p *Pool) HeaderByHash(ctx context.Context, hash common.Hash) (*types.Header, error) {
	return call(p, ctx, "eth_getBlockByHash", func(ctx context.Context, c *ethclient.Client) (*types.Header, error) {
		return c.HeaderByHash(ctx, hash)
	})
}

// HeaderByNumber returns a header of the canonical chain (the latest for nil).
func (p *Pool) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	return call(p, ctx, "eth_getBlockByNumber", func(ctx context.Context, c *ethclient.Client) (*types.Header, error) {
		return c.HeaderByNumber(ctx, number)
	})
}

// TransactionCount returns the number of transactions in the block.
func (p *Pool) TransactionCount(ctx context.Context, blockHash common.Hash) (uint, error) {
	return call(p, ctx, "eth_getBlockTransactionCountByHash", func(ctx context.Context, c *ethclient.Client) (uint, error) {
		return c.TransactionCount(ctx, blockHash)
	})
}

// TransactionInBlock returns the transaction at index in the block.
func (p *Pool) TransactionInBlock(ctx context.Context, blockHash common.Hash, index uint) (*types.Transaction, error) {
	return call(p, ctx, "eth_getTransactionByBlockHashAndIndex", func(ctx context.Context, c *ethclient.Client) (*types.Transaction, error) {
		return c.TransactionInBlock(ctx, blockHash, index)
	})
}

// TransactionByHash returns the transaction with the given hash.
func (p *Pool) TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error) {
	type txPending struct {
		tx      *types.Transaction
		pending bool
	}
	r, err := call(p, ctx, "eth_getTransactionByHash", func(ctx context.Context, c *ethclient.Client) (txPending, error) {
		tx, pending, err := c.TransactionByHash(ctx, hash)
		return txPending{tx, pending}, err
	})
	return r.tx, r.pending, err
}

// TransactionReceipt returns the receipt of a mined transaction
// (ethereum.NotFound while it is pending).
func (p *Pool) TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error) {
	return call(p, ctx, "eth_getTransactionReceipt", func(ctx context.Context, c *ethclient.Client) (*types.Receipt, error) {
		return c.TransactionReceipt(ctx, txHash)
	})
}

// BalanceAt returns the balance of account at a block (the latest for nil).
func (p *Pool) BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error) {
	return call(p, ctx, "eth_getBalance", func(ctx context.Context, c *ethclient.Client) (*big.Int, error) {
		return c.BalanceAt(ctx, account, blockNumber)
	})
}

// StorageAt returns a storage slot of account at a block.
func (p *Pool) StorageAt(ctx context.Context, account common.Address, key common.Hash, blockNumber *big.Int) ([]byte, error) {
	return call(p, ctx, "eth_getStorageAt", func(ctx context.Context, c *ethclient.Client) ([]byte, error) {
		return c.StorageAt(ctx, account, key, blockNumber)
	})
}

// CodeAt returns the code of account at a block.
func (p *Pool) CodeAt(ctx context.Context, account common.Address, blockNumber *big.Int) ([]byte, error) {
	return call(p, ctx, "eth_getCode", func(ctx context.Context, c *ethclient.Client) ([]byte, error) {
		return c.CodeAt(ctx, account, blockNumber)
	})
}

// CodeAtHash returns the code of account at the block with the given hash.
func (p *Pool) CodeAtHash(ctx context.Context, account common.Address, blockHash common.Hash) ([]byte, error) {
	return call(p, ctx, "eth_getCode", func(ctx context.Context, c *ethclient.Client) ([]byte, error) {
		return c.CodeAtHash(ctx, account, blockHash)
	})
}

// NonceAt returns the nonce of account at a block.
func (p *Pool) NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error) {
	return call(p, ctx, "eth_getTransactionCount", func(ctx context.Context, c *ethclient.Client) (uint64, error) {
		return c.NonceAt(ctx, account, blockNumber)
	})
}

// CallContract executes a call at a block (the latest for nil); a revert
// is the node's JSON-RPC error, returned as is.
func (p *Pool) CallContract(ctx context.Context, msg ethereum.CallMsg, blockNumber *big.Int) ([]byte, error) {
	return call(p, ctx, "eth_call", func(ctx context.Context, c *ethclient.Client) ([]byte, error) {
		return c.CallContract(ctx, msg, blockNumber)
	})
}

// CallContractAtHash executes a call at the block with the given hash.
func (p *Pool) CallContractAtHash(ctx context.Context, msg ethereum.CallMsg, blockHash common.Hash) ([]byte, error) {
	return call(p, ctx, "eth_call", func(ctx context.Context, c *ethclient.Client) ([]byte, error) {
		return c.CallContractAtHash(ctx, msg, blockHash)
	})
}

// PendingCallContract executes a call on the pending state.
func (p *Pool) PendingCallContract(ctx context.Context, msg ethereum.CallMsg) ([]byte, error) {
	return call(p, ctx, "eth_call", func(ctx context.Context, c *ethclient.Client) ([]byte, error) {
		return c.PendingCallContract(ctx, msg)
	})
}

// FilterLogs returns the logs matching q; a refused range is the node's
// JSON-RPC error, returned as is.
func (p *Pool) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	return call(p, ctx, "eth_getLogs", func(ctx context.Context, c *ethclient.Client) ([]types.Log, error) {
		return c.FilterLogs(ctx, q)
	})
}

// SendTransaction submits a signed transaction. After a transport failure
// it is sent again to the next endpoint: the first may have received it,
// so the next may answer "already known" (or "nonce too low" once it is
// mined), which the caller should read as sent.
func (p *Pool) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if tx == nil {
		return fmt.Errorf("eth_sendRawTransaction: %w: nil transaction", ErrInvalidArgument)
	}
	return p.do(ctx, "eth_sendRawTransaction", false, func(ctx context.Context, c *ethclient.Client) error {
		return c.SendTransaction(ctx, tx)
	})
}

// EstimateGas estimates the gas of a call on the pending state.
func (p *Pool) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	return call(p, ctx, "eth_estimateGas", func(ctx context.Context, c *ethclient.Client) (uint64, error) {
		return c.EstimateGas(ctx, msg)
	})
}

// SuggestGasPrice returns the node's gas price suggestion.
func (p *Pool) SuggestGasPrice(ctx context.Context) (*big.Int, error) {
	return call(p, ctx, "eth_gasPrice", func(ctx context.Context, c *ethclient.Client) (*big.Int, error) {
		return c.SuggestGasPrice(ctx)
	})
}

// SuggestGasTipCap returns the node's priority fee suggestion.
func (p *Pool) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	return call(p, ctx, "eth_maxPriorityFeePerGas", func(ctx context.Context, c *ethclient.Client) (*big.Int, error) {
		return c.SuggestGasTipCap(ctx)
	})
}

// FeeHistory returns the fee market history.
func (p *Pool) FeeHistory(ctx context.Context, blockCount uint64, lastBlock *big.Int, rewardPercentiles []float64) (*ethereum.FeeHistory, error) {
	return call(p, ctx, "eth_feeHistory", func(ctx context.Context, c *ethclient.Client) (*ethereum.FeeHistory, error) {
		return c.FeeHistory(ctx, blockCount, lastBlock, rewardPercentiles)
	})
}

// PendingBalanceAt returns the balance of account in the pending state.
func (p *Pool) PendingBalanceAt(ctx context.Context, account common.Address) (*big.Int, error) {
	return call(p, ctx, "eth_getBalance", func(ctx context.Context, c *ethclient.Client) (*big.Int, error) {
		return c.PendingBalanceAt(ctx, account)
	})
}

// PendingStorageAt returns a storage slot of account in the pending state.
func (p *Pool) PendingStorageAt(ctx context.Context, account common.Address, key common.Hash) ([]byte, error) {
	return call(p, ctx, "eth_getStorageAt", func(ctx context.Context, c *ethclient.Client) ([]byte, error) {
		return c.PendingStorageAt(ctx, account, key)
	})
}

// PendingCodeAt returns the code of account in the pending state.
func (p *Pool) PendingCodeAt(ctx context.Context, account common.Address) ([]byte, error) {
	return call(p, ctx, "eth_getCode", func(ctx context.Context, c *ethclient.Client) ([]byte, error) {
		return c.PendingCodeAt(ctx, account)
	})
}

// PendingNonceAt returns the nonce of account in the pending state. Two
// endpoints' mempools may differ: a caller managing nonces should keep its
// own count and use this only to start it.
func (p *Pool) PendingNonceAt(ctx context.Context, account common.Address) (uint64, error) {
	return call(p, ctx, "eth_getTransactionCount", func(ctx context.Context, c *ethclient.Client) (uint64, error) {
		return c.PendingNonceAt(ctx, account)
	})
}

// PendingTransactionCount returns the number of transactions in the pending block.
func (p *Pool) PendingTransactionCount(ctx context.Context) (uint, error) {
	return call(p, ctx, "eth_getBlockTransactionCountByNumber", func(ctx context.Context, c *ethclient.Client) (uint, error) {
		return c.PendingTransactionCount(ctx)
	})
}

// SyncProgress returns the node's sync progress (eth_syncing), nil when it
// is not syncing.
func (p *Pool) SyncProgress(ctx context.Context) (*ethereum.SyncProgress, error) {
	return call(p, ctx, "eth_syncing", func(ctx context.Context, c *ethclient.Client) (*ethereum.SyncProgress, error) {
		return c.SyncProgress(ctx)
	})
}

// subscribe opens a subscription on the preferred endpoint when it is a
// WebSocket one (failing over to the next WebSocket endpoints); when the
// preferred endpoint is HTTP, it returns rpc.ErrNotificationsUnsupported
// and the caller polls. A subscription stays on its endpoint: when that
// endpoint fails, its Err channel reports it and the caller subscribes again.
func (p *Pool) subscribe(ctx context.Context, method string, f func(context.Context, *ethclient.Client) (ethereum.Subscription, error)) (ethereum.Subscription, error) {
	if order := p.order(false); len(order) == 0 || !order[0].ws {
		return nil, rpc.ErrNotificationsUnsupported
	}
	var sub ethereum.Subscription
	err := p.do(ctx, method, true, func(ctx context.Context, c *ethclient.Client) error {
		s, err := f(ctx, c)
		sub = s
		return err
	})
	if err != nil {
		return nil, err
	}
	return sub, nil
}

// SubscribeNewHead subscribes to new heads (see subscribe).
func (p *Pool) SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error) {
	if ch == nil {
		return nil, fmt.Errorf("eth_subscribe newHeads: %w: nil channel", ErrInvalidArgument)
	}
	return p.subscribe(ctx, "eth_subscribe newHeads", func(ctx context.Context, c *ethclient.Client) (ethereum.Subscription, error) {
		return c.SubscribeNewHead(ctx, ch)
	})
}

// SubscribeFilterLogs subscribes to logs matching q (see subscribe).
func (p *Pool) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	if ch == nil {
		return nil, fmt.Errorf("eth_subscribe logs: %w: nil channel", ErrInvalidArgument)
	}
	return p.subscribe(ctx, "eth_subscribe logs", func(ctx context.Context, c *ethclient.Client) (ethereum.Subscription, error) {
		return c.SubscribeFilterLogs(ctx, q, ch)
	})
}

// SubscribeTransactionReceipts subscribes to receipts (see subscribe).
func (p *Pool) SubscribeTransactionReceipts(ctx context.Context, q *ethereum.TransactionReceiptsQuery, ch chan<- []*types.Receipt) (ethereum.Subscription, error) {
	if ch == nil {
		return nil, fmt.Errorf("eth_subscribe transactionReceipts: %w: nil channel", ErrInvalidArgument)
	}
	return p.subscribe(ctx, "eth_subscribe transactionReceipts", func(ctx context.Context, c *ethclient.Client) (ethereum.Subscription, error) {
		return c.SubscribeTransactionReceipts(ctx, q, ch)
	})
}
