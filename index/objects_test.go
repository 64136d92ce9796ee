package index

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/recompute"
)

// at is the fixed time of the tests' provenance records.
var at = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

var (
	row      = recompute.KindRow
	manifest = recompute.KindManifest
	allocs   = recompute.KindAllocations
)

func served(source string) Provenance { return FromSource(source, at) }

// mustPut stores an object or fails the test.
func mustPut(t testing.TB, s *Store, kind recompute.ObjectKind, key common.Hash, data []byte, p Provenance, round uint64) {
	t.Helper()
	if err := s.PutObject(kind, key, data, p, round); err != nil {
		t.Fatalf("PutObject(%s %s, round %d): %v", kind, key.Hex(), round, err)
	}
}

// mustObject reads an object or fails the test.
func mustObject(t testing.TB, s *Store, kind recompute.ObjectKind, key common.Hash) ([]byte, Provenance) {
	t.Helper()
	data, p, err := s.Object(kind, key)
	if err != nil {
		t.Fatalf("Object(%s %s): %v", kind, key.Hex(), err)
	}
	return data, p
}

func refs(t testing.TB, s *Store, round uint64) []ObjectRef {
	t.Helper()
	out, err := s.ObjectsOfRound(round)
	if err != nil {
		t.Fatalf("ObjectsOfRound(%d): %v", round, err)
	}
	return out
}

// TestPutObjectRefused: what PutObject refuses, with its sentinel, storing
// nothing.
func TestPutObjectRefused(t *testing.T) {
	key := hashOf("key", 1, 0)
	tests := []struct {
		name string
		kind recompute.ObjectKind
		size int
		prov Provenance
		want error
	}{
		{"unknown kind", "blob", 10, served("https://da.example"), ErrObjectKind},
		{"empty kind", "", 10, served("https://da.example"), ErrObjectKind},
		{"manifest too large", manifest, recompute.MaxManifestSize + 1, served("https://da.example"), ErrObjectTooLarge},
		{"row too large", row, recompute.MaxRowSize + 1, served("https://da.example"), ErrObjectTooLarge},
		{"allocations too large", allocs, recompute.MaxAllocationsSize + 1, served("https://da.example"), ErrObjectTooLarge},
		{"no time", row, 10, FromSource("https://da.example", time.Time{}), ErrProvenance},
		{"unknown origin", row, 10, Provenance{Origin: "rumour", Source: "https://da.example", At: at}, ErrProvenance},
		{"no source", row, 10, served(""), ErrProvenance},
		{"a path with a token", row, 10, served("https://da.example/s3cr3t"), ErrProvenance},
		{"a query with a token", row, 10, served("https://da.example?token=s3cr3t"), ErrProvenance},
		{"userinfo", row, 10, served("https://user:s3cr3t@da.example"), ErrProvenance},
		{"a fragment other than #n", row, 10, served("https://da.example#s3cr3t"), ErrProvenance},
		{"another scheme", row, 10, served("ftp://da.example"), ErrProvenance},
		{"not redacted by rpcpool", row, 10, served("(invalid url)"), ErrProvenance},
		{"a control character", row, 10, served("https://da.example\n"), ErrProvenance},
		{"chain origin, another source", row, 10, Provenance{Origin: OriginChain, Source: "https://da.example", At: at}, ErrProvenance},
		{"source origin with a block", row, 10, Provenance{Origin: OriginSource, Source: "https://da.example", At: at, Block: 7}, ErrProvenance},
		{"source named chain", row, 10, served(SourceChain), ErrProvenance},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openMem(t, 0)
			err := s.PutObject(tt.kind, key, make([]byte, tt.size), tt.prov, 1)
			if !errors.Is(err, tt.want) {
				t.Fatalf("PutObject: %v, want %v", err, tt.want)
			}
			if strings.Contains(err.Error(), "s3cr3t") {
				t.Fatalf("the error echoes the token: %v", err)
			}
			if got := dump(t, s, keySchema); len(got) != 0 {
				t.Fatalf("a refused put stored %d keys", len(got))
			}
		})
	}
}

