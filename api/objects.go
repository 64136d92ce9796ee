package api

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"

	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/index"
)

// object serves GET and HEAD /v1/objects/{kind}/{key}: the verified bytes
// of a section 9 object the index keeps, laid out as the transport (so that
// http://HOST/v1/objects is a data-availability source for other
// watchers), with da's headers (immutable caching, ETag the key, ranges).
// A malformed kind or key is 400, an object not kept 404.
func (s *Server) object(w http.ResponseWriter, r *http.Request) {
	kind, err := da.ParseKind(r.PathValue("kind"))
	if err != nil {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("the kind %s is not manifest, row or allocations", quote(r.PathValue("kind"))))
		return
	}
	key, err := da.ParseKey(r.PathValue("key"))
	if err != nil {
		writeError(w, http.StatusBadRequest, "the key must be 0x and 64 lowercase hex digits")
		return
	}
	data, _, err := s.store.Object(kind, key)
	switch {
	case errors.Is(err, index.ErrObjectNotFound):
		writeError(w, http.StatusNotFound, fmt.Sprintf("no %s object under %s is kept here", kind, key.Hex()))
		return
	case err != nil:
		s.storeFailed(w, "read the object", err, "kind", string(kind), "key", key.Hex())
		return
	}
	da.ServeObject(w, r, key, bytes.NewReader(data))
}
