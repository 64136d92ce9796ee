package health

import (
	"context"
	"encoding/json"
	"log/slog"
	"math/big"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// node is a JSON-RPC node over HTTP answering what the prober asks: its
// head, the head's header, and eth_syncing.
type node struct {
	mu      sync.Mutex
	head    uint64
	syncing map[string]hexutil.Uint64 // nil: not syncing
}

type ethService struct{ n *node }

func (s ethService) BlockNumber() hexutil.Uint64 {
	s.n.mu.Lock()
	defer s.n.mu.Unlock()
	return hexutil.Uint64(s.n.head)
}

func (s ethService) GetBlockByNumber(number string, _ bool) (map[string]any, error) {
	n, err := hexutil.DecodeUint64(number)
	if err != nil {
		return nil, err
	}
	h := &types.Header{Number: new(big.Int).SetUint64(n), Time: 1_800_000_000 + n, Difficulty: big.NewInt(0)}
	b, err := h.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	return m, nil
}

func (s ethService) Syncing() any {
	s.n.mu.Lock()
	defer s.n.mu.Unlock()
	if s.n.syncing == nil {
		return false
	}
	return s.n.syncing
}

// TestProber: the prober records the head, its timestamp and the node's
// sync progress from a real JSON-RPC server, through ethclient.
func TestProber(t *testing.T) {
	n := &node{head: 7}
	srv := rpc.NewServer()
	if err := srv.RegisterName("eth", ethService{n}); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	c, err := ethclient.Dial(hs.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	tr := NewTracker(time.Hour, nil)
	p := &Prober{Chain: c, Tracker: tr, Interval: time.Second}
	p.Probe(context.Background(), 5*time.Second, nilLog())
	if s := tr.Signals(); s.Head != 7 || s.HeadTime != 1_800_000_007 || s.Syncing != nil || s.LastOK.IsZero() {
		t.Fatalf("signals %+v", s)
	}
	n.mu.Lock()
	n.head, n.syncing = 8, map[string]hexutil.Uint64{"startingBlock": 0, "currentBlock": 8, "highestBlock": 900}
	n.mu.Unlock()
	p.Probe(context.Background(), 5*time.Second, nilLog())
	s := tr.Signals()
	if s.Head != 8 || s.HeadTime != 1_800_000_008 || s.Syncing == nil || s.Syncing.Current != 8 || s.Syncing.Highest != 900 {
		t.Fatalf("syncing: %+v %+v", s, s.Syncing)
	}
	if v := tr.Check(); v.Kind != KindSyncing {
		t.Fatalf("verdict %+v", v)
	}
	hs.Close() // the node goes away: no success recorded
	before := tr.Signals().LastOK
	p.Probe(context.Background(), time.Second, nilLog())
	if !tr.Signals().LastOK.Equal(before) {
		t.Fatal("a failed probe counted as a success")
	}
}

func nilLog() *slog.Logger { return slog.New(slog.DiscardHandler) }
