package api

import (
	"net/http"
	"slices"
	"strings"
)

// corsMaxAge is how long, in seconds, a browser may cache a preflight's
// answer.
const corsMaxAge = "600"

// cors shares the API's GET and HEAD answers with the pages of
// Config.CORSOrigins (all origins for "*"): it adds
// Access-Control-Allow-Origin to those answers and answers their preflight
// (OPTIONS asking for GET or HEAD) with 204. Every other method, and every
// /admin/ path, is never shared: its answer carries no CORS header, so a
// browser keeps it from the other origin. Without origins CORS is off and
// cors adds nothing.
func (s *Server) cors(next http.Handler) http.Handler {
	origins := s.cfg.CORSOrigins
	if len(origins) == 0 {
		return next
	}
	anyOrigin := slices.Contains(origins, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Origin")
		origin := r.Header.Get("Origin")
		if origin == "" || strings.HasPrefix(r.URL.Path, "/admin/") || !anyOrigin && !slices.Contains(origins, origin) {
			next.ServeHTTP(w, r)
			return
		}
		allow := origin
		if anyOrigin {
			allow = "*"
		}
		switch r.Method {
		case http.MethodGet, http.MethodHead:
			w.Header().Set("Access-Control-Allow-Origin", allow)
		case http.MethodOptions:
			if m := r.Header.Get("Access-Control-Request-Method"); m == http.MethodGet || m == http.MethodHead {
				h := w.Header()
				h.Set("Access-Control-Allow-Origin", allow)
				h.Set("Access-Control-Allow-Methods", "GET, HEAD")
				h.Set("Access-Control-Max-Age", corsMaxAge)
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
