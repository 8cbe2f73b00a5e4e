"""A real Spark standalone cluster on loopback (conftest.cluster_run): one master and two workers, separate
JVMs from the same runtime jars as bin/segplan, the shaded jar submitted with spark-submit, the whole pipeline
on generated data (uploaded to the S3-compatible server, the lakehouse there too). The tables are read with
delta-rs; the workers' own JSON and their executors' logs show that both workers ran tasks. The second worker is
killed in the middle of a stage (conftest.kill_worker_mid_stage): the run must complete without it."""
import re

from conftest import BUCKET, executor_tasks
from lakehouse_checks import LEDGER_TABLE, check_lakehouse
from test_s3_storage import lakehouse_tables, storage_options, table_uri
from support import stages_run


def test_the_submitted_pipeline_succeeded(cluster_run):
    result = cluster_run["result"]
    assert result.returncode == 0, result.stdout[-4000:]
    assert stages_run(result.stdout)[:3] == ["ingest", "features", "segment"]


def test_every_stage_wrote_its_tables_from_the_cluster(s3, inputs, cluster_run):
    stages = stages_run(cluster_run["result"].stdout)
    tables = check_lakehouse(lakehouse_tables(s3), table_uri, stages, storage_options(s3))
    # The generated data: one valid row per customer of the ground truth, plus planted bad rows.
    assert tables["validated_customers"].num_rows == inputs["customers"]
    assert tables["customer_segments"].num_rows == inputs["customers"]
    assert tables["quarantine"].num_rows > 0
    # Every row of every generated file was read (and then accepted or quarantined, see check_lakehouse).
    ingest = {row["table_name"]: row for row in tables[LEDGER_TABLE].to_pylist() if row["stage"] == "ingest"}
    assert {f"{name}.csv" if name != "transactions" else "transactions.csv.gz": row["rows_in"]
            for name, row in ingest.items()} == inputs["rows"]
    assert s3["client"].list_objects_v2(Bucket=BUCKET, Prefix="lakehouse/customer_segments/")["KeyCount"] > 1


def test_a_worker_killed_in_the_middle_of_a_stage_did_not_stop_the_run(cluster_run):
    """The second worker and its executor were killed with SIGKILL while one of its tasks ran, after the ingest
    stage was recorded; the run still succeeded (the tables are compared with the rerun's in test_s3_storage)."""
    killed = cluster_run["killed"]
    assert killed, "the run ended before a task of the second worker was seen running"
    assert killed["tasks_started"] > killed["tasks_finished"] and killed["ledger_commits"] >= 1, killed
    assert cluster_run["result"].returncode == 0, cluster_run["result"].stdout[-4000:]
    assert not cluster_run["workers"][-1]["process"].alive()
    # The driver saw the executor go and carried on with the other worker's.
    assert re.search(r"Lost executor \d+ on 127\.0\.0\.1", cluster_run["result"].stdout), \
        cluster_run["result"].stdout[-4000:]
    # The surviving worker ran the rest: it finished more tasks after the kill than it had before.
    assert executor_tasks(cluster_run["workers"][0]["work_dir"])[1] > killed["survivor_tasks_finished"], killed
    print(f"killed the second worker at {killed}")


def test_both_workers_ran_executors_for_the_application(cluster_run):
    master = cluster_run["master"]
    applications = [app for app in master["completedapps"] + master["activeapps"] if app["name"] == "segplan"]
    assert len(applications) == 1, master
    application_id = applications[0]["id"]
    tasks_per_worker = []
    for worker, state in zip(cluster_run["workers"], cluster_run["worker_states"]):
        if state is not None:  # the killed worker answers no more; its executor logs are on disk
            executors = [executor for executor in state["finishedexecutors"] + state["executors"]
                         if executor["appid"] == application_id]
            assert executors, f"worker on port {worker['ui']} ran no executor for {application_id}: {state}"
        # Each executor's own log (in the worker's work dir) names the tasks it ran.
        logs = list((worker["work_dir"] / application_id).glob("*/stderr"))
        assert logs, f"no executor log under {worker['work_dir']}"
        tasks_per_worker.append(sum(len(re.findall(r"Finished task [0-9.]+ in stage",
                                                   log.read_text(errors="replace"))) for log in logs))
    assert all(count > 0 for count in tasks_per_worker), tasks_per_worker
    print(f"tasks finished per worker: {tasks_per_worker}")


def test_executors_were_launched_with_the_module_flags(cluster_run):
    # The worker writes each executor's command line at the top of that executor's stderr file.
    commands = []
    for worker in cluster_run["workers"]:
        for log in worker["work_dir"].glob("app-*/*/stderr"):
            text = log.read_text(errors="replace")
            commands += [line for line in text.splitlines() if line.startswith("Spark Executor Command:")]
            assert "InaccessibleObjectException" not in text and "IllegalAccessError" not in text, log
    assert len(commands) >= 2, commands
    assert all("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED" in line for line in commands), commands
