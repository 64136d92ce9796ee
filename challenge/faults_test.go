package challenge

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/devnet"
)

// outcome is what the executor must have done about one round: its record
// of attempt 0 settled in final ("" for no record at all), the FraudProven
// of attempt 0 (kind, naming the executor as its beneficiary), its
// availability challenges with their bonds' fates, and the transactions it
// took (nonces).
type outcome struct {
	final solve.FinalState
	kind  string
	fates []solve.Fate
	txs   uint64
}

// checkOutcomes checks every round against want on the chain and in the
// records: each fraud slashed once, by the executor; nothing else
// challenged or proven by it; its nonce the sum of its moves.
func checkOutcomes(t *testing.T, e *env, key *ecdsa.PrivateKey, recs map[batch]solve.Record, rounds uint64, want map[uint64]outcome) {
	t.Helper()
	me := crypto.PubkeyToAddress(key.PublicKey)
	frauds, challenged := e.frauds(), e.challenges()
	var txs uint64
	for n := uint64(1); n <= rounds; n++ {
		w, r := want[n], recs[batch{n, 0}]
		txs += w.txs
		t.Run(fmt.Sprintf("round %d", n), func(t *testing.T) {
			if (w.final == "") != (r.Final == nil) || (r.Final != nil && r.Final.State != w.final) {
				t.Fatalf("record %+v, want final %q", r.Final, w.final)
			}
			var mine []string
			for _, f := range frauds[n] {
				if f.Challenger == me {
					mine = append(mine, fmt.Sprintf("%s@%d", f.Kind, f.Attempt))
				}
			}
			if wantF := wantFrauds(w.kind); fmt.Sprint(mine) != fmt.Sprint(wantF) {
				t.Fatalf("frauds proven for the executor: %v, want %v (all: %d)", mine, wantF, len(frauds[n]))
			}
			var ours int
			for _, c := range challenged[n] {
				if c.Challenger == me {
					ours++
				}
			}
			if ours != len(w.fates) || len(r.Challenges) != len(w.fates) {
				t.Fatalf("%d challenges on chain, %d in the record (%+v), want %d", ours, len(r.Challenges), r.Challenges, len(w.fates))
			}
			for i, b := range r.Challenges {
				if b.Fate != w.fates[i] {
					t.Fatalf("bond %d: %s, want %s", i, b.Fate, w.fates[i])
				}
			}
		})
	}
	if got := e.nonce(key); got != txs {
		t.Fatalf("the executor's nonce is %d, want %d (one per move)", got, txs)
	}
}

func wantFrauds(kind string) []string {
	if kind == "" {
		return nil
	}
	return []string{kind + "@0"}
}

// TestProofs: amount, denominator and conservation faults are proven bad
// allocations, malformed rounds signed anyway are proven by their rule,
// each once, by the executor, before its deadline; a forwarded honest
// batch, an unsigned malformed round and an honest round are left alone;
// the key's nonce is one per proof; every fraud's honest resubmission is
// left alone too.
func TestProofs(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds = 8
	cfg.Faults, _ = devnet.ParseFaults("1:amount@1.2,2:denominator@2,3:conservation@0,4:malformed:entry-order:signed," +
		"5:malformed:provider-order:signed,6:forwarded,7:malformed:residual-range,8:malformed:residual-consistency:signed")
	e := startEnv(t, cfg, 1)
	t.Cleanup(e.dumpLog)
	obs := &recordingObserver{}
	e.background("executor", e.newExecutor(e.execConfig(), e.store, e.keys[0], obs).Run)
	e.waitDevnet()
	recs := e.waitSettled(e.store, batch{1, 0}, batch{2, 0}, batch{3, 0}, batch{4, 0}, batch{5, 0}, batch{8, 0})
	confirmed := func(kind string) outcome { return outcome{final: solve.FinalConfirmed, kind: kind, txs: 1} }
	checkOutcomes(t, e, e.keys[0], recs, 8, map[uint64]outcome{
		1: confirmed("bad-allocation"), 2: confirmed("bad-allocation"), 3: confirmed("bad-allocation"),
		4: confirmed("entry-order"), 5: confirmed("provider-order"), 8: confirmed("residual-consistency"),
	})
	if got := alertTypes(t, e.store); got[alerts.ChallengeSent] != 6 || got[alerts.ChallengeConfirmed] != 6 || got[alerts.ChallengeFailed] != 0 {
		t.Fatalf("alerts %v", got)
	}
	if err := e.store.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestAvailability: a withheld row is challenged, left unanswered, and
// slashed (the bond back with the bounty); a withheld row revealed on
// challenge is then proven a bad allocation from the revealed row before
// the extended deadline (the bond lost to the resolver); a withheld
// manifest revealed on challenge is judged valid (the bond lost, the batch
// finalized); a withheld manifest and an unopenable root are challenged
// and slashed.
func TestAvailability(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds = 5
	// Windows wide enough for the devnet to answer in time on a loaded
	// machine (a reveal too late is a slash, not what round 3 tests).
	cfg.ChallengeWindow, cfg.ResolveWindow = 60, 40
	cfg.Faults, _ = devnet.ParseFaults("1:withheld-row@1,2:withheld-row@2:reveal,3:withheld-manifest:reveal,4:withheld-manifest,5:unopenable")
	e := startEnv(t, cfg, 1)
	t.Cleanup(e.dumpLog)
	obs := &recordingObserver{}
	e.background("executor", e.newExecutor(e.execConfig(), e.store, e.keys[0], obs).Run)
	e.waitDevnet()
	recs := e.waitSettled(e.store, batch{1, 0}, batch{2, 0}, batch{3, 0}, batch{4, 0}, batch{5, 0})
	slashed := []solve.Fate{solve.FateSlashed}
	checkOutcomes(t, e, e.keys[0], recs, 5, map[uint64]outcome{
		1: {final: solve.FinalConfirmed, kind: "unavailable-row", fates: slashed, txs: 2},
		2: {final: solve.FinalConfirmed, kind: "bad-allocation", fates: []solve.Fate{solve.FateLost}, txs: 2},
		3: {final: solve.FinalFinalized, fates: []solve.Fate{solve.FateLost}, txs: 1},
		4: {final: solve.FinalConfirmed, kind: "unavailable-manifest", fates: slashed, txs: 2},
		5: {final: solve.FinalConfirmed, kind: "unavailable-manifest", fates: slashed, txs: 2},
	})
	obs.mu.Lock()
	bond := e.d.Description().Params.AvailabilityBond
	held, lost, returned := obs.held.String(), obs.lost.String(), obs.returned.String()
	obs.mu.Unlock()
	if held != "0" || lost != mul(bond, 2) || returned != mul(bond, 3) {
		t.Fatalf("bonds held %s lost %s returned %s; bond %s", held, lost, returned, bond)
	}
	if err := e.store.Check(); err != nil {
		t.Fatal(err)
	}
}

func mul(dec string, n int64) string {
	v, _ := new(big.Int).SetString(dec, 10)
	return v.Mul(v, big.NewInt(n)).String()
}
