// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";
import {PositionalMerkle} from "./PositionalMerkle.sol";
import {AllocationMath} from "./AllocationMath.sol";
import {OperatorRegistry} from "./OperatorRegistry.sol";

/// @title The Denominator Allocation AVS, PROTOCOL.md sections 2 to 7.
/// @notice Rounds of commitments posted by the coordinator, BLS-signed allocation batches
/// submitted by anyone, a challenge window in which anyone may prove a batch wrong in one
/// transaction (bad publication or bad allocation), and slashing of the batch's signers.
contract DenominatorAllocationAVS is OperatorRegistry {
    bytes32 public constant BATCH_DOMAIN = keccak256("DenominatorAllocationAVS.batch.v1");

    enum RoundStatus {
        None,
        Committed, // commitments posted; takes a batch
        BatchSubmitted, // a live batch inside or past its challenge window
        Finalized
    }

    enum FraudKind {
        None,
        BadPublication,
        BadAllocation
    }

    struct Params {
        address coordinator;
        uint256 challengeWindow; // blocks after the submission block
        uint256 exitDelay; // blocks; must exceed challengeWindow
        uint256 quorumBps; // signing stake / active stake, basis points
        uint256 slashBps; // share of each signer's stake slashed on proven fraud
        uint256 bountyBps; // share of the slashed total paid to the challenger
        uint256 minStake; // wei
    }

    struct Round {
        bytes32 commitmentRoot;
        bytes32 allocationRoot;
        bytes32 allocTreeRoot;
        uint256 signerBitmap;
        uint64 submittedBlock;
        uint64 leafCount; // allocationData.length / 32 of the live batch
        uint32 voidedBatches;
        RoundStatus status;
    }

    /// What a watcher or a recipient reads about a round.
    struct RoundView {
        RoundStatus status;
        bytes32 commitmentRoot;
        bytes32 allocationRoot;
        bytes32 allocTreeRoot;
        uint256 signerBitmap;
        uint256 submittedBlock;
        uint256 deadline; // last block in which fraud can be proven
        uint256 leafCount;
        uint256 voidedBatches;
    }

    /// The opening of a round's commitmentRoot: keccak256(abi.encode(round, providersRoot, P, E)).
    struct CommitmentOpening {
        bytes32 providersRoot;
        uint256 providerCount;
        uint256 entryCount;
    }

    /// A provider's full row, as committed in its provider leaf.
    struct ProviderRow {
        uint256 index;
        address provider;
        uint256 capacity;
        uint256 entryOffset;
        AllocationMath.Entry[] entries;
    }

    address public immutable coordinator;
    uint256 public immutable challengeWindow;
    uint256 public immutable quorumBps;
    uint256 public immutable slashBps;
    uint256 public immutable bountyBps;

    uint256 public latestRound;
    mapping(uint256 => Round) internal _rounds;

    event NewRoundCommitments(uint256 indexed round, bytes32 commitmentRoot, uint256 timestamp);
    event AllocationBatchSubmitted(
        uint256 indexed round, bytes32 allocationRoot, uint256 operatorCount, uint256 timestamp
    );
    event RoundFinalized(uint256 indexed round, bytes32 allocationRoot);
    /// index: for a bad allocation, the global index of the wrong amount; for a bad
    /// publication, the number of whole amounts published when the length is wrong, else E.
    event FraudProven(
        uint256 indexed round, address indexed challenger, FraudKind kind, uint256 index, uint256 slashedTotal
    );
    event OperatorSlashed(uint256 indexed round, address indexed operator, uint256 amount);

    error InvalidParams();
    error NotCoordinator(address caller);
    error WrongRound(uint256 expected, uint256 got);
    error RoundNotOpen(uint256 round, RoundStatus status);
    error NoSigners();
    error NoActiveStake();
    error SignerNotActive(uint256 index);
    error NonSignerKeysMismatch(uint256 expected, uint256 got);
    error NonSignerKeyMismatch(uint256 index);
    error QuorumNotMet(uint256 signingStake, uint256 activeStake);
    error InvalidSignature();
    error NoLiveBatch(uint256 round);
    error ChallengeWindowOpen(uint256 deadline);
    error ChallengeWindowClosed(uint256 deadline);
    error InvalidCommitmentOpening();
    error DataDoesNotMatchBatch();
    error InvalidProviderProof();
    error InvalidEntry(uint256 entry, uint256 count);
    error DirtyAddress(uint256 entry);
    error InvalidAmountProof();
    error NoFraud();

    constructor(Params memory p) OperatorRegistry(p.minStake, p.exitDelay) {
        if (
            p.coordinator == address(0) || p.exitDelay <= p.challengeWindow || p.quorumBps == 0
                || p.quorumBps > 10_000 || p.slashBps > 10_000 || p.bountyBps > 10_000
        ) revert InvalidParams();
        coordinator = p.coordinator;
        challengeWindow = p.challengeWindow;
        quorumBps = p.quorumBps;
        slashBps = p.slashBps;
        bountyBps = p.bountyBps;
    }

    // ----------------------------------------------------------------- lifecycle

    /// Posts round `round`'s commitment root; `data` (PROTOCOL.md section 3) rides in calldata
    /// for data availability only.
    function commitRound(uint256 round, bytes32 commitmentRoot, bytes calldata data) external {
        data; // published, not read
        if (msg.sender != coordinator) revert NotCoordinator(msg.sender);
        if (round != latestRound + 1) revert WrongRound(latestRound + 1, round);
        latestRound = round;
        Round storage r = _rounds[round];
        r.commitmentRoot = commitmentRoot;
        r.status = RoundStatus.Committed;
        emit NewRoundCommitments(round, commitmentRoot, block.timestamp);
    }

    /// Submits a round's allocation batch with the aggregate BLS signature of the operators in
    /// signerBitmap. nonSignerPks are the pkG1 of the active operators not in signerBitmap, in
    /// ascending index order; they are checked against the registry and subtracted from the
    /// active set's aggregate key, so the cost grows with non-signers only.
    function submitAllocationBatch(
        uint256 round,
        bytes32 allocTreeRoot,
        bytes calldata allocationData,
        uint256 signerBitmap,
        BN254.G2Point calldata apkG2,
        BN254.G1Point calldata sigma,
        BN254.G1Point[] calldata nonSignerPks
    ) external {
        Round storage r = _rounds[round];
        if (r.status != RoundStatus.Committed) revert RoundNotOpen(round, r.status);
        bytes32 allocationRoot =
            keccak256(abi.encode(r.commitmentRoot, allocTreeRoot, keccak256(allocationData)));
        BN254.G1Point memory apkG1 = _signersApk(signerBitmap, nonSignerPks);
        BN254.G1Point memory sig = sigma;
        if (BN254.isInfinity(apkG1) || !BN254.isOnCurve(sig)) revert InvalidSignature();
        if (!BN254.verify(batchMessage(round, allocationRoot), apkG1, apkG2, sig)) revert InvalidSignature();

        r.allocationRoot = allocationRoot;
        r.allocTreeRoot = allocTreeRoot;
        r.signerBitmap = signerBitmap;
        r.submittedBlock = uint64(block.number);
        r.leafCount = uint64(allocationData.length / 32);
        r.status = RoundStatus.BatchSubmitted;
        emit AllocationBatchSubmitted(round, allocationRoot, _popcount(signerBitmap), block.timestamp);
    }

    /// Checks the signer set and the quorum and returns the signers' aggregate pkG1.
    function _signersApk(uint256 signerBitmap, BN254.G1Point[] calldata nonSignerPks)
        internal
        view
        returns (BN254.G1Point memory apk)
    {
        if (signerBitmap == 0) revert NoSigners();
        uint256 active = activeBitmap;
        if (activeStake == 0) revert NoActiveStake();
        uint256 stray = signerBitmap & ~active;
        if (stray != 0) revert SignerNotActive(_lowestBit(stray));
        uint256 nonSigners = active & ~signerBitmap;
        uint256 count = _popcount(nonSigners);
        if (nonSignerPks.length != count) revert NonSignerKeysMismatch(count, nonSignerPks.length);

        uint256 signingStake = activeStake;
        apk = _activeApk;
        uint256 k;
        for (uint256 i; nonSigners != 0; ++i) {
            if (nonSigners & 1 == 1) {
                BN254.G1Point calldata pk = nonSignerPks[k++];
                if (keccak256(abi.encode(pk.X, pk.Y)) != _keyHash[i]) revert NonSignerKeyMismatch(i);
                signingStake -= _stake[i];
                apk = BN254.add(apk, BN254.negate(pk));
            }
            nonSigners >>= 1;
        }
        if (signingStake * 10_000 < activeStake * quorumBps) revert QuorumNotMet(signingStake, activeStake);
    }

    /// Finalizes a round whose live batch is past its challenge window.
    function finalizeRound(uint256 round) external {
        Round storage r = _rounds[round];
        if (r.status != RoundStatus.BatchSubmitted) revert NoLiveBatch(round);
        uint256 dl = uint256(r.submittedBlock) + challengeWindow;
        if (block.number <= dl) revert ChallengeWindowOpen(dl);
        r.status = RoundStatus.Finalized;
        emit RoundFinalized(round, r.allocationRoot);
    }

    // ----------------------------------------------------------------- fraud proofs

    /// Bad publication: allocationData (whose keccak must be the batch's dataHash) is not
    /// exactly 32*E bytes, or the allocation tree rebuilt from it is not the batch's allocTreeRoot.
    function proveBadPublication(uint256 round, bytes calldata allocationData, CommitmentOpening calldata c)
        external
    {
        Round storage r = _liveInWindow(round);
        _checkOpening(round, r.commitmentRoot, c);
        bytes32 expected = keccak256(abi.encode(r.commitmentRoot, r.allocTreeRoot, keccak256(allocationData)));
        if (expected != r.allocationRoot) revert DataDoesNotMatchBatch();
        if (allocationData.length != 32 * c.entryCount) {
            return _slash(round, r, FraudKind.BadPublication, allocationData.length / 32);
        }
        if (PositionalMerkle.allocTreeRoot(allocationData) != r.allocTreeRoot) {
            return _slash(round, r, FraudKind.BadPublication, c.entryCount);
        }
        revert NoFraud();
    }

    /// Bad allocation: provider row.index's full row (proven against providersRoot) gives, for
    /// entry `entry`, an amount other than the published `amount` at global index
    /// row.entryOffset + entry (proven against the batch's allocTreeRoot).
    function proveBadAllocation(
        uint256 round,
        CommitmentOpening calldata c,
        ProviderRow calldata row,
        bytes32[] calldata providerProof,
        uint256 entry,
        uint256 amount,
        bytes32[] calldata amountProof
    ) external {
        Round storage r = _liveInWindow(round);
        _checkOpening(round, r.commitmentRoot, c);
        _checkRow(c, row, providerProof);
        if (entry >= row.entries.length) revert InvalidEntry(entry, row.entries.length);
        uint256 k = row.entryOffset + entry;
        if (!PositionalMerkle.verify(r.allocTreeRoot, keccak256(abi.encode(k, amount)), k, c.entryCount, amountProof))
        {
            revert InvalidAmountProof();
        }
        if (_rowAmount(row, entry) == amount) revert NoFraud();
        _slash(round, r, FraudKind.BadAllocation, k);
    }

    /// Checks row against its provider leaf under the commitment's providersRoot.
    function _checkRow(CommitmentOpening calldata c, ProviderRow calldata row, bytes32[] calldata proof)
        internal
        pure
    {
        bytes32 leaf = keccak256(
            abi.encode(
                row.index, row.provider, row.capacity, row.entryOffset, row.entries.length, _entriesHash(row.entries)
            )
        );
        if (!PositionalMerkle.verify(c.providersRoot, leaf, row.index, c.providerCount, proof)) {
            revert InvalidProviderProof();
        }
    }

    /// The correct amount of entry j of row (section 5).
    function _rowAmount(ProviderRow calldata row, uint256 j) internal pure returns (uint256) {
        AllocationMath.Entry[] calldata es = row.entries;
        return AllocationMath.amount(row.capacity, es[j].mr * es[j].residual, AllocationMath.denominator(es));
    }

    /// keccak256(abi.encode(Entry[] es)), hashed straight from calldata; the address words must
    /// be clean for that to equal the canonical encoding.
    function _entriesHash(AllocationMath.Entry[] calldata es) internal pure returns (bytes32 h) {
        uint256 n = es.length;
        for (uint256 j; j < n;) {
            uint256 word;
            assembly ("memory-safe") {
                word := calldataload(add(es.offset, mul(j, 0x60)))
            }
            if (word >> 160 != 0) revert DirtyAddress(j);
            unchecked {
                ++j;
            }
        }
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, 0x20)
            mstore(add(ptr, 0x20), n)
            calldatacopy(add(ptr, 0x40), es.offset, mul(n, 0x60))
            h := keccak256(ptr, add(0x40, mul(n, 0x60)))
        }
    }

    function _liveInWindow(uint256 round) internal view returns (Round storage r) {
        r = _rounds[round];
        if (r.status != RoundStatus.BatchSubmitted) revert NoLiveBatch(round);
        uint256 dl = uint256(r.submittedBlock) + challengeWindow;
        if (block.number > dl) revert ChallengeWindowClosed(dl);
    }

    function _checkOpening(uint256 round, bytes32 commitmentRoot, CommitmentOpening calldata c) internal pure {
        if (keccak256(abi.encode(round, c.providersRoot, c.providerCount, c.entryCount)) != commitmentRoot) {
            revert InvalidCommitmentOpening();
        }
    }

    /// Slashes every signer of the live batch by slashBps, pays the challenger bountyBps of
    /// the total, voids the batch and reopens the round.
    function _slash(uint256 round, Round storage r, FraudKind kind, uint256 index) internal {
        uint256 signers = r.signerBitmap;
        r.status = RoundStatus.Committed;
        r.allocationRoot = 0;
        r.allocTreeRoot = 0;
        r.signerBitmap = 0;
        r.submittedBlock = 0;
        r.leafCount = 0;
        r.voidedBatches += 1;

        uint256 total;
        for (uint256 i; signers != 0; ++i) {
            if (signers & 1 == 1) {
                uint256 cut = _stake[i] * slashBps / 10_000;
                _stake[i] -= cut;
                if (_operators[i].active) activeStake -= cut;
                total += cut;
                emit OperatorSlashed(round, _operators[i].addr, cut);
            }
            signers >>= 1;
        }
        uint256 bounty = total * bountyBps / 10_000;
        burned += total - bounty;
        emit FraudProven(round, msg.sender, kind, index, total);
        if (bounty != 0) _send(msg.sender, bounty);
    }

    // ----------------------------------------------------------------- views

    /// keccak256(abi.encode(BATCH_DOMAIN, chainid, avs, round, allocationRoot)): what operators sign.
    function batchMessage(uint256 round, bytes32 allocationRoot) public view returns (bytes32) {
        return keccak256(abi.encode(BATCH_DOMAIN, block.chainid, address(this), round, allocationRoot));
    }

    /// The BLS check of section 6 on a raw message: what submitAllocationBatch and
    /// registerOperator apply, exposed for watchers and for testing against vectors.
    function verifyBLS(bytes32 msgHash, BN254.G1Point memory apkG1, BN254.G2Point memory apkG2, BN254.G1Point memory sigma)
        external
        view
        returns (bool)
    {
        if (BN254.isInfinity(apkG1) || !BN254.isOnCurve(apkG1) || !BN254.isOnCurve(sigma)) return false;
        return BN254.verify(msgHash, apkG1, apkG2, sigma);
    }

    /// The try-and-increment map of section 6.
    function hashToG1(bytes32 msgHash) external view returns (BN254.G1Point memory) {
        return BN254.hashToG1(msgHash);
    }

    function getRound(uint256 round) external view returns (RoundView memory v) {
        Round storage r = _rounds[round];
        v.status = r.status;
        v.commitmentRoot = r.commitmentRoot;
        v.allocationRoot = r.allocationRoot;
        v.allocTreeRoot = r.allocTreeRoot;
        v.signerBitmap = r.signerBitmap;
        v.submittedBlock = r.submittedBlock;
        v.deadline = r.submittedBlock == 0 ? 0 : uint256(r.submittedBlock) + challengeWindow;
        v.leafCount = r.leafCount;
        v.voidedBatches = r.voidedBatches;
    }

    /// Whether `amount` at global index `index` is in the round's live or finalized batch.
    function verifyAllocation(uint256 round, uint256 index, uint256 amount, bytes32[] calldata proof)
        external
        view
        returns (bool)
    {
        Round storage r = _rounds[round];
        if (r.status != RoundStatus.BatchSubmitted && r.status != RoundStatus.Finalized) return false;
        return PositionalMerkle.verify(r.allocTreeRoot, keccak256(abi.encode(index, amount)), index, r.leafCount, proof);
    }

    /// The row math of section 5: the denominator and every amount. The same code the
    /// bad-allocation proof runs, exposed for watchers and differential tests.
    function computeRow(uint256 capacity, AllocationMath.Entry[] calldata entries)
        external
        pure
        returns (uint256 denom, uint256[] memory amounts)
    {
        denom = AllocationMath.denominator(entries);
        amounts = new uint256[](entries.length);
        for (uint256 j; j < entries.length; ++j) {
            amounts[j] = AllocationMath.amount(capacity, entries[j].mr * entries[j].residual, denom);
        }
    }

    function _popcount(uint256 x) internal pure returns (uint256 n) {
        while (x != 0) {
            x &= x - 1;
            unchecked {
                ++n;
            }
        }
    }

    function _lowestBit(uint256 x) internal pure returns (uint256 i) {
        while (x & 1 == 0) {
            x >>= 1;
            unchecked {
                ++i;
            }
        }
    }
}
