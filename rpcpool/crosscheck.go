package rpcpool

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// Observation is what one endpoint answered to a cross-check.
type Observation struct {
	Endpoint string
	// Err: it did not answer (the rest is empty).
	Err error
	// Head is its eth_blockNumber; HeadServed whether it served that
	// block's header.
	Head       uint64
	HeadServed bool
	// Hashes are its hashes (of the headers it served, hashed here) of the
	// blocks checked; a block it did not serve is absent.
	Hashes map[uint64]common.Hash
}

// HeadSeen is an endpoint's head at the cross-checks and since when it has
// not moved.
type HeadSeen struct {
	Head  uint64
	Since time.Time
}

// EndpointCheck is the cross-check's verdict on one endpoint.
type EndpointCheck struct {
	Endpoint string
	Answered bool
	// Head is the head it reported; Lag how far it is behind Best.
	Head, Lag uint64
	// Agrees: its hash of every checked block a strict majority agrees on
	// is the majority's, and no checked block is split.
	Agrees bool
	// Lie, when not nil, is why the endpoint is not to be followed.
	Lie *Lie
}

// CrossReport is a cross-check's outcome.
type CrossReport struct {
	// Best is the highest head of the endpoints that answered and did not lie.
	Best uint64
	// Majority holds, per checked block, the hash a strict majority of the
	// endpoints serving it gave; Split the blocks with no such majority.
	Majority  map[uint64]common.Hash
	Split     []uint64
	Endpoints []EndpointCheck
	// Seen is the heads to pass to the next Assess.
	Seen map[string]HeadSeen
}

// Assess decides a cross-check (pure): per checked block, the hash a strict
// majority of the endpoints that served it gave; an endpoint holding
// another is lying (LieFork). An endpoint that reports a head whose header
// it cannot serve lies (LieAbsurdHead). Best is the highest head of the
// others; an endpoint behind Best whose head has not moved for frozenAfter
// (by seen, the previous Assess's Seen) is frozen (LieFrozenHead).
func Assess(obs []Observation, seen map[string]HeadSeen, now time.Time, frozenAfter time.Duration) CrossReport {
	r := CrossReport{Majority: map[uint64]common.Hash{}, Seen: map[string]HeadSeen{}}
	r.Majority, r.Split = majority(obs)
	r.Endpoints = make([]EndpointCheck, len(obs))
	for i, o := range obs {
		c := EndpointCheck{Endpoint: o.Endpoint, Answered: o.Err == nil, Head: o.Head, Agrees: o.Err == nil}
		if o.Err != nil {
			if s, ok := seen[o.Endpoint]; ok {
				r.Seen[o.Endpoint] = s
			}
			r.Endpoints[i] = c
			continue
		}
		c.Lie, c.Agrees = forkLie(o, r.Majority, r.Split)
		if c.Lie == nil && !o.HeadServed {
			c.Lie = &Lie{Kind: LieAbsurdHead, Block: o.Head, Detail: "it reports a head whose header it does not serve"}
		}
		if c.Lie == nil {
			r.Best = max(r.Best, o.Head)
		}
		s, ok := seen[o.Endpoint]
		if !ok || s.Head != o.Head {
			s = HeadSeen{Head: o.Head, Since: now}
		}
		r.Seen[o.Endpoint] = s
		r.Endpoints[i] = c
	}
	for i := range r.Endpoints {
		c := &r.Endpoints[i]
		if !c.Answered {
			continue
		}
		if c.Head < r.Best {
			c.Lag = r.Best - c.Head
		}
		if s := r.Seen[c.Endpoint]; c.Lie == nil && c.Lag > 0 && frozenAfter > 0 && now.Sub(s.Since) >= frozenAfter {
			c.Lie = &Lie{Kind: LieFrozenHead, Block: c.Head,
				Detail: fmt.Sprintf("its head has not moved for %v while the best is %d", now.Sub(s.Since).Round(time.Millisecond), r.Best)}
		}
	}
	return r
}

// majority returns, per block, the hash more than half of the endpoints
// serving it gave, and the blocks without one.
func majority(obs []Observation) (map[uint64]common.Hash, []uint64) {
	votes := map[uint64]map[common.Hash]int{}
	for _, o := range obs {
		if o.Err != nil {
			continue
		}
		for n, h := range o.Hashes {
			if votes[n] == nil {
				votes[n] = map[common.Hash]int{}
			}
			votes[n][h]++
		}
	}
	out := map[uint64]common.Hash{}
	var split []uint64
	for n, byHash := range votes {
		total, found := 0, false
		for _, c := range byHash {
			total += c
		}
		for h, c := range byHash {
			if 2*c > total {
				out[n], found = h, true
			}
		}
		if !found {
			split = append(split, n)
		}
	}
	sort.Slice(split, func(i, j int) bool { return split[i] < split[j] })
	return out, split
}

// forkLie compares an endpoint's hashes with the majority's.
func forkLie(o Observation, maj map[uint64]common.Hash, split []uint64) (*Lie, bool) {
	nums := make([]uint64, 0, len(o.Hashes))
	for n := range o.Hashes {
		nums = append(nums, n)
	}
	sort.Slice(nums, func(i, j int) bool { return nums[i] < nums[j] })
	for _, n := range nums {
		if m, ok := maj[n]; ok && m != o.Hashes[n] {
			return &Lie{Kind: LieFork, Block: n, Detail: fmt.Sprintf("its block %d is %s, the majority's %s", n, o.Hashes[n].Hex(), m.Hex())}, false
		}
	}
	for _, n := range split {
		if _, ok := o.Hashes[n]; ok {
			return nil, false
		}
	}
	return nil, true
}

