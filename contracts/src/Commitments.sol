// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Entry, ProviderHeader} from "./Types.sol";
import {Merkle} from "./Merkle.sol";

/// @title The commitment hashing of PROTOCOL.md section 4, straight from calldata.
/// @notice A leaf is the keccak of its ABI words. Hashing the calldata words themselves costs a
/// quarter of abi.encode, provided every address word is clean (upper 96 bits zero): the
/// canonical encoding. Each function here checks that and reverts DirtyAddress otherwise, so a
/// leaf hashed here is always keccak256(abi.encode(...)) of the decoded values.
library Commitments {
    /// The bounds of section 3's value rules (mr-range, residual-range, capacity-range).
    uint256 internal constant MR_LIMIT = 1 << 64;
    uint256 internal constant VALUE_LIMIT = 1 << 128;

    /// An address word in calldata has non-zero upper bits: `index` is the entry (or header)
    /// of its array, or its p for a single header.
    error DirtyAddress(uint256 index);

    /// providerLeaf = keccak256(abi.encode(uint256 p, ProviderHeader hd)).
    function providerLeaf(uint256 p, ProviderHeader calldata hd) internal pure returns (bytes32 leaf) {
        uint256 dirty;
        assembly ("memory-safe") {
            // hd is the calldata offset of five words (a static struct), inside calldata since
            // the ABI decoder checked it. They are copied after p into free memory, which is
            // scratch here (nothing is allocated before the keccak).
            dirty := shr(160, calldataload(hd))
            let ptr := mload(0x40)
            mstore(ptr, p)
            calldatacopy(add(ptr, 0x20), hd, 0xa0)
            leaf := keccak256(ptr, 0xc0)
        }
        if (dirty != 0) revert DirtyAddress(p);
    }

    /// entryLeaf = keccak256(abi.encode(address recipient, uint256 mr, uint256 residual)).
    function entryLeaf(Entry calldata e, uint256 j) internal pure returns (bytes32 leaf) {
        uint256 dirty;
        assembly ("memory-safe") {
            // e is the calldata offset of three words (a static struct) checked by the decoder.
            dirty := shr(160, calldataload(e))
            let ptr := mload(0x40)
            calldatacopy(ptr, e, 0x60)
            leaf := keccak256(ptr, 0x60)
        }
        if (dirty != 0) revert DirtyAddress(j);
    }

    /// Writes the n entry leaves of `es` to memory `buf` (n words) and returns, from the same
    /// pass, the row's denominator sum(mr * residual) and the first entry whose mr or residual
    /// is out of range (type(uint256).max when none is). The denominator is exact only when
    /// every value is in range; otherwise it is meaningless and the caller must not use it.
    function entryLeaves(Entry[] calldata es, uint256 buf)
        internal
        pure
        returns (uint256 denom, uint256 firstOutOfRange)
    {
        uint256 dirtyAt = type(uint256).max;
        firstOutOfRange = type(uint256).max;
        assembly ("memory-safe") {
            // es.offset .. es.offset + 96 * es.length is inside calldata (checked by the ABI
            // decoder); entry j is the three words at es.offset + 96 j. `tmp` is scratch above
            // the free memory pointer (buf was allocated below it).
            let tmp := mload(0x40)
            let off := es.offset
            for { let j := 0 } lt(j, es.length) { j := add(j, 1) } {
                let rcp := calldataload(off)
                let mr := calldataload(add(off, 0x20))
                let res := calldataload(add(off, 0x40))
                if shr(160, rcp) {
                    dirtyAt := j
                    break
                }
                // mr-range (mr == 0 or mr >= 2^64) and residual-range (residual >= 2^128).
                if and(eq(firstOutOfRange, not(0)), or(or(iszero(mr), shr(64, mr)), shr(128, res))) {
                    firstOutOfRange := j
                }
                mstore(tmp, rcp)
                mstore(add(tmp, 0x20), mr)
                mstore(add(tmp, 0x40), res)
                mstore(add(buf, shl(5, j)), keccak256(tmp, 0x60))
                // In range: mr * res < 2^192 and a row of at most 2^10 sums below 2^202.
                denom := add(denom, mul(mr, res))
                off := add(off, 0x60)
            }
        }
        if (dirtyAt != type(uint256).max) revert DirtyAddress(dirtyAt);
    }

    /// entriesRoot = tree(entryLeaf_0 .. entryLeaf_{n-1}) of entries in calldata; the entries need
    /// not be well formed.
    function entriesRoot(Entry[] calldata es) internal pure returns (bytes32) {
        uint256 buf = Merkle.alloc(es.length + 1);
        entryLeaves(es, buf);
        return Merkle.rootInPlace(buf, es.length);
    }

    /// The root of the height-`height` subtree over the provider leaves of headers `hs`, the
    /// first being header `first`, padded with zero leaves (a manifest part, section 7.3).
    function headersRoot(uint256 first, ProviderHeader[] calldata hs, uint256 height) internal pure returns (bytes32) {
        uint256 n = hs.length;
        uint256 buf = Merkle.alloc(n + 1);
        uint256 dirtyAt = type(uint256).max;
        assembly ("memory-safe") {
            // Header i is the five words at hs.offset + 160 i, inside calldata (ABI decoder).
            // The preimage (p, header) is built in scratch above the free memory pointer.
            let tmp := mload(0x40)
            let off := hs.offset
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                if shr(160, calldataload(off)) {
                    dirtyAt := i
                    break
                }
                mstore(tmp, add(first, i))
                calldatacopy(add(tmp, 0x20), off, 0xa0)
                mstore(add(buf, shl(5, i)), keccak256(tmp, 0xc0))
                off := add(off, 0xa0)
            }
        }
        if (dirtyAt != type(uint256).max) revert DirtyAddress(dirtyAt);
        return Merkle.paddedRootInPlace(buf, n, height);
    }

    /// commitmentRoot = keccak256(abi.encode(round, providersRoot, P, E)).
    function commitmentRoot(uint256 round, bytes32 providersRoot, uint256 providerCount, uint256 entryCount)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(round, providersRoot, providerCount, entryCount));
    }
}
