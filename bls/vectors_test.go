package bls

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/internal/testvectors"
)

type vectorFile = testvectors.BLS

func loadVectors(t testing.TB) *vectorFile { return testvectors.LoadBLS(t) }

func hash32(t testing.TB, s string) [32]byte {
	t.Helper()
	b := common.FromHex(s)
	if len(b) != 32 || !strings.HasPrefix(s, "0x") {
		t.Fatalf("bad bytes32 %q", s)
	}
	return [32]byte(b)
}

func addr(t testing.TB, s string) common.Address {
	t.Helper()
	if !common.IsHexAddress(s) {
		t.Fatalf("bad address %q", s)
	}
	return common.HexToAddress(s)
}

func g1v(t testing.TB, s [2]string) G1Point {
	t.Helper()
	return G1Point{X: testvectors.Dec(t, s[0]), Y: testvectors.Dec(t, s[1])}
}

func g2v(t testing.TB, s [4]string) G2Point {
	t.Helper()
	return G2Point{X: [2]*big.Int{testvectors.Dec(t, s[0]), testvectors.Dec(t, s[1])}, Y: [2]*big.Int{testvectors.Dec(t, s[2]), testvectors.Dec(t, s[3])}}
}

func TestVectorDomains(t *testing.T) {
	v := loadVectors(t)
	tests := []struct {
		name string
		got  [32]byte
		want string
	}{
		{"batchDomain", BatchDomain(), v.BatchDomain},
		{"popDomain", PopDomain(), v.PopDomain},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if want := hash32(t, tc.want); tc.got != want {
				t.Fatalf("got %x, want %x", tc.got, want)
			}
		})
	}
}

func TestVectorHashToG1(t *testing.T) {
	v := loadVectors(t)
	if len(v.HashToG1) == 0 {
		t.Fatal("no hashToG1 vectors")
	}
	for _, tc := range v.HashToG1 {
		t.Run(tc.Msg, func(t *testing.T) {
			got, tries := HashToG1(hash32(t, tc.Msg))
			if want := g1v(t, tc.Point); !got.Equal(want) {
				t.Errorf("point = %s, want %s", got, want)
			}
			if tries != tc.Tries {
				t.Errorf("tries = %d, want %d", tries, tc.Tries)
			}
		})
	}
}

func TestVectorKeys(t *testing.T) {
	v := loadVectors(t)
	if len(v.Keys) == 0 {
		t.Fatal("no key vectors")
	}
	for _, tc := range v.Keys {
		t.Run(tc.Operator, func(t *testing.T) {
			k := testvectors.Dec(t, tc.SK)
			sk, err := SecretKeyFromBig(k)
			if err != nil {
				t.Fatalf("SecretKeyFromBig(%s): %v", tc.SK, err)
			}
			pk1, pk2 := sk.PublicG1(), sk.PublicG2()
			if want := g1v(t, tc.PkG1); !pk1.Equal(want) {
				t.Errorf("pkG1 = %s, want %s", pk1, want)
			}
			if want := g2v(t, tc.PkG2); !pk2.Equal(want) {
				t.Errorf("pkG2 = %s, want %s", pk2, want)
			}
			for _, err := range []error{pk1.Validate(), pk2.Validate(), g1v(t, tc.PkG1).Validate(), g2v(t, tc.PkG2).Validate()} {
				if err != nil {
					t.Errorf("vector key does not validate: %v", err)
				}
			}
			// sk = r-1 must give -G1 = (1, p-2).
			if new(big.Int).Add(k, big.NewInt(1)).Cmp(frModulus) == 0 {
				negG1 := G1Point{X: big.NewInt(1), Y: new(big.Int).Sub(fpModulus, big.NewInt(2))}
				if !pk1.Equal(negG1) {
					t.Errorf("sk = r-1: pkG1 = %s, want -G1 = %s", pk1, negG1)
				}
			}
		})
	}
}

