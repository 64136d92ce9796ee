// verify.js: the recipient page's proof checking, self-contained (no
// imports, no protocol fields): keccak-256, byte helpers, ABI words, and
// the fold of a positional merkle path (PROTOCOL.md section 4).
//
// A proof is one path or several folded in turn: v1 has one (the allocation
// tree), v2 two (the entry path inside the provider's tree, then the
// provider path to allocTreeRoot). Which paths and which leaf is the
// adapter's business (adapter.js); this module only hashes.

// Keccak-f[1600] on 25 lanes held as 32-bit halves (lo, hi). Round
// constants and rotation offsets are the Keccak reference's.
const RC_LO = Uint32Array.of(
  0x00000001, 0x00008082, 0x0000808a, 0x80008000, 0x0000808b, 0x80000001, 0x80008081, 0x00008009,
  0x0000008a, 0x00000088, 0x80008009, 0x8000000a, 0x8000808b, 0x0000008b, 0x00008089, 0x00008003,
  0x00008002, 0x00000080, 0x0000800a, 0x8000000a, 0x80008081, 0x00008080, 0x80000001, 0x80008008);
const RC_HI = Uint32Array.of(
  0, 0, 0x80000000, 0x80000000, 0, 0, 0x80000000, 0x80000000,
  0, 0, 0, 0, 0, 0x80000000, 0x80000000, 0x80000000,
  0x80000000, 0x80000000, 0, 0x80000000, 0x80000000, 0x80000000, 0, 0x80000000);
// ROT[x + 5y] is lane (x, y)'s rotation (rho).
const ROT = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];
const RATE = 136; // bytes: 1600 - 2*256 bits

function permute(lo, hi) {
  const cl = new Uint32Array(5), ch = new Uint32Array(5);
  const bl = new Uint32Array(25), bh = new Uint32Array(25);
  for (let round = 0; round < 24; round++) {
    for (let x = 0; x < 5; x++) { // theta
      cl[x] = lo[x] ^ lo[x + 5] ^ lo[x + 10] ^ lo[x + 15] ^ lo[x + 20];
      ch[x] = hi[x] ^ hi[x + 5] ^ hi[x + 10] ^ hi[x + 15] ^ hi[x + 20];
    }
    for (let x = 0; x < 5; x++) {
      const n = (x + 1) % 5, p = (x + 4) % 5;
      const dl = cl[p] ^ ((cl[n] << 1) | (ch[n] >>> 31));
      const dh = ch[p] ^ ((ch[n] << 1) | (cl[n] >>> 31));
      for (let y = 0; y < 25; y += 5) { lo[x + y] ^= dl; hi[x + y] ^= dh; }
    }
    for (let x = 0; x < 5; x++) { // rho and pi
      for (let y = 0; y < 5; y++) {
        const i = x + 5 * y, j = y + 5 * ((2 * x + 3 * y) % 5);
        let l = lo[i], h = hi[i], r = ROT[i];
        if (r >= 32) { [l, h] = [h, l]; r -= 32; }
        if (r > 0) { const t = (l << r) | (h >>> (32 - r)); h = (h << r) | (l >>> (32 - r)); l = t; }
        bl[j] = l; bh[j] = h;
      }
    }
    for (let y = 0; y < 25; y += 5) { // chi
      for (let x = 0; x < 5; x++) {
        const a = (x + 1) % 5 + y, b = (x + 2) % 5 + y;
        lo[x + y] = bl[x + y] ^ (~bl[a] & bl[b]);
        hi[x + y] = bh[x + y] ^ (~bh[a] & bh[b]);
      }
    }
    lo[0] ^= RC_LO[round]; hi[0] ^= RC_HI[round]; // iota
  }
}

// keccak256 returns the 32-byte Keccak-256 (Ethereum's, padding 0x01) of a
// Uint8Array.
export function keccak256(data) {
  const lo = new Uint32Array(25), hi = new Uint32Array(25);
  const padded = new Uint8Array((Math.floor(data.length / RATE) + 1) * RATE);
  padded.set(data);
  padded[data.length] ^= 0x01;
  padded[padded.length - 1] ^= 0x80;
  const word = (p) => (padded[p] | padded[p + 1] << 8 | padded[p + 2] << 16 | padded[p + 3] << 24) >>> 0;
  for (let off = 0; off < padded.length; off += RATE) {
    for (let i = 0; i < RATE / 8; i++) {
      lo[i] ^= word(off + 8 * i);
      hi[i] ^= word(off + 8 * i + 4);
    }
    permute(lo, hi);
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 4; i++) {
    for (let b = 0; b < 4; b++) {
      out[8 * i + b] = lo[i] >>> (8 * b);
      out[8 * i + 4 + b] = hi[i] >>> (8 * b);
    }
  }
  return out;
}

