package index

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/recompute"
)

// Objects: the verified data-availability objects (PROTOCOL.md section 9)
// of the rounds the watcher judges, kept so that a proof can be built, and
// the objects served to other watchers, after every source has gone.
//
//	| v1/obj/<kind>/<32-byte key>                     | the object's bytes, raw                    |
//	| v1/objprov/<kind>/<32-byte key>                 | JSON Provenance: who served it, when, size |
//	| v1/objref/<kind>/<32-byte key>/<8-byte round>   | empty: round references the object         |
//	| v1/roundobj/<8-byte round>/<kind>/<32-byte key> | empty: the same reference, by round        |
//
// <kind> is the kind's name as the transport spells it (manifest, row,
// allocations), or manifest-part (KindManifestPart, a revealed manifest
// part): kinds are separate namespaces, as section 9 requires. An
// object is stored once however many rounds reference it (identical rows
// share a key).
//
// Invariants, kept by every write (each in one transaction) and checked by
// Check: an object's bytes and its provenance are stored together; every
// stored object has at least one reference; a reference exists under both
// its keys or under neither; a referenced object is stored. Objects are
// side records: Rollback never undoes them, since a reorganisation does not
// make bytes that verified against their key wrong. They leave the store
// only with their last reference, released by PruneObjects or by Prune
// (retention), once no referencing round is needed.

// Sentinel errors of the object records; test for them with errors.Is.
var (
	// ErrObjectNotFound: no object of that kind is stored under the key.
	ErrObjectNotFound = errors.New("object not stored")
	// ErrObjectConflict: other bytes are already stored under the kind and
	// key; they are never overwritten.
	ErrObjectConflict = errors.New("other bytes stored under the object's key")
	// ErrObjectKind: not one of section 9's kinds.
	ErrObjectKind = errors.New("unknown object kind")
	// ErrObjectTooLarge: longer than the largest object of its kind
	// (recompute.Max*Size).
	ErrObjectTooLarge = errors.New("object larger than its kind allows")
	// ErrProvenance: a provenance record PutObject refuses, or one stored
	// that does not decode.
	ErrProvenance = errors.New("invalid object provenance")
)

// Origin says where an object's bytes came from. The string values are a
// stable interface.
type Origin string

// The origins.
const (
	// OriginSource: a data-availability source served the bytes.
	OriginSource Origin = "source"
	// OriginChain: the watcher re-encoded an object from a chain event
	// (RowRevealed, ManifestRevealed).
	OriginChain Origin = "chain"
)

// SourceChain is the Source of every object of OriginChain.
const SourceChain = "chain"

// maxSourceName bounds a source name's length in bytes.
const maxSourceName = 512

// Provenance is how the watcher obtained an object: the first copy stored
// (the same bytes obtained again later leave it unchanged). Field names are
// a stable interface.
type Provenance struct {
	Origin Origin `json:"origin"`
	// Source is the source's name as da.Client names it: scheme and host of
	// an HTTP base URL (with "#n" for a second source at one host), never a
	// path, query or userinfo that may carry a token; file://DIR for a
	// directory; SourceChain for OriginChain.
	Source string `json:"source"`
	// At is when the copy was obtained (served, or its event processed).
	At time.Time `json:"at"`
	// Size is the object's length in bytes; PutObject sets it.
	Size int `json:"size"`
	// Block and TxHash locate the event of an object of OriginChain.
	Block  uint64       `json:"block,omitempty"`
	TxHash *common.Hash `json:"txHash,omitempty"`
}

// FromSource is the provenance of an object that source (its redacted
// name) served at at.
func FromSource(source string, at time.Time) Provenance {
	return Provenance{Origin: OriginSource, Source: source, At: at}
}

// FromChain is the provenance of an object re-encoded from the event of
// transaction tx in block, processed at at.
func FromChain(block uint64, tx common.Hash, at time.Time) Provenance {
	return Provenance{Origin: OriginChain, Source: SourceChain, At: at, Block: block, TxHash: &tx}
}

// validate checks what PutObject requires of a provenance record.
func (p *Provenance) validate() error {
	switch {
	case p.At.IsZero():
		return fmt.Errorf("%w: no time", ErrProvenance)
	case p.Size < 0:
		return fmt.Errorf("%w: negative size %d", ErrProvenance, p.Size)
	case p.Origin == OriginChain:
		if p.Source != SourceChain {
			return fmt.Errorf("%w: origin chain with source %q", ErrProvenance, p.Source)
		}
		return nil
	case p.Origin != OriginSource:
		return fmt.Errorf("%w: unknown origin %q", ErrProvenance, p.Origin)
	case p.Block != 0 || p.TxHash != nil:
		return fmt.Errorf("%w: origin source with a block or transaction", ErrProvenance)
	}
	if err := checkSourceName(p.Source); err != nil {
		return fmt.Errorf("%w: %w", ErrProvenance, err)
	}
	return nil
}

