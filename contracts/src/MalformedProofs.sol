// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {HeaderProof, EntryProof} from "./Types.sol";
import {Commitments} from "./Commitments.sol";
import {AVSBase} from "./AVSBase.sol";

/// @title Proofs that a live batch was signed over malformed commitments (PROTOCOL.md 7.2.2).
/// @notice One function per rule of section 3, each taking exactly the evidence section 3's
/// table names: headers with their proofs against providersRoot, entries with their proofs
/// against their header's entriesRoot. Honest operators sign nothing over malformed data, so a
/// broken rule, any of them, voids the batch and slashes its signers; a rule that holds reverts
/// NoFraud. FraudProven names the rule and locates it (p and j of the first piece of evidence).
abstract contract MalformedProofs is AVSBase {
    /// The evidence is not at the positions the rule compares (p + 1, j + 1, header 0 or P - 1).
    error EvidenceMismatch();

    /// provider-zero: header p has provider == address(0).
    function proveProviderZero(uint256 round, HeaderProof calldata h) external {
        Round storage r = _provable(round);
        _checkHeader(r, h);
        if (h.header.provider != address(0)) revert NoFraud();
        _proven(round, r, "provider-zero", h.p, 0);
    }

    /// provider-order: provider_{p+1} <= provider_p.
    function proveProviderOrder(uint256 round, HeaderProof calldata h, HeaderProof calldata next) external {
        Round storage r = _provable(round);
        _checkHeader(r, h);
        _checkHeader(r, next);
        if (next.p != h.p + 1) revert EvidenceMismatch(); // both below P: no overflow
        if (next.header.provider > h.header.provider) revert NoFraud();
        _proven(round, r, "provider-order", h.p, 0);
    }

    /// capacity-range: capacity >= 2^128.
    function proveCapacityRange(uint256 round, HeaderProof calldata h) external {
        Round storage r = _provable(round);
        _checkHeader(r, h);
        if (h.header.capacity < Commitments.VALUE_LIMIT) revert NoFraud();
        _proven(round, r, "capacity-range", h.p, 0);
    }

    /// entry-count: entryCount > 1024.
    function proveEntryCount(uint256 round, HeaderProof calldata h) external {
        Round storage r = _provable(round);
        _checkHeader(r, h);
        if (h.header.entryCount <= MAX_ROW_ENTRIES) revert NoFraud();
        _proven(round, r, "entry-count", h.p, 0);
    }

    /// entry-offset, one of its three clauses by the evidence: header 0 with entryOffset != 0
    /// (first); headers p, p+1 with entryOffset_{p+1} != entryOffset_p + entryCount_p (pair); header
    /// P-1 with entryOffset + entryCount != E (last). Sums are exact: one that overflows matches
    /// no word. With P == 1, header 0 is judged by both the first and the last clause.
    function proveEntryOffset(uint256 round, HeaderProof[] calldata hs) external {
        Round storage r = _provable(round);
        bool broken;
        if (hs.length == 2) {
            _checkHeader(r, hs[0]);
            _checkHeader(r, hs[1]);
            if (hs[1].p != hs[0].p + 1) revert EvidenceMismatch(); // both below P: no overflow
            broken = !_sumIs(hs[0].header.entryOffset, hs[0].header.entryCount, hs[1].header.entryOffset);
        } else if (hs.length == 1 && (hs[0].p == 0 || hs[0].p == r.providerCount - 1)) {
            _checkHeader(r, hs[0]);
            if (hs[0].p == 0) broken = hs[0].header.entryOffset != 0;
            if (hs[0].p == r.providerCount - 1) {
                broken = broken || !_sumIs(hs[0].header.entryOffset, hs[0].header.entryCount, r.entryCount);
            }
        } else {
            revert EvidenceMismatch();
        }
        if (!broken) revert NoFraud();
        _proven(round, r, "entry-offset", hs[0].p, 0);
    }

    /// recipient-zero: entry j of row p has recipient == address(0).
    function proveRecipientZero(uint256 round, HeaderProof calldata h, EntryProof calldata e) external {
        Round storage r = _provable(round);
        _checkHeader(r, h);
        _checkEntry(h.header, e);
        if (e.entry.recipient != address(0)) revert NoFraud();
        _proven(round, r, "recipient-zero", h.p, e.j);
    }

    /// entry-order: recipient_{j+1} <= recipient_j in row p.
    function proveEntryOrder(uint256 round, HeaderProof calldata h, EntryProof calldata e, EntryProof calldata next)
        external
    {
        Round storage r = _provable(round);
        _checkHeader(r, h);
        _checkEntry(h.header, e);
        _checkEntry(h.header, next);
        if (next.j != e.j + 1) revert EvidenceMismatch(); // e.j < entryCount: no overflow
        if (next.entry.recipient > e.entry.recipient) revert NoFraud();
        _proven(round, r, "entry-order", h.p, e.j);
    }

    /// mr-range: mr == 0 or mr >= 2^64.
    function proveMrRange(uint256 round, HeaderProof calldata h, EntryProof calldata e) external {
        Round storage r = _provable(round);
        _checkHeader(r, h);
        _checkEntry(h.header, e);
        if (e.entry.mr != 0 && e.entry.mr < Commitments.MR_LIMIT) revert NoFraud();
        _proven(round, r, "mr-range", h.p, e.j);
    }

    /// residual-range: residual >= 2^128.
    function proveResidualRange(uint256 round, HeaderProof calldata h, EntryProof calldata e) external {
        Round storage r = _provable(round);
        _checkHeader(r, h);
        _checkEntry(h.header, e);
        if (e.entry.residual < Commitments.VALUE_LIMIT) revert NoFraud();
        _proven(round, r, "residual-range", h.p, e.j);
    }

    /// residual-consistency: entry j of row p and entry l of row q name the same recipient with
    /// two different residuals (p may equal q). FraudProven locates (p, j).
    function proveResidualConsistency(
        uint256 round,
        HeaderProof calldata hp,
        HeaderProof calldata hq,
        EntryProof calldata ej,
        EntryProof calldata el
    ) external {
        Round storage r = _provable(round);
        _checkHeader(r, hp);
        _checkHeader(r, hq);
        _checkEntry(hp.header, ej);
        _checkEntry(hq.header, el);
        if (ej.entry.recipient != el.entry.recipient || ej.entry.residual == el.entry.residual) revert NoFraud();
        _proven(round, r, "residual-consistency", hp.p, ej.j);
    }

    /// Whether a + b == want exactly (an overflowing sum is never equal).
    function _sumIs(uint256 a, uint256 b, uint256 want) private pure returns (bool) {
        unchecked {
            uint256 s = a + b;
            return s >= a && s == want;
        }
    }
}
