package devnet

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/recompute"
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
		perRow:     cfg.rowEntries(),
	}
}

// sortedAddresses draws n distinct non-zero addresses, in ascending order.
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

// round makes well-formed rows for round n: capacities of 10^18 to 10^24
// (token amounts with 18 decimals), weights 1 to 10^6, residual needs of
// 10^15 to 10^21, one per recipient.
func (g *generator) round(n uint64) []recompute.ProviderRow {
	residual := make([]uint256.Int, len(g.recipients))
	for i := range residual {
		residual[i] = g.scaled(15, 21)
	}
	out := make([]recompute.ProviderRow, len(g.providers))
	for p, addr := range g.providers {
		pick := g.rng.Perm(len(g.recipients))[:g.perRow]
		slices.Sort(pick)
		entries := make([]recompute.Entry, len(pick))
		for j, i := range pick {
			entries[j] = recompute.Entry{Recipient: g.recipients[i], Residual: residual[i]}
			entries[j].MR.SetUint64(1 + g.rng.Uint64N(1_000_000))
		}
		out[p] = recompute.ProviderRow{Provider: addr, Capacity: g.scaled(18, 24), Row: recompute.NewRow(entries)}
	}
	return out
}

// two128 is 2^128, the first value out of range for capacities and residuals.
var two128 = new(uint256.Int).Lsh(uint256.NewInt(1), 128)

// malformed returns round n's objects broken so that rule is the first rule
// of section 3 they break (in checking order, PROTOCOL.md section 3).
func (g *generator) malformed(n uint64, rule recompute.Rule) (*recompute.Round, error) {
	prs := g.round(n)
	editRow := func(p int, edit func([]recompute.Entry)) {
		es := prs[p].Row.Entries()
		edit(es)
		prs[p].Row = recompute.NewRow(es)
	}
	switch rule {
	case recompute.RuleProviderZero:
		prs[0].Provider = common.Address{} // the zero address sorts first: the order holds
	case recompute.RuleProviderOrder:
		prs[0].Provider, prs[1].Provider = prs[1].Provider, prs[0].Provider
	case recompute.RuleCapacityRange:
		prs[1].Capacity = *two128
	case recompute.RuleEntryCount:
		g.overlongRow(prs)
	case recompute.RuleEntryOffset:
		r := recompute.NewRound(uint256.NewInt(n), prs)
		r.Manifest.Headers[1].EntryOffset.AddUint64(&r.Manifest.Headers[1].EntryOffset, 1)
		return r, nil
	case recompute.RuleRecipientZero:
		editRow(0, func(es []recompute.Entry) { es[0].Recipient = common.Address{} })
	case recompute.RuleEntryOrder:
		editRow(0, func(es []recompute.Entry) { es[0], es[1] = es[1], es[0] })
	case recompute.RuleMRRange:
		editRow(0, func(es []recompute.Entry) { es[0].MR.Clear() })
	case recompute.RuleResidualRange:
		editRow(0, func(es []recompute.Entry) { es[0].Residual = *two128 })
	case recompute.RuleResidualConsistency:
		p, j, ok := sharedRecipient(prs)
		if !ok {
			return nil, fmt.Errorf("%w: no recipient is in two rows: residual-consistency cannot be broken", ErrConfig)
		}
		editRow(p, func(es []recompute.Entry) { es[j].Residual.AddUint64(&es[j].Residual, 1) })
	default:
		return nil, fmt.Errorf("%w: %q is not a rule of section 3", ErrConfig, rule)
	}
	return recompute.NewRound(uint256.NewInt(n), prs), nil
}

// overlongRow replaces row 0 with 1025 entries of fresh recipients, one more
// than a row may hold, trimming the last row if the round would pass
// E <= 1024 P (which commitRound enforces).
func (g *generator) overlongRow(prs []recompute.ProviderRow) {
	addrs := sortedAddresses(g.rng, MaxRowEntries+1)
	entries := make([]recompute.Entry, len(addrs))
	for j, a := range addrs {
		entries[j] = recompute.Entry{Recipient: a, Residual: g.scaled(15, 21)}
		entries[j].MR.SetUint64(1 + g.rng.Uint64N(1_000_000))
	}
	prs[0].Row = recompute.NewRow(entries)
	total := 0
	for _, pr := range prs {
		total += pr.Row.Len()
	}
	if over := total - MaxRowEntries*len(prs); over > 0 {
		last := &prs[len(prs)-1]
		last.Row = recompute.NewRow(last.Row.Entries()[:last.Row.Len()-over])
	}
}

// sharedRecipient finds an entry (p, j), p > 0, whose recipient row 0 also names.
func sharedRecipient(prs []recompute.ProviderRow) (p, j int, ok bool) {
	first := map[common.Address]bool{}
	for _, e := range prs[0].Row.Entries() {
		first[e.Recipient] = true
	}
	for p := 1; p < len(prs); p++ {
		for j, e := range prs[p].Row.Entries() {
			if first[e.Recipient] {
				return p, j, true
			}
		}
	}
	return 0, 0, false
}

// wrongAmounts returns row p's amounts as a colluding quorum signs them for
// fault f, and the entry it struck (-1 for the whole row).
func wrongAmounts(rng *rand.Rand, f Fault, res *recompute.Result, p int) ([]uint256.Int, int) {
	amounts := slices.Clone(res.RowAmounts(p))
	row, hd := res.Rows[p], &res.Manifest.Headers[p]
	switch f.Kind {
	case FaultDenominator:
		var denom uint256.Int
		denom.Lsh(&res.Denominators[p], 1)
		for j := range amounts {
			e := row.Entry(j)
			var w uint256.Int
			w.Mul(&e.MR, &e.Residual)
			amounts[j].MulDivOverflow(&hd.Capacity, &w, &denom)
		}
		if slices.Equal(amounts, res.RowAmounts(p)) {
			amounts[0].AddUint64(&amounts[0], 1) // every amount was 0 either way
		}
		return amounts, -1
	case FaultConservation:
		for j := range amounts {
			amounts[j].Lsh(&amounts[j], 1)
			amounts[j].AddUint64(&amounts[j], 1)
		}
		return amounts, -1
	}
	j := f.J
	if j < 0 {
		j = rng.IntN(len(amounts))
	}
	amounts[j].AddUint64(&amounts[j], 1+rng.Uint64N(1000))
	return amounts, j
}
