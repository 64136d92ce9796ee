package devnet

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/recompute"
)

func TestParseFaults(t *testing.T) {
	good := []struct{ in, out string }{
		{"", ""},
		{"2:amount", "2:amount"},
		{"3:amount@1.2, 2:denominator@0", "2:denominator@0,3:amount@1.2"},
		{"4:malformed:entry-order", "4:malformed:entry-order"},
		{"4:malformed:residual-consistency:signed", "4:malformed:residual-consistency:signed"},
		{"5:withheld-row@3:reveal,6:withheld-manifest:reveal,7:withheld-row", "5:withheld-row@3:reveal,6:withheld-manifest:reveal,7:withheld-row"},
		{"8:unopenable,9:forwarded,10:replay@1,11:churn,12:conservation", "8:unopenable,9:forwarded,10:replay@1,11:churn,12:conservation"},
	}
	for _, tc := range good {
		s, err := ParseFaults(tc.in)
		if err != nil || s.String() != tc.out {
			t.Errorf("%q: %q, %v; want %q", tc.in, s.String(), err, tc.out)
		}
	}
	bad := []string{"x", "0:amount", "2:bogus", "2:amount,2:churn", "2:malformed", "2:malformed:bogus", "2:malformed@1:entry-order",
		"2:amount:reveal", "2:withheld-row:signed", "2:churn@1", "2:denominator@1.2", "2:amount@-1", "2:amount@1.x", "2:withheld-row:reveal:reveal"}
	for _, in := range bad {
		if _, err := ParseFaults(in); err == nil {
			t.Errorf("%q parsed", in)
		}
	}
}

// TestWrongAmounts: amount, denominator and conservation batches hold the
// wrong provider root at the faulty row (the aggregator's allocations object
// names the wrong entry), a proof from that row alone voids them, and the
// honest operators' resubmission is finalized.
func TestWrongAmounts(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds = 4
	cfg.Faults, _ = ParseFaults("2:amount@1.2,3:denominator@2,4:conservation@0")
	ts := startDevnet(t, cfg)
	for n, p := range map[uint64]int{2: 1, 3: 2, 4: 0} {
		batch := ts.waitLive(n, 0)
		res, v := ts.evaluate(n)
		if v != nil {
			t.Fatalf("round %d: %v", n, v)
		}
		claimed := hashes(batch.ProviderAllocRoots)
		if got, _ := res.FirstWrongProvider(claimed); got != p {
			t.Fatalf("round %d: first wrong provider %d, want %d", n, got, p)
		}
		amounts, _, _, err := ts.reader.Allocations(ts.ctx, claimed[p], res.Manifest.Headers[p].Provider, res.Rows[p])
		if err != nil {
			t.Fatalf("round %d: the batch's allocations of row %d: %v", n, p, err)
		}
		if j, wrong := res.FirstWrongAmount(p, amounts); !wrong || (n == 2 && j != 2) {
			t.Fatalf("round %d: first wrong amount %d %v", n, j, wrong)
		}
		if ev := ts.proveWrong(n, batch); ev.Kind != string(contracts.FraudBadAllocation) || ev.Provider.Int64() != int64(p) {
			t.Fatalf("round %d: %+v", n, ev)
		}
	}
	desc := ts.wait()
	for _, n := range []uint64{2, 3, 4} {
		dr := desc.Rounds[n-1]
		if len(dr.Batches) != 2 || dr.Batches[0].Honest || !dr.Batches[1].Honest || dr.Batches[1].Attempt != 1 || !dr.Finalized {
			t.Fatalf("round %d: %+v", n, dr)
		}
	}
}

