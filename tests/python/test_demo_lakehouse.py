"""Runs the demo job twice for the same run date and reads its Delta tables with delta-rs, a reader
that shares no code with Spark: the tables must be readable, reconciled, and identical after the rerun."""
import os
import subprocess
from pathlib import Path

import pyarrow.compute as pc
import pytest
from deltalake import DeltaTable

ROOT = Path(__file__).resolve().parents[2]
RESULT_TABLES = [
    "validated_customers", "validated_products", "validated_distribution_centers", "validated_calendar",
    "validated_transactions", "quarantine", "customer_features", "feature_dictionary", "customer_segments",
    "segmentation_model_selection", "segment_profiles", "segment_centroids", "segment_explanations",
    "segment_explanation_summary",
    "customer_rule_segments", "segment_rule_crosstab", "customer_abc_xyz", "product_abc_xyz",
    "segment_service_policy", "service_policy_coverage", "service_policy_complexity",
    "segment_demand_history", "segment_demand_forecast", "forecast_backtest", "forecast_accuracy",
    "inventory_targets",
    "demand_zones", "zone_segment_demand", "dc_allocation", "dc_utilization", "allocation_summary", "supply_risk",
    "quality_checks",
]


def run_demo(lakehouse: Path) -> str:
    result = subprocess.run(
        [str(ROOT / "bin" / "segplan"), "run", "--config", "conf/local.conf",
         "--set", f"segplan.lakehouse.root={lakehouse}"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
        env={**os.environ, "SEGPLAN_JAVA_OPTS": "-Xmx3g"})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def sorted_rows(lakehouse: Path, table: str):
    data = DeltaTable(str(lakehouse / table)).to_pyarrow_table()
    rows = data.to_pylist()
    return sorted(rows, key=lambda row: repr(sorted(row.items())))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    lakehouse = tmp_path_factory.mktemp("demo") / "lakehouse"
    first_output = run_demo(lakehouse)
    first = {table: sorted_rows(lakehouse, table) for table in RESULT_TABLES}
    run_demo(lakehouse)
    return lakehouse, first_output, first


def test_every_table_is_readable_without_spark(demo):
    lakehouse, _, first = demo
    for table in RESULT_TABLES + ["pipeline_runs"]:
        assert (lakehouse / table / "_delta_log").is_dir(), table
    assert len(first["customer_segments"]) == len(first["validated_customers"]) > 4000
    assert {row["run_date"].isoformat() for row in first["customer_segments"]} == {"2025-12-31"}


def test_rerun_for_the_same_date_leaves_the_same_tables(demo):
    lakehouse, _, first = demo
    for table in RESULT_TABLES:
        assert sorted_rows(lakehouse, table) == first[table], table


def test_counts_reconcile_in_the_ledger(demo):
    lakehouse, _, _ = demo
    ledger = DeltaTable(str(lakehouse / "pipeline_runs")).to_pyarrow_table()
    ingest = ledger.filter(pc.equal(ledger["stage"], "ingest")).to_pylist()
    assert {row["table_name"] for row in ingest} == {
        "customers", "products", "distribution_centers", "calendar", "transactions"}
    quarantine = DeltaTable(str(lakehouse / "quarantine")).to_pyarrow_table().to_pylist()
    for row in ingest:
        assert row["status"] == "SUCCEEDED"
        assert row["rows_in"] == row["rows_accepted"] + row["rows_quarantined"], row
        quarantined = sum(1 for bad in quarantine if bad["source_table"] == row["table_name"])
        assert quarantined == row["rows_quarantined"], row["table_name"]
    assert len(ledger) == 19, "a rerun updates the ledger rows of its run id instead of adding more"


def test_quarantine_explains_every_rejected_row(demo):
    lakehouse, output, first = demo
    reasons = {row["reason_code"] for row in first["quarantine"]}
    assert {"DUPLICATE_KEY", "UNKNOWN_PRODUCT", "AFTER_RUN_DATE", "MISSING_ID"} <= reasons
    assert all(row["raw_record"] and row["reason_detail"] for row in first["quarantine"])
    assert "Stages run: [ingest, features, segment, classify, forecast, allocate, check]" in output


def test_planning_tables_agree_with_each_other(demo):
    """Read without Spark: one policy per segment, ordered intervals, capacity kept, zone demand fully served."""
    _, _, first = demo
    segments = {row["segment_id"] for row in first["customer_segments"]}
    assert sorted(row["segment_id"] for row in first["segment_service_policy"]) == sorted(segments)
    assert all(0 < row["target_service_level"] < 1 for row in first["segment_service_policy"])
    forecasts = first["segment_demand_forecast"]
    assert forecasts and all(
        row["lower_95"] <= row["lower_80"] <= row["forecast_units"] <= row["upper_80"] <= row["upper_95"]
        for row in forecasts)
    assert all(row["safety_stock_units"] >= 0 for row in first["inventory_targets"])
    assert all(row["utilization"] <= 1 + 1e-6 for row in first["dc_utilization"])
    demand, served = {}, {}
    for row in first["zone_segment_demand"]:
        key = (row["zone_id"], row["segment_id"], row["period_start"])
        demand[key] = demand.get(key, 0.0) + row["demand_units"]
    for row in first["dc_allocation"]:
        key = (row["zone_id"], row["segment_id"], row["period_start"])
        served[key] = served.get(key, 0.0) + row["units"]
    assert demand and all(abs(served.get(key, 0.0) - units) <= 1e-6 * max(1.0, units) for key, units in demand.items())
    assert all(row["status"] == "passed" for row in first["quality_checks"] if row["level"] == "error")