// checkState is an endpoint's view by the last cross-check; guarded by Pool.mu.
type checkState struct {
	checked      bool
	head, lag    uint64
	agrees       bool
	seen         HeadSeen
	seenRecorded bool
	// suspect: the last cross-check caught it lying; calls try it last,
	// after those cooling down, until a cross-check finds it truthful.
	suspect bool
}

func (c *checkState) stats(es *EndpointStats) {
	es.Checked, es.Head, es.Lag, es.Agrees = c.checked, c.head, c.lag, c.agrees
}

// CrossCheck asks every endpoint (not only the preferred one, and those
// cooling down too) for its head, the header of that head and the headers
// of the blocks numbered, decides with Assess, records each endpoint's head,
// lag and agreement (Stats), and marks lying (ReportLie) the endpoints
// Assess says are. A block an endpoint was caught forking at is checked
// again by every later cross-check (whatever numbers says) until every
// endpoint serving it agrees: a liar stays passed over (tried last) while
// it holds to its fork, even once the caller's index has moved off it. It
// fails only when ctx ends.
func (p *Pool) CrossCheck(ctx context.Context, numbers []uint64, frozenAfter time.Duration) (CrossReport, error) {
	numbers = p.withDisputed(numbers)
	obs := make([]Observation, len(p.eps))
	var wg sync.WaitGroup
	for i, e := range p.eps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			obs[i] = p.observe(ctx, e, numbers)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return CrossReport{}, err
	}
	p.mu.Lock()
	seen := map[string]HeadSeen{}
	for _, e := range p.eps {
		if e.check.seenRecorded {
			seen[e.name] = e.check.seen
		}
	}
	r := Assess(obs, seen, p.opts.Now(), frozenAfter)
	for i, e := range p.eps {
		c := r.Endpoints[i]
		if s, ok := r.Seen[e.name]; ok {
			e.check.seen, e.check.seenRecorded = s, true
		}
		if c.Answered {
			e.check.suspect = c.Lie != nil
			e.check.checked, e.check.head, e.check.lag, e.check.agrees = true, c.Head, c.Lag, c.Agrees
		}
	}
	p.settleDisputes(r)
	p.mu.Unlock()
	for i, e := range p.eps {
		if l := r.Endpoints[i].Lie; l != nil {
			p.lied(e, "cross-check", l)
		}
	}
	return r, nil
}

// observe reads one endpoint's head and headers for a cross-check.
func (p *Pool) observe(ctx context.Context, e *endpoint, numbers []uint64) Observation {
	o := Observation{Endpoint: e.name, Hashes: map[uint64]common.Hash{}}
	p.mu.Lock()
	disabled := e.disabled
	p.mu.Unlock()
	if disabled != nil {
		o.Err = disabled
		return o
	}
	actx, cancel := p.attemptContext(ctx)
	defer cancel()
	o.Err = p.attempt(actx, e, func(ctx context.Context, _ *endpoint, c *ethclient.Client) error {
		head, err := c.BlockNumber(ctx)
		if err != nil {
			return err
		}
		o.Head = head
		nums := append([]uint64{head}, numbers...)
		hdrs := make([]*types.Header, len(nums))
		batch := make([]rpc.BatchElem, len(nums))
		for i, n := range nums {
			batch[i] = rpc.BatchElem{Method: "eth_getBlockByNumber", Args: []any{hexutil.EncodeBig(new(big.Int).SetUint64(n)), false}, Result: &hdrs[i]}
		}
		if err := c.Client().BatchCallContext(ctx, batch); err != nil {
			return err
		}
		for i, n := range nums {
			if batch[i].Error != nil || hdrs[i] == nil || hdrs[i].Number == nil || hdrs[i].Number.Uint64() != n {
				continue
			}
			if i == 0 {
				o.HeadServed = true
			} else {
				o.Hashes[n] = hdrs[i].Hash()
			}
		}
		return nil
	})
	if o.Err != nil {
		o.Err = redactErr(o.Err, e)
	}
	return o
}

// withDisputed adds the disputed blocks to numbers.
func (p *Pool) withDisputed(numbers []uint64) []uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := append([]uint64(nil), numbers...)
	for n := range p.disputed {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// settleDisputes records the blocks of fork lies and drops those every
// endpoint that served them now agrees on; p.mu is held.
func (p *Pool) settleDisputes(r CrossReport) {
	if p.disputed == nil {
		p.disputed = map[uint64]bool{}
	}
	for _, c := range r.Endpoints {
		if c.Lie != nil && c.Lie.Kind == LieFork {
			p.disputed[c.Lie.Block] = true
		}
	}
	for n := range p.disputed {
		_, decided := r.Majority[n]
		forked := false
		for _, c := range r.Endpoints {
			forked = forked || (c.Lie != nil && c.Lie.Kind == LieFork && c.Lie.Block == n)
		}
		if decided && !forked && !slices.Contains(r.Split, n) {
			delete(p.disputed, n)
		}
	}
}
