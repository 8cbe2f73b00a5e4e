"""Checks of a lakehouse written by `segplan run`, through delta-rs (no Spark): every table generically (readable,
rows, run_date and run_id of this run), the ledger against the stages that ran, and the known tables' counts."""
import pyarrow.compute as pc
from deltalake import DeltaTable

from support import RUN_DATE

# Tables the stages on this branch write; stages that land later add tables, which the generic checks cover.
KNOWN_TABLES = {
    "ingest": ["validated_customers", "validated_transactions", "validated_products",
               "validated_distribution_centers", "validated_calendar", "quarantine"],
    "features": ["customer_features", "feature_dictionary"],
    # segment_migrations is written only when an earlier run date exists (these tests use one run date).
    "segment": ["customer_segments", "segment_profiles", "segmentation_model_selection", "segment_centroids",
                "segment_explanations", "segment_explanation_summary"],
    "classify": ["customer_rule_segments", "segment_rule_crosstab", "customer_abc_xyz", "product_abc_xyz",
                 "segment_service_policy", "service_policy_coverage", "service_policy_complexity"],
    "forecast": ["segment_demand_history", "segment_demand_forecast", "forecast_backtest", "forecast_accuracy",
                 "inventory_targets"],
    "allocate": ["demand_zones", "zone_segment_demand", "dc_allocation", "dc_utilization", "allocation_summary",
                 "unmet_demand", "supply_risk"],
    "check": ["quality_checks"],
}
# Tables that are rightly empty: every unit of the sample demand is delivered, and a configuration without rule
# sets (segplan.rules = [], as in conf/s3.conf) has no domain segments.
MAY_BE_EMPTY = {"unmet_demand", "customer_rule_segments", "segment_rule_crosstab"}


def read_all(table_uri: str, storage_options=None):
    return DeltaTable(table_uri, storage_options=storage_options).to_pyarrow_table()


def check_lakehouse(table_names: list, table_uri, stages: list, storage_options=None) -> dict:
    """table_uri(name) -> URI. Returns every table as a pyarrow table, after checking them all."""
    assert "pipeline_runs" in table_names
    for stage in stages:
        for table in KNOWN_TABLES.get(stage, []):
            assert table in table_names, f"stage {stage} ran but table {table} is missing: {table_names}"
    tables = {name: read_all(table_uri(name), storage_options) for name in table_names}

    ledger = tables["pipeline_runs"]
    assert sorted(set(ledger["stage"].to_pylist())) == sorted(stages)
    assert set(ledger["status"].to_pylist()) == {"SUCCEEDED"}, ledger.to_pylist()
    run_ids = set(ledger["run_id"].to_pylist())
    assert len(run_ids) == 1, run_ids

    for name, table in tables.items():
        if name in MAY_BE_EMPTY and table.num_rows == 0:
            continue
        assert table.num_rows > 0, f"{name} is empty"
        assert "run_date" in table.column_names and "run_id" in table.column_names, name
        assert {value.isoformat() for value in table["run_date"].to_pylist()} == {RUN_DATE}, name
        assert set(table["run_id"].to_pylist()) == run_ids, name

    for row in ledger.to_pylist():
        if row["rows_in"] is not None and row["rows_accepted"] is not None:
            assert row["rows_in"] == row["rows_accepted"] + row["rows_quarantined"], row
    if "ingest" in stages:
        ingest = [row for row in ledger.to_pylist() if row["stage"] == "ingest"]
        quarantine = tables["quarantine"]
        for row in ingest:
            validated = tables[f"validated_{row['table_name']}"]
            assert validated.num_rows == row["rows_accepted"], row
            quarantined = pc.sum(pc.equal(quarantine["source_table"], row["table_name"])).as_py() or 0
            assert quarantined == row["rows_quarantined"], row
    if "features" in stages:
        assert tables["customer_features"].num_rows == tables["validated_customers"].num_rows
    if "segment" in stages:
        segments = tables["customer_segments"]
        assert segments.num_rows == tables["validated_customers"].num_rows
        k = set(segments["k"].to_pylist())
        assert len(k) == 1
        assert len(set(segments["segment_id"].to_pylist())) == k.pop() == tables["segment_profiles"].num_rows
    return tables


def rounded(value, digits: int):
    """Floats to `digits` significant digits, inside lists, tuples and dicts too."""
    if isinstance(value, float):
        return float(f"{value:.{digits}g}")
    if isinstance(value, (list, tuple)):
        return type(value)(rounded(item, digits) for item in value)
    if isinstance(value, dict):
        return {key: rounded(item, digits) for key, item in value.items()}
    return value


def sorted_rows(table, drop=(), digits: int = 0):
    """Rows without the dropped columns, in a stable order; floats rounded when digits > 0."""
    rows = [{key: (rounded(value, digits) if digits else value) for key, value in row.items() if key not in drop}
            for row in table.to_pylist()]
    return sorted(rows, key=lambda row: repr(sorted(row.items())))
