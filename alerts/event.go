// Package alerts turns what the watcher and the challenger see into signed
// webhook deliveries: a stable JSON event schema, a persistent outbox in the
// index, retries with backoff and jitter, dead letters, and per-webhook
// recipient filters.
package alerts

import (
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// SchemaVersion is the version of the event body; it changes only when a
// field changes meaning or is removed.
const SchemaVersion = 1

// Type is an event type. The string values are a stable interface.
type Type string

// The event types.
const (
	FraudDetected      Type = "fraud_detected"
	ChallengeSent      Type = "challenge_sent"
	ChallengeConfirmed Type = "challenge_confirmed"
	ChallengeFailed    Type = "challenge_failed"
	ProvenByOther      Type = "proven_by_other"
	RoundUnavailable   Type = "round_unavailable"
	RoundMalformed     Type = "round_malformed"
	DeadlineAtRisk     Type = "deadline_at_risk"
	WatcherLagging     Type = "watcher_lagging"
	ReauditMismatch    Type = "reaudit_mismatch"
	DailyDigest        Type = "daily_digest"
	// FraudFinalizedUnproven: a fraudulent batch was finalized, its window
	// over with no proof: the signers got away with it.
	FraudFinalizedUnproven Type = "fraud_finalized_unproven"
	// NodeStalled: the node produced no new head, answered no call, or
	// reported that it is syncing, for too long.
	NodeStalled Type = "node_stalled"
	// BalanceLow: the challenger key cannot pay for the proofs it may need.
	BalanceLow Type = "balance_low"
	// RPCEndpointLying: an RPC endpoint's answer failed verification
	// against the block headers, or the cross-check of the endpoints.
	RPCEndpointLying Type = "rpc_endpoint_lying"
)

// Severity says how urgently a person should look at an event. The string
// values are a stable interface.
type Severity string

// The severities.
const (
	// SeverityCritical: money is at stake now (a fraud to prove, a proof
	// that failed, a deadline about to pass).
	SeverityCritical Severity = "critical"
	// SeverityWarning: something needs attention (a round that cannot be
	// judged, a watcher falling behind).
	SeverityWarning Severity = "warning"
	// SeverityInfo: for the record (a proof sent or confirmed, a digest).
	SeverityInfo Severity = "info"
)

// Challenge is the challenge part of an event.
type Challenge struct {
	State   string       `json:"state"`
	TxHash  *common.Hash `json:"txHash,omitempty"`
	GasUsed uint64       `json:"gasUsed,omitempty"`
	Bounty  string       `json:"bounty,omitempty"` // wei, decimal
	Error   string       `json:"error,omitempty"`
}

// Event is the JSON body of a webhook delivery. Field names are a stable
// interface; fields that do not apply to a type are omitted.
type Event struct {
	// ID is unique per event and the same on every delivery attempt, so a
	// receiver drops duplicates by it.
	ID            string         `json:"id"`
	Type          Type           `json:"type"`
	Severity      Severity       `json:"severity,omitempty"`
	SchemaVersion int            `json:"schemaVersion"`
	CreatedAt     time.Time      `json:"createdAt"`
	ChainID       uint64         `json:"chainId"`
	AVS           common.Address `json:"avs"`
	Round         *uint64        `json:"round,omitempty"`
	Block         uint64         `json:"block,omitempty"` // the block the event is about
	Verdict       string         `json:"verdict,omitempty"`
	Kind          string         `json:"kind,omitempty"`
	Index         *uint64        `json:"index,omitempty"`
	Claimed       string         `json:"claimed,omitempty"`
	Correct       string         `json:"correct,omitempty"`
	Rule          string         `json:"rule,omitempty"`
	Reason        string         `json:"reason,omitempty"`
	BatchTx       *common.Hash   `json:"batchTx,omitempty"`
	DeadlineBlock uint64         `json:"deadlineBlock,omitempty"`
	Challenge     *Challenge     `json:"challenge,omitempty"`
	// Recipients are the addresses the event concerns (for a fraud, the
	// recipients with a wrong allocation); a webhook filtered by recipient
	// receives only events naming one of its addresses.
	Recipients []common.Address `json:"recipients,omitempty"`
	Message    string           `json:"message"`
	// Data carries type-specific extras (the digest's counts, lag figures).
	Data map[string]any `json:"data,omitempty"`
}
