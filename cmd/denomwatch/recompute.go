package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/holiman/uint256"
	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/recompute"
)

// wellFormedOutput is the JSON printed for a well-formed round
// (RECOMPUTE-CLI.md). Field names and order are a stable interface.
type wellFormedOutput struct {
	WellFormed         bool          `json:"wellFormed"`
	Round              json.Number   `json:"round"`
	ProviderCount      int           `json:"providerCount"`
	EntryCount         json.Number   `json:"entryCount"`
	ProvidersRoot      common.Hash   `json:"providersRoot"`
	CommitmentRoot     common.Hash   `json:"commitmentRoot"`
	EntriesRoots       []common.Hash `json:"entriesRoots"`
	Denominators       []string      `json:"denominators"`
	ProviderAllocRoots []common.Hash `json:"providerAllocRoots"`
	AllocTreeRoot      common.Hash   `json:"allocTreeRoot"`
	AllocationRoot     common.Hash   `json:"allocationRoot"`
	Amounts            *[][]string   `json:"amounts,omitempty"`
}

// malformedOutput is the JSON printed for a round that breaks a rule: the
// evidence fields the rule has, and the roots when they could be computed.
type malformedOutput struct {
	WellFormed     bool         `json:"wellFormed"`
	Rule           string       `json:"rule"`
	Provider       *int         `json:"provider,omitempty"`
	Entry          *int         `json:"entry,omitempty"`
	Clause         string       `json:"clause,omitempty"`
	OtherProvider  *int         `json:"otherProvider,omitempty"`
	OtherEntry     *int         `json:"otherEntry,omitempty"`
	ProvidersRoot  *common.Hash `json:"providersRoot,omitempty"`
	CommitmentRoot *common.Hash `json:"commitmentRoot,omitempty"`
	Error          string       `json:"error"`
}

