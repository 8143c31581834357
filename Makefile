SWIFT ?= swift
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
CORPUS ?= ../shared/corpus
# CONFIG=release (as .ci/run sets it) builds once, optimised and testable, and every suite, the
# hostile inputs and the fuzzers included, runs that one build; debug, the default, builds faster
# for a change-and-test loop. In release, `swift build` and `swift test` compile every package
# with different flags, so the tests are built with everything else by one `swift build
# --build-tests` and run with --skip-build: switching suites recompiles nothing.
CONFIG ?= debug
BUILD_FLAGS := -c $(CONFIG) -Xswiftc -warnings-as-errors --explicit-target-dependency-import-check error \
    $(if $(filter release,$(CONFIG)),-Xswiftc -enable-testing)
TEST_BUILD := $(SWIFT) build $(BUILD_FLAGS) --build-tests
TEST_RUN := $(SWIFT) test -c $(CONFIG) --skip-build
BUILD := $(if $(filter release,$(CONFIG)),$(TEST_BUILD),$(SWIFT) build $(BUILD_FLAGS))
QUIRE := .build/$(CONFIG)/quire
# The Python suites run one pytest worker a core (pytest-xdist); a workbook's tests stay on one
# worker, which reads it with openpyxl once. PYTEST_JOBS=0 runs them in one process.
PYTEST_JOBS ?= auto
PYTEST := $(VPY) -m pytest -q -n $(PYTEST_JOBS) --dist loadgroup

.PHONY: test-shards test-hostile test-sanitize demo-commands interop catalog calibrate fuzz build release test test-swift test-oracle test-corpus bench demo lint format golden check-imports clean

build:
	$(BUILD)

release:
	$(if $(filter release,$(CONFIG)),$(BUILD),$(SWIFT) build -c release)

# The built-in library compiled into quire is generated from the editable sources in Catalogs/;
# a test (BuiltInGenerationTests) fails when the generated file is out of date.
catalog:
	$(SWIFT) run generate-builtin-library Catalogs Sources/ControlModel/BuiltInLibraryData.swift

# The confidence of answers derived from controls is a logistic model fitted on the tuning part of
# the labelled set (bench/calibrate.py); Tests/oracle/test_calibration.py fails when the weights in
# Sources/Answering/ConfidenceModel+Fitted.swift are not that fit. Build, fit, write, rebuild.
calibrate: $(VENV)/.installed
	$(BUILD)
	QUIRE_BIN=$(QUIRE) $(VPY) bench/calibrate.py --write
	$(BUILD)

# Python oracles (openpyxl, jsonschema, ...) live in a local virtual environment.
$(VENV)/.installed: requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

test: $(VENV)/.installed build test-swift test-oracle

# CISO Assistant's library files are AGPL: they stay in ../shared/corpus, read by test-corpus only.
test-swift:
	$(TEST_BUILD)
	$(TEST_RUN) --skip CISOAssistantCorpusTests

test-oracle: $(VENV)/.installed build
	@command -v strace >/dev/null || (apt-get update -q && apt-get install -y -q --no-install-recommends strace)
	@for l in tr_TR de_DE; do locale -a | grep -qi "^$$l.utf-\?8$$" || localedef -i $$l -f UTF-8 $$l.UTF-8 || \
	    (apt-get update -q && apt-get install -y -q locales && localedef -i $$l -f UTF-8 $$l.UTF-8); done
	QUIRE_BIN=$(QUIRE) $(PYTEST) Tests/oracle

# The Swift suite under AddressSanitizer (with LeakSanitizer), then ThreadSanitizer, each in its own
# build folder; the quire binaries the tests run are sanitized too. Any report fails the run.
test-sanitize:
	QUIRE_SANITIZER=address ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/sanitize/lsan.supp \
	    $(SWIFT) test --sanitize=address --scratch-path .build/asan
	QUIRE_SANITIZER=thread TSAN_OPTIONS=halt_on_error=0:exitcode=66 \
	    $(SWIFT) test --sanitize=thread --scratch-path .build/tsan

# Files under terms that keep them out of the repository are read in place from ../shared/corpus.
test-corpus: $(VENV)/.installed build
	QUIRE_BIN=$(QUIRE) QUIRE_CORPUS=$(CORPUS) $(PYTEST) Tests/oracle -m corpus
	$(TEST_BUILD)
	$(TEST_RUN) --filter CISOAssistantCorpusTests

# LibreOffice opens every workbook quire writes and prints the ones people print (PDF, checked
# with pypdf); headless Chromium renders report.html and screenshots it to .build/interop/.
# Installs libreoffice-calc-nogui and chromium from Debian when missing.
interop: $(VENV)/.installed build
	@command -v soffice >/dev/null || command -v libreoffice >/dev/null || \
	    (apt-get update -q && apt-get install -y -q --no-install-recommends libreoffice-calc-nogui)
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	    (apt-get update -q && apt-get install -y -q --no-install-recommends chromium)
	QUIRE_BIN=$(QUIRE) $(VPY) Tests/interop/libreoffice_check.py
	QUIRE_BIN=$(QUIRE) $(VPY) Tests/interop/print_check.py
	QUIRE_BIN=$(QUIRE) $(VPY) Tests/interop/report_check.py

