package watcher

import (
	"strings"
	"testing"

	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
)

// TestLateStart: a start block that misses history is allowed. Started
// after the operators registered, the watcher records every batch's signers
// as unknown (with a note, logged once), handles the OperatorSlashed events
// of a proven fraud for operators it does not know (noted on the round),
// and judges every round as a watcher started at deployment does. Started
// between a round's commitment and its batch, it records that round
// incomplete (its commitment unknown, said in the record and the log), and
// goes on to judge the later rounds.
func TestLateStart(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Rounds, cfg.ChallengeWindow = 6, 20
	cfg.Faults, _ = devnet.ParseFaults("3:amount@0.0")
	e := startDevnet(t, cfg)
	ref := openStore(t, t.TempDir())
	e.runWatcher(e.newWatcher(ref, Config{}, nil))
	r3 := e.waitRound(ref, 3, "fraud", func(r *index.Round) bool { s, a := status(r); return s == judge.StatusFraud && a == 0 })
	e.proveBadAllocation(3, r3.Batches[0].ProviderAllocRoots, 0)
	desc := e.wait()
	e.waitRound(ref, 6, "finalized", func(r *index.Round) bool { return r.Finalized })

	var registered uint64
	for _, o := range desc.Operators {
		registered = max(registered, o.Registered)
	}
	t.Run("after the registrations", func(t *testing.T) {
		log, logs := testLogger()
		store := openStore(t, t.TempDir())
		catchUp(t, e.newWatcher(store, Config{StartBlock: registered + 1}, log))
		for n := uint64(1); n <= 6; n++ {
			got, want := round(t, store, n), round(t, ref, n)
			if got.Verdict != want.Verdict || fmtVerdict(&got) != fmtVerdict(&want) {
				t.Fatalf("round %d: %s, want %s", n, describe(&got), describe(&want))
			}
			for _, b := range got.Batches {
				if len(b.Signers) != 0 || !strings.Contains(b.SignersUnknown, "signers unknown") {
					t.Fatalf("round %d: signers %+v %q", n, b.Signers, b.SignersUnknown)
				}
			}
		}
		got3 := round(t, store, 3)
		if len(got3.Batches) != 2 || got3.Batches[0].Status != index.BatchVoided || len(notesWith(&got3, "was slashed")) != len(desc.Rounds[2].Batches[0].Signers) {
			t.Fatalf("round 3: batches %+v, notes %q", got3.Batches, got3.Notes)
		}
		if n := len(logLines(logs.String(), "round fact unknown", "signers unknown")); n != 7 { // a line per batch
			t.Fatalf("%d lines on unknown signers:\n%s", n, logs)
		}
		if err := store.Check(); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("between a commitment and its batch", func(t *testing.T) {
		dr := desc.Rounds[4]
		if dr.Batches[0].Block <= dr.CommitBlock+1 {
			t.Skipf("round 5's batch (block %d) follows its commitment (block %d) at once", dr.Batches[0].Block, dr.CommitBlock)
		}
		log, logs := testLogger()
		store := openStore(t, t.TempDir())
		catchUp(t, e.newWatcher(store, Config{StartBlock: dr.CommitBlock + 1}, log))
		r5 := round(t, store, 5)
		if s, _ := status(&r5); s != judge.StatusIncomplete || r5.Judgement.MissingFact != judge.FactCommitment ||
			r5.Verdict != index.VerdictIncomplete || len(notesWith(&r5, "commitment not seen")) != 1 || !r5.Finalized {
			t.Fatalf("round 5: %s, notes %q", describe(&r5), r5.Notes)
		}
		if len(logLines(logs.String(), "round fact unknown", "round=5 ", "commitment not seen")) != 1 ||
			len(logLines(logs.String(), "level=WARN", "round verdict", "round=5 ", "status=incomplete")) != 1 {
			t.Fatalf("round 5 not said once:\n%s", logs)
		}
		r6, want := round(t, store, 6), round(t, ref, 6)
		if s, _ := status(&r6); s != judge.StatusValid || fmtVerdict(&r6) != fmtVerdict(&want) {
			t.Fatalf("round 6: %s", describe(&r6))
		}
		if err := store.Check(); err != nil {
			t.Fatal(err)
		}
	})
}

// fmtVerdict is a round's verdict line.
func fmtVerdict(r *index.Round) string { return describe(r) }

// notesWith returns the round's notes containing s.
func notesWith(r *index.Round, s string) []string {
	var out []string
	for _, n := range r.Notes {
		if strings.Contains(n, s) {
			out = append(out, n)
		}
	}
	return out
}
