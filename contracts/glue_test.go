package contracts

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/recompute"
)

// TestDecodeRevert: custom errors decode to the bindings' typed values, a
// Forwarder's CallFailed carries the AVS's error inside it, and anything
// else stays raw.
func TestDecodeRevert(t *testing.T) {
	noFraud := bindings.DenominatorAllocationAVSNoFraudErrorID()
	wrongAttempt := append(bindings.DenominatorAllocationAVSWrongAttemptErrorID().Bytes()[:4], make([]byte, 64)...)
	wrongAttempt[4+31], wrongAttempt[4+63] = 2, 1
	fabi := forwarder.GetABI()
	callFailed, err := fabi.ErrorByID([4]byte(bindings.ForwarderCallFailedErrorID().Bytes()[:4]))
	if err != nil {
		t.Fatal(err)
	}
	nested, err := callFailed.Inputs.Pack(big.NewInt(3), wrongAttempt)
	if err != nil {
		t.Fatal(err)
	}
	nested = append(bindings.ForwarderCallFailedErrorID().Bytes()[:4], nested...)

	re := DecodeRevert(noFraud.Bytes()[:4])
	if _, ok := re.Value.(*bindings.DenominatorAllocationAVSNoFraud); !ok || !errors.Is(re, ErrReverted) {
		t.Fatalf("NoFraud decoded as %+v", re)
	}
	var err2 error = DecodeRevert(wrongAttempt)
	if e, ok := RevertAs[bindings.DenominatorAllocationAVSWrongAttempt](err2); !ok || e.Expected.Int64() != 2 || e.Got.Int64() != 1 {
		t.Fatalf("WrongAttempt decoded as %v", err2)
	}
	err2 = DecodeRevert(nested)
	if e, ok := RevertAs[bindings.ForwarderCallFailed](err2); !ok || e.Index.Int64() != 3 {
		t.Fatalf("CallFailed decoded as %v", err2)
	}
	if _, ok := RevertAs[bindings.DenominatorAllocationAVSWrongAttempt](err2); !ok {
		t.Fatalf("the forwarded error is not reachable: %v", err2)
	}
	if msg := err2.Error(); !strings.HasPrefix(msg, "execution reverted: CallFailed(3, ") || !strings.HasSuffix(msg, " <- WrongAttempt(2, 1)") {
		t.Fatal(msg)
	}
	for _, data := range [][]byte{nil, {1, 2}, {0xde, 0xad, 0xbe, 0xef}, noFraud.Bytes()[:3]} {
		re := DecodeRevert(data)
		if re.Name != "" || re.Value != nil {
			t.Fatalf("%x decoded as %s", data, re.Name)
		}
	}
	if _, ok := RevertAs[bindings.DenominatorAllocationAVSNoFraud](errors.New("other")); ok {
		t.Fatal("a plain error matched")
	}
}

func FuzzDecodeRevert(f *testing.F) {
	f.Add(bindings.DenominatorAllocationAVSWrongAttemptErrorID().Bytes()[:4])
	f.Add(append(bindings.ForwarderCallFailedErrorID().Bytes()[:4], make([]byte, 96)...))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		re := DecodeRevert(data)
		_ = re.Error()
		if !errors.Is(re, ErrReverted) {
			t.Fatal("not a revert")
		}
	})
}

// TestVocabulary: every event of the bindings has an ID, and the fraud kinds
// are recompute's rule names.
func TestVocabulary(t *testing.T) {
	for _, name := range []string{
		bindings.DenominatorAllocationAVSNewRoundCommitmentsEventName, bindings.DenominatorAllocationAVSRoundCommitmentsOpenedEventName,
		bindings.DenominatorAllocationAVSAllocationBatchSubmittedEventName, bindings.DenominatorAllocationAVSAllocationBatchDetailsEventName,
		bindings.DenominatorAllocationAVSAvailabilityChallengedEventName, bindings.DenominatorAllocationAVSManifestRevealedEventName,
		bindings.DenominatorAllocationAVSRowRevealedEventName, bindings.DenominatorAllocationAVSFraudProvenEventName,
		bindings.DenominatorAllocationAVSOperatorSlashedEventName, bindings.DenominatorAllocationAVSRoundFinalizedEventName,
		bindings.DenominatorAllocationAVSOperatorRegisteredEventName, bindings.DenominatorAllocationAVSOperatorExitRequestedEventName,
		bindings.DenominatorAllocationAVSOperatorWithdrawnEventName,
	} {
		if EventID(name) == (common.Hash{}) {
			t.Errorf("no ID for %s", name)
		}
	}
	if len(avs.GetABI().Events) != 13 {
		t.Errorf("%d events in the ABI, 13 expected (section 8)", len(avs.GetABI().Events))
	}
	if ObjectManifestPart.FraudKind() != FraudKindOf(recompute.RuleUnavailableManifest) || ObjectRow.FraudKind() != FraudKindOf(recompute.RuleUnavailableRow) {
		t.Error("unavailable kinds")
	}
}

