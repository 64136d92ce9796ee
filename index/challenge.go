package index

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
)

// Challenges: the challenger's record of each fraud proof it builds, sends
// and follows, keyed by round and the batch it proves wrong.
//
//	| v1/challenge/<8-byte round>/<32-byte batch tx hash> | JSON challenge record |
//
// A record that is not settled (ChallengeState.Terminal is false) carries
// the Badger user-meta bit metaChallengeOpen, so that OpenChallenges finds
// the challenges in flight from the keys alone, without decoding every
// record of a months-long history.

// metaChallengeOpen is the user-meta bit of a challenge key whose record is
// not settled.
const metaChallengeOpen byte = 0x01

// ChallengeState is where a challenge stands. The string values are a
// stable interface (API, alerts, metrics).
type ChallengeState string

// The challenge states, in the order a challenge normally goes through them.
const (
	// ChallengePlanned: the proof is built and its gas estimated.
	ChallengePlanned ChallengeState = "planned"
	// ChallengeSimulated: eth_call at the latest block accepted the proof.
	ChallengeSimulated ChallengeState = "simulated"
	// ChallengeSending: a signed transaction is stored (the last attempt)
	// and may or may not have reached the node.
	ChallengeSending ChallengeState = "sending"
	// ChallengeSent: the node accepted the last attempt; waiting for it (or
	// an earlier attempt with the same nonce) to be mined and confirmed.
	ChallengeSent ChallengeState = "sent"
	// ChallengeConfirmed: the proof is mined, successful, and at least the
	// configured number of blocks deep. Terminal.
	ChallengeConfirmed ChallengeState = "confirmed"
	// ChallengeFailed: the proof was refused (simulation or mined revert for
	// a reason other than those below) or could not be built. Terminal.
	ChallengeFailed ChallengeState = "failed"
	// ChallengeProvenByOther: another challenger proved the batch first.
	// Terminal, not a failure.
	ChallengeProvenByOther ChallengeState = "proven-by-other"
	// ChallengeExpired: the challenge window closed with the batch unproven
	// by this challenger. Terminal.
	ChallengeExpired ChallengeState = "expired"
	// ChallengeDryRun: built and simulated in dry-run mode, never sent.
	// Terminal for a dry-run challenger; a challenger that sends treats it
	// as not yet planned.
	ChallengeDryRun ChallengeState = "dry-run"
)

// ChallengeStates lists every state.
var ChallengeStates = []ChallengeState{
	ChallengePlanned, ChallengeSimulated, ChallengeSending, ChallengeSent,
	ChallengeConfirmed, ChallengeFailed, ChallengeProvenByOther, ChallengeExpired, ChallengeDryRun,
}

// Valid reports whether s is one of the states.
func (s ChallengeState) Valid() bool { return slices.Contains(ChallengeStates, s) }

// Terminal reports whether a challenge in state s is settled: nothing is in
// flight and the challenger leaves it alone (dry-run: unless it sends).
func (s ChallengeState) Terminal() bool {
	switch s {
	case ChallengeConfirmed, ChallengeFailed, ChallengeProvenByOther, ChallengeExpired, ChallengeDryRun:
		return true
	}
	return false
}

// ChallengeAttempt is one signed transaction of a challenge. The attempts of
// a challenge share one nonce (replacements with higher fees), except after
// a re-plan (the nonce was taken by another transaction), which starts a
// new nonce.
type ChallengeAttempt struct {
	TxHash    common.Hash `json:"txHash"`
	Nonce     uint64      `json:"nonce"`
	GasFeeCap string      `json:"gasFeeCap"` // wei, decimal
	GasTipCap string      `json:"gasTipCap"` // wei, decimal
	Gas       uint64      `json:"gas"`
	// Raw is the signed transaction, 0x-hex (EIP-2718 binary encoding).
	Raw string `json:"raw"`
	// SentAt and SentBlock are when the node accepted the transaction (nil
	// and 0 while it is only signed and stored).
	SentAt    *time.Time `json:"sentAt,omitempty"`
	SentBlock uint64     `json:"sentBlock,omitempty"`
	// Cancel marks a replacement that only consumes the nonce (a 0-value
	// transfer to the challenger itself): the proof was no longer needed.
	Cancel bool `json:"cancel,omitempty"`
}

