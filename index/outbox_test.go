package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func body(n int) []byte { return fmt.Appendf(nil, `{"id":"e%d","type":"fraud_detected"}`, n) }

func mustEnqueue(t *testing.T, s *Store, bodies ...[]byte) []uint64 {
	t.Helper()
	seqs, err := s.Enqueue(bodies...)
	if err != nil {
		t.Fatalf("Enqueue: %v", err)
	}
	return seqs
}

func mustCheck(t *testing.T, s *Store) {
	t.Helper()
	if err := s.Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
}

func mustOutbox(t *testing.T, s *Store, from uint64, limit int) []OutboxEntry {
	t.Helper()
	es, err := s.Outbox(from, limit)
	if err != nil {
		t.Fatalf("Outbox(%d, %d): %v", from, limit, err)
	}
	return es
}

func seqsOf(es []OutboxEntry) []uint64 {
	out := []uint64{}
	for _, e := range es {
		out = append(out, e.Seq)
	}
	return out
}

func TestOutboxDeliveries(t *testing.T) {
	s := openMem(t, 0)
	if got := mustEnqueue(t, s, body(1), body(2), body(3)); !slices.Equal(got, []uint64{1, 2, 3}) {
		t.Fatalf("Enqueue = %v", got)
	}
	es := mustOutbox(t, s, 0, 10)
	if !slices.Equal(seqsOf(es), []uint64{1, 2, 3}) || string(es[1].Body) != string(body(2)) || len(es[1].Deliveries) != 0 {
		t.Fatalf("Outbox = %+v", es)
	}

	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	pending := Delivery{State: DeliveryPending, Attempts: 1, LastAttempt: now, NextAttempt: now.Add(time.Second), LastError: "HTTP 503"}
	for _, name := range []string{"ops", "b-1.x_Y"} {
		if err := s.SetDelivery(2, name, pending); err != nil {
			t.Fatalf("SetDelivery(2, %s): %v", name, err)
		}
	}
	mustCheck(t, s)
	// A page ends with a whole entry: entry 2's delivery states come with it.
	es = mustOutbox(t, s, 2, 1)
	if !slices.Equal(seqsOf(es), []uint64{2}) || len(es[0].Deliveries) != 2 || es[0].Deliveries["ops"] != pending {
		t.Fatalf("Outbox(2, 1) = %+v", es)
	}
	if !slices.Equal(seqsOf(mustOutbox(t, s, 3, 5)), []uint64{3}) {
		t.Fatal("Outbox(3, 5) is not entry 3")
	}

	if done, err := s.CompleteOutbox(2, []string{"ops", "b-1.x_Y"}); done || err != nil {
		t.Fatalf("CompleteOutbox with pending deliveries = %v, %v", done, err)
	}
	if done, err := s.CompleteOutbox(2, []string{"ops", "never-tried"}); done || err != nil {
		t.Fatalf("CompleteOutbox with an untried webhook = %v, %v", done, err)
	}
	delivered := pending
	delivered.State, delivered.DeliveredAt, delivered.NextAttempt = DeliveryDelivered, now, time.Time{}
	if err := s.SetDelivery(2, "ops", delivered); err != nil {
		t.Fatal(err)
	}
	dl := DeadLetter{Seq: 2, Webhook: "b-1.x_Y", EventID: "e2", EventType: "fraud_detected", Attempts: 12, LastStatus: 500, LastError: "HTTP 500", At: now}
	if err := s.DeadLetter(dl); err != nil {
		t.Fatalf("DeadLetter: %v", err)
	}
	es = mustOutbox(t, s, 2, 1)
	if d := es[0].Deliveries["b-1.x_Y"]; d.State != DeliveryDead || d.Attempts != 12 || !d.LastAttempt.Equal(now) || !d.Finished() {
		t.Fatalf("delivery after DeadLetter = %+v", d)
	}
	mustCheck(t, s)
	if done, err := s.CompleteOutbox(2, []string{"ops", "b-1.x_Y"}); !done || err != nil {
		t.Fatalf("CompleteOutbox with finished deliveries = %v, %v", done, err)
	}
	if done, err := s.CompleteOutbox(2, []string{"ops"}); !done || err != nil {
		t.Fatalf("CompleteOutbox of a removed entry = %v, %v", done, err)
	}
	for k := range dump(t, s) {
		if strings.HasPrefix(k, string(outboxKey(2))) {
			t.Errorf("key %s left after CompleteOutbox", outboxKeyString([]byte(k)))
		}
	}
	if n, err := s.OutboxDepth(); n != 2 || err != nil {
		t.Fatalf("OutboxDepth = %d, %v; want 2", n, err)
	}
	// No webhook named: completed unconditionally.
	if done, err := s.CompleteOutbox(1, nil); !done || err != nil {
		t.Fatalf("CompleteOutbox(1, nil) = %v, %v", done, err)
	}
	letters, err := s.DeadLetters(0, 10)
	if err != nil || len(letters) != 1 {
		t.Fatalf("DeadLetters = %+v, %v", letters, err)
	}
	want := dl
	want.Body = body(2)
	if got := letters[0]; got.Seq != want.Seq || got.Webhook != want.Webhook || got.EventID != want.EventID || got.Attempts != 12 ||
		string(got.Body) != string(want.Body) || !got.At.Equal(now) || got.LastStatus != 500 {
		t.Fatalf("dead letter = %+v, want %+v", got, want)
	}
	// Sequence numbers only grow, whatever left the outbox.
	if got := mustEnqueue(t, s, body(4)); !slices.Equal(got, []uint64{4}) {
		t.Fatalf("Enqueue after completions = %v", got)
	}
	mustCheck(t, s)
}