// TestSection8Signatures: the events' signatures are exactly PROTOCOL.md
// section 8's (the registry's are the implementation's).
func TestSection8Signatures(t *testing.T) {
	want := map[string]string{
		bindings.DenominatorAllocationAVSNewRoundCommitmentsEventName:      "NewRoundCommitments(uint256,bytes32,uint256)",
		bindings.DenominatorAllocationAVSRoundCommitmentsOpenedEventName:   "RoundCommitmentsOpened(uint256,bytes32,uint256,uint256)",
		bindings.DenominatorAllocationAVSAllocationBatchSubmittedEventName: "AllocationBatchSubmitted(uint256,bytes32,uint256,uint256)",
		bindings.DenominatorAllocationAVSAllocationBatchDetailsEventName:   "AllocationBatchDetails(uint256,uint256,bytes32,uint256,uint256,bytes32[])",
		bindings.DenominatorAllocationAVSAvailabilityChallengedEventName:   "AvailabilityChallenged(uint256,uint256,uint8,uint256,address,uint256)",
		bindings.DenominatorAllocationAVSManifestRevealedEventName:         "ManifestRevealed(uint256,uint256,uint256,(address,uint256,uint256,uint256,bytes32)[],uint256)",
		bindings.DenominatorAllocationAVSRowRevealedEventName:              "RowRevealed(uint256,uint256,uint256,(address,uint256,uint256,uint256,bytes32),(address,uint256,uint256)[],uint256)",
		bindings.DenominatorAllocationAVSFraudProvenEventName:              "FraudProven(uint256,uint256,address,string,uint256,uint256,uint256)",
		bindings.DenominatorAllocationAVSOperatorSlashedEventName:          "OperatorSlashed(uint256,address,uint256)",
		bindings.DenominatorAllocationAVSRoundFinalizedEventName:           "RoundFinalized(uint256,bytes32)",
	}
	for name, sig := range want {
		if got := avs.GetABI().Events[name].Sig; got != sig {
			t.Errorf("%s: %s, section 8 says %s", name, got, sig)
		}
	}
}

// TestGlueRefusals: the builders refuse what cannot make a call.
func TestGlueRefusals(t *testing.T) {
	tr := genRound(81, 1, []int{2, 3})
	if _, err := NewBadAllocation(tr.res, 2, tr.res.ProviderAllocRoots); !errors.Is(err, ErrNoProof) {
		t.Errorf("provider past P: %v", err)
	}
	if _, err := NewBadAllocation(tr.res, 1, tr.res.ProviderAllocRoots[:1]); !errors.Is(err, ErrNoProof) {
		t.Errorf("claimed roots short: %v", err)
	}
	unread := *tr.res
	unread.Rows = nil
	if _, err := NewBadAllocation(&unread, 1, tr.res.ProviderAllocRoots); !errors.Is(err, ErrNoProof) {
		t.Errorf("row not read: %v", err)
	}
	if _, err := NewRowResolution(&unread, 1); !errors.Is(err, ErrNoProof) {
		t.Errorf("row resolution without the row: %v", err)
	}
	if _, err := NewManifestResolution(tr.m, tr.res.ProvidersTree, 1); !errors.Is(err, ErrNoProof) {
		t.Errorf("manifest part 1 of 2 providers: %v", err)
	}
	d := Domain{ChainID: big.NewInt(1)}
	if _, err := SignBatch(BatchSpec{Domain: d}, nil); !errors.Is(err, ErrSigners) {
		t.Errorf("no signers: %v", err)
	}
	o := newOperator(t, testKey(0), 1)
	if _, err := SignBatch(BatchSpec{Domain: d}, []Signer{{1, o.sk}, {1, o.sk}}); !errors.Is(err, ErrSigners) {
		t.Errorf("repeated index: %v", err)
	}
	if _, err := SignBatch(BatchSpec{Domain: d}, []Signer{{256, o.sk}}); !errors.Is(err, ErrSigners) {
		t.Errorf("index 256: %v", err)
	}
	if err := DefaultParams(common.Address{1}).Check(); err != nil {
		t.Errorf("defaults: %v", err)
	}
	if err := (Params{}).Check(); !errors.Is(err, ErrInvalidParams) {
		t.Errorf("zero params: %v", err)
	}
}
