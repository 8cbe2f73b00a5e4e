"""Airflow and notebook tests: a throwaway AIRFLOW_HOME with SQLite, set before Airflow is first imported.

The DAG writes one lakehouse (every task through spark-submit), which the notebooks read and tests/python reads
afterwards with delta-rs: SEGPLAN_TEST_LAKEHOUSE names it (the Makefile passes one under target/), else it is a
folder in the throwaway AIRFLOW_HOME. A rerun for the same date is not repeated here: the Java suite's golden run
reruns every stage on Delta and compares every table the stage specs declare, and the ledger."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DAGS = ROOT / "airflow" / "dags"
JAR = ROOT / "target" / "segplan.jar"
VENV_BIN = Path(sys.executable).parent

_home = Path(tempfile.mkdtemp(prefix="segplan-airflow-"))
LAKEHOUSE = Path(os.environ.get("SEGPLAN_TEST_LAKEHOUSE") or _home / "lakehouse").resolve()
RUN_DATE = "2025-12-31"
os.environ.update({
    "AIRFLOW_HOME": str(_home),
    "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
    "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{_home / 'airflow.db'}",
    "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(_home / "logs"),
    # A real Spark connection, given as an environment variable like a deployment would.
    "AIRFLOW_CONN_SEGPLAN_SPARK": json.dumps({"conn_type": "spark", "host": "local[2]"}),
    # Variables from the environment: where the jar, the configuration and the lakehouse are.
    "AIRFLOW_VAR_SEGPLAN_APPLICATION_JAR": str(JAR),
    "AIRFLOW_VAR_SEGPLAN_LAKEHOUSE_ROOT": str(LAKEHOUSE),
    "AIRFLOW_VAR_SEGPLAN_DRIVER_MEMORY": "2g",
    "SEGPLAN_DATASET_ROOT": LAKEHOUSE.as_uri(),
    # Quiet Spark logs and loopback binding, as bin/segplan does.
    "SEGPLAN_SPARK_CONF": json.dumps({
        "spark.driver.extraJavaOptions": f"-Dlog4j.configurationFile={ROOT / 'conf' / 'log4j2.properties'}"}),
    "SPARK_LOCAL_IP": "127.0.0.1",
    # spark-submit from the pyspark package in this virtual environment.
    "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
})
sys.path.insert(0, str(DAGS))


@pytest.fixture(scope="session")
def airflow_home() -> Path:
    return _home


@pytest.fixture(scope="session")
def airflow_db(airflow_home):
    result = subprocess.run([str(VENV_BIN / "airflow"), "db", "migrate"], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return airflow_home


@pytest.fixture(scope="session")
def local_config(airflow_home) -> Path:
    """conf/local.conf with the sample inputs as absolute paths, so tasks run from any working directory."""
    config = airflow_home / "segplan.conf"
    samples = ROOT / "data-samples"
    config.write_text(
        f'include file("{ROOT / "conf" / "local.conf"}")\n'
        "segplan.inputs {\n"
        f'  customers.path = "{samples / "customers.csv"}"\n'
        f'  transactions.path = "{samples / "transactions.csv.gz"}"\n'
        f'  products.path = "{samples / "products.csv"}"\n'
        f'  distribution-centers.path = "{samples / "distribution_centers.csv"}"\n'
        f'  calendar.path = "{samples / "calendar.csv"}"\n'
        "}\n")
    return config


@pytest.fixture(scope="session")
def dag_run(airflow_db, local_config):
    """Runs the DAG once for 2025-12-31 into an empty LAKEHOUSE; the tables after the run, read with delta-rs."""
    # Registers the ab_user table that DagRunNote's foreign key names; without it dag.test() fails to flush
    # ("could not find table 'ab_user'") when the FAB provider's models were not imported yet.
    import airflow.providers.fab.auth_manager.models  # noqa: F401
    from airflow.models import DagBag
    from test_dag_run import run_dag, snapshot

    shutil.rmtree(LAKEHOUSE, ignore_errors=True)
    dag = DagBag(dag_folder=str(DAGS), include_examples=False).dags["segplan"]
    run_dag(dag, local_config)
    return snapshot()
