package devnet

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// generator makes a coordinator's rounds: a fixed set of providers and a pool
// of recipients, with capacities, weights and residual needs drawn afresh each
// round in realistic ranges.
type generator struct {
	rng        *rand.Rand
	providers  []common.Address
	recipients []common.Address
	perRow     int
}

func newGenerator(rng *rand.Rand, cfg *Config) *generator {
	return &generator{
		rng:        rng,
		providers:  sortedAddresses(rng, cfg.Providers),
		recipients: sortedAddresses(rng, cfg.Recipients),
		perRow:     cfg.EntriesPerRow,
	}
}

func sortedAddresses(rng *rand.Rand, n int) []common.Address {
	seen := make(map[common.Address]bool, n)
	out := make([]common.Address, 0, n)
	for len(out) < n {
		var a common.Address
		for i := 0; i < len(a); i += 8 {
			u := rng.Uint64()
			for j := 0; j < 8 && i+j < len(a); j++ {
				a[i+j] = byte(u >> (8 * j))
			}
		}
		if a != (common.Address{}) && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	return out
}

// scaled returns a random value in [10^lo, 10^hi).
func (g *generator) scaled(lo, hi int) uint256.Int {
	var v, p uint256.Int
	v.SetUint64(1 + g.rng.Uint64N(1<<62))
	p.Exp(uint256.NewInt(10), uint256.NewInt(uint64(lo+g.rng.IntN(hi-lo))))
	v.Mul(&v, &p)
	v.Rsh(&v, 62) // (1..2^62)/2^62 * 10^e: a value below 10^e with most of its digits
	if v.IsZero() {
		v.SetOne()
	}
	return v
}

// round makes well-formed commitments for round n: capacities of 10^18 to
// 10^24 (token amounts with 18 decimals), weights 1 to 10^6, residual needs of
// 10^15 to 10^21, one per recipient.
func (g *generator) round(n uint64) *recompute.Commitments {
	residual := make([]uint256.Int, len(g.recipients))
	for i := range residual {
		residual[i] = g.scaled(15, 21)
	}
	c := &recompute.Commitments{Providers: make([]recompute.Provider, len(g.providers))}
	c.Round.SetUint64(n)
	for p, addr := range g.providers {
		pick := g.rng.Perm(len(g.recipients))[:g.perRow]
		slices.Sort(pick)
		prov := recompute.Provider{Address: addr, Capacity: g.scaled(18, 24), Entries: make([]recompute.Entry, len(pick))}
		for j, i := range pick {
			prov.Entries[j] = recompute.Entry{Recipient: g.recipients[i], Residual: residual[i]}
			prov.Entries[j].MR.SetUint64(1 + g.rng.Uint64N(1_000_000))
		}
		c.Providers[p] = prov
	}
	return c
}

// malformed breaks rule recipient-zero in otherwise good commitments (the
// zero address sorts first, so no other rule breaks).
func malformed(c *recompute.Commitments) recompute.Rule {
	c.Providers[0].Entries[0].Recipient = common.Address{}
	return recompute.RuleRecipientZero
}

// wrongBatch returns the allocation data and tree root a colluding quorum
// signs for fault f, and the index or provider it struck.
func wrongBatch(rng *rand.Rand, f Fault, c *recompute.Commitments, res *recompute.Result) (data []byte, treeRoot common.Hash, at int, err error) {
	pick := func(n int) int {
		if f.Index >= 0 {
			return f.Index
		}
		return rng.IntN(n)
	}
	switch f.Kind {
	case FaultAmount:
		at = pick(res.EntryCount)
		data = withAmount(res.AllocationData, at, func(a *uint256.Int) { a.AddUint64(a, 1+rng.Uint64N(1000)) })
	case FaultDenominator:
		at = pick(res.ProviderCount)
		prov := &c.Providers[at]
		var denom uint256.Int
		denom.Lsh(&res.Denominators[at], 1)
		data = append([]byte(nil), res.AllocationData...)
		for j := range prov.Entries {
			var w, a uint256.Int
			w.Mul(&prov.Entries[j].MR, &prov.Entries[j].Residual)
			if !denom.IsZero() {
				a.MulDivOverflow(&prov.Capacity, &w, &denom)
			}
			k := res.Offsets[at] + j
			a.PutUint256(data[32*k : 32*(k+1)])
		}
		if _, differs := res.FirstDifference(data); !differs && len(prov.Entries) > 0 {
			// Every amount was 0 either way: make the wrong denominator show.
			data = withAmount(data, res.Offsets[at], func(a *uint256.Int) { a.AddUint64(a, 1) })
		}
	case FaultConservation:
		at = pick(res.ProviderCount)
		data = append([]byte(nil), res.AllocationData...)
		for j := range c.Providers[at].Entries {
			data = withAmount(data, res.Offsets[at]+j, func(a *uint256.Int) { a.Lsh(a, 1); a.AddUint64(a, 1) })
		}
	case FaultPublication:
		other := withAmount(res.AllocationData, 0, func(a *uint256.Int) { a.AddUint64(a, 1) })
		tree, err := recompute.AllocTreeFromData(other, 1)
		if err != nil {
			return nil, common.Hash{}, 0, err
		}
		return res.AllocationData, tree.Root(), 0, nil
	case FaultWithheld:
		return []byte{}, res.AllocTreeRoot, 0, nil
	default:
		return nil, common.Hash{}, 0, fmt.Errorf("fault %s makes no batch", f.Kind)
	}
	tree, err := recompute.AllocTreeFromData(data, 1)
	if err != nil {
		return nil, common.Hash{}, 0, err
	}
	return data, tree.Root(), at, nil
}

// withAmount returns a copy of data with amount k changed by f.
func withAmount(data []byte, k int, f func(*uint256.Int)) []byte {
	out := append([]byte(nil), data...)
	var a uint256.Int
	a.SetBytes32(out[32*k : 32*(k+1)])
	f(&a)
	a.PutUint256(out[32*k : 32*(k+1)])
	return out
}
