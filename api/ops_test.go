package api_test

import (
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/health"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/recompute"
)

// fakeHealth is a NodeHealth with a settable verdict.
type fakeHealth struct {
	mu sync.Mutex
	v  health.Verdict
}

func (f *fakeHealth) Check() health.Verdict { f.mu.Lock(); defer f.mu.Unlock(); return f.v }
func (f *fakeHealth) set(v health.Verdict)  { f.mu.Lock(); defer f.mu.Unlock(); f.v = v }

// TestReadyzNodeStalled: a watcher at the head of a stalled node is not
// ready (a frozen node keeps reporting the same head, so the lag is 0).
func TestReadyzNodeStalled(t *testing.T) {
	h := &fakeHealth{}
	s, err := api.New(testConfig(), api.Deps{Store: newFakeStore(), Status: newFakeStatus(100, 100), Health: h})
	if err != nil {
		t.Fatal(err)
	}
	var rd api.Readiness
	r := do(t, s.Handler(), "GET", "/readyz")
	r.decode(t, &rd)
	if r.code != 200 || !rd.Ready || rd.NodeStalled {
		t.Fatalf("healthy node: %d %+v", r.code, rd)
	}
	h.set(health.Verdict{Stalled: true, Kind: health.KindNoNewHead, Reason: "no new head for 2m0s", HeadAge: 2 * time.Minute})
	r = do(t, s.Handler(), "GET", "/readyz")
	rd = api.Readiness{}
	r.decode(t, &rd)
	if r.code != 503 || rd.Ready || !rd.NodeStalled || rd.Lag != 0 || rd.HeadAgeSeconds != 120 || !strings.Contains(rd.Reason, "stalled: no new head") {
		t.Fatalf("stalled node: %d %+v", r.code, rd)
	}
}

// TestRoundData: a round's commitment data, as hex (what `denomwatch
// recompute --data` reads) or raw; 404 for a round or data never stored, 410
// for data pruned, 400 for a bad format.
func TestRoundData(t *testing.T) {
	store := newFakeStore()
	v1data := []byte("a v1 round's commitment data")
	store.rounds[3] = index.Round{Round: 3, Verdict: index.VerdictValid}
	store.commitments[3] = v1data
	pruned := index.Round{Round: 4, Verdict: index.VerdictValid, DataPruned: true}
	store.rounds[4] = pruned
	store.rounds[5] = index.Round{Round: 5, Verdict: index.VerdictUnavailable}
	s, _ := newTestServer(t, testConfig(), store, newFakeStatus(0, 0))
	r := do(t, s.Handler(), "GET", "/v1/rounds/3/data")
	if r.code != 200 || string(r.body) != "0x"+hex.EncodeToString(v1data)+"\n" || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") {
		t.Fatalf("hex: %d %q", r.code, r.header.Get("Content-Type"))
	}
	if got := api.ExportData(v1data); got != string(r.body) {
		t.Fatal("ExportData differs from the endpoint")
	}
	r = do(t, s.Handler(), "GET", "/v1/rounds/3/data?format=raw")
	if r.code != 200 || string(r.body) != string(v1data) || r.header.Get("Content-Type") != "application/octet-stream" {
		t.Fatalf("raw: %d %q", r.code, r.header.Get("Content-Type"))
	}
	checkV2RoundData(t, store)
	for _, tc := range []struct {
		path string
		code int
		want string
	}{
		{"/v1/rounds/9/data", 404, "not known"},
		{"/v1/rounds/4/data", 410, "pruned"},
		{"/v1/rounds/5/data", 404, "never available"},
		{"/v1/rounds/3/data?format=xml", 400, "hex or raw"},
		{"/v1/rounds/x/data", 400, "round"},
	} {
		r := do(t, s.Handler(), "GET", tc.path)
		if r.code != tc.code || !strings.Contains(string(r.body), tc.want) {
			t.Errorf("%s: %d %s", tc.path, r.code, r.body)
		}
	}
}

