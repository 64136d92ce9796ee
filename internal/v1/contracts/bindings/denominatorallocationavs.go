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

// AllocationMathEntry is an auto generated low-level Go binding around an user-defined struct.
type AllocationMathEntry struct {
	Recipient common.Address
	Mr        *big.Int
	Residual  *big.Int
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

// DenominatorAllocationAVSCommitmentOpening is an auto generated low-level Go binding around an user-defined struct.
type DenominatorAllocationAVSCommitmentOpening struct {
	ProvidersRoot [32]byte
	ProviderCount *big.Int
	EntryCount    *big.Int
}

// DenominatorAllocationAVSParams is an auto generated low-level Go binding around an user-defined struct.
type DenominatorAllocationAVSParams struct {
	Coordinator     common.Address
	ChallengeWindow *big.Int
	ExitDelay       *big.Int
	QuorumBps       *big.Int
	SlashBps        *big.Int
	BountyBps       *big.Int
	MinStake        *big.Int
}

// DenominatorAllocationAVSProviderRow is an auto generated low-level Go binding around an user-defined struct.
type DenominatorAllocationAVSProviderRow struct {
	Index       *big.Int
	Provider    common.Address
	Capacity    *big.Int
	EntryOffset *big.Int
	Entries     []AllocationMathEntry
}

// DenominatorAllocationAVSRoundView is an auto generated low-level Go binding around an user-defined struct.
type DenominatorAllocationAVSRoundView struct {
	Status         uint8
	CommitmentRoot [32]byte
	AllocationRoot [32]byte
	AllocTreeRoot  [32]byte
	SignerBitmap   *big.Int
	SubmittedBlock *big.Int
	Deadline       *big.Int
	LeafCount      *big.Int
	VoidedBatches  *big.Int
}

// OperatorRegistryOperator is an auto generated low-level Go binding around an user-defined struct.
type OperatorRegistryOperator struct {
	Addr      common.Address
	Active    bool
	ExitBlock uint64
	Withdrawn bool
}

// DenominatorAllocationAVSMetaData contains all meta data concerning the DenominatorAllocationAVS contract.
var DenominatorAllocationAVSMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"coordinator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"challengeWindow\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"exitDelay\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"quorumBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"slashBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"bountyBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minStake\",\"type\":\"uint256\"}],\"internalType\":\"structDenominatorAllocationAVS.Params\",\"name\":\"p\",\"type\":\"tuple\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"AlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"AlreadyWithdrawn\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"ChallengeWindowClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"ChallengeWindowOpen\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"DataDoesNotMatchBatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"entry\",\"type\":\"uint256\"}],\"name\":\"DirtyAddress\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"keyHash\",\"type\":\"bytes32\"}],\"name\":\"DuplicateKey\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidAmountProof\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidCommitmentOpening\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"entry\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"}],\"name\":\"InvalidEntry\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidParams\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProofOfPossession\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProviderProof\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidPublicKey\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"x\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"y\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"d\",\"type\":\"uint256\"}],\"name\":\"MulDivOverflow\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoActiveStake\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoFraud\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"}],\"name\":\"NoLiveBatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoSigners\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"NonSignerKeyMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"NonSignerKeysMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotCoordinator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"NotExited\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"NotRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"OperatorNotActive\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"precompile\",\"type\":\"uint256\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"signingStake\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"activeStake\",\"type\":\"uint256\"}],\"name\":\"QuorumNotMet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"enumDenominatorAllocationAVS.RoundStatus\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"RoundNotOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"SignerNotActive\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minimum\",\"type\":\"uint256\"}],\"name\":\"StakeBelowMinimum\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TooManyOperators\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"withdrawableBlock\",\"type\":\"uint256\"}],\"name\":\"WithdrawalTooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"WrongRound\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"allocationRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"operatorCount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"timestamp\",\"type\":\"uint256\"}],\"name\":\"AllocationBatchSubmitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"enumDenominatorAllocationAVS.FraudKind\",\"name\":\"kind\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"slashedTotal\",\"type\":\"uint256\"}],\"name\":\"FraudProven\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"commitmentRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"timestamp\",\"type\":\"uint256\"}],\"name\":\"NewRoundCommitments\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"withdrawableBlock\",\"type\":\"uint256\"}],\"name\":\"OperatorExitRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256[2]\",\"name\":\"pkG1\",\"type\":\"uint256[2]\"},{\"indexed\":false,\"internalType\":\"uint256[4]\",\"name\":\"pkG2\",\"type\":\"uint256[4]\"}],\"name\":\"OperatorRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"OperatorSlashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"OperatorWithdrawn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"allocationRoot\",\"type\":\"bytes32\"}],\"name\":\"RoundFinalized\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"BATCH_DOMAIN\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_OPERATORS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"POP_DOMAIN\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"activeApk\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"activeBitmap\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"activeStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"allocationRoot\",\"type\":\"bytes32\"}],\"name\":\"batchMessage\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"bountyBps\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"burned\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"challengeWindow\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"commitmentRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"commitRound\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structAllocationMath.Entry[]\",\"name\":\"entries\",\"type\":\"tuple[]\"}],\"name\":\"computeRow\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"denom\",\"type\":\"uint256\"},{\"internalType\":\"uint256[]\",\"name\":\"amounts\",\"type\":\"uint256[]\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"coordinator\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"exit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"exitDelay\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"}],\"name\":\"finalizeRound\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"}],\"name\":\"getRound\",\"outputs\":[{\"components\":[{\"internalType\":\"enumDenominatorAllocationAVS.RoundStatus\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"commitmentRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"allocationRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"allocTreeRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"signerBitmap\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"submittedBlock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"leafCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"voidedBatches\",\"type\":\"uint256\"}],\"internalType\":\"structDenominatorAllocationAVS.RoundView\",\"name\":\"v\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"msgHash\",\"type\":\"bytes32\"}],\"name\":\"hashToG1\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"keyRegistered\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"latestRound\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"operatorAt\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"addr\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"active\",\"type\":\"bool\"},{\"internalType\":\"uint64\",\"name\":\"exitBlock\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"withdrawn\",\"type\":\"bool\"}],\"internalType\":\"structOperatorRegistry.Operator\",\"name\":\"op\",\"type\":\"tuple\"},{\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"pkG1\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"operatorCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"operatorIndex\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"pkG1\",\"type\":\"tuple\"}],\"name\":\"popMessage\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"providersRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"providerCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"}],\"internalType\":\"structDenominatorAllocationAVS.CommitmentOpening\",\"name\":\"c\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"capacity\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryOffset\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"mr\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"residual\",\"type\":\"uint256\"}],\"internalType\":\"structAllocationMath.Entry[]\",\"name\":\"entries\",\"type\":\"tuple[]\"}],\"internalType\":\"structDenominatorAllocationAVS.ProviderRow\",\"name\":\"row\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"providerProof\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint256\",\"name\":\"entry\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"amountProof\",\"type\":\"bytes32[]\"}],\"name\":\"proveBadAllocation\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"allocationData\",\"type\":\"bytes\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"providersRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"providerCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"entryCount\",\"type\":\"uint256\"}],\"internalType\":\"structDenominatorAllocationAVS.CommitmentOpening\",\"name\":\"c\",\"type\":\"tuple\"}],\"name\":\"proveBadPublication\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"quorumBps\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"pkG1\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256[2]\",\"name\":\"X\",\"type\":\"uint256[2]\"},{\"internalType\":\"uint256[2]\",\"name\":\"Y\",\"type\":\"uint256[2]\"}],\"internalType\":\"structBN254.G2Point\",\"name\":\"pkG2\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"pop\",\"type\":\"tuple\"}],\"name\":\"registerOperator\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"slashBps\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"allocTreeRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"allocationData\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"signerBitmap\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256[2]\",\"name\":\"X\",\"type\":\"uint256[2]\"},{\"internalType\":\"uint256[2]\",\"name\":\"Y\",\"type\":\"uint256[2]\"}],\"internalType\":\"structBN254.G2Point\",\"name\":\"apkG2\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"sigma\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point[]\",\"name\":\"nonSignerPks\",\"type\":\"tuple[]\"}],\"name\":\"submitAllocationBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"verifyAllocation\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"msgHash\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"apkG1\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256[2]\",\"name\":\"X\",\"type\":\"uint256[2]\"},{\"internalType\":\"uint256[2]\",\"name\":\"Y\",\"type\":\"uint256[2]\"}],\"internalType\":\"structBN254.G2Point\",\"name\":\"apkG2\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"X\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"Y\",\"type\":\"uint256\"}],\"internalType\":\"structBN254.G1Point\",\"name\":\"sigma\",\"type\":\"tuple\"}],\"name\":\"verifyBLS\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "DenominatorAllocationAVS",
	Bin: "0x610160604052348015610010575f5ffd5b5060405161382c38038061382c83398101604081905261002f9161010c565b60c0810151604082015160809190915260a05280516001600160a01b0316158061006157508060200151816040015111155b8061006e57506060810151155b8061007e57506127108160600151115b8061008e57506127108160800151115b8061009e57506127108160a00151115b156100bc57604051635435b28960e11b815260040160405180910390fd5b80516001600160a01b031660c052602081015160e05260608101516101005260808101516101205260a001516101405261019f565b80516001600160a01b0381168114610107575f5ffd5b919050565b5f60e082840312801561011d575f5ffd5b5060405160e081016001600160401b038111828210171561014c57634e487b7160e01b5f52604160045260245ffd5b604052610158836100f1565b81526020838101519082015260408084015190820152606080840151908201526080808401519082015260a0808401519082015260c0928301519281019290925250919050565b60805160a05160c05160e0516101005161012051610140516135ef61023d5f395f8181610489015261207b01525f81816102060152611f3601525f818161068201526124af01525f818161052e01528181610b95015281816111d10152611de501525f818161024c01526107e801525f818161038f01528181610df301526118ba01525f8181610423015281816112a801526112e301526135ef5ff3fe6080604052600436106101f1575f3560e01c8063668a0f0211610108578063a99fbbdc1161009d578063cb742ba61161006d578063cb742ba614610652578063cd2ddd0c14610671578063dcb67779146106a4578063e9fad8ee146106d7578063fa81533b146106eb575f5ffd5b8063a99fbbdc146105eb578063ba60ce041461060a578063bd49c35f1461061d578063bfdd4c9d14610633575f5ffd5b8063887cd55f116100d8578063887cd55f146105505780638f1327c01461056f57806392fe62b91461059b57806399a4deea146105d5575f5ffd5b8063668a0f02146104de57806373f42561146104f45780637c6f31581461050a578063861a14121461051d575f5ffd5b80632838863011610189578063375b3c0a11610159578063375b3c0a146104125780633c8df1d8146104455780633ccfd60b14610464578063415307cc146104785780634aaa8e4b146104ab575f5ffd5b8063283886301461037e5780632b78c9f7146103b1578063318e8ee2146103c65780633469f6e2146103f3575f5ffd5b8063178dd948116101c4578063178dd948146102d65780631b85154a14610302578063261423351461032157806326231ea71461034f575f5ffd5b80630681e651146101f55780630a0090971461023b5780630c7752e31461028657806310b76be4146102b5575b5f5ffd5b348015610200575f5ffd5b506102287f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b348015610246575f5ffd5b5061026e7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610232565b348015610291575f5ffd5b506102a56102a0366004612ca2565b61070a565b6040519015158152602001610232565b3480156102c0575f5ffd5b506102d46102cf366004612d3a565b6107dd565b005b3480156102e1575f5ffd5b506102f56102f0366004612d88565b6108e9565b6040516102329190612d9f565b34801561030d575f5ffd5b506102a561031c366004612eb8565b61090b565b34801561032c575f5ffd5b5061034061033b366004612d88565b61095a565b60405161023293929190612f06565b34801561035a575f5ffd5b506102a5610369366004612d88565b6104026020525f908152604090205460ff1681565b348015610389575f5ffd5b506102287f000000000000000000000000000000000000000000000000000000000000000081565b3480156103bc575f5ffd5b5061022861010081565b3480156103d1575f5ffd5b506103e56103e0366004612f5d565b610a61565b604051610232929190612fd5565b3480156103fe575f5ffd5b506102d461040d366004612d88565b610b38565b34801561041d575f5ffd5b506102287f000000000000000000000000000000000000000000000000000000000000000081565b348015610450575f5ffd5b506102d461045f366004613032565b610c3c565b34801561046f575f5ffd5b506102d4610d4b565b348015610483575f5ffd5b506102287f000000000000000000000000000000000000000000000000000000000000000081565b3480156104b6575f5ffd5b506102287f85ab19bfc7d7c35ea0efed2fc523064e8e7f3582b4d5023afbd218834b8ed01781565b3480156104e9575f5ffd5b506102286104085481565b3480156104ff575f5ffd5b506102286104075481565b348015610515575f5ffd5b505f54610228565b348015610528575f5ffd5b506102287f000000000000000000000000000000000000000000000000000000000000000081565b34801561055b575f5ffd5b506102d461056a3660046130a1565b610ed0565b34801561057a575f5ffd5b5061058e610589366004612d88565b6110fa565b60405161023291906131a7565b3480156105a6575f5ffd5b506040805180820182525f808252602091820152815180830190925261040554825261040654908201526102f5565b3480156105e0575f5ffd5b506102286104035481565b3480156105f6575f5ffd5b50610228610605366004613212565b61123c565b6102d4610618366004613232565b6112a6565b348015610628575f5ffd5b506102286104045481565b34801561063e575f5ffd5b5061022861064d36600461328c565b6116fb565b34801561065d575f5ffd5b5061022861066c3660046132a5565b611705565b34801561067c575f5ffd5b506102287f000000000000000000000000000000000000000000000000000000000000000081565b3480156106af575f5ffd5b506102287f3949b28240c36efe6ddfda8b890e07165399f9a9c7fe31740f83026b0db9778e81565b3480156106e2575f5ffd5b506102d461176d565b3480156106f6575f5ffd5b506102d46107053660046132d7565b6118f4565b5f8581526104096020526040812060026004820154600160a01b900460ff16600381111561073a5761073a61317f565b14158015610768575060036004820154600160a01b900460ff1660038111156107655761076561317f565b14155b15610776575f9150506107d4565b6107d08160020154878760405160200161079a929190918252602082015260400190565b60408051808303601f19018152919052805160209091012060048401548990600160401b90046001600160401b03168888611a18565b9150505b95945050505050565b336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461082d5760405163f01654df60e01b81523360048201526024015b60405180910390fd5b6104085461083c9060016133b6565b841461087557610408546108519060016133b6565b604051635f8833f960e01b8152600481019190915260248101859052604401610824565b6104088490555f848152610409602052604090208381556004810180546001919060ff60a01b1916600160a01b8302179055506040805185815242602082015286917ff12e530ddea92f648b48311082ed2f76349c0422bb8e6da71fd98697e790f8bb910160405180910390a25050505050565b604080518082019091525f808252602082015261090582611ad1565b92915050565b5f61091584611bba565b80610926575061092484611bcf565b155b80610937575061093582611bcf565b155b1561094357505f610952565b61094f85858585611c7a565b90505b949350505050565b604080516080810182525f8082526020808301829052828401829052606083018290528351808501909452818452830181905290915f5f85815481106109a2576109a26133c9565b5f9182526020918290206040805160808101825291909201546001600160a01b038116825260ff600160a01b820481161515948301949094526001600160401b03600160a81b82041692820192909252600160e81b909104909116151560608201529050806001866101008110610a1b57610a1b6133c9565b0154610101876101008110610a3257610a326133c9565b604080518082019091526002919091029190910180548252600101546020820152919790965090945092505050565b5f6060610a6e8484611cfd565b9150826001600160401b03811115610a8857610a88612db6565b604051908082528060200260200182016040528015610ab1578160200160208202803683370190505b5090505f5b83811015610b2f57610b0a86868684818110610ad457610ad46133c9565b90506060020160400135878785818110610af057610af06133c9565b90506060020160200135610b0491906133dd565b85611d65565b828281518110610b1c57610b1c6133c9565b6020908102919091010152600101610ab6565b50935093915050565b5f8181526104096020526040902060026004820154600160a01b900460ff166003811115610b6857610b6861317f565b14610b885760405162bcd90f60e81b815260048101839052602401610824565b60048101545f90610bc3907f0000000000000000000000000000000000000000000000000000000000000000906001600160401b03166133b6565b9050804311610be85760405163891b786160e01b815260048101829052602401610824565b60048201805460ff60a01b1916600360a01b179055600182015460405190815283907ff2f533cf2eb9fa23fbe8b8fec5b08046ae79a77d087f487dc9651207a19f269b9060200160405180910390a2505050565b5f610c4685611d88565b9050610c5685825f015484611e3f565b5f815f015482600201548686604051610c709291906133f4565b604051908190038120610c989392916020019283526020830191909152604082015260600190565b60405160208183030381529060405280519060200120905081600101548114610cd45760405163399e2e1760e01b815260040160405180910390fd5b610ce3604084013560206133dd565b8414610d0757610d0086836001610cfb602089613417565b611ea0565b5050610d45565b8160020154610d168686612125565b14610d2c57610d00868360018660400135611ea0565b60405163bb6a9cb560e01b815260040160405180910390fd5b50505050565b5f610d55336121f9565b90505f5f8281548110610d6a57610d6a6133c9565b5f9182526020909120018054909150600160a01b900460ff1680610d9d57508054600160a81b90046001600160401b0316155b15610dbd5760405163017c3f6360e61b8152336004820152602401610824565b8054600160e81b900460ff1615610de957604051635e800b7560e11b8152336004820152602401610824565b80545f90610e28907f000000000000000000000000000000000000000000000000000000000000000090600160a81b90046001600160401b03166133b6565b905080431015610e4e57604051637b22254760e11b815260048101829052602401610824565b815460ff60e81b1916600160e81b1782555f6001846101008110610e7457610e746133c9565b015490505f6001856101008110610e8d57610e8d6133c9565b0155604051818152849033907fc7d95925cbe65a635028e293866e29992e04b3258417f5ded0be096f72748ed59060200160405180910390a3610d453382612248565b5f8981526104096020526040902060016004820154600160a01b900460ff166003811115610f0057610f0061317f565b14610f2f576004818101546040516346facf4d60e11b8152610824928d92600160a01b900460ff16910161342a565b5f815f01548a8a8a604051610f459291906133f4565b604051908190038120610f6d9392916020019283526020830191909152604082015260600190565b6040516020818303038152906040528051906020012090505f610f918886866122ca565b90505f610fa33688900388018861343e565b9050610fae82611bba565b80610fbf5750610fbd81611bcf565b155b15610fdd57604051638baa579f60e01b815260040160405180910390fd5b611000610fea8e8561123c565b83610ffa368c90038c018c613458565b84611c7a565b61101d57604051638baa579f60e01b815260040160405180910390fd5b60018401839055600284018c90556003840189905560048401805467ffffffffffffffff1916436001600160401b031617905561105b60208b613417565b6004850180546001600160401b0392909216600160401b0260ff60a01b191674ff00000000ffffffffffffffff00000000000000001990921691909117600160a11b1790558c7fdc13f287b26b1497b5f45175ad940b19ae3f0f8cd9391f568bad9580de17c223846110cc8c612523565b604080519283526020830191909152429082015260600160405180910390a250505050505050505050505050565b611141604080516101208101909152805f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f81526020015f81525090565b5f8281526104096020526040902060048101548290600160a01b900460ff1660038111156111715761117161317f565b908160038111156111845761118461317f565b9052508054602083015260018101546040830152600281015460608301526003810154608083015260048101546001600160401b031660a08301819052156112045760048101546111ff907f0000000000000000000000000000000000000000000000000000000000000000906001600160401b03166133b6565b611206565b5f5b60c083015260040154600160401b81046001600160401b031660e0830152600160801b900463ffffffff16610100820152919050565b604080517f85ab19bfc7d7c35ea0efed2fc523064e8e7f3582b4d5023afbd218834b8ed017602082015246918101919091523060608201526080810183905260a081018290525f9060c0015b60405160208183030381529060405280519060200120905092915050565b7f000000000000000000000000000000000000000000000000000000000000000034101561130f576040516378e030db60e01b81523460048201527f00000000000000000000000000000000000000000000000000000000000000006024820152604401610824565b335f90815261040160205260409020541561133f576040516345ed80e960e01b8152336004820152602401610824565b5f54610100811061136357604051636055dca160e01b815260040160405180910390fd5b5f6113733686900386018661343e565b90505f6113853685900385018561343e565b905061139082611bba565b806113a1575061139f82611bcf565b155b806113b257506113b081611bcf565b155b156113d05760405163145a1fdd60e31b815260040160405180910390fd5b84351580156113e157506020850135155b80156113ef57506040850135155b80156113fd57506060850135155b1561141b5760405163145a1fdd60e31b815260040160405180910390fd5b5f825f0151836020015160405160200161143f929190918252602082015260400190565b60408051601f1981840301815291815281516020928301205f81815261040290935291205490915060ff161561148b5760405163087f1bff60e01b815260048101829052602401610824565b6114ae6114983385611705565b846114a8368a90038a018a613458565b85611c7a565b6114cb576040516392536faf60e01b815260040160405180910390fd5b5f81815261040260209081526040808320805460ff191660019081179091558151608081018352338152928301818152918301848152606084018581528554808401875595805293517f290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e56390950180549351915194511515600160e81b0260ff60e81b196001600160401b0396909616600160a81b029590951668ffffffffffffffffff60a81b19921515600160a01b026001600160a81b03199095166001600160a01b03979097169690961793909317169390931791909117905534908561010081106115ba576115ba6133c9565b0155826101018561010081106115d2576115d26133c9565b600202015f820151815f01556020820151816001015590505080610301856101008110611601576116016133c9565b015561160e8460016133b6565b335f908152610401602052604081209190915561040380546001871b17905561040480543492906116409084906133b6565b9091555050604080518082019091526104055481526104065460208201526116689084612547565b80516104055560209081015161040655604080518082018252855181528583015181840152815160808101835289358152898401359381019390935288820135838301526060808a0135908401529051869233927f0a302ba042f0961880e80124b6f109ce2f94ea78e255fb3c8f133611b619dbb3926116ea92349291613472565b60405180910390a350505050505050565b5f610905826121f9565b8051602080830151604080517f3949b28240c36efe6ddfda8b890e07165399f9a9c7fe31740f83026b0db9778e9381019390935246908301523060608301526001600160a01b038516608083015260a082019290925260c08101919091525f9060e001611288565b5f611777336121f9565b90505f5f828154811061178c5761178c6133c9565b5f9182526020909120018054909150600160a01b900460ff166117c4576040516371ab6ad560e11b8152336004820152602401610824565b805468ffffffffffffffffff60a01b1916600160a81b436001600160401b0316021781556104038054600180851b1990911690915582610100811061180b5761180b6133c9565b01546104045f82825461181e91906134d3565b9091555050604080518082019091526104055481526104065460208201526118849061187f610101856101008110611858576118586133c9565b600202016040518060400160405290815f82015481526020016001820154815250506125aa565b612547565b805161040555602001516104065581337fdcf7c5782b66661d7162255917d0a3b6eb736d350a6a3665d3bd784af56106bb6118df7f0000000000000000000000000000000000000000000000000000000000000000436133b6565b60405190815260200160405180910390a35050565b5f6118fe8a611d88565b905061190e8a825f01548b611e3f565b61191a8989898961263b565b61192760808901896134e6565b90508510611960578461193d60808a018a6134e6565b604051637360ff5d60e11b81526004810193909352602483015250604401610824565b5f61196f8660608b01356133b6565b90506119b882600201548287604051602001611995929190918252602082015260400190565b60405160208183030381529060405280519060200120838d604001358888611a18565b6119d55760405163a594a16f60e01b815260040160405180910390fd5b846119e08a88612708565b036119fe5760405163bb6a9cb560e01b815260040160405180910390fd5b611a0b8b83600284611ea0565b5050505050505050505050565b5f831580611a265750838510155b80611a395750611a3584612775565b8214155b15611a4557505f611ac7565b855f5b83811015611ac157600187821c811614611a8c57611a8782868684818110611a7257611a726133c9565b905060200201355f9182526020526040902090565b611ab7565b611ab7858583818110611aa157611aa16133c9565b90506020020135835f9182526020526040902090565b9150600101611a48565b50871490505b9695505050505050565b604080518082019091525f80825260208201525f611afc5f51602061359a5f395f51905f528461352a565b90505b5f5f51602061359a5f395f51905f5260035f51602061359a5f395f51905f52845f51602061359a5f395f51905f52868709090890505f611b6d827f0c19139cb84c680a6e14116da060561765e05aa45a1c72a34f082305b61f3f525f51602061359a5f395f51905f5261278b565b9050815f51602061359a5f395f51905f5282830903611b9f576040805180820190915292835260208301525092915050565b5f51602061359a5f395f51905f526001840892505050611aff565b80515f90158015610905575050602001511590565b5f5f51602061359a5f395f51905f52825f0151101580611c0057505f51602061359a5f395f51905f52826020015110155b15611c0c57505f919050565b8151158015611c1d57506020820151155b15611c2a57506001919050565b5f51602061359a5f395f51905f5260035f51602061359a5f395f51905f5284515f51602061359a5f395f51905f528651800909085f51602061359a5f395f51905f52602084015180091492915050565b5f5f611c88868686866127eb565b90505f611c998461187f8885612896565b90505f611cdc611ca889611ad1565b61187f611cd66040805180820182525f80825260209182015281518083019092526001825260029082015290565b86612896565b9050611cf182611cea6128ee565b83896129ae565b98975050505050505050565b5f5f5b82811015611d5e57838382818110611d1a57611d1a6133c9565b90506060020160400135848483818110611d3657611d366133c9565b90506060020160200135611d4a91906133dd565b611d5490836133b6565b9150600101611d00565b5092915050565b5f8115611d7c57611d77848484612a71565b611d7e565b5f5b90505b9392505050565b5f8181526104096020526040902060026004820154600160a01b900460ff166003811115611db857611db861317f565b14611dd85760405162bcd90f60e81b815260048101839052602401610824565b60048101545f90611e13907f0000000000000000000000000000000000000000000000000000000000000000906001600160401b03166133b6565b905080431115611e3957604051634046dd8160e01b815260048101829052602401610824565b50919050565b6040805160208082018690528335828401528301356060820152908201356080820152829060a0016040516020818303038152906040528051906020012014611e9b576040516329f7174d60e11b815260040160405180910390fd5b505050565b6003830180546004850180545f600180890182905560028901829055945574ff00000000ffffffffffffffffffffffffffffffff1916600160a01b17808255919291601090611efe90849063ffffffff600160801b9091041661353d565b92506101000a81548163ffffffff021916908363ffffffff1602179055505f5f5b8215612071578260011660010361205a575f6127107f00000000000000000000000000000000000000000000000000000000000000006001846101008110611f6957611f696133c9565b0154611f7591906133dd565b611f7f9190613417565b9050806001836101008110611f9657611f966133c9565b015f828254611fa591906134d3565b90915550505f805483908110611fbd57611fbd6133c9565b5f91825260209091200154600160a01b900460ff1615611fef57806104045f828254611fe991906134d3565b90915550505b611ff981846133b6565b92505f828154811061200d5761200d6133c9565b5f91825260209182902001546040518381526001600160a01b03909116918a917fa2e524bd0f71903485fbb3d6d50cb305f61005ceea2047c3ac92aa7e0d104306910160405180910390a3505b60019290921c9161206a81613559565b9050611f1f565b505f6127106120a07f0000000000000000000000000000000000000000000000000000000000000000846133dd565b6120aa9190613417565b90506120b681836134d3565b6104075f8282546120c791906133b6565b9091555050604051339088907f5878672eb43c9df0a1b9c89f444d78c7c9c1928c1b27253c9d6f38b9a1610a7c9061210490899089908890613571565b60405180910390a3801561211c5761211c3382612248565b50505050505050565b5f80612132602084613417565b9050805f0361214457505f9050610905565b6040515f5b8281101561217457805f526020810286013560205260405f2060208202830152600181019050612149565b505f5b60018311156121ef576001830160011c5f5b818110156121d8578060011b602081028501515f52856001820110600181146121b557846020526121c3565b602060018301028601516020525b505060405f2060208202850152600101612189565b50815f528160205260405f20915080935050612177565b5051949350505050565b6001600160a01b0381165f908152610401602052604081205480820361223d5760405163bfc6c33760e01b81526001600160a01b0384166004820152602401610824565b611d816001826134d3565b5f826001600160a01b0316826040515f6040518083038185875af1925050503d805f8114612291576040519150601f19603f3d011682016040523d82523d5f602084013e612296565b606091505b5050905080611e9b57604051630e21dcbb60e11b81526001600160a01b038416600482015260248101839052604401610824565b604080518082019091525f8082526020820152835f036122fd57604051630c7af40f60e41b815260040160405180910390fd5b61040354610404545f0361232457604051637d9a44a160e11b815260040160405180910390fd5b8019851680156123535761233781612b75565b6040516347d1069b60e01b815260040161082491815260200190565b851982165f61236182612523565b905085811461238d5760405163a4bd2e6b60e01b81526004810182905260248101879052604401610824565b610404546040805180820190915261040554815261040654602082015295505f805b84156124ac578460011660010361249557368a8a846123cd81613559565b95508181106123de576123de6133c9565b90506040020190506103018261010081106123fb576123fb6133c9565b015460405161241d908335906020808601359101918252602082015260400190565b6040516020818303038152906040528051906020012014612454576040516391f57b9b60e01b815260048101839052602401610824565b6001826101008110612468576124686133c9565b015461247490856134d3565b93506124918961187f61248c3685900385018561343e565b6125aa565b9850505b60019490941c936124a581613559565b90506123af565b507f0000000000000000000000000000000000000000000000000000000000000000610404546124dc91906133dd565b6124e8836127106133dd565b1015612516576104045460405163134a70cf60e11b8152610824918491600401918252602082015260400190565b5050505050509392505050565b5f5b8115612542576125366001836134d3565b90911690600101612525565b919050565b604080518082019091525f80825260208201525f6040518451815260208501516020820152835160408201526020840151606082015260408360808360065afa91505080611d5e5760405162a4859360e01b815260066004820152602401610824565b604080518082019091525f808252602082015281511580156125ce57506020820151155b156125eb575050604080518082019091525f808252602082015290565b6040518060400160405280835f015181526020015f51602061359a5f395f51905f52846020015161261c919061352a565b612633905f51602061359a5f395f51905f526134d3565b905292915050565b5f833561264e604086016020870161328c565b6040860135606087013561266560808901896134e6565b905061267c61267760808b018b6134e6565b612b8d565b6040805160208101979097526001600160a01b03909516948601949094526060850192909252608084015260a083015260c082015260e0016040516020818303038152906040528051906020012090506126e4855f013582865f013588602001358787611a18565b61270157604051630ac7469360e41b815260040160405180910390fd5b5050505050565b5f368161271860808601866134e6565b915091506107d48560400135838387818110612736576127366133c9565b90506060020160400135848488818110612752576127526133c9565b9050606002016020013561276691906133dd565b6127708585611cfd565b611d65565b5f5b81816001901b101561254257600101612777565b5f5f60405160208152602080820152602060408201528560608201528460808201528360a082015260208160c08360055afa905192509050806127e35760405162a4859360e01b815260056004820152602401610824565b509392505050565b8251602080850151845180519083015186840151805190850151875188870151604080519889018e90528801989098526060870195909552608086019390935260a085019190915260c084015260e08301526101008201526101208101919091525f907f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000019061014001604051602081830303815290604052805190602001205f1c61094f919061352a565b604080518082019091525f80825260208201525f604051845181526020850151602082015283604082015260408360608360075afa91505080611d5e5760405162a4859360e01b815260076004820152602401610824565b6128f6612bfa565b50604080516080810182527f198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c28183019081527f1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed6060830152815281518083019092527f275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec82527f1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d60208381019190915281019190915290565b60408051610180810182528551815260208087015181830152855151928201929092528451820151606082015284820180515160808301525182015160a0820152835160c08201528382015160e0820152825151610100820152825182015161012082015282820180515161014083015251909101516101608201525f90612a34612c1f565b5f6020826101808560085afa905080612a625760405162a4859360e01b815260086004820152602401610824565b50516001149695505050505050565b5f80805f19858709858702925082811083820303915050805f03612ad957835f03612ac05760405163362ced0960e11b8152600481018790526024810186905260448101859052606401610824565b838281612acf57612acf613403565b0492505050611d81565b808411612b0a5760405163362ced0960e11b8152600481018790526024810186905260448101859052606401610824565b5f848688095f868103871696879004966002600389028118808a02820302808a02820302808a02820302808a02820302808a02820302808a02909103029181900381900460010186841190950394909402919094039290920491909117919091029150509392505050565b5f5b816001165f0361254257600191821c9101612b77565b5f81815b81811015612bcf576060810285013560a081901c15612bc657604051630d8e90b960e11b815260048101839052602401610824565b50600101612b91565b5060405160208152816020820152606082028560408301376060820260400181209250505092915050565b6040518060400160405280612c0d612c3d565b8152602001612c1a612c3d565b905290565b60405180602001604052806001906020820280368337509192915050565b60405180604001604052806002906020820280368337509192915050565b5f5f83601f840112612c6b575f5ffd5b5081356001600160401b03811115612c81575f5ffd5b6020830191508360208260051b8501011115612c9b575f5ffd5b9250929050565b5f5f5f5f5f60808688031215612cb6575f5ffd5b85359450602086013593506040860135925060608601356001600160401b03811115612ce0575f5ffd5b612cec88828901612c5b565b969995985093965092949392505050565b5f5f83601f840112612d0d575f5ffd5b5081356001600160401b03811115612d23575f5ffd5b602083019150836020828501011115612c9b575f5ffd5b5f5f5f5f60608587031215612d4d575f5ffd5b843593506020850135925060408501356001600160401b03811115612d70575f5ffd5b612d7c87828801612cfd565b95989497509550505050565b5f60208284031215612d98575f5ffd5b5035919050565b815181526020808301519082015260408101610905565b634e487b7160e01b5f52604160045260245ffd5b604080519081016001600160401b0381118282101715612df857634e487b7160e01b5f52604160045260245ffd5b60405290565b5f60408284031215612e0e575f5ffd5b612e16612dca565b823581526020928301359281019290925250919050565b5f82601f830112612e3c575f5ffd5b612e44612dca565b806040840185811115612e55575f5ffd5b845b81811015612e6f578035845260209384019301612e57565b509095945050505050565b5f60808284031215612e8a575f5ffd5b612e92612dca565b9050612e9e8383612e2d565b8152612ead8360408401612e2d565b602082015292915050565b5f5f5f5f6101208587031215612ecc575f5ffd5b84359350612edd8660208701612dfe565b9250612eec8660608701612e7a565b9150612efb8660e08701612dfe565b905092959194509250565b83516001600160a01b031681526020808501511515818301526040808601516001600160401b03169083015260608086015115159083015260808201849052825160a083015282015160c082015260e08101610952565b5f5f5f60408486031215612f6f575f5ffd5b8335925060208401356001600160401b03811115612f8b575f5ffd5b8401601f81018613612f9b575f5ffd5b80356001600160401b03811115612fb0575f5ffd5b866020606083028401011115612fc4575f5ffd5b939660209190910195509293505050565b5f60408201848352604060208401528084518083526060850191506020860192505f5b81811015613016578351835260209384019390920191600101612ff8565b50909695505050505050565b5f60608284031215611e39575f5ffd5b5f5f5f5f60a08587031215613045575f5ffd5b8435935060208501356001600160401b03811115613061575f5ffd5b61306d87828801612cfd565b9094509250612efb90508660408701613022565b5f60808284031215611e39575f5ffd5b5f60408284031215611e39575f5ffd5b5f5f5f5f5f5f5f5f5f6101608a8c0312156130ba575f5ffd5b8935985060208a0135975060408a01356001600160401b038111156130dd575f5ffd5b6130e98c828d01612cfd565b90985096505060608a013594506131038b60808c01613081565b93506131138b6101008c01613091565b92506101408a01356001600160401b0381111561312e575f5ffd5b8a01601f81018c1361313e575f5ffd5b80356001600160401b03811115613153575f5ffd5b8c60208260061b8401011115613167575f5ffd5b60208201935080925050509295985092959850929598565b634e487b7160e01b5f52602160045260245ffd5b600481106131a3576131a361317f565b9052565b5f610120820190506131ba828451613193565b6020830151602083015260408301516040830152606083015160608301526080830151608083015260a083015160a083015260c083015160c083015260e083015160e083015261010083015161010083015292915050565b5f5f60408385031215613223575f5ffd5b50508035926020909101359150565b5f5f5f6101008486031215613245575f5ffd5b61324f8585613091565b925061325e8560408601613081565b915061326d8560c08601613091565b90509250925092565b80356001600160a01b0381168114612542575f5ffd5b5f6020828403121561329c575f5ffd5b611d8182613276565b5f5f606083850312156132b6575f5ffd5b6132bf83613276565b91506132ce8460208501612dfe565b90509250929050565b5f5f5f5f5f5f5f5f5f6101208a8c0312156132f0575f5ffd5b893598506133018b60208c01613022565b975060808a01356001600160401b0381111561331b575f5ffd5b8a0160a0818d03121561332c575f5ffd5b965060a08a01356001600160401b03811115613346575f5ffd5b6133528c828d01612c5b565b90975095505060c08a0135935060e08a013592506101008a01356001600160401b0381111561337f575f5ffd5b61338b8c828d01612c5b565b915080935050809150509295985092959850929598565b634e487b7160e01b5f52601160045260245ffd5b80820180821115610905576109056133a2565b634e487b7160e01b5f52603260045260245ffd5b8082028115828204841417610905576109056133a2565b818382375f9101908152919050565b634e487b7160e01b5f52601260045260245ffd5b5f8261342557613425613403565b500490565b82815260408101611d816020830184613193565b5f6040828403121561344e575f5ffd5b611d818383612dfe565b5f60808284031215613468575f5ffd5b611d818383612e7a565b83815260e0810160208201845f5b600281101561349f578151835260209283019290910190600101613480565b50505060608201835f5b60048110156134c85781518352602092830192909101906001016134a9565b505050949350505050565b81810381811115610905576109056133a2565b5f5f8335601e198436030181126134fb575f5ffd5b8301803591506001600160401b03821115613514575f5ffd5b6020019150606081023603821315612c9b575f5ffd5b5f8261353857613538613403565b500690565b63ffffffff8181168382160190811115610905576109056133a2565b5f6001820161356a5761356a6133a2565b5060010190565b60608101600385106135855761358561317f565b93815260208101929092526040909101529056fe30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47a2646970667358221220fd180b0993bf0f7d45a9d0ed2f004e69144d1434c7bb8f7fe69abe518a9a7f7364736f6c63430008250033",
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
// Solidity: constructor((address,uint256,uint256,uint256,uint256,uint256,uint256) p) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackConstructor(p DenominatorAllocationAVSParams) []byte {
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