bench: $(VENV)/.installed release
	$(VPY) -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	$(VPY) bench/run.py
	QUIRE_BIN=.build/release/quire $(VPY) bench/inspect_bench.py
	QUIRE_BIN=.build/release/quire $(VPY) bench/answer_bench.py
	QUIRE_BIN=.build/release/quire QUIRE_CORPUS=$(CORPUS) $(VPY) bench/accuracy.py
	QUIRE_BIN=.build/release/quire $(VPY) bench/risk_phrasing.py
	QUIRE_BIN=.build/release/quire $(VPY) bench/multilingual.py
	QUIRE_BIN=.build/release/quire QUIRE_CORPUS=$(CORPUS) $(VPY) bench/layout_bench.py
	QUIRE_BIN=.build/release/quire $(VPY) bench/xlsx_write_bench.py
	QUIRE_BIN=.build/release/quire $(VPY) bench/convert_bench.py
	QUIRE_BIN=.build/release/quire $(VPY) bench/run_bench.py
	QUIRE_BIN=.build/release/quire $(VPY) bench/patch_bench.py
	@scripts/postgres.sh start $(PG_DIR)-bench $(PG_PORT)
	@. $(PG_DIR)-bench/env && QUIRE_BIN=.build/release/quire $(VPY) bench/shards_bench.py; \
	    status=$$?; scripts/postgres.sh stop $(PG_DIR)-bench; exit $$status

# The main job: a nightly run over the samples into out/, then the next run three weeks on, when
# an evidence item has expired: the second run says what changed and reuses the unchanged work.
demo: build
	@rm -rf out
	@echo "== quire run samples/nightly.yaml (as of 2026-11-29) -> out/"
	@$(QUIRE) run samples/nightly.yaml; status=$$?; [ $$status -le 1 ] || exit $$status
	@cat out/run.md
	@echo
	@echo "== quire run samples/nightly.yaml --as-of 2026-12-21 (three weeks on: EV-079 has expired)"
	@$(QUIRE) run samples/nightly.yaml --as-of 2026-12-21; status=$$?; [ $$status -le 1 ] || exit $$status
	@echo "== quire history samples/nightly.yaml"
	@$(QUIRE) history samples/nightly.yaml
	@echo "== quire history diff samples/nightly.yaml"
	@$(QUIRE) history diff samples/nightly.yaml
	@echo
	@ls out out/answers
	@echo "Open out/report.html in a browser; make demo-commands shows each command on its own."

