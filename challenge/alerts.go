package challenge

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/index"
)

// alertID is the event's id: the same for the same fact on every attempt
// and restart, so a receiver drops duplicates by it.
func alertID(typ alerts.Type, chainID uint64, avs common.Address, round uint64, batch common.Hash, state index.ChallengeState, tx string) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s|%d|%s|%d|%s|%s|%s", typ, chainID, strings.ToLower(avs.Hex()), round, batch.Hex(), state, tx))
	return hex.EncodeToString(sum[:])[:32]
}

// alertType is the event type announcing a challenge's state.
func alertType(s index.ChallengeState) (alerts.Type, bool) {
	switch s {
	case index.ChallengeSent:
		return alerts.ChallengeSent, true
	case index.ChallengeConfirmed:
		return alerts.ChallengeConfirmed, true
	case index.ChallengeFailed, index.ChallengeExpired:
		return alerts.ChallengeFailed, true
	case index.ChallengeProvenByOther:
		return alerts.ProvenByOther, true
	}
	return "", false
}

// event builds the alert body for rec: typ at block, with message msg.
func (c *Challenger) event(typ alerts.Type, rec *index.Challenge, block uint64, msg string) ([]byte, error) {
	round, idx, batch := rec.Round, rec.Index, rec.BatchTx
	tx := ""
	if rec.TxHash != nil {
		tx = rec.TxHash.Hex()
	}
	state := rec.State
	if typ == alerts.DeadlineAtRisk {
		tx, state = "", ""
	}
	ch := &alerts.Challenge{State: string(rec.State), TxHash: rec.TxHash, GasUsed: rec.GasUsed, Bounty: rec.Bounty, Error: rec.Error}
	if typ == alerts.ProvenByOther && rec.ProvenTx != nil {
		ch.TxHash = rec.ProvenTx
	}
	ev := alerts.Event{
		ID:            alertID(typ, c.chainID.Uint64(), c.cfg.AVS, round, batch, state, tx),
		Type:          typ,
		SchemaVersion: alerts.SchemaVersion,
		CreatedAt:     c.now().UTC(),
		ChainID:       c.chainID.Uint64(),
		AVS:           c.cfg.AVS,
		Round:         &round,
		Block:         block,
		Verdict:       string(index.VerdictFraud),
		Kind:          rec.Kind,
		Index:         &idx,
		BatchTx:       &batch,
		DeadlineBlock: rec.DeadlineBlock,
		Challenge:     ch,
		Message:       msg,
	}
	if rec.ProvenBy != nil {
		ev.Data = map[string]any{"provenBy": rec.ProvenBy.Hex()}
	}
	b, err := json.Marshal(ev)
	if err != nil {
		return nil, fmt.Errorf("alert %s: %w", typ, err)
	}
	return b, nil
}

// stateMessage is the human line of an alert announcing rec's state.
func stateMessage(rec *index.Challenge) string {
	switch rec.State {
	case index.ChallengeSent:
		return fmt.Sprintf("Fraud proof (%s at index %d) sent for round %d: transaction %s", rec.Kind, rec.Index, rec.Round, hashString(rec.TxHash))
	case index.ChallengeConfirmed:
		return fmt.Sprintf("Fraud proof of round %d confirmed in block %d: %d gas, bounty %s wei", rec.Round, rec.Block, rec.GasUsed, rec.Bounty)
	case index.ChallengeProvenByOther:
		return fmt.Sprintf("The fraud of round %d was proven by another challenger: %s", rec.Round, rec.Error)
	case index.ChallengeExpired:
		return fmt.Sprintf("The challenge window of round %d closed before this challenger's proof was mined: %s", rec.Round, rec.Error)
	}
	return fmt.Sprintf("Fraud proof of round %d failed: %s", rec.Round, rec.Error)
}

func hashString(h *common.Hash) string {
	if h == nil {
		return "none"
	}
	return h.Hex()
}