// PackBatchMessage is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa99fbbdc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function batchMessage(uint256 round, bytes32 allocationRoot) view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackBatchMessage(round *big.Int, allocationRoot [32]byte) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("batchMessage", round, allocationRoot)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBatchMessage is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa99fbbdc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function batchMessage(uint256 round, bytes32 allocationRoot) view returns(bytes32)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackBatchMessage(round *big.Int, allocationRoot [32]byte) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("batchMessage", round, allocationRoot)
}

// UnpackBatchMessage is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa99fbbdc.
//
// Solidity: function batchMessage(uint256 round, bytes32 allocationRoot) view returns(bytes32)
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

// PackCommitRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x10b76be4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function commitRound(uint256 round, bytes32 commitmentRoot, bytes data) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackCommitRound(round *big.Int, commitmentRoot [32]byte, data []byte) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("commitRound", round, commitmentRoot, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCommitRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x10b76be4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function commitRound(uint256 round, bytes32 commitmentRoot, bytes data) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackCommitRound(round *big.Int, commitmentRoot [32]byte, data []byte) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("commitRound", round, commitmentRoot, data)
}

// PackComputeRow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x318e8ee2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function computeRow(uint256 capacity, (address,uint256,uint256)[] entries) pure returns(uint256 denom, uint256[] amounts)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackComputeRow(capacity *big.Int, entries []AllocationMathEntry) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("computeRow", capacity, entries)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackComputeRow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x318e8ee2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function computeRow(uint256 capacity, (address,uint256,uint256)[] entries) pure returns(uint256 denom, uint256[] amounts)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackComputeRow(capacity *big.Int, entries []AllocationMathEntry) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("computeRow", capacity, entries)
}

