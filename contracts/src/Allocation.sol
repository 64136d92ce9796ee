// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Entry} from "./Types.sol";
import {Merkle} from "./Merkle.sol";
import {Commitments} from "./Commitments.sol";

/// @title The allocation of PROTOCOL.md section 5 for one provider row, from calldata.
/// @notice w_j = mr_j * residual_j, denom = sum w_j, amount_j = floor(C * w_j / denom) (0 when
/// denom is 0) with the exact 512-bit product, allocLeaf_j = keccak256(abi.encode(provider,
/// recipient_j, amount_j)), providerAllocRoot = tree(allocLeaf_0 .. allocLeaf_{k-1}).
library Allocation {
    /// The capacity is not below 2^128 (rule capacity-range): prove the row malformed instead.
    error CapacityOutOfRange(uint256 capacity);
    /// Entry `entry` breaks mr-range or residual-range: prove the row malformed instead.
    error ValueOutOfRange(uint256 entry);

    /// Rebuilds a row's entriesRoot and, with every amount, its providerAllocRoot. Reverts when
    /// a value is out of the ranges of section 3, where the allocation is not defined.
    function rowRoots(address provider, uint256 capacity, Entry[] calldata es)
        internal
        pure
        returns (bytes32 entriesRoot, bytes32 allocRoot)
    {
        if (capacity >= Commitments.VALUE_LIMIT) revert CapacityOutOfRange(capacity);
        uint256 n = es.length;
        uint256 buf = Merkle.alloc(n + 1);
        (uint256 denom, uint256 bad) = Commitments.entryLeaves(es, buf);
        if (bad != type(uint256).max) revert ValueOutOfRange(bad);
        entriesRoot = Merkle.rootInPlace(buf, n);
        allocLeaves(provider, capacity, es, denom, buf);
        allocRoot = Merkle.rootInPlace(buf, n);
    }

    /// Writes the n allocation leaves of the row to memory `buf`. The caller guarantees
    /// capacity < 2^128, every mr < 2^64 and residual < 2^128, and denom = sum mr * residual.
    function allocLeaves(address provider, uint256 capacity, Entry[] calldata es, uint256 denom, uint256 buf)
        internal
        pure
    {
        assembly ("memory-safe") {
            // floor(C * w / denom) for every entry, with the per-row part of a 512-bit
            // multiply-divide done once: `twos` is the largest power of two dividing denom,
            // flip = 2^256 / twos, and inv the inverse of denom / twos (odd) mod 2^256, by Newton
            // iteration from the 4 correct bits of (3 d) xor 2, each step doubling them. flip and
            // inv wait in the scratch words 0x00 and 0x20 (nothing else uses them here), which
            // keeps the loop within the stack's reach. With denom == 0 every w is 0 (in range,
            // so no sum wraps): C * w = 0 and the EVM's division by zero gives the protocol's
            // amount 0; the constants are then never used.
            let twos := and(denom, sub(0, denom))
            {
                let d := div(denom, twos)
                let inv := xor(mul(3, d), 2)
                inv := mul(inv, sub(2, mul(d, inv))) // 8 bits
                inv := mul(inv, sub(2, mul(d, inv))) // 16
                inv := mul(inv, sub(2, mul(d, inv))) // 32
                inv := mul(inv, sub(2, mul(d, inv))) // 64
                inv := mul(inv, sub(2, mul(d, inv))) // 128
                inv := mul(inv, sub(2, mul(d, inv))) // 256
                mstore(0x00, add(div(sub(0, twos), twos), 1))
                mstore(0x20, inv)
            }
            // The leaf preimage (provider, recipient, amount) is built above the free memory
            // pointer; es is inside calldata as entryLeaves found it, its recipient words clean
            // (entryLeaves reverted otherwise). The provider's upper bits on the stack are
            // unspecified, so they are cleared.
            let tmp := mload(0x40)
            mstore(tmp, shr(96, shl(96, provider)))
            let end := add(es.offset, mul(es.length, 0x60))
            for { let off := es.offset } lt(off, end) { off := add(off, 0x60) } {
                let w := mul(calldataload(add(off, 0x20)), calldataload(add(off, 0x40)))
                // C * w as hi * 2^256 + lo, from its residues mod 2^256 and 2^256 - 1 (CRT).
                let lo := mul(capacity, w)
                let hi := mulmod(capacity, w, not(0))
                hi := sub(sub(hi, lo), lt(hi, lo))
                switch hi
                case 0 { lo := div(lo, denom) }
                default {
                    // w <= denom, so the quotient is at most C < 2^128 and hi < denom: the
                    // exact quotient of (C * w - rem) by denom is (lo' / twos | hi' * flip) * inv.
                    let rem := mulmod(capacity, w, denom)
                    hi := sub(hi, gt(rem, lo))
                    lo := sub(lo, rem)
                    lo := mul(or(div(lo, twos), mul(hi, mload(0x00))), mload(0x20))
                }
                mstore(add(tmp, 0x20), calldataload(off))
                mstore(add(tmp, 0x40), lo)
                mstore(buf, keccak256(tmp, 0x60))
                buf := add(buf, 0x20)
            }
        }
    }

    /// Whether `leaf` is entry j of provider p's subtree in the allocation tree with root
    /// allocTreeRoot over P provider roots (verifyAllocation, section 5): p < P, an entry-level
    /// path of at most 10 hashes with j < 2^len (so that (p, j) names one leaf only) and a
    /// provider-level path of exactly depth(P) hashes.
    function verifyLeaf(
        bytes32 allocTreeRoot,
        uint256 providerCount,
        uint256 p,
        uint256 j,
        bytes32 leaf,
        bytes32[] calldata entryProof,
        bytes32[] calldata providerProof
    ) internal pure returns (bool) {
        if (entryProof.length > 10 || j >> entryProof.length != 0) return false;
        return Merkle.verify(allocTreeRoot, Merkle.fold(leaf, j, entryProof), p, providerCount, providerProof);
    }

    /// allocLeaf = keccak256(abi.encode(provider, recipient, amount)).
    function allocLeaf(address provider, address recipient, uint256 amount) internal pure returns (bytes32) {
        return keccak256(abi.encode(provider, recipient, amount));
    }

    /// allocationRoot = keccak256(abi.encode(commitmentRoot, allocTreeRoot)).
    function allocationRoot(bytes32 commitmentRoot, bytes32 allocTreeRoot) internal pure returns (bytes32) {
        return keccak256(abi.encode(commitmentRoot, allocTreeRoot));
    }
}
