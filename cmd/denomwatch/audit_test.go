package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/devnettest"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/recompute"
	"github.com/denomwatch/denomwatch/watcher"
)

// auditFaults are the rounds of the audit devnet: 1 honest, 2 one amount
// wrong (provider 1, entry 2), 3 row 1 withheld under a wrong batch, 4
// malformed data signed by a colluding quorum.
const auditFaults = "2:amount@1.2,3:withheld-row@1,4:malformed:mr-range:signed"

// auditDevnet runs the audit devnet to its end, its chain served over HTTP.
func auditDevnet(t *testing.T) (*devnet.Devnet, string) {
	t.Helper()
	cfg := devnettest.Config(t)
	cfg.HTTPPort, cfg.Rounds, cfg.Faults = testutil.FreePort(t), 4, devnettest.Faults(t, auditFaults)
	return devnettest.RunToEnd(t, cfg, 3*time.Minute), fmt.Sprintf("http://127.0.0.1:%d", cfg.HTTPPort)
}

// roundObjects reads round n's manifest, rows and batches' allocations
// objects from the devnet's DA source (what is published).
func roundObjects(t *testing.T, d *devnet.Devnet, n uint64) (*recompute.Manifest, []recompute.Object) {
	t.Helper()
	dr := d.Description().Rounds[n-1]
	c, err := da.NewClient(da.Options{Sources: []string{d.DASource()}})
	if err != nil {
		t.Fatal(err)
	}
	m, data, _, err := c.Manifest(t.Context(), dr.CommitmentRoot)
	if err != nil {
		t.Fatal(err)
	}
	objs := []recompute.Object{{Kind: recompute.KindManifest, Key: dr.CommitmentRoot, Data: data}}
	for p, r := range c.Rows(t.Context(), m) {
		if r.Err != nil {
			continue
		}
		objs = append(objs, recompute.Object{Kind: recompute.KindRow, Key: m.Headers[p].EntriesRoot, Data: r.Data})
		for _, b := range dr.Batches {
			if _, data, _, err := c.Allocations(t.Context(), b.ProviderRoots[p], m.Headers[p].Provider, r.Row); err == nil {
				objs = append(objs, recompute.Object{Kind: recompute.KindAllocations, Key: b.ProviderRoots[p], Data: data})
			}
		}
	}
	return m, objs
}

// recipientAt is the recipient of entry j of provider p in round n.
func recipientAt(t *testing.T, d *devnet.Devnet, n uint64, p, j int) common.Address {
	t.Helper()
	m, objs := roundObjects(t, d, n)
	for _, o := range objs {
		if o.Kind == recompute.KindRow && o.Key == m.Headers[p].EntriesRoot {
			row, err := recompute.VerifyRow(&m.Headers[p], o.Data)
			if err != nil {
				t.Fatal(err)
			}
			return row.Entry(j).Recipient
		}
	}
	t.Fatalf("round %d: row %d not published", n, p)
	return common.Address{}
}

