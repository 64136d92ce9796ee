package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/denomwatch/denomwatch/health"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/metrics"
	"github.com/denomwatch/denomwatch/recompute"
)

// Health is the body of /healthz.
type Health struct {
	Status string `json:"status"`
}

// Readiness is the body of /readyz.
type Readiness struct {
	Ready     bool   `json:"ready"`
	Head      uint64 `json:"head"`
	Processed uint64 `json:"processed"`
	Lag       uint64 `json:"lag"`
	// NodeStalled: the node produced no new head, or answered no call, for
	// longer than allowed, or it is syncing (only with a NodeHealth).
	NodeStalled bool `json:"nodeStalled"`
	// HeadAgeSeconds is the time since the head last moved (with a
	// NodeHealth).
	HeadAgeSeconds float64 `json:"headAgeSeconds,omitempty"`
	// Blinded: the watcher stopped judging because what its endpoints
	// serve fails verification, or they disagree with no majority (README
	// "Trust model").
	Blinded bool `json:"blinded,omitempty"`
	// Reason says why the watcher is not ready.
	Reason string `json:"reason,omitempty"`
}

// RoundsResponse is the body of /v1/rounds: the rounds stored in From..To
// (inclusive), ascending.
type RoundsResponse struct {
	From   uint64      `json:"from"`
	To     uint64      `json:"to"`
	Rounds []RoundView `json:"rounds"`
}

// AllocationsResponse is the body of /v1/recipients/{address}/allocations:
// the round, the recipient, the watcher's verdict on the round and
// RoundAllocations' fields (data, rule, reason, missing, batch,
// allocations) at the top level.
type AllocationsResponse struct {
	Round     uint64         `json:"round"`
	Recipient common.Address `json:"recipient"`
	Verdict   index.Verdict  `json:"verdict"`
	RoundAllocations
}

// ErrorResponse is the body of every error.
type ErrorResponse struct {
	Error string `json:"error"`
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, Health{Status: "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, _ *http.Request) {
	head, processed := s.status.Head(), s.status.Processed()
	rd := Readiness{Head: head, Processed: processed, Lag: metrics.Lag(head, processed)}
	var node health.Verdict
	if s.health != nil {
		node = s.health.Check()
		rd.NodeStalled, rd.HeadAgeSeconds = node.Stalled, node.HeadAge.Seconds()
	}
	var blinded error
	if b, ok := s.status.(Blinder); ok {
		blinded = b.Blinded()
	}
	switch _, _, err := s.store.Checkpoint(); {
	case err != nil:
		s.log.Error("API store read failed", "op", "read the checkpoint", "err", err)
		rd.Reason = "the store cannot be read"
	case blinded != nil:
		rd.Blinded = true
		rd.Reason = "the watcher judges nothing it cannot verify: " + blinded.Error()
	case node.Stalled:
		rd.Reason = "the node is stalled: " + node.Reason
	case rd.Lag > s.cfg.ReadyLag:
		rd.Reason = fmt.Sprintf("%d blocks behind the head, more than the %d allowed", rd.Lag, s.cfg.ReadyLag)
	default:
		rd.Ready = true
	}
	code := http.StatusOK
	if !rd.Ready {
		code = http.StatusServiceUnavailable
	}
	writeJSON(w, code, rd)
}

func (s *Server) rounds(w http.ResponseWriter, r *http.Request) {
	q, ok := query(w, r)
	if !ok {
		return
	}
	from, hasFrom, err := optionalUint(q, "from")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	to, hasTo, err := optionalUint(q, "to")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	span := s.cfg.MaxRange - 1 // MaxRange >= 1 (Config.Check)
	switch {
	case hasFrom && hasTo:
		if from > to {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("from (%d) is after to (%d)", from, to))
			return
		}
		if to-from > span {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("the range %d..%d holds more than the %d rounds allowed per call", from, to, s.cfg.MaxRange))
			return
		}
	case hasFrom:
		to = from + min(span, math.MaxUint64-from)
	case hasTo:
		from = to - min(span, to)
	default:
		latest, ok, err := s.store.LatestRound()
		if err != nil {
			s.storeFailed(w, "read the latest round", err)
			return
		}
		if !ok {
			writeJSON(w, http.StatusOK, RoundsResponse{Rounds: []RoundView{}})
			return
		}
		to, from = latest, latest-min(span, latest)
	}
	rounds, err := s.store.Rounds(from, to)
	if err != nil {
		s.storeFailed(w, "read rounds", err, "from", from, "to", to)
		return
	}
	views, err := s.roundViews(rounds)
	if err != nil {
		s.storeFailed(w, "read decision records", err, "from", from, "to", to)
		return
	}
	writeJSON(w, http.StatusOK, RoundsResponse{From: from, To: to, Rounds: views})
}

