package bls

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Domain tags of the two signed message kinds; their keccak256 hashes are
// BatchDomain and PopDomain.
const (
	BatchDomainTag = "DenominatorAllocationAVS.batch.v1"
	PopDomainTag   = "DenominatorAllocationAVS.pop.v1"
)

var (
	batchDomain = [32]byte(crypto.Keccak256([]byte(BatchDomainTag)))
	popDomain   = [32]byte(crypto.Keccak256([]byte(PopDomainTag)))
)

// BatchDomain returns keccak256("DenominatorAllocationAVS.batch.v1"), the
// first word of every batch message.
func BatchDomain() [32]byte { return batchDomain }

// PopDomain returns keccak256("DenominatorAllocationAVS.pop.v1"), the first
// word of every proof-of-possession message.
func PopDomain() [32]byte { return popDomain }

// BatchMessage returns the message operators sign for a batch:
//
//	keccak256(abi.encode(BatchDomain, uint256 chainid, address avs,
//	    uint256 round, bytes32 allocationRoot))
//
// chainID and round are written as uint256 words (nil as 0; a value
// outside [0, 2^256) is taken mod 2^256, so callers pass in-range values).
// The arguments are not modified.
func BatchMessage(chainID *big.Int, avs common.Address, round *big.Int, allocationRoot [32]byte) [32]byte {
	var buf [5 * 32]byte
	copy(buf[0:32], batchDomain[:])
	putWord(buf[32:64], chainID)
	copy(buf[64+12:96], avs[:])
	putWord(buf[96:128], round)
	copy(buf[128:160], allocationRoot[:])
	return [32]byte(crypto.Keccak256(buf[:]))
}

// PopMessage returns the message an operator signs to prove possession of
// its key at registration:
//
//	keccak256(abi.encode(PopDomain, uint256 chainid, address avs,
//	    address operator, uint256 pkG1.X, uint256 pkG1.Y))
//
// with the same word rules as BatchMessage.
func PopMessage(chainID *big.Int, avs, operator common.Address, pkG1 G1Point) [32]byte {
	var buf [6 * 32]byte
	copy(buf[0:32], popDomain[:])
	putWord(buf[32:64], chainID)
	copy(buf[64+12:96], avs[:])
	copy(buf[96+12:128], operator[:])
	putWord(buf[128:160], pkG1.X)
	putWord(buf[160:192], pkG1.Y)
	return [32]byte(crypto.Keccak256(buf[:]))
}
