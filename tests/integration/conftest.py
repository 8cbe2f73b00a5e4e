"""Session fixtures: the users' story of outgrowing one machine, as real processes. segplan's generator writes a
small input set first (600 customers, seed 7: planted segments and deliberately bad rows, like data-samples/ but
faster to run; the expected counts are read from the generated files). An S3-compatible server (s3proxy) holds
those inputs and the lakehouse; a Spark standalone cluster (master + two workers) runs
`segplan run` on them with spark-submit; the rerun for the same date runs on one machine (bin/segplan,
conf/s3.conf). Sharing the first run between the cluster and the S3 tests keeps the suite at two pipeline runs.
Both runs meet a fault: a worker is killed with SIGKILL in the middle of a stage of the cluster's run, and the
S3 server is killed and restarted in the middle of the rerun; that the two give the same tables is the check that
neither fault lost or changed anything. Every process is started in its own process group and stopped by that
id, also when a test fails."""
import csv
import gzip
import os
import re
import secrets
import time

import boto3
import pytest
from botocore.config import Config as BotoConfig

from support import (INPUT_FILES, JAR, MODULE_OPTIONS, ROOT, RUN_DATE, RUN_TIMEOUT_S, RUNTIME_LIB,
                     ProcessGroup, application_classpath, free_port, get_json, input_overrides, java_command,
                     run_logged, wait_until)

S3PROXY_JAR = ROOT / "target" / "s3proxy" / "s3proxy-4.1.0-jar-with-dependencies.jar"
BUCKET = "segplan-it"
ACCESS_KEY = "segplan-integration"
WORKERS = 2
CUSTOMERS = 600
SEED = 7


def data_rows(path) -> int:
    """Rows of a generated CSV file (plain or gzip), without the header."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


@pytest.fixture(scope="session")
def inputs(tmp_path_factory):
    """The generated inputs, and the counts the runs must reproduce: the ground truth has one row per valid
    customer, so every other customer row is a planted bad one that the quarantine must catch."""
    folder = tmp_path_factory.mktemp("generated") / "inputs"
    result = run_logged([str(ROOT / "bin" / "segplan"), "generate", "--customers", str(CUSTOMERS), "--seed",
                         str(SEED), "--output", str(folder), "--format", "csv"],
                        folder.parent / "generate.log", {**os.environ, "SEGPLAN_JAVA_OPTS": "-Xmx1g",
                                                         "SPARK_LOCAL_IP": "127.0.0.1"}, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:]
    rows = {file_name: data_rows(folder / file_name) for file_name in INPUT_FILES.values()}
    customers = data_rows(folder / "ground-truth" / "customer_segments_truth.csv")
    assert customers == CUSTOMERS, customers
    assert rows["customers.csv"] > customers, "the generator plants bad customer rows (dirty share)"
    return {"folder": folder, "rows": rows, "customers": customers}


class S3Server:
    """s3proxy as its own process, on a fixed port and data folder, so that a fault test can kill it and start it
    again where clients expect it."""

    def __init__(self, base, properties, group: ProcessGroup):
        self.base, self.properties, self.group = base, properties, group
        self.starts = 0
        self.process = None

    def start(self, client) -> None:
        self.starts += 1
        self.process = self.group.start(
            f"s3proxy-{self.starts}", ["java", "-Xmx384m", "-jar", str(S3PROXY_JAR), "--properties",
                                       str(self.properties)],
            self.base / f"s3proxy-{self.starts}.log", dict(os.environ))
        wait_until(lambda: client.list_buckets() is not None, 90, "s3proxy to answer")

    def kill(self) -> None:
        self.process.kill()


@pytest.fixture(scope="session")
def s3(tmp_path_factory, inputs):
    base = tmp_path_factory.mktemp("s3")
    secret = "sk-" + secrets.token_hex(20)
    endpoint = f"http://127.0.0.1:{free_port()}"
    data_dir = base / "s3-data"
    data_dir.mkdir()
    properties = base / "s3proxy.properties"
    properties.write_text("\n".join([
        f"s3proxy.endpoint={endpoint}",
        "s3proxy.authorization=aws-v2-or-v4",
        f"s3proxy.identity={ACCESS_KEY}",
        f"s3proxy.credential={secret}",
        "jclouds.provider=filesystem",
        f"jclouds.filesystem.basedir={data_dir}",
    ]) + "\n")
    group = ProcessGroup()
    try:
        client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=ACCESS_KEY,
                              aws_secret_access_key=secret, region_name="us-east-1",
                              config=BotoConfig(s3={"addressing_style": "path"}))
        server = S3Server(base, properties, group)
        server.start(client)
        client.create_bucket(Bucket=BUCKET)
        for file_name in INPUT_FILES.values():
            client.upload_file(str(inputs["folder"] / file_name), BUCKET, f"inputs/{file_name}")
        yield {"base": base, "secret": secret, "endpoint": endpoint, "client": client, "data_dir": data_dir,
               "server": server}
    finally:
        group.stop_all()


def object_keys(s3, prefix: str) -> list:
    """Every key under a prefix (all pages)."""
    keys = []
    for page in s3["client"].get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix):
        keys += [item["Key"] for item in page.get("Contents", [])]
    return keys


def ledger_commits(s3, lakehouse: str = "lakehouse") -> int:
    """How many commits the run ledger's Delta log holds: one per stage recorded."""
    return sum(key.endswith(".json") for key in object_keys(s3, f"{lakehouse}/pipeline_runs/_delta_log/"))


