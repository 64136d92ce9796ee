package index

import (
	"bytes"
	"errors"
	"fmt"
	"math"

	"github.com/dgraph-io/badger/v4"
	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/recompute"
)

// defaultObjectPruneLimit bounds the rounds one PruneObjects call releases
// when its limit is 0.
const defaultObjectPruneLimit = 1000

// PutObject stores an object's bytes under its kind and key with its
// provenance, and records that round references it, in one transaction.
// Verifying the bytes against the key is the caller's job (the da client,
// the judge of a revealed row); PutObject refuses an unknown kind
// (ErrObjectKind), bytes longer than the kind allows (ErrObjectTooLarge) and
// a provenance that is incomplete or names a source unredacted
// (ErrProvenance). It is idempotent: the same bytes again only add round's
// reference, and keep the first provenance; other bytes under a stored key
// fail with ErrObjectConflict and change nothing. prov.Size is set from
// data. Rollback never undoes it.
func (s *Store) PutObject(kind recompute.ObjectKind, key common.Hash, data []byte, prov Provenance, round uint64) error {
	return s.PutObjects(round, ObjectPut{Kind: kind, Key: key, Data: data, Prov: prov})
}

// ObjectPut is an object to store: its kind, key, bytes and provenance.
type ObjectPut struct {
	Kind recompute.ObjectKind
	Key  common.Hash
	Data []byte
	Prov Provenance
}

// preparedPut is an ObjectPut checked, with its provenance encoded.
type preparedPut struct {
	o    ObjectRef
	data []byte
	prov []byte
}

// prepare checks what PutObject refuses of p and encodes its provenance.
func (p *ObjectPut) prepare() (preparedPut, error) {
	limit, err := maxObjectSize(p.Kind)
	if err != nil {
		return preparedPut{}, err
	}
	if len(p.Data) > limit {
		return preparedPut{}, fmt.Errorf("%w: %d bytes, at most %d", ErrObjectTooLarge, len(p.Data), limit)
	}
	prov := p.Prov
	prov.Size = len(p.Data)
	if err := prov.validate(); err != nil {
		return preparedPut{}, err
	}
	pb, err := encodeProvenance(&prov)
	if err != nil {
		return preparedPut{}, err
	}
	return preparedPut{o: ObjectRef{Kind: p.Kind, Key: p.Key}, data: p.Data, prov: pb}, nil
}

// PutObjects stores objects that round references, as PutObject does each,
// in as few transactions as Badger allows of at most putChunkBytes of
// objects each (one for a round's objects unless they are too large
// together; each object with its provenance and references always in one):
// the watcher stores a round's objects at once.
// Every object is checked before anything is written; a failure of one
// leaves the transactions already committed in place (each object in them
// complete), which a second call completes, PutObject being idempotent.
func (s *Store) PutObjects(round uint64, objs ...ObjectPut) error {
	puts := make([]preparedPut, len(objs))
	for i := range objs {
		var err error
		if puts[i], err = objs[i].prepare(); err != nil {
			return fmt.Errorf("index: put %s %s of round %d: %w", objs[i].Kind, objs[i].Key.Hex(), round, err)
		}
	}
	for len(puts) > 0 {
		n, size := 0, 0
		for n < len(puts) && (n == 0 || size+len(puts[n].data) <= putChunkBytes) {
			size += len(puts[n].data)
			n++
		}
		if err := s.putPrepared(round, puts[:n]); err != nil {
			return err
		}
		s.wrote(size)
		puts = puts[n:]
	}
	return nil
}

// putChunkBytes bounds the object bytes PutObjects writes in one
// transaction: with releaseWritten, it bounds the pages of Badger's value
// log that a large round's objects (96 MB for a round of 10^6 entries) keep
// in the resident set.
const putChunkBytes = 16 << 20

