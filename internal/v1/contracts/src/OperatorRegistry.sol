// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";

/// @title Operator registry with ETH stake and BN254 keys (PROTOCOL.md sections 6 and 7).
/// @notice At most 256 operators ever; an operator's index is its bit in a signer bitmap and
/// never changes. The registry keeps the aggregate pkG1 and the total stake of the active set,
/// so that a batch costs gas per non-signer, not per signer.
abstract contract OperatorRegistry {
    uint256 public constant MAX_OPERATORS = 256;
    bytes32 public constant POP_DOMAIN = keccak256("DenominatorAllocationAVS.pop.v1");

    struct Operator {
        address addr;
        bool active;
        /// Block at which the operator asked to exit; 0 while it has not.
        uint64 exitBlock;
        bool withdrawn;
    }

    uint256 public immutable minStake;
    /// Blocks after an exit request before the stake can be withdrawn (> challenge window).
    uint256 public immutable exitDelay;

    Operator[] internal _operators;
    // By operator index. Fixed-size, so that reading a non-signer's entry is one cold slot,
    // not two (a dynamic array's length is read too).
    uint256[MAX_OPERATORS] internal _stake;
    BN254.G1Point[MAX_OPERATORS] internal _pkG1;
    /// keccak256(abi.encode(pkG1.X, pkG1.Y)): non-signers' keys are checked against it.
    bytes32[MAX_OPERATORS] internal _keyHash;
    mapping(address => uint256) internal _indexPlusOne;
    mapping(bytes32 => bool) public keyRegistered;

    /// Bit i is set while operator i is active.
    uint256 public activeBitmap;
    /// Sum of the active operators' stakes.
    uint256 public activeStake;
    /// Sum of the active operators' pkG1.
    BN254.G1Point internal _activeApk;
    /// Slashed stake not paid out as bounty: locked in the contract for good.
    uint256 public burned;

    event OperatorRegistered(
        address indexed operator, uint256 indexed index, uint256 stake, uint256[2] pkG1, uint256[4] pkG2
    );
    event OperatorExitRequested(address indexed operator, uint256 indexed index, uint256 withdrawableBlock);
    event OperatorWithdrawn(address indexed operator, uint256 indexed index, uint256 amount);

    error StakeBelowMinimum(uint256 stake, uint256 minimum);
    error AlreadyRegistered(address operator);
    error TooManyOperators();
    error InvalidPublicKey();
    error DuplicateKey(bytes32 keyHash);
    error InvalidProofOfPossession();
    error NotRegistered(address operator);
    error OperatorNotActive(address operator);
    error NotExited(address operator);
    error WithdrawalTooEarly(uint256 withdrawableBlock);
    error AlreadyWithdrawn(address operator);
    error TransferFailed(address to, uint256 amount);

    constructor(uint256 minStake_, uint256 exitDelay_) {
        minStake = minStake_;
        exitDelay = exitDelay_;
    }

    /// Registers msg.sender with msg.value as stake, its keys, and a proof of possession
    /// pop = sk * hashToG1(popMessage(msg.sender, pkG1)).
    function registerOperator(BN254.G1Point calldata pkG1, BN254.G2Point calldata pkG2, BN254.G1Point calldata pop)
        external
        payable
    {
        if (msg.value < minStake) revert StakeBelowMinimum(msg.value, minStake);
        if (_indexPlusOne[msg.sender] != 0) revert AlreadyRegistered(msg.sender);
        uint256 index = _operators.length;
        if (index >= MAX_OPERATORS) revert TooManyOperators();
        BN254.G1Point memory pk = pkG1;
        BN254.G1Point memory proof = pop;
        // A zero key would make the verification equation hold trivially.
        if (BN254.isInfinity(pk) || !BN254.isOnCurve(pk) || !BN254.isOnCurve(proof)) revert InvalidPublicKey();
        if (pkG2.X[0] == 0 && pkG2.X[1] == 0 && pkG2.Y[0] == 0 && pkG2.Y[1] == 0) revert InvalidPublicKey();
        bytes32 kh = keccak256(abi.encode(pk.X, pk.Y));
        if (keyRegistered[kh]) revert DuplicateKey(kh);
        if (!BN254.verify(popMessage(msg.sender, pk), pk, pkG2, proof)) revert InvalidProofOfPossession();

        keyRegistered[kh] = true;
        _operators.push(Operator({addr: msg.sender, active: true, exitBlock: 0, withdrawn: false}));
        _stake[index] = msg.value;
        _pkG1[index] = pk;
        _keyHash[index] = kh;
        _indexPlusOne[msg.sender] = index + 1;
        activeBitmap |= uint256(1) << index;
        activeStake += msg.value;
        _activeApk = BN254.add(_activeApk, pk);
        emit OperatorRegistered(msg.sender, index, msg.value, [pk.X, pk.Y], [pkG2.X[0], pkG2.X[1], pkG2.Y[0], pkG2.Y[1]]);
    }

    /// Stops msg.sender being active at once. Its stake stays slashable and can be withdrawn
    /// exitDelay blocks later.
    function exit() external {
        uint256 index = _indexOf(msg.sender);
        Operator storage op = _operators[index];
        if (!op.active) revert OperatorNotActive(msg.sender);
        op.active = false;
        op.exitBlock = uint64(block.number);
        activeBitmap &= ~(uint256(1) << index);
        activeStake -= _stake[index];
        _activeApk = BN254.add(_activeApk, BN254.negate(_pkG1[index]));
        emit OperatorExitRequested(msg.sender, index, block.number + exitDelay);
    }

    /// Pays msg.sender its remaining stake, exitDelay blocks after its exit.
    function withdraw() external {
        uint256 index = _indexOf(msg.sender);
        Operator storage op = _operators[index];
        if (op.active || op.exitBlock == 0) revert NotExited(msg.sender);
        if (op.withdrawn) revert AlreadyWithdrawn(msg.sender);
        uint256 availableAt = uint256(op.exitBlock) + exitDelay;
        if (block.number < availableAt) revert WithdrawalTooEarly(availableAt);
        op.withdrawn = true;
        uint256 amount = _stake[index];
        _stake[index] = 0;
        emit OperatorWithdrawn(msg.sender, index, amount);
        _send(msg.sender, amount);
    }

    /// keccak256(abi.encode(POP_DOMAIN, chainid, avs, operator, pkG1.X, pkG1.Y)).
    function popMessage(address operator, BN254.G1Point memory pkG1) public view returns (bytes32) {
        return keccak256(abi.encode(POP_DOMAIN, block.chainid, address(this), operator, pkG1.X, pkG1.Y));
    }

    function operatorCount() external view returns (uint256) {
        return _operators.length;
    }

    /// Operator i: address, active, exit block, withdrawn, stake and pkG1.
    function operatorAt(uint256 index)
        external
        view
        returns (Operator memory op, uint256 stake, BN254.G1Point memory pkG1)
    {
        Operator memory op_ = _operators[index]; // reverts past the last operator
        return (op_, _stake[index], _pkG1[index]);
    }

    /// The index of a registered operator.
    function operatorIndex(address operator) external view returns (uint256) {
        return _indexOf(operator);
    }

    function activeApk() external view returns (BN254.G1Point memory) {
        return _activeApk;
    }

    function _indexOf(address operator) internal view returns (uint256) {
        uint256 i = _indexPlusOne[operator];
        if (i == 0) revert NotRegistered(operator);
        return i - 1;
    }

    function _send(address to, uint256 amount) internal {
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert TransferFailed(to, amount);
    }
}