// TestPutObjectAccepted: the sizes and provenances PutObject takes, each
// read back as stored.
func TestPutObjectAccepted(t *testing.T) {
	tx := hashOf("tx", 1, 0)
	tests := []struct {
		name string
		kind recompute.ObjectKind
		size int
		prov Provenance
	}{
		{"largest manifest", manifest, recompute.MaxManifestSize, served("https://da.example")},
		{"largest row", row, recompute.MaxRowSize, served("http://127.0.0.1:8545")},
		{"largest allocations", allocs, recompute.MaxAllocationsSize, served("https://da.example#2")},
		{"empty allocations", allocs, 0, served("https://da.example")},
		{"a directory source", row, 96, served("file:///var/lib/da")},
		{"from the chain", row, 160, FromChain(42, tx, at)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openMem(t, 0)
			key := hashOf(tt.name, 0, 0)
			data := testData(tt.name, 0, 0, tt.size)
			tt.prov.Size = 12345 // PutObject sets it
			mustPut(t, s, tt.kind, key, data, tt.prov, 3)
			got, p := mustObject(t, s, tt.kind, key)
			want := tt.prov
			want.Size = tt.size
			if !bytes.Equal(got, data) || !p.At.Equal(want.At) || p.Origin != want.Origin || p.Source != want.Source || p.Size != want.Size || p.Block != want.Block || (p.TxHash == nil) != (want.TxHash == nil) {
				t.Fatalf("Object: %d bytes, %+v; want %d bytes, %+v", len(got), p, len(data), want)
			}
			if r := refs(t, s, 3); !slices.Equal(r, []ObjectRef{{tt.kind, key}}) {
				t.Fatalf("ObjectsOfRound(3) = %v", r)
			}
			mustCheck(t, s)
		})
	}
}

// TestPutObjectIdempotent: the same bytes again add a reference and keep
// the first provenance; other bytes under the key conflict and change
// nothing; kinds are separate namespaces.
func TestPutObjectIdempotent(t *testing.T) {
	s := openMem(t, 0)
	key := hashOf("row", 1, 0)
	data := testData("row", 1, 0, 64+96*3)
	mustPut(t, s, row, key, data, served("https://a.example"), 5)
	mustPut(t, s, row, key, data, served("https://b.example"), 5)
	mustPut(t, s, row, key, bytes.Clone(data), served("https://b.example"), 6)
	if _, p := mustObject(t, s, row, key); p.Source != "https://a.example" {
		t.Fatalf("provenance %+v, want the first source's", p)
	}
	for _, round := range []uint64{5, 6} {
		if r := refs(t, s, round); !slices.Equal(r, []ObjectRef{{row, key}}) {
			t.Fatalf("ObjectsOfRound(%d) = %v", round, r)
		}
	}
	before := dump(t, s)
	other := testData("other", 1, 0, len(data))
	if err := s.PutObject(row, key, other, served("https://c.example"), 7); !errors.Is(err, ErrObjectConflict) {
		t.Fatalf("other bytes under the key: %v, want ErrObjectConflict", err)
	}
	if d := diffDumps(before, dump(t, s)); d != "" {
		t.Fatalf("a conflicting put changed the store:\n%s", d)
	}
	// The same key in another kind is another object.
	mustPut(t, s, allocs, key, other[:96], served("https://c.example"), 7)
	if got, _ := mustObject(t, s, row, key); !bytes.Equal(got, data) {
		t.Fatal("the row changed when allocations were stored under its key")
	}
	if got, _ := mustObject(t, s, allocs, key); !bytes.Equal(got, other[:96]) {
		t.Fatal("the allocations under the row's key are not theirs")
	}
	if rounds, err := s.ObjectRounds(); err != nil || !slices.Equal(rounds, []uint64{5, 6, 7}) {
		t.Fatalf("ObjectRounds() = %v, %v", rounds, err)
	}
	mustCheck(t, s)
}

func TestObjectAbsent(t *testing.T) {
	s := openMem(t, 0)
	mustPut(t, s, row, hashOf("row", 1, 0), make([]byte, 64), served("https://a.example"), 1)
	for _, tt := range []struct {
		kind recompute.ObjectKind
		key  common.Hash
		want error
	}{
		{row, hashOf("row", 2, 0), ErrObjectNotFound},
		{allocs, hashOf("row", 1, 0), ErrObjectNotFound}, // another namespace
		{"blob", hashOf("row", 1, 0), ErrObjectKind},
	} {
		if _, _, err := s.Object(tt.kind, tt.key); !errors.Is(err, tt.want) {
			t.Errorf("Object(%s %s): %v, want %v", tt.kind, tt.key.Hex(), err, tt.want)
		}
	}
	if r := refs(t, s, 2); r == nil || len(r) != 0 {
		t.Fatalf("ObjectsOfRound of a round without objects = %#v, want empty", r)
	}
}

