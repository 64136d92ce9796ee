// Package challenge is the v2 challenger (issue 15): one executor around
// the pure decision core, package solve. Each pass it reads the chain head,
// the key's balance and the fees once, lists the batches that need work
// (the index's v2 rounds whose verdict is fraud or unavailable with a live
// batch, and every decision record not settled, or settled on a fact a
// reorganisation could still take away), gathers each one's solve.Facts at
// that head, serves them in solve.Order, and for each asks solve.Next for
// the next action, performs it, applies it to the record with solve.Apply,
// persists the record, and asks again:
//
//	index round (verdict, batch, reveals)  ─┐
//	chain at head: getRound, getChallenge,  ├─► solve.Facts ─► solve.Next ─► action
//	  the round's events, receipts, nonce,  │                                 │
//	  balance, fees, gas estimates         ─┘        persist(solve.Apply) ◄──┘
//	                                                   then broadcast
//
// Where the facts come from. The verdict is the v2 watcher's (the index
// round's Judgement of the record's attempt); everything the decision rests
// on besides is read from the chain at the pass's head, so that one
// snapshot holds: getRound (the batch's state, attempt, submission block and
// deadline), the round's FraudProven, RoundFinalized and
// AvailabilityChallenged logs up to the head (with their block hashes: a
// final state names the event it rests on, and a reorganisation that takes
// the event away reopens it), getChallenge for each challenge of the batch
// (open, resolved, settled), the receipts of the move in flight and the
// key's nonce at the head, and eth_estimateGas of a move's calldata, which
// is also its simulation.
//
// Proofs are built from the same objects the watcher judged:
// watcher.Rejudge gives the verdict and recompute.Result, from which
// contracts.NewBadAllocation or contracts.NewMalformed(res.Evidence) give
// the calldata; challenges, slashes and refunds are contracts.Challenge's.
//
// Kill safety. A transaction is signed, its record (with the signed
// transaction, solve.Attempt.Raw) stored, and only then broadcast; a
// restarted executor finds the move in flight and sends the stored
// transaction again (or replaces it with the same nonce), never a second,
// different one. The key's transactions go through internal/txmgr, whose
// send errors are matched against go-ethereum's exported errors.
//
// Money. No move is sent whose gas limit times fee cap plus value exceeds
// what the key holds less what the other records' moves in flight may
// spend (solve refuses such a move and the executor raises the underfunded
// alert); the sum of what every record's next move needs is compared with
// the balance on each pass (metric and alert). Bonds are followed to their
// fate (held, lost to a resolver, back with a bounty or refunded).
//
// `denomwatch run` builds one executor (cmd/denomwatch/service.go) with the
// watcher's objects, and the watcher wakes it (Notify) when a block it
// applies judges a round fraudulent or unavailable.
package challenge
