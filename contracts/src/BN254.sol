// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title BN254 (alt_bn128) arithmetic and BLS verification, PROTOCOL.md section 6.
/// @notice G1 points are (X, Y); G2 points are X = [X_imag, X_real], Y = [Y_imag, Y_real],
/// the EIP-197 precompile order. The point at infinity is all zeros.
library BN254 {
    /// Base field modulus p.
    uint256 internal constant P = 21888242871839275222246405745257275088696311157297823662689037894645226208583;
    /// Group order r.
    uint256 internal constant R = 21888242871839275222246405745257275088548364400416034343698204186575808495617;
    /// (p + 1) / 4: beta^((p+1)/4) is a square root of beta when one exists (p = 3 mod 4).
    uint256 internal constant SQRT_EXP = 5472060717959818805561601436314318772174077789324455915672259473661306552146;

    struct G1Point {
        uint256 X;
        uint256 Y;
    }

    struct G2Point {
        uint256[2] X;
        uint256[2] Y;
    }

    /// A precompile call failed (invalid input points).
    error PrecompileFailed(uint256 precompile);

    function generatorG1() internal pure returns (G1Point memory) {
        return G1Point(1, 2);
    }

    /// The negated standard generator of G2.
    function negGeneratorG2() internal pure returns (G2Point memory) {
        return G2Point(
            [
                11559732032986387107991004021392285783925812861821192530917403151452391805634,
                10857046999023057135944570762232829481370756359578518086990519993285655852781
            ],
            [
                17805874995975841540914202342111839520379459829704422454583296818431106115052,
                13392588948715843804641432497768002650278120570034223513918757245338268106653
            ]
        );
    }

    function isInfinity(G1Point memory p) internal pure returns (bool) {
        return p.X == 0 && p.Y == 0;
    }

    /// Whether p has coordinates below P and lies on y^2 = x^3 + 3 (infinity included).
    function isOnCurve(G1Point memory p) internal pure returns (bool) {
        if (p.X >= P || p.Y >= P) return false;
        if (p.X == 0 && p.Y == 0) return true;
        return mulmod(p.Y, p.Y, P) == addmod(mulmod(mulmod(p.X, p.X, P), p.X, P), 3, P);
    }

    function negate(G1Point memory p) internal pure returns (G1Point memory) {
        if (p.X == 0 && p.Y == 0) return G1Point(0, 0);
        return G1Point(p.X, P - (p.Y % P));
    }

    function add(G1Point memory a, G1Point memory b) internal view returns (G1Point memory r) {
        bool ok;
        assembly ("memory-safe") {
            let in := mload(0x40)
            mstore(in, mload(a))
            mstore(add(in, 0x20), mload(add(a, 0x20)))
            mstore(add(in, 0x40), mload(b))
            mstore(add(in, 0x60), mload(add(b, 0x20)))
            ok := staticcall(gas(), 0x06, in, 0x80, r, 0x40)
        }
        if (!ok) revert PrecompileFailed(6);
    }

    function scalarMul(G1Point memory p, uint256 s) internal view returns (G1Point memory r) {
        bool ok;
        assembly ("memory-safe") {
            let in := mload(0x40)
            mstore(in, mload(p))
            mstore(add(in, 0x20), mload(add(p, 0x20)))
            mstore(add(in, 0x40), s)
            ok := staticcall(gas(), 0x07, in, 0x60, r, 0x40)
        }
        if (!ok) revert PrecompileFailed(7);
    }

    /// e(a1, a2) * e(b1, b2) == 1. Reverts if the precompile rejects a point.
    function pairing2(G1Point memory a1, G2Point memory a2, G1Point memory b1, G2Point memory b2)
        internal
        view
        returns (bool)
    {
        uint256[12] memory input = [
            a1.X, a1.Y, a2.X[0], a2.X[1], a2.Y[0], a2.Y[1],
            b1.X, b1.Y, b2.X[0], b2.X[1], b2.Y[0], b2.Y[1]
        ];
        uint256[1] memory out;
        bool ok;
        assembly ("memory-safe") {
            ok := staticcall(gas(), 0x08, input, 0x180, out, 0x20)
        }
        if (!ok) revert PrecompileFailed(8);
        return out[0] == 1;
    }

    /// base^e mod m through the modexp precompile.
    function expMod(uint256 base, uint256 e, uint256 m) internal view returns (uint256 r) {
        bool ok;
        assembly ("memory-safe") {
            let in := mload(0x40)
            mstore(in, 0x20)
            mstore(add(in, 0x20), 0x20)
            mstore(add(in, 0x40), 0x20)
            mstore(add(in, 0x60), base)
            mstore(add(in, 0x80), e)
            mstore(add(in, 0xa0), m)
            ok := staticcall(gas(), 0x05, in, 0xc0, in, 0x20)
            r := mload(in)
        }
        if (!ok) revert PrecompileFailed(5);
    }

    /// EigenLayer's try-and-increment map: x = m mod p; until beta = x^3 + 3 is a square,
    /// x = x + 1; y = beta^((p+1)/4) exactly (not its negation).
    function hashToG1(bytes32 m) internal view returns (G1Point memory) {
        uint256 x = uint256(m) % P;
        while (true) {
            uint256 beta = addmod(mulmod(mulmod(x, x, P), x, P), 3, P);
            uint256 y = expMod(beta, SQRT_EXP, P);
            if (mulmod(y, y, P) == beta) return G1Point(x, y);
            x = addmod(x, 1, P);
        }
        revert(); // unreachable
    }

    /// The random-linear-combination scalar of the verification equation.
    function gamma(bytes32 msgHash, G1Point memory apkG1, G2Point memory apkG2, G1Point memory sigma)
        internal
        pure
        returns (uint256)
    {
        return uint256(
            keccak256(
                abi.encodePacked(
                    msgHash, apkG1.X, apkG1.Y, apkG2.X[0], apkG2.X[1], apkG2.Y[0], apkG2.Y[1], sigma.X, sigma.Y
                )
            )
        ) % R;
    }

    /// e(sigma + gamma*apkG1, -G2) * e(hashToG1(msgHash) + gamma*G1, apkG2) == 1.
    /// The caller checks sigma and apkG1 are on the curve and refuses an apkG1 at infinity.
    function verify(bytes32 msgHash, G1Point memory apkG1, G2Point memory apkG2, G1Point memory sigma)
        internal
        view
        returns (bool)
    {
        uint256 g = gamma(msgHash, apkG1, apkG2, sigma);
        G1Point memory lhs = add(sigma, scalarMul(apkG1, g));
        G1Point memory rhs = add(hashToG1(msgHash), scalarMul(generatorG1(), g));
        return pairing2(lhs, negGeneratorG2(), rhs, apkG2);
    }
}
