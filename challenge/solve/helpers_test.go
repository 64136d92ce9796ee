package solve

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// The batch every case is about: round 7, attempt 1, submitted at block
// 1000, so with the default windows the challenge window ends at 1100 (the
// deadline until a resolution), and maxDeadline is 1200.
const (
	tRound       = 7
	tAttempt     = 1
	tSubmitted   = 1000
	tWindowEnd   = 1100
	tMaxDeadline = 1200
)

var rival = common.HexToAddress("0xbad0000000000000000000000000000000000bad")

func gwei(n uint64) *uint256.Int { return uint256.NewInt(n * params.GWei) }

func ether(num, den uint64) *uint256.Int { return uint256.NewInt(num * params.Ether / den) }

func h(s string) common.Hash { return common.BytesToHash([]byte(s)) }

func ip(v int) *int { return &v }

func u64p(v uint64) *uint64 { return &v }

// cfg is the default config.
func cfg() Config { return DefaultConfig() }

// The verdicts of the batch.
func badAlloc(p int) *judge.Verdict {
	return &judge.Verdict{Round: tRound, Attempt: u64p(tAttempt), Status: judge.StatusFraud, Rule: judge.RuleBadAllocation,
		Provider: ip(p), Evidence: &judge.Evidence{Headers: []int{p}, Rows: []int{p}}, Reason: "provider root wrong"}
}

func entryOrder(p, j int) *judge.Verdict {
	return &judge.Verdict{Round: tRound, Attempt: u64p(tAttempt), Status: judge.StatusFraud, Rule: recompute.RuleEntryOrder,
		Provider: ip(p), Entry: ip(j), Evidence: &judge.Evidence{Headers: []int{p}, Entries: []judge.Position{{Provider: p, Entry: j}, {Provider: p, Entry: j + 1}}},
		Reason: "entries out of order"}
}

func part(h int, needed bool) judge.Object {
	return judge.Object{Kind: judge.ObjectManifestPart, Part: ip(h), Needed: needed}
}

func row(p int, needed bool) judge.Object {
	return judge.Object{Kind: judge.ObjectRow, Provider: ip(p), Needed: needed}
}

func unavailable(objs ...judge.Object) *judge.Verdict {
	return &judge.Verdict{Round: tRound, Attempt: u64p(tAttempt), Status: judge.StatusUnavailable, Missing: objs, Reason: "missing"}
}

func valid() *judge.Verdict {
	return &judge.Verdict{Round: tRound, Attempt: u64p(tAttempt), Status: judge.StatusValid, Reason: "fine"}
}

func pending() *judge.Verdict {
	return &judge.Verdict{Round: tRound, Attempt: u64p(tAttempt), Status: judge.StatusPending, Reason: "young"}
}

// The targets.
func proofT(v *judge.Verdict) Target {
	t, ok := ProofOf(v)
	if !ok {
		panic("no proof")
	}
	return t
}

func chalT(kind contracts.ObjectKind, i uint64) Target {
	return Target{Kind: MoveChallenge, Object: kind, Index: i}
}

func slashT(kind contracts.ObjectKind, i uint64) Target {
	return Target{Kind: MoveSlash, Object: kind, Index: i}
}

func refundT(kind contracts.ObjectKind, i uint64) Target {
	return Target{Kind: MoveRefund, Object: kind, Index: i}
}

// facts is a live batch at head with verdict v, a 1 ether balance, a 10
// gwei fee cap, and gas estimates for every target the cases use.
func facts(head uint64, v *judge.Verdict, edits ...func(*Facts)) Facts {
	f := Facts{
		Round: tRound, Head: head, Verdict: v,
		Batch:   &Batch{Attempt: tAttempt, State: BatchLive, SubmissionBlock: tSubmitted, Deadline: tWindowEnd},
		Balance: ether(1, 1), FeeCap: gwei(10), TipCap: gwei(1), RoundBonds: new(uint256.Int),
		Config: cfg(),
	}
	for _, v := range []*judge.Verdict{badAlloc(2), entryOrder(1, 3)} {
		f.Estimates = append(f.Estimates, Estimate{Target: proofT(v), Gas: 400_000})
	}
	for i := range uint64(4) {
		for _, k := range []contracts.ObjectKind{contracts.ObjectManifestPart, contracts.ObjectRow} {
			f.Estimates = append(f.Estimates, Estimate{Target: chalT(k, i), Gas: 80_000},
				Estimate{Target: slashT(k, i), Gas: 200_000}, Estimate{Target: refundT(k, i), Gas: 50_000})
		}
	}
	for _, e := range edits {
		e(&f)
	}
	return f
}

