"""Object storage for real: s3proxy (an S3-compatible server that checks SigV4 signatures) as a separate process on
a free loopback port, the sample inputs uploaded to a bucket with boto3, `segplan run --config conf/s3.conf` reading
s3a:// and writing every Delta table to s3a://, twice for the same run date. delta-rs reads the tables over S3;
a Spark program reads earlier versions with VERSION AS OF. The secret key must appear nowhere: not in any output,
log file, table value or stored object."""
import os
import secrets
from pathlib import Path

import boto3
import pytest
from botocore.config import Config as BotoConfig

from lakehouse_checks import check_lakehouse, read_all, sorted_rows
from support import (INPUT_FILES, ROOT, RUN_DATE, RUNTIME_LIB, ProcessGroup, free_port, input_overrides,
                     java_command, run_logged, stages_run, wait_until)

S3PROXY_JAR = ROOT / "target" / "s3proxy" / "s3proxy-4.1.0-jar-with-dependencies.jar"
BUCKET = "segplan-it"
ACCESS_KEY = "segplan-integration"
# Columns of pipeline_runs that a rerun legitimately changes.
RERUN_VARIES = ("started_at", "duration_seconds")


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    base = tmp_path_factory.mktemp("s3")
    secret = "sk-" + secrets.token_hex(20)
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
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
        group.start("s3proxy", ["java", "-Xmx512m", "-jar", str(S3PROXY_JAR), "--properties", str(properties)],
                    base / "s3proxy.log", dict(os.environ))
        client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=ACCESS_KEY,
                              aws_secret_access_key=secret, region_name="us-east-1",
                              config=BotoConfig(s3={"addressing_style": "path"}))
        wait_until(lambda: client.list_buckets() is not None, 60, "s3proxy to answer")
        client.create_bucket(Bucket=BUCKET)
        for file_name in INPUT_FILES.values():
            client.upload_file(str(ROOT / "data-samples" / file_name), BUCKET, f"inputs/{file_name}")
        yield {"base": base, "secret": secret, "endpoint": endpoint, "client": client, "data_dir": data_dir,
               "group": group}
    finally:
        group.stop_all()


def segplan_env(s3) -> dict:
    return {**os.environ, "AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": s3["secret"],
            "SEGPLAN_S3_ENDPOINT": s3["endpoint"], "SEGPLAN_JAVA_OPTS": "-Xmx2g"}


def segplan_s3_command(s3, command: str, inputs: str) -> list:
    return [str(ROOT / "bin" / "segplan"), command, "--config", str(ROOT / "conf" / "s3.conf"),
            "--run-date", RUN_DATE,
            "--set", f"segplan.lakehouse.root=s3a://{BUCKET}/lakehouse",
            "--set", f"segplan.spark.settings.\"spark.hadoop.fs.s3a.buffer.dir\"={s3['base'] / 's3a-buffer'}",
            "--set", "segplan.spark.settings.\"spark.ui.enabled\"=false",
            "--set", f"segplan.spark.settings.\"spark.local.dir\"={s3['base'] / 'spark-local'}",
            *input_overrides(inputs)]


def storage_options(s3) -> dict:
    return {"AWS_ENDPOINT_URL": s3["endpoint"], "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": s3["secret"], "AWS_REGION": "us-east-1", "AWS_ALLOW_HTTP": "true",
            "AWS_S3_ALLOW_UNSAFE_RENAME": "true"}


def lakehouse_tables(s3) -> list:
    listing = s3["client"].list_objects_v2(Bucket=BUCKET, Prefix="lakehouse/", Delimiter="/")
    names = [prefix["Prefix"].split("/")[1] for prefix in listing.get("CommonPrefixes", [])]
    return sorted(name for name in names if s3["client"].list_objects_v2(
        Bucket=BUCKET, Prefix=f"lakehouse/{name}/_delta_log/", MaxKeys=1).get("KeyCount", 0) > 0)


def table_uri(name: str) -> str:
    return f"s3://{BUCKET}/lakehouse/{name}"


@pytest.fixture(scope="module")
def runs(s3):
    from deltalake import DeltaTable
    base = s3["base"]
    first = run_logged(segplan_s3_command(s3, "run", f"s3a://{BUCKET}/inputs"), base / "run-1.log",
                       segplan_env(s3), timeout=900)
    assert first.returncode == 0, first.stdout[-4000:]
    names = lakehouse_tables(s3)
    options = storage_options(s3)
    first_versions = {name: DeltaTable(table_uri(name), storage_options=options).version() for name in names}
    first_rows = {name: sorted_rows(read_all(table_uri(name), options), RERUN_VARIES) for name in names}
    second = run_logged(segplan_s3_command(s3, "run", f"s3a://{BUCKET}/inputs"), base / "run-2.log",
                        segplan_env(s3), timeout=900)
    assert second.returncode == 0, second.stdout[-4000:]
    return {"first": first, "second": second, "names": names, "first_versions": first_versions,
            "first_rows": first_rows}