def s3_env(s3) -> dict:
    """Credentials from the environment only (conf/s3.conf holds none)."""
    return {**os.environ, "AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": s3["secret"],
            "SEGPLAN_S3_ENDPOINT": s3["endpoint"], "SPARK_LOCAL_IP": "127.0.0.1"}


def s3_run_arguments(s3, command: str, inputs: str, lakehouse: str = "lakehouse", run_date: str = RUN_DATE) -> list:
    return [command, "--config", str(ROOT / "conf" / "s3.conf"), "--run-date", run_date,
            "--set", f"segplan.lakehouse.root=s3a://{BUCKET}/{lakehouse}",
            "--set", f"segplan.spark.settings.\"spark.hadoop.fs.s3a.buffer.dir\"={s3['base'] / 's3a-buffer'}",
            "--set", "segplan.spark.settings.\"spark.ui.enabled\"=false",
            "--set", f"segplan.spark.settings.\"spark.local.dir\"={s3['base'] / 'spark-local'}",
            *input_overrides(inputs)]


def local_command(s3, command: str, inputs: str, lakehouse: str = "lakehouse", run_date: str = RUN_DATE):
    """bin/segplan (local[2]) with conf/s3.conf: the command line and its environment."""
    return ([str(ROOT / "bin" / "segplan"), *s3_run_arguments(s3, command, inputs, lakehouse, run_date)],
            {**s3_env(s3), "SEGPLAN_JAVA_OPTS": "-Xmx2g"})


def run_segplan_locally(s3, command: str, inputs: str, log_name: str, lakehouse: str = "lakehouse",
                        run_date: str = RUN_DATE):
    arguments, env = local_command(s3, command, inputs, lakehouse, run_date)
    return run_logged(arguments, s3["base"] / log_name, env, timeout=RUN_TIMEOUT_S)


def start_segplan_locally(s3, group: ProcessGroup, command: str, inputs: str, log_name: str,
                          lakehouse: str = "lakehouse", run_date: str = RUN_DATE):
    """The same, as a process the test can kill or wait for."""
    arguments, env = local_command(s3, command, inputs, lakehouse, run_date)
    return group.start(log_name, arguments, s3["base"] / log_name, env)


def executor_tasks(work_dir) -> tuple:
    """(tasks started, tasks finished) in the executor logs under a worker's work dir."""
    text = "".join(log.read_text(errors="replace") for log in work_dir.glob("app-*/*/stderr"))
    return (len(re.findall(r"Running task [0-9.]+ in stage", text)),
            len(re.findall(r"Finished task [0-9.]+ in stage", text)))


