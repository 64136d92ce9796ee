// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// AVSBaseParams is an auto generated low-level Go binding around an user-defined struct.
type AVSBaseParams struct {
	Coordinator      common.Address
	ChallengeWindow  *big.Int
	ResolveWindow    *big.Int
	RevealWindow     *big.Int
	ExitDelay        *big.Int
	QuorumBps        *big.Int
	SlashBps         *big.Int
	BountyBps        *big.Int
	MinStake         *big.Int
	AvailabilityBond *big.Int
}

// AvailabilityChallengesChallenge is an auto generated low-level Go binding around an user-defined struct.
type AvailabilityChallengesChallenge struct {
	Challenger     common.Address
	ChallengeBlock uint64
	State          uint8
	Bond           *big.Int
}

// BN254G1Point is an auto generated low-level Go binding around an user-defined struct.
type BN254G1Point struct {
	X *big.Int
	Y *big.Int
}

// BN254G2Point is an auto generated low-level Go binding around an user-defined struct.
type BN254G2Point struct {
	X [2]*big.Int
	Y [2]*big.Int
}

// DenominatorAllocationAVSRoundView is an auto generated low-level Go binding around an user-defined struct.
type DenominatorAllocationAVSRoundView struct {
	Status          uint8
	CommitmentRoot  [32]byte
	ProvidersRoot   [32]byte
	ProviderCount   *big.Int
	EntryCount      *big.Int
	Attempt         *big.Int
	AllocTreeRoot   [32]byte
	AllocationRoot  [32]byte
	SignerBitmap    *big.Int
	SubmissionBlock *big.Int
	Deadline        *big.Int
	MaxDeadline     *big.Int
	OpenChallenges  *big.Int
}

// Entry is an auto generated low-level Go binding around an user-defined struct.
type Entry struct {
	Recipient common.Address
	Mr        *big.Int
	Residual  *big.Int
}

// EntryProof is an auto generated low-level Go binding around an user-defined struct.
type EntryProof struct {
	J     *big.Int
	Entry Entry
	Proof [][32]byte
}

// HeaderProof is an auto generated low-level Go binding around an user-defined struct.
type HeaderProof struct {
	P      *big.Int
	Header ProviderHeader
	Proof  [][32]byte
}

// OperatorRegistryOperator is an auto generated low-level Go binding around an user-defined struct.
type OperatorRegistryOperator struct {
	Addr      common.Address
	Active    bool
	ExitBlock uint64
}

// ProviderHeader is an auto generated low-level Go binding around an user-defined struct.
type ProviderHeader struct {
	Provider    common.Address
	Capacity    *big.Int
	EntryOffset *big.Int
	EntryCount  *big.Int
	EntriesRoot [32]byte
}

