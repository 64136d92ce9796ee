package bls_test

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/bls"
)

// Two operators sign a batch; the aggregate verifies against the sum of
// their keys.
func Example() {
	chainID := big.NewInt(31337)
	avs := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	msg := bls.BatchMessage(chainID, avs, big.NewInt(7), [32]byte{0x6d})

	var pk1s, sigs []bls.G1Point
	var pk2s []bls.G2Point
	for _, k := range []int64{11, 12} {
		sk, err := bls.SecretKeyFromBig(big.NewInt(k))
		if err != nil {
			fmt.Println(err)
			return
		}
		pk1s = append(pk1s, sk.PublicG1())
		pk2s = append(pk2s, sk.PublicG2())
		sigs = append(sigs, sk.Sign(msg))
	}
	apkG1, _ := bls.AggregateG1(pk1s...)
	apkG2, _ := bls.AggregateG2(pk2s...)
	sigma, _ := bls.AggregateG1(sigs...)

	ok, err := bls.Verify(msg, apkG1, apkG2, sigma)
	fmt.Println(ok, err)

	other := bls.BatchMessage(chainID, avs, big.NewInt(8), [32]byte{0x6d})
	ok, err = bls.Verify(other, apkG1, apkG2, sigma)
	fmt.Println(ok, err)
	// Output:
	// true <nil>
	// false <nil>
}
