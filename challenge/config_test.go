package challenge

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/index"
)

func TestConfigCheck(t *testing.T) {
	avs := common.HexToAddress("0xa75")
	def := DefaultConfig(avs)
	if err := def.Check(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
	d := solve.DefaultConfig()
	if def.Confirmations != d.Confirmations || def.BumpAfter != d.BumpAfter || def.MaxBumps != d.MaxBumps ||
		def.MaxFeeCap.Cmp(d.MaxFeeCap.ToBig()) != 0 || def.GasMarginPct != d.GasMarginPct {
		t.Fatalf("the defaults differ from solve's: %+v", def)
	}
	tests := []struct {
		name string
		edit func(*Config)
	}{
		{"no AVS", func(c *Config) { c.AVS = common.Address{} }},
		{"bump after 0", func(c *Config) { c.BumpAfter = 0 }},
		{"negative bumps", func(c *Config) { c.MaxBumps = -1 }},
		{"negative fee cap", func(c *Config) { c.MaxFeeCap = big.NewInt(-1) }},
		{"negative max bond", func(c *Config) { c.MaxBond = big.NewInt(-1) }},
		{"huge margin", func(c *Config) { c.GasMarginPct = 201 }},
		{"no poll interval", func(c *Config) { c.PollInterval = 0 }},
	}
	for _, tt := range tests {
		c := DefaultConfig(avs)
		tt.edit(&c)
		if err := c.Check(); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: %v, want ErrConfig", tt.name, err)
		}
		if _, err := New(c, Deps{}, nil); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: New: %v, want ErrConfig", tt.name, err)
		}
	}
	if _, err := New(def, Deps{}, nil); !errors.Is(err, ErrConfig) {
		t.Errorf("New without a chain and a store: %v", err)
	}
	if string(solve.StateSettled) != index.SolveStateSettled {
		t.Errorf("the index's settled state %q is not solve's %q", index.SolveStateSettled, solve.StateSettled)
	}
}
