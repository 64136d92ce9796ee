package judge

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/recompute"
)

var update = flag.Bool("update", false, "rewrite testdata/verdicts.golden.json")

// goldenVerdicts are verdicts of every shape, each from a deterministic
// round.
func goldenVerdicts(t *testing.T) []Verdict {
	f := wellFormed(4, 3).build(9)
	roots := f.correctRoots(t)
	amounts, wrong := f.wrongAmounts(t, 2, 1)
	bad := append([]common.Hash{}, roots...)
	bad[2] = wrong
	h := f.holdings(t, without(3))
	if err := h.AddAllocations(2, wrong, recompute.EncodeAllocations(amounts)); err != nil {
		t.Fatal(err)
	}
	withNote := f.facts(h, f.batch(1, bad))
	withNote.Unknown = []Unknown{{FactReveals, "reveals before block 7 not seen"}}
	s := wellFormed(4, 3)
	s.rows[2][1].Residual.AddUint64(&s.rows[2][1].Residual, 1)
	rc := s.build(9)
	s = wellFormed(4, 3)
	s.edits = append(s.edits, func(m *recompute.Manifest) { m.Headers[2].EntryOffset.SetUint64(7) })
	off := s.build(9)
	pending := f.facts(nil, f.batch(0, roots))
	pending.Confirmed = false
	var out []Verdict
	for _, fs := range []Facts{
		withNote,
		rc.facts(rc.holdings(t, nil), nil),
		off.facts(off.holdings(t, nil), off.batch(0, make([]common.Hash, 4))),
		f.facts(f.holdings(t, without(0, 1)), f.batch(0, roots)),
		f.facts(nil, f.batch(0, roots)),
		f.facts(f.holdings(t, nil), f.batch(3, roots)),
		f.facts(f.holdings(t, without(1)), nil),
		pending,
		{Round: 3, Unknown: []Unknown{{FactCommitment, "commitment not seen: watcher started at block 1200"}}},
	} {
		v, _ := judge(t, fs)
		out = append(out, v)
	}
	return out
}

// TestVerdictJSON: the JSON of verdicts of every shape is the golden file's
// (a stable interface: change it knowingly, with -update), and reads back
// into the same verdicts.
func TestVerdictJSON(t *testing.T) {
	vs := goldenVerdicts(t)
	got, err := json.MarshalIndent(vs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "verdicts.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("the verdicts' JSON differs from %s (run with -update if the change is meant):\n%s", path, got)
	}
	var back []Verdict
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, vs) {
		t.Fatal("the JSON does not read back into the same verdicts")
	}
}
