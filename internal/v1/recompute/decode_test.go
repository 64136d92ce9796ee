package recompute

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/holiman/uint256"
)

func smallRound(t *testing.T) []byte {
	t.Helper()
	c := genRound(rand.New(rand.NewPCG(9, 9)), 5, genParams{providers: 2, perRow: 2, recipients: 3})
	return Encode(c)
}

func setWord(data []byte, off int, v uint64) []byte {
	out := append([]byte(nil), data...)
	putInt(out[off:], int(v))
	return out
}

func TestDecodeRejects(t *testing.T) {
	good := smallRound(t)
	// Layout of good: round | 0x40 | P=2 | head0 head1 | tuple0 (addr cap 0x60 k=2 e e) | tuple1
	tuple0 := minData + 2*wordSize
	tuple1 := tuple0 + headSize + 2*entrySize
	dirty := func(off int) []byte {
		out := append([]byte(nil), good...)
		out[off] = 1
		return out
	}
	tests := []struct {
		name string
		data []byte
		rule Rule
		msg  string
	}{
		{"empty", nil, RuleABI, "shorter"},
		{"not words", good[:len(good)-1], RuleABI, "whole number"},
		{"short", good[:64], RuleABI, "shorter"},
		{"providers offset", setWord(good, wordSize, 0x60), RuleABI, "0x40"},
		{"provider count huge", setWord(good, 2*wordSize, 1<<40), RuleABI, "does not fit"},
		{"provider count word", dirty(2 * wordSize), RuleABI, "does not fit"},
		{"head offset", setWord(good, minData, 0x20), RuleABI, "tuple offset"},
		{"second head offset", setWord(good, minData+wordSize, 0), RuleABI, "tuple offset"},
		{"provider address dirty", dirty(tuple0), RuleABI, "address word"},
		{"entries offset", setWord(good, tuple0+2*wordSize, 0x80), RuleABI, "0x60"},
		{"entry count huge", setWord(good, tuple0+3*wordSize, 1<<50), RuleABI, "does not fit"},
		{"entry count too big for data", setWord(good, tuple1+3*wordSize, 3), RuleABI, "does not fit"},
		{"recipient dirty", dirty(tuple0 + headSize + entrySize + 11), RuleABI, "recipient word"},
		{"trailing word", append(append([]byte(nil), good...), make([]byte, 32)...), RuleABI, "trailing"},
		{"no providers", setWord(good[:minData], 2*wordSize, 0), RuleProviderCount, "no providers"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(tc.data)
			if RuleOf(err) != tc.rule || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("got %v, want rule %s with %q", err, tc.rule, tc.msg)
			}
		})
	}
}

func TestDecodeSizeRules(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	big := genRound(rng, 1, genParams{providers: 1, perRow: MaxEntriesPerProvider + 1, recipients: MaxEntriesPerProvider + 1})
	if _, err := Decode(Encode(big)); RuleOf(err) != RuleEntryCount {
		t.Fatalf("1025 entries: %v", err)
	}
	if err := big.Validate(uint256.NewInt(1)); RuleOf(err) != RuleEntryCount {
		t.Fatalf("Validate 1025 entries: %v", err)
	}
	many := &Commitments{Providers: make([]Provider, MaxProviders+1)}
	if _, err := Decode(Encode(many)); RuleOf(err) != RuleProviderCount {
		t.Fatalf("65537 providers: %v", err)
	}
	// 2^24+1 entries without 1.6 GB: providers share one backing row.
	row := make([]Entry, MaxEntriesPerProvider)
	total := &Commitments{Providers: make([]Provider, MaxEntries/MaxEntriesPerProvider+1)}
	for i := range total.Providers {
		total.Providers[i].Entries = row
	}
	total.Providers[0].Entries = row[:1]
	if err := total.Validate(uint256.NewInt(0)); RuleOf(err) != RuleTotalEntries {
		t.Fatalf("2^24+1 entries: %v", err)
	}
	if _, err := Compute(total, Options{}); RuleOf(err) != RuleTotalEntries {
		t.Fatalf("Compute 2^24+1 entries: %v", err)
	}
}

// TestDecodeHostileCountsDoNotAllocate: data that claims the maximum counts
// but cannot hold them is refused before anything is allocated for them.
func TestDecodeHostileCountsDoNotAllocate(t *testing.T) {
	hostile := make([]byte, 1<<12)
	putInt(hostile[wordSize:], 0x40)
	putInt(hostile[2*wordSize:], MaxProviders)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < 100; i++ {
		if _, err := Decode(hostile); RuleOf(err) != RuleABI {
			t.Fatalf("got %v", err)
		}
	}
	runtime.ReadMemStats(&after)
	// Only the error value and its message: well under 1 KiB a call.
	if perCall := (after.TotalAlloc - before.TotalAlloc) / 100; perCall > 1024 {
		t.Fatalf("%d bytes allocated per refused input", perCall)
	}
}

func TestValidateRules(t *testing.T) {
	one := uint256.NewInt(1)
	base := func() *Commitments {
		return genRound(rand.New(rand.NewPCG(2, 2)), 1, genParams{providers: 3, perRow: 3, recipients: 4})
	}
	tests := []struct {
		name   string
		mutate func(c *Commitments)
		rule   Rule
	}{
		{"ok", func(c *Commitments) {}, ""},
		{"round", func(c *Commitments) { c.Round.SetUint64(2) }, RuleRound},
		{"provider zero", func(c *Commitments) { c.Providers[0].Address = [20]byte{} }, RuleProviderZero},
		{"provider order", func(c *Commitments) { c.Providers[0], c.Providers[1] = c.Providers[1], c.Providers[0] }, RuleProviderOrder},
		{"capacity", func(c *Commitments) { c.Providers[2].Capacity.Lsh(one, 128) }, RuleCapacityRange},
		{"recipient zero", func(c *Commitments) { c.Providers[1].Entries[0].Recipient = [20]byte{} }, RuleRecipientZero},
		{"entry order", func(c *Commitments) { c.Providers[1].Entries[2] = c.Providers[1].Entries[1] }, RuleEntryOrder},
		{"mr zero", func(c *Commitments) { c.Providers[2].Entries[2].MR.Clear() }, RuleMRRange},
		{"mr 2^64", func(c *Commitments) { c.Providers[2].Entries[2].MR.Lsh(one, 64) }, RuleMRRange},
		{"residual 2^128", func(c *Commitments) { c.Providers[0].Entries[0].Residual.Lsh(one, 128) }, RuleResidualRange},
		{"residual consistency", func(c *Commitments) {
			e := &c.Providers[2].Entries[0]
			for p := 0; p < 2; p++ {
				for j := range c.Providers[p].Entries {
					if c.Providers[p].Entries[j].Recipient == e.Recipient {
						e.Residual.AddUint64(&e.Residual, 1)
						return
					}
				}
			}
			t.Fatal("generator gave no shared recipient")
		}, RuleResidualConsistency},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := base()
			tc.mutate(c)
			err := c.Validate(one)
			if RuleOf(err) != tc.rule || (tc.rule == "") != (err == nil) {
				t.Fatalf("got %v, want rule %q", err, tc.rule)
			}
			if d, derr := Decode(Encode(c)); derr != nil || RuleOf(d.Validate(one)) != tc.rule {
				t.Fatalf("through the encoding: %v", derr)
			}
		})
	}
}
