// adapter.js: the one place that knows the API's JSON field names and the
// protocol's allocation leaf, proof paths and signed root (v1 today). The
// page (app.js) sees only the plain objects made here; moving to v2 is an
// edit of this file (see the v2 notes beside leaf, paths and verifyCall).

import { keccak256, concat, uint256, hexToBytes, bytesToHex, foldPaths, depth } from './verify.js';

export const PROTOCOL = 'v1';

// The JSON endpoints the page reads, all with GET.
export const endpoints = {
  healthz: '/healthz',
  readyz: '/readyz',
  metrics: '/metrics',
  rounds: '/v1/rounds',
  allocations: (addr, n) => `/v1/recipients/${addr}/allocations?round=${n}`,
};

function batch(b) {
  return {
    tx: b.txHash, block: b.block, status: b.status, deadline: b.deadlineBlock,
    allocTreeRoot: b.allocTreeRoot, allocationRoot: b.allocationRoot, dataHash: b.dataHash,
  };
}

function challenge(c) {
  if (!c) return null;
  return {
    state: c.state, kind: c.kind, index: c.index, batchTx: c.batchTx,
    // The proof transaction: this watcher's (mined, else latest sent), or
    // another challenger's when it proved first (this watcher's own attempt,
    // if any, was then never mined).
    tx: (c.state === 'proven-by-other' ? c.provenTx : c.txHash) || null, provenBy: c.provenBy || null,
    // proven: a proof was mined (this watcher's, or another's first).
    proven: c.state === 'confirmed' || c.state === 'proven-by-other',
    block: c.block || 0, deadline: c.deadlineBlock, error: c.error || '',
  };
}

// round is a /v1/rounds item (or /v1/rounds/{n}).
export function round(v) {
  const batches = (v.batches || []).map(batch);
  return {
    number: v.round, verdict: v.verdict, commitmentRoot: v.commitmentRoot,
    entryCount: v.entryCount || 0, deadline: v.deadlineBlock || 0, finalized: !!v.finalized,
    // The verdict's detail: the fraud's kind, index, claimed and correct
    // amounts; the broken rule; why unavailable or pending.
    fraud: v.verdict === 'fraud' ? { kind: v.kind, index: v.index ?? null, claimed: v.claimed || '', correct: v.correct || '' } : null,
    rule: v.rule || '', reason: v.reason || '',
    batches, latest: batches.length ? batches[batches.length - 1] : null,
    challenge: challenge(v.challenge),
  };
}

// rounds is /v1/rounds's rounds, ascending.
export function rounds(body) {
  return (body.rounds || []).map(round);
}

// allocations is a /v1/recipients/{address}/allocations answer.
export function allocations(body) {
  return (body.allocations || []).map((a) => ({
    provider: a.provider, providerIndex: a.providerIndex,
    index: a.index, position: `#${a.index}`,
    amount: a.amount ?? null, correct: a.correctAmount,
    proof: a.proof || null, root: a.allocTreeRoot || null, signedRoot: a.allocationRoot || null,
  }));
}

// leaf is the allocation's leaf. v1: keccak256(abi.encode(uint256 index,
// uint256 amount)). v2: keccak256(abi.encode(address provider, address
// recipient, uint256 amount)).
export function leaf(a) {
  return {
    formula: 'keccak256(abi.encode(uint256 index, uint256 amount))',
    preimage: [['index', String(a.index)], ['amount', a.amount]],
    hash: keccak256(concat(uint256(a.index), uint256(a.amount))),
  };
}

// paths are the merkle paths the leaf folds through, in order, to the
// batch's allocTreeRoot. v1: one, the allocation tree at the global index.
// v2: the entry path (index j) then the provider path (index p).
export function paths(a) {
  return [{ name: 'allocation tree', index: a.index, siblings: a.proof.map(hexToBytes) }];
}

