// Package testvectors loads the protocol test vectors in the module's
// testdata/ (copied from the shared vectors) for the tests of every package,
// so that each test reads them through one set of types.
package testvectors

import (
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Path returns the path of a file in the module's testdata directory.
func Path(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", name)
}

// HashToG1Case is one hashToG1 vector; Tries is the number of increments.
type HashToG1Case struct {
	Msg   string    `json:"msg"`
	Tries int       `json:"tries"`
	Point [2]string `json:"point"`
}

// Key is an operator key; G2 words are [X_imag, X_real, Y_imag, Y_real].
type Key struct {
	SK       string    `json:"sk"`
	Operator string    `json:"operator"`
	PkG1     [2]string `json:"pkG1"`
	PkG2     [4]string `json:"pkG2"`
}

// Pop is a proof of possession of the key of Operator.
type Pop struct {
	Operator string    `json:"operator"`
	PopHash  string    `json:"popHash"`
	Pop      [2]string `json:"pop"`
	Gamma    string    `json:"gamma"`
	Valid    bool      `json:"valid"`
}

// Batch is an aggregate signature over a batch message; SignerBitmap bit i
// names Keys[i].
type Batch struct {
	Name           string    `json:"name"`
	ChainID        string    `json:"chainId"`
	AVS            string    `json:"avs"`
	Round          string    `json:"round"`
	AllocationRoot string    `json:"allocationRoot"`
	MsgHash        string    `json:"msgHash"`
	SignerBitmap   string    `json:"signerBitmap"`
	Sigma          [2]string `json:"sigma"`
	ApkG1          [2]string `json:"apkG1"`
	ApkG2          [4]string `json:"apkG2"`
	Gamma          string    `json:"gamma"`
	Valid          bool      `json:"valid"`
}

// BLS is testdata/bls-v1.json. Integers are decimal strings.
type BLS struct {
	Spec        string         `json:"spec"`
	Note        string         `json:"note"`
	BatchDomain string         `json:"batchDomain"`
	PopDomain   string         `json:"popDomain"`
	HashToG1    []HashToG1Case `json:"hashToG1"`
	Keys        []Key          `json:"keys"`
	Pops        []Pop          `json:"pops"`
	Batches     []Batch        `json:"batches"`
}

// LoadBLS reads testdata/bls-v1.json, failing tb if it cannot.
func LoadBLS(tb testing.TB) *BLS {
	tb.Helper()
	raw, err := os.ReadFile(Path("bls-v1.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var v BLS
	if err := json.Unmarshal(raw, &v); err != nil {
		tb.Fatal(err)
	}
	if len(v.Keys) == 0 || len(v.Batches) == 0 {
		tb.Fatal("BLS vectors: no keys or batches")
	}
	return &v
}

// Dec parses a vector's decimal integer, failing tb if it is not one.
func Dec(tb testing.TB, s string) *big.Int {
	tb.Helper()
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		tb.Fatalf("vectors: not a decimal integer: %q", s)
	}
	return v
}
