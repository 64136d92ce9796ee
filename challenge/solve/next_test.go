package solve

import (
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/judge"
)

const (
	part0 = contracts.ObjectManifestPart
	rowK  = contracts.ObjectRow
)

// expect is what a case checks of Next's action; zero fields are not
// checked.
type expect struct {
	kind   Kind
	reason Reason
	target *Target
	at     uint64
	by     *uint64
	final  FinalState
	basis  BasisKind
	gas    uint64
	value  *uint256.Int
	feeCap *uint256.Int
	dryRun bool
	late   bool
	retry  bool
	ended  EndKind
	fates  []Fate
	revert string
}

type nextCase struct {
	name  string
	rec   Record
	facts Facts
	want  expect
}

func tp(t Target) *Target { return &t }

// TestNext runs one case per transition of doc.go's table.
func TestNext(t *testing.T) {
	var cases []nextCase
	for _, group := range [][]nextCase{settledCases(), observeCases(), flightCases(), voidedCases(), proveCases(), challengeCases(), slashCases(), idleCases()} {
		cases = append(cases, group...)
	}
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("two cases named %q", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			a := Next(c.rec, c.facts)
			check(t, a, c.want)
			checkInvariants(t, c.rec, c.facts, a)
		})
	}
}

// check compares a with the fields of w that are set.
func check(t *testing.T, a Action, w expect) {
	t.Helper()
	if a.Kind != w.kind || (w.reason != "" && a.Reason != w.reason) {
		t.Fatalf("got %s (%s): %s; want %s (%s)", a.Kind, a.Reason, a.Note, w.kind, w.reason)
	}
	switch {
	case w.target != nil && a.Target != *w.target:
		t.Errorf("target %+v, want %+v", a.Target, *w.target)
	case w.at != 0 && a.At != w.at:
		t.Errorf("at %d, want %d", a.At, w.at)
	case w.by != nil && a.By != *w.by:
		t.Errorf("by %d, want %d", a.By, *w.by)
	case w.gas != 0 && a.GasLimit != w.gas:
		t.Errorf("gas limit %d, want %d", a.GasLimit, w.gas)
	case w.value != nil && (a.Value == nil || !a.Value.Eq(w.value)):
		t.Errorf("value %v, want %v", a.Value, w.value)
	case w.feeCap != nil && (a.FeeCap == nil || !a.FeeCap.Eq(w.feeCap)):
		t.Errorf("fee cap %v, want %v", a.FeeCap, w.feeCap)
	case a.DryRun != w.dryRun || a.Late != w.late || a.Retry != w.retry:
		t.Errorf("dryRun/late/retry %v/%v/%v, want %v/%v/%v", a.DryRun, a.Late, a.Retry, w.dryRun, w.late, w.retry)
	}
	if w.final != "" && (a.Final == nil || a.Final.State != w.final || a.Final.Basis.Kind != w.basis) {
		t.Errorf("final %+v, want %s on %s", a.Final, w.final, w.basis)
	}
	if w.ended != "" || w.fates != nil || w.revert != "" {
		checkObservation(t, a.Observation, w)
	}
}

func checkObservation(t *testing.T, o *Observation, w expect) {
	t.Helper()
	switch {
	case o == nil:
		t.Fatal("no observation")
	case w.ended != "" && (o.Ended == nil || o.Ended.How != w.ended):
		t.Errorf("ended %+v, want %s", o.Ended, w.ended)
	case w.fates != nil && !slices.Equal(fates(o.Bonds), w.fates):
		t.Errorf("fates %v, want %v", fates(o.Bonds), w.fates)
	case w.revert != "" && (o.Refusal == nil || o.Refusal.Revert != w.revert):
		t.Errorf("refusal %+v, want %s", o.Refusal, w.revert)
	}
}

func fates(bs []Bond) []Fate {
	var out []Fate
	for _, b := range bs {
		out = append(out, b.Fate)
	}
	return out
}

