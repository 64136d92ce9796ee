// Package browsertest runs a real headless Chromium for tests, through
// chromedp: it finds the browser (or skips the test, naming the Debian
// package to install), starts it with a fresh profile, records the page's
// JavaScript errors and Content-Security-Policy violations, and writes
// screenshots as test artifacts.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Environment variables the tests read.
const (
	// EnvChromium is the browser to run (default: chromium on $PATH).
	EnvChromium = "DENOMWATCH_CHROMIUM"
	// EnvRequire set to 1 fails a test that finds no browser, instead of
	// skipping it (.ci/run sets it: CI must not skip the browser tests).
	EnvRequire = "DENOMWATCH_REQUIRE_CHROMIUM"
	// EnvArtifacts is the directory screenshots are written to (default:
	// the test's temporary directory).
	EnvArtifacts = "DENOMWATCH_ARTIFACTS"
)

// Path returns the Chromium to run; without one it skips t (fails it when
// $DENOMWATCH_REQUIRE_CHROMIUM is 1).
func Path(t testing.TB) string {
	t.Helper()
	if p := os.Getenv(EnvChromium); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no headless Chromium: install Debian's package chromium (apt-get install -y chromium), or set $" + EnvChromium + " to a Chrome or Chromium binary"
	if os.Getenv(EnvRequire) == "1" {
		t.Fatal(msg + " ($" + EnvRequire + "=1)")
	}
	t.Skip(msg)
	return ""
}

// Browser is a started headless Chromium with one tab.
type Browser struct {
	// Ctx runs actions in the tab (chromedp.Do, chromedp.Run).
	Ctx context.Context

	mu     sync.Mutex
	errors []string
}

// Start starts Chromium (Path) with a width x height window and opens a
// tab; the browser is stopped when t ends. Every action run on Ctx is
// bounded by timeout.
func Start(t testing.TB, width, height int, timeout time.Duration) *Browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(Path(t)),
		chromedp.WindowSize(width, height),
		chromedp.UserDataDir(t.TempDir()),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to sandbox as root
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tabCtx, cancelTab := chromedp.NewContext(allocCtx, chromedp.WithLogf(t.Logf))
	t.Cleanup(func() { cancelTab(); cancelAlloc(); cancel() })
	b := &Browser{Ctx: tabCtx}
	if err := chromedp.Listen(tabCtx, b.record); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	if _, err := chromedp.Call(tabCtx, log.Enable, struct{}{}); err != nil {
		t.Fatalf("enable the browser's log: %v", err)
	}
	return b
}

// record keeps the page's uncaught exceptions, console errors and
// security messages (a Content-Security-Policy violation is one). It runs
// in chromedp's event loop: it only appends.
func (b *Browser) record(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		msg = "uncaught exception: " + exceptionText(ev.ExceptionDetails)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			msg = "console.error: " + remoteText(ev.Args)
		}
	case *log.EventEntryAdded:
		if ev.Entry.Source == log.EntrySourceSecurity || ev.Entry.Source == log.EntrySourceJavascript && ev.Entry.Level == log.EntryLevelError {
			msg = fmt.Sprintf("%s %s: %s", ev.Entry.Source, ev.Entry.Level, ev.Entry.Text)
		}
	}
	if msg != "" {
		b.mu.Lock()
		b.errors = append(b.errors, msg)
		b.mu.Unlock()
	}
}

// Errors returns the page errors recorded so far.
func (b *Browser) Errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

// CheckNoErrors fails t if the page threw, logged an error, or broke its
// Content-Security-Policy.
func (b *Browser) CheckNoErrors(t testing.TB) {
	t.Helper()
	if errs := b.Errors(); len(errs) > 0 {
		t.Errorf("the page reported %d error(s):\n%s", len(errs), strings.Join(errs, "\n"))
	}
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return ""
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		s += " " + d.Exception.Description
	}
	return fmt.Sprintf("%s (%s:%d:%d)", s, d.URL, d.LineNumber, d.ColumnNumber)
}

func remoteText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case a.Description != "":
			parts = append(parts, a.Description)
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// Screenshot writes a PNG of the whole page to the artifact directory
// ($DENOMWATCH_ARTIFACTS, else the test's temporary directory) as name,
// and returns its path.
func (b *Browser) Screenshot(t testing.TB, name string) string {
	t.Helper()
	png, err := chromedp.Run(b.Ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	return WriteArtifact(t, name, png)
}

// ScreenshotTop writes a PNG of the top of the page (the window's size,
// scrolled to the top) as Screenshot does.
func (b *Browser) ScreenshotTop(t testing.TB, name string) string {
	t.Helper()
	if err := chromedp.Do(b.Ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`)); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	png, err := chromedp.Run(b.Ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	return WriteArtifact(t, name, png)
}

// WriteArtifact writes data to the artifact directory as name and returns
// its path.
func WriteArtifact(t testing.TB, name string, data []byte) string {
	t.Helper()
	dir := os.Getenv(EnvArtifacts)
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("artifact directory: %v", err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatalf("write artifact: %v", err)
	}
	t.Logf("artifact: %s", p)
	return p
}
