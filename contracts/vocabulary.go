package contracts

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
)

var (
	// avs packs and unpacks the AVS's calls, events and errors.
	avs = bindings.NewDenominatorAllocationAVS()
	// forwarder packs and unpacks the Forwarder's.
	forwarder = bindings.NewForwarder()
)

// ABI returns the AVS binding (packing and unpacking of calls, events, errors).
func ABI() *bindings.DenominatorAllocationAVS { return avs }

// EventID returns the topic of the AVS event named by one of the bindings'
// event-name constants, such as
// bindings.DenominatorAllocationAVSFraudProvenEventName (the zero hash for
// any other name).
func EventID(name string) common.Hash { return avs.GetABI().Events[name].ID }

// FraudKind is FraudProven's kind (PROTOCOL.md section 8): bad-allocation,
// unavailable-manifest, unavailable-row or a section 3 rule name, which are
// recompute's Rule values.
type FraudKind string

// FraudBadAllocation is the kind of proveBadAllocation; the others are
// recompute's rules.
const FraudBadAllocation FraudKind = "bad-allocation"

// FraudKindOf returns the FraudProven kind of a recompute rule.
func FraudKindOf(r recompute.Rule) FraudKind { return FraudKind(r) }

// ObjectKind is an availability challenge's kind (section 7.3).
type ObjectKind uint8

// The availability challenge kinds, as challengeAvailability takes them.
const (
	ObjectManifestPart ObjectKind = 0
	ObjectRow          ObjectKind = 1
)

// FraudKind returns the FraudProven kind of an unanswered challenge of k.
func (k ObjectKind) FraudKind() FraudKind {
	if k == ObjectManifestPart {
		return FraudKind(recompute.RuleUnavailableManifest)
	}
	return FraudKind(recompute.RuleUnavailableRow)
}

// RoundStatus is getRound's status, the contract's RoundStatus enum.
type RoundStatus uint8

// The round statuses, in the enum's order (AVSBase.sol).
const (
	RoundNone      RoundStatus = iota // never committed
	RoundCommitted                    // takes a batch
	RoundBatchLive                    // a batch inside or past its windows, not finalized
	RoundFinalized
)