func (s *Server) round(w http.ResponseWriter, r *http.Request) {
	n, err := parseUint("round", r.PathValue("round"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	rd, ok := s.lookupRound(w, n)
	if !ok {
		return
	}
	views, err := s.roundViews([]index.Round{rd})
	if err != nil {
		s.storeFailed(w, "read decision records", err, "round", n)
		return
	}
	if !s.acquireRecompute(w, r) {
		return
	}
	defer s.releaseRecompute()
	get, storeErr := s.objectGetter()
	check, err := checkProviderRoots(&rd, get)
	if err == nil {
		err = *storeErr
	}
	if err != nil {
		s.storeFailed(w, "read the round's objects", err, "round", n)
		return
	}
	views[0].ProviderRoots = check
	writeJSON(w, http.StatusOK, views[0])
}

// lookupRound reads round n, answering 503 or 404 itself when it cannot.
func (s *Server) lookupRound(w http.ResponseWriter, n uint64) (index.Round, bool) {
	rd, ok, err := s.store.Round(n)
	if err != nil {
		s.storeFailed(w, "read a round", err, "round", n)
		return index.Round{}, false
	}
	if !ok {
		writeError(w, http.StatusNotFound, fmt.Sprintf("round %d is not known to the watcher", n))
		return index.Round{}, false
	}
	return rd, true
}

func (s *Server) allocations(w http.ResponseWriter, r *http.Request) {
	recipient, err := parseAddress(r.PathValue("address"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	q, ok := query(w, r)
	if !ok {
		return
	}
	n, has, err := optionalUint(q, "round")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if !has {
		writeError(w, http.StatusBadRequest, "the query parameter round is required")
		return
	}
	rd, ok := s.lookupRound(w, n)
	if !ok {
		return
	}
	if !s.acquireRecompute(w, r) {
		return
	}
	defer s.releaseRecompute()
	get, storeErr := s.objectGetter()
	allocs, err := RecipientAllocations(rd, get, recipient)
	if err == nil {
		err = *storeErr
	}
	switch {
	case errors.Is(err, ErrNotV2), errors.Is(err, ErrNoCommitment):
		writeError(w, http.StatusConflict, fmt.Sprintf("round %d (verdict %s): %v", n, rd.Verdict, err))
		return
	case err != nil && !errors.Is(err, recompute.ErrRowsShape):
		s.storeFailed(w, "read the round's objects", err, "round", n)
		return
	case err != nil:
		s.log.Error("API recipient allocations", "round", n, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	writeJSON(w, http.StatusOK, AllocationsResponse{Round: n, Recipient: recipient, Verdict: rd.Verdict, RoundAllocations: *allocs})
}

// acquireRecompute takes a recomputation slot, or answers 503 when the
// request ends first.
func (s *Server) acquireRecompute(w http.ResponseWriter, r *http.Request) bool {
	select {
	case s.recomputes <- struct{}{}:
		return true
	case <-r.Context().Done():
		writeError(w, http.StatusServiceUnavailable, "the request ended while waiting for a recomputation slot")
		return false
	}
}

func (s *Server) releaseRecompute() { <-s.recomputes }

// objectGetter reads objects from the store for RecipientAllocations; a
// store failure other than an object not kept is left in *err (the first
// one), and the object then counts as not held.
func (s *Server) objectGetter() (ObjectGetter, *error) {
	var storeErr error
	get := func(kind recompute.ObjectKind, key common.Hash) ([]byte, bool) {
		data, _, err := s.store.Object(kind, key)
		if err != nil && !errors.Is(err, index.ErrObjectNotFound) && storeErr == nil {
			storeErr = err
		}
		return data, err == nil
	}
	return get, &storeErr
}

// roundData answers a round's data as a whole-round file, the --data input
// of `denomwatch recompute`: 0x-hex text by default, the raw bytes with
// ?format=raw. v1: the commitment data as the index holds it. v2: the file
// that the round's manifest and rows determine (PROTOCOL.md section 9),
// built from the objects the index keeps, when every one is kept and the
// file gives the round's commitmentRoot; otherwise a JSON error pointing to
// /v1/objects (DataMovedResponse).
func (s *Server) roundData(w http.ResponseWriter, r *http.Request) {
	n, err := parseUint("round", r.PathValue("round"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	q, ok := query(w, r)
	if !ok {
		return
	}
	format := q.Get("format")
	if len(q["format"]) > 1 || (format != "" && format != "hex" && format != "raw") {
		writeError(w, http.StatusBadRequest, "format must be hex or raw")
		return
	}
	rd, ok := s.lookupRound(w, n)
	if !ok {
		return
	}
	var data []byte
	if rd.Protocol == index.ProtocolV2 {
		data, ok = s.v2RoundFile(w, r, &rd)
	} else {
		data, ok = s.v1RoundData(w, &rd)
	}
	if ok {
		writeRoundData(w, n, format, data)
	}
}

// v1RoundData reads a v1 round's commitment data, answering 503, 404 or 410
// itself when it cannot.
func (s *Server) v1RoundData(w http.ResponseWriter, rd *index.Round) ([]byte, bool) {
	data, ok, err := s.store.CommitmentData(rd.Round)
	if err != nil {
		s.storeFailed(w, "read commitment data", err, "round", rd.Round)
		return nil, false
	}
	if !ok {
		code, why := http.StatusNotFound, "was never available"
		if rd.DataPruned {
			code, why = http.StatusGone, "was pruned (retention)"
		}
		writeError(w, code, fmt.Sprintf("the commitment data of round %d %s (verdict %s)", rd.Round, why, rd.Verdict))
		return nil, false
	}
	return data, true
}

// v2RoundFile builds a v2 round's whole-round file from the objects kept,
// answering itself when it cannot: 503 (store), 404 (an object not kept),
// 410 (pruned), 409 (a manifest no whole-round file gives).
func (s *Server) v2RoundFile(w http.ResponseWriter, r *http.Request, rd *index.Round) ([]byte, bool) {
	if !s.acquireRecompute(w, r) {
		return nil, false
	}
	defer s.releaseRecompute()
	get, storeErr := s.objectGetter()
	file, err := RoundFile(rd, get)
	if *storeErr != nil {
		s.storeFailed(w, "read the round's objects", *storeErr, "round", rd.Round)
		return nil, false
	}
	if err != nil {
		code := http.StatusNotFound
		switch {
		case errors.Is(err, ErrNotRoundFile):
			code = http.StatusConflict
		case rd.DataPruned:
			code = http.StatusGone
		}
		writeJSON(w, code, v2DataMoved(rd, err))
		return nil, false
	}
	return file, true
}

// writeRoundData answers a round's data as hex text or raw bytes.
func writeRoundData(w http.ResponseWriter, n uint64, format string, data []byte) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=round-%d.%s", n, map[bool]string{true: "bin", false: "hex"}[format == "raw"]))
	if format == "raw" {
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = w.Write(data)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte(ExportData(data)))
}

// DataMovedResponse is the error body of /v1/rounds/{round}/data for a v2
// round whose whole-round file cannot be built: its data is the manifest
// and the rows, section 9 objects served by /v1/objects.
type DataMovedResponse struct {
	Error string `json:"error"`
	// Manifest is the path of the round's manifest object ("" when the
	// watcher has no commitment root for the round); Objects the base of
	// the object transport, {Objects}/{kind}/{key}.
	Manifest string `json:"manifest,omitempty"`
	Objects  string `json:"objects"`
}

// v2DataMoved is the error answer of /data for a v2 round, why the file
// could not be built.
func v2DataMoved(rd *index.Round, why error) DataMovedResponse {
	out := DataMovedResponse{Objects: "/v1/objects"}
	msg := fmt.Sprintf("round %d is a protocol v2 round whose whole-round file cannot be built (%v): its data is the manifest and the rows, section 9 objects served by /v1/objects/{kind}/{key}", rd.Round, why)
	if rd.CommitmentRoot != (common.Hash{}) {
		out.Manifest = "/v1/objects/manifest/" + rd.CommitmentRoot.Hex()
		msg += "; the manifest is " + out.Manifest + " and each row is /v1/objects/row/{entriesRoot} of its header"
	}
	out.Error = msg
	return out
}

// ExportData is a round's data as the API exports it and `denomwatch
// recompute --data` reads it: 0x-hex, one line.
func ExportData(data []byte) string {
	return hexutil.Encode(data) + "\n"
}

// storeFailed logs a store error and answers 503.
func (s *Server) storeFailed(w http.ResponseWriter, what string, err error, kv ...any) {
	s.log.Error("API store read failed", append([]any{"op", what, "err", err}, kv...)...)
	writeError(w, http.StatusServiceUnavailable, "the store could not "+what+"; try again later")
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", "GET, HEAD")
	writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s is not allowed; use GET", quote(r.Method)))
}

func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, fmt.Sprintf("no endpoint at %s", quote(r.URL.Path)))
}

// query parses the query string strictly (url.Query drops malformed pairs
// silently); on error it answers 400 and returns false.
func query(w http.ResponseWriter, r *http.Request) (url.Values, bool) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		writeError(w, http.StatusBadRequest, "the query string is malformed")
		return nil, false
	}
	return q, true
}

// optionalUint returns the query parameter name as a uint64, and whether it
// was given. Given once and empty, given twice, or not a decimal uint64 is
// an error.
func optionalUint(q url.Values, name string) (uint64, bool, error) {
	vs, ok := q[name]
	if !ok {
		return 0, false, nil
	}
	if len(vs) != 1 {
		return 0, true, fmt.Errorf("the query parameter %s is given %d times", name, len(vs))
	}
	n, err := parseUint(name, vs[0])
	return n, true, err
}

// parseUint parses a decimal uint64: digits only, no sign, no spaces.
func parseUint(name, s string) (uint64, error) {
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, fmt.Errorf("%s %s is too large", name, quote(s))
		}
		return 0, fmt.Errorf("%s must be a non-negative decimal integer, not %s", name, quote(s))
	}
	return n, nil
}

// parseAddress parses a 0x-prefixed 20-byte hex address. A mixed-case
// address must carry a valid EIP-55 checksum (a typo is refused rather than
// answered with an empty list); all lower or all upper case need none.
func parseAddress(s string) (common.Address, error) {
	if !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X") || !common.IsHexAddress(s) {
		return common.Address{}, fmt.Errorf("address %s is not 0x followed by 40 hex digits", quote(s))
	}
	a := common.HexToAddress(s)
	hex := s[2:]
	if hex != strings.ToLower(hex) && hex != strings.ToUpper(hex) && "0x"+hex != a.Hex() {
		return common.Address{}, fmt.Errorf("address %s has a wrong EIP-55 checksum", quote(s))
	}
	return a, nil
}

// quote quotes user input for an error sentence, cut to a readable length.
func quote(s string) string {
	const max = 64
	if len(s) > max {
		return strconv.Quote(s[:max]) + "..."
	}
	return strconv.Quote(s)
}

// writeJSON answers code with v as JSON.
func writeJSON(w http.ResponseWriter, code int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		code = http.StatusInternalServerError
		body = []byte(`{"error":"internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	_, _ = w.Write(append(body, '\n'))
}

// writeError answers code with {"error": msg}.
func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, ErrorResponse{Error: msg})
}
