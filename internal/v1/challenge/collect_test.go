package challenge

import (
	"fmt"
	"math/big"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/denomwatch/denomwatch/index"
)

// countingStore counts the round reads.
type countingStore struct {
	*index.Store
	rounds, roundsRead, round atomic.Int64
}

func (s *countingStore) Rounds(from, to uint64) ([]index.Round, error) {
	rs, err := s.Store.Rounds(from, to)
	s.rounds.Add(1)
	s.roundsRead.Add(int64(len(rs)))
	return rs, err
}

func (s *countingStore) Round(n uint64) (index.Round, bool, error) {
	s.round.Add(1)
	return s.Store.Round(n)
}

func (s *countingStore) reset() { s.rounds.Store(0); s.roundsRead.Store(0); s.round.Store(0) }

func testRound(n uint64, verdict index.Verdict, finalized bool) index.Round {
	r := index.Round{Round: n, Verdict: verdict, Finalized: finalized, Signers: []index.Signer{}, Batches: []index.Batch{}}
	if verdict == index.VerdictFraud || verdict == index.VerdictValid {
		status := index.BatchLive
		if finalized {
			status = index.BatchFinalized
		}
		r.Batches = []index.Batch{{TxHash: crypto.Keccak256Hash([]byte(fmt.Sprint("batch", n))), Block: n, DeadlineBlock: n + 20, Status: status, DataAvailable: true}}
		r.Kind = index.KindBadAllocation
	}
	return r
}

// TestCollectReadsOnlyOpenRounds: after its first pass over the index, a
// pass reads the rounds not yet finalized and the new ones, never the
// settled history; a rollback of the index makes the next pass read it all
// again.
func TestCollectReadsOnlyOpenRounds(t *testing.T) {
	st, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	block := uint64(0)
	apply := func(rs ...index.Round) {
		block++
		if err := st.Apply(&index.BlockUpdate{Number: block, Hash: common.BigToHash(new(big.Int).SetUint64(block)), Rounds: rs}); err != nil {
			t.Fatal(err)
		}
	}
	const history = 3000
	for from := uint64(1); from <= history; from += 100 {
		var rs []index.Round
		for n := from; n < from+100; n++ {
			rs = append(rs, testRound(n, index.VerdictValid, true))
		}
		apply(rs...)
	}
	apply(testRound(history+1, index.VerdictFraud, false), testRound(history+2, index.VerdictMalformed, false), testRound(history+3, index.VerdictPending, false))

	cs := &countingStore{Store: st}
	cfg := DefaultConfig(common.HexToAddress("0xa75"))
	cfg.DryRun = true
	c, err := New(cfg, struct{ Chain }{}, cs, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	pass := func(wantRoundsRead, wantRound int64, wantWork int) {
		t.Helper()
		cs.reset()
		works, err := c.collect(100)
		if err != nil {
			t.Fatal(err)
		}
		if cs.roundsRead.Load() != wantRoundsRead || cs.round.Load() != wantRound || len(works) != wantWork {
			t.Fatalf("pass read %d rounds in %d pages and %d one by one, %d to do; want %d, %d, %d",
				cs.roundsRead.Load(), cs.rounds.Load(), cs.round.Load(), len(works), wantRoundsRead, wantRound, wantWork)
		}
	}
	pass(history+3, 0, 1) // the first pass reads everything once
	pass(0, 3, 1)         // then only the three open rounds
	apply(testRound(history+4, index.VerdictValid, false))
	pass(1, 3, 1) // the new round, and the open ones
	apply(testRound(history+1, index.VerdictFraud, true))
	pass(0, 4, 0) // round 3001 finalized: read once more, then dropped
	pass(0, 3, 0)
	if err := st.Rollback(block - 1); err != nil {
		t.Fatal(err)
	}
	pass(history+4, 0, 1) // the index rolled back: everything again (round 3001 is open again)
	pass(0, 4, 1)
}

func TestNotifyingStore(t *testing.T) {
	st, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	c, err := New(DefaultConfig(common.HexToAddress("0xa75")), struct{ Chain }{}, st, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ns := NotifyingStore{Store: st, Challenger: c}
	woken := func() bool {
		select {
		case <-c.wake:
			return true
		default:
			return false
		}
	}
	if err := ns.Apply(&index.BlockUpdate{Number: 1, Hash: common.HexToHash("0x1"), Rounds: []index.Round{testRound(1, index.VerdictValid, false)}}); err != nil || woken() {
		t.Fatalf("a valid round woke the challenger (%v)", err)
	}
	if err := ns.Apply(&index.BlockUpdate{Number: 2, Hash: common.HexToHash("0x2"), Rounds: []index.Round{testRound(2, index.VerdictFraud, false)}}); err != nil || !woken() {
		t.Fatalf("a fraud did not wake the challenger (%v)", err)
	}
	if err := ns.Apply(&index.BlockUpdate{Number: 2, Hash: common.HexToHash("0x2"), Rounds: []index.Round{testRound(2, index.VerdictFraud, false)}}); err == nil || woken() {
		t.Fatalf("a refused block: %v, woken %v", err, woken())
	}
}
