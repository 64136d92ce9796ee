package watcher

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/index"
)

// FuzzHandlers feeds arbitrary logs (any event ID of the table, any topics,
// any data) to the handler table over a store holding a round with a live
// batch: nothing panics, and a log is either applied or refused with
// ErrBadLog.
func FuzzHandlers(f *testing.F) {
	fx := newHandlerFixture(f, 7)
	store := memStore(f)
	ops := newOperatorSet(nil)
	seed := append(append(fx.commitLogs(f, 10, 7), fx.batchLogs(f, 10, 7, 0, 0b11)...), registerLog(f, 1, 0, opA))
	bw, err := applyAll(f, store, ops, 1, seed...)
	if err != nil {
		f.Fatal(err)
	}
	upd := &index.BlockUpdate{Number: 10, Operators: bw.ops.sortedOperators(bw.changed)}
	for _, r := range bw.rounds {
		upd.Rounds = append(upd.Rounds, *r)
	}
	if err := store.Apply(upd); err != nil {
		f.Fatal(err)
	}
	ops = bw.ops
	hd := contracts.Header(&fx.round.Manifest.Headers[0])
	seed = append(seed,
		mkLog(f, 11, evChallenge, []any{uint64(7)}, u(0), uint8(1), u(0), opA, u(61)),
		mkLog(f, 12, evRow, []any{uint64(7)}, u(0), u(0), hd, contracts.Entries(fx.round.Rows[0]), u(80)),
		mkLog(f, 12, evManifest, []any{uint64(7)}, u(0), u(0), contracts.Headers(fx.round.Manifest.Headers), u(80)),
		mkLog(f, 70, evFraud, []any{uint64(7), opA}, u(0), "unavailable-row", u(0), u(0), eth(6.4)),
		mkLog(f, 70, evSlashed, []any{uint64(7), opA}, eth(3.2)),
		mkLog(f, 70, evFinal, []any{uint64(7)}, [32]byte{1}),
		mkLog(f, 20, evExit, []any{opA, uint64(0)}, u(200)),
		mkLog(f, 30, evWithdraw, []any{opA, uint64(0)}, eth(32)))
	for _, l := range seed {
		var t1, t2 []byte
		if len(l.Topics) > 1 {
			t1 = l.Topics[1][:]
		}
		if len(l.Topics) > 2 {
			t2 = l.Topics[2][:]
		}
		f.Add(uint8(indexOf(l.Topics[0])), uint8(len(l.Topics)), t1, t2, l.Data)
	}
	f.Fuzz(func(t *testing.T, event, ntopics uint8, t1, t2, data []byte) {
		l := types.Log{Topics: []common.Hash{topics[int(event)%len(topics)]}, Data: data, BlockNumber: 40, Index: 3}
		if ntopics > 1 {
			l.Topics = append(l.Topics, common.BytesToHash(t1))
		}
		if ntopics > 2 {
			l.Topics = append(l.Topics, common.BytesToHash(t2))
		}
		_, err := applyAll(t, store, ops, 1, l)
		if err != nil && !errors.Is(err, ErrBadLog) {
			t.Fatalf("unclassified: %v", err)
		}
	})
}

func indexOf(id common.Hash) int {
	for i, t := range topics {
		if t == id {
			return i
		}
	}
	return 0
}