// checkV2RoundData: a v2 round's /data is the whole-round file its objects
// determine (the recompute CLI's --data), malformed or not; a row not kept
// is a 404 and a manifest no file gives a 409, each pointing to its manifest
// object, which /v1/objects serves.
func checkV2RoundData(t *testing.T, store *fakeStore) {
	t.Helper()
	good, mal, missing := newTestRound(t, 6, nil), malformedRound(t, 7), newTestRound(t, 8, nil)
	rd := genRound(t, 10)
	rd.Manifest.Headers[1].EntryOffset.AddUint64(&rd.Manifest.Headers[1].EntryOffset, 1) // not the prefix sum: rule entry-offset
	offsets := newTestRoundOf(t, rd, nil)
	for _, tr := range []*testRound{good, mal, missing, offsets} {
		store.put(tr)
	}
	store.drop(recompute.KindRow, missing.rd.Manifest.Headers[2].EntriesRoot)
	s, _ := newTestServer(t, testConfig(), store, newFakeStatus(0, 0))
	for _, tc := range []struct {
		tr   *testRound
		rule recompute.Rule
	}{{good, ""}, {mal, recompute.RuleMRRange}} {
		r := do(t, s.Handler(), "GET", fmt.Sprintf("/v1/rounds/%d/data?format=raw", tc.tr.n))
		res, v := recompute.EvaluateRoundFile(r.body, uint256.NewInt(tc.tr.n), recompute.Options{Workers: 1})
		if r.code != 200 || res == nil || res.CommitmentRoot != tc.tr.record.CommitmentRoot || (v == nil) != (tc.rule == "") || (v != nil && v.Rule != tc.rule) {
			t.Fatalf("round %d: %d, %v", tc.tr.n, r.code, v)
		}
		if hx := do(t, s.Handler(), "GET", fmt.Sprintf("/v1/rounds/%d/data", tc.tr.n)); string(hx.body) != api.ExportData(r.body) {
			t.Fatalf("round %d: hex and raw differ", tc.tr.n)
		}
	}
	for _, tc := range []struct {
		tr   *testRound
		code int
	}{{missing, 404}, {offsets, 409}} {
		var moved api.DataMovedResponse
		r := do(t, s.Handler(), "GET", fmt.Sprintf("/v1/rounds/%d/data", tc.tr.n))
		r.decode(t, &moved)
		if r.code != tc.code || moved.Manifest != "/v1/objects/manifest/"+tc.tr.record.CommitmentRoot.Hex() || moved.Objects != "/v1/objects" || !strings.Contains(moved.Error, "/v1/objects") {
			t.Fatalf("round %d: %d %s", tc.tr.n, r.code, r.body)
		}
		if r := do(t, s.Handler(), "GET", moved.Manifest); r.code != 200 || string(r.body) != string(recompute.EncodeManifest(&tc.tr.rd.Manifest)) {
			t.Fatalf("%s: %d", moved.Manifest, r.code)
		}
	}
}

// TestAdminDeadLetters: the admin endpoints list and requeue the dead
// letters of a real index; they answer 404 unless enabled.
func TestAdminDeadLetters(t *testing.T) {
	store, err := index.Open(index.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	seqs, err := store.Enqueue([]byte(`{"id":"a1","type":"fraud_detected"}`), []byte(`{"id":"a2","type":"challenge_sent"}`), []byte(`{"id":"a3","type":"challenge_sent"}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, seq := range seqs {
		for _, wh := range []string{"ops", "alice"} {
			if err := store.DeadLetter(index.DeadLetter{Seq: seq, Webhook: wh, Attempts: 3, LastError: "503", At: time.Unix(1_800_000_000, 0)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	off, _ := newTestServer(t, testConfig(), store, newFakeStatus(0, 0))
	if r := do(t, off.Handler(), "GET", "/admin/deadletters"); r.code != 404 {
		t.Fatalf("admin off: %d", r.code)
	}
	s, err := api.New(testConfig(), api.Deps{Store: store, Status: newFakeStatus(0, 0), Admin: store})
	if err != nil {
		t.Fatal(err)
	}
	var page api.DeadLettersResponse
	r := do(t, s.Handler(), "GET", "/admin/deadletters?limit=2")
	r.decode(t, &page)
	if r.code != 200 || page.Total != 6 || len(page.DeadLetters) != 2 || page.Next != seqs[0]+1 || !strings.Contains(string(page.DeadLetters[0].Body), `"a1"`) {
		t.Fatalf("page: %d %+v", r.code, page)
	}
	var rq api.RequeueResponse
	r = doMethod(t, s.Handler(), "POST", "/admin/deadletters/"+itoa(seqs[1])+"/requeue?webhook=alice")
	r.decode(t, &rq)
	if r.code != 200 || len(rq.Requeued) != 1 || rq.Requeued[0].NewSeq <= seqs[2] {
		t.Fatalf("requeue: %d %+v", r.code, rq)
	}
	for _, tc := range []struct {
		method, path string
		code         int
	}{
		{"POST", "/admin/deadletters/" + itoa(seqs[1]) + "/requeue?webhook=alice", 404}, // done already
		{"POST", "/admin/deadletters/99/requeue", 404},
		{"POST", "/admin/deadletters/1/requeue?webhook=bad%20name", 400},
		{"GET", "/admin/deadletters/1/requeue", 405},
		{"GET", "/admin/deadletters?limit=0", 400},
		{"GET", "/admin/deadletters?limit=5000", 400},
	} {
		if r := doMethod(t, s.Handler(), tc.method, tc.path); r.code != tc.code {
			t.Errorf("%s %s: %d %s, want %d", tc.method, tc.path, r.code, r.body, tc.code)
		}
	}
	rq = api.RequeueResponse{}
	r = doMethod(t, s.Handler(), "POST", "/admin/deadletters/requeue")
	r.decode(t, &rq)
	if r.code != 200 || len(rq.Requeued) != 5 {
		t.Fatalf("requeue all: %d %+v", r.code, rq)
	}
	if n, _ := store.DeadLetterCount(); n != 0 {
		t.Fatalf("%d dead letters left", n)
	}
	if depth, _ := store.OutboxDepth(); depth != 3+6 {
		t.Fatalf("outbox depth %d", depth)
	}
}

func doMethod(t *testing.T, h http.Handler, method, target string) response {
	t.Helper()
	return do(t, h, method, target)
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }
