package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/api"
	"github.com/denomwatch/denomwatch/contracts"
	"github.com/denomwatch/denomwatch/contracts/bindings"
	"github.com/denomwatch/denomwatch/da"
	"github.com/denomwatch/denomwatch/index"
	"github.com/denomwatch/denomwatch/judge"
	"github.com/denomwatch/denomwatch/recompute"
	"github.com/denomwatch/denomwatch/rpcpool"
)

// Exit statuses of audit beside exitIO (a read or data error).
const (
	// exitWrong: one of the recipient's allocations is wrong (or a batch
	// was signed over malformed data).
	exitWrong = 3
	// exitUnavailable: a round's data could not be obtained, so its
	// allocations cannot be checked.
	exitUnavailable = 4
)

// maxAuditRounds bounds the rounds of one audit.
const maxAuditRounds = 10_000

// Results of an audited round.
const (
	resultOK          = "ok"          // every allocation correct (or none)
	resultWrong       = "wrong"       // an allocation is wrong
	resultUnavailable = "unavailable" // the data is not available: nothing can be checked
	resultMalformed   = "malformed"   // the data breaks a rule: nothing is owed (a batch signed over it is wrong: exit 3)
	resultError       = "error"       // the round could not be read
)

// auditRound is one round of an audit. Its JSON is a stable interface.
type auditRound struct {
	Round uint64 `json:"round"`
	// Status is where the round's batch stands: not-committed, no-batch,
	// in-window, window-closed, final, proven-fraudulent.
	Status string `json:"status"`
	// Result is resultOK, resultWrong, resultUnavailable, resultMalformed
	// or resultError.
	Result  string         `json:"result"`
	Data    api.DataState  `json:"data,omitempty"`
	Rule    string         `json:"rule,omitempty"`
	Missing []judge.Object `json:"missing,omitempty"`
	// Batch is the live or finalized batch the claims are from.
	Batch *api.BatchRef `json:"batch,omitempty"`
	// Allocations are api.Allocation's JSON (the API's allocations).
	Allocations []api.Allocation `json:"allocations"`
	Error       string           `json:"error,omitempty"`
}

