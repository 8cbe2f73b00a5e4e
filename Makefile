# segplan: `make demo` runs the pipeline end to end on the sample data; `make test` runs every test.
SHELL := /bin/bash
MVN ?= mvn -B
GIT_COMMIT := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
JAR := target/segplan.jar
RUNTIME_LIB := target/runtime-lib
TEST_CLASSES := target/test-classes/.complete

PYTHON ?= python3
TEST_VENV := target/venv-tests
# Airflow 2.10 supports Python 3.8-3.12; the pinned requirements were resolved on 3.11.
AIRFLOW_PYTHON ?= python3.11
AIRFLOW_VENV := target/venv-airflow

S3PROXY_JAR := target/s3proxy/s3proxy-4.1.0-jar-with-dependencies.jar
INTEGRATION_VENV := target/venv-integration
BENCH_VENV := target/venv-bench
BENCH_STEPS ?= 100000
# The lakehouse the DAG writes in the orchestration suite; the notebooks and tests/python read it.
TEST_LAKEHOUSE := $(CURDIR)/target/test-lakehouse
# The stage specs as JSON (`segplan stages --json`): the DAG's task list and the test suites' table lists.
STAGES_JSON := airflow/dags/segplan_stages.json
TEST_JVM_OPTIONS := -XX:+UseSerialGC -XX:TieredStopAtLevel=1

.PHONY: build demo test test-prepare test-prepare-maven test-prepare-venvs java-test test-lane-airflow test-lane-cluster python-test integration-test test-classes clean sample-data bench-ingest bench bench-segmentation orchestration-test airflow-venv stages-json real-data bench-allocation bench-forecast help

help:
	@echo "make demo         build, then run every stage on data-samples/ into ./lakehouse"
	@echo "make test         run every test: Java (Maven Surefire) and Python (pytest)"
	@echo "make build        the shaded jar (target/segplan.jar) and the Spark runtime jars (target/runtime-lib)"
	@echo "make sample-data  regenerate data-samples/ with the built-in generator"
	@echo "make stages-json  regenerate $(STAGES_JSON) from 'segplan stages --json' after a stage spec changed"
	@echo "make airflow-venv target/venv-airflow: Airflow, the Spark provider, pyspark (spark-submit), papermill, notebooks"
	@echo "make bench-ingest generate 1M customers (~20M lines) and time generation and ingestion"
	@echo "make bench-segmentation  generate 1M customers, time ingest, features, segment; k and ARI vs the truth"
	@echo "make integration-test  a real Spark standalone cluster and a real S3-compatible server (part of make test)"
	@echo "make bench        scale steps (BENCH_STEPS=\"100000 1000000\"): stages vs the floor, DuckDB, scikit-learn"
	@echo "make real-data    run every stage on the UCI Online Retail file (conf/online-retail.conf)"
	@echo "make bench-allocation solve one allocation LP period: 2,000 zones x 50 centers x 6 segments"
	@echo "make bench-forecast   Online Retail weekly series, last quarter held out: WAPE/MASE of segplan vs baseline"

build: $(JAR) $(RUNTIME_LIB)/.complete

$(JAR): pom.xml $(shell find src/main -type f)
	$(MVN) package -DskipTests -Dgit.commit=$(GIT_COMMIT)

# Spark, Scala and Hadoop are `provided` (a cluster brings them); local runs take them from here.
$(RUNTIME_LIB)/.complete: pom.xml
	$(MVN) dependency:copy-dependencies -DincludeScope=provided -DoutputDirectory=$(RUNTIME_LIB)
	touch $@

demo: build
	bin/segplan run --config conf/local.conf

# Every test. First what the suites need, Maven's outputs (the jar, the test classes, s3proxy; one Maven at a time)
# beside the Python virtual environments (pip). Then three lanes side by side: the Java suite; the Airflow lane (the
# DAG run through spark-submit writes $(TEST_LAKEHOUSE), the notebooks read it, then tests/python reads it with
# delta-rs); and the cluster and S3 suite (`bin/segplan run` reruns the cluster's run there). Starting the Java
# suite as soon as Maven was done was measured slower: pip then shared the cores with it and the Airflow lane, the
# longest, started 2.5 minutes later. Each lane's lines but the Java suite's are prefixed ([airflow], [cluster]);
# Surefire's and pytest's lines are not quieted (CI reads their closing lines).
test: test-prepare
	$(MAKE) --no-print-directory -j3 java-test test-lane-airflow test-lane-cluster

test-prepare:
	$(MAKE) --no-print-directory -j2 test-prepare-maven test-prepare-venvs

test-prepare-maven:
	$(MAKE) --no-print-directory -j1 build $(TEST_CLASSES) $(S3PROXY_JAR)

test-prepare-venvs:
	$(MAKE) --no-print-directory -j1 $(TEST_VENV)/.complete $(AIRFLOW_VENV)/.complete $(INTEGRATION_VENV)/.complete

# The JVMs of these two lanes (spark-submit drivers, the standalone cluster, executors, notebooks' Spark) run with
# the serial collector and the C1 compiler only, through the java launcher's JDK_JAVA_OPTIONS: on 2 cores the demo
# (`bin/segplan run`, one process) took 159 s of CPU that way against 200 s (wall 131 s against 123 s alone), and
# the lanes are CPU-bound. The Java suite's one long JVM keeps C2 and gets the serial collector (pom.xml).
test-lane-airflow:
	set -o pipefail; JDK_JAVA_OPTIONS="$(TEST_JVM_OPTIONS)" $(MAKE) --no-print-directory -j1 orchestration-test \
	  python-test 2>&1 | sed -u 's/^/[airflow] /'

