package faultproxy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
)

// FakeChain serves, from block At on, a chain of its own: each header's
// extraData gets one more byte, so every hash from At on differs, and the
// fake headers chain by parent hash; logs and receipts carry the fake
// block hashes, and a request naming a fake hash is answered as for the
// real one. Every block verifies against its (fake) header: only another
// endpoint's hashes tell the lie.
const FakeChain LieKind = "fake-chain"

// fakeState maps a fake chain's hashes; guarded by its own mutex (the
// upstream reads that extend it are made without Proxy.mu).
type fakeState struct {
	from     uint64
	next     uint64 // the next block to fake
	realFake map[common.Hash]common.Hash
	fakeReal map[common.Hash]common.Hash
}

// fakeChain returns the fake chain's state, nil without the lie.
func (p *Proxy) fakeChain() *fakeState {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, l := range p.lies {
		if l.Kind == FakeChain {
			if l.fake == nil {
				l.fake = &fakeState{from: l.At, next: l.At, realFake: map[common.Hash]common.Hash{}, fakeReal: map[common.Hash]common.Hash{}}
			}
			return l.fake
		}
	}
	return nil
}

// extend fakes the blocks up to the target's head.
func (p *Proxy) extend(ctx context.Context, f *fakeState) error {
	p.fakeMu.Lock()
	defer p.fakeMu.Unlock()
	head, err := p.blockNumber(ctx)
	if err != nil {
		return err
	}
	for ; f.next <= head; f.next++ {
		var h *types.Header
		if err := p.upstream(ctx, &h, "eth_getBlockByNumber", hexutil.EncodeUint64(f.next), false); err != nil || h == nil {
			return fmt.Errorf("header %d: %v", f.next, err)
		}
		real := h.Hash()
		h.Extra = append(append([]byte(nil), h.Extra...), 1)
		if fp, ok := f.realFake[h.ParentHash]; ok {
			h.ParentHash = fp
		}
		fake := h.Hash()
		f.realFake[real], f.fakeReal[fake] = fake, real
	}
	return nil
}

// swap replaces the hashes of m found in b (hex, any case).
func swap(b []byte, m map[common.Hash]common.Hash) []byte {
	for from, to := range m {
		f := []byte(strings.ToLower(from.Hex()))
		if bytes.Contains(b, f) {
			b = bytes.ReplaceAll(b, f, []byte(to.Hex()))
		}
	}
	return b
}

// unfake rewrites a request naming fake hashes to name the real ones.
func (p *Proxy) unfake(f *fakeState, body []byte) []byte {
	p.fakeMu.Lock()
	defer p.fakeMu.Unlock()
	return swap(body, f.fakeReal)
}

// fakeAnswer rewrites an answer: headers from At on get their extra byte,
// then every real hash of a faked block becomes the fake one.
func (p *Proxy) fakeAnswer(ctx context.Context, f *fakeState, out []byte) []byte {
	if err := p.extend(ctx, f); err != nil {
		return out
	}
	out = extraByte(out, f.from)
	p.fakeMu.Lock()
	defer p.fakeMu.Unlock()
	return swap(out, f.realFake)
}

// extraByte appends a byte to the extraData of the headers numbered from
// on in a body of answers (one or a batch).
func extraByte(out []byte, from uint64) []byte {
	var many []map[string]any
	single := false
	if json.Unmarshal(out, &many) != nil {
		var one map[string]any
		if json.Unmarshal(out, &one) != nil {
			return out
		}
		many, single = []map[string]any{one}, true
	}
	for _, a := range many {
		hdr, ok := a["result"].(map[string]any)
		if !ok {
			continue
		}
		extra, ok1 := hdr["extraData"].(string)
		num, ok2 := hdr["number"].(string)
		n, err := hexutil.DecodeUint64(num)
		if !ok1 || !ok2 || err != nil || n < from {
			continue
		}
		hdr["extraData"] = extra + "01"
	}
	var b []byte
	if single {
		b, _ = json.Marshal(many[0])
	} else {
		b, _ = json.Marshal(many)
	}
	return b
}

// upstream makes one call to the target.
func (p *Proxy) upstream(ctx context.Context, result any, method string, args ...any) error {
	body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": method, "params": args})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.target, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out struct {
		Result json.RawMessage `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return err
	}
	return json.Unmarshal(out.Result, result)
}