// batchContext returns the chainId and avs shared by every batch vector;
// the pop vectors were built with the same ones.
func batchContext(t *testing.T, v *vectorFile) (*big.Int, common.Address) {
	t.Helper()
	if len(v.Batches) == 0 {
		t.Fatal("no batch vectors")
	}
	chainID, avs := testvectors.Dec(t, v.Batches[0].ChainID), addr(t, v.Batches[0].AVS)
	for _, b := range v.Batches {
		if testvectors.Dec(t, b.ChainID).Cmp(chainID) != 0 || addr(t, b.AVS) != avs {
			t.Fatalf("batch %s uses another chainId/avs", b.Name)
		}
	}
	if chainID.Cmp(big.NewInt(31337)) != 0 || avs != common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3") {
		t.Fatalf("batch context is %s/%s, want 31337/0x5FbDB2315678afecb367f032d93F642f64180aa3", chainID, avs)
	}
	return chainID, avs
}

func TestVectorPops(t *testing.T) {
	v := loadVectors(t)
	chainID, avs := batchContext(t, v)
	if len(v.Pops) != len(v.Keys) {
		t.Fatalf("%d pops for %d keys", len(v.Pops), len(v.Keys))
	}
	for _, tc := range v.Pops {
		t.Run(tc.Operator, func(t *testing.T) {
			op := addr(t, tc.Operator)
			ki := -1
			for i, k := range v.Keys {
				if addr(t, k.Operator) == op {
					ki = i
				}
			}
			if ki < 0 {
				t.Fatalf("no key for operator %s", op)
			}
			key := v.Keys[ki]
			sk, err := SecretKeyFromBig(testvectors.Dec(t, key.SK))
			if err != nil {
				t.Fatal(err)
			}
			pk1, pk2, pop := g1v(t, key.PkG1), g2v(t, key.PkG2), g1v(t, tc.Pop)

			popHash := PopMessage(chainID, avs, op, pk1)
			if want := hash32(t, tc.PopHash); popHash != want {
				t.Fatalf("popHash = %x, want %x", popHash, want)
			}
			if got := sk.ProvePossession(chainID, avs, op); !got.Equal(pop) {
				t.Errorf("ProvePossession = %s, want %s", got, pop)
			}
			if got := Gamma(popHash, pk1, pk2, pop); got.Cmp(testvectors.Dec(t, tc.Gamma)) != 0 {
				t.Errorf("gamma = %s, want %s", got, tc.Gamma)
			}
			ok, err := VerifyPossession(chainID, avs, op, pk1, pk2, pop)
			if err != nil || ok != tc.Valid {
				t.Errorf("VerifyPossession = %v, %v; want %v", ok, err, tc.Valid)
			}
			if ok, err := Verify(popHash, pk1, pk2, pop); err != nil || ok != tc.Valid {
				t.Errorf("Verify(popHash) = %v, %v; want %v", ok, err, tc.Valid)
			}
		})
	}
}

// batchExpectation says how each batch vector was built, so that the test
// rebuilds every field instead of trusting it. Bitmaps select keys by index.
type batchExpectation struct {
	msgRound     int64 // msgHash == BatchMessage(chainId, avs, msgRound, allocationRoot)
	sigmaSigners uint  // sigma == sum of these keys' signatures on BatchMessage(round)
	apkG2Signers uint  // apkG2 == sum of these keys' pkG2
}

var batchExpectations = map[string]batchExpectation{
	"three-of-five": {msgRound: 7, sigmaSigners: 0b01101, apkG2Signers: 0b01101},
	"all-five":      {msgRound: 8, sigmaSigners: 0b11111, apkG2Signers: 0b11111},
	"single":        {msgRound: 9, sigmaSigners: 0b00010, apkG2Signers: 0b00010},
	// The record says round 7 and sigma is the honest round-7 aggregate,
	// but msgHash is the round-8 message: a signature checked against the
	// message of another round.
	"wrong-round-message": {msgRound: 8, sigmaSigners: 0b01101, apkG2Signers: 0b01101},
	// Signer 0 (sk = 1) left out of sigma.
	"one-signature-missing": {msgRound: 7, sigmaSigners: 0b01100, apkG2Signers: 0b01101},
	// apkG2 lacks signer 0's key.
	"apkG2-does-not-match-signers": {msgRound: 7, sigmaSigners: 0b01101, apkG2Signers: 0b01100},
}