// hexToBytes parses 0x-hex of whole bytes; anything else throws.
export function hexToBytes(hex) {
  if (typeof hex !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(hex)) {
    throw new Error(`not 0x-hex bytes: ${String(hex).slice(0, 80)}`);
  }
  const out = new Uint8Array((hex.length - 2) / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 + 2 * i, 2), 16);
  return out;
}

export function bytesToHex(bytes) {
  return '0x' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) { out.set(p, off); off += p.length; }
  return out;
}

const MAX_UINT256 = (1n << 256n) - 1n;

// uint256 is abi.encode(uint256 v): 32 bytes, big-endian. v is a BigInt, a
// safe integer or a decimal string; out of range throws.
export function uint256(v) {
  if (typeof v === 'string' && !/^[0-9]+$/.test(v)) throw new Error(`not a decimal integer: ${v.slice(0, 80)}`);
  if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new Error(`not a safe integer: ${v}`);
  const n = BigInt(v);
  if (n < 0n || n > MAX_UINT256) throw new Error(`not a uint256: ${v}`);
  return hexToBytes('0x' + n.toString(16).padStart(64, '0'));
}

// address is abi.encode(address a): 12 zero bytes and the 20 of a.
export function address(a) {
  const b = hexToBytes(a);
  if (b.length !== 20) throw new Error(`not a 20-byte address: ${a}`);
  return concat(new Uint8Array(12), b);
}

export function hashPair(left, right) {
  return keccak256(concat(left, right));
}

// foldPath folds leaf up a positional merkle path: siblings bottom-up, bit i
// of index saying whether the node at level i is a right child. It returns
// the root it reaches and every step (level, side, sibling, node), and
// refuses (ok false) an index that does not fit the path's depth, since
// then the same leaf would also fold at index + 2^depth.
export function foldPath(leaf, index, siblings) {
  const k = BigInt(index);
  if (k < 0n || k >= 1n << BigInt(siblings.length)) {
    return { ok: false, reason: `index ${index} does not fit a path of ${siblings.length} hashes`, root: null, steps: [] };
  }
  let node = leaf;
  const steps = siblings.map((sibling, level) => {
    const right = ((k >> BigInt(level)) & 1n) === 1n;
    node = right ? hashPair(sibling, node) : hashPair(node, sibling);
    return { level, side: right ? 'right' : 'left', sibling, node };
  });
  return { ok: true, root: node, steps };
}

// foldPaths folds leaf through each path in turn (the root of one is the
// leaf of the next) and compares the last root with root. It returns
// verified, the root computed, and each path's fold.
export function foldPaths(leaf, paths, root) {
  let node = leaf;
  const folds = [];
  for (const p of paths) {
    const f = foldPath(node, p.index, p.siblings);
    folds.push({ name: p.name, index: p.index, ...f });
    if (!f.ok) return { verified: false, reason: f.reason, computed: null, folds };
    node = f.root;
  }
  const verified = bytesToHex(node) === bytesToHex(root);
  return { verified, reason: verified ? '' : 'the path does not reach the signed root', computed: node, folds };
}

// depth is ceil(log2(n)), 0 for n <= 1: the length of every proof in a
// positional tree of n leaves.
export function depth(n) {
  let d = 0;
  while ((1 << d) < n) d++;
  return d;
}

// checksumAddress is a's EIP-55 spelling; it throws on a malformed address
// and, when a is mixed case, on a wrong checksum (a typo).
export function checksumAddress(a) {
  if (typeof a !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(a)) throw new Error('an address is 0x followed by 40 hex digits');
  const lower = a.slice(2).toLowerCase();
  const h = bytesToHex(keccak256(new TextEncoder().encode(lower))).slice(2);
  const sum = '0x' + Array.from(lower, (c, i) => (parseInt(h[i], 16) >= 8 ? c.toUpperCase() : c)).join('');
  const body = a.slice(2);
  if (body !== lower && body !== body.toUpperCase() && a !== sum) throw new Error('the address has a wrong EIP-55 checksum (a typo?)');
  return sum;
}