// ComputeRowOutput serves as a container for the return parameters of contract
// method ComputeRow.
type ComputeRowOutput struct {
	Denom   *big.Int
	Amounts []*big.Int
}

// UnpackComputeRow is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x318e8ee2.
//
// Solidity: function computeRow(uint256 capacity, (address,uint256,uint256)[] entries) pure returns(uint256 denom, uint256[] amounts)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackComputeRow(data []byte) (ComputeRowOutput, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("computeRow", data)
	outstruct := new(ComputeRowOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Denom = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Amounts = *abi.ConvertType(out[1], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
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

// PackGetRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f1327c0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRound(uint256 round) view returns((uint8,bytes32,bytes32,bytes32,uint256,uint256,uint256,uint256,uint256) v)
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
// Solidity: function getRound(uint256 round) view returns((uint8,bytes32,bytes32,bytes32,uint256,uint256,uint256,uint256,uint256) v)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackGetRound(round *big.Int) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("getRound", round)
}

// UnpackGetRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8f1327c0.
//
// Solidity: function getRound(uint256 round) view returns((uint8,bytes32,bytes32,bytes32,uint256,uint256,uint256,uint256,uint256) v)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackGetRound(data []byte) (DenominatorAllocationAVSRoundView, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("getRound", data)
	if err != nil {
		return *new(DenominatorAllocationAVSRoundView), err
	}
	out0 := *abi.ConvertType(out[0], new(DenominatorAllocationAVSRoundView)).(*DenominatorAllocationAVSRoundView)
	return out0, nil
}

