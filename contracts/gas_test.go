package contracts

import (
	"bytes"
	"flag"
	"fmt"
	"math/big"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/contracts/bindings"
)

var updateGasReport = flag.Bool("update-gas-report", false, "rewrite the v2 gas report section of README.md with the measured figures")

const (
	// txGasCap is EIP-7825's most gas one transaction may use.
	txGasCap = 16_777_216
	// maxTxData is the most calldata the tests allow one transaction: 128
	// KiB, the transaction size limit of geth's pool.
	maxTxData = 128 << 10
)

// gasRow is one measured transaction.
type gasRow struct {
	what     string
	gasUsed  uint64
	calldata int    // bytes of transaction input
	dataGas  uint64 // standard calldata gas: 4 a zero byte, 16 a non-zero byte
	floor    uint64 // EIP-7623 floor: 21000 + 10 a zero byte + 40 a non-zero byte
}

func measure(what string, data []byte, rcpt *types.Receipt) gasRow {
	r := gasRow{what: what, gasUsed: rcpt.GasUsed, calldata: len(data)}
	var zero, nonzero uint64
	for _, b := range data {
		if b == 0 {
			zero++
		} else {
			nonzero++
		}
	}
	r.dataGas = 4*zero + 16*nonzero
	r.floor = 21_000 + 10*zero + 40*nonzero
	return r
}

// pricing says which EIP-7623 price the transaction paid: the standard one
// (21000 + calldata + execution) or the calldata floor.
func (r gasRow) pricing() string {
	if r.gasUsed == r.floor {
		return "calldata floor"
	}
	return fmt.Sprintf("standard (execution %s)", commas(r.gasUsed-21_000-r.dataGas))
}

// gasTarget is one of the targets: a bound on gasUsed (less the
// calldata's standard gas when beyondCalldata) of the row named what.
type gasTarget struct {
	what           string
	limit          uint64
	beyondCalldata bool
}

var gasTargets = []gasTarget{
	{"proveBadAllocation, row of 1024 entries, P = 1024, realistic values", 3_000_000, false},
	{"proveBadAllocation, row of 1024 entries, P = 1024, values at the bounds", 3_000_000, false},
	{"proveBadAllocation, row of 100 entries", 350_000, false},
	{"resolveRow, 1024 entries, P = 1024 (RowRevealed carries them)", 4_000_000, false},
	{"submitAllocationBatch, P = 100, 100 signers of 100 operators", 400_000, true},
}

// malformedTarget bounds each rule's proof.
const malformedTarget = 200_000

// TestGasReport measures every transaction under mainnet rules, checks the
// targets and the caps (every proof and resolution at the largest legal size
// under EIP-7825's gas cap and 128 KiB of calldata), and with
// -update-gas-report writes the table into README.md.
func TestGasReport(t *testing.T) {
	t.Parallel()
	if raceEnabled {
		t.Skip("registers 256 operators and builds a round of 2^20 entries: run without -race (.ci/run does)")
	}
	rows := batchScenarios(t)
	rows = append(rows, smallScenarios(t)...)
	rows = append(rows, largestScenarios(t)...)
	for _, r := range rows {
		t.Logf("%-100s gas %9d  calldata %6d B (%8d gas, floor %9d)  %s", r.what, r.gasUsed, r.calldata, r.dataGas, r.floor, r.pricing())
		if r.gasUsed > txGasCap || r.calldata > maxTxData {
			t.Errorf("%s: %d gas, %d bytes; caps %d and %d", r.what, r.gasUsed, r.calldata, txGasCap, maxTxData)
		}
		if strings.HasPrefix(r.what, "prove ") && r.gasUsed > malformedTarget {
			t.Errorf("%s: %d gas, target %d", r.what, r.gasUsed, malformedTarget)
		}
	}
	for _, tg := range gasTargets {
		i := slices.IndexFunc(rows, func(r gasRow) bool { return r.what == tg.what })
		if i < 0 {
			t.Fatalf("no row %q", tg.what)
		}
		used := rows[i].gasUsed
		if tg.beyondCalldata {
			used -= rows[i].dataGas
		}
		if used > tg.limit {
			t.Errorf("%s: %d gas, target %d", tg.what, used, tg.limit)
		}
	}
	slices.SortStableFunc(rows, func(a, b gasRow) int { return reportOrder(a) - reportOrder(b) })
	if *updateGasReport && !t.Failed() {
		if err := writeGasReport("../README.md", rows); err != nil {
			t.Fatal(err)
		}
	}
}

