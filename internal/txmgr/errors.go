package txmgr

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/rpc"
)

// Sentinel errors; test for them with errors.Is.
var (
	// ErrConfig: the manager lacks a chain, a key or a chain id.
	ErrConfig = errors.New("invalid transaction manager configuration")
	// ErrKey: the key could not be loaded.
	ErrKey = errors.New("challenger key")
	// ErrGasCap: the transaction needs more gas than one transaction may use.
	ErrGasCap = errors.New("transaction exceeds the per-transaction gas cap")
	// ErrFeeCap: the configured maximum fee cap forbids a valid replacement.
	ErrFeeCap = errors.New("fee cap reached")
	// ErrNonceTooLow: the node already has a mined transaction with the nonce.
	ErrNonceTooLow = errors.New("nonce too low")
	// ErrUnderpriced: the node refused the fees (a replacement below the
	// required bump, or a tip below its minimum).
	ErrUnderpriced = errors.New("transaction underpriced")
	// ErrFunds: the key's balance does not cover the transaction.
	ErrFunds = errors.New("insufficient funds")
)

// sendErrors maps go-ethereum's exported transaction-pool errors to the
// manager's classes (nil: a success, the pool has the transaction).
var sendErrors = []struct {
	geth  error
	class error
}{
	{txpool.ErrAlreadyKnown, nil},
	{core.ErrNonceTooLow, ErrNonceTooLow},
	{txpool.ErrReplaceUnderpriced, ErrUnderpriced},
	{txpool.ErrUnderpriced, ErrUnderpriced},
	{txpool.ErrTxGasPriceTooLow, ErrUnderpriced},
	{core.ErrInsufficientFunds, ErrFunds},
}

// SendError classifies an error of eth_sendRawTransaction against
// go-ethereum's exported errors: the result wraps the one it is (so that
// errors.Is(err, txpool.ErrAlreadyKnown) or errors.Is(err,
// core.ErrNonceTooLow) holds) and the manager's class of it (ErrNonceTooLow,
// ErrUnderpriced, ErrFunds). An in-process pool returns the errors
// themselves; over JSON-RPC only their text crosses the wire, so an
// rpc.Error is that error when its message is the exported error's text,
// alone or followed by ": " and details (how the pool wraps it with %w).
// Any other error is returned as it is.
func SendError(err error) error {
	if err == nil {
		return nil
	}
	for _, e := range sendErrors {
		if !errors.Is(err, e.geth) && !rpcIs(err, e.geth) {
			continue
		}
		if e.class == nil {
			return fmt.Errorf("%w (%w)", e.geth, err)
		}
		return fmt.Errorf("%w: %w (%w)", e.class, e.geth, err)
	}
	return err
}

// rpcIs reports whether err is a JSON-RPC error whose message is target's
// text, alone or wrapped ("text: details").
func rpcIs(err, target error) bool {
	var re rpc.Error
	if !errors.As(err, &re) {
		return false
	}
	msg, want := re.Error(), target.Error()
	return msg == want || strings.HasPrefix(msg, want+": ")
}
