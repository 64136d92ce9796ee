package alerts

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
)

// ErrEvent: an event that cannot be sent (no id or type, a field that does
// not encode), or a body that is not an event.
var ErrEvent = errors.New("invalid event")

// maxIDLen and maxTypeLen bound an event's id and type, which travel in
// HTTP headers.
const (
	maxIDLen   = 128
	maxTypeLen = 64
)

// Meta is what every event says about where it comes from, and the clock
// that stamps it.
type Meta struct {
	ChainID uint64
	AVS     common.Address
	// Now stamps CreatedAt; nil means time.Now.
	Now func() time.Time
}

func (m Meta) now() time.Time {
	if m.Now == nil {
		return time.Now().UTC().Truncate(time.Millisecond)
	}
	return m.Now().UTC()
}

// EventID derives an event id from the event's type, the chain, the AVS and
// parts (whatever tells this event from others of its type): the hex of the
// first 16 bytes of a SHA-256 over them, each length-prefixed. The same
// inputs always give the same id, so an event raised again (after a restart
// or a reorganisation) carries the id a receiver has already seen.
func EventID(typ Type, chainID uint64, avs common.Address, parts ...string) string {
	h := sha256.New()
	var buf []byte
	field := func(b []byte) {
		buf = binary.AppendUvarint(buf[:0], uint64(len(b)))
		h.Write(buf)
		h.Write(b)
	}
	field([]byte("denomwatch/event/v1"))
	field([]byte(typ))
	field(binary.BigEndian.AppendUint64(nil, chainID))
	field(avs[:])
	for _, p := range parts {
		field([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// NewEvent returns an event of type typ with its id (EventID over parts),
// schema version, creation time, chain and AVS set; the caller fills in the
// rest. The constructors below use it; it is there for event types they do
// not cover.
func NewEvent(meta Meta, typ Type, parts ...string) Event {
	return Event{
		ID:            EventID(typ, meta.ChainID, meta.AVS, parts...),
		Type:          typ,
		SchemaVersion: SchemaVersion,
		CreatedAt:     meta.now(),
		ChainID:       meta.ChainID,
		AVS:           meta.AVS,
	}
}

func u64(n uint64) string { return strconv.FormatUint(n, 10) }

func ptrU64(n uint64) *uint64 { return &n }

func ptrHash(h common.Hash) *common.Hash { return &h }

// uniqueAddresses copies addrs without repeats, in their order; nil when
// there are none.
func uniqueAddresses(addrs []common.Address) []common.Address {
	if len(addrs) == 0 {
		return nil
	}
	seen := make(map[common.Address]bool, len(addrs))
	out := make([]common.Address, 0, len(addrs))
	for _, a := range addrs {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// ForRound returns the events a round's new record raises, given its
// previous record (nil when the round is new): fraud_detected when the
// verdict on the round's latest batch becomes fraud (or a new latest batch
// is again fraudulent), round_unavailable when the round becomes
// unavailable (or its latest batch changes while it stays so),
// round_malformed when its commitments are found malformed. A verdict that
// does not change, and a valid or pending verdict, raise nothing.
// recipients are the recipient addresses the round's verdict affects (for
// a fraud, those with a wrong allocation); they become Event.Recipients.
//
// Ids are derived from the chain, the AVS, the round, the batch (or the
// commitment) and the finding, not from the time, so recomputing a round
// raises the same ids again.
func ForRound(meta Meta, prev *index.Round, cur index.Round, recipients []common.Address) []Event {
	events := roundEvents(meta, prev, cur, recipients)
	if e, ok := finalizedUnproven(meta, prev, cur, recipients); ok {
		events = append(events, e)
	}
	return events
}

// finalizedUnproven returns the fraud_finalized_unproven event when a
// fraudulent latest batch becomes finalized: the window passed with no proof.
// The id is derived from the round and the batch: one event per batch.
func finalizedUnproven(meta Meta, prev *index.Round, cur index.Round, recipients []common.Address) (Event, bool) {
	n := len(cur.Batches)
	if cur.Verdict != index.VerdictFraud || n == 0 || cur.Batches[n-1].Status != index.BatchFinalized {
		return Event{}, false
	}
	b := cur.Batches[n-1]
	if prev != nil {
		for _, pb := range prev.Batches {
			if pb.TxHash == b.TxHash && pb.Status == index.BatchFinalized && prev.Verdict == index.VerdictFraud {
				return Event{}, false // already reported
			}
		}
	}
	e := NewEvent(meta, FraudFinalizedUnproven, u64(cur.Round), b.TxHash.Hex())
	e.Severity = SeverityCritical
	e.Round, e.Verdict, e.Kind = ptrU64(cur.Round), string(cur.Verdict), cur.Kind
	e.Claimed, e.Correct = cur.Claimed, cur.Correct
	if cur.Index != nil {
		e.Index = ptrU64(*cur.Index)
	}
	e.BatchTx, e.Block, e.DeadlineBlock = ptrHash(b.TxHash), b.Block, b.DeadlineBlock
	e.Recipients = uniqueAddresses(recipients)
	e.Message = fmt.Sprintf("Fraud in round %d, batch %s (block %d), was finalized unproven: its challenge window closed at block %d with no fraud proof. The signers were not slashed and the wrong allocation stands.",
		cur.Round, b.TxHash.Hex(), b.Block, b.DeadlineBlock)
	if k := len(e.Recipients); k > 0 {
		e.Message += fmt.Sprintf(" %d recipient(s) affected.", k)
	}
	return e, true
}

// roundEvents are ForRound's events but fraud_finalized_unproven.
func roundEvents(meta Meta, prev *index.Round, cur index.Round, recipients []common.Address) []Event {
	batch := latestBatch(&cur)
	e, ok := roundEvent(meta, prev, cur, batch)
	if !ok {
		return nil
	}
	e.Round = ptrU64(cur.Round)
	e.Verdict = string(cur.Verdict)
	e.Kind, e.Claimed, e.Correct, e.Rule, e.Reason = cur.Kind, cur.Claimed, cur.Correct, cur.Rule, cur.Reason
	if cur.Index != nil {
		e.Index = ptrU64(*cur.Index)
	}
	e.Block, e.DeadlineBlock = cur.CommitBlock, cur.DeadlineBlock
	if cur.Verdict == index.VerdictMalformed {
		// About the commitments, whatever batches came: the same body
		// however the round's batches change.
		batch, e.DeadlineBlock = nil, 0
	}
	if batch != nil {
		e.BatchTx = ptrHash(batch.TxHash)
		e.Block = batch.Block
		if batch.DeadlineBlock != 0 {
			e.DeadlineBlock = batch.DeadlineBlock
		}
	}
	e.Recipients = uniqueAddresses(recipients)
	e.Message = roundMessage(&e, batch)
	return []Event{e}
}

// latestBatch is r's latest batch, nil when it has none.
func latestBatch(r *index.Round) *index.Batch {
	if n := len(r.Batches); n > 0 {
		return &r.Batches[n-1]
	}
	return nil
}

// roundEvent decides which event, if any, round cur raises after prev
// (nil: the round is new), with its type, id and severity: fraud and
// unavailable when the verdict or the latest batch changed, malformed once
// per round and rule.
func roundEvent(meta Meta, prev *index.Round, cur index.Round, batch *index.Batch) (Event, bool) {
	var batchTx, prevBatchTx common.Hash
	if batch != nil {
		batchTx = batch.TxHash
	}
	if prev != nil {
		if pb := latestBatch(prev); pb != nil {
			prevBatchTx = pb.TxHash
		}
	}
	changed := prev == nil || prev.Verdict != cur.Verdict || prevBatchTx != batchTx
	switch {
	case cur.Verdict == index.VerdictFraud && changed:
		e := NewEvent(meta, FraudDetected, u64(cur.Round), batchTx.Hex(), cur.Kind)
		e.Severity = SeverityCritical
		if batch != nil && batch.Status == index.BatchVoided {
			e.Severity = SeverityInfo // already proven on chain: nothing left to do
		}
		return e, true
	case cur.Verdict == index.VerdictUnavailable && changed:
		e := NewEvent(meta, RoundUnavailable, u64(cur.Round), cur.CommitTx.Hex(), batchTx.Hex())
		e.Severity = SeverityWarning
		return e, true
	case cur.Verdict == index.VerdictMalformed:
		// Raised once per round and rule: a batch signed over the round
		// anyway is a fraud (fraud_detected), and once it is voided the
		// round is malformed again, as already reported.
		if prev != nil && prev.Rule == cur.Rule && (prev.Verdict == index.VerdictMalformed || prev.Verdict == index.VerdictFraud) {
			return Event{}, false
		}
		e := NewEvent(meta, RoundMalformed, u64(cur.Round), cur.CommitTx.Hex(), cur.Rule)
		e.Severity = SeverityWarning
		return e, true
	}
	return Event{}, false
}

// roundMessage is the human summary of a round event.
func roundMessage(e *Event, batch *index.Batch) string {
	var b strings.Builder
	switch e.Type {
	case FraudDetected:
		fmt.Fprintf(&b, "Fraud in round %d", *e.Round)
		if batch != nil {
			fmt.Fprintf(&b, ": batch %s (block %d)", batch.TxHash.Hex(), batch.Block)
		}
		switch e.Kind {
		case index.KindBadAllocation:
			b.WriteString(" allocates")
			if e.Claimed != "" {
				b.WriteString(" " + e.Claimed)
			}
			if e.Index != nil {
				fmt.Fprintf(&b, " at index %d", *e.Index)
			}
			if e.Correct != "" {
				b.WriteString(" where the correct amount is " + e.Correct)
			}
			b.WriteString(" (bad allocation).")
		case "":
			b.WriteString(".")
		default:
			// A section 3 rule: the operators signed data that breaks it.
			b.WriteString(" was signed over data that breaks rule " + e.Kind + " (malformed commitments, signed).")
		}
		switch {
		case batch != nil && batch.Status == index.BatchVoided:
			b.WriteString(" The batch is already voided by a fraud proof.")
		case batch != nil && batch.Status == index.BatchFinalized:
			b.WriteString(" The batch is already finalized: the challenge window passed.")
		case e.DeadlineBlock != 0:
			fmt.Fprintf(&b, " Challenge deadline: block %d.", e.DeadlineBlock)
		}
	case RoundUnavailable:
		fmt.Fprintf(&b, "Round %d cannot be judged: its data is unavailable", *e.Round)
		if e.Reason != "" {
			b.WriteString(" (" + e.Reason + ")")
		}
		b.WriteString(".")
		if e.BatchTx != nil && e.DeadlineBlock != 0 {
			fmt.Fprintf(&b, " Challenge deadline of batch %s: block %d.", e.BatchTx.Hex(), e.DeadlineBlock)
		}
	case RoundMalformed:
		fmt.Fprintf(&b, "Round %d has malformed commitments", *e.Round)
		if e.Rule != "" {
			b.WriteString(" (rule " + e.Rule + ")")
		}
		b.WriteString(".")
	}
	if n := len(e.Recipients); n > 0 {
		fmt.Fprintf(&b, " %d recipient(s) affected.", n)
	}
	return b.String()
}

// ChallengeEvent returns an event about a fraud proof against batch batchTx
// of round: typ is ChallengeSent, ChallengeConfirmed, ChallengeFailed or
// ProvenByOther (another type gets a generic message). ch describes the
// proof (its transaction, gas, bounty, error); deadline is the batch's
// challenge deadline block. The id is derived from the type, round, batch
// and proof transaction (and, for a failure, its error), so each sent,
// confirmed or failed proof is one event.
func ChallengeEvent(meta Meta, typ Type, round uint64, batchTx common.Hash, ch Challenge, deadline uint64, recipients []common.Address) Event {
	var proofTx string
	if ch.TxHash != nil {
		proofTx = ch.TxHash.Hex()
		ch.TxHash = ptrHash(*ch.TxHash)
	}
	parts := []string{u64(round), batchTx.Hex(), proofTx}
	if typ == ChallengeFailed {
		parts = append(parts, ch.Error)
	}
	e := NewEvent(meta, typ, parts...)
	e.Round, e.BatchTx, e.DeadlineBlock = ptrU64(round), ptrHash(batchTx), deadline
	e.Challenge = &ch
	e.Recipients = uniqueAddresses(recipients)
	var b strings.Builder
	switch typ {
	case ChallengeSent:
		e.Severity = SeverityInfo
		fmt.Fprintf(&b, "Fraud proof against round %d, batch %s, sent", round, batchTx.Hex())
		if proofTx != "" {
			b.WriteString(" in transaction " + proofTx)
		}
		b.WriteString(".")
	case ChallengeConfirmed:
		e.Severity = SeverityInfo
		fmt.Fprintf(&b, "Fraud proof against round %d, batch %s, confirmed", round, batchTx.Hex())
		if proofTx != "" {
			b.WriteString(" in transaction " + proofTx)
		}
		if ch.GasUsed != 0 {
			fmt.Fprintf(&b, " (gas %d)", ch.GasUsed)
		}
		b.WriteString(".")
		if ch.Bounty != "" {
			b.WriteString(" Bounty: " + ch.Bounty + " wei.")
		}
	case ChallengeFailed:
		e.Severity = SeverityCritical
		fmt.Fprintf(&b, "Fraud proof against round %d, batch %s, failed", round, batchTx.Hex())
		if ch.Error != "" {
			b.WriteString(": " + ch.Error)
		}
		b.WriteString(".")
	case ProvenByOther:
		e.Severity = SeverityInfo
		fmt.Fprintf(&b, "Round %d, batch %s, was proven fraudulent by another challenger", round, batchTx.Hex())
		if proofTx != "" {
			b.WriteString(" in transaction " + proofTx)
		}
		b.WriteString(".")
	default:
		fmt.Fprintf(&b, "Challenge of round %d, batch %s: %s.", round, batchTx.Hex(), ch.State)
	}
	if deadline != 0 && (typ == ChallengeSent || typ == ChallengeFailed) {
		fmt.Fprintf(&b, " Challenge deadline: block %d.", deadline)
	}
	e.Message = b.String()
	return e
}

// DeadlineAtRiskEvent returns a deadline_at_risk event: batch batchTx of
// round is fraudulent, unproven, and the chain head is close to its
// challenge deadline. The id is derived from the round, batch and deadline:
// one event per batch, however often it is raised.
func DeadlineAtRiskEvent(meta Meta, round uint64, batchTx common.Hash, deadline, head uint64, recipients []common.Address) Event {
	e := NewEvent(meta, DeadlineAtRisk, u64(round), batchTx.Hex(), u64(deadline))
	e.Severity = SeverityCritical
	e.Round, e.BatchTx, e.DeadlineBlock, e.Block = ptrU64(round), ptrHash(batchTx), deadline, head
	e.Recipients = uniqueAddresses(recipients)
	left := uint64(0)
	if deadline > head {
		left = deadline - head
	}
	e.Data = map[string]any{"head": head, "blocksLeft": left}
	e.Message = fmt.Sprintf("Fraud in round %d, batch %s, is still unproven %d block(s) before its challenge deadline (block %d, head %d).",
		round, batchTx.Hex(), left, deadline, head)
	return e
}

// WatcherLaggingEvent returns a watcher_lagging event: the watcher has
// processed blocks up to processed while the chain head is head, lag blocks
// behind. The id is derived from processed, so each lag episode (the
// watcher stuck at another block) is one event.
func WatcherLaggingEvent(meta Meta, head, processed, lag uint64) Event {
	e := NewEvent(meta, WatcherLagging, u64(processed))
	e.Severity = SeverityWarning
	e.Block = processed
	e.Data = map[string]any{"head": head, "processed": processed, "lagBlocks": lag}
	e.Message = fmt.Sprintf("The watcher is %d block(s) behind the chain head: processed up to block %d, head %d.", lag, processed, head)
	return e
}

// NodeStalledEvent returns a node_stalled event: the node is stalled
// (kind: no-new-head, no-successful-call or syncing; reason says more) at
// head. The id is derived from the head and the kind, so each episode (the
// node stuck at another block) is one event.
func NodeStalledEvent(meta Meta, head uint64, kind, reason string) Event {
	e := NewEvent(meta, NodeStalled, u64(head), kind)
	e.Severity = SeverityCritical
	e.Block, e.Reason = head, reason
	e.Data = map[string]any{"head": head, "kind": kind}
	e.Message = "The node denomwatch reads is stalled: " + reason + ". Frauds go unseen until it recovers."
	return e
}

// RPCEndpointLyingEvent returns an rpc_endpoint_lying event: the endpoint
// (a redacted URL) answered something false, of kind (rpcpool.LieKind:
// header, logs, receipts, fork, frozen-head, absurd-head) at block; reason
// says how it was caught. Critical: a lie is an attack or a broken node,
// and with no truthful endpoint left the watcher judges nothing. The id is
// derived from the endpoint, the kind and the block, so each lie is one
// event however often it is told again.
func RPCEndpointLyingEvent(meta Meta, endpoint, kind string, block uint64, reason string) Event {
	e := NewEvent(meta, RPCEndpointLying, endpoint, kind, u64(block))
	e.Severity = SeverityCritical
	e.Block, e.Reason = block, reason
	e.Data = map[string]any{"endpoint": endpoint, "kind": kind}
	e.Message = fmt.Sprintf("The RPC endpoint %s lied (%s at block %d): its answers are not used while others answer truly.", endpoint, kind, block)
	return e
}

// BalanceLowEvent returns a balance_low event: the challenger key account
// holds balance wei, which pays proofs proofs of cost wei each (fewer than
// wanted). Critical when it cannot pay one. The id is derived from the
// account and the balance, so each episode is one event.
func BalanceLowEvent(meta Meta, account common.Address, balance, cost string, proofs, wanted uint64) Event {
	e := NewEvent(meta, BalanceLow, account.Hex(), balance)
	e.Severity = SeverityWarning
	if proofs == 0 {
		e.Severity = SeverityCritical
	}
	e.Data = map[string]any{"account": account.Hex(), "balanceWei": balance, "proofCostWei": cost, "proofs": proofs, "wantedProofs": wanted}
	e.Message = fmt.Sprintf("The challenger %s holds %s wei: %d proof(s) at %s wei each, fewer than the %d wanted. Fund it, or frauds go unproven.",
		account.Hex(), balance, proofs, cost, wanted)
	return e
}

// ReauditMismatchEvent returns a reaudit_mismatch event: recomputing round
// (its latest batch, batchTx) gave verdict recomputed where the index holds
// stored; detail says more. The id is derived from the round, batch and
// both verdicts.
func ReauditMismatchEvent(meta Meta, round uint64, batchTx common.Hash, stored, recomputed index.Verdict, detail string) Event {
	e := NewEvent(meta, ReauditMismatch, u64(round), batchTx.Hex(), string(stored), string(recomputed))
	e.Severity = SeverityCritical
	e.Round, e.Verdict, e.Reason = ptrU64(round), string(recomputed), detail
	if batchTx != (common.Hash{}) {
		e.BatchTx = ptrHash(batchTx)
	}
	e.Data = map[string]any{"storedVerdict": string(stored), "recomputedVerdict": string(recomputed)}
	e.Message = fmt.Sprintf("Re-audit of round %d disagrees with the index: stored verdict %s, recomputed %s.", round, stored, recomputed)
	if detail != "" {
		e.Message += " " + detail
	}
	return e
}

// DigestEvent returns the daily_digest event of day (its UTC date) with
// counts (verdicts, challenges, dead letters: whatever the caller tallies).
// The id is derived from the date: one digest per day.
func DigestEvent(meta Meta, day time.Time, counts map[string]uint64) Event {
	date := day.UTC().Format(time.DateOnly)
	e := NewEvent(meta, DailyDigest, date)
	e.Severity = SeverityInfo
	c := make(map[string]any, len(counts))
	parts := make([]string, 0, len(counts))
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		c[k] = counts[k]
		parts = append(parts, fmt.Sprintf("%s %d", k, counts[k]))
	}
	e.Data = map[string]any{"day": date, "counts": c}
	e.Message = "Daily digest for " + date
	if len(parts) > 0 {
		e.Message += ": " + strings.Join(parts, ", ")
	}
	e.Message += "."
	return e
}

// validToken reports whether s is 1 to max bytes of ASCII letters, digits
// and ".", "_", "-", ":" (safe in an HTTP header and a log line).
func validToken(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-' || c == ':') {
			return false
		}
	}
	return true
}

// Check reports whether e can be sent: an id and a type that fit in HTTP
// headers (letters, digits, ".", "_", "-", ":"; at most 128 and 64 bytes).
func (e Event) Check() error {
	switch {
	case !validToken(e.ID, maxIDLen):
		return fmt.Errorf("%w: id %q is not 1 to %d letters, digits or ._-:", ErrEvent, e.ID, maxIDLen)
	case !validToken(string(e.Type), maxTypeLen):
		return fmt.Errorf("%w: type %q is not 1 to %d letters, digits or ._-:", ErrEvent, e.Type, maxTypeLen)
	}
	return nil
}

// Marshal encodes the event as a webhook body (JSON), refusing (ErrEvent)
// an event that fails Check or does not encode. A zero SchemaVersion is
// set to SchemaVersion.
func (e Event) Marshal() ([]byte, error) {
	if err := e.Check(); err != nil {
		return nil, err
	}
	if e.SchemaVersion == 0 {
		e.SchemaVersion = SchemaVersion
	}
	b, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("%w: %s %s: %v", ErrEvent, e.Type, e.ID, err)
	}
	return b, nil
}

// MarshalAll encodes events with Marshal, for BlockUpdate.Alerts or
// Store.Enqueue.
func MarshalAll(events []Event) ([][]byte, error) {
	out := make([][]byte, 0, len(events))
	for _, e := range events {
		b, err := e.Marshal()
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// ParseEvent decodes a webhook body and checks it (Event.Check); a body
// that does not decode or fails the check is refused with ErrEvent.
func ParseEvent(body []byte) (Event, error) {
	var e Event
	if err := json.Unmarshal(body, &e); err != nil {
		return Event{}, fmt.Errorf("%w: %v", ErrEvent, err)
	}
	if err := e.Check(); err != nil {
		return Event{}, err
	}
	return e, nil
}
