package bls

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// ProvePossession returns the proof of possession an operator submits at
// registration: pop = sk*hashToG1(PopMessage(chainID, avs, operator,
// sk.PublicG1())). It binds the key to the chain, the AVS contract and the
// operator address, which defeats rogue-key attacks on aggregation.
func (sk *SecretKey) ProvePossession(chainID *big.Int, avs, operator common.Address) G1Point {
	return sk.Sign(PopMessage(chainID, avs, operator, sk.PublicG1()))
}

// VerifyPossession checks a proof of possession with the batch equation of
// Verify, taking PopMessage(chainID, avs, operator, pkG1) as the message and
// the operator's own pkG1 and pkG2 as the keys. It returns an error for a
// point that does not decode and, unlike Verify, for a pkG1 or pkG2 at
// infinity (ErrInfinity): the zero key has no secret to possess, and with
// pkG1 = pkG2 = pop = 0 the equation holds for any message (EigenLayer's
// registry likewise refuses the zero key). A wrong proof gives false.
func VerifyPossession(chainID *big.Int, avs, operator common.Address, pkG1 G1Point, pkG2 G2Point, pop G1Point) (bool, error) {
	if pkG1.IsInfinity() || pkG2.IsInfinity() {
		return false, fmt.Errorf("bls: verify possession: public key: %w", ErrInfinity)
	}
	ok, err := verify(PopMessage(chainID, avs, operator, pkG1), pkG1, pkG2, pop)
	if err != nil {
		return false, fmt.Errorf("bls: verify possession: %w", err)
	}
	return ok, nil
}
