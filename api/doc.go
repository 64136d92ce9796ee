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
//	GET /v1/rounds?from=&to=                         a range of rounds, at most Config.MaxRange (RoundView)
//	GET /v1/rounds/{round}                           one round (RoundView, with ProviderRootsCheck)
//	GET /v1/rounds/{round}/data[?format=raw]         the round's whole-round file (0x-hex, or raw): `denomwatch recompute --data`
//	GET /v1/recipients/{address}/allocations?round=N a recipient's v2 allocations, with proofs (AllocationsResponse)
//	GET /v1/objects/{kind}/{key}                     a section 9 object the index keeps, raw (below)
//	GET /  and  GET /assets/{file}                  the recipient page (web/, embedded)
//
// Rounds (protocol v2). A round object is the index's record (index.Round)
// with its fields at the top level: for v2 records protocol 2,
// providersRoot, each batch's attempt and providerAllocRoots, judgement (a
// judge.Verdict: status; for fraud the rule, provider and badAllocation
// with the claimed and correct provider roots and the first wrong entry's
// claimed and correct amounts, or a section 3 rule with its evidence; for
// unavailable the missing objects; for malformed-commitments the rule),
// availabilityChallenges, reveals, fraudsProven and notes (what the watcher
// cannot know). decisions lists the v2 challenger's decision records of the
// round's batches (index.SolveRecord: attempt, open, and record, the
// challenger's JSON as stored); it replaces v1's challenge object.
// /v1/rounds/{round} alone adds providerRoots: the live batch's attempt,
// data (complete, unavailable, malformed) and wrong, every provider whose
// root in the batch differs from the recomputed one (provider, claimed,
// correct); it recomputes the round, the list does not.
//
// /v1/rounds/{round}/data: a v2 round's data is its manifest and rows,
// section 9 objects. The endpoint answers the whole-round file they
// determine (section 9: the recompute CLI's --data; RoundFile), built from
// the objects the index keeps, when every one is kept and the file rebuilds
// the round's commitmentRoot (a malformed round too). Otherwise it answers
// a DataMovedResponse, {"error", "manifest": "/v1/objects/manifest/
// <commitmentRoot>", "objects": "/v1/objects"}: 404 when an object is not
// kept, 410 when the round was pruned, 409 when no whole-round file gives
// the commitment (offsets or E other than the rows' prefix sums: read the
// objects). v1 records are answered as before.
//
// Allocations (protocol v2; a v1 record is 409). The answer is
// {round, recipient, verdict} and RoundAllocations' fields: data (complete;
// unavailable with missing, the manifest parts or rows not held; malformed
// with rule and reason), batch (the live or finalized batch: attempt,
// status, allocTreeRoot, allocationRoot; null without one) and allocations.
// Each Allocation names provider, providerIndex (p), entry (j, new), index
// (the global index, as in v1) and recipient (new); amount is the batch's
// claim (v1: the published data's amount), from the batch's allocations
// object or, without it, the recomputed amount when the batch's
// providerAllocRoot_p is the recomputed one, else null; correctAmount is
// null unless data is complete (a malformed round is never an amount owed);
// providerAllocRoot and correctProviderAllocRoot are new; v1's proof is now
// entryProof (the path in the row's tree) and providerProof (the path of
// providerAllocRoot_p in the tree of the batch's providerAllocRoots);
// allocTreeRoot, allocationRoot and verifies keep their meaning; and
// verifyAllocation (new) holds the arguments of the contract's
// verifyAllocation(round, p, j, provider, recipient, amount, entryProof,
// providerProof): uint256 as decimal strings, addresses and bytes32 as 0x
// hex. RecipientAllocations is the pure function behind it: the record and
// an ObjectGetter in, allocations out.
//
// The recipient page is plain HTML, CSS and JavaScript modules: it reads
// the endpoints above with GET, checks each allocation's two-level proof in
// the browser as verifyAllocation does (keccak-256 in web/verify.js; the
// JSON fields, the leaf keccak256(abi.encode(provider, recipient, amount))
// and the paths in web/adapter.js), shows unavailable and malformed rounds
// without an amount owed, and is served with a Content-Security-Policy that
// allows the watcher's own origin only. Config.ExplorerURL links its
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
// The field names of the JSON objects (index.Round, RoundView,
// AllocationsResponse, Allocation) are a stable interface.
package api