def test_every_table_is_on_s3_and_checks_out(s3, runs):
    stages = stages_run(runs["second"].stdout)
    assert stages[:3] == ["ingest", "features", "segment"]
    tables = check_lakehouse(runs["names"], table_uri, stages, storage_options(s3))
    assert tables["validated_customers"].num_rows == 5000
    assert s3["client"].list_objects_v2(Bucket=BUCKET, Prefix="lakehouse/customer_segments/")["KeyCount"] > 1


def test_rerun_for_the_same_date_gives_the_same_tables(s3, runs):
    options = storage_options(s3)
    assert lakehouse_tables(s3) == runs["names"]
    for name in runs["names"]:
        assert sorted_rows(read_all(table_uri(name), options), RERUN_VARIES) == runs["first_rows"][name], name


def test_time_travel_over_s3_reads_the_first_run(s3, runs):
    """VERSION AS OF each table's version after the first run, read by Spark over s3a://, equals the rerun."""
    arguments = [f"s3a://{BUCKET}/lakehouse/{name}={version}" for name, version in runs["first_versions"].items()]
    classpath = f"{RUNTIME_LIB}/*:{ROOT / 'target' / 'segplan.jar'}:{ROOT / 'target' / 'test-classes'}"
    command = java_command(classpath, "org.segplan.tools.DeltaVersionDiff", "1g", ",".join(RERUN_VARIES),
                           *arguments)
    command[2:2] = [f"-Dspark.hadoop.fs.s3a.endpoint={s3['endpoint']}",
                    "-Dspark.hadoop.fs.s3a.path.style.access=true",
                    "-Dspark.hadoop.fs.s3a.connection.ssl.enabled=false",
                    "-Dspark.hadoop.fs.s3a.aws.credentials.provider="
                    "com.amazonaws.auth.EnvironmentVariableCredentialsProvider",
                    f"-Dspark.hadoop.fs.s3a.buffer.dir={s3['base'] / 's3a-buffer'}",
                    f"-Dspark.local.dir={s3['base'] / 'spark-local'}",
                    "-Dspark.databricks.delta.snapshotPartitions=2"]
    result = run_logged(command, s3["base"] / "time-travel.log", segplan_env(s3), timeout=600)
    assert result.returncode == 0, result.stdout[-4000:]
    import json
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{\"table\"")]
    assert len(lines) == len(runs["names"])
    rerun_changed_version = 0
    for line in lines:
        name = line["table"].rsplit("/", 1)[1]
        assert line["version_rows"] == len(runs["first_rows"][name]) == line["current_rows"], line
        assert line["only_in_version"] == 0 and line["only_in_current"] == 0, line
    for name, version in runs["first_versions"].items():
        from deltalake import DeltaTable
        current = DeltaTable(table_uri(name), storage_options=storage_options(s3)).version()
        rerun_changed_version += current > version
    # The rerun committed new versions (it rewrote the run date), so the reads above really travelled in time.
    assert rerun_changed_version == len(runs["names"])


def test_a_failing_run_names_the_problem_without_the_secret(s3, runs):
    result = run_logged(segplan_s3_command(s3, "ingest", f"s3a://{BUCKET}/no-such-folder"),
                        s3["base"] / "run-missing-input.log", segplan_env(s3), timeout=600)
    assert result.returncode == 3, result.stdout[-3000:]
    assert "MISSING_INPUT" in result.stdout
    assert s3["secret"] not in result.stdout


def test_the_secret_key_appears_nowhere(s3, runs):
    secret = s3["secret"]
    # Every log the runs and the server wrote (the server's properties file is its configuration, not a log).
    logs = [path for path in Path(s3["base"]).rglob("*") if path.is_file() and path.suffix == ".log"]
    assert len(logs) >= 3
    for path in logs:
        assert secret not in path.read_text(errors="replace"), path
    # Every stored object, byte for byte: Parquet data, Delta logs and checkpoints, the fitted model.
    stored = [path for path in Path(s3["data_dir"]).rglob("*") if path.is_file()]
    assert len(stored) > 50
    for path in stored:
        assert secret.encode() not in path.read_bytes(), path
    # Every value of every table, decoded.
    options = storage_options(s3)
    for name in runs["names"]:
        for row in read_all(table_uri(name), options).to_pylist():
            assert secret not in repr(row), name