// batchScenarios: batches by signer set and P on one chain of 256
// operators, and the bad-allocation proof that slashes all 256.
func batchScenarios(t *testing.T) []gasRow {
	var rows []gasRow
	c := newChain(t, chainOptions{accounts: 257, edit: func(p *Params) { p.MinStake = big.NewInt(1) }})
	ops := c.registerMany(256, big.NewInt(1))
	tr := largestRound()
	c.commit(tr)
	roots := wrongRoots(tr, 1023)
	c.measured(&rows, "submitAllocationBatch, P = 1024, 256 signers of 256 operators", c.keys[0], c.batch(tr, 0, roots, ops).Calldata(), nil)
	proof, err := NewBadAllocation(tr.res, 1023, roots)
	if err != nil {
		t.Fatal(err)
	}
	r := c.measured(&rows, "proveBadAllocation, row of 1024 entries, P = 1024, slashing 256 signers", c.keys[256], proof.Calldata(), nil)
	if n := len(eventsOf(t, r, bindings.DenominatorAllocationAVSOperatorSlashedEventName, avs.UnpackOperatorSlashedEvent)); n != 256 {
		t.Fatalf("%d slashed", n)
	}
	small := genRound(89, 2, []int{10, 3})
	c.commit(small)
	roots = wrongRoots(small, 0)
	c.submit(small, 0, roots, ops)
	if proof, err = NewBadAllocation(small.res, 0, roots); err != nil {
		t.Fatal(err)
	}
	c.measured(&rows, "proveBadAllocation, row of 10 entries, slashing 256 signers", c.keys[256], proof.Calldata(), nil)
	round := uint64(2)
	for _, tc := range []struct{ operators, signing, P int }{{149, 100, 100}, {100, 100, 100}, {100, 100, 1}, {10, 10, 10}, {10, 7, 10}} {
		// Shrink the active set (exits are for good, hence the order).
		for _, o := range ops[tc.operators:] {
			if c.operatorAt(o.index).Op.Active {
				c.mustSend(o.key, avs.PackExit(), nil)
			}
		}
		round++
		tr := genRound(round, round, slices.Repeat([]int{1}, tc.P))
		c.commit(tr)
		what := fmt.Sprintf("submitAllocationBatch, P = %d, %d signers of %d operators", tc.P, tc.signing, tc.operators)
		c.measured(&rows, what, c.keys[0], c.batch(tr, 0, nil, ops[:tc.signing]).Calldata(), nil)
	}
	return rows
}

// smallScenarios: the registry's transactions, bad-allocation proofs and a
// resolution of smaller rows.
func smallScenarios(t *testing.T) []gasRow {
	var rows []gasRow
	s := newFraudSetup(t, nil)
	o := newOperator(t, s.keys[5], 55)
	s.measured(&rows, "registerOperator (proof of possession checked)", o.key, RegisterCalldata(s.domain(), o.addr, o.sk), ether(1))
	exit := s.measured(&rows, "exit", o.key, avs.PackExit(), nil)
	s.mineTo(exit.BlockNumber.Uint64() + s.params.ExitDelay)
	s.measured(&rows, "withdraw", o.key, avs.PackWithdraw(), nil)
	for i, n := range []int{10, 100} {
		tr := genRound(uint64(90+i), uint64(i+1), []int{n, 3})
		s.commit(tr)
		roots := wrongRoots(tr, 0)
		s.submit(tr, 0, roots, s.signing)
		proof, err := NewBadAllocation(tr.res, 0, roots)
		if err != nil {
			t.Fatal(err)
		}
		s.measured(&rows, fmt.Sprintf("proveBadAllocation, row of %d entries", n), s.challenger, proof.Calldata(), nil)
	}
	tr := genRound(92, 3, []int{100, 3})
	s.commit(tr)
	s.submit(tr, 0, nil, s.signing)
	s.challenge(s.challenger, Challenge{3, ObjectRow, 0})
	s.measured(&rows, "resolveRow, 100 entries", s.keys[0], resolution(t, tr, Challenge{3, ObjectRow, 0}), nil)
	return rows
}

// reportOrder groups the report's rows: rounds and batches, the registry,
// proofs, availability.
func reportOrder(r gasRow) int {
	for i, prefix := range []string{"commitRound", "submitAllocationBatch", "finalizeRound", "registerOperator", "exit", "withdraw",
		"proveBadAllocation", "prove ", "challengeAvailability", "resolveRow", "resolveManifestPart", "slashUnavailable"} {
		if strings.HasPrefix(r.what, prefix) {
			return i
		}
	}
	return 100
}

const (
	gasBegin = "<!-- gas-report-v2:begin (written by: make gas-report) -->"
	gasEnd   = "<!-- gas-report-v2:end -->"
)

func writeGasReport(path string, rows []gasRow) error {
	readme, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	i, j := bytes.Index(readme, []byte(gasBegin)), bytes.Index(readme, []byte(gasEnd))
	if i < 0 || j < i {
		return fmt.Errorf("%s has no v2 gas report markers", path)
	}
	var b strings.Builder
	b.WriteString(gasBegin + "\n")
	b.WriteString("| transaction | gas used | calldata | calldata gas (4/16 a byte) | EIP-7623 floor | priced by |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | --- |\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s B | %s | %s | %s |\n", r.what, commas(r.gasUsed), commas(uint64(r.calldata)), commas(r.dataGas), commas(r.floor), r.pricing())
	}
	out := append(append(append([]byte(nil), readme[:i]...), b.String()...), readme[j:]...)
	return os.WriteFile(path, out, 0o644)
}

func commas(v uint64) string {
	s := fmt.Sprint(v)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
