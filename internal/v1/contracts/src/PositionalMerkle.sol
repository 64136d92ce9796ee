// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Positional merkle trees of PROTOCOL.md section 4.
/// @notice n = 0 leaves: root bytes32(0); otherwise depth = ceil(log2 n), padding with bytes32(0)
/// leaves up to 2^depth, parent = keccak256(left ++ right). A proof for leaf k is exactly depth
/// siblings, bottom-up; bit i of k says whether the node at level i is a right child.
library PositionalMerkle {
    function depth(uint256 n) internal pure returns (uint256 d) {
        while ((uint256(1) << d) < n) {
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

    /// Whether proof proves leaf at index k of a tree of n leaves with the given root.
    function verify(bytes32 root, bytes32 leaf, uint256 k, uint256 n, bytes32[] calldata proof)
        internal
        pure
        returns (bool)
    {
        if (n == 0 || k >= n || proof.length != depth(n)) return false;
        bytes32 node = leaf;
        for (uint256 i; i < proof.length;) {
            node = (k >> i) & 1 == 1 ? hashPair(proof[i], node) : hashPair(node, proof[i]);
            unchecked {
                ++i;
            }
        }
        return node == root;
    }

    /// The root of the allocation tree over amounts given as abi.encodePacked(uint256...) in
    /// calldata: leaf k = keccak256(abi.encode(k, amount_k)). Builds every level in one memory
    /// buffer, hashing in place.
    function allocTreeRoot(bytes calldata data) internal pure returns (bytes32 root) {
        uint256 n = data.length / 32;
        if (n == 0) return bytes32(0);
        assembly ("memory-safe") {
            let buf := mload(0x40)
            // leaves
            for { let k := 0 } lt(k, n) { k := add(k, 1) } {
                mstore(0x00, k)
                mstore(0x20, calldataload(add(data.offset, mul(k, 0x20))))
                mstore(add(buf, mul(k, 0x20)), keccak256(0x00, 0x40))
            }
            let zero := 0 // root of an all-padding subtree at the current level
            for {} gt(n, 1) {} {
                let half := shr(1, add(n, 1))
                for { let i := 0 } lt(i, half) { i := add(i, 1) } {
                    let j := shl(1, i)
                    mstore(0x00, mload(add(buf, mul(j, 0x20))))
                    switch lt(add(j, 1), n)
                    case 1 { mstore(0x20, mload(add(buf, mul(add(j, 1), 0x20)))) }
                    default { mstore(0x20, zero) }
                    mstore(add(buf, mul(i, 0x20)), keccak256(0x00, 0x40))
                }
                mstore(0x00, zero)
                mstore(0x20, zero)
                zero := keccak256(0x00, 0x40)
                n := half
            }
            root := mload(buf)
        }
    }
}
