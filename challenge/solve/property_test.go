package solve

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// checkInvariants fails t when a, Next's action on (r, f), breaks one of
// Next's promises, or when the executor's loop at these facts does not come
// to rest.
func checkInvariants(t testing.TB, r Record, f Facts, a Action) {
	t.Helper()
	if err := errors.Join(invariants(&r, &f, a), converges(r, f)); err != nil {
		t.Fatal(err)
	}
}

// invariants checks Next's promises on one action.
func invariants(r *Record, f *Facts, a Action) error {
	mode := f.Config.mode()
	switch {
	case mode == ModeMonitorOnly && a.Kind.Sends():
		return fmt.Errorf("monitor-only and %s", a.Kind)
	case mode == ModeDryRun && a.Kind.Sends() && (!a.DryRun || a.Kind == KindRefund || a.Kind == KindReplace || a.Kind == KindCancel):
		return fmt.Errorf("dry-run and %s (dryRun %v)", a.Kind, a.DryRun)
	case a.Kind.Sends() && (f.Balance == nil || a.Cost == nil || a.Cost.Cmp(f.Balance) > 0):
		return fmt.Errorf("%s costs %v, the balance is %v", a.Kind, a.Cost, f.Balance)
	case a.Kind.Sends() && !costFits(f, a):
		return fmt.Errorf("%s's cost %v is not its gas %d at its fee plus %v", a.Kind, a.Cost, a.GasLimit, a.Value)
	case (a.Kind == KindWait || a.Kind == KindAlert) && a.At <= f.Head && f.Head != math.MaxUint64:
		return fmt.Errorf("%s at block %d, not after the head %d", a.Kind, a.At, f.Head)
	}
	switch a.Kind {
	case KindProve, KindChallenge, KindSlash, KindRefund:
		return newMove(r, f, a)
	case KindReplace, KindCancel:
		if r.Move == nil || a.Nonce != r.Move.Nonce {
			return fmt.Errorf("%s with no move in flight of that nonce", a.Kind)
		}
	case KindSettle:
		return settles(r, f, a)
	}
	return nil
}

// costFits checks a transaction's Cost against its gas, fee and value: a
// new move at the facts' fee cap, a replacement at the higher of its own
// and the facts'.
func costFits(f *Facts, a Action) bool {
	fee := f.FeeCap
	if a.Kind == KindReplace || a.Kind == KindCancel {
		fee = maxU(a.FeeCap, f.FeeCap)
	}
	c, ok := cost(a.GasLimit, fee, a.Value)
	return ok && c.Eq(a.Cost)
}

// newMove checks a new move: nothing in flight, the batch live (a refund:
// voided), a proof the verdict's, a challenge of a needed object nobody
// challenged, within the window.
func newMove(r *Record, f *Facts, a Action) error {
	v := verdict(r, f)
	switch {
	case r.Move != nil:
		return fmt.Errorf("%s while a move is in flight", a.Kind)
	case r.Final != nil:
		return fmt.Errorf("%s on a settled record", a.Kind)
	case f.Batch == nil:
		return fmt.Errorf("%s with no batch", a.Kind)
	case a.Kind == KindRefund:
		if f.Batch.State != BatchVoided {
			return fmt.Errorf("refund on a %s batch", f.Batch.State)
		}
		return nil
	case f.Batch.State != BatchLive:
		return fmt.Errorf("%s on a %s batch", a.Kind, f.Batch.State)
	case a.Kind == KindProve:
		if t, ok := ProofOf(v); !ok || t != a.Target || f.Head >= f.Batch.Deadline {
			return fmt.Errorf("prove %v: not the verdict's proof before the deadline", a.Target)
		}
	case a.Kind == KindChallenge:
		_, taken := chainChallenge(f, a.Target.object())
		if v == nil || v.Status != judge.StatusUnavailable || !slices.Contains(needed(v), a.Target) || taken ||
			f.Head >= f.Batch.ChallengeEnd(f.Config) || a.Value == nil || f.Config.Bond == nil || !a.Value.Eq(f.Config.Bond) {
			return fmt.Errorf("challenge of %v: not a needed object nobody challenged, in the window, with the bond", a.Target)
		}
	}
	return nil
}

// settles checks a Settle: a final state on a named basis that holds now,
// for an open record with nothing in flight.
func settles(r *Record, f *Facts, a Action) error {
	switch {
	case a.Final == nil || a.Final.State == "":
		return errors.New("settle with no final state")
	case !a.Final.Basis.Named():
		return fmt.Errorf("settle %s on an unnamed basis %+v", a.Final.State, a.Final.Basis)
	case r.Move != nil || r.Final != nil:
		return fmt.Errorf("settle %s with a move in flight or a final state", a.Final.State)
	}
	if ok, why := a.Final.Basis.Holds(f); !ok {
		return fmt.Errorf("settle %s on a basis that does not hold: %s", a.Final.State, why)
	}
	return nil
}

