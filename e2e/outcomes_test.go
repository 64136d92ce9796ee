package e2e

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
)

// outcome is what must become of a round the devnet ran with a fault, once
// every round is settled and the challenger has done its work.
type outcome struct {
	// proofs are the FraudProven kinds of the round, in order, each against
	// attempt 0 (the colluders' batch) and naming the challenger.
	proofs []contracts.FraudKind
	// challenges are the availability challenges the challenger opens
	// against attempt 0; revealed says the colluders answer them (the
	// bond is lost to the resolver; otherwise it comes back).
	challenges []contracts.ObjectKind
	revealed   bool
	// txs is the number of the challenger's transactions about the round.
	txs int
	// verdict is the watcher's verdict once the round is settled.
	verdict index.Verdict
}

// expect is the outcome of a devnet fault as the description spells it
// ("" for an honest round).
func expect(t testing.TB, fault string) outcome {
	t.Helper()
	if fault == "" {
		return outcome{verdict: index.VerdictValid}
	}
	sched, err := devnet.ParseFaults("1:" + fault)
	if err != nil {
		t.Fatalf("the description's fault %q: %v", fault, err)
	}
	f := sched[1]
	unavailable := func(k contracts.ObjectKind) outcome {
		return outcome{proofs: []contracts.FraudKind{k.FraudKind()}, challenges: []contracts.ObjectKind{k}, txs: 2, verdict: index.VerdictValid}
	}
	switch f.Kind {
	case devnet.FaultForwarded, devnet.FaultChurn:
		return outcome{verdict: index.VerdictValid}
	case devnet.FaultAmount, devnet.FaultDenominator, devnet.FaultConservation, devnet.FaultReplay:
		return outcome{proofs: []contracts.FraudKind{contracts.FraudBadAllocation}, txs: 1, verdict: index.VerdictValid}
	case devnet.FaultMalformed:
		if !f.Signed {
			return outcome{verdict: index.VerdictMalformed}
		}
		return outcome{proofs: []contracts.FraudKind{contracts.FraudKindOf(f.Rule)}, txs: 1, verdict: index.VerdictMalformed}
	case devnet.FaultWithheldRow:
		if f.Reveal {
			return outcome{proofs: []contracts.FraudKind{contracts.FraudBadAllocation}, challenges: []contracts.ObjectKind{contracts.ObjectRow},
				revealed: true, txs: 2, verdict: index.VerdictValid}
		}
		return unavailable(contracts.ObjectRow)
	case devnet.FaultWithheldManifest:
		if f.Reveal {
			return outcome{challenges: []contracts.ObjectKind{contracts.ObjectManifestPart}, revealed: true, txs: 1, verdict: index.VerdictValid}
		}
		return unavailable(contracts.ObjectManifestPart)
	case devnet.FaultUnopenable:
		o := unavailable(contracts.ObjectManifestPart)
		// No data opens the root, so no honest batch follows the voided one:
		// committed with no live batch (section 10's unavailable is about a
		// live batch's objects).
		o.verdict = index.VerdictAwaitingBatch
		return o
	}
	t.Fatalf("no expected outcome for the fault %q", fault)
	return outcome{}
}

// chainReader is what the checks read from a node (an ethclient, or the
// in-process devnet's simulated client).
type chainReader interface {
	ethereum.LogFilterer
	ethereum.ChainReader
	ethereum.TransactionReader
	ethereum.ChainStateReader
	ChainID(ctx context.Context) (*big.Int, error)
}

// avsEvents are the AVS's events of the run, unpacked with the generated
// bindings, read once up to block head.
type avsEvents struct {
	frauds     []*bindings.DenominatorAllocationAVSFraudProven
	slashed    []*bindings.DenominatorAllocationAVSOperatorSlashed
	challenged []*bindings.DenominatorAllocationAVSAvailabilityChallenged
	rows       []*bindings.DenominatorAllocationAVSRowRevealed
	manifests  []*bindings.DenominatorAllocationAVSManifestRevealed
}

