package watcher

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// Event names, short.
const (
	evCommit    = bindings.DenominatorAllocationAVSNewRoundCommitmentsEventName
	evOpened    = bindings.DenominatorAllocationAVSRoundCommitmentsOpenedEventName
	evBatch     = bindings.DenominatorAllocationAVSAllocationBatchSubmittedEventName
	evDetails   = bindings.DenominatorAllocationAVSAllocationBatchDetailsEventName
	evChallenge = bindings.DenominatorAllocationAVSAvailabilityChallengedEventName
	evManifest  = bindings.DenominatorAllocationAVSManifestRevealedEventName
	evRow       = bindings.DenominatorAllocationAVSRowRevealedEventName
	evFraud     = bindings.DenominatorAllocationAVSFraudProvenEventName
	evSlashed   = bindings.DenominatorAllocationAVSOperatorSlashedEventName
	evFinal     = bindings.DenominatorAllocationAVSRoundFinalizedEventName
	evRegister  = bindings.DenominatorAllocationAVSOperatorRegisteredEventName
	evExit      = bindings.DenominatorAllocationAVSOperatorExitRequestedEventName
	evWithdraw  = bindings.DenominatorAllocationAVSOperatorWithdrawnEventName
)

// TestHandlerTable: every event of the AVS's ABI (section 8's) has a
// handler, keyed by its generated ID; the round events say so.
func TestHandlerTable(t *testing.T) {
	events := avs.GetABI().Events
	if len(handlers) != len(events) || len(topics) != len(events) {
		t.Fatalf("%d handlers, %d topics for %d events", len(handlers), len(topics), len(events))
	}
	for name, ev := range events {
		h, ok := handlers[ev.ID]
		if !ok || h.name != name || ev.ID != contracts.EventID(name) {
			t.Fatalf("event %s: handler %+v", name, h)
		}
		if want := !strings.HasPrefix(name, "Operator") || name == evSlashed; h.roundTopic != want {
			t.Fatalf("event %s: roundTopic %v", name, h.roundTopic)
		}
	}
}

func u(v uint64) *big.Int { return new(big.Int).SetUint64(v) }

// eth is v ether in wei (v with at most one decimal).
func eth(v float64) *big.Int { return new(big.Int).Mul(big.NewInt(int64(v*10)), big.NewInt(1e17)) }

func topicOf(v any) common.Hash {
	switch x := v.(type) {
	case uint64:
		return common.BigToHash(u(x))
	case common.Address:
		return common.BytesToHash(x.Bytes())
	}
	panic("topic")
}

// mkLog packs an AVS event as a node returns it: indexed values as topics,
// the others ABI-encoded in data.
func mkLog(t testing.TB, block uint64, name string, indexed []any, args ...any) types.Log {
	t.Helper()
	ev := avs.GetABI().Events[name]
	data, err := ev.Inputs.NonIndexed().Pack(args...)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	l := types.Log{Topics: []common.Hash{ev.ID}, Data: data, BlockNumber: block,
		BlockHash: crypto.Keccak256Hash(u(block).Bytes()), TxHash: crypto.Keccak256Hash([]byte("tx"), u(block).Bytes())}
	for _, v := range indexed {
		l.Topics = append(l.Topics, topicOf(v))
	}
	return l
}

// fixture data: a well-formed round of two providers.
type handlerFixture struct {
	round    *recompute.Round
	manifest []byte
	root     common.Hash
	roots    []common.Hash // correct providerAllocRoots
}

func newHandlerFixture(t testing.TB, n uint64) *handlerFixture {
	t.Helper()
	var rows []recompute.ProviderRow
	for p := range 2 {
		row := recompute.ProviderRow{Provider: common.BigToAddress(u(uint64(0xa0 + p)))}
		row.Capacity.SetUint64(1000)
		entries := make([]recompute.Entry, 3)
		for j := range entries {
			entries[j].Recipient = common.BigToAddress(u(uint64(0x10 + j)))
			entries[j].MR.SetUint64(uint64(j + 1))
			entries[j].Residual.SetUint64(100)
		}
		row.Row = recompute.NewRow(entries)
		rows = append(rows, row)
	}
	rd := recompute.NewRound(uint256.NewInt(n), rows)
	objs := rd.Objects()
	f := &handlerFixture{round: rd, manifest: objs[0].Data, root: objs[0].Key}
	res, v := recompute.EvaluateObjects(f.root, f.manifest, uint256.NewInt(n), func(k common.Hash) []byte {
		for _, o := range objs {
			if o.Key == k {
				return o.Data
			}
		}
		return nil
	}, recompute.Options{})
	if v != nil {
		t.Fatal(v)
	}
	f.roots = res.ProviderAllocRoots
	return f
}