// converges runs the executor's loop at fixed facts: the actions that only
// change the record must come to rest (a wait, an alert or a transaction)
// within a few steps, each accepted by Apply, and a final state must not be
// reopened by the facts it was settled on.
func converges(r Record, f Facts) error {
	for range 12 {
		a := Next(r, f)
		if err := invariants(&r, &f, a); err != nil {
			return err
		}
		o := Outcome{}
		if a.Kind.Sends() {
			o = Outcome{Kind: OutcomeSent, Tx: h("next"), Nonce: 9, GasLimit: a.GasLimit, FeeCap: a.FeeCap, TipCap: a.TipCap, Block: f.Head}
			if a.DryRun {
				o = Outcome{Kind: OutcomeSimulated, Block: f.Head}
			}
		}
		next, err := Apply(r, a, o)
		if err != nil {
			return fmt.Errorf("Next's %s does not apply: %w", a.Kind, err)
		}
		if a.Kind == KindSettle {
			if b := Next(next, f); b.Kind == KindReopen {
				return fmt.Errorf("settled %s and reopened at once: %s", a.Final.State, b.Note)
			}
		}
		if a.Kind == KindWait || a.Kind == KindAlert || (a.Kind.Sends() && !a.DryRun) {
			return nil
		}
		r = next
	}
	return errors.New("the loop does not come to rest at fixed facts")
}

// TestNextProperties checks Next's promises on random records and facts.
func TestNextProperties(t *testing.T) {
	n := 20_000
	if testing.Short() || raceEnabled {
		n = 4_000
	}
	for i := range n {
		var seed [32]byte
		binary.LittleEndian.PutUint64(seed[:], uint64(i))
		rng := rand.New(rand.NewChaCha8(seed))
		f := genFacts(rng)
		r := genRecord(rng, &f)
		checkInvariants(t, r, f, Next(r, f))
		if t.Failed() {
			t.Fatalf("seed %d", i)
		}
	}
}

// FuzzNext derives a record and facts from the input and checks Next's
// promises on them.
func FuzzNext(f *testing.F) {
	for _, s := range []string{"", "a", "monitor", "dry-run", "0123456789abcdef0123456789abcdef"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var seed [32]byte
		copy(seed[:], data)
		rng := rand.New(rand.NewChaCha8(seed))
		fs := genFacts(rng)
		r := genRecord(rng, &fs)
		checkInvariants(t, r, fs, Next(r, fs))
	})
}

// pick returns one of vs.
func pick[T any](rng *rand.Rand, vs ...T) T { return vs[rng.IntN(len(vs))] }

var (
	huge   = new(uint256.Int).SetAllOne()
	blocks = []uint64{0, 999, 1000, 1010, 1011, 1040, 1043, 1050, 1051, 1052, 1059, 1060, 1061, 1099, 1100, 1101,
		1120, 1150, 1199, 1200, 1201, 1300, math.MaxUint64 - 1, math.MaxUint64}
	reverts = []string{"", "NoFraud", "NoLiveBatch", "ProofWindowClosed", "AlreadyChallenged", "ChallengeNotOpen", "NoSuchObject"}
	hashes  = []string{"tx0", "cancel0", "proof", "stranger", "", "next"}
)

func genBlock(rng *rand.Rand) uint64 {
	if rng.IntN(8) == 0 {
		return rng.Uint64N(1400)
	}
	return pick(rng, blocks...)
}

func genWei(rng *rand.Rand) *uint256.Int {
	if rng.IntN(2) == 0 {
		return pick(rng, gwei(10), ether(1, 20), ether(1, 1))
	}
	return pick(rng, nil, new(uint256.Int), uint256.NewInt(1), gwei(1), ether(100, 1), huge)
}

func genTarget(rng *rand.Rand) Target {
	obj := pick(rng, contracts.ObjectManifestPart, contracts.ObjectRow)
	i := rng.Uint64N(4)
	return pick(rng, proofT(badAlloc(int(i))), proofT(entryOrder(int(i), 1)), chalT(obj, i), slashT(obj, i), refundT(obj, i))
}

