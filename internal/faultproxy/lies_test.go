package faultproxy

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// logNode answers eth_blockNumber 0x64, eth_getLogs two logs (topics A and
// B) and eth_getBlockReceipts one receipt holding them.
func logNode(t *testing.T) string {
	t.Helper()
	logs := `[{"address":"0x00000000000000000000000000000000000000aa","topics":["` + topicA.Hex() + `"],"data":"0x0102"},` +
		`{"address":"0x00000000000000000000000000000000000000aa","topics":["` + topicB.Hex() + `"],"data":"0x0304"}]`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		calls, _, _ := parse(body)
		result := map[string]string{"eth_blockNumber": `"0x64"`, "eth_getLogs": logs, "eth_getBlockReceipts": `[{"status":"0x1","logs":` + logs + `}]`}[calls[0].Method]
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"jsonrpc":"2.0","id":`+string(calls[0].ID)+`,"result":`+result+`}`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

var (
	topicA = common.HexToHash("0xa")
	topicB = common.HexToHash("0xb")
)

// TestLies: each lie rewrites the answers it touches, and only those.
func TestLies(t *testing.T) {
	node := logNode(t)
	call := func(method string) string {
		return `{"jsonrpc":"2.0","id":1,"method":"` + method + `","params":[]}`
	}
	tests := []struct {
		name   string
		lie    Lie
		method string
		want   string // in the answer's result
		not    string // not in it
	}{
		{"omit a log", Lie{Kind: OmitLog, Topic: topicA}, "eth_getLogs", `"0x0304"`, `"0x0102"`},
		{"omit leaves receipts", Lie{Kind: OmitLog, Topic: topicA}, "eth_getBlockReceipts", `"0x0102"`, ""},
		{"omit from receipts too", Lie{Kind: OmitLog, Topic: topicA, InReceipts: true}, "eth_getBlockReceipts", `"0x0304"`, `"0x0102"`},
		{"omit by another address matches nothing", Lie{Kind: OmitLog, Address: common.HexToAddress("0xbb")}, "eth_getLogs", `"0x0102"`, ""},
		{"doctor a log", Lie{Kind: DoctorLog, Topic: topicB}, "eth_getLogs", `"0x03fb"`, `"0x0304"`},
		{"doctor a receipt", Lie{Kind: DoctorReceipt, Topic: topicB}, "eth_getBlockReceipts", `"0x03fb"`, `"0x0304"`},
		{"doctor a receipt leaves logs", Lie{Kind: DoctorReceipt, Topic: topicB}, "eth_getLogs", `"0x0304"`, ""},
		{"absurd head", Lie{Kind: AbsurdHead, Offset: 1}, "eth_blockNumber", `"0x65"`, ""},
		{"frozen head at a block", Lie{Kind: FrozenHead, At: 0x10}, "eth_blockNumber", `"0x10"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New(node)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if err := p.SetLies(tt.lie); err != nil {
				t.Fatal(err)
			}
			_, _, body, err := post(t, p.URL(), call(tt.method))
			if err != nil {
				t.Fatal(err)
			}
			var a struct{ Result json.RawMessage }
			if err := json.Unmarshal(body, &a); err != nil {
				t.Fatalf("%s: %v", body, err)
			}
			if r := string(a.Result); !strings.Contains(r, tt.want) || (tt.not != "" && strings.Contains(r, tt.not)) {
				t.Fatalf("result %s", r)
			}
		})
	}
	p, _ := newProxy(t)
	if err := p.SetLies(Lie{Kind: "flatter"}); !errors.Is(err, ErrInvalidFault) {
		t.Fatalf("an unknown lie: %v", err)
	}
}
