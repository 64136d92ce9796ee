package e2e

// Helpers to run `denomwatch run` and read what it serves: its API, its
// metrics and the webhooks it delivers.

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/alerts"
	"github.com/denomwatch/denomwatch/devnet"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/testutil"
)

// watcherProc is a `denomwatch run` process and its API's port.
type watcherProc struct {
	proc    *proc
	apiPort int
}

// runArgs are `denomwatch run`'s arguments for the devnet's AVS on rpc,
// fetching objects from daSources, its index in data; extra ones follow.
func runArgs(desc *devnet.Description, rpc, daSources, data string, extra ...string) []string {
	return append([]string{"run", "--rpc", rpc, "--contract", desc.AVS.Hex(), "--start-block", fmt.Sprint(desc.StartBlock),
		"--da-sources", daSources, "--data-dir", data, "--confirmations", "0", "--poll-interval", "200ms"}, extra...)
}

// startWatcher starts `denomwatch run` with args and its API on a free port.
func startWatcher(t *testing.T, bin, name string, args ...string) *watcherProc {
	t.Helper()
	w := &watcherProc{apiPort: testutil.FreePort(t)}
	w.proc = start(t, name, nil, bin, append(args, "--api-addr", fmt.Sprintf("127.0.0.1:%d", w.apiPort))...)
	return w
}

// rounds reads rounds 1..n from the watcher's API (none while it does not
// answer).
func (w *watcherProc) rounds(t *testing.T, n int) map[uint64]index.Round {
	t.Helper()
	out := map[uint64]index.Round{}
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/v1/rounds?from=1&to=%d", w.apiPort, n))
	if err != nil {
		return out
	}
	defer resp.Body.Close()
	var body struct{ Rounds []index.Round }
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&body) != nil {
		return out
	}
	for _, r := range body.Rounds {
		out[r.Round] = r
	}
	return out
}

// objectProbe says how the watcher's /v1/objects answers for a round's
// manifest (a mirror's failure is explained by it).
func (w *watcherProc) objectProbe(r devnet.DescribedRound) string {
	url := fmt.Sprintf("http://127.0.0.1:%d/v1/objects/manifest/%s", w.apiPort, r.CommitmentRoot.Hex())
	resp, err := http.Get(url)
	if err != nil {
		return fmt.Sprintf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	return fmt.Sprintf("the first watcher answers GET %s (round %d's manifest) with %s", url, r.Round, resp.Status)
}

// newReceiver serves a webhook receiver on a local port and writes the
// webhooks file (in dir) that sends every alert to it, with settings (YAML
// lines: retries, say) before the webhook list.
func newReceiver(t *testing.T, dir, settings string) (*receiver, string) {
	t.Helper()
	rc := &receiver{secret: "e2e-webhook-secret-0123456789abcdef", ids: map[string]alerts.Event{}, bodies: map[string]string{}, times: map[string]int{}, reused: map[alerts.Type]int{}}
	srv := httptest.NewServer(rc)
	t.Cleanup(srv.Close)
	file := filepath.Join(dir, "webhooks.yaml")
	yaml := fmt.Sprintf("%swebhooks:\n  - name: test\n    url: %s/hook\n    secret: %s\n", settings, srv.URL, rc.secret)
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return rc, file
}

// count is the number of deliveries of alerts of type typ.
func (rc *receiver) count(typ alerts.Type) int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	n := 0
	for id, ev := range rc.ids {
		if ev.Type == typ {
			n += rc.times[id]
		}
	}
	return n
}

// receiver is a webhook receiver that verifies every delivery and records
// the ids it saw.
type receiver struct {
	secret string
	mu     sync.Mutex
	ids    map[string]alerts.Event
	bodies map[string]string
	times  map[string]int // deliveries per id (at least once: a kill may repeat one)
	bad    []string
	// reused counts, by type, the ids delivered again with another body
	// (bad holds the first of each type).
	reused map[alerts.Type]int
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if err := alerts.Verify(rc.secret, r.Header, body, time.Now(), 5*time.Minute); err != nil {
		rc.bad = append(rc.bad, err.Error())
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	ev, err := alerts.ParseEvent(body)
	if err != nil {
		rc.bad = append(rc.bad, err.Error())
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	if prev, dup := rc.bodies[ev.ID]; dup && prev != string(body) {
		if rc.reused[ev.Type] == 0 { // the first of each type is enough to read
			rc.bad = append(rc.bad, fmt.Sprintf("id %s delivered twice with different bodies:\n  %s\n  %s", ev.ID, prev, body))
		}
		rc.reused[ev.Type]++
	}
	rc.ids[ev.ID], rc.bodies[ev.ID] = ev, string(body)
	rc.times[ev.ID]++
	w.WriteHeader(http.StatusNoContent)
}

// metric reads a metric's value (the full name with its labels, if any)
// from the watcher's /metrics; "" when it is not served.
func metric(port int, name string) string {
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/metrics", port))
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == name {
			return f[1]
		}
	}
	return ""
}

// readiness is /readyz's answer (status, body).
func readiness(port int) (int, map[string]any) {
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/readyz", port))
	if err != nil {
		return 0, nil
	}
	defer resp.Body.Close()
	var m map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		return resp.StatusCode, nil
	}
	return resp.StatusCode, m
}
