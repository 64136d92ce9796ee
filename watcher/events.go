package watcher

import (
	"errors"
	"fmt"
	"maps"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/index"
)

// ErrBadLog: a log that does not decode as the AVS event its topic names,
// or that holds values the contract never emits. It is an error of the node
// that served it: the block is not applied, and the step fails and is tried
// again (with backoff, reported at each failure); after badLogAttempts
// tries the log is skipped, said and noted on its round.
var ErrBadLog = errors.New("a log the AVS cannot have emitted")

// handler applies one event to a block's working set. roundTopic: the
// event's first topic after its ID is the round (indexed).
type handler struct {
	name       string
	handle     func(bw *blockWork, l *types.Log) error
	roundTopic bool
	// topics is 1 + the event's indexed inputs; data whether it has others.
	topics int
	data   bool
}

// handlers maps each event of PROTOCOL.md section 8 that the watcher reads,
// by its generated event ID, to its handler.
var handlers = newHandlers()

// topics are the event IDs of handlers: the logs the watcher asks for.
var topics = slices.SortedFunc(maps.Keys(handlers), func(a, b common.Hash) int { return a.Cmp(b) })

// shape refuses a log whose topics or data cannot be the event's: the
// bindings leave every field nil for empty data and ignore extra topics, so
// a handler never sees such a log.
func (h *handler) shape(l *types.Log) error {
	if len(l.Topics) != h.topics || (h.data && len(l.Data) == 0) {
		return fmt.Errorf("%s: %w", h.name, badLog(l, "%d topics and %d bytes of data", len(l.Topics), len(l.Data)))
	}
	return nil
}

func newHandlers() map[common.Hash]handler {
	hs := map[common.Hash]handler{}
	add := func(name string, f func(*blockWork, *types.Log) error) {
		id := contracts.EventID(name)
		if id == (common.Hash{}) {
			panic("watcher: the bindings have no event " + name) // a build mistake, caught by every test
		}
		in := avs.GetABI().Events[name].Inputs
		hs[id] = handler{name: name, handle: f, roundTopic: len(in) > 0 && in[0].Name == "round" && in[0].Indexed,
			topics: 1 + len(in) - len(in.NonIndexed()), data: len(in.NonIndexed()) > 0}
	}
	add(bindings.DenominatorAllocationAVSNewRoundCommitmentsEventName, onNewRoundCommitments)
	add(bindings.DenominatorAllocationAVSRoundCommitmentsOpenedEventName, onRoundCommitmentsOpened)
	add(bindings.DenominatorAllocationAVSAllocationBatchSubmittedEventName, onAllocationBatchSubmitted)
	add(bindings.DenominatorAllocationAVSAllocationBatchDetailsEventName, onAllocationBatchDetails)
	add(bindings.DenominatorAllocationAVSAvailabilityChallengedEventName, onAvailabilityChallenged)
	add(bindings.DenominatorAllocationAVSManifestRevealedEventName, onManifestRevealed)
	add(bindings.DenominatorAllocationAVSRowRevealedEventName, onRowRevealed)
	add(bindings.DenominatorAllocationAVSFraudProvenEventName, onFraudProven)
	add(bindings.DenominatorAllocationAVSOperatorSlashedEventName, onOperatorSlashed)
	add(bindings.DenominatorAllocationAVSRoundFinalizedEventName, onRoundFinalized)
	add(bindings.DenominatorAllocationAVSOperatorRegisteredEventName, onOperatorRegistered)
	add(bindings.DenominatorAllocationAVSOperatorExitRequestedEventName, onOperatorExitRequested)
	add(bindings.DenominatorAllocationAVSOperatorWithdrawnEventName, onOperatorWithdrawn)
	return hs
}

// Bounds on event values beyond which no honest chain goes: a log past them
// is ErrBadLog rather than a record the watcher cannot handle (a round
// number it would scan up to, a slice it would allocate).
const (
	maxRound      = 1 << 32 // a round a block for 1,600 years of 12 s blocks
	maxAttempt    = 1 << 32
	maxBlock      = 1 << 62
	maxPosition   = 1 << 32 // FraudProven's provider and entry
	maxKindLength = 64      // FraudProven's kind: a rule name
	maxRevealRows = 4 * 1024
)

