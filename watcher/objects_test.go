package watcher

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
)

// bigRound is a well-formed round of 600 providers (two manifest parts) of
// one entry each, its rows in a DA directory but not its manifest.
func bigRound(t *testing.T, n uint64) (*recompute.Round, *da.Client) {
	t.Helper()
	rows := make([]recompute.ProviderRow, 600)
	for p := range rows {
		rows[p].Provider = common.BigToAddress(u(uint64(1000 + p)))
		rows[p].Capacity.SetUint64(1000)
		var e recompute.Entry
		e.Recipient = common.BigToAddress(u(7))
		e.MR.SetUint64(uint64(p%5 + 1))
		e.Residual.SetUint64(10)
		rows[p].Row = recompute.NewRow([]recompute.Entry{e})
	}
	rd := recompute.NewRound(uint256.NewInt(n), rows)
	dir := t.TempDir()
	store, err := da.NewStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range rd.Objects()[1:] {
		if err := store.Put(o.Kind, o.Key, o.Data); err != nil {
			t.Fatal(err)
		}
	}
	client, err := da.NewClient(da.Options{Sources: []string{dir}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return rd, client
}

// TestRevealedManifestParts: with more than 512 providers the two revealed
// parts, each alone unverifiable, give the manifest together, and the rows
// come from the DA store; parts that do not give the commitment's
// providersRoot are a lie of the chain (judge.ErrImpossible): no verdict.
func TestRevealedManifestParts(t *testing.T) {
	rd, client := bigRound(t, 9)
	root, P, commitment := rd.Manifest.CommitArgs()
	c := judge.Commitment{Root: commitment, ProvidersRoot: root, ProviderCount: P, EntryCount: rd.Manifest.E.Uint64()}
	for _, lie := range []bool{false, true} {
		cache := NewMemoryCache(DefaultCacheBytes)
		src, err := newObjectSource(Objects{DA: client, Cache: cache}, &Config{Log: slog.New(slog.DiscardHandler), HeldRounds: 2})
		if err != nil {
			t.Fatal(err)
		}
		r := &index.Round{Round: 9, CommitmentRoot: commitment, ProvidersRoot: root, ProviderCount: P, EntryCount: int(c.EntryCount)}
		part1 := slices.Clone(rd.Manifest.Headers[512:])
		if lie {
			part1[5].Capacity.SetUint64(999)
		}
		for part, hs := range [][]recompute.Header{rd.Manifest.Headers[:512], part1} {
			data := partObject(9, contracts.Headers(hs))
			key := crypto.Keccak256Hash(data)
			if err := cache.Put(9, CachedObject{Kind: KindManifestPart, Key: key, Data: data, Prov: index.FromChain(3, common.Hash{3}, time.Unix(1, 0))}); err != nil {
				t.Fatal(err)
			}
			r.Reveals = append(r.Reveals, index.Reveal{Kind: kindManifestPart, Index: uint64(part), Key: key, BlockHash: common.Hash{byte(part + 1)}})
		}
		hr, err := src.hold(context.Background(), r, c, true)
		if lie {
			if !errors.Is(err, judge.ErrImpossible) || !errors.Is(err, judge.ErrReveal) {
				t.Fatalf("a lying reveal: %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		f := factsOf(r)
		f.Held = hr.h
		if v, _, err := judge.Judge(f, recompute.Options{}); err != nil || v.Status != judge.StatusAwaitingBatch || len(v.Missing) != 0 {
			t.Fatalf("%+v %v", v, err)
		}
	}
}
