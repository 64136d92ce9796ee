package contracts

import (
	"fmt"
	"math/big"

	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
)

// Challenge names one challengeable object of a round's live batch (section
// 7.3): a manifest part or a row.
type Challenge struct {
	Round uint64
	Kind  ObjectKind
	Index uint64
}

// Calldata packs challengeAvailability; send it with at least the AVS's
// availabilityBond as value.
func (c Challenge) Calldata() []byte {
	return avs.PackChallengeAvailability(u64(c.Round), uint8(c.Kind), u64(c.Index))
}

// SlashCalldata packs slashUnavailable for the challenge of the live batch.
func (c Challenge) SlashCalldata() []byte {
	return avs.PackSlashUnavailable(u64(c.Round), uint8(c.Kind), u64(c.Index))
}

// RefundCalldata packs refundBond for the challenge of a voided batch's attempt.
func (c Challenge) RefundCalldata(attempt uint64) []byte {
	return avs.PackRefundBond(u64(c.Round), u64(attempt), uint8(c.Kind), u64(c.Index))
}

// ManifestResolution is the argument list of resolveManifestPart: the part's
// headers and, when the round has more than 512 providers, the other part's
// root.
type ManifestResolution struct {
	Round         *big.Int
	Part          *big.Int
	Headers       []bindings.ProviderHeader
	OtherPartRoot [32]byte
}

// NewManifestResolution builds the resolution of manifest part `part` of
// the round from its manifest m and providers tree t (as
// recompute.VerifyManifest returns them), with recompute.ManifestParts.
func NewManifestResolution(m *recompute.Manifest, t *recompute.Tree, part int) (*ManifestResolution, error) {
	parts := recompute.ManifestParts(t)
	if part < 0 || part >= len(parts) {
		return nil, fmt.Errorf("%w: manifest part %d of %d", ErrNoProof, part, len(parts))
	}
	mp := parts[part]
	r := &ManifestResolution{
		Round:   m.Round.ToBig(),
		Part:    big.NewInt(int64(part)),
		Headers: Headers(m.Headers[mp.First : mp.First+mp.Count]),
	}
	if len(parts) == 2 {
		r.OtherPartRoot = parts[1-part].Root
	}
	return r, nil
}

// Calldata packs the resolveManifestPart call.
func (r *ManifestResolution) Calldata() []byte {
	return avs.PackResolveManifestPart(r.Round, r.Part, r.Headers, r.OtherPartRoot)
}

// RowResolution is the argument list of resolveRow: header p with its proof
// against providersRoot and the row's entries.
type RowResolution struct {
	Round   *big.Int
	Header  bindings.HeaderProof
	Entries []bindings.Entry
}

// NewRowResolution builds the resolution of row p from a recomputation that
// holds the manifest, its providers tree and row p (read and verified; it
// need not be well formed).
func NewRowResolution(res *recompute.Result, p int) (*RowResolution, error) {
	h, err := res.HeaderProof(p)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoProof, err)
	}
	if err := rowRead(res, h); err != nil {
		return nil, err
	}
	return &RowResolution{Round: res.Manifest.Round.ToBig(), Header: HeaderProofOf(h), Entries: Entries(res.Rows[p])}, nil
}

// Calldata packs the resolveRow call.
func (r *RowResolution) Calldata() []byte {
	return avs.PackResolveRow(r.Round, r.Header, r.Entries)
}