func (f *handlerFixture) commitLogs(t testing.TB, block, n uint64) []types.Log {
	root, P, _ := f.round.Manifest.CommitArgs()
	return []types.Log{
		mkLog(t, block, evCommit, []any{n}, [32]byte(f.root), u(1700000000)),
		mkLog(t, block, evOpened, []any{n}, [32]byte(root), u(uint64(P)), u(f.round.Manifest.E.Uint64())),
	}
}

func (f *handlerFixture) batchLogs(t testing.TB, block, n, attempt uint64, bitmap int64) []types.Log {
	tree := recompute.NewTree(f.roots).Root()
	words := make([][32]byte, len(f.roots))
	for i, r := range f.roots {
		words[i] = r
	}
	return []types.Log{
		mkLog(t, block, evBatch, []any{n}, [32]byte(recompute.AllocationRoot(f.root, tree)), u(2), u(1700000001)),
		mkLog(t, block, evDetails, []any{n}, u(attempt), [32]byte(tree), big.NewInt(bitmap), u(block+40), words),
	}
}

func registerLog(t testing.TB, block uint64, i int, a common.Address) types.Log {
	return mkLog(t, block, evRegister, []any{a, uint64(i)}, eth(32), [2]*big.Int{u(1), u(2)}, [4]*big.Int{u(3), u(4), u(5), u(6)})
}

// applyAll runs the logs through a block's working set over store.
func applyAll(t testing.TB, store roundReader, ops operatorSet, start uint64, logs ...types.Log) (*blockWork, error) {
	t.Helper()
	bw := newBlockWork(logs[0].BlockNumber, start, store, ops)
	for i := range logs {
		logs[i].Index = uint(i)
		if err := bw.apply(&logs[i]); err != nil {
			return bw, err
		}
	}
	return bw, nil
}

