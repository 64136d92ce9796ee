package solve

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// BasisKind names the kind of fact a final state rests on.
type BasisKind string

// The facts a final state rests on.
const (
	// BasisFraudProven: the FraudProven event (Tx in BlockHash) that voided
	// the batch. confirmed and proven-by-other rest on it.
	BasisFraudProven BasisKind = "fraud-proven"
	// BasisFinalized: the RoundFinalized event (Tx in BlockHash). finalized
	// rests on it, and expired when the batch was finalized unproven.
	BasisFinalized BasisKind = "round-finalized"
	// BasisDeadline: the batch is past its proof window, whose last block
	// is Deadline, and not voided. expired rests on it.
	BasisDeadline BasisKind = "deadline-passed"
	// BasisLive: the batch is live, in the challenger's Mode. failed,
	// monitor-only and dry-run rest on it.
	BasisLive BasisKind = "batch-live"
)

// Mode is how the challenger runs: sending, monitor-only or dry-run.
type Mode string

// The modes.
const (
	ModeSend        Mode = "send"
	ModeMonitorOnly Mode = "monitor-only"
	ModeDryRun      Mode = "dry-run"
)

// Basis is the fact a final state rests on: while Holds, the state stands;
// once it does not (a reorg took the event away, the deadline moved, the
// batch was voided or finalized, the mode changed), Next reopens the
// record.
type Basis struct {
	Kind      BasisKind      `json:"kind"`
	Tx        common.Hash    `json:"tx,omitempty"`
	Block     uint64         `json:"block,omitempty"`
	BlockHash common.Hash    `json:"blockHash,omitempty"`
	By        common.Address `json:"by,omitempty"` // fraud-proven: its challenger
	Deadline  uint64         `json:"deadline,omitempty"`
	Mode      Mode           `json:"mode,omitempty"`
}

// Named reports whether b names its fact: an event by transaction and
// block hash, a deadline, or a mode.
func (b Basis) Named() bool {
	switch b.Kind {
	case BasisFraudProven, BasisFinalized:
		return b.Tx != (common.Hash{}) && b.BlockHash != (common.Hash{})
	case BasisDeadline:
		return true
	case BasisLive:
		return b.Mode != ""
	}
	return false
}

// Holds reports whether the fact b names is still true in f, and if not,
// why. f must be the facts of the record's batch.
func (b Basis) Holds(f *Facts) (bool, string) {
	bt := f.Batch
	if bt == nil {
		return false, "the batch is no longer on the chain"
	}
	switch b.Kind {
	case BasisFraudProven:
		return b.event(bt.State == BatchVoided, bt.Voided, "FraudProven")
	case BasisFinalized:
		return b.event(bt.State == BatchFinalized, bt.Finalized, "RoundFinalized")
	case BasisDeadline:
		switch {
		case bt.State == BatchVoided:
			return false, "the batch was voided after all"
		case bt.Deadline != b.Deadline:
			return false, fmt.Sprintf("the batch's deadline moved from block %d to %d", b.Deadline, bt.Deadline)
		case f.Head < b.Deadline:
			return false, fmt.Sprintf("the head %d is back before the deadline %d", f.Head, b.Deadline)
		}
		return true, ""
	case BasisLive:
		switch {
		case bt.State != BatchLive:
			return false, fmt.Sprintf("the batch is %s now", bt.State)
		case f.Config.mode() != b.Mode:
			return false, fmt.Sprintf("the challenger runs %s now, not %s", f.Config.mode(), b.Mode)
		}
		return true, ""
	}
	return false, fmt.Sprintf("unknown basis %q", b.Kind)
}

// event checks an event basis against the batch's event of that kind.
func (b Basis) event(state bool, ev *Event, name string) (bool, string) {
	switch {
	case !state || ev == nil:
		return false, fmt.Sprintf("the %s in block %s is gone: the batch is not so on the chain now", name, b.BlockHash.TerminalString())
	case ev.BlockHash != b.BlockHash || ev.Tx != b.Tx:
		return false, fmt.Sprintf("the %s is now tx %s in block %s, not tx %s in block %s", name,
			ev.Tx.TerminalString(), ev.BlockHash.TerminalString(), b.Tx.TerminalString(), b.BlockHash.TerminalString())
	}
	return true, ""
}

// eventBasis is the basis of an event.
func eventBasis(kind BasisKind, ev *Event) Basis {
	return Basis{Kind: kind, Tx: ev.Tx, Block: ev.Block, BlockHash: ev.BlockHash, By: ev.By}
}
