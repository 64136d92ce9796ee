package devnet

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

func TestParseFaults(t *testing.T) {
	good := map[string]string{
		"":                                   "",
		"3:amount,7:publication":             "3:amount,7:publication",
		" 8:denominator@2 , 2:amount@17":     "2:amount@17,8:denominator@2",
		"1:conservation,2:withheld":          "1:conservation,2:withheld",
		"4:malformed-commitments,5:amount@0": "4:malformed-commitments,5:amount@0",
	}
	for in, want := range good {
		s, err := ParseFaults(in)
		if err != nil || s.String() != want {
			t.Fatalf("ParseFaults(%q) = %q, %v; want %q", in, s, err, want)
		}
	}
	for _, in := range []string{"3", "x:amount", "0:amount", "3:bogus", "3:amount,3:publication", "3:publication@1", "3:amount@-1", "3:amount@x"} {
		if _, err := ParseFaults(in); !errors.Is(err, ErrFaults) {
			t.Fatalf("ParseFaults(%q) = %v, want ErrFaults", in, err)
		}
	}
}

func TestConfigCheck(t *testing.T) {
	if err := (&Config{}).Check(); !errors.Is(err, ErrConfig) {
		t.Fatal("zero config accepted")
	}
	def := DefaultConfig()
	if err := def.Check(); err != nil {
		t.Fatalf("default config: %v", err)
	}
	big := DefaultConfig()
	big.Providers, big.EntriesPerRow, big.Recipients = 40, 40, 80
	if err := big.Check(); !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), "one transaction carries at most") {
		t.Fatalf("1600-entry round: %v", err)
	}
	late := DefaultConfig()
	late.Rounds, late.Faults = 3, Schedule{5: {Kind: FaultAmount, Index: -1}}
	if err := late.Check(); !errors.Is(err, ErrConfig) {
		t.Fatal("fault past the last round accepted")
	}
}

// TestFaultRounds runs one round of every fault kind and checks the chain:
// a batch with the wrong root accepted (and provable: the right fraud proof
// succeeds in an eth_call at the batch's block, built from the transactions'
// calldata alone), or no batch for malformed commitments; honest rounds are
// right and unprovable.
func TestFaultRounds(t *testing.T) {
	cfg := testConfig(t)
	cfg.Rounds = 7
	cfg.Faults = Schedule{
		1: {Kind: FaultAmount, Index: -1},
		2: {Kind: FaultDenominator, Index: 1},
		3: {Kind: FaultConservation, Index: -1},
		4: {Kind: FaultPublication, Index: -1},
		5: {Kind: FaultWithheld, Index: -1},
		6: {Kind: FaultMalformedCommitments, Index: -1},
		7: {Kind: FaultAmount, Index: 23}, // the last index
	}
	d, out := runDevnet(t, cfg)
	t.Log(out)
	ctx := context.Background()
	client := d.chain.Client
	avsABI := contracts.ABI().GetABI()
	for _, dr := range d.Description().Rounds {
		n := new(big.Int).SetUint64(dr.Round)
		// The commitment data, from the commit transaction's calldata.
		ctx_, _, err := client.TransactionByHash(ctx, dr.CommitTx)
		if err != nil {
			t.Fatal(err)
		}
		args, err := avsABI.Methods["commitRound"].Inputs.Unpack(ctx_.Data()[4:])
		if err != nil {
			t.Fatal(err)
		}
		c, err := recompute.Decode(args[2].([]byte))
		if err != nil {
			t.Fatal(err)
		}
		verr := c.Validate(uint256.NewInt(dr.Round))
		if dr.Fault == string(FaultMalformedCommitments) {
			if recompute.RuleOf(verr) != recompute.RuleRecipientZero || len(dr.Batches) != 0 {
				t.Fatalf("round %d: rule %v, %d batches", dr.Round, verr, len(dr.Batches))
			}
			v := call(t, d, contracts.ABI().PackGetRound(n), contracts.ABI().UnpackGetRound)
			if v.Status != 1 || v.CommitmentRoot != dr.CommitmentRoot {
				t.Fatalf("malformed round on chain: %+v", v)
			}
			continue
		}
		if verr != nil {
			t.Fatalf("round %d: %v", dr.Round, verr)
		}
		res, err := recompute.Compute(c, recompute.Options{})
		if err != nil || res.AllocationRoot != dr.CorrectAllocationRoot {
			t.Fatalf("round %d: recomputed %v, %v", dr.Round, res.AllocationRoot, err)
		}
		if len(dr.Batches) != 1 {
			t.Fatalf("round %d: %d batches", dr.Round, len(dr.Batches))
		}
		b := dr.Batches[0]
		// The published allocation data, from the batch transaction's calldata.
		btx, _, err := client.TransactionByHash(ctx, b.Tx)
		if err != nil {
			t.Fatal(err)
		}
		bargs, err := avsABI.Methods["submitAllocationBatch"].Inputs.Unpack(btx.Data()[4:])
		if err != nil {
			t.Fatal(err)
		}
		treeRoot, published := common.Hash(bargs[1].([32]byte)), bargs[2].([]byte)
		if got := recompute.AllocationRoot(res.CommitmentRoot, treeRoot, crypto.Keccak256Hash(published)); got != b.AllocationRoot {
			t.Fatalf("round %d: batch root %s, described %s", dr.Round, got, b.AllocationRoot)
		}
		if dr.Fault == "" {
			if !b.Honest || b.AllocationRoot != res.AllocationRoot {
				t.Fatalf("honest round %d has a wrong batch", dr.Round)
			}
			continue
		}
		if b.Honest || b.AllocationRoot == res.AllocationRoot || len(b.Signers) != (len(d.ops)*int(d.params.QuorumBps)+9_999)/10_000 /* no proofs here: nobody slashed */ {
			t.Fatalf("round %d (%s): batch %+v", dr.Round, dr.Fault, b)
		}
		var proof []byte
		switch FaultKind(strings.Split(dr.Fault, "@")[0]) {
		case FaultPublication, FaultWithheld:
			proof = contracts.NewBadPublication(n, res, published).Calldata()
		default:
			tree, err := recompute.AllocTreeFromData(published, 1)
			if err != nil || tree.Root() != treeRoot {
				t.Fatalf("round %d: published data and tree disagree: %v", dr.Round, err)
			}
			k, differs := res.FirstDifference(published)
			if !differs {
				t.Fatalf("round %d: no difference", dr.Round)
			}
			if dr.FaultAt != nil && strings.HasPrefix(dr.Fault, "amount") && k != *dr.FaultAt {
				t.Fatalf("round %d: differs at %d, fault at %d", dr.Round, k, *dr.FaultAt)
			}
			p, j, _ := res.Locate(k)
			ba, err := contracts.NewBadAllocation(n, c, res, published, tree, p, j)
			if err != nil {
				t.Fatal(err)
			}
			proof = ba.Calldata()
		}
		// Provable while the batch was live: simulate at its block.
		_, err = client.CallContract(ctx, ethereum.CallMsg{From: common.Address{1}, To: &d.avs, Data: proof}, new(big.Int).SetUint64(b.Block))
		if err != nil {
			t.Fatalf("round %d (%s): proof fails: %v", dr.Round, dr.Fault, contracts.AsRevert(err))
		}
	}
}

func call[T any](t *testing.T, d *Devnet, data []byte, unpack func([]byte) (T, error)) T {
	t.Helper()
	out, err := d.chain.Client.CallContract(context.Background(), ethereum.CallMsg{To: &d.avs, Data: data}, nil)
	if err != nil {
		t.Fatal(contracts.AsRevert(err))
	}
	v, err := unpack(out)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