var (
	proofP    = fraudBasis(h("proof"), 1050, h("b1050"))
	bad2      = proofT(badAlloc(2))
	finalB    = Basis{Kind: BasisFinalized, Tx: h("finalize"), Block: 1105, BlockHash: h("b1105")}
	deadlineB = Basis{Kind: BasisDeadline, Deadline: tWindowEnd}
)

func fraudBasis(tx common.Hash, block uint64, bh common.Hash) Basis {
	return Basis{Kind: BasisFraudProven, Tx: tx, Block: block, BlockHash: bh}
}

func settledCases() []nextCase {
	wait := expect{kind: KindWait, reason: ReasonSettled}
	reopen := expect{kind: KindReopen, reason: ReasonBasisGone}
	return []nextCase{
		{"settled/confirmed holds", rec(settledAs(FinalConfirmed, proofP)),
			facts(1060, badAlloc(2), provenBy(true, h("proof"), 1050, h("b1050"))), wait},
		{"settled/confirmed proof orphaned, batch live", rec(settledAs(FinalConfirmed, proofP)), facts(1060, badAlloc(2)), reopen},
		{"settled/confirmed proof now in another block", rec(settledAs(FinalConfirmed, proofP)),
			facts(1060, badAlloc(2), provenBy(true, h("proof"), 1051, h("b1051'"))), reopen},
		{"settled/proven-by-other holds", rec(settledAs(FinalProvenByOther, proofP)),
			facts(1060, badAlloc(2), provenBy(false, h("proof"), 1050, h("b1050"))), wait},
		{"settled/proven-by-other reorged out, batch stays", rec(settledAs(FinalProvenByOther, proofP)),
			facts(1052, badAlloc(2)), reopen},
		{"settled/expired holds", rec(settledAs(FinalExpired, deadlineB)), facts(1110, badAlloc(2)), wait},
		{"settled/expired holds once finalized", rec(settledAs(FinalExpired, deadlineB)),
			facts(1150, badAlloc(2), finalizedAt(1120, h("b1120"))), wait},
		{"settled/expired, a reveal moved the deadline", rec(settledAs(FinalExpired, deadlineB)),
			facts(1110, badAlloc(2), deadline(1130)), reopen},
		{"settled/expired, a reorg took the head back", rec(settledAs(FinalExpired, deadlineB)), facts(1098, badAlloc(2)), reopen},
		{"settled/expired, then voided", rec(settledAs(FinalExpired, deadlineB)),
			facts(1150, badAlloc(2), provenBy(false, h("slash"), 1140, h("b1140"))), reopen},
		{"settled/finalized holds", rec(settledAs(FinalFinalized, finalB)), facts(1110, valid(), finalizedAt(1105, h("b1105"))), wait},
		{"settled/finalized reorged away", rec(settledAs(FinalFinalized, finalB)), facts(1106, valid()), reopen},
		{"settled/monitor-only holds", rec(settledAs(FinalMonitorOnly, Basis{Kind: BasisLive, Mode: ModeMonitorOnly})),
			facts(1050, badAlloc(2), monitorOnly), wait},
		{"settled/monitor-only, a key is configured", rec(settledAs(FinalMonitorOnly, Basis{Kind: BasisLive, Mode: ModeMonitorOnly})),
			facts(1050, badAlloc(2)), reopen},
		{"settled/dry-run, dry run switched off", rec(settledAs(FinalDryRun, Basis{Kind: BasisLive, Mode: ModeDryRun})),
			facts(1050, badAlloc(2)), reopen},
		{"settled/failed, the batch voided later", rec(settledAs(FinalFailed, Basis{Kind: BasisLive, Mode: ModeSend})),
			facts(1060, badAlloc(2), provenBy(false, h("p"), 1055, h("b1055"))), reopen},
		{"settled/the batch is gone", rec(settledAs(FinalProvenByOther, proofP)), facts(1060, badAlloc(2), noBatch), reopen},
		{"facts/another round", rec(), facts(1050, badAlloc(2), func(f *Facts) { f.Round = 8 }),
			expect{kind: KindWait, reason: ReasonMismatch}},
		{"facts/another attempt", rec(settledAs(FinalConfirmed, proofP)), facts(1050, badAlloc(2), func(f *Facts) { f.Batch.Attempt = 2 }),
			expect{kind: KindWait, reason: ReasonMismatch}},
	}
}

