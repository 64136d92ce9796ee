// Package solve is the challenger's pure decision core (issue 15), in the
// spirit of op-challenger's solver: given the stored Record of one batch
// (round, attempt) and the Facts the executor gathered at one head, Next
// returns the one next Action; the executor performs it, Applies it to the
// record, persists the record and asks again. Nothing here reads a chain, a
// clock or a disk, or starts a goroutine.
//
// # The loop
//
//	for {
//		f := gather(rec)                 // one consistent snapshot at the head
//		a := solve.Next(rec, f)
//		o := perform(a)                  // sign/simulate/send, raise an alert, or nothing
//		rec, err = solve.Apply(rec, a, o)
//		persist(rec)                     // before the next action
//		if a.Kind == solve.KindWait || a.Kind == solve.KindAlert { sleep until a.At or a new fact }
//	}
//
// Observe, Reopen and Settle change only the record; Prove, Challenge,
// Slash and Refund are simulated first and then sent (DryRun: simulated
// only), their Outcome says which; Replace and Cancel resend the move in
// flight with the same nonce. Wait with ReasonNoEstimate names the Target
// whose gas the executor estimates (into Facts.Estimates) before asking
// again. Order serves the records by their next move's deadline.
//
// # Decision table
//
// Next applies the first row that matches; "send" means the move goes
// through propose's gates (below). head is Facts.Head; a block limit "head <
// X" means a transaction sent now can still be mined by block X.
//
//	record / facts                                   action
//	-----------------------------------------------  ---------------------------------------------
//	facts of another round or attempt                Wait (facts-mismatch)
//	the move in flight ended (reverted, cancel       Observe: into History; a revert is a Refusal
//	  mined, dropped; a proof or slash mined and      (out of gas: retried once, twice the limit);
//	  its FraudProven Confirmations deep), or our     bonds mirror the chain (gone: expired)
//	  bonds' chain states changed
//	settled, its basis holds                         Wait (settled)
//	settled, its basis no longer holds (a reorg      Reopen: a confirmed state's own mined move
//	  took the event, the deadline moved, the batch   is put back in flight
//	  was voided/finalized, the mode changed)
//	move in flight, no facts of it                   Wait (no-move-facts)
//	proof or slash mined, FraudProven not yet deep   Wait (confirming)
//	move mined, the batch not showing it             Wait (facts-lag)
//	move in flight, monitor-only or dry-run          Wait (following): nothing is signed
//	move in flight and no longer needed (batch       Cancel: same nonce, a 0-value transfer to
//	  not live; head >= deadline for a proof or       the key, fees +12.5%
//	  window end for a challenge; object challenged
//	  or no longer needed; challenge not open)
//	move pending < BumpAfter blocks                  Wait until sent + BumpAfter
//	move pending, MaxBumps replacements made         Wait (max-bumps)
//	move pending >= BumpAfter blocks                 Replace: fees +12.5% (fee cap: Wait)
//	batch not on the chain                           Wait (batch-absent)
//	voided, a bond of ours open (sending mode)       send RefundBond
//	voided, FraudProven < Confirmations deep         Wait (confirming)
//	voided by our FraudProven                        Settle confirmed, on that FraudProven
//	voided by another's                              Settle proven-by-other, on that FraudProven
//	finalized, RoundFinalized < Confirmations deep   Wait (confirming)
//	finalized, verdict fraud or unavailable          Settle expired, on RoundFinalized
//	finalized otherwise                              Settle finalized, on RoundFinalized
//	live, a bond of ours open, head >= resolveBy     send SlashUnavailable (head >= maxDeadline:
//	                                                   Late, voids unslashed, bond back)
//	live, verdict fraud, head < deadline             send Prove, the verdict's proof (after an
//	                                                   out-of-gas revert: Retry, higher limit)
//	  ... the contract refused it for good           Settle failed on batch-live (once no bond of
//	                                                   ours is open)
//	live, verdict fraud or unavailable, another's    send SlashUnavailable of theirs
//	  challenge open, resolveBy <= head < maxDeadline
//	live, verdict unavailable, head < window end,    send Challenge of the first needed object
//	  a needed object nobody challenged               nobody challenged, Value the bond
//	  ... another bond passes the round's max bond   Wait (bond-budget)
//	live, verdict fraud or unavailable, head >=      Settle expired, on deadline-passed
//	  deadline, no challenge resolvable, no bond
//	  of ours open
//	live otherwise                                   Wait until the next deadline, window end,
//	                                                   resolveBy or maxDeadline
//
// propose's gates, in order, for every move a row sends:
//
//	refused for a passing cause, head <= that block  Wait (retry-later)
//	monitor-only                                     Settle monitor-only on batch-live
//	dry-run, this move simulated                     Settle dry-run on batch-live
//	no gas estimate                                  Wait (no-estimate), Target: estimate it
//	estimate reverted, or above the gas cap          Observe the Refusal
//	fees or balance unknown                          Wait (no-price)
//	balance < gas limit x fee cap + value            Alert (underfunded), wait a block
//	otherwise                                        the move (dry-run: DryRun, simulate only)
//
// # Why this order
//
//   - A slash of our own unanswered challenge comes first: it voids the
//     batch like a proof and returns the bond with the bounty, where a proof
//     leaves the bond to a later refund.
//   - A proof comes before any bond (PROTOCOL.md section 10: a watcher proves
//     what its data proves before it pays for the rest); the verdict names
//     one finding, the first in section 3's order, so "the cheapest proof the
//     verdict allows" is that one.
//   - A challenge is only for an object the verdict marks needed (judge: no
//     source has it and nothing held proves anything), one per object (the
//     contract allows one per attempt), one transaction at a time, within the
//     round's max bond (default: one bond) and the balance.
//   - Limits are exact: a transaction sent at head is mined at head+1 at the
//     earliest, so a proof is sent only while head < deadline, a challenge
//     while head < submission + challengeWindow, and a slash from head >=
//     resolveBy (the facts at resolveBy show no resolution, and none can come
//     later).
//   - Final states rest on facts and are re-examined on every pass: a reorg
//     that takes away the FraudProven a proven-by-other rested on (the
//     batch staying) reopens the record and the fraud is proven; expired is
//     reopened when a reveal or a reorg moves the deadline; confirmed when
//     its proof is orphaned (its move is followed again, and redone if its
//     nonce went to another transaction).
//
// # Money
//
// Facts.Balance is what the key can spend for this record (its balance
// less what other records' moves in flight may spend). No action that sends
// has a Cost above it: Cost is GasLimit x fee cap + Value, with the fee cap
// of a new transaction (Facts.FeeCap) or of the bumped replacement. A move
// the balance cannot pay is an Alert (the executor raises the underfunded
// alert and metric); OpenWork adds up what every record's next move needs,
// for the metric of the open work against the balance. A bond's fate is tracked in
// Record.Challenges (open, resolved-lost, slashed-refunded, refunded,
// expired) and summed by Record.Bonds.
//
// # Refusals
//
// A reverted estimate, simulation or mined transaction is a Refusal of its
// Target. Reverts that say the moment was wrong (another transaction came
// first, a window: NoLiveBatch, ProofWindowClosed, AlreadyChallenged, ...)
// let the move be tried again on a later block, at most three times, so that
// two challengers racing end proven-by-other, not failed; an out-of-gas
// revert is retried once with twice the limit; any other refuses the move for
// good.
package solve