// readEvents reads the AVS's proofs, slashes, challenges and reveals from
// from..head.
func readEvents(ctx context.Context, t testing.TB, c chainReader, avs common.Address, from, head uint64) *avsEvents {
	t.Helper()
	abi := contracts.ABI()
	ev := &avsEvents{}
	unpack := map[common.Hash]func(*types.Log) error{
		contracts.EventID(bindings.DenominatorAllocationAVSFraudProvenEventName): func(l *types.Log) error {
			e, err := abi.UnpackFraudProvenEvent(l)
			ev.frauds = append(ev.frauds, e)
			return err
		},
		contracts.EventID(bindings.DenominatorAllocationAVSOperatorSlashedEventName): func(l *types.Log) error {
			e, err := abi.UnpackOperatorSlashedEvent(l)
			ev.slashed = append(ev.slashed, e)
			return err
		},
		contracts.EventID(bindings.DenominatorAllocationAVSAvailabilityChallengedEventName): func(l *types.Log) error {
			e, err := abi.UnpackAvailabilityChallengedEvent(l)
			ev.challenged = append(ev.challenged, e)
			return err
		},
		contracts.EventID(bindings.DenominatorAllocationAVSRowRevealedEventName): func(l *types.Log) error {
			e, err := abi.UnpackRowRevealedEvent(l)
			ev.rows = append(ev.rows, e)
			return err
		},
		contracts.EventID(bindings.DenominatorAllocationAVSManifestRevealedEventName): func(l *types.Log) error {
			e, err := abi.UnpackManifestRevealedEvent(l)
			ev.manifests = append(ev.manifests, e)
			return err
		},
	}
	topics := make([]common.Hash, 0, len(unpack))
	for id := range unpack {
		topics = append(topics, id)
	}
	logs, err := c.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(head),
		Addresses: []common.Address{avs}, Topics: [][]common.Hash{topics}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range logs {
		if err := unpack[logs[i].Topics[0]](&logs[i]); err != nil {
			t.Fatalf("log %d of tx %s: %v", logs[i].Index, logs[i].TxHash, err)
		}
	}
	return ev
}

// checkRounds checks every round of desc on chain against its fault's
// outcome: the FraudProven events (kind, attempt 0, the challenger named),
// the signers of each slashed batch slashed once each (OperatorSlashed,
// summing to slashedTotal), the availability challenges and their reveals
// (a revealed row proven only after RowRevealed), and no proof or challenge
// against any honest batch (forwarded and churn included).
func checkRounds(t *testing.T, desc *devnet.Description, ev *avsEvents, challenger common.Address) {
	t.Helper()
	for _, r := range desc.Rounds {
		want := expect(t, r.Fault)
		var kinds []contracts.FraudKind
		for _, f := range ev.frauds {
			if f.Round.Uint64() != r.Round {
				continue
			}
			kinds = append(kinds, contracts.FraudKind(f.Kind))
			if f.Attempt.Sign() != 0 || f.Challenger != challenger {
				t.Errorf("round %d (%s): %s proven against attempt %d for %s, want attempt 0 for the challenger %s",
					r.Round, r.Fault, f.Kind, f.Attempt, f.Challenger, challenger)
			}
			checkSlashed(t, r, f, ev.slashed)
		}
		if !slices.Equal(kinds, want.proofs) {
			t.Errorf("round %d (%q): proven %v, want %v", r.Round, r.Fault, kinds, want.proofs)
		}
		var opened []contracts.ObjectKind
		for _, c := range ev.challenged {
			if c.Round.Uint64() != r.Round {
				continue
			}
			opened = append(opened, contracts.ObjectKind(c.Kind))
			if c.Attempt.Sign() != 0 || c.Challenger != challenger {
				t.Errorf("round %d (%s): availability challenge of attempt %d by %s, want attempt 0 by %s", r.Round, r.Fault, c.Attempt, c.Challenger, challenger)
			}
		}
		if !slices.Equal(opened, want.challenges) {
			t.Errorf("round %d (%q): availability challenges %v, want %v", r.Round, r.Fault, opened, want.challenges)
		}
		checkReveals(t, r, want, ev)
		for _, b := range r.Batches {
			if b.Honest && ev.touched(r.Round, b.Attempt) {
				t.Errorf("round %d (%q): the honest batch of attempt %d was challenged or proven", r.Round, r.Fault, b.Attempt)
			}
		}
	}
	t.Logf("on chain: %d frauds proven, %d operators slashed, %d availability challenges, %d rows and %d manifest parts revealed",
		len(ev.frauds), len(ev.slashed), len(ev.challenged), len(ev.rows), len(ev.manifests))
}

