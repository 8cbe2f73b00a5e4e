# segplan: `make demo` runs the pipeline end to end on the sample data; `make test` runs every test.
SHELL := /bin/bash
MVN ?= mvn -B
GIT_COMMIT := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
JAR := target/segplan.jar
RUNTIME_LIB := target/runtime-lib

PYTHON ?= python3
TEST_VENV := target/venv-tests

.PHONY: build demo test java-test python-test clean sample-data bench-ingest bench-allocation help

help:
	@echo "make demo         build, then run every stage on data-samples/ into ./lakehouse"
	@echo "make test         run every test: Java (Maven Surefire) and Python (pytest)"
	@echo "make build        the shaded jar (target/segplan.jar) and the Spark runtime jars (target/runtime-lib)"
	@echo "make sample-data  regenerate data-samples/ with the built-in generator"
	@echo "make bench-ingest generate 1M customers (~20M lines) and time generation and ingestion"
	@echo "make bench-allocation solve one allocation LP period: 2,000 zones x 50 centers x 6 segments"

build: $(JAR) $(RUNTIME_LIB)/.complete

$(JAR): pom.xml $(shell find src/main -type f)
	$(MVN) package -DskipTests -Dgit.commit=$(GIT_COMMIT)

# Spark, Scala and Hadoop are `provided` (a cluster brings them); local runs take them from here.
$(RUNTIME_LIB)/.complete: pom.xml
	$(MVN) dependency:copy-dependencies -DincludeScope=provided -DoutputDirectory=$(RUNTIME_LIB)
	touch $@

demo: build
	bin/segplan run --config conf/local.conf

test: java-test python-test

# Not quiet: CI reads Surefire's "Tests run:" lines.
java-test:
	$(MVN) test -Dgit.commit=$(GIT_COMMIT)

# Python checks (an independent Delta reader) in their own virtual environment, from pinned requirements.
$(TEST_VENV)/.complete: tests/python/requirements.txt
	$(PYTHON) -m venv $(TEST_VENV)
	$(TEST_VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/python/requirements.txt
	touch $@

python-test: build $(TEST_VENV)/.complete
	$(TEST_VENV)/bin/python -m pytest tests/python -v

sample-data: build
	bin/segplan generate --customers 5000 --seed 42 --output data-samples --format csv

bench-ingest: build
	bench/generate_and_ingest.sh

bench-allocation: build
	bench/allocation_lp.sh

clean:
	rm -rf target lakehouse
