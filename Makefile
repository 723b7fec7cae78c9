# KHTH — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.khth-installed

.PHONY: demo test conformance-tools fuzz generate check-generated benchmark benchmark-convert benchmark-report roundtrip accuracy clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "KHTH needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

## demo: set up, validate every example (JSON and XML), list the records and their tree, convert a seed text
demo: $(STAMP)
	$(BIN)/plan-validate --verbose --tree examples/
	@echo "== plan-convert: the dispatch of UBND thị trấn Chợ Chu and the plan it carries, from text"
	$(BIN)/plan-convert examples/sources/001_11dcdf82ff36e281.txt --to json | $(BIN)/plan-validate --tree - examples/cited/

## test: set up and run every test
test: $(STAMP)
	$(BIN)/python -m pytest

## conformance-tools: the engines of the conformance suite that pip's test extra cannot hold: ajv 8 and
## ajv-formats (npm, tests/conformance/js) and the newest jsonschema-rs beside the pinned one
conformance-tools: $(STAMP)
	cd tests/conformance/js && npm ci --no-audit --no-fund --silent
	$(BIN)/python -m pip install --quiet --no-deps --upgrade --target $(VENV)/jsonschema-rs-newest 'jsonschema-rs>=0.61,<1'

## fuzz: mutate the examples thousands of times and run both commands on them (FUZZ_CASES, FUZZ_SEED to vary)
FUZZ_CASES ?= 5000
FUZZ_SEED  ?= 20261122
fuzz: $(STAMP)
	KHTH_FUZZ_CASES=$(FUZZ_CASES) KHTH_FUZZ_SEED=$(FUZZ_SEED) $(BIN)/python -m pytest -q tests/test_fuzz.py

## generate: regenerate schemas and SPEC.md reference sections from the model
generate: $(STAMP)
	$(BIN)/python -m khth.schema.generate

check-generated: $(STAMP)
	$(BIN)/python -m khth.schema.generate --check

## benchmark: generate the benchmark corpora once (valid and realistic), then measure plan-validate on both beside check-jsonschema (BENCH_ARGS="--limit 1000 --repeat 1" for a quick run)
benchmark: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[benchmark]'
	$(BIN)/python benchmarks/generate_corpus.py
	$(BIN)/python benchmarks/bench_validate.py $(BENCH_ARGS)

## benchmark-convert: measure plan-convert, text to JSON
benchmark-convert: $(STAMP)
	$(BIN)/python benchmarks/bench_convert.py

## benchmark-report: a corpus of linked records (1,000,000 by default) indexed in one pass, then the coverage of
## a central directive from the index, its seconds and peak memory (REPORT_ARGS="--count 100000" for a quick run)
benchmark-report: $(STAMP)
	$(BIN)/python benchmarks/bench_report.py $(REPORT_ARGS)

## roundtrip: records rendered as Word, through LibreOffice, pandoc, pdftotext and a web page, read back (ROUNDTRIP_ARGS="--count 20")
roundtrip: $(STAMP)
	$(BIN)/python benchmarks/roundtrip/run.py $(ROUNDTRIP_ARGS)

## accuracy: strict reading accuracy on real public documents against their hand-keyed facts (the texts are
## not in the repository: ACCURACY_TEXTS names the folder holding them; see benchmarks/accuracy/README.md)
ACCURACY_TEXTS ?= benchmarks/accuracy/texts
accuracy: $(STAMP)
	$(BIN)/python benchmarks/accuracy_real.py --texts $(ACCURACY_TEXTS) $(ACCURACY_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