func TestOutboxErrors(t *testing.T) {
	s := openMem(t, 0)
	mustEnqueue(t, s, body(1))
	ok := Delivery{State: DeliveryPending, Attempts: 1}
	tests := []struct {
		name string
		err  error
		want error // nil: any error
	}{
		{"delivery of a missing entry", s.SetDelivery(9, "ops", ok), ErrNoEntry},
		{"empty webhook name", s.SetDelivery(1, "", ok), ErrWebhookName},
		{"webhook name with a slash", s.SetDelivery(1, "a/b", ok), ErrWebhookName},
		{"webhook name too long", s.SetDelivery(1, strings.Repeat("a", 65), ok), ErrWebhookName},
		{"unknown state", s.SetDelivery(1, "ops", Delivery{State: "maybe"}), nil},
		{"negative attempts", s.SetDelivery(1, "ops", Delivery{State: DeliveryPending, Attempts: -1}), nil},
		{"dead letter of a missing entry", s.DeadLetter(DeadLetter{Seq: 9, Webhook: "ops"}), ErrNoEntry},
		{"dead letter with a bad name", s.DeadLetter(DeadLetter{Seq: 1, Webhook: "a b"}), ErrWebhookName},
		{"dead letter body not JSON", s.DeadLetter(DeadLetter{Seq: 1, Webhook: "ops", Body: []byte("{")}), nil},
		{"complete with a bad name", func() error { _, err := s.CompleteOutbox(1, []string{"a b"}); return err }(), ErrWebhookName},
		{"delete a missing dead letter", s.DeleteDeadLetter(1, "ops"), ErrNoEntry},
		{"requeue a missing dead letter", func() error { _, err := s.RequeueDeadLetter(1, ""); return err }(), ErrNoEntry},
		{"outbox page of 0", func() error { _, err := s.Outbox(0, 0); return err }(), ErrRange},
		{"outbox page of 1001", func() error { _, err := s.Outbox(0, 1001); return err }(), ErrRange},
		{"dead letter page of 0", func() error { _, err := s.DeadLetters(0, 0); return err }(), ErrRange},
		{"enqueue not JSON", func() error { _, err := s.Enqueue([]byte("{")); return err }(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("no error")
			}
			if tt.want != nil && !errors.Is(tt.err, tt.want) {
				t.Fatalf("error %v is not %v", tt.err, tt.want)
			}
		})
	}
	// Nothing above changed the store.
	es := mustOutbox(t, s, 0, 10)
	if len(es) != 1 || len(es[0].Deliveries) != 0 {
		t.Fatalf("outbox after refused writes = %+v", es)
	}
	mustCheck(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.SetDelivery(1, "ops", ok); err == nil {
		t.Fatal("SetDelivery on a closed store succeeded")
	}
}