// badLog is an ErrBadLog about l.
func badLog(l *types.Log, format string, args ...any) error {
	return fmt.Errorf("%w: log %d of block %d (tx %s): %s", ErrBadLog, l.Index, l.BlockNumber, l.TxHash.Hex(), fmt.Sprintf(format, args...))
}

// bounded returns v as a uint64 when v <= bound.
func bounded(l *types.Log, v *big.Int, bound uint64, what string) (uint64, error) {
	if v == nil || v.Sign() < 0 || !v.IsUint64() || v.Uint64() > bound {
		return 0, badLog(l, "%s %v is out of range", what, v)
	}
	return v.Uint64(), nil
}

func onNewRoundCommitments(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackNewRoundCommitmentsEvent(l)
	if err != nil {
		return badLog(l, "NewRoundCommitments: %v", err)
	}
	r, err := bw.round(l, ev.Round)
	if err != nil {
		return err
	}
	r.CommitmentRoot = ev.CommitmentRoot
	r.CommitTx, r.CommitBlock, r.CommitBlockHash = l.TxHash, l.BlockNumber, l.BlockHash
	if ev.Timestamp.IsUint64() {
		r.CommitTime = ev.Timestamp.Uint64()
	}
	r.Notes = slices.DeleteFunc(r.Notes, isCommitmentNote)
	return nil
}

func onRoundCommitmentsOpened(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackRoundCommitmentsOpenedEvent(l)
	if err != nil {
		return badLog(l, "RoundCommitmentsOpened: %v", err)
	}
	// commitRound bounds P to 1024 and E to 1024 * P; values past them,
	// within these, are for judge to refuse (ErrImpossible).
	P, err := bounded(l, ev.ProviderCount, 1<<20, "providerCount")
	if err != nil {
		return err
	}
	E, err := bounded(l, ev.EntryCount, 1<<40, "entryCount")
	if err != nil {
		return err
	}
	r, err := bw.committedRound(l, ev.Round)
	if err != nil {
		return err
	}
	r.ProvidersRoot, r.ProviderCount, r.EntryCount = ev.ProvidersRoot, int(P), int(E)
	return nil
}

func onAllocationBatchSubmitted(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackAllocationBatchSubmittedEvent(l)
	if err != nil {
		return badLog(l, "AllocationBatchSubmitted: %v", err)
	}
	r, err := bw.committedRound(l, ev.Round)
	if err != nil {
		return err
	}
	r.Batches = append(r.Batches, index.Batch{TxHash: l.TxHash, Block: l.BlockNumber, BlockHash: l.BlockHash,
		AllocationRoot: ev.AllocationRoot, Status: index.BatchLive, Signers: []index.Signer{}})
	root := common.Hash(ev.AllocationRoot)
	r.AllocationRoot, r.Finalized, r.Signers = &root, false, []index.Signer{}
	return nil
}

func onAllocationBatchDetails(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackAllocationBatchDetailsEvent(l)
	if err != nil {
		return badLog(l, "AllocationBatchDetails: %v", err)
	}
	attempt, err := bounded(l, ev.Attempt, maxAttempt, "attempt")
	if err != nil {
		return err
	}
	deadline, err := bounded(l, ev.Deadline, maxBlock, "deadline")
	if err != nil {
		return err
	}
	if len(ev.ProviderAllocRoots) > maxProviders {
		return badLog(l, "%d providerAllocRoots", len(ev.ProviderAllocRoots))
	}
	r, err := bw.committedRound(l, ev.Round)
	if err != nil {
		return err
	}
	b := detailsBatch(r, l)
	b.Attempt, b.AllocTreeRoot, b.DeadlineBlock = &attempt, ev.AllocTreeRoot, deadline
	b.SignerBitmap = bitmapHex(ev.SignerBitmap)
	b.ProviderAllocRoots = hashes(ev.ProviderAllocRoots)
	known, unknown := bw.ops.signers(ev.SignerBitmap, l.BlockNumber)
	b.Signers = known
	if len(unknown) > 0 {
		b.SignersUnknown = signersNote(unknown, bw.start)
	}
	r.Signers, r.DeadlineBlock = b.Signers, deadline
	return nil
}