// checkSourceName accepts the names da.Client gives its sources: an
// http(s) scheme and host with an optional "#n", or file://DIR. Anything
// that could carry a token (userinfo, path, query) is refused, and the
// refusal does not echo the name.
func checkSourceName(name string) error {
	if name == "" || len(name) > maxSourceName || !utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return errors.New("the source name is empty, too long or not printable")
	}
	if dir, ok := strings.CutPrefix(name, "file://"); ok && dir != "" {
		return nil
	}
	u, err := url.Parse(name)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("the source name is neither http(s)://HOST nor file://DIR")
	}
	if u.User != nil || u.Path != "" || u.RawQuery != "" || u.Opaque != "" || u.ForceQuery || strings.Trim(u.Fragment, "0123456789") != "" {
		return errors.New("the source name is not redacted to scheme and host")
	}
	return nil
}

// encodeProvenance is the stored form of p: JSON.
func encodeProvenance(p *Provenance) ([]byte, error) {
	return json.Marshal(p)
}

// decodeProvenance decodes and validates a stored provenance record
// (ErrProvenance).
func decodeProvenance(b []byte) (Provenance, error) {
	var p Provenance
	if err := json.Unmarshal(b, &p); err != nil {
		return Provenance{}, fmt.Errorf("%w: %v", ErrProvenance, err)
	}
	if err := p.validate(); err != nil {
		return Provenance{}, err
	}
	return p, nil
}

// KindManifestPart is the kind of a manifest part revealed on chain
// (ManifestRevealed): the part's headers encoded as a manifest object
// (round, E 0, headers), keyed by the keccak256 of those bytes. It is the
// watcher's own kind (watcher.KindManifestPart), in a namespace apart from
// section 9's, stored with OriginChain.
const KindManifestPart recompute.ObjectKind = "manifest-part"

// ObjectRef names an object: its kind and key.
type ObjectRef struct {
	Kind recompute.ObjectKind
	Key  common.Hash
}

// maxObjectSize returns the largest object of kind (recompute.Max*Size; a
// manifest part is a manifest of at most 512 headers), or ErrObjectKind.
func maxObjectSize(kind recompute.ObjectKind) (int, error) {
	switch kind {
	case recompute.KindManifest, KindManifestPart:
		return recompute.MaxManifestSize, nil
	case recompute.KindRow:
		return recompute.MaxRowSize, nil
	case recompute.KindAllocations:
		return recompute.MaxAllocationsSize, nil
	}
	return 0, fmt.Errorf("%w: %q", ErrObjectKind, kind)
}

// objectID is the part of every key of an object that names it:
// <kind>/<32-byte key>.
func objectID(kind recompute.ObjectKind, key common.Hash) []byte {
	id := make([]byte, 0, len(kind)+1+common.HashLength)
	id = append(append(id, kind...), '/')
	return append(id, key[:]...)
}

// parseObjectID returns the object b names when b is exactly an object ID.
func parseObjectID(b []byte) (ObjectRef, bool) {
	kindName, rest, ok := bytes.Cut(b, []byte{'/'})
	if !ok || len(rest) != common.HashLength {
		return ObjectRef{}, false
	}
	kind := recompute.ObjectKind(kindName)
	if _, err := maxObjectSize(kind); err != nil {
		return ObjectRef{}, false
	}
	return ObjectRef{Kind: kind, Key: common.BytesToHash(rest)}, true
}

func concat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func objKey(o ObjectRef) []byte  { return concat(prefixObj, objectID(o.Kind, o.Key)) }
func provKey(o ObjectRef) []byte { return concat(prefixObjProv, objectID(o.Kind, o.Key)) }

// objRefPrefix is the prefix of every reference of object o.
func objRefPrefix(o ObjectRef) []byte {
	return concat(prefixObjRef, objectID(o.Kind, o.Key), []byte{'/'})
}

func objRefKey(o ObjectRef, round uint64) []byte { return appendU64(objRefPrefix(o), round) }

// roundObjPrefix is the prefix of every reference of round.
func roundObjPrefix(round uint64) []byte {
	return append(appendU64(withPrefix(prefixRoundObj, 9), round), '/')
}

func roundObjKey(round uint64, o ObjectRef) []byte {
	return append(roundObjPrefix(round), objectID(o.Kind, o.Key)...)
}

// parseObjRefKey returns the object and round of a v1/objref/ key.
func parseObjRefKey(k []byte) (ObjectRef, uint64, bool) {
	rest, ok := bytes.CutPrefix(k, prefixObjRef)
	if !ok || len(rest) < 9 || rest[len(rest)-9] != '/' {
		return ObjectRef{}, 0, false
	}
	o, ok := parseObjectID(rest[:len(rest)-9])
	return o, binary.BigEndian.Uint64(rest[len(rest)-8:]), ok
}

