// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Forwarder
/// @notice A minimal owner-only call forwarder, standing in for a multisig or
/// smart-contract wallet. When the AVS is called through it, the transaction's
/// input is `execute(...)`, not the AVS call, which is how the devnet shows
/// watchers a batch whose data is not in its own transaction's calldata.
contract Forwarder {
    address public immutable owner;

    error NotOwner(address caller);
    error CallFailed(bytes reason);

    constructor(address owner_) {
        owner = owner_;
    }

    /// @notice Calls `target` with `data` and `msg.value`; bubbles a revert up
    /// as CallFailed(reason).
    function execute(address target, bytes calldata data) external payable returns (bytes memory) {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        (bool ok, bytes memory ret) = target.call{value: msg.value}(data);
        if (!ok) revert CallFailed(ret);
        return ret;
    }
}