// putPrepared writes puts in one transaction, or, when Badger finds that
// too large, in two halves, recursively.
func (s *Store) putPrepared(round uint64, puts []preparedPut) error {
	if len(puts) == 0 {
		return nil
	}
	what := fmt.Sprintf("put %d objects of round %d", len(puts), round)
	if len(puts) == 1 {
		what = fmt.Sprintf("put %s %s of round %d", puts[0].o.Kind, puts[0].o.Key.Hex(), round)
	}
	err := s.update(what, func(txn *badger.Txn) error {
		for i := range puts {
			if err := putObject(txn, &puts[i], round); err != nil {
				return err
			}
		}
		return nil
	})
	if len(puts) > 1 && errors.Is(err, badger.ErrTxnTooBig) {
		half := len(puts) / 2
		if err := s.putPrepared(round, puts[:half]); err != nil {
			return err
		}
		return s.putPrepared(round, puts[half:])
	}
	return err
}

// putObject stores p's bytes and provenance unless stored, and round's
// reference, within txn.
func putObject(txn *badger.Txn, p *preparedPut, round uint64) error {
	old, stored, err := get(txn, objKey(p.o))
	switch {
	case err != nil:
		return err
	case stored && !bytes.Equal(old, p.data):
		return fmt.Errorf("%w: %s %s: %d bytes stored, %d offered", ErrObjectConflict, p.o.Kind, p.o.Key.Hex(), len(old), len(p.data))
	case !stored:
		if err := txn.Set(objKey(p.o), nonNil(p.data)); err != nil {
			return err
		}
		if err := txn.Set(provKey(p.o), p.prov); err != nil {
			return err
		}
	}
	return addReference(txn, p.o, round)
}

// addReference records that round references o, under both its keys,
// unless it already does.
func addReference(txn *badger.Txn, o ObjectRef, round uint64) error {
	if ok, err := has(txn, objRefKey(o, round)); err != nil || ok {
		return err
	}
	if err := txn.Set(objRefKey(o, round), []byte{}); err != nil {
		return err
	}
	return txn.Set(roundObjKey(round, o), []byte{})
}

// Object returns the bytes stored under kind and key and their provenance,
// or ErrObjectNotFound (ErrObjectKind for an unknown kind). The bytes are
// the caller's.
func (s *Store) Object(kind recompute.ObjectKind, key common.Hash) ([]byte, Provenance, error) {
	what := fmt.Sprintf("%s %s", kind, key.Hex())
	if _, err := maxObjectSize(kind); err != nil {
		return nil, Provenance{}, fmt.Errorf("index: %s: %w", what, err)
	}
	o := ObjectRef{Kind: kind, Key: key}
	var (
		data []byte
		prov Provenance
	)
	err := s.view(what, func(txn *badger.Txn) error {
		var ok bool
		var err error
		if data, ok, err = get(txn, objKey(o)); err != nil || !ok {
			return errOr(err, ErrObjectNotFound)
		}
		pb, ok, err := get(txn, provKey(o))
		if err != nil || !ok {
			return errOr(err, fmt.Errorf("%w: %s is stored without its provenance", ErrInconsistent, keyString(objKey(o))))
		}
		if prov, err = decodeProvenance(pb); err != nil {
			return fmt.Errorf("%w: %s: %w", ErrInconsistent, keyString(provKey(o)), err)
		}
		return nil
	})
	if err != nil {
		return nil, Provenance{}, err
	}
	return data, prov, nil
}

// errOr is err, or otherwise when err is nil.
func errOr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}

// ObjectsOfRound returns the objects round references, by kind name then
// key (empty, not nil, when none).
func (s *Store) ObjectsOfRound(round uint64) ([]ObjectRef, error) {
	out := []ObjectRef{}
	err := s.view(fmt.Sprintf("objects of round %d", round), func(txn *badger.Txn) error {
		var err error
		out, err = roundRefs(txn, round)
		return err
	})
	return out, err
}

// roundRefs lists the objects round references within txn (a read-write
// transaction may hold one iterator at a time: it is closed on return).
func roundRefs(txn *badger.Txn, round uint64) ([]ObjectRef, error) {
	out := []ObjectRef{}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: roundObjPrefix(round)})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		_, o, ok := parseRoundObjKey(it.Item().Key())
		if !ok {
			return nil, fmt.Errorf("%w: malformed key %s", ErrInconsistent, keyString(it.Item().Key()))
		}
		out = append(out, o)
	}
	return out, nil
}