// PackHashToG1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x178dd948.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashToG1(bytes32 msgHash) view returns((uint256,uint256))
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackHashToG1(msgHash [32]byte) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("hashToG1", msgHash)
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
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackHashToG1(msgHash [32]byte) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("hashToG1", msgHash)
}

// UnpackHashToG1 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x178dd948.
//
// Solidity: function hashToG1(bytes32 msgHash) view returns((uint256,uint256))
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackHashToG1(data []byte) (BN254G1Point, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("hashToG1", data)
	if err != nil {
		return *new(BN254G1Point), err
	}
	out0 := *abi.ConvertType(out[0], new(BN254G1Point)).(*BN254G1Point)
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
// Solidity: function operatorAt(uint256 index) view returns((address,bool,uint64,bool) op, uint256 stake, (uint256,uint256) pkG1)
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
// Solidity: function operatorAt(uint256 index) view returns((address,bool,uint64,bool) op, uint256 stake, (uint256,uint256) pkG1)
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
// Solidity: function operatorAt(uint256 index) view returns((address,bool,uint64,bool) op, uint256 stake, (uint256,uint256) pkG1)
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

// PackOperatorCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c6f3158.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function operatorCount() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackOperatorCount() []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("operatorCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOperatorCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c6f3158.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function operatorCount() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackOperatorCount() ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("operatorCount")
}

// UnpackOperatorCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7c6f3158.
//
// Solidity: function operatorCount() view returns(uint256)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackOperatorCount(data []byte) (*big.Int, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("operatorCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
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
// the contract method with ID 0xfa81533b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveBadAllocation(uint256 round, (bytes32,uint256,uint256) c, (uint256,address,uint256,uint256,(address,uint256,uint256)[]) row, bytes32[] providerProof, uint256 entry, uint256 amount, bytes32[] amountProof) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveBadAllocation(round *big.Int, c DenominatorAllocationAVSCommitmentOpening, row DenominatorAllocationAVSProviderRow, providerProof [][32]byte, entry *big.Int, amount *big.Int, amountProof [][32]byte) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveBadAllocation", round, c, row, providerProof, entry, amount, amountProof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveBadAllocation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfa81533b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveBadAllocation(uint256 round, (bytes32,uint256,uint256) c, (uint256,address,uint256,uint256,(address,uint256,uint256)[]) row, bytes32[] providerProof, uint256 entry, uint256 amount, bytes32[] amountProof) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveBadAllocation(round *big.Int, c DenominatorAllocationAVSCommitmentOpening, row DenominatorAllocationAVSProviderRow, providerProof [][32]byte, entry *big.Int, amount *big.Int, amountProof [][32]byte) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveBadAllocation", round, c, row, providerProof, entry, amount, amountProof)
}

