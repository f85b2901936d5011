GO      ?= go
SHARED  ?= ../shared
EFC     := bin/efc
FUZZTIME ?= 10m

.PHONY: all build run gen vendor-embed test conformance fuzz bench fmt vet clean

all: build

build:
	$(GO) build -o $(EFC) ./cmd/efc

# The main job on the bundled example: compile the stock app to a binary
# and run it over sample ticks.
run: build
	$(EFC) compile testdata/apps/stocks.sql -o bin/stocks
	bin/stocks --playback < testdata/apps/stocks.events.jsonl

# Regenerate the checked-in packages of the example apps (generated/);
# go test ./generated fails while they are stale.
gen:
	$(GO) generate ./generated/...

# Rewrite _vendor, the third-party packages efc embeds for the runtime
# (internal/vendortree), from go.mod and go.sum after a dependency change;
# go test . fails while it is stale. Needs the modules in the module cache.
vendor-embed:
	$(GO) mod download
	$(GO) test . -run '^TestVendorTreeCurrent$$' -count=1 -rewrite
	$(GO) test . -run '^TestVendorTree' -count=1

# Unit, datadriven, architecture, generated-code and differential tests,
# then the conformance cases on both backends: the project's own
# (testdata/conformance, testdata/regressions; failures fail the build) and
# the external suite when ../shared/conformance exists (its failing cases are
# reported in the tables, not as a build failure, yet).
test: build
	$(GO) vet ./...
	$(GO) test ./...
	$(EFC) test --backend=all --strict testdata/conformance testdata/regressions
	@if [ -d "$(SHARED)/conformance" ]; then \
		$(EFC) test --backend=all "$(SHARED)/conformance"; \
	else echo "($(SHARED)/conformance not found: conformance suite skipped)"; fi

conformance: build
	$(EFC) test --backend=all -v "$(SHARED)/conformance"

# Each fuzz target for FUZZTIME (10 minutes by default).
fuzz:
	$(GO) test ./compiler/syntax -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME)
	$(GO) test ./compiler -run '^$$' -fuzz FuzzCompile -fuzztime $(FUZZTIME)
	$(GO) test ./interp -run '^$$' -fuzz FuzzRestore -fuzztime $(FUZZTIME)
	$(GO) test ./runtime/driver -run '^$$' -fuzz FuzzScanAgreesWithDecode -fuzztime $(FUZZTIME)
	$(GO) test ./runtime/driver -run '^$$' -fuzz FuzzJSONPathAgrees -fuzztime $(FUZZTIME)
	$(GO) test ./runtime/driver -run '^$$' -fuzz FuzzCompressedInput -fuzztime $(FUZZTIME)
	$(GO) test ./runtime/jsonrow -run '^$$' -fuzz FuzzReader -fuzztime $(FUZZTIME)
	$(GO) test ./runtime/agg -run '^$$' -fuzz FuzzStdDev -fuzztime $(FUZZTIME)

# Benchmarks: interpreter vs generated code vs hand-written Go on the
# workloads of bench/apps, one core, BENCHCOUNT runs each; the equivalence
# and allocation tests run first. Writes bench/results/latest.{txt,md,svg}
# and prints the table of medians.
BENCHCOUNT ?= 5
BENCHTIME  ?= 1s
bench: bench-gen
	$(GO) test ./bench/...
	@mkdir -p bench/results
	$(GO) test ./bench -run '^$$' -bench . -benchmem -cpu 1 -count $(BENCHCOUNT) -benchtime $(BENCHTIME) -timeout 30m > bench/results/latest.txt || { cat bench/results/latest.txt; exit 1; }
	$(GO) run ./bench/internal/report -in bench/results/latest.txt -md bench/results/latest.md -svg bench/results/latest.svg \
		-note "commit $$(git describe --always --dirty)"

# Regenerate the benchmark packages bench/gen/wN from bench/apps/wN.sql.
.PHONY: bench-gen
bench-gen: build
	@for app in bench/apps/*.sql; do \
		name=$$(basename $$app .sql); \
		$(EFC) gen $$app -pkg $$name -o bench/gen/$$name || exit 1; \
	done

# The long differential run: DIFFCOUNT generated apps from seed DIFFSEED on
# the interpreter and on generated code (one program per 250 apps). Prints
# the seed, the count, every mismatch and where the time went; the shrunk
# mismatches are written to testdata/regressions.
DIFFSEED  ?= 4242
DIFFCOUNT ?= 10000
.PHONY: difftest
difftest:
	$(GO) test ./difftest -run '^TestDifferential$$' -v -count=1 -timeout 4h \
		-difftest.seed=$(DIFFSEED) -difftest.count=$(DIFFCOUNT) -difftest.shrunk=30 -difftest.shrinktime=90s

# _vendor is third-party code, kept byte for byte as its modules ship it.
fmt:
	gofmt -l -w $$(find . -name '*.go' -not -path './_vendor/*')

clean:
	rm -rf bin
