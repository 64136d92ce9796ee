// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";
import {Entry, HeaderProof} from "./Types.sol";
import {Merkle} from "./Merkle.sol";
import {Commitments} from "./Commitments.sol";
import {Allocation} from "./Allocation.sol";
import {MalformedProofs} from "./MalformedProofs.sol";
import {AvailabilityChallenges} from "./AvailabilityChallenges.sol";
import {AVSBase} from "./AVSBase.sol";

/// @title The Denominator Allocation AVS, protocol v2 (PROTOCOL.md sections 2 to 8).
/// @notice Rounds hold roots only: the coordinator posts a round's providersRoot, P and E; the
/// data lives off chain in content-addressed objects. Anyone submits a BLS-signed batch of one
/// allocation root per provider, bound to the round's attempt; anyone proves a batch wrong from
/// one provider row (bad allocation), from section 3's evidence (malformed commitments), or
/// through an unanswered availability challenge. Everything a watcher needs is in the events.
contract DenominatorAllocationAVS is MalformedProofs, AvailabilityChallenges {
    /// What a watcher or a recipient reads about a round. The batch fields are zero unless a
    /// batch is live or finalized.
    struct RoundView {
        RoundStatus status;
        bytes32 commitmentRoot;
        bytes32 providersRoot;
        uint256 providerCount;
        uint256 entryCount;
        uint256 attempt;
        bytes32 allocTreeRoot;
        bytes32 allocationRoot;
        uint256 signerBitmap;
        uint256 submissionBlock;
        uint256 deadline;
        uint256 maxDeadline;
        uint256 openChallenges;
    }

    error NotCoordinator(address caller);
    error WrongRound(uint256 expected, uint256 got);
    error InvalidCounts(uint256 providerCount, uint256 entryCount);
    error RoundNotOpen(uint256 round, RoundStatus status);
    error WrongAttempt(uint256 expected, uint256 got);
    error WrongProviderCount(uint256 expected, uint256 got);
    error QuorumNotMet(uint256 signingStake, uint256 activeStake);
    error InvalidSignature();
    error InvalidAllocRootProof(uint256 p);
    error FinalizeTooEarly(uint256 deadline);
    error ChallengesOpen(uint256 count);

    constructor(Params memory p) AVSBase(p) {}

    // ----------------------------------------------------------------- lifecycle

    /// Posts round `round`'s commitment roots (section 2.1): 1 <= P <= 1024, E <= 1024 P.
    function commitRound(uint256 round, bytes32 providersRoot, uint256 providerCount, uint256 entryCount) external {
        if (msg.sender != coordinator) revert NotCoordinator(msg.sender);
        if (round != latestRound + 1) revert WrongRound(latestRound + 1, round);
        if (providerCount == 0 || providerCount > MAX_PROVIDERS || entryCount > MAX_ROW_ENTRIES * providerCount) {
            revert InvalidCounts(providerCount, entryCount);
        }
        latestRound = round;
        Round storage r = _rounds[round];
        r.providersRoot = providersRoot;
        r.providerCount = uint32(providerCount);
        r.entryCount = uint32(entryCount);
        r.status = RoundStatus.Committed;
        bytes32 commitmentRoot = Commitments.commitmentRoot(round, providersRoot, providerCount, entryCount);
        emit NewRoundCommitments(round, commitmentRoot, block.timestamp);
        emit RoundCommitmentsOpened(round, providersRoot, providerCount, entryCount);
    }

    /// Submits the round's batch for `attempt` (the number of its batches voided so far): one
    /// providerAllocRoot per provider and the aggregate BLS signature of the operators in
    /// signerBitmap over batchMessage(round, attempt, allocationRoot). The keys come from the
    /// registry; the batch is refused if the quorum or the signature fails.
    function submitAllocationBatch(
        uint256 round,
        uint256 attempt,
        bytes32[] calldata providerAllocRoots,
        uint256 signerBitmap,
        BN254.G2Point calldata apkG2,
        BN254.G1Point calldata sigma
    ) external {
        Round storage r = _rounds[round];
        if (r.status != RoundStatus.Committed) revert RoundNotOpen(round, r.status);
        if (attempt != r.attempt) revert WrongAttempt(r.attempt, attempt);
        if (providerAllocRoots.length != r.providerCount) {
            revert WrongProviderCount(r.providerCount, providerAllocRoots.length);
        }
        bytes32 allocTreeRoot = Merkle.rootOfCalldata(providerAllocRoots);
        bytes32 allocationRoot = Allocation.allocationRoot(_commitmentRoot(round, r), allocTreeRoot);
        _checkSignature(batchMessage(round, attempt, allocationRoot), signerBitmap, apkG2, sigma);

        uint256 deadline = block.number + challengeWindow;
        r.allocTreeRoot = allocTreeRoot;
        r.signerBitmap = signerBitmap;
        r.submissionBlock = uint64(block.number);
        r.deadline = uint64(deadline);
        r.status = RoundStatus.BatchLive;
        emit AllocationBatchSubmitted(round, allocationRoot, _popcount(signerBitmap), block.timestamp);
        emit AllocationBatchDetails(round, attempt, allocTreeRoot, signerBitmap, deadline, providerAllocRoots);
    }

    /// Quorum (signing stake * 10000 >= active stake * quorumBps) and the BLS check of
    /// section 6, with an aggregate key that is not the point at infinity.
    function _checkSignature(
        bytes32 msgHash,
        uint256 signerBitmap,
        BN254.G2Point calldata apkG2,
        BN254.G1Point calldata sigma
    ) internal view {
        (BN254.G1Point memory apk, uint256 signingStake) = _signers(signerBitmap);
        if (signingStake * 10_000 < activeStake * quorumBps) revert QuorumNotMet(signingStake, activeStake);
        BN254.G1Point memory sig = sigma;
        if (BN254.isInfinity(apk) || !BN254.isOnCurve(sig) || !BN254.verify(msgHash, apk, apkG2, sig)) {
            revert InvalidSignature();
        }
    }

    /// Finalizes the round's live batch once its deadline has passed with no availability
    /// challenge open or unresolved.
    function finalizeRound(uint256 round) external {
        Round storage r = _liveBatch(round);
        if (block.number <= r.deadline) revert FinalizeTooEarly(r.deadline);
        if (r.openChallenges != 0) revert ChallengesOpen(r.openChallenges);
        r.status = RoundStatus.Finalized;
        emit RoundFinalized(round, Allocation.allocationRoot(_commitmentRoot(round, r), r.allocTreeRoot));
    }

    // ----------------------------------------------------------------- bad allocation

    /// Bad allocation of provider h.p (section 7.2.1): header h.p proven against providersRoot,
    /// its row's entries (rebuilding its entriesRoot), and the batch's providerAllocRoot of h.p
    /// (claimedRoot) proven against allocTreeRoot. The contract recomputes every amount of the
    /// row and its providerAllocRoot; fraud when that differs from claimedRoot. A row with a
    /// value out of range reverts (prove it malformed instead).
    function proveBadAllocation(
        uint256 round,
        HeaderProof calldata h,
        Entry[] calldata entries,
        bytes32 claimedRoot,
        bytes32[] calldata claimedProof
    ) external {
        Round storage r = _provable(round);
        _checkHeader(r, h);
        if (!Merkle.verify(r.allocTreeRoot, claimedRoot, h.p, r.providerCount, claimedProof)) {
            revert InvalidAllocRootProof(h.p);
        }
        if (entries.length != h.header.entryCount) revert WrongRowLength(h.header.entryCount, entries.length);
        (bytes32 entriesRoot, bytes32 allocRoot) = Allocation.rowRoots(h.header.provider, h.header.capacity, entries);
        if (entriesRoot != h.header.entriesRoot) revert EntriesRootMismatch(h.header.entriesRoot, entriesRoot);
        if (allocRoot == claimedRoot) revert NoFraud();
        _proven(round, r, "bad-allocation", h.p, 0);
    }

    // ----------------------------------------------------------------- views

    /// Whether the allocation leaf (provider, recipient, amount) is entry j of provider p in the
    /// round's live or finalized batch (section 5).
    function verifyAllocation(
        uint256 round,
        uint256 p,
        uint256 j,
        address provider,
        address recipient,
        uint256 amount,
        bytes32[] calldata entryProof,
        bytes32[] calldata providerProof
    ) external view returns (bool) {
        Round storage r = _rounds[round];
        if (r.status != RoundStatus.BatchLive && r.status != RoundStatus.Finalized) return false;
        bytes32 leaf = Allocation.allocLeaf(provider, recipient, amount);
        return Allocation.verifyLeaf(r.allocTreeRoot, r.providerCount, p, j, leaf, entryProof, providerProof);
    }

    /// keccak256(abi.encode(BATCH_DOMAIN, chainid, avs, round, attempt, allocationRoot)): what
    /// operators sign (section 6).
    function batchMessage(uint256 round, uint256 attempt, bytes32 allocationRoot) public view returns (bytes32) {
        return keccak256(abi.encode(BATCH_DOMAIN, block.chainid, address(this), round, attempt, allocationRoot));
    }

    function getRound(uint256 round) external view returns (RoundView memory v) {
        Round storage r = _rounds[round];
        v.status = r.status;
        if (r.status == RoundStatus.None) return v;
        v.commitmentRoot = _commitmentRoot(round, r);
        v.providersRoot = r.providersRoot;
        v.providerCount = r.providerCount;
        v.entryCount = r.entryCount;
        v.attempt = r.attempt;
        if (r.status == RoundStatus.Committed) return v;
        v.allocTreeRoot = r.allocTreeRoot;
        v.allocationRoot = Allocation.allocationRoot(v.commitmentRoot, r.allocTreeRoot);
        v.signerBitmap = r.signerBitmap;
        v.submissionBlock = r.submissionBlock;
        v.deadline = r.deadline;
        v.maxDeadline = _maxDeadline(r);
        v.openChallenges = r.openChallenges;
    }

    /// commitmentRoot is derived, not stored: keccak256(abi.encode(round, providersRoot, P, E)).
    function _commitmentRoot(uint256 round, Round storage r) internal view returns (bytes32) {
        return Commitments.commitmentRoot(round, r.providersRoot, r.providerCount, r.entryCount);
    }
}
