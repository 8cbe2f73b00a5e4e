"""Turns bench/out/scale-*/results.jsonl (written by bench/run_all.sh) into a printed table and the
"Scale steps" section of bench/RESULTS.md (the rest of the file is kept). Usage: report.py STEP [STEP ...]"""
import json
import os
import platform
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BEGIN = "<!-- scale steps: written by bench/run_all.sh; do not edit by hand -->"
END = "<!-- end of scale steps -->"
STAGES = ["ingest", "features", "segment", "classify", "forecast", "allocate", "check"]
ORDER = ["generate", "ingest", "features", "floor", "duckdb-features", "segment", "sklearn-kmeans", "classify",
         "forecast", "forecast-engine", "autoets", "allocate", "check"]
PIPELINE_TARGET_SECONDS = 600


def machine() -> str:
    memory_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    load = os.getloadavg()
    return (f"{os.cpu_count()} cores, {memory_kb / 1024 / 1024:.1f} GiB memory, {platform.system()} "
            f"{platform.release()}, {java}, Python {platform.python_version()}; load average at the end "
            f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min)")


def load(step: str) -> list:
    path = ROOT / "bench" / "out" / f"scale-{step}" / "results.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return sorted(rows, key=lambda row: ORDER.index(row["name"]) if row["name"] in ORDER else len(ORDER))


def rate(row) -> str:
    seconds = row["inner_seconds"] or row["wall_seconds"]
    return f"{row['rows'] / seconds:,.0f}" if row["rows"] and seconds else ""


def table(steps: list) -> str:
    by_step = {step: {row["name"]: row for row in load(step)} for step in steps}
    names = [name for name in ORDER if any(name in rows for rows in by_step.values())]
    lines = ["| step (customers) | what | kind | process wall s | measured s | rows | rows / s | peak RSS MiB | note |",
             "|---:|---|---|---:|---:|---:|---:|---:|---|"]
    for step in steps:
        for name in names:
            row = by_step[step].get(name)
            if row:
                lines.append(f"| {int(step):,} | {name} | {row['kind']} | {row['wall_seconds']:.1f} | "
                             f"{row['inner_seconds']:.1f} | {row['rows']:,} | {rate(row)} | {row['peak_rss_mb']:,} | "
                             f"{row['note']} |")
    if len(steps) > 1:
        small, large = by_step[steps[0]], by_step[steps[-1]]
        lines += ["", f"Growth from {int(steps[0]):,} to {int(steps[-1]):,} customers (large / small):", "",
                  "| what | rows | measured time | peak RSS |", "|---|---:|---:|---:|"]
        for name in names:
            if name in small and name in large and small[name]["rows"] and small[name]["inner_seconds"]:
                lines.append(f"| {name} | {large[name]['rows'] / small[name]['rows']:.1f}x | "
                             f"{large[name]['inner_seconds'] / small[name]['inner_seconds']:.1f}x | "
                             f"{large[name]['peak_rss_mb'] / small[name]['peak_rss_mb']:.1f}x |")
    comparisons = []
    for step in steps:
        rows = by_step[step]
        if "features" in rows and "floor" in rows:
            comparisons.append(f"- {int(step):,}: feature stage / Spark floor = "
                               f"{rows['features']['inner_seconds'] / rows['floor']['inner_seconds']:.1f}x; "
                               f"feature stage / DuckDB same features = "
                               f"{rows['features']['inner_seconds'] / max(rows['duckdb-features']['inner_seconds'], 0.01):.1f}x"
                               if "duckdb-features" in rows else "")
        if "segment" in rows and "sklearn-kmeans" in rows:
            comparisons.append(f"- {int(step):,}: segment stage / scikit-learn k-means = "
                               f"{rows['segment']['inner_seconds'] / max(rows['sklearn-kmeans']['inner_seconds'], 0.01):.1f}x "
                               f"({rows['sklearn-kmeans']['note'].removeprefix('vs segment; ')})")
        if "forecast-engine" in rows and "autoets" in rows:
            comparisons.append(f"- {int(step):,}: forecast, same series and held-out weeks: segplan engine "
                               f"{rows['forecast-engine']['note'].removeprefix('vs autoets; ').split(';')[0]}; AutoETS "
                               f"{rows['autoets']['note'].removeprefix('same series and holdout; ').split(';')[0]}; "
                               f"series / s {rate(rows['forecast-engine'])} vs {rate(rows['autoets'])}")
    for step in steps:
        stages = [by_step[step][name] for name in STAGES if name in by_step[step]]
        if stages:
            measured = sum(row["inner_seconds"] for row in stages)
            walls = sum(row["wall_seconds"] for row in stages)
            target = (f"; target {PIPELINE_TARGET_SECONDS} s at 1M customers: {walls / PIPELINE_TARGET_SECONDS:.1f}x"
                      if int(step) >= 1_000_000 and len(stages) == len(STAGES) else "")
            comparisons.append(f"- {int(step):,}: whole pipeline ({len(stages)} of {len(STAGES)} stages, each its own "
                               f"process) {measured:.0f} s measured, {walls:.0f} s process wall{target}")
    return "\n".join(lines + [""] + [line for line in comparisons if line])


def main():
    steps = sys.argv[1:]
    body = table(steps)
    print(body)
    section = "\n".join([
        BEGIN,
        "## Scale steps: stages against the floor and the peers (issue 7)",
        "",
        f"Command: `bench/run_all.sh {' '.join(steps)}` (`make bench`), seed 42, Parquet inputs, run date 2025-12-31,"
        f" written {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC.",
        f"Machine: {machine()}.",
        "",
        *([os.environ["BENCH_NOTE"], ""] if os.environ.get("BENCH_NOTE") else []),
        "*Process wall* is the whole process under `/usr/bin/time -v` (JVM or Python start included); *measured* is"
        " the stage's own time from the run summary, or the timed query / fit inside the floor and peer programs"
        " (data loading excluded for the Python peers). Rows: input rows for ingest and generate, transaction lines"
        " for features, the floor and DuckDB, customers for segment, k-means and the later stages. Peak RSS is the process's maximum"
        " resident set (the JVM's, with the heap set by SEGPLAN_JAVA_OPTS).",
        "",
        body,
        "",
        *([f"Only the {int(steps[0]):,}-customer step ran in this session; the 1M-customer step (`bench/run_all.sh"
           f" 100000 1000000`: generation alone takes about 14 minutes here) was not run, so there is no growth"
           f" factor yet."] if len(steps) == 1 else []),
        END,
    ])
    results = ROOT / "bench" / "RESULTS.md"
    text = results.read_text() if results.exists() else "# Benchmark results\n"
    if BEGIN in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    results.write_text(text)


if __name__ == "__main__":
    main()
