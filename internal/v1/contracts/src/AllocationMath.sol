// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title The allocation math of PROTOCOL.md section 5, with an exact 512-bit multiply-divide.
library AllocationMath {
    /// One entry of a provider's row, as in the commitment data.
    struct Entry {
        address recipient;
        uint256 mr;
        uint256 residual;
    }

    /// The quotient does not fit in 256 bits, or the divisor is zero.
    error MulDivOverflow(uint256 x, uint256 y, uint256 d);

    /// floor(x * y / d) with the full 512-bit product. Reverts if d == 0 or the result
    /// needs more than 256 bits.
    function mulDiv(uint256 x, uint256 y, uint256 d) internal pure returns (uint256 q) {
        unchecked {
            // The product as hi * 2^256 + lo, from the two residues mod 2^256 and mod 2^256 - 1
            // (Chinese remainder theorem).
            uint256 lo;
            uint256 hi;
            assembly ("memory-safe") {
                let mm := mulmod(x, y, not(0))
                lo := mul(x, y)
                hi := sub(sub(mm, lo), lt(mm, lo))
            }
            if (hi == 0) {
                if (d == 0) revert MulDivOverflow(x, y, d);
                return lo / d;
            }
            if (d <= hi) revert MulDivOverflow(x, y, d);
            // Subtract the remainder so that the product divides exactly by d.
            uint256 rem;
            assembly ("memory-safe") {
                rem := mulmod(x, y, d)
                hi := sub(hi, gt(rem, lo))
                lo := sub(lo, rem)
            }
            // Divide out the largest power of two dividing d, moving hi's bits into lo.
            uint256 twos = d & (0 - d);
            assembly ("memory-safe") {
                d := div(d, twos)
                lo := div(lo, twos)
                // 2^256 / twos
                twos := add(div(sub(0, twos), twos), 1)
            }
            lo |= hi * twos;
            // d is now odd: find its inverse mod 2^256 by Newton iteration, each step doubling
            // the bits of precision from the 4 correct bits of (3d) xor 2.
            uint256 inv = (3 * d) ^ 2;
            inv *= 2 - d * inv; // 8 bits
            inv *= 2 - d * inv; // 16
            inv *= 2 - d * inv; // 32
            inv *= 2 - d * inv; // 64
            inv *= 2 - d * inv; // 128
            inv *= 2 - d * inv; // 256
            // The division is exact, so the quotient is the product by the inverse mod 2^256.
            q = lo * inv;
        }
    }

    /// Denom = sum of mr * residual over the row (checked: values out of the protocol's
    /// ranges that overflow revert).
    function denominator(Entry[] calldata entries) internal pure returns (uint256 denom) {
        for (uint256 i; i < entries.length;) {
            denom += entries[i].mr * entries[i].residual;
            unchecked {
                ++i;
            }
        }
    }

    /// amount_j = floor(capacity * w_j / denom), 0 when denom is 0.
    function amount(uint256 capacity, uint256 w, uint256 denom) internal pure returns (uint256) {
        return denom == 0 ? 0 : mulDiv(capacity, w, denom);
    }
}
