package faultproxy

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// LieKind names a lie: an answer that arrives whole and well-formed, but
// false.
type LieKind string

// The lie kinds.
const (
	// OmitLog leaves the logs matching Topic (and Topic1, Address when
	// set) out of eth_getLogs answers (and out of receipts too with
	// InReceipts).
	OmitLog LieKind = "omit-log"
	// DoctorLog changes the last byte of the data of the matching logs in
	// eth_getLogs answers.
	DoctorLog LieKind = "doctor-log"
	// DoctorReceipt changes the last byte of the data of the matching logs
	// in receipts (eth_getBlockReceipts, eth_getTransactionReceipt).
	DoctorReceipt LieKind = "doctor-receipt"
	// FrozenHead answers eth_blockNumber with the head it first saw after
	// the lie was set (or At, once the head reaches it), for ever.
	FrozenHead LieKind = "frozen-head"
	// AbsurdHead answers eth_blockNumber with the head plus Offset
	// (default 1<<30).
	AbsurdHead LieKind = "absurd-head"
)

// Lie is one lie and the logs it touches.
type Lie struct {
	Kind LieKind
	// Topic is the matching logs' first topic (their event); Topic1, when
	// not nil, their second (a round); Address, when not zero, their
	// emitter. A zero Topic matches every log.
	Topic   common.Hash
	Topic1  *common.Hash
	Address common.Address
	// InReceipts makes OmitLog leave the logs out of receipts too.
	InReceipts bool
	// Offset is AbsurdHead's lead (0: 1<<30).
	Offset uint64
	// At, when not 0, is the block FrozenHead freezes at; FakeChain's
	// first fake block.
	At uint64
}

func (l Lie) check() error {
	switch l.Kind {
	case OmitLog, DoctorLog, DoctorReceipt, FrozenHead, AbsurdHead, FakeChain:
		return nil
	}
	return fmt.Errorf("%w: unknown lie %q", ErrInvalidFault, l.Kind)
}

// lieState is a lie and what it remembers.
type lieState struct {
	Lie
	frozen *uint64
	fake   *fakeState
}

// SetLies replaces the lies told (faults apply first: a request that
// meets a fault is not lied about). It changes nothing and returns an error
// wrapping ErrInvalidFault when a lie is malformed.
func (p *Proxy) SetLies(lies ...Lie) error {
	states := make([]*lieState, 0, len(lies))
	for i, l := range lies {
		if err := l.check(); err != nil {
			return fmt.Errorf("lie %d: %w", i, err)
		}
		states = append(states, &lieState{Lie: l})
	}
	p.mu.Lock()
	p.lies = states
	p.mu.Unlock()
	return nil
}

// lying reports whether a lie is set.
func (p *Proxy) lying() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.lies) > 0
}

// answer is one JSON-RPC answer.
type answer struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   json.RawMessage `json:"error,omitempty"`
}

// forwardLying forwards the request and rewrites the answers the lies touch.
func (p *Proxy) forwardLying(w http.ResponseWriter, r *http.Request, body []byte, calls []call, batch bool) {
	r.Header.Del("Accept-Encoding") // a plain answer to rewrite
	fake := p.fakeChain()
	if fake != nil {
		body = p.unfake(fake, body)
	}
	resp, err := p.roundTrip(r, body)
	if err != nil {
		http.Error(w, "upstream: "+err.Error(), http.StatusBadGateway)
		return
	}
	out, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		hijackClose(w, false)
		return
	}
	if resp.StatusCode == http.StatusOK {
		out = p.rewrite(out, calls, batch)
		if fake != nil {
			out = p.fakeAnswer(r.Context(), fake, out)
		}
	}
	copyHeader(w.Header(), resp.Header)
	w.Header().Del("Content-Encoding")
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(out)
}

// rewrite applies the lies to a body of answers to calls.
func (p *Proxy) rewrite(out []byte, calls []call, batch bool) []byte {
	var answers []answer
	if batch {
		if json.Unmarshal(out, &answers) != nil {
			return out
		}
	} else {
		var a answer
		if json.Unmarshal(out, &a) != nil {
			return out
		}
		answers = []answer{a}
	}
	method := map[string]string{}
	for _, c := range calls {
		method[string(c.ID)] = c.Method
	}
	p.mu.Lock()
	for i := range answers {
		if m := method[string(answers[i].ID)]; len(answers[i].Result) > 0 && m != "" {
			answers[i].Result = p.lieAbout(m, answers[i].Result)
		}
	}
	p.mu.Unlock()
	var b []byte
	if batch {
		b, _ = json.Marshal(answers)
	} else {
		b, _ = json.Marshal(answers[0])
	}
	return b
}