// TestPruneObjects: a released round loses its references; an object goes
// with its last reference, and stays while a round not released holds it.
func TestPruneObjects(t *testing.T) {
	s := openMem(t, 0)
	shared, m1, m2, a2 := hashOf("shared", 0, 0), hashOf("m", 1, 0), hashOf("m", 2, 0), hashOf("a", 2, 0)
	sharedData := testData("shared", 0, 0, 40<<10)
	mustPut(t, s, row, shared, sharedData, served("https://a.example"), 1)
	mustPut(t, s, manifest, m1, testData("m", 1, 0, 288), served("https://a.example"), 1)
	mustPut(t, s, row, shared, sharedData, served("https://b.example"), 2)
	mustPut(t, s, manifest, m2, testData("m", 2, 0, 448), served("https://a.example"), 2)
	mustPut(t, s, allocs, a2, testData("a", 2, 0, 96), served("https://a.example"), 2)
	mustPut(t, s, manifest, hashOf("m", 3, 0), testData("m", 3, 0, 128), served("https://a.example"), 3)

	release := map[uint64]bool{1: true}
	res, err := s.PruneObjects(func(r uint64) bool { return release[r] }, 0)
	if err != nil || !slices.Equal(res.Rounds, []uint64{1}) || res.Objects != 1 || res.Bytes != 288 {
		t.Fatalf("PruneObjects(1) = %+v, %v; want round 1, one object of 288 bytes", res, err)
	}
	if _, _, err := s.Object(manifest, m1); !errors.Is(err, ErrObjectNotFound) {
		t.Fatalf("round 1's own manifest after its release: %v", err)
	}
	if got, _ := mustObject(t, s, row, shared); !bytes.Equal(got, sharedData) {
		t.Fatal("the row round 2 shares is gone with round 1")
	}
	if r := refs(t, s, 1); len(r) != 0 {
		t.Fatalf("round 1 still references %v", r)
	}
	mustCheck(t, s)

	release = map[uint64]bool{2: true, 3: true}
	res, err = s.PruneObjects(func(r uint64) bool { return release[r] }, 1)
	if err != nil || !slices.Equal(res.Rounds, []uint64{2}) || res.Objects != 3 || res.Bytes != 40<<10+448+96 {
		t.Fatalf("PruneObjects(2, 3; limit 1) = %+v, %v; want round 2 and its 3 objects", res, err)
	}
	if rounds, err := s.ObjectRounds(); err != nil || !slices.Equal(rounds, []uint64{3}) {
		t.Fatalf("ObjectRounds() = %v, %v; want [3]", rounds, err)
	}
	if _, _, err := s.Object(row, shared); !errors.Is(err, ErrObjectNotFound) {
		t.Fatalf("the shared row once both its rounds are released: %v", err)
	}
	mustCheck(t, s)
	// A released object can be stored again (another round needs it).
	mustPut(t, s, row, shared, sharedData, served("https://b.example"), 9)
	mustCheck(t, s)
}

// TestObjectsSurviveRollback: objects are side records.
func TestObjectsSurviveRollback(t *testing.T) {
	s := openMem(t, 0)
	applyRange(t, s, 1, 6, 0)
	key := hashOf("row", 4, 0)
	mustPut(t, s, row, key, make([]byte, 160), FromChain(6, hashOf("tx", 6, 0), at), 3)
	if err := s.Rollback(2); err != nil {
		t.Fatal(err)
	}
	if _, p := mustObject(t, s, row, key); p.Origin != OriginChain || p.Block != 6 {
		t.Fatalf("provenance after the rollback: %+v", p)
	}
	if r := refs(t, s, 3); len(r) != 1 {
		t.Fatalf("round 3's references after the rollback: %v", r)
	}
	mustCheck(t, s)
}

// TestObjectsOnDisk: objects large enough for the value log survive a
// reopen, and a read-only store serves them.
func TestObjectsOnDisk(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir, 0)
	key := hashOf("row", 1, 0)
	data := testData("row", 1, 0, recompute.MaxRowSize)
	mustPut(t, s, row, key, data, served("https://a.example"), 1)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(Options{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if got, p := mustObject(t, ro, row, key); !bytes.Equal(got, data) || p.Size != len(data) {
		t.Fatalf("after reopening: %d bytes, %+v", len(got), p)
	}
	if err := ro.PutObject(row, hashOf("row", 2, 0), data, served("https://a.example"), 1); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("PutObject on a read-only store: %v", err)
	}
	mustCheck(t, ro)
}

