package da_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/recompute"
)

// FuzzClientObjects serves arbitrary bytes as a manifest, a row or an
// allocations object, from a real HTTP server or a directory source, and
// checks that the client never panics, never returns an object that does not
// verify against its key, and otherwise says ErrInvalid.
func FuzzClientObjects(f *testing.F) {
	fx := newFixture(f, 2, 3)
	row := fx.round.Rows[0]
	hd := fx.round.Manifest.Headers[0]
	for sel := range uint8(6) {
		f.Add(sel, []byte{})
	}
	f.Add(uint8(0), fx.objects[0].Data)
	f.Add(uint8(1), fx.objects[1].Data)
	f.Add(uint8(2), fx.allocData)
	f.Add(uint8(3), fx.objects[0].Data)
	f.Add(uint8(4), append(bytes.Clone(fx.objects[1].Data), 0))
	f.Add(uint8(5), fx.allocData[32:])

	var body atomic.Pointer[[]byte]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(*body.Load())
	}))
	f.Cleanup(srv.Close)
	dir := f.TempDir()
	newC := func(src string) *da.Client {
		c, err := da.NewClient(da.Options{Sources: []string{src}, Timeout: 5 * time.Second})
		if err != nil {
			f.Fatal(err)
		}
		return c
	}
	viaHTTP, viaDir := newC(srv.URL), newC(dir)
	keys := []recompute.Object{
		{Kind: recompute.KindManifest, Key: fx.commitment},
		{Kind: recompute.KindRow, Key: hd.EntriesRoot},
		{Kind: recompute.KindAllocations, Key: fx.allocKey},
	}

	f.Fuzz(func(t *testing.T, sel uint8, data []byte) {
		o := keys[int(sel)%3]
		c := viaHTTP
		if sel%6 >= 3 {
			c = viaDir
			p := filepath.Join(dir, string(o.Kind), o.Key.Hex())
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		body.Store(&data)
		got, err := fetchKind(c, o, &hd, row)
		if err != nil {
			if !errors.Is(err, da.ErrInvalid) {
				t.Fatalf("%s: %v, want ErrInvalid", o.Kind, err)
			}
			return
		}
		if !bytes.Equal(got, data) {
			t.Fatalf("%s: returned other bytes than served", o.Kind)
		}
		if err := verify(o, &hd, row, got); err != nil {
			t.Fatalf("%s returned without verifying: %v", o.Kind, err)
		}
	})
}

// fetchKind reads o's kind and key through c and returns the bytes.
func fetchKind(c *da.Client, o recompute.Object, hd *recompute.Header, row recompute.Row) ([]byte, error) {
	ctx := context.Background()
	switch o.Kind {
	case recompute.KindManifest:
		_, data, _, err := c.Manifest(ctx, o.Key)
		return data, err
	case recompute.KindRow:
		_, data, _, err := c.Row(ctx, hd)
		return data, err
	default:
		_, data, _, err := c.Allocations(ctx, o.Key, hd.Provider, row)
		return data, err
	}
}

// verify checks bytes against their key with recompute alone.
func verify(o recompute.Object, hd *recompute.Header, row recompute.Row, data []byte) error {
	switch o.Kind {
	case recompute.KindManifest:
		_, _, err := recompute.VerifyManifest(o.Key, data)
		return err
	case recompute.KindRow:
		_, err := recompute.VerifyRow(hd, data)
		return err
	default:
		_, err := recompute.VerifyAllocations(o.Key, hd.Provider, row, data)
		return err
	}
}