// provenBy voids the batch by a FraudProven of tx in block.
func provenBy(ours bool, tx common.Hash, block uint64, blockHash common.Hash) func(*Facts) {
	return func(f *Facts) {
		by := rival
		if ours {
			by = common.HexToAddress("0xc0ffee")
		}
		f.Batch.State = BatchVoided
		f.Batch.Voided = &Event{Tx: tx, Block: block, BlockHash: blockHash, By: by, Ours: ours, Kind: contracts.FraudBadAllocation}
	}
}

func finalizedAt(block uint64, blockHash common.Hash) func(*Facts) {
	return func(f *Facts) {
		f.Batch.State = BatchFinalized
		f.Batch.Finalized = &Event{Tx: h("finalize"), Block: block, BlockHash: blockHash}
	}
}

func withChallenge(c ChainChallenge) func(*Facts) {
	return func(f *Facts) { f.Challenges = append(f.Challenges, c) }
}

func withMove(mf MoveFacts) func(*Facts) {
	return func(f *Facts) { f.Move = &mf }
}

func deadline(d uint64) func(*Facts) { return func(f *Facts) { f.Batch.Deadline = d } }

func balance(b *uint256.Int) func(*Facts) { return func(f *Facts) { f.Balance = b } }

func monitorOnly(f *Facts) { f.Config.MonitorOnly = true }

func dryRun(f *Facts) { f.Config.DryRun = true }

func noBatch(f *Facts) { f.Batch = nil }

// openChal is a challenge on the chain opened at block by us or a rival.
func openChal(kind contracts.ObjectKind, i uint64, ours bool, block uint64) ChainChallenge {
	return ChainChallenge{Object: kind, Index: i, Ours: ours, State: ChallengeOpen, Bond: ether(1, 20),
		Tx: h("chal" + string(rune('a'+i))), Block: block, ResolveBy: block + 50}
}

// bond is the record's bond of a chain challenge of ours.
func bond(c ChainChallenge, fate Fate) Bond {
	return Bond{Object: c.Object, Index: c.Index, Bond: c.Bond, Tx: c.Tx, Block: c.Block, ResolveBy: c.ResolveBy, Fate: fate}
}

// rec is an open record of the batch.
func rec(edits ...func(*Record)) Record {
	r := NewRecord(tRound, tAttempt)
	for _, e := range edits {
		e(&r)
	}
	r.State = stateOf(&r)
	return r
}

// inFlightMove puts a move of t in flight, sent at block sent with a 10
// gwei fee cap.
func inFlightMove(t Target, sent uint64) func(*Record) {
	return func(r *Record) {
		m := &Move{Target: t, Nonce: 5, GasLimit: 500_000,
			Attempts: []Attempt{{Tx: h("tx0"), FeeCap: gwei(10), TipCap: gwei(1), SentBlock: sent}}}
		if t.Kind == MoveChallenge {
			m.Value = ether(1, 20)
		}
		r.Move = m
	}
}

func cancelling(r *Record) {
	r.Move.Cancelling = true
	r.Move.Attempts = append(r.Move.Attempts, Attempt{Tx: h("cancel0"), FeeCap: gwei(12), TipCap: gwei(2),
		SentBlock: r.Move.Attempts[0].SentBlock + 1, Cancel: true})
}

func withBonds(bs ...Bond) func(*Record) {
	return func(r *Record) { r.Challenges = append(r.Challenges, bs...) }
}

func refused(t Target, revert string, block uint64) func(*Record) {
	return func(r *Record) { r.Refusals = append(r.Refusals, Refusal{Target: t, Revert: revert, Block: block}) }
}

func outOfGas(t Target, limit, block uint64) func(*Record) {
	return func(r *Record) {
		r.Refusals = append(r.Refusals, Refusal{Target: t, OutOfGas: true, GasLimit: limit, Block: block})
	}
}

func settledAs(state FinalState, b Basis) func(*Record) {
	return func(r *Record) { r.Final = &Final{State: state, Reason: "test", Basis: b} }
}

// step applies a to r with o, failing the test on an error.
func step(t *testing.T, r Record, a Action, o Outcome) Record {
	t.Helper()
	out, err := Apply(r, a, o)
	if err != nil {
		t.Fatalf("apply %s (%s): %v", a.Kind, a.Note, err)
	}
	return out
}

// sent is the outcome of a transaction sent at block.
func sent(tx string, nonce, block uint64, a Action) Outcome {
	fee, tip := a.FeeCap, a.TipCap
	if fee == nil {
		fee, tip = gwei(10), gwei(1)
	}
	return Outcome{Kind: OutcomeSent, Tx: h(tx), Nonce: nonce, GasLimit: a.GasLimit, FeeCap: fee, TipCap: tip, Block: block}
}