// parseRoundObjKey returns the round and object of a v1/roundobj/ key.
func parseRoundObjKey(k []byte) (uint64, ObjectRef, bool) {
	rest, ok := bytes.CutPrefix(k, prefixRoundObj)
	if !ok || len(rest) < 9 || rest[8] != '/' {
		return 0, ObjectRef{}, false
	}
	o, ok := parseObjectID(rest[9:])
	return binary.BigEndian.Uint64(rest[:8]), o, ok
}

// objectKeyString renders an object record's key for messages.
func objectKeyString(k []byte) (string, bool) {
	for _, p := range [][]byte{prefixObj, prefixObjProv} {
		if rest, ok := bytes.CutPrefix(k, p); ok {
			if o, ok := parseObjectID(rest); ok {
				return fmt.Sprintf("%s%s/%s", p, o.Kind, o.Key.Hex()), true
			}
		}
	}
	if o, round, ok := parseObjRefKey(k); ok {
		return fmt.Sprintf("%s%s/%s/%d", prefixObjRef, o.Kind, o.Key.Hex(), round), true
	}
	if round, o, ok := parseRoundObjKey(k); ok {
		return fmt.Sprintf("%s%d/%s/%s", prefixRoundObj, round, o.Kind, o.Key.Hex()), true
	}
	return "", false
}

// objectChecks are Check's checks of the object records, by key prefix.
var objectChecks = []struct {
	prefix []byte
	check  func(c *checker, txn *badger.Txn, item *badger.Item, k []byte) error
}{
	{prefixObj, (*checker).objectBytes},
	{prefixObjProv, (*checker).objectProvenance},
	{prefixObjRef, (*checker).objectRef},
	{prefixRoundObj, (*checker).roundObj},
}

// object checks an object record; it reports false when k is not one.
func (c *checker) object(txn *badger.Txn, item *badger.Item, k []byte) (bool, error) {
	for _, oc := range objectChecks {
		if bytes.HasPrefix(k, oc.prefix) {
			return true, oc.check(c, txn, item, k)
		}
	}
	return false, nil
}

// objectBytes checks an object's bytes: its size within its kind's bound,
// a provenance that decodes and agrees on the size, and a reference.
func (c *checker) objectBytes(txn *badger.Txn, item *badger.Item, k []byte) error {
	o, ok := parseObjectID(k[len(prefixObj):])
	if !ok {
		c.addf("malformed key %q", k)
		return nil
	}
	name := keyString(k)
	var size int
	if err := item.Value(func(v []byte) error { size = len(v); return nil }); err != nil {
		return err
	}
	if limit, _ := maxObjectSize(o.Kind); size > limit {
		c.addf("%s holds %d bytes, more than the %d allowed for kind %s", name, size, limit, o.Kind)
	}
	pb, ok, err := get(txn, provKey(o))
	switch {
	case err != nil:
		return err
	case !ok:
		c.addf("%s has no provenance", name)
	default:
		if p, err := decodeProvenance(pb); err != nil {
			c.addf("%s does not decode: %v", keyString(provKey(o)), err)
		} else if p.Size != size {
			c.addf("%s says %d bytes, the object holds %d", keyString(provKey(o)), p.Size, size)
		}
	}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: objRefPrefix(o)})
	defer it.Close()
	if it.Rewind(); !it.Valid() {
		c.addf("%s is referenced by no round", name)
	}
	return nil
}

// objectProvenance checks that a provenance record has its object (objectBytes
// checks the record itself).
func (c *checker) objectProvenance(txn *badger.Txn, _ *badger.Item, k []byte) error {
	o, ok := parseObjectID(k[len(prefixObjProv):])
	if !ok {
		c.addf("malformed key %q", k)
		return nil
	}
	stored, err := has(txn, objKey(o))
	if err == nil && !stored {
		c.addf("%s has no object", keyString(k))
	}
	return err
}

// objectRef checks that a reference has its mirror by round and that its
// object is stored.
func (c *checker) objectRef(txn *badger.Txn, _ *badger.Item, k []byte) error {
	o, round, ok := parseObjRefKey(k)
	if !ok {
		c.addf("malformed key %q", k)
		return nil
	}
	if mirrored, err := has(txn, roundObjKey(round, o)); err != nil {
		return err
	} else if !mirrored {
		c.addf("%s has no %s", keyString(k), keyString(roundObjKey(round, o)))
	}
	stored, err := has(txn, objKey(o))
	if err == nil && !stored {
		c.addf("round %d references %s %s, which is not stored", round, o.Kind, o.Key.Hex())
	}
	return err
}

// roundObj checks that a reference by round has its mirror by object.
func (c *checker) roundObj(txn *badger.Txn, _ *badger.Item, k []byte) error {
	round, o, ok := parseRoundObjKey(k)
	if !ok {
		c.addf("malformed key %q", k)
		return nil
	}
	mirrored, err := has(txn, objRefKey(o, round))
	if err == nil && !mirrored {
		c.addf("%s has no %s", keyString(k), keyString(objRefKey(o, round)))
	}
	return err
}