func TestObjectKeyString(t *testing.T) {
	o := ObjectRef{row, common.HexToHash("0x01")}
	for k, want := range map[string]string{
		string(objKey(o)):                 "v1/obj/row/" + o.Key.Hex(),
		string(provKey(o)):                "v1/objprov/row/" + o.Key.Hex(),
		string(objRefKey(o, 7)):           "v1/objref/row/" + o.Key.Hex() + "/7",
		string(roundObjKey(7, o)):         "v1/roundobj/7/row/" + o.Key.Hex(),
		"v1/obj/blob/" + string(o.Key[:]): `"v1/obj/blob/` + "",
	} {
		if got := keyString([]byte(k)); !strings.HasPrefix(got, want) {
			t.Errorf("keyString(%q) = %s, want %s", k, got, want)
		}
	}
}

// TestCheckObjects: Check finds every broken invariant of the object
// records.
func TestCheckObjects(t *testing.T) {
	o := ObjectRef{row, hashOf("row", 1, 0)}
	setup := func(t *testing.T) *Store {
		s := openMem(t, 0)
		applyRange(t, s, 1, 4, 0)
		mustPut(t, s, o.Kind, o.Key, make([]byte, 160), served("https://a.example"), 1)
		mustPut(t, s, o.Kind, o.Key, make([]byte, 160), served("https://a.example"), 2)
		mustCheck(t, s)
		return s
	}
	name := string(o.Kind) + "/" + o.Key.Hex()
	tests := []struct {
		name   string
		inject func(t *testing.T, s *Store)
		want   []string
	}{
		{"dangling reference", func(t *testing.T, s *Store) {
			deleteRaw(t, s, objKey(o))
			deleteRaw(t, s, provKey(o))
		}, []string{"round 1 references row " + o.Key.Hex() + ", which is not stored", "round 2 references row"}},
		{"unreferenced object", func(t *testing.T, s *Store) {
			for _, r := range []uint64{1, 2} {
				deleteRaw(t, s, objRefKey(o, r))
				deleteRaw(t, s, roundObjKey(r, o))
			}
		}, []string{"v1/obj/" + name + " is referenced by no round"}},
		{"reference without its mirror by round", func(t *testing.T, s *Store) {
			deleteRaw(t, s, roundObjKey(2, o))
		}, []string{"v1/objref/" + name + "/2 has no v1/roundobj/2/" + name}},
		{"reference without its mirror by object", func(t *testing.T, s *Store) {
			deleteRaw(t, s, objRefKey(o, 1))
		}, []string{"v1/roundobj/1/" + name + " has no v1/objref/" + name + "/1"}},
		{"no provenance", func(t *testing.T, s *Store) {
			deleteRaw(t, s, provKey(o))
		}, []string{"v1/obj/" + name + " has no provenance"}},
		{"provenance without the object", func(t *testing.T, s *Store) {
			deleteRaw(t, s, objKey(o))
		}, []string{"v1/objprov/" + name + " has no object", "which is not stored"}},
		{"provenance of another size", func(t *testing.T, s *Store) {
			setRaw(t, s, objKey(o), make([]byte, 96))
		}, []string{"says 160 bytes, the object holds 96"}},
		{"provenance does not decode", func(t *testing.T, s *Store) {
			setRaw(t, s, provKey(o), []byte(`{"origin":"source","source":"https://a.example/token","at":"2026-12-01T10:00:00Z","size":160}`))
		}, []string{"v1/objprov/" + name + " does not decode", "not redacted"}},
		{"too large", func(t *testing.T, s *Store) {
			big := ObjectRef{allocs, o.Key}
			setRaw(t, s, objKey(big), make([]byte, recompute.MaxAllocationsSize+32))
		}, []string{"more than the 32768 allowed for kind allocations", "has no provenance", "is referenced by no round"}},
		{"malformed key", func(t *testing.T, s *Store) {
			setRaw(t, s, append(bytes.Clone(prefixRoundObj), 1, 2, 3), nil)
			setRaw(t, s, []byte("v1/obj/blob/x"), nil)
		}, []string{`malformed key "v1/roundobj/\x01\x02\x03"`, `malformed key "v1/obj/blob/x"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := setup(t)
			tt.inject(t, s)
			err := s.Check()
			if !errors.Is(err, ErrInconsistent) {
				t.Fatalf("Check: %v, want ErrInconsistent", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Check: %v\nwant it to mention %q", err, w)
				}
			}
		})
	}
}

// TestPutObjects: a round's objects stored at once, more than one
// transaction holds (in memory values count in full: about 2.4 MB), each
// object complete with its provenance and the round's reference, and a
// revealed manifest part (KindManifestPart) with OriginChain; an invalid
// object among them stores nothing.
func TestPutObjects(t *testing.T) {
	s := openMem(t, 8)
	chain := FromChain(12, common.Hash{0x7}, at)
	var puts []ObjectPut
	for p := range uint64(40) { // 40 x 96 KB: 3.8 MB
		puts = append(puts, ObjectPut{Kind: row, Key: hashOf("row", p, 0), Data: testData("row", p, 0, 96_000), Prov: served("https://da.example")})
	}
	puts = append(puts, ObjectPut{Kind: KindManifestPart, Key: hashOf("part", 1, 0), Data: testData("part", 1, 0, 500), Prov: chain})
	bad := append(slices.Clone(puts), ObjectPut{Kind: row, Key: hashOf("row", 99, 0), Data: []byte{1}, Prov: Provenance{Origin: OriginSource, Source: "https://u:p@h", At: at}})
	if err := s.PutObjects(7, bad...); !errors.Is(err, ErrProvenance) {
		t.Fatalf("PutObjects with an unredacted source: %v, want ErrProvenance", err)
	}
	if got := refs(t, s, 7); len(got) != 0 {
		t.Fatalf("a refused batch stored %d references", len(got))
	}
	if err := s.PutObjects(7, puts...); err != nil {
		t.Fatal(err)
	}
	if got := refs(t, s, 7); len(got) != len(puts) {
		t.Fatalf("round 7 references %d objects, want %d", len(got), len(puts))
	}
	for _, p := range puts {
		data, prov := mustObject(t, s, p.Kind, p.Key)
		if !bytes.Equal(data, p.Data) || prov.Origin != p.Prov.Origin || prov.Source != p.Prov.Source || prov.Size != len(p.Data) {
			t.Fatalf("%s %s: %d bytes, provenance %+v", p.Kind, p.Key.Hex(), len(data), prov)
		}
	}
	if _, prov := mustObject(t, s, KindManifestPart, hashOf("part", 1, 0)); prov.Block != 12 || prov.TxHash == nil || *prov.TxHash != (common.Hash{0x7}) {
		t.Fatalf("the manifest part's provenance %+v", prov)
	}
	// Again for round 8: references only, the first provenance kept.
	again := slices.Clone(puts[:2])
	again[0].Prov = served("https://other.example")
	if err := s.PutObjects(8, again...); err != nil {
		t.Fatal(err)
	}
	if _, prov := mustObject(t, s, row, puts[0].Key); prov.Source != "https://da.example" {
		t.Fatalf("the provenance changed to %+v", prov)
	}
	if got := refs(t, s, 8); len(got) != 2 {
		t.Fatalf("round 8 references %d objects", len(got))
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestPutObjectsConflict: other bytes under a stored key are refused even
// for a round that already references it, and the batch stores nothing.
func TestPutObjectsConflict(t *testing.T) {
	s := openMem(t, 8)
	key := hashOf("row", 1, 0)
	mustPut(t, s, row, key, testData("row", 1, 0, 100), served("https://da.example"), 3)
	other := ObjectPut{Kind: row, Key: key, Data: testData("row", 1, 1, 100), Prov: served("https://da.example")}
	fresh := ObjectPut{Kind: row, Key: hashOf("row", 2, 0), Data: testData("row", 2, 0, 100), Prov: served("https://da.example")}
	for _, round := range []uint64{3, 4} {
		if err := s.PutObjects(round, fresh, other); !errors.Is(err, ErrObjectConflict) {
			t.Fatalf("round %d: other bytes: %v, want ErrObjectConflict", round, err)
		}
	}
	if _, _, err := s.Object(row, fresh.Key); !errors.Is(err, ErrObjectNotFound) {
		t.Fatalf("a refused batch stored an object: %v", err)
	}
	if data, _ := mustObject(t, s, row, key); !bytes.Equal(data, testData("row", 1, 0, 100)) {
		t.Fatal("the stored bytes changed")
	}
}
