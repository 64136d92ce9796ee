package da

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/recompute"
	"github.com/denomwatch/denomwatch/rpcpool"
)

// Reason is why a fetch from a source failed: a metric label.
type Reason string

// The failure reasons.
const (
	ReasonTransport  Reason = "transport"   // connection refused, reset, closed early
	ReasonTimeout    Reason = "timeout"     // the per-source timeout passed
	ReasonNotFound   Reason = "not_found"   // 404, or no such file
	ReasonInvalid    Reason = "invalid"     // the bytes do not verify against the key
	ReasonTooLarge   Reason = "too_large"   // longer than the kind's maximum
	ReasonHTTPStatus Reason = "http_status" // another status than 200 and 404
)

// Reasons lists every reason.
var Reasons = []Reason{ReasonTransport, ReasonTimeout, ReasonNotFound, ReasonInvalid, ReasonTooLarge, ReasonHTTPStatus}

// fetchError is a failed fetch: its reason and cause.
type fetchError struct {
	reason Reason
	err    error
}

func (e *fetchError) Error() string { return string(e.reason) + ": " + e.err.Error() }
func (e *fetchError) Unwrap() error { return e.err }

func failed(r Reason, err error) error { return &fetchError{reason: r, err: err} }

// reasonOf returns the reason of a fetch error (transport when unclassified).
func reasonOf(err error) Reason {
	var fe *fetchError
	if errors.As(err, &fe) {
		return fe.reason
	}
	return ReasonTransport
}

// source is where objects are read from: an HTTP base URL or a directory.
// fetch reads at most limit+1 bytes and classifies its failures.
type source interface {
	fetch(ctx context.Context, kind recompute.ObjectKind, key common.Hash, limit int) ([]byte, error)
}

// parseSource returns the source spec names and its name for logs and
// metrics: http(s)://... is a static host (named by scheme and host only:
// its path, query or userinfo may carry a token); file://PATH or a path is
// a directory laid out as the store.
func parseSource(spec string, client *http.Client) (source, string, error) {
	if strings.HasPrefix(spec, "http://") || strings.HasPrefix(spec, "https://") {
		u, err := url.Parse(spec)
		if err != nil || u.Host == "" {
			return nil, "", fmt.Errorf("source %s is not a URL", rpcpool.Redact(spec))
		}
		return &httpSource{base: u, client: client}, rpcpool.Redact(spec), nil
	}
	dir := strings.TrimPrefix(spec, "file://")
	if dir == "" || strings.Contains(dir, "://") {
		return nil, "", fmt.Errorf("source %s: want an http(s) URL or a directory", rpcpool.Redact(spec))
	}
	return dirSource{dir: dir}, "file://" + filepath.Clean(dir), nil
}

// httpSource reads {base}/{kind}/{key}, keeping base's query.
type httpSource struct {
	base   *url.URL
	client *http.Client
}

func (s *httpSource) fetch(ctx context.Context, kind recompute.ObjectKind, key common.Hash, limit int) ([]byte, error) {
	u := s.base.JoinPath(string(kind), key.Hex())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, failed(ReasonTransport, errors.New("cannot build the request"))
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, classify(ctx, err)
	}
	defer closeBody(resp)
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotFound:
		return nil, failed(ReasonNotFound, errors.New("404"))
	default:
		return nil, failed(ReasonHTTPStatus, fmt.Errorf("status %d", resp.StatusCode))
	}
	if resp.ContentLength > int64(limit) {
		return nil, failed(ReasonTooLarge, fmt.Errorf("%d bytes announced, over %d: %w", resp.ContentLength, limit, recompute.ErrTooLarge))
	}
	return readLimited(ctx, resp.Body, limit, resp.ContentLength)
}

// drainLimit: a body whose announced rest is at most this long is read to
// its end before closing, so that the connection is reused (an error page, a
// slightly oversized object); a longer or unannounced rest closes it.
const drainLimit = 64 << 10

func closeBody(resp *http.Response) {
	if resp.ContentLength >= 0 && resp.ContentLength <= drainLimit {
		_, _ = io.CopyN(io.Discard, resp.Body, drainLimit)
	}
	resp.Body.Close()
}

// readLimited reads at most limit+1 bytes of r: too_large beyond limit.
// size, when known (>= 0), is the length r announces: the bytes are read
// into a buffer of that size (one more byte to see the end), so that an
// object costs its length once, not io.ReadAll's growing copies (about 1.7
// times the object in garbage, 160 MB for a 10^6-entry round's rows). A
// wrong announcement only costs the buffer growing.
func readLimited(ctx context.Context, r io.Reader, limit int, size int64) ([]byte, error) {
	if size < 0 || size > int64(limit) {
		size = 512
	}
	data := make([]byte, 0, size+1)
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if len(data) > limit {
			return nil, failed(ReasonTooLarge, fmt.Errorf("over %d bytes: %w", limit, recompute.ErrTooLarge))
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, classify(ctx, err)
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grow
		}
	}
}

// classify names a transport error: timeout when the attempt's deadline
// passed; the caller's own cancellation is returned as is.
func classify(ctx context.Context, err error) error {
	if errors.Is(context.Cause(ctx), context.Canceled) {
		return ctx.Err()
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
		return failed(ReasonTimeout, errors.New("timed out"))
	}
	// url.Error carries the URL (and its token): keep only the cause.
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return failed(ReasonTransport, err)
}

// dirSource reads DIR/{kind}/{key}, the store's layout.
type dirSource struct {
	dir string
}

func (s dirSource) fetch(ctx context.Context, kind recompute.ObjectKind, key common.Hash, limit int) ([]byte, error) {
	f, err := os.Open(objectFile(s.dir, kind, key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, failed(ReasonNotFound, errors.New("no such file"))
	}
	if err != nil {
		return nil, failed(ReasonTransport, err)
	}
	defer f.Close()
	size := int64(-1)
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	return readLimited(ctx, f, limit, size)
}