func observeCases() []nextCase {
	mined := func(tx string, ok bool, revert string, oog bool) func(*Facts) {
		return withMove(MoveFacts{Status: MoveMined, Tx: h(tx), Block: 1044, BlockHash: h("b1044"), Success: ok, Revert: revert, OutOfGas: oog})
	}
	proving := rec(inFlightMove(bad2, 1040))
	c1 := openChal(rowK, 1, true, 1010)
	ourChal := openChal(rowK, 2, true, 1011)
	ourChal.Tx = h("tx0")
	in := func(s ChallengeState) ChainChallenge { c := c1; c.State = s; return c }
	obs := func(e EndKind) expect { return expect{kind: KindObserve, reason: ReasonMoveEnded, ended: e} }
	fatesAre := func(fs ...Fate) expect { return expect{kind: KindObserve, reason: ReasonFates, fates: fs} }
	return []nextCase{
		{"observe/proof reverted NoFraud", proving, facts(1045, badAlloc(2), mined("tx0", false, "NoFraud", false)), obs(EndReverted)},
		{"observe/proof ran out of gas", proving, facts(1045, badAlloc(2), mined("tx0", false, "", true)), obs(EndReverted)},
		{"observe/proof dropped: nonce taken", proving, facts(1045, badAlloc(2), withMove(MoveFacts{Status: MoveDropped})), obs(EndDropped)},
		{"observe/mined tx is none of the move's", proving, facts(1045, badAlloc(2), mined("stranger", true, "", false)), obs(EndDropped)},
		{"observe/cancellation mined", rec(inFlightMove(bad2, 1040), cancelling),
			facts(1045, badAlloc(2), provenBy(false, h("p"), 1041, h("b1041")), mined("cancel0", true, "", false)), obs(EndCancelled)},
		{"observe/proof mined after its cancel was sent", rec(inFlightMove(bad2, 1040), cancelling),
			facts(1046, badAlloc(2), provenBy(true, h("tx0"), 1044, h("b1044")), mined("tx0", true, "", false)), obs(EndMined)},
		{"observe/proof mined, the batch shows it confirmed", proving,
			facts(1046, badAlloc(2), provenBy(true, h("tx0"), 1044, h("b1044")), mined("tx0", true, "", false)), obs(EndMined)},
		{"observe/proof mined, followed until confirmed", proving,
			facts(1045, badAlloc(2), provenBy(true, h("tx0"), 1044, h("b1044")), mined("tx0", true, "", false)),
			expect{kind: KindWait, reason: ReasonConfirming, at: 1046}},
		{"observe/proof mined, the batch does not show it yet", proving, facts(1045, badAlloc(2), mined("tx0", true, "", false)),
			expect{kind: KindWait, reason: ReasonFactsLag}},
		{"observe/challenge mined: bond open", rec(inFlightMove(chalT(rowK, 2), 1010)),
			facts(1012, unavailable(row(2, true)), mined("tx0", true, "", false), withChallenge(ourChal)),
			expect{kind: KindObserve, reason: ReasonMoveEnded, ended: EndMined, fates: []Fate{FateOpen}}},
		{"observe/bond resolved: lost to the resolver", rec(withBonds(bond(c1, FateOpen))), facts(1030, badAlloc(1), withChallenge(in(ChallengeResolved))),
			fatesAre(FateLost)},
		{"observe/bond slashed: back with the bounty", rec(withBonds(bond(c1, FateOpen))),
			facts(1070, badAlloc(1), provenBy(true, h("s"), 1061, h("b1061")), withChallenge(in(ChallengeSlashed))), fatesAre(FateSlashed)},
		{"observe/bond refunded", rec(withBonds(bond(c1, FateOpen))),
			facts(1070, badAlloc(1), provenBy(false, h("s"), 1061, h("b1061")), withChallenge(in(ChallengeRefunded))), fatesAre(FateRefunded)},
		{"observe/bond reorged out: expired", rec(withBonds(bond(c1, FateOpen))), facts(1030, unavailable(row(1, true))), fatesAre(FateExpired)},
		{"observe/resolution reorged out: open again", rec(withBonds(bond(c1, FateLost))), facts(1030, unavailable(row(1, true)), withChallenge(c1)),
			fatesAre(FateOpen)},
		{"observe/a bond of ours the record lacks", rec(), facts(1030, unavailable(row(1, true)), withChallenge(c1)), fatesAre(FateOpen)},
		{"observe/a settled record's bonds still mirror the chain", rec(withBonds(bond(c1, FateOpen)), settledAs(FinalExpired, deadlineB)),
			facts(1110, badAlloc(1), withChallenge(in(ChallengeRefunded))), fatesAre(FateRefunded)},
	}
}

