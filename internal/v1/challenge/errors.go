package challenge

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/internal/txmgr"
	"github.com/denomwatch/denomwatch/internal/v1/contracts"
)

// Sentinel errors; test for them with errors.Is.
var (
	// ErrConfig: the configuration (or the chain it names) is invalid.
	ErrConfig = errors.New("invalid challenger configuration")
	// ErrNotProvable: no fraud proof can be built for the batch from the
	// stored data (the data is missing or does not match the batch, or the
	// batch is right).
	ErrNotProvable = errors.New("no fraud proof applies")
	// The transaction manager's errors (package txmgr), under the names
	// the v1 challenger has always used.
	ErrGasCap      = txmgr.ErrGasCap
	ErrFeeCap      = txmgr.ErrFeeCap
	ErrNonceTooLow = txmgr.ErrNonceTooLow
	ErrUnderpriced = txmgr.ErrUnderpriced
	ErrFunds       = txmgr.ErrFunds
	// ErrNoSigner: the challenger has no key (monitor-only).
	ErrNoSigner = errors.New("no signing key")
)

// ProofRevertError is a fraud proof the contract refused: in gas
// estimation, in the eth_call simulation, or mined. errors.Is(err,
// contracts.ErrReverted) holds; Revert carries the custom error's name and
// arguments.
type ProofRevertError struct {
	Stage  string       // "estimate", "simulate" or "mined"
	Round  uint64       // the round proven
	TxHash *common.Hash // the mined transaction (Stage "mined")
	Revert *contracts.RevertError
}

func (e *ProofRevertError) Error() string {
	where := e.Stage
	if e.TxHash != nil {
		where = fmt.Sprintf("%s in %s", e.Stage, e.TxHash.Hex())
	}
	return fmt.Sprintf("fraud proof of round %d reverted (%s): %v", e.Round, where, e.Revert)
}

// Unwrap returns the decoded revert.
func (e *ProofRevertError) Unwrap() error { return e.Revert }

// Name is the custom error's name ("" when the revert data is not one of
// the AVS's errors).
func (e *ProofRevertError) Name() string {
	if e.Revert == nil {
		return ""
	}
	return e.Revert.Name
}

// The AVS's custom errors the challenger acts on.
const (
	// revertNoLiveBatch: the round has no live batch (voided by a proof, or
	// finalized).
	revertNoLiveBatch = "NoLiveBatch"
	// revertWindowClosed: the batch's challenge window is over.
	revertWindowClosed = "ChallengeWindowClosed"
)
