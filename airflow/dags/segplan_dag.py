"""segplan: one SparkSubmitOperator task per stage, then the quality gate, for the logical date {{ ds }}.

Each task runs `spark-submit --class org.segplan.cli.SegplanCli <jar> <stage> --config <file> --run-date {{ ds }}`.
A stage reads what the stage before it wrote for the same run date and replaces only that date's partition, so
retries and reruns give the same tables. Settings (see airflow/README.md and the defaults below), highest first:
trigger-time Params, then Airflow Variables (segplan_*), then the defaults here. The Spark connection id and the
Dataset URIs are read from the environment when the file is parsed (no database access at parse time).
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timedelta

from airflow import DAG
from airflow.datasets import Dataset
from airflow.models.param import Param
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

from segplan_stages import LEDGER_TABLE, QUALITY_GATE, STAGES

MAIN_CLASS = "org.segplan.cli.SegplanCli"
DEFAULT_JAR = "/opt/segplan/segplan.jar"
DEFAULT_CONFIG = "/opt/segplan/conf/cluster.conf"
DEFAULT_LAKEHOUSE = "/opt/segplan/lakehouse"
CONNECTION_ID = os.environ.get("SEGPLAN_SPARK_CONN_ID", "segplan_spark")
# Where the Datasets point: the lakehouse root as a URI (file:///..., s3a://..., hdfs://...).
DATASET_ROOT = os.environ.get("SEGPLAN_DATASET_ROOT", "file://" + DEFAULT_LAKEHOUSE).rstrip("/")
# Spark settings for every task, as JSON in SEGPLAN_SPARK_CONF, over these defaults.
SPARK_CONF = {"spark.sql.session.timeZone": "UTC", **json.loads(os.environ.get("SEGPLAN_SPARK_CONF", "{}"))}


def setting(name: str, default: str) -> str:
    """A Jinja expression: the trigger-time Param, else the Variable segplan_<name>, else the default."""
    return f"{{{{ params.{name} or var.value.get('segplan_{name}', '{default}') }}}}"


def dataset(table: str) -> Dataset:
    return Dataset(f"{DATASET_ROOT}/{table}")


def stage_task(stage) -> SparkSubmitOperator:
    return SparkSubmitOperator(
        task_id=stage.command,
        conn_id=CONNECTION_ID,
        application=setting("application_jar", DEFAULT_JAR),
        java_class=MAIN_CLASS,
        name=f"segplan-{stage.command}-{{{{ ds }}}}",
        application_args=[
            stage.command,
            "--config", setting("config_path", DEFAULT_CONFIG),
            "--run-date", "{{ ds }}",
            "--set", "segplan.lakehouse.root=" + setting("lakehouse_root", DEFAULT_LAKEHOUSE),
        ],
        conf={**SPARK_CONF, "spark.driver.memory": setting("driver_memory", "4g")},
        execution_timeout=stage.timeout,
        outlets=[dataset(table) for table in stage.outputs + (LEDGER_TABLE,)],
    )


with DAG(
    dag_id="segplan",
    description="Customer segmentation for supply planning: ingest, features, segment, quality gate",
    schedule="@daily",
    start_date=datetime(2025, 1, 1),
    catchup=False,
    # Stages of two dates would race on the run ledger's MERGE; one run at a time keeps it simple.
    max_active_runs=1,
    tags=["segplan", "spark", "delta"],
    default_args={
        "owner": "segplan",
        "retries": 2,
        "retry_delay": timedelta(minutes=2),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=30),
    },
    params={
        "application_jar": Param(None, type=["null", "string"],
                                 description=f"The shaded segplan jar (default: Variable segplan_application_jar, "
                                             f"else {DEFAULT_JAR})"),
        "config_path": Param(None, type=["null", "string"],
                             description=f"HOCON config file (default: Variable segplan_config_path, "
                                         f"else {DEFAULT_CONFIG})"),
        "lakehouse_root": Param(None, type=["null", "string"],
                                description=f"Root of the Delta tables (default: Variable segplan_lakehouse_root, "
                                            f"else {DEFAULT_LAKEHOUSE})"),
        "driver_memory": Param(None, type=["null", "string"],
                               description="spark.driver.memory (default: Variable segplan_driver_memory, else 4g)"),
    },
    doc_md=__doc__,
) as dag:
    tasks = [stage_task(stage) for stage in STAGES + [QUALITY_GATE]]
    for upstream, downstream in zip(tasks, tasks[1:]):
        upstream >> downstream
