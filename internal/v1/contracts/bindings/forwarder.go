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

// ForwarderMetaData contains all meta data concerning the Forwarder contract.
var ForwarderMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"reason\",\"type\":\"bytes\"}],\"name\":\"CallFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"execute\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "Forwarder",
	Bin: "0x60a0604052348015600e575f5ffd5b50604051610304380380610304833981016040819052602b91603b565b6001600160a01b03166080526066565b5f60208284031215604a575f5ffd5b81516001600160a01b0381168114605f575f5ffd5b9392505050565b6080516102816100835f395f81816066015260ad01526102815ff3fe608060405260043610610028575f3560e01c80631cff79cd1461002c5780638da5cb5b14610055575b5f5ffd5b61003f61003a36600461017c565b6100a0565b60405161004c9190610207565b60405180910390f35b348015610060575f5ffd5b506100887f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b03909116815260200161004c565b6060336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146100f25760405163245aecd360e01b81523360048201526024015b60405180910390fd5b5f5f856001600160a01b031634868660405161010f92919061023c565b5f6040518083038185875af1925050503d805f8114610149576040519150601f19603f3d011682016040523d82523d5f602084013e61014e565b606091505b509150915081610173578060405163a5fa8d2b60e01b81526004016100e99190610207565b95945050505050565b5f5f5f6040848603121561018e575f5ffd5b83356001600160a01b03811681146101a4575f5ffd5b9250602084013567ffffffffffffffff8111156101bf575f5ffd5b8401601f810186136101cf575f5ffd5b803567ffffffffffffffff8111156101e5575f5ffd5b8660208284010111156101f6575f5ffd5b939660209190910195509293505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b818382375f910190815291905056fea264697066735822122062c42ac6f8a53b0296b079d90eba55e3234daf7bfee83297d7a23f6e9604776164736f6c63430008250033",
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
	Reason []byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CallFailed(bytes reason)
func ForwarderCallFailedErrorID() common.Hash {
	return common.HexToHash("0xa5fa8d2bd23af43608c66a1e71e091ad72afa45dfd478efa1657e01a9a4ceea6")
}

// UnpackCallFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CallFailed(bytes reason)
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
