package challenge

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/index"
)

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

// event builds the alert body for rec, typ at block, with the alerts
// package's constructors (severity, id, message, recipients); msg, the
// challenger's own account of the state, is kept in data.detail.
func (c *Challenger) event(typ alerts.Type, rec *index.Challenge, block uint64, msg string) ([]byte, error) {
	meta := alerts.Meta{ChainID: c.chainID.Uint64(), AVS: c.cfg.AVS, Now: c.now}
	var ev alerts.Event
	if typ == alerts.DeadlineAtRisk {
		ev = alerts.DeadlineAtRiskEvent(meta, rec.Round, rec.BatchTx, rec.DeadlineBlock, block, rec.Recipients)
		ev.Data["state"] = string(rec.State)
	} else {
		ch := alerts.Challenge{State: string(rec.State), TxHash: rec.TxHash, GasUsed: rec.GasUsed, Bounty: rec.Bounty, Error: rec.Error}
		if typ == alerts.ProvenByOther && rec.ProvenTx != nil {
			ch.TxHash = rec.ProvenTx
		}
		ev = alerts.ChallengeEvent(meta, typ, rec.Round, rec.BatchTx, ch, rec.DeadlineBlock, rec.Recipients)
		ev.Data = map[string]any{}
		if rec.ProvenBy != nil {
			ev.Data["provenBy"] = rec.ProvenBy.Hex()
		}
	}
	idx := rec.Index
	ev.Block, ev.Verdict, ev.Kind, ev.Index = block, string(index.VerdictFraud), rec.Kind, &idx
	ev.Data["detail"] = msg
	b, err := ev.Marshal()
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