func TestDeadLetters(t *testing.T) {
	s := openMem(t, 0)
	mustEnqueue(t, s, body(1), body(2), body(3), []byte(`"not an event"`))
	at := time.Unix(1_700_000_000, 0).UTC()
	for _, dl := range []DeadLetter{
		{Seq: 1, Webhook: "b", Attempts: 3, LastError: "x", At: at},
		{Seq: 1, Webhook: "a", Attempts: 3, LastError: "x", At: at},
		{Seq: 2, Webhook: "a", Attempts: 3, LastError: "x", At: at},
		{Seq: 3, Webhook: "c", Attempts: 3, LastError: "x", At: at, Body: json.RawMessage(`{"given":true}`)},
		{Seq: 4, LastError: "not an event", At: at}, // the whole entry
	} {
		if err := s.DeadLetter(dl); err != nil {
			t.Fatalf("DeadLetter(%d, %q): %v", dl.Seq, dl.Webhook, err)
		}
	}
	mustCheck(t, s)
	if n, err := s.OutboxDepth(); n != 3 || err != nil {
		t.Fatalf("OutboxDepth = %d, %v; want 3 (entry 4 left whole)", n, err)
	}
	if n, err := s.DeadLetterCount(); n != 5 || err != nil {
		t.Fatalf("DeadLetterCount = %d, %v", n, err)
	}
	key := func(dl DeadLetter) string { return fmt.Sprintf("%d/%s", dl.Seq, dl.Webhook) }
	pages := []struct {
		from  uint64
		limit int
		want  []string
	}{
		{0, 1000, []string{"1/a", "1/b", "2/a", "3/c", "4/"}},
		{0, 1, []string{"1/a", "1/b"}}, // entry 1's letters are not split
		{2, 1, []string{"2/a"}},
		{3, 2, []string{"3/c", "4/"}},
		{5, 2, []string{}},
	}
	for _, p := range pages {
		got, err := s.DeadLetters(p.from, p.limit)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, dl := range got {
			keys = append(keys, key(dl))
		}
		if !slices.Equal(keys, p.want) && !(len(keys) == 0 && len(p.want) == 0) {
			t.Errorf("DeadLetters(%d, %d) = %v, want %v", p.from, p.limit, keys, p.want)
		}
	}
	all, _ := s.DeadLetters(0, 100)
	if string(all[3].Body) != `{"given":true}` || string(all[4].Body) != `"not an event"` || string(all[0].Body) != string(body(1)) {
		t.Fatalf("dead letter bodies: %s / %s / %s", all[3].Body, all[4].Body, all[0].Body)
	}

	seq, err := s.RequeueDeadLetter(4, "")
	if err != nil || seq != 5 {
		t.Fatalf("RequeueDeadLetter(4) = %d, %v; want 5", seq, err)
	}
	es := mustOutbox(t, s, 5, 1)
	if len(es) != 1 || string(es[0].Body) != `"not an event"` {
		t.Fatalf("requeued entry = %+v", es)
	}
	if err := s.DeleteDeadLetter(1, "b"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.DeadLetterCount(); n != 3 {
		t.Fatalf("DeadLetterCount after requeue and delete = %d, want 3", n)
	}
	mustCheck(t, s)
}

func TestOutboxCheck(t *testing.T) {
	valid, _ := json.Marshal(Delivery{State: DeliveryPending, Attempts: 1})
	letter := func(seq uint64, name string) []byte {
		b, _ := json.Marshal(DeadLetter{Seq: seq, Webhook: name, Attempts: 1, Body: json.RawMessage(`{}`)})
		return b
	}
	tests := []struct {
		name       string
		key, value []byte
		want       string
	}{
		{"body not JSON", outboxKey(1), []byte("{"), "v1/outbox/1: not JSON"},
		{"delivery not JSON", deliveryKey(1, "ops"), []byte("{"), "v1/outbox/1/ops does not decode"},
		{"delivery of unknown state", deliveryKey(1, "ops"), []byte(`{"state":"maybe"}`), `unknown delivery state "maybe"`},
		{"delivery key with a bad name", append(outboxKey(1), "/a b"...), valid, "malformed key"},
		{"delivery key with an empty name", append(outboxKey(1), '/'), valid, "malformed key"},
		{"outbox key too short", []byte("v1/outbox/abc"), valid, "malformed key"},
		{"dead letter under another seq", deadLetterKey(2, "ops"), letter(3, "ops"), `v1/dead/2/ops does not decode: it is entry 3's for "ops"`},
		{"dead letter under another name", deadLetterKey(2, "ops"), letter(2, "dev"), `it is entry 2's for "dev"`},
		{"whole dead letter naming a webhook", deadLetterKey(2, ""), letter(2, "ops"), `it is entry 2's for "ops"`},
		{"dead letter without a body", deadLetterKey(2, "ops"), []byte(`{"seq":2,"webhook":"ops"}`), "its body is not JSON"},
		{"dead letter key malformed", []byte("v1/dead/xy"), letter(0, ""), "malformed key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openMem(t, 0)
			mustEnqueue(t, s, body(1))
			setRaw(t, s, tt.key, tt.value)
			err := s.Check()
			if !errors.Is(err, ErrInconsistent) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Check = %v; want ErrInconsistent with %q", err, tt.want)
			}
		})
	}
	t.Run("valid records", func(t *testing.T) {
		s := openMem(t, 0)
		mustEnqueue(t, s, body(1))
		setRaw(t, s, deliveryKey(1, "ops"), valid)
		setRaw(t, s, deadLetterKey(2, "ops"), letter(2, "ops"))
		setRaw(t, s, deadLetterKey(3, ""), letter(3, ""))
		mustCheck(t, s)
	})
}