// ObjectRounds returns the rounds that reference at least one object,
// ascending (empty, not nil, when none).
func (s *Store) ObjectRounds() ([]uint64, error) {
	out := []uint64{}
	err := s.view("rounds with objects", func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixRoundObj})
		defer it.Close()
		for it.Rewind(); it.Valid(); {
			round, _, ok := parseRoundObjKey(it.Item().Key())
			if !ok {
				return fmt.Errorf("%w: malformed key %s", ErrInconsistent, keyString(it.Item().Key()))
			}
			out = append(out, round)
			if round == math.MaxUint64 {
				break
			}
			it.Seek(roundObjPrefix(round + 1))
		}
		return nil
	})
	return out, err
}

// ObjectPrune is what PruneObjects did.
type ObjectPrune struct {
	// Rounds are the rounds released (their references deleted), ascending.
	Rounds []uint64
	// Objects and Bytes count the objects deleted (no round references them
	// any more) and their bytes.
	Objects int
	Bytes   int64
}

// PruneObjects releases the rounds that reference objects and that release
// returns true for, ascending, at most limit of them (0: 1000): each round
// loses its references, and every object no other round references is
// deleted with its provenance, one round per transaction. The caller says
// what a round no longer needing its objects means (final and past
// retention); release is called outside any transaction and may read the
// store. An object shared with a round not released stays.
func (s *Store) PruneObjects(release func(round uint64) bool, limit int) (ObjectPrune, error) {
	if limit <= 0 {
		limit = defaultObjectPruneLimit
	}
	out := ObjectPrune{Rounds: []uint64{}}
	rounds, err := s.ObjectRounds()
	if err != nil {
		return out, err
	}
	for _, round := range rounds {
		if len(out.Rounds) == limit {
			break
		}
		if !release(round) {
			continue
		}
		err := s.update(fmt.Sprintf("release the objects of round %d", round), func(txn *badger.Txn) error {
			return releaseRound(txn, round, &out)
		})
		if err != nil {
			return out, err
		}
		out.Rounds = append(out.Rounds, round)
	}
	return out, nil
}

// releaseRound deletes round's references within txn, and every object
// no other round references, counting them in out. It reads first and
// writes after: an iterator of a read-write transaction sorts every write
// pending in it, once per iterator.
func releaseRound(txn *badger.Txn, round uint64, out *ObjectPrune) error {
	refs, err := roundRefs(txn, round)
	if err != nil {
		return err
	}
	orphans := make([]bool, len(refs))
	for i, o := range refs {
		if orphans[i], err = onlyReference(txn, o, round); err != nil {
			return err
		}
	}
	for i, o := range refs {
		if err := txn.Delete(roundObjKey(round, o)); err != nil {
			return err
		}
		if err := txn.Delete(objRefKey(o, round)); err != nil {
			return err
		}
		if !orphans[i] {
			continue
		}
		n, err := deleteObject(txn, o)
		if err != nil {
			return err
		}
		out.Objects++
		out.Bytes += n
	}
	return nil
}

// onlyReference reports whether round's is the only reference of o.
func onlyReference(txn *badger.Txn, o ObjectRef, round uint64) (bool, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: objRefPrefix(o)})
	defer it.Close()
	own := objRefKey(o, round)
	for it.Rewind(); it.Valid(); it.Next() {
		if !bytes.Equal(it.Item().Key(), own) {
			return false, nil
		}
	}
	return true, nil
}

// deleteObject deletes o's bytes and provenance and returns their size (the
// provenance's, else Badger's estimate).
func deleteObject(txn *badger.Txn, o ObjectRef) (int64, error) {
	var size int64
	if item, err := txn.Get(objKey(o)); err == nil {
		size = item.ValueSize()
	}
	pb, ok, err := get(txn, provKey(o))
	if err != nil {
		return 0, err
	}
	if p, derr := decodeProvenance(pb); ok && derr == nil {
		size = int64(p.Size)
	}
	if err := txn.Delete(objKey(o)); err != nil {
		return 0, err
	}
	return size, txn.Delete(provKey(o))
}
