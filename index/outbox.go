package index

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// The outbox: alerts waiting for delivery, in the order they were raised,
// with each webhook's delivery state, and the dead letters of deliveries
// given up on.
//
//	| v1/meta/outbox-seq              | 8-byte big-endian: the last sequence number given             |
//	| v1/outbox/<8-byte seq>          | JSON alert body, as raised (never rewritten)                  |
//	| v1/outbox/<8-byte seq>/<name>   | JSON Delivery: webhook <name>'s attempts at entry seq         |
//	| v1/dead/<8-byte seq>/<name>     | JSON DeadLetter: entry seq given up for webhook <name>        |
//	| v1/dead/<8-byte seq>            | JSON DeadLetter: entry seq given up whole (not an event)      |
//
// <name> is a webhook name: 1 to 64 bytes of [A-Za-z0-9._-] (ValidWebhookName).
// An entry's delivery keys sort right after its body and before the next
// entry. A webhook with no delivery key for an entry has not tried it yet.
//
// Entries are enqueued by Apply (BlockUpdate.Alerts, atomically with the
// block) and by Enqueue; sequence numbers only grow, in commit order. An
// entry (body and delivery keys, in one transaction) leaves the outbox by
// CompleteOutbox, once every webhook that should receive it has a finished
// delivery (delivered or dead), or by a whole-entry DeadLetter. Rollback
// never removes outbox records or dead letters.

// Sentinel errors of the outbox; test for them with errors.Is.
var (
	// ErrNoEntry: no outbox entry or dead letter has that sequence number
	// (and webhook name).
	ErrNoEntry = errors.New("no such outbox entry or dead letter")
	// ErrWebhookName: a webhook name that cannot be part of a key.
	ErrWebhookName = errors.New("invalid webhook name")
)

// maxWebhookName bounds a webhook name's length in bytes.
const maxWebhookName = 64

// maxOutboxPage bounds the entries (or dead letters) one read returns.
const maxOutboxPage = 1000

// DeliveryState is where one webhook's delivery of an outbox entry stands.
// The string values are a stable interface (API).
type DeliveryState string

// The delivery states.
const (
	// DeliveryPending: attempted at least once, not yet delivered.
	DeliveryPending DeliveryState = "pending"
	// DeliveryDelivered: the receiver acknowledged it (2xx).
	DeliveryDelivered DeliveryState = "delivered"
	// DeliveryDead: given up after too many attempts; a dead letter holds it.
	DeliveryDead DeliveryState = "dead"
)

// Delivery is one webhook's delivery state of one outbox entry. The
// dispatcher writes it before every attempt (Attempts counts the attempt
// about to be made, NextAttempt is when to retry should it fail or the
// process stop midway) and after it.
type Delivery struct {
	State       DeliveryState `json:"state"`
	Attempts    int           `json:"attempts"`
	LastAttempt time.Time     `json:"lastAttempt,omitzero"`
	NextAttempt time.Time     `json:"nextAttempt,omitzero"`
	// LastStatus is the HTTP status of the last answer (0: no answer).
	LastStatus  int       `json:"lastStatus,omitempty"`
	LastError   string    `json:"lastError,omitempty"`
	DeliveredAt time.Time `json:"deliveredAt,omitzero"`
}

// Finished reports whether nothing more is to be done for this delivery
// (delivered or dead).
func (d Delivery) Finished() bool {
	return d.State == DeliveryDelivered || d.State == DeliveryDead
}

func (d Delivery) check() error {
	switch d.State {
	case DeliveryPending, DeliveryDelivered, DeliveryDead:
	default:
		return fmt.Errorf("unknown delivery state %q", d.State)
	}
	if d.Attempts < 0 {
		return fmt.Errorf("negative attempt count %d", d.Attempts)
	}
	return nil
}

// OutboxEntry is an alert in the outbox with its delivery states.
type OutboxEntry struct {
	Seq  uint64
	Body []byte
	// Deliveries are the delivery states by webhook name; a webhook absent
	// here has not attempted the entry.
	Deliveries map[string]Delivery
}

