package bls

import (
	"math/big"
	"testing"
)

func BenchmarkHashToG1(b *testing.B) {
	msg := BatchMessage(testChainID, testAVS, big.NewInt(1), [32]byte{})
	b.ReportAllocs()
	for b.Loop() {
		msg[31]++ // vary the message so that tries average out
		HashToG1(msg)
	}
}

func BenchmarkSign(b *testing.B) {
	sk := testKeys(b, 20, 1)[0]
	msg := BatchMessage(testChainID, testAVS, big.NewInt(1), [32]byte{})
	b.ReportAllocs()
	for b.Loop() {
		sk.Sign(msg)
	}
}

// BenchmarkVerify checks an aggregate of 100 signers (aggregation of the
// keys and signatures is done once, outside the loop).
func BenchmarkVerify(b *testing.B) {
	sks := testKeys(b, 21, 100)
	msg := BatchMessage(testChainID, testAVS, big.NewInt(1), [32]byte{})
	apk1, apk2, sigma := aggregateKeys(b, sks, msg)
	b.ReportAllocs()
	for b.Loop() {
		if ok, err := Verify(msg, apk1, apk2, sigma); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}

// BenchmarkAggregateG1 sums 100 pkG1 keys, as a watcher does per batch.
func BenchmarkAggregateG1(b *testing.B) {
	sks := testKeys(b, 22, 100)
	pks := make([]G1Point, len(sks))
	for i, sk := range sks {
		pks[i] = sk.PublicG1()
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := AggregateG1(pks...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeG2 includes the subgroup check.
func BenchmarkDecodeG2(b *testing.B) {
	enc := testKeys(b, 23, 1)[0].PublicG2().Bytes()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeG2(enc[:]); err != nil {
			b.Fatal(err)
		}
	}
}