func auditCommand() *cli.Command {
	return &cli.Command{
		Name:  "audit",
		Usage: "check a recipient's allocations, from the chain's events and the data-availability sources (or from a running watcher)",
		UsageText: "denomwatch audit --rpc URL --contract ADDR --da-sources URL[,URL] --recipient ADDR [--round N | --from N --to M] [--json]\n" +
			"   denomwatch audit --api URL --recipient ADDR [--round N | --from N --to M] [--json]",
		Description: `For each round asked for (default: the latest), reads the round's commitment
and batch (getRound and the AllocationBatchDetails events), fetches the
manifest, the rows and the batch's allocations objects from the sources,
recomputes the round, and shows, per entry naming the recipient, the amount the
batch claims, the correct amount and whether its two-level proof verifies
against the batch's root. Exits 0 when every allocation is correct, 3 when one
is wrong (or a batch was signed over malformed data), 4 when a round's data is
unavailable, 1 on a read or data error (in that order of precedence). A
malformed round is reported as malformed: nothing is owed under it.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "rpc", Usage: "node `URL` to read the chain from", EnvVars: env("rpc")},
			&cli.StringFlag{Name: "contract", Usage: "the AVS `ADDRESS`", EnvVars: env("contract")},
			&cli.StringSliceFlag{Name: "da-sources", Usage: "data-availability sources, `URL[,URL]` (http(s) bases or directories), in order of preference", EnvVars: env("da-sources")},
			&cli.Uint64Flag{Name: "from-block", Usage: "first `BLOCK` to read events from (the AVS's deploy block)", EnvVars: env("from-block")},
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
	src, closeSrc, err := auditSourceOf(c)
	if err != nil {
		return err
	}
	defer closeSrc()
	from, to, err := auditRange(c, src)
	if err != nil {
		return err
	}
	rounds, err := auditRounds(c.Context, src, from, to, recipient)
	if err != nil {
		return ioError(err)
	}
	if err := printAudit(c.App.Writer, recipient, rounds, c.Bool("json")); err != nil {
		return ioError(err)
	}
	return auditExit(rounds)
}

// auditSourceOf builds the source the flags name.
func auditSourceOf(c *cli.Context) (auditSource, func(), error) {
	switch {
	case c.String("api") != "":
		return &apiAudit{base: strings.TrimRight(c.String("api"), "/"), client: &http.Client{Timeout: 30 * time.Second}}, func() {}, nil
	case c.String("rpc") != "":
		if !common.IsHexAddress(c.String("contract")) {
			return nil, nil, usageError("--rpc needs --contract, the AVS address")
		}
		sources := splitSources(c.StringSlice("da-sources"))
		if len(sources) == 0 {
			return nil, nil, usageError("--rpc needs --da-sources, where the round objects are published")
		}
		reader, err := da.NewClient(da.Options{Sources: sources, Timeout: 30 * time.Second})
		if err != nil {
			return nil, nil, usageError("--da-sources: %v", err)
		}
		raw := c.String("rpc")
		cl, err := ethclient.DialContext(c.Context, raw)
		if err != nil {
			return nil, nil, ioError(redactURL(fmt.Errorf("dial %s: %w", raw, err), raw))
		}
		src := &chainAudit{cl: cl, avs: common.HexToAddress(c.String("contract")), reader: reader, rawURL: raw, fromBlock: c.Uint64("from-block")}
		return src, cl.Close, nil
	default:
		return nil, nil, usageError("give --rpc URL --contract ADDR --da-sources URL[,URL], or --api URL")
	}
}

// splitSources splits comma-separated source lists and drops empty items.
func splitSources(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// auditRange returns the rounds asked for: --round, --from/--to, the latest
// for what is not given.
func auditRange(c *cli.Context, src auditSource) (from, to uint64, err error) {
	from, to = c.Uint64("from"), c.Uint64("to")
	if c.IsSet("round") {
		from, to = c.Uint64("round"), c.Uint64("round")
	}
	if !c.IsSet("round") && (!c.IsSet("from") || !c.IsSet("to")) {
		latest, err := src.latest(c.Context)
		if err != nil {
			return 0, 0, ioError(err)
		}
		if !c.IsSet("from") {
			from = latest
		}
		if !c.IsSet("to") {
			to = latest
		}
	}
	if from == 0 || from > to || to-from >= maxAuditRounds {
		return 0, 0, usageError("rounds %d to %d: rounds start at 1, from <= to, at most %d at once", from, to, maxAuditRounds)
	}
	return from, to, nil
}

// auditRounds audits rounds from..to (inclusive, to may be the largest
// uint64: the loop stops at to without wrapping), stopping when ctx ends.
func auditRounds(ctx context.Context, src auditSource, from, to uint64, recipient common.Address) ([]auditRound, error) {
	var rounds []auditRound
	for n := from; ; n++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("audit interrupted at round %d: %w", n, err)
		}
		ar := auditRound{Round: n, Allocations: []api.Allocation{}}
		status, ra, err := src.round(ctx, n, recipient)
		if err != nil && ctx.Err() != nil {
			return nil, fmt.Errorf("audit interrupted at round %d: %w", n, ctx.Err())
		}
		ar.Status = status
		ar.fill(ra, err)
		rounds = append(rounds, ar)
		if n == to {
			return rounds, nil
		}
	}
}

// fill sets the round's result from its allocations, or its error.
func (ar *auditRound) fill(ra *api.RoundAllocations, err error) {
	if err != nil {
		ar.Result, ar.Error = resultError, err.Error()
		return
	}
	ar.Data, ar.Rule, ar.Missing, ar.Batch, ar.Allocations = ra.Data, string(ra.Rule), ra.Missing, ra.Batch, ra.Allocations
	switch {
	case ra.Data == api.DataMalformed:
		ar.Result = resultMalformed
	case ra.Wrong():
		ar.Result = resultWrong
	case ra.Data == api.DataUnavailable:
		ar.Result = resultUnavailable
	default:
		ar.Result = resultOK
	}
}

// auditExit is the exit status of an audit: wrong (a batch signed over
// malformed data included) before unavailable before a read error.
func auditExit(rounds []auditRound) error {
	has := map[string]bool{}
	for _, r := range rounds {
		has[r.Result] = true
		if r.Result == resultMalformed && r.Batch != nil {
			has[resultWrong] = true
		}
	}
	switch {
	case has[resultWrong]:
		return cli.Exit("audit: an allocation is wrong", exitWrong)
	case has[resultUnavailable]:
		return cli.Exit("audit: a round's data is unavailable", exitUnavailable)
	case has[resultError]:
		return cli.Exit("audit: a round could not be read", exitIO)
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
	fmt.Fprintln(tw, "ROUND\tSTATUS\tPROVIDER\tENTRY\tCLAIMED\tCORRECT\tPROOF\tRESULT")
	for _, r := range rounds {
		note := roundNote(&r)
		if r.Error != "" || len(r.Allocations) == 0 {
			fmt.Fprintf(tw, "%d\t%s\t-\t-\t-\t-\t-\t%s\n", r.Round, r.Status, note)
			continue
		}
		for _, a := range r.Allocations {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%d:%d\t%s\t%s\t%s\t%s\n", r.Round, r.Status, a.Provider.Hex(), a.ProviderIndex, a.Entry,
				amountText(a.Amount != nil, func() string { return a.Amount.Dec() }, "unknown"),
				amountText(a.CorrectAmount != nil, func() string { return a.CorrectAmount.Dec() }, correctNone(r.Data)),
				proofText(&a), allocationResult(&a, note))
		}
	}
	return tw.Flush()
}

// roundNote is what the table says of a round as a whole.
func roundNote(r *auditRound) string {
	switch {
	case r.Error != "":
		return "ERROR: " + r.Error
	case r.Result == resultMalformed || r.Data == api.DataMalformed:
		return fmt.Sprintf("MALFORMED (rule %s): nothing is owed", r.Rule)
	case r.Result == resultUnavailable:
		return fmt.Sprintf("UNAVAILABLE: %d objects missing", len(r.Missing))
	case len(r.Allocations) == 0:
		return "no allocation"
	}
	return ""
}

func amountText(ok bool, f func() string, none string) string {
	if ok {
		return f()
	}
	return none
}

func correctNone(d api.DataState) string {
	if d == api.DataMalformed {
		return "none"
	}
	return "unknown"
}

func proofText(a *api.Allocation) string {
	switch {
	case a.Amount == nil:
		return "-"
	case a.Verifies:
		return "verifies"
	}
	return "fails"
}

func allocationResult(a *api.Allocation, note string) string {
	switch {
	case a.Wrong():
		return "WRONG"
	case note != "":
		return note
	case a.Amount == nil:
		return "no batch"
	}
	return "ok"
}

// auditSource answers an audit's questions: from the chain and the DA
// sources, or from a watcher's API.
type auditSource interface {
	latest(ctx context.Context) (uint64, error)
	round(ctx context.Context, n uint64, recipient common.Address) (status string, ra *api.RoundAllocations, err error)
}

// apiAudit asks a running watcher.
type apiAudit struct {
	base   string
	client *http.Client
}

// Errors of the API source.
var (
	// errAPI wraps an API's error answer.
	errAPI = errors.New("the watcher's API refused")
	// errNoRounds: the watcher has recorded no round, so there is no latest.
	errNoRounds = errors.New("the watcher has no rounds yet")
)

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
		return fmt.Errorf("%w: GET %s: %s %s", errAPI, path, resp.Status, e.Error)
	}
	return json.Unmarshal(body, out)
}

func (a *apiAudit) latest(ctx context.Context) (uint64, error) {
	var out api.RoundsResponse
	if err := a.get(ctx, "/v1/rounds", &out); err != nil {
		return 0, err
	}
	if len(out.Rounds) == 0 {
		return 0, errNoRounds
	}
	return out.Rounds[len(out.Rounds)-1].Round, nil
}

func (a *apiAudit) round(ctx context.Context, n uint64, recipient common.Address) (string, *api.RoundAllocations, error) {
	var v api.RoundView
	if err := a.get(ctx, fmt.Sprintf("/v1/rounds/%d", n), &v); err != nil {
		return "", nil, err
	}
	status := "no-batch"
	if k := len(v.Batches); k > 0 {
		status = batchStatus(v.Batches[k-1].Status, v.Batches[k-1].DeadlineBlock, 0)
	}
	var out api.AllocationsResponse
	if err := a.get(ctx, fmt.Sprintf("/v1/recipients/%s/allocations?round=%d", url.PathEscape(recipient.Hex()), n), &out); err != nil {
		return status, nil, err
	}
	return status, &out.RoundAllocations, nil
}

// batchStatus names where a batch stands from its index status (live,
// finalized, voided) and, when head is known (not 0), its deadline.
func batchStatus(status string, deadline, head uint64) string {
	switch status {
	case index.BatchFinalized:
		return "final"
	case index.BatchVoided:
		return "proven-fraudulent"
	}
	if head != 0 && head > deadline {
		return "window-closed"
	}
	return "in-window"
}

// chainAudit reads the round from the chain (getRound and the
// AllocationBatchDetails events, with eth_getLogs) and its objects from the
// data-availability sources. Errors name the node by its redacted URL only.
type chainAudit struct {
	cl        *ethclient.Client
	avs       common.Address
	reader    *da.Client
	rawURL    string
	fromBlock uint64
}

var avsABI = contracts.ABI()

// call calls a view of the AVS.
func (a *chainAudit) call(ctx context.Context, data []byte) ([]byte, error) {
	out, err := a.cl.CallContract(ctx, ethereum.CallMsg{To: &a.avs, Data: data}, nil)
	if err != nil {
		return nil, redactURL(contracts.AsRevert(err), a.rawURL)
	}
	return out, nil
}

func (a *chainAudit) latest(ctx context.Context) (uint64, error) {
	out, err := a.call(ctx, avsABI.PackLatestRound())
	if err != nil {
		return 0, fmt.Errorf("latest round: %w", err)
	}
	n, err := avsABI.UnpackLatestRound(out)
	if err != nil || !n.IsUint64() {
		return 0, fmt.Errorf("latest round: %w", errors.Join(errBadAnswer, err))
	}
	return n.Uint64(), nil
}

// errBadAnswer: the node's answer does not decode as the contract's.
var errBadAnswer = errors.New("the node's answer does not decode")

func (a *chainAudit) round(ctx context.Context, n uint64, recipient common.Address) (string, *api.RoundAllocations, error) {
	rec, status, err := a.record(ctx, n)
	if err != nil || rec == nil {
		return status, nil, err
	}
	get, err := a.objects(ctx, rec, recipient)
	if err != nil {
		return status, nil, err
	}
	ra, err := api.RecipientAllocations(*rec, get, recipient)
	return status, ra, err
}

// errNotCommitted: the round asked for has no commitment on chain.
var errNotCommitted = errors.New("the round is not committed")

// record builds the watcher's record of round n from getRound and the
// live batch's AllocationBatchDetails event.
func (a *chainAudit) record(ctx context.Context, n uint64) (*index.Round, string, error) {
	out, err := a.call(ctx, avsABI.PackGetRound(new(big.Int).SetUint64(n)))
	if err != nil {
		return nil, "", fmt.Errorf("round %d: %w", n, err)
	}
	v, err := avsABI.UnpackGetRound(out)
	if err != nil {
		return nil, "", fmt.Errorf("round %d: %w", n, errors.Join(errBadAnswer, err))
	}
	if contracts.RoundStatus(v.Status) == contracts.RoundNone {
		return nil, "not-committed", fmt.Errorf("round %d: %w", n, errNotCommitted)
	}
	rec := &index.Round{Round: n, Protocol: index.ProtocolV2, CommitmentRoot: v.CommitmentRoot, ProvidersRoot: v.ProvidersRoot,
		ProviderCount: int(v.ProviderCount.Int64()), EntryCount: int(v.EntryCount.Int64())}
	switch contracts.RoundStatus(v.Status) {
	case contracts.RoundCommitted:
		if v.Attempt.Sign() > 0 {
			return rec, "proven-fraudulent", nil
		}
		return rec, "no-batch", nil
	case contracts.RoundFinalized:
		return a.withBatch(ctx, rec, &v, index.BatchFinalized)
	}
	return a.withBatch(ctx, rec, &v, index.BatchLive)
}

// withBatch adds the live (or finalized) batch to rec, from its event.
func (a *chainAudit) withBatch(ctx context.Context, rec *index.Round, v *bindings.DenominatorAllocationAVSRoundView, status string) (*index.Round, string, error) {
	ev, err := a.batchDetails(ctx, rec.Round, v.Attempt.Uint64())
	if err != nil {
		return nil, "", err
	}
	roots := make([]common.Hash, len(ev.ProviderAllocRoots))
	for i, r := range ev.ProviderAllocRoots {
		roots[i] = r
	}
	if recompute.NewTree(roots).Root() != v.AllocTreeRoot || ev.AllocTreeRoot != v.AllocTreeRoot {
		return nil, "", fmt.Errorf("round %d attempt %d: %w: the event's providerAllocRoots do not make the batch's allocTreeRoot", rec.Round, v.Attempt, errBadAnswer)
	}
	attempt := v.Attempt.Uint64()
	rec.Batches = []index.Batch{{AllocationRoot: v.AllocationRoot, AllocTreeRoot: v.AllocTreeRoot, DeadlineBlock: v.Deadline.Uint64(),
		Status: status, Attempt: &attempt, ProviderAllocRoots: roots}}
	head, err := a.cl.BlockNumber(ctx)
	if err != nil {
		return nil, "", redactURL(fmt.Errorf("head: %w", err), a.rawURL)
	}
	return rec, batchStatus(status, v.Deadline.Uint64(), head), nil
}

// errNoBatchEvent: the node has no AllocationBatchDetails of the live batch.
var errNoBatchEvent = errors.New("no AllocationBatchDetails event of the batch")

// batchDetails reads the AllocationBatchDetails event of round n's attempt.
func (a *chainAudit) batchDetails(ctx context.Context, n, attempt uint64) (*bindings.DenominatorAllocationAVSAllocationBatchDetails, error) {
	logs, err := a.cl.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(a.fromBlock),
		Addresses: []common.Address{a.avs},
		Topics:    [][]common.Hash{{contracts.EventID(bindings.DenominatorAllocationAVSAllocationBatchDetailsEventName)}, {common.BigToHash(new(big.Int).SetUint64(n))}},
	})
	if err != nil {
		return nil, redactURL(fmt.Errorf("round %d's batch events: %w", n, err), a.rawURL)
	}
	for i := len(logs) - 1; i >= 0; i-- {
		ev, err := avsABI.UnpackAllocationBatchDetailsEvent(&logs[i])
		if err == nil && !logs[i].Removed && ev.Attempt.IsUint64() && ev.Attempt.Uint64() == attempt {
			return ev, nil
		}
	}
	return nil, fmt.Errorf("round %d attempt %d: %w (from block %d)", n, attempt, errNoBatchEvent, a.fromBlock)
}

// objects fetches the round's manifest, rows and, for the rows naming the
// recipient, the live batch's allocations objects through the da client;
// an object no source serves (or none serves verified) is left out: the
// round is then unavailable. It fails only when ctx ends.
func (a *chainAudit) objects(ctx context.Context, rec *index.Round, recipient common.Address) (api.ObjectGetter, error) {
	held := map[recompute.ObjectKind]map[common.Hash][]byte{recompute.KindManifest: {}, recompute.KindRow: {}, recompute.KindAllocations: {}}
	get := func(kind recompute.ObjectKind, key common.Hash) ([]byte, bool) {
		b, ok := held[kind][key]
		return b, ok
	}
	m, data, _, err := a.reader.Manifest(ctx, rec.CommitmentRoot)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return get, nil
	}
	held[recompute.KindManifest][rec.CommitmentRoot] = data
	for p, r := range a.reader.Rows(ctx, m) {
		if r.Err != nil {
			continue
		}
		held[recompute.KindRow][m.Headers[p].EntriesRoot] = r.Data
		if len(rec.Batches) == 0 || !names(r.Row, recipient) || p >= len(rec.Batches[0].ProviderAllocRoots) {
			continue
		}
		key := rec.Batches[0].ProviderAllocRoots[p]
		if _, data, _, err := a.reader.Allocations(ctx, key, m.Headers[p].Provider, r.Row); err == nil {
			held[recompute.KindAllocations][key] = data
		}
	}
	return get, ctx.Err()
}

// names reports whether an entry of row names recipient.
func names(row recompute.Row, recipient common.Address) bool {
	for j := range row.Len() {
		if row.Entry(j).Recipient == recipient {
			return true
		}
	}
	return false
}

// redactedError is an error whose text has a URL replaced by its redacted
// form (rpcpool.Redact): node URLs may carry tokens, in the path, the query
// or the user info.
type redactedError struct {
	err   error
	forms []string // the URL as error texts may spell it
	safe  string
}

func (e *redactedError) Error() string {
	s := e.err.Error()
	var ue *url.Error
	if errors.As(e.err, &ue) && ue.URL != "" {
		s = strings.ReplaceAll(s, ue.URL, e.safe) // net/http's spelling of the URL
	}
	for _, f := range e.forms {
		s = strings.ReplaceAll(s, f, e.safe)
	}
	return s
}

func (e *redactedError) Unwrap() error { return e.err }

// redactURL hides raw in err's text, as given and as net/http spells it
// (the password starred); nil stays nil.
func redactURL(err error, raw string) error {
	if err == nil || raw == "" {
		return err
	}
	forms := []string{raw}
	if u, perr := url.Parse(raw); perr == nil {
		forms = append(forms, u.String(), u.Redacted())
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "***")
			forms = append(forms, u.String())
		}
	}
	return &redactedError{err: err, forms: forms, safe: rpcpool.Redact(raw)}
}
