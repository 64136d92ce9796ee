// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";

/// @title Operator registry with ETH stake and BN254 keys (PROTOCOL.md sections 6 and 7.1).
/// @notice At most 256 operators registered at once (active, or exited and not yet withdrawn).
/// An operator's index is its bit in a signer bitmap; once its operator has withdrawn, the index
/// is free and the lowest free index goes to the next registration. The registry keeps the
/// aggregate pkG1 and the total stake of the active set, so that a batch costs gas per
/// non-signer (or per signer, whichever set is smaller), and reads every key from storage: a
/// registration or an exit of somebody else does not make a pending batch revert.
abstract contract OperatorRegistry {
    uint256 public constant MAX_OPERATORS = 256;
    bytes32 public constant POP_DOMAIN = keccak256("DenominatorAllocationAVS.pop.v1");

    struct Operator {
        address addr;
        bool active;
        /// Block at which the operator asked to exit; 0 while it has not.
        uint64 exitBlock;
    }

    uint256 public immutable minStake;
    /// Blocks after an exit request before the stake can be withdrawn: longer than any batch
    /// the operator signed can stay open, so that a slash by bitmap never hits a successor.
    uint256 public immutable exitDelay;

    // By operator index. Fixed-size arrays: one cold slot per read, no length.
    Operator[MAX_OPERATORS] internal _operators;
    uint256[MAX_OPERATORS] internal _stake;
    BN254.G1Point[MAX_OPERATORS] internal _pkG1;
    mapping(address => uint256) internal _indexPlusOne;
    /// keccak256(abi.encode(pkG1.X, pkG1.Y)) of every key ever registered: a key serves once.
    mapping(bytes32 => bool) public keyRegistered;

    /// Bit i is set while index i is taken (registered and not withdrawn).
    uint256 public registeredBitmap;
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
    error TransferFailed(address to, uint256 amount);
    error NoSigners();
    error NoActiveStake();
    error SignerNotActive(uint256 index);

    constructor(uint256 minStake_, uint256 exitDelay_) {
        minStake = minStake_;
        exitDelay = exitDelay_;
    }

    /// Registers msg.sender at the lowest free index with msg.value as stake, its keys, and a
    /// proof of possession pop = sk * hashToG1(popMessage(msg.sender, pkG1)).
    function registerOperator(BN254.G1Point calldata pkG1, BN254.G2Point calldata pkG2, BN254.G1Point calldata pop)
        external
        payable
    {
        if (msg.value < minStake) revert StakeBelowMinimum(msg.value, minStake);
        if (_indexPlusOne[msg.sender] != 0) revert AlreadyRegistered(msg.sender);
        uint256 taken = registeredBitmap;
        if (taken == type(uint256).max) revert TooManyOperators();
        uint256 index = _lowestBit(~taken);
        BN254.G1Point memory pk = pkG1;
        BN254.G1Point memory proof = pop;
        // A zero key would make the verification equation hold trivially.
        if (BN254.isInfinity(pk) || !BN254.isOnCurve(pk) || !BN254.isOnCurve(proof)) revert InvalidPublicKey();
        if (pkG2.X[0] == 0 && pkG2.X[1] == 0 && pkG2.Y[0] == 0 && pkG2.Y[1] == 0) revert InvalidPublicKey();
        bytes32 kh = keccak256(abi.encode(pk.X, pk.Y));
        if (keyRegistered[kh]) revert DuplicateKey(kh);
        if (!BN254.verify(popMessage(msg.sender, pk), pk, pkG2, proof)) revert InvalidProofOfPossession();

        keyRegistered[kh] = true;
        _operators[index] = Operator({addr: msg.sender, active: true, exitBlock: 0});
        _stake[index] = msg.value;
        _pkG1[index] = pk;
        _indexPlusOne[msg.sender] = index + 1;
        registeredBitmap = taken | (uint256(1) << index);
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

    /// Pays msg.sender its remaining stake from block exitBlock + exitDelay on, and frees its
    /// index for the next registration.
    function withdraw() external {
        uint256 index = _indexOf(msg.sender);
        Operator storage op = _operators[index];
        if (op.active || op.exitBlock == 0) revert NotExited(msg.sender);
        uint256 availableAt = uint256(op.exitBlock) + exitDelay;
        if (block.number < availableAt) revert WithdrawalTooEarly(availableAt);
        uint256 amount = _stake[index];
        delete _operators[index];
        delete _stake[index];
        delete _pkG1[index];
        delete _indexPlusOne[msg.sender];
        registeredBitmap &= ~(uint256(1) << index);
        emit OperatorWithdrawn(msg.sender, index, amount);
        _send(msg.sender, amount);
    }

    /// keccak256(abi.encode(POP_DOMAIN, chainid, avs, operator, pkG1.X, pkG1.Y)).
    function popMessage(address operator, BN254.G1Point memory pkG1) public view returns (bytes32) {
        return keccak256(abi.encode(POP_DOMAIN, block.chainid, address(this), operator, pkG1.X, pkG1.Y));
    }

    /// Operator at `index` (all zero for a free index): address, active, exit block, stake, pkG1.
    function operatorAt(uint256 index)
        external
        view
        returns (Operator memory op, uint256 stake, BN254.G1Point memory pkG1)
    {
        return (_operators[index], _stake[index], _pkG1[index]);
    }

    /// The index of a registered (not withdrawn) operator.
    function operatorIndex(address operator) external view returns (uint256) {
        return _indexOf(operator);
    }

    function activeApk() external view returns (BN254.G1Point memory) {
        return _activeApk;
    }

    /// Checks a batch's signer set (section 7.1: at least one signer, all active, active stake)
    /// and returns the signers' aggregate pkG1 and their stake. The keys come from storage:
    /// the active set's aggregate less the non-signers, or the signers' sum when they are fewer.
    function _signers(uint256 signerBitmap) internal view returns (BN254.G1Point memory apk, uint256 signingStake) {
        if (signerBitmap == 0) revert NoSigners();
        if (activeStake == 0) revert NoActiveStake();
        uint256 active = activeBitmap;
        uint256 stray = signerBitmap & ~active;
        if (stray != 0) revert SignerNotActive(_lowestBit(stray));
        uint256 nonSigners = active & ~signerBitmap;
        bool subtract = _popcount(nonSigners) <= _popcount(signerBitmap);
        uint256 bits = subtract ? nonSigners : signerBitmap;
        if (subtract) (apk, signingStake) = (_activeApk, activeStake);
        for (uint256 i; bits != 0; ++i) {
            if (bits & 1 == 1) {
                if (subtract) {
                    apk = BN254.add(apk, BN254.negate(_pkG1[i]));
                    signingStake -= _stake[i];
                } else {
                    apk = BN254.add(apk, _pkG1[i]);
                    signingStake += _stake[i];
                }
            }
            bits >>= 1;
        }
    }

    function _indexOf(address operator) internal view returns (uint256) {
        uint256 i = _indexPlusOne[operator];
        if (i == 0) revert NotRegistered(operator);
        return i - 1;
    }

    /// Pays msg.sender (or anyone who chose to call): a failed transfer reverts the call.
    function _send(address to, uint256 amount) internal {
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert TransferFailed(to, amount);
    }

    function _popcount(uint256 x) internal pure returns (uint256 n) {
        while (x != 0) {
            x &= x - 1;
            unchecked {
                ++n;
            }
        }
    }

    /// The index of the lowest set bit of x != 0.
    function _lowestBit(uint256 x) internal pure returns (uint256 i) {
        while (x & 1 == 0) {
            x >>= 1;
            unchecked {
                ++i;
            }
        }
    }
}
