package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/api"
)

// adminTimeout bounds a call to a running daemon's API.
const adminTimeout = 30 * time.Second

func deadLettersCommand() *cli.Command {
	apiFlag := &cli.StringFlag{Name: "api", Value: "http://127.0.0.1:8080", Usage: "the running daemon's API `URL` (started with --admin-api)", EnvVars: env("api")}
	return &cli.Command{
		Name:  "deadletters",
		Usage: "list or requeue the alerts a running daemon gave up delivering (its API needs --admin-api)",
		Description: `A delivery given up after the webhook's max-attempts is kept as a dead letter.
'list' shows them (entry, webhook, event, attempts, last error); 'requeue' puts
one (--seq, with --webhook for one webhook's) or all of them (--all) back in
the outbox, as new entries delivered to every matching webhook, with the same
event id (a receiver that has it already drops it). Works against a running
daemon: 'denomwatch run --admin-api' serves /admin/deadletters on its API.`,
		HideHelpCommand: true,
		Subcommands: []*cli.Command{
			{
				Name:  "list",
				Usage: "list the dead letters",
				Flags: []cli.Flag{
					apiFlag,
					&cli.Uint64Flag{Name: "from", Usage: "start at outbox entry `SEQ`", EnvVars: env("from")},
					&cli.Uint64Flag{Name: "limit", Value: 100, Usage: "at most `N` dead letters", EnvVars: env("limit")},
					&cli.BoolFlag{Name: "json", Usage: "print JSON instead of a table", EnvVars: env("json")},
				},
				OnUsageError: onUsageError,
				Action:       listDeadLetters,
			},
			{
				Name:  "requeue",
				Usage: "put a dead letter (--seq) or all of them (--all) back in the outbox",
				Flags: []cli.Flag{
					apiFlag,
					&cli.Uint64Flag{Name: "seq", Usage: "the dead letter's outbox entry `SEQ`", EnvVars: env("seq")},
					&cli.StringFlag{Name: "webhook", Usage: "the `WEBHOOK` whose dead letter of --seq to requeue (\"\": the entry's own, given up whole)", EnvVars: env("webhook")},
					&cli.BoolFlag{Name: "all", Usage: "requeue every dead letter", EnvVars: env("all")},
				},
				OnUsageError: onUsageError,
				Action:       requeueDeadLetters,
			},
		},
	}
}

// adminCall sends method to the daemon's API at base+path and decodes a 200
// answer's JSON into out; another status is an error with the API's reason.
func adminCall(ctx context.Context, method, base, path string, out any) error {
	u, err := url.Parse(strings.TrimRight(base, "/") + path)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usageError("--api %q is not an http(s) URL", base)
	}
	ctx, cancel := context.WithTimeout(ctx, adminTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u.String(), nil)
	if err != nil {
		return usageError("--api: %v", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return ioError(fmt.Errorf("%s %s: %w", method, path, err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return ioError(fmt.Errorf("%s %s: %w", method, path, err))
	}
	if resp.StatusCode != http.StatusOK {
		var e api.ErrorResponse
		_ = json.Unmarshal(body, &e)
		if resp.StatusCode == http.StatusNotFound && strings.HasPrefix(e.Error, "no endpoint") {
			e.Error = "the daemon serves no admin endpoints: start it with --admin-api"
		}
		return ioError(fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, e.Error))
	}
	if err := json.Unmarshal(body, out); err != nil {
		return ioError(fmt.Errorf("%s %s: the answer is not the API's: %w", method, path, err))
	}
	return nil
}

func listDeadLetters(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("deadletters list takes no arguments")
	}
	var resp api.DeadLettersResponse
	path := fmt.Sprintf("/admin/deadletters?from=%d&limit=%d", c.Uint64("from"), c.Uint64("limit"))
	if err := adminCall(c.Context, http.MethodGet, c.String("api"), path, &resp); err != nil {
		return err
	}
	w := c.App.Writer
	if c.Bool("json") {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(resp); err != nil {
			return ioError(err)
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "SEQ\tWEBHOOK\tEVENT\tTYPE\tATTEMPTS\tGIVEN UP\tLAST ERROR")
	for _, d := range resp.DeadLetters {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", d.Seq, orDash(d.Webhook), orDash(d.EventID), orDash(d.EventType), d.Attempts, d.At.UTC().Format(time.RFC3339), oneLine(d.LastError))
	}
	if err := tw.Flush(); err != nil {
		return ioError(err)
	}
	more := ""
	if resp.Next != 0 {
		more = fmt.Sprintf("; more from --from %d", resp.Next)
	}
	fmt.Fprintf(w, "%d dead letter(s) shown of %d%s\n", len(resp.DeadLetters), resp.Total, more)
	return nil
}

func requeueDeadLetters(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("deadletters requeue takes no arguments")
	}
	path := ""
	switch {
	case c.Bool("all") && (c.IsSet("seq") || c.IsSet("webhook")):
		return usageError("give --seq (and --webhook) or --all, not both")
	case c.Bool("all"):
		path = "/admin/deadletters/requeue"
	case c.IsSet("seq"):
		path = fmt.Sprintf("/admin/deadletters/%d/requeue", c.Uint64("seq"))
		if wh := c.String("webhook"); wh != "" {
			path += "?webhook=" + url.QueryEscape(wh)
		}
	default:
		return usageError("give --seq N (with --webhook NAME) or --all")
	}
	var resp api.RequeueResponse
	if err := adminCall(c.Context, http.MethodPost, c.String("api"), path, &resp); err != nil {
		return err
	}
	for _, r := range resp.Requeued {
		fmt.Fprintf(c.App.Writer, "requeued entry %d (webhook %s) as entry %d\n", r.Seq, orDash(r.Webhook), r.NewSeq)
	}
	fmt.Fprintf(c.App.Writer, "%d dead letter(s) requeued\n", len(resp.Requeued))
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine keeps a table cell on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func healthcheckCommand() *cli.Command {
	return &cli.Command{
		Name:  "healthcheck",
		Usage: "exit 0 when the daemon's API answers /healthz (with --ready: /readyz) with 200, else 1 (the Docker image's HEALTHCHECK)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "api-addr", Value: "127.0.0.1:8080", Usage: "the daemon's API `HOST:PORT` (a wildcard host, 0.0.0.0 or [::], is asked on the loopback)", EnvVars: env("api-addr")},
			&cli.BoolFlag{Name: "ready", Usage: "ask /readyz: the watcher within --ready-lag of the head and the node not stalled", EnvVars: env("ready")},
			&cli.DurationFlag{Name: "timeout", Value: 5 * time.Second, Usage: "give up after `DURATION`", EnvVars: env("timeout")},
		},
		OnUsageError: onUsageError,
		Action:       runHealthcheck,
	}
}

func runHealthcheck(c *cli.Context) error {
	host, port, err := net.SplitHostPort(c.String("api-addr"))
	if err != nil {
		return usageError("--api-addr %q is not host:port", c.String("api-addr"))
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	path := "/healthz"
	if c.Bool("ready") {
		path = "/readyz"
	}
	ctx, cancel := context.WithTimeout(c.Context, c.Duration("timeout"))
	defer cancel()
	u := "http://" + net.JoinHostPort(host, port) + path
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return usageError("%v", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return cli.Exit(fmt.Sprintf("unhealthy: %v", err), exitIO)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	fmt.Fprintln(c.App.Writer, string(bytes.TrimSpace(body)))
	if resp.StatusCode != http.StatusOK {
		return cli.Exit(fmt.Sprintf("unhealthy: %s %s", path, resp.Status), exitIO)
	}
	return nil
}
