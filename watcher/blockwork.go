package watcher

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/recompute"
)

var avs = contracts.ABI()

const maxProviders = recompute.MaxProviders

// challengeKinds names the availability kinds of AvailabilityChallenged.
var challengeKinds = map[contracts.ObjectKind]string{
	contracts.ObjectManifestPart: kindManifestPart,
	contracts.ObjectRow:          kindRow,
}

// roundReader reads stored round records.
type roundReader interface {
	Round(n uint64) (index.Round, bool, error)
}

// blockWork is one block's working set: the records its events change,
// starting from the stored ones. The handlers update it; nothing is
// written until the whole block has been applied to it.
type blockWork struct {
	number uint64
	start  uint64 // the watcher's start block, for the notes on what it lacks
	store  roundReader
	rounds map[uint64]*index.Round
	// ops is this block's copy of the registry; changed the indices it
	// changed.
	ops     operatorSet
	changed map[int]bool
	// objects are the verified objects the block revealed, for the cache.
	objects []object
	// said are notes about operators, to log once per key.
	said []said
}

// said is a note on what the watcher lacks, logged once per key.
type said struct{ key, note string }

// object is a data-availability object by kind and key that a reveal of
// round's, in transaction tx, carried.
type object struct {
	kind  recompute.ObjectKind
	key   common.Hash
	data  []byte
	round uint64
	tx    common.Hash
}

func newBlockWork(number, start uint64, store roundReader, ops operatorSet) *blockWork {
	return &blockWork{number: number, start: start, store: store, rounds: map[uint64]*index.Round{}, ops: ops.clone(), changed: map[int]bool{}}
}

// apply runs the handler of l's event; a log of no event the watcher reads
// (or of another contract) is ignored.
func (bw *blockWork) apply(l *types.Log) error {
	if len(l.Topics) == 0 {
		return nil
	}
	h, ok := handlers[l.Topics[0]]
	if !ok {
		return nil
	}
	if err := h.shape(l); err != nil {
		return err
	}
	if err := h.handle(bw, l); err != nil {
		return fmt.Errorf("%s: %w", h.name, err)
	}
	return nil
}

// round returns the working record of the round an event names, a new one
// when none is stored.
func (bw *blockWork) round(l *types.Log, v *big.Int) (*index.Round, error) {
	n, err := bounded(l, v, maxRound, "round")
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, badLog(l, "round 0")
	}
	if r, ok := bw.rounds[n]; ok {
		return r, nil
	}
	r, ok, err := bw.store.Round(n)
	if err != nil {
		return nil, err
	}
	if !ok {
		r = index.Round{Round: n, Signers: []index.Signer{}, Batches: []index.Batch{}}
	}
	r.Protocol = index.ProtocolV2
	bw.rounds[n] = &r
	return &r, nil
}

// committedRound is round for the events after the commitment: a round
// whose commitment the watcher never saw (it started later) is recorded all
// the same, with a note saying so, and judged incomplete.
func (bw *blockWork) committedRound(l *types.Log, v *big.Int) (*index.Round, error) {
	r, err := bw.round(l, v)
	if err != nil {
		return nil, err
	}
	if r.CommitmentRoot == (common.Hash{}) {
		addNote(r, commitmentNote(r.Round, bw.start))
	}
	return r, nil
}

// notePrefixCommitment starts the note of a round whose commitment was not seen.
const notePrefixCommitment = "commitment not seen"

func commitmentNote(n, start uint64) string {
	return fmt.Sprintf("%s: round %d was committed before block %d, where the watcher started", notePrefixCommitment, n, start)
}

func isCommitmentNote(s string) bool { return strings.HasPrefix(s, notePrefixCommitment) }

func signersNote(unknown []int, start uint64) string {
	return fmt.Sprintf("signers unknown: operators %v registered before block %d, where the watcher started (their addresses and stakes are not known)", unknown, start)
}

// addNote adds a note on what the watcher lacks, once.
func addNote(r *index.Round, note string) {
	if !slices.Contains(r.Notes, note) {
		r.Notes = append(r.Notes, note)
	}
}