// PackProveBadPublication is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c8df1d8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proveBadPublication(uint256 round, bytes allocationData, (bytes32,uint256,uint256) c) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackProveBadPublication(round *big.Int, allocationData []byte, c DenominatorAllocationAVSCommitmentOpening) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("proveBadPublication", round, allocationData, c)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProveBadPublication is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c8df1d8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proveBadPublication(uint256 round, bytes allocationData, (bytes32,uint256,uint256) c) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackProveBadPublication(round *big.Int, allocationData []byte, c DenominatorAllocationAVSCommitmentOpening) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("proveBadPublication", round, allocationData, c)
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

// PackSubmitAllocationBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x887cd55f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitAllocationBatch(uint256 round, bytes32 allocTreeRoot, bytes allocationData, uint256 signerBitmap, (uint256[2],uint256[2]) apkG2, (uint256,uint256) sigma, (uint256,uint256)[] nonSignerPks) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackSubmitAllocationBatch(round *big.Int, allocTreeRoot [32]byte, allocationData []byte, signerBitmap *big.Int, apkG2 BN254G2Point, sigma BN254G1Point, nonSignerPks []BN254G1Point) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("submitAllocationBatch", round, allocTreeRoot, allocationData, signerBitmap, apkG2, sigma, nonSignerPks)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitAllocationBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x887cd55f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitAllocationBatch(uint256 round, bytes32 allocTreeRoot, bytes allocationData, uint256 signerBitmap, (uint256[2],uint256[2]) apkG2, (uint256,uint256) sigma, (uint256,uint256)[] nonSignerPks) returns()
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackSubmitAllocationBatch(round *big.Int, allocTreeRoot [32]byte, allocationData []byte, signerBitmap *big.Int, apkG2 BN254G2Point, sigma BN254G1Point, nonSignerPks []BN254G1Point) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("submitAllocationBatch", round, allocTreeRoot, allocationData, signerBitmap, apkG2, sigma, nonSignerPks)
}