// DeadLetter is a delivery given up on: for one webhook after too many
// attempts, or (Webhook empty) for the whole entry, whose body is not a
// deliverable event.
type DeadLetter struct {
	Seq        uint64 `json:"seq"`
	Webhook    string `json:"webhook,omitempty"`
	EventID    string `json:"eventId,omitempty"`
	EventType  string `json:"eventType,omitempty"`
	Attempts   int    `json:"attempts"`
	LastStatus int    `json:"lastStatus,omitempty"`
	LastError  string `json:"lastError"`
	// At is when the delivery was given up.
	At time.Time `json:"at"`
	// Body is the entry's body, as it was (and would be) sent.
	Body json.RawMessage `json:"body"`
}

// ValidWebhookName reports whether name can name a webhook in the store's
// keys: 1 to 64 bytes of ASCII letters, digits, '.', '_' and '-'.
func ValidWebhookName(name string) bool {
	if name == "" || len(name) > maxWebhookName {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func outboxKey(seq uint64) []byte { return appendU64(withPrefix(prefixOutbox, 8), seq) }
func deadKey(seq uint64) []byte   { return appendU64(withPrefix(prefixDead, 8), seq) }

// deliveryKey is webhook name's delivery state of entry seq.
func deliveryKey(seq uint64, name string) []byte {
	k := appendU64(withPrefix(prefixOutbox, 9+len(name)), seq)
	return append(append(k, '/'), name...)
}

// deadLetterKey is the dead letter of entry seq for webhook name, or of the
// whole entry when name is empty.
func deadLetterKey(seq uint64, name string) []byte {
	if name == "" {
		return deadKey(seq)
	}
	k := appendU64(withPrefix(prefixDead, 9+len(name)), seq)
	return append(append(k, '/'), name...)
}

// parseNamedKey returns the sequence number and webhook name of a key made
// of prefix, 8 big-endian bytes, '/' and a valid webhook name.
func parseNamedKey(prefix, k []byte) (uint64, string, bool) {
	p := len(prefix)
	if len(k) < p+10 || !bytes.HasPrefix(k, prefix) || k[p+8] != '/' {
		return 0, "", false
	}
	name := string(k[p+9:])
	if !ValidWebhookName(name) {
		return 0, "", false
	}
	return binary.BigEndian.Uint64(k[p : p+8]), name, true
}

// outboxKeyString renders an outbox or dead-letter key for messages.
func outboxKeyString(k []byte) string {
	for _, p := range [][]byte{prefixOutbox, prefixDead} {
		if n, ok := parseU64Key(p, k); ok {
			return fmt.Sprintf("%s%d", p, n)
		}
		if n, name, ok := parseNamedKey(p, k); ok {
			return fmt.Sprintf("%s%d/%s", p, n, name)
		}
	}
	return keyString(k)
}

// enqueue appends bodies to the outbox within txn and returns their
// sequence numbers.
func enqueue(txn *badger.Txn, bodies [][]byte) ([]uint64, error) {
	if len(bodies) == 0 {
		return nil, nil
	}
	var last uint64
	v, ok, err := get(txn, keyOutboxSeq)
	if err != nil {
		return nil, err
	}
	if ok {
		if len(v) != 8 {
			return nil, fmt.Errorf("%w: %s holds %d bytes", ErrInconsistent, keyOutboxSeq, len(v))
		}
		last = binary.BigEndian.Uint64(v)
	}
	seqs := make([]uint64, len(bodies))
	for i, b := range bodies {
		if !json.Valid(b) {
			return nil, fmt.Errorf("alert %d is not JSON", i)
		}
		last++
		seqs[i] = last
		if err := txn.Set(outboxKey(last), b); err != nil {
			return nil, err
		}
	}
	return seqs, txn.Set(keyOutboxSeq, appendU64(nil, last))
}

// Enqueue appends alert bodies (JSON) to the outbox in one transaction and
// returns their sequence numbers.
func (s *Store) Enqueue(bodies ...[]byte) ([]uint64, error) {
	var seqs []uint64
	err := s.update("enqueue alerts", func(txn *badger.Txn) (err error) {
		seqs, err = enqueue(txn, bodies)
		return err
	})
	return seqs, err
}

// update runs fn in one write transaction, serialised with Apply and Rollback.
func (s *Store) update(what string, fn func(txn *badger.Txn) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("index: %s: %w", what, badger.ErrDBClosed)
	}
	if err := s.room(); err != nil {
		return fmt.Errorf("index: %s: %w", what, err)
	}
	if err := s.db.Update(fn); err != nil {
		return fmt.Errorf("index: %s: %w", what, err)
	}
	return nil
}

// pageLimit checks a page size.
func pageLimit(limit int) error {
	if limit <= 0 || limit > maxOutboxPage {
		return fmt.Errorf("index: %w: page of %d (1 to %d)", ErrRange, limit, maxOutboxPage)
	}
	return nil
}

// Outbox returns up to limit outbox entries with sequence numbers from
// from up, in order, each with its delivery states. limit is 1 to 1000
// (else ErrRange). The result is empty, not nil, when none is left.
func (s *Store) Outbox(from uint64, limit int) ([]OutboxEntry, error) {
	if err := pageLimit(limit); err != nil {
		return nil, err
	}
	out := []OutboxEntry{}
	err := s.view(fmt.Sprintf("outbox from %d", from), func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixOutbox, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Seek(outboxKey(from)); it.Valid(); it.Next() {
			item := it.Item()
			k := item.Key()
			if seq, ok := parseU64Key(prefixOutbox, k); ok {
				if len(out) == limit {
					break
				}
				body, err := item.ValueCopy(nil)
				if err != nil {
					return err
				}
				out = append(out, OutboxEntry{Seq: seq, Body: body, Deliveries: map[string]Delivery{}})
				continue
			}
			seq, name, ok := parseNamedKey(prefixOutbox, k)
			if !ok {
				return fmt.Errorf("%w: malformed key %s", ErrInconsistent, outboxKeyString(k))
			}
			if len(out) == 0 || out[len(out)-1].Seq != seq {
				return fmt.Errorf("%w: delivery state %s has no entry", ErrInconsistent, outboxKeyString(k))
			}
			d, err := decodeDelivery(item)
			if err != nil {
				return fmt.Errorf("%w: %v", ErrInconsistent, err)
			}
			out[len(out)-1].Deliveries[name] = d
		}
		return nil
	})
	return out, err
}

