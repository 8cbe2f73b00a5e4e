"""The driver killed with SIGKILL during a table write, on S3: the ingest stage for the run date is killed the
moment its first data file for that date is stored, in a lakehouse of its own that already holds another run
date. Nothing may be half-written (every table's latest version reads, the other date's rows are as they were),
and the rerun for the killed date must complete with the same rows as the clean run of that date (the cluster's,
conftest.cluster_run), the run id aside (it hashes the configuration, and the lakehouse root differs)."""
import time

from conftest import BUCKET, object_keys, run_segplan_locally, start_segplan_locally
from lakehouse_checks import LEDGER_TABLE, read_all, sorted_rows
from support import RUN_DATE, ProcessGroup
from test_s3_storage import lakehouse_tables, storage_options, table_uri

LAKEHOUSE = "killed-driver-lakehouse"
OTHER_DATE = "2025-11-30"
INPUTS = f"s3a://{BUCKET}/inputs"
# What differs between two lakehouses for the same date and inputs: the run id (and the ledger's timings).
VARIES = ("run_id", "started_at", "duration_seconds")


# And in the ledger, the configuration hash the run id is made of, and the message that quotes timings.
LEDGER_VARIES = (*VARIES, "config_hash", "message")


def rows_of(s3, name: str, run_date: str, lakehouse: str = LAKEHOUSE) -> list:
    table = read_all(table_uri(name, lakehouse), storage_options(s3))
    drop = LEDGER_VARIES if name == LEDGER_TABLE else VARIES
    return [row for row in sorted_rows(table, drop) if row["run_date"].isoformat() == run_date]


def data_files_for(s3, run_date: str) -> list:
    """Data files stored for the run date in the stage's tables (the ledger is written after the stage)."""
    return [key for key in object_keys(s3, f"{LAKEHOUSE}/") if f"/run_date={run_date}/" in key
            and key.endswith(".parquet") and not key.startswith(f"{LAKEHOUSE}/{LEDGER_TABLE}/")]


def test_a_driver_killed_during_a_write_leaves_no_half_written_table_and_the_rerun_completes(s3, cluster_run):
    other = run_segplan_locally(s3, "ingest", INPUTS, "other-date.log", LAKEHOUSE, OTHER_DATE)
    assert other.returncode == 0, other.stdout[-3000:]
    names = lakehouse_tables(s3, LAKEHOUSE)
    assert LEDGER_TABLE in names and len(names) >= 6, names
    other_rows = {name: rows_of(s3, name, OTHER_DATE) for name in names}

    group = ProcessGroup()
    try:
        process = start_segplan_locally(s3, group, "ingest", INPUTS, "killed-driver.log", LAKEHOUSE)
        while process.alive() and not data_files_for(s3, RUN_DATE):
            time.sleep(0.1)
        assert process.alive(), "the stage ended before a data file was seen: " + process.log_text()[-3000:]
        process.kill()
    finally:
        group.stop_all()
    stored_at_kill = data_files_for(s3, RUN_DATE)

    # Every table reads at its latest version; the killed date is not recorded as done; the other date is intact.
    assert lakehouse_tables(s3, LAKEHOUSE) == names
    assert not [row for row in rows_of(s3, LEDGER_TABLE, RUN_DATE) if row["status"] == "SUCCEEDED"]
    for name in names:
        assert rows_of(s3, name, OTHER_DATE) == other_rows[name], name

    rerun = run_segplan_locally(s3, "ingest", INPUTS, "after-killed-driver.log", LAKEHOUSE)
    assert rerun.returncode == 0, rerun.stdout[-3000:]
    assert lakehouse_tables(s3, LAKEHOUSE) == names
    for name in names:
        assert rows_of(s3, name, OTHER_DATE) == other_rows[name], name
        if name != LEDGER_TABLE:
            assert rows_of(s3, name, RUN_DATE) == rows_of(s3, name, RUN_DATE, "lakehouse"), name
    clean = [row for row in rows_of(s3, LEDGER_TABLE, RUN_DATE, "lakehouse") if row["stage"] == "ingest"]
    assert rows_of(s3, LEDGER_TABLE, RUN_DATE) == clean
    print(f"killed the driver with {len(stored_at_kill)} data file(s) of {RUN_DATE} stored")
