package solve

import (
	"fmt"
	"testing"

	"github.com/holiman/uint256"
)

// executor plays the executor's loop against hand-made facts: it asks Next,
// applies the record-only actions at once, and returns the first action
// that waits or sends (sending it with outcome, when given).
type executor struct {
	t   *testing.T
	rec Record
	log []string
}

func newExecutor(t *testing.T) *executor { return &executor{t: t, rec: NewRecord(tRound, tAttempt)} }

// ask runs the loop at f until a wait, an alert or a transaction, checking
// Next's promises at every step, and returns that action.
func (e *executor) ask(f Facts) Action {
	e.t.Helper()
	for range 12 {
		a := Next(e.rec, f)
		if err := invariants(&e.rec, &f, a); err != nil {
			e.t.Fatalf("%v\nlog: %v", err, e.log)
		}
		e.log = append(e.log, fmt.Sprintf("%d:%s/%s", f.Head, a.Kind, a.Reason))
		if a.Kind == KindWait || a.Kind == KindAlert || a.Kind.Sends() {
			return a
		}
		e.rec = step(e.t, e.rec, a, Outcome{})
	}
	e.t.Fatalf("no rest at fixed facts: %v", e.log)
	return Action{}
}

// expect asks at f and checks the action's kind and reason.
func (e *executor) expect(f Facts, kind Kind, reason Reason) Action {
	e.t.Helper()
	a := e.ask(f)
	if a.Kind != kind || (reason != "" && a.Reason != reason) {
		e.t.Fatalf("head %d: got %s (%s): %s; want %s (%s)\nlog: %v", f.Head, a.Kind, a.Reason, a.Note, kind, reason, e.log)
	}
	return a
}

// send applies a transaction action as sent in tx at the facts' head.
func (e *executor) send(a Action, tx string, nonce, head uint64) {
	e.t.Helper()
	e.rec = step(e.t, e.rec, a, sent(tx, nonce, head, a))
}

// final checks the record settled in state, on a basis in block hash bh
// (zero: not checked).
func (e *executor) final(state FinalState) *Final {
	e.t.Helper()
	if e.rec.Final == nil || e.rec.Final.State != state {
		e.t.Fatalf("final %+v, want %s\nlog: %v", e.rec.Final, state, e.log)
	}
	return e.rec.Final
}

func minedIn(tx string, block uint64, bh string, ok bool, revert string, oog bool) func(*Facts) {
	return withMove(MoveFacts{Status: MoveMined, Tx: h(tx), Block: block, BlockHash: h(bh), Success: ok, Revert: revert, OutOfGas: oog})
}

var pendingMove = withMove(MoveFacts{Status: MovePending})

// TestScenarioProofOrphaned: a proof mined, then a reorg 1, 4 or 10 blocks
// deep takes its block away. Shallower than the confirmations, the record
// was still following the proof; deeper, it had settled confirmed and is
// reopened with the proof back in flight. Either way the proof is followed
// again (not sent twice), mined in the new chain, and the record settles
// confirmed on the new FraudProven. When the reorg gave the nonce to
// another transaction instead, the proof is redone.
func TestScenarioProofOrphaned(t *testing.T) {
	for _, depth := range []uint64{1, 4, 10} {
		for _, dropped := range []bool{false, true} {
			t.Run(fmt.Sprintf("depth %d, nonce taken %v", depth, dropped), func(t *testing.T) {
				e := newExecutor(t)
				a := e.expect(facts(1040, badAlloc(2)), KindProve, ReasonFraud)
				e.send(a, "p1", 5, 1040)
				head := 1040 + depth
				e.ask(facts(head, badAlloc(2), provenBy(true, h("p1"), 1041, h("b1041")), minedIn("p1", 1041, "b1041", true, "", false)))
				if depth >= 2 {
					e.final(FinalConfirmed)
				} else if e.rec.Move == nil {
					t.Fatal("the proof stopped being followed before it was confirmed")
				}
				// The reorg: blocks 1041.. replaced, the proof not in them.
				if !dropped {
					a = e.ask(facts(head, badAlloc(2), pendingMove))
					if e.rec.Move == nil || e.rec.Move.Attempts[0].Tx != h("p1") || (a.Kind != KindWait && a.Kind != KindReplace) {
						t.Fatalf("the orphaned proof is not followed again: %s, move %+v\nlog %v", a.Kind, e.rec.Move, e.log)
					}
					e.ask(facts(head+3, badAlloc(2), provenBy(true, h("p1"), head+1, h("b'")), minedIn("p1", head+1, "b'", true, "", false)))
					if f := e.final(FinalConfirmed); f.Basis.BlockHash != h("b'") {
						t.Fatalf("confirmed on %+v, want the new block", f.Basis)
					}
					return
				}
				e.expect(facts(head, badAlloc(2), withMove(MoveFacts{Status: MoveDropped})), KindProve, ReasonFraud)
				if e.rec.Replans != 1 {
					t.Fatalf("replans %d, want 1", e.rec.Replans)
				}
			})
		}
	}
}

