"""The segplan stages the Airflow DAG runs, in pipeline order, read from the stage specs.

The list is not typed here: `segplan_stages.json` beside this file is the output of `segplan stages --json` (the
stage specs in the Java code: every stage of `segplan run` in order, with the tables it reads and writes, and the
run ledger). `make stages-json` regenerates it, and a Java test (StagesCommandTest) fails when it is out of date,
so adding a stage to the pipeline adds its task here. What stays in Python is what only Airflow needs: how long
a task may take. Plain Python (json and dataclasses), no Airflow import and no Java at parse time, so the list
can be read and tested on its own, also by the test suites that derive their table lists from it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

SPECS_FILE = Path(__file__).resolve().with_name("segplan_stages.json")
# The stage that checks the run date's tables and ledger: the DAG's last task, which fails the DAG run on an
# error-level check.
QUALITY_GATE_COMMAND = "check"
DEFAULT_TIMEOUT = timedelta(hours=1)
TIMEOUTS = {QUALITY_GATE_COMMAND: timedelta(minutes=30)}


@dataclass(frozen=True)
class Output:
    """A Delta table a stage writes. A non-empty condition: written only when it holds (e.g. "from the second run
    date on"); may_be_empty: written, but rightly without rows for some inputs."""

    table: str
    condition: str = ""
    may_be_empty: bool = False


@dataclass(frozen=True)
class Stage:
    """One `segplan <command>` invocation: a task of the DAG."""

    command: str
    writes: tuple[Output, ...]
    reads: tuple[str, ...] = ()
    timeout: timedelta = DEFAULT_TIMEOUT

    @property
    def outputs(self) -> tuple[str, ...]:
        """Every table the stage may write (the task's Airflow Datasets)."""
        return tuple(output.table for output in self.writes)


def load_specs(path: Path = SPECS_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _stage(spec: dict) -> Stage:
    return Stage(
        command=spec["name"],
        writes=tuple(Output(write["table"], write["condition"], write["may_be_empty"]) for write in spec["writes"]),
        reads=tuple(read["table"] for read in spec["reads"]),
        timeout=TIMEOUTS.get(spec["name"], DEFAULT_TIMEOUT),
    )


_SPECS = load_specs()
ALL_STAGES = [_stage(spec) for spec in _SPECS["stages"]]
if not ALL_STAGES or ALL_STAGES[-1].command != QUALITY_GATE_COMMAND:
    raise ValueError(f"{SPECS_FILE.name}: the last stage must be '{QUALITY_GATE_COMMAND}', the quality gate; "
                     f"got {[stage.command for stage in ALL_STAGES]}")
STAGES = ALL_STAGES[:-1]
QUALITY_GATE = ALL_STAGES[-1]
# Every stage also records itself in the run ledger.
LEDGER_TABLE = _SPECS["ledger"]


def expected_tables(conditions: dict) -> list:
    """The tables a run writes, in stage order, given which write conditions hold in it ({condition: bool}).
    A condition the caller does not know raises, so a new conditional table is classified, never skipped."""
    unknown = sorted({output.condition for stage in ALL_STAGES for output in stage.writes
                      if output.condition and output.condition not in conditions})
    if unknown:
        raise KeyError(f"write conditions in {SPECS_FILE.name} not classified for this run: {unknown}")
    return [output.table for stage in ALL_STAGES for output in stage.writes
            if not output.condition or conditions[output.condition]]


def may_be_empty() -> set:
    """Tables always written that may rightly have no rows. A conditional table whose condition holds is
    expected to have rows."""
    return {output.table for stage in ALL_STAGES for output in stage.writes
            if output.may_be_empty and not output.condition}


def conditional_tables() -> dict:
    """{table: condition} for the tables written only under a condition."""
    return {output.table: output.condition for stage in ALL_STAGES for output in stage.writes if output.condition}