// decodeDelivery decodes a delivery state; its error (not classified) names
// the key.
func decodeDelivery(item *badger.Item) (Delivery, error) {
	var d Delivery
	err := item.Value(func(v []byte) error {
		if err := json.Unmarshal(v, &d); err != nil {
			return err
		}
		return d.check()
	})
	if err != nil {
		return Delivery{}, fmt.Errorf("%s does not decode: %v", outboxKeyString(item.Key()), err)
	}
	return d, nil
}

// OutboxDepth returns the number of entries in the outbox.
func (s *Store) OutboxDepth() (int, error) {
	n := 0
	err := s.view("outbox depth", func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixOutbox})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if _, ok := parseU64Key(prefixOutbox, it.Item().Key()); ok {
				n++
			}
		}
		return nil
	})
	return n, err
}

// SetDelivery writes webhook's delivery state of entry seq. It fails with
// ErrNoEntry when the entry is not in the outbox, and with ErrWebhookName
// for a name that cannot be part of a key.
func (s *Store) SetDelivery(seq uint64, webhook string, d Delivery) error {
	what := fmt.Sprintf("delivery of outbox entry %d to %q", seq, webhook)
	if !ValidWebhookName(webhook) {
		return fmt.Errorf("index: %s: %w", what, ErrWebhookName)
	}
	if err := d.check(); err != nil {
		return fmt.Errorf("index: %s: %w", what, err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("index: %s: %w", what, err)
	}
	return s.update(what, func(txn *badger.Txn) error {
		ok, err := has(txn, outboxKey(seq))
		if err != nil {
			return err
		}
		if !ok {
			return ErrNoEntry
		}
		return txn.Set(deliveryKey(seq, webhook), b)
	})
}

// DeadLetter gives up on entry dl.Seq, in one transaction: for webhook
// dl.Webhook, it stores the dead letter and marks the webhook's delivery
// dead (with dl's attempts, status and error); with dl.Webhook empty, it
// stores the dead letter and removes the entry whole. An empty dl.Body is
// filled with the entry's body. It fails with ErrNoEntry when the entry is
// not in the outbox.
func (s *Store) DeadLetter(dl DeadLetter) error {
	what := fmt.Sprintf("dead letter of outbox entry %d for %q", dl.Seq, dl.Webhook)
	if dl.Webhook != "" && !ValidWebhookName(dl.Webhook) {
		return fmt.Errorf("index: %s: %w", what, ErrWebhookName)
	}
	if len(dl.Body) > 0 && !json.Valid(dl.Body) {
		return fmt.Errorf("index: %s: the body is not JSON", what)
	}
	return s.update(what, func(txn *badger.Txn) error {
		body, ok, err := get(txn, outboxKey(dl.Seq))
		if err != nil {
			return err
		}
		if !ok {
			return ErrNoEntry
		}
		if len(dl.Body) == 0 {
			dl.Body = body
		}
		b, err := json.Marshal(dl)
		if err != nil {
			return err
		}
		if err := txn.Set(deadLetterKey(dl.Seq, dl.Webhook), b); err != nil {
			return err
		}
		if dl.Webhook == "" {
			return deleteEntry(txn, dl.Seq)
		}
		d := Delivery{State: DeliveryDead, Attempts: dl.Attempts, LastStatus: dl.LastStatus, LastError: dl.LastError}
		if v, ok, err := get(txn, deliveryKey(dl.Seq, dl.Webhook)); err != nil {
			return err
		} else if ok {
			var prev Delivery
			if json.Unmarshal(v, &prev) == nil {
				d.LastAttempt = prev.LastAttempt
			}
		}
		db, err := json.Marshal(d)
		if err != nil {
			return err
		}
		return txn.Set(deliveryKey(dl.Seq, dl.Webhook), db)
	})
}

// CompleteOutbox removes entry seq (its body and every delivery state) when
// each webhook named has a finished delivery of it (delivered or dead);
// with no name given, it removes the entry unconditionally. It returns
// whether the entry is gone from the outbox (true also when it was already
// gone).
func (s *Store) CompleteOutbox(seq uint64, webhooks []string) (bool, error) {
	var done bool
	err := s.update(fmt.Sprintf("complete outbox entry %d", seq), func(txn *badger.Txn) error {
		ok, err := has(txn, outboxKey(seq))
		if err != nil {
			return err
		}
		if !ok {
			done = true
			return nil
		}
		for _, name := range webhooks {
			if !ValidWebhookName(name) {
				return fmt.Errorf("%w %q", ErrWebhookName, name)
			}
			item, err := txn.Get(deliveryKey(seq, name))
			if errors.Is(err, badger.ErrKeyNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			d, err := decodeDelivery(item)
			if err != nil {
				return fmt.Errorf("%w: %v", ErrInconsistent, err)
			}
			if !d.Finished() {
				return nil
			}
		}
		done = true
		return deleteEntry(txn, seq)
	})
	return done, err
}

// deleteEntry deletes entry seq's body and delivery states.
func deleteEntry(txn *badger.Txn, seq uint64) error {
	keys := [][]byte{outboxKey(seq)}
	prefix := append(outboxKey(seq), '/')
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	for it.Rewind(); it.Valid(); it.Next() {
		keys = append(keys, it.Item().KeyCopy(nil))
	}
	it.Close()
	for _, k := range keys {
		if err := txn.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// DeadLetters returns dead letters with sequence numbers from from up,
// oldest first, webhook by name within an entry: at least limit of them
// when as many are stored, and never part of one entry's (so the next page
// starts at the last Seq+1). limit is 1 to 1000 (else ErrRange). The result
// is empty, not nil, when none is left.
func (s *Store) DeadLetters(from uint64, limit int) ([]DeadLetter, error) {
	if err := pageLimit(limit); err != nil {
		return nil, err
	}
	out := []DeadLetter{}
	err := s.view(fmt.Sprintf("dead letters from %d", from), func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixDead, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Seek(deadKey(from)); it.Valid(); it.Next() {
			item := it.Item()
			dl, err := decodeDeadLetter(item)
			if err != nil {
				return fmt.Errorf("%w: %v", ErrInconsistent, err)
			}
			if len(out) >= limit && out[len(out)-1].Seq != dl.Seq {
				break
			}
			out = append(out, dl)
		}
		return nil
	})
	return out, err
}

// decodeDeadLetter decodes a dead letter and checks it against its key;
// its error (not classified) names the key.
func decodeDeadLetter(item *badger.Item) (DeadLetter, error) {
	k := item.Key()
	seq, name, ok := parseNamedKey(prefixDead, k)
	if !ok {
		if seq, ok = parseU64Key(prefixDead, k); !ok {
			return DeadLetter{}, fmt.Errorf("malformed key %s", outboxKeyString(k))
		}
	}
	var dl DeadLetter
	err := item.Value(func(v []byte) error {
		if err := json.Unmarshal(v, &dl); err != nil {
			return err
		}
		switch {
		case dl.Seq != seq || dl.Webhook != name:
			return fmt.Errorf("it is entry %d's for %q", dl.Seq, dl.Webhook)
		case !json.Valid(dl.Body):
			return errors.New("its body is not JSON")
		case dl.Attempts < 0:
			return fmt.Errorf("negative attempt count %d", dl.Attempts)
		}
		return nil
	})
	if err != nil {
		return DeadLetter{}, fmt.Errorf("%s does not decode: %v", outboxKeyString(k), err)
	}
	return dl, nil
}

// DeadLetterCount returns the number of dead letters stored.
func (s *Store) DeadLetterCount() (int, error) {
	n := 0
	err := s.view("dead letter count", func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixDead})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			n++
		}
		return nil
	})
	return n, err
}