// The outbox, delivery states and dead letters survive a rollback (side
// records) and a reopen; Apply enqueues its alerts only with its block.
func TestOutboxRollbackAndReopen(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir, 0)
	for n := uint64(1); n <= 6; n++ {
		u := testUpdate(n, 0)
		u.Alerts = [][]byte{body(int(n))}
		if err := s.Apply(u); err != nil {
			t.Fatal(err)
		}
	}
	refused := testUpdate(3, 1)
	refused.Alerts = [][]byte{body(99)}
	if err := s.Apply(refused); !errors.Is(err, ErrOrder) {
		t.Fatalf("Apply(3) after 6 = %v, want ErrOrder", err)
	}
	if err := s.SetDelivery(5, "ops", Delivery{State: DeliveryPending, Attempts: 2}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeadLetter(DeadLetter{Seq: 6, Webhook: "ops", Attempts: 3}); err != nil {
		t.Fatal(err)
	}
	side := func() map[string]string {
		all := dump(t, s)
		for k := range all {
			if !strings.HasPrefix(k, string(prefixOutbox)) && !strings.HasPrefix(k, string(prefixDead)) && k != string(keyOutboxSeq) {
				delete(all, k)
			}
		}
		return all
	}
	before := side()
	if len(before) != 6+2+1+1 {
		t.Fatalf("%d side records, want 10 (6 entries, 2 delivery states, a dead letter, the counter)", len(before))
	}
	if err := s.Rollback(2); err != nil {
		t.Fatal(err)
	}
	if d := diffDumps(before, side()); d != "" {
		t.Fatalf("Rollback changed the outbox:\n%s", d)
	}
	mustCheck(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openDir(t, dir, 0)
	if d := diffDumps(before, side()); d != "" {
		t.Fatalf("reopen changed the outbox:\n%s", d)
	}
	es := mustOutbox(t, s, 5, 1)
	if len(es) != 1 || es[0].Deliveries["ops"].Attempts != 2 {
		t.Fatalf("entry 5 after reopen = %+v", es)
	}
	if got := mustEnqueue(t, s, body(7)); !slices.Equal(got, []uint64{7}) {
		t.Fatalf("Enqueue after reopen = %v, want [7]", got)
	}
	mustCheck(t, s)
}

func TestValidWebhookName(t *testing.T) {
	for name, want := range map[string]bool{
		"ops": true, "A-b_c.9": true, strings.Repeat("x", 64): true,
		"": false, strings.Repeat("x", 65): false, "a/b": false, "a b": false, "é": false, "a\n": false,
	} {
		if got := ValidWebhookName(name); got != want {
			t.Errorf("ValidWebhookName(%q) = %v", name, got)
		}
	}
}
