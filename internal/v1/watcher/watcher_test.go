package watcher

import (
	"bytes"
	"context"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"strings"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/devnet"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// runFaultyDevnet runs a devnet to completion with a round of every fault
// kind, read in-process.
func runFaultyDevnet(t *testing.T, rounds int, faults devnet.Schedule) *devnet.Devnet {
	t.Helper()
	return runDevnet(t, 0, rounds, faults)
}

// runFaultyDevnetHTTP is runFaultyDevnet served over HTTP too.
func runFaultyDevnetHTTP(t *testing.T, rounds int, faults devnet.Schedule) *devnet.Devnet {
	t.Helper()
	return runDevnet(t, testutil.FreePort(t), rounds, faults)
}

func runDevnet(t *testing.T, httpPort, rounds int, faults devnet.Schedule) *devnet.Devnet {
	t.Helper()
	cfg := devnet.DefaultConfig()
	cfg.HTTPPort, cfg.WSPort, cfg.Describe = httpPort, 0, ""
	cfg.BlockInterval, cfg.PollInterval = 10*time.Millisecond, 3*time.Millisecond
	cfg.ChallengeWindow, cfg.RoundEvery = 4, 1
	cfg.Providers, cfg.Recipients, cfg.EntriesPerRow = 4, 12, 6
	cfg.Operators, cfg.Seed, cfg.Rounds, cfg.Faults = 5, 99, rounds, faults
	var out bytes.Buffer
	cfg.Out = &out
	d, err := devnet.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.Run(ctx); err != nil {
		t.Fatalf("devnet: %v\n%s", err, out.String())
	}
	return d
}

func allFaults() devnet.Schedule {
	return devnet.Schedule{
		2:  {Kind: devnet.FaultAmount, Index: -1},
		3:  {Kind: devnet.FaultDenominator, Index: 2},
		4:  {Kind: devnet.FaultConservation, Index: -1},
		5:  {Kind: devnet.FaultPublication, Index: -1},
		6:  {Kind: devnet.FaultWithheld, Index: -1},
		7:  {Kind: devnet.FaultMalformedCommitments, Index: -1},
		9:  {Kind: devnet.FaultAmount, Index: 23},
		10: {Kind: devnet.FaultAmount, Index: 0},
		11: {Kind: devnet.FaultForwarded, Index: -1},
	}
}

func newWatcher(t *testing.T, d *devnet.Devnet, store Store, maxRange uint64) *Watcher {
	t.Helper()
	desc := d.Description()
	w, err := New(context.Background(), Config{AVS: desc.AVS, StartBlock: desc.StartBlock, MaxRange: maxRange, PollInterval: time.Millisecond},
		d.Client(), store, &CalldataSource{Chain: d.Client(), AVS: desc.AVS}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func catchUp(t *testing.T, w *Watcher) int {
	t.Helper()
	for steps := 1; ; steps++ {
		caughtUp, err := w.Step(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if caughtUp {
			return steps
		}
	}
}

// checkVerdicts compares every round's verdict with what the devnet did.
func checkVerdicts(t *testing.T, d *devnet.Devnet, store *index.Store) {
	t.Helper()
	desc := d.Description()
	for _, dr := range desc.Rounds {
		r, ok, err := store.Round(dr.Round)
		if err != nil || !ok {
			t.Fatalf("round %d not indexed: %v", dr.Round, err)
		}
		if r.CommitmentRoot != dr.CommitmentRoot || r.CommitBlock != dr.CommitBlock {
			t.Fatalf("round %d: commitment %s@%d, devnet %s@%d", dr.Round, r.CommitmentRoot, r.CommitBlock, dr.CommitmentRoot, dr.CommitBlock)
		}
		kind := strings.Split(dr.Fault, "@")[0]
		if kind == string(devnet.FaultMalformedCommitments) {
			if r.Verdict != index.VerdictMalformed || r.Rule != dr.MalformedRule || len(r.Batches) != 0 {
				t.Fatalf("round %d (%s): %+v", dr.Round, dr.Fault, r)
			}
			continue
		}
		if len(r.Batches) != len(dr.Batches) || r.AllocationRoot == nil || *r.AllocationRoot != dr.Batches[len(dr.Batches)-1].AllocationRoot {
			t.Fatalf("round %d: batches %+v, devnet %+v", dr.Round, r.Batches, dr.Batches)
		}
		last := r.Batches[len(r.Batches)-1]
		if r.Finalized != dr.Finalized || last.DeadlineBlock != dr.Batches[len(dr.Batches)-1].Block+desc.Params.ChallengeWindow || r.DeadlineBlock != last.DeadlineBlock {
			t.Fatalf("round %d: finalized %v deadline %d, devnet %+v", dr.Round, r.Finalized, r.DeadlineBlock, dr)
		}
		if len(r.Signers) != len(dr.Batches[len(dr.Batches)-1].Signers) {
			t.Fatalf("round %d: %d signers, devnet %v", dr.Round, len(r.Signers), dr.Batches[len(dr.Batches)-1].Signers)
		}
		for i, s := range r.Signers {
			op := desc.Operators[dr.Batches[len(dr.Batches)-1].Signers[i]]
			if s.Address != op.Address || s.Stake != op.Stake {
				t.Fatalf("round %d signer %d: %+v, devnet %+v", dr.Round, i, s, op)
			}
		}
		switch kind {
		case "":
			if r.Verdict != index.VerdictValid || *r.CorrectAllocationRoot != dr.CorrectAllocationRoot {
				t.Fatalf("honest round %d flagged: %+v", dr.Round, r)
			}
		case string(devnet.FaultAmount):
			if r.Verdict != index.VerdictFraud || r.Kind != index.KindBadAllocation || r.Index == nil || int(*r.Index) != *dr.FaultAt || r.Claimed == r.Correct {
				t.Fatalf("round %d (%s at %d): %+v", dr.Round, dr.Fault, *dr.FaultAt, r)
			}
		case string(devnet.FaultDenominator), string(devnet.FaultConservation):
			// The first wrong amount is in the struck provider's row.
			p := *dr.FaultAt
			lo, hi := uint64(p*6), uint64(p*6+6) // 6 entries per provider
			if r.Verdict != index.VerdictFraud || r.Kind != index.KindBadAllocation || r.Index == nil || *r.Index < lo || *r.Index >= hi {
				t.Fatalf("round %d (%s of provider %d): %+v", dr.Round, dr.Fault, p, r)
			}
		case string(devnet.FaultPublication):
			if r.Verdict != index.VerdictFraud || r.Kind != index.KindBadPublication || r.Index == nil || int(*r.Index) != dr.Entries {
				t.Fatalf("round %d (%s): %+v", dr.Round, dr.Fault, r)
			}
		case string(devnet.FaultWithheld):
			if r.Verdict != index.VerdictFraud || r.Kind != index.KindBadPublication || r.Index == nil || *r.Index != 0 {
				t.Fatalf("round %d (%s): %+v", dr.Round, dr.Fault, r)
			}
		case string(devnet.FaultForwarded):
			// The batch went through a contract: its data is not in its
			// transaction's input, and the watcher says so.
			if r.Verdict != index.VerdictUnavailable || !strings.Contains(r.Reason, "through another contract") || last.DataAvailable {
				t.Fatalf("round %d (%s): %+v", dr.Round, dr.Fault, r)
			}
		default:
			t.Fatalf("round %d: unexpected fault %q", dr.Round, dr.Fault)
		}
	}
}

// TestVerdicts: every fault kind gets the right verdict at the right index,
// no honest round is flagged, and signers, stakes and deadlines are right.
func TestVerdicts(t *testing.T) {
	d := runFaultyDevnet(t, 12, allFaults())
	store, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	w := newWatcher(t, d, store, 0)
	catchUp(t, w)
	checkVerdicts(t, d, store)
	if err := store.Check(); err != nil {
		t.Fatal(err)
	}
	checkRecipients(t, store)
}

// checkRecipients audits every recipient of an honest and of a fraudulent
// round through the API's RecipientAllocations on the stored records: the
// published amounts prove against the batch's root, and equal the correct
// ones exactly where the batch is right.
func checkRecipients(t *testing.T, store *index.Store) {
	t.Helper()
	for _, n := range []uint64{1, 2} { // round 1 honest, round 2 a wrong amount
		r, _, _ := store.Round(n)
		cdata, ok, err := store.CommitmentData(n)
		if err != nil || !ok {
			t.Fatalf("round %d data: %v", n, err)
		}
		published, ok, err := store.BatchData(r.Batches[len(r.Batches)-1].TxHash)
		if err != nil || !ok {
			t.Fatalf("round %d batch data: %v", n, err)
		}
		c, err := recompute.Decode(cdata)
		if err != nil {
			t.Fatal(err)
		}
		wrong := 0
		for _, e := range c.Providers[0].Entries {
			allocs, err := api.RecipientAllocations(r, cdata, published, e.Recipient)
			if err != nil || len(allocs) == 0 {
				t.Fatalf("round %d recipient %s: %v", n, e.Recipient, err)
			}
			for _, a := range allocs {
				if a.Amount == nil || !a.Verifies {
					t.Fatalf("round %d: published amount at %d unavailable or unproven: %+v", n, a.Index, a)
				}
				if !a.Amount.Eq(a.CorrectAmount) {
					wrong++
					if r.Verdict != index.VerdictFraud || uint64(a.Index) != *r.Index {
						t.Fatalf("round %d: wrong amount at %d, verdict %s at %v", n, a.Index, r.Verdict, r.Index)
					}
				}
			}
		}
		if (r.Verdict == index.VerdictValid) != (wrong == 0) && r.Index != nil && *r.Index < uint64(len(c.Providers[0].Entries)) {
			t.Fatalf("round %d: %d wrong amounts for verdict %s", n, wrong, r.Verdict)
		}
	}
}

// TestResumeMidBackfill closes and reopens the store between small steps of
// a backfill, as a process killed between blocks would, and reaches exactly
// the verdicts of an uninterrupted run.
func TestResumeMidBackfill(t *testing.T) {
	d := runFaultyDevnet(t, 12, allFaults())
	dir := t.TempDir()
	for restarts := 0; ; restarts++ {
		store, err := index.Open(index.Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		w := newWatcher(t, d, store, 4)
		caughtUp := false
		for i := 0; i < 3 && !caughtUp; i++ {
			if caughtUp, err = w.Step(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		if caughtUp {
			checkVerdicts(t, d, store)
			if err := store.Check(); err != nil {
				t.Fatal(err)
			}
			store.Close()
			if restarts < 3 {
				t.Fatalf("only %d restarts: the backfill was too short to test resuming", restarts)
			}
			return
		}
		if err := store.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