// TestScenarioProvenByOtherUndone is issue 15's escape: another
// challenger's proof and the fraudulent batch in the same block, a reorg
// that drops the proof and keeps the batch. The record settled
// proven-by-other on that FraudProven is reopened and the fraud proven.
func TestScenarioProvenByOtherUndone(t *testing.T) {
	e := newExecutor(t)
	voided := provenBy(false, h("rival"), tSubmitted, h("b1000"))
	e.expect(facts(1001, badAlloc(2), voided), KindWait, ReasonConfirming)
	e.expect(facts(1002, badAlloc(2), voided), KindWait, ReasonSettled)
	if b := e.final(FinalProvenByOther).Basis; b.BlockHash != h("b1000") || b.Tx != h("rival") {
		t.Fatalf("proven-by-other rests on %+v", b)
	}
	// Block 1000 again, with the batch and without the rival's proof.
	e.expect(facts(1002, badAlloc(2)), KindProve, ReasonFraud)
	if e.rec.Reopens != 1 || e.rec.Final != nil {
		t.Fatalf("reopens %d, final %+v", e.rec.Reopens, e.rec.Final)
	}
}

// TestScenarioRace: our proof and another's in the same block, theirs
// first; ours reverts NoLiveBatch. The record settles proven-by-other, not
// failed; and when a reorg then takes their proof away, ours is sent again
// (the passing refusal does not bar it).
func TestScenarioRace(t *testing.T) {
	e := newExecutor(t)
	a := e.expect(facts(1040, badAlloc(2)), KindProve, ReasonFraud)
	e.send(a, "ours", 5, 1040)
	theirs := provenBy(false, h("theirs"), 1041, h("b1041"))
	e.ask(facts(1043, badAlloc(2), theirs, minedIn("ours", 1041, "b1041", false, "NoLiveBatch", false)))
	e.final(FinalProvenByOther)
	e.expect(facts(1044, badAlloc(2)), KindProve, ReasonFraud)
}

// TestScenarioCancelled: proven by another while our proof is pending: the
// proof is cancelled (same nonce, a transfer to ourselves), and the record
// settles once the cancellation is mined.
func TestScenarioCancelled(t *testing.T) {
	e := newExecutor(t)
	a := e.expect(facts(1040, badAlloc(2)), KindProve, ReasonFraud)
	e.send(a, "ours", 5, 1040)
	theirs := provenBy(false, h("theirs"), 1041, h("b1041"))
	a = e.expect(facts(1041, badAlloc(2), theirs, pendingMove), KindCancel, ReasonUnneeded)
	if a.Nonce != 5 || a.GasLimit != cancelGas || a.Value != nil {
		t.Fatalf("cancel %+v", a)
	}
	e.send(a, "cancel", 5, 1041)
	e.expect(facts(1042, badAlloc(2), theirs, pendingMove), KindWait, ReasonPending)
	e.expect(facts(1044, badAlloc(2), theirs, minedIn("cancel", 1043, "b1043", true, "", false)), KindWait, ReasonSettled)
	e.final(FinalProvenByOther)
	if n := len(e.rec.History); n != 1 || e.rec.History[0].End.How != EndCancelled {
		t.Fatalf("history %+v", e.rec.History)
	}
}

// TestScenarioExpiredUndone: expired at the deadline, then a reveal (or a
// reorg bringing one in) moves the deadline: reopened and proven before
// the new deadline.
func TestScenarioExpiredUndone(t *testing.T) {
	e := newExecutor(t)
	e.expect(facts(1100, unavailable(row(1, true))), KindWait, ReasonSettled)
	e.final(FinalExpired)
	a := e.expect(facts(1101, badAlloc(1), deadline(1130)), KindWait, ReasonNoEstimate)
	if a.Target != proofT(badAlloc(1)) {
		t.Fatalf("estimate %+v", a.Target)
	}
	f := facts(1101, badAlloc(1), deadline(1130), func(f *Facts) {
		f.Estimates = append(f.Estimates, Estimate{Target: proofT(badAlloc(1)), Gas: 300_000})
	})
	if a = e.expect(f, KindProve, ReasonFraud); a.By != 1130 {
		t.Fatalf("by %d, want the extended deadline 1130", a.By)
	}
}