// indexDevnet is the index the v2 watcher builds of the devnet's history:
// the watcher itself follows the chain to its head, fetching the objects
// from the devnet's store over HTTP (and keeping them in the index).
func indexDevnet(t *testing.T, d *devnet.Devnet) *index.Store {
	t.Helper()
	store, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	client, err := da.NewClient(da.Options{Sources: []string{d.DASource()}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	desc := d.Description()
	w, err := watcher.New(t.Context(), watcher.Config{AVS: desc.AVS, StartBlock: desc.StartBlock, Log: slog.New(slog.DiscardHandler)},
		d.Client(), store, watcher.Objects{DA: client}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for caughtUp := false; !caughtUp; {
		if caughtUp, err = w.Step(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	return store
}

// serveIndex serves store through the API package's server.
func serveIndex(t *testing.T, store *index.Store) string { return serveIndexWith(t, store, "") }

// fixedStatus is a watcher at block 0 (the API's readiness is not tested here).
type fixedStatus struct{}

func (fixedStatus) Head() uint64      { return 0 }
func (fixedStatus) Processed() uint64 { return 0 }

// auditJSON is what the tests read of audit --json.
type auditJSON struct {
	Rounds []struct {
		Round       uint64
		Status      string
		Result      string
		Data        string
		Rule        string
		Error       string
		Allocations []map[string]any
	}
}

// TestAuditV2 audits the devnet's rounds from the chain and its DA source,
// and through a watcher's API over the same data: exit 0 when all is
// correct, 3 for a wrong amount or a batch over malformed data (never an
// amount owed), 4 for unavailable data, 1 for a round not committed.
func TestAuditV2(t *testing.T) {
	d, rpcURL := auditDevnet(t)
	desc := d.Description()
	at := desc.Rounds[1].FaultAt
	if at == nil || at.Provider != 1 || at.Entry != 2 {
		t.Fatalf("round 2's fault at %+v", at)
	}
	victim := recipientAt(t, d, 2, 1, 2)
	bystander := recipientAt(t, d, 2, 0, 0)
	if bystander == victim {
		bystander = recipientAt(t, d, 2, 0, 1)
	}
	chain := []string{"audit", "--rpc", rpcURL, "--contract", desc.AVS.Hex(), "--da-sources", d.DASource()}
	viaAPI := []string{"audit", "--api", serveIndex(t, indexDevnet(t, d))}
	tests := []struct {
		name      string
		recipient common.Address
		rounds    []string
		code      int
		results   []string
	}{
		{"honest round", bystander, []string{"--round", "1"}, 0, []string{resultOK}},
		{"the wrong amount", victim, []string{"--round", "2"}, exitWrong, []string{resultWrong}},
		{"a right amount beside it", bystander, []string{"--round", "2"}, 0, []string{resultOK}},
		{"a withheld row", bystander, []string{"--round", "3"}, exitUnavailable, []string{resultUnavailable}},
		{"malformed, signed", bystander, []string{"--round", "4"}, exitWrong, []string{resultMalformed}},
		{"wrong before unavailable", victim, []string{"--from", "1", "--to", "4"}, exitWrong, []string{resultOK, resultWrong, resultUnavailable, resultMalformed}},
		{"unavailable before ok", bystander, []string{"--from", "2", "--to", "3"}, exitUnavailable, []string{resultOK, resultUnavailable}},
		{"not committed", bystander, []string{"--round", "99"}, exitIO, []string{resultError}},
	}
	for _, src := range []struct {
		name string
		args []string
	}{{"chain", chain}, {"api", viaAPI}} {
		for _, tt := range tests {
			t.Run(src.name+"/"+tt.name, func(t *testing.T) {
				args := append(append(append([]string{}, src.args...), tt.rounds...), "--recipient", tt.recipient.Hex(), "--json")
				code, stdout, stderr := runCLI(t, nil, args...)
				var out auditJSON
				if err := json.Unmarshal([]byte(stdout), &out); err != nil || code != tt.code || len(out.Rounds) != len(tt.results) {
					t.Fatalf("exit %d (want %d), %v: %s\n%s", code, tt.code, err, stderr, stdout)
				}
				for i, r := range out.Rounds {
					if r.Result != tt.results[i] {
						t.Errorf("round %d: result %s, want %s (%s)", r.Round, r.Result, tt.results[i], stdout)
					}
					checkAuditRound(t, r.Round, r.Data, r.Rule, r.Allocations)
				}
			})
		}
	}
	code, stdout, _ := runCLI(t, nil, append(chain, "--from", "1", "--to", "4", "--recipient", victim.Hex())...)
	for _, want := range []string{"WRONG", "MALFORMED (rule mr-range): nothing is owed", "UNAVAILABLE"} {
		if code != exitWrong || !strings.Contains(stdout, want) {
			t.Errorf("the table lacks %q (exit %d):\n%s", want, code, stdout)
		}
	}
}

// checkAuditRound: a malformed round shows no correct amount, the others'
// claims verify.
func checkAuditRound(t *testing.T, n uint64, data, rule string, allocs []map[string]any) {
	t.Helper()
	for _, a := range allocs {
		switch data {
		case string(api.DataMalformed):
			if a["correctAmount"] != nil || rule != "mr-range" {
				t.Errorf("round %d (malformed, %s): correct amount %v", n, rule, a["correctAmount"])
			}
		case string(api.DataComplete):
			if a["amount"] != nil && a["verifies"] != true {
				t.Errorf("round %d: a claim that does not verify: %v", n, a)
			}
		}
	}
}

// TestAuditRoundWrap: the largest round number ends the loop (the counter
// would wrap to 0 and audit forever), each round once.
func TestAuditRoundWrap(t *testing.T) {
	store, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	base := []string{"audit", "--api", serveIndex(t, store), "--recipient", common.Address{1}.Hex(), "--json"}
	const top = "18446744073709551615"
	for _, tc := range []struct {
		args   []string
		rounds int
	}{
		{[]string{"--round", top}, 1},
		{[]string{"--from", "18446744073709551614", "--to", top}, 2},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		var out, errOut bytes.Buffer
		code := run(ctx, append(append([]string{"denomwatch"}, base...), tc.args...), nil, &out, &errOut)
		timedOut := ctx.Err() != nil
		cancel()
		var got auditJSON
		if err := json.Unmarshal(out.Bytes(), &got); err != nil || code != exitIO || len(got.Rounds) != tc.rounds ||
			strconv.FormatUint(got.Rounds[tc.rounds-1].Round, 10) != top || timedOut {
			t.Fatalf("%v: exit %d, %v, %s\n%s", tc.args, code, err, errOut.String(), out.String())
		}
	}
}

// TestAuditCancel: a cancelled context (Ctrl-C) stops an audit stuck on a
// node or an API that does not answer, promptly, and the node's URL, token
// and all, appears in no error but redacted.
func TestAuditCancel(t *testing.T) {
	stop := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body) // so that the server sees the client go
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}))
	defer hang.Close()
	defer close(stop)
	secret := hang.URL + "/SECRET-TOKEN?key=HUSH"
	for name, args := range map[string][]string{
		"rpc": {"--rpc", secret, "--contract", common.Address{2}.Hex(), "--da-sources", hang.URL},
		"api": {"--api", hang.URL},
	} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(300*time.Millisecond, cancel)
			var out, errOut bytes.Buffer
			start := time.Now()
			code := run(ctx, append([]string{"denomwatch", "audit", "--recipient", common.Address{1}.Hex(), "--from", "1", "--to", "5000"}, args...), nil, &out, &errOut)
			if took := time.Since(start); code != exitIO || took > 5*time.Second {
				t.Fatalf("exit %d after %v: %s", code, took, errOut.String())
			}
			if strings.Contains(errOut.String()+out.String(), "SECRET") || strings.Contains(errOut.String(), "HUSH") {
				t.Fatalf("the node's token leaked: %s", errOut.String())
			}
		})
	}
}

