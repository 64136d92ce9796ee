package contracts

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/denomwatch/denomwatch/contracts/bindings"
)

// ErrReverted is matched (errors.Is) by every *RevertError.
var ErrReverted = errors.New("execution reverted")

// RevertError is a call or transaction that reverted, with its custom error
// decoded against the AVS's and the Forwarder's errors.
type RevertError struct {
	// Name is the custom error's name, "" if the data is none of them.
	Name string
	// Value is the bindings' typed error, for example
	// *bindings.DenominatorAllocationAVSNoFraud; nil if Name is "".
	Value any
	// Data is the raw revert data.
	Data []byte
	// Inner is the decoded reason of a Forwarder's CallFailed (the AVS's own
	// revert of a forwarded call), nil otherwise; Unwrap returns it.
	Inner *RevertError
}

func (e *RevertError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("execution reverted (data %s)", hexutil.Encode(e.Data))
	}
	s := fmt.Sprintf("execution reverted: %s%s", e.Name, fields(e.Value))
	if e.Inner != nil {
		s += " <- " + strings.TrimPrefix(e.Inner.Error(), "execution reverted: ")
	}
	return s
}

// Is makes errors.Is(err, ErrReverted) hold.
func (e *RevertError) Is(target error) bool { return target == ErrReverted }

// Unwrap returns the forwarded call's revert, so that errors.As and RevertAs
// reach the AVS's error through a Forwarder.
func (e *RevertError) Unwrap() error {
	if e.Inner == nil {
		return nil
	}
	return e.Inner
}

// RevertAs returns the typed error T (a bindings error struct such as
// bindings.DenominatorAllocationAVSNoFraud) if err is, or wraps, a revert
// with that error.
func RevertAs[T any](err error) (*T, bool) {
	for err != nil {
		var re *RevertError
		if !errors.As(err, &re) {
			return nil, false
		}
		if v, ok := re.Value.(*T); ok {
			return v, true
		}
		err = re.Unwrap()
	}
	return nil, false
}

// unpacker decodes one contract's custom errors.
type unpacker struct {
	abi    abi.ABI
	unpack func([]byte) (any, error)
}

var unpackers = []unpacker{
	{avs.GetABI(), avs.UnpackError},
	{forwarder.GetABI(), forwarder.UnpackError},
}

// DecodeRevert decodes revert data against the AVS's and the Forwarder's
// custom errors, and a Forwarder's CallFailed reason recursively.
func DecodeRevert(data []byte) *RevertError {
	re := &RevertError{Data: append([]byte(nil), data...)}
	if len(data) < 4 {
		return re
	}
	for _, u := range unpackers {
		e, err := u.abi.ErrorByID([4]byte(data[:4]))
		if err != nil {
			continue
		}
		v, err := u.unpack(data)
		if err != nil {
			return re
		}
		re.Name, re.Value = e.Name, v
		if cf, ok := v.(*bindings.ForwarderCallFailed); ok {
			re.Inner = DecodeRevert(cf.Reason)
		}
		return re
	}
	return re
}

// AsRevert turns an error from eth_call or gas estimation that carries revert
// data (rpc.DataError) into a *RevertError; other errors are returned as they
// are.
func AsRevert(err error) error {
	var de rpc.DataError
	if err == nil || !errors.As(err, &de) {
		return err
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return err
	}
	data, derr := hexutil.Decode(s)
	if derr != nil {
		return err
	}
	return DecodeRevert(data)
}

// fields writes a typed error's fields as (a, b, ...).
func fields(v any) string {
	rv := reflect.Indirect(reflect.ValueOf(v))
	if rv.Kind() != reflect.Struct {
		return ""
	}
	parts := make([]string, rv.NumField())
	for i := range parts {
		parts[i] = fmt.Sprint(rv.Field(i).Interface())
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
