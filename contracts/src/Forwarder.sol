// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Forwarder
/// @notice A minimal owner-only call forwarder, standing in for a multisig or a smart-contract
/// wallet. When the AVS is called through it, the transaction's input is `execute(...)`, not the
/// AVS call, which is how tests and the devnet show watchers a batch whose data is not in its own
/// transaction's calldata. executeAll makes several calls in one transaction (the v1 audit's
/// replay of a voided batch, 20 times in one transaction, is tested through it). It has no
/// receive function: it stands for a caller that refuses payments, too.
contract Forwarder {
    address public immutable owner;

    error NotOwner(address caller);
    error CallFailed(uint256 index, bytes reason);

    constructor(address owner_) {
        owner = owner_;
    }

    /// @notice Calls `target` with `data` and `msg.value`; bubbles a revert up as
    /// CallFailed(0, reason).
    function execute(address target, bytes calldata data) external payable returns (bytes memory) {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        return _call(target, data, msg.value, 0);
    }

    /// @notice Calls `target` with each of `data` in turn, without value; the first revert
    /// reverts everything as CallFailed(its index, reason).
    function executeAll(address target, bytes[] calldata data) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        for (uint256 i; i < data.length; ++i) {
            _call(target, data[i], 0, i);
        }
    }

    function _call(address target, bytes calldata data, uint256 value, uint256 index) private returns (bytes memory) {
        (bool ok, bytes memory ret) = target.call{value: value}(data);
        if (!ok) revert CallFailed(index, ret);
        return ret;
    }
}
