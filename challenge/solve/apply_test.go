package solve

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/denomwatch/denomwatch/contracts"
)

// TestApply checks the record after each action and outcome (the table in
// Apply's doc), and that Apply never changes its input.
func TestApply(t *testing.T) {
	proving := rec(inFlightMove(bad2, 1040))
	prove := Action{Kind: KindProve, Target: bad2, GasLimit: 500_000, Retry: true}
	challenge := Action{Kind: KindChallenge, Target: chalT(rowK, 2), GasLimit: 100_000, Value: ether(1, 20)}
	replace := Action{Kind: KindReplace, Target: bad2, Nonce: 5, FeeCap: gwei(12), TipCap: gwei(2)}
	cancel := Action{Kind: KindCancel, Target: bad2, Nonce: 5, FeeCap: gwei(12), TipCap: gwei(2)}
	final := &Final{State: FinalConfirmed, Basis: proofP}
	mined := Move{Target: bad2, Nonce: 5, End: &Ending{How: EndMined, Tx: h("proof")}, Attempts: []Attempt{{Tx: h("proof")}}}
	for _, c := range []struct {
		name  string
		rec   Record
		a     Action
		o     Outcome
		check func(t *testing.T, r Record)
		err   error
	}{
		{"wait changes nothing", proving, Action{Kind: KindWait}, Outcome{}, func(t *testing.T, r Record) { same(t, r, proving) }, nil},
		{"prove sent: a move in flight", rec(), prove, sent("p1", 5, 1040, prove), func(t *testing.T, r Record) {
			if r.State != StateProving || r.Move.Nonce != 5 || r.Move.GasLimit != 500_000 || !r.Move.OutOfGasRetry || r.Move.Attempts[0].SentBlock != 1040 {
				t.Fatalf("%+v", r.Move)
			}
		}, nil},
		{"challenge sent: its bond in flight", rec(), challenge, sent("c", 2, 1010, challenge), func(t *testing.T, r Record) {
			if r.State != StateChallenging || !r.Move.Value.Eq(ether(1, 20)) || !bondsHeld(&r).Eq(ether(1, 20)) {
				t.Fatalf("%+v", r.Move)
			}
		}, nil},
		{"not sent: unchanged", rec(), prove, Outcome{}, func(t *testing.T, r Record) { same(t, r, rec()) }, nil},
		{"simulated: the dry run noted", rec(), prove, Outcome{Kind: OutcomeSimulated, Block: 1040}, func(t *testing.T, r Record) {
			if r.Simulation == nil || r.Simulation.Target != bad2 || r.Move != nil {
				t.Fatalf("%+v", r)
			}
		}, nil},
		{"simulation refused: a refusal", rec(), prove, Outcome{Kind: OutcomeRefused, Revert: "NoFraud", Block: 1040}, func(t *testing.T, r Record) {
			if len(r.Refusals) != 1 || r.Refusals[0].Revert != "NoFraud" || !tries(&r, bad2, cfg()).refused {
				t.Fatalf("%+v", r.Refusals)
			}
		}, nil},
		{"replace sent: another attempt", proving, replace, sent("p2", 5, 1043, replace), func(t *testing.T, r Record) {
			if len(r.Move.Attempts) != 2 || r.Move.Replacements != 1 || r.Move.last().Cancel {
				t.Fatalf("%+v", r.Move)
			}
		}, nil},
		{"cancel sent: cancelling", proving, cancel, sent("c", 5, 1043, cancel), func(t *testing.T, r Record) {
			if r.State != StateCancelling || !r.Move.Cancelling || r.Move.Replacements != 0 || !r.Move.last().Cancel {
				t.Fatalf("%+v", r.Move)
			}
		}, nil},
		{"observe a revert: history and a refusal", proving, observeEnd(EndReverted, "NoFraud"), Outcome{}, func(t *testing.T, r Record) {
			if r.Move != nil || len(r.History) != 1 || len(r.Refusals) != 1 || r.Refusals[0].GasLimit != 500_000 || r.State != StateOpen {
				t.Fatalf("%+v", r)
			}
		}, nil},
		{"observe a drop: a replan", proving, observeEnd(EndDropped, ""), Outcome{}, func(t *testing.T, r Record) {
			if r.Replans != 1 || len(r.Refusals) != 0 {
				t.Fatalf("%+v", r)
			}
		}, nil},
		{"observe the bonds", rec(), Action{Kind: KindObserve, Observation: &Observation{Bonds: []Bond{bond(openChal(rowK, 1, true, 1010), FateLost)}}},
			Outcome{}, func(t *testing.T, r Record) {
				if _, lost, _ := r.Bonds(); !lost.Eq(ether(1, 20)) {
					t.Fatalf("%+v", r.Challenges)
				}
			}, nil},
		{"settle", rec(), Action{Kind: KindSettle, Final: final}, Outcome{}, func(t *testing.T, r Record) {
			if r.State != StateSettled || r.Final.State != FinalConfirmed {
				t.Fatalf("%+v", r)
			}
		}, nil},
		{"reopen puts the confirmed proof back in flight", rec(settledAs(FinalConfirmed, proofP), func(r *Record) { r.History = []Move{mined} }),
			Action{Kind: KindReopen}, Outcome{}, func(t *testing.T, r Record) {
				if r.Final != nil || r.Reopens != 1 || r.Move == nil || r.Move.End != nil || len(r.History) != 0 || r.State != StateProving {
					t.Fatalf("%+v", r)
				}
			}, nil},
		{"reopen of proven-by-other keeps the history", rec(settledAs(FinalProvenByOther, fraudBasis(h("rival"), 1050, h("b"))),
			func(r *Record) { r.History = []Move{mined} }), Action{Kind: KindReopen}, Outcome{}, func(t *testing.T, r Record) {
			if r.Move != nil || len(r.History) != 1 || r.State != StateOpen {
				t.Fatalf("%+v", r)
			}
		}, nil},
		{"settle with a move in flight", proving, Action{Kind: KindSettle, Final: final}, Outcome{}, nil, ErrInFlight},
		{"a second move in flight", proving, prove, sent("p2", 6, 1041, prove), nil, ErrInFlight},
		{"a replacement with nothing in flight", rec(), replace, sent("p2", 5, 1043, replace), nil, ErrNoMove},
		{"sent with no transaction", rec(), prove, Outcome{Kind: OutcomeSent}, nil, ErrOutcome},
		{"an unknown outcome", rec(), prove, Outcome{Kind: "maybe"}, nil, ErrOutcome},
		{"an observe of nothing", rec(), Action{Kind: KindObserve}, Outcome{}, nil, ErrOutcome},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := json.Marshal(c.rec)
			r, err := Apply(c.rec, c.a, c.o)
			if after, _ := json.Marshal(c.rec); string(before) != string(after) {
				t.Fatalf("Apply changed its input:\n%s\n%s", before, after)
			}
			if !errors.Is(err, c.err) || (err == nil) != (c.err == nil) {
				t.Fatalf("err %v, want %v", err, c.err)
			}
			if err == nil {
				if r.State != stateOf(&r) {
					t.Fatalf("state %s, derived %s", r.State, stateOf(&r))
				}
				c.check(t, r)
			}
		})
	}
}

func observeEnd(how EndKind, revert string) Action {
	return Action{Kind: KindObserve, Observation: &Observation{Ended: &Ending{How: how, Tx: h("tx0"), Block: 1044, Revert: revert}}}
}

// same fails t unless a and b encode alike.
func same(t *testing.T, a, b Record) {
	t.Helper()
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Fatalf("records differ:\n%s\n%s", ja, jb)
	}
}

// TestPassingReverts checks that every revert treated as a passing cause
// is one of the AVS's custom errors, so that a renamed error cannot turn a
// race into a failure unnoticed.
func TestPassingReverts(t *testing.T) {
	errs := contracts.ABI().GetABI().Errors
	for name := range passing {
		if _, ok := errs[name]; !ok {
			t.Errorf("%s is not an error of the AVS", name)
		}
	}
}