// TestMalformed: every rule of section 3, once left unsigned (the honest
// operators refuse it: no batch) and once signed by colluders (proven on
// chain with that very rule, after which nobody signs).
func TestMalformed(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	var faults []string
	for i, rule := range recompute.Section3Rules {
		faults = append(faults, fmt.Sprintf("%d:malformed:%s,%d:malformed:%s:signed", 2*i+1, rule, 2*i+2, rule))
	}
	cfg.Rounds = 2 * len(recompute.Section3Rules)
	cfg.Faults, _ = ParseFaults(strings.Join(faults, ","))
	ts := startDevnet(t, cfg)
	for i, rule := range recompute.Section3Rules {
		n := uint64(2*i + 2)
		if ev := ts.proveWrong(n, ts.waitLive(n, 0)); ev.Kind != string(rule) {
			t.Fatalf("round %d: proven %q, want %q", n, ev.Kind, rule)
		}
	}
	desc := ts.wait()
	for i, rule := range recompute.Section3Rules {
		unsigned, signed := desc.Rounds[2*i], desc.Rounds[2*i+1]
		if len(unsigned.Batches) != 0 || !strings.Contains(unsigned.Refused, "rule "+string(rule)) {
			t.Errorf("%s unsigned: %d batches, refused %q", rule, len(unsigned.Batches), unsigned.Refused)
		}
		if len(signed.Batches) != 1 || signed.Finalized || !strings.Contains(signed.Refused, "rule "+string(rule)) {
			t.Errorf("%s signed: %+v", rule, signed)
		}
		if v := ts.round(unsigned.Round); contracts.RoundStatus(v.Status) != contracts.RoundCommitted || v.Attempt.Sign() != 0 {
			t.Errorf("%s unsigned: the chain holds status %d attempt %s", rule, v.Status, v.Attempt)
		}
	}
}

// TestWithheld: a withheld row whose colluders never answer is slashed as
// unavailable; one they reveal shows the fraud, proven from the revealed
// row; a withheld manifest is slashed, a revealed one leaves the (correct)
// batch to be finalized; an unopenable root is slashed and nobody can sign
// the round again.
func TestWithheld(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds = 5
	cfg.ChallengeWindow = 60
	cfg.Faults, _ = ParseFaults("1:withheld-row@1,2:withheld-row@2:reveal,3:withheld-manifest,4:withheld-manifest:reveal,5:unopenable")
	ts := startDevnet(t, cfg)

	ts.waitLive(1, 0)
	if _, v := ts.evaluate(1); v == nil || v.Rule != recompute.RuleUnavailableRow || v.Provider != 1 {
		t.Fatalf("round 1: %v", v)
	}
	if ev := ts.slashWhenDue(ts.challenge(1, contracts.ObjectRow, 1)); ev.Provider.Int64() != 1 {
		t.Fatalf("round 1: %+v", ev)
	}

	batch := ts.waitLive(2, 0)
	ts.challenge(2, contracts.ObjectRow, 2)
	if ev := ts.proveWrong(2, batch, ts.revealedRow(2, 2)); ev.Kind != string(contracts.FraudBadAllocation) || ev.Provider.Int64() != 2 {
		t.Fatalf("round 2: %+v", ev)
	}

	ts.waitLive(3, 0)
	ts.slashWhenDue(ts.challenge(3, contracts.ObjectManifestPart, 0))
	ts.waitLive(4, 0)
	ts.challenge(4, contracts.ObjectManifestPart, 0)
	ts.waitLive(5, 0)
	ts.slashWhenDue(ts.challenge(5, contracts.ObjectManifestPart, 0))

	desc := ts.wait()
	for _, n := range []int{1, 2, 3} {
		if dr := desc.Rounds[n-1]; len(dr.Batches) != 2 || !dr.Batches[1].Honest || !dr.Finalized || len(dr.Withheld) != 1 {
			t.Errorf("round %d: %+v", n, dr)
		}
	}
	if dr := desc.Rounds[1]; len(dr.Resolutions) != 1 || dr.Resolutions[0].Kind != "row" || dr.Resolutions[0].Index != 2 {
		t.Errorf("round 2's resolutions: %+v", dr.Resolutions)
	}
	if dr := desc.Rounds[3]; len(dr.Batches) != 1 || !dr.Finalized || len(dr.Resolutions) != 1 {
		t.Errorf("round 4: %+v", dr)
	}
	if dr := desc.Rounds[4]; len(dr.Batches) != 1 || dr.Finalized || dr.Refused == "" || len(dr.Published) != 0 {
		t.Errorf("round 5: %+v", dr)
	}
}

