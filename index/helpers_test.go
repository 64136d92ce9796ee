package index

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// openMem opens an in-memory store closed at the end of the test.
func openMem(t testing.TB, depth uint64) *Store {
	t.Helper()
	s, err := Open(Options{InMemory: true, UndoDepth: depth})
	if err != nil {
		t.Fatalf("Open in memory: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// openDir opens a store in dir; the caller closes it (Close twice is fine).
func openDir(t testing.TB, dir string, depth uint64) *Store {
	t.Helper()
	s, err := Open(Options{Dir: dir, UndoDepth: depth})
	if err != nil {
		t.Fatalf("Open %s: %v", dir, err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// hashOf is a deterministic test hash.
func hashOf(tag string, n uint64, variant byte) common.Hash {
	return crypto.Keccak256Hash([]byte(tag), binary.BigEndian.AppendUint64(nil, n), []byte{variant})
}

// testData is size deterministic bytes.
func testData(tag string, n uint64, variant byte, size int) []byte {
	seed := hashOf(tag, n, variant)
	b := make([]byte, size)
	for i := range b {
		b[i] = seed[i%32] ^ byte(i/32)
	}
	return b
}

// testUpdate is block n of a test chain; variant picks another chain (a
// reorganisation). Blocks with n%7 == 3 are empty; the others rewrite round
// n/2 (so consecutive blocks replace each other's records), its commitment
// data, operator n%4, and odd blocks add a batch with its data.
func testUpdate(n uint64, variant byte) *BlockUpdate {
	u := &BlockUpdate{
		Number:         n,
		Hash:           hashOf("block", n, variant),
		ParentHash:     hashOf("block", n-1, variant),
		CommitmentData: map[uint64][]byte{},
		BatchData:      map[common.Hash][]byte{},
	}
	if n%7 == 3 {
		return u
	}
	r := n / 2
	round := Round{
		Round:          r,
		Verdict:        VerdictPending,
		CommitmentRoot: hashOf("root", n, variant),
		CommitTx:       hashOf("commit", n, variant),
		CommitBlock:    n,
		Signers:        []Signer{},
		Batches:        []Batch{},
		Reason:         "awaiting a batch",
	}
	if n%2 == 1 {
		tx := hashOf("batch", n, variant)
		ar := hashOf("alloc", n, variant)
		idx := n
		signers := []Signer{{Index: 1, Address: common.BytesToAddress([]byte{1, byte(n)}), Stake: "1000000000000000000"}}
		round.Verdict, round.Reason = VerdictFraud, ""
		round.AllocationRoot, round.Signers = &ar, signers
		round.Kind, round.Index, round.Claimed, round.Correct = KindBadAllocation, &idx, "5", "7"
		round.Batches = []Batch{{TxHash: tx, Block: n, AllocationRoot: ar, Signers: signers, Status: BatchLive, DataAvailable: true, SignerBitmap: "0x2"}}
		u.BatchData[tx] = testData("bdata", n, variant, 300)
	}
	u.Rounds = []Round{round}
	u.CommitmentData[r] = testData("cdata", n, variant, 200+int(n%5)*100)
	u.Operators = []Operator{{
		Index:           int(n % 4),
		Address:         common.BytesToAddress([]byte{2, byte(n)}),
		PkG1:            [2]string{"0x1", "0x2"},
		PkG2:            [4]string{"0x3", "0x4", "0x5", "0x6"},
		RegisteredBlock: n,
		Stake:           []StakeChange{{Block: n, Delta: "32000000000000000000", Cause: "registered"}},
	}}
	return u
}

// applyRange applies testUpdate(from..to, variant).
func applyRange(t testing.TB, s *Store, from, to uint64, variant byte) {
	t.Helper()
	for n := from; n <= to; n++ {
		if err := s.Apply(testUpdate(n, variant)); err != nil {
			t.Fatalf("Apply(%d): %v", n, err)
		}
	}
}

// dump returns every key of the store (Badger's own excepted) with its
// user-meta byte and value, leaving out the keys under any of skip.
func dump(t testing.TB, s *Store, skip ...[]byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			if slices.ContainsFunc(skip, func(p []byte) bool { return bytes.HasPrefix(item.Key(), p) }) {
				continue
			}
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			out[string(item.Key())] = string(append([]byte{item.UserMeta()}, v...))
		}
		return nil
	})
	if err != nil {
		t.Fatalf("dump: %v", err)
	}
	return out
}

// diffDumps describes how two dumps differ ("" when equal).
func diffDumps(want, got map[string]string) string {
	var lines []string
	for k, v := range want {
		g, ok := got[k]
		switch {
		case !ok:
			lines = append(lines, "missing "+keyString([]byte(k)))
		case g != v:
			lines = append(lines, fmt.Sprintf("differs %s (%d bytes, want %d)", keyString([]byte(k)), len(g), len(v)))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			lines = append(lines, "extra "+keyString([]byte(k)))
		}
	}
	slices.Sort(lines)
	if len(lines) > 20 {
		lines = append(lines[:20], fmt.Sprintf("... %d more", len(lines)-20))
	}
	return strings.Join(lines, "\n")
}

// setRaw writes a key straight into Badger (the test hook for injecting
// inconsistencies).
func setRaw(t testing.TB, s *Store, key, value []byte) {
	t.Helper()
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(key, value) }); err != nil {
		t.Fatalf("set %s: %v", keyString(key), err)
	}
}

// deleteRaw deletes a key straight from Badger.
func deleteRaw(t testing.TB, s *Store, key []byte) {
	t.Helper()
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete(key) }); err != nil {
		t.Fatalf("delete %s: %v", keyString(key), err)
	}
}

// mustCheckpoint returns the checkpoint, failing the test if there is none.
func mustCheckpoint(t testing.TB, s *Store) Checkpoint {
	t.Helper()
	cp, ok, err := s.Checkpoint()
	if err != nil || !ok {
		t.Fatalf("Checkpoint() = %v, %v, %v; want one", cp, ok, err)
	}
	return cp
}

// outbox returns the bodies in the outbox, by sequence number.
func outbox(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixOutbox, PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out = append(out, string(v))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
