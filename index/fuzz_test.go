package index

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/denomwatch/denomwatch/recompute"
)

// FuzzDecodeProvenance: a stored provenance record decodes to a record
// PutObject would accept, whose encoding decodes to itself, or fails with
// ErrProvenance; never a panic, never a source name that keeps a path,
// query or userinfo.
func FuzzDecodeProvenance(f *testing.F) {
	for _, p := range []Provenance{
		{Origin: OriginSource, Source: "https://da.example", At: at, Size: 160},
		{Origin: OriginSource, Source: "http://127.0.0.1:8080#2", At: at, Size: 0},
		{Origin: OriginSource, Source: "file:///var/lib/da", At: at, Size: 96},
		FromChain(42, hashOf("tx", 1, 0), at),
	} {
		b, err := encodeProvenance(&p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"origin":"source","source":"https://u:p@h/x?t=1","at":"2026-12-01T10:00:00Z"}`))
	f.Add([]byte(`{"origin":"chain","source":"chain","at":"0001-01-01T00:00:00Z","size":-1}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := decodeProvenance(b)
		if err != nil {
			if !errors.Is(err, ErrProvenance) {
				t.Fatalf("error %v does not wrap ErrProvenance", err)
			}
			return
		}
		if err := p.validate(); err != nil {
			t.Fatalf("decoded a record PutObject refuses: %v", err)
		}
		if p.Origin == OriginSource && !strings.HasPrefix(p.Source, "file://") && strings.ContainsAny(p.Source, "@?") {
			t.Fatalf("source %q keeps userinfo or a query", p.Source)
		}
		again, err := encodeProvenance(&p)
		if err != nil {
			t.Fatal(err)
		}
		q, err := decodeProvenance(again)
		if err != nil {
			t.Fatalf("the re-encoding %s does not decode: %v", again, err)
		}
		if !q.At.Equal(p.At) || q.Origin != p.Origin || q.Source != p.Source || q.Size != p.Size || q.Block != p.Block || !sameHash(q, p) {
			t.Fatalf("decode(encode(%+v)) = %+v", p, q)
		}
	})
}

func sameHash(a, b Provenance) bool {
	return (a.TxHash == nil) == (b.TxHash == nil) && (a.TxHash == nil || *a.TxHash == *b.TxHash)
}

// FuzzObjectKeys: the object keys parse only when they are exactly what
// the key functions build, and never panic.
func FuzzObjectKeys(f *testing.F) {
	o := ObjectRef{recompute.KindRow, hashOf("row", 1, 0)}
	for _, k := range [][]byte{objKey(o), provKey(o), objRefKey(o, 7), roundObjKey(7, o), []byte("v1/objref/row//"), []byte("v1/roundobj/12345678/")} {
		f.Add(k)
	}
	f.Fuzz(func(t *testing.T, k []byte) {
		if o, round, ok := parseObjRefKey(k); ok && !bytes.Equal(objRefKey(o, round), k) {
			t.Fatalf("parseObjRefKey(%q) = %v, %d, which builds another key", k, o, round)
		}
		if round, o, ok := parseRoundObjKey(k); ok && !bytes.Equal(roundObjKey(round, o), k) {
			t.Fatalf("parseRoundObjKey(%q) = %d, %v, which builds another key", k, round, o)
		}
		if o, ok := parseObjectID(k); ok && !bytes.Equal(objectID(o.Kind, o.Key), k) {
			t.Fatalf("parseObjectID(%q) = %v, which builds another ID", k, o)
		}
		_ = keyString(k)
	})
}
