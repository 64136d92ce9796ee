package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/denomwatch/denomwatch/internal/testvectors"
)

// runCLI runs the CLI in-process.
func runCLI(t *testing.T, stdin []byte, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), append([]string{"denomwatch"}, args...), bytes.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

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

func decodeObject(t *testing.T, s []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(s))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("%v: %q", err, s)
	}
	return m
}

// writeObjects lays a case's objects out as a static DA host under dir.
func writeObjects(t *testing.T, dir string, c *testvectors.V2Case) {
	t.Helper()
	for path, data := range c.Objects {
		file := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, hexutil.MustDecode(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// cliRuns returns every way a case is given to the CLI: the whole-round file
// as hex with white space around it, raw, and on stdin; and the objects.
func cliRuns(t *testing.T, c *testvectors.V2Case) map[string]struct {
	stdin []byte
	args  []string
} {
	t.Helper()
	type cliRun = struct {
		stdin []byte
		args  []string
	}
	dir := t.TempDir()
	runs := map[string]cliRun{}
	if c.Data != nil {
		hexFile, rawFile := filepath.Join(dir, "round.hex"), filepath.Join(dir, "round.bin")
		os.WriteFile(hexFile, []byte(" \n"+*c.Data+"\r\n"), 0o600)
		os.WriteFile(rawFile, hexutil.MustDecode(*c.Data), 0o600)
		base := []string{"recompute", "--round", c.OnchainRound, "--data"}
		runs["hex"] = cliRun{nil, append(slices.Clone(base), hexFile)}
		runs["raw"] = cliRun{nil, append(slices.Clone(base), rawFile)}
		runs["stdin"] = cliRun{[]byte(*c.Data), append(slices.Clone(base), "-")}
	}
	if c.Objects != nil {
		objects := filepath.Join(dir, "objects")
		os.Mkdir(objects, 0o700)
		writeObjects(t, objects, c)
		args := []string{"recompute", "--objects", objects, "--commitment", c.Commitment}
		if c.WithRound() {
			args = append(args, "--round", c.OnchainRound)
		}
		runs["objects"] = cliRun{nil, args}
	}
	return runs
}

// TestRecomputeVectors: every vector in every input form prints exactly the
// vector's JSON (plus "error" when malformed), keys in its order, with and
// without --amounts.
func TestRecomputeVectors(t *testing.T) {
	for _, c := range testvectors.LoadV2(t).Cases {
		for name, r := range cliRuns(t, &c) {
			t.Run(c.Name+"/"+name, func(t *testing.T) {
				for _, amounts := range []bool{true, false} {
					args := r.args
					if amounts {
						args = append(slices.Clone(args), "--amounts")
					}
					code, stdout, stderr := runCLI(t, r.stdin, args...)
					if code != 0 || stderr != "" {
						t.Fatalf("exit %d, stderr %q", code, stderr)
					}
					checkOutput(t, &c, stdout, amounts)
				}
			})
		}
	}
}

func checkOutput(t *testing.T, c *testvectors.V2Case, stdout string, amounts bool) {
	t.Helper()
	if strings.Count(stdout, "\n") != 1 || !strings.HasSuffix(stdout, "\n") {
		t.Fatalf("output is not one JSON line: %q", stdout)
	}
	want := decodeObject(t, c.Expect)
	wantKeys := keysInOrder(t, string(c.Expect))
	if !amounts {
		delete(want, "amounts")
		wantKeys = slices.DeleteFunc(wantKeys, func(k string) bool { return k == "amounts" })
	}
	got := decodeObject(t, []byte(stdout))
	keys := keysInOrder(t, stdout)
	if got["wellFormed"] == false {
		msg, ok := got["error"].(string)
		if !ok || msg == "" || keys[len(keys)-1] != "error" {
			t.Fatalf("no error sentence last: %s", stdout)
		}
		delete(got, "error")
		keys = keys[:len(keys)-1]
	}
	if !slices.Equal(keys, wantKeys) {
		t.Fatalf("keys %v, want %v", keys, wantKeys)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("output %s\nwant        %s", stdout, c.Expect)
	}
}

func TestRecomputeUsage(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.hex")
	os.WriteFile(good, []byte(*testvectors.LoadV2(t).Cases[0].Data), 0o600)
	root := "0x" + strings.Repeat("ab", 32)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no round", []string{"recompute", "--data", good}, exitUsage, "--round is required"},
		{"no form", []string{"recompute", "--round", "1"}, exitUsage, "give --round N --data FILE"},
		{"both forms", []string{"recompute", "--round", "1", "--data", good, "--objects", dir, "--commitment", root}, exitUsage, "not both"},
		{"objects without commitment", []string{"recompute", "--objects", dir}, exitUsage, "--commitment is required"},
		{"commitment with data", []string{"recompute", "--round", "1", "--data", good, "--commitment", root}, exitUsage, "goes with --objects"},
		{"short commitment", []string{"recompute", "--objects", dir, "--commitment", "0xabcd"}, exitUsage, "64 hex digits"},
		{"bad round", []string{"recompute", "--round", "0x1", "--data", good}, exitUsage, "not a decimal"},
		{"negative round", []string{"recompute", "--round", "-1", "--data", good}, exitUsage, "not a decimal"},
		{"huge round", []string{"recompute", "--round", strings.Repeat("9", 80), "--data", good}, exitUsage, "not a decimal"},
		{"negative workers", []string{"recompute", "--round", "1", "--data", good, "--workers", "-1"}, exitUsage, "workers"},
		{"extra argument", []string{"recompute", "--round", "1", "--data", good, "x"}, exitUsage, "no arguments"},
		{"unknown flag", []string{"recompute", "--rounds", "1"}, exitUsage, "not defined"},
		{"unknown command", []string{"recompuet"}, exitUsage, "unknown command"},
		{"missing file", []string{"recompute", "--round", "1", "--data", filepath.Join(dir, "none")}, exitIO, "no such file"},
		{"directory", []string{"recompute", "--round", "1", "--data", dir}, exitIO, "read data file"},
		{"missing objects dir", []string{"recompute", "--objects", filepath.Join(dir, "none"), "--commitment", root}, exitIO, "objects directory"},
		{"objects dir is a file", []string{"recompute", "--objects", good, "--commitment", root}, exitIO, "objects directory"},
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

// TestRecomputeWorkersCapped: a huge --workers is capped (at MaxWorkers and
// the number of providers), not one goroutine and one row scratch each.
func TestRecomputeWorkersCapped(t *testing.T) {
	c := testvectors.LoadV2(t).Cases[1]
	for _, w := range []string{"0", "1", "3", "1000000"} {
		code, stdout, stderr := runCLI(t, []byte(*c.Data), "recompute", "--round", c.OnchainRound, "--data", "-", "--workers", w, "--amounts")
		if code != 0 || stderr != "" {
			t.Fatalf("--workers %s: exit %d, stderr %q", w, code, stderr)
		}
		checkOutput(t, &c, stdout, true)
	}
}

// TestRecomputeBadInput: input that is not a round is rule abi, exit 0:
// hex that does not decode, and input over the size bound, refused before
// it is read whole.
func TestRecomputeBadInput(t *testing.T) {
	saved := maxDataSize
	maxDataSize = 1024
	t.Cleanup(func() { maxDataSize = saved })
	dir := t.TempDir()
	big := filepath.Join(dir, "big")
	os.WriteFile(big, make([]byte, 1025), 0o600)
	tests := []struct {
		name, file string
		stdin      []byte
		want       string
	}{
		{"odd hex", "-", []byte("0x123"), "odd number"},
		{"non-hex", "-", []byte("0xzz"), "not hex"},
		{"digits after space", "-", []byte("0x00 00"), "not hex"},
		{"raw stream over the bound", "-", make([]byte, 4096), "larger than"},
		{"hex stream over the bound", "-", []byte("0x" + strings.Repeat("00", 1025)), "larger than"},
		{"file over the bound", big, nil, "larger than"},
		{"upper-case prefix is raw", "-", []byte("0X00"), "whole number of words"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.stdin, "recompute", "--round", "1", "--data", tc.file)
			got := decodeObject(t, []byte(stdout))
			if code != 0 || stderr != "" || got["rule"] != "abi" || !strings.Contains(got["error"].(string), tc.want) {
				t.Fatalf("exit %d, stdout %s, stderr %q; want rule abi and %q", code, stdout, stderr, tc.want)
			}
		})
	}
}

// TestBinary builds the real binary and checks its exit codes and output
// streams end to end.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t, t.TempDir())
	c := testvectors.LoadV2(t).Cases[0]
	cmd := exec.Command(bin, "recompute", "--round", c.OnchainRound, "--data", "-", "--amounts")
	cmd.Stdin = strings.NewReader(*c.Data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	checkOutput(t, &c, string(out), true)
	cmd = exec.Command(bin, "recompute", "--data", "-")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err = cmd.Output()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitUsage || len(out) != 0 || stderr.Len() == 0 {
		t.Fatalf("err %v, stdout %q, stderr %q", err, out, stderr.String())
	}
}