demo-commands: build  # each command on its own, on the samples
	@for f in samples/*.xlsx samples/*.csv; do \
	    echo "== quire sheets $$f"; $(QUIRE) sheets "$$f" || exit $$?; \
	done
	@echo "== quire cat samples/questionnaire.xlsx --sheet Questions --format csv"
	@$(QUIRE) cat samples/questionnaire.xlsx --sheet Questions --format csv
	@echo "== quire inspect samples/questionnaire.xlsx --verbose"
	@$(QUIRE) inspect samples/questionnaire.xlsx --verbose
	@for f in samples/globex-vendor-assessment.xlsx samples/initech-security-questionnaire.csv samples/contoso-cloud-review.xlsx; do \
	    echo "== quire answer $$f --library samples/library --format csv"; \
	    $(QUIRE) answer "$$f" --library samples/library --as-of 2026-11-29 --format csv | cut -c1-160 | head -6 || exit $$?; \
	done
	@echo "== quire answer samples/globex-vendor-assessment.xlsx -o .build/demo/globex-filled.xlsx"
	@mkdir -p .build/demo
	@$(QUIRE) answer samples/globex-vendor-assessment.xlsx --library samples/library --as-of 2026-11-29 \
	    -o .build/demo/globex-filled.xlsx
	@echo "== quire diff samples/globex-vendor-assessment.xlsx .build/demo/globex-filled.xlsx | tail -3"
	@$(QUIRE) diff samples/globex-vendor-assessment.xlsx .build/demo/globex-filled.xlsx | tail -3
	@echo "== quire assess samples/vendors/* -> .build/demo/vendors.xlsx (vendors' filled questionnaires)"
	@$(QUIRE) assess samples/vendors/northwind-hosting-caiq-style.xlsx samples/vendors/fabrikam-analytics-marks.xlsx \
	    samples/vendors/tailspin-payroll-freetext.csv --vendor "Northwind Hosting" --vendor "Fabrikam Analytics" \
	    --vendor "Tailspin Payroll" --frameworks iso27001-2022,soc2-2017,gdpr --library samples/library \
	    -o .build/demo/vendors.xlsx
	@$(QUIRE) assess samples/vendors/tailspin-payroll-freetext.csv --library samples/library -o .build/demo/tailspin.csv
	@head -4 .build/demo/tailspin.csv | cut -c1-160
	@echo "== quire library import samples/vendors/northwind-hosting-caiq-style.xlsx -o .build/demo/imported.yaml"
	@rm -f .build/demo/imported.yaml
	@$(QUIRE) library import samples/vendors/northwind-hosting-caiq-style.xlsx --library samples/library \
	    -o .build/demo/imported.yaml
	@echo "== quire convert samples/library to OSCAL and CISO Assistant, and back (reports beside each output)"
	@$(QUIRE) convert samples/library --to oscal-component-definition -o .build/demo/library-component.json
	@$(QUIRE) convert samples/library --to oscal-mapping-collection -o .build/demo/library-mappings.json
	@$(QUIRE) convert samples/library --to ciso-assistant --framework iso27001-2022 -o .build/demo/library-ciso.yaml
	@$(QUIRE) convert .build/demo/library-component.json --to quire -o .build/demo/from-oscal.yaml
	@$(QUIRE) convert .build/demo/library-ciso.yaml --to quire -o .build/demo/from-ciso.yaml
	@head -24 .build/demo/library-ciso.migration.md
	@echo "== quire crosswalk, soa -> .build/demo/"
	@$(QUIRE) crosswalk --library samples/library --as-of 2026-11-29 -o .build/demo/crosswalk.xlsx
	@$(QUIRE) soa --library samples/library --as-of 2026-11-29 -o .build/demo/soa.xlsx
	@ls -l .build/demo
	@echo "== quire frameworks"
	@$(QUIRE) frameworks
	@echo "== quire validate samples/library"
	@$(QUIRE) validate samples/library
	@echo "== quire xref soc2-2017:CC6.1 --to iso27001-2022 --library samples/library"
	@$(QUIRE) xref soc2-2017:CC6.1 --to iso27001-2022 --library samples/library

lint: check-imports
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format format --in-place --recursive Package.swift Sources Tests

golden:  # re-records tests whose names contain "Golden"; review the diff
	RECORD_GOLDEN=1 $(SWIFT) test --filter Golden || true
	git diff --stat -- Tests/Golden

check-imports:  # each target imports only what DESIGN.md's table allows; only Spreadsheet imports C
	$(PYTHON) scripts/check_imports.py

clean:
	rm -rf .build $(VENV) bench/data bench/out

# Sharded runs against PostgreSQL: a throwaway server (installed from Debian if missing) on a local
# port, 3 concurrent shards plus the assembly checked against one process (Tests/oracle/test_shards.py).
PG_DIR ?= /tmp/quire-test-postgres
PG_PORT ?= 55439
test-shards: $(VENV)/.installed build
	@scripts/postgres.sh start $(PG_DIR) $(PG_PORT)
	@. $(PG_DIR)/env && QUIRE_BIN=$(QUIRE) $(VPY) -m pytest -q -m postgres Tests/oracle/test_shards.py; \
	    status=$$?; scripts/postgres.sh stop $(PG_DIR); exit $$status

# Hostile inputs generated on the spot (zip bombs, lying ZIP sizes, XML 100,000 deep, a 10-million-row
# CSV, a YAML alias bomb …), each read by the release binary within its stated seconds and megabytes
# (Tests/hostile/run_hostile.py; HOSTILE_TIME_FACTOR and HOSTILE_MEMORY_FACTOR scale the limits).
test-hostile: release
	$(PYTHON) Tests/hostile/run_hostile.py

# libFuzzer over every reader (Tests/fuzz/run_fuzz.py): FUZZ_SECONDS a target (default 180), the
# binary built with -sanitize=fuzzer,address in its own build folder; a finding fails the run.
# Then the mutation fuzzer of the XLSX reader through the release binary. CI runs a short pass,
# on a debug fuzzing build (FUZZ_CONFIG=debug: it builds in 80 s where release takes 180 s, and
# runs about a quarter as many inputs a second).
FUZZ_SECONDS ?= 180
FUZZ_CONFIG ?= release
fuzz: release
	@mkdir -p .build
	$(SWIFT) build -c $(FUZZ_CONFIG) --scratch-path .build/fuzz --product quire-fuzz \
	    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DQUIRE_FUZZ > .build/fuzz-build.log 2>&1 || \
	    (grep -v "Cannot export local symbol" .build/fuzz-build.log | tail -30; exit 1)
	QUIRE_FUZZ_BIN=.build/fuzz/$(FUZZ_CONFIG)/quire-fuzz FUZZ_SECONDS=$(FUZZ_SECONDS) CORPUS=$(CORPUS) \
	    QUIRE_CORPUS=$(CORPUS) $(PYTHON) Tests/fuzz/run_fuzz.py
	$(PYTHON) Tests/fuzz/mutate_workbooks.py 1 $(if $(filter-out 180,$(FUZZ_SECONDS)),100,500)
