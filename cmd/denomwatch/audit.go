package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/internal/v1/contracts"
	"github.com/denomwatch/denomwatch/internal/v1/watcher"
	"github.com/denomwatch/denomwatch/rpcpool"
)

// exitWrong is audit's exit status when one of the recipient's allocations is wrong.
const exitWrong = 3

// auditRound is one round of an audit.
type auditRound struct {
	Round       uint64           `json:"round"`
	Status      string           `json:"status"` // no-batch, in-window, final, proven-fraudulent
	Allocations []api.Allocation `json:"allocations"`
	Error       string           `json:"error,omitempty"`
}

func auditCommand() *cli.Command {
	return &cli.Command{
		Name:      "audit",
		Usage:     "check a recipient's allocations, straight from the chain (or from a running watcher)",
		UsageText: "denomwatch audit --rpc URL --contract ADDR --recipient ADDR [--round N | --from N --to M] [--json]\n   denomwatch audit --api URL --recipient ADDR [--round N | --from N --to M] [--json]",
		Description: `For each round asked for (default: the latest), recomputes the round from its
commitment data and shows, per provider, the published amount, the correct
amount, whether the published amount's merkle proof verifies against the
on-chain root, and the round's status. Exits 3 when any of the recipient's
allocations is wrong (published amount differs from the correct one, or its
proof does not verify), so that a script can alert on it; 1 on read errors.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "rpc", Usage: "node `URL` to read the chain from", EnvVars: env("rpc")},
			&cli.StringFlag{Name: "contract", Usage: "the AVS `ADDRESS`", EnvVars: env("contract")},
			&cli.StringFlag{Name: "api", Usage: "ask a running watcher's API at `URL` instead of the chain", EnvVars: env("api")},
			&cli.StringFlag{Name: "recipient", Usage: "the recipient `ADDRESS`", EnvVars: env("recipient")},
			&cli.Uint64Flag{Name: "round", Usage: "one `ROUND`", EnvVars: env("round")},
			&cli.Uint64Flag{Name: "from", Usage: "first `ROUND` of a range", EnvVars: env("from")},
			&cli.Uint64Flag{Name: "to", Usage: "last `ROUND` of a range", EnvVars: env("to")},
			&cli.BoolFlag{Name: "json", Usage: "print JSON instead of a table", EnvVars: env("json")},
		},
		OnUsageError: onUsageError,
		Action:       runAudit,
	}
}

func runAudit(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("audit takes no arguments, got %q", c.Args().Slice())
	}
	if !common.IsHexAddress(c.String("recipient")) {
		return usageError("--recipient must be an address")
	}
	recipient := common.HexToAddress(c.String("recipient"))
	if c.IsSet("round") && (c.IsSet("from") || c.IsSet("to")) {
		return usageError("give --round or --from/--to, not both")
	}
	ctx := c.Context
	var (
		src    auditSource
		err    error
		closer = func() {}
	)
	switch {
	case c.String("api") != "":
		src = &apiAudit{base: strings.TrimRight(c.String("api"), "/"), client: &http.Client{Timeout: 30 * time.Second}}
	case c.String("rpc") != "":
		if !common.IsHexAddress(c.String("contract")) {
			return usageError("--rpc needs --contract, the AVS address")
		}
		cl, err := ethclient.DialContext(ctx, c.String("rpc"))
		if err != nil {
			return ioError(fmt.Errorf("dial %s: %w", rpcpool.Redact(c.String("rpc")), err))
		}
		closer = cl.Close
		src = &chainAudit{cl: cl, avs: common.HexToAddress(c.String("contract"))}
	default:
		return usageError("give --rpc URL --contract ADDR, or --api URL")
	}
	defer closer()

	from, to := c.Uint64("from"), c.Uint64("to")
	if c.IsSet("round") {
		from, to = c.Uint64("round"), c.Uint64("round")
	}
	if !c.IsSet("round") && (!c.IsSet("from") || !c.IsSet("to")) {
		latest, err := src.latest(ctx)
		if err != nil {
			return ioError(err)
		}
		if !c.IsSet("from") {
			from = latest
		}
		if !c.IsSet("to") {
			to = latest
		}
	}
	if from == 0 || from > to || to-from >= 10_000 {
		return usageError("rounds %d to %d: rounds start at 1, from <= to, at most 10000 at once", from, to)
	}

	var rounds []auditRound
	wrong := false
	for n := from; n <= to; n++ {
		ar := auditRound{Round: n, Allocations: []api.Allocation{}}
		ar.Status, ar.Allocations, err = src.round(ctx, n, recipient)
		if err != nil {
			ar.Error = err.Error()
		}
		for _, a := range ar.Allocations {
			if a.Amount != nil && (!a.Amount.Eq(a.CorrectAmount) || !a.Verifies) {
				wrong = true
			}
		}
		rounds = append(rounds, ar)
	}
	if err := printAudit(c.App.Writer, recipient, rounds, c.Bool("json")); err != nil {
		return ioError(err)
	}
	if wrong {
		return cli.Exit("", exitWrong)
	}
	return nil
}

func printAudit(w io.Writer, recipient common.Address, rounds []auditRound, asJSON bool) error {
	if asJSON {
		return json.NewEncoder(w).Encode(struct {
			Recipient common.Address `json:"recipient"`
			Rounds    []auditRound   `json:"rounds"`
		}{recipient, rounds})
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ROUND\tSTATUS\tPROVIDER\tINDEX\tPUBLISHED\tCORRECT\tPROOF\tRESULT")
	for _, r := range rounds {
		if r.Error != "" {
			fmt.Fprintf(tw, "%d\t%s\t-\t-\t-\t-\t-\t%s\n", r.Round, r.Status, r.Error)
			continue
		}
		if len(r.Allocations) == 0 {
			fmt.Fprintf(tw, "%d\t%s\t-\t-\t-\t-\t-\tno allocation\n", r.Round, r.Status)
		}
		for _, a := range r.Allocations {
			published, proof, result := "-", "-", "no batch"
			if a.Amount != nil {
				published, proof, result = a.Amount.Dec(), "fails", "WRONG"
				if a.Verifies {
					proof = "verifies"
				}
				if a.Verifies && a.Amount.Eq(a.CorrectAmount) {
					result = "ok"
				}
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", r.Round, r.Status, a.Provider.Hex(), a.Index, published, a.CorrectAmount.Dec(), proof, result)
		}
	}
	return tw.Flush()
}

// auditSource answers an audit's questions: from the chain or from an API.
type auditSource interface {
	latest(ctx context.Context) (uint64, error)
	round(ctx context.Context, n uint64, recipient common.Address) (status string, allocs []api.Allocation, err error)
}

// chainAudit reads the chain directly: the round's logs, their calldata and
// the contract's round view.
type chainAudit struct {
	cl  *ethclient.Client
	avs common.Address
}

func (a *chainAudit) latest(ctx context.Context) (uint64, error) {
	n, err := bind.Call(contracts.ABI().Instance(a.cl, a.avs), &bind.CallOpts{Context: ctx}, contracts.ABI().PackLatestRound(), contracts.ABI().UnpackLatestRound)
	if err != nil {
		return 0, fmt.Errorf("latest round: %w", contracts.AsRevert(err))
	}
	return n.Uint64(), nil
}

func (a *chainAudit) logs(ctx context.Context, event string, n uint64) ([]types.Log, error) {
	ev := contracts.ABI().GetABI().Events[event]
	return a.cl.FilterLogs(ctx, ethereum.FilterQuery{
		Addresses: []common.Address{a.avs},
		Topics:    [][]common.Hash{{ev.ID}, {common.BigToHash(new(big.Int).SetUint64(n))}},
	})
}

func (a *chainAudit) round(ctx context.Context, n uint64, recipient common.Address) (string, []api.Allocation, error) {
	abi := contracts.ABI()
	v, err := bind.Call(abi.Instance(a.cl, a.avs), &bind.CallOpts{Context: ctx}, abi.PackGetRound(new(big.Int).SetUint64(n)), abi.UnpackGetRound)
	if err != nil {
		return "", nil, fmt.Errorf("round %d: %w", n, contracts.AsRevert(err))
	}
	head, err := a.cl.BlockNumber(ctx)
	if err != nil {
		return "", nil, err
	}
	status := map[uint8]string{0: "not-committed", 1: "no-batch", 2: "in-window", 3: "final"}[v.Status]
	if v.Status == 2 && head > v.Deadline.Uint64() {
		status = "window-closed"
	}
	if v.Status == 1 && v.VoidedBatches.Sign() > 0 {
		status = "proven-fraudulent"
	}
	if v.Status == 0 {
		return status, []api.Allocation{}, nil
	}
	src := &watcher.CalldataSource{Chain: a.cl, AVS: a.avs}
	commits, err := a.logs(ctx, "NewRoundCommitments", n)
	if err != nil || len(commits) == 0 {
		return status, nil, fmt.Errorf("round %d's commitment log: %v", n, err)
	}
	cdata, err := src.CommitmentData(ctx, commits[len(commits)-1])
	if err != nil {
		return status, nil, err
	}
	r := index.Round{Round: n, CommitmentRoot: v.CommitmentRoot}
	var published []byte
	if v.Status == 2 || v.Status == 3 {
		batches, err := a.logs(ctx, "AllocationBatchSubmitted", n)
		if err != nil || len(batches) == 0 {
			return status, nil, fmt.Errorf("round %d's batch log: %v", n, err)
		}
		in, err := src.BatchInput(ctx, batches[len(batches)-1])
		if err == nil {
			published = in.AllocationData
		}
		r.Batches = []index.Batch{{AllocationRoot: v.AllocationRoot, AllocTreeRoot: v.AllocTreeRoot, DataHash: crypto.Keccak256Hash(published)}}
	}
	allocs, err := api.RecipientAllocations(r, cdata, published, recipient)
	return status, allocs, err
}

// apiAudit asks a running watcher.
type apiAudit struct {
	base   string
	client *http.Client
}

func (a *apiAudit) get(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.base+path, nil)
	if err != nil {
		return err
	}
	resp, err := a.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error string }
		_ = json.Unmarshal(body, &e)
		return fmt.Errorf("GET %s: %s %s", path, resp.Status, e.Error)
	}
	return json.Unmarshal(body, out)
}

func (a *apiAudit) latest(ctx context.Context) (uint64, error) {
	var out struct{ Rounds []index.Round }
	if err := a.get(ctx, "/v1/rounds", &out); err != nil {
		return 0, err
	}
	if len(out.Rounds) == 0 {
		return 0, fmt.Errorf("the watcher has no rounds yet")
	}
	return out.Rounds[len(out.Rounds)-1].Round, nil
}

func (a *apiAudit) round(ctx context.Context, n uint64, recipient common.Address) (string, []api.Allocation, error) {
	var r index.Round
	if err := a.get(ctx, fmt.Sprintf("/v1/rounds/%d", n), &r); err != nil {
		return "", nil, err
	}
	status := "no-batch"
	if k := len(r.Batches); k > 0 {
		switch r.Batches[k-1].Status {
		case index.BatchFinalized:
			status = "final"
		case index.BatchVoided:
			status = "proven-fraudulent"
		default:
			status = "in-window"
		}
	}
	var out api.AllocationsResponse
	if err := a.get(ctx, fmt.Sprintf("/v1/recipients/%s/allocations?round=%d", url.PathEscape(recipient.Hex()), n), &out); err != nil {
		return status, nil, err
	}
	return status, out.Allocations, nil
}
