package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/denomwatch/denomwatch/internal/testvectors"
)

type vectorCase = testvectors.Case

func loadVectors(t *testing.T) []vectorCase { return testvectors.LoadProtocol(t).Cases }

// runCLI runs the CLI in-process.
func runCLI(t *testing.T, stdin []byte, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), append([]string{"denomwatch"}, args...), bytes.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

var (
	wellFormedKeys = []string{"wellFormed", "round", "providerCount", "entryCount", "providersRoot",
		"commitmentRoot", "denominators", "dataHash", "allocTreeRoot", "allocationRoot"}
	malformedKeys = []string{"wellFormed", "rule", "error"}
)

// keysInOrder returns the top-level keys of a JSON object in document order.
func keysInOrder(t *testing.T, s string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not a JSON object: %q", s)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func TestRecomputeVectors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range loadVectors(t) {
		t.Run(tc.Name, func(t *testing.T) {
			data := hexutil.MustDecode(tc.Data)
			hexFile := filepath.Join(dir, tc.Name+".hex")
			rawFile := filepath.Join(dir, tc.Name+".bin")
			if err := os.WriteFile(hexFile, []byte("  "+tc.Data+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(rawFile, data, 0o600); err != nil {
				t.Fatal(err)
			}
			for _, in := range []struct {
				name  string
				stdin []byte
				file  string
			}{{"hex", nil, hexFile}, {"raw", nil, rawFile}, {"stdin", []byte(tc.Data), "-"}} {
				code, stdout, stderr := runCLI(t, in.stdin, "recompute", "--round", tc.OnchainRound, "--data", in.file, "--amounts")
				if code != 0 || stderr != "" {
					t.Fatalf("%s: exit %d, stderr %q", in.name, code, stderr)
				}
				checkOutput(t, &tc, stdout, true)
			}
			if code, stdout, _ := runCLI(t, nil, "recompute", "--round", tc.OnchainRound, "--data", hexFile); code == 0 {
				checkOutput(t, &tc, stdout, false)
			} else {
				t.Fatalf("exit %d", code)
			}
		})
	}
}

func checkOutput(t *testing.T, tc *vectorCase, stdout string, withAmounts bool) {
	t.Helper()
	if strings.Count(stdout, "\n") != 1 || !strings.HasSuffix(stdout, "\n") {
		t.Fatalf("output is not one JSON line: %q", stdout)
	}
	keys := keysInOrder(t, stdout)
	ex := &tc.Expect
	if !ex.WellFormed {
		var got malformedOutput
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(keys, malformedKeys) || got.WellFormed || got.Rule != ex.Rule || got.Error == "" {
			t.Fatalf("got %s, want rule %s", stdout, ex.Rule)
		}
		return
	}
	want := wellFormedKeys
	if withAmounts {
		want = append(slices.Clone(want), "amounts")
	}
	if !slices.Equal(keys, want) {
		t.Fatalf("keys %v, want %v", keys, want)
	}
	var got struct {
		WellFormed     bool            `json:"wellFormed"`
		Round          json.RawMessage `json:"round"`
		ProviderCount  int             `json:"providerCount"`
		EntryCount     int             `json:"entryCount"`
		ProvidersRoot  string          `json:"providersRoot"`
		CommitmentRoot string          `json:"commitmentRoot"`
		Denominators   []string        `json:"denominators"`
		DataHash       string          `json:"dataHash"`
		AllocTreeRoot  string          `json:"allocTreeRoot"`
		AllocationRoot string          `json:"allocationRoot"`
		Amounts        []string        `json:"amounts"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	if !got.WellFormed || string(got.Round) != tc.OnchainRound || got.ProviderCount != ex.ProviderCount ||
		got.EntryCount != ex.EntryCount || got.ProvidersRoot != ex.ProvidersRoot ||
		got.CommitmentRoot != ex.CommitmentRoot || got.DataHash != ex.DataHash ||
		got.AllocTreeRoot != ex.AllocTreeRoot || got.AllocationRoot != ex.AllocationRoot ||
		!slices.Equal(got.Denominators, ex.Denominators) {
		t.Fatalf("output %s differs from the vector", stdout)
	}
	if withAmounts && !slices.Equal(got.Amounts, ex.Amounts) {
		t.Fatal("amounts differ from the vector")
	}
	if ex.EntryCount == 0 && withAmounts && !strings.Contains(stdout, `"amounts":[]`) {
		t.Fatalf("an empty round must print an empty amounts list: %s", stdout)
	}
}

func TestRecomputeErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.hex")
	badHex := filepath.Join(dir, "bad.hex")
	oddHex := filepath.Join(dir, "odd.hex")
	if err := os.WriteFile(good, []byte(loadVectors(t)[0].Data), 0o600); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(badHex, []byte("0xzz"), 0o600)
	os.WriteFile(oddHex, []byte("0x123"), 0o600)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no round", []string{"recompute", "--data", good}, exitUsage, "--round is required"},
		{"no data", []string{"recompute", "--round", "1"}, exitUsage, "--data is required"},
		{"bad round", []string{"recompute", "--round", "0x1", "--data", good}, exitUsage, "not a decimal"},
		{"negative round", []string{"recompute", "--round", "-1", "--data", good}, exitUsage, "not a decimal"},
		{"huge round", []string{"recompute", "--round", strings.Repeat("9", 80), "--data", good}, exitUsage, "not a decimal"},
		{"negative workers", []string{"recompute", "--round", "1", "--data", good, "--workers", "-1"}, exitUsage, "workers"},
		{"extra argument", []string{"recompute", "--round", "1", "--data", good, "x"}, exitUsage, "no arguments"},
		{"unknown flag", []string{"recompute", "--rounds", "1"}, exitUsage, "not defined"},
		{"unknown command", []string{"recompuet"}, exitUsage, "unknown command"},
		{"missing file", []string{"recompute", "--round", "1", "--data", filepath.Join(dir, "none")}, exitIO, "no such file"},
		{"directory", []string{"recompute", "--round", "1", "--data", dir}, exitIO, "read data file"},
		{"bad hex", []string{"recompute", "--round", "1", "--data", badHex}, exitIO, "not hex"},
		{"odd hex", []string{"recompute", "--round", "1", "--data", oddHex}, exitIO, "odd number"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, nil, tc.args...)
			if code != tc.code || stdout != "" || !strings.Contains(stderr, tc.stderr) || strings.Count(stderr, "\n") != 1 {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit %d and %q", code, stdout, stderr, tc.code, tc.stderr)
			}
		})
	}
}

// TestRecomputeOversized: data longer than any well-formed encoding is
// reported as malformed (rule abi) without being read whole.
func TestRecomputeOversized(t *testing.T) {
	saved := maxDataSize
	maxDataSize = 1024
	t.Cleanup(func() { maxDataSize = saved })
	for _, in := range [][]byte{make([]byte, 4096), []byte("0x" + strings.Repeat("00", 4096))} {
		code, stdout, _ := runCLI(t, in, "recompute", "--round", "1", "--data", "-")
		if code != 0 || !strings.Contains(stdout, `"rule":"abi"`) || !strings.Contains(stdout, "larger than") {
			t.Fatalf("exit %d, %s", code, stdout)
		}
	}
}

// TestBinary builds the real binary and checks its exit codes and output
// streams end to end.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "denomwatch")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	vc := loadVectors(t)[0]
	cmd := exec.Command(bin, "recompute", "--round", vc.OnchainRound, "--data", "-")
	cmd.Stdin = strings.NewReader(vc.Data)
	out, err := cmd.Output()
	if err != nil || !strings.Contains(string(out), vc.Expect.AllocationRoot) {
		t.Fatalf("err %v, output %s", err, out)
	}
	cmd = exec.Command(bin, "recompute", "--data", "-")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err = cmd.Output()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitUsage || len(out) != 0 || stderr.Len() == 0 {
		t.Fatalf("err %v, stdout %q, stderr %q", err, out, stderr.String())
	}
}

// TestExampleRound: the round `make run` recomputes is the random-medium
// vector, and the CLI gives that vector's roots for it.
func TestExampleRound(t *testing.T) {
	path := testvectors.Path("example-round-9.hex")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tc := testvectors.LoadProtocol(t).Case(t, "random-medium")
	if strings.TrimSpace(string(raw)) != tc.Data || tc.OnchainRound != "9" {
		t.Fatal("testdata/example-round-9.hex is not the random-medium vector")
	}
	code, stdout, _ := runCLI(t, nil, "recompute", "--round", "9", "--data", path)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	checkOutput(t, tc, stdout, false)
}