// checkSlashed: the proof's slashing events are one per signer of the
// voided batch, summing to its slashedTotal, all in the proof's transaction.
func checkSlashed(t *testing.T, r devnet.DescribedRound, f *bindings.DenominatorAllocationAVSFraudProven, slashed []*bindings.DenominatorAllocationAVSOperatorSlashed) {
	t.Helper()
	var signers int
	for _, b := range r.Batches {
		if b.Attempt == f.Attempt.Uint64() {
			signers = len(b.Signers)
		}
	}
	n, sum := 0, new(big.Int)
	for _, s := range slashed {
		if s.Raw.TxHash == f.Raw.TxHash && s.Round.Uint64() == r.Round {
			n++
			sum.Add(sum, s.Amount)
		}
	}
	if n != signers || sum.Cmp(f.SlashedTotal) != 0 || sum.Sign() == 0 {
		t.Errorf("round %d (%s): %d OperatorSlashed events summing to %s for %d signers, FraudProven's slashedTotal %s",
			r.Round, f.Kind, n, sum, signers, f.SlashedTotal)
	}
}

// checkReveals: a revealed fault's challenged objects are revealed at
// attempt 0 (a row before its proof); no other round's are.
func checkReveals(t *testing.T, r devnet.DescribedRound, want outcome, ev *avsEvents) {
	t.Helper()
	var rows, parts []uint64 // blocks
	for _, rv := range ev.rows {
		if rv.Round.Uint64() == r.Round && rv.Attempt.Sign() == 0 {
			rows = append(rows, rv.Raw.BlockNumber)
		}
	}
	for _, mv := range ev.manifests {
		if mv.Round.Uint64() == r.Round && mv.Attempt.Sign() == 0 {
			parts = append(parts, mv.Raw.BlockNumber)
		}
	}
	wantRevealed := 0
	if want.revealed {
		wantRevealed = len(want.challenges)
	}
	if got := len(rows) + len(parts); got != wantRevealed {
		t.Errorf("round %d (%q): %d rows and %d manifest parts revealed for %d challenges, revealed %v", r.Round, r.Fault, len(rows), len(parts), len(want.challenges), want.revealed)
		return
	}
	for _, f := range ev.frauds {
		if f.Round.Uint64() == r.Round && len(rows) > 0 && f.Raw.BlockNumber <= rows[0] {
			t.Errorf("round %d (%q): proven in block %d, not after the row's reveal in block %d", r.Round, r.Fault, f.Raw.BlockNumber, rows[0])
		}
	}
}

// touched reports whether a proof or a challenge names (round, attempt).
func (ev *avsEvents) touched(round, attempt uint64) bool {
	for _, f := range ev.frauds {
		if f.Round.Uint64() == round && f.Attempt.Uint64() == attempt {
			return true
		}
	}
	for _, c := range ev.challenged {
		if c.Round.Uint64() == round && c.Attempt.Uint64() == attempt {
			return true
		}
	}
	return false
}

// challengerTxs are the challenger's transactions found in the blocks,
// with their receipts.
type challengerTxs struct {
	txs      []*types.Transaction
	receipts []*types.Receipt
}

