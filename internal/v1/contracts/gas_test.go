package contracts

import (
	"bytes"
	"flag"
	"fmt"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

var updateGasReport = flag.Bool("update-gas-report", false, "rewrite the gas report section of README.md with the measured figures")

// EIP-7825: the most gas one transaction may use.
const txGasCap = 16_777_216

// gasRow is one measured transaction.
type gasRow struct {
	what     string
	gasUsed  uint64
	calldata int    // bytes of transaction input
	dataGas  uint64 // standard calldata gas: 4 a zero byte, 16 a non-zero byte
	floor    uint64 // EIP-7623 floor: 21000 + 10 per zero byte + 40 per non-zero byte
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
// (21000 + calldata + execution) or the calldata floor, which applies when
// execution is small next to the calldata.
func (r gasRow) pricing() string {
	if r.gasUsed == r.floor {
		return "calldata floor"
	}
	return fmt.Sprintf("standard (execution %s)", commas(r.gasUsed-21_000-r.dataGas))
}

// TestGasReport measures the gas of batches and fraud proofs under mainnet
// rules and checks the targets. With -update-gas-report it writes the figures
// into README.md.
func TestGasReport(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("registers 256 operators and proves 1000- and 3000-entry rounds")
	}
	var rows []gasRow

	// submitAllocationBatch: every operator of the set signs; and 100 signers
	// out of 149 operators (49 non-signers, just above a 67% quorum).
	c := newChain(t, 256, func(p *Params) { p.MinStake = big.NewInt(1) })
	ops := c.registerMany(256, big.NewInt(1))
	round := uint64(0)
	for _, tc := range []struct{ operators, signing int }{{256, 256}, {149, 100}, {100, 100}, {10, 10}} {
		// Shrink the active set to tc.operators (exits are for good, hence the
		// descending order).
		for _, o := range ops[tc.operators:] {
			if call(c, avs.PackOperatorAt(big.NewInt(int64(o.index))), avs.UnpackOperatorAt).Op.Active {
				c.mustSend(o.key, avs.PackExit(), nil)
			}
		}
		round++
		r := c.commit(round, genCommitments(round, 2, 5))
		b := c.honestBatch(r, ops[:tc.signing], active(ops[:tc.operators]))
		data := b.Calldata()
		rows = append(rows, measure(fmt.Sprintf("submitAllocationBatch, %d signers of %d operators (10 entries)", tc.signing, tc.operators), data, c.mustSend(c.keys[0], data, nil)))
	}

	// Bad-allocation proofs: a wrong last amount of a provider of n entries.
	for _, n := range []int{10, 100, 1000} {
		s := newFraudSetup(t)
		cm := genCommitments(uint64(n), 2, n)
		cm.Providers[0].Entries = cm.Providers[0].Entries[:3] // keep commitRound under the 128 KiB transaction limit
		r := s.commit(1, cm)
		k := r.res.Offsets[1] + n - 1
		data := setAmount(r.res.AllocationData, k, amountPlus(r.res, k, 1))
		tree, _ := recompute.AllocTreeFromData(data, 2)
		s.mustSend(s.keys[0], s.batch(r, tree.Root(), data, s.signing, active(s.ops)).Calldata(), nil)
		p, j, _ := r.res.Locate(k)
		proof, err := NewBadAllocation(r.n, r.c, r.res, data, tree, p, j)
		if err != nil {
			t.Fatal(err)
		}
		cd := proof.Calldata()
		rows = append(rows, measure(fmt.Sprintf("proveBadAllocation, provider of %d entries", n), cd, s.mustSend(s.challenger, cd, nil)))
	}

	// Bad-publication proofs: honest data under another tree, the whole tree
	// rebuilt. A 3000-entry round's commitment data (288 KB) does not fit in
	// one transaction (the txpool takes at most 128 KiB), so that round posts
	// its root only: the contract never reads the data, and the proof costs
	// the same.
	for _, e := range []struct{ providers, perRow int }{{1, 100}, {1, 1000}, {3, 1000}} {
		s := newFraudSetup(t)
		r := s.commitRootOnly(1, genCommitments(uint64(e.perRow+e.providers), e.providers, e.perRow))
		other, _ := recompute.AllocTreeFromData(setAmount(r.res.AllocationData, 0, amountPlus(r.res, 0, 1)), 2)
		s.mustSend(s.keys[0], s.batch(r, other.Root(), r.res.AllocationData, s.signing, active(s.ops)).Calldata(), nil)
		cd := NewBadPublication(r.n, r.res, r.res.AllocationData).Calldata()
		rows = append(rows, measure(fmt.Sprintf("proveBadPublication, %d entries", r.res.EntryCount), cd, s.mustSend(s.challenger, cd, nil)))
	}

	for _, r := range rows {
		t.Logf("%-62s gas %9d  calldata %6d B (%8d gas, floor %9d)  %s", r.what, r.gasUsed, r.calldata, r.dataGas, r.floor, r.pricing())
		if r.gasUsed > txGasCap {
			t.Errorf("%s: %d gas exceeds the EIP-7825 cap %d", r.what, r.gasUsed, txGasCap)
		}
	}
	find := func(prefix string) gasRow {
		for _, r := range rows {
			if strings.HasPrefix(r.what, prefix) {
				return r
			}
		}
		t.Fatalf("no row %q", prefix)
		return gasRow{}
	}
	if r := find("proveBadAllocation, provider of 1000"); r.gasUsed >= 3_000_000 || r.calldata >= 128<<10 {
		t.Errorf("1000-entry bad-allocation proof: %d gas, %d bytes; targets 3,000,000 and 128 KiB", r.gasUsed, r.calldata)
	}
	if r := find("submitAllocationBatch, 100 signers of 100"); r.gasUsed-r.dataGas >= 400_000 {
		t.Errorf("batch with 100 signers: %d gas beyond its calldata, target 400,000", r.gasUsed-r.dataGas)
	}
	if *updateGasReport {
		if err := writeGasReport("../../../README.md", rows); err != nil {
			t.Fatal(err)
		}
	}
}

const (
	gasBegin = "<!-- gas-report:begin (written by: make gas-report) -->"
	gasEnd   = "<!-- gas-report:end -->"
)

func writeGasReport(path string, rows []gasRow) error {
	readme, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	i, j := bytes.Index(readme, []byte(gasBegin)), bytes.Index(readme, []byte(gasEnd))
	if i < 0 || j < i {
		return fmt.Errorf("%s has no gas report markers", path)
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
