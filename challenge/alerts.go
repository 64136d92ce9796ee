package challenge

import (
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/judge"
)

// The alerts, all through the alerts package's constructors:
//
//	a new proof, challenge or slash stored     challenge_sent (with its record)
//	settled confirmed                          challenge_confirmed
//	settled proven-by-other                    proven_by_other
//	settled failed or expired                  challenge_failed
//	a move the balance cannot pay              balance_low (once per move)
//	the open work above the balance            balance_low (once per episode)
//	a live batch judged wrong near its deadline deadline_at_risk (once per batch and deadline)

func (e *Executor) meta() alerts.Meta {
	return alerts.Meta{ChainID: e.chainID.Uint64(), AVS: e.cfg.AVS, Now: e.now}
}

// batchTx is the transaction of w's batch, as the index has it.
func batchTx(w *work) common.Hash {
	if b := batchOf(w.round, w.rec.Attempt); b != nil {
		return b.TxHash
	}
	return common.Hash{}
}

// deadline is w's batch's proof deadline as last seen.
func deadline(w *work) uint64 {
	if b := w.facts.Batch; b != nil {
		return b.Deadline
	}
	return 0
}

// marshal encodes an event; a failure is a bug of the constructors and is
// logged, the alert dropped.
func (e *Executor) marshal(ev alerts.Event) [][]byte {
	b, err := ev.Marshal()
	if err != nil {
		e.log.Error("an alert does not encode; dropped", "type", ev.Type, "err", err)
		return nil
	}
	return [][]byte{b}
}

// sentAlerts is challenge_sent for a new move (not a replacement).
func (e *Executor) sentAlerts(w *work, a solve.Action, tx *types.Transaction) [][]byte {
	if a.Kind == solve.KindReplace || a.Kind == solve.KindCancel {
		return nil
	}
	h := tx.Hash()
	ev := alerts.ChallengeEvent(e.meta(), alerts.ChallengeSent, w.rec.Round, batchTx(w),
		alerts.Challenge{State: string(solve.StateOpen), TxHash: &h}, deadline(w), nil)
	ev.Kind = kindOf(a.Target)
	ev.Data = map[string]any{"attempt": w.rec.Attempt, "move": string(a.Target.Kind), "detail": a.Note}
	if a.Target.Kind != solve.MoveProve {
		// The constructor words every move as a fraud proof; say which
		// move this is.
		ev.Message = fmt.Sprintf("The %s of round %d (attempt %d) was sent in transaction %s: %s",
			a.Target, w.rec.Round, w.rec.Attempt, h.Hex(), a.Note)
	}
	return e.marshal(ev)
}

// kindOf names a move's target for an alert's kind: the rule of a proof,
// else the move and its object.
func kindOf(t solve.Target) string {
	if t.Kind == solve.MoveProve {
		return string(t.Rule)
	}
	return fmt.Sprintf("%s-%s", t.Kind, t.Object.FraudKind())
}

// settleAlerts is the alert of a final state (none for the others).
func (e *Executor) settleAlerts(w *work, a solve.Action) [][]byte {
	if a.Kind != solve.KindSettle || a.Final == nil {
		return nil
	}
	typ, ok := map[solve.FinalState]alerts.Type{
		solve.FinalConfirmed: alerts.ChallengeConfirmed, solve.FinalProvenByOther: alerts.ProvenByOther,
		solve.FinalFailed: alerts.ChallengeFailed, solve.FinalExpired: alerts.ChallengeFailed,
	}[a.Final.State]
	if !ok {
		return nil
	}
	ch := alerts.Challenge{State: string(a.Final.State)}
	if tx := a.Final.Basis.Tx; tx != (common.Hash{}) {
		ch.TxHash = &tx
	}
	if typ == alerts.ChallengeFailed {
		ch.Error = a.Final.Reason
	}
	ev := alerts.ChallengeEvent(e.meta(), typ, w.rec.Round, batchTx(w), ch, deadline(w), nil)
	ev.Data = map[string]any{"attempt": w.rec.Attempt, "detail": a.Final.Reason}
	return e.marshal(ev)
}