// findTxs scans blocks from..head for the transactions sent by from.
func findTxs(ctx context.Context, t testing.TB, c chainReader, sender common.Address, from, head uint64) *challengerTxs {
	t.Helper()
	id, err := c.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	signer := types.LatestSignerForChainID(id)
	out := &challengerTxs{}
	for n := from; n <= head; n++ {
		b, err := c.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			t.Fatalf("block %d: %v", n, err)
		}
		for _, tx := range b.Transactions() {
			if s, err := types.Sender(signer, tx); err != nil || s != sender {
				continue
			}
			r, err := c.TransactionReceipt(ctx, tx.Hash())
			if err != nil {
				t.Fatalf("receipt of %s: %v", tx.Hash(), err)
			}
			out.txs, out.receipts = append(out.txs, tx), append(out.receipts, r)
		}
	}
	return out
}

// checkActions: the challenger's nonce at head is the number of its
// transactions in the blocks, each mined successfully and each about one
// round (its events name the round), as many per round as its outcome says.
func checkActions(ctx context.Context, t *testing.T, c chainReader, desc *devnet.Description, avs, challenger common.Address, txs *challengerTxs, head uint64) {
	t.Helper()
	nonce, err := c.NonceAt(ctx, challenger, new(big.Int).SetUint64(head))
	if err != nil {
		t.Fatal(err)
	}
	if nonce != uint64(len(txs.txs)) {
		t.Errorf("the challenger's nonce is %d, but %d of its transactions are in the blocks", nonce, len(txs.txs))
	}
	perRound := map[uint64]int{}
	for i, r := range txs.receipts {
		if r.Status != types.ReceiptStatusSuccessful {
			t.Errorf("the challenger's transaction %s (nonce %d) reverted", r.TxHash, txs.txs[i].Nonce())
			continue
		}
		rounds := map[uint64]bool{}
		for _, l := range r.Logs {
			if l.Address == avs && len(l.Topics) > 1 {
				rounds[new(big.Int).SetBytes(l.Topics[1][:]).Uint64()] = true
			}
		}
		if len(rounds) != 1 {
			t.Errorf("the challenger's transaction %s is about rounds %v, want one", r.TxHash, rounds)
		}
		for n := range rounds {
			perRound[n]++
		}
	}
	want := 0
	for _, r := range desc.Rounds {
		w := expect(t, r.Fault).txs
		want += w
		if perRound[r.Round] != w {
			t.Errorf("round %d (%q): the challenger sent %d transactions, want %d", r.Round, r.Fault, perRound[r.Round], w)
		}
	}
	t.Logf("the challenger sent %d transactions (nonce %d), %d expected", len(txs.txs), nonce, want)
}