// batchOfAttempt returns the round's batch of attempt, nil when not seen.
func batchOfAttempt(r *index.Round, attempt uint64) *index.Batch {
	for i := len(r.Batches) - 1; i >= 0; i-- {
		if a := r.Batches[i].Attempt; a != nil && *a == attempt {
			return &r.Batches[i]
		}
	}
	return nil
}

func hashes(ws [][32]byte) []common.Hash {
	out := make([]common.Hash, len(ws))
	for i, w := range ws {
		out[i] = w
	}
	return out
}

func bitmapHex(b *big.Int) string { return hexutil.EncodeBig(b) }

func onOperatorRegistered(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackOperatorRegisteredEvent(l)
	if err != nil {
		return badLog(l, "OperatorRegistered: %v", err)
	}
	i, err := bounded(l, ev.Index, maxOperators-1, "operator index")
	if err != nil {
		return err
	}
	o := index.Operator{Index: int(i), Address: ev.Operator, RegisteredBlock: l.BlockNumber,
		PkG1:  [2]string{ev.PkG1[0].String(), ev.PkG1[1].String()},
		PkG2:  [4]string{ev.PkG2[0].String(), ev.PkG2[1].String(), ev.PkG2[2].String(), ev.PkG2[3].String()},
		Stake: []index.StakeChange{{Block: l.BlockNumber, Delta: ev.Stake.String(), Cause: "registered"}}}
	bw.ops[o.Index], bw.changed[o.Index] = o, true
	return nil
}

// operator returns the index of the operator an exit or a withdrawal names
// when its registration was seen; otherwise it says so, once.
func (bw *blockWork) operator(l *types.Log, v *big.Int, a common.Address, what string) (int, bool, error) {
	i, err := bounded(l, v, maxOperators-1, "operator index")
	if err != nil {
		return 0, false, err
	}
	if o, ok := bw.ops[int(i)]; ok && o.Address == a {
		return int(i), true, nil
	}
	bw.said = append(bw.said, said{key: fmt.Sprintf("operator %d %s %s", i, a.Hex(), what),
		note: fmt.Sprintf("operator %d (%s) %s in block %d, but its registration was not seen (before block %d, where the watcher started)",
			i, a.Hex(), what, l.BlockNumber, bw.start)})
	return 0, false, nil
}

func onOperatorExitRequested(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackOperatorExitRequestedEvent(l)
	if err != nil {
		return badLog(l, "OperatorExitRequested: %v", err)
	}
	i, ok, err := bw.operator(l, ev.Index, ev.Operator, "exits")
	if !ok || err != nil {
		return err
	}
	o := bw.ops[i]
	o.ExitBlock = l.BlockNumber
	bw.ops[i], bw.changed[i] = o, true
	return nil
}

func onOperatorWithdrawn(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackOperatorWithdrawnEvent(l)
	if err != nil {
		return badLog(l, "OperatorWithdrawn: %v", err)
	}
	i, ok, err := bw.operator(l, ev.Index, ev.Operator, "withdraws")
	if !ok || err != nil {
		return err
	}
	bw.ops.changeStake(i, l.BlockNumber, new(big.Int).Neg(ev.Amount), "withdrawn")
	bw.changed[i] = true
	return nil
}

// onOperatorSlashed lowers the slashed operator's stake. An operator the
// watcher never saw register is noted on the round instead (and said once):
// a start block after the registrations loses their stakes, not the watch.
func onOperatorSlashed(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackOperatorSlashedEvent(l)
	if err != nil {
		return badLog(l, "OperatorSlashed: %v", err)
	}
	if i, ok := bw.ops.byAddress(ev.Operator); ok {
		bw.ops.changeStake(i, l.BlockNumber, new(big.Int).Neg(ev.Amount), "slashed")
		bw.changed[i] = true
		return nil
	}
	r, err := bw.committedRound(l, ev.Round)
	if err != nil {
		return err
	}
	note := fmt.Sprintf("operator %s was slashed %s wei in block %d but is unknown: it registered before block %d, where the watcher started",
		ev.Operator.Hex(), ev.Amount, l.BlockNumber, bw.start)
	addNote(r, note)
	return nil
}