// alertUnderfunded raises balance_low once for a move the balance cannot
// pay.
func (e *Executor) alertUnderfunded(w *work, a solve.Action) error {
	key := proofKey{batch{w.rec.Round, w.rec.Attempt}, a.Target}
	e.log.Warn("the key cannot pay the move that is due", "round", w.rec.Round, "attempt", w.rec.Attempt, "target", a.Target.String(), "note", a.Note)
	if e.alerted[key] || a.Alert == nil {
		return nil
	}
	need, bal := "unknown", "unknown"
	if a.Alert.Need != nil {
		need = a.Alert.Need.Dec()
	}
	if a.Alert.Balance != nil {
		bal = a.Alert.Balance.Dec()
	}
	ev := alerts.BalanceLowEvent(e.meta(), e.from, bal, need, 0, 1)
	ev.Data["round"], ev.Data["attempt"], ev.Data["move"] = w.rec.Round, w.rec.Attempt, a.Target.String()
	if _, err := e.d.Store.Enqueue(e.marshal(ev)...); err != nil {
		return err
	}
	e.alerted[key] = true
	return nil
}

// deadlineAlerts raises deadline_at_risk for each batch judged fraudulent
// or unavailable that is still live within DeadlineAlertBlocks of its
// deadline: no move that would void it has been mined, and people should
// know before the window closes.
func (e *Executor) deadlineAlerts(p *pass, ws []*work) error {
	for _, w := range ws {
		if !e.deadlineAtRisk(p.head, w) {
			continue
		}
		b := w.facts.Batch
		key := batch{w.rec.Round, w.rec.Attempt}
		if e.deadlineAlerted[key] == b.Deadline {
			continue
		}
		ev := alerts.DeadlineAtRiskEvent(e.meta(), w.rec.Round, batchTx(w), b.Deadline, p.head, wronged(w.facts.Verdict))
		if _, err := e.d.Store.Enqueue(e.marshal(ev)...); err != nil {
			return err
		}
		e.log.Warn("a wrong batch is still live near its deadline", "round", w.rec.Round, "attempt", w.rec.Attempt,
			"deadline", b.Deadline, "head", p.head, "state", string(w.rec.State))
		e.deadlineAlerted[key] = b.Deadline
	}
	return nil
}

// deadlineAtRisk reports whether w's batch is live, judged wrong, not held
// back by an open challenge, and head within DeadlineAlertBlocks of its
// deadline, whatever the record's state (a monitor-only, dry-run or failed
// record is settled on a batch that stays live, which is when the alert
// matters most).
func (e *Executor) deadlineAtRisk(head uint64, w *work) bool {
	if e.cfg.DeadlineAlertBlocks == 0 || !wrongAndLive(w) || heldBack(w) {
		return false
	}
	d := w.facts.Batch.Deadline
	return head <= d && d-head <= e.cfg.DeadlineAlertBlocks
}

// wrongAndLive reports whether w's batch is live and judged fraudulent or
// unavailable.
func wrongAndLive(w *work) bool {
	b, v := w.facts.Batch, w.facts.Verdict
	return b != nil && v != nil && b.State == solve.BatchLive && (v.Status == judge.StatusFraud || v.Status == judge.StatusUnavailable)
}

// heldBack reports whether this challenger holds an open availability
// challenge against w's batch: the batch cannot be finalized until it is
// resolved or slashed (PROTOCOL.md section 7.3).
func heldBack(w *work) bool {
	return slices.ContainsFunc(w.rec.Challenges, func(c solve.Bond) bool { return c.Fate == solve.FateOpen })
}

// wronged is the recipient a verdict names as wronged, if any.
func wronged(v *judge.Verdict) []common.Address {
	if v != nil && v.BadAllocation != nil && v.BadAllocation.FirstWrongEntry != nil {
		return []common.Address{v.BadAllocation.FirstWrongEntry.Recipient}
	}
	return nil
}