// DenominatorAllocationAVSMetaData contains all meta data concerning the DenominatorAllocationAVS contract.
var DenominatorAllocationAVSMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"coordinator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"challengeWindow\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"resolveWindow\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"revealWindow\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"exitDelay\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"quorumBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"slashBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"bountyBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minStake\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"availabilityBond\",\"type\":\"uint256\"}],\"internalType\":\"structAVSBase.Params\",\"name\":\"p\",\"type\":\"tuple\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"AlreadyChallenged\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"AlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"attempt\",\"type\":\"uint256\"}],\"name\":\"BatchNotVoided\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"paid\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"required\",\"type\":\"uint256\"}],\"name\":\"BondTooLow\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"}],\"name\":\"CapacityOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"ChallengeNotOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"lastBlock\",\"type\":\"uint256\"}],\"name\":\"ChallengeWindowClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"}],\"name\":\"ChallengesOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"DirtyAddress\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"keyHash\",\"type\":\"bytes32\"}],\"name\":\"DuplicateKey\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"expected\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"rebuilt\",\"type\":\"bytes32\"}],\"name\":\"EntriesRootMismatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EvidenceMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"FinalizeTooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"}],\"name\":\"InvalidAllocRootProof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"providerCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"}],\"name\":\"InvalidCounts\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"}],\"name\":\"InvalidEntryProof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"}],\"name\":\"InvalidHeaderProof\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidParams\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProofOfPossession\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidPublicKey\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ManifestMismatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoActiveStake\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoFraud\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"}],\"name\":\"NoLiveBatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoSigners\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"NoSuchObject\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotCoordinator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"NotExited\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"NotRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"NothingOwed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"OperatorNotActive\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"precompile\",\"type\":\"uint256\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"ProofWindowClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"signingStake\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"activeStake\",\"type\":\"uint256\"}],\"name\":\"QuorumNotMet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"lastBlock\",\"type\":\"uint256\"}],\"name\":\"ResolveWindowClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"lastBlock\",\"type\":\"uint256\"}],\"name\":\"ResolveWindowOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"enumAVSBase.RoundStatus\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"RoundNotOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"SignerNotActive\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minimum\",\"type\":\"uint256\"}],\"name\":\"StakeBelowMinimum\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TooManyOperators\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"entry\",\"type\":\"uint256\"}],\"name\":\"ValueOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"withdrawableBlock\",\"type\":\"uint256\"}],\"name\":\"WithdrawalTooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"WrongAttempt\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"given\",\"type\":\"uint256\"}],\"name\":\"WrongPartSize\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"WrongProviderCount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"WrongRound\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"given\",\"type\":\"uint256\"}],\"name\":\"WrongRowLength\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"attempt\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"allocTreeRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"signerBitmap\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32[]\",\"name\":\"providerAllocRoots\",\"type\":\"bytes32[]\"}],\"name\":\"AllocationBatchDetails\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"allocationRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"operatorCount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"timestamp\",\"type\":\"uint256\"}],\"name\":\"AllocationBatchSubmitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"attempt\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"resolveBy\",\"type\":\"uint256\"}],\"name\":\"AvailabilityChallenged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"attempt\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"kind\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"provider\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"entry\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"slashedTotal\",\"type\":\"uint256\"}],\"name\":\"FraudProven\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"attempt\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"part\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"indexed\":false,\"internalType\":\"structProviderHeader[]\",\"name\":\"headers\",\"type\":\"tuple[]\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"ManifestRevealed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"commitmentRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"timestamp\",\"type\":\"uint256\"}],\"name\":\"NewRoundCommitments\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"withdrawableBlock\",\"type\":\"uint256\"}],\"name\":\"OperatorExitRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256[2]\",\"name\":\"pkG1\",\"type\":\"uint256[2]\"},{\"indexed\":false,\"internalType\":\"uint256[4]\",\"name\":\"pkG2\",\"type\":\"uint256[4]\"}],\"name\":\"OperatorRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"OperatorSlashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"OperatorWithdrawn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"providersRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"providerCount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"}],\"name\":\"RoundCommitmentsOpened\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"allocationRoot\",\"type\":\"bytes32\"}],\"name\":\"RoundFinalized\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"attempt\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"provider\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"indexed\":false,\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"indexed\":false,\"internalType\":\"structEntry[]\",\"name\":\"entries\",\"type\":\"tuple[]\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"RowRevealed\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"BATCH_DOMAIN\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_OPERATORS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_PROVIDERS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_ROW_ENTRIES\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PART_SIZE\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"POP_DOMAIN\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"activeApk\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"activeBitmap\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"activeStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"availabilityBond\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"attempt\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"allocationRoot\",\"type\":\"bytes32\"}],\"name\":\"batchMessage\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"bountyBps\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"burned\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"challengeAvailability\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"challengeWindow\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"providersRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"providerCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"}],\"name\":\"commitRound\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"coordinator\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"exit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"exitDelay\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"}],\"name\":\"finalizeRound\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"attempt\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"getChallenge\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"challengeBlock\",\"type\":\"uint64\"},{\"internalType\":\"enumAvailabilityChallenges.ChallengeState\",\"name\":\"state\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"bond\",\"type\":\"uint256\"}],\"internalType\":\"structAvailabilityChallenges.Challenge\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"}],\"name\":\"getRound\",\"outputs\":[{\"components\":[{\"internalType\":\"enumAVSBase.RoundStatus\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"commitmentRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"providersRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"providerCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"attempt\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"allocTreeRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"allocationRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"signerBitmap\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"submissionBlock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxDeadline\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"openChallenges\",\"type\":\"uint256\"}],\"internalType\":\"structDenominatorAllocationAVS.RoundView\",\"name\":\"v\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"keyRegistered\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"latestRound\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"operatorAt\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"addr\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"active\",\"type\":\"bool\"},{\"internalType\":\"uint64\",\"name\":\"exitBlock\",\"type\":\"uint64\"}],\"internalType\":\"structOperatorRegistry.Operator\",\"name\":\"op\",\"type\":\"tuple\"},{\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"pkG1\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"operatorIndex\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"owed\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"pkG1\",\"type\":\"tuple\"}],\"name\":\"popMessage\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"h\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structEntry[]\",\"name\":\"entries\",\"type\":\"tuple[]\"},{\"internalType\":\"bytes32\",\"name\":\"claimedRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"claimedProof\",\"type\":\"bytes32[]\"}],\"name\":\"proveBadAllocation\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"h\",\"type\":\"tuple\"}],\"name\":\"proveCapacityRange\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"h\",\"type\":\"tuple\"}],\"name\":\"proveEntryCount\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof[]\",\"name\":\"hs\",\"type\":\"tuple[]\"}],\"name\":\"proveEntryOffset\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"h\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structEntry\",\"name\":\"entry\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structEntryProof\",\"name\":\"e\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structEntry\",\"name\":\"entry\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structEntryProof\",\"name\":\"next\",\"type\":\"tuple\"}],\"name\":\"proveEntryOrder\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"h\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structEntry\",\"name\":\"entry\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structEntryProof\",\"name\":\"e\",\"type\":\"tuple\"}],\"name\":\"proveMrRange\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"h\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"next\",\"type\":\"tuple\"}],\"name\":\"proveProviderOrder\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"h\",\"type\":\"tuple\"}],\"name\":\"proveProviderZero\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"h\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structEntry\",\"name\":\"entry\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structEntryProof\",\"name\":\"e\",\"type\":\"tuple\"}],\"name\":\"proveRecipientZero\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"hp\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"hq\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structEntry\",\"name\":\"entry\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structEntryProof\",\"name\":\"ej\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structEntry\",\"name\":\"entry\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structEntryProof\",\"name\":\"el\",\"type\":\"tuple\"}],\"name\":\"proveResidualConsistency\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"h\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structEntry\",\"name\":\"entry\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structEntryProof\",\"name\":\"e\",\"type\":\"tuple\"}],\"name\":\"proveResidualRange\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"quorumBps\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"attempt\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"refundBond\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"pkG1\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256[2]\",\"name\":\"X\",\"type\":\"uint256[2]\"},{\"internalType\":\"uint256[2]\",\"name\":\"Y\",\"type\":\"uint256[2]\"}],\"internalType\":\"structBN254.G2Point\",\"name\":\"pkG2\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"pop\",\"type\":\"tuple\"}],\"name\":\"registerOperator\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registeredBitmap\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"part\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader[]\",\"name\":\"headers\",\"type\":\"tuple[]\"},{\"internalType\":\"bytes32\",\"name\":\"otherPartRoot\",\"type\":\"bytes32\"}],\"name\":\"resolveManifestPart\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader\",\"name\":\"header\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structHeaderProof\",\"name\":\"h\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structEntry[]\",\"name\":\"entries\",\"type\":\"tuple[]\"}],\"name\":\"resolveRow\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"resolveWindow\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"revealWindow\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"slashBps\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"slashUnavailable\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"attempt\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"providerAllocRoots\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint256\",\"name\":\"signerBitmap\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256[2]\",\"name\":\"X\",\"type\":\"uint256[2]\"},{\"internalType\":\"uint256[2]\",\"name\":\"Y\",\"type\":\"uint256[2]\"}],\"internalType\":\"structBN254.G2Point\",\"name\":\"apkG2\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"sigma\",\"type\":\"tuple\"}],\"name\":\"submitAllocationBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"entryProof\",\"type\":\"bytes32[]\"},{\"internalType\":\"bytes32[]\",\"name\":\"providerProof\",\"type\":\"bytes32[]\"}],\"name\":\"verifyAllocation\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "3422a447a4b9e7fcea7424e0d62c4add32",
	Bin: "0x6101c0604052348015610010575f5ffd5b5060405161594a38038061594a83398101604081905261002f91610197565b61010081015160808083015191905260a052805181906001600160a01b0316158061005c57506020810151155b8061006957506040810151155b8061009a57508060600151816040015182602001516100889190610222565b6100929190610222565b816080015111155b806100a7575060a0810151155b806100b757506127108160a00151115b806100c757506127108160c00151115b806100d757506127108160e00151115b156100f557604051635435b28960e11b815260040160405180910390fd5b80516001600160a01b031660c0908152602082015160e0908152604083015161010052606083015161012090815260a08401516101405291830151610160528201516101805201516101a05250610247565b60405161014081016001600160401b038111828210171561017657634e487b7160e01b5f52604160045260245ffd5b60405290565b80516001600160a01b0381168114610192575f5ffd5b919050565b5f6101408284031280156101a9575f5ffd5b506101b2610147565b6101bb8361017c565b81526020838101519082015260408084015190820152606080840151908201526080808401519082015260a0808401519082015260c0808401519082015260e080840151908201526101008084015190820152610120928301519281019290925250919050565b8082018082111561024157634e487b7160e01b5f52601160045260245ffd5b92915050565b60805160a05160c05160e05161010051610120516101405161016051610180516101a05161560f61033b5f395f81816108590152818161299b01526129d501525f81816105da015261379301525f818161033c01526140d101525f818161098e015261365a01525f81816107450152818161329701526134b701525f81816104580152818161213301528181612b4c015281816131a701526134d901525f818161071201528181611b63015281816128d201526134ff01525f81816103a30152610d6e01525f81816104f8015281816112080152612eb501525f81816105930152818161239b01526123d6015261560f5ff3fe608060405260043610610327575f3560e01c8063861a1412116101a3578063ba60ce04116100f2578063dcb6777911610092578063e85f4d291161006d578063e85f4d2914610a37578063e9356d0614610a56578063e9fad8ee14610a75578063fbcdbf9214610a89575f5ffd5b8063dcb67779146109c3578063df18e047146109f6578063e68749b814610a22575f5ffd5b8063bfdd4c9d116100cd578063bfdd4c9d1461093f578063cb742ba61461095e578063cd2ddd0c1461097d578063d18f78bf146109b0575f5ffd5b8063ba60ce04146108f7578063bd49c35f1461090a578063bee5d38b14610920575f5ffd5b806399a4deea1161015d578063b1e813c811610138578063b1e813c81461087b578063b73b37b51461089a578063b7920eb9146108b9578063b9089d76146108d8575f5ffd5b806399a4deea14610813578063a19f4da914610829578063af28f39314610848575f5ffd5b8063861a141214610701578063863d22c7146107345780638f1327c01461076757806392ace61f1461079357806392fe62b9146107b257806397f9d655146107f4575f5ffd5b806334d1f557116102795780634e71d92d1161021957806370660238116101f4578063706602381461068e57806373f42561146106ad5780637cfe96a2146106c35780637e37865a146106e2575f5ffd5b80634e71d92d14610645578063668a0f02146106595780636c0e83611461066f575f5ffd5b80633ccfd60b116102545780633ccfd60b146105b5578063415307cc146105c95780634a4bc5dc146105fc5780634aaa8e4b14610612575f5ffd5b806334d1f5571461056d578063375b3c0a1461058257806339cf4fc31461056d575f5ffd5b806321cf39ee116102e457806328388630116102bf57806328388630146104e75780632b78c9f71461051a5780632e5970f01461052f5780633469f6e21461054e575f5ffd5b806321cf39ee14610447578063261423351461047a57806326231ea7146104a8575f5ffd5b80630681e6511461032b57806306d72c8a146103715780630a009097146103925780630cc50406146103dd5780630df8631b146103fc57806315962b0214610428575b5f5ffd5b348015610336575f5ffd5b5061035e7f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b34801561037c575f5ffd5b5061039061038b366004614798565b610aa8565b005b34801561039d575f5ffd5b506103c57f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610368565b3480156103e8575f5ffd5b506103906103f736600461489d565b610b8a565b348015610407575f5ffd5b5061041b61041636600461491b565b610ca6565b6040516103689190614985565b348015610433575f5ffd5b506103906104423660046149cf565b610d63565b348015610452575f5ffd5b5061035e7f000000000000000000000000000000000000000000000000000000000000000081565b348015610485575f5ffd5b506104996104943660046149fe565b610f2d565b60405161036893929190614a15565b3480156104b3575f5ffd5b506104d76104c23660046149fe565b6104016020525f908152604090205460ff1681565b6040519015158152602001610368565b3480156104f2575f5ffd5b5061035e7f000000000000000000000000000000000000000000000000000000000000000081565b348015610525575f5ffd5b5061035e61010081565b34801561053a575f5ffd5b50610390610549366004614a60565b611008565b348015610559575f5ffd5b506103906105683660046149fe565b611099565b348015610578575f5ffd5b5061035e61040081565b34801561058d575f5ffd5b5061035e7f000000000000000000000000000000000000000000000000000000000000000081565b3480156105c0575f5ffd5b50610390611194565b3480156105d4575f5ffd5b5061035e7f000000000000000000000000000000000000000000000000000000000000000081565b348015610607575f5ffd5b5061035e6104025481565b34801561061d575f5ffd5b5061035e7fa5ce1cb48277636ec55f37370b0fe2326ba89438e45ae71511b23c06dd9ad8c081565b348015610650575f5ffd5b50610390611342565b348015610664575f5ffd5b5061035e6104085481565b34801561067a575f5ffd5b50610390610689366004614acb565b611392565b348015610699575f5ffd5b506103906106a8366004614b60565b611479565b3480156106b8575f5ffd5b5061035e6104075481565b3480156106ce575f5ffd5b506103906106dd366004614a60565b611501565b3480156106ed575f5ffd5b506103906106fc366004614b60565b611592565b34801561070c575f5ffd5b5061035e7f000000000000000000000000000000000000000000000000000000000000000081565b34801561073f575f5ffd5b5061035e7f000000000000000000000000000000000000000000000000000000000000000081565b348015610772575f5ffd5b506107866107813660046149fe565b611601565b6040516103689190614bb0565b34801561079e575f5ffd5b506103906107ad366004614c4b565b6117c3565b3480156107bd575f5ffd5b506040805180820182525f808252602091820152815180830190925261040554825261040654908201526040516103689190614cac565b3480156107ff575f5ffd5b5061039061080e366004614cc3565b611896565b34801561081e575f5ffd5b5061035e6104035481565b348015610834575f5ffd5b50610390610843366004614da7565b611a36565b348015610853575f5ffd5b5061035e7f000000000000000000000000000000000000000000000000000000000000000081565b348015610886575f5ffd5b50610390610895366004614b60565b611c91565b3480156108a5575f5ffd5b506103906108b4366004614e25565b611d06565b3480156108c4575f5ffd5b506103906108d3366004614e6c565b612098565b3480156108e3575f5ffd5b506103906108f236600461491b565b6122bc565b610390610905366004614e9f565b612399565b348015610915575f5ffd5b5061035e6104045481565b34801561092b575f5ffd5b5061035e61093a366004614ee3565b6127b4565b34801561094a575f5ffd5b5061035e610959366004614f22565b612826565b348015610969575f5ffd5b5061035e610978366004614f9e565b612836565b348015610988575f5ffd5b5061035e7f000000000000000000000000000000000000000000000000000000000000000081565b6103906109be366004614e6c565b6128b8565b3480156109ce575f5ffd5b5061035e7f3949b28240c36efe6ddfda8b890e07165399f9a9c7fe31740f83026b0db9778e81565b348015610a01575f5ffd5b5061035e610a10366004614f22565b61040a6020525f908152604090205481565b348015610a2d575f5ffd5b5061035e61020081565b348015610a42575f5ffd5b50610390610a51366004614fd0565b612bbc565b348015610a61575f5ffd5b50610390610a70366004614a60565b612cf1565b348015610a80575f5ffd5b50610390612d73565b348015610a94575f5ffd5b506104d7610aa3366004615079565b612eef565b5f610ab286612f9c565b9050610abe8186612ffa565b610ac88185612ffa565b610ad58560200184613054565b610ae28460200183613054565b610af26040830160208401614f22565b6001600160a01b0316610b0b6040850160208601614f22565b6001600160a01b0316141580610b28575060608381013590830135145b15610b465760405163bb6a9cb560e01b815260040160405180910390fd5b604080518082019091526014815273726573696475616c2d636f6e73697374656e637960601b6020820152610b829087908390883587356130a7565b505050505050565b5f610b94856130c8565b90505f610ba5868360018835613118565b9050610bb18286612ffa565b60808501358314610be7576040516310d480fd60e21b815260808601356004820152602481018490526044015b60405180910390fd5b5f610bf2858561320b565b905060a08601358114610c25576040516334ace2e760e11b815260a0870135600482015260248101829052604401610bde565b5f610c308484613246565b9050877f8b1f94764a6dc51aafcde7a5dd00422b0cf71db8bc89b52fe086a537357e8dc18560030160089054906101000a900463ffffffff16895f01358a6020018a8a87604051610c869695949392919061516c565b60405180910390a2610c9c338460010154613324565b5050505050505050565b604080516080810182525f80825260208201819052918101829052606081019190915261040b5f610cd9878787876133a6565b815260208082019290925260409081015f20815160808101835281546001600160a01b0381168252600160a01b81046001600160401b031694820194909452929091830190600160e01b900460ff166003811115610d3957610d39614955565b6003811115610d4a57610d4a614955565b815260200160018201548152505090505b949350505050565b336001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614610dae5760405163f01654df60e01b8152336004820152602401610bde565b61040854610dbd90600161520e565b8414610df65761040854610dd290600161520e565b604051635f8833f960e01b8152600481019190915260248101859052604401610bde565b811580610e04575061040082115b80610e195750610e1682610400615221565b81115b15610e41576040516344a6750f60e01b81526004810183905260248101829052604401610bde565b6104088490555f8481526104096020526040902083815560038101805463ffffffff8481166401000000000267ffffffffffffffff1990921690861617178082556001919060ff60f01b1916600160f01b8302179055505f610ea5868686866133ed565b6040805182815242602082015291925087917ff12e530ddea92f648b48311082ed2f76349c0422bb8e6da71fd98697e790f8bb910160405180910390a2604080518681526020810186905290810184905286907fcda14c0c1536c86575772f68591318d9313b34c05f0b26bafac0505ebe87bb509060600160405180910390a2505050505050565b604080516060810182525f80825260208083018290528284018290528351808501909452818452830181905290915f846101008110610f6e57610f6e615238565b01610100856101008110610f8457610f84615238565b0154610200866101008110610f9b57610f9b615238565b6040805160608101825294546001600160a01b0381168652600160a01b810460ff161515602080880191909152600160a81b9091046001600160401b0316868301528151808301909252600292909202929092018054835260010154908201529196909550909350915050565b5f61101284612f9c565b905061101e8184612ffa565b61102b8360200183613054565b6040820135158015906110455750600160401b6040830135105b156110635760405163bb6a9cb560e01b815260040160405180910390fd5b6040805180820190915260088152676d722d72616e676560c01b60208201526110939085908390863586356130a7565b50505050565b5f6110a3826130c8565b6003810154909150600160a01b90046001600160401b031643116110f15760038101546040516346ecef6760e11b8152600160a01b9091046001600160401b03166004820152602401610bde565b6003810154600160e01b900461ffff1615611131576003810154604051637080867b60e11b8152600160e01b90910461ffff166004820152602401610bde565b60038101805460ff60f01b1916600360f01b179055817ff2f533cf2eb9fa23fbe8b8fec5b08046ae79a77d087f487dc9651207a19f269b61117f6111758385613416565b8460010154613444565b60405190815260200160405180910390a25050565b5f61119e3361345f565b90505f5f8261010081106111b4576111b4615238565b018054909150600160a01b900460ff16806111de57508054600160a81b90046001600160401b0316155b156111fe5760405163017c3f6360e61b8152336004820152602401610bde565b80545f9061123d907f000000000000000000000000000000000000000000000000000000000000000090600160a81b90046001600160401b031661520e565b90508043101561126357604051637b22254760e11b815260048101829052602401610bde565b5f61010084610100811061127957611279615238565b015490505f84610100811061129057611290615238565b0180546001600160e81b0319169055610100848181106112b2576112b2615238565b015f90556102008461010081106112cb576112cb615238565b5f600291909102919091018181556001908101829055338083526104006020908152604080852094909455610402805493891b1990931690925591518381528692917fc7d95925cbe65a635028e293866e29992e04b3258417f5ded0be096f72748ed5910160405180910390a36110933382613324565b335f90815261040a60205260408120549081900361137557604051633a8d87ed60e11b8152336004820152602401610bde565b335f81815261040a602052604081205561138f9082613324565b50565b5f61139c85612f9c565b90506113a88185612ffa565b6113b58460200184613054565b6113c28460200183613054565b6113ce8335600161520e565b8235146113ee5760405163067e83e560e31b815260040160405180910390fd5b6113fe6040840160208501614f22565b6001600160a01b03166114176040840160208501614f22565b6001600160a01b0316111561143f5760405163bb6a9cb560e01b815260040160405180910390fd5b60408051808201909152600b81526a32b73a393c96b7b93232b960a91b60208201526114729086908390873587356130a7565b5050505050565b5f61148383612f9c565b905061148f8183612ffa565b5f6114a06040840160208501614f22565b6001600160a01b0316146114c75760405163bb6a9cb560e01b815260040160405180910390fd5b6114fc83826040518060400160405280600d81526020016c70726f76696465722d7a65726f60981b815250855f01355f6130a7565b505050565b5f61150b84612f9c565b90506115178184612ffa565b6115248360200183613054565b5f6115356040840160208501614f22565b6001600160a01b03161461155c5760405163bb6a9cb560e01b815260040160405180910390fd5b60408051808201909152600e81526d726563697069656e742d7a65726f60901b60208201526110939085908390863586356130a7565b5f61159c83612f9c565b90506115a88183612ffa565b6104006080830135116115ce5760405163bb6a9cb560e01b815260040160405180910390fd5b6114fc83826040518060400160405280600b81526020016a195b9d1c9e4b58dbdd5b9d60aa1b815250855f01355f6130a7565b611660604080516101a08101909152805f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f81525090565b5f828152610409602052604090206003808201548391600160f01b90910460ff169081111561169157611691614955565b908160038111156116a4576116a4614955565b9052505f600382810154600160f01b900460ff16908111156116c8576116c8614955565b036116d35750919050565b6116dd8382613416565b602083015280546040830152600381015463ffffffff8082166060850152640100000000820481166080850152600160401b9091041660a08301526001600382810154600160f01b900460ff169081111561173a5761173a614955565b036117455750919050565b600181015460c08301819052602083015161175f91613444565b60e0830152600281015461010083015260038101546001600160401b03600160601b82048116610120850152600160a01b909104166101408301526117a3816134ae565b61016083015260030154600160e01b900461ffff16610180820152919050565b5f6117cd84612f9c565b90506117d98184612ffa565b6117e38183612ffa565b6117ef8335600161520e565b82351461180f5760405163067e83e560e31b815260040160405180910390fd5b61181f6040840160208501614f22565b6001600160a01b03166118386040840160208501614f22565b6001600160a01b031611156118605760405163bb6a9cb560e01b815260040160405180910390fd5b61109384826040518060400160405280600e81526020016d383937bb34b232b916b7b93232b960911b815250865f01355f6130a7565b5f6118a0866130c8565b90505f6118af87838389613118565b600383015490915063ffffffff165f610200821161190c578582146118f15760405163234fdef160e11b81526004810183905260248101879052604401610bde565b6119055f888861190086613548565b61357f565b905061199a565b5f88156119245761191f6102008461524c565b611928565b6102005b90508681146119545760405163234fdef160e11b81526004810182905260248101889052604401610bde565b5f61196d6119646102008c615221565b8a8a600961357f565b90508915611987575f878152602082905260409020611995565b5f8181526020889052604090205b925050505b835481146119bb5760405163114a3f7160e11b815260040160405180910390fd5b5f6119c68585613246565b9050897f13dd470eb4b5689cee3f26a43c257581c92ea47b9300eebdf6dc402f3c6f5fbb8660030160089054906101000a900463ffffffff168b8b8b86604051611a1495949392919061525f565b60405180910390a2611a2a338560010154613324565b50505050505050505050565b5f878152610409602052604090206001600382810154600160f01b900460ff1690811115611a6657611a66614955565b14611a99578781600301601e9054906101000a900460ff166040516346facf4d60e11b8152600401610bde9291906152bf565b6003810154600160401b900463ffffffff168714611ae5576003810154604051635ee04a0d60e11b8152600160401b90910463ffffffff16600482015260248101889052604401610bde565b600381015463ffffffff168514611b24576003810154604051631ccfbe3b60e01b815263ffffffff909116600482015260248101869052604401610bde565b5f611b2f878761361c565b90505f611b45611b3f8b85613416565b83613444565b9050611b5d611b558b8b846127b4565b878787613649565b5f611b887f00000000000000000000000000000000000000000000000000000000000000004361520e565b60018501849055600285018890556003850180546001600160401b03838116600160a01b0267ffffffffffffffff60a01b194392909216600160601b02919091166fffffffffffffffffffffffffffffffff60601b19909216919091171760ff60f01b1916600160f11b17905590508a7fdc13f287b26b1497b5f45175ad940b19ae3f0f8cd9391f568bad9580de17c22383611c238a613736565b604080519283526020830191909152429082015260600160405180910390a28a7f2a4fa7aef6d9a5fca32c81a7ceb13d180faa9406007c8d4682d349f7ba890fd48b858a858e8e604051611c7c969594939291906152dc565b60405180910390a25050505050505050505050565b5f611c9b83612f9c565b9050611ca78183612ffa565b600160801b60408301351015611cd05760405163bb6a9cb560e01b815260040160405180910390fd5b6114fc83826040518060400160405280600e81526020016d63617061636974792d72616e676560901b815250855f01355f6130a7565b5f611d1084612f9c565b90505f6002839003611e5b57611d498285855f818110611d3257611d32615238565b9050602002810190611d44919061532e565b612ffa565b611d608285856001818110611d3257611d32615238565b83835f818110611d7257611d72615238565b9050602002810190611d84919061532e565b611d909035600161520e565b84846001818110611da357611da3615238565b9050602002810190611db5919061532e565b3514611dd45760405163067e83e560e31b815260040160405180910390fd5b611e5384845f818110611de957611de9615238565b9050602002810190611dfb919061532e565b6060013585855f81611e0f57611e0f615238565b9050602002810190611e21919061532e565b6080013586866001818110611e3857611e38615238565b9050602002810190611e4a919061532e565b60600135613755565b159050612025565b600183148015611ed6575083835f818110611e7857611e78615238565b9050602002810190611e8a919061532e565b351580611ed657506003820154611ea99060019063ffffffff1661534c565b63ffffffff1684845f818110611ec157611ec1615238565b9050602002810190611ed3919061532e565b35145b1561200c57611ef18285855f818110611d3257611d32615238565b83835f818110611f0357611f03615238565b9050602002810190611f15919061532e565b355f03611f495783835f818110611f2e57611f2e615238565b9050602002810190611f40919061532e565b60600135151590505b6003820154611f609060019063ffffffff1661534c565b63ffffffff1684845f818110611f7857611f78615238565b9050602002810190611f8a919061532e565b35036120075780806120045750611e5384845f818110611fac57611fac615238565b9050602002810190611fbe919061532e565b6060013585855f81611fd257611fd2615238565b9050602002810190611fe4919061532e565b60038501546080909101359063ffffffff64010000000090910416613755565b90505b612025565b60405163067e83e560e31b815260040160405180910390fd5b806120435760405163bb6a9cb560e01b815260040160405180910390fd5b61147285836040518060400160405280600c81526020016b195b9d1c9e4b5bd9999cd95d60a21b81525087875f81811061207f5761207f615238565b9050602002810190612091919061532e565b355f6130a7565b5f6120a2846130c8565b90505f61040b5f6120cf878560030160089054906101000a900463ffffffff1663ffffffff1688886133a6565b815260208101919091526040015f20905060018154600160e01b900460ff1660038111156120ff576120ff614955565b14612129576040516351f7237d60e11b815260ff8516600482015260248101849052604401610bde565b80545f90612168907f000000000000000000000000000000000000000000000000000000000000000090600160a01b90046001600160401b031661520e565b905080431161218d57604051633e50695160e21b815260048101829052602401610bde565b815460ff60e01b1916600360e01b1782555f60ff8616156121d5576040518060400160405280600f81526020016e756e617661696c61626c652d726f7760881b815250612203565b604051806040016040528060148152602001731d5b985d985a5b18589b194b5b585b9a59995cdd60621b8152505b6001840154909150612214856134ae565b4311612249578354612238908990879085908a905f906001600160a01b031661376e565b612242908261520e565b90506122a7565b5f6122538661383d565b5085546040519192506001600160a01b0316908a907f4f3e59d25a3ffcce30c6e4cb5dd24de53590258ff2e3a572847f5ec0d7fc69e49061229d90859088908d905f908190615396565b60405180910390a3505b8354610c9c906001600160a01b0316826138a3565b5f8481526104096020526040902060030154600160401b900463ffffffff16831061230457604051630a625b7160e11b81526004810185905260248101849052604401610bde565b5f61040b5f612315878787876133a6565b815260208101919091526040015f20905060018154600160e01b900460ff16600381111561234557612345614955565b1461236f576040516351f7237d60e11b815260ff8416600482015260248101839052604401610bde565b8054600360e01b60ff60e01b1982161782556001820154611472916001600160a01b0316906138a3565b7f0000000000000000000000000000000000000000000000000000000000000000341015612402576040516378e030db60e01b81523460048201527f00000000000000000000000000000000000000000000000000000000000000006024820152604401610bde565b335f908152610400602052604090205415612432576040516345ed80e960e01b8152336004820152602401610bde565b610402546001810161245757604051636055dca160e01b815260040160405180910390fd5b5f612462821961393c565b90505f612474368790038701876153cb565b90505f612486368690038601866153cb565b905061249182613954565b806124a257506124a082613969565b155b806124b357506124b181613969565b155b156124d15760405163145a1fdd60e31b815260040160405180910390fd5b85351580156124e257506020860135155b80156124f057506040860135155b80156124fe57506060860135155b1561251c5760405163145a1fdd60e31b815260040160405180910390fd5b5f825f01518360200151604051602001612540929190918252602082015260400190565b60408051601f1981840301815291815281516020928301205f81815261040190935291205490915060ff161561258c5760405163087f1bff60e01b815260048101829052602401610bde565b6125af6125993385612836565b846125a9368b90038b018b615432565b85613a14565b6125cc576040516392536faf60e01b815260040160405180910390fd5b5f81815261040160209081526040808320805460ff1916600190811790915581516060810183523381529283015281018290529085610100811061261257612612615238565b82519101805460208401516040909401516001600160401b0316600160a81b0267ffffffffffffffff60a81b19941515600160a01b026001600160a81b03199092166001600160a01b03909416939093171792909216179055346101008581811061267f5761267f615238565b01558261020085610100811061269757612697615238565b600202015f820151815f0155602082015181600101559050508360016126bd919061520e565b335f90815261040060205260408120919091556001851b868117610402556104038054909117905561040480543492906126f890849061520e565b9091555050604080518082019091526104055481526104065460208201526127209084613a8b565b8051610405556020908101516104065560408051808201825285518152858301518184015281516080810183528a3581528a8401359381019390935289820135838301526060808b0135908401529051869233927f0a302ba042f0961880e80124b6f109ce2f94ea78e255fb3c8f133611b619dbb3926127a292349291615471565b60405180910390a35050505050505050565b604080517fa5ce1cb48277636ec55f37370b0fe2326ba89438e45ae71511b23c06dd9ad8c0602082015246918101919091523060608201526080810184905260a0810183905260c081018290525f9060e0015b6040516020818303038152906040528051906020012090509392505050565b5f6128308261345f565b92915050565b8051602080830151604080517f3949b28240c36efe6ddfda8b890e07165399f9a9c7fe31740f83026b0db9778e9381019390935246908301523060608301526001600160a01b038516608083015260a082019290925260c08101919091525f9060e0015b60405160208183030381529060405280519060200120905092915050565b5f6128c2846130c8565b60038101549091505f90612907907f000000000000000000000000000000000000000000000000000000000000000090600160601b90046001600160401b031661520e565b90508043111561292d57604051634046dd8160e01b815260048101829052602401610bde565b5f60ff85161561294757600383015463ffffffff1661295b565b600383015461295b9063ffffffff16613af5565b9050600160ff8616118061296f5750808410155b1561299957604051637b466d1360e01b815260ff8616600482015260248101859052604401610bde565b7f0000000000000000000000000000000000000000000000000000000000000000341015612a0157604051620155b560e01b81523460048201527f00000000000000000000000000000000000000000000000000000000000000006024820152604401610bde565b5f61040b5f612a2c898760030160089054906101000a900463ffffffff1663ffffffff168a8a6133a6565b815260208101919091526040015f90812091508154600160e01b900460ff166003811115612a5c57612a5c614955565b14612a865760405163b43e4d6960e01b815260ff8716600482015260248101869052604401610bde565b80546001600160e01b0319163367ffffffffffffffff60a01b191617600160a01b436001600160401b03160217808255600190829060ff60e01b1916600160e01b83021790555034600182810191909155600385018054601c90612af6908490600160e01b900461ffff166154d2565b92506101000a81548161ffff021916908361ffff160217905550867f2f9cd17e98a21f50e02d561f8bd89e10498897412495485ca55c05ddf4be23578560030160089054906101000a900463ffffffff168888337f000000000000000000000000000000000000000000000000000000000000000043612b76919061520e565b6040805163ffffffff909616865260ff9094166020860152928401919091526001600160a01b03166060830152608082015260a00160405180910390a250505050505050565b5f612bc688612f9c565b9050612bd28188612ffa565b60018101546003820154612bf3919086908a359063ffffffff168787613b13565b612c13576040516325fd69b760e21b815287356004820152602401610bde565b60808701358514612c44576040516310d480fd60e21b81526080880135600482015260248101869052604401610bde565b5f80612c65612c5960408b0160208c01614f22565b60408b01358a8a613b52565b909250905060a08901358214612c9b576040516334ace2e760e11b815260a08a0135600482015260248101839052604401610bde565b858103612cbb5760405163bb6a9cb560e01b815260040160405180910390fd5b611a2a8a846040518060400160405280600e81526020016d3130b216b0b63637b1b0ba34b7b760911b8152508c5f01355f6130a7565b5f612cfb84612f9c565b9050612d078184612ffa565b612d148360200183613054565b600160801b60608301351015612d3d5760405163bb6a9cb560e01b815260040160405180910390fd5b60408051808201909152600e81526d726573696475616c2d72616e676560901b60208201526110939085908390863586356130a7565b5f612d7d3361345f565b90505f5f826101008110612d9357612d93615238565b018054909150600160a01b900460ff16612dc2576040516371ab6ad560e11b8152336004820152602401610bde565b805468ffffffffffffffffff60a01b1916600160a81b436001600160401b03160217815561040380546001841b1916905561010082818110612e0657612e06615238565b01546104045f828254612e19919061524c565b909155505060408051808201909152610405548152610406546020820152612e7f90612e7a610200856101008110612e5357612e53615238565b600202016040518060400160405290815f8201548152602001600182015481525050613bf5565b613a8b565b805161040555602001516104065581337fdcf7c5782b66661d7162255917d0a3b6eb736d350a6a3665d3bd784af56106bb612eda7f00000000000000000000000000000000000000000000000000000000000000004361520e565b60405190815260200160405180910390a35050565b5f8a8152610409602052604081206002600382810154600160f01b900460ff1690811115612f1f57612f1f614955565b14158015612f4c575060038082810154600160f01b900460ff1690811115612f4957612f49614955565b14155b15612f5a575f915050612f8e565b5f612f668a8a8a613c86565b60018301546003840154919250612f899163ffffffff168e8e858c8c8c8c613cb4565b925050505b9a9950505050505050505050565b5f612fa6826130c8565b6003810154909150600160a01b90046001600160401b0316431115612ff557600381015460405163c38b36e360e01b8152600160a01b9091046001600160401b03166004820152602401610bde565b919050565b5f613009823560208401613cfa565b8354600385015491925061303491839085359063ffffffff1661302f60c08801886154ec565b613b13565b6114fc57604051632ce082ff60e21b815282356004820152602401610bde565b5f613063602083018335613d39565b9050613087836080013582845f0135866060013586806080019061302f91906154ec565b6114fc57604051632addc6db60e11b815282356004820152602401610bde565b5f6130b686868686863361376e565b90508015610b8257610b823382613324565b5f818152610409602052604090206002600382810154600160f01b900460ff16908111156130f8576130f8614955565b14612ff55760405162bcd90f60e81b815260048101839052602401610bde565b5f61040b5f613143878760030160089054906101000a900463ffffffff1663ffffffff1687876133a6565b815260208101919091526040015f20905060018154600160e01b900460ff16600381111561317357613173614955565b1461319d576040516351f7237d60e11b815260ff8416600482015260248101839052604401610bde565b80545f906131dc907f000000000000000000000000000000000000000000000000000000000000000090600160a01b90046001600160401b031661520e565b90508043111561320257604051630d72678d60e21b815260048101829052602401610bde565b50949350505050565b5f8061322c61321b84600161520e565b6040805160059290921b8201905290565b9050613239848483613d71565b50610d5b90508184613e22565b805460ff60e01b1916600160e11b1781556003820180545f91600191601c9061327b908490600160e01b900461ffff16615531565b92506101000a81548161ffff021916908361ffff1602179055507f0000000000000000000000000000000000000000000000000000000000000000436132c1919061520e565b6003840154909150600160a01b90046001600160401b03168110156132f757506003820154600160a01b90046001600160401b03165b600392909201805467ffffffffffffffff60a01b1916600160a01b6001600160401b038516021790555090565b5f826001600160a01b0316826040515f6040518083038185875af1925050503d805f811461336d576040519150601f19603f3d011682016040523d82523d5f602084013e613372565b606091505b50509050806114fc57604051630e21dcbb60e11b81526001600160a01b038416600482015260248101839052604401610bde565b604080516020810186905290810184905260ff83166060820152608081018290525f9060a0015b604051602081830303815290604052805190602001209050949350505050565b604080516020810186905290810184905260608101839052608081018290525f9060a0016133cd565b805460038201545f9161343d9185919063ffffffff808216916401000000009004166133ed565b9392505050565b60408051602081018490529081018290525f9060600161289a565b6001600160a01b0381165f90815261040060205260408120548082036134a35760405163bfc6c33760e01b81526001600160a01b0384166004820152602401610bde565b61343d60018261524c565b60038101545f907f0000000000000000000000000000000000000000000000000000000000000000907f000000000000000000000000000000000000000000000000000000000000000090613534907f000000000000000000000000000000000000000000000000000000000000000090600160601b90046001600160401b031661520e565b61353e919061520e565b612830919061520e565b5f6001821161355857505f919050565b5f61356460018461524c565b90505b8015613579576001918201911c613567565b50919050565b5f828161359061321b83600161520e565b6040519091505f1990875f5b858110156135de57813560a01c156135b6578093506135de565b808b01835260a082602085013760c08320600582901b86015260a0919091019060010161359c565b5050505f19811461360557604051630d8e90b960e11b815260048101829052602401610bde565b613610828487613e9c565b98975050505050505050565b5f818161362d61321b83600161520e565b90508160051b8582376136408183613e22565b95945050505050565b5f5f61365485613ef3565b915091507f0000000000000000000000000000000000000000000000000000000000000000610404546136879190615221565b61369382612710615221565b10156136c1576104045460405163134a70cf60e11b8152610bde918391600401918252602082015260400190565b5f6136d1368590038501856153cb565b90506136dc83613954565b806136ed57506136eb81613969565b155b8061370f575061370d878461370736899003890189615432565b84613a14565b155b1561372d57604051638baa579f60e01b815260040160405180910390fd5b50505050505050565b5f5b8115612ff55761374960018361524c565b90911690600101613738565b5f83830184811080159061364057509091149392505050565b5f5f5f61377a8861383d565b915091505f6137898a836140b7565b90506127106137b87f000000000000000000000000000000000000000000000000000000000000000083615221565b6137c2919061555f565b93506137ce848261524c565b6104075f8282546137df919061520e565b92505081905550846001600160a01b03168a7f4f3e59d25a3ffcce30c6e4cb5dd24de53590258ff2e3a572847f5ec0d7fc69e4858b8b8b87604051613828959493929190615396565b60405180910390a35050509695505050505050565b6003810180546002830154600160401b90910463ffffffff169160019060086138668386615572565b82546101009290920a63ffffffff81810219909316919092169190910217905550600392909201805462ffffff60e01b1916600160f01b17905591565b805f036138ae575050565b5f826001600160a01b03168261c350906040515f60405180830381858888f193505050503d805f81146138fc576040519150601f19603f3d011682016040523d82523d5f602084013e613901565b606091505b50509050806114fc576001600160a01b0383165f90815261040a60205260408120805484929061393290849061520e565b9091555050505050565b5f5b816001165f03612ff557600191821c910161393e565b80515f90158015612830575050602001511590565b5f5f5160206155ba5f395f51905f52825f015110158061399a57505f5160206155ba5f395f51905f52826020015110155b156139a657505f919050565b81511580156139b757506020820151155b156139c457506001919050565b5f5160206155ba5f395f51905f5260035f5160206155ba5f395f51905f5284515f5160206155ba5f395f51905f528651800909085f5160206155ba5f395f51905f52602084015180091492915050565b5f5f613a22868686866141f1565b90505f613a3384612e7a888561429c565b90505f613a76613a42896142f4565b612e7a613a706040805180820182525f80825260209182015281518083019092526001825260029082015290565b8661429c565b905061361082613a846143dd565b838961449d565b604080518082019091525f80825260208201525f6040518451815260208501516020820152835160408201526020840151606082015260408360808360065afa91505080613aee5760405162a4859360e01b815260066004820152602401610bde565b5092915050565b5f610200821115613b07576002613b0a565b60015b60ff1692915050565b5f8385101580613b2b5750613b2784613548565b8214155b15613b3757505f613b48565b86613b4487878686614560565b1490505b9695505050505050565b5f5f600160801b8510613b7b576040516324c6d90160e21b815260048101869052602401610bde565b825f613b8b61321b83600161520e565b90505f5f613b9a888885613d71565b915091505f198114613bc257604051630ade80db60e11b815260048101829052602401610bde565b613bcc8385613e22565b9550613bdc8a8a8a8a86886145dc565b613be68385613e22565b94505050505094509492505050565b604080518082019091525f80825260208201528151158015613c1957506020820151155b15613c36575050604080518082019091525f808252602082015290565b6040518060400160405280835f015181526020015f5160206155ba5f395f51905f528460200151613c67919061558e565b613c7e905f5160206155ba5f395f51905f5261524c565b905292915050565b604080516001600160a01b038086166020830152841691810191909152606081018290525f90608001612807565b5f600a841180613cc5575086841c15155b15613cd157505f613ced565b613cea8a613ce1888a8989614560565b8a8c8787613b13565b90505b9998505050505050505050565b5f5f823560a01c905060405184815260a084602083013760c0902091508015613aee57604051630d8e90b960e11b815260048101859052602401610bde565b6040515f90833560a01c9060608582376060902091508015613aee57604051630d8e90b960e11b815260048101849052602401610bde565b6040515f905f1990819086845b87811015613df2578135602083013560408401358260a01c15613da657839650505050613df2565b8060801c8260401c831517175f1989141615613dc0578397505b91855260208501819052604085018290526060808620600585901b8b0152910296909601959190910190600101613d7e565b5050505f198114613e1957604051630d8e90b960e11b815260048101829052602401610bde565b50935093915050565b5f815f03613e3157505f612830565b5f5b6001831115613e93576001831615613e5457808360051b8501526001830192505b8260011c5f5b81811015613e7c576040600682901b870120600582901b870152600101613e5a565b50815f528160205260405f20915080935050613e33565b50509051919050565b5f613ea78484613e22565b90505f5f5b83811015613eea57613ebd85613548565b8110613ed3575f83815260208390526040902092505b5f8281526020839052604090209150600101613eac565b50509392505050565b604080518082019091525f80825260208201525f825f03613f2757604051630c7af40f60e41b815260040160405180910390fd5b610404545f03613f4a57604051637d9a44a160e11b815260040160405180910390fd5b61040354801984168015613f7d57613f618161393c565b6040516347d1069b60e01b8152600401610bde91815260200190565b841982165f613f8b87613736565b613f9483613736565b111590505f81613fa45787613fa6565b825b90508115613fd0576104045460408051808201909152610405548152610406546020820152975095505b5f5b81156140ac578160011660010361409557821561402f5761400588612e7a610200846101008110612e5357612e53615238565b975061010081610100811061401c5761401c615238565b0154614028908861524c565b9650614095565b61406f8861020083610100811061404857614048615238565b600202016040518060400160405290815f8201548152602001600182015481525050613a8b565b975061010081610100811061408657614086615238565b0154614092908861520e565b96505b60019190911c906140a5816155a1565b9050613fd2565b505050505050915091565b5f5f5b8215613aee57826001166001036141da575f6127107f000000000000000000000000000000000000000000000000000000000000000061010084610100811061410557614105615238565b01546141119190615221565b61411b919061555f565b90508061010083610100811061413357614133615238565b015f828254614142919061524c565b909155505f90508083610100811061415c5761415c615238565b018054909150600160a01b900460ff161561418957816104045f828254614183919061524c565b90915550505b614193828561520e565b81546040518481529195506001600160a01b03169087907fa2e524bd0f71903485fbb3d6d50cb305f61005ceea2047c3ac92aa7e0d1043069060200160405180910390a350505b60019290921c916141ea816155a1565b90506140ba565b8251602080850151845180519083015186840151805190850151875188870151604080519889018e90528801989098526060870195909552608086019390935260a085019190915260c084015260e08301526101008201526101208101919091525f907f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000019061014001604051602081830303815290604052805190602001205f1c613640919061558e565b604080518082019091525f80825260208201525f604051845181526020850151602082015283604082015260408360608360075afa91505080613aee5760405162a4859360e01b815260076004820152602401610bde565b604080518082019091525f80825260208201525f61431f5f5160206155ba5f395f51905f528461558e565b90505b5f5f5160206155ba5f395f51905f5260035f5160206155ba5f395f51905f52845f5160206155ba5f395f51905f52868709090890505f614390827f0c19139cb84c680a6e14116da060561765e05aa45a1c72a34f082305b61f3f525f5160206155ba5f395f51905f526146b7565b9050815f5160206155ba5f395f51905f52828309036143c2576040805180820190915292835260208301525092915050565b5f5160206155ba5f395f51905f526001840892505050614322565b6143e5614717565b50604080516080810182527f198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c28183019081527f1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed6060830152815281518083019092527f275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec82527f1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d60208381019190915281019190915290565b60408051610180810182528551815260208087015181830152855151928201929092528451820151606082015284820180515160808301525182015160a0820152835160c08201528382015160e0820152825151610100820152825182015161012082015282820180515161014083015251909101516101608201525f9061452361473c565b5f6020826101808560085afa9050806145515760405162a4859360e01b815260086004820152602401610bde565b50516001149695505050505050565b835f5b8281101561320257600185821c8116146145a7576145a28285858481811061458d5761458d615238565b905060200201355f9182526020526040902090565b6145d2565b6145d28484838181106145bc576145bc615238565b90506020020135835f9182526020526040902090565b9150600101614563565b5f8281038316808203819004600101909152600381840490810260029081188083028203028083028203028083028203028083028203028083028203029182029003026020526040516001600160a01b0388168152606085028601865b81811015611a2a5760208101356040820135028981025f19828c09818110828203039050805f81146146895789848e09838111830392508084039350506020515f5183028985041702925061468f565b89830492505b5050823560208601528060408601525050606083208552602085019450606081019050614639565b5f5f60405160208152602080820152602060408201528560608201528460808201528360a082015260208160c08360055afa9051925090508061470f5760405162a4859360e01b815260056004820152602401610bde565b509392505050565b604051806040016040528061472a61475a565b815260200161473761475a565b905290565b60405180602001604052806001906020820280368337509192915050565b60405180604001604052806002906020820280368337509192915050565b5f60e08284031215613579575f5ffd5b5f60a08284031215613579575f5ffd5b5f5f5f5f5f60a086880312156147ac575f5ffd5b8535945060208601356001600160401b038111156147c8575f5ffd5b6147d488828901614778565b94505060408601356001600160401b038111156147ef575f5ffd5b6147fb88828901614778565b93505060608601356001600160401b03811115614816575f5ffd5b61482288828901614788565b92505060808601356001600160401b0381111561483d575f5ffd5b61484988828901614788565b9150509295509295909350565b5f5f83601f840112614866575f5ffd5b5081356001600160401b0381111561487c575f5ffd5b602083019150836020606083028501011115614896575f5ffd5b9250929050565b5f5f5f5f606085870312156148b0575f5ffd5b8435935060208501356001600160401b038111156148cc575f5ffd5b6148d887828801614778565b93505060408501356001600160401b038111156148f3575f5ffd5b6148ff87828801614856565b95989497509550505050565b803560ff81168114612ff5575f5ffd5b5f5f5f5f6080858703121561492e575f5ffd5b84359350602085013592506149456040860161490b565b9396929550929360600135925050565b634e487b7160e01b5f52602160045260245ffd5b6004811061138f57634e487b7160e01b5f52602160045260245ffd5b81516001600160a01b031681526020808301516001600160401b031690820152604082015160808201906149b881614969565b806040840152506060830151606083015292915050565b5f5f5f5f608085870312156149e2575f5ffd5b5050823594602084013594506040840135936060013592509050565b5f60208284031215614a0e575f5ffd5b5035919050565b83516001600160a01b031681526020808501511515818301526040808601516001600160401b031690830152606082018490528251608083015282015160a082015260c08101610d5b565b5f5f5f60608486031215614a72575f5ffd5b8335925060208401356001600160401b03811115614a8e575f5ffd5b614a9a86828701614778565b92505060408401356001600160401b03811115614ab5575f5ffd5b614ac186828701614788565b9150509250925092565b5f5f5f5f60808587031215614ade575f5ffd5b8435935060208501356001600160401b03811115614afa575f5ffd5b614b0687828801614778565b93505060408501356001600160401b03811115614b21575f5ffd5b614b2d87828801614788565b92505060608501356001600160401b03811115614b48575f5ffd5b614b5487828801614788565b91505092959194509250565b5f5f60408385031215614b71575f5ffd5b8235915060208301356001600160401b03811115614b8d575f5ffd5b614b9985828601614778565b9150509250929050565b614bac81614969565b9052565b5f6101a082019050614bc3828451614ba3565b6020830151602083015260408301516040830152606083015160608301526080830151608083015260a083015160a083015260c083015160c083015260e083015160e083015261010083015161010083015261012083015161012083015261014083015161014083015261016083015161016083015261018083015161018083015292915050565b5f5f5f60608486031215614c5d575f5ffd5b8335925060208401356001600160401b03811115614c79575f5ffd5b614c8586828701614778565b92505060408401356001600160401b03811115614ca0575f5ffd5b614ac186828701614778565b815181526020808301519082015260408101612830565b5f5f5f5f5f60808688031215614cd7575f5ffd5b853594506020860135935060408601356001600160401b03811115614cfa575f5ffd5b8601601f81018813614d0a575f5ffd5b80356001600160401b03811115614d1f575f5ffd5b88602060a083028401011115614d33575f5ffd5b959894975060200195606001359392505050565b5f5f83601f840112614d57575f5ffd5b5081356001600160401b03811115614d6d575f5ffd5b6020830191508360208260051b8501011115614896575f5ffd5b5f60808284031215613579575f5ffd5b5f60408284031215613579575f5ffd5b5f5f5f5f5f5f5f610140888a031215614dbe575f5ffd5b873596506020880135955060408801356001600160401b03811115614de1575f5ffd5b614ded8a828b01614d47565b90965094505060608801359250614e078960808a01614d87565b9150614e17896101008a01614d97565b905092959891949750929550565b5f5f5f60408486031215614e37575f5ffd5b8335925060208401356001600160401b03811115614e53575f5ffd5b614e5f86828701614d47565b9497909650939450505050565b5f5f5f60608486031215614e7e575f5ffd5b83359250614e8e6020850161490b565b929592945050506040919091013590565b5f5f5f6101008486031215614eb2575f5ffd5b614ebc8585614d97565b9250614ecb8560408601614d87565b9150614eda8560c08601614d97565b90509250925092565b5f5f5f60608486031215614ef5575f5ffd5b505081359360208301359350604090920135919050565b80356001600160a01b0381168114612ff5575f5ffd5b5f60208284031215614f32575f5ffd5b61343d82614f0c565b604080519081016001600160401b0381118282101715614f6957634e487b7160e01b5f52604160045260245ffd5b60405290565b5f60408284031215614f7f575f5ffd5b614f87614f3b565b823581526020928301359281019290925250919050565b5f5f60608385031215614faf575f5ffd5b614fb883614f0c565b9150614fc78460208501614f6f565b90509250929050565b5f5f5f5f5f5f5f60a0888a031215614fe6575f5ffd5b8735965060208801356001600160401b03811115615002575f5ffd5b61500e8a828b01614778565b96505060408801356001600160401b03811115615029575f5ffd5b6150358a828b01614856565b9096509450506060880135925060808801356001600160401b0381111561505a575f5ffd5b6150668a828b01614d47565b989b979a50959850939692959293505050565b5f5f5f5f5f5f5f5f5f5f6101008b8d031215615093575f5ffd5b8a35995060208b0135985060408b013597506150b160608c01614f0c565b96506150bf60808c01614f0c565b955060a08b0135945060c08b01356001600160401b038111156150e0575f5ffd5b6150ec8d828e01614d47565b90955093505060e08b01356001600160401b0381111561510a575f5ffd5b6151168d828e01614d47565b915080935050809150509295989b9194979a5092959850565b6001600160a01b0361514082614f0c565b168252602081810135908301526040808201359083015260608082013590830152608090810135910152565b5f610120820163ffffffff8916835287602084015261518e604084018861512f565b61012060e08401528490528461014083015f5b868110156151e3576001600160a01b036151ba84614f0c565b1682526020838101359083015260408084013590830152606092830192909101906001016151a1565b506101009390930193909352509695505050505050565b634e487b7160e01b5f52601160045260245ffd5b80820180821115612830576128306151fa565b8082028115828204841417612830576128306151fa565b634e487b7160e01b5f52603260045260245ffd5b81810381811115612830576128306151fa565b63ffffffff861681526020810185905260806040820181905281018390525f8460a08301825b868110156152aa57615297828461512f565b60a0928301929190910190600101615285565b50606093909301939093525095945050505050565b828152604081016152cf83614969565b8260208301529392505050565b86815285602082015284604082015283606082015260a060808201528160a08201525f60018060fb1b03831115615311575f5ffd5b8260051b808560c08501379190910160c001979650505050505050565b5f823560de19833603018112615342575f5ffd5b9190910192915050565b63ffffffff8281168282160390811115612830576128306151fa565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b85815260a060208201525f6153ae60a0830187615368565b604083019590955250606081019290925260809091015292915050565b5f604082840312156153db575f5ffd5b61343d8383614f6f565b5f82601f8301126153f4575f5ffd5b6153fc614f3b565b80604084018581111561540d575f5ffd5b845b8181101561542757803584526020938401930161540f565b509095945050505050565b5f6080828403128015615443575f5ffd5b5061544c614f3b565b61545684846153e5565b815261546584604085016153e5565b60208201529392505050565b83815260e0810160208201845f5b600281101561549e57815183526020928301929091019060010161547f565b50505060608201835f5b60048110156154c75781518352602092830192909101906001016154a8565b505050949350505050565b61ffff8181168382160190811115612830576128306151fa565b5f5f8335601e19843603018112615501575f5ffd5b8301803591506001600160401b0382111561551a575f5ffd5b6020019150600581901b3603821315614896575f5ffd5b61ffff8281168282160390811115612830576128306151fa565b634e487b7160e01b5f52601260045260245ffd5b5f8261556d5761556d61554b565b500490565b63ffffffff8181168382160190811115612830576128306151fa565b5f8261559c5761559c61554b565b500690565b5f600182016155b2576155b26151fa565b506001019056fe30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47a2646970667358221220f3d26098b4f259f335eac01939302f23179245068aa367235833d6593f85142c64736f6c63430008250033",
}

