// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Entry, ProviderHeader, HeaderProof} from "./Types.sol";
import {Merkle} from "./Merkle.sol";
import {Commitments} from "./Commitments.sol";
import {AVSBase} from "./AVSBase.sol";

/// @title Availability challenges (PROTOCOL.md section 7.3).
/// @notice Signers answer for the availability of the commitment objects of the round they
/// signed. Anyone may challenge a manifest part or a row of the live batch's round with a bond;
/// anyone may resolve it by revealing the object in an event, taking the bond and pushing the
/// batch's deadline to at least revealWindow blocks later. A challenge nobody resolves slashes
/// the signers (slashUnavailable) until maxDeadline, and after it voids the batch only.
abstract contract AvailabilityChallenges is AVSBase {
    enum ChallengeState {
        None,
        Open, // not resolved (inside or past its resolve window)
        Resolved, // the object was revealed; the resolver took the bond
        Settled // the bond went back to the challenger (slash, void or refund)
    }

    struct Challenge {
        address challenger;
        uint64 challengeBlock;
        ChallengeState state;
        uint256 bond;
    }

    /// By keccak256(abi.encode(round, attempt, kind, index)).
    mapping(bytes32 => Challenge) internal _challenges;

    error ChallengeWindowClosed(uint256 lastBlock);
    error NoSuchObject(uint8 kind, uint256 index);
    error BondTooLow(uint256 paid, uint256 required);
    error AlreadyChallenged(uint8 kind, uint256 index);
    error ChallengeNotOpen(uint8 kind, uint256 index);
    error ResolveWindowClosed(uint256 lastBlock);
    error ResolveWindowOpen(uint256 lastBlock);
    error WrongPartSize(uint256 expected, uint256 given);
    error ManifestMismatch();
    error WrongRowLength(uint256 entryCount, uint256 given);
    error EntriesRootMismatch(bytes32 expected, bytes32 rebuilt);
    error BatchNotVoided(uint256 round, uint256 attempt);

    /// Challenges the availability of manifest part `index` (kind 0) or row `index` (kind 1) of
    /// the live batch's round, with at least availabilityBond, by submissionBlock + challengeWindow.
    function challengeAvailability(uint256 round, uint8 kind, uint256 index) external payable {
        Round storage r = _liveBatch(round);
        uint256 last = uint256(r.submissionBlock) + challengeWindow;
        if (block.number > last) revert ChallengeWindowClosed(last);
        uint256 objects = kind == uint8(ObjectKind.ManifestPart) ? _partCount(r.providerCount) : r.providerCount;
        if (kind > uint8(ObjectKind.Row) || index >= objects) revert NoSuchObject(kind, index);
        if (msg.value < availabilityBond) revert BondTooLow(msg.value, availabilityBond);
        Challenge storage c = _challenges[_challengeKey(round, r.attempt, kind, index)];
        if (c.state != ChallengeState.None) revert AlreadyChallenged(kind, index);
        c.challenger = msg.sender;
        c.challengeBlock = uint64(block.number);
        c.state = ChallengeState.Open;
        c.bond = msg.value;
        r.openChallenges += 1;
        emit AvailabilityChallenged(round, r.attempt, kind, index, msg.sender, block.number + resolveWindow);
    }

    /// Resolves the challenge of manifest part `part` with the part's headers: all P headers
    /// when P <= 512; otherwise headers 512 part .. (512 part + 511 or P - 1), whose padded
    /// level-9 subtree hashed with `otherPartRoot` (the other part's root) must give
    /// providersRoot. otherPartRoot is ignored when P <= 512.
    function resolveManifestPart(uint256 round, uint256 part, ProviderHeader[] calldata headers, bytes32 otherPartRoot)
        external
    {
        Round storage r = _liveBatch(round);
        Challenge storage c = _openChallenge(round, r, uint8(ObjectKind.ManifestPart), part);
        uint256 n = r.providerCount;
        bytes32 root;
        if (n <= PART_SIZE) {
            if (headers.length != n) revert WrongPartSize(n, headers.length);
            root = Commitments.headersRoot(0, headers, Merkle.depth(n));
        } else {
            uint256 count = part == 0 ? PART_SIZE : n - PART_SIZE;
            if (headers.length != count) revert WrongPartSize(count, headers.length);
            bytes32 own = Commitments.headersRoot(part * PART_SIZE, headers, 9);
            root = part == 0 ? Merkle.hashPair(own, otherPartRoot) : Merkle.hashPair(otherPartRoot, own);
        }
        if (root != r.providersRoot) revert ManifestMismatch();
        uint256 deadline = _resolve(r, c);
        emit ManifestRevealed(round, r.attempt, part, headers, deadline);
        _send(msg.sender, c.bond);
    }

    /// Resolves the challenge of row h.p with header h.p (proven against providersRoot) and
    /// exactly entryCount entries rebuilding its entriesRoot. The row need not be well formed,
    /// but its recipient words must be clean (a row object with a dirty word does not decode).
    function resolveRow(uint256 round, HeaderProof calldata h, Entry[] calldata entries) external {
        Round storage r = _liveBatch(round);
        Challenge storage c = _openChallenge(round, r, uint8(ObjectKind.Row), h.p);
        _checkHeader(r, h);
        if (entries.length != h.header.entryCount) revert WrongRowLength(h.header.entryCount, entries.length);
        bytes32 root = Commitments.entriesRoot(entries);
        if (root != h.header.entriesRoot) revert EntriesRootMismatch(h.header.entriesRoot, root);
        uint256 deadline = _resolve(r, c);
        emit RowRevealed(round, r.attempt, h.p, h.header, entries, deadline);
        _send(msg.sender, c.bond);
    }

    /// Settles a challenge nobody resolved in its resolve window: until maxDeadline the batch is
    /// voided and its signers slashed as for fraud (FraudProven kind unavailable-manifest or
    /// unavailable-row), the bond and the bounty going to the challenger, whoever calls; after
    /// maxDeadline the batch is voided, nobody is slashed (the signers' indices may have new
    /// owners by then) and the bond goes back: FraudProven with slashedTotal 0.
    function slashUnavailable(uint256 round, uint8 kind, uint256 index) external {
        Round storage r = _liveBatch(round);
        Challenge storage c = _challenges[_challengeKey(round, r.attempt, kind, index)];
        if (c.state != ChallengeState.Open) revert ChallengeNotOpen(kind, index);
        uint256 last = uint256(c.challengeBlock) + resolveWindow;
        if (block.number <= last) revert ResolveWindowOpen(last);
        c.state = ChallengeState.Settled;
        string memory name = kind == uint8(ObjectKind.ManifestPart) ? "unavailable-manifest" : "unavailable-row";
        uint256 payout = c.bond;
        if (block.number <= _maxDeadline(r)) {
            payout += _convict(round, r, name, index, 0, c.challenger);
        } else {
            (uint256 attempt,) = _void(r);
            emit FraudProven(round, attempt, c.challenger, name, index, 0, 0);
        }
        _pay(c.challenger, payout);
    }

    /// Returns the bond of a challenge still open when its batch was voided (by any proof) to
    /// the address that opened it; anyone may call.
    function refundBond(uint256 round, uint256 attempt, uint8 kind, uint256 index) external {
        if (attempt >= _rounds[round].attempt) revert BatchNotVoided(round, attempt);
        Challenge storage c = _challenges[_challengeKey(round, attempt, kind, index)];
        if (c.state != ChallengeState.Open) revert ChallengeNotOpen(kind, index);
        c.state = ChallengeState.Settled;
        _pay(c.challenger, c.bond);
    }

    /// The challenge of (round, attempt, kind, index); all zero when there is none.
    function getChallenge(uint256 round, uint256 attempt, uint8 kind, uint256 index)
        external
        view
        returns (Challenge memory)
    {
        return _challenges[_challengeKey(round, attempt, kind, index)];
    }

    /// The open challenge of the live batch at (kind, index), inside its resolve window.
    function _openChallenge(uint256 round, Round storage r, uint8 kind, uint256 index)
        private
        view
        returns (Challenge storage c)
    {
        c = _challenges[_challengeKey(round, r.attempt, kind, index)];
        if (c.state != ChallengeState.Open) revert ChallengeNotOpen(kind, index);
        uint256 last = uint256(c.challengeBlock) + resolveWindow;
        if (block.number > last) revert ResolveWindowClosed(last);
    }

    /// Marks c resolved and extends the batch's deadline to at least revealWindow blocks from
    /// now; returns the deadline. The caller emits the reveal and pays the bond.
    function _resolve(Round storage r, Challenge storage c) private returns (uint256 deadline) {
        c.state = ChallengeState.Resolved;
        r.openChallenges -= 1;
        deadline = block.number + revealWindow;
        if (deadline < r.deadline) deadline = r.deadline;
        r.deadline = uint64(deadline);
    }

    /// One manifest part up to 512 providers, two above.
    function _partCount(uint256 providerCount) private pure returns (uint256) {
        return providerCount <= PART_SIZE ? 1 : 2;
    }

    function _challengeKey(uint256 round, uint256 attempt, uint8 kind, uint256 index) private pure returns (bytes32) {
        return keccak256(abi.encode(round, attempt, kind, index));
    }
}