// ProofEstimate is the measured gas of one proof that applied.
type ProofEstimate struct {
	Kind  string `json:"kind"`
	Index uint64 `json:"index"`
	Gas   uint64 `json:"gas"`
	// Error is why the estimate failed, if it did.
	Error string `json:"error,omitempty"`
}

// Challenge is the challenger's record of one fraud proof against one batch.
// Field names are a stable interface.
type Challenge struct {
	Round   uint64      `json:"round"`
	BatchTx common.Hash `json:"batchTx"`
	// BatchBlock is the block of the batch transaction.
	BatchBlock uint64 `json:"batchBlock"`
	// AllocationRoot is the root of the batch proven wrong.
	AllocationRoot common.Hash `json:"allocationRoot"`
	// Kind (KindBadPublication or KindBadAllocation) and Index are those of
	// the proof chosen (the contract's FraudProven kind and index).
	Kind  string         `json:"kind"`
	Index uint64         `json:"index"`
	State ChallengeState `json:"state"`
	// Challenger is the address that signs the proof (zero in dry-run
	// without a key).
	Challenger common.Address `json:"challenger"`
	// Estimates are the gas estimates of every proof that applied; the
	// cheapest was chosen.
	Estimates []ProofEstimate `json:"estimates,omitempty"`
	// GasEstimate is the chosen proof's estimate.
	GasEstimate uint64 `json:"gasEstimate,omitempty"`
	// TxHash is the attempt that was mined, else the latest attempt.
	TxHash   *common.Hash       `json:"txHash,omitempty"`
	Attempts []ChallengeAttempt `json:"attempts"`
	// Block is the block the proof was mined in (0 while not mined).
	Block   uint64 `json:"block,omitempty"`
	GasUsed uint64 `json:"gasUsed,omitempty"`
	// Bounty is what the proof paid this challenger, wei, decimal.
	Bounty string `json:"bounty,omitempty"`
	// ProvenBy and ProvenTx name the other challenger's proof
	// (proven-by-other).
	ProvenBy *common.Address `json:"provenBy,omitempty"`
	ProvenTx *common.Hash    `json:"provenTx,omitempty"`
	// Error says why the challenge failed or expired, or what its dry-run
	// simulation gave; Revert is the contract's custom error name, if any.
	Error  string `json:"error,omitempty"`
	Revert string `json:"revert,omitempty"`
	// DeadlineBlock is the last block in which the proof can be mined.
	DeadlineBlock uint64 `json:"deadlineBlock"`
	// DeadlineAlerted: a deadline_at_risk alert was raised.
	DeadlineAlerted bool `json:"deadlineAlerted,omitempty"`
	// Settle is the state a challenge whose proof is no longer needed
	// (proven by another, window closed) settles in once its nonce is
	// consumed by the cancelling replacement.
	Settle ChallengeState `json:"settle,omitempty"`
	// Recipients are the recipients the fraud wrongs, for the alerts
	// (computed when the proof is planned).
	Recipients []common.Address `json:"recipients,omitempty"`
	// Replans counts the times the challenge started over with a new nonce.
	Replans int `json:"replans,omitempty"`
	// Reopens counts the times a confirmed proof was found no longer on
	// the canonical chain (a reorganisation deeper than the confirmations)
	// and the challenge was followed again.
	Reopens int       `json:"reopens,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// ErrChallengeFinal is returned by PutChallenge when the stored record is
// settled (terminal, other than dry-run) and the new one changes its state.
var ErrChallengeFinal = errors.New("challenge already settled")

// ErrChallenge wraps a challenge record PutChallenge refuses.
var ErrChallenge = errors.New("invalid challenge record")

func challengeKey(round uint64, batchTx common.Hash) []byte {
	k := appendU64(withPrefix(prefixChallenge, 8+1+common.HashLength), round)
	k = append(k, '/')
	return append(k, batchTx[:]...)
}

// challengeRoundPrefix is the prefix of every challenge key of a round.
func challengeRoundPrefix(round uint64) []byte {
	return append(appendU64(withPrefix(prefixChallenge, 9), round), '/')
}

// parseChallengeKey returns the round and batch of a challenge key.
func parseChallengeKey(k []byte) (uint64, common.Hash, bool) {
	p := len(prefixChallenge)
	if len(k) != p+8+1+common.HashLength || !bytes.HasPrefix(k, prefixChallenge) || k[p+8] != '/' {
		return 0, common.Hash{}, false
	}
	return binary.BigEndian.Uint64(k[p : p+8]), common.BytesToHash(k[p+9:]), true
}

func challengeMeta(s ChallengeState) byte {
	if s.Terminal() {
		return 0
	}
	return metaChallengeOpen
}

// validate checks what PutChallenge requires of a record.
func (c *Challenge) validate() error {
	switch {
	case !c.State.Valid():
		return fmt.Errorf("%w: unknown state %q", ErrChallenge, c.State)
	case c.Kind != KindBadPublication && c.Kind != KindBadAllocation:
		return fmt.Errorf("%w: unknown kind %q", ErrChallenge, c.Kind)
	case (c.State == ChallengeSending || c.State == ChallengeSent) && len(c.Attempts) == 0:
		return fmt.Errorf("%w: state %s without an attempt", ErrChallenge, c.State)
	case c.Settle != "" && !c.Settle.Terminal():
		return fmt.Errorf("%w: settles in %q, not a terminal state", ErrChallenge, c.Settle)
	}
	return nil
}

// PutChallenge writes a challenge record and enqueues alert bodies (JSON)
// in the outbox, in one transaction: the alerts are raised if and only if
// the state they announce is stored. A settled record (terminal, dry-run
// excepted) keeps its state: writing another state over it fails with
// ErrChallengeFinal and changes nothing, except a confirmed record reopened
// as sent with Reopens one higher (its proof left the canonical chain).
// Rollback never undoes a record.
func (s *Store) PutChallenge(c Challenge, alerts ...[]byte) error {
	if err := c.validate(); err != nil {
		return fmt.Errorf("index: put challenge of round %d: %w", c.Round, err)
	}
	if c.Attempts == nil {
		c.Attempts = []ChallengeAttempt{}
	}
	b, err := json.Marshal(&c)
	if err != nil {
		return fmt.Errorf("index: put challenge of round %d: %w", c.Round, err)
	}
	key := challengeKey(c.Round, c.BatchTx)
	return s.update(fmt.Sprintf("put challenge of round %d batch %s", c.Round, c.BatchTx.Hex()), func(txn *badger.Txn) error {
		var old Challenge
		ok, err := getJSON(txn, key, &old)
		if err != nil {
			return err
		}
		reopen := old.State == ChallengeConfirmed && c.State == ChallengeSent && c.Reopens == old.Reopens+1
		if ok && old.State.Terminal() && old.State != ChallengeDryRun && old.State != c.State && !reopen {
			return fmt.Errorf("%w: stored as %s, not changed to %s", ErrChallengeFinal, old.State, c.State)
		}
		if err := txn.SetEntry(badger.NewEntry(key, b).WithMeta(challengeMeta(c.State))); err != nil {
			return err
		}
		_, err = enqueue(txn, alerts)
		return err
	})
}

// Challenge returns the challenge of a round's batch, or false when there is
// none.
func (s *Store) Challenge(round uint64, batchTx common.Hash) (Challenge, bool, error) {
	var (
		c  Challenge
		ok bool
	)
	err := s.view(fmt.Sprintf("challenge of round %d batch %s", round, batchTx.Hex()), func(txn *badger.Txn) (err error) {
		ok, err = getJSON(txn, challengeKey(round, batchTx), &c)
		return err
	})
	return c, ok, err
}

// ChallengesByRound returns the challenges of a round (one per batch
// challenged), by batch transaction hash.
func (s *Store) ChallengesByRound(round uint64) ([]Challenge, error) {
	return s.ChallengesBetween(round, round)
}

// ChallengesBetween returns the challenges of rounds from..to (inclusive),
// by round then batch transaction hash (the result is empty, not nil, when
// there is none). It refuses from > to, and more than 10,000 rounds at once,
// with ErrRange.
func (s *Store) ChallengesBetween(from, to uint64) ([]Challenge, error) {
	if from > to {
		return nil, fmt.Errorf("index: %w: challenges of rounds %d..%d: from > to", ErrRange, from, to)
	}
	if to-from >= maxRange {
		return nil, fmt.Errorf("index: %w: challenges of rounds %d..%d: more than %d rounds at once", ErrRange, from, to, maxRange)
	}
	out := []Challenge{}
	err := s.view(fmt.Sprintf("challenges of rounds %d..%d", from, to), func(txn *badger.Txn) error {
		return eachChallenge(txn, challengeRoundPrefix(from), false, func(round uint64, c Challenge) bool {
			if round > to {
				return false
			}
			out = append(out, c)
			return true
		})
	})
	return out, err
}

// Challenges returns every challenge record, by round.
func (s *Store) Challenges() ([]Challenge, error) {
	out := []Challenge{}
	err := s.view("challenges", func(txn *badger.Txn) error {
		return eachChallenge(txn, prefixChallenge, false, func(_ uint64, c Challenge) bool {
			out = append(out, c)
			return true
		})
	})
	return out, err
}

// OpenChallenges returns the challenges that are not settled (planned,
// simulated, sending, sent), by round. It decodes only those: the others
// are skipped by their keys' user-meta bit.
func (s *Store) OpenChallenges() ([]Challenge, error) {
	out := []Challenge{}
	err := s.view("open challenges", func(txn *badger.Txn) error {
		return eachChallenge(txn, prefixChallenge, true, func(_ uint64, c Challenge) bool {
			out = append(out, c)
			return true
		})
	})
	return out, err
}

// eachChallenge calls fn with every challenge from the key seek on (only the
// open ones with openOnly) until fn returns false.
func eachChallenge(txn *badger.Txn, seek []byte, openOnly bool, fn func(round uint64, c Challenge) bool) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixChallenge, PrefetchValues: !openOnly, PrefetchSize: 16})
	defer it.Close()
	for it.Seek(seek); it.Valid(); it.Next() {
		item := it.Item()
		round, _, ok := parseChallengeKey(item.Key())
		if !ok {
			return fmt.Errorf("%w: malformed key %s", ErrInconsistent, keyString(item.Key()))
		}
		if openOnly && item.UserMeta()&metaChallengeOpen == 0 {
			continue
		}
		var c Challenge
		if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &c) }); err != nil {
			return fmt.Errorf("%w: %s does not decode: %v", ErrInconsistent, keyString(item.Key()), err)
		}
		if !fn(round, c) {
			return nil
		}
	}
	return nil
}

// challengeKeyString renders a challenge key for messages.
func challengeKeyString(k []byte) (string, bool) {
	round, tx, ok := parseChallengeKey(k)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("v1/challenge/%d/%s", round, tx.Hex()), true
}

// challenge checks a challenge record: its key, that it decodes, that it is
// the record of the round and batch its key names, that its state and kind
// are known, and that the key's open bit matches the state.
func (c *checker) challenge(item *badger.Item, k []byte) {
	round, tx, ok := parseChallengeKey(k)
	if !ok {
		c.addf("malformed key %q", k)
		return
	}
	name, _ := challengeKeyString(k)
	var ch Challenge
	if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &ch) }); err != nil {
		c.addf("%s does not decode: %v", name, err)
		return
	}
	if ch.Round != round || ch.BatchTx != tx {
		c.addf("%s holds the challenge of round %d batch %s", name, ch.Round, ch.BatchTx.Hex())
	}
	if err := ch.validate(); err != nil {
		c.addf("%s: %v", name, err)
		return
	}
	if open := item.UserMeta()&metaChallengeOpen != 0; open == ch.State.Terminal() {
		c.addf("%s: state %s but open bit %v", name, ch.State, open)
	}
}
