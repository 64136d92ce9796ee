package contracts

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
)

// ErrNoProof is returned when the requested proof cannot be built from the
// data given (no such provider, a row that was not read, claimed roots of
// another count, a rule with no on-chain proof).
var ErrNoProof = errors.New("no proof of that kind applies")

// BadAllocation is the argument list of proveBadAllocation: header p with its
// proof against providersRoot, row p's entries, and the batch's claimed
// providerAllocRoot of p with its proof against the batch's allocTreeRoot.
type BadAllocation struct {
	Round        *big.Int
	Header       bindings.HeaderProof
	Entries      []bindings.Entry
	ClaimedRoot  [32]byte
	ClaimedProof [][32]byte
}

// NewBadAllocation builds the bad-allocation proof of provider p. res is the
// round's recomputation (its manifest, providers tree and row p must be
// there: a well-formed round's, or any evaluation that read row p), and
// claimed the batch's providerAllocRoots, as AllocationBatchDetails carries
// them. It does not judge: whether claimed[p] is wrong is
// (*recompute.Result).FirstWrongProvider's question.
func NewBadAllocation(res *recompute.Result, p int, claimed []common.Hash) (*BadAllocation, error) {
	h, err := res.HeaderProof(p)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoProof, err)
	}
	if err := rowRead(res, h); err != nil {
		return nil, err
	}
	if len(claimed) != len(res.Manifest.Headers) {
		return nil, fmt.Errorf("%w: %d claimed roots for %d providers", ErrNoProof, len(claimed), len(res.Manifest.Headers))
	}
	proof, _ := recompute.NewTree(claimed).Proof(p)
	return &BadAllocation{
		Round:        res.Manifest.Round.ToBig(),
		Header:       HeaderProofOf(h),
		Entries:      Entries(res.Rows[p]),
		ClaimedRoot:  claimed[p],
		ClaimedProof: words(proof),
	}, nil
}

// rowRead checks that res holds row h.P as its header counts it.
func rowRead(res *recompute.Result, h *recompute.HeaderEvidence) error {
	if h.P >= len(res.Rows) || !h.Header.EntryCount.IsUint64() || uint64(res.Rows[h.P].Len()) != h.Header.EntryCount.Uint64() {
		return fmt.Errorf("%w: row %d was not read", ErrNoProof, h.P)
	}
	return nil
}

// Calldata packs the proveBadAllocation call.
func (b *BadAllocation) Calldata() []byte {
	return avs.PackProveBadAllocation(b.Round, b.Header, b.Entries, b.ClaimedRoot, b.ClaimedProof)
}

// Malformed is the proof that a batch was signed over data breaking a
// section 3 rule: the rule's evidence (section 3's table), each header with
// its proof against providersRoot, each entry with its proof against its
// header's entriesRoot.
type Malformed struct {
	Rule    recompute.Rule
	Round   *big.Int
	Headers []bindings.HeaderProof
	Entries []bindings.EntryProof
}

// NewMalformed converts the evidence of a section 3 violation,
// (*recompute.Result).Evidence, into the proof of its rule.
func NewMalformed(round uint64, ev *recompute.Evidence) (*Malformed, error) {
	shape, ok := malformedCalls[ev.Rule]
	if !ok {
		return nil, fmt.Errorf("%w: rule %q has no malformed-commitment proof", ErrNoProof, ev.Rule)
	}
	headers, entries := shape.headers, shape.entries
	if ev.Rule == recompute.RuleEntryOffset && ev.Clause != recompute.ClausePair {
		headers = 1
	}
	if len(ev.Headers) != headers || len(ev.Entries) != entries {
		return nil, fmt.Errorf("%w: rule %s takes %d headers and %d entries, the evidence has %d and %d",
			ErrNoProof, ev.Rule, headers, entries, len(ev.Headers), len(ev.Entries))
	}
	m := &Malformed{Rule: ev.Rule, Round: u64(round)}
	for i := range ev.Headers {
		m.Headers = append(m.Headers, HeaderProofOf(&ev.Headers[i]))
	}
	for i := range ev.Entries {
		m.Entries = append(m.Entries, EntryProofOf(&ev.Entries[i]))
	}
	return m, nil
}

// Calldata packs the call of the rule's proof (proveProviderZero,
// proveEntryOrder, ...). It panics if m was not made by NewMalformed with
// the evidence its rule takes.
func (m *Malformed) Calldata() []byte {
	return malformedCalls[m.Rule].pack(m)
}

// malformedCall is how one rule's proof is called: how much evidence it
// takes and how its arguments are packed.
type malformedCall struct {
	headers, entries int
	pack             func(m *Malformed) []byte
}

// malformedCalls maps each section 3 rule to its proof. entry-offset takes
// one header for the first and last clauses, two for the pair clause.
var malformedCalls = map[recompute.Rule]malformedCall{
	recompute.RuleProviderZero: {1, 0, func(m *Malformed) []byte { return avs.PackProveProviderZero(m.Round, m.Headers[0]) }},
	recompute.RuleProviderOrder: {2, 0, func(m *Malformed) []byte {
		return avs.PackProveProviderOrder(m.Round, m.Headers[0], m.Headers[1])
	}},
	recompute.RuleCapacityRange: {1, 0, func(m *Malformed) []byte { return avs.PackProveCapacityRange(m.Round, m.Headers[0]) }},
	recompute.RuleEntryCount:    {1, 0, func(m *Malformed) []byte { return avs.PackProveEntryCount(m.Round, m.Headers[0]) }},
	recompute.RuleEntryOffset:   {2, 0, func(m *Malformed) []byte { return avs.PackProveEntryOffset(m.Round, m.Headers) }},
	recompute.RuleRecipientZero: {1, 1, func(m *Malformed) []byte {
		return avs.PackProveRecipientZero(m.Round, m.Headers[0], m.Entries[0])
	}},
	recompute.RuleEntryOrder: {1, 2, func(m *Malformed) []byte {
		return avs.PackProveEntryOrder(m.Round, m.Headers[0], m.Entries[0], m.Entries[1])
	}},
	recompute.RuleMRRange: {1, 1, func(m *Malformed) []byte { return avs.PackProveMrRange(m.Round, m.Headers[0], m.Entries[0]) }},
	recompute.RuleResidualRange: {1, 1, func(m *Malformed) []byte {
		return avs.PackProveResidualRange(m.Round, m.Headers[0], m.Entries[0])
	}},
	recompute.RuleResidualConsistency: {2, 2, func(m *Malformed) []byte {
		return avs.PackProveResidualConsistency(m.Round, m.Headers[0], m.Headers[1], m.Entries[0], m.Entries[1])
	}},
}