// PackVerifyAllocation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0c7752e3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyAllocation(uint256 round, uint256 index, uint256 amount, bytes32[] proof) view returns(bool)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackVerifyAllocation(round *big.Int, index *big.Int, amount *big.Int, proof [][32]byte) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("verifyAllocation", round, index, amount, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyAllocation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0c7752e3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyAllocation(uint256 round, uint256 index, uint256 amount, bytes32[] proof) view returns(bool)
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackVerifyAllocation(round *big.Int, index *big.Int, amount *big.Int, proof [][32]byte) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("verifyAllocation", round, index, amount, proof)
}

// UnpackVerifyAllocation is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0c7752e3.
//
// Solidity: function verifyAllocation(uint256 round, uint256 index, uint256 amount, bytes32[] proof) view returns(bool)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackVerifyAllocation(data []byte) (bool, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("verifyAllocation", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackVerifyBLS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1b85154a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyBLS(bytes32 msgHash, (uint256,uint256) apkG1, (uint256[2],uint256[2]) apkG2, (uint256,uint256) sigma) view returns(bool)
func (denominatorAllocationAVS *DenominatorAllocationAVS) PackVerifyBLS(msgHash [32]byte, apkG1 BN254G1Point, apkG2 BN254G2Point, sigma BN254G1Point) []byte {
	enc, err := denominatorAllocationAVS.abi.Pack("verifyBLS", msgHash, apkG1, apkG2, sigma)
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
func (denominatorAllocationAVS *DenominatorAllocationAVS) TryPackVerifyBLS(msgHash [32]byte, apkG1 BN254G1Point, apkG2 BN254G2Point, sigma BN254G1Point) ([]byte, error) {
	return denominatorAllocationAVS.abi.Pack("verifyBLS", msgHash, apkG1, apkG2, sigma)
}

// UnpackVerifyBLS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1b85154a.
//
// Solidity: function verifyBLS(bytes32 msgHash, (uint256,uint256) apkG1, (uint256[2],uint256[2]) apkG2, (uint256,uint256) sigma) view returns(bool)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackVerifyBLS(data []byte) (bool, error) {
	out, err := denominatorAllocationAVS.abi.Unpack("verifyBLS", data)
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

// DenominatorAllocationAVSFraudProven represents a FraudProven event raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSFraudProven struct {
	Round        *big.Int
	Challenger   common.Address
	Kind         uint8
	Index        *big.Int
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
// Solidity: event FraudProven(uint256 indexed round, address indexed challenger, uint8 kind, uint256 index, uint256 slashedTotal)
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

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["AlreadyRegistered"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackAlreadyRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["AlreadyWithdrawn"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackAlreadyWithdrawnError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["ChallengeWindowClosed"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackChallengeWindowClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["ChallengeWindowOpen"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackChallengeWindowOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["DataDoesNotMatchBatch"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackDataDoesNotMatchBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["DirtyAddress"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackDirtyAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["DuplicateKey"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackDuplicateKeyError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidAmountProof"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidAmountProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidCommitmentOpening"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidCommitmentOpeningError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidEntry"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidEntryError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidParams"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidParamsError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidProofOfPossession"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidProofOfPossessionError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidProviderProof"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidProviderProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidPublicKey"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidPublicKeyError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["MulDivOverflow"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackMulDivOverflowError(raw[4:])
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
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["NonSignerKeyMismatch"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackNonSignerKeyMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["NonSignerKeysMismatch"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackNonSignerKeysMismatchError(raw[4:])
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
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["OperatorNotActive"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackOperatorNotActiveError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["PrecompileFailed"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackPrecompileFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["QuorumNotMet"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackQuorumNotMetError(raw[4:])
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
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["WithdrawalTooEarly"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackWithdrawalTooEarlyError(raw[4:])
	}
	if bytes.Equal(raw[:4], denominatorAllocationAVS.abi.Errors["WrongRound"].ID.Bytes()[:4]) {
		return denominatorAllocationAVS.UnpackWrongRoundError(raw[4:])
	}
	return nil, errors.New("Unknown error")
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

// DenominatorAllocationAVSAlreadyWithdrawn represents a AlreadyWithdrawn error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSAlreadyWithdrawn struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyWithdrawn(address operator)
func DenominatorAllocationAVSAlreadyWithdrawnErrorID() common.Hash {
	return common.HexToHash("0xbd0016ea83f0797f9bfd22a1d1a7e56468ad683c007094ce87fe2aadc90c4331")
}

// UnpackAlreadyWithdrawnError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyWithdrawn(address operator)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackAlreadyWithdrawnError(raw []byte) (*DenominatorAllocationAVSAlreadyWithdrawn, error) {
	out := new(DenominatorAllocationAVSAlreadyWithdrawn)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "AlreadyWithdrawn", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSChallengeWindowClosed represents a ChallengeWindowClosed error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSChallengeWindowClosed struct {
	Deadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChallengeWindowClosed(uint256 deadline)
func DenominatorAllocationAVSChallengeWindowClosedErrorID() common.Hash {
	return common.HexToHash("0x4046dd81830080823ff817cf7dc48d363c5fc9c21f48af3932bbd3e212cfd1a7")
}

// UnpackChallengeWindowClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChallengeWindowClosed(uint256 deadline)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackChallengeWindowClosedError(raw []byte) (*DenominatorAllocationAVSChallengeWindowClosed, error) {
	out := new(DenominatorAllocationAVSChallengeWindowClosed)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "ChallengeWindowClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSChallengeWindowOpen represents a ChallengeWindowOpen error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSChallengeWindowOpen struct {
	Deadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChallengeWindowOpen(uint256 deadline)
func DenominatorAllocationAVSChallengeWindowOpenErrorID() common.Hash {
	return common.HexToHash("0x891b78617c635c77d9f0de561d46fa39deec198ce14aac58278e886f5d70bb12")
}

// UnpackChallengeWindowOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChallengeWindowOpen(uint256 deadline)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackChallengeWindowOpenError(raw []byte) (*DenominatorAllocationAVSChallengeWindowOpen, error) {
	out := new(DenominatorAllocationAVSChallengeWindowOpen)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "ChallengeWindowOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSDataDoesNotMatchBatch represents a DataDoesNotMatchBatch error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSDataDoesNotMatchBatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DataDoesNotMatchBatch()
func DenominatorAllocationAVSDataDoesNotMatchBatchErrorID() common.Hash {
	return common.HexToHash("0x399e2e17eb9b0174aa504c5d4d211cf5e180230bdd1577fdd318a2b1d938ce46")
}

// UnpackDataDoesNotMatchBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DataDoesNotMatchBatch()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackDataDoesNotMatchBatchError(raw []byte) (*DenominatorAllocationAVSDataDoesNotMatchBatch, error) {
	out := new(DenominatorAllocationAVSDataDoesNotMatchBatch)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "DataDoesNotMatchBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSDirtyAddress represents a DirtyAddress error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSDirtyAddress struct {
	Entry *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DirtyAddress(uint256 entry)
func DenominatorAllocationAVSDirtyAddressErrorID() common.Hash {
	return common.HexToHash("0x1b1d21729708ad90c8c15f9619d82bec6517867d79d99ff98ea72e3a65ac7e64")
}

// UnpackDirtyAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DirtyAddress(uint256 entry)
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

// DenominatorAllocationAVSInvalidAmountProof represents a InvalidAmountProof error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSInvalidAmountProof struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAmountProof()
func DenominatorAllocationAVSInvalidAmountProofErrorID() common.Hash {
	return common.HexToHash("0xa594a16f30aa578ca3bc10aa50f555e7614f5937be9d861701a013fe82513601")
}

// UnpackInvalidAmountProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAmountProof()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackInvalidAmountProofError(raw []byte) (*DenominatorAllocationAVSInvalidAmountProof, error) {
	out := new(DenominatorAllocationAVSInvalidAmountProof)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "InvalidAmountProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSInvalidCommitmentOpening represents a InvalidCommitmentOpening error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSInvalidCommitmentOpening struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidCommitmentOpening()
func DenominatorAllocationAVSInvalidCommitmentOpeningErrorID() common.Hash {
	return common.HexToHash("0x53ee2e9ac7aceea251a97144da3b10a9254406be83f97c0b0edf131293423e30")
}

// UnpackInvalidCommitmentOpeningError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidCommitmentOpening()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackInvalidCommitmentOpeningError(raw []byte) (*DenominatorAllocationAVSInvalidCommitmentOpening, error) {
	out := new(DenominatorAllocationAVSInvalidCommitmentOpening)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "InvalidCommitmentOpening", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSInvalidEntry represents a InvalidEntry error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSInvalidEntry struct {
	Entry *big.Int
	Count *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidEntry(uint256 entry, uint256 count)
func DenominatorAllocationAVSInvalidEntryErrorID() common.Hash {
	return common.HexToHash("0xe6c1feba1bfd5765290b3224177547c1d649be324a505c11c99a299b3af10424")
}

// UnpackInvalidEntryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidEntry(uint256 entry, uint256 count)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackInvalidEntryError(raw []byte) (*DenominatorAllocationAVSInvalidEntry, error) {
	out := new(DenominatorAllocationAVSInvalidEntry)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "InvalidEntry", raw); err != nil {
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

// DenominatorAllocationAVSInvalidProviderProof represents a InvalidProviderProof error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSInvalidProviderProof struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidProviderProof()
func DenominatorAllocationAVSInvalidProviderProofErrorID() common.Hash {
	return common.HexToHash("0xac7469308c4a3eb06c27862d5f6b3b8abea0793029f4e8654c83d5bbd3cccde5")
}

// UnpackInvalidProviderProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidProviderProof()
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackInvalidProviderProofError(raw []byte) (*DenominatorAllocationAVSInvalidProviderProof, error) {
	out := new(DenominatorAllocationAVSInvalidProviderProof)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "InvalidProviderProof", raw); err != nil {
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

// DenominatorAllocationAVSMulDivOverflow represents a MulDivOverflow error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSMulDivOverflow struct {
	X *big.Int
	Y *big.Int
	D *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MulDivOverflow(uint256 x, uint256 y, uint256 d)
func DenominatorAllocationAVSMulDivOverflowErrorID() common.Hash {
	return common.HexToHash("0x6c59da127330e9956b4e287e75b00fa382b99ba5ac33ea11b2bf214454df64aa")
}

// UnpackMulDivOverflowError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MulDivOverflow(uint256 x, uint256 y, uint256 d)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackMulDivOverflowError(raw []byte) (*DenominatorAllocationAVSMulDivOverflow, error) {
	out := new(DenominatorAllocationAVSMulDivOverflow)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "MulDivOverflow", raw); err != nil {
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

// DenominatorAllocationAVSNonSignerKeyMismatch represents a NonSignerKeyMismatch error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSNonSignerKeyMismatch struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NonSignerKeyMismatch(uint256 index)
func DenominatorAllocationAVSNonSignerKeyMismatchErrorID() common.Hash {
	return common.HexToHash("0x91f57b9b8caa3c01022b1b66833a75caf10626c25335d0f4d52f6b887a4d4c95")
}

// UnpackNonSignerKeyMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NonSignerKeyMismatch(uint256 index)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackNonSignerKeyMismatchError(raw []byte) (*DenominatorAllocationAVSNonSignerKeyMismatch, error) {
	out := new(DenominatorAllocationAVSNonSignerKeyMismatch)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "NonSignerKeyMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DenominatorAllocationAVSNonSignerKeysMismatch represents a NonSignerKeysMismatch error raised by the DenominatorAllocationAVS contract.
type DenominatorAllocationAVSNonSignerKeysMismatch struct {
	Expected *big.Int
	Got      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NonSignerKeysMismatch(uint256 expected, uint256 got)
func DenominatorAllocationAVSNonSignerKeysMismatchErrorID() common.Hash {
	return common.HexToHash("0xa4bd2e6be62eb76671e477394630e426f8e23e868949d2411d77af331b1d8bb0")
}

// UnpackNonSignerKeysMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NonSignerKeysMismatch(uint256 expected, uint256 got)
func (denominatorAllocationAVS *DenominatorAllocationAVS) UnpackNonSignerKeysMismatchError(raw []byte) (*DenominatorAllocationAVSNonSignerKeysMismatch, error) {
	out := new(DenominatorAllocationAVSNonSignerKeysMismatch)
	if err := denominatorAllocationAVS.abi.UnpackIntoInterface(out, "NonSignerKeysMismatch", raw); err != nil {
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