func recomputeCommand() *cli.Command {
	return &cli.Command{
		Name:  "recompute",
		Usage: "recompute one round from its whole-round file or its data-availability objects and print the result as JSON",
		UsageText: "denomwatch recompute --round N --data FILE [--amounts]\n" +
			"denomwatch recompute --objects DIR --commitment 0xROOT [--round N] [--amounts]",
		Description: `Reads a round either as its whole-round file (--data: 0x-hex text or raw
bytes, "-" for standard input) or from a directory laid out as a static DA
host (--objects DIR: DIR/manifest/<key>, DIR/row/<key>), checks every rule
of PROTOCOL.md section 3, and prints one JSON object (RECOMPUTE-CLI.md): the
roots, denominators and, with --amounts, every amount; or the first broken
rule with its evidence positions. Exits 0 in both cases, 1 if FILE or DIR
cannot be read, 2 for bad flags.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "round", Usage: "the on-chain round number `N` (decimal; required with --data)", EnvVars: []string{"DENOMWATCH_ROUND"}},
			&cli.StringFlag{Name: "data", Usage: "whole-round `FILE` (0x-hex or raw bytes; - for stdin)", EnvVars: []string{"DENOMWATCH_DATA"}},
			&cli.StringFlag{Name: "objects", Usage: "`DIR` of objects laid out as a static DA host", EnvVars: []string{"DENOMWATCH_OBJECTS"}},
			&cli.StringFlag{Name: "commitment", Usage: "the round's commitmentRoot `ROOT`, 0x and 64 hex digits (with --objects)", EnvVars: []string{"DENOMWATCH_COMMITMENT"}},
			&cli.BoolFlag{Name: "amounts", Usage: "also print every amount, one array per provider", EnvVars: []string{"DENOMWATCH_AMOUNTS"}},
			&cli.IntFlag{Name: "workers", Usage: fmt.Sprintf("goroutines `N`; 0 means one per core, at most %d are used", recompute.MaxWorkers), EnvVars: []string{"DENOMWATCH_WORKERS"}},
		},
		OnUsageError: onUsageError,
		Action:       recomputeAction,
	}
}

// recomputeArgs are the checked flags of recompute.
type recomputeArgs struct {
	round      *uint256.Int // nil: not given (objects form only)
	data       string
	objects    string
	commitment common.Hash
	amounts    bool
	opts       recompute.Options
}

func parseRecomputeArgs(c *cli.Context) (*recomputeArgs, error) {
	if c.NArg() > 0 {
		return nil, usageError("recompute takes no arguments, got %q", c.Args().Slice())
	}
	a := &recomputeArgs{data: c.String("data"), objects: c.String("objects"), amounts: c.Bool("amounts")}
	switch {
	case c.IsSet("data") && c.IsSet("objects"):
		return nil, usageError("give either --data or --objects, not both")
	case !c.IsSet("data") && !c.IsSet("objects"):
		return nil, usageError("give --round N --data FILE, or --objects DIR --commitment 0xROOT (see --help)")
	case c.IsSet("data") && !c.IsSet("round"):
		return nil, usageError("flag --round is required with --data (see --help)")
	case c.IsSet("objects") && !c.IsSet("commitment"):
		return nil, usageError("flag --commitment is required with --objects (see --help)")
	case c.IsSet("data") && c.IsSet("commitment"):
		return nil, usageError("--commitment goes with --objects, not --data")
	}
	if c.IsSet("round") {
		r, err := uint256.FromDecimal(c.String("round"))
		if err != nil {
			return nil, usageError("--round %q is not a decimal number below 2^256", c.String("round"))
		}
		a.round = r
	}
	if c.IsSet("commitment") {
		b, err := hexutil.Decode(c.String("commitment"))
		if err != nil || len(b) != common.HashLength {
			return nil, usageError("--commitment %q is not 0x and 64 hex digits", c.String("commitment"))
		}
		a.commitment = common.BytesToHash(b)
	}
	if c.Int("workers") < 0 {
		return nil, usageError("--workers must not be negative")
	}
	a.opts.Workers = c.Int("workers")
	return a, nil
}

func recomputeAction(c *cli.Context) error {
	a, err := parseRecomputeArgs(c)
	if err != nil {
		return err
	}
	var out any
	if a.objects != "" {
		out, err = recomputeObjects(a)
	} else {
		out, err = recomputeData(c.App.Reader, a)
	}
	if err != nil {
		return ioError(err)
	}
	w := bufio.NewWriterSize(c.App.Writer, 1<<16)
	if err := json.NewEncoder(w).Encode(out); err != nil {
		return ioError(fmt.Errorf("write output: %w", err))
	}
	if err := w.Flush(); err != nil {
		return ioError(fmt.Errorf("write output: %w", err))
	}
	return nil
}

// recomputeData evaluates the --data form. An input the decoder refuses
// (hex that does not decode, over the size bound) is rule abi.
func recomputeData(stdin io.Reader, a *recomputeArgs) (any, error) {
	r, size, done, err := openData(stdin, a.data)
	if err != nil {
		return nil, err
	}
	defer done()
	data, err := readData(r, size, maxDataSize)
	if errors.Is(err, ErrBadInput) || errors.Is(err, ErrTooLarge) {
		return malformedOutput{Rule: string(recompute.RuleABI), Error: err.Error()}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dataName(a.data), err)
	}
	res, v := recompute.EvaluateRoundFile(data, a.round, a.opts)
	return output(res, v, a.amounts), nil
}

func dataName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return "data file " + path
}

// output is the JSON value of an evaluation.
func output(res *recompute.Result, v *recompute.Violation, amounts bool) any {
	if v != nil {
		return malformed(res, v)
	}
	m := res.Manifest
	out := wellFormedOutput{
		WellFormed:         true,
		Round:              json.Number(m.Round.Dec()),
		ProviderCount:      len(m.Headers),
		EntryCount:         json.Number(m.E.Dec()),
		ProvidersRoot:      res.ProvidersRoot,
		CommitmentRoot:     res.CommitmentRoot,
		EntriesRoots:       make([]common.Hash, len(m.Headers)),
		Denominators:       make([]string, len(m.Headers)),
		ProviderAllocRoots: res.ProviderAllocRoots,
		AllocTreeRoot:      res.AllocTreeRoot,
		AllocationRoot:     res.AllocationRoot,
	}
	for p := range m.Headers {
		out.EntriesRoots[p] = m.Headers[p].EntriesRoot
		out.Denominators[p] = res.Denominators[p].Dec()
	}
	if amounts {
		list := make([][]string, len(m.Headers))
		for p := range list {
			row := res.RowAmounts(p)
			list[p] = make([]string, len(row))
			for j := range row {
				list[p][j] = row[j].Dec()
			}
		}
		out.Amounts = &list
	}
	return out
}

func malformed(res *recompute.Result, v *recompute.Violation) malformedOutput {
	out := malformedOutput{Rule: string(v.Rule), Error: v.Msg}
	if v.Rule.HasProvider() {
		out.Provider = &v.Provider
	}
	if v.Rule.HasEntry() {
		out.Entry = &v.Entry
	}
	out.Clause = string(v.Clause)
	if v.Rule == recompute.RuleResidualConsistency {
		out.OtherProvider, out.OtherEntry = &v.OtherProvider, &v.OtherEntry
	}
	if res != nil {
		out.ProvidersRoot, out.CommitmentRoot = &res.ProvidersRoot, &res.CommitmentRoot
	}
	return out
}

// maxManifestFile bounds the manifest file the objects form reads: a
// manifest of 2^16 providers, far past the protocol's 1024, so that a round
// out of bounds is still reported as such; a longer file is not read and the
// manifest is unavailable.
const maxManifestFile = 4*32 + (1<<16)*5*32

// recomputeObjects evaluates the --objects form. The manifest and the rows
// its headers name are read first; the evaluation itself touches no disk.
func recomputeObjects(a *recomputeArgs) (any, error) {
	if err := checkDir(a.objects); err != nil {
		return nil, fmt.Errorf("objects directory: %w", err)
	}
	manifest, err := readObject(a.objects, recompute.KindManifest, a.commitment, maxManifestFile)
	if err != nil {
		return nil, err
	}
	rows := map[common.Hash][]byte{}
	if m, err := recompute.DecodeManifest(manifest); err == nil {
		if err := readRows(a.objects, m, rows); err != nil {
			return nil, err
		}
	}
	source := func(key common.Hash) []byte { return rows[key] }
	res, v := recompute.EvaluateObjects(a.commitment, manifest, a.round, source, a.opts)
	return output(res, v, a.amounts), nil
}

// readRows reads the row object of every header that needs one, at most one
// byte longer than the header's count allows (a longer one is invalid all
// the same). Headers whose count breaks entry-count are not read.
func readRows(dir string, m *recompute.Manifest, rows map[common.Hash][]byte) error {
	for p := range m.Headers {
		hd := &m.Headers[p]
		if _, done := rows[hd.EntriesRoot]; done || !hd.NeedsRow() {
			continue
		}
		if !hd.EntryCount.IsUint64() || hd.EntryCount.Uint64() > recompute.MaxRowEntries {
			continue
		}
		data, err := readObject(dir, recompute.KindRow, hd.EntriesRoot, 64+96*int(hd.EntryCount.Uint64()))
		if err != nil {
			return err
		}
		rows[hd.EntriesRoot] = data
	}
	return nil
}

// readObject reads DIR/kind/key, at most limit+1 bytes; a missing file is
// nil (the object is unavailable), any other failure an I/O error.
func readObject(dir string, kind recompute.ObjectKind, key common.Hash, limit int) ([]byte, error) {
	path := filepath.Join(dir, filepath.FromSlash(recompute.ObjectPath(kind, key)))
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) || isNotDir(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read object: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("read object %s: %w", path, err)
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// checkDir fails unless dir is a directory that can be opened.
func checkDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	return nil
}