// TestScenarioBondLost: a challenge answered late in its window: the bond
// is lost to the resolver, the deadline moves past the challenge window,
// and the revealed row proves the fraud, proven before the new deadline.
func TestScenarioBondLost(t *testing.T) {
	e := newExecutor(t)
	a := e.expect(facts(1010, unavailable(row(2, true))), KindChallenge, ReasonUnavailable)
	e.send(a, "chal", 3, 1010)
	ours := openChal(rowK, 2, true, 1011)
	ours.Tx = h("chal")
	e.expect(facts(1011, unavailable(row(2, true)), withChallenge(ours), minedIn("chal", 1011, "b1011", true, "", false)),
		KindWait, ReasonAwaitReveal)
	resolved := ours
	resolved.State = ChallengeResolved
	// Resolved at block 1058: deadline max(1100, 1058 + revealWindow).
	a = e.expect(facts(1101, badAlloc(2), withChallenge(resolved), deadline(1108)), KindProve, ReasonFraud)
	if a.By != 1108 {
		t.Fatalf("by %d", a.By)
	}
	held, lost, back := e.rec.Bonds()
	if !held.IsZero() || !lost.Eq(ether(1, 20)) || !back.IsZero() {
		t.Fatalf("bonds held %s lost %s returned %s", held, lost, back)
	}
}

// TestScenarioBondSlashed: a challenge unanswered: slashed as soon as its
// resolve window passed; the bond comes back with the bounty and the record
// settles confirmed.
func TestScenarioBondSlashed(t *testing.T) {
	e := newExecutor(t)
	ours := openChal(rowK, 2, true, 1011) // resolveBy 1061
	e.rec.Challenges = []Bond{bond(ours, FateOpen)}
	e.expect(facts(1060, unavailable(row(2, true)), withChallenge(ours)), KindWait, ReasonAwaitReveal)
	a := e.expect(facts(1061, unavailable(row(2, true)), withChallenge(ours)), KindSlash, ReasonUnanswered)
	e.send(a, "slash", 4, 1061)
	slashed := ours
	slashed.State = ChallengeSlashed
	e.expect(facts(1064, unavailable(row(2, true)), withChallenge(slashed), provenBy(true, h("slash"), 1062, h("b1062")),
		minedIn("slash", 1062, "b1062", true, "", false)), KindWait, ReasonSettled)
	e.final(FinalConfirmed)
	if _, _, back := e.rec.Bonds(); !back.Eq(ether(1, 20)) || e.rec.Challenges[0].Fate != FateSlashed {
		t.Fatalf("bond %+v", e.rec.Challenges)
	}
}

// TestScenarioRefund: another proves the batch while our challenge is
// open: its bond is refunded before the record settles.
func TestScenarioRefund(t *testing.T) {
	e := newExecutor(t)
	ours := openChal(rowK, 2, true, 1011)
	e.rec.Challenges = []Bond{bond(ours, FateOpen)}
	theirs := provenBy(false, h("theirs"), 1030, h("b1030"))
	a := e.expect(facts(1031, badAlloc(2), theirs, withChallenge(ours)), KindRefund, ReasonVoidedBatch)
	e.send(a, "refund", 4, 1031)
	refunded := ours
	refunded.State = ChallengeRefunded
	e.expect(facts(1033, badAlloc(2), theirs, withChallenge(refunded), minedIn("refund", 1032, "b1032", true, "", false)),
		KindWait, ReasonSettled)
	e.final(FinalProvenByOther)
	if _, _, back := e.rec.Bonds(); !back.Eq(ether(1, 20)) {
		t.Fatalf("bond %+v", e.rec.Challenges)
	}
}