// verify checks a's proof in the browser: the leaf, folded through its
// paths, must reach the batch's allocTreeRoot. For v1 the path's length
// must also be the depth of the round's tree (the contract checks it
// against the batch's leaf count).
export function verify(a, r) {
  if (!a.proof || !a.root || a.amount === null) return null;
  const l = leaf(a);
  const res = foldPaths(l.hash, paths(a), hexToBytes(a.root));
  const want = depth(r.entryCount);
  if (res.verified && a.proof.length !== want) {
    res.verified = false;
    res.reason = `the proof has ${a.proof.length} hashes; a tree of ${r.entryCount} leaves needs ${want}`;
  }
  return { leaf: l, root: a.root, ...res };
}

// signedRoot checks that the batch's signed allocationRoot commits to its
// allocTreeRoot. v1: keccak256(abi.encode(commitmentRoot, allocTreeRoot,
// dataHash)); v2 drops dataHash.
export function signedRoot(r) {
  const b = r.latest;
  if (!b) return null;
  const computed = keccak256(concat(hexToBytes(r.commitmentRoot), hexToBytes(b.allocTreeRoot), hexToBytes(b.dataHash)));
  return {
    formula: 'keccak256(abi.encode(commitmentRoot, allocTreeRoot, dataHash))',
    computed: bytesToHex(computed), signed: b.allocationRoot,
    verified: bytesToHex(computed) === b.allocationRoot.toLowerCase(),
  };
}

// verifyCall is the contract call that checks a on chain, with its exact
// arguments. v2: verifyAllocation(round, p, j, provider, recipient, amount,
// entryProof, providerProof).
export function verifyCall(roundNumber, a) {
  const args = [['round', String(roundNumber)], ['index', String(a.index)], ['amount', a.amount], ['proof', a.proof]];
  const signature = 'verifyAllocation(uint256,uint256,uint256,bytes32[])';
  const list = `[${a.proof.join(',')}]`;
  return {
    signature: 'verifyAllocation(uint256 round, uint256 index, uint256 amount, bytes32[] proof) returns (bool)',
    args,
    text: `verifyAllocation(${roundNumber}, ${a.index}, ${a.amount}, ${list})`,
    cast: `cast call $AVS "${signature}(bool)" ${roundNumber} ${a.index} ${a.amount} "${list}"`,
  };
}

// status is where the round's latest batch stands, as `denomwatch audit
// --api` names it: no-batch, in-window, window-closed (head past the
// deadline, not finalized yet), final, proven-fraudulent (voided by a
// proof, no batch since).
export function status(r, head) {
  const b = r.latest;
  if (!b) return 'no-batch';
  if (b.status === 'finalized') return 'final';
  if (b.status === 'voided') return 'proven-fraudulent';
  return head !== null && head > b.deadline ? 'window-closed' : 'in-window';
}

// voided are the round's batches voided by a fraud proof.
export function voided(r) {
  return r.batches.filter((b) => b.status === 'voided');
}

// health joins /healthz, /readyz (both JSON, null when unreachable) and the
// few /metrics lines the page shows.
export function health(healthz, readyz, metricsText) {
  const metric = (name) => {
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(metricsText || '');
    return m ? Number(m[1]) : null;
  };
  const build = /^denomwatch_build_info\{([^}]*)\} 1$/m.exec(metricsText || '');
  const label = (k) => (build ? (new RegExp(`(?:^|,)${k}="([^"]*)"`).exec(build[1]) || [])[1] || '' : '');
  return {
    alive: !!healthz && healthz.status === 'ok',
    ready: !!readyz && readyz.ready === true,
    head: readyz ? readyz.head : null, processed: readyz ? readyz.processed : null, lag: readyz ? readyz.lag : null,
    nodeStalled: readyz ? !!readyz.nodeStalled : null, headAge: readyz ? readyz.headAgeSeconds ?? null : null,
    reason: readyz ? readyz.reason || '' : 'the watcher does not answer',
    version: label('version'), commit: label('commit'),
    fraudsDetected: metric('denomwatch_frauds_detected_total'), fraudsProven: metric('denomwatch_frauds_proven_total'),
  };
}