test-lane-cluster:
	set -o pipefail; JDK_JAVA_OPTIONS="$(TEST_JVM_OPTIONS)" $(MAKE) --no-print-directory -j1 integration-test 2>&1 \
	  | sed -u 's/^/[cluster] /'

# Not quiet: CI reads Surefire's "Tests run:" lines.
java-test:
	$(MVN) test -Dgit.commit=$(GIT_COMMIT)

# Python checks (an independent Delta reader) in their own virtual environment, from pinned requirements.
$(TEST_VENV)/.complete: tests/python/requirements.txt
	$(PYTHON) -m venv $(TEST_VENV)
	$(TEST_VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/python/requirements.txt
	touch $@

# They read the lakehouse the orchestration suite's DAG run wrote: run that one first.
python-test: build $(TEST_VENV)/.complete
	SEGPLAN_TEST_LAKEHOUSE=$(TEST_LAKEHOUSE) $(TEST_VENV)/bin/python -m pytest tests/python -v

# Airflow, its Spark provider, pyspark (whose bin/spark-submit the DAG's tasks call) and the notebook stack, from
# exact pins (airflow/requirements.txt, a pip freeze of a tested install).
$(AIRFLOW_VENV)/.complete: airflow/requirements.txt
	$(AIRFLOW_PYTHON) -m venv $(AIRFLOW_VENV)
	$(AIRFLOW_VENV)/bin/pip install --quiet --disable-pip-version-check -r airflow/requirements.txt
	touch $@

airflow-venv: $(AIRFLOW_VENV)/.complete

# DAG integrity, the DAG run for real through spark-submit into $(TEST_LAKEHOUSE), then every notebook via
# papermill on it.
orchestration-test: build $(AIRFLOW_VENV)/.complete
	SEGPLAN_TEST_LAKEHOUSE=$(TEST_LAKEHOUSE) $(AIRFLOW_VENV)/bin/python -m pytest tests/orchestration -v

# After a change to a stage spec (StagesCommandTest fails until the file is regenerated and committed).
stages-json: build
	bin/segplan stages --json > $(STAGES_JSON).tmp && mv $(STAGES_JSON).tmp $(STAGES_JSON)

sample-data: build
	bin/segplan generate --customers 5000 --seed 42 --output data-samples --format csv

bench-ingest: build
	bench/generate_and_ingest.sh

bench-segmentation: build
	bench/segmentation_at_scale.sh

# The UCI Online Retail export, decompressed at run time into an ignored folder (never committed).
REAL_DATA := target/real-data
ONLINE_RETAIL := ../shared/datasets/online_retail/online_retail_2010_2011.csv.gz

$(REAL_DATA)/online_retail_2010_2011.csv: $(ONLINE_RETAIL)
	mkdir -p $(REAL_DATA)
	gunzip -c $< > $@.tmp && mv $@.tmp $@

real-data: build $(REAL_DATA)/online_retail_2010_2011.csv
	SEGPLAN_JAVA_OPTS="$${SEGPLAN_JAVA_OPTS:--Xmx4g}" bin/segplan run --config conf/online-retail.conf

bench-allocation: build
	bench/allocation_lp.sh

clean:
	rm -rf target lakehouse

# Test classes hold the small programs the integration tests and benchmarks run (time travel, floor, DuckDB).
test-classes: $(TEST_CLASSES)

# A stamp, so suites that need the test classes do not run Maven again while the Java suite runs.
$(TEST_CLASSES): $(JAR) $(shell find src/test -type f)
	$(MVN) test-compile -q -Dgit.commit=$(GIT_COMMIT)
	touch $@

# s3proxy (an S3-compatible server) runs as its own process in the S3 test; fetched, never committed.
$(S3PROXY_JAR):
	$(MVN) -q dependency:copy -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies -DoutputDirectory=target/s3proxy

$(INTEGRATION_VENV)/.complete: tests/integration/requirements.txt
	$(PYTHON) -m venv $(INTEGRATION_VENV)
	$(INTEGRATION_VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/integration/requirements.txt
	touch $@

# Separate OS processes (Spark master, workers, s3proxy) on free loopback ports, in a fresh temp folder per run, on
# inputs the generator writes there (600 customers).
integration-test: build $(TEST_CLASSES) $(S3PROXY_JAR) $(INTEGRATION_VENV)/.complete
	tmp=$$(mktemp -d /tmp/segplan-integration.XXXXXX) && \
	  cd tests/integration && ../../$(INTEGRATION_VENV)/bin/python -m pytest -v -p no:cacheprovider \
	    -rP --basetemp=$$tmp/pytest . ; status=$$?; rm -rf $$tmp; exit $$status

# DuckDB's JDBC driver for the bench (test scope in the pom, version from there).
target/bench-lib/.complete: pom.xml
	$(MVN) -q dependency:copy-dependencies -DincludeArtifactIds=duckdb_jdbc -DoutputDirectory=target/bench-lib
	touch $@

$(BENCH_VENV)/.complete: bench/requirements.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $@

# Forecast accuracy on the real Online Retail file (held-out last quarter), appended to bench/RESULTS.md.
bench-forecast: $(TEST_CLASSES) $(BENCH_VENV)/.complete
	bench/forecast_online_retail.sh

bench: $(TEST_CLASSES) target/bench-lib/.complete $(BENCH_VENV)/.complete
	bench/run_all.sh $(BENCH_STEPS)