// DenominatorAllocationAVS is an auto generated Go binding around an Ethereum contract.
type DenominatorAllocationAVS struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *DenominatorAllocationAVS) GetABI() abi.ABI {
	return c.abi
}

// NewDenominatorAllocationAVS creates a new instance of DenominatorAllocationAVS.
func NewDenominatorAllocationAVS() *DenominatorAllocationAVS {
	parsed, err := DenominatorAllocationAVSMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &DenominatorAllocationAVS{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *DenominatorAllocationAVS) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor((address,uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint256) p) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackConstructor(p AVSBaseParams) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("", p)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackBATCHDOMAIN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4aaa8e4b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function BATCH_DOMAIN() view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackBATCHDOMAIN() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("BATCH_DOMAIN")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBATCHDOMAIN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4aaa8e4b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function BATCH_DOMAIN() view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackBATCHDOMAIN() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("BATCH_DOMAIN")
}

// UnpackBATCHDOMAIN is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4aaa8e4b.
//
// Solidity: function BATCH_DOMAIN() view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackBATCHDOMAIN(data []byte) ([32]byte, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("BATCH_DOMAIN", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMAXOPERATORS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b78c9f7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_OPERATORS() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackMAXOPERATORS() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("MAX_OPERATORS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXOPERATORS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b78c9f7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_OPERATORS() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackMAXOPERATORS() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("MAX_OPERATORS")
}

// UnpackMAXOPERATORS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2b78c9f7.
//
// Solidity: function MAX_OPERATORS() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackMAXOPERATORS(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("MAX_OPERATORS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXPROVIDERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x39cf4fc3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_PROVIDERS() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackMAXPROVIDERS() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("MAX_PROVIDERS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXPROVIDERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x39cf4fc3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_PROVIDERS() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackMAXPROVIDERS() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("MAX_PROVIDERS")
}

// UnpackMAXPROVIDERS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x39cf4fc3.
//
// Solidity: function MAX_PROVIDERS() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackMAXPROVIDERS(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("MAX_PROVIDERS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXROWENTRIES is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x34d1f557.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_ROW_ENTRIES() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackMAXROWENTRIES() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("MAX_ROW_ENTRIES")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXROWENTRIES is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x34d1f557.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_ROW_ENTRIES() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackMAXROWENTRIES() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("MAX_ROW_ENTRIES")
}

// UnpackMAXROWENTRIES is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x34d1f557.
//
// Solidity: function MAX_ROW_ENTRIES() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackMAXROWENTRIES(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("MAX_ROW_ENTRIES", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPARTSIZE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe68749b8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function PART_SIZE() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackPARTSIZE() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("PART_SIZE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPARTSIZE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe68749b8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function PART_SIZE() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackPARTSIZE() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("PART_SIZE")
}

// UnpackPARTSIZE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe68749b8.
//
// Solidity: function PART_SIZE() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackPARTSIZE(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("PART_SIZE", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPOPDOMAIN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdcb67779.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function POP_DOMAIN() view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackPOPDOMAIN() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("POP_DOMAIN")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPOPDOMAIN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdcb67779.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function POP_DOMAIN() view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackPOPDOMAIN() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("POP_DOMAIN")
}