func flightCases() []nextCase {
	pendingAt := func(head uint64, v *judge.Verdict, edits ...func(*Facts)) Facts {
		return facts(head, v, append([]func(*Facts){withMove(MoveFacts{Status: MovePending})}, edits...)...)
	}
	proving := rec(inFlightMove(bad2, 1040))
	challenging := rec(inFlightMove(chalT(rowK, 2), 1040))
	cancel := expect{kind: KindCancel, reason: ReasonUnneeded, gas: cancelGas, feeCap: uint256.NewInt(11_250_000_000)}
	bumped := rec(inFlightMove(bad2, 1040), func(r *Record) { r.Move.Replacements = 5 })
	rivalSlashed := openChal(rowK, 1, false, 1010)
	rivalSlashed.State = ChallengeSlashed
	ourRefunded := openChal(rowK, 1, true, 1010)
	ourRefunded.State = ChallengeRefunded
	return []nextCase{
		{"flight/no facts of the move", proving, facts(1042, badAlloc(2)), expect{kind: KindWait, reason: ReasonNoMoveFacts}},
		{"flight/pending, young", proving, pendingAt(1042, badAlloc(2)), expect{kind: KindWait, reason: ReasonPending, at: 1043}},
		{"flight/pending, slow: replaced 12.5% up", proving, pendingAt(1043, badAlloc(2)),
			expect{kind: KindReplace, reason: ReasonSlow, target: &bad2, gas: 500_000, feeCap: uint256.NewInt(11_250_000_000)}},
		{"flight/lost by the node, slow: replaced", proving, facts(1043, badAlloc(2), withMove(MoveFacts{Status: MoveUnknown})),
			expect{kind: KindReplace, reason: ReasonSlow}},
		{"flight/pending after the most bumps", bumped, pendingAt(1050, badAlloc(2)), expect{kind: KindWait, reason: ReasonMaxBumps}},
		{"flight/a bump passes the fee cap", proving, pendingAt(1043, badAlloc(2), func(f *Facts) { f.Config.MaxFeeCap = gwei(11) }),
			expect{kind: KindWait, reason: ReasonFeeCap}},
		{"flight/the replacement is underfunded", proving, pendingAt(1043, badAlloc(2), balance(gwei(1000))),
			expect{kind: KindAlert, reason: ReasonUnderfunded}},
		{"flight/proof unneeded: proven by another", proving,
			pendingAt(1043, badAlloc(2), provenBy(false, h("p"), 1042, h("b1042"))), cancel},
		{"flight/proof unneeded: deadline", proving, pendingAt(1100, badAlloc(2)), cancel},
		{"flight/proof unneeded: finalized", proving, pendingAt(1102, badAlloc(2), finalizedAt(1101, h("b1101"))), cancel},
		{"flight/challenge unneeded: the data arrived and proves fraud", challenging, pendingAt(1041, badAlloc(2)), cancel},
		{"flight/challenge unneeded: the data arrived, valid", challenging, pendingAt(1041, valid()), cancel},
		{"flight/challenge unneeded: another challenged it", challenging,
			pendingAt(1041, unavailable(row(2, true)), withChallenge(openChal(rowK, 2, false, 1041))), cancel},
		{"flight/challenge unneeded: window closed", challenging, pendingAt(1100, unavailable(row(2, true))), cancel},
		{"flight/challenge kept while the verdict is pending", challenging, pendingAt(1041, pending()),
			expect{kind: KindWait, reason: ReasonPending}},
		{"flight/slash unneeded: slashed by another caller", rec(inFlightMove(slashT(rowK, 1), 1060)),
			pendingAt(1061, unavailable(row(1, true)), withChallenge(rivalSlashed)), cancel},
		{"flight/refund unneeded: refunded by another caller", rec(inFlightMove(refundT(rowK, 1), 1060), withBonds(bond(ourRefunded, FateRefunded))),
			pendingAt(1061, badAlloc(2), provenBy(false, h("p"), 1055, h("b1055")), withChallenge(ourRefunded)), cancel},
		{"flight/cancellation slow: bumped again", rec(inFlightMove(bad2, 1040), cancelling),
			pendingAt(1044, badAlloc(2), provenBy(false, h("p"), 1041, h("b1041"))),
			expect{kind: KindCancel, reason: ReasonSlow, gas: cancelGas, feeCap: uint256.NewInt(13_500_000_000)}},
		{"flight/monitor-only follows", proving, pendingAt(1050, badAlloc(2), monitorOnly), expect{kind: KindWait, reason: ReasonFollowing}},
		{"flight/dry-run follows", proving, pendingAt(1050, badAlloc(2), dryRun), expect{kind: KindWait, reason: ReasonFollowing}},
		{"flight/batch gone: the proof is kept", proving, pendingAt(1042, badAlloc(2), noBatch), expect{kind: KindWait, reason: ReasonPending}},
	}
}