func memStore(t testing.TB) *index.Store {
	t.Helper()
	s, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

var (
	opA = common.HexToAddress("0x00000000000000000000000000000000000000aa")
	opB = common.HexToAddress("0x00000000000000000000000000000000000000bb")
)

// TestHandlers applies event sequences to a block's working set, as the
// chain emits them, and checks the records they leave.
func TestHandlers(t *testing.T) {
	f := newHandlerFixture(t, 7)
	known := newOperatorSet(nil)
	if bw, err := applyAll(t, memStore(t), known, 1, registerLog(t, 1, 0, opA), registerLog(t, 1, 1, opB)); err != nil {
		t.Fatal(err)
	} else {
		known = bw.ops
	}
	row1 := f.round.Rows[1]
	hd1 := contracts.Header(&f.round.Manifest.Headers[1])
	for _, tc := range []struct {
		name  string
		ops   operatorSet
		logs  func() []types.Log
		check func(t *testing.T, bw *blockWork, r *index.Round)
	}{
		{"commitment", known, func() []types.Log { return f.commitLogs(t, 10, 7) }, func(t *testing.T, bw *blockWork, r *index.Round) {
			ff := factsOf(r)
			if ff.Commitment == nil || ff.Commitment.Root != f.root || r.ProviderCount != 2 || r.EntryCount != 6 || len(r.Notes) != 0 || r.CommitTime != 1700000000 {
				t.Fatalf("%+v", r)
			}
		}},
		{"batch with known signers", known, func() []types.Log {
			return append(f.commitLogs(t, 10, 7), f.batchLogs(t, 10, 7, 0, 0b11)...)
		}, func(t *testing.T, bw *blockWork, r *index.Round) {
			b := r.Batches[0]
			if len(r.Batches) != 1 || *b.Attempt != 0 || len(b.Signers) != 2 || b.Signers[1].Address != opB || b.SignersUnknown != "" ||
				b.ProviderAllocRoots[1] != f.roots[1] || b.DeadlineBlock != 50 || r.DeadlineBlock != 50 || b.Status != index.BatchLive {
				t.Fatalf("%+v", b)
			}
			if ff := factsOf(r); ff.Batch == nil || ff.Batch.SignerBitmap.Uint64() != 3 {
				t.Fatalf("facts %+v", ff.Batch)
			}
		}},
		{"signers registered before the start", known, func() []types.Log {
			return append(f.commitLogs(t, 10, 7), f.batchLogs(t, 10, 7, 0, 0b101)...)
		}, func(t *testing.T, bw *blockWork, r *index.Round) {
			b := r.Batches[0]
			if len(b.Signers) != 1 || b.Signers[0].Index != 0 || !strings.Contains(b.SignersUnknown, "operators [2]") {
				t.Fatalf("%+v", b)
			}
		}},
		{"batch of a round committed before the start", known, func() []types.Log { return f.batchLogs(t, 10, 7, 2, 0b11) }, func(t *testing.T, bw *blockWork, r *index.Round) {
			ff := factsOf(r)
			if ff.Commitment != nil || len(ff.Unknown) != 1 || ff.Unknown[0].Fact != judge.FactCommitment || len(r.Notes) != 1 || !isCommitmentNote(r.Notes[0]) {
				t.Fatalf("%+v %q", ff, r.Notes)
			}
			v, _, err := judge.Judge(ff, recompute.Options{})
			if err != nil || v.Status != judge.StatusIncomplete || !strings.Contains(v.Reason, "before block 1") {
				t.Fatalf("%+v %v", v, err)
			}
		}},
		{"row challenged and revealed", known, func() []types.Log {
			return append(append(f.commitLogs(t, 10, 7), f.batchLogs(t, 10, 7, 0, 0b11)...),
				mkLog(t, 11, evChallenge, []any{uint64(7)}, u(0), uint8(1), u(1), opA, u(61)),
				mkLog(t, 12, evRow, []any{uint64(7)}, u(0), u(1), hd1, contracts.Entries(row1), u(80)))
		}, func(t *testing.T, bw *blockWork, r *index.Round) {
			c, rv := r.AvailabilityChallenges, r.Reveals
			if len(c) != 1 || c[0].State != index.ChallengeResolved || c[0].Kind != "row" || c[0].ResolveBy != 61 || len(rv) != 1 || rv[0].Key != hd1.EntriesRoot ||
				r.Batches[0].DeadlineBlock != 80 || r.DeadlineBlock != 80 || len(bw.objects) != 1 || bw.objects[0].key != hd1.EntriesRoot {
				t.Fatalf("%+v %+v %+v", c, rv, bw.objects)
			}
			if hd, ok := headerOfRecord(rv[0].Header); !ok || hd != f.round.Manifest.Headers[1] {
				t.Fatalf("header %+v", rv[0].Header)
			}
		}},
		{"manifest revealed", known, func() []types.Log {
			return append(append(f.commitLogs(t, 10, 7), f.batchLogs(t, 10, 7, 0, 0b11)...),
				mkLog(t, 11, evChallenge, []any{uint64(7)}, u(0), uint8(0), u(0), opA, u(61)),
				mkLog(t, 12, evManifest, []any{uint64(7)}, u(0), u(0), contracts.Headers(f.round.Manifest.Headers), u(80)))
		}, func(t *testing.T, bw *blockWork, r *index.Round) {
			if len(bw.objects) != 1 || bw.objects[0].kind != KindManifestPart || r.AvailabilityChallenges[0].State != index.ChallengeResolved {
				t.Fatalf("%+v", bw.objects)
			}
			h, _ := judge.NewHoldings(7, *factsOf(r).Commitment)
			m, err := recompute.DecodeManifest(bw.objects[0].data)
			if err != nil || h.ManifestRevealed(0, m.Headers) != nil {
				t.Fatalf("the revealed part does not give the manifest: %v", err)
			}
		}},
		{"unanswered challenge slashed, another refunded", known, func() []types.Log {
			return append(append(f.commitLogs(t, 10, 7), f.batchLogs(t, 10, 7, 0, 0b11)...),
				mkLog(t, 11, evChallenge, []any{uint64(7)}, u(0), uint8(1), u(1), opA, u(61)),
				mkLog(t, 11, evChallenge, []any{uint64(7)}, u(0), uint8(0), u(0), opB, u(61)),
				mkLog(t, 70, evFraud, []any{uint64(7), opA}, u(0), "unavailable-row", u(1), u(0), eth(6.4)),
				mkLog(t, 70, evSlashed, []any{uint64(7), opA}, eth(3.2)),
				mkLog(t, 70, evSlashed, []any{uint64(7), common.HexToAddress("0xcc")}, eth(3.2)))
		}, func(t *testing.T, bw *blockWork, r *index.Round) {
			c := r.AvailabilityChallenges
			if c[0].State != index.ChallengeSlashed || c[1].State != index.ChallengeRefunded || r.Batches[0].Status != index.BatchVoided ||
				len(r.FraudsProven) != 1 || r.FraudsProven[0].SlashedTotal != "6400000000000000000" || factsOf(r).Batch != nil {
				t.Fatalf("%+v %+v", c, r.FraudsProven)
			}
			o := bw.ops[0]
			if s := o.StakeAt(70); s.Cmp(eth(28.8)) != 0 || !bw.changed[0] || len(notesWith(r, common.HexToAddress("0xcc").Hex()+" was slashed")) != 1 {
				t.Fatalf("stake %s, notes %q", s, r.Notes)
			}
		}},
		{"past maxDeadline: voided, nobody slashed, bond refunded", known, func() []types.Log {
			return append(append(f.commitLogs(t, 10, 7), f.batchLogs(t, 10, 7, 0, 0b11)...),
				mkLog(t, 11, evChallenge, []any{uint64(7)}, u(0), uint8(1), u(1), opA, u(61)),
				mkLog(t, 200, evFraud, []any{uint64(7), opA}, u(0), "unavailable-row", u(1), u(0), u(0)))
		}, func(t *testing.T, bw *blockWork, r *index.Round) {
			if r.AvailabilityChallenges[0].State != index.ChallengeRefunded || r.Batches[0].Status != index.BatchVoided {
				t.Fatalf("%+v", r.AvailabilityChallenges)
			}
		}},
		{"finalized", known, func() []types.Log {
			return append(append(f.commitLogs(t, 10, 7), f.batchLogs(t, 10, 7, 0, 0b11)...), mkLog(t, 60, evFinal, []any{uint64(7)}, [32]byte{1}))
		}, func(t *testing.T, bw *blockWork, r *index.Round) {
			if !r.Finalized || r.Batches[0].Status != index.BatchFinalized || factsOf(r).Batch == nil {
				t.Fatalf("%+v", r)
			}
		}},
		{"exit and withdrawal, one unknown", known, func() []types.Log {
			return []types.Log{mkLog(t, 20, evExit, []any{opA, uint64(0)}, u(200)), mkLog(t, 30, evWithdraw, []any{opA, uint64(0)}, eth(32)),
				mkLog(t, 30, evExit, []any{common.HexToAddress("0xdd"), uint64(9)}, u(200))}
		}, func(t *testing.T, bw *blockWork, r *index.Round) {
			o := bw.ops[0]
			if o.ExitBlock != 20 || o.StakeAt(30).Sign() != 0 || len(bw.said) != 1 || !strings.Contains(bw.said[0].note, "operator 9") {
				t.Fatalf("%+v %+v", o, bw.said)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bw, err := applyAll(t, memStore(t), tc.ops, 1, tc.logs()...)
			if err != nil {
				t.Fatal(err)
			}
			r := bw.rounds[7]
			if r == nil {
				r = &index.Round{}
			}
			tc.check(t, bw, r)
		})
	}
}

// TestHandlersRefuseBadLogs: logs the AVS cannot have emitted fail with
// ErrBadLog (the block is not applied), and a log of an event the watcher
// does not read, or of no event, is ignored.
func TestHandlersRefuseBadLogs(t *testing.T) {
	f := newHandlerFixture(t, 7)
	truncated := f.commitLogs(t, 10, 7)[1]
	truncated.Data = truncated.Data[:40]
	noTopic := f.commitLogs(t, 10, 7)[0]
	noTopic.Topics = noTopic.Topics[:1]
	changed := contracts.Entries(f.round.Rows[1])
	changed[0].Mr = u(99)
	for _, tc := range []struct {
		name string
		l    types.Log
	}{
		{"data that does not decode", truncated},
		{"a missing round topic", noTopic},
		{"round 0", mkLog(t, 10, evCommit, []any{uint64(0)}, [32]byte{1}, u(1))},
		{"a round past the bound", types.Log{Topics: []common.Hash{contracts.EventID(evFinal), common.BigToHash(new(big.Int).Lsh(u(1), 200))}, Data: make([]byte, 32)}},
		{"availability kind 2", mkLog(t, 10, evChallenge, []any{uint64(7)}, u(0), uint8(2), u(1), opA, u(61))},
		{"an attempt past the bound", mkLog(t, 10, evFraud, []any{uint64(7), opA}, new(big.Int).Lsh(u(1), 70), "bad-allocation", u(1), u(0), u(0))},
		{"a long kind", mkLog(t, 10, evFraud, []any{uint64(7), opA}, u(0), strings.Repeat("x", 100), u(1), u(0), u(0))},
		{"operator index 256", registerLog(t, 10, 256, opA)},
		{"manifest part 2", mkLog(t, 12, evManifest, []any{uint64(7)}, u(0), u(2), contracts.Headers(f.round.Manifest.Headers), u(80))},
		{"a revealed row that does not rebuild its root", mkLog(t, 12, evRow, []any{uint64(7)}, u(0), u(1),
			contracts.Header(&f.round.Manifest.Headers[1]), changed, u(80))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := applyAll(t, memStore(t), newOperatorSet(nil), 1, tc.l); !errors.Is(err, ErrBadLog) {
				t.Fatalf("%v", err)
			}
		})
	}
	other := types.Log{Topics: []common.Hash{crypto.Keccak256Hash([]byte("Transfer(address,address,uint256)"))}}
	for _, l := range []types.Log{other, {}} {
		if bw, err := applyAll(t, memStore(t), newOperatorSet(nil), 1, l); err != nil || len(bw.rounds) != 0 {
			t.Fatalf("%v %+v", err, bw.rounds)
		}
	}
}