// lieAbout applies every lie to one result of method; p.mu is held.
func (p *Proxy) lieAbout(method string, result json.RawMessage) json.RawMessage {
	for _, l := range p.lies {
		switch {
		case method == "eth_blockNumber" && (l.Kind == FrozenHead || l.Kind == AbsurdHead):
			result = l.head(result)
		case method == "eth_getLogs" && (l.Kind == OmitLog || l.Kind == DoctorLog):
			result = l.logs(result)
		case (method == "eth_getBlockReceipts" || method == "eth_getTransactionReceipt") && (l.Kind == DoctorReceipt || (l.Kind == OmitLog && l.InReceipts)):
			result = l.receipts(result, method == "eth_getBlockReceipts")
		default:
			continue
		}
		p.stats.Faults[Kind(l.Kind)]++
	}
	return result
}

// head lies about the head.
func (l *lieState) head(result json.RawMessage) json.RawMessage {
	var h hexutil.Uint64
	if json.Unmarshal(result, &h) != nil {
		return result
	}
	n := uint64(h)
	if l.Kind == FrozenHead {
		if l.At > 0 && n > l.At {
			n = l.At
		}
		if l.frozen == nil && (l.At == 0 || n == l.At) {
			l.frozen = &n
		}
		if l.frozen == nil {
			return result
		}
		n = *l.frozen
	} else {
		off := l.Offset
		if off == 0 {
			off = 1 << 30
		}
		n += off
	}
	b, _ := json.Marshal(hexutil.Uint64(n))
	return b
}

// matches reports whether a log (as JSON) is one the lie touches.
func (l *lieState) matches(lg map[string]any) bool {
	ts, _ := lg["topics"].([]any)
	if l.Topic != (common.Hash{}) && (len(ts) == 0 || !strings.EqualFold(fmt.Sprint(ts[0]), l.Topic.Hex())) {
		return false
	}
	if l.Topic1 != nil && (len(ts) < 2 || !strings.EqualFold(fmt.Sprint(ts[1]), l.Topic1.Hex())) {
		return false
	}
	addr, _ := lg["address"].(string)
	return l.Address == (common.Address{}) || strings.EqualFold(addr, l.Address.Hex())
}

// filter omits or doctors the matching logs of a list.
func (l *lieState) filter(logs []any) []any {
	out := logs[:0]
	for _, x := range logs {
		lg, ok := x.(map[string]any)
		if !ok || !l.matches(lg) {
			out = append(out, x)
			continue
		}
		if l.Kind == OmitLog {
			continue
		}
		lg["data"] = doctor(fmt.Sprint(lg["data"]))
		out = append(out, lg)
	}
	return out
}

func (l *lieState) logs(result json.RawMessage) json.RawMessage {
	var logs []any
	if json.Unmarshal(result, &logs) != nil {
		return result
	}
	b, _ := json.Marshal(l.filter(logs))
	return b
}

func (l *lieState) receipts(result json.RawMessage, many bool) json.RawMessage {
	var rs []map[string]any
	if many {
		if json.Unmarshal(result, &rs) != nil {
			return result
		}
	} else {
		var r map[string]any
		if json.Unmarshal(result, &r) != nil || r == nil {
			return result
		}
		rs = []map[string]any{r}
	}
	for _, r := range rs {
		if logs, ok := r["logs"].([]any); ok {
			r["logs"] = l.filter(logs)
		}
	}
	var b []byte
	if many {
		b, _ = json.Marshal(rs)
	} else {
		b, _ = json.Marshal(rs[0])
	}
	return b
}

// doctor changes the last byte of hex data (or appends one to empty data).
func doctor(data string) string {
	b, err := hexutil.Decode(data)
	if err != nil || len(b) == 0 {
		return "0x01"
	}
	b[len(b)-1] ^= 0xff
	return hexutil.Encode(b)
}
