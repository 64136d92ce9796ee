package watcher

import (
	"math/big"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// KindManifestPart is the object-cache kind of a revealed manifest part:
// the part's headers encoded as a manifest object (round, E 0, headers),
// keyed by the keccak256 of those bytes. It is the watcher's own kind, in a
// namespace apart from section 9's; the index stores it as such
// (index.KindManifestPart).
const KindManifestPart = index.KindManifestPart

// Kinds of reveals and availability challenges, as records name them.
var (
	kindManifestPart = string(judge.ObjectManifestPart)
	kindRow          = string(judge.ObjectRow)
)

func onManifestRevealed(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackManifestRevealedEvent(l)
	if err != nil {
		return badLog(l, "ManifestRevealed: %v", err)
	}
	part, err := bounded(l, ev.Part, 1, "part")
	if err != nil {
		return err
	}
	attempt, deadline, err := attemptDeadline(l, ev.Attempt, ev.Deadline)
	if err != nil {
		return err
	}
	if len(ev.Headers) > recompute.PartSize {
		return badLog(l, "a manifest part of %d headers", len(ev.Headers))
	}
	r, err := bw.committedRound(l, ev.Round)
	if err != nil {
		return err
	}
	data := partObject(r.Round, ev.Headers)
	key := crypto.Keccak256Hash(data)
	bw.objects = append(bw.objects, object{kind: KindManifestPart, key: key, data: data, round: r.Round, tx: l.TxHash})
	resolveChallenge(r, attempt, kindManifestPart, part)
	setDeadline(r, attempt, deadline)
	r.Reveals = append(r.Reveals, index.Reveal{Attempt: attempt, Kind: kindManifestPart, Index: part, Key: key,
		Block: l.BlockNumber, BlockHash: l.BlockHash, LogIndex: l.Index, TxHash: l.TxHash})
	return nil
}

func onRowRevealed(bw *blockWork, l *types.Log) error {
	ev, err := avs.UnpackRowRevealedEvent(l)
	if err != nil {
		return badLog(l, "RowRevealed: %v", err)
	}
	p, err := bounded(l, ev.Provider, maxProviders-1, "provider")
	if err != nil {
		return err
	}
	attempt, deadline, err := attemptDeadline(l, ev.Attempt, ev.Deadline)
	if err != nil {
		return err
	}
	if len(ev.Entries) > maxRevealRows {
		return badLog(l, "a row of %d entries", len(ev.Entries))
	}
	r, err := bw.committedRound(l, ev.Round)
	if err != nil {
		return err
	}
	hd := headerOf(&ev.Header)
	data, err := rowObject(l, &hd, ev.Entries)
	if err != nil {
		return err
	}
	if hd.NeedsRow() {
		// The row object itself, under its key: judged like a fetched one.
		bw.objects = append(bw.objects, object{kind: recompute.KindRow, key: hd.EntriesRoot, data: data, round: r.Round, tx: l.TxHash})
	}
	resolveChallenge(r, attempt, kindRow, p)
	setDeadline(r, attempt, deadline)
	r.Reveals = append(r.Reveals, index.Reveal{Attempt: attempt, Kind: kindRow, Index: p, Key: hd.EntriesRoot, Header: revealedHeader(&hd),
		Block: l.BlockNumber, BlockHash: l.BlockHash, LogIndex: l.Index, TxHash: l.TxHash})
	return nil
}

// partObject is the object of a revealed manifest part: its headers as a
// manifest object of round n (E 0).
func partObject(n uint64, headers []bindings.ProviderHeader) []byte {
	m := recompute.Manifest{Headers: make([]recompute.Header, len(headers))}
	m.Round.SetUint64(n)
	for i := range headers {
		m.Headers[i] = headerOf(&headers[i])
	}
	return recompute.EncodeManifest(&m)
}

// revealData returns the object of a reveal's log, as its handler makes it
// (a row whether or not it rebuilds its header's root).
func revealData(l *types.Log, n uint64) ([]byte, error) {
	h, ok := handlers[l.Topics[0]]
	if !ok {
		return nil, badLog(l, "not a reveal")
	}
	if err := h.shape(l); err != nil {
		return nil, err
	}
	if l.Topics[0] == contracts.EventID(bindings.DenominatorAllocationAVSManifestRevealedEventName) {
		ev, err := avs.UnpackManifestRevealedEvent(l)
		if err != nil || len(ev.Headers) > recompute.PartSize {
			return nil, badLog(l, "ManifestRevealed: %v", err)
		}
		return partObject(n, ev.Headers), nil
	}
	ev, err := avs.UnpackRowRevealedEvent(l)
	if err != nil || len(ev.Entries) > maxRevealRows {
		return nil, badLog(l, "RowRevealed: %v", err)
	}
	hd := headerOf(&ev.Header)
	return rowObject(l, &hd, ev.Entries)
}

// rowObject is the row object a RowRevealed carries (the empty row for a
// header with no row object). The contract resolves a row only with exactly
// entryCount entries that rebuild entriesRoot, so a row that does not is
// ErrBadLog.
func rowObject(l *types.Log, hd *recompute.Header, entries []bindings.Entry) ([]byte, error) {
	data := recompute.NewRow(entriesOf(entries)).Bytes()
	if !hd.NeedsRow() {
		if len(entries) > 0 {
			return nil, badLog(l, "a row of %d entries revealed for a header with none", len(entries))
		}
		return data, nil
	}
	if _, err := recompute.VerifyRow(hd, data); err != nil {
		return nil, badLog(l, "the revealed row does not rebuild its header's entriesRoot: %v", err)
	}
	return data, nil
}

// attemptDeadline bounds a reveal's attempt and deadline.
func attemptDeadline(l *types.Log, attempt, deadline *big.Int) (uint64, uint64, error) {
	a, err := bounded(l, attempt, maxAttempt, "attempt")
	if err != nil {
		return 0, 0, err
	}
	d, err := bounded(l, deadline, maxBlock, "deadline")
	return a, d, err
}

// resolveChallenge marks the open challenge of (attempt, kind, index)
// resolved.
func resolveChallenge(r *index.Round, attempt uint64, kind string, idx uint64) {
	for i := range r.AvailabilityChallenges {
		c := &r.AvailabilityChallenges[i]
		if c.Attempt == attempt && c.Kind == kind && c.Index == idx && c.State == index.ChallengeOpen {
			c.State = index.ChallengeResolved
		}
	}
}

// setDeadline records a resolution's new deadline on the batch of attempt.
func setDeadline(r *index.Round, attempt, deadline uint64) {
	b := batchOfAttempt(r, attempt)
	if b == nil {
		return
	}
	b.DeadlineBlock = deadline
	if b == &r.Batches[len(r.Batches)-1] {
		r.DeadlineBlock = deadline
	}
}

// settleChallenges ends the open challenges of the attempt f voided: the
// unanswered one f names is slashed (refunded when nobody was slashed, past
// maxDeadline), the others are refunded (section 7.3).
func settleChallenges(r *index.Round, f index.FraudProven, slashed bool) {
	for i := range r.AvailabilityChallenges {
		c := &r.AvailabilityChallenges[i]
		if c.Attempt != f.Attempt || c.State != index.ChallengeOpen {
			continue
		}
		named := (f.Kind == string(recompute.RuleUnavailableManifest) && c.Kind == kindManifestPart ||
			f.Kind == string(recompute.RuleUnavailableRow) && c.Kind == kindRow) && c.Index == f.Provider
		if named && slashed {
			c.State = index.ChallengeSlashed
		} else {
			c.State = index.ChallengeRefunded
		}
	}
}

// headerOf converts a header of an event.
func headerOf(h *bindings.ProviderHeader) recompute.Header {
	var hd recompute.Header
	hd.Provider, hd.EntriesRoot = h.Provider, h.EntriesRoot
	hd.Capacity.SetFromBig(h.Capacity)
	hd.EntryOffset.SetFromBig(h.EntryOffset)
	hd.EntryCount.SetFromBig(h.EntryCount)
	return hd
}

// entriesOf converts the entries of an event.
func entriesOf(es []bindings.Entry) []recompute.Entry {
	out := make([]recompute.Entry, len(es))
	for j := range es {
		out[j].Recipient = es[j].Recipient
		out[j].MR.SetFromBig(es[j].Mr)
		out[j].Residual.SetFromBig(es[j].Residual)
	}
	return out
}

func revealedHeader(hd *recompute.Header) *index.RevealedHeader {
	return &index.RevealedHeader{Provider: hd.Provider, Capacity: hd.Capacity.Dec(), EntryOffset: hd.EntryOffset.Dec(),
		EntryCount: hd.EntryCount.Dec(), EntriesRoot: hd.EntriesRoot}
}

// headerOfRecord converts a revealed header back.
func headerOfRecord(h *index.RevealedHeader) (recompute.Header, bool) {
	var hd recompute.Header
	hd.Provider, hd.EntriesRoot = h.Provider, h.EntriesRoot
	for _, f := range []struct {
		dst *uint256.Int
		s   string
	}{{&hd.Capacity, h.Capacity}, {&hd.EntryOffset, h.EntryOffset}, {&hd.EntryCount, h.EntryCount}} {
		if err := f.dst.SetFromDecimal(f.s); err != nil {
			return hd, false
		}
	}
	return hd, true
}