func genVerdict(rng *rand.Rand) *judge.Verdict {
	var v *judge.Verdict
	switch rng.IntN(7) {
	case 0:
		return nil
	case 1:
		v = badAlloc(rng.IntN(4))
	case 2:
		v = entryOrder(rng.IntN(4), 1)
	case 3, 4:
		v = unavailable(genObjects(rng)...)
	case 5:
		v = pick(rng, valid(), pending())
	default:
		v = &judge.Verdict{Round: tRound, Attempt: u64p(tAttempt), Status: judge.StatusFraud, Rule: recompute.RuleMRRange}
	}
	if rng.IntN(10) == 0 {
		v.Attempt = pick(rng, nil, u64p(0), u64p(2))
	}
	return v
}

func genObjects(rng *rand.Rand) []judge.Object {
	var out []judge.Object
	for range rng.IntN(4) {
		needed := rng.IntN(4) != 0
		switch rng.IntN(4) {
		case 0:
			out = append(out, part(rng.IntN(2), needed))
		case 1:
			out = append(out, judge.Object{Kind: judge.ObjectAllocations, Provider: ip(rng.IntN(4)), Needed: needed})
		default:
			out = append(out, row(rng.IntN(4), needed))
		}
	}
	return out
}

func genEvent(rng *rand.Rand) *Event {
	if rng.IntN(6) == 0 {
		return nil
	}
	return &Event{Tx: h(pick(rng, hashes...)), Block: genBlock(rng), BlockHash: h(pick(rng, "b1", "b2", "")), Ours: rng.IntN(2) == 0,
		By: rival, Kind: contracts.FraudBadAllocation}
}

func genBatch(rng *rand.Rand) *Batch {
	if rng.IntN(10) == 0 {
		return nil
	}
	b := &Batch{Attempt: tAttempt, State: pick(rng, BatchLive, BatchLive, BatchVoided, BatchFinalized, "weird"),
		SubmissionBlock: pick(rng, uint64(tSubmitted), genBlock(rng)), Deadline: pick(rng, uint64(tWindowEnd), genBlock(rng))}
	if rng.IntN(20) == 0 {
		b.Attempt = 2
	}
	b.Voided, b.Finalized = genEvent(rng), genEvent(rng)
	return b
}

func genChallenges(rng *rand.Rand) []ChainChallenge {
	var out []ChainChallenge
	for range rng.IntN(3) {
		c := openChal(pick(rng, contracts.ObjectManifestPart, contracts.ObjectRow), rng.Uint64N(4), rng.IntN(2) == 0, genBlock(rng))
		c.State = pick(rng, ChallengeOpen, ChallengeOpen, ChallengeResolved, ChallengeSlashed, ChallengeRefunded, "weird")
		c.Bond, c.ResolveBy = genWei(rng), pick(rng, c.ResolveBy, genBlock(rng))
		out = append(out, c)
	}
	return out
}

func genMoveFacts(rng *rand.Rand) *MoveFacts {
	if rng.IntN(5) == 0 {
		return nil
	}
	return &MoveFacts{Status: pick(rng, MovePending, MovePending, MovePending, MoveMined, MoveDropped, MoveUnknown, "weird"),
		Tx: h(pick(rng, hashes...)), Block: genBlock(rng), BlockHash: h("b1"), Success: rng.IntN(2) == 0,
		OutOfGas: rng.IntN(4) == 0, Revert: pick(rng, reverts...)}
}

func genConfig(rng *rand.Rand) Config {
	c := DefaultConfig()
	c.MonitorOnly, c.DryRun = rng.IntN(6) == 0, rng.IntN(6) == 0
	c.Bond, c.MaxBond = pick(rng, c.Bond, c.Bond, genWei(rng)), pick(rng, c.MaxBond, ether(1, 10), genWei(rng))
	c.Confirmations = pick(rng, uint64(2), 0, 100, math.MaxUint64)
	c.BumpAfter = pick(rng, uint64(3), 0, 1, math.MaxUint64)
	c.MaxBumps = pick(rng, 5, 0, -1)
	c.MaxFeeCap = pick(rng, c.MaxFeeCap, nil, new(uint256.Int), gwei(11))
	c.GasMarginPct = pick(rng, uint64(25), 0, 200, math.MaxUint64)
	c.GasCap = pick(rng, uint64(MaxTxGas), 0, 100_000, math.MaxUint64)
	if rng.IntN(10) == 0 {
		c.ChallengeWindow, c.ResolveWindow, c.RevealWindow = genBlock(rng), genBlock(rng), genBlock(rng)
	}
	return c
}