func voidedCases() []nextCase {
	c1 := openChal(rowK, 1, true, 1010)
	hasBond := rec(withBonds(bond(c1, FateOpen)))
	ours := provenBy(true, h("proof"), 1050, h("b1050"))
	theirs := provenBy(false, h("proof"), 1050, h("b1050"))
	return []nextCase{
		{"voided/ours, confirming", rec(), facts(1051, badAlloc(2), ours), expect{kind: KindWait, reason: ReasonConfirming, at: 1052}},
		{"voided/ours, confirmed", rec(), facts(1052, badAlloc(2), ours), expect{kind: KindSettle, final: FinalConfirmed, basis: BasisFraudProven}},
		{"voided/another's", rec(), facts(1052, badAlloc(2), theirs), expect{kind: KindSettle, final: FinalProvenByOther, basis: BasisFraudProven}},
		{"voided/our open bond refunded first", hasBond, facts(1052, badAlloc(2), theirs, withChallenge(c1)),
			expect{kind: KindRefund, reason: ReasonVoidedBatch, target: tp(refundT(rowK, 1)), gas: 62_500}},
		{"voided/our open bond, monitor-only: settled", hasBond, facts(1052, badAlloc(2), theirs, withChallenge(c1), monitorOnly),
			expect{kind: KindSettle, final: FinalProvenByOther, basis: BasisFraudProven}},
		{"voided/refund refused for good", rec(withBonds(bond(c1, FateOpen)), refused(refundT(rowK, 1), "NothingOwed", 1051)),
			facts(1052, badAlloc(2), theirs, withChallenge(c1)), expect{kind: KindSettle, final: FinalProvenByOther, basis: BasisFraudProven}},
		{"voided/no FraudProven in the facts", rec(), facts(1052, badAlloc(2), func(f *Facts) { f.Batch.State = BatchVoided }),
			expect{kind: KindWait, reason: ReasonFactsLag}},
		{"finalized/valid", rec(), facts(1110, valid(), finalizedAt(1105, h("b1105"))),
			expect{kind: KindSettle, final: FinalFinalized, basis: BasisFinalized}},
		{"finalized/fraud escaped", rec(), facts(1110, badAlloc(2), finalizedAt(1105, h("b1105"))),
			expect{kind: KindSettle, final: FinalExpired, basis: BasisFinalized}},
		{"finalized/confirming", rec(), facts(1106, valid(), finalizedAt(1105, h("b1105"))),
			expect{kind: KindWait, reason: ReasonConfirming, at: 1107}},
		{"batch/not on the chain", rec(), facts(1050, badAlloc(2), noBatch), expect{kind: KindWait, reason: ReasonBatchAbsent}},
	}
}