// UnpackPOPDOMAIN is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdcb67779.
//
// Solidity: function POP_DOMAIN() view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackPOPDOMAIN(data []byte) ([32]byte, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("POP_DOMAIN", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackActiveApk is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x92fe62b9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function activeApk() view returns((uint256,uint256))
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackActiveApk() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("activeApk")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackActiveApk is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x92fe62b9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function activeApk() view returns((uint256,uint256))
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackActiveApk() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("activeApk")
}

// UnpackActiveApk is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x92fe62b9.
//
// Solidity: function activeApk() view returns((uint256,uint256))
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackActiveApk(data []byte) (BN254G1Point, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("activeApk", data)
	if err != nil {
		return *new(BN254G1Point), err
	}
	out0 := *abi.ConvertType(out[0], new(BN254G1Point)).(*BN254G1Point)
	return out0, nil
}

// PackActiveBitmap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x99a4deea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function activeBitmap() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackActiveBitmap() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("activeBitmap")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackActiveBitmap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x99a4deea.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function activeBitmap() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackActiveBitmap() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("activeBitmap")
}

// UnpackActiveBitmap is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x99a4deea.
//
// Solidity: function activeBitmap() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackActiveBitmap(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("activeBitmap", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackActiveStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbd49c35f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function activeStake() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackActiveStake() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("activeStake")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackActiveStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbd49c35f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function activeStake() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackActiveStake() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("activeStake")
}

// UnpackActiveStake is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbd49c35f.
//
// Solidity: function activeStake() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackActiveStake(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("activeStake", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAvailabilityBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaf28f393.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function availabilityBond() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackAvailabilityBond() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("availabilityBond")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAvailabilityBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaf28f393.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function availabilityBond() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackAvailabilityBond() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("availabilityBond")
}

// UnpackAvailabilityBond is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaf28f393.
//
// Solidity: function availabilityBond() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackAvailabilityBond(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("availabilityBond", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBatchMessage is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbee5d38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function batchMessage(uint256 round, uint256 attempt, bytes32 allocationRoot) view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackBatchMessage(round *big.Int, attempt *big.Int, allocationRoot [32]byte) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("batchMessage", round, attempt, allocationRoot)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBatchMessage is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbee5d38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function batchMessage(uint256 round, uint256 attempt, bytes32 allocationRoot) view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackBatchMessage(round *big.Int, attempt *big.Int, allocationRoot [32]byte) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("batchMessage", round, attempt, allocationRoot)
}

// UnpackBatchMessage is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbee5d38b.
//
// Solidity: function batchMessage(uint256 round, uint256 attempt, bytes32 allocationRoot) view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackBatchMessage(data []byte) ([32]byte, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("batchMessage", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackBountyBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x415307cc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bountyBps() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackBountyBps() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("bountyBps")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBountyBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x415307cc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bountyBps() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackBountyBps() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("bountyBps")
}

// UnpackBountyBps is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x415307cc.
//
// Solidity: function bountyBps() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackBountyBps(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("bountyBps", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBurned is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x73f42561.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function burned() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackBurned() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("burned")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBurned is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x73f42561.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function burned() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackBurned() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("burned")
}

// UnpackBurned is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x73f42561.
//
// Solidity: function burned() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackBurned(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("burned", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackChallengeAvailability is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd18f78bf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function challengeAvailability(uint256 round, uint8 kind, uint256 index) payable returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackChallengeAvailability(round *big.Int, kind uint8, index *big.Int) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("challengeAvailability", round, kind, index)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChallengeAvailability is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd18f78bf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function challengeAvailability(uint256 round, uint8 kind, uint256 index) payable returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackChallengeAvailability(round *big.Int, kind uint8, index *big.Int) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("challengeAvailability", round, kind, index)
}

// PackChallengeWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x861a1412.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function challengeWindow() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackChallengeWindow() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("challengeWindow")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChallengeWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x861a1412.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function challengeWindow() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackChallengeWindow() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("challengeWindow")
}

// UnpackChallengeWindow is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x861a1412.
//
// Solidity: function challengeWindow() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackChallengeWindow(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("challengeWindow", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e71d92d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claim() returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackClaim() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("claim")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e71d92d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claim() returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackClaim() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("claim")
}

// PackCommitRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x15962b02.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function commitRound(uint256 round, bytes32 providersRoot, uint256 providerCount, uint256 entryCount) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackCommitRound(round *big.Int, providersRoot [32]byte, providerCount *big.Int, entryCount *big.Int) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("commitRound", round, providersRoot, providerCount, entryCount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCommitRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x15962b02.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function commitRound(uint256 round, bytes32 providersRoot, uint256 providerCount, uint256 entryCount) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackCommitRound(round *big.Int, providersRoot [32]byte, providerCount *big.Int, entryCount *big.Int) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("commitRound", round, providersRoot, providerCount, entryCount)
}

// PackCoordinator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0a009097.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function coordinator() view returns(address)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackCoordinator() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("coordinator")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCoordinator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0a009097.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function coordinator() view returns(address)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackCoordinator() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("coordinator")
}

// UnpackCoordinator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0a009097.
//
// Solidity: function coordinator() view returns(address)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackCoordinator(data []byte) (common.Address, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("coordinator", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackExit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9fad8ee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function exit() returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackExit() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("exit")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9fad8ee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function exit() returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackExit() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("exit")
}

// PackExitDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28388630.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function exitDelay() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackExitDelay() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("exitDelay")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExitDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28388630.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function exitDelay() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackExitDelay() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("exitDelay")
}

// UnpackExitDelay is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x28388630.
//
// Solidity: function exitDelay() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackExitDelay(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("exitDelay", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackFinalizeRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3469f6e2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function finalizeRound(uint256 round) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackFinalizeRound(round *big.Int) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("finalizeRound", round)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFinalizeRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3469f6e2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function finalizeRound(uint256 round) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackFinalizeRound(round *big.Int) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("finalizeRound", round)
}

// PackGetChallenge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0df8631b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getChallenge(uint256 round, uint256 attempt, uint8 kind, uint256 index) view returns((address,uint64,uint8,uint256))
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackGetChallenge(round *big.Int, attempt *big.Int, kind uint8, index *big.Int) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("getChallenge", round, attempt, kind, index)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetChallenge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0df8631b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getChallenge(uint256 round, uint256 attempt, uint8 kind, uint256 index) view returns((address,uint64,uint8,uint256))
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackGetChallenge(round *big.Int, attempt *big.Int, kind uint8, index *big.Int) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("getChallenge", round, attempt, kind, index)
}

// UnpackGetChallenge is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0df8631b.
//
// Solidity: function getChallenge(uint256 round, uint256 attempt, uint8 kind, uint256 index) view returns((address,uint64,uint8,uint256))
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackGetChallenge(data []byte) (AvailabilityChallengesChallenge, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("getChallenge", data)
	if err != nil {
		return *new(AvailabilityChallengesChallenge), err
	}
	out0 := *abi.ConvertType(out[0], new(AvailabilityChallengesChallenge)).(*AvailabilityChallengesChallenge)
	return out0, nil
}

// PackGetRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f1327c0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRound(uint256 round) view returns((uint8,bytes32,bytes32,uint256,uint256,uint256,bytes32,bytes32,uint256,uint256,uint256,uint256,uint256) v)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackGetRound(round *big.Int) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("getRound", round)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f1327c0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRound(uint256 round) view returns((uint8,bytes32,bytes32,uint256,uint256,uint256,bytes32,bytes32,uint256,uint256,uint256,uint256,uint256) v)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackGetRound(round *big.Int) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("getRound", round)
}

// UnpackGetRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8f1327c0.
//
// Solidity: function getRound(uint256 round) view returns((uint8,bytes32,bytes32,uint256,uint256,uint256,bytes32,bytes32,uint256,uint256,uint256,uint256,uint256) v)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackGetRound(data []byte) (DenominatorAllocationAVSRoundView, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("getRound", data)
	if err != nil {
		return *new(DenominatorAllocationAVSRoundView), err
	}
	out0 := *abi.ConvertType(out[0], new(DenominatorAllocationAVSRoundView)).(*DenominatorAllocationAVSRoundView)
	return out0, nil
}

// PackKeyRegistered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x26231ea7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function keyRegistered(bytes32 ) view returns(bool)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackKeyRegistered(arg0 [32]byte) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("keyRegistered", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKeyRegistered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x26231ea7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function keyRegistered(bytes32 ) view returns(bool)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackKeyRegistered(arg0 [32]byte) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("keyRegistered", arg0)
}

// UnpackKeyRegistered is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x26231ea7.
//
// Solidity: function keyRegistered(bytes32 ) view returns(bool)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackKeyRegistered(data []byte) (bool, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("keyRegistered", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackLatestRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x668a0f02.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latestRound() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackLatestRound() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("latestRound")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatestRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x668a0f02.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latestRound() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackLatestRound() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("latestRound")
}

// UnpackLatestRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x668a0f02.
//
// Solidity: function latestRound() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackLatestRound(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("latestRound", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMinStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x375b3c0a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minStake() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackMinStake() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("minStake")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x375b3c0a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minStake() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackMinStake() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("minStake")
}

// UnpackMinStake is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x375b3c0a.
//
// Solidity: function minStake() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackMinStake(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("minStake", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOperatorAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x26142335.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function operatorAt(uint256 index) view returns((address,bool,uint64) op, uint256 stake, (uint256,uint256) pkG1)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackOperatorAt(index *big.Int) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("operatorAt", index)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOperatorAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x26142335.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function operatorAt(uint256 index) view returns((address,bool,uint64) op, uint256 stake, (uint256,uint256) pkG1)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackOperatorAt(index *big.Int) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("operatorAt", index)
}

// OperatorAtOutput serves as a container for the return parameters of contract
// method OperatorAt.
type OperatorAtOutput struct {
	Op    OperatorRegistryOperator
	Stake *big.Int
	PkG1  BN254G1Point
}

// UnpackOperatorAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x26142335.
//
// Solidity: function operatorAt(uint256 index) view returns((address,bool,uint64) op, uint256 stake, (uint256,uint256) pkG1)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackOperatorAt(data []byte) (OperatorAtOutput, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("operatorAt", data)
	outstruct := new(OperatorAtOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Op = *abi.ConvertType(out[0], new(OperatorRegistryOperator)).(*OperatorRegistryOperator)
	outstruct.Stake = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.PkG1 = *abi.ConvertType(out[2], new(BN254G1Point)).(*BN254G1Point)
	return *outstruct, nil
}

// PackOperatorIndex is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbfdd4c9d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function operatorIndex(address operator) view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackOperatorIndex(operator common.Address) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("operatorIndex", operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOperatorIndex is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbfdd4c9d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function operatorIndex(address operator) view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackOperatorIndex(operator common.Address) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("operatorIndex", operator)
}

// UnpackOperatorIndex is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbfdd4c9d.
//
// Solidity: function operatorIndex(address operator) view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackOperatorIndex(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("operatorIndex", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOwed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf18e047.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owed(address ) view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackOwed(arg0 common.Address) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("owed", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf18e047.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owed(address ) view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackOwed(arg0 common.Address) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("owed", arg0)
}

// UnpackOwed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdf18e047.
//
// Solidity: function owed(address ) view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackOwed(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("owed", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPopMessage is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcb742ba6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function popMessage(address operator, (uint256,uint256) pkG1) view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackPopMessage(operator common.Address, pkG1 BN254G1Point) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("popMessage", operator, pkG1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPopMessage is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcb742ba6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function popMessage(address operator, (uint256,uint256) pkG1) view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackPopMessage(operator common.Address, pkG1 BN254G1Point) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("popMessage", operator, pkG1)
}

// UnpackPopMessage is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcb742ba6.
//
// Solidity: function popMessage(address operator, (uint256,uint256) pkG1) view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackPopMessage(data []byte) ([32]byte, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("popMessage", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackProveBadAllocation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe85f4d29.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveBadAllocation(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (address,uint256,uint256)[] entries, bytes32 claimedRoot, bytes32[] claimedProof) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveBadAllocation(round *big.Int, h HeaderProof, entries []Entry, claimedRoot [32]byte, claimedProof [][32]byte) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveBadAllocation", round, h, entries, claimedRoot, claimedProof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveBadAllocation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe85f4d29.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveBadAllocation(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (address,uint256,uint256)[] entries, bytes32 claimedRoot, bytes32[] claimedProof) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveBadAllocation(round *big.Int, h HeaderProof, entries []Entry, claimedRoot [32]byte, claimedProof [][32]byte) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveBadAllocation", round, h, entries, claimedRoot, claimedProof)
}

// PackProveCapacityRange is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb1e813c8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveCapacityRange(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveCapacityRange(round *big.Int, h HeaderProof) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveCapacityRange", round, h)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveCapacityRange is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb1e813c8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveCapacityRange(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveCapacityRange(round *big.Int, h HeaderProof) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveCapacityRange", round, h)
}

// PackProveEntryCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7e37865a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveEntryCount(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveEntryCount(round *big.Int, h HeaderProof) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveEntryCount", round, h)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveEntryCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7e37865a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveEntryCount(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveEntryCount(round *big.Int, h HeaderProof) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveEntryCount", round, h)
}

// PackProveEntryOffset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb73b37b5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveEntryOffset(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[])[] hs) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveEntryOffset(round *big.Int, hs []HeaderProof) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveEntryOffset", round, hs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveEntryOffset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb73b37b5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveEntryOffset(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[])[] hs) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveEntryOffset(round *big.Int, hs []HeaderProof) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveEntryOffset", round, hs)
}

// PackProveEntryOrder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c0e8361.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveEntryOrder(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (uint256,(address,uint256,uint256),bytes32[]) e, (uint256,(address,uint256,uint256),bytes32[]) next) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveEntryOrder(round *big.Int, h HeaderProof, e EntryProof, next EntryProof) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveEntryOrder", round, h, e, next)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveEntryOrder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c0e8361.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveEntryOrder(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (uint256,(address,uint256,uint256),bytes32[]) e, (uint256,(address,uint256,uint256),bytes32[]) next) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveEntryOrder(round *big.Int, h HeaderProof, e EntryProof, next EntryProof) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveEntryOrder", round, h, e, next)
}

// PackProveMrRange is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e5970f0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveMrRange(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (uint256,(address,uint256,uint256),bytes32[]) e) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveMrRange(round *big.Int, h HeaderProof, e EntryProof) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveMrRange", round, h, e)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveMrRange is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e5970f0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveMrRange(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (uint256,(address,uint256,uint256),bytes32[]) e) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveMrRange(round *big.Int, h HeaderProof, e EntryProof) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveMrRange", round, h, e)
}

// PackProveProviderOrder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x92ace61f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveProviderOrder(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) next) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveProviderOrder(round *big.Int, h HeaderProof, next HeaderProof) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveProviderOrder", round, h, next)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveProviderOrder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x92ace61f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveProviderOrder(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) next) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveProviderOrder(round *big.Int, h HeaderProof, next HeaderProof) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveProviderOrder", round, h, next)
}

// PackProveProviderZero is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70660238.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveProviderZero(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveProviderZero(round *big.Int, h HeaderProof) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveProviderZero", round, h)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveProviderZero is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70660238.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveProviderZero(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveProviderZero(round *big.Int, h HeaderProof) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveProviderZero", round, h)
}

// PackProveRecipientZero is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7cfe96a2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveRecipientZero(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (uint256,(address,uint256,uint256),bytes32[]) e) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveRecipientZero(round *big.Int, h HeaderProof, e EntryProof) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveRecipientZero", round, h, e)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveRecipientZero is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7cfe96a2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveRecipientZero(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (uint256,(address,uint256,uint256),bytes32[]) e) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveRecipientZero(round *big.Int, h HeaderProof, e EntryProof) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveRecipientZero", round, h, e)
}

// PackProveResidualConsistency is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06d72c8a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveResidualConsistency(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) hp, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) hq, (uint256,(address,uint256,uint256),bytes32[]) ej, (uint256,(address,uint256,uint256),bytes32[]) el) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveResidualConsistency(round *big.Int, hp HeaderProof, hq HeaderProof, ej EntryProof, el EntryProof) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveResidualConsistency", round, hp, hq, ej, el)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveResidualConsistency is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06d72c8a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveResidualConsistency(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) hp, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) hq, (uint256,(address,uint256,uint256),bytes32[]) ej, (uint256,(address,uint256,uint256),bytes32[]) el) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveResidualConsistency(round *big.Int, hp HeaderProof, hq HeaderProof, ej EntryProof, el EntryProof) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveResidualConsistency", round, hp, hq, ej, el)
}

// PackProveResidualRange is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9356d06.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveResidualRange(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (uint256,(address,uint256,uint256),bytes32[]) e) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveResidualRange(round *big.Int, h HeaderProof, e EntryProof) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveResidualRange", round, h, e)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveResidualRange is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9356d06.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveResidualRange(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (uint256,(address,uint256,uint256),bytes32[]) e) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveResidualRange(round *big.Int, h HeaderProof, e EntryProof) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveResidualRange", round, h, e)
}

// PackQuorumBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcd2ddd0c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function quorumBps() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackQuorumBps() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("quorumBps")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQuorumBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcd2ddd0c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function quorumBps() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackQuorumBps() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("quorumBps")
}

// UnpackQuorumBps is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcd2ddd0c.
//
// Solidity: function quorumBps() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackQuorumBps(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("quorumBps", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRefundBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9089d76.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refundBond(uint256 round, uint256 attempt, uint8 kind, uint256 index) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackRefundBond(round *big.Int, attempt *big.Int, kind uint8, index *big.Int) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("refundBond", round, attempt, kind, index)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefundBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9089d76.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refundBond(uint256 round, uint256 attempt, uint8 kind, uint256 index) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackRefundBond(round *big.Int, attempt *big.Int, kind uint8, index *big.Int) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("refundBond", round, attempt, kind, index)
}

// PackRegisterOperator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xba60ce04.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerOperator((uint256,uint256) pkG1, (uint256[2],uint256[2]) pkG2, (uint256,uint256) pop) payable returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackRegisterOperator(pkG1 BN254G1Point, pkG2 BN254G2Point, pop BN254G1Point) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("registerOperator", pkG1, pkG2, pop)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterOperator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xba60ce04.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerOperator((uint256,uint256) pkG1, (uint256[2],uint256[2]) pkG2, (uint256,uint256) pop) payable returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackRegisterOperator(pkG1 BN254G1Point, pkG2 BN254G2Point, pop BN254G1Point) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("registerOperator", pkG1, pkG2, pop)
}

// PackRegisteredBitmap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4a4bc5dc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registeredBitmap() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackRegisteredBitmap() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("registeredBitmap")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisteredBitmap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4a4bc5dc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registeredBitmap() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackRegisteredBitmap() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("registeredBitmap")
}

// UnpackRegisteredBitmap is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4a4bc5dc.
//
// Solidity: function registeredBitmap() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackRegisteredBitmap(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("registeredBitmap", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackResolveManifestPart is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x97f9d655.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resolveManifestPart(uint256 round, uint256 part, (address,uint256,uint256,uint256,bytes32)[] headers, bytes32 otherPartRoot) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackResolveManifestPart(round *big.Int, part *big.Int, headers []ProviderHeader, otherPartRoot [32]byte) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("resolveManifestPart", round, part, headers, otherPartRoot)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResolveManifestPart is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x97f9d655.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resolveManifestPart(uint256 round, uint256 part, (address,uint256,uint256,uint256,bytes32)[] headers, bytes32 otherPartRoot) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackResolveManifestPart(round *big.Int, part *big.Int, headers []ProviderHeader, otherPartRoot [32]byte) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("resolveManifestPart", round, part, headers, otherPartRoot)
}

// PackResolveRow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0cc50406.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resolveRow(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (address,uint256,uint256)[] entries) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackResolveRow(round *big.Int, h HeaderProof, entries []Entry) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("resolveRow", round, h, entries)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResolveRow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0cc50406.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resolveRow(uint256 round, (uint256,(address,uint256,uint256,uint256,bytes32),bytes32[]) h, (address,uint256,uint256)[] entries) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackResolveRow(round *big.Int, h HeaderProof, entries []Entry) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("resolveRow", round, h, entries)
}

// PackResolveWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x21cf39ee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resolveWindow() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackResolveWindow() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("resolveWindow")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResolveWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x21cf39ee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resolveWindow() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackResolveWindow() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("resolveWindow")
}

// UnpackResolveWindow is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x21cf39ee.
//
// Solidity: function resolveWindow() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackResolveWindow(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("resolveWindow", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRevealWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x863d22c7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revealWindow() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackRevealWindow() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("revealWindow")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevealWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x863d22c7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revealWindow() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackRevealWindow() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("revealWindow")
}

// UnpackRevealWindow is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x863d22c7.
//
// Solidity: function revealWindow() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackRevealWindow(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("revealWindow", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSlashBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0681e651.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function slashBps() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackSlashBps() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("slashBps")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSlashBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0681e651.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function slashBps() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackSlashBps() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("slashBps")
}