func genFacts(rng *rand.Rand) Facts {
	f := Facts{Round: pick(rng, uint64(tRound), tRound, tRound, 8), Head: genBlock(rng), Verdict: genVerdict(rng),
		Batch: genBatch(rng), Move: genMoveFacts(rng), Challenges: genChallenges(rng), Balance: genWei(rng),
		FeeCap: genWei(rng), TipCap: genWei(rng), RoundBonds: genWei(rng), Config: genConfig(rng)}
	targets := []Target{genTarget(rng), genTarget(rng)}
	if t, ok := ProofOf(f.Verdict); ok {
		targets = append(targets, t)
	}
	if f.Verdict != nil {
		targets = append(targets, needed(f.Verdict)...)
	}
	for _, c := range f.Challenges {
		targets = append(targets, Target{Kind: MoveSlash, Object: c.Object, Index: c.Index}, Target{Kind: MoveRefund, Object: c.Object, Index: c.Index})
	}
	for _, t := range targets {
		if rng.IntN(8) != 0 {
			f.Estimates = append(f.Estimates, genEstimate(rng, t))
		}
	}
	return f
}

func genEstimate(rng *rand.Rand, t Target) Estimate {
	e := Estimate{Target: t, Gas: pick(rng, uint64(400_000), 80_000, 0, 21_000, 20_000_000, math.MaxUint64)}
	if rng.IntN(8) == 0 {
		e.Reverted, e.Revert = true, pick(rng, reverts...)
	}
	return e
}

func genMove(rng *rand.Rand) *Move {
	m := &Move{Target: genTarget(rng), Nonce: rng.Uint64N(10), GasLimit: pick(rng, uint64(0), 21_000, 500_000, math.MaxUint64),
		Value: genWei(rng), Replacements: rng.IntN(7), Cancelling: rng.IntN(4) == 0, OutOfGasRetry: rng.IntN(4) == 0}
	for i := range rng.IntN(3) {
		m.Attempts = append(m.Attempts, Attempt{Tx: h(pick(rng, hashes...)), FeeCap: genWei(rng), TipCap: genWei(rng),
			SentBlock: genBlock(rng), Cancel: i > 0 && m.Cancelling})
	}
	return m
}

// genRecord returns a record of the batch, its bonds mostly those the
// facts show.
func genRecord(rng *rand.Rand, f *Facts) Record {
	r := NewRecord(tRound, pick(rng, uint64(tAttempt), tAttempt, tAttempt, 2))
	if rng.IntN(3) == 0 {
		r.Move = genMove(rng)
		if t, ok := ProofOf(f.Verdict); ok && rng.IntN(2) == 0 {
			r.Move.Target = t
		}
	}
	if rng.IntN(4) == 0 {
		m := *genMove(rng)
		m.End = &Ending{How: pick(rng, EndMined, EndReverted, EndDropped), Tx: h(pick(rng, hashes...))}
		r.History = append(r.History, m)
	}
	if rng.IntN(4) == 0 {
		for _, c := range genChallenges(rng) {
			r.Challenges = append(r.Challenges, bond(c, pick(rng, FateOpen, FateOpen, FateLost, FateSlashed, FateRefunded, FateExpired)))
		}
	} else if bonds, changed := syncBonds(&r, f); changed {
		r.Challenges = bonds
	}
	for range rng.IntN(4) {
		r.Refusals = append(r.Refusals, Refusal{Target: genTarget(rng), Revert: pick(rng, reverts...), OutOfGas: rng.IntN(3) == 0,
			GasLimit: pick(rng, uint64(0), 500_000, math.MaxUint64), Block: genBlock(rng)})
	}
	if rng.IntN(6) == 0 {
		r.Simulation = &Simulation{Target: genTarget(rng), Block: genBlock(rng)}
	}
	if rng.IntN(6) == 0 {
		r.Final = &Final{State: pick(rng, FinalConfirmed, FinalProvenByOther, FinalExpired, FinalMonitorOnly, FinalDryRun),
			Basis: pick(rng, proofP, finalB, deadlineB, Basis{Kind: BasisLive, Mode: ModeSend}, Basis{Kind: BasisLive, Mode: ModeMonitorOnly}, Basis{})}
	}
	r.State = stateOf(&r)
	return r
}

// TestPropertyCoverage checks that the generator reaches every action kind,
// so that the properties are not vacuous.
func TestPropertyCoverage(t *testing.T) {
	seen := map[Kind]int{}
	for i := range 20_000 {
		var seed [32]byte
		binary.LittleEndian.PutUint64(seed[:], uint64(i))
		rng := rand.New(rand.NewChaCha8(seed))
		f := genFacts(rng)
		r := genRecord(rng, &f)
		seen[Next(r, f).Kind]++
	}
	for _, k := range []Kind{KindWait, KindAlert, KindObserve, KindSettle, KindReopen, KindProve, KindChallenge, KindSlash, KindRefund, KindReplace, KindCancel} {
		if seen[k] == 0 {
			t.Errorf("no random case reaches %s (%v)", k, seen)
		}
	}
}