// TestForwardedReplayChurn: a batch through the forwarder is the AVS's event
// like any other; a voided batch sent again is refused by the chain; an
// operator's exit, withdrawal and successor leave the index reused.
func TestForwardedReplayChurn(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds = 4
	cfg.Faults, _ = ParseFaults("1:churn,2:forwarded,3:replay@0.0")
	ts := startDevnet(t, cfg)
	ts.proveWrong(3, ts.waitLive(3, 0))
	desc := ts.wait()

	fwd := desc.Rounds[1].Batches[0]
	tx, _, err := ts.d.Client().TransactionByHash(ts.ctx, fwd.Tx)
	if err != nil || fwd.Via == nil || *tx.To() != *fwd.Via || *tx.To() == ts.d.AVS() {
		t.Fatalf("forwarded batch: to %v, via %v, %v", tx.To(), fwd.Via, err)
	}
	if rp := desc.Rounds[2].Replays; len(rp) != 1 || !strings.Contains(rp[0].Refusal, "WrongAttempt") {
		t.Fatalf("replay: %+v", rp)
	}
	ops := desc.Operators
	if len(ops) != cfg.Operators+1 || ops[cfg.Operators-1].Exited == 0 || ops[cfg.Operators-1].Withdrawn == 0 || ops[cfg.Operators].Index != ops[cfg.Operators-1].Index {
		t.Fatalf("churn: %+v", ops)
	}
	for _, dr := range desc.Rounds[1:] {
		for _, b := range dr.Batches {
			for _, s := range b.Signers {
				if s == ops[cfg.Operators-1].Index && b.Block > ops[cfg.Operators-1].Exited && b.Block < ops[cfg.Operators].Registered {
					t.Fatalf("round %d: the exited operator %d signed", dr.Round, s)
				}
			}
		}
	}
}

// TestSeedScale: rounds of the design's size, 100 providers x 1000
// recipients (10^5 entries, 9.6 MB of objects), published, checked, signed,
// and a wrong one proven from its row.
func TestSeedScale(t *testing.T) {
	if testing.Short() {
		t.Skip("seed scale: not in -short")
	}
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds, cfg.Providers, cfg.Recipients, cfg.EntriesPerRow = 1, 100, 1000, 0
	// The test challenger recomputes 10^5 entries under the race detector
	// beside the devnet: 20 seconds of window.
	cfg.ChallengeWindow = 200
	cfg.Faults, _ = ParseFaults("1:amount@99.999")
	ts := startDevnet(t, cfg)
	if ev := ts.proveWrong(1, ts.waitLive(1, 0)); ev.Provider.Int64() != 99 {
		t.Fatalf("%+v", ev)
	}
	desc := ts.wait()
	dr := desc.Rounds[0]
	if dr.Entries != 100_000 || dr.Providers != 100 || !dr.Finalized || len(dr.Batches) != 2 || !dr.Batches[1].Honest || dr.Timings.Bytes < 9_600_000 {
		t.Fatalf("round 1: %+v", dr)
	}
}

// FuzzParseFaults: any schedule either parses to one that prints back to a
// schedule parsing to itself, or fails with ErrFaults; nothing panics.
func FuzzParseFaults(f *testing.F) {
	for _, s := range []string{"2:amount@1.2", "3:malformed:entry-order:signed", "4:withheld-row@0:reveal,5:churn", "x", "1:amount@", "9:malformed::"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sched, err := ParseFaults(s)
		if err != nil {
			if !errors.Is(err, ErrFaults) {
				t.Fatalf("%q: unclassified %v", s, err)
			}
			return
		}
		again, err := ParseFaults(sched.String())
		if err != nil || again.String() != sched.String() {
			t.Fatalf("%q printed %q, which parses to %q, %v", s, sched.String(), again.String(), err)
		}
	})
}
