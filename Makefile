# denomwatch: the README's two commands are `make run` and `make test`.
GO       ?= go
BIN      ?= bin/denomwatch
FUZZTIME ?= 30s

.PHONY: run test check bench fuzz fuzz-ci e2e anvil-path build ci contracts check-generated gas-report contracts-heavy monitoring page-screenshots

# geth for the end-to-end test: the go.mod version, installed once into a
# cache directory kept between runs.
GETH_VERSION := $(shell $(GO) list -m -f '{{.Version}}' github.com/ethereum/go-ethereum)
GETH_DIR     ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/denomwatch/geth-$(GETH_VERSION)
GETH         := $(GETH_DIR)/geth

# anvil (Foundry's dev node), the end-to-end tests' second node: the npm
# package pinned with its platform binaries' integrity hashes in
# e2e/anvil/package-lock.json, installed once by npm ci into a cache
# directory. --ignore-scripts: the binary comes from the optional dependency
# @foundry-rs/anvil-<os>-<arch>, checked against the lockfile; the package's
# postinstall would only download it again without that check. npm skips an
# optional dependency that fails (a wrong hash included) and still exits 0,
# so the rule checks the binary and its version itself.
ANVIL_VERSION  := $(shell sed -n 's/.*"@foundry-rs\/anvil": "\(.*\)".*/\1/p' e2e/anvil/package.json)
ANVIL_PLATFORM := $(shell uname -s | tr A-Z a-z)-$(shell uname -m | sed 's/x86_64/amd64/;s/aarch64/arm64/')
ANVIL_DIR      ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/denomwatch/anvil-$(ANVIL_VERSION)
ANVIL          := $(ANVIL_DIR)/node_modules/@foundry-rs/anvil-$(ANVIL_PLATFORM)/bin/anvil

# promtool for the shipped alert rules: pinned, built from its Go module
# (github.com/prometheus/prometheus) once into a cache directory, like geth
# (about 6 minutes cold on 2 cores, a 120 MB binary).
PROMTOOL_VERSION := v0.316.0
PROMTOOL_DIR     ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/denomwatch/promtool-$(PROMTOOL_VERSION)
PROMTOOL         := $(PROMTOOL_DIR)/promtool

# The version stamped into the binary: git describe and the commit, when
# built from a git checkout (go's own VCS stamping is often off: GOFLAGS=-buildvcs=false).
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo unknown)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT)

# The main job: the embedded devnet with a default fault schedule, watched
# (until the watcher lands, its progress is printed). Runs until Ctrl-C.
run:
	$(GO) run ./cmd/denomwatch run

# The whole test suite, race detector on. This is what .ci/run runs.
test:
	$(GO) test -race ./...

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/denomwatch

# gofmt and go vet, as .ci/run does.
check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# The benchmarks whose figures are in the README.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 3 ./recompute/ ./bls/
	$(GO) test -run '^$$' -bench BenchmarkCLI -count 3 ./cmd/denomwatch/
	$(GO) test -run '^$$' -bench 'BenchmarkSeedRound|BenchmarkBackfillSeedScale' -benchtime 5x ./watcher/

# Every fuzz target of every package for FUZZTIME each.
fuzz:
	@for pkg in $$(grep -l '^func Fuzz' $$(git ls-files '*_test.go') | xargs -n1 dirname | sort -u); do \
		for f in $$($(GO) test -list '^Fuzz' ./$$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$f"; \
			GO=$(GO) .ci/fuzz-one $$pkg $$f $(FUZZTIME) || exit 1; \
		done; \
	done

# The bounded fuzzing .ci/run does: every target for 10 seconds.
fuzz-ci:
	$(MAKE) fuzz FUZZTIME=10s

$(GETH):
	GOBIN=$(GETH_DIR) $(GO) install github.com/ethereum/go-ethereum/cmd/geth@$(GETH_VERSION)

$(ANVIL):
	rm -rf $(ANVIL_DIR).tmp.$$$$ && mkdir -p $(ANVIL_DIR).tmp.$$$$ && \
	cp e2e/anvil/package.json e2e/anvil/package-lock.json $(ANVIL_DIR).tmp.$$$$/ && \
	(cd $(ANVIL_DIR).tmp.$$$$ && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) && \
	bin=$(ANVIL_DIR).tmp.$$$$/node_modules/@foundry-rs/anvil-$(ANVIL_PLATFORM)/bin/anvil && \
	{ test -x $$bin || { echo "npm ci installed no anvil binary for $(ANVIL_PLATFORM) (npm skips an optional dependency that fails, a wrong integrity hash included, and exits 0)"; exit 1; }; } && \
	$$bin --version | grep -q '^anvil Version: $(ANVIL_VERSION)$$' && \
	rm -rf $(ANVIL_DIR) && mv $(ANVIL_DIR).tmp.$$$$ $(ANVIL_DIR)

# End to end on real nodes: geth --dev, `denomwatch devnet --rpc` with faults
# and `denomwatch run` as separate processes (e2e/e2e_test.go); the
# frozen-node case: geth paused and resumed under a running watcher
# (e2e/frozen_test.go); the v2 devnet at the design's size on geth --dev and
# on anvil side by side (e2e/devnet_test.go); and the answers where the two
# nodes differ (e2e/nodes_test.go).
e2e: $(GETH) $(ANVIL)
	DENOMWATCH_GETH=$(GETH) DENOMWATCH_ANVIL=$(ANVIL) $(GO) test -count=1 -timeout 15m -run '^(TestGethEndToEnd|TestAnvilEndToEnd|TestFrozenNode|TestDevnetOnNodes|TestNodeDifferences)$$' -v ./e2e/

# The path of the pinned anvil binary, installing it if need be (for running
# e2e tests by hand: DENOMWATCH_ANVIL=$$(make -s anvil-path)).
anvil-path: $(ANVIL)
	@echo $(ANVIL)

$(PROMTOOL):
	GOBIN=$(PROMTOOL_DIR) $(GO) install github.com/prometheus/prometheus/cmd/promtool@$(PROMTOOL_VERSION)

# The shipped Prometheus rules: promtool check rules, and their unit tests.
monitoring: $(PROMTOOL)
	cd configs/prometheus && $(PROMTOOL) check rules denomwatch.rules.yml && $(PROMTOOL) test rules denomwatch.rules.test.yml

ci:
	bash .ci/run

# The README's screenshots of the recipient page (docs/), from the browser
# test on the devnet (needs Debian's chromium).
page-screenshots:
	$(GO) test ./cmd/denomwatch -run '^TestRecipientPage$$' -count=1 -update-page-screenshots

# Rebuild the v2 contract's artifacts and Go bindings from contracts/src (npm solc, abigen).
contracts:
	contracts/generate.sh

# Fail if the committed artifacts or bindings drift from their sources.
check-generated:
	contracts/check-generated.sh

# Measure the v2 contract's gas and write the figures into README.md (fails if a target is missed).
gas-report:
	$(GO) test ./contracts -run '^TestGasReport$$' -count=1 -update-gas-report

# The v2 contract's heaviest tests, which skip themselves under -race: the
# largest legal round, the gas targets, 256 registrations. .ci/run runs them.
contracts-heavy:
	$(GO) test ./contracts -count=1 -run '^(TestLargestLegalRound|TestGasReport|TestIndexReusedAfterWithdrawal)$$'
