package api

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/denomwatch/denomwatch/index"
)

// Admin is what the admin endpoints need: the store's dead letters
// (*index.Store has these methods; the daemon wraps RequeueDeadLetter to
// wake the alert dispatcher).
type Admin interface {
	DeadLetters(from uint64, limit int) ([]index.DeadLetter, error)
	DeadLetterCount() (int, error)
	RequeueDeadLetter(seq uint64, webhook string) (uint64, error)
}

// DeadLettersResponse is the body of GET /admin/deadletters: a page of dead
// letters from From, the total stored, and Next, the From of the next page
// (0 when this is the last).
type DeadLettersResponse struct {
	From        uint64             `json:"from"`
	Next        uint64             `json:"next,omitempty"`
	Total       int                `json:"total"`
	DeadLetters []index.DeadLetter `json:"deadLetters"`
}

// Requeued is one dead letter put back in the outbox: entry Seq for
// Webhook ("" for an entry given up whole) is now outbox entry NewSeq.
type Requeued struct {
	Seq     uint64 `json:"seq"`
	Webhook string `json:"webhook,omitempty"`
	NewSeq  uint64 `json:"newSeq"`
}

// RequeueResponse is the body of the requeue endpoints.
type RequeueResponse struct {
	Requeued []Requeued `json:"requeued"`
}

// maxAdminPage bounds a page of dead letters (the index's own bound).
const maxAdminPage = 1000

func (s *Server) adminRoutes(mux *http.ServeMux) {
	post := func(path string, h http.HandlerFunc) {
		mux.Handle("POST "+path, h)
		mux.Handle(path, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", "POST")
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s is not allowed; use POST", quote(r.Method)))
		}))
	}
	mux.Handle("GET /admin/deadletters", http.HandlerFunc(s.listDeadLetters))
	post("/admin/deadletters/{seq}/requeue", s.requeueDeadLetter)
	post("/admin/deadletters/requeue", s.requeueAll)
}

func (s *Server) listDeadLetters(w http.ResponseWriter, r *http.Request) {
	q, ok := query(w, r)
	if !ok {
		return
	}
	from, _, err := optionalUint(q, "from")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	limit, has, err := optionalUint(q, "limit")
	if err == nil && has && (limit == 0 || limit > maxAdminPage) {
		err = fmt.Errorf("limit must be 1 to %d", maxAdminPage)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if !has {
		limit = 100
	}
	dls, err := s.admin.DeadLetters(from, int(limit))
	if err != nil {
		s.storeFailed(w, "read dead letters", err)
		return
	}
	total, err := s.admin.DeadLetterCount()
	if err != nil {
		s.storeFailed(w, "count dead letters", err)
		return
	}
	resp := DeadLettersResponse{From: from, Total: total, DeadLetters: dls}
	if len(dls) >= int(limit) {
		resp.Next = dls[len(dls)-1].Seq + 1
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) requeueDeadLetter(w http.ResponseWriter, r *http.Request) {
	seq, err := parseUint("seq", r.PathValue("seq"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	q, ok := query(w, r)
	if !ok {
		return
	}
	webhook := q.Get("webhook")
	if len(q["webhook"]) > 1 || (webhook != "" && !index.ValidWebhookName(webhook)) {
		writeError(w, http.StatusBadRequest, "webhook must be one webhook name")
		return
	}
	newSeq, err := s.admin.RequeueDeadLetter(seq, webhook)
	switch {
	case errors.Is(err, index.ErrNoEntry):
		writeError(w, http.StatusNotFound, fmt.Sprintf("no dead letter of entry %d for %s", seq, quote(webhook)))
		return
	case err != nil:
		s.storeFailed(w, "requeue a dead letter", err, "seq", seq)
		return
	}
	s.log.Info("dead letter requeued", "seq", seq, "webhook", webhook, "newSeq", newSeq)
	writeJSON(w, http.StatusOK, RequeueResponse{Requeued: []Requeued{{Seq: seq, Webhook: webhook, NewSeq: newSeq}}})
}

// requeueAll puts every dead letter back in the outbox (a page at a time;
// the ones requeued are gone from the next page).
func (s *Server) requeueAll(w http.ResponseWriter, r *http.Request) {
	out := RequeueResponse{Requeued: []Requeued{}}
	for from := uint64(0); ; {
		if err := r.Context().Err(); err != nil {
			writeError(w, http.StatusServiceUnavailable, "the request ended")
			return
		}
		dls, err := s.admin.DeadLetters(from, maxAdminPage)
		if err != nil {
			s.storeFailed(w, "read dead letters", err)
			return
		}
		if len(dls) == 0 {
			break
		}
		for _, dl := range dls {
			newSeq, err := s.admin.RequeueDeadLetter(dl.Seq, dl.Webhook)
			if err != nil && !errors.Is(err, index.ErrNoEntry) {
				s.storeFailed(w, "requeue a dead letter", err, "seq", dl.Seq)
				return
			}
			if err == nil {
				out.Requeued = append(out.Requeued, Requeued{Seq: dl.Seq, Webhook: dl.Webhook, NewSeq: newSeq})
			}
			from = dl.Seq + 1
		}
	}
	s.log.Info("dead letters requeued", "count", len(out.Requeued))
	writeJSON(w, http.StatusOK, out)
}
