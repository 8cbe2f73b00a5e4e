"""Checks of a lakehouse written by `segplan run`, through delta-rs (no Spark): every table generically (readable,
rows, run_date and run_id of this run), the ledger against the stages that ran, and the known tables' counts."""
import math
import sys

import pyarrow.compute as pc
from deltalake import DeltaTable

from support import ROOT, RUN_DATE

sys.path.insert(0, str(ROOT / "airflow" / "dags"))
import segplan_stages  # noqa: E402 - plain Python beside the DAG: the stage specs, no Airflow import

# The tables each stage writes, from the stage specs (airflow/dags/segplan_stages.json, the output of
# `segplan stages --json`), given which write conditions hold here: every input is provided, anonymous order
# lines are quarantined (the default), one run date (so no segment_migrations), no network design. A new
# condition in the specs fails these tests until it is classified here.
CONDITIONS = {
    "when the input is provided": True,
    "when anonymous order lines are kept": False,
    "from the second run date on": False,
    "when network design is asked for": False,
}
_WRITTEN = set(segplan_stages.expected_tables(CONDITIONS))
KNOWN_TABLES = {stage.command: [output.table for output in stage.writes if output.table in _WRITTEN]
                for stage in segplan_stages.ALL_STAGES}
LEDGER_TABLE = segplan_stages.LEDGER_TABLE
# Tables that are rightly empty: those the specs flag may_be_empty (every unit of demand delivered: no
# unmet_demand; no bad rows: no quarantine), and, for this configuration, a configuration without rule sets
# (segplan.rules = [], as in conf/s3.conf) has no domain segments.
RULE_SET_TABLES = {"customer_rule_segments", "segment_rule_crosstab"}
MAY_BE_EMPTY = segplan_stages.may_be_empty() | RULE_SET_TABLES
assert RULE_SET_TABLES <= set(KNOWN_TABLES["classify"]), KNOWN_TABLES["classify"]


def read_all(table_uri: str, storage_options=None):
    return DeltaTable(table_uri, storage_options=storage_options).to_pyarrow_table()


def check_lakehouse(table_names: list, table_uri, stages: list, storage_options=None) -> dict:
    """table_uri(name) -> URI. Returns every table as a pyarrow table, after checking them all."""
    assert LEDGER_TABLE in table_names
    for stage in stages:
        for table in KNOWN_TABLES.get(stage, []):
            assert table in table_names, f"stage {stage} ran but table {table} is missing: {table_names}"
    tables = {name: read_all(table_uri(name), storage_options) for name in table_names}

    ledger = tables[LEDGER_TABLE]
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
    """Rows without the dropped columns, in a stable order; floats rounded when digits > 0 (for the order only:
    compare them with differing_rows, since two values a last bit apart can round to either side of a digit).
    The order goes by the columns without floats first (keys such as customer_id), map entries sorted."""
    rows = [{key: value for key, value in row.items() if key not in drop} for row in table.to_pylist()]
    return sorted(rows, key=lambda row: _order_key(row, digits))


def _order_key(row: dict, digits: int):
    normal = {key: _sorted_map(value) for key, value in row.items()}
    exact = sorted((key, value) for key, value in normal.items() if not _has_float(value))
    inexact = sorted((key, rounded(value, digits) if digits else value) for key, value in normal.items()
                     if _has_float(value))
    return repr(exact), repr(inexact)


def _sorted_map(value):
    return sorted(value, key=repr) if _is_map(value) else value


def _has_float(value) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, (list, tuple)):
        return any(_has_float(item) for item in value)
    if isinstance(value, dict):
        return any(_has_float(item) for item in value.values())
    return False


def close(left, right, rel_tol: float) -> bool:
    """Equal, with floats within rel_tol of each other (inside lists, tuples and dicts too)."""
    if isinstance(left, float) and isinstance(right, float):
        return math.isclose(left, right, rel_tol=rel_tol, abs_tol=rel_tol) or (left != left and right != right)
    if _is_map(left) and _is_map(right):  # a map column, as pyarrow gives it: entry order carries no meaning
        return close(dict(left), dict(right), rel_tol)
    if isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
        return len(left) == len(right) and all(close(a, b, rel_tol) for a, b in zip(left, right))
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(close(left[key], right[key], rel_tol) for key in left)
    return left == right


def _is_map(value) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], str) for entry in value)


def differing_rows(left: list, right: list, rel_tol: float) -> list:
    """The pairs of rows (both in sorted_rows order) that are not close; a row count mismatch is one pair."""
    if len(left) != len(right):
        return [(len(left), len(right))]
    return [(a, b) for a, b in zip(left, right) if not close(a, b, rel_tol)]
