"""Real processes for the integration tests: free loopback ports, processes started in their own process
group (so a worker's executors go down with it) and stopped by that id, and the Java command lines segplan uses."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JAR = ROOT / "target" / "segplan.jar"
RUNTIME_LIB = ROOT / "target" / "runtime-lib"
MODULE_OPTIONS = [line.strip() for line in (ROOT / "conf" / "java-module-options").read_text().splitlines()
                  if line.strip()]
RUN_DATE = "2025-12-31"
# How long a pipeline run may take before it counts as hung. A guard, not a speed target: under `make test` the
# cluster run shares 2 cores with two other lanes, and it was seen to take 15-20 min there (benchmarks time runs).
RUN_TIMEOUT_S = 2700
INPUT_FILES = {
    "customers": "customers.csv",
    "transactions": "transactions.csv.gz",
    "products": "products.csv",
    "distribution-centers": "distribution_centers.csv",
    "calendar": "calendar.csv",
}


def free_port() -> int:
    """A port nobody listens on right now; the OS picks it, so parallel test runs do not collide."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ManagedProcess:
    """A child process in a new session (process group = its pid), its output in a log file."""

    def __init__(self, name: str, command: list, log_path: Path, env: dict, cwd: Path = ROOT):
        self.name = name
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT, env=env,
                                        cwd=cwd, start_new_session=True)

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL to the whole process group at once: the fault tests' crash (no shutdown hook runs)."""
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=60)

    def wait(self, timeout: float) -> subprocess.CompletedProcess:
        """Waits for the process to end (killed whole after the timeout), then gives its exit code and output."""
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"{self.name} did not finish in {timeout} s; log: {self.log_path}")
        finally:
            self.stop()
        return subprocess.CompletedProcess(self.process.args, self.process.returncode, self.log_text(), "")

    def stop(self, grace_seconds: float = 15.0) -> None:
        """SIGTERM to the process group this process leads, SIGKILL if it is still there after the grace."""
        try:
            if self.alive():
                os.killpg(self.pid, signal.SIGTERM)
                try:
                    self.process.wait(timeout=grace_seconds)
                except subprocess.TimeoutExpired:
                    os.killpg(self.pid, signal.SIGKILL)
                    self.process.wait(timeout=grace_seconds)
            # Children (executors) may outlive a leader that exited on its own.
            os.killpg(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        finally:
            self._log.close()


class ProcessGroup:
    """Every process a test starts; stop_all() runs from a finalizer, also when the test fails."""

    def __init__(self):
        self.processes = []

    def start(self, *args, **kwargs) -> ManagedProcess:
        managed = ManagedProcess(*args, **kwargs)
        self.processes.append(managed)
        return managed

    def stop_all(self) -> None:
        for managed in reversed(self.processes):
            managed.stop()


def run_logged(command: list, log_path: Path, env: dict, timeout: float) -> subprocess.CompletedProcess:
    """Runs a command to completion in its own process group (killed whole on timeout); output kept in a file."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
                                   start_new_session=True)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise AssertionError(f"{command[:6]}... did not finish in {timeout} s; log: {log_path}")
        finally:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    return subprocess.CompletedProcess(command, process.returncode, log_path.read_text(errors="replace"), "")


def wait_until(condition, timeout: float, what: str, interval: float = 0.5):
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            result = condition()
            if result:
                return result
        except Exception as error:  # noqa: BLE001 - keep polling until the deadline, then report the last error
            last_error = error
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}; last error: {last_error}")


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read().decode("utf-8"))


def java_command(classpath: str, main_class: str, heap: str, *arguments: str) -> list:
    return ["java", f"-Xmx{heap}", *MODULE_OPTIONS,
            f"-Dlog4j.configurationFile={ROOT / 'conf' / 'log4j2.properties'}",
            "-cp", classpath, main_class, *arguments]


def application_classpath() -> str:
    return f"{RUNTIME_LIB}/*:{JAR}"


def input_overrides(location: str) -> list:
    """--set arguments pointing every input at a folder (local or s3a://) holding the sample file names."""
    arguments = []
    for key, file_name in INPUT_FILES.items():
        arguments += ["--set", f"segplan.inputs.{key}.path={location}/{file_name}"]
    return arguments


def delta_tables(lakehouse: Path) -> list:
    return sorted(child.name for child in lakehouse.iterdir() if (child / "_delta_log").is_dir())


def stages_run(output: str) -> list:
    for line in output.splitlines():
        if line.startswith("Stages run: ["):
            return [name.strip() for name in line[len("Stages run: ["):-1].split(",") if name.strip()]
    raise AssertionError("no 'Stages run:' line in the output:\n" + output[-3000:])