func TestVectorBatches(t *testing.T) {
	v := loadVectors(t)
	chainID, avs := batchContext(t, v)
	sks := make([]*SecretKey, len(v.Keys))
	for i, k := range v.Keys {
		sk, err := SecretKeyFromBig(testvectors.Dec(t, k.SK))
		if err != nil {
			t.Fatal(err)
		}
		sks[i] = sk
	}
	// pick returns the keys selected by bitmap, failing on bits beyond them.
	pick := func(t *testing.T, bitmap *big.Int) []int {
		t.Helper()
		if bitmap.Sign() <= 0 || bitmap.BitLen() > len(v.Keys) {
			t.Fatalf("signerBitmap %s selects no key or an unknown key", bitmap)
		}
		var idx []int
		for i := range v.Keys {
			if bitmap.Bit(i) == 1 {
				idx = append(idx, i)
			}
		}
		return idx
	}
	seen := map[string]bool{}
	for _, tc := range v.Batches {
		t.Run(tc.Name, func(t *testing.T) {
			want, ok := batchExpectations[tc.Name]
			if !ok {
				t.Fatalf("no expectation for batch vector %q; add one", tc.Name)
			}
			seen[tc.Name] = true
			root, round := hash32(t, tc.AllocationRoot), testvectors.Dec(t, tc.Round)
			msgHash := hash32(t, tc.MsgHash)
			sigma, apkG1, apkG2 := g1v(t, tc.Sigma), g1v(t, tc.ApkG1), g2v(t, tc.ApkG2)

			if got := BatchMessage(chainID, avs, big.NewInt(want.msgRound), root); got != msgHash {
				t.Errorf("BatchMessage(round %d) = %x, want msgHash %x", want.msgRound, got, msgHash)
			}
			roundMsg := BatchMessage(chainID, avs, round, root)
			if fromRound := roundMsg == msgHash; fromRound != (round.Int64() == want.msgRound) {
				t.Errorf("msgHash derived from round %s: %v", round, fromRound)
			}

			var pk1s []G1Point
			for _, i := range pick(t, testvectors.Dec(t, tc.SignerBitmap)) {
				pk1s = append(pk1s, g1v(t, v.Keys[i].PkG1))
			}
			if got, err := AggregateG1(pk1s...); err != nil || !got.Equal(apkG1) {
				t.Errorf("apkG1 from signerBitmap = %s, %v; want %s", got, err, apkG1)
			}
			var pk2s []G2Point
			var sigs []G1Point
			for i := range v.Keys {
				if want.apkG2Signers>>i&1 == 1 {
					pk2s = append(pk2s, g2v(t, v.Keys[i].PkG2))
				}
				if want.sigmaSigners>>i&1 == 1 {
					sigs = append(sigs, sks[i].Sign(roundMsg))
				}
			}
			if got, err := AggregateG2(pk2s...); err != nil || !got.Equal(apkG2) {
				t.Errorf("apkG2 of keys %05b = %s, %v; want %s", want.apkG2Signers, got, err, apkG2)
			}
			if got, err := AggregateG1(sigs...); err != nil || !got.Equal(sigma) {
				t.Errorf("sigma of keys %05b = %s, %v; want %s", want.sigmaSigners, got, err, sigma)
			}

			if got := Gamma(msgHash, apkG1, apkG2, sigma); got.Cmp(testvectors.Dec(t, tc.Gamma)) != 0 {
				t.Errorf("gamma = %s, want %s", got, tc.Gamma)
			}
			ok, err := Verify(msgHash, apkG1, apkG2, sigma)
			if err != nil || ok != tc.Valid {
				t.Errorf("Verify = %v, %v; want %v", ok, err, tc.Valid)
			}
			bitmap := uint(testvectors.Dec(t, tc.SignerBitmap).Uint64())
			honest := round.Int64() == want.msgRound && want.sigmaSigners == bitmap && want.apkG2Signers == bitmap
			if honest != tc.Valid {
				t.Errorf("vector valid = %v, but the batch is honest = %v", tc.Valid, honest)
			}
		})
	}
	for name := range batchExpectations {
		if !seen[name] {
			t.Errorf("batch vector %q missing from testdata/bls-v1.json", name)
		}
	}
}