func proveCases() []nextCase {
	rule := entryOrder(1, 3)
	by := func(b uint64) *uint64 { return &b }
	prove := expect{kind: KindProve, reason: ReasonFraud, target: &bad2, gas: 500_000, by: by(tWindowEnd)}
	failed := expect{kind: KindSettle, final: FinalFailed, basis: BasisLive}
	noEstimates := func(f *Facts) { f.Estimates = nil }
	estimate := func(e Estimate) func(*Facts) { return func(f *Facts) { f.Estimates = []Estimate{e} } }
	c1 := openChal(rowK, 1, true, 1030)
	return []nextCase{
		{"prove/bad allocation", rec(), facts(1050, badAlloc(2)), prove},
		{"prove/a section 3 rule", rec(), facts(1050, rule), expect{kind: KindProve, reason: ReasonFraud, target: tp(proofT(rule)), gas: 500_000}},
		{"prove/one block before the deadline", rec(), facts(1099, badAlloc(2)), prove},
		{"prove/before the deadline a reveal extended", rec(), facts(1120, badAlloc(2), deadline(1160)),
			expect{kind: KindProve, reason: ReasonFraud, by: by(1160)}},
		{"prove/no estimate yet", rec(), facts(1050, badAlloc(2), noEstimates), expect{kind: KindWait, reason: ReasonNoEstimate, target: &bad2}},
		{"prove/the estimate reverts", rec(), facts(1050, badAlloc(2), estimate(Estimate{Target: bad2, Reverted: true, Revert: "NoFraud"})),
			expect{kind: KindObserve, reason: ReasonEstimateRevert, revert: "NoFraud"}},
		{"prove/the estimate passes the gas cap", rec(), facts(1050, badAlloc(2), estimate(Estimate{Target: bad2, Gas: 20_000_000})),
			expect{kind: KindObserve, reason: ReasonEstimateRevert, revert: RevertGasCap}},
		{"prove/refused for good: failed", rec(refused(bad2, "NoFraud", 1045)), facts(1050, badAlloc(2)), failed},
		{"prove/refused, a bond of ours still open: not failed yet", rec(refused(bad2, "NoFraud", 1045), withBonds(bond(c1, FateOpen))),
			facts(1050, badAlloc(2), withChallenge(c1)), expect{kind: KindWait, reason: ReasonAwaitReveal, at: 1080}},
		{"prove/out of gas once: retried with twice the limit", rec(outOfGas(bad2, 500_000, 1045)), facts(1050, badAlloc(2)),
			expect{kind: KindProve, reason: ReasonOutOfGasRetry, gas: 1_000_000, retry: true}},
		{"prove/out of gas twice: failed", rec(outOfGas(bad2, 500_000, 1045), outOfGas(bad2, 1_000_000, 1048)), facts(1050, badAlloc(2)), failed},
		{"prove/refused for a passing cause this block", rec(refused(bad2, "NoLiveBatch", 1050)), facts(1050, badAlloc(2)),
			expect{kind: KindWait, reason: ReasonRetryLater, at: 1051}},
		{"prove/refused for a passing cause before", rec(refused(bad2, "NoLiveBatch", 1049)), facts(1050, badAlloc(2)), prove},
		{"prove/refused for passing causes three times: failed",
			rec(refused(bad2, "NoLiveBatch", 1040), refused(bad2, "NoLiveBatch", 1042), refused(bad2, "ProofWindowClosed", 1044)),
			facts(1050, badAlloc(2)), failed},
		{"prove/underfunded", rec(), facts(1050, badAlloc(2), balance(gwei(1000))), expect{kind: KindAlert, reason: ReasonUnderfunded, by: by(tWindowEnd)}},
		{"prove/balance unknown", rec(), facts(1050, badAlloc(2), balance(nil)), expect{kind: KindWait, reason: ReasonNoPrice}},
		{"prove/at the deadline: expired", rec(), facts(1100, badAlloc(2)), expect{kind: KindSettle, final: FinalExpired, basis: BasisDeadline}},
		{"prove/monitor-only", rec(), facts(1050, badAlloc(2), monitorOnly), expect{kind: KindSettle, final: FinalMonitorOnly, basis: BasisLive}},
		{"prove/dry-run: simulated first", rec(), facts(1050, badAlloc(2), dryRun), expect{kind: KindProve, reason: ReasonFraud, dryRun: true}},
		{"prove/dry-run, simulated: settled", rec(func(r *Record) { r.Simulation = &Simulation{Target: bad2, Block: 1050} }),
			facts(1051, badAlloc(2), dryRun), expect{kind: KindSettle, final: FinalDryRun, basis: BasisLive}},
	}
}