// detailsBatch returns the batch AllocationBatchSubmitted added in the same
// transaction, or a new one (a node that sent the details alone).
func detailsBatch(r *index.Round, l *types.Log) *index.Batch {
	if n := len(r.Batches); n > 0 && r.Batches[n-1].TxHash == l.TxHash && r.Batches[n-1].Attempt == nil {
		return &r.Batches[n-1]
	}
	r.Batches = append(r.Batches, index.Batch{TxHash: l.TxHash, Block: l.BlockNumber, BlockHash: l.BlockHash,
		Status: index.BatchLive, Signers: []index.Signer{}})
	return &r.Batches[len(r.Batches)-1]
}

func onAvailabilityChallenged(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackAvailabilityChallengedEvent(l)
	if err != nil {
		return badLog(l, "AvailabilityChallenged: %v", err)
	}
	kind, ok := challengeKinds[contracts.ObjectKind(ev.Kind)]
	if !ok {
		return badLog(l, "availability kind %d", ev.Kind)
	}
	attempt, err := bounded(l, ev.Attempt, maxAttempt, "attempt")
	if err != nil {
		return err
	}
	idx, err := bounded(l, ev.Index, maxProviders-1, "index")
	if err != nil {
		return err
	}
	resolveBy, err := bounded(l, ev.ResolveBy, maxBlock, "resolveBy")
	if err != nil {
		return err
	}
	r, err := bw.committedRound(l, ev.Round)
	if err != nil {
		return err
	}
	r.AvailabilityChallenges = append(r.AvailabilityChallenges, index.AvailabilityChallenge{Attempt: attempt, Kind: kind, Index: idx,
		Challenger: ev.Challenger, ResolveBy: resolveBy, State: index.ChallengeOpen, Block: l.BlockNumber, TxHash: l.TxHash})
	return nil
}

func onFraudProven(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackFraudProvenEvent(l)
	if err != nil {
		return badLog(l, "FraudProven: %v", err)
	}
	if len(ev.Kind) > maxKindLength {
		return badLog(l, "a kind of %d bytes", len(ev.Kind))
	}
	var vals [3]uint64
	for i, f := range []struct {
		v     *big.Int
		bound uint64
		what  string
	}{{ev.Attempt, maxAttempt, "attempt"}, {ev.Provider, maxPosition, "provider"}, {ev.Entry, maxPosition, "entry"}} {
		if vals[i], err = bounded(l, f.v, f.bound, f.what); err != nil {
			return err
		}
	}
	r, err := bw.committedRound(l, ev.Round)
	if err != nil {
		return err
	}
	f := index.FraudProven{Attempt: vals[0], Kind: ev.Kind, Provider: vals[1], Entry: vals[2], Challenger: ev.Challenger,
		SlashedTotal: ev.SlashedTotal.String(), Block: l.BlockNumber, TxHash: l.TxHash}
	r.FraudsProven = append(r.FraudsProven, f)
	if b := batchOfAttempt(r, f.Attempt); b != nil {
		b.Status = index.BatchVoided
	} else {
		addNote(r, fmt.Sprintf("attempt %d was proven wrong (%s) in block %d, but its batch was not seen", f.Attempt, f.Kind, f.Block))
	}
	settleChallenges(r, f, ev.SlashedTotal.Sign() > 0)
	r.Finalized = false
	return nil
}

func onRoundFinalized(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackRoundFinalizedEvent(l)
	if err != nil {
		return badLog(l, "RoundFinalized: %v", err)
	}
	r, err := bw.committedRound(l, ev.Round)
	if err != nil {
		return err
	}
	if n := len(r.Batches); n > 0 && r.Batches[n-1].Status == index.BatchLive {
		r.Batches[n-1].Status = index.BatchFinalized
	} else {
		addNote(r, fmt.Sprintf("finalized in block %d, but its batch was not seen", l.BlockNumber))
	}
	r.Finalized = true
	return nil
}
