"""The segplan stages the Airflow DAG runs, in pipeline order.

Adding a stage to the DAG is one more line in STAGES: its `segplan` subcommand, the Delta tables it writes
(they become the task's Airflow Datasets) and how long it may take. Plain Python, no Airflow import, so the
list can be read and tested on its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

INPUTS = ("customers", "products", "distribution_centers", "calendar", "transactions")


@dataclass(frozen=True)
class Stage:
    """One `segplan <command>` invocation: a task of the DAG."""

    command: str
    outputs: tuple[str, ...]
    timeout: timedelta = timedelta(hours=1)


STAGES = [
    Stage("ingest", tuple(f"validated_{name}" for name in INPUTS) + ("quarantine",)),
    Stage("features", ("customer_features", "feature_dictionary")),
    Stage("segment", ("customer_segments", "segment_profiles", "segmentation_model_selection",
                      "segment_centroids", "segment_migrations", "segment_explanations",
                      "segment_explanation_summary")),
    Stage("classify", ("customer_rule_segments", "segment_rule_crosstab", "customer_abc_xyz", "product_abc_xyz",
                       "segment_service_policy", "service_policy_complexity", "service_policy_coverage")),
    Stage("forecast", ("segment_demand_history", "segment_demand_forecast", "forecast_backtest",
                       "forecast_accuracy", "inventory_targets")),
    Stage("allocate", ("demand_zones", "zone_segment_demand", "dc_allocation", "dc_utilization",
                       "allocation_summary", "supply_risk", "unmet_demand")),
]

# The last task: checks the run date's tables and ledger, fails the DAG run on an error-level check.
QUALITY_GATE = Stage("check", ("quality_checks",), timeout=timedelta(minutes=30))

# Every stage also records itself in the run ledger.
LEDGER_TABLE = "pipeline_runs"
