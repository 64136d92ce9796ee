// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Entry, ProviderHeader, HeaderProof, EntryProof} from "./Types.sol";
import {Merkle} from "./Merkle.sol";
import {Commitments} from "./Commitments.sol";
import {OperatorRegistry} from "./OperatorRegistry.sol";

/// @title State, events and the shared steps of the Denominator Allocation AVS (PROTOCOL.md v2).
/// @notice Rounds, the live batch of each round, voiding and slashing. The entry points are in
/// DenominatorAllocationAVS (lifecycle, bad allocation, views), MalformedProofs (section 3's
/// rules) and AvailabilityChallenges (section 7.3).
abstract contract AVSBase is OperatorRegistry {
    bytes32 public constant BATCH_DOMAIN = keccak256("DenominatorAllocationAVS.batch.v2");
    uint256 public constant MAX_PROVIDERS = 1024;
    uint256 public constant MAX_ROW_ENTRIES = 1024;
    /// Headers per manifest part when a round has more than PART_SIZE providers (section 7.3).
    uint256 public constant PART_SIZE = 512;
    /// Gas forwarded when paying somebody other than the caller (see _pay).
    uint256 internal constant PAY_GAS = 50_000;

    enum RoundStatus {
        None,
        Committed, // commitments posted; takes a batch
        BatchLive, // a batch inside or past its windows, not finalized
        Finalized
    }

    /// Availability challenge kinds (section 7.3): a manifest part or a row.
    enum ObjectKind {
        ManifestPart,
        Row
    }

    struct Params {
        address coordinator;
        uint256 challengeWindow; // blocks after a batch's submission block
        uint256 resolveWindow; // blocks after a challenge to resolve it
        uint256 revealWindow; // blocks after a resolution in which fraud stays provable
        uint256 exitDelay; // blocks; must exceed challengeWindow + resolveWindow + revealWindow
        uint256 quorumBps; // signing stake / active stake, basis points
        uint256 slashBps; // share of each signer's stake slashed
        uint256 bountyBps; // share of the slashed total paid to the challenger
        uint256 minStake; // wei
        uint256 availabilityBond; // wei, the least an availability challenge must pay
    }

    struct Round {
        bytes32 providersRoot;
        bytes32 allocTreeRoot; // of the live or finalized batch
        uint256 signerBitmap; // of the live or finalized batch
        uint32 providerCount; // P
        uint32 entryCount; // E <= 1024 P
        uint32 attempt; // batches of this round voided so far
        uint64 submissionBlock;
        uint64 deadline; // last block in which fraud can be proven
        uint16 openChallenges; // availability challenges of the live batch not yet resolved
        RoundStatus status;
    }

    address public immutable coordinator;
    uint256 public immutable challengeWindow;
    uint256 public immutable resolveWindow;
    uint256 public immutable revealWindow;
    uint256 public immutable quorumBps;
    uint256 public immutable slashBps;
    uint256 public immutable bountyBps;
    uint256 public immutable availabilityBond;

    uint256 public latestRound;
    mapping(uint256 => Round) internal _rounds;
    /// Payments to somebody other than the caller that their address refused: claim() pays them.
    mapping(address => uint256) public owed;

    event NewRoundCommitments(uint256 indexed round, bytes32 commitmentRoot, uint256 timestamp);
    event RoundCommitmentsOpened(uint256 indexed round, bytes32 providersRoot, uint256 providerCount, uint256 entryCount);
    event AllocationBatchSubmitted(
        uint256 indexed round, bytes32 allocationRoot, uint256 operatorCount, uint256 timestamp
    );
    event AllocationBatchDetails(
        uint256 indexed round,
        uint256 attempt,
        bytes32 allocTreeRoot,
        uint256 signerBitmap,
        uint256 deadline,
        bytes32[] providerAllocRoots
    );
    event AvailabilityChallenged(
        uint256 indexed round, uint256 attempt, uint8 kind, uint256 index, address challenger, uint256 resolveBy
    );
    event ManifestRevealed(
        uint256 indexed round, uint256 attempt, uint256 part, ProviderHeader[] headers, uint256 deadline
    );
    event RowRevealed(
        uint256 indexed round, uint256 attempt, uint256 provider, ProviderHeader header, Entry[] entries, uint256 deadline
    );
    event FraudProven(
        uint256 indexed round,
        uint256 attempt,
        address indexed challenger,
        string kind,
        uint256 provider,
        uint256 entry,
        uint256 slashedTotal
    );
    event OperatorSlashed(uint256 indexed round, address indexed operator, uint256 amount);
    event RoundFinalized(uint256 indexed round, bytes32 allocationRoot);

    error InvalidParams();
    error NoLiveBatch(uint256 round);
    error ProofWindowClosed(uint256 deadline);
    error InvalidHeaderProof(uint256 p);
    error InvalidEntryProof(uint256 j);
    error NoFraud();
    error NothingOwed(address to);

    constructor(Params memory p) OperatorRegistry(p.minStake, p.exitDelay) {
        if (
            p.coordinator == address(0) || p.challengeWindow == 0 || p.resolveWindow == 0
                || p.exitDelay <= p.challengeWindow + p.resolveWindow + p.revealWindow || p.quorumBps == 0
                || p.quorumBps > 10_000 || p.slashBps > 10_000 || p.bountyBps > 10_000
        ) revert InvalidParams();
        coordinator = p.coordinator;
        challengeWindow = p.challengeWindow;
        resolveWindow = p.resolveWindow;
        revealWindow = p.revealWindow;
        quorumBps = p.quorumBps;
        slashBps = p.slashBps;
        bountyBps = p.bountyBps;
        availabilityBond = p.availabilityBond;
    }

    /// Pays msg.sender what it is owed (see _pay).
    function claim() external {
        uint256 amount = owed[msg.sender];
        if (amount == 0) revert NothingOwed(msg.sender);
        owed[msg.sender] = 0;
        _send(msg.sender, amount);
    }

    // ----------------------------------------------------------------- shared steps

    /// The round's live batch; reverts when it has none (not yet submitted, voided or finalized).
    function _liveBatch(uint256 round) internal view returns (Round storage r) {
        r = _rounds[round];
        if (r.status != RoundStatus.BatchLive) revert NoLiveBatch(round);
    }

    /// The round's live batch while fraud can be proven against it (block.number <= deadline).
    function _provable(uint256 round) internal view returns (Round storage r) {
        r = _liveBatch(round);
        if (block.number > r.deadline) revert ProofWindowClosed(r.deadline);
    }

    /// The last block of the batch's life: no deadline extension passes it (section 7.3).
    function _maxDeadline(Round storage r) internal view returns (uint256) {
        return uint256(r.submissionBlock) + challengeWindow + resolveWindow + revealWindow;
    }

    /// Checks header h.p against the round's providersRoot.
    function _checkHeader(Round storage r, HeaderProof calldata h) internal view {
        bytes32 leaf = Commitments.providerLeaf(h.p, h.header);
        if (!Merkle.verify(r.providersRoot, leaf, h.p, r.providerCount, h.proof)) revert InvalidHeaderProof(h.p);
    }

    /// Checks entry e.j against the entriesRoot of header hd (a tree of hd.entryCount leaves).
    function _checkEntry(ProviderHeader calldata hd, EntryProof calldata e) internal pure {
        bytes32 leaf = Commitments.entryLeaf(e.entry, e.j);
        if (!Merkle.verify(hd.entriesRoot, leaf, e.j, hd.entryCount, e.proof)) revert InvalidEntryProof(e.j);
    }

    /// Voids the live batch (section 7.2): the round takes a new batch, with the attempt count
    /// one higher. Challenges of the voided batch end; their bonds are refunded by refundBond.
    /// Returns the voided attempt and its signers.
    function _void(Round storage r) internal returns (uint256 attempt, uint256 signers) {
        attempt = r.attempt;
        signers = r.signerBitmap;
        r.attempt += 1; // checked: a wrapped count would make old signatures count again
        r.status = RoundStatus.Committed;
        r.openChallenges = 0;
    }

    /// Slashes every signer of a voided batch by slashBps of its stake; returns the total.
    function _slash(uint256 round, uint256 signers) internal returns (uint256 total) {
        for (uint256 i; signers != 0; ++i) {
            if (signers & 1 == 1) {
                uint256 cut = _stake[i] * slashBps / 10_000;
                _stake[i] -= cut;
                Operator storage op = _operators[i];
                if (op.active) activeStake -= cut;
                total += cut;
                emit OperatorSlashed(round, op.addr, cut);
            }
            signers >>= 1;
        }
    }

    /// Voids the live batch, slashes its signers, burns the slashed total less the bounty, which
    /// goes to `beneficiary`, and emits FraudProven. Returns the bounty, which the caller pays.
    function _convict(uint256 round, Round storage r, string memory kind, uint256 provider, uint256 entry, address beneficiary)
        internal
        returns (uint256 bounty)
    {
        (uint256 attempt, uint256 signers) = _void(r);
        uint256 total = _slash(round, signers);
        bounty = total * bountyBps / 10_000;
        burned += total - bounty;
        emit FraudProven(round, attempt, beneficiary, kind, provider, entry, total);
    }

    /// A proven fraud by msg.sender: convicts and pays msg.sender the bounty.
    function _proven(uint256 round, Round storage r, string memory kind, uint256 provider, uint256 entry) internal {
        uint256 bounty = _convict(round, r, kind, provider, entry, msg.sender);
        if (bounty != 0) _send(msg.sender, bounty);
    }

    /// Pays somebody who is not the caller. An address that refuses the transfer (or spends
    /// more than PAY_GAS) is credited instead and takes its due with claim(), so that nobody
    /// can block a slash or a refund by refusing a payment.
    function _pay(address to, uint256 amount) internal {
        if (amount == 0) return;
        (bool ok,) = to.call{value: amount, gas: PAY_GAS}("");
        if (!ok) owed[to] += amount;
    }
}
