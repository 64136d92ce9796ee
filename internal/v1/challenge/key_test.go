package challenge

import (
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/index"
)

func TestConfigCheck(t *testing.T) {
	avs := common.HexToAddress("0xa75")
	if err := func() error { c := DefaultConfig(avs); return c.Check() }(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
	tests := []struct {
		name string
		edit func(*Config)
	}{
		{"no AVS", func(c *Config) { c.AVS = common.Address{} }},
		{"bump after 0", func(c *Config) { c.BumpAfterBlocks = 0 }},
		{"negative fee cap", func(c *Config) { c.MaxFeeCap = big.NewInt(-1) }},
		{"negative margin", func(c *Config) { c.GasMargin = -0.1 }},
		{"huge margin", func(c *Config) { c.GasMargin = 3 }},
		{"NaN margin", func(c *Config) { c.GasMargin = math.NaN() }},
		{"no poll interval", func(c *Config) { c.PollInterval = 0 }},
		{"no candidates", func(c *Config) { c.MaxCandidates = 0 }},
	}
	for _, tt := range tests {
		c := DefaultConfig(avs)
		tt.edit(&c)
		if err := c.Check(); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: %v, want ErrConfig", tt.name, err)
		}
		if _, err := New(c, nil, nil, nil, nil, nil); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: New: %v, want ErrConfig", tt.name, err)
		}
	}
	if _, err := New(DefaultConfig(avs), nil, nil, nil, nil, nil); !errors.Is(err, ErrConfig) {
		t.Errorf("New without chain and store: %v", err)
	}
}

// TestAlertEvents: the challenger's alerts come from the alerts package's
// constructors: severity, recipients, a stable id per fact, the challenge.
func TestAlertEvents(t *testing.T) {
	avs := common.HexToAddress("0xa75")
	batch, tx := common.HexToHash("0xb1"), common.HexToHash("0x71")
	alice := common.HexToAddress("0xa11ce")
	c := &Challenger{cfg: Config{AVS: avs}, chainID: big.NewInt(1337), now: func() time.Time { return time.Unix(1_700_000_000, 0) }}
	rec := &index.Challenge{Round: 4, BatchTx: batch, Kind: index.KindBadAllocation, Index: 9, State: index.ChallengeConfirmed, TxHash: &tx,
		GasUsed: 150_000, Bounty: "12", DeadlineBlock: 40, Block: 31, Recipients: []common.Address{alice}}
	tests := []struct {
		typ      alerts.Type
		state    index.ChallengeState
		severity alerts.Severity
		want     []string
	}{
		{alerts.ChallengeConfirmed, index.ChallengeConfirmed, alerts.SeverityInfo, []string{`"challenge":{"state":"confirmed","txHash":"` + tx.Hex() + `","gasUsed":150000,"bounty":"12"}`}},
		{alerts.ChallengeSent, index.ChallengeSent, alerts.SeverityInfo, nil},
		{alerts.ChallengeFailed, index.ChallengeExpired, alerts.SeverityCritical, nil},
		{alerts.DeadlineAtRisk, index.ChallengeSent, alerts.SeverityCritical, []string{`"blocksLeft":9`}},
	}
	ids := map[string]bool{}
	for _, tc := range tests {
		r := *rec
		r.State = tc.state
		body, err := c.event(tc.typ, &r, 31, stateMessage(&r))
		if err != nil {
			t.Fatal(err)
		}
		again, _ := c.event(tc.typ, &r, 31, stateMessage(&r))
		ev, err := alerts.ParseEvent(body)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Type != tc.typ || ev.Severity != tc.severity || len(ev.Recipients) != 1 || ev.Recipients[0] != alice ||
			*ev.Round != 4 || ev.Kind != index.KindBadAllocation || *ev.Index != 9 || ev.DeadlineBlock != 40 || ev.ChainID != 1337 || ev.Message == "" {
			t.Errorf("%s: %+v", tc.typ, ev)
		}
		if ids[ev.ID] || string(again) != string(body) {
			t.Errorf("%s: id %s not one per fact", tc.typ, ev.ID)
		}
		ids[ev.ID] = true
		for _, w := range tc.want {
			if !strings.Contains(string(body), w) {
				t.Errorf("%s: body lacks %s: %s", tc.typ, w, body)
			}
		}
	}
}
