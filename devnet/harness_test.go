package devnet

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"log/slog"
	"math/big"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/recompute"
)

// tester plays a challenger beside a running devnet, as a watcher would: it
// reads the chain through the devnet's client and the round objects through
// the da client from the devnet's DA source, never the devnet's own state.
type tester struct {
	t      *testing.T
	ctx    context.Context
	d      *Devnet
	key    *ecdsa.PrivateKey
	reader *da.Client
	out    *syncWriter
	done   chan error
}

// startDevnet starts cfg's devnet with a funded challenger key and runs it in
// the background; wait returns Run's result.
func startDevnet(t *testing.T, cfg Config) *tester {
	t.Helper()
	key, _ := crypto.GenerateKey()
	cfg.Fund = append(cfg.Fund, crypto.PubkeyToAddress(key.PublicKey))
	ts := &tester{t: t, key: key, out: &syncWriter{}, done: make(chan error, 1)}
	cfg.Out = ts.out
	cfg.Log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	d, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	ts.ctx, ts.d = ctx, d
	if ts.reader, err = da.NewClient(da.Options{Sources: []string{d.DASource()}, CoolDown: time.Millisecond, MaxCoolDown: time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	go func() { ts.done <- d.Run(ctx) }()
	return ts
}

// wait waits for Run to end and returns the final description.
func (ts *tester) wait() Description {
	ts.t.Helper()
	if err := <-ts.done; err != nil {
		ts.t.Fatalf("devnet: %v\n%s", err, ts.out)
	}
	desc := ts.d.Description()
	file, err := ReadDescription(ts.d.cfg.Describe)
	if err != nil || len(file.Rounds) != len(desc.Rounds) || file.AVS != desc.AVS {
		ts.t.Fatalf("the description file: %v", err)
	}
	if err := file.Verify(ts.ctx, ts.d.Client()); err != nil {
		ts.t.Fatal(err)
	}
	return desc
}

// round reads round n's state.
func (ts *tester) round(n uint64) bindings.DenominatorAllocationAVSRoundView {
	ts.t.Helper()
	v, err := ts.d.roundView(ts.ctx, n, nil)
	if err != nil {
		ts.t.Fatal(err)
	}
	return v
}

// waitLive waits until round n has a live batch of the attempt and returns
// the batch's details (from its event).
func (ts *tester) waitLive(n, attempt uint64) *bindings.DenominatorAllocationAVSAllocationBatchDetails {
	ts.t.Helper()
	for {
		v := ts.round(n)
		if contracts.RoundStatus(v.Status) == contracts.RoundBatchLive && v.Attempt.Uint64() == attempt {
			for _, l := range ts.logs(bindings.DenominatorAllocationAVSAllocationBatchDetailsEventName, n) {
				ev, err := contracts.ABI().UnpackAllocationBatchDetailsEvent(&l)
				if err == nil && ev.Attempt.Uint64() == attempt {
					return ev
				}
			}
		}
		ts.sleep(n, "a live batch")
	}
}

func (ts *tester) sleep(n uint64, what string) {
	select {
	case <-ts.ctx.Done():
		ts.t.Fatalf("round %d: no %s\n%s", n, what, ts.out)
	case err := <-ts.done:
		ts.t.Fatalf("round %d: the devnet ended (%v) before %s\n%s", n, err, what, ts.out)
	case <-time.After(20 * time.Millisecond):
	}
}

// logs returns the AVS's events of one kind for round n (0: every round).
func (ts *tester) logs(event string, n uint64) []types.Log {
	ts.t.Helper()
	q := ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{ts.d.AVS()}, Topics: [][]common.Hash{{contracts.EventID(event)}}}
	if n > 0 {
		q.Topics = append(q.Topics, []common.Hash{common.BigToHash(new(big.Int).SetUint64(n))})
	}
	logs, err := ts.d.Client().FilterLogs(ts.ctx, q)
	if err != nil {
		ts.t.Fatal(err)
	}
	return logs
}

// evaluate recomputes round n from the DA source and the rows given
// (revealed on chain, say), as an honest watcher does.
func (ts *tester) evaluate(n uint64, extra ...recompute.Row) (*recompute.Result, *recompute.Violation) {
	ts.t.Helper()
	commitment := common.Hash(ts.round(n).CommitmentRoot)
	rows := map[common.Hash][]byte{}
	for _, r := range extra {
		rows[recompute.EntriesRoot(r)] = r.Bytes()
	}
	m, manifest, _, err := ts.reader.Manifest(ts.ctx, commitment)
	if err == nil {
		for _, r := range ts.reader.Rows(ts.ctx, m) {
			if r.Err == nil {
				rows[recompute.EntriesRoot(r.Row)] = r.Data
			}
		}
	} else if !errors.Is(err, da.ErrNotFound) {
		ts.t.Fatal(err)
	}
	return recompute.EvaluateObjects(commitment, manifest, uint256.NewInt(n), func(k common.Hash) []byte { return rows[k] }, recompute.Options{})
}

// send sends calldata to the AVS from the challenger's key.
func (ts *tester) send(data []byte, value *big.Int) *types.Receipt {
	ts.t.Helper()
	r, err := ts.d.chain.Send(ts.ctx, ts.key, ts.d.AVS(), data, value)
	if err != nil {
		ts.t.Fatalf("%v\n%s", err, ts.out)
	}
	return r
}

// proveWrong proves the live batch of round n wrong: the broken rule of a
// malformed round, else the first wrong provider root.
func (ts *tester) proveWrong(n uint64, batch *bindings.DenominatorAllocationAVSAllocationBatchDetails, extra ...recompute.Row) *bindings.DenominatorAllocationAVSFraudProven {
	ts.t.Helper()
	res, v := ts.evaluate(n, extra...)
	var data []byte
	if v != nil {
		ev, err := res.Evidence(v)
		if err != nil {
			ts.t.Fatalf("round %d: %v: %v", n, v, err)
		}
		m, err := contracts.NewMalformed(n, ev)
		if err != nil {
			ts.t.Fatal(err)
		}
		data = m.Calldata()
	} else {
		claimed := hashes(batch.ProviderAllocRoots)
		p, wrong := res.FirstWrongProvider(claimed)
		if !wrong {
			ts.t.Fatalf("round %d: the batch is right", n)
		}
		ba, err := contracts.NewBadAllocation(res, p, claimed)
		if err != nil {
			ts.t.Fatal(err)
		}
		data = ba.Calldata()
	}
	return ts.fraudIn(ts.send(data, nil))
}

// fraudIn returns the FraudProven event of a receipt.
func (ts *tester) fraudIn(r *types.Receipt) *bindings.DenominatorAllocationAVSFraudProven {
	ts.t.Helper()
	for _, l := range r.Logs {
		if ev, err := contracts.ABI().UnpackFraudProvenEvent(l); err == nil {
			return ev
		}
	}
	ts.t.Fatalf("no FraudProven in %s", r.TxHash)
	return nil
}

// challenge opens an availability challenge of an object of round n.
func (ts *tester) challenge(n uint64, kind contracts.ObjectKind, index uint64) contracts.Challenge {
	c := contracts.Challenge{Round: n, Kind: kind, Index: index}
	ts.send(c.Calldata(), ts.d.params.AvailabilityBond)
	return c
}

// slashWhenDue waits out the challenge's resolve window and slashes.
func (ts *tester) slashWhenDue(c contracts.Challenge) *bindings.DenominatorAllocationAVSFraudProven {
	ts.t.Helper()
	for {
		_, err := ts.d.chain.SendAsync(ts.ctx, ts.key, ts.d.AVS(), c.SlashCalldata(), nil)
		if err == nil || isRevert[bindings.DenominatorAllocationAVSChallengeNotOpen](err) {
			// Not open any more: an earlier attempt's slash was mined
			// after all (on a loaded machine the send can fail after the
			// broadcast); its FraudProven is looked for below.
			break
		} else if !isRevert[bindings.DenominatorAllocationAVSResolveWindowOpen](err) {
			ts.t.Fatalf("slash %+v: %v", c, err)
		}
		ts.sleep(c.Round, "end of the resolve window")
	}
	for {
		for _, l := range ts.logs(bindings.DenominatorAllocationAVSFraudProvenEventName, c.Round) {
			ev, _ := contracts.ABI().UnpackFraudProvenEvent(&l)
			if ev != nil && ev.Kind == string(c.Kind.FraudKind()) {
				return ev
			}
		}
		ts.sleep(c.Round, "the slash")
	}
}

// revealedRow waits for round n's RowRevealed of provider p.
func (ts *tester) revealedRow(n uint64, p int) recompute.Row {
	ts.t.Helper()
	for {
		for _, l := range ts.logs(bindings.DenominatorAllocationAVSRowRevealedEventName, n) {
			ev, err := contracts.ABI().UnpackRowRevealedEvent(&l)
			if err == nil && ev.Provider.Int64() == int64(p) {
				es := make([]recompute.Entry, len(ev.Entries))
				for j, e := range ev.Entries {
					es[j].Recipient = e.Recipient
					es[j].MR.SetFromBig(e.Mr)
					es[j].Residual.SetFromBig(e.Residual)
				}
				return recompute.NewRow(es)
			}
		}
		ts.sleep(n, "a revealed row")
	}
}

func hashes(ws [][32]byte) []common.Hash {
	out := make([]common.Hash, len(ws))
	for i, w := range ws {
		out[i] = w
	}
	return out
}

// syncWriter is the devnet's summary, written by Run and read by the test.
type syncWriter struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}
