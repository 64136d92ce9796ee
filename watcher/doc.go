// Package watcher follows the Denominator Allocation AVS (protocol v2,
// PROTOCOL.md) from its events alone, judges every round with package judge
// and keeps the records in the index.
//
// A round goes: its events (section 8) -> the handler table (events.go,
// keyed by the generated event IDs) updates the round's record in the
// block's working set -> the round's facts (commitment, live batch,
// reveals, what the watcher lacks) -> its objects (section 9) from the
// object cache, the reveals and the verifying da client -> judge.Judge ->
// the verdict in the record (Judgement, with the v1 fields the API reads)
// -> one index transaction per block, with the checkpoint.
//
// The chain-following machinery (watcher.go): confirmations,
// reorganisations rolled back through the index's undo records, adaptive
// eth_getLogs ranges, new heads by subscription with polling as the
// fallback, backoff on failure, progress lines, optional node methods
// probed once. No transaction input or contract state is read; receipts
// only to verify the logs against their headers (verify.go, README "Trust
// model").
//
// A round is judged when its facts change (its record keeps a digest of
// the facts its verdict was made from), after the last block of a range
// that has its events, and again, with backoff, while it is open and its
// verdict lists objects it could not obtain. A record written while its
// verdict waits for a later block of the range says so, and its verdict is
// due should the watcher stop before: at start and after a rollback every
// stored round whose verdict is due is judged again.
//
// The objects a round's verdict is made from are kept: the object cache
// (ObjectCache) receives every object the watcher obtains for a round,
// with its provenance (the da client's name of the source that served it,
// or the chain for an object re-encoded from RowRevealed or
// ManifestRevealed), all at once per gathering. Over an index (the
// default when the store keeps objects) that cache is an IndexCache: the
// objects are written to the index, referenced by the round, before the
// block's records, so that a proof can be built (Rejudge) and a round
// judged again (Reaudit) once every source is gone, after a restart too;
// the jobs release them once the round is final and past retention.
//
// What the watcher cannot know (a commitment before its start block,
// operators registered before it) is recorded as a note, logged once, and
// judged as what it is (incomplete; signers unknown); nothing it lacks
// stops it. A log that cannot be the AVS's is an error of the node
// (ErrBadLog): the block is tried again, and after a few tries the log is
// skipped, said and noted on its round.
package watcher
