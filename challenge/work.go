package challenge

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/denomwatch/denomwatch/challenge/solve"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
)

// work is one record followed: the record, its JSON as stored (nil: never
// stored), its round's index record (nil: not in the index), and the facts
// gathered this pass.
type work struct {
	rec      solve.Record
	stored   []byte
	round    *index.Round
	facts    solve.Facts
	gathered bool
	// batchBlock is the submission block of the record's batch as last
	// known (the first block its events are read from).
	batchBlock uint64
}

// load reads the stored records: every one not settled, and the settled
// ones whose basis a reorganisation could still take away (watched until
// beyond, see keep).
func (e *Executor) load() error {
	all, err := e.d.Store.SolveRecords()
	if err != nil {
		return err
	}
	for _, sr := range all {
		rec, err := solve.DecodeRecord(sr.Record)
		if err != nil {
			return fmt.Errorf("decision record of round %d attempt %d: %w", sr.Round, sr.Attempt, err)
		}
		e.works[batch{rec.Round, rec.Attempt}] = &work{rec: rec, stored: sr.Record}
	}
	return nil
}

// inflightNonces are the nonces of the records' moves in flight.
func (e *Executor) inflightNonces() []uint64 {
	var out []uint64
	for _, w := range e.works {
		if m := w.rec.Move; m != nil {
			out = append(out, m.Nonce)
		}
	}
	return out
}

// collect lists the pass's work: a new record for each judged round whose
// verdict calls for a move on its live batch, and every record followed
// that is open or settled on a fact not yet beyond a reorganisation; each
// with its round's index record.
func (e *Executor) collect(head uint64) ([]*work, error) {
	rounds, err := e.scan.rounds(e.d.Store)
	if err != nil {
		return nil, err
	}
	for _, r := range rounds {
		if a, ok := actionable(r); ok {
			if _, seen := e.works[batch{r.Round, a}]; !seen {
				e.works[batch{r.Round, a}] = &work{rec: solve.NewRecord(r.Round, a)}
			}
		}
	}
	var out []*work
	for _, k := range slices.SortedFunc(maps.Keys(e.works), cmpBatch) {
		w := e.works[k]
		if !keep(&w.rec, head, e.cfg.SettledDepth) {
			e.retired.retire(&w.rec)
			delete(e.works, k)
			continue
		}
		r, ok := rounds[k.round]
		if !ok {
			rd, found, err := e.d.Store.Round(k.round)
			if err != nil {
				return nil, err
			}
			if found {
				r = &rd
			}
		}
		w.round = r
		out = append(out, w)
	}
	return out, nil
}

func cmpBatch(a, b batch) int {
	if a.round != b.round {
		return cmpU64(a.round, b.round)
	}
	return cmpU64(a.attempt, b.attempt)
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// actionable returns the attempt of round r's live batch when the v2
// verdict on it calls for a move (fraud or unavailable).
func actionable(r *index.Round) (uint64, bool) {
	v := r.Judgement
	if r.Protocol != index.ProtocolV2 || v == nil || v.Attempt == nil {
		return 0, false
	}
	if v.Status != judge.StatusFraud && v.Status != judge.StatusUnavailable {
		return 0, false
	}
	b := batchOf(r, *v.Attempt)
	return *v.Attempt, b != nil && b.Status == index.BatchLive
}

// batchOf is round r's batch of attempt a, nil when the record has none.
func batchOf(r *index.Round, a uint64) *index.Batch {
	if r == nil {
		return nil
	}
	for i := range r.Batches {
		if b := &r.Batches[i]; b.Attempt != nil && *b.Attempt == a {
			return b
		}
	}
	return nil
}

// keep reports whether a record is still followed at head: open, or
// settled on a live batch (the basis holds while the batch stays live),
// or on an event or deadline fewer than depth blocks behind the head.
func keep(r *solve.Record, head, depth uint64) bool {
	f := r.Final
	if f == nil || f.Basis.Kind == solve.BasisLive {
		return true
	}
	at := f.Basis.Block
	if f.Basis.Kind == solve.BasisDeadline {
		at = f.Basis.Deadline
	}
	return head <= at+depth
}

// roundScan finds the v2 rounds with verdicts, reading each round once until
// it is finalized: the rounds not finalized are watched, and only rounds
// above the highest scanned are read anew. A rollback of the index (its
// checkpoint going back) starts the scan over.
type roundScan struct {
	watch      map[uint64]bool
	scanned    uint64
	checkpoint uint64
}

func newRoundScan() roundScan { return roundScan{watch: map[uint64]bool{}} }

// roundPage is how many rounds one read of the index takes.
const roundPage = 1000

// rounds returns the watched rounds' records, by round.
func (s *roundScan) rounds(st Store) (map[uint64]*index.Round, error) {
	cp, _, err := st.Checkpoint()
	if err != nil {
		return nil, err
	}
	latest, _, err := st.LatestRound()
	if err != nil {
		return nil, err
	}
	if cp.Number < s.checkpoint || latest < s.scanned {
		s.watch, s.scanned = map[uint64]bool{}, 0
	}
	s.checkpoint = cp.Number
	out := map[uint64]*index.Round{}
	for from := s.scanned + 1; from <= latest; from += roundPage {
		rs, err := st.Rounds(from, min(latest, from+roundPage-1))
		if err != nil {
			return nil, err
		}
		for i := range rs {
			out[rs[i].Round] = &rs[i]
			s.watch[rs[i].Round] = true
		}
	}
	s.scanned = latest
	for n := range s.watch {
		if _, read := out[n]; !read {
			r, ok, err := st.Round(n)
			if err != nil {
				return nil, err
			}
			if ok {
				out[n] = &r
			}
		}
		if r := out[n]; r == nil || r.Finalized {
			delete(s.watch, n)
		}
	}
	return out, nil
}

// gathered returns the works whose facts were gathered.
func gathered(ws []*work) []*work {
	return slices.DeleteFunc(slices.Clone(ws), func(w *work) bool { return !w.gathered })
}

func records(ws []*work) []solve.Record {
	out := make([]solve.Record, len(ws))
	for i, w := range ws {
		out[i] = w.rec
	}
	return out
}

func facts(ws []*work) []solve.Facts {
	out := make([]solve.Facts, len(ws))
	for i, w := range ws {
		out[i] = w.facts
	}
	return out
}

// save stores rec as w's record, with alert bodies, when it differs from
// what is stored (or alerts come with it).
func (e *Executor) save(w *work, rec solve.Record, alerts ...[]byte) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode the record: %w", err)
	}
	if string(b) != string(w.stored) || len(alerts) > 0 {
		sr := index.SolveRecord{Round: rec.Round, Attempt: rec.Attempt, Open: rec.Final == nil, Record: b}
		if err := e.d.Store.PutSolveRecord(sr, alerts...); err != nil {
			return err
		}
	}
	w.rec, w.stored = rec, b
	return nil
}
