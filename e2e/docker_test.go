package e2e

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
)

// nonroot is the uid and gid of the Docker image's user (distroless nonroot).
const nonroot = 65532

// TestImageSteps checks by hand what the Dockerfile relies on, without a
// Docker engine: the binary built as the Dockerfile builds it reports the
// stamped version; run as the image's non-root user, it reads a key file
// installed as the Dockerfile's comment says (owned by 65532, mode 0400),
// and not one left as an operator's own 0600 file; `healthcheck` answers
// from DENOMWATCH_API_ADDR's port with a wildcard host. Needs root (to run
// as another uid); skipped otherwise.
func TestImageSteps(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run as the image's uid")
	}
	dir := t.TempDir()
	for _, d := range []string{dir, filepath.Dir(dir)} { // the test's own directories are 0700
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "denomwatch")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w -X main.version=v9.8.7 -X main.commit=feedc0de", "-o", bin, "../cmd/denomwatch")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "--version").Output(); err != nil || !strings.HasPrefix(string(out), "denomwatch v9.8.7 (commit feedc0de") {
		t.Fatalf("--version: %q %v", out, err)
	}

	key, _ := crypto.GenerateKey()
	hexKey := []byte(fmt.Sprintf("%x", crypto.FromECDSA(key)))
	secrets := filepath.Join(dir, "secrets")
	os.Mkdir(secrets, 0o700)
	os.Chown(secrets, nonroot, nonroot)
	installed := filepath.Join(secrets, "challenger.key")
	os.WriteFile(installed, hexKey, 0o400)
	os.Chown(installed, nonroot, nonroot)
	own := filepath.Join(dir, "own.key") // the operator's file: root's, 0600
	os.WriteFile(own, hexKey, 0o600)
	data := filepath.Join(dir, "data")
	os.Mkdir(data, 0o755)
	os.Chown(data, nonroot, nonroot)

	asNonroot := func(args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nonroot, Gid: nonroot}}
		cmd.Env = []string{"DENOMWATCH_DATA_DIR=" + data, "DENOMWATCH_API_ADDR=127.0.0.1:0", "HOME=/nonexistent"}
		out, err := cmd.CombinedOutput()
		if cmd.ProcessState == nil {
			t.Fatalf("start as uid %d: %v", nonroot, err)
		}
		return cmd.ProcessState.ExitCode(), string(out)
	}
	// The key is read before the node is dialled: a readable key gets as
	// far as the (absent) node, exit 1; an unreadable one stops at the key.
	rpc := []string{"run", "--rpc", "http://127.0.0.1:1", "--contract", "0x00000000000000000000000000000000000000a1", "--da-sources", "http://127.0.0.1:2"}
	if code, out := asNonroot(append(rpc, "--challenger-key-file", installed)...); code != 1 || !strings.Contains(out, "--rpc") {
		t.Fatalf("installed key: exit %d\n%s", code, out)
	}
	if code, out := asNonroot(append(rpc, "--challenger-key-file", own)...); code != 2 || !strings.Contains(out, "permission denied") {
		t.Fatalf("the operator's own 0600 key: exit %d\n%s", code, out)
	}

	// healthcheck against a wildcard API address asks the loopback.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	go serveOnce(ln, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 14\r\n\r\n{\"ready\":false}")
	cmd := exec.Command(bin, "healthcheck", "--ready")
	cmd.Env = []string{fmt.Sprintf("DENOMWATCH_API_ADDR=0.0.0.0:%d", port)}
	if out, _ := cmd.CombinedOutput(); cmd.ProcessState.ExitCode() != 1 || !strings.Contains(string(out), "503") {
		t.Fatalf("healthcheck of a 503: exit %d %s", cmd.ProcessState.ExitCode(), out)
	}
}

// serveOnce answers one connection with a canned response.
func serveOnce(ln net.Listener, resp string) {
	c, err := ln.Accept()
	if err != nil {
		return
	}
	defer c.Close()
	buf := make([]byte, 4096)
	c.Read(buf)
	c.Write([]byte(resp))
}
