"""The segplan DAG run for real: every task through spark-submit (local[2]) on the sample data, twice for the same
logical date, read back with delta-rs (no Spark)."""
from datetime import datetime, timezone

import pyarrow.compute as pc
from conftest import LAKEHOUSE
from deltalake import DeltaTable

import segplan_stages

RUN_DATE = "2025-12-31"
# Written on every run date (segment_migrations only from the second run date on).
TABLES = [table for stage in segplan_stages.STAGES + [segplan_stages.QUALITY_GATE] for table in stage.outputs
          if table != "segment_migrations"]
# Rightly empty on the sample data: every unit of demand is delivered.
MAY_BE_EMPTY = {"unmet_demand"}
# What a rerun may change in the ledger: when it ran and how long it took.
LEDGER_TIMES = {"started_at", "duration_seconds"}


def test_the_dag_writes_every_table_for_its_logical_date(dag_runs):
    first, _ = dag_runs
    for table in TABLES:
        assert (LAKEHOUSE / table / "_delta_log").is_dir(), table
        if table in MAY_BE_EMPTY and not first[table]:
            continue
        assert first[table], f"{table} has no rows for {RUN_DATE}"
        assert {row["run_date"].isoformat() for row in first[table]} == {RUN_DATE}, table
    assert len(first["customer_segments"]) == len(first["validated_customers"]) > 4000


def test_every_task_succeeded_and_the_quality_gate_passed(dag_runs):
    ledger = DeltaTable(str(LAKEHOUSE / "pipeline_runs")).to_pyarrow_table().to_pylist()
    assert {row["stage"] for row in ledger} == {stage.command for stage in segplan_stages.STAGES} | {"check"}
    assert {row["status"] for row in ledger} == {"SUCCEEDED"}
    checks = DeltaTable(str(LAKEHOUSE / "quality_checks")).to_pyarrow_table()
    errors = checks.filter(pc.equal(checks["level"], "error")).to_pylist()
    assert len(errors) >= 20
    assert all(row["status"] == "passed" for row in errors), [row for row in errors if row["status"] != "passed"]
    assert {row["check"] for row in errors} >= {"stage_succeeded", "rows_in_equal_accepted_plus_quarantined",
                                                "every_customer_covered", "segment_count_in_range"}


def test_running_the_dag_twice_for_the_same_date_leaves_the_same_tables(dag_runs):
    first, second = dag_runs
    for table in TABLES:
        assert second[table] == first[table], table
    assert second["pipeline_runs"] == first["pipeline_runs"]
    assert len(first["pipeline_runs"]) == 19, ("5 inputs + features + segment + 7 classify tables + forecast"
                                               " + 3 allocate tables + check rows, upserted by the rerun")


def snapshot() -> dict:
    tables = {}
    for table in TABLES + ["pipeline_runs"]:
        rows = DeltaTable(str(LAKEHOUSE / table)).to_pyarrow_table().to_pylist()
        if table == "pipeline_runs":
            rows = [{key: value for key, value in row.items() if key not in LEDGER_TIMES} for row in rows]
        tables[table] = sorted(rows, key=lambda row: repr(sorted(row.items())))
    return tables


def run_dag(dag, config) -> None:
    from airflow.utils.state import DagRunState

    run = dag.test(execution_date=datetime(2025, 12, 31, tzinfo=timezone.utc),
                   run_conf={"config_path": str(config)})
    failed = [ti.task_id for ti in run.get_task_instances() if ti.state != "success"]
    assert run.state == DagRunState.SUCCESS, f"tasks not successful: {failed}"
