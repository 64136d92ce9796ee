// Package api is the watcher's read-only HTTP API: health and readiness
// probes, Prometheus metrics, and the rounds and recipient allocations the
// watcher has recorded.
//
// The API only reads, but for the admin endpoints: the store through the
// small Reader interface, the watcher's live position through Status, the
// node's health through NodeHealth. It listens on 127.0.0.1 by default.
// Every endpoint answers GET (and HEAD) only, in JSON (a round's data and
// objects aside), with errors as {"error":"<sentence>"}:
//
//	GET /healthz                                     200 while the process serves
//	GET /readyz                                      200 when the watcher is close enough to the head and the node is not stalled, else 503
//	GET /metrics                                     Prometheus exposition of Deps.Metrics
//	GET /v1/rounds?from=&to=                         a range of rounds, at most Config.MaxRange
//	GET /v1/rounds/{round}                           one round
//	GET /v1/rounds/{round}/data[?format=raw]         the round's commitment data (0x-hex, or raw): `denomwatch recompute --data`
//	GET /v1/recipients/{address}/allocations?round=N a recipient's allocations, with proofs
//	GET /v1/objects/{kind}/{key}                     a section 9 object the index keeps, raw (below)
//	GET /  and  GET /assets/{file}                  the recipient page (web/, embedded)
//
// The recipient page is plain HTML, CSS and JavaScript modules: it reads
// the endpoints above with GET, checks each allocation's merkle proof in
// the browser (keccak-256 in web/verify.js; the protocol's JSON fields and
// leaf in web/adapter.js) and is served with a Content-Security-Policy that
// allows the watcher's own origin only. Config.ExplorerURL links its proof
// transactions to a block explorer.
//
// /v1/objects is section 9's transport over the objects the watcher keeps
// (verified when fetched, or re-encoded from RowRevealed and
// ManifestRevealed), so that http://HOST/v1/objects is a data-availability
// source another watcher can list: kind manifest, row or allocations, key 0x
// and 64 lowercase hex digits; 200 with the raw bytes (application/
// octet-stream, Cache-Control immutable, ETag the key, ranges and
// conditional requests, the same as `denomwatch da serve`), 404 when not
// kept (never kept, or pruned with its rounds), 400 for a malformed kind or
// key, 405 for another method. A reader verifies what it reads, as from any
// source. Serving other watchers needs an address they can reach (Addr).
//
// CORS is off unless Config.CORSOrigins names origins: their pages may then
// read the GET and HEAD answers (never the admin endpoints).
//
// With Deps.Admin (denomwatch run --admin-api), on an address kept private:
//
//	GET  /admin/deadletters?from=&limit=              the dead letters, a page at a time
//	POST /admin/deadletters/{seq}/requeue?webhook=    one back in the outbox
//	POST /admin/deadletters/requeue                   all of them back in the outbox
//
// The field names of the JSON objects (index.Round and Allocation) are a
// stable interface.
package api
