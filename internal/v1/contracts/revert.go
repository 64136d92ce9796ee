package contracts

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
)

// ErrReverted is matched (errors.Is) by every *RevertError.
var ErrReverted = errors.New("execution reverted")

// RevertError is a call or transaction the AVS reverted, with its custom
// error decoded from the revert data.
type RevertError struct {
	Name string // the custom error's name, "" if the data is not one of the AVS's errors
	Args []any  // its arguments
	Data []byte // the raw revert data
}

func (e *RevertError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("execution reverted (data %s)", hexutil.Encode(e.Data))
	}
	args := make([]string, len(e.Args))
	for i, a := range e.Args {
		args[i] = fmt.Sprint(a)
	}
	return fmt.Sprintf("execution reverted: %s(%s)", e.Name, strings.Join(args, ", "))
}

// Is makes errors.Is(err, ErrReverted) hold.
func (e *RevertError) Is(target error) bool { return target == ErrReverted }

// DecodeRevert decodes revert data against the AVS's custom errors.
func DecodeRevert(data []byte) *RevertError {
	re := &RevertError{Data: append([]byte(nil), data...)}
	if len(data) < 4 {
		return re
	}
	parsed := avs.GetABI()
	e, err := parsed.ErrorByID([4]byte(data[:4]))
	if err != nil {
		return re
	}
	args, err := e.Inputs.Unpack(data[4:])
	if err != nil {
		return re
	}
	re.Name, re.Args = e.Name, args
	return re
}

// AsRevert turns an error from eth_call or gas estimation that carries revert
// data (rpc.DataError) into a *RevertError; other errors are returned as they are.
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

// RevertName returns the custom error's name if err is a decoded revert, else "".
func RevertName(err error) string {
	var re *RevertError
	if errors.As(err, &re) {
		return re.Name
	}
	return ""
}
