package challenge

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
	"github.com/denomwatch/denomwatch/metrics"
)

// provableKind is the proof kind a devnet fault calls for ("" for none).
func provableKind(fault string) string {
	switch devnet.FaultKind(strings.Split(fault, "@")[0]) {
	case devnet.FaultAmount, devnet.FaultDenominator, devnet.FaultConservation:
		return index.KindBadAllocation
	case devnet.FaultPublication, devnet.FaultWithheld:
		// Withheld publishes no data: 0 bytes for E amounts, a bad
		// publication the contract accepts.
		return index.KindBadPublication
	}
	return ""
}

// stakeAt reads operator i's stake at block n.
func stakeAt(t *testing.T, d *testDevnet, i int, n uint64) *big.Int {
	t.Helper()
	avs := d.desc.AVS
	out, err := d.Client().CallContract(context.Background(), ethereum.CallMsg{To: &avs, Data: avsABI.PackOperatorAt(big.NewInt(int64(i)))}, new(big.Int).SetUint64(n))
	if err != nil {
		t.Fatal(err)
	}
	o, err := avsABI.UnpackOperatorAt(out)
	if err != nil {
		t.Fatal(err)
	}
	return o.Stake
}

func balanceAt(t *testing.T, d *testDevnet, a common.Address, n uint64) *big.Int {
	t.Helper()
	b, err := d.Client().BalanceAt(context.Background(), a, new(big.Int).SetUint64(n))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func nonceOf(t *testing.T, d *testDevnet, a common.Address) uint64 {
	t.Helper()
	n, err := d.Client().NonceAt(context.Background(), a, nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// checkProven checks a confirmed challenge against the chain: the proof
// mined successfully before the deadline, every signer of the batch slashed
// by slashBps of its stake, the bounty paid to the challenger.
func checkProven(t *testing.T, d *testDevnet, rec index.Challenge, dr devnet.DescribedRound, challenger common.Address) {
	t.Helper()
	b := dr.Batches[0]
	if rec.State != index.ChallengeConfirmed || rec.TxHash == nil {
		t.Fatalf("round %d (%s): challenge %s (%s)", dr.Round, dr.Fault, rec.State, rec.Error)
	}
	r := receiptOf(t, d, *rec.TxHash)
	block := r.BlockNumber.Uint64()
	if r.Status != types.ReceiptStatusSuccessful || block != rec.Block || r.GasUsed != rec.GasUsed {
		t.Fatalf("round %d: receipt status %d block %d gas %d; record block %d gas %d", dr.Round, r.Status, block, r.GasUsed, rec.Block, rec.GasUsed)
	}
	if rec.DeadlineBlock != b.Block+testWindow || block > rec.DeadlineBlock {
		t.Fatalf("round %d: proof in block %d, batch in %d, deadline %d (record %d)", dr.Round, block, b.Block, b.Block+testWindow, rec.DeadlineBlock)
	}
	params := d.desc.Params
	slashed := map[common.Address]*big.Int{}
	var proven bool
	for _, l := range r.Logs {
		switch l.Topics[0] {
		case avsABI.GetABI().Events["OperatorSlashed"].ID:
			ev, err := avsABI.UnpackOperatorSlashedEvent(l)
			if err != nil {
				t.Fatal(err)
			}
			slashed[ev.Operator] = ev.Amount
		case evFraudProven:
			ev, err := avsABI.UnpackFraudProvenEvent(l)
			if err != nil {
				t.Fatal(err)
			}
			if ev.Challenger != challenger || ev.Round.Uint64() != dr.Round || ev.Index.Uint64() != rec.Index {
				t.Fatalf("round %d: FraudProven %+v; want challenger %s index %d", dr.Round, ev, challenger, rec.Index)
			}
			proven = true
		}
	}
	if !proven || len(slashed) != len(b.Signers) {
		t.Fatalf("round %d: FraudProven %v, %d operators slashed, %d signers", dr.Round, proven, len(slashed), len(b.Signers))
	}
	total := new(big.Int)
	for _, i := range b.Signers {
		op := d.desc.Operators[i]
		amount, ok := slashed[op.Address]
		before, after := stakeAt(t, d, i, block-1), stakeAt(t, d, i, block)
		want := new(big.Int).Div(new(big.Int).Mul(before, big.NewInt(int64(params.SlashBps))), big.NewInt(10_000))
		if !ok || amount.Cmp(want) != 0 || new(big.Int).Sub(before, after).Cmp(want) != 0 {
			t.Fatalf("round %d: signer %d slashed %v (stake %s -> %s), want %s", dr.Round, i, amount, before, after, want)
		}
		total.Add(total, amount)
	}
	bounty := new(big.Int).Div(new(big.Int).Mul(total, big.NewInt(int64(params.BountyBps))), big.NewInt(10_000))
	if rec.Bounty != bounty.String() || bounty.Sign() <= 0 {
		t.Fatalf("round %d: bounty recorded %s, want %s", dr.Round, rec.Bounty, bounty)
	}
	fee := new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
	gained := new(big.Int).Sub(balanceAt(t, d, challenger, block), balanceAt(t, d, challenger, block-1))
	if want := new(big.Int).Sub(bounty, fee); gained.Cmp(want) != 0 {
		t.Fatalf("round %d: the challenger's balance moved by %s in block %d, want bounty %s - fee %s", dr.Round, gained, block, bounty, fee)
	}
}

// TestChallengerProvesEveryFault runs a devnet with every fault kind and one
// challenger: every provable fraud ends proven on chain by it, before the
// deadline, its signers slashed and the bounty paid; honest and malformed
// rounds are never challenged. It measures detection-to-proof latency.
func TestChallengerProvesEveryFault(t *testing.T) {
	key := testKey(t, "every fault")
	me := addrOf(key)
	faults := devnet.Schedule{
		2: {Kind: devnet.FaultAmount, Index: -1},
		3: {Kind: devnet.FaultDenominator, Index: 1},
		4: {Kind: devnet.FaultConservation, Index: -1},
		5: {Kind: devnet.FaultPublication, Index: -1},
		6: {Kind: devnet.FaultWithheld, Index: -1},
		7: {Kind: devnet.FaultMalformedCommitments, Index: -1},
	}
	d := startDevnet(t, 8, 2, faults, me)
	p := newParty(t, d, key, testConfig(d), "")
	p.startChallenger(t)
	d.run(t)
	desc := d.wait(t)
	waitFor(t, 10*time.Second, "every challenge settled", func() bool { return settled(t, p.store) })
	p.stopChallenger()

	var blocks []uint64
	var seconds, toSend []float64
	proofs, gas, bounty := 0, uint64(0), new(big.Int)
	for _, dr := range desc.Rounds {
		recs, err := p.store.ChallengesByRound(dr.Round)
		if err != nil {
			t.Fatal(err)
		}
		kind := provableKind(dr.Fault)
		if kind == "" {
			if len(recs) != 0 {
				t.Fatalf("round %d (%q) was challenged: %+v", dr.Round, dr.Fault, recs)
			}
			continue
		}
		if len(dr.Batches) != 2 || dr.Batches[0].Honest || !dr.Batches[1].Honest || !dr.Finalized {
			t.Fatalf("round %d (%s): batches %+v", dr.Round, dr.Fault, dr.Batches)
		}
		if len(recs) != 1 || recs[0].BatchTx != dr.Batches[0].Tx || recs[0].Kind != kind {
			t.Fatalf("round %d (%s): challenges %+v, want one %s of batch %s", dr.Round, dr.Fault, recs, kind, dr.Batches[0].Tx)
		}
		rec := recs[0]
		checkProven(t, d, rec, dr, me)
		if len(rec.Estimates) == 0 || rec.GasEstimate == 0 {
			t.Errorf("round %d: estimates %+v", dr.Round, rec.Estimates)
		}
		for _, a := range rec.Attempts {
			if a.Nonce != rec.Attempts[0].Nonce || a.Cancel {
				t.Errorf("round %d: attempts %+v", dr.Round, rec.Attempts)
			}
		}
		if n := len(p.store.events(alerts.ChallengeSent, dr.Round)); n != 1 {
			t.Errorf("round %d: %d challenge_sent alerts", dr.Round, n)
		}
		if evs := p.store.events(alerts.ChallengeConfirmed, dr.Round); len(evs) != 1 || evs[0].Challenge == nil || evs[0].Challenge.Bounty != rec.Bounty || len(evs[0].ID) != 32 ||
			evs[0].Severity != alerts.SeverityInfo || len(evs[0].Recipients) == 0 {
			t.Errorf("round %d: challenge_confirmed alerts %+v", dr.Round, evs)
		}
		proofs++
		gas += rec.GasUsed
		b, _ := new(big.Int).SetString(rec.Bounty, 10)
		bounty.Add(bounty, b)
		blocks = append(blocks, rec.Block-dr.Batches[0].Block)
		t0, ok0 := d.heads.at(dr.Batches[0].Block)
		t1, ok1 := d.heads.at(rec.Block)
		if ok0 && ok1 {
			seconds = append(seconds, t1.Sub(t0).Seconds())
		}
		if ok0 && rec.Attempts[0].SentAt != nil {
			toSend = append(toSend, rec.Attempts[0].SentAt.Sub(t0).Seconds())
		}
		t.Logf("round %d (%s): %s proof at index %d, batch block %d, proof block %d (%d blocks), %d gas, bounty %s wei",
			dr.Round, dr.Fault, rec.Kind, rec.Index, dr.Batches[0].Block, rec.Block, rec.Block-dr.Batches[0].Block, rec.GasUsed, rec.Bounty)
	}
	if proofs != 5 {
		t.Fatalf("%d frauds proven, want 5", proofs)
	}
	if n := nonceOf(t, d, me); n != uint64(proofs) {
		t.Fatalf("the challenger sent %d transactions for %d proofs", n, proofs)
	}
	p.obs.mu.Lock()
	if p.obs.byState[index.ChallengeConfirmed] != proofs || p.obs.gas != gas || p.obs.bounty.Cmp(bounty) != 0 {
		t.Errorf("observer: %v, gas %d (want %d), bounty %s (want %s)", p.obs.byState, p.obs.gas, gas, p.obs.bounty, bounty)
	}
	if p.obs.maxOpen == 0 || p.obs.open != 0 || math.IsInf(p.obs.left, 1) {
		t.Errorf("open frauds: last %d, max %d, fewest blocks left %v", p.obs.open, p.obs.maxOpen, p.obs.left)
	}
	p.obs.mu.Unlock()
	if err := p.store.Check(); err != nil {
		t.Fatal(err)
	}
	p.check(t)
	checkAPI(t, p, desc)
	sort.Slice(blocks, func(i, j int) bool { return blocks[i] < blocks[j] })
	sort.Float64s(seconds)
	sort.Float64s(toSend)
	t.Logf("detection-to-proof latency over %d frauds (blocks every %v, watcher poll 10ms, challenger poll 20ms, race detector %v): blocks from the fraudulent batch's block to the proof's block: %v (median %d, max %d); wall seconds between those blocks appearing: %.2f; wall seconds from the batch's block appearing to the proof's broadcast: %.3f",
		proofs, testBlockInterval, raceEnabled, blocks, blocks[len(blocks)/2], blocks[len(blocks)-1], seconds, toSend)
}

var _ Observer = (*metrics.Metrics)(nil)

// checkAPI serves the party's index through the API: a proven round's
// object carries its challenge, an honest round's none.
func checkAPI(t *testing.T, p *party, desc devnet.Description) {
	t.Helper()
	srv, err := api.New(api.DefaultConfig(), api.Deps{Store: p.store.Store, Status: p.w})
	if err != nil {
		t.Fatal(err)
	}
	for _, dr := range desc.Rounds {
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", fmt.Sprintf("/v1/rounds/%d", dr.Round), nil))
		var view api.RoundView
		if err := json.Unmarshal(rec.Body.Bytes(), &view); err != nil || rec.Code != 200 {
			t.Fatalf("round %d: %d %s", dr.Round, rec.Code, rec.Body)
		}
		if provableKind(dr.Fault) == "" {
			if view.Challenge != nil {
				t.Errorf("round %d (honest): challenge %+v", dr.Round, view.Challenge)
			}
			continue
		}
		c := view.Challenge
		if c == nil || c.State != index.ChallengeConfirmed || c.TxHash == nil || c.GasUsed == 0 || c.Bounty == "" || c.Attempts < 1 || c.BatchTx != dr.Batches[0].Tx {
			t.Errorf("round %d: challenge %+v", dr.Round, c)
		}
	}
}