// TestAuditRedactsRPC: a node that refuses connections is named by its
// redacted URL.
func TestAuditRedactsRPC(t *testing.T) {
	port := testutil.FreePort(t)
	raw := fmt.Sprintf("http://user:pass@127.0.0.1:%d/v3/SECRET-TOKEN", port)
	code, stdout, stderr := runCLI(t, nil, "audit", "--rpc", raw, "--contract", common.Address{2}.Hex(), "--da-sources", t.TempDir(),
		"--recipient", common.Address{1}.Hex(), "--round", "1")
	if code != exitIO || !strings.Contains(stdout+stderr, fmt.Sprintf("http://127.0.0.1:%d", port)) {
		t.Fatalf("exit %d: %s\n%s", code, stderr, stdout)
	}
	for _, leak := range []string{"SECRET", "pass", "user"} {
		if strings.Contains(stdout+stderr, leak) {
			t.Fatalf("%q leaked: %s\n%s", leak, stderr, stdout)
		}
	}
}

// TestAuditUsage: the sources' flags are checked before anything is read.
func TestAuditUsage(t *testing.T) {
	r := common.Address{1}.Hex()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"audit", "--recipient", r}, "--rpc"},
		{[]string{"audit", "--rpc", "http://127.0.0.1:1", "--recipient", r}, "--contract"},
		{[]string{"audit", "--rpc", "http://127.0.0.1:1", "--contract", r, "--recipient", r}, "--da-sources"},
		{[]string{"audit", "--api", "http://127.0.0.1:1", "--recipient", "nope"}, "--recipient"},
		{[]string{"audit", "--api", "http://127.0.0.1:1", "--recipient", r, "--round", "1", "--from", "1"}, "not both"},
		{[]string{"audit", "--api", "http://127.0.0.1:1", "--recipient", r, "--from", "0", "--to", "1"}, "start at 1"},
		{[]string{"audit", "--api", "http://127.0.0.1:1", "--recipient", r, "--from", "1", "--to", "10001"}, "at most"},
	} {
		if code, _, stderr := runCLI(t, nil, tc.args...); code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %s", tc.args, code, stderr)
		}
	}
}
