package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/internal/benchwork"
	"github.com/denomwatch/denomwatch/internal/testutil"
	"github.com/denomwatch/denomwatch/recompute"
)

// TestDAServe: `denomwatch da serve` serves a store's objects on a free
// port, 404s an absent one, and stops cleanly when its context ends (the
// root context a signal cancels).
func TestDAServe(t *testing.T) {
	rd, err := recompute.DecodeRoundFile(recompute.EncodeRoundFile(benchwork.Round(2, 3)))
	if err != nil {
		t.Fatal(err)
	}
	store, err := da.NewStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	objects := rd.Objects()
	for _, o := range objects {
		if err := store.Put(o.Kind, o.Key, o.Data); err != nil {
			t.Fatal(err)
		}
	}
	addr := fmt.Sprintf("127.0.0.1:%d", testutil.FreePort(t))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var stderr testutil.Buffer
	go func() {
		done <- run(ctx, []string{"denomwatch", "da", "serve", "--dir", store.Dir(), "--addr", addr}, nil, io.Discard, &stderr)
	}()
	base := "http://" + addr + "/"
	body := waitGet(t, base+recompute.ObjectPath(objects[0].Kind, objects[0].Key), 200)
	if !bytes.Equal(body, objects[0].Data) {
		t.Fatal("served other bytes than the manifest")
	}
	waitGet(t, base+"row/0x"+strings.Repeat("0", 64), 404)
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("da serve did not stop on cancel")
	}
}

// waitGet GETs url until the server answers, and checks the status.
func waitGet(t *testing.T, url string, status int) []byte {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != status {
				t.Fatalf("GET %s: %d, want %d", url, resp.StatusCode, status)
			}
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s: %v", url, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestDAServeUsage: a missing or unusable --dir, a bad --addr: usage errors.
func TestDAServeUsage(t *testing.T) {
	tests := [][]string{
		{"da", "serve"},
		{"da", "serve", "--dir", t.TempDir() + "/absent"},
		{"da", "serve", "--dir", t.TempDir(), "--addr", "nope"},
		{"da", "serve", "--dir", t.TempDir(), "extra"},
	}
	for _, args := range tests {
		if code, _, stderr := runCLI(t, nil, args...); code != exitUsage {
			t.Errorf("%v: exit %d %s", args, code, stderr)
		}
	}
}
