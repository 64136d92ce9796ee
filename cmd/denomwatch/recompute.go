package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/internal/v1/recompute"
)

// recomputeOutput is the JSON printed for well-formed data. Field names and
// order are a stable interface: other tools parse them.
type recomputeOutput struct {
	WellFormed     bool        `json:"wellFormed"`
	Round          json.Number `json:"round"`
	ProviderCount  int         `json:"providerCount"`
	EntryCount     int         `json:"entryCount"`
	ProvidersRoot  common.Hash `json:"providersRoot"`
	CommitmentRoot common.Hash `json:"commitmentRoot"`
	Denominators   []string    `json:"denominators"`
	DataHash       common.Hash `json:"dataHash"`
	AllocTreeRoot  common.Hash `json:"allocTreeRoot"`
	AllocationRoot common.Hash `json:"allocationRoot"`
	Amounts        *[]string   `json:"amounts,omitempty"`
}

// malformedOutput is the JSON printed for malformed data.
type malformedOutput struct {
	WellFormed bool   `json:"wellFormed"`
	Rule       string `json:"rule"`
	Error      string `json:"error"`
}

func recomputeCommand() *cli.Command {
	return &cli.Command{
		Name:      "recompute",
		Usage:     "recompute one round from its commitment data and print the result as JSON",
		UsageText: "denomwatch recompute --round N --data FILE [--amounts]",
		Description: `Reads the round's commitment data (0x-hex text or raw bytes; FILE "-" is
standard input), checks every rule of PROTOCOL.md section 3 against the
on-chain round N, and prints one JSON object: the roots, denominators and
(with --amounts) every amount, or {"wellFormed":false,"rule":..,"error":..}
for malformed data. Exits 0 in both cases; 1 if the data cannot be read,
2 for bad flags.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "round", Usage: "the on-chain round number `N` (decimal; required)", EnvVars: []string{"DENOMWATCH_ROUND"}},
			&cli.StringFlag{Name: "data", Usage: "commitment data `FILE` (0x-hex or raw bytes; - for stdin; required)", EnvVars: []string{"DENOMWATCH_DATA"}},
			&cli.BoolFlag{Name: "amounts", Usage: "also print every amount, by global index", EnvVars: []string{"DENOMWATCH_AMOUNTS"}},
			&cli.IntFlag{Name: "workers", Usage: "goroutines to use; 0 means one per core", EnvVars: []string{"DENOMWATCH_WORKERS"}},
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageError("recompute takes no arguments, got %q", c.Args().Slice())
			}
			if err := requireFlags(c, "round", "data"); err != nil {
				return err
			}
			round, err := uint256.FromDecimal(c.String("round"))
			if err != nil {
				return usageError("--round %q is not a decimal number below 2^256", c.String("round"))
			}
			if c.Int("workers") < 0 {
				return usageError("--workers must not be negative")
			}
			data, err := loadData(c.App.Reader, c.String("data"))
			if err != nil && !errors.Is(err, ErrTooLarge) {
				return ioError(err)
			}
			out := bufio.NewWriterSize(c.App.Writer, 1<<16)
			result := recomputeResult(round, data, err, c.Bool("amounts"), recompute.Options{Workers: c.Int("workers")})
			if err := json.NewEncoder(out).Encode(result); err != nil {
				return ioError(fmt.Errorf("write output: %w", err))
			}
			if err := out.Flush(); err != nil {
				return ioError(fmt.Errorf("write output: %w", err))
			}
			return nil
		},
	}
}

// loadData reads the --data argument: a path, or "-" for stdin.
func loadData(stdin io.Reader, path string) ([]byte, error) {
	if path == "-" {
		data, err := readData(stdin, maxDataSize)
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		return data, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open data file: %w", err)
	}
	defer f.Close()
	data, err := readData(f, maxDataSize)
	if err != nil {
		return nil, fmt.Errorf("read data file %s: %w", path, err)
	}
	return data, nil
}

// recomputeResult decodes, validates and computes a round and returns the
// value to print. readErr is ErrTooLarge (wrapped) or nil.
func recomputeResult(round *uint256.Int, data []byte, readErr error, amounts bool, opts recompute.Options) any {
	if readErr != nil {
		return malformedOutput{Rule: string(recompute.RuleABI), Error: readErr.Error()}
	}
	c, err := recompute.Decode(data)
	if err == nil {
		err = c.Validate(round)
	}
	var res *recompute.Result
	if err == nil {
		res, err = recompute.Compute(c, opts)
	}
	if err != nil {
		var me *recompute.MalformedError
		if errors.As(err, &me) {
			return malformedOutput{Rule: string(me.Rule), Error: me.Msg}
		}
		// Validate accepted the data, so Compute cannot find it out of
		// range; report rather than hide it if it ever does.
		return malformedOutput{Rule: "internal", Error: err.Error()}
	}
	out := recomputeOutput{
		WellFormed:     true,
		Round:          json.Number(c.Round.Dec()),
		ProviderCount:  res.ProviderCount,
		EntryCount:     res.EntryCount,
		ProvidersRoot:  res.ProvidersRoot,
		CommitmentRoot: res.CommitmentRoot,
		Denominators:   make([]string, len(res.Denominators)),
		DataHash:       res.DataHash,
		AllocTreeRoot:  res.AllocTreeRoot,
		AllocationRoot: res.AllocationRoot,
	}
	for i := range res.Denominators {
		out.Denominators[i] = res.Denominators[i].Dec()
	}
	if amounts {
		list := make([]string, res.EntryCount)
		for k := range list {
			a := res.Amount(k)
			list[k] = a.Dec()
		}
		out.Amounts = &list
	}
	return out
}
