package watcher

import (
	"context"
	"errors"
	"testing"
)

// codeError is a JSON-RPC error with a code, as a node answers it.
type codeError int

func (e codeError) Error() string  { return "rpc error" }
func (e codeError) ErrorCode() int { return int(e) }

// answers is a raw caller giving its answers in turn.
type answers []error

func (a *answers) CallContext(context.Context, any, string, ...any) error {
	err := (*a)[0]
	*a = (*a)[1:]
	return err
}

// TestOptionalRPC: an optional method is given up on "method not found"
// (geth, anvil over HTTP) and on "invalid params" before it ever answered
// (anvil over WebSocket, for a method it does not know); once it answered,
// its errors are the caller's, and other errors never give it up.
func TestOptionalRPC(t *testing.T) {
	transport := errors.New("connection reset")
	cases := []struct {
		name    string
		answers answers
		served  []bool // what each call reports
		missing bool   // after the calls
	}{
		{"method not found", answers{codeError(rpcMethodNotFound)}, []bool{false}, true},
		{"invalid params before any answer", answers{codeError(rpcInvalidParams)}, []bool{false}, true},
		{"invalid params after an answer", answers{nil, codeError(rpcInvalidParams)}, []bool{true, true}, false},
		{"method not found after an answer", answers{nil, codeError(rpcMethodNotFound)}, []bool{true, false}, true},
		{"another node error", answers{codeError(-32000), nil}, []bool{true, true}, false},
		{"a transport error", answers{transport, nil}, []bool{true, true}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := c.answers
			m := optionalRPC{caller: &a}
			for i, want := range c.served {
				served, err := m.call(t.Context(), nil, "eth_getHeaderByNumber", "0x1")
				if served != want {
					t.Fatalf("call %d: served %v, want %v", i, served, want)
				}
				if !served && err != nil {
					t.Fatalf("call %d: not served, yet error %v", i, err)
				}
			}
			if m.missing.Load() != c.missing {
				t.Fatalf("missing %v, want %v", m.missing.Load(), c.missing)
			}
			if c.missing {
				if served, _ := m.call(t.Context(), nil, "eth_getHeaderByNumber", "0x1"); served {
					t.Fatal("a missing method was called again")
				}
			}
		})
	}
}