func challengeCases() []nextCase {
	bond5 := ether(1, 20)
	chal := func(kind contracts.ObjectKind, i uint64) expect {
		return expect{kind: KindChallenge, reason: ReasonUnavailable, target: tp(chalT(kind, i)), value: bond5, gas: 100_000}
	}
	lost := openChal(rowK, 1, true, 1010)
	lost.State = ChallengeResolved
	ours := openChal(rowK, 1, true, 1030)
	return []nextCase{
		{"challenge/the manifest", rec(), facts(1010, unavailable(part(0, true))), chal(part0, 0)},
		{"challenge/one block before the window ends", rec(), facts(1099, unavailable(row(3, true))), chal(rowK, 3)},
		{"challenge/a row another challenged is skipped", rec(),
			facts(1010, unavailable(row(1, true), row(3, true)), withChallenge(openChal(rowK, 1, false, 1005))), chal(rowK, 3)},
		{"challenge/a row the verdict does not need", rec(), facts(1010, unavailable(row(1, false))),
			expect{kind: KindWait, reason: ReasonNothingDue, at: tWindowEnd}},
		{"challenge/a challenge refused for good is skipped", rec(refused(chalT(rowK, 1), "NoSuchObject", 1005)),
			facts(1010, unavailable(row(1, true), row(2, true))), chal(rowK, 2)},
		{"challenge/at the window end: expired", rec(), facts(1100, unavailable(row(3, true))),
			expect{kind: KindSettle, final: FinalExpired, basis: BasisDeadline}},
		{"challenge/max bond spent by a lost bond", rec(withBonds(bond(lost, FateLost))),
			facts(1040, unavailable(row(3, true)), withChallenge(lost)), expect{kind: KindWait, reason: ReasonBondBudget}},
		{"challenge/max bond spent by the round's other attempts", rec(),
			facts(1040, unavailable(row(3, true)), func(f *Facts) { f.RoundBonds = ether(1, 20) }), expect{kind: KindWait, reason: ReasonBondBudget}},
		{"challenge/a raised max bond allows a second", rec(withBonds(bond(ours, FateOpen))),
			facts(1040, unavailable(row(1, true), row(3, true)), withChallenge(ours), func(f *Facts) { f.Config.MaxBond = ether(1, 10) }),
			chal(rowK, 3)},
		{"challenge/the balance pays the gas, not the bond", rec(), facts(1010, unavailable(row(3, true)), balance(ether(1, 25))),
			expect{kind: KindAlert, reason: ReasonUnderfunded}},
		{"challenge/monitor-only", rec(), facts(1010, unavailable(row(3, true)), monitorOnly),
			expect{kind: KindSettle, final: FinalMonitorOnly, basis: BasisLive}},
		{"challenge/dry-run", rec(), facts(1010, unavailable(row(3, true)), dryRun),
			expect{kind: KindChallenge, reason: ReasonUnavailable, dryRun: true}},
	}
}

