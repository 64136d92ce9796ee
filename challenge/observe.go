package challenge

import (
	"math"
	"math/big"

	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/challenge/solve"
)

// Observer receives the executor's measurements (metrics.Metrics
// implements it). Calls come from the Run goroutine.
type Observer interface {
	// SetDecisionRecords replaces the count of followed records by state.
	SetDecisionRecords(byState map[string]int)
	// SetBonds replaces the sums of the followed records' bonds by fate,
	// wei: held by the contract, lost to resolvers, returned.
	SetBonds(held, lost, returned *big.Int)
	// SetOpenWork replaces what the records' next moves need against the
	// key's balance (nil: unknown); underfunded when it cannot pay them.
	SetOpenWork(need, balance *big.Int, underfunded bool)
	// ChallengeGasUsed adds the gas a mined transaction of the key used.
	ChallengeGasUsed(gas uint64)
	// SetOpenFrauds replaces the count of live batches judged fraudulent
	// or unavailable that no proof has voided yet, and the blocks left
	// before the earliest of their deadlines (+Inf: none).
	SetOpenFrauds(n int, blocksLeft float64)
	// ChallengeExpired counts a record settled expired: the deadline
	// passed before a move of this challenger voided the batch.
	ChallengeExpired()
}

type nopObserver struct{}

func (nopObserver) SetDecisionRecords(map[string]int) {}
func (nopObserver) SetBonds(_, _, _ *big.Int)         {}
func (nopObserver) SetOpenWork(_, _ *big.Int, _ bool) {}
func (nopObserver) ChallengeGasUsed(uint64)           {}
func (nopObserver) SetOpenFrauds(int, float64)        {}
func (nopObserver) ChallengeExpired()                 {}

// observe reports the pass's figures: the records by state, the bonds by
// fate, and the open work against the balance, raising balance_low when the
// balance falls below what the open work needs (once per episode).
func (e *Executor) observe(p *pass, ws []*work) {
	byState := map[string]int{string(solve.StateSettled): e.retired.settled}
	held, lost, returned := e.retired.held.Clone(), e.retired.lost.Clone(), e.retired.returned.Clone()
	for _, w := range e.works {
		byState[string(w.rec.State)]++
		h, l, r := w.rec.Bonds()
		held.Add(held, h)
		lost.Add(lost, l)
		returned.Add(returned, r)
	}
	e.obs.SetDecisionRecords(byState)
	e.obs.SetBonds(held.ToBig(), lost.ToBig(), returned.ToBig())
	for _, w := range ws {
		w.facts.Balance = p.balance // the whole balance against the whole work
	}
	need := solve.OpenWork(records(ws), facts(ws))
	short := p.balance != nil && need.Cmp(p.balance) > 0
	var bal *big.Int
	if p.balance != nil {
		bal = p.balance.ToBig()
	}
	e.obs.SetOpenWork(need.ToBig(), bal, short)
	e.openWorkAlert(p, need, short)
	e.obs.SetOpenFrauds(openFrauds(p.head, ws))
}

// openFrauds counts the live batches judged fraudulent or unavailable and
// the blocks left before the earliest of their deadlines (+Inf: none); a
// batch held back by an open challenge of this challenger's has no
// deadline to miss (it cannot be finalized meanwhile).
func openFrauds(head uint64, ws []*work) (int, float64) {
	n, left := 0, math.Inf(1)
	for _, w := range ws {
		if !wrongAndLive(w) {
			continue
		}
		n++
		if heldBack(w) {
			continue
		}
		if d := w.facts.Batch.Deadline; d >= head {
			left = math.Min(left, float64(d-head))
		} else {
			left = 0
		}
	}
	return n, left
}

// openWorkAlert raises balance_low when the balance turns short of the
// open work, and notes its recovery.
func (e *Executor) openWorkAlert(p *pass, need *uint256.Int, short bool) {
	if !short {
		if e.underfunded {
			e.log.Info("the key's balance covers the open work again", "balance", p.balance, "need", need)
		}
		e.underfunded = false
		return
	}
	if e.underfunded {
		return
	}
	e.underfunded = true
	e.log.Warn("the key's balance is below what the open work needs", "address", e.from, "balance", p.balance, "need", need)
	ev := alerts.BalanceLowEvent(e.meta(), e.from, p.balance.Dec(), need.Dec(), 0, 1)
	ev.Data["openWorkWei"] = need.Dec()
	if _, err := e.d.Store.Enqueue(e.marshal(ev)...); err != nil {
		e.log.Error("the balance_low alert could not be stored", "err", err)
		e.underfunded = false // raised again next pass
	}
}