// UnpackSlashBps is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0681e651.
//
// Solidity: function slashBps() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackSlashBps(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("slashBps", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSlashUnavailable is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7920eb9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function slashUnavailable(uint256 round, uint8 kind, uint256 index) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackSlashUnavailable(round *big.Int, kind uint8, index *big.Int) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("slashUnavailable", round, kind, index)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSlashUnavailable is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7920eb9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function slashUnavailable(uint256 round, uint8 kind, uint256 index) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackSlashUnavailable(round *big.Int, kind uint8, index *big.Int) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("slashUnavailable", round, kind, index)
}

// PackSubmitAllocationBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa19f4da9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitAllocationBatch(uint256 round, uint256 attempt, bytes32[] providerAllocRoots, uint256 signerBitmap, (uint256[2],uint256[2]) apkG2, (uint256,uint256) sigma) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackSubmitAllocationBatch(round *big.Int, attempt *big.Int, providerAllocRoots [][32]byte, signerBitmap *big.Int, apkG2 BN254G2Point, sigma BN254G1Point) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("submitAllocationBatch", round, attempt, providerAllocRoots, signerBitmap, apkG2, sigma)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitAllocationBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa19f4da9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitAllocationBatch(uint256 round, uint256 attempt, bytes32[] providerAllocRoots, uint256 signerBitmap, (uint256[2],uint256[2]) apkG2, (uint256,uint256) sigma) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackSubmitAllocationBatch(round *big.Int, attempt *big.Int, providerAllocRoots [][32]byte, signerBitmap *big.Int, apkG2 BN254G2Point, sigma BN254G1Point) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("submitAllocationBatch", round, attempt, providerAllocRoots, signerBitmap, apkG2, sigma)
}

// PackVerifyAllocation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfbcdbf92.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyAllocation(uint256 round, uint256 p, uint256 j, address provider, address recipient, uint256 amount, bytes32[] entryProof, bytes32[] providerProof) view returns(bool)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackVerifyAllocation(round *big.Int, p *big.Int, j *big.Int, provider common.Address, recipient common.Address, amount *big.Int, entryProof [][32]byte, providerProof [][32]byte) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("verifyAllocation", round, p, j, provider, recipient, amount, entryProof, providerProof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyAllocation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfbcdbf92.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyAllocation(uint256 round, uint256 p, uint256 j, address provider, address recipient, uint256 amount, bytes32[] entryProof, bytes32[] providerProof) view returns(bool)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackVerifyAllocation(round *big.Int, p *big.Int, j *big.Int, provider common.Address, recipient common.Address, amount *big.Int, entryProof [][32]byte, providerProof [][32]byte) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("verifyAllocation", round, p, j, provider, recipient, amount, entryProof, providerProof)
}

// UnpackVerifyAllocation is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfbcdbf92.
//
// Solidity: function verifyAllocation(uint256 round, uint256 p, uint256 j, address provider, address recipient, uint256 amount, bytes32[] entryProof, bytes32[] providerProof) view returns(bool)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackVerifyAllocation(data []byte) (bool, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("verifyAllocation", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw() returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackWithdraw() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("withdraw")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw() returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackWithdraw() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("withdraw")
}

// DenominatorAllocationAVSAllocationBatchDetails represents a AllocationBatchDetails event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSAllocationBatchDetails struct {
	Round              *big.Int
	Attempt            *big.Int
	AllocTreeRoot      [32]byte
	SignerBitmap       *big.Int
	Deadline           *big.Int
	ProviderAllocRoots [][32]byte
	Raw                *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSAllocationBatchDetailsEventName = "AllocationBatchDetails"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSAllocationBatchDetails) ContractEventName() string {
	return DenominatorAllocationAVSAllocationBatchDetailsEventName
}

// UnpackAllocationBatchDetailsEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AllocationBatchDetails(uint256 indexed round, uint256 attempt, bytes32 allocTreeRoot, uint256 signerBitmap, uint256 deadline, bytes32[] providerAllocRoots)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackAllocationBatchDetailsEvent(log *types.Log) (*DenominatorAllocationAVSAllocationBatchDetails, error) {
	event := "AllocationBatchDetails"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSAllocationBatchDetails)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DenominatorAllocationAVSAllocationBatchSubmitted represents a AllocationBatchSubmitted event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSAllocationBatchSubmitted struct {
	Round          *big.Int
	AllocationRoot [32]byte
	OperatorCount  *big.Int
	Timestamp      *big.Int
	Raw            *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSAllocationBatchSubmittedEventName = "AllocationBatchSubmitted"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSAllocationBatchSubmitted) ContractEventName() string {
	return DenominatorAllocationAVSAllocationBatchSubmittedEventName
}

// UnpackAllocationBatchSubmittedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AllocationBatchSubmitted(uint256 indexed round, bytes32 allocationRoot, uint256 operatorCount, uint256 timestamp)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackAllocationBatchSubmittedEvent(log *types.Log) (*DenominatorAllocationAVSAllocationBatchSubmitted, error) {
	event := "AllocationBatchSubmitted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSAllocationBatchSubmitted)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DenominatorAllocationAVSAvailabilityChallenged represents a AvailabilityChallenged event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSAvailabilityChallenged struct {
	Round      *big.Int
	Attempt    *big.Int
	Kind       uint8
	Index      *big.Int
	Challenger common.Address
	ResolveBy  *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSAvailabilityChallengedEventName = "AvailabilityChallenged"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSAvailabilityChallenged) ContractEventName() string {
	return DenominatorAllocationAVSAvailabilityChallengedEventName
}

// UnpackAvailabilityChallengedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AvailabilityChallenged(uint256 indexed round, uint256 attempt, uint8 kind, uint256 index, address challenger, uint256 resolveBy)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackAvailabilityChallengedEvent(log *types.Log) (*DenominatorAllocationAVSAvailabilityChallenged, error) {
	event := "AvailabilityChallenged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSAvailabilityChallenged)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DenominatorAllocationAVSFraudProven represents a FraudProven event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSFraudProven struct {
	Round        *big.Int
	Attempt      *big.Int
	Challenger   common.Address
	Kind         string
	Provider     *big.Int
	Entry        *big.Int
	SlashedTotal *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSFraudProvenEventName = "FraudProven"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSFraudProven) ContractEventName() string {
	return DenominatorAllocationAVSFraudProvenEventName
}

// UnpackFraudProvenEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event FraudProven(uint256 indexed round, uint256 attempt, address indexed challenger, string kind, uint256 provider, uint256 entry, uint256 slashedTotal)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackFraudProvenEvent(log *types.Log) (*DenominatorAllocationAVSFraudProven, error) {
	event := "FraudProven"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSFraudProven)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DenominatorAllocationAVSManifestRevealed represents a ManifestRevealed event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSManifestRevealed struct {
	Round    *big.Int
	Attempt  *big.Int
	Part     *big.Int
	Headers  []ProviderHeader
	Deadline *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSManifestRevealedEventName = "ManifestRevealed"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSManifestRevealed) ContractEventName() string {
	return DenominatorAllocationAVSManifestRevealedEventName
}

// UnpackManifestRevealedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ManifestRevealed(uint256 indexed round, uint256 attempt, uint256 part, (address,uint256,uint256,uint256,bytes32)[] headers, uint256 deadline)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackManifestRevealedEvent(log *types.Log) (*DenominatorAllocationAVSManifestRevealed, error) {
	event := "ManifestRevealed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSManifestRevealed)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DenominatorAllocationAVSNewRoundCommitments represents a NewRoundCommitments event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSNewRoundCommitments struct {
	Round          *big.Int
	CommitmentRoot [32]byte
	Timestamp      *big.Int
	Raw            *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSNewRoundCommitmentsEventName = "NewRoundCommitments"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSNewRoundCommitments) ContractEventName() string {
	return DenominatorAllocationAVSNewRoundCommitmentsEventName
}

// UnpackNewRoundCommitmentsEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event NewRoundCommitments(uint256 indexed round, bytes32 commitmentRoot, uint256 timestamp)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackNewRoundCommitmentsEvent(log *types.Log) (*DenominatorAllocationAVSNewRoundCommitments, error) {
	event := "NewRoundCommitments"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSNewRoundCommitments)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DenominatorAllocationAVSOperatorExitRequested represents a OperatorExitRequested event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSOperatorExitRequested struct {
	Operator          common.Address
	Index             *big.Int
	WithdrawableBlock *big.Int
	Raw               *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSOperatorExitRequestedEventName = "OperatorExitRequested"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSOperatorExitRequested) ContractEventName() string {
	return DenominatorAllocationAVSOperatorExitRequestedEventName
}

// UnpackOperatorExitRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OperatorExitRequested(address indexed operator, uint256 indexed index, uint256 withdrawableBlock)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackOperatorExitRequestedEvent(log *types.Log) (*DenominatorAllocationAVSOperatorExitRequested, error) {
	event := "OperatorExitRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSOperatorExitRequested)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DenominatorAllocationAVSOperatorRegistered represents a OperatorRegistered event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSOperatorRegistered struct {
	Operator common.Address
	Index    *big.Int
	Stake    *big.Int
	PkG1     [2]*big.Int
	PkG2     [4]*big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSOperatorRegisteredEventName = "OperatorRegistered"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSOperatorRegistered) ContractEventName() string {
	return DenominatorAllocationAVSOperatorRegisteredEventName
}

// UnpackOperatorRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OperatorRegistered(address indexed operator, uint256 indexed index, uint256 stake, uint256[2] pkG1, uint256[4] pkG2)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackOperatorRegisteredEvent(log *types.Log) (*DenominatorAllocationAVSOperatorRegistered, error) {
	event := "OperatorRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSOperatorRegistered)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DenominatorAllocationAVSOperatorSlashed represents a OperatorSlashed event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSOperatorSlashed struct {
	Round    *big.Int
	Operator common.Address
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSOperatorSlashedEventName = "OperatorSlashed"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSOperatorSlashed) ContractEventName() string {
	return DenominatorAllocationAVSOperatorSlashedEventName
}

// UnpackOperatorSlashedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OperatorSlashed(uint256 indexed round, address indexed operator, uint256 amount)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackOperatorSlashedEvent(log *types.Log) (*DenominatorAllocationAVSOperatorSlashed, error) {
	event := "OperatorSlashed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSOperatorSlashed)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DenominatorAllocationAVSOperatorWithdrawn represents a OperatorWithdrawn event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSOperatorWithdrawn struct {
	Operator common.Address
	Index    *big.Int
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSOperatorWithdrawnEventName = "OperatorWithdrawn"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSOperatorWithdrawn) ContractEventName() string {
	return DenominatorAllocationAVSOperatorWithdrawnEventName
}

// UnpackOperatorWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OperatorWithdrawn(address indexed operator, uint256 indexed index, uint256 amount)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackOperatorWithdrawnEvent(log *types.Log) (*DenominatorAllocationAVSOperatorWithdrawn, error) {
	event := "OperatorWithdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSOperatorWithdrawn)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DenominatorAllocationAVSRoundCommitmentsOpened represents a RoundCommitmentsOpened event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSRoundCommitmentsOpened struct {
	Round         *big.Int
	ProvidersRoot [32]byte
	ProviderCount *big.Int
	EntryCount    *big.Int
	Raw           *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSRoundCommitmentsOpenedEventName = "RoundCommitmentsOpened"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSRoundCommitmentsOpened) ContractEventName() string {
	return DenominatorAllocationAVSRoundCommitmentsOpenedEventName
}

// UnpackRoundCommitmentsOpenedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoundCommitmentsOpened(uint256 indexed round, bytes32 providersRoot, uint256 providerCount, uint256 entryCount)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackRoundCommitmentsOpenedEvent(log *types.Log) (*DenominatorAllocationAVSRoundCommitmentsOpened, error) {
	event := "RoundCommitmentsOpened"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSRoundCommitmentsOpened)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DenominatorAllocationAVSRoundFinalized represents a RoundFinalized event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSRoundFinalized struct {
	Round          *big.Int
	AllocationRoot [32]byte
	Raw            *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSRoundFinalizedEventName = "RoundFinalized"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSRoundFinalized) ContractEventName() string {
	return DenominatorAllocationAVSRoundFinalizedEventName
}

// UnpackRoundFinalizedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoundFinalized(uint256 indexed round, bytes32 allocationRoot)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackRoundFinalizedEvent(log *types.Log) (*DenominatorAllocationAVSRoundFinalized, error) {
	event := "RoundFinalized"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSRoundFinalized)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DenominatorAllocationAVSRowRevealed represents a RowRevealed event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSRowRevealed struct {
	Round    *big.Int
	Attempt  *big.Int
	Provider *big.Int
	Header   ProviderHeader
	Entries  []Entry
	Deadline *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const DenominatorAllocationAVSRowRevealedEventName = "RowRevealed"

// ContractEventName returns the user-defined event name.
func (DenominatorAllocationAVSRowRevealed) ContractEventName() string {
	return DenominatorAllocationAVSRowRevealedEventName
}

// UnpackRowRevealedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RowRevealed(uint256 indexed round, uint256 attempt, uint256 provider, (address,uint256,uint256,uint256,bytes32) header, (address,uint256,uint256)[] entries, uint256 deadline)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackRowRevealedEvent(log *types.Log) (*DenominatorAllocationAVSRowRevealed, error) {
	event := "RowRevealed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != denominatorAllocationAVS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DenominatorAllocationAVSRowRevealed)
	if len(log.Data) > 0 {
		if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range denominatorAllocationAVS.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["AlreadyChallenged"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackAlreadyChallengedError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["AlreadyRegistered"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackAlreadyRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["BatchNotVoided"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackBatchNotVoidedError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["BondTooLow"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackBondTooLowError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["CapacityOutOfRange"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackCapacityOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["ChallengeNotOpen"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackChallengeNotOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["ChallengeWindowClosed"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackChallengeWindowClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["ChallengesOpen"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackChallengesOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["DirtyAddress"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackDirtyAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["DuplicateKey"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackDuplicateKeyError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["EntriesRootMismatch"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackEntriesRootMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["EvidenceMismatch"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackEvidenceMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["FinalizeTooEarly"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackFinalizeTooEarlyError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidAllocRootProof"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidAllocRootProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidCounts"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidCountsError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidEntryProof"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidEntryProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidHeaderProof"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidHeaderProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidParams"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidParamsError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidProofOfPossession"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidProofOfPossessionError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidPublicKey"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidPublicKeyError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["ManifestMismatch"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackManifestMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["NoActiveStake"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackNoActiveStakeError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["NoFraud"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackNoFraudError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["NoLiveBatch"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackNoLiveBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["NoSigners"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackNoSignersError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["NoSuchObject"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackNoSuchObjectError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["NotCoordinator"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackNotCoordinatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["NotExited"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackNotExitedError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["NotRegistered"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackNotRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["NothingOwed"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackNothingOwedError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["OperatorNotActive"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackOperatorNotActiveError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["PrecompileFailed"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackPrecompileFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["ProofWindowClosed"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackProofWindowClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["QuorumNotMet"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackQuorumNotMetError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["ResolveWindowClosed"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackResolveWindowClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["ResolveWindowOpen"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackResolveWindowOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["RoundNotOpen"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackRoundNotOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["SignerNotActive"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackSignerNotActiveError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["StakeBelowMinimum"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackStakeBelowMinimumError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["TooManyOperators"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackTooManyOperatorsError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["TransferFailed"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackTransferFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["ValueOutOfRange"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackValueOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["WithdrawalTooEarly"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackWithdrawalTooEarlyError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["WrongAttempt"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackWrongAttemptError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["WrongPartSize"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackWrongPartSizeError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["WrongProviderCount"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackWrongProviderCountError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["WrongRound"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackWrongRoundError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["WrongRowLength"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackWrongRowLengthError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// DenominatorAllocationAVSAlreadyChallenged represents a AlreadyChallenged error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSAlreadyChallenged struct {
	Kind  uint8
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyChallenged(uint8 kind, uint256 index)
func DenominatorAllocationAVSAlreadyChallengedErrorID() common.Hash {
	return common.HexToHash("0xb43e4d695001bdb20b6d6cc68cfd8a401e82bc28515ab0f2b7b8542c07c89276")
}

// UnpackAlreadyChallengedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyChallenged(uint8 kind, uint256 index)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackAlreadyChallengedError(raw []byte) (*DenominatorAllocationAVSAlreadyChallenged, error) {
	out := new(DenominatorAllocationAVSAlreadyChallenged)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "AlreadyChallenged", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSAlreadyRegistered represents a AlreadyRegistered error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSAlreadyRegistered struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyRegistered(address operator)
func DenominatorAllocationAVSAlreadyRegisteredErrorID() common.Hash {
	return common.HexToHash("0x45ed80e9399c87887ea54f615514a1e3dde31e9b6c027ddceb4ffd503b70e428")
}

// UnpackAlreadyRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyRegistered(address operator)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackAlreadyRegisteredError(raw []byte) (*DenominatorAllocationAVSAlreadyRegistered, error) {
	out := new(DenominatorAllocationAVSAlreadyRegistered)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "AlreadyRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSBatchNotVoided represents a BatchNotVoided error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSBatchNotVoided struct {
	Round   *big.Int
	Attempt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BatchNotVoided(uint256 round, uint256 attempt)
func DenominatorAllocationAVSBatchNotVoidedErrorID() common.Hash {
	return common.HexToHash("0x14c4b6e21a8740b1704a01195495f642f822447aa9f9f5ec223e7de4dc152e4f")
}

// UnpackBatchNotVoidedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BatchNotVoided(uint256 round, uint256 attempt)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackBatchNotVoidedError(raw []byte) (*DenominatorAllocationAVSBatchNotVoided, error) {
	out := new(DenominatorAllocationAVSBatchNotVoided)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "BatchNotVoided", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSBondTooLow represents a BondTooLow error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSBondTooLow struct {
	Paid     *big.Int
	Required *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BondTooLow(uint256 paid, uint256 required)
func DenominatorAllocationAVSBondTooLowErrorID() common.Hash {
	return common.HexToHash("0x000155b5ebd7e31e61b2db21f595e5ecb1232ce27e1acf6160bc8d8a6f74ef24")
}

// UnpackBondTooLowError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BondTooLow(uint256 paid, uint256 required)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackBondTooLowError(raw []byte) (*DenominatorAllocationAVSBondTooLow, error) {
	out := new(DenominatorAllocationAVSBondTooLow)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "BondTooLow", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSCapacityOutOfRange represents a CapacityOutOfRange error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSCapacityOutOfRange struct {
	Capacity *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CapacityOutOfRange(uint256 capacity)
func DenominatorAllocationAVSCapacityOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x931b64046473f965581c0bf7d1e9f5d4346cef4fced6a67247da9e3bd99ee309")
}

// UnpackCapacityOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CapacityOutOfRange(uint256 capacity)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackCapacityOutOfRangeError(raw []byte) (*DenominatorAllocationAVSCapacityOutOfRange, error) {
	out := new(DenominatorAllocationAVSCapacityOutOfRange)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "CapacityOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSChallengeNotOpen represents a ChallengeNotOpen error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSChallengeNotOpen struct {
	Kind  uint8
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChallengeNotOpen(uint8 kind, uint256 index)
func DenominatorAllocationAVSChallengeNotOpenErrorID() common.Hash {
	return common.HexToHash("0xa3ee46fa4c4f9cde6f3a3a7d9523d5cd12e71454037a59561fc23601d3cf7969")
}

// UnpackChallengeNotOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChallengeNotOpen(uint8 kind, uint256 index)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackChallengeNotOpenError(raw []byte) (*DenominatorAllocationAVSChallengeNotOpen, error) {
	out := new(DenominatorAllocationAVSChallengeNotOpen)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "ChallengeNotOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSChallengeWindowClosed represents a ChallengeWindowClosed error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSChallengeWindowClosed struct {
	LastBlock *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChallengeWindowClosed(uint256 lastBlock)
func DenominatorAllocationAVSChallengeWindowClosedErrorID() common.Hash {
	return common.HexToHash("0x4046dd81830080823ff817cf7dc48d363c5fc9c21f48af3932bbd3e212cfd1a7")
}

// UnpackChallengeWindowClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChallengeWindowClosed(uint256 lastBlock)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackChallengeWindowClosedError(raw []byte) (*DenominatorAllocationAVSChallengeWindowClosed, error) {
	out := new(DenominatorAllocationAVSChallengeWindowClosed)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "ChallengeWindowClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSChallengesOpen represents a ChallengesOpen error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSChallengesOpen struct {
	Count *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChallengesOpen(uint256 count)
func DenominatorAllocationAVSChallengesOpenErrorID() common.Hash {
	return common.HexToHash("0xe1010cf62221aebce7137254215d1ed2feaa2aba736cc2c097f71f400c04cb6c")
}

// UnpackChallengesOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChallengesOpen(uint256 count)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackChallengesOpenError(raw []byte) (*DenominatorAllocationAVSChallengesOpen, error) {
	out := new(DenominatorAllocationAVSChallengesOpen)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "ChallengesOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSDirtyAddress represents a DirtyAddress error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSDirtyAddress struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DirtyAddress(uint256 index)
func DenominatorAllocationAVSDirtyAddressErrorID() common.Hash {
	return common.HexToHash("0x1b1d21729708ad90c8c15f9619d82bec6517867d79d99ff98ea72e3a65ac7e64")
}

// UnpackDirtyAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DirtyAddress(uint256 index)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackDirtyAddressError(raw []byte) (*DenominatorAllocationAVSDirtyAddress, error) {
	out := new(DenominatorAllocationAVSDirtyAddress)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "DirtyAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSDuplicateKey represents a DuplicateKey error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSDuplicateKey struct {
	KeyHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DuplicateKey(bytes32 keyHash)
func DenominatorAllocationAVSDuplicateKeyErrorID() common.Hash {
	return common.HexToHash("0x087f1bff481d382c96095413207252a24040a930e74f55ee910f9b2ffd979254")
}

// UnpackDuplicateKeyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DuplicateKey(bytes32 keyHash)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackDuplicateKeyError(raw []byte) (*DenominatorAllocationAVSDuplicateKey, error) {
	out := new(DenominatorAllocationAVSDuplicateKey)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "DuplicateKey", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSEntriesRootMismatch represents a EntriesRootMismatch error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSEntriesRootMismatch struct {
	Expected [32]byte
	Rebuilt  [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EntriesRootMismatch(bytes32 expected, bytes32 rebuilt)
func DenominatorAllocationAVSEntriesRootMismatchErrorID() common.Hash {
	return common.HexToHash("0x6959c5cefbe6d5e24c544e9586fd7c14340311298663d75ea115833043b4b4bd")
}

// UnpackEntriesRootMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EntriesRootMismatch(bytes32 expected, bytes32 rebuilt)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackEntriesRootMismatchError(raw []byte) (*DenominatorAllocationAVSEntriesRootMismatch, error) {
	out := new(DenominatorAllocationAVSEntriesRootMismatch)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "EntriesRootMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSEvidenceMismatch represents a EvidenceMismatch error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSEvidenceMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EvidenceMismatch()
func DenominatorAllocationAVSEvidenceMismatchErrorID() common.Hash {
	return common.HexToHash("0x33f41f28d82d07ad415dd33e66db8698edda93352f994a6ce78cfe3cc0695630")
}

// UnpackEvidenceMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EvidenceMismatch()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackEvidenceMismatchError(raw []byte) (*DenominatorAllocationAVSEvidenceMismatch, error) {
	out := new(DenominatorAllocationAVSEvidenceMismatch)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "EvidenceMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSFinalizeTooEarly represents a FinalizeTooEarly error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSFinalizeTooEarly struct {
	Deadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FinalizeTooEarly(uint256 deadline)
func DenominatorAllocationAVSFinalizeTooEarlyErrorID() common.Hash {
	return common.HexToHash("0x8dd9dece8c45db340155bbf2a304bcc3ac597a40a18b47cda3a85ad4b706faa6")
}

// UnpackFinalizeTooEarlyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FinalizeTooEarly(uint256 deadline)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackFinalizeTooEarlyError(raw []byte) (*DenominatorAllocationAVSFinalizeTooEarly, error) {
	out := new(DenominatorAllocationAVSFinalizeTooEarly)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "FinalizeTooEarly", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSInvalidAllocRootProof represents a InvalidAllocRootProof error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSInvalidAllocRootProof struct {
	P *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAllocRootProof(uint256 p)
func DenominatorAllocationAVSInvalidAllocRootProofErrorID() common.Hash {
	return common.HexToHash("0x97f5a6dca312add45e7e070f6d22c8d2526fd4102f0795da5dd7e8ef283dcc81")
}

// UnpackInvalidAllocRootProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAllocRootProof(uint256 p)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackInvalidAllocRootProofError(raw []byte) (*DenominatorAllocationAVSInvalidAllocRootProof, error) {
	out := new(DenominatorAllocationAVSInvalidAllocRootProof)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "InvalidAllocRootProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSInvalidCounts represents a InvalidCounts error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSInvalidCounts struct {
	ProviderCount *big.Int
	EntryCount    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidCounts(uint256 providerCount, uint256 entryCount)
func DenominatorAllocationAVSInvalidCountsErrorID() common.Hash {
	return common.HexToHash("0x44a6750f49d2b8fe3abe93eafebffb10fdf22d60fdfa125a6915fa8fee89be8f")
}

// UnpackInvalidCountsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidCounts(uint256 providerCount, uint256 entryCount)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackInvalidCountsError(raw []byte) (*DenominatorAllocationAVSInvalidCounts, error) {
	out := new(DenominatorAllocationAVSInvalidCounts)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "InvalidCounts", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSInvalidEntryProof represents a InvalidEntryProof error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSInvalidEntryProof struct {
	J *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidEntryProof(uint256 j)
func DenominatorAllocationAVSInvalidEntryProofErrorID() common.Hash {
	return common.HexToHash("0x55bb8db652e2ddb99f5e5def33b5c0292d73d0b3ae8225aa3dbf1b030d1cf65a")
}

// UnpackInvalidEntryProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidEntryProof(uint256 j)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackInvalidEntryProofError(raw []byte) (*DenominatorAllocationAVSInvalidEntryProof, error) {
	out := new(DenominatorAllocationAVSInvalidEntryProof)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "InvalidEntryProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSInvalidHeaderProof represents a InvalidHeaderProof error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSInvalidHeaderProof struct {
	P *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidHeaderProof(uint256 p)
func DenominatorAllocationAVSInvalidHeaderProofErrorID() common.Hash {
	return common.HexToHash("0xb3820bfc49c9f8714fc5a4ef4fabe8400cd70dad453000b89e245cabd079677f")
}

// UnpackInvalidHeaderProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidHeaderProof(uint256 p)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackInvalidHeaderProofError(raw []byte) (*DenominatorAllocationAVSInvalidHeaderProof, error) {
	out := new(DenominatorAllocationAVSInvalidHeaderProof)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "InvalidHeaderProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSInvalidParams represents a InvalidParams error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSInvalidParams struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidParams()
func DenominatorAllocationAVSInvalidParamsErrorID() common.Hash {
	return common.HexToHash("0xa86b65120b98ec2b50fcad62782dbb454a5c0604e0cf2db01fd94e5048d895b9")
}

// UnpackInvalidParamsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidParams()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackInvalidParamsError(raw []byte) (*DenominatorAllocationAVSInvalidParams, error) {
	out := new(DenominatorAllocationAVSInvalidParams)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "InvalidParams", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSInvalidProofOfPossession represents a InvalidProofOfPossession error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSInvalidProofOfPossession struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidProofOfPossession()
func DenominatorAllocationAVSInvalidProofOfPossessionErrorID() common.Hash {
	return common.HexToHash("0x92536faf1153f408422ef920697ee2d9d27f6ccade5bbefe6b7de0cacab986fc")
}

// UnpackInvalidProofOfPossessionError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidProofOfPossession()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackInvalidProofOfPossessionError(raw []byte) (*DenominatorAllocationAVSInvalidProofOfPossession, error) {
	out := new(DenominatorAllocationAVSInvalidProofOfPossession)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "InvalidProofOfPossession", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSInvalidPublicKey represents a InvalidPublicKey error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSInvalidPublicKey struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidPublicKey()
func DenominatorAllocationAVSInvalidPublicKeyErrorID() common.Hash {
	return common.HexToHash("0xa2d0fee854985cb3d3a394146b5df1c41d5b4d6fcede7fc57a3c05a49b2f3e73")
}

// UnpackInvalidPublicKeyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidPublicKey()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackInvalidPublicKeyError(raw []byte) (*DenominatorAllocationAVSInvalidPublicKey, error) {
	out := new(DenominatorAllocationAVSInvalidPublicKey)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "InvalidPublicKey", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSInvalidSignature represents a InvalidSignature error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSInvalidSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature()
func DenominatorAllocationAVSInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0x8baa579fce362245063d36f11747a89dd489c54795634fc673cc0e0db51fedc5")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackInvalidSignatureError(raw []byte) (*DenominatorAllocationAVSInvalidSignature, error) {
	out := new(DenominatorAllocationAVSInvalidSignature)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSManifestMismatch represents a ManifestMismatch error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSManifestMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ManifestMismatch()
func DenominatorAllocationAVSManifestMismatchErrorID() common.Hash {
	return common.HexToHash("0x22947ee2d48d19cfce4719c80b9b7ffd71e2a96e2cda57ba354bca93f8bea013")
}

// UnpackManifestMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ManifestMismatch()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackManifestMismatchError(raw []byte) (*DenominatorAllocationAVSManifestMismatch, error) {
	out := new(DenominatorAllocationAVSManifestMismatch)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "ManifestMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSNoActiveStake represents a NoActiveStake error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSNoActiveStake struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoActiveStake()
func DenominatorAllocationAVSNoActiveStakeErrorID() common.Hash {
	return common.HexToHash("0xfb3489420c4b4e1b4f16b7b402c6bb23cb1826a7ee261b72206c2250f40b0d42")
}

// UnpackNoActiveStakeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoActiveStake()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackNoActiveStakeError(raw []byte) (*DenominatorAllocationAVSNoActiveStake, error) {
	out := new(DenominatorAllocationAVSNoActiveStake)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "NoActiveStake", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSNoFraud represents a NoFraud error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSNoFraud struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoFraud()
func DenominatorAllocationAVSNoFraudErrorID() common.Hash {
	return common.HexToHash("0xbb6a9cb54cbbbf928521eb87c047d0a049a304ad79d8a9ea5b254b1787818fe4")
}

// UnpackNoFraudError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoFraud()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackNoFraudError(raw []byte) (*DenominatorAllocationAVSNoFraud, error) {
	out := new(DenominatorAllocationAVSNoFraud)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "NoFraud", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSNoLiveBatch represents a NoLiveBatch error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSNoLiveBatch struct {
	Round *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoLiveBatch(uint256 round)
func DenominatorAllocationAVSNoLiveBatchErrorID() common.Hash {
	return common.HexToHash("0xbcd90f00ceaf46f951fa30ca2446604788c1e64d576f1cf3bc24ce0c2f5ae6d9")
}

// UnpackNoLiveBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoLiveBatch(uint256 round)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackNoLiveBatchError(raw []byte) (*DenominatorAllocationAVSNoLiveBatch, error) {
	out := new(DenominatorAllocationAVSNoLiveBatch)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "NoLiveBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSNoSigners represents a NoSigners error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSNoSigners struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoSigners()
func DenominatorAllocationAVSNoSignersErrorID() common.Hash {
	return common.HexToHash("0xc7af40f04dbbe7f3c132fc897339fea9aa96418b5a8074edabf89ed0e4594ae0")
}

// UnpackNoSignersError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoSigners()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackNoSignersError(raw []byte) (*DenominatorAllocationAVSNoSigners, error) {
	out := new(DenominatorAllocationAVSNoSigners)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "NoSigners", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSNoSuchObject represents a NoSuchObject error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSNoSuchObject struct {
	Kind  uint8
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoSuchObject(uint8 kind, uint256 index)
func DenominatorAllocationAVSNoSuchObjectErrorID() common.Hash {
	return common.HexToHash("0x7b466d136bb76f25393ab0c8e45fdf1ce275e59a64385439831ca1794f2a0d16")
}

// UnpackNoSuchObjectError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoSuchObject(uint8 kind, uint256 index)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackNoSuchObjectError(raw []byte) (*DenominatorAllocationAVSNoSuchObject, error) {
	out := new(DenominatorAllocationAVSNoSuchObject)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "NoSuchObject", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSNotCoordinator represents a NotCoordinator error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSNotCoordinator struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotCoordinator(address caller)
func DenominatorAllocationAVSNotCoordinatorErrorID() common.Hash {
	return common.HexToHash("0xf01654dfa2acef475e0ff21d0f9b6ee860672131748a53fb337192529f065117")
}

// UnpackNotCoordinatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotCoordinator(address caller)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackNotCoordinatorError(raw []byte) (*DenominatorAllocationAVSNotCoordinator, error) {
	out := new(DenominatorAllocationAVSNotCoordinator)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "NotCoordinator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSNotExited represents a NotExited error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSNotExited struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotExited(address operator)
func DenominatorAllocationAVSNotExitedErrorID() common.Hash {
	return common.HexToHash("0x5f0fd8c0b85fdf46f615e343efc2cd433727db00a1aaa7dc1c107a51b3fbd5d7")
}

// UnpackNotExitedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotExited(address operator)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackNotExitedError(raw []byte) (*DenominatorAllocationAVSNotExited, error) {
	out := new(DenominatorAllocationAVSNotExited)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "NotExited", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSNotRegistered represents a NotRegistered error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSNotRegistered struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotRegistered(address operator)
func DenominatorAllocationAVSNotRegisteredErrorID() common.Hash {
	return common.HexToHash("0xbfc6c337a80b7b8201f77f0a2a54c6e5f7c6fd9124a749804a482fa16ee8a895")
}

// UnpackNotRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotRegistered(address operator)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackNotRegisteredError(raw []byte) (*DenominatorAllocationAVSNotRegistered, error) {
	out := new(DenominatorAllocationAVSNotRegistered)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "NotRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSNothingOwed represents a NothingOwed error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSNothingOwed struct {
	To common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingOwed(address to)
func DenominatorAllocationAVSNothingOwedErrorID() common.Hash {
	return common.HexToHash("0x751b0fdaa408a0c7537afaf0af96a92598192bff093a0ad0f684a7c83bc223c9")
}

// UnpackNothingOwedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingOwed(address to)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackNothingOwedError(raw []byte) (*DenominatorAllocationAVSNothingOwed, error) {
	out := new(DenominatorAllocationAVSNothingOwed)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "NothingOwed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSOperatorNotActive represents a OperatorNotActive error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSOperatorNotActive struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OperatorNotActive(address operator)
func DenominatorAllocationAVSOperatorNotActiveErrorID() common.Hash {
	return common.HexToHash("0xe356d5aad74a71afce3cc3233fa1d417416e8011f3a9da26a7bfbb22754a5443")
}

// UnpackOperatorNotActiveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OperatorNotActive(address operator)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackOperatorNotActiveError(raw []byte) (*DenominatorAllocationAVSOperatorNotActive, error) {
	out := new(DenominatorAllocationAVSOperatorNotActive)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "OperatorNotActive", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSPrecompileFailed represents a PrecompileFailed error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSPrecompileFailed struct {
	Precompile *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PrecompileFailed(uint256 precompile)
func DenominatorAllocationAVSPrecompileFailedErrorID() common.Hash {
	return common.HexToHash("0x00a48593f9c209d4d7e3b1ee4f754577225379f193a95f3a1400534a74238e14")
}

// UnpackPrecompileFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PrecompileFailed(uint256 precompile)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackPrecompileFailedError(raw []byte) (*DenominatorAllocationAVSPrecompileFailed, error) {
	out := new(DenominatorAllocationAVSPrecompileFailed)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "PrecompileFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSProofWindowClosed represents a ProofWindowClosed error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSProofWindowClosed struct {
	Deadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ProofWindowClosed(uint256 deadline)
func DenominatorAllocationAVSProofWindowClosedErrorID() common.Hash {
	return common.HexToHash("0xc38b36e367d6599540c4560ed583f0b909958ff8b4d74995d14959e64c5439b9")
}

// UnpackProofWindowClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ProofWindowClosed(uint256 deadline)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackProofWindowClosedError(raw []byte) (*DenominatorAllocationAVSProofWindowClosed, error) {
	out := new(DenominatorAllocationAVSProofWindowClosed)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "ProofWindowClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSQuorumNotMet represents a QuorumNotMet error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSQuorumNotMet struct {
	SigningStake *big.Int
	ActiveStake  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error QuorumNotMet(uint256 signingStake, uint256 activeStake)
func DenominatorAllocationAVSQuorumNotMetErrorID() common.Hash {
	return common.HexToHash("0x2694e19ef8826833c92b7de49e067a7954ff8a5f5d0b84a7edb0333ad3a5af94")
}

// UnpackQuorumNotMetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error QuorumNotMet(uint256 signingStake, uint256 activeStake)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackQuorumNotMetError(raw []byte) (*DenominatorAllocationAVSQuorumNotMet, error) {
	out := new(DenominatorAllocationAVSQuorumNotMet)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "QuorumNotMet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSResolveWindowClosed represents a ResolveWindowClosed error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSResolveWindowClosed struct {
	LastBlock *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ResolveWindowClosed(uint256 lastBlock)
func DenominatorAllocationAVSResolveWindowClosedErrorID() common.Hash {
	return common.HexToHash("0x35c99e34a22510ce9cb91856cd2adf5cdd99c06d4c8485dc51ce0d541ce22c62")
}

// UnpackResolveWindowClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ResolveWindowClosed(uint256 lastBlock)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackResolveWindowClosedError(raw []byte) (*DenominatorAllocationAVSResolveWindowClosed, error) {
	out := new(DenominatorAllocationAVSResolveWindowClosed)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "ResolveWindowClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSResolveWindowOpen represents a ResolveWindowOpen error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSResolveWindowOpen struct {
	LastBlock *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ResolveWindowOpen(uint256 lastBlock)
func DenominatorAllocationAVSResolveWindowOpenErrorID() common.Hash {
	return common.HexToHash("0xf941a5442d880374d4be804c1f485627c0d616c1db69f6a8b3fdf8db4039ca40")
}

// UnpackResolveWindowOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ResolveWindowOpen(uint256 lastBlock)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackResolveWindowOpenError(raw []byte) (*DenominatorAllocationAVSResolveWindowOpen, error) {
	out := new(DenominatorAllocationAVSResolveWindowOpen)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "ResolveWindowOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSRoundNotOpen represents a RoundNotOpen error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSRoundNotOpen struct {
	Round  *big.Int
	Status uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundNotOpen(uint256 round, uint8 status)
func DenominatorAllocationAVSRoundNotOpenErrorID() common.Hash {
	return common.HexToHash("0x8df59e9acfbe750ccd160a8224d55a2abd00dfdc225cfe1ec8c26db29094d2a7")
}

// UnpackRoundNotOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundNotOpen(uint256 round, uint8 status)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackRoundNotOpenError(raw []byte) (*DenominatorAllocationAVSRoundNotOpen, error) {
	out := new(DenominatorAllocationAVSRoundNotOpen)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "RoundNotOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSSignerNotActive represents a SignerNotActive error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSSignerNotActive struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignerNotActive(uint256 index)
func DenominatorAllocationAVSSignerNotActiveErrorID() common.Hash {
	return common.HexToHash("0x47d1069bf3f44f4b90f6fe2e335746638d7aa02fd9b36d701ec5f336672fa682")
}

// UnpackSignerNotActiveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignerNotActive(uint256 index)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackSignerNotActiveError(raw []byte) (*DenominatorAllocationAVSSignerNotActive, error) {
	out := new(DenominatorAllocationAVSSignerNotActive)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "SignerNotActive", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSStakeBelowMinimum represents a StakeBelowMinimum error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSStakeBelowMinimum struct {
	Stake   *big.Int
	Minimum *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StakeBelowMinimum(uint256 stake, uint256 minimum)
func DenominatorAllocationAVSStakeBelowMinimumErrorID() common.Hash {
	return common.HexToHash("0x78e030db6dab79f2b1f675555d46c1e1b9504d86f8ec1f9c65f3cd21b236deed")
}

// UnpackStakeBelowMinimumError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StakeBelowMinimum(uint256 stake, uint256 minimum)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackStakeBelowMinimumError(raw []byte) (*DenominatorAllocationAVSStakeBelowMinimum, error) {
	out := new(DenominatorAllocationAVSStakeBelowMinimum)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "StakeBelowMinimum", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSTooManyOperators represents a TooManyOperators error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSTooManyOperators struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooManyOperators()
func DenominatorAllocationAVSTooManyOperatorsErrorID() common.Hash {
	return common.HexToHash("0x6055dca101c7d7e382b601e37811f4f1ac1d79565b1b37ac5ed77f06f4f967d3")
}

// UnpackTooManyOperatorsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooManyOperators()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackTooManyOperatorsError(raw []byte) (*DenominatorAllocationAVSTooManyOperators, error) {
	out := new(DenominatorAllocationAVSTooManyOperators)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "TooManyOperators", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSTransferFailed represents a TransferFailed error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSTransferFailed struct {
	To     common.Address
	Amount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferFailed(address to, uint256 amount)
func DenominatorAllocationAVSTransferFailedErrorID() common.Hash {
	return common.HexToHash("0x1c43b9761b3fba5321ca8212bfc231945f668ccc0c446f333999eea9ce8fda81")
}

// UnpackTransferFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferFailed(address to, uint256 amount)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackTransferFailedError(raw []byte) (*DenominatorAllocationAVSTransferFailed, error) {
	out := new(DenominatorAllocationAVSTransferFailed)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "TransferFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSValueOutOfRange represents a ValueOutOfRange error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSValueOutOfRange struct {
	Entry *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValueOutOfRange(uint256 entry)
func DenominatorAllocationAVSValueOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x15bd01b61751ee8f31740fc70a2f32a7ef3e4fe8f165ebee6d3c3b4509f09be6")
}

// UnpackValueOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValueOutOfRange(uint256 entry)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackValueOutOfRangeError(raw []byte) (*DenominatorAllocationAVSValueOutOfRange, error) {
	out := new(DenominatorAllocationAVSValueOutOfRange)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "ValueOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSWithdrawalTooEarly represents a WithdrawalTooEarly error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSWithdrawalTooEarly struct {
	WithdrawableBlock *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WithdrawalTooEarly(uint256 withdrawableBlock)
func DenominatorAllocationAVSWithdrawalTooEarlyErrorID() common.Hash {
	return common.HexToHash("0xf6444a8eb5fc989219b46ccf703b8ba6e0da15da3073d46a1d08f00a0a64115f")
}

// UnpackWithdrawalTooEarlyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WithdrawalTooEarly(uint256 withdrawableBlock)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackWithdrawalTooEarlyError(raw []byte) (*DenominatorAllocationAVSWithdrawalTooEarly, error) {
	out := new(DenominatorAllocationAVSWithdrawalTooEarly)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "WithdrawalTooEarly", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSWrongAttempt represents a WrongAttempt error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSWrongAttempt struct {
	Expected *big.Int
	Got      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongAttempt(uint256 expected, uint256 got)
func DenominatorAllocationAVSWrongAttemptErrorID() common.Hash {
	return common.HexToHash("0xbdc0941a605ab4dd7319cf03e89803f5b01caa7a64a86b9fa2a34c6129de5d5b")
}

// UnpackWrongAttemptError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongAttempt(uint256 expected, uint256 got)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackWrongAttemptError(raw []byte) (*DenominatorAllocationAVSWrongAttempt, error) {
	out := new(DenominatorAllocationAVSWrongAttempt)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "WrongAttempt", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSWrongPartSize represents a WrongPartSize error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSWrongPartSize struct {
	Expected *big.Int
	Given    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongPartSize(uint256 expected, uint256 given)
func DenominatorAllocationAVSWrongPartSizeErrorID() common.Hash {
	return common.HexToHash("0x469fbde203f726ac7775b42ee9d8f2e2d41beb2ba94b2c25cb788dcae254730b")
}

// UnpackWrongPartSizeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongPartSize(uint256 expected, uint256 given)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackWrongPartSizeError(raw []byte) (*DenominatorAllocationAVSWrongPartSize, error) {
	out := new(DenominatorAllocationAVSWrongPartSize)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "WrongPartSize", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSWrongProviderCount represents a WrongProviderCount error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSWrongProviderCount struct {
	Expected *big.Int
	Got      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongProviderCount(uint256 expected, uint256 got)
func DenominatorAllocationAVSWrongProviderCountErrorID() common.Hash {
	return common.HexToHash("0x1ccfbe3b74a05075d2b020268277b8d7f6f95cfb9439520531d815e976a2255c")
}

// UnpackWrongProviderCountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongProviderCount(uint256 expected, uint256 got)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackWrongProviderCountError(raw []byte) (*DenominatorAllocationAVSWrongProviderCount, error) {
	out := new(DenominatorAllocationAVSWrongProviderCount)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "WrongProviderCount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSWrongRound represents a WrongRound error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSWrongRound struct {
	Expected *big.Int
	Got      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongRound(uint256 expected, uint256 got)
func DenominatorAllocationAVSWrongRoundErrorID() common.Hash {
	return common.HexToHash("0x5f8833f9ba9df63c7444161671136f1e636bd478b8666485c04ee0de2c3ebd94")
}

// UnpackWrongRoundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongRound(uint256 expected, uint256 got)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackWrongRoundError(raw []byte) (*DenominatorAllocationAVSWrongRound, error) {
	out := new(DenominatorAllocationAVSWrongRound)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "WrongRound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSWrongRowLength represents a WrongRowLength error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSWrongRowLength struct {
	EntryCount *big.Int
	Given      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongRowLength(uint256 entryCount, uint256 given)
func DenominatorAllocationAVSWrongRowLengthErrorID() common.Hash {
	return common.HexToHash("0x435203f4adc2a0e7a4560bc75dccf57bb09a10291bb29670c59bd6b7d26d7133")
}

// UnpackWrongRowLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongRowLength(uint256 entryCount, uint256 given)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackWrongRowLengthError(raw []byte) (*DenominatorAllocationAVSWrongRowLength, error) {
	out := new(DenominatorAllocationAVSWrongRowLength)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "WrongRowLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ForwarderMetaData contains all meta data concerning the Forwarder contract.
var ForwarderMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"reason\",\"type\":\"bytes\"}],\"name\":\"CallFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"execute\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes[]\",\"name\":\"data\",\"type\":\"bytes[]\"}],\"name\":\"executeAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "d3739dc6d42119d0a21b01693184f961b0",
	Bin: "0x60a0604052348015600e575f5ffd5b506040516104eb3803806104eb833981016040819052602b91603b565b6001600160a01b03166080526066565b5f60208284031215604a575f5ffd5b81516001600160a01b0381168114605f575f5ffd5b9392505050565b60805161046161008a5f395f818160920152818160d9015261013e01526104615ff3fe608060405260043610610033575f3560e01c80631cff79cd146100375780632d7712d8146100605780638da5cb5b14610081575b5f5ffd5b61004a610045366004610271565b6100cc565b604051610057919061031d565b60405180910390f35b34801561006b575f5ffd5b5061007f61007a366004610336565b610133565b005b34801561008c575f5ffd5b506100b47f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610057565b6060336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461011e5760405163245aecd360e01b81523360048201526024015b60405180910390fd5b61012b848484345f6101c6565b949350505050565b336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461017e5760405163245aecd360e01b8152336004820152602401610115565b5f5b818110156101c0576101b78484848481811061019e5761019e6103a6565b90506020028101906101b091906103ba565b5f856101c6565b50600101610180565b50505050565b60605f5f876001600160a01b03168588886040516101e5929190610404565b5f6040518083038185875af1925050503d805f811461021f576040519150601f19603f3d011682016040523d82523d5f602084013e610224565b606091505b50915091508161024b578381604051635c0dee5d60e01b8152600401610115929190610413565b979650505050505050565b80356001600160a01b038116811461026c575f5ffd5b919050565b5f5f5f60408486031215610283575f5ffd5b61028c84610256565b9250602084013567ffffffffffffffff8111156102a7575f5ffd5b8401601f810186136102b7575f5ffd5b803567ffffffffffffffff8111156102cd575f5ffd5b8660208284010111156102de575f5ffd5b939660209190910195509293505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f61032f60208301846102ef565b9392505050565b5f5f5f60408486031215610348575f5ffd5b61035184610256565b9250602084013567ffffffffffffffff81111561036c575f5ffd5b8401601f8101861361037c575f5ffd5b803567ffffffffffffffff811115610392575f5ffd5b8660208260051b84010111156102de575f5ffd5b634e487b7160e01b5f52603260045260245ffd5b5f5f8335601e198436030181126103cf575f5ffd5b83018035915067ffffffffffffffff8211156103e9575f5ffd5b6020019150368190038213156103fd575f5ffd5b9250929050565b818382375f9101908152919050565b828152604060208201525f61012b60408301846102ef56fea264697066735822122017d120974ce8af258dc4421b00e420d96ee678ca5aee4024e0c1a093d94f909764736f6c63430008250033",
}

// Forwarder is an auto generated Go binding around an Ethereum contract.
type Forwarder struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Forwarder) GetABI() abi.ABI {
	return c.abi
}

// NewForwarder creates a new instance of Forwarder.
func NewForwarder() *Forwarder {
	parsed, err := ForwarderMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Forwarder{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Forwarder) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address owner_) returns()
func (forwarder *Forwarder) PackConstructor(owner_ common.Address) []byte {
	enc, err := forwarder.abi.Pack("", owner_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackExecute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1cff79cd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function execute(address target, bytes data) payable returns(bytes)
func (forwarder *Forwarder) PackExecute(target common.Address, data []byte) []byte {
	enc, err := forwarder.abi.Pack("execute", target, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExecute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1cff79cd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function execute(address target, bytes data) payable returns(bytes)
func (forwarder *Forwarder) TryPackExecute(target common.Address, data []byte) ([]byte, error) {
	return forwarder.abi.Pack("execute", target, data)
}

// UnpackExecute is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1cff79cd.
//
// Solidity: function execute(address target, bytes data) payable returns(bytes)
func (forwarder *Forwarder) UnpackExecute(data []byte) ([]byte, error) {
	out, err := forwarder.abi.Unpack("execute", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackExecuteAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2d7712d8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function executeAll(address target, bytes[] data) returns()
func (forwarder *Forwarder) PackExecuteAll(target common.Address, data [][]byte) []byte {
	enc, err := forwarder.abi.Pack("executeAll", target, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExecuteAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2d7712d8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function executeAll(address target, bytes[] data) returns()
func (forwarder *Forwarder) TryPackExecuteAll(target common.Address, data [][]byte) ([]byte, error) {
	return forwarder.abi.Pack("executeAll", target, data)
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (forwarder *Forwarder) PackOwner() []byte {
	enc, err := forwarder.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (forwarder *Forwarder) TryPackOwner() ([]byte, error) {
	return forwarder.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (forwarder *Forwarder) UnpackOwner(data []byte) (common.Address, error) {
	out, err := forwarder.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (forwarder *Forwarder) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], forwarder.abi.Errors["CallFailed"].ID.Bytes()[:4]) {
		return forwarder.UnpackCallFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], forwarder.abi.Errors["NotOwner"].ID.Bytes()[:4]) {
		return forwarder.UnpackNotOwnerError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ForwarderCallFailed represents a CallFailed error raised by the Forwarder contract.
type ForwarderCallFailed struct {
	Index  *big.Int
	Reason []byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CallFailed(uint256 index, bytes reason)
func ForwarderCallFailedErrorID() common.Hash {
	return common.HexToHash("0x5c0dee5d32a1e145396705da49c1e64a2b1d63387f78c2697100f655567f5de9")
}

// UnpackCallFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CallFailed(uint256 index, bytes reason)
func (forwarder *Forwarder) UnpackCallFailedError(raw []byte) (*ForwarderCallFailed, error) {
	out := new(ForwarderCallFailed)
	if err := forwarder.abi.UnpackIntoInterface(out, "CallFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ForwarderNotOwner represents a NotOwner error raised by the Forwarder contract.
type ForwarderNotOwner struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotOwner(address caller)
func ForwarderNotOwnerErrorID() common.Hash {
	return common.HexToHash("0x245aecd3fabbd17d6c3c92dc7f0ab916ea8cbf6fc1862c8b56893090ac3fff4c")
}

// UnpackNotOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotOwner(address caller)
func (forwarder *Forwarder) UnpackNotOwnerError(raw []byte) (*ForwarderNotOwner, error) {
	out := new(ForwarderNotOwner)
	if err := forwarder.abi.UnpackIntoInterface(out, "NotOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProtocolHarnessMetaData contains all meta data concerning the ProtocolHarness contract.
var ProtocolHarnessMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"}],\"name\":\"CapacityOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"DirtyAddress\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"precompile\",\"type\":\"uint256\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"entry\",\"type\":\"uint256\"}],\"name\":\"ValueOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"allocLeaf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"commitmentRoot_\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"allocTreeRoot\",\"type\":\"bytes32\"}],\"name\":\"allocationRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"providersRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"providerCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"}],\"name\":\"commitmentRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structEntry[]\",\"name\":\"es\",\"type\":\"tuple[]\"}],\"name\":\"entriesRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structEntry\",\"name\":\"e\",\"type\":\"tuple\"}],\"name\":\"entryLeaf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"msgHash\",\"type\":\"bytes32\"}],\"name\":\"hashToG1\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"first\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader[]\",\"name\":\"hs\",\"type\":\"tuple[]\"},{\"internalType\":\"uint256\",\"name\":\"height\",\"type\":\"uint256\"}],\"name\":\"headersRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"entriesRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structProviderHeader[]\",\"name\":\"hs\",\"type\":\"tuple[]\"}],\"name\":\"providerLeaves\",\"outputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"leaves\",\"type\":\"bytes32[]\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structEntry[]\",\"name\":\"es\",\"type\":\"tuple[]\"}],\"name\":\"rowRoots\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"entriesRoot_\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"providerAllocRoot\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"leaves\",\"type\":\"bytes32[]\"}],\"name\":\"treeRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"msgHash\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"apkG1\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256[2]\",\"name\":\"X\",\"type\":\"uint256[2]\"},{\"internalType\":\"uint256[2]\",\"name\":\"Y\",\"type\":\"uint256[2]\"}],\"internalType\":\"structBN254.G2Point\",\"name\":\"apkG2\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"sigma\",\"type\":\"tuple\"}],\"name\":\"verifyBLS\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"allocTreeRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"providerCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"leaf\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"entryProof\",\"type\":\"bytes32[]\"},{\"internalType\":\"bytes32[]\",\"name\":\"providerProof\",\"type\":\"bytes32[]\"}],\"name\":\"verifyLeaf\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"leaf\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"k\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"n\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"verifyProof\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	ID:  "b35251a72fe2237c42fc21119fc84327a4",
	Bin: "0x6080604052348015600e575f5ffd5b506116148061001c5f395ff3fe608060405234801561000f575f5ffd5b50600436106100cb575f3560e01c806350982f5d116100885780639ef2a11d116100635780639ef2a11d146101b8578063b5ac73d2146101d8578063b721766d146101eb578063bdfff15e146101fe575f5ffd5b806350982f5d1461017f5780636191458f1461019257806379ace814146101a5575f5ffd5b80630b67cfa0146100cf57806315529291146100f5578063178dd94814610108578063184d72cd146101365780631b85154a1461014957806348ee10ff1461016c575b5f5ffd5b6100e26100dd366004610ff8565b610226565b6040519081526020015b60405180910390f35b6100e261010336600461105f565b61025a565b61011b6101163660046110ad565b610272565b604080518251815260209283015192810192909252016100ec565b6100e26101443660046110c4565b61028e565b61015c6101573660046111a1565b610299565b60405190151581526020016100ec565b61015c61017a36600461125e565b6102dd565b6100e261018d366004611316565b6102ff565b6100e26101a0366004611350565b610344565b61015c6101b336600461138e565b61034f565b6101cb6101c63660046113f2565b61036b565b6040516100ec9190611424565b6100e26101e636600461149b565b610408565b6100e26101f93660046114cd565b610413565b61021161020c3660046114fc565b610452565b604080519283526020830191909152016100ec565b604080516020808201859052818301849052825180830384018152606090920190925280519101205f905b90505b92915050565b5f6102678585858561046d565b90505b949350505050565b604080518082019091525f808252602082015261025482610520565b5f610254825f610609565b5f6102a384610641565b806102b457506102b284610656565b155b806102c557506102c382610656565b155b156102d157505f61026a565b61026785858585610701565b5f6102ef8a8a8a8a8a8a8a8a8a61077d565b90505b9998505050505050505050565b604080516001600160a01b0380861660208084019190915290851682840152606080830185905283518084039091018152608090920190925280519101205f9061026a565b5f61025183836107b3565b5f61035e8787878787876107e0565b90505b9695505050505050565b6060816001600160401b03811115610385576103856110dd565b6040519080825280602002602001820160405280156103ae578160200160208202803683370190505b5090505f5b82811015610401576103dc818585848181106103d1576103d1611551565b905060a0020161081d565b8282815181106103ee576103ee611551565b60209081029190910101526001016103b3565b5092915050565b5f610251838361085c565b6040805160208082018790528183018690526060820185905260808083018590528351808403909101815260a090920190925280519101205f90610267565b5f5f61046086868686610886565b9150915094509492505050565b5f828161048f61047e836001611579565b6040805160059290921b8201905290565b6040519091505f1990875f5b858110156104dd57813560a01c156104b5578093506104dd565b808b01835260a082602085013760c08320600582901b86015260a0919091019060010161049b565b5050505f19811461050957604051630d8e90b960e11b8152600481018290526024015b60405180910390fd5b610514828487610929565b98975050505050505050565b604080518082019091525f80825260208201525f61054b5f5160206115bf5f395f51905f528461158c565b90505b5f5f5160206115bf5f395f51905f5260035f5160206115bf5f395f51905f52845f5160206115bf5f395f51905f52868709090890505f6105bc827f0c19139cb84c680a6e14116da060561765e05aa45a1c72a34f082305b61f3f525f5160206115bf5f395f51905f52610980565b9050815f5160206115bf5f395f51905f52828309036105ee576040805180820190915292835260208301525092915050565b5f5160206115bf5f395f51905f52600184089250505061054e565b6040515f90833560a01c906060858237606090209150801561040157604051630d8e90b960e11b815260048101849052602401610500565b80515f90158015610254575050602001511590565b5f5f5160206115bf5f395f51905f52825f015110158061068757505f5160206115bf5f395f51905f52826020015110155b1561069357505f919050565b81511580156106a457506020820151155b156106b157506001919050565b5f5160206115bf5f395f51905f5260035f5160206115bf5f395f51905f5284515f5160206115bf5f395f51905f528651800909085f5160206115bf5f395f51905f52602084015180091492915050565b5f5f61070f868686866109e0565b90505f610725846107208885610a8b565b610ae3565b90505f61076861073489610520565b6107206107626040805180820182525f80825260209182015281518083019092526001825260029082015290565b86610a8b565b905061051482610776610b46565b8389610c06565b5f600a84118061078e575086841c15155b1561079a57505f6102f2565b6102ef8a6107aa888a8989610cc9565b8a8c87876107e0565b5f81816107c461047e836001611579565b90508160051b8582376107d78183610d4e565b95945050505050565b5f83851015806107f857506107f484610dc8565b8214155b1561080457505f610361565b8661081187878686610cc9565b14979650505050505050565b5f5f823560a01c905060405184815260a084602083013760c090209150801561040157604051630d8e90b960e11b815260048101859052602401610500565b5f8061086c61047e846001611579565b9050610879848483610dff565b5061026a90508184610d4e565b5f5f600160801b85106108af576040516324c6d90160e21b815260048101869052602401610500565b825f6108bf61047e836001611579565b90505f5f6108ce888885610dff565b915091505f1981146108f657604051630ade80db60e11b815260048101829052602401610500565b6109008385610d4e565b95506109108a8a8a8a8688610eb0565b61091a8385610d4e565b94505050505094509492505050565b5f6109348484610d4e565b90505f5f5b838110156109775761094a85610dc8565b8110610960575f83815260208390526040902092505b5f8281526020839052604090209150600101610939565b50509392505050565b5f5f60405160208152602080820152602060408201528560608201528460808201528360a082015260208160c08360055afa905192509050806109d85760405162a4859360e01b815260056004820152602401610500565b509392505050565b8251602080850151845180519083015186840151805190850151875188870151604080519889018e90528801989098526060870195909552608086019390935260a085019190915260c084015260e08301526101008201526101208101919091525f907f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000019061014001604051602081830303815290604052805190602001205f1c610267919061158c565b604080518082019091525f80825260208201525f604051845181526020850151602082015283604082015260408360608360075afa915050806104015760405162a4859360e01b815260076004820152602401610500565b604080518082019091525f80825260208201525f6040518451815260208501516020820152835160408201526020840151606082015260408360808360065afa915050806104015760405162a4859360e01b815260066004820152602401610500565b610b4e610f97565b50604080516080810182527f198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c28183019081527f1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed6060830152815281518083019092527f275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec82527f1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d60208381019190915281019190915290565b60408051610180810182528551815260208087015181830152855151928201929092528451820151606082015284820180515160808301525182015160a0820152835160c08201528382015160e0820152825151610100820152825182015161012082015282820180515161014083015251909101516101608201525f90610c8c610fbc565b5f6020826101808560085afa905080610cba5760405162a4859360e01b815260086004820152602401610500565b50516001149695505050505050565b835f5b82811015610d4557600185821c811614610d1057610d0b82858584818110610cf657610cf6611551565b905060200201355f9182526020526040902090565b610d3b565b610d3b848483818110610d2557610d25611551565b90506020020135835f9182526020526040902090565b9150600101610ccc565b50949350505050565b5f815f03610d5d57505f610254565b5f5b6001831115610dbf576001831615610d8057808360051b8501526001830192505b8260011c5f5b81811015610da8576040600682901b870120600582901b870152600101610d86565b50815f528160205260405f20915080935050610d5f565b50509051919050565b5f60018211610dd857505f919050565b5f610de46001846115ab565b90505b8015610df9576001918201911c610de7565b50919050565b6040515f905f1990819086845b87811015610e80578135602083013560408401358260a01c15610e3457839650505050610e80565b8060801c8260401c831517175f1989141615610e4e578397505b91855260208501819052604085018290526060808620600585901b8b0152910296909601959190910190600101610e0c565b5050505f198114610ea757604051630d8e90b960e11b815260048101829052602401610500565b50935093915050565b5f8281038316808203819004600101909152600381840490810260029081188083028203028083028203028083028203028083028203028083028203029182029003026020526040516001600160a01b0388168152606085028601865b81811015610f8b5760208101356040820135028981025f19828c09818110828203039050805f8114610f5d5789848e09838111830392508084039350506020515f51830289850417029250610f63565b89830492505b5050823560208601528060408601525050606083208552602085019450606081019050610f0d565b50505050505050505050565b6040518060400160405280610faa610fda565b8152602001610fb7610fda565b905290565b60405180602001604052806001906020820280368337509192915050565b60405180604001604052806002906020820280368337509192915050565b5f5f60408385031215611009575f5ffd5b50508035926020909101359150565b5f5f83601f840112611028575f5ffd5b5081356001600160401b0381111561103e575f5ffd5b60208301915083602060a083028501011115611058575f5ffd5b9250929050565b5f5f5f5f60608587031215611072575f5ffd5b8435935060208501356001600160401b0381111561108e575f5ffd5b61109a87828801611018565b9598909750949560400135949350505050565b5f602082840312156110bd575f5ffd5b5035919050565b5f60608284031280156110d5575f5ffd5b509092915050565b634e487b7160e01b5f52604160045260245ffd5b604080519081016001600160401b038111828210171561111f57634e487b7160e01b5f52604160045260245ffd5b60405290565b5f60408284031215611135575f5ffd5b61113d6110f1565b823581526020928301359281019290925250919050565b5f82601f830112611163575f5ffd5b61116b6110f1565b80604084018581111561117c575f5ffd5b845b8181101561119657803584526020938401930161117e565b509095945050505050565b5f5f5f5f8486036101208112156111b6575f5ffd5b853594506111c78760208801611125565b93506080605f19820112156111da575f5ffd5b506111e36110f1565b6111f08760608801611154565b81526111ff8760a08801611154565b602082015291506112138660e08701611125565b905092959194509250565b5f5f83601f84011261122e575f5ffd5b5081356001600160401b03811115611244575f5ffd5b6020830191508360208260051b8501011115611058575f5ffd5b5f5f5f5f5f5f5f5f5f60e08a8c031215611276575f5ffd5b8935985060208a0135975060408a0135965060608a0135955060808a0135945060a08a01356001600160401b038111156112ae575f5ffd5b6112ba8c828d0161121e565b90955093505060c08a01356001600160401b038111156112d8575f5ffd5b6112e48c828d0161121e565b915080935050809150509295985092959850929598565b80356001600160a01b0381168114611311575f5ffd5b919050565b5f5f5f60608486031215611328575f5ffd5b611331846112fb565b925061133f602085016112fb565b929592945050506040919091013590565b5f5f60208385031215611361575f5ffd5b82356001600160401b03811115611376575f5ffd5b6113828582860161121e565b90969095509350505050565b5f5f5f5f5f5f60a087890312156113a3575f5ffd5b8635955060208701359450604087013593506060870135925060808701356001600160401b038111156113d4575f5ffd5b6113e089828a0161121e565b979a9699509497509295939492505050565b5f5f60208385031215611403575f5ffd5b82356001600160401b03811115611418575f5ffd5b61138285828601611018565b602080825282518282018190525f918401906040840190835b8181101561119657835183526020938401939092019160010161143d565b5f5f83601f84011261146b575f5ffd5b5081356001600160401b03811115611481575f5ffd5b602083019150836020606083028501011115611058575f5ffd5b5f5f602083850312156114ac575f5ffd5b82356001600160401b038111156114c1575f5ffd5b6113828582860161145b565b5f5f5f5f608085870312156114e0575f5ffd5b5050823594602084013594506040840135936060013592509050565b5f5f5f5f6060858703121561150f575f5ffd5b611518856112fb565b93506020850135925060408501356001600160401b03811115611539575f5ffd5b6115458782880161145b565b95989497509550505050565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b8082018082111561025457610254611565565b5f826115a657634e487b7160e01b5f52601260045260245ffd5b500690565b818103818111156102545761025461156556fe30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47a2646970667358221220021ef8087f3d28a4551bce4d3a2c9b72e12b305f2a51faa81bfd3799e580889164736f6c63430008250033",
}

// ProtocolHarness is an auto generated Go binding around an Ethereum contract.
type ProtocolHarness struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ProtocolHarness) GetABI() abi.ABI {
	return c.abi
}

// NewProtocolHarness creates a new instance of ProtocolHarness.
func NewProtocolHarness() *ProtocolHarness {
	parsed, err := ProtocolHarnessMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ProtocolHarness{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ProtocolHarness) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackAllocLeaf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x50982f5d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allocLeaf(address provider, address recipient, uint256 amount) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) PackAllocLeaf(provider common.Address, recipient common.Address, amount *big.Int) []byte {
	enc, err := protocolHarness.abi.Pack("allocLeaf", provider, recipient, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllocLeaf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x50982f5d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allocLeaf(address provider, address recipient, uint256 amount) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) TryPackAllocLeaf(provider common.Address, recipient common.Address, amount *big.Int) ([]byte, error) {
	return protocolHarness.abi.Pack("allocLeaf", provider, recipient, amount)
}

// UnpackAllocLeaf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x50982f5d.
//
// Solidity: function allocLeaf(address provider, address recipient, uint256 amount) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) UnpackAllocLeaf(data []byte) ([32]byte, error) {
	out, err := protocolHarness.abi.Unpack("allocLeaf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAllocationRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0b67cfa0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allocationRoot(bytes32 commitmentRoot_, bytes32 allocTreeRoot) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) PackAllocationRoot(commitmentRoot [32]byte, allocTreeRoot [32]byte) []byte {
	enc, err := protocolHarness.abi.Pack("allocationRoot", commitmentRoot, allocTreeRoot)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllocationRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0b67cfa0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allocationRoot(bytes32 commitmentRoot_, bytes32 allocTreeRoot) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) TryPackAllocationRoot(commitmentRoot [32]byte, allocTreeRoot [32]byte) ([]byte, error) {
	return protocolHarness.abi.Pack("allocationRoot", commitmentRoot, allocTreeRoot)
}

// UnpackAllocationRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0b67cfa0.
//
// Solidity: function allocationRoot(bytes32 commitmentRoot_, bytes32 allocTreeRoot) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) UnpackAllocationRoot(data []byte) ([32]byte, error) {
	out, err := protocolHarness.abi.Unpack("allocationRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackCommitmentRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb721766d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function commitmentRoot(uint256 round, bytes32 providersRoot, uint256 providerCount, uint256 entryCount) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) PackCommitmentRoot(round *big.Int, providersRoot [32]byte, providerCount *big.Int, entryCount *big.Int) []byte {
	enc, err := protocolHarness.abi.Pack("commitmentRoot", round, providersRoot, providerCount, entryCount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCommitmentRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb721766d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function commitmentRoot(uint256 round, bytes32 providersRoot, uint256 providerCount, uint256 entryCount) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) TryPackCommitmentRoot(round *big.Int, providersRoot [32]byte, providerCount *big.Int, entryCount *big.Int) ([]byte, error) {
	return protocolHarness.abi.Pack("commitmentRoot", round, providersRoot, providerCount, entryCount)
}

// UnpackCommitmentRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb721766d.
//
// Solidity: function commitmentRoot(uint256 round, bytes32 providersRoot, uint256 providerCount, uint256 entryCount) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) UnpackCommitmentRoot(data []byte) ([32]byte, error) {
	out, err := protocolHarness.abi.Unpack("commitmentRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackEntriesRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb5ac73d2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function entriesRoot((address,uint256,uint256)[] es) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) PackEntriesRoot(es []Entry) []byte {
	enc, err := protocolHarness.abi.Pack("entriesRoot", es)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEntriesRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb5ac73d2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function entriesRoot((address,uint256,uint256)[] es) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) TryPackEntriesRoot(es []Entry) ([]byte, error) {
	return protocolHarness.abi.Pack("entriesRoot", es)
}

// UnpackEntriesRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb5ac73d2.
//
// Solidity: function entriesRoot((address,uint256,uint256)[] es) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) UnpackEntriesRoot(data []byte) ([32]byte, error) {
	out, err := protocolHarness.abi.Unpack("entriesRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackEntryLeaf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x184d72cd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function entryLeaf((address,uint256,uint256) e) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) PackEntryLeaf(e Entry) []byte {
	enc, err := protocolHarness.abi.Pack("entryLeaf", e)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEntryLeaf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x184d72cd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function entryLeaf((address,uint256,uint256) e) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) TryPackEntryLeaf(e Entry) ([]byte, error) {
	return protocolHarness.abi.Pack("entryLeaf", e)
}

// UnpackEntryLeaf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x184d72cd.
//
// Solidity: function entryLeaf((address,uint256,uint256) e) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) UnpackEntryLeaf(data []byte) ([32]byte, error) {
	out, err := protocolHarness.abi.Unpack("entryLeaf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackHashToG1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x178dd948.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashToG1(bytes32 msgHash) view returns((uint256,uint256))
func (protocolHarness *ProtocolHarness) PackHashToG1(msgHash [32]byte) []byte {
	enc, err := protocolHarness.abi.Pack("hashToG1", msgHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashToG1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x178dd948.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashToG1(bytes32 msgHash) view returns((uint256,uint256))
func (protocolHarness *ProtocolHarness) TryPackHashToG1(msgHash [32]byte) ([]byte, error) {
	return protocolHarness.abi.Pack("hashToG1", msgHash)
}

// UnpackHashToG1 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x178dd948.
//
// Solidity: function hashToG1(bytes32 msgHash) view returns((uint256,uint256))
func (protocolHarness *ProtocolHarness) UnpackHashToG1(data []byte) (BN254G1Point, error) {
	out, err := protocolHarness.abi.Unpack("hashToG1", data)
	if err != nil {
		return *new(BN254G1Point), err
	}
	out0 := *abi.ConvertType(out[0], new(BN254G1Point)).(*BN254G1Point)
	return out0, nil
}

// PackHeadersRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x15529291.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function headersRoot(uint256 first, (address,uint256,uint256,uint256,bytes32)[] hs, uint256 height) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) PackHeadersRoot(first *big.Int, hs []ProviderHeader, height *big.Int) []byte {
	enc, err := protocolHarness.abi.Pack("headersRoot", first, hs, height)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHeadersRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x15529291.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function headersRoot(uint256 first, (address,uint256,uint256,uint256,bytes32)[] hs, uint256 height) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) TryPackHeadersRoot(first *big.Int, hs []ProviderHeader, height *big.Int) ([]byte, error) {
	return protocolHarness.abi.Pack("headersRoot", first, hs, height)
}

// UnpackHeadersRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x15529291.
//
// Solidity: function headersRoot(uint256 first, (address,uint256,uint256,uint256,bytes32)[] hs, uint256 height) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) UnpackHeadersRoot(data []byte) ([32]byte, error) {
	out, err := protocolHarness.abi.Unpack("headersRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackProviderLeaves is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9ef2a11d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function providerLeaves((address,uint256,uint256,uint256,bytes32)[] hs) pure returns(bytes32[] leaves)
func (protocolHarness *ProtocolHarness) PackProviderLeaves(hs []ProviderHeader) []byte {
	enc, err := protocolHarness.abi.Pack("providerLeaves", hs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProviderLeaves is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9ef2a11d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function providerLeaves((address,uint256,uint256,uint256,bytes32)[] hs) pure returns(bytes32[] leaves)
func (protocolHarness *ProtocolHarness) TryPackProviderLeaves(hs []ProviderHeader) ([]byte, error) {
	return protocolHarness.abi.Pack("providerLeaves", hs)
}

// UnpackProviderLeaves is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9ef2a11d.
//
// Solidity: function providerLeaves((address,uint256,uint256,uint256,bytes32)[] hs) pure returns(bytes32[] leaves)
func (protocolHarness *ProtocolHarness) UnpackProviderLeaves(data []byte) ([][32]byte, error) {
	out, err := protocolHarness.abi.Unpack("providerLeaves", data)
	if err != nil {
		return *new([][32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([][32]byte)).(*[][32]byte)
	return out0, nil
}

// PackRowRoots is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbdfff15e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rowRoots(address provider, uint256 capacity, (address,uint256,uint256)[] es) pure returns(bytes32 entriesRoot_, bytes32 providerAllocRoot)
func (protocolHarness *ProtocolHarness) PackRowRoots(provider common.Address, capacity *big.Int, es []Entry) []byte {
	enc, err := protocolHarness.abi.Pack("rowRoots", provider, capacity, es)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRowRoots is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbdfff15e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rowRoots(address provider, uint256 capacity, (address,uint256,uint256)[] es) pure returns(bytes32 entriesRoot_, bytes32 providerAllocRoot)
func (protocolHarness *ProtocolHarness) TryPackRowRoots(provider common.Address, capacity *big.Int, es []Entry) ([]byte, error) {
	return protocolHarness.abi.Pack("rowRoots", provider, capacity, es)
}

// RowRootsOutput serves as a container for the return parameters of contract
// method RowRoots.
type RowRootsOutput struct {
	EntriesRoot       [32]byte
	ProviderAllocRoot [32]byte
}

// UnpackRowRoots is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbdfff15e.
//
// Solidity: function rowRoots(address provider, uint256 capacity, (address,uint256,uint256)[] es) pure returns(bytes32 entriesRoot_, bytes32 providerAllocRoot)
func (protocolHarness *ProtocolHarness) UnpackRowRoots(data []byte) (RowRootsOutput, error) {
	out, err := protocolHarness.abi.Unpack("rowRoots", data)
	outstruct := new(RowRootsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.EntriesRoot = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.ProviderAllocRoot = *abi.ConvertType(out[1], new([32]byte)).(*[32]byte)
	return *outstruct, nil
}

// PackTreeRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6191458f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function treeRoot(bytes32[] leaves) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) PackTreeRoot(leaves [][32]byte) []byte {
	enc, err := protocolHarness.abi.Pack("treeRoot", leaves)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTreeRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6191458f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function treeRoot(bytes32[] leaves) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) TryPackTreeRoot(leaves [][32]byte) ([]byte, error) {
	return protocolHarness.abi.Pack("treeRoot", leaves)
}

// UnpackTreeRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6191458f.
//
// Solidity: function treeRoot(bytes32[] leaves) pure returns(bytes32)
func (protocolHarness *ProtocolHarness) UnpackTreeRoot(data []byte) ([32]byte, error) {
	out, err := protocolHarness.abi.Unpack("treeRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVerifyBLS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1b85154a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyBLS(bytes32 msgHash, (uint256,uint256) apkG1, (uint256[2],uint256[2]) apkG2, (uint256,uint256) sigma) view returns(bool)
func (protocolHarness *ProtocolHarness) PackVerifyBLS(msgHash [32]byte, apkG1 BN254G1Point, apkG2 BN254G2Point, sigma BN254G1Point) []byte {
	enc, err := protocolHarness.abi.Pack("verifyBLS", msgHash, apkG1, apkG2, sigma)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyBLS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1b85154a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyBLS(bytes32 msgHash, (uint256,uint256) apkG1, (uint256[2],uint256[2]) apkG2, (uint256,uint256) sigma) view returns(bool)
func (protocolHarness *ProtocolHarness) TryPackVerifyBLS(msgHash [32]byte, apkG1 BN254G1Point, apkG2 BN254G2Point, sigma BN254G1Point) ([]byte, error) {
	return protocolHarness.abi.Pack("verifyBLS", msgHash, apkG1, apkG2, sigma)
}

// UnpackVerifyBLS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1b85154a.
//
// Solidity: function verifyBLS(bytes32 msgHash, (uint256,uint256) apkG1, (uint256[2],uint256[2]) apkG2, (uint256,uint256) sigma) view returns(bool)
func (protocolHarness *ProtocolHarness) UnpackVerifyBLS(data []byte) (bool, error) {
	out, err := protocolHarness.abi.Unpack("verifyBLS", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackVerifyLeaf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x48ee10ff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyLeaf(bytes32 allocTreeRoot, uint256 providerCount, uint256 p, uint256 j, bytes32 leaf, bytes32[] entryProof, bytes32[] providerProof) pure returns(bool)
func (protocolHarness *ProtocolHarness) PackVerifyLeaf(allocTreeRoot [32]byte, providerCount *big.Int, p *big.Int, j *big.Int, leaf [32]byte, entryProof [][32]byte, providerProof [][32]byte) []byte {
	enc, err := protocolHarness.abi.Pack("verifyLeaf", allocTreeRoot, providerCount, p, j, leaf, entryProof, providerProof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyLeaf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x48ee10ff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyLeaf(bytes32 allocTreeRoot, uint256 providerCount, uint256 p, uint256 j, bytes32 leaf, bytes32[] entryProof, bytes32[] providerProof) pure returns(bool)
func (protocolHarness *ProtocolHarness) TryPackVerifyLeaf(allocTreeRoot [32]byte, providerCount *big.Int, p *big.Int, j *big.Int, leaf [32]byte, entryProof [][32]byte, providerProof [][32]byte) ([]byte, error) {
	return protocolHarness.abi.Pack("verifyLeaf", allocTreeRoot, providerCount, p, j, leaf, entryProof, providerProof)
}

// UnpackVerifyLeaf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x48ee10ff.
//
// Solidity: function verifyLeaf(bytes32 allocTreeRoot, uint256 providerCount, uint256 p, uint256 j, bytes32 leaf, bytes32[] entryProof, bytes32[] providerProof) pure returns(bool)
func (protocolHarness *ProtocolHarness) UnpackVerifyLeaf(data []byte) (bool, error) {
	out, err := protocolHarness.abi.Unpack("verifyLeaf", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackVerifyProof is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ace814.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyProof(bytes32 root, bytes32 leaf, uint256 k, uint256 n, bytes32[] proof) pure returns(bool)
func (protocolHarness *ProtocolHarness) PackVerifyProof(root [32]byte, leaf [32]byte, k *big.Int, n *big.Int, proof [][32]byte) []byte {
	enc, err := protocolHarness.abi.Pack("verifyProof", root, leaf, k, n, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyProof is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ace814.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyProof(bytes32 root, bytes32 leaf, uint256 k, uint256 n, bytes32[] proof) pure returns(bool)
func (protocolHarness *ProtocolHarness) TryPackVerifyProof(root [32]byte, leaf [32]byte, k *big.Int, n *big.Int, proof [][32]byte) ([]byte, error) {
	return protocolHarness.abi.Pack("verifyProof", root, leaf, k, n, proof)
}

// UnpackVerifyProof is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x79ace814.
//
// Solidity: function verifyProof(bytes32 root, bytes32 leaf, uint256 k, uint256 n, bytes32[] proof) pure returns(bool)
func (protocolHarness *ProtocolHarness) UnpackVerifyProof(data []byte) (bool, error) {
	out, err := protocolHarness.abi.Unpack("verifyProof", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (protocolHarness *ProtocolHarness) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], protocolHarness.abi.Errors["CapacityOutOfRange"].ID.Bytes()[:4]) {
		return protocolHarness.UnpackCapacityOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], protocolHarness.abi.Errors["DirtyAddress"].ID.Bytes()[:4]) {
		return protocolHarness.UnpackDirtyAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], protocolHarness.abi.Errors["PrecompileFailed"].ID.Bytes()[:4]) {
		return protocolHarness.UnpackPrecompileFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], protocolHarness.abi.Errors["ValueOutOfRange"].ID.Bytes()[:4]) {
		return protocolHarness.UnpackValueOutOfRangeError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ProtocolHarnessCapacityOutOfRange represents a CapacityOutOfRange error raised by the ProtocolHarness contract.
type ProtocolHarnessCapacityOutOfRange struct {
	Capacity *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CapacityOutOfRange(uint256 capacity)
func ProtocolHarnessCapacityOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x931b64046473f965581c0bf7d1e9f5d4346cef4fced6a67247da9e3bd99ee309")
}

// UnpackCapacityOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CapacityOutOfRange(uint256 capacity)
func (protocolHarness *ProtocolHarness) UnpackCapacityOutOfRangeError(raw []byte) (*ProtocolHarnessCapacityOutOfRange, error) {
	out := new(ProtocolHarnessCapacityOutOfRange)
	if err := protocolHarness.abi.UnpackIntoInterface(out, "CapacityOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProtocolHarnessDirtyAddress represents a DirtyAddress error raised by the ProtocolHarness contract.
type ProtocolHarnessDirtyAddress struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DirtyAddress(uint256 index)
func ProtocolHarnessDirtyAddressErrorID() common.Hash {
	return common.HexToHash("0x1b1d21729708ad90c8c15f9619d82bec6517867d79d99ff98ea72e3a65ac7e64")
}

// UnpackDirtyAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DirtyAddress(uint256 index)
func (protocolHarness *ProtocolHarness) UnpackDirtyAddressError(raw []byte) (*ProtocolHarnessDirtyAddress, error) {
	out := new(ProtocolHarnessDirtyAddress)
	if err := protocolHarness.abi.UnpackIntoInterface(out, "DirtyAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProtocolHarnessPrecompileFailed represents a PrecompileFailed error raised by the ProtocolHarness contract.
type ProtocolHarnessPrecompileFailed struct {
	Precompile *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PrecompileFailed(uint256 precompile)
func ProtocolHarnessPrecompileFailedErrorID() common.Hash {
	return common.HexToHash("0x00a48593f9c209d4d7e3b1ee4f754577225379f193a95f3a1400534a74238e14")
}

// UnpackPrecompileFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PrecompileFailed(uint256 precompile)
func (protocolHarness *ProtocolHarness) UnpackPrecompileFailedError(raw []byte) (*ProtocolHarnessPrecompileFailed, error) {
	out := new(ProtocolHarnessPrecompileFailed)
	if err := protocolHarness.abi.UnpackIntoInterface(out, "PrecompileFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProtocolHarnessValueOutOfRange represents a ValueOutOfRange error raised by the ProtocolHarness contract.
type ProtocolHarnessValueOutOfRange struct {
	Entry *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValueOutOfRange(uint256 entry)
func ProtocolHarnessValueOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x15bd01b61751ee8f31740fc70a2f32a7ef3e4fe8f165ebee6d3c3b4509f09be6")
}

// UnpackValueOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValueOutOfRange(uint256 entry)
func (protocolHarness *ProtocolHarness) UnpackValueOutOfRangeError(raw []byte) (*ProtocolHarnessValueOutOfRange, error) {
	out := new(ProtocolHarnessValueOutOfRange)
	if err := protocolHarness.abi.UnpackIntoInterface(out, "ValueOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}
