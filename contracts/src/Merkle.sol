// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Positional merkle trees of PROTOCOL.md section 4.
/// @notice n = 0 leaves: root bytes32(0); otherwise depth = ceil(log2 n), padding with bytes32(0)
/// leaves up to 2^depth, parent = keccak256(left ++ right). A proof for leaf k is exactly depth
/// siblings, bottom-up; bit i of k says whether the node at level i is a right child.
library Merkle {
    /// ceil(log2 n): 0 for n <= 1, the bit length of n - 1 otherwise (at most 256).
    function depth(uint256 n) internal pure returns (uint256 d) {
        if (n <= 1) return 0;
        for (uint256 m = n - 1; m != 0; m >>= 1) {
            unchecked {
                ++d;
            }
        }
    }

    function hashPair(bytes32 l, bytes32 r) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            mstore(0x00, l)
            mstore(0x20, r)
            h := keccak256(0x00, 0x40)
        }
    }

    /// The root reached from `leaf` at index k along `proof`, whatever its length.
    function fold(bytes32 leaf, uint256 k, bytes32[] calldata proof) internal pure returns (bytes32 node) {
        node = leaf;
        for (uint256 i; i < proof.length;) {
            node = (k >> i) & 1 == 1 ? hashPair(proof[i], node) : hashPair(node, proof[i]);
            unchecked {
                ++i;
            }
        }
    }

    /// Whether `proof` proves `leaf` at index k of a tree of n leaves with the given root:
    /// k < n and exactly depth(n) siblings (section 4); anything else is invalid.
    function verify(bytes32 root, bytes32 leaf, uint256 k, uint256 n, bytes32[] calldata proof)
        internal
        pure
        returns (bool)
    {
        if (k >= n || proof.length != depth(n)) return false;
        return fold(leaf, k, proof) == root;
    }

    /// Allocates `words` 32-byte words of memory (moving the free memory pointer) and returns
    /// their address. The content is not cleared: callers write every word they read.
    function alloc(uint256 words) internal pure returns (uint256 buf) {
        assembly ("memory-safe") {
            buf := mload(0x40)
            mstore(0x40, add(buf, shl(5, words)))
        }
    }

    /// The root of the tree over the n leaves at memory `buf`, hashing in place: the buffer is
    /// overwritten and must hold n + 1 words (the word after the leaves takes the padding).
    function rootInPlace(uint256 buf, uint256 n) internal pure returns (bytes32 root) {
        if (n == 0) return bytes32(0);
        assembly ("memory-safe") {
            // Invariant at the top of each level: buf holds the level's n nodes, and `zero` is
            // the root of an all-padding subtree of that level's height. Siblings 2i and 2i+1
            // are adjacent words, so a parent is the keccak of 64 bytes in place; parent i is
            // written at word i <= 2i, which the pairs still to hash (2i' >= 2i + 2) never read.
            let zero := 0
            for {} gt(n, 1) {} {
                if and(n, 1) {
                    // Odd count: its last node's sibling is padding. Word n is inside the
                    // buffer (n + 1 words at the leaf level, fewer nodes above).
                    mstore(add(buf, shl(5, n)), zero)
                    n := add(n, 1)
                }
                let half := shr(1, n)
                for { let i := 0 } lt(i, half) { i := add(i, 1) } {
                    mstore(add(buf, shl(5, i)), keccak256(add(buf, shl(6, i)), 0x40))
                }
                mstore(0x00, zero)
                mstore(0x20, zero)
                zero := keccak256(0x00, 0x40)
                n := half
            }
            root := mload(buf)
        }
    }

    /// The root of the height-`height` subtree whose first n leaves (n <= 2^height) are at
    /// memory `buf` and whose other leaves are padding; `buf` as for rootInPlace.
    function paddedRootInPlace(uint256 buf, uint256 n, uint256 height) internal pure returns (bytes32 root) {
        root = rootInPlace(buf, n);
        bytes32 zero;
        for (uint256 level; level < height; ++level) {
            if (level >= depth(n)) root = hashPair(root, zero);
            zero = hashPair(zero, zero);
        }
    }

    /// The root of the tree over words in calldata (submitAllocationBatch's provider roots).
    function rootOfCalldata(bytes32[] calldata words) internal pure returns (bytes32) {
        uint256 n = words.length;
        uint256 buf = alloc(n + 1);
        assembly ("memory-safe") {
            // words.offset .. + 32 n is inside calldata (ABI decoder); buf holds n + 1 words.
            calldatacopy(buf, words.offset, shl(5, n))
        }
        return rootInPlace(buf, n);
    }
}
