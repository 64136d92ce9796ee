package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/index"
)

// TestCheckCommand: a consistent store passes (found below --data-dir); a
// store with a key outside the schema fails with exit 3 and names it; a
// directory without a store is a usage error.
func TestCheckCommand(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "1337-0xabc")
	s, err := index.Open(index.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	r := index.Round{Round: 1, Verdict: index.VerdictPending, Signers: []index.Signer{}, Batches: []index.Batch{}}
	if err := s.Apply(&index.BlockUpdate{Number: 5, Hash: common.Hash{5}, Rounds: []index.Round{r}, CommitmentData: map[uint64][]byte{1: {1}}, Alerts: [][]byte{[]byte(`{"id":"x"}`)}}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	code, stdout, stderr := runCLI(t, nil, "check", "--data-dir", root)
	if code != 0 || !strings.Contains(stdout, "consistent; checkpoint block 5") || !strings.Contains(stdout, "outbox 1") {
		t.Fatalf("consistent store: exit %d\n%s%s", code, stdout, stderr)
	}
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(txn *badger.Txn) error { return txn.Set([]byte("v1/stray"), []byte("x")) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, stdout, _ = runCLI(t, nil, "check", "--data-dir", dir, "--json")
	if code != exitInconsistent || !strings.Contains(stdout, `"consistent": false`) || !strings.Contains(stdout, "v1/stray") {
		t.Fatalf("inconsistent store: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := runCLI(t, nil, "check", "--data-dir", t.TempDir()); code != exitUsage || !strings.Contains(stderr, "no index") {
		t.Fatalf("empty dir: exit %d %s", code, stderr)
	}
}