// DeleteDeadLetter removes the dead letter of entry seq for webhook (the
// whole entry's when webhook is empty), or fails with ErrNoEntry.
func (s *Store) DeleteDeadLetter(seq uint64, webhook string) error {
	return s.update(fmt.Sprintf("delete dead letter of entry %d for %q", seq, webhook), func(txn *badger.Txn) error {
		k := deadLetterKey(seq, webhook)
		ok, err := has(txn, k)
		if err != nil {
			return err
		}
		if !ok {
			return ErrNoEntry
		}
		return txn.Delete(k)
	})
}

// RequeueDeadLetter puts the body of the dead letter of entry seq for
// webhook (the whole entry's when webhook is empty) back in the outbox, as
// a new entry, and removes the dead letter, in one transaction. It returns
// the new entry's sequence number, or fails with ErrNoEntry. The new entry
// goes to every webhook that matches it, with the same event id, so a
// receiver that already has it drops it as a duplicate.
func (s *Store) RequeueDeadLetter(seq uint64, webhook string) (uint64, error) {
	var newSeq uint64
	err := s.update(fmt.Sprintf("requeue dead letter of entry %d for %q", seq, webhook), func(txn *badger.Txn) error {
		k := deadLetterKey(seq, webhook)
		item, err := txn.Get(k)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return ErrNoEntry
		}
		if err != nil {
			return err
		}
		dl, err := decodeDeadLetter(item)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrInconsistent, err)
		}
		seqs, err := enqueue(txn, [][]byte{dl.Body})
		if err != nil {
			return err
		}
		newSeq = seqs[0]
		return txn.Delete(k)
	})
	return newSeq, err
}

// outbox checks an outbox record (a body or a delivery state) or a dead
// letter: its key's shape, and that its value decodes and agrees with the
// key.
func (c *checker) outbox(item *badger.Item, k []byte) {
	switch {
	case bytes.HasPrefix(k, prefixOutbox):
		if _, ok := parseU64Key(prefixOutbox, k); ok {
			if err := item.Value(func(v []byte) error {
				if !json.Valid(v) {
					return errors.New("not JSON")
				}
				return nil
			}); err != nil {
				c.addf("%s: %v", outboxKeyString(k), err)
			}
			return
		}
		if _, _, ok := parseNamedKey(prefixOutbox, k); !ok {
			c.addf("malformed key %s", outboxKeyString(k))
			return
		}
		if _, err := decodeDelivery(item); err != nil {
			c.addf("%v", err)
		}
	case bytes.HasPrefix(k, prefixDead):
		if _, err := decodeDeadLetter(item); err != nil {
			c.addf("%v", err)
		}
	default:
		c.addf("malformed key %s", outboxKeyString(k))
	}
}
