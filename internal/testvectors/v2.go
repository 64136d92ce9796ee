package testvectors

import (
	"encoding/json"
	"os"
	"testing"
)

// V2 is testdata/protocol-v2.json (protocol v2, the recompute CLI's
// interface). Integers in Extra are decimal strings, hashes and data 0x-hex.
type V2 struct {
	Spec  string   `json:"spec"`
	Note  string   `json:"note"`
	BLS   V2BLS    `json:"bls"`
	Cases []V2Case `json:"cases"`
}

// V2BLS holds the operator keys of the cases' batches.
type V2BLS struct {
	ChainID     json.Number `json:"chainid"`
	AVS         string      `json:"avs"`
	BatchDomain string      `json:"batchDomain"`
	Keys        []struct {
		SK   string    `json:"sk"`
		PkG1 [2]string `json:"pkG1"`
		PkG2 [4]string `json:"pkG2"`
	} `json:"keys"`
}

// V2Case is one round given as a whole-round file (Data, when set) and as
// objects (Objects, "kind/key" to 0x-hex bytes, when set), with the JSON the
// CLI prints with --amounts, less "error" (Expect).
type V2Case struct {
	Name         string            `json:"name"`
	OnchainRound string            `json:"onchainRound"`
	Data         *string           `json:"data"`
	Commitment   string            `json:"commitment"`
	Objects      map[string]string `json:"objects"`
	// ObjectsRound false: run the objects form without --round.
	ObjectsRound *bool           `json:"objectsRound"`
	Expect       json.RawMessage `json:"expect"`
	Extra        V2Extra         `json:"extra"`
}

// WithRound reports whether the objects form is run with --round.
func (c *V2Case) WithRound() bool { return c.ObjectsRound == nil || *c.ObjectsRound }

// V2Expect is the typed view of a case's Expect.
type V2Expect struct {
	WellFormed         bool       `json:"wellFormed"`
	Round              *uint64    `json:"round"`
	ProviderCount      int        `json:"providerCount"`
	EntryCount         int        `json:"entryCount"`
	ProvidersRoot      string     `json:"providersRoot"`
	CommitmentRoot     string     `json:"commitmentRoot"`
	EntriesRoots       []string   `json:"entriesRoots"`
	Denominators       []string   `json:"denominators"`
	ProviderAllocRoots []string   `json:"providerAllocRoots"`
	AllocTreeRoot      string     `json:"allocTreeRoot"`
	AllocationRoot     string     `json:"allocationRoot"`
	Amounts            [][]string `json:"amounts"`
	Rule               string     `json:"rule"`
	Provider           *int       `json:"provider"`
	Entry              *int       `json:"entry"`
	Clause             string     `json:"clause"`
	OtherProvider      *int       `json:"otherProvider"`
	OtherEntry         *int       `json:"otherEntry"`
}

// Typed decodes Expect, failing tb if it cannot.
func (c *V2Case) Typed(tb testing.TB) *V2Expect {
	tb.Helper()
	var e V2Expect
	if err := json.Unmarshal(c.Expect, &e); err != nil {
		tb.Fatalf("%s: expect: %v", c.Name, err)
	}
	return &e
}

// V2Header is a manifest header with its provider leaf and its proof
// against providersRoot.
type V2Header struct {
	P           int      `json:"p"`
	Provider    string   `json:"provider"`
	Capacity    string   `json:"capacity"`
	EntryOffset string   `json:"entryOffset"`
	EntryCount  string   `json:"entryCount"`
	EntriesRoot string   `json:"entriesRoot"`
	Leaf        string   `json:"leaf"`
	Proof       []string `json:"proof"`
}

// V2Entry is an entry with its leaf and its proof against its row's root.
type V2Entry struct {
	P         int      `json:"p"`
	J         int      `json:"j"`
	Recipient string   `json:"recipient"`
	MR        string   `json:"mr"`
	Residual  string   `json:"residual"`
	Leaf      string   `json:"leaf"`
	Proof     []string `json:"proof"`
}

// V2AllocProof is a recipient's allocation with its two-level proof.
type V2AllocProof struct {
	P             int      `json:"p"`
	J             int      `json:"j"`
	Provider      string   `json:"provider"`
	Recipient     string   `json:"recipient"`
	Amount        string   `json:"amount"`
	Leaf          string   `json:"leaf"`
	EntryProof    []string `json:"entryProof"`
	ProviderProof []string `json:"providerProof"`
	Entry         V2Entry  `json:"entry"`
}

// V2Batch is a batch message and its aggregate signature by Signers (indices
// into V2BLS.Keys); points as decimal words, G2 in EIP-197 order.
type V2Batch struct {
	ChainID        string    `json:"chainid"`
	AVS            string    `json:"avs"`
	Round          string    `json:"round"`
	Attempt        string    `json:"attempt"`
	AllocationRoot string    `json:"allocationRoot"`
	MsgHash        string    `json:"msgHash"`
	HashToG1       [2]string `json:"hashToG1"`
	Signers        []int     `json:"signers"`
	Sigma          [2]string `json:"sigma"`
	ApkG1          [2]string `json:"apkG1"`
	ApkG2          [4]string `json:"apkG2"`
	Gamma          string    `json:"gamma"`
	Valid          bool      `json:"valid"`
}

// V2Extra is what a case's round determines beyond the CLI's output.
type V2Extra struct {
	E             string     `json:"E"`
	Headers       []V2Header `json:"headers"`
	ManifestParts []struct {
		Part  int    `json:"part"`
		First int    `json:"first"`
		Count int    `json:"count"`
		Root  string `json:"root"`
	} `json:"manifestParts"`
	AllocProofs  []V2AllocProof    `json:"allocProofs"`
	AllocObjects map[string]string `json:"allocObjects"`
	Evidence     *struct {
		Rule    string    `json:"rule"`
		Headers []int     `json:"headers"`
		Entries []V2Entry `json:"entries"`
		Clause  string    `json:"clause"`
	} `json:"evidence"`
	Batch    *V2Batch `json:"batch"`
	BadBatch *struct {
		Provider                  int               `json:"provider"`
		CorrectProviderAllocRoot  string            `json:"correctProviderAllocRoot"`
		ClaimedProviderAllocRoots []string          `json:"claimedProviderAllocRoots"`
		ClaimedAllocTreeRoot      string            `json:"claimedAllocTreeRoot"`
		ClaimedAllocationRoot     string            `json:"claimedAllocationRoot"`
		ClaimedRootProof          []string          `json:"claimedRootProof"`
		ClaimedAllocObject        map[string]string `json:"claimedAllocObject"`
		FirstWrongEntry           struct {
			J       int    `json:"j"`
			Claimed string `json:"claimed"`
			Correct string `json:"correct"`
		} `json:"firstWrongEntry"`
		Batch V2Batch `json:"batch"`
	} `json:"badBatch"`
}

// LoadV2 reads testdata/protocol-v2.json, failing tb if it cannot.
func LoadV2(tb testing.TB) *V2 {
	tb.Helper()
	raw, err := os.ReadFile(Path("protocol-v2.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var v V2
	if err := json.Unmarshal(raw, &v); err != nil {
		tb.Fatal(err)
	}
	if len(v.Cases) == 0 || len(v.BLS.Keys) == 0 {
		tb.Fatal("protocol v2 vectors: no cases or keys")
	}
	return &v
}
