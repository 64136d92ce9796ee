# denomwatch: the README's two commands are `make run` and `make test`.
GO       ?= go
BIN      ?= bin/denomwatch
FUZZTIME ?= 30s

.PHONY: run test check bench fuzz build ci contracts check-generated gas-report

# The main job: the embedded devnet with a default fault schedule, watched
# (until the watcher lands, its progress is printed). Runs until Ctrl-C.
run:
	$(GO) run ./cmd/denomwatch run

# The whole test suite, race detector on. This is what .ci/run runs.
test:
	$(GO) test -race ./...

build:
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) ./cmd/denomwatch

# gofmt and go vet, as .ci/run does.
check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# The benchmarks whose figures are in the README.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./recompute/ ./bls/

# Every fuzz target for FUZZTIME each.
fuzz:
	@for pkg in ./recompute ./bls ./cmd/denomwatch; do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$f"; \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s $$pkg || exit 1; \
		done; \
	done

ci:
	bash .ci/run

# Rebuild contract artifacts and Go bindings from contracts/src (npm solc, abigen).
contracts:
	contracts/generate.sh

# Fail if the committed artifacts or bindings drift from contracts/src.
check-generated:
	contracts/check-generated.sh

# Measure the contracts' gas and write the figures into README.md.
gas-report:
	$(GO) test ./contracts -run '^TestGasReport$$' -count=1 -update-gas-report