// TestScenarioOutOfGas: a proof mined out of gas is retried once with twice
// the limit; out of gas again, the record fails.
func TestScenarioOutOfGas(t *testing.T) {
	e := newExecutor(t)
	a := e.expect(facts(1040, badAlloc(2)), KindProve, ReasonFraud)
	e.send(a, "p1", 5, 1040)
	a = e.expect(facts(1042, badAlloc(2), minedIn("p1", 1041, "b1041", false, "", true)), KindProve, ReasonOutOfGasRetry)
	if a.GasLimit != 1_000_000 || !a.Retry {
		t.Fatalf("retry %+v", a)
	}
	e.send(a, "p2", 6, 1042)
	if !e.rec.Move.OutOfGasRetry {
		t.Fatal("the retry is not marked")
	}
	e.expect(facts(1044, badAlloc(2), minedIn("p2", 1043, "b1043", false, "", true)), KindWait, ReasonSettled)
	e.final(FinalFailed)
}

// TestScenarioReplacements: a pending proof is bumped every BumpAfter
// blocks, each time at least 12.5% above the last, MaxBumps times, then
// left to wait.
func TestScenarioReplacements(t *testing.T) {
	e := newExecutor(t)
	a := e.expect(facts(1040, badAlloc(2)), KindProve, ReasonFraud)
	e.send(a, "p0", 5, 1040)
	fee := gwei(10)
	head := uint64(1040)
	for i := range 5 {
		head += 3
		a = e.expect(facts(head, badAlloc(2), pendingMove), KindReplace, ReasonSlow)
		want := new(uint256.Int).Div(new(uint256.Int).Mul(fee, uint256.NewInt(9)), uint256.NewInt(8))
		if a.Nonce != 5 || a.FeeCap.Lt(want) {
			t.Fatalf("bump %d: nonce %d fee %s, want >= %s", i, a.Nonce, a.FeeCap, want)
		}
		fee = a.FeeCap
		e.send(a, fmt.Sprintf("p%d", i+1), 5, head)
	}
	e.expect(facts(head+3, badAlloc(2), pendingMove), KindWait, ReasonMaxBumps)
	if got := len(e.rec.Move.Attempts); got != 6 || e.rec.Move.Replacements != 5 {
		t.Fatalf("%d attempts, %d replacements", got, e.rec.Move.Replacements)
	}
	// An earlier attempt mined is the move's all the same.
	e.expect(facts(head+6, badAlloc(2), provenBy(true, h("p2"), head+4, h("bx")), minedIn("p2", head+4, "bx", true, "", false)),
		KindWait, ReasonSettled)
	e.final(FinalConfirmed)
}

// TestScenarioDryRun: dry-run simulates the move and settles dry-run;
// switched to sending, the record reopens and the proof is sent.
func TestScenarioDryRun(t *testing.T) {
	e := newExecutor(t)
	a := e.expect(facts(1040, badAlloc(2), dryRun), KindProve, ReasonFraud)
	if !a.DryRun {
		t.Fatal("not a dry run")
	}
	e.rec = step(t, e.rec, a, Outcome{Kind: OutcomeSimulated, Block: 1040})
	e.expect(facts(1040, badAlloc(2), dryRun), KindWait, ReasonSettled)
	e.final(FinalDryRun)
	a = e.expect(facts(1041, badAlloc(2)), KindProve, ReasonFraud)
	if a.DryRun || e.rec.Simulation != nil {
		t.Fatalf("still a dry run: %+v", e.rec.Simulation)
	}
}

// TestScenarioMonitorOnly: no key: the fraud is recorded monitor-only and
// nothing is ever sent; the batch's end re-settles the record on its fact.
func TestScenarioMonitorOnly(t *testing.T) {
	e := newExecutor(t)
	e.expect(facts(1040, badAlloc(2), monitorOnly), KindWait, ReasonSettled)
	e.final(FinalMonitorOnly)
	e.expect(facts(1101, badAlloc(2), monitorOnly), KindWait, ReasonSettled)
	e.expect(facts(1110, badAlloc(2), monitorOnly, finalizedAt(1105, h("b1105"))), KindWait, ReasonSettled)
	if f := e.final(FinalExpired); f.Basis.Kind != BasisFinalized {
		t.Fatalf("basis %+v", f.Basis)
	}
}

// TestScenarioUnderfunded: the balance cannot pay the proof: an alert and
// a wait; funded again, the proof goes.
func TestScenarioUnderfunded(t *testing.T) {
	e := newExecutor(t)
	a := e.expect(facts(1040, badAlloc(2), balance(gwei(100_000))), KindAlert, ReasonUnderfunded)
	if a.Alert == nil || !a.Alert.Need.Eq(uint256.NewInt(500_000*10*1e9)) || a.Alert.Move != KindProve {
		t.Fatalf("alert %+v", a.Alert)
	}
	e.expect(facts(1041, badAlloc(2)), KindProve, ReasonFraud)
}
