package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/denomwatch/denomwatch/index"
)

// exitInconsistent is check's exit status when a store breaks an invariant.
const exitInconsistent = 3

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check the consistency of a watcher's index (run it while no watcher has the directory open)",
		UsageText: "denomwatch check --data-dir DIR [--json]",
		Description: `Opens every index under --data-dir (DIR itself when it is one, else each
<chainid>-<avs> store below it), runs the index's consistency check (checkpoint
and block hashes, rounds and their data, operators, undo records, outbox,
dead letters, the challenger's decision records, no key outside the schema) and prints a summary
(decision records by state, a settled one by its final state).
Exits 3 when a store is inconsistent, 1 when one cannot be opened (another
process holds it, say), 2 on bad flags.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "data-dir", Value: "denomwatch-data", Usage: "`DIR` of the index, or of the stores of several chains and contracts", EnvVars: env("data-dir")},
			&cli.BoolFlag{Name: "json", Usage: "print JSON instead of text", EnvVars: env("json")},
		},
		OnUsageError: onUsageError,
		Action:       runCheck,
	}
}

// storeSummary is what check prints of one store.
type storeSummary struct {
	Dir         string            `json:"dir"`
	Checkpoint  *index.Checkpoint `json:"checkpoint,omitempty"`
	LatestRound uint64            `json:"latestRound"`
	Outbox      int               `json:"outbox"`
	DeadLetters int               `json:"deadLetters"`
	Challenges  map[string]int    `json:"challenges"`
	Consistent  bool              `json:"consistent"`
	Problems    []string          `json:"problems"`
}

func runCheck(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("check takes no arguments, got %q", c.Args().Slice())
	}
	dirs, err := storeDirs(c.String("data-dir"))
	if err != nil {
		return err
	}
	var out []storeSummary
	inconsistent := false
	for _, dir := range dirs {
		sum, err := checkStore(dir)
		if err != nil {
			return cli.Exit(fmt.Sprintf("check %s: %v", dir, err), exitIO)
		}
		inconsistent = inconsistent || !sum.Consistent
		out = append(out, sum)
	}
	if c.Bool("json") {
		enc := json.NewEncoder(c.App.Writer)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return ioError(err)
		}
	} else {
		for _, s := range out {
			state := "consistent"
			if !s.Consistent {
				state = fmt.Sprintf("INCONSISTENT (%d problems)", len(s.Problems))
			}
			cp := "no block indexed"
			if s.Checkpoint != nil {
				cp = fmt.Sprintf("block %d (%s)", s.Checkpoint.Number, s.Checkpoint.Hash.Hex())
			}
			fmt.Fprintf(c.App.Writer, "%s: %s; checkpoint %s; latest round %d; outbox %d; dead letters %d; challenges %v\n",
				s.Dir, state, cp, s.LatestRound, s.Outbox, s.DeadLetters, s.Challenges)
			for _, p := range s.Problems {
				fmt.Fprintf(c.App.Writer, "  - %s\n", p)
			}
		}
	}
	if inconsistent {
		return cli.Exit("", exitInconsistent)
	}
	return nil
}

// storeDirs returns dir when it holds a Badger store, else its
// subdirectories that do.
func storeDirs(dir string) ([]string, error) {
	isStore := func(d string) bool {
		_, err := os.Stat(filepath.Join(d, "MANIFEST"))
		return err == nil
	}
	if isStore(dir) {
		return []string{dir}, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, usageError("--data-dir %s: %v", dir, err)
	}
	var out []string
	for _, e := range entries {
		if d := filepath.Join(dir, e.Name()); e.IsDir() && isStore(d) {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		return nil, usageError("--data-dir %s holds no index", dir)
	}
	return out, nil
}

// checkMinFree is the free space check needs to open a store that was not
// closed cleanly (Badger replays and truncates its log, which writes).
const checkMinFree = 64 << 20

// openForCheck opens a store read-only, so that check writes nothing (and
// cannot meet a full disk); a store not closed cleanly must replay its log,
// which writes: it is opened for writing only when the disk has room.
func openForCheck(dir string) (*index.Store, error) {
	s, err := index.Open(index.Options{Dir: dir, ReadOnly: true})
	if err == nil {
		return s, nil
	}
	s, err2 := index.Open(index.Options{Dir: dir, MinFreeBytes: checkMinFree})
	if errors.Is(err2, index.ErrNoSpace) {
		return nil, fmt.Errorf("the store was not closed cleanly and must replay its log, which writes, but %w: free space first (read-only: %v)", err2, err)
	}
	return s, err2
}

func checkStore(dir string) (storeSummary, error) {
	sum := storeSummary{Dir: dir, Challenges: map[string]int{}, Problems: []string{}}
	s, err := openForCheck(dir)
	if err != nil {
		return sum, err
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		if !errors.Is(err, index.ErrInconsistent) {
			return sum, err
		}
		var joined interface{ Unwrap() []error }
		if errors.As(err, &joined) {
			for _, e := range joined.Unwrap() {
				sum.Problems = append(sum.Problems, e.Error())
			}
		} else {
			sum.Problems = append(sum.Problems, err.Error())
		}
	}
	sum.Consistent = len(sum.Problems) == 0
	if cp, ok, err := s.Checkpoint(); err != nil {
		return sum, err
	} else if ok {
		sum.Checkpoint = &cp
	}
	if sum.LatestRound, _, err = s.LatestRound(); err != nil {
		return sum, err
	}
	if sum.Outbox, err = s.OutboxDepth(); err != nil {
		return sum, err
	}
	if sum.DeadLetters, err = s.DeadLetterCount(); err != nil {
		return sum, err
	}
	recs, err := s.SolveRecords()
	if err != nil {
		return sum, err
	}
	sum.Challenges = decisionStates(recs)
	return sum, nil
}
