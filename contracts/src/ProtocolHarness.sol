// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";
import {Entry, ProviderHeader} from "./Types.sol";
import {Merkle} from "./Merkle.sol";
import {Commitments} from "./Commitments.sol";
import {Allocation} from "./Allocation.sol";

/// @title The AVS's protocol libraries as views, for tests only (never deployed by the devnet).
/// @notice Each function calls exactly the internal library code the AVS runs (the same
/// Commitments, Allocation, Merkle and BN254 functions), so that the vectors and the
/// differential tests reach it through eth_call without growing the AVS's bytecode.
contract ProtocolHarness {
    function entryLeaf(Entry calldata e) external pure returns (bytes32) {
        return Commitments.entryLeaf(e, 0);
    }

    function entriesRoot(Entry[] calldata es) external pure returns (bytes32) {
        return Commitments.entriesRoot(es);
    }

    function providerLeaves(ProviderHeader[] calldata hs) external pure returns (bytes32[] memory leaves) {
        leaves = new bytes32[](hs.length);
        for (uint256 p; p < hs.length; ++p) {
            leaves[p] = Commitments.providerLeaf(p, hs[p]);
        }
    }

    /// The root of the height-`height` subtree over the provider leaves of headers first ..
    /// (a manifest part; with first 0 and height depth(P), providersRoot).
    function headersRoot(uint256 first, ProviderHeader[] calldata hs, uint256 height) external pure returns (bytes32) {
        return Commitments.headersRoot(first, hs, height);
    }

    function commitmentRoot(uint256 round, bytes32 providersRoot, uint256 providerCount, uint256 entryCount)
        external
        pure
        returns (bytes32)
    {
        return Commitments.commitmentRoot(round, providersRoot, providerCount, entryCount);
    }

    /// entriesRoot and providerAllocRoot of a row, as proveBadAllocation rebuilds them.
    function rowRoots(address provider, uint256 capacity, Entry[] calldata es)
        external
        pure
        returns (bytes32 entriesRoot_, bytes32 providerAllocRoot)
    {
        return Allocation.rowRoots(provider, capacity, es);
    }

    /// The tree over words in calldata, as submitAllocationBatch builds allocTreeRoot.
    function treeRoot(bytes32[] calldata leaves) external pure returns (bytes32) {
        return Merkle.rootOfCalldata(leaves);
    }

    function allocLeaf(address provider, address recipient, uint256 amount) external pure returns (bytes32) {
        return Allocation.allocLeaf(provider, recipient, amount);
    }

    function allocationRoot(bytes32 commitmentRoot_, bytes32 allocTreeRoot) external pure returns (bytes32) {
        return Allocation.allocationRoot(commitmentRoot_, allocTreeRoot);
    }

    function verifyProof(bytes32 root, bytes32 leaf, uint256 k, uint256 n, bytes32[] calldata proof)
        external
        pure
        returns (bool)
    {
        return Merkle.verify(root, leaf, k, n, proof);
    }

    /// verifyAllocation's check against a given allocTreeRoot and P.
    function verifyLeaf(
        bytes32 allocTreeRoot,
        uint256 providerCount,
        uint256 p,
        uint256 j,
        bytes32 leaf,
        bytes32[] calldata entryProof,
        bytes32[] calldata providerProof
    ) external pure returns (bool) {
        return Allocation.verifyLeaf(allocTreeRoot, providerCount, p, j, leaf, entryProof, providerProof);
    }

    function hashToG1(bytes32 msgHash) external view returns (BN254.G1Point memory) {
        return BN254.hashToG1(msgHash);
    }

    /// The BLS check of section 6 as submitAllocationBatch and registerOperator apply it.
    function verifyBLS(bytes32 msgHash, BN254.G1Point memory apkG1, BN254.G2Point memory apkG2, BN254.G1Point memory sigma)
        external
        view
        returns (bool)
    {
        if (BN254.isInfinity(apkG1) || !BN254.isOnCurve(apkG1) || !BN254.isOnCurve(sigma)) return false;
        return BN254.verify(msgHash, apkG1, apkG2, sigma);
    }
}
