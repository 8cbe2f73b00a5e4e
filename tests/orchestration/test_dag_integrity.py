"""Every DAG file loads, and the segplan DAG has the tasks, order, retries, timeouts, tags and Datasets intended."""
from datetime import timedelta

import pytest
from conftest import DAGS, JAR, LAKEHOUSE

import segplan_stages


@pytest.fixture(scope="module")
def dag_bag():
    from airflow.models import DagBag

    return DagBag(dag_folder=str(DAGS), include_examples=False)


@pytest.fixture(scope="module")
def dag(dag_bag):
    return dag_bag.dags["segplan"]


def test_every_dag_file_imports_without_errors(dag_bag):
    assert dag_bag.import_errors == {}
    assert dag_bag.dag_ids == ["segplan"]


def test_one_spark_submit_task_per_stage_then_the_quality_gate_in_a_chain(dag):
    from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

    # Straight from the committed `segplan stages --json` (StagesCommandTest keeps it equal to the specs).
    expected = [spec["name"] for spec in segplan_stages.load_specs()["stages"]]
    assert expected[0] == "ingest" and expected[-1] == "check"
    assert {"features", "segment", "classify", "forecast", "allocate"} <= set(expected)
    assert [stage.command for stage in segplan_stages.STAGES + [segplan_stages.QUALITY_GATE]] == expected
    assert sorted(dag.task_ids) == sorted(expected)
    for upstream, downstream in zip(expected, expected[1:]):
        assert dag.get_task(upstream).downstream_task_ids == {downstream}
        assert dag.get_task(downstream).upstream_task_ids == {upstream}
    assert dag.get_task("ingest").upstream_task_ids == set()
    assert dag.get_task("check").downstream_task_ids == set()
    for task in dag.tasks:
        assert isinstance(task, SparkSubmitOperator)
        assert task._conn_id == "segplan_spark"
        assert task._java_class == "org.segplan.cli.SegplanCli"


def test_tags_retries_back_off_and_timeouts(dag):
    assert set(dag.tags) == {"segplan", "spark", "delta"}
    assert dag.max_active_runs == 1
    assert dag.catchup is False
    for task in dag.tasks:
        assert task.retries == 2
        assert task.retry_exponential_backoff is True
        assert task.retry_delay == timedelta(minutes=2)
        assert task.max_retry_delay == timedelta(minutes=30)
        assert task.execution_timeout is not None and task.execution_timeout <= timedelta(hours=1)
    assert dag.get_task("check").execution_timeout == timedelta(minutes=30)
    assert {task.execution_timeout for task in dag.tasks if task.task_id != "check"} == {timedelta(hours=1)}


def test_each_task_declares_the_delta_tables_it_writes_as_datasets(dag):
    root = LAKEHOUSE.as_uri()
    ingest = {dataset.uri for dataset in dag.get_task("ingest").outlets}
    assert f"{root}/validated_transactions" in ingest
    assert f"{root}/quarantine" in ingest
    assert {dataset.uri for dataset in dag.get_task("segment").outlets} >= {
        f"{root}/customer_segments", f"{root}/segment_profiles", f"{root}/pipeline_runs"}
    assert {dataset.uri for dataset in dag.get_task("check").outlets} == {
        f"{root}/quality_checks", f"{root}/pipeline_runs"}
    # Every task's Datasets are exactly the tables its stage spec writes, plus the run ledger.
    specs = segplan_stages.load_specs()
    for spec in specs["stages"]:
        assert {dataset.uri for dataset in dag.get_task(spec["name"]).outlets} == {
            f"{root}/{table}" for table in [write["table"] for write in spec["writes"]] + [specs["ledger"]]}


def test_arguments_render_the_logical_date_and_the_settings(dag, airflow_db):
    """Params given at trigger time win over Variables (set here through AIRFLOW_VAR_*), which win over defaults."""
    from airflow.utils.context import Context

    task = dag.get_task("features")
    params = {**dag.params.dump(), "config_path": "/etc/segplan/prod.conf"}
    context = Context({"ds": "2025-12-31", "params": params, "var": _variables()})
    arguments = task.render_template(task.application_args, context)
    assert arguments == ["features", "--config", "/etc/segplan/prod.conf", "--run-date", "2025-12-31",
                         "--set", f"segplan.lakehouse.root={LAKEHOUSE}"]
    assert task.render_template(task.application, context) == str(JAR)
    assert task.render_template(task.conf, context)["spark.driver.memory"] == "2g"


def _variables():
    from airflow.utils.context import VariableAccessor

    return {"json": VariableAccessor(deserialize_json=True), "value": VariableAccessor(deserialize_json=False)}