// checkBonds: every availability bond the challenger paid came back
// (the batch voided: slashUnavailable or a refund) or was lost to a
// resolver (a reveal), and the challenger's balance moved by exactly its
// gas, its bonds not returned and its bounties: from before, its balance
// before its first transaction (read then: a node need not keep old
// states), to its balance at head.
func checkBonds(ctx context.Context, t *testing.T, c chainReader, desc *devnet.Description, ev *avsEvents, challenger common.Address, txs *challengerTxs, before *big.Int, head uint64) {
	t.Helper()
	bountyBps := new(big.Int).SetUint64(desc.Params.BountyBps)
	paid, lost, returned := new(big.Int), new(big.Int), new(big.Int)
	byHash := map[common.Hash]*types.Transaction{}
	for _, tx := range txs.txs {
		byHash[tx.Hash()] = tx
	}
	for _, ch := range ev.challenged {
		if ch.Challenger != challenger {
			continue
		}
		tx, ok := byHash[ch.Raw.TxHash]
		if !ok {
			t.Fatalf("round %d: the challenge's transaction %s is not the challenger's", ch.Round, ch.Raw.TxHash)
		}
		bond := tx.Value()
		paid.Add(paid, bond)
		switch {
		case ev.revealed(ch):
			lost.Add(lost, bond)
		case ev.voided(ch.Round.Uint64(), ch.Attempt.Uint64()):
			returned.Add(returned, bond)
		default:
			t.Errorf("round %d: the challenge of kind %d index %d neither revealed nor its batch voided", ch.Round, ch.Kind, ch.Index)
		}
	}
	if sum := new(big.Int).Add(lost, returned); sum.Cmp(paid) != 0 {
		t.Errorf("bonds paid %s, lost %s + returned %s = %s", paid, lost, returned, sum)
	}
	bounties := new(big.Int)
	for _, f := range ev.frauds {
		if f.Challenger == challenger {
			b := new(big.Int).Mul(f.SlashedTotal, bountyBps)
			bounties.Add(bounties, b.Quo(b, big.NewInt(10_000)))
		}
	}
	gas := new(big.Int)
	for _, r := range txs.receipts {
		gas.Add(gas, new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice))
	}
	after, err := c.BalanceAt(ctx, challenger, new(big.Int).SetUint64(head))
	if err != nil {
		t.Fatal(err)
	}
	spent := new(big.Int).Sub(before, after)
	want := new(big.Int).Sub(new(big.Int).Add(gas, new(big.Int).Sub(paid, returned)), bounties)
	if spent.Cmp(want) != 0 {
		t.Errorf("the challenger's balance fell by %s, want gas %s + bonds not returned %s - bounties %s = %s",
			spent, gas, new(big.Int).Sub(paid, returned), bounties, want)
	}
	t.Logf("bonds: paid %s, lost %s, returned %s; bounties %s; gas %s wei", paid, lost, returned, bounties, gas)
}

// revealed reports whether the challenged object was revealed at the
// challenge's attempt.
func (ev *avsEvents) revealed(ch *bindings.DenominatorAllocationAVSAvailabilityChallenged) bool {
	same := func(round, attempt, index *big.Int) bool {
		return round.Cmp(ch.Round) == 0 && attempt.Cmp(ch.Attempt) == 0 && index.Cmp(ch.Index) == 0
	}
	for _, r := range ev.rows {
		if contracts.ObjectKind(ch.Kind) == contracts.ObjectRow && same(r.Round, r.Attempt, r.Provider) {
			return true
		}
	}
	for _, m := range ev.manifests {
		if contracts.ObjectKind(ch.Kind) == contracts.ObjectManifestPart && same(m.Round, m.Attempt, m.Part) {
			return true
		}
	}
	return false
}

// voided reports whether a proof voided (round, attempt).
func (ev *avsEvents) voided(round, attempt uint64) bool {
	for _, f := range ev.frauds {
		if f.Round.Uint64() == round && f.Attempt.Uint64() == attempt {
			return true
		}
	}
	return false
}

// verdictMismatches compares a watcher's records of every round (from its
// API) with the faults: the settled verdict, the frauds proven and the fate
// of the availability challenges. It returns what differs.
func verdictMismatches(t testing.TB, desc *devnet.Description, rounds map[uint64]index.Round) []string {
	t.Helper()
	var diffs []string
	for _, r := range desc.Rounds {
		want, got := expect(t, r.Fault), rounds[r.Round]
		var kinds []contracts.FraudKind
		for _, f := range got.FraudsProven {
			kinds = append(kinds, contracts.FraudKind(f.Kind))
		}
		var states, wantStates []string
		for _, c := range got.AvailabilityChallenges {
			states = append(states, c.State)
		}
		for range want.challenges {
			wantStates = append(wantStates, map[bool]string{true: index.ChallengeResolved, false: index.ChallengeSlashed}[want.revealed])
		}
		if got.Verdict != want.verdict || !slices.Equal(kinds, want.proofs) || !slices.Equal(states, wantStates) {
			diffs = append(diffs, fmt.Sprintf("round %d (%q): the watcher says %q, proven %v, challenges %v; want %q, %v, %v",
				r.Round, r.Fault, got.Verdict, kinds, states, want.verdict, want.proofs, wantStates))
		}
	}
	return diffs
}
