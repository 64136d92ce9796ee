// Package api is the watcher's read-only HTTP API: health and readiness
// probes, Prometheus metrics, and the rounds and recipient allocations the
// watcher has recorded.
//
// The API only reads: the store through the small Reader interface, the
// watcher's live position through Status. It listens on 127.0.0.1 by
// default. Every endpoint answers GET (and HEAD) only, in JSON, with errors as
// {"error":"<sentence>"}:
//
//	GET /healthz                                     200 while the process serves
//	GET /readyz                                      200 when the watcher is close enough to the head, else 503
//	GET /metrics                                     Prometheus exposition of Metrics
//	GET /v1/rounds?from=&to=                         a range of rounds, at most Config.MaxRange
//	GET /v1/rounds/{round}                           one round
//	GET /v1/recipients/{address}/allocations?round=N a recipient's allocations, with proofs
//
// The field names of the JSON objects (index.Round and Allocation) are a
// stable interface.
package api