func slashCases() []nextCase {
	ours := openChal(rowK, 1, true, 1010) // resolveBy 1060
	theirs := openChal(rowK, 1, false, 1010)
	hasBond := rec(withBonds(bond(ours, FateOpen)))
	by := func(b uint64) *uint64 { return &b }
	slash := expect{kind: KindSlash, reason: ReasonUnanswered, target: tp(slashT(rowK, 1)), gas: 250_000, by: by(tMaxDeadline)}
	return []nextCase{
		{"slash/ours, awaiting the resolution", hasBond, facts(1030, unavailable(row(1, true)), withChallenge(ours)),
			expect{kind: KindWait, reason: ReasonAwaitReveal, at: 1060}},
		{"slash/ours, unanswered at resolveBy", hasBond, facts(1060, unavailable(row(1, true)), withChallenge(ours)), slash},
		{"slash/ours, before a proof", hasBond, facts(1060, badAlloc(2), withChallenge(ours)), slash},
		{"slash/ours, after maxDeadline: late, the bond back", hasBond, facts(1200, unavailable(row(1, true)), withChallenge(ours)),
			expect{kind: KindSlash, reason: ReasonUnanswered, late: true, by: by(0)}},
		{"slash/theirs, unanswered", rec(), facts(1060, unavailable(row(1, true)), withChallenge(theirs)), slash},
		{"slash/theirs, the batch valid to us: not ours to pay", rec(), facts(1060, valid(), withChallenge(theirs)),
			expect{kind: KindWait, reason: ReasonNothingDue, at: tWindowEnd}},
		{"slash/theirs, after maxDeadline: expired", rec(), facts(1200, unavailable(row(1, true)), withChallenge(theirs)),
			expect{kind: KindSettle, final: FinalExpired, basis: BasisDeadline}},
		{"slash/ours, monitor-only", hasBond, facts(1060, unavailable(row(1, true)), withChallenge(ours), monitorOnly),
			expect{kind: KindSettle, final: FinalMonitorOnly, basis: BasisLive}},
	}
}

func idleCases() []nextCase {
	other := badAlloc(2)
	other.Attempt = u64p(0)
	resolvable := openChal(rowK, 1, false, 1070) // resolveBy 1120
	return []nextCase{
		{"idle/valid, before the deadline", rec(), facts(1050, valid()), expect{kind: KindWait, reason: ReasonNothingDue, at: tWindowEnd}},
		{"idle/valid, past the deadline", rec(), facts(1101, valid()), expect{kind: KindWait, reason: ReasonAwaitFinal}},
		{"idle/verdict pending", rec(), facts(1050, pending()), expect{kind: KindWait, reason: ReasonAwaitVerdict}},
		{"idle/no verdict", rec(), facts(1050, nil), expect{kind: KindWait, reason: ReasonAwaitVerdict}},
		{"idle/a verdict of another attempt is ignored", rec(), facts(1050, other), expect{kind: KindWait, reason: ReasonAwaitVerdict}},
		{"idle/no verdict past the deadline: not expired", rec(), facts(1101, nil), expect{kind: KindWait, reason: ReasonAwaitVerdict}},
		{"idle/unavailable past the deadline: expired", rec(), facts(1101, unavailable(row(1, true))),
			expect{kind: KindSettle, final: FinalExpired, basis: BasisDeadline}},
		{"idle/fraud past the deadline, a challenge still resolvable", rec(), facts(1100, badAlloc(2), withChallenge(resolvable)),
			expect{kind: KindWait, reason: ReasonAwaitReveal, at: 1120}},
	}
}
