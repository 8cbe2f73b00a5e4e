"""A real Spark standalone cluster on loopback: one master and two workers (separate JVMs, from the same runtime
jars as bin/segplan), the shaded jar submitted with spark-submit, the whole pipeline on the sample data. The tables
are read with delta-rs; the workers' own JSON and their executors' logs show that both workers ran tasks."""
import os
import re

import pytest

from lakehouse_checks import check_lakehouse
from support import (JAR, MODULE_OPTIONS, ROOT, RUN_DATE, RUNTIME_LIB, ProcessGroup, application_classpath,
                     delta_tables, free_port, get_json, input_overrides, java_command, run_logged, stages_run,
                     wait_until)

WORKERS = 2
WORKER_MEMORY = "1g"
EXECUTOR_MEMORY = "900m"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    base = tmp_path_factory.mktemp("standalone")
    # Executors are launched by the workers with $SPARK_HOME/jars/* on their classpath.
    spark_home = base / "spark-home"
    spark_home.mkdir()
    (spark_home / "jars").symlink_to(RUNTIME_LIB.resolve(), target_is_directory=True)
    env = {**os.environ, "SPARK_HOME": str(spark_home), "SPARK_SCALA_VERSION": "2.12",
           "SPARK_LOCAL_IP": "127.0.0.1", "SPARK_LOCAL_DIRS": str(base / "local"), "SPARK_CONF_DIR": str(base)}
    classpath = f"{spark_home / 'jars'}/*"
    group = ProcessGroup()
    try:
        master_port, master_ui = free_port(), free_port()
        master = group.start("master", java_command(
            classpath, "org.apache.spark.deploy.master.Master", "512m",
            "--host", "127.0.0.1", "--port", str(master_port), "--webui-port", str(master_ui)),
            base / "master.log", env)
        master_url = f"spark://127.0.0.1:{master_port}"
        wait_until(lambda: get_json(f"http://127.0.0.1:{master_ui}/json/")["status"] == "ALIVE", 90, "the master")
        workers = []
        for index in range(WORKERS):
            work_dir = base / f"worker-{index}"
            work_dir.mkdir()
            ui_port = free_port()
            process = group.start(f"worker-{index}", java_command(
                classpath, "org.apache.spark.deploy.worker.Worker", "512m",
                "--host", "127.0.0.1", "--port", str(free_port()), "--webui-port", str(ui_port),
                "--cores", "1", "--memory", WORKER_MEMORY, "--work-dir", str(work_dir), master_url),
                base / f"worker-{index}.log", env)
            workers.append({"process": process, "ui": ui_port, "work_dir": work_dir})
        wait_until(lambda: sum(worker["state"] == "ALIVE" for worker in
                               get_json(f"http://127.0.0.1:{master_ui}/json/")["workers"]) == WORKERS,
                   90, "both workers to register")
        yield {"base": base, "env": env, "master_url": master_url, "master_ui": master_ui, "workers": workers,
               "group": group}
    finally:
        group.stop_all()


@pytest.fixture(scope="module")
def submitted(cluster):
    base = cluster["base"]
    lakehouse = base / "lakehouse"
    executor_options = " ".join(MODULE_OPTIONS)
    command = java_command(
        application_classpath(), "org.apache.spark.deploy.SparkSubmit", "1536m",
        "--master", cluster["master_url"], "--deploy-mode", "client",
        "--class", "org.segplan.cli.SegplanCli",
        "--conf", f"spark.executor.extraJavaOptions={executor_options}",
        "--conf", f"spark.executor.memory={EXECUTOR_MEMORY}",
        "--conf", "spark.executor.cores=1",
        "--conf", f"spark.cores.max={WORKERS}",
        "--conf", f"spark.local.dir={base / 'driver-local'}",
        str(JAR), "run", "--config", str(ROOT / "conf" / "local.conf"), "--run-date", RUN_DATE,
        "--set", f"segplan.lakehouse.root={lakehouse}", *input_overrides(str(ROOT / "data-samples")))
    result = run_logged(command, base / "spark-submit.log", cluster["env"], timeout=420)
    assert result.returncode == 0, result.stdout[-4000:]
    return {"lakehouse": lakehouse, "output": result.stdout}


def test_every_stage_wrote_its_tables_on_the_cluster(submitted):
    stages = stages_run(submitted["output"])
    assert stages[:3] == ["ingest", "features", "segment"]
    lakehouse = submitted["lakehouse"]
    tables = check_lakehouse(delta_tables(lakehouse), lambda name: str(lakehouse / name), stages)
    # The sample data: 5,010 customer rows of which 10 are deliberately bad (see data-samples/README.md).
    assert tables["validated_customers"].num_rows == 5000
    assert tables["customer_segments"].num_rows == 5000


def test_both_workers_ran_executors_for_the_application(cluster, submitted):
    master = get_json(f"http://127.0.0.1:{cluster['master_ui']}/json/")
    applications = [app for app in master["completedapps"] + master["activeapps"] if app["name"] == "segplan"]
    assert len(applications) == 1, master
    application_id = applications[0]["id"]
    tasks_per_worker = []
    for worker in cluster["workers"]:
        state = get_json(f"http://127.0.0.1:{worker['ui']}/json/")
        executors = [executor for executor in state["finishedexecutors"] + state["executors"]
                     if executor["appid"] == application_id]
        assert executors, f"worker on port {worker['ui']} ran no executor for {application_id}: {state}"
        # Each executor's own log (in the worker's work dir) names the tasks it ran.
        logs = list((worker["work_dir"] / application_id).glob("*/stderr"))
        assert logs, f"no executor log under {worker['work_dir']}"
        finished = sum(len(re.findall(r"Finished task [0-9.]+ in stage", log.read_text(errors="replace")))
                       for log in logs)
        tasks_per_worker.append(finished)
    assert all(count > 0 for count in tasks_per_worker), tasks_per_worker
    print(f"tasks finished per worker: {tasks_per_worker}")


def test_driver_and_executors_had_the_module_flags(cluster, submitted):
    for worker in cluster["workers"]:
        for log in (worker["work_dir"]).glob("app-*/*/stderr"):
            text = log.read_text(errors="replace")
            assert "DirectBuffer" not in text and "InaccessibleObjectException" not in text, log
    launch_commands = [line for worker in cluster["workers"] for line in worker["process"].log_text().splitlines()
                       if "Launch command" in line]
    assert launch_commands and all("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED" in line
                                   for line in launch_commands), launch_commands