def kill_worker_mid_stage(s3, worker: dict, survivor: dict, submit) -> dict:
    """Once the ingest stage is recorded in the ledger, SIGKILL the worker (its executor goes with it, same
    process group) the moment one of its tasks is running. Returns what it saw at the kill, or {} when the
    run ended first."""
    while submit.alive() and ledger_commits(s3) == 0:
        time.sleep(0.5)
    while submit.alive():
        started, finished = executor_tasks(worker["work_dir"])
        if started > finished:
            worker["process"].kill()
            return {"tasks_started": started, "tasks_finished": finished, "ledger_commits": ledger_commits(s3),
                    "survivor_tasks_finished": executor_tasks(survivor["work_dir"])[1]}
        time.sleep(0.05)
    return {}


@pytest.fixture(scope="session")
def cluster_run(tmp_path_factory, s3):
    """Starts the cluster, submits `segplan run` reading and writing s3a://, collects the evidence of where the
    executors ran (master and worker JSON, executor logs), then stops the cluster to free the machine."""
    base = tmp_path_factory.mktemp("standalone")
    spark_home = base / "spark-home"
    spark_home.mkdir()
    # Executors are launched by the workers with $SPARK_HOME/jars/* on their classpath.
    (spark_home / "jars").symlink_to(RUNTIME_LIB.resolve(), target_is_directory=True)
    # The workers' environment is the executors' environment: that is where they find the S3 credentials.
    env = {**s3_env(s3), "SPARK_HOME": str(spark_home), "SPARK_SCALA_VERSION": "2.12",
           "SPARK_LOCAL_DIRS": str(base / "local"), "SPARK_CONF_DIR": str(base)}
    classpath = f"{spark_home / 'jars'}/*"
    group = ProcessGroup()
    try:
        master_port, master_ui = free_port(), free_port()
        group.start("master", java_command(
            classpath, "org.apache.spark.deploy.master.Master", "384m",
            "--host", "127.0.0.1", "--port", str(master_port), "--webui-port", str(master_ui)),
            base / "master.log", env)
        master_url = f"spark://127.0.0.1:{master_port}"
        wait_until(lambda: get_json(f"http://127.0.0.1:{master_ui}/json/")["status"] == "ALIVE", 120, "the master")
        workers = []
        for index in range(WORKERS):
            work_dir = base / f"worker-{index}"
            work_dir.mkdir()
            ui_port = free_port()
            process = group.start(f"worker-{index}", java_command(
                classpath, "org.apache.spark.deploy.worker.Worker", "384m",
                "--host", "127.0.0.1", "--port", str(free_port()), "--webui-port", str(ui_port),
                "--cores", "1", "--memory", "1g", "--work-dir", str(work_dir), master_url),
                base / f"worker-{index}.log", env)
            workers.append({"process": process, "ui": ui_port, "work_dir": work_dir})
        wait_until(lambda: sum(worker["state"] == "ALIVE" for worker in
                               get_json(f"http://127.0.0.1:{master_ui}/json/")["workers"]) == WORKERS,
                   120, "both workers to register")

        command = java_command(
            application_classpath(), "org.apache.spark.deploy.SparkSubmit", "1536m",
            "--master", master_url, "--deploy-mode", "client",
            "--class", "org.segplan.cli.SegplanCli",
            "--conf", f"spark.executor.extraJavaOptions={' '.join(MODULE_OPTIONS)}",
            "--conf", "spark.executor.memory=900m",
            "--conf", "spark.executor.cores=1",
            "--conf", f"spark.cores.max={WORKERS}",
            str(JAR), *s3_run_arguments(s3, "run", f"s3a://{BUCKET}/inputs"))
        submit = group.start("spark-submit", command, base / "spark-submit.log", env)
        # The fault: the second worker dies in the middle of a stage; Spark must run its tasks elsewhere.
        killed = kill_worker_mid_stage(s3, workers[-1], workers[0], submit)
        result = submit.wait(RUN_TIMEOUT_S)
        master_state = get_json(f"http://127.0.0.1:{master_ui}/json/")
        worker_states = [get_json(f"http://127.0.0.1:{worker['ui']}/json/") if worker["process"].alive() else None
                         for worker in workers]
        group.stop_all()
        for worker in workers:
            worker["launch_log"] = worker["process"].log_text()
        yield {"base": base, "result": result, "master": master_state, "worker_states": worker_states,
               "workers": workers, "killed": killed}
    finally:
        group.stop_all()
